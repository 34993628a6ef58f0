"""The offline logistic regression shared by the detector and the event confidence model."""

from __future__ import annotations

import math

import pytest

np = pytest.importorskip("numpy")

from marsad.events.logistic import Design, balanced_folds, fit_logistic  # noqa: E402


def test_rows_of_a_group_share_a_fold_and_positives_spread() -> None:
    groups = ["a", "a", "b", "c", "c", "c", "d", "e"]
    positive = [True, False, True, True, False, False, True, False]
    folds = balanced_folds(groups, positive, 2, seed=1)
    assert folds[0] == folds[1]
    assert folds[3] == folds[4] == folds[5]
    per_fold = [sum(p for p, f in zip(positive, folds, strict=True) if f == k) for k in (0, 1)]
    assert sorted(per_fold) == [2, 2]
    assert folds == balanced_folds(groups, positive, 2, seed=1)


def test_min_df_drops_a_feature_seen_once() -> None:
    feats = [["x", "y"], ["x"], ["z"]]
    design = Design(feats, [0, 1, 2], min_df=2)
    assert design.vocab == ["x"]
    r, c, n = design.matrix(feats, [0, 2])
    assert (r.tolist(), c.tolist(), n) == ([0], [0], 2)


def test_fit_learns_the_sign_and_the_base_rate() -> None:
    # feature 0 on rows 0-5 (5 of 6 positive), feature 1 on rows 6-11 (1 of 6 positive)
    feats = [["good"]] * 6 + [["bad"]] * 6
    y = np.asarray([1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 1], dtype=float)
    design = Design(feats, range(12), min_df=1)
    r, c, n = design.matrix(feats, range(12))
    w, b = fit_logistic(r, c, n, len(design.vocab), y, np.ones(12), l2=1e-6)
    good = 1 / (1 + math.exp(-(w[design.index["good"]] + b)))
    bad = 1 / (1 + math.exp(-(w[design.index["bad"]] + b)))
    assert good == pytest.approx(5 / 6, abs=1e-3)
    assert bad == pytest.approx(1 / 6, abs=1e-3)
