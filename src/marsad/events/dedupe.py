"""Events of one article merged when they are mentions of the same act."""

from __future__ import annotations

from collections.abc import Callable, Collection

from marsad.model import Event


def dedupe(events: list[Event], persons: Collection[str] = ()) -> list[Event]:
    """One event per source, target, act and occasion, as GDELT counts them.

    Mentions of the same act in several sentences (the lead announcing a call, the body dating
    it) merge into one event, which takes the explicit date when only a later mention has one.
    The act is the CAMEO code, or a group of codes that are ways of telling one act
    (``ONE_ACT_GROUPS``); there the more specific code names it: «بحث … مع» (040) in the headline
    and «استقبل» (043) in the body are one meeting, a visit hosted. Two explicitly dated mentions
    on different days, or at two named places, stay two events. ``persons``: entity ids of
    people (see ``_party``).
    """
    kept: list[Event] = []
    index: dict[tuple[str, str, str], list[Event]] = {}
    seen_in: dict[int, set[int]] = {}  # id of a kept event -> the sentences it was seen in
    for ev in events:
        seen_in.setdefault(id(ev), set()).add(ev.sentence)
        key = (_party(ev.source, persons), _party(ev.target, persons), _act(ev.cameo))
        group = index.setdefault(key, [])
        same = next((e for e in group if _same_occasion(e, ev)), None)
        if same is None:
            group.append(ev)
            kept.append(ev)
            continue
        if _more_specific(ev.cameo, same.cameo):  # ev names the act: it stands for both
            group[group.index(same)] = kept[kept.index(same)] = ev
            seen_in[id(ev)] |= seen_in[id(same)]
            same, ev = ev, same
        if _dated(ev) and not _dated(same):  # the dated mention's codes are as of its day
            same.source["code"], same.target["code"] = ev.source.get("code"), ev.target.get("code")
        _absorb(same, ev)
        seen_in[id(same)].add(ev.sentence)
    return _fold_statement(_fold_force(_fold_bare(kept), seen_in), seen_in)


def _party(side: dict[str, object], persons: Collection[str] = ()) -> str:
    """What makes two mentions one party: the actor code, except for a person, who is the
    entity. «قوات الاحتلال الإسرائيلي» in the headline and «قوات الاحتلال الإسرائيلية» in the
    body, «التحالف» and «مقاتلات التحالف», «فرنسا» and «الفرنسية» are one party each; two
    officials of one government (the king and the crown prince, both SAUGOV, each sending a
    cable) stay two, unless the person is coded as a bare country."""
    code = side.get("code")
    entity = side.get("entity_id")
    if (
        isinstance(code, str)
        and code
        and (len(code) == COUNTRY_CODE_LENGTH or entity is None or entity not in persons)
    ):
        return code
    return str(entity or code)


COUNTRY_CODE_LENGTH = 3


# Codes (by prefix) that tell one act in other words, each group one act: a statement (010)
# and the comment it makes (012, 018); a meeting reported as talks (040), a visit (042, 043) or
# a call (041); criticism (111) and the accusation it voices (112); an attack reported as
# shelling (194), air raids (195) or fighting (190); mass violence. Other codes are different
# acts even within one root: an intent to cooperate (030) and one to meet (036), praise (051)
# and a signed agreement (057), criticism (111) and an ambassador summoned (114) are two events.
ONE_ACT_GROUPS = {
    "01": "01",
    "04": "04",
    "110": "11",
    "111": "11",
    "112": "11",
    "19": "19",
    "20": "20",
}


def _act(cameo: str) -> str:
    return ONE_ACT_GROUPS.get(cameo[:3]) or ONE_ACT_GROUPS.get(cameo[:2]) or cameo


def _more_specific(code: str, than: str) -> bool:
    """A four-digit code over a three-digit one, a sub-code (041) over its root's generic x0."""
    return (len(code), not code.endswith("0")) > (len(than), not than.endswith("0"))


def _absorb(kept: Event, ev: Event) -> None:
    """``ev`` is one more mention of ``kept``, which takes its explicit date and its place if it
    has none."""
    kept.mentions += ev.mentions
    if kept.place is None and ev.place is not None:
        kept.place = ev.place
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
                    if _act(o.cameo) == _act(ev.cameo)
                    and not _more_specific(ev.cameo, o.cameo)
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
    return _fold_generic(
        kept,
        seen_in or {},
        GENERIC_FORCE,
        lambda o, ev: o.cameo[:2] in VIOLENT_ROOTS and _codes(o) == _codes(ev),
    )


GENERIC_STATEMENT = "010"  # «بيان، قال، صرح» with no more to say of the act


def _fold_statement(kept: list[Event], seen_in: dict[int, set[int]]) -> list[Event]:
    """«أكدت الخارجية الأردنية في بيان وقوف الأردن مع مصر»: the statement (010) between the two
    parties of another act reported in the same sentence (here 051, support), or between their
    bare countries, is how that act was made, one more mention of it, not a second act."""
    return _fold_generic(
        kept,
        seen_in,
        GENERIC_STATEMENT,
        lambda o, ev: all(_codes(ev)) and all(map(str.startswith, _codes(o), _codes(ev))),
    )


def _fold_generic(
    kept: list[Event],
    seen_in: dict[int, set[int]],
    generic: str,
    carries: Callable[[Event, Event], bool],
) -> list[Event]:
    """Each event coded ``generic`` folds into another event of its sentence (or one merged
    there) on the same occasion that ``carries`` it, as one more mention of that act."""
    out: list[Event] = []
    for ev in kept:
        into = None
        if ev.cameo == generic:
            into = next(
                (
                    o
                    for o in kept
                    if o is not ev
                    and o.cameo != generic
                    and (o.sentence == ev.sentence or ev.sentence in seen_in.get(id(o), ()))
                    and carries(o, ev)
                    and _same_occasion(o, ev)
                ),
                None,
            )
        if into is None:
            out.append(ev)
        else:
            _absorb(into, ev)
    return out


def _codes(ev: Event) -> tuple[str, str]:
    return ev.source.get("code") or "", ev.target.get("code") or ""


def _dated(ev: Event) -> bool:
    return (ev.evidence or {}).get("date_from") == "sentence"


def _same_occasion(a: Event, b: Event) -> bool:
    """Not two explicit days, nor two named places («غارات على صعدة» and «غارات على تعز» the
    same day are two raids)."""
    if _dated(a) and _dated(b) and a.date != b.date:
        return False
    return not (a.place and b.place) or _place(a) == _place(b)


def _place(ev: Event) -> object:
    place = ev.place or {}
    return place.get("name_en") or place.get("name")
