"""Evaluation gate: the held-out NER model must keep its pinned ANERcorp dev F1.

The shipped model is the same config trained with the dev slice added, so its dev score
would be a fit; the held-out twin, trained on the train part alone, is what is pinned. Both
read the same features, so a feature or decoder regression shows here.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from marsad.evaluate.ner import conll_scores
from marsad.ner.crf import HELDOUT_PATH, anercorp_split, load_tagger, tag_documents

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
    # article-sized windows, as ner-crf.json scores
    pred = tag_documents(load_tagger(HELDOUT_PATH), dev)
    scores = conll_scores([[t for _, t in s] for s in dev], pred)
    assert scores["f1"] >= expected["f1"] - pin["tolerance"], scores
    assert scores["precision"] >= expected["precision"] - 2 * pin["tolerance"]
    assert scores["recall"] >= expected["recall"] - 2 * pin["tolerance"]
