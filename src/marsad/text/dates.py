"""Dates in Arabic news (every month naming, Hijri, numeric, relative, durations) as ISO values.

Choices where news is ambiguous, so callers can rely on them:

* A bare weekday (الخميس, يوم الخميس) is the latest such day on or before publication (news
  reports the past); with الماضي it is strictly before, with المقبل/القادم strictly after.
* أمس الخميس is the latest Thursday on or before yesterday (equal to yesterday when they agree).
* A week (الاسبوع الماضي) is reported by the Monday that starts it, granularity "week".
* An ordinal day (الرابع من نيسان 2017، الحادي والعشرين من مارس) needs من before its month.
* A month or day with no year takes the year that puts it nearest publication, a future date
  counting one and a half times its distance (news looks back more often than ahead);
  نوفمبر المقبل / الماضي (and «16 ديسمبر الماضي») take the next / last such month (or day)
  strictly after / before publication.
  A month with neither day nor year needs شهر or a preposition before it (في نوفمبر).
* A Hijri month or year is reported by the Gregorian month or year of its middle day.
* مطلع/منتصف/نهاية العام give January, June and December; with الشهر, the month itself.
* منذ/قبل/بعد + amount are resolved from publication; followed by من (قبل 3 أيام من ...) they
  count from another event, so they are reported as durations instead.
* حتى/لغاية/بحلول before any date make it kind "until" (the date is the end of a period).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from marsad.text.normalize import normalize, normalized_with_offsets
from marsad.text.numbers import (
    NUMBER_PATTERN,
    TIME_DUALS_N,
    TIME_N,
    alternation,
    number_value,
    orig_span,
    read_text_table,
)

try:  # a declared dependency; without it Hijri dates are kept with value None
    import hijridate
except ImportError:  # pragma: no cover - exercised only in broken installs
    hijridate = None  # type: ignore[assignment]

DateKind = Literal["absolute", "relative", "hijri", "year", "duration", "until"]
Granularity = Literal["day", "week", "month", "year"]


@dataclass(slots=True, frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    value: str | None
    kind: DateKind
    granularity: Granularity
    duration: str | None = None


@dataclass(slots=True, frozen=True)
class _Found:
    """A match in normalised coordinates, before it is mapped to the original text."""

    start: int
    end: int
    value: str | None
    kind: DateKind
    granularity: Granularity
    duration: str | None = None


_WEEKDAYS = {
    "الاثنين": 0,
    "الثلاثاء": 1,
    "الاربعاء": 2,
    "الخميس": 3,
    "الجمعه": 4,
    "السبت": 5,
    "الاحد": 6,
}
# Ordinal days of the month, normalised: «الرابع من نيسان/أبريل 2017».
_UNIT_ORDINALS = [
    "الاول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
]
_ORDINAL_DAYS = {
    **{w: k + 1 for k, w in enumerate(_UNIT_ORDINALS)},
    "العاشر": 10,
    "الحادي عشر": 11,
    **{f"{w} عشر": k + 1 + 10 for k, w in enumerate(_UNIT_ORDINALS) if k > 0},
    "العشرين": 20,
    "الحادي والعشرين": 21,
    **{f"{w} والعشرين": k + 21 for k, w in enumerate(_UNIT_ORDINALS) if k > 0},
    "الثلاثين": 30,
    "الحادي والثلاثين": 31,
}
# The weekday names as they appear after normalisation; other modules reuse them.
WEEKDAYS: tuple[str, ...] = tuple(_WEEKDAYS)
_PAST = r"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفاءت|الفاءته|السابق|السابقه)"
_NEXT = r"(?:المقبل|المقبله|القادم|القادمه|التالي|التاليه)"
_THIS = r"(?:الجاري|الجاريه|الحالي|الحاليه)"
_W = r"(?!\w)"
_B = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)(?:\s*م(?!\w)\.?)?"
_HYEAR = r"(?P<hyear>1[34]\d\d)(?!\d)"
_HMARK = r"(?:\s*ه(?!\w)\.?|\s+(?:هجري|هجريه|للهجره)(?!\w))"
_DAY = r"(?P<day>[0-3]?\d)(?!\d)"
_WD = alternation(_WEEKDAYS)
_UNIT_N = {**TIME_N, **{k: v for k, v in TIME_DUALS_N.items()}}
_UNITS = alternation(_UNIT_N)
_QUAL = {
    "مطلع": 1,
    "بدايه": 1,
    "اواءل": 1,
    "مستهل": 1,
    "منتصف": 6,
    "اواسط": 6,
    "نهايه": 12,
    "اواخر": 12,
    "اخر": 12,
    "ختام": 12,
}
_QUALS = alternation(_QUAL)
_UNTIL = re.compile(r"(?:(?<!\w)|(?<=(?<!\w)[وف]))(?:حتي|لغايه|بحلول|الي\s+غايه|الي\s+حين)\s+$")
_YEAR_CONTEXT = re.compile(
    r"(?:(?<!\w)|(?<=(?<!\w)[وف]))(?:في|خلال|منذ|حتي|قبل|بعد|بحلول|لغايه)\s+$"
)
_MONTH_CONTEXT = re.compile(
    rf"(?:(?<!\w)|(?<=(?<!\w)[وف]))(?:في|خلال|منذ|حتي|قبل|بعد|بحلول|لغايه|{_QUALS})\s+$"
)


@lru_cache(maxsize=1)
def _months() -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    """Gregorian and Hijri month tables (normalised form → month) and the ambiguous forms."""
    rows = read_text_table("months.tsv", ("form", "calendar", "month", "family", "ambiguous"))
    greg = {normalize(r[0]): int(r[2]) for r in rows if r[1] == "g"}
    hijri = {normalize(r[0]): int(r[2]) for r in rows if r[1] == "h"}
    ambiguous = frozenset(normalize(r[0]) for r in rows if r[4] == "1")
    return greg, hijri, ambiguous


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str, tuple[str, ...]]]:
    """Every rule as (compiled pattern, handler name, gates), tried on the normalised text.

    A rule runs only on text where each of its gates (``_gates``) finds something: every
    match of the rule contains a digit, a month name, a unit word… so most sentences skip
    most rules after a few fast literal scans.
    """
    greg, hijri, _ = _months()
    gm = alternation(greg)
    hm = alternation(hijri)
    month = rf"(?P<m1>{gm}){_W}(?:\s*(?:/|\()\s*(?P<m2>{gm}){_W}\s*\)?)?"
    wd_prefix = rf"(?:(?:يوم\s+)?(?P<wd>{_WD}){_W}\s*[,،]?\s*)?"
    to_year = r"\s*[,،]?\s*(?:من\s+)?(?:(?:ال)?(?:عام|سنه)\s+)?"
    day_sep = r"\s*(?:من\s+)?(?:شهر\s+)?"
    not_date = rf"(?!\s*\d|\s+(?:{_WD}|{gm}|{hm}|غد|الغد|واحد){_W})"
    rules = [
        (
            rf"{_B}{wd_prefix}{_DAY}{day_sep}{month}(?:{to_year}{_YEAR})?",
            "day_month",
            ("digit", "greg", "greg_start"),
        ),
        (
            rf"{_B}(?:(?:ال)?يوم\s+)?(?P<ord>{alternation(_ORDINAL_DAYS)}){_W}\s+من\s+(?:شهر\s+)?"
            rf"{month}(?:{to_year}{_YEAR})?",
            "ordinal_day",
            ("greg", "greg_start", "ordinal"),
        ),
        (
            rf"{_B}(?:شهر\s+)?{month}{to_year}{_YEAR}",
            "month_year",
            ("digit", "year_digits", "greg", "greg_start"),
        ),
        (
            rf"{_B}(?P<shahr>شهر\s+)?{month}(?:\s+(?P<mod>{_PAST}|{_NEXT}){_W})?",
            "month_only",
            ("greg", "greg_start"),
        ),
        (
            r"(?<![\d/.-])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<mon>\d{1,2})(?P=sep)"
            r"(?P<year>(?:19|20)\d\d)(?![\d/-])",
            "numeric",
            ("digit", "numeric"),
        ),
        (
            r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)(?P<sep>[/.-])(?P<mon>\d{1,2})(?P=sep)"
            r"(?P<day>\d{1,2})(?![\d/-])",
            "numeric",
            ("digit", "numeric"),
        ),
        (
            rf"{_B}{wd_prefix}{_DAY}\s*(?:من\s+)?(?:شهر\s+)?(?P<hm>{hm}){_W}"
            rf"(?:\s*(?:(?:ال)?عام\s+)?{_HYEAR}(?:{_HMARK})?)?",
            "hijri_day",
            ("digit", "hijri"),
        ),
        (
            rf"{_B}(?:شهر\s+)?(?P<hm>{hm}){_W}\s*(?:(?:ال)?عام\s+)?{_HYEAR}(?:{_HMARK})?",
            "hijri_month",
            ("digit", "hijri_digits", "hijri"),
        ),
        (
            rf"{_B}(?:(?:ال)?(?:عام|سنه)\s+)?{_HYEAR}{_HMARK}",
            "hijri_year",
            ("digit", "hijri_digits"),
        ),
        (rf"{_B}(?:(?:ال)?(?:عام|سنه)\s+){_YEAR}", "year", ("digit", "year_digits")),
        (rf"(?<![\w.,/-]){_YEAR}(?![\w/-]|[.,]\d)", "bare_year", ("digit", "year_digits")),
        (
            rf"{_B}(?P<q>{_QUALS})\s+(?:(?P<unit>العام|السنه|الشهر)(?:\s+(?P<mod>{_PAST}|{_NEXT}"
            rf"|{_THIS}))?|(?:(?:ال)?عام\s+)?{_YEAR}){_W}",
            "qualified",
            ("qual",),
        ),
        (rf"{_B}(?:اول\s+(?:من\s+)?امس|امس\s+الاول){_W}", "day_before_yesterday", ("ams",)),
        (rf"{_B}(?:(?:ال)?امس|البارحه)(?:\s+(?P<wd>{_WD}))?{_W}", "yesterday", ("yesterday",)),
        (rf"{_B}اليوم(?:\s+(?P<wd>{_WD}))?{_W}", "today", ("today",)),
        (rf"{_B}(?:بعد\s+غد|بعد\s+الغد){_W}", "after_tomorrow", ("ghad",)),
        (rf"{_B}(?:غدا|يوم\s+غد)(?:\s+(?P<wd>{_WD}))?{_W}", "tomorrow", ("ghad",)),
        (
            rf"{_B}(?:يوم\s+)?(?P<wd>{_WD})(?:\s+(?P<mod>{_PAST}|{_NEXT}))?{_W}",
            "weekday",
            ("weekday",),
        ),
        (
            rf"{_B}(?:الاسبوع\s+(?P<mod>{_PAST}|{_NEXT}|{_THIS})|هذا\s+الاسبوع){_W}",
            "week",
            ("week",),
        ),
        (
            rf"{_B}(?:الشهر\s+(?P<mod>{_PAST}|{_NEXT}|{_THIS})|هذا\s+الشهر){_W}",
            "month_rel",
            ("month",),
        ),
        (
            rf"{_B}(?:(?:العام|السنه)\s+(?P<mod>{_PAST}|{_NEXT}|{_THIS})|(?:هذا\s+العام|هذه\s+السنه))"
            rf"{_W}",
            "year_rel",
            ("year",),
        ),
        (
            rf"{_B}(?P<prep>منذ|قبل|بعد)\s+(?:(?P<num>{NUMBER_PATTERN})\s+)?(?P<unit>{_UNITS})"
            rf"(?:ا)?{_W}{not_date}",
            "offset",
            ("since", "unit", "unit_start"),
        ),
        (
            rf"{_B}(?:(?P<kw>لمده|طيله|طوال|علي\s+مدي|علي\s+مدار|خلال)\s+)?"
            rf"(?:(?P<num>{NUMBER_PATTERN})\s+)?(?P<unit>{_UNITS})(?:ا)?{_W}{not_date}",
            "duration",
            ("unit", "unit_start"),
        ),
    ]
    return [(re.compile(p), name, gates) for p, name, gates in rules]


def _scan(pattern: str) -> Callable[[str], bool]:
    search = re.compile(pattern).search
    return lambda norm: search(norm) is not None


def _contains(*words: str) -> Callable[[str], bool]:
    return lambda norm: any(w in norm for w in words)


@lru_cache(maxsize=1)
def _gates() -> dict[str, Callable[[str], bool]]:
    """Cheap tests of what a rule's every match must contain (see ``_patterns``)."""
    greg, hijri, _ = _months()
    return {
        "digit": _scan(r"\d"),
        "year_digits": _scan(r"(?:19|20)\d\d"),
        "hijri_digits": _scan(r"1[34]\d\d"),
        "numeric": _scan(r"\d[/.-]\d"),
        "greg": _scan(rf"(?:{alternation(greg)}){_W}"),
        # Slower (a lookbehind at every position), so tried only where "greg" found something:
        # a month starts a word, follows a proclitic that does, or follows the day's digits.
        "greg_start": _scan(rf"(?:(?<!\w)|(?<=\d)|(?<=(?<!\w)[وفبل]))(?:{alternation(greg)}){_W}"),
        "hijri": _scan(rf"(?:{alternation(hijri)}){_W}"),
        "qual": _scan(rf"(?:{_QUALS})\s"),
        "ordinal": _scan(rf"(?:{alternation(_ORDINAL_DAYS)})\s+من\s"),
        "ams": _contains("امس"),
        "yesterday": _contains("امس", "البارحه"),
        "today": _contains("اليوم"),
        "ghad": _contains("غد"),
        "weekday": _scan(rf"(?:{_WD}){_W}"),
        "week": _contains("الاسبوع"),
        "month": _contains("الشهر"),
        "year": _contains("العام", "السنه"),
        "since": _scan(r"(?:منذ|قبل|بعد)\s"),
        "unit": _scan(rf"(?:{_UNITS})(?:ا)?{_W}"),
        "unit_start": _scan(rf"{_B}(?:{_UNITS})(?:ا)?{_W}"),  # after "unit", as "greg_start"
    }


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date, year and duration in ``text``; relative ones resolved against ``published``."""
    if not text:
        return []
    norm, offs = normalized_with_offsets(text)
    candidates: list[_Found] = []
    gates = _gates()
    open_gates: dict[str, bool] = {}
    for pattern, name, needs in _patterns():
        for gate in needs:
            ok = open_gates.get(gate)
            if ok is None:
                ok = open_gates[gate] = gates[gate](norm)
            if not ok:
                break
        else:
            ok = True
        if not ok:
            continue
        handler = _HANDLERS[name]
        for m in pattern.finditer(norm):
            found = handler(m, norm, published)
            if found is not None:
                candidates.append(found)
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    chosen: list[_Found] = []
    for f in candidates:
        if not chosen or f.start >= chosen[-1].end:
            chosen.append(f)
        elif _restates(chosen[-1], f):
            # «أمس الاثنين 28 حزيران/يونيو 2021»: the weekday's date written out is one mention,
            # valued by the date it writes
            chosen[-1] = replace(f, start=chosen[-1].start)
    out: list[DateMention] = []
    for f in chosen:
        f = _until(norm, f)
        s, e = orig_span(text, offs, f.start, f.end)
        out.append(DateMention(s, e, text[s:e], f.value, f.kind, f.granularity, f.duration))
    return out


def _restates(rel: _Found, f: _Found) -> bool:
    """``f`` is a written-out day that begins inside the relative day ``rel`` and runs on."""
    return (
        rel.kind == "relative"
        and rel.granularity == "day"
        and f.kind == "absolute"
        and f.granularity == "day"
        and rel.start < f.start < rel.end < f.end
    )


def sentence_date(
    mentions: list[DateMention], sentence_start: int, sentence_end: int
) -> str | None:
    """The day a sentence speaks of: its first day-precise date (durations and ends excluded)."""
    for m in mentions:
        if (
            sentence_start <= m.start
            and m.end <= sentence_end
            and m.granularity == "day"
            and m.kind in ("absolute", "relative", "hijri")
            and m.value is not None
        ):
            return m.value
    return None


# Granularities an event may be dated by: a flashback «الأسبوع الماضي» or «الشهر الماضي» is
# still a date of the event, and so is a past year («غزا العراق الكويت عام 1990»); the
# events step keeps a week, month or year only when it was over by publication.
EVENT_GRANULARITIES = ("day", "week", "month", "year")


def period_start(value: str | None, granularity: str) -> str | None:
    """The ISO day a date mention's period starts on, for day, week, month and year mentions.

    A week's value is already its Monday; a month («2021-01») or a year («1990») starts on its
    first day.
    """
    if value is None or granularity not in EVENT_GRANULARITIES:
        return None
    if granularity == "year":
        return f"{value}-01-01" if re.fullmatch(r"\d{4}", value) else None
    if granularity == "month":
        return f"{value}-01" if re.fullmatch(r"\d{4}-\d{2}", value) else None
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None


def _until(norm: str, f: _Found) -> _Found:
    """Widen a date preceded by حتى/بحلول into an "until" mention."""
    if f.kind == "duration":
        return f
    m = _UNTIL.search(norm, max(0, f.start - 20), f.start)
    if m is None:
        return f
    return replace(f, start=m.start(), kind="until")


# --- calendar helpers ---------------------------------------------------------------------------


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _shift(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None and 1 <= day.year <= 9999 else None


def _ym(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if 1 <= year <= 9999 else None


def _y(year: int) -> str | None:
    return f"{year:04d}" if 1 <= year <= 9999 else None


def _nearest_year(published: date, month: int, day: int | None) -> int:
    """The year putting (month, day) nearest publication; the future counts 1.5 times."""
    best_year, best_cost = published.year, float("inf")
    for year in (published.year - 1, published.year, published.year + 1):
        when = _safe_date(year, month, min(day or 15, calendar.monthrange(year, month)[1]))
        if when is None:
            continue
        delta = (when - published).days
        cost = -delta if delta <= 0 else delta * 1.5
        if cost < best_cost:
            best_year, best_cost = year, cost
    return best_year


def _weekday_on_or_before(day: date, weekday: int) -> date | None:
    return _shift(day, -((day.weekday() - weekday) % 7))


def _weekday_after(day: date, weekday: int) -> date | None:
    return _shift(day, (weekday - day.weekday() - 1) % 7 + 1)


# --- handlers: each turns one match into a _Found (None to drop it) -----------------------------

Handler = Callable[[re.Match[str], str, date | None], _Found | None]


def _month_of(m: re.Match[str]) -> int:
    return _months()[0][m["m1"]]


_DIRECTION = re.compile(rf"\s+(?:(?P<past>{_PAST})|(?P<next>{_NEXT}))(?!\w)")


def _year_for(published: date, month: int, day: int, norm: str, end: int) -> int:
    """The year of a day and month without one: «16 ديسمبر الماضي» is the last such day
    strictly before publication, «… المقبل» the next one after; else the nearest."""
    said = _DIRECTION.match(norm, end)
    year = _nearest_year(published, month, day)
    when = _safe_date(year, month, min(day, calendar.monthrange(year, month)[1]))
    if said is not None and when is not None:
        if said["past"] and when >= published:
            return year - 1
        if said["next"] and when <= published:
            return year + 1
    return year


def _h_day_month(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    month = _month_of(m)
    day = int(m["day"])
    if m["year"]:
        value = _iso(_safe_date(int(m["year"]), month, day))
        return _Found(m.start(), m.end(), value, "absolute", "day") if value else None
    if not 1 <= day <= 31:
        return None
    if published is None:
        return _Found(m.start(), m.end(), None, "absolute", "day")
    value = _iso(_safe_date(_year_for(published, month, day, norm, m.end()), month, day))
    return _Found(m.start(), m.end(), value, "absolute", "day")


def _h_ordinal_day(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    month, day = _month_of(m), _ORDINAL_DAYS[m["ord"]]
    if m["year"]:
        value = _iso(_safe_date(int(m["year"]), month, day))
        return _Found(m.start(), m.end(), value, "absolute", "day") if value else None
    if published is None:
        return _Found(m.start(), m.end(), None, "absolute", "day")
    value = _iso(_safe_date(_year_for(published, month, day, norm, m.end()), month, day))
    return _Found(m.start(), m.end(), value, "absolute", "day") if value else None


def _h_month_year(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    return _Found(m.start(), m.end(), _ym(int(m["year"]), _month_of(m)), "absolute", "month")


def _h_month_only(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    context = _MONTH_CONTEXT.search(norm, max(0, m.start() - 20), m.start()) or m["mod"]
    if not m["shahr"] and (m["m1"] in _months()[2] or not context):
        return None
    month = _month_of(m)
    value = None
    if published is not None:
        step = _step(m["mod"])
        year = _nearest_year(published, month, None)
        if step > 0:  # نوفمبر المقبل: the next one strictly after this month
            year = published.year + (month <= published.month)
        elif step < 0:  # نوفمبر الماضي: the last one strictly before this month
            year = published.year - (month >= published.month)
        value = _ym(year, month)
    return _Found(m.start(), m.end(), value, "absolute", "month")


def _h_numeric(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    year, first, second = int(m["year"]), int(m["day"]), int(m["mon"])
    when = _safe_date(year, second, first) or _safe_date(year, first, second)
    return _Found(m.start(), m.end(), _iso(when), "absolute", "day") if when else None


def _hijri_to_greg(year: int, month: int, day: int) -> date | None:
    if hijridate is None:
        return None
    try:
        return hijridate.Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def _hijri_year_now(published: date) -> int | None:
    if hijridate is None:
        return None
    try:
        today = hijridate.Gregorian(published.year, published.month, published.day)
        return int(today.to_hijri().year)
    except (ValueError, OverflowError):
        return None


def _h_hijri_day(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    month = _months()[1][m["hm"]]
    day = int(m["day"])
    if not 1 <= day <= 30 or (not m["hyear"] and m["hm"] in _months()[2]):
        return None  # "2 صفر" is a score and رجب a name unless a Hijri year follows
    if m["hyear"]:
        return _Found(
            m.start(), m.end(), _iso(_hijri_to_greg(int(m["hyear"]), month, day)), "hijri", "day"
        )
    value = None
    now = _hijri_year_now(published) if published else None
    if published is not None and now is not None:
        options = [d for y in (now - 1, now, now + 1) if (d := _hijri_to_greg(y, month, day))]
        if options:
            value = _iso(min(options, key=lambda d: _cost(d, published)))
    return _Found(m.start(), m.end(), value, "hijri", "day")


def _cost(day: date, published: date) -> float:
    delta = (day - published).days
    return -delta if delta <= 0 else delta * 1.5


def _h_hijri_month(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    middle = _hijri_to_greg(int(m["hyear"]), _months()[1][m["hm"]], 15)
    value = _ym(middle.year, middle.month) if middle else None
    return _Found(m.start(), m.end(), value, "hijri", "month")


def _h_hijri_year(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    middle = _hijri_to_greg(int(m["hyear"]), 7, 1)
    return _Found(m.start(), m.end(), _y(middle.year) if middle else None, "hijri", "year")


def _h_year(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    return _Found(m.start(), m.end(), m["year"], "year", "year")


def _h_bare_year(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    if not _YEAR_CONTEXT.search(norm, max(0, m.start() - 20), m.start()):
        return None
    return _Found(m.start(), m.end(), m["year"], "year", "year")


def _h_qualified(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    month = _QUAL[m["q"]]
    if m["year"]:
        return _Found(m.start(), m.end(), _ym(int(m["year"]), month), "absolute", "month")
    if published is None:
        return _Found(m.start(), m.end(), None, "relative", "month")
    step = _step(m["mod"])
    if m["unit"] == "الشهر":
        year, mon = _add_months(published.year, published.month, step)
        return _Found(m.start(), m.end(), _ym(year, mon), "relative", "month")
    return _Found(m.start(), m.end(), _ym(published.year + step, month), "relative", "month")


def _step(mod: str | None) -> int:
    """-1, 0 or +1 for a past, current or next modifier."""
    if mod is None or re.fullmatch(_THIS, mod):
        return 0
    return -1 if re.fullmatch(_PAST, mod) else 1


def _relative_day(m: re.Match[str], published: date | None, days: int) -> _Found:
    value = _iso(_shift(published, days)) if published else None
    return _Found(m.start(), m.end(), value, "relative", "day")


def _h_day_before_yesterday(m: re.Match[str], norm: str, published: date | None) -> _Found:
    return _relative_day(m, published, -2)


def _h_after_tomorrow(m: re.Match[str], norm: str, published: date | None) -> _Found:
    return _relative_day(m, published, 2)


def _with_weekday(m: re.Match[str], published: date | None, days: int, back: bool) -> _Found:
    """A day relative to publication, moved to the named weekday when one is given."""
    day = _shift(published, days) if published else None
    if day is not None and m["wd"]:
        weekday = _WEEKDAYS[m["wd"]]
        ahead = (weekday - day.weekday()) % 7
        day = _weekday_on_or_before(day, weekday) if back else _shift(day, ahead)
    return _Found(m.start(), m.end(), _iso(day), "relative", "day")


def _h_yesterday(m: re.Match[str], norm: str, published: date | None) -> _Found:
    return _with_weekday(m, published, -1, back=True)


def _h_today(m: re.Match[str], norm: str, published: date | None) -> _Found:
    return _with_weekday(m, published, 0, back=True)


def _h_tomorrow(m: re.Match[str], norm: str, published: date | None) -> _Found:
    return _with_weekday(m, published, 1, back=False)


def _h_weekday(m: re.Match[str], norm: str, published: date | None) -> _Found:
    if published is None:
        return _Found(m.start(), m.end(), None, "relative", "day")
    weekday = _WEEKDAYS[m["wd"]]
    step = _step(m["mod"]) if m["mod"] else 0
    if step < 0:
        yesterday = _shift(published, -1)
        day = _weekday_on_or_before(yesterday, weekday) if yesterday else None
    elif step > 0:
        day = _weekday_after(published, weekday)
    else:
        day = _weekday_on_or_before(published, weekday)
    return _Found(m.start(), m.end(), _iso(day), "relative", "day")


def _h_week(m: re.Match[str], norm: str, published: date | None) -> _Found:
    value = None
    if published is not None:
        monday = _shift(published, -published.weekday())
        value = _iso(_shift(monday, 7 * _step(m["mod"]))) if monday else None
    return _Found(m.start(), m.end(), value, "relative", "week")


def _h_month_rel(m: re.Match[str], norm: str, published: date | None) -> _Found:
    value = None
    if published is not None:
        value = _ym(*_add_months(published.year, published.month, _step(m["mod"])))
    return _Found(m.start(), m.end(), value, "relative", "month")


def _h_year_rel(m: re.Match[str], norm: str, published: date | None) -> _Found:
    value = _y(published.year + _step(m["mod"])) if published else None
    return _Found(m.start(), m.end(), value, "relative", "year")


def _amount(m: re.Match[str]) -> tuple[float, str] | None:
    """(amount, unit) of a number + time-unit match; a dual like يومين counts two."""
    unit_word = m["unit"]
    unit = _UNIT_N[unit_word]
    if unit_word in TIME_DUALS_N:
        return (2.0, unit) if not m["num"] else None
    if not m["num"]:
        return 1.0, unit
    value = number_value(m["num"])
    return (value, unit) if value is not None and value < 1e6 else None


_ISO_UNIT = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "H", "minute": "M"}


def _iso_duration(value: float, unit: str) -> str:
    if unit == "decade":
        value, unit = value * 10, "year"
    number = f"{int(value)}" if value == int(value) else f"{value:g}"
    prefix = "PT" if unit in ("hour", "minute") else "P"
    return f"{prefix}{number}{_ISO_UNIT[unit]}"


def _h_offset(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    amount = _amount(m)
    if amount is None:
        return None
    value, unit = amount
    if re.match(r"\s+(?:من|علي)(?!\w)", norm[m.end() :]):
        return _Found(
            m.start("num") if m["num"] else m.start("unit"),
            m.end(),
            None,
            "duration",
            "day",
            _iso_duration(value, unit),
        )
    sign = 1 if m["prep"] == "بعد" else -1
    since = _iso_duration(value, unit) if m["prep"] == "منذ" else None
    if published is None:
        gran: Granularity = (
            "day"
            if unit in ("day", "hour", "minute")
            else ("week" if unit == "week" else "month" if unit == "month" else "year")
        )
        return _Found(m.start(), m.end(), None, "relative", gran, since)
    n = int(value)
    if unit in ("year", "decade"):
        years = n * (10 if unit == "decade" else 1)
        return _Found(
            m.start(), m.end(), _y(published.year + sign * years), "relative", "year", since
        )
    if unit == "month":
        return _Found(
            m.start(),
            m.end(),
            _ym(*_add_months(published.year, published.month, sign * n)),
            "relative",
            "month",
            since,
        )
    days = {"week": 7 * n, "day": n, "hour": n // 24, "minute": 0}[unit]
    gran = "week" if unit == "week" else "day"
    return _Found(m.start(), m.end(), _iso(_shift(published, sign * days)), "relative", gran, since)


def _h_duration(m: re.Match[str], norm: str, published: date | None) -> _Found | None:
    if not m["kw"] and not m["num"] and m["unit"] not in TIME_DUALS_N:
        return None  # a bare يوم or عام is not a duration
    amount = _amount(m)
    if amount is None:
        return None
    value, unit = amount
    gran: Granularity = (
        "year"
        if unit in ("year", "decade")
        else ("month" if unit == "month" else "week" if unit == "week" else "day")
    )
    return _Found(m.start(), m.end(), None, "duration", gran, _iso_duration(value, unit))


_HANDLERS: dict[str, Handler] = {
    "day_month": _h_day_month,
    "ordinal_day": _h_ordinal_day,
    "month_year": _h_month_year,
    "month_only": _h_month_only,
    "numeric": _h_numeric,
    "hijri_day": _h_hijri_day,
    "hijri_month": _h_hijri_month,
    "hijri_year": _h_hijri_year,
    "year": _h_year,
    "bare_year": _h_bare_year,
    "qualified": _h_qualified,
    "day_before_yesterday": _h_day_before_yesterday,
    "yesterday": _h_yesterday,
    "today": _h_today,
    "after_tomorrow": _h_after_tomorrow,
    "tomorrow": _h_tomorrow,
    "weekday": _h_weekday,
    "week": _h_week,
    "month_rel": _h_month_rel,
    "year_rel": _h_year_rel,
    "offset": _h_offset,
    "duration": _h_duration,
}
