"""The human-readable terminal report (rich) for analysed articles and run summaries."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from marsad.model import Article
from marsad.summary import dyads, statement

QUAD_STYLE = {1: "green", 2: "bold green", 3: "yellow", 4: "bold red"}


def render_article(console: Console, a: Article) -> None:
    """Header, cleaning, then each table that has rows; spans stay traceable by offsets."""
    removed: dict[str, int] = {}
    for p in a.paragraphs:
        if p.removed and p.reason:
            removed[p.reason] = removed.get(p.reason, 0) + 1
    why = ", ".join(f"{n} {r}" for r, n in sorted(removed.items())) or "none"
    head = Text()
    head.append(a.title + "\n", style="bold")
    head.append(
        f"id {a.id[:12]}  ·  published {a.published_iso or '?'}  ·  {a.source or a.path or ''}\n"
    )
    head.append(f"paragraphs kept {a.paragraphs_kept}, removed {a.paragraphs_removed} ({why})  ·  ")
    head.append(
        f"sentences {len(a.sentences)}  ·  headings {sum(1 for s in a.sentences if s.heading)}"
    )
    console.print(Panel(head, title="marsad", expand=True))
    if a.entities:
        t = Table(title="entities", show_lines=False)
        for col in ("name", "English", "type", "code", "mentions"):
            t.add_column(col)
        for e in a.entities:
            forms = sorted({m.text for m in e.mentions})
            t.add_row(e.name, e.name_en or "", e.type, e.code or "", " | ".join(forms))
        console.print(t)
    if a.events:
        t = Table(title="events")
        for col in ("date", "source", "cameo", "target", "goldstein", "conf", "evidence"):
            t.add_column(col)
        for ev in a.events:
            style = QUAD_STYLE.get(ev.quad_class or 0, "")
            t.add_row(
                ev.date or "",
                f"{ev.source.get('code') or '?'} {ev.source.get('text') or ''}",
                Text(f"{ev.cameo} {ev.trigger}", style=style),
                f"{ev.target.get('code') or '?'} {ev.target.get('text') or ''}",
                "" if ev.goldstein is None else f"{ev.goldstein:+.1f}",
                f"{ev.confidence:.2f}",
                _evidence(
                    a.text,
                    ev.start,
                    ev.end,
                    (ev.evidence or {}).get("start"),
                    (ev.evidence or {}).get("end"),
                ),
            )
        console.print(t)
    for d in dyads(a):
        console.print(Text("dyad " + statement(d), style="bold"))
    for key, cols in (("dates", ("text", "value")), ("numbers", ("text", "value", "unit"))):
        rows = getattr(a, key)
        if rows:
            t = Table(title=key)
            for col in cols:
                t.add_column(col)
            for r in rows:
                t.add_row(*(str(r.get(c, "")) for c in cols))
            console.print(t)
    if a.quotes:
        t = Table(title="quotes")
        t.add_column("speaker")
        t.add_column("quote")
        for q in a.quotes:
            t.add_row(q.speaker_text or "?", q.text[:100])
        console.print(t)
    if not (a.entities or a.events):
        body = [s for s in a.sentences if not s.heading][:3]
        if body:
            console.print(Text("first sentences:", style="dim"))
            for s in body:
                console.print(Text("  " + s.text[:160]))


def render_summary(console: Console, summary: dict[str, Any]) -> None:
    failed, skipped = summary.get("failed", []), summary.get("skipped", [])
    line = (
        f"read {summary.get('read', 0)} · stored {summary.get('stored', 0)} · "
        f"duplicates {summary.get('duplicates', 0)} · skipped {len(skipped)} · failed {len(failed)}"
    )
    console.print(Text(line, style="bold"))


def _evidence(text: str, start: int, end: int, s_start: int | None, s_end: int | None) -> Text:
    """The sentence around the trigger, the trigger in bold, cut to about 90 characters."""
    lo = max(s_start if s_start is not None else start, start - 45)
    hi = min(s_end if s_end is not None else end, end + 45)
    out = Text("…" if lo > (s_start or 0) else "")
    out.append(text[lo:start])
    out.append(text[start:end], style="bold")
    out.append(text[end:hi])
    if s_end is not None and hi < s_end:
        out.append("…")
    return out
