"""Per-article dyad summaries: how cooperative or hostile each pair of countries is, with counts.

The report states the balance (cooperative and conflictual events, their Goldstein totals)
rather than a single verdict, and every figure points back to its events.
"""

from __future__ import annotations

from typing import Any

from marsad.model import Article


def dyads(article: Article) -> list[dict[str, Any]]:
    """One entry per unordered pair of countries that have events between them."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for i, ev in enumerate(article.events):
        a = (ev.source.get("code") or "")[:3]
        b = (ev.target.get("code") or "")[:3]
        if not a or not b or a == b:
            continue
        key = (min(a, b), max(a, b))
        d = pairs.setdefault(
            key,
            {
                "pair": list(key),
                "events": [],
                "quad_class": {1: 0, 2: 0, 3: 0, 4: 0},
                "goldstein_total": 0.0,
            },
        )
        d["events"].append(i)
        if ev.quad_class:
            d["quad_class"][ev.quad_class] += 1
        d["goldstein_total"] += ev.goldstein or 0.0
    out = []
    for d in pairs.values():
        q = d["quad_class"]
        coop, conf = q[1] + q[2], q[3] + q[4]
        n = len(d["events"])
        d["cooperative"], d["conflictual"] = coop, conf
        d["goldstein_total"] = round(d["goldstein_total"], 1)
        d["goldstein_mean"] = round(d["goldstein_total"] / n, 2) if n else 0.0
        d["quad_class"] = {str(k): v for k, v in q.items()}
        d["balance"] = _balance(coop, conf)
        out.append(d)
    out.sort(key=lambda d: -len(d["events"]))
    return out


def _balance(coop: int, conf: int) -> str:
    """A word for the mix, never a verdict without the counts beside it."""
    if coop and conf:
        return "mixed"
    if coop:
        return "cooperative"
    return "conflictual" if conf else "none"


def statement(d: dict[str, Any]) -> str:
    a, b = d["pair"]
    return (
        f"{a}–{b}: {d['balance']} — {d['cooperative']} cooperative and {d['conflictual']} "
        f"conflictual events, Goldstein total {d['goldstein_total']:+.1f} "
        f"(mean {d['goldstein_mean']:+.2f})"
    )
