"""Evaluation gate: the shipped NER model must keep its pinned ANERcorp dev F1."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from marsad.evaluate.ner import conll_scores
from marsad.ner.crf import anercorp_split, load_tagger, tag_documents

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED") or REPO.parent / "shared")
BASELINE = REPO / "eval" / "ner_baseline.json"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.slow,
    pytest.mark.skipif(
        not (SHARED / "data" / "ner" / "anercorp" / "train.txt").is_file(),
        reason="../shared NER data not available",
    ),
]


def test_anercorp_dev_f1_holds_the_pin() -> None:
    pin = json.loads(BASELINE.read_text(encoding="utf-8"))
    expected = pin["ner_anercorp_dev"]
    _train, dev = anercorp_split(SHARED)
    pred = tag_documents(load_tagger(), dev)  # article-sized windows, as ner-crf.json scores
    scores = conll_scores([[t for _, t in s] for s in dev], pred)
    assert scores["f1"] >= expected["f1"] - pin["tolerance"], scores
    assert scores["precision"] >= expected["precision"] - 2 * pin["tolerance"]
    assert scores["recall"] >= expected["recall"] - 2 * pin["tolerance"]
