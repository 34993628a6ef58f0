"""Evaluation gate: the shipped PLOVER detector must keep its pinned F1 on the event GSR."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from marsad.evaluate.events import evaluate_gsr
from marsad.events.detect import PloverDetector

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED") or REPO.parent / "shared")
GSR = SHARED / "data" / "events" / "arabic_event_gsr"
BASELINE = REPO / "eval" / "events_baseline.json"
FILES = {"ASSAULT": "assault_gsr.csv", "PROTEST": "protest_gsr.csv"}

pytestmark = [
    pytest.mark.shared,
    pytest.mark.slow,
    pytest.mark.skipif(not GSR.is_dir(), reason="../shared event GSR not available"),
]


@pytest.mark.parametrize("event", sorted(FILES))
def test_gsr_detection_f1_holds_the_pin(event: str) -> None:
    pin = json.loads(BASELINE.read_text(encoding="utf-8"))
    expected = pin["events_gsr_dev_fit"][event]
    scores = evaluate_gsr(GSR / FILES[event], PloverDetector.load())[event]
    assert scores["f1"] >= expected["f1"] - pin["tolerance"], scores
    assert scores["precision"] >= expected["precision"] - 2 * pin["tolerance"], scores
    assert scores["recall"] >= expected["recall"] - 2 * pin["tolerance"], scores


def test_the_pinned_estimates_are_those_of_the_shipped_model() -> None:
    from marsad.events.detect_train import annotator_f1, read_examples

    pin = json.loads(BASELINE.read_text(encoding="utf-8"))
    meta = PloverDetector.load().meta
    for event, name in FILES.items():
        cv = meta["cv"][event]
        assert {k: cv[k] for k in ("precision", "recall", "f1")} == pin["events_gsr_cv"][event]
        human = annotator_f1(read_examples(GSR / name))
        assert human == pin["events_gsr_one_annotator"][event]
