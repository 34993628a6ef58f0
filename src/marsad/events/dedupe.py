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
    return kept


def _dated(ev: Event) -> bool:
    return (ev.evidence or {}).get("date_from") == "sentence"


def _same_occasion(a: Event, b: Event) -> bool:
    return not (_dated(a) and _dated(b)) or a.date == b.date
