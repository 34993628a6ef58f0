"""Evaluation gate: actor country and role accuracy on the PLOVER span gold keep their pin."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from marsad.evaluate.actors import evaluate_actors

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED") or REPO.parent / "shared")
GOLD = SHARED / "data" / "events" / "arabic_event_gsr"
BASELINE = REPO / "eval" / "actors_baseline.json"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not (GOLD / "assault_spans.json").is_file(), reason="../shared span gold not available"
    ),
]


@pytest.mark.parametrize("name", ["assault", "protest"])
def test_actor_accuracy_holds_the_pin(name: str) -> None:
    pin = json.loads(BASELINE.read_text(encoding="utf-8"))
    expected, tolerance = pin[name], pin["tolerance"]
    got = evaluate_actors(GOLD / f"{name}_spans.json", ner=expected["ner"])
    assert got["spans"] == expected["spans"]
    assert got["country_accuracy"] >= expected["country_accuracy"] - tolerance, got
    assert got["role_accuracy"] >= expected["role_accuracy"] - tolerance, got
