"""Weighted L2 logistic regression over sparse binary features, for the small models marsad
trains offline (the PLOVER sentence detector, the event confidence model).

numpy is needed here only (the ``dev`` extra); the models it fits ship as JSON weights and
score without it. L-BFGS is written out so results are the same on every machine: no BLAS
threads, no optional solver.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from marsad.errors import MissingDependency


def numpy_or_raise(what: str) -> Any:
    """The numpy module, or MissingDependency naming ``what`` needed it."""
    try:
        import numpy
    except ImportError as exc:
        raise MissingDependency("numpy", "dev", what) from exc
    return numpy


def balanced_folds(groups: Sequence[str], positive: Sequence[bool], k: int, seed: int) -> list[int]:
    """A fold per row such that rows of one group share a fold; groups go, most positives
    first (ties in a seeded random order), to the fold with the fewest positives so far."""
    np = numpy_or_raise("cross-validation")
    members: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        members.setdefault(g, []).append(i)
    names = sorted(members)
    order = np.random.default_rng(seed).permutation(len(names))
    ranked = sorted((names[j] for j in order), key=lambda g: -sum(positive[i] for i in members[g]))
    pos = [0] * k
    size = [0] * k
    fold = [0] * len(groups)
    for g in ranked:
        n_pos = sum(positive[i] for i in members[g])
        f = min(range(k), key=lambda j: (pos[j], size[j]) if n_pos else (size[j], pos[j]))
        pos[f] += n_pos
        size[f] += len(members[g])
        for i in members[g]:
            fold[i] = f
    return fold


class Design:
    """Sparse binary design matrix over the features kept from some training rows."""

    def __init__(self, feats: Sequence[Sequence[str]], rows: Sequence[int], min_df: int) -> None:
        np = numpy_or_raise("training a model")
        df: dict[str, int] = {}
        for i in rows:
            for f in feats[i]:
                df[f] = df.get(f, 0) + 1
        self.vocab = sorted(f for f, n in df.items() if n >= min_df)
        self.index = {f: j for j, f in enumerate(self.vocab)}
        self.np = np

    def matrix(self, feats: Sequence[Sequence[str]], rows: Sequence[int]) -> tuple[Any, Any, int]:
        r: list[int] = []
        c: list[int] = []
        for k, i in enumerate(rows):
            for f in feats[i]:
                j = self.index.get(f)
                if j is not None:
                    r.append(k)
                    c.append(j)
        return (
            self.np.asarray(r, dtype=self.np.int64),
            self.np.asarray(c, dtype=self.np.int64),
            len(rows),
        )


def dot(a: Any, b: Any) -> float:
    """A dot product without BLAS: its threads thrash on a busy machine for vectors this size."""
    return float((a * b).sum())


def fit_logistic(
    r: Any, c: Any, n: int, d: int, y: Any, sw: Any, l2: float, iters: int = 200
) -> tuple[Any, float]:
    """Weighted L2 logistic regression (targets may be fractions) by L-BFGS: (weights, bias)."""
    np = numpy_or_raise("training a model")
    sw = sw / sw.mean()

    def loss_grad(theta: Any) -> tuple[float, Any]:
        w, b = theta[:d], theta[d]
        z = np.bincount(r, weights=w[c], minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))
        loss = np.sum(sw * (np.logaddexp(0.0, z) - y * z)) + 0.5 * l2 * dot(w, w)
        g = sw * (p - y)
        grad = np.empty(d + 1)
        grad[:d] = np.bincount(c, weights=g[r], minlength=d) + l2 * w
        grad[d] = g.sum()
        return float(loss), grad

    theta = np.zeros(d + 1)
    f, g = loss_grad(theta)
    s_hist: list[Any] = []
    y_hist: list[Any] = []
    for _ in range(iters):
        q = g.copy()
        alphas = []
        for s, yy in zip(reversed(s_hist), reversed(y_hist), strict=True):
            a = dot(s, q) / dot(yy, s)
            alphas.append(a)
            q -= a * yy
        if s_hist:
            q *= dot(s_hist[-1], y_hist[-1]) / dot(y_hist[-1], y_hist[-1])
        for (s, yy), a in zip(zip(s_hist, y_hist, strict=True), reversed(alphas), strict=True):
            q += s * (a - dot(yy, q) / dot(yy, s))
        direction = -q
        step = 1.0
        while True:
            new = theta + step * direction
            f_new, g_new = loss_grad(new)
            if f_new <= f + 1e-4 * step * dot(g, direction) or step < 1e-10:
                break
            step *= 0.5
        s, yy = new - theta, g_new - g
        if dot(yy, s) > 1e-10:
            s_hist.append(s)
            y_hist.append(yy)
            if len(s_hist) > 10:
                s_hist.pop(0)
                y_hist.pop(0)
        converged = abs(f - f_new) <= 1e-6 * max(1.0, abs(f))
        theta, f, g = new, f_new, g_new
        if converged:
            break
    return theta[:d], float(theta[d])
