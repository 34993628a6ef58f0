"""A static dyad chart for reports (matplotlib, the ``plot`` extra, Agg backend: no display)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from marsad.errors import MissingDependency, StoreError

QUAD_COLORS = {"1": "#7fbf7b", "2": "#1b7837", "3": "#f1a340", "4": "#b2182b"}
QUAD_NAMES = {
    "1": "verbal cooperation",
    "2": "material cooperation",
    "3": "verbal conflict",
    "4": "material conflict",
}


def plot_dyad(series: dict[str, Any], path: str | Path) -> Path:
    """Draw ``analytics.dyad_series`` output: records by QuadClass, then mean Goldstein and trend."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        from matplotlib.ticker import MaxNLocator
    except ImportError:
        raise MissingDependency("matplotlib", "plot", "marsad plot") from None
    periods = series["periods"]
    x = list(range(len(periods)))
    labels = [p["period"] for p in periods]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6.5), sharex=True)
    base = [0] * len(periods)
    for quad in ("1", "2", "3", "4"):
        heights = [p["quad_counts"][quad] for p in periods]
        top.bar(x, heights, bottom=base, color=QUAD_COLORS[quad], label=QUAD_NAMES[quad])
        base = [b + h for b, h in zip(base, heights, strict=True)]
    top.set_ylabel("event records")
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.legend(loc="upper left", fontsize=8, ncol=2)
    a, b = series["a"], series["b"]
    for key, name, style in (("a_to_b", f"{a}→{b}", "^"), ("b_to_a", f"{b}→{a}", "v")):
        pts = [(i, p[key]["goldstein_mean"]) for i, p in enumerate(periods)]
        pts = [(i, m) for i, m in pts if m is not None]
        if pts:
            bottom.plot(*zip(*pts, strict=True), style, alpha=0.6, label=name)
    both = [
        (i, p["goldstein_mean"]) for i, p in enumerate(periods) if p["goldstein_mean"] is not None
    ]
    if both:
        bottom.plot(*zip(*both, strict=True), "o-", color="black", label="both directions")
    trend = series["trend"]
    if trend.get("slope") is not None and x:
        line = [trend["intercept"] + trend["slope"] * i for i in x]
        bottom.plot(x, line, "--", color="gray", label="trend (OLS)")
    cp = trend.get("change_point")
    if cp:
        bottom.axvline(cp["index"] - 0.5, color="purple", linestyle=":", label="change point")
    bottom.axhline(0, color="lightgray", linewidth=0.8)
    bottom.set_ylim(-10.5, 10.5)
    bottom.set_ylabel("mean Goldstein")
    bottom.legend(loc="upper left", fontsize=8, ncol=3)
    step = max(1, len(labels) // 12)
    bottom.set_xticks(x[::step], labels[::step], rotation=30, ha="right", fontsize=8)
    top.set_title(f"{a}–{b} by {series['by']}")
    fig.text(0.01, 0.01, "\n".join(textwrap.wrap(trend["statement"]["en"], 150)), fontsize=8)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    out = Path(path)
    try:
        fig.savefig(out, dpi=120)
    except OSError as exc:
        raise StoreError(f"{out}: cannot write chart ({exc.strerror})") from None
    finally:
        plt.close(fig)
    return out
