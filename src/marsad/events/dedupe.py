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
    seen_in: dict[int, set[int]] = {}  # id of a kept event -> the sentences it was seen in
    for ev in events:
        seen_in.setdefault(id(ev), set()).add(ev.sentence)
        key = (_party(ev.source), _party(ev.target), ev.cameo)
        same = next((e for e in index.get(key, []) if _same_occasion(e, ev)), None)
        if same is None:
            index.setdefault(key, []).append(ev)
            kept.append(ev)
            continue
        if _dated(ev) and not _dated(same):  # the dated mention's codes are as of its day
            same.source["code"], same.target["code"] = ev.source.get("code"), ev.target.get("code")
        _absorb(same, ev)
        seen_in[id(same)].add(ev.sentence)
    return _fold_force(_fold_bare(kept), seen_in)


def _party(side: dict[str, object]) -> str:
    """What makes two mentions one party: the entity, except for a bare country, which is one
    party whatever words name it («فرنسا» in the lead, «الفرنسية» in «وزير الداخلية الفرنسي»
    where the minister is not coded)."""
    code = side.get("code")
    if isinstance(code, str) and len(code) == COUNTRY_CODE_LENGTH:
        return code
    return str(side.get("entity_id") or code)


COUNTRY_CODE_LENGTH = 3


def _absorb(kept: Event, ev: Event) -> None:
    """``ev`` is one more mention of ``kept``, which takes its explicit date if it has none."""
    kept.mentions += ev.mentions
    if _dated(ev) and not _dated(kept):
        kept.date, kept.date_precision = ev.date, ev.date_precision
        if kept.evidence is not None:
            kept.evidence["date_from"] = "sentence"


def _fold_bare(kept: list[Event]) -> list[Event]:
    """«مباحثات سعودية أردنية» in the headline and «استقبل وزير الخارجية السعودي نظيره الأردني» in
    the body: an event between bare countries (SAU → JOR) is a mention of the same act between
    their bodies (SAUGOV → JORGOV, same code and occasion), not a second act to count."""
    out: list[Event] = []
    for ev in kept:
        src, tgt = _codes(ev)
        richer = None
        if src and tgt and (len(src) == 3 or len(tgt) == 3):
            # the most specific twin, so a chain (SAU → JOR, SAUGOV → JOR) lands in one event
            richer = max(
                (
                    o
                    for o in kept
                    if o.cameo == ev.cameo
                    and _same_occasion(o, ev)
                    and _codes(o)[0].startswith(src)
                    and _codes(o)[1].startswith(tgt)
                    and len("".join(_codes(o))) > len(src) + len(tgt)
                ),
                key=lambda o: len("".join(_codes(o))),
                default=None,
            )
        if richer is None:
            out.append(ev)
        else:
            _absorb(richer, ev)
    return out


GENERIC_FORCE = "190"  # casualties and attackers named without the means (قتل، جرح، مهاجمون)
VIOLENT_ROOTS = ("18", "19", "20")


def _fold_force(kept: list[Event], seen_in: dict[int, set[int]] | None = None) -> list[Event]:
    """«نفذ الحوثيون قصفا على أحياء في تعز، أسفر عن إصابة عدد من المدنيين»: the generic use of
    force (190) a sentence reports between the same two parties as a more specific attack
    (194 shelling, 195 air strike, 183 bombing) is that attack's result, one more mention of
    it, not a second act — also when that attack was first counted in another sentence (the
    headline) and merged there (``seen_in``: the sentences each kept event was seen in)."""
    seen_in = seen_in or {}
    out: list[Event] = []
    for ev in kept:
        specific = None
        if ev.cameo == GENERIC_FORCE:
            specific = next(
                (
                    o
                    for o in kept
                    if o is not ev
                    and (o.sentence == ev.sentence or ev.sentence in seen_in.get(id(o), ()))
                    and o.cameo != GENERIC_FORCE
                    and o.cameo[:2] in VIOLENT_ROOTS
                    and _codes(o) == _codes(ev)
                    and _same_occasion(o, ev)
                ),
                None,
            )
        if specific is None:
            out.append(ev)
        else:
            _absorb(specific, ev)
    return out


def _codes(ev: Event) -> tuple[str, str]:
    return ev.source.get("code") or "", ev.target.get("code") or ""


def _dated(ev: Event) -> bool:
    return (ev.evidence or {}).get("date_from") == "sentence"


def _same_occasion(a: Event, b: Event) -> bool:
    return not (_dated(a) and _dated(b)) or a.date == b.date
