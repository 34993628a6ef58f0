"""The trend of a dyad series: slope of mean Goldstein per period with a 95% interval, a change
point when one stands out, and a one-sentence statement (English and Arabic) carrying both.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

# A change point is reported when the best single split of the non-empty periods separates
# means by at least this many pooled standard deviations, each side holding two periods or more.
CHANGE_EFFECT = 2.0
# The pooled standard deviation is floored (Goldstein points) so that two flat segments do not
# make an infinite effect out of a small step.
SD_FLOOR = 0.5
CHANGE_RULE = (
    f"best single split of the periods with events; reported when |mean after − mean before| ≥ "
    f"{CHANGE_EFFECT:g} × pooled sd (sd floored at {SD_FLOOR:g}), two periods or more each side"
)
# Two-sided 95% Student t quantiles for 1..30 degrees of freedom (above: Cornish-Fisher).
_T975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip
_UNIT_AR = {"day": "يوم", "week": "أسبوع", "month": "شهر", "year": "سنة", "period": "فترة"}


def t_quantile_975(df: int) -> float:
    """The 0.975 quantile of Student's t, so intervals stay honest for a handful of periods."""
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if df <= len(_T975):
        return _T975[df - 1]
    z = 1.959964
    return z + (z**3 + z) / (4 * df) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * df**2)


def dyad_trend(
    periods: list[dict[str, Any]], by: str | None = None, label: str | None = None
) -> dict[str, Any]:
    """Slope of mean Goldstein per period with a 95% interval, and a change point if one stands out.

    The x axis is the period's position in ``periods`` (empty periods keep their place); only
    periods with a mean enter the fit, so a quiet week neither pulls the line nor hides.
    """
    unit = by or "period"
    points = [
        (i, float(p["goldstein_mean"]))
        for i, p in enumerate(periods)
        if p.get("goldstein_mean") is not None
    ]
    n = len(points)
    out: dict[str, Any] = {
        "n": n,
        "unit": unit,
        "level": 0.95,
        "slope": None,
        "interval": None,
        "intercept": None,
        "direction": "too few periods",
        "change_point": None,
        "change_point_rule": CHANGE_RULE,
    }
    if n < 3:
        out["statement"] = _too_few(n, unit, label)
        return out
    x = np.array([p[0] for p in points], dtype=float)
    y = np.array([p[1] for p in points], dtype=float)
    sxx = float(((x - x.mean()) ** 2).sum())
    slope = float(((x - x.mean()) * (y - y.mean())).sum() / sxx)
    intercept = float(y.mean() - slope * x.mean())
    resid = y - (intercept + slope * x)
    se = math.sqrt(float((resid**2).sum()) / (n - 2) / sxx)
    half = t_quantile_975(n - 2) * se
    lo, hi = slope - half, slope + half
    direction = "rising" if lo > 0 else "falling" if hi < 0 else "unclear"
    out.update(
        slope=round(slope, 4),
        interval=[round(lo, 4), round(hi, 4)],
        intercept=round(intercept, 4),
        direction=direction,
        change_point=_change_point(points, periods),
    )
    out["statement"] = _statement(out, unit, label)
    return out


def _change_point(
    points: list[tuple[int, float]], periods: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """The best single split of the series, when it stands out by CHANGE_RULE."""
    ys = [p[1] for p in points]
    n = len(ys)
    best: tuple[float, int, float, float] | None = None
    for k in range(2, n - 1):
        left, right = np.array(ys[:k]), np.array(ys[k:])
        ss = float(((left - left.mean()) ** 2).sum() + ((right - right.mean()) ** 2).sum())
        sd = max(math.sqrt(ss / (n - 2)), SD_FLOOR)
        effect = abs(float(right.mean() - left.mean())) / sd
        if best is None or effect > best[0]:
            best = (effect, k, float(left.mean()), float(right.mean()))
    if best is None or best[0] < CHANGE_EFFECT:
        return None
    effect, k, before, after = best
    index = points[k][0]
    return {
        "index": index,
        "period": periods[index].get("period"),
        "before": round(before, 4),
        "after": round(after, 4),
        "effect": round(effect, 4),
    }


def _too_few(n: int, unit: str, label: str | None) -> dict[str, str]:
    head = f"{label}: " if label else ""
    return {
        "en": f"{head}too few periods with events ({n}; at least 3 are needed) to estimate a "
        f"trend in mean Goldstein by {unit}.",
        "ar": f"{head}عدد الفترات التي فيها أحداث ({n}) أقل من 3، فلا يمكن تقدير اتجاه متوسط "
        f"مقياس غولدشتاين لكل {_UNIT_AR.get(unit, unit)}.",
    }


def _statement(t: dict[str, Any], unit: str, label: str | None) -> dict[str, str]:
    head = f"{label}: " if label else ""
    slope, (lo, hi), n = t["slope"], t["interval"], t["n"]
    verdict_en = {
        "rising": "the interval is above zero, so relations are warming",
        "falling": "the interval is below zero, so relations are cooling",
        "unclear": "the interval includes zero, so there is no clear trend",
    }[t["direction"]]
    verdict_ar = {
        "rising": "والمجال كله فوق الصفر، فالعلاقة تتجه إلى التعاون",
        "falling": "والمجال كله تحت الصفر، فالعلاقة تتجه إلى الصراع",
        "unclear": "والمجال يشمل الصفر، فلا اتجاه واضح",
    }[t["direction"]]
    unit_ar = _UNIT_AR.get(unit, unit)
    en = (
        f"{head}mean Goldstein changes by {slope:+.2f} per {unit} (95% interval {lo:+.2f} to "
        f"{hi:+.2f}, {n} {unit}s with events); {verdict_en}."
    )
    ar = (
        f"{head}يتغير متوسط مقياس غولدشتاين بمقدار {slope:+.2f} لكل {unit_ar} (مجال الثقة 95٪ من "
        f"{lo:+.2f} إلى {hi:+.2f}، وعدد الفترات التي فيها أحداث {n})، {verdict_ar}."
    )
    cp = t["change_point"]
    if cp:
        en += (
            f" A change stands out from the {unit} of {cp['period']}: mean {cp['before']:+.2f} "
            f"before, {cp['after']:+.2f} from then on."
        )
        ar += (
            f" ويبرز تحول ابتداء من فترة {cp['period']}: كان المتوسط {cp['before']:+.2f} قبلها "
            f"وصار {cp['after']:+.2f} منذ ذلك الحين."
        )
    return {"en": en, "ar": ar}
