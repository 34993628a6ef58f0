"""A dyad's cooperation and conflict per period as SVG drawn on the server (no script, no CDN)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

WIDTH, HEIGHT = 760, 280
LEFT, RIGHT, TOP, BOTTOM = 44, 16, 16, 44


def _counts(period: dict[str, Any]) -> tuple[int, int]:
    q = period.get("quad_counts") or {}
    coop = int(q.get("1", 0)) + int(q.get("2", 0))
    conflict = int(q.get("3", 0)) + int(q.get("4", 0))
    return coop, conflict


def dyad_chart(
    periods: list[dict[str, Any]],
    link: Callable[[str], str],
    labels: dict[str, str],
    selected: str | None = None,
) -> str:
    """Two lines (cooperation, conflict records per period); each point links to its events."""
    if not periods:
        return ""
    counts = [_counts(p) for p in periods]
    top = max(1, *(max(c) for c in counts))
    n = len(periods)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(i: int) -> float:
        return LEFT + (inner_w / 2 if n == 1 else inner_w * i / (n - 1))

    def y(v: int) -> float:
        return TOP + inner_h * (1 - v / top)

    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" width="100%" role="img" '
        f'aria-label="{escape(labels["chart"])}" xmlns="http://www.w3.org/2000/svg">',
        f'<line class="axis" x1="{LEFT}" y1="{y(0):.1f}" x2="{WIDTH - RIGHT}" y2="{y(0):.1f}"/>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{y(0):.1f}"/>',
    ]
    for v in sorted({0, top // 2, top}):
        parts.append(
            f'<text class="tick" x="{LEFT - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v}</text>'
        )
    step = max(1, n // 8)
    for i, p in enumerate(periods):
        if i % step == 0 or i == n - 1:
            parts.append(
                f'<text class="tick" x="{x(i):.1f}" y="{HEIGHT - BOTTOM + 18}" '
                f'text-anchor="middle">{escape(p["period"])}</text>'
            )
    for k, kind in ((0, "coop"), (1, "conflict")):
        pts = " ".join(f"{x(i):.1f},{y(c[k]):.1f}" for i, c in enumerate(counts))
        parts.append(f'<polyline class="line {kind}" points="{pts}"/>')
    for i, (p, c) in enumerate(zip(periods, counts, strict=True)):
        for k, kind in ((0, "coop"), (1, "conflict")):
            if not c[k]:
                continue
            chosen = " selected" if p["period"] == selected else ""
            title = f"{p['period']}: {labels[kind]} {c[k]}"
            parts.append(
                f'<a href="{escape(link(p["period"]))}" class="point-link">'
                f'<circle class="point {kind}{chosen}" data-period="{escape(p["period"])}" '
                f'cx="{x(i):.1f}" cy="{y(c[k]):.1f}" r="6"><title>{escape(title)}</title>'
                "</circle></a>"
            )
    legend_y = HEIGHT - 8
    parts.append(
        f'<circle class="point coop" cx="{LEFT + 6}" cy="{legend_y - 4}" r="5"/>'
        f'<text class="legend" x="{LEFT + 16}" y="{legend_y}">{escape(labels["coop"])}</text>'
        f'<circle class="point conflict" cx="{LEFT + 206}" cy="{legend_y - 4}" r="5"/>'
        f'<text class="legend" x="{LEFT + 216}" y="{legend_y}">{escape(labels["conflict"])}</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
