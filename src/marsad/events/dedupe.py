"""Events of one article merged when they are mentions of the same act."""

from __future__ import annotations

from marsad.model import Event


def dedupe(events: list[Event]) -> list[Event]:
    """One event per source, target, CAMEO code and occasion, as GDELT counts them.

    Mentions of the same act in several sentences (the lead announcing a call, the body dating
    it) merge into the first, which takes the explicit date when only a later mention has one.
    Two explicitly dated mentions on different days stay two events.
    """
    kept: list[Event] = []
    index: dict[tuple[str, str, str], list[Event]] = {}
    for ev in events:
        key = (
            str(ev.source.get("entity_id") or ev.source.get("code")),
            str(ev.target.get("entity_id") or ev.target.get("code")),
            ev.cameo,
        )
        same = next((e for e in index.get(key, []) if _same_occasion(e, ev)), None)
        if same is None:
            index.setdefault(key, []).append(ev)
            kept.append(ev)
            continue
        same.mentions += 1
        if _dated(ev) and not _dated(same):
            same.date, same.date_precision = ev.date, ev.date_precision
            same.source["code"], same.target["code"] = ev.source.get("code"), ev.target.get("code")
            if same.evidence is not None:
                same.evidence["date_from"] = "sentence"
    return _fold_bare(kept)


def _fold_bare(kept: list[Event]) -> list[Event]:
    """«مباحثات سعودية أردنية» in the headline and «استقبل وزير الخارجية السعودي نظيره الأردني» in
    the body: an event between bare countries (SAU → JOR) is a mention of the same act between
    their bodies (SAUGOV → JORGOV, same code and occasion), not a second act to count."""
    out: list[Event] = []
    for ev in kept:
        src, tgt = ev.source.get("code") or "", ev.target.get("code") or ""
        richer = None
        if src and tgt and (len(src) == 3 or len(tgt) == 3):
            richer = next(
                (
                    o
                    for o in kept
                    if o is not ev
                    and o.cameo == ev.cameo
                    and _same_occasion(o, ev)
                    and (o.source.get("code") or "").startswith(src)
                    and (o.target.get("code") or "").startswith(tgt)
                    and len(o.source.get("code") or "") + len(o.target.get("code") or "")
                    > len(src) + len(tgt)
                ),
                None,
            )
        if richer is None:
            out.append(ev)
        else:
            richer.mentions += ev.mentions
    return out


def _dated(ev: Event) -> bool:
    return (ev.evidence or {}).get("date_from") == "sentence"


def _same_occasion(a: Event, b: Event) -> bool:
    return not (_dated(a) and _dated(b)) or a.date == b.date
