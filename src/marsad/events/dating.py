"""The date of an event: the date mention of its sentence that dates the trigger, and how finely.

A day, or a week, month or past year a flashback names («الأسبوع الماضي»، «عام 1990») by its
first day; without one the caller falls back on the publication date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from marsad.datafiles import resource
from marsad.events.modality import BREAKS
from marsad.events.triggers import TriggerMatch
from marsad.model import Sentence, Token
from marsad.text.dates import period_start
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction
from marsad.text.wordlists import word_set

_WORDS = resource("events", "words.tsv")

DATE_WINDOW = 8  # tokens between a trigger and a date mention that dates it
PRECISIONS = ("day", "week", "month", "year")  # of an event's date, finest first
SINCE = normalize("منذ")
# Prepositions that open a circumstantial phrase: «بلينكن، خلال اتصال هاتفي أمس الخميس، …».
CIRCUMSTANTIAL = word_set(_WORDS, "dating.circumstantial")
COMMAS = frozenset({"،", ","})
# A date mention that may date an event: (token, clause, ISO day, set off, precision).
Dating = tuple[int, int, str, bool, str]


def dated_tokens(
    dates: list[dict[str, Any]], sentence: Sentence, clauses: list[int], published: date
) -> list[Dating]:
    """(token, clause, ISO day, set off, precision) of each date mention that can date an
    event: a day, or a week or month a flashback names («الأسبوع الماضي») by its first day.

    A date that is a whole comma-delimited clause («بايدن، أمس الثلاثاء، اتصالا») is set
    off: an adverb of the clause around it rather than a clause of its own; so is a date in a
    circumstantial phrase between commas («حث بلينكن نظيره، خلال اتصال هاتفي أمس الخميس، على
    …»), which dates the act it is the circumstance of. A week or
    month dates an act only when it is over by publication: after منذ it is when something
    began, one still to come («الأسبوع المقبل») dates a plan, and the current one («الشهر
    الجاري») says no more than the publication date does.
    """
    toks = sentence.tokens
    out: list[Dating] = []
    for d in dates:
        if d.get("sentence") != sentence.index or d.get("kind") in ("duration", "until"):
            continue
        precision = str(d.get("granularity"))
        day = period_start(d.get("value"), precision)
        if day is None:
            continue
        k = next((i for i, t in enumerate(toks) if t.end > d["start"]), None)
        if k is None:
            continue
        if precision != "day" and (
            not before_publication(day, precision, published)
            or (k > 0 and strip_conjunction(toks[k - 1].norm) == SINCE)
            or strip_conjunction(toks[k].norm) == SINCE  # «منذ سنوات»، «منذ سنتين»
        ):
            continue
        end = int(d.get("end") or toks[k].end)
        rest = [
            i
            for i, t in enumerate(toks)
            if clauses[i] == clauses[k] and (t.start < d["start"] or t.start >= end)
        ]
        set_off = clauses[k] > 0 and (
            all(toks[i].norm in BREAKS for i in rest) or _circumstance(toks, clauses, clauses[k])
        )
        out.append((k, clauses[k], day, set_off, precision))
    return out


def _circumstance(toks: list[Token], clauses: list[int], clause: int) -> bool:
    """The clause is a phrase between commas that opens with خلال، أثناء، في …"""
    own = [i for i, c in enumerate(clauses) if c == clause]
    first, last = own[0], own[-1]
    return (
        toks[first].norm in COMMAS
        and first + 1 <= last
        and strip_conjunction(toks[first + 1].norm) in CIRCUMSTANTIAL
        and last + 1 < len(toks)
        and toks[last + 1].norm in COMMAS
    )


def own_date(m: TriggerMatch, clauses: list[int], dated: list[Dating]) -> tuple[str, str] | None:
    """(ISO day, precision) of the closest date mention in the trigger's own clause, within
    DATE_WINDOW tokens, or set off next to it (a day before a week or month at the same
    distance): the date the sentence gives the act itself."""
    here = clauses[m.start_token]
    near = [
        (abs(k - m.start_token), PRECISIONS.index(p), v, p)
        for k, c, v, set_off, p in dated
        if (c == here and abs(k - m.start_token) <= DATE_WINDOW) or (set_off and abs(c - here) <= 1)
    ]
    if near:
        _, _, v, p = min(near)
        return v, p
    return None


_PERIODS = word_set(_WORDS, "dating.periods")
_NEXT = word_set(_WORDS, "dating.next")


def period_to_come(m: TriggerMatch, norms: list[str], clauses: list[int]) -> bool:
    """«… الشهر المقبل»، «خلال الأسابيع القادمة»: the trigger's clause names a period still
    to come (which ``dated_tokens`` leaves out, as it dates a plan, not an act)."""
    here = clauses[m.start_token]
    return any(
        clauses[k] == here
        and strip_conjunction(norms[k]).removeprefix("ب").removeprefix("ل") in _PERIODS
        and norms[k + 1] in _NEXT
        for k in range(
            max(0, m.start_token - DATE_WINDOW), min(len(norms) - 1, m.end_token + DATE_WINDOW)
        )
    )


def date_for(m: TriggerMatch, clauses: list[int], dated: list[Dating]) -> tuple[str, str] | None:
    """(ISO day, precision) of the closest date mention in the trigger's clause or set off
    next to it (a day before a week or month at the same distance), else the one date of
    its clause, else one in an earlier clause, else the sentence's only date when it is set
    off by commas — a year only in the first case."""
    own = own_date(m, clauses, dated)
    if own is not None:
        return own
    # a year dates only the act next to it: «الموافقة على اتفاقية … لعام 2001» names the
    # convention, not the approval
    dated = [d for d in dated if d[4] != "year"]
    here = clauses[m.start_token]
    # «شنت الطائرات غارات … على مواقع … في صنعاء ليل الاثنين»: the clause's only date,
    # however far the trigger's arguments push it
    same = {(v, p) for k, c, v, _, p in dated if c == here}
    if len(same) == 1:
        return same.pop()
    earlier = [(c, v, p) for k, c, v, _, p in dated if c < here]
    if earlier:
        _, v, p = max(earlier)
        return v, p
    # «قُتل 12 مدنياً، بينهم …، وأصيب 23 آخرون، أمس الاثنين، جراء …»: a date set off by commas
    # is an adverb of the sentence's act, however many clauses the commas make before it
    set_off = {(v, p) for k, c, v, off, p in dated if off}
    if len(set_off) == 1 and len(dated) == 1:
        return set_off.pop()
    return None


def before_publication(first_day: str, precision: str, published: date) -> bool:
    """The week, month or year starting on ``first_day`` ended before the publication day."""
    start = date.fromisoformat(first_day)
    if precision == "week":
        return start + timedelta(days=7) <= published
    if precision == "year":
        return start.year < published.year
    return (start.year, start.month) < (published.year, published.month)
