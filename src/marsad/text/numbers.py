"""Numbers in Arabic news (digits of either set, number words, units) as spans of the original.

Matching runs on the normalised text (ASCII digits, bare alef, ه for ة, ء for ؤ/ئ), so every
word list below is written as it is spelt in news and normalised once at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from marsad.datafiles import read_tsv, resource
from marsad.text.normalize import normalize, normalized_with_offsets

NumberKind = Literal["percent", "count", "money", "duration", "year", "ordinal", "number"]


@dataclass(slots=True, frozen=True)
class NumberMention:
    start: int
    end: int
    text: str
    value: float
    unit: str | None
    kind: NumberKind


# --- shared helpers (dates.py and quotes.py use them too) -------------------------------------

_MARKS = frozenset("ـًٌٍَُِّْٰٓٔٗ")


def orig_span(text: str, offsets: Sequence[int], start: int, end: int) -> tuple[int, int]:
    """Map a normalised span to the original, keeping diacritics that sit on its last letter."""
    o_start = offsets[start]
    o_end = offsets[end - 1] + 1 if end > start else o_start
    while o_end < len(text) and text[o_end] in _MARKS:
        o_end += 1
    return o_start, o_end


def read_text_table(name: str, header: tuple[str, ...]) -> list[list[str]]:
    """Rows of a shipped TSV in ``marsad/resources/text`` (header checked)."""
    return [fields for _, fields in read_tsv(resource("text", name), header)]


def alternation(forms: Iterable[str]) -> str:
    """A regex alternation of normalised forms, longest first so prefixes never win."""
    words = sorted({normalize(f) for f in forms}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in words if w)


# --- number words -------------------------------------------------------------------------------

_UNITS = {
    "واحد": 1,
    "واحدة": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "ثلاث": 3,
    "ثلاثة": 3,
    "أربع": 4,
    "أربعة": 4,
    "خمس": 5,
    "خمسة": 5,
    "ست": 6,
    "ستة": 6,
    "سبع": 7,
    "سبعة": 7,
    "ثماني": 8,
    "ثمانية": 8,
    "ثمان": 8,
    "تسع": 9,
    "تسعة": 9,
    "عشر": 10,
    "عشرة": 10,
}
_TEEN_HEADS = {"أحد": 1, "إحدى": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2}
_TENS = {
    "عشرون": 20,
    "عشرين": 20,
    "ثلاثون": 30,
    "ثلاثين": 30,
    "أربعون": 40,
    "أربعين": 40,
    "خمسون": 50,
    "خمسين": 50,
    "ستون": 60,
    "ستين": 60,
    "سبعون": 70,
    "سبعين": 70,
    "ثمانون": 80,
    "ثمانين": 80,
    "تسعون": 90,
    "تسعين": 90,
}
_HUNDREDS = {
    "مئة": 100,
    "مائة": 100,
    "مئتان": 200,
    "مئتين": 200,
    "مئتي": 200,
    "مائتان": 200,
    "مائتين": 200,
    "مائتي": 200,
}
for _word, _n in (
    ("ثلاث", 3),
    ("أربع", 4),
    ("خمس", 5),
    ("ست", 6),
    ("سبع", 7),
    ("ثمان", 8),
    ("تسع", 9),
):
    _HUNDREDS[_word + "مئة"] = _n * 100
    _HUNDREDS[_word + "مائة"] = _n * 100
_SCALES = {
    "ألف": 1e3,
    "ألفا": 1e3,
    "آلاف": 1e3,
    "ألفان": 2e3,
    "ألفين": 2e3,
    "ألفي": 2e3,
    "مليون": 1e6,
    "مليونا": 1e6,
    "ملايين": 1e6,
    "مليونان": 2e6,
    "مليونين": 2e6,
    "مليوني": 2e6,
    "مليار": 1e9,
    "مليارا": 1e9,
    "مليارات": 1e9,
    "ملياران": 2e9,
    "مليارين": 2e9,
    "ملياري": 2e9,
    "بليون": 1e9,
    "تريليون": 1e12,
    "تريليونات": 1e12,
}
_FRACTIONS = {"نصف": 0.5, "ربع": 0.25}

_WORD_VALUE: dict[str, tuple[str, float]] = {}
for _table, _role in (
    (_UNITS, "unit"),
    (_TEEN_HEADS, "unit"),
    (_TENS, "tens"),
    (_HUNDREDS, "hundred"),
    (_SCALES, "scale"),
    (_FRACTIONS, "fraction"),
):
    for _word, _value in _table.items():
        _WORD_VALUE[normalize(_word)] = (_role, float(_value))

_DIGITS = r"\d+(?:[.,]\d+)*"
_W = r"(?!\w)"
_SCALE_RE = rf"(?:{alternation(_SCALES)}){_W}"
_PLAIN_RE = rf"(?:{alternation([*_UNITS, *_TENS, *_HUNDREDS])}){_W}"
_TEEN_RE = rf"(?:{alternation([*_TEEN_HEADS, *_UNITS])})\s+(?:عشر|عشره){_W}"
_WORD_RE = rf"(?:{_TEEN_RE}|{_PLAIN_RE}|(?:نصف|ربع)\s+{_SCALE_RE}|{_SCALE_RE})"
# A number phrase in normalised text: digits with optional scale words, or a run of number
# words joined by spaces and و ("خمسه وعشرون", "ثلاثين الف", "مليون وخمسماءه الف").
# Runs are bounded so a page of repeated number words stays linear to scan.
NUMBER_PATTERN = rf"(?:{_DIGITS}(?:\s+{_SCALE_RE}){{0,3}}|{_WORD_RE}(?:\s+و?{_WORD_RE}){{0,6}})"
_START = r"(?:(?<!\w)|(?<=(?<!\w)[وفبل]))"


def number_value(phrase: str) -> float | None:
    """Value of a normalised number phrase matched by NUMBER_PATTERN (None if it is not one)."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in phrase.split():
        tok = raw
        if tok not in _WORD_VALUE and tok.startswith("و") and tok[1:] in _WORD_VALUE:
            tok = tok[1:]
        if tok[:1].isdigit():
            parsed = _digits_value(tok)
            if parsed is None:
                return None
            current += parsed
            seen = True
            continue
        if tok not in _WORD_VALUE:
            return None
        role, value = _WORD_VALUE[tok]
        seen = True
        if role == "unit" and value == 10 and 0 < current < 10:
            current += 10  # ثلاثه عشر
        elif role == "hundred" and value == 100 and 0 < current < 10:
            current *= 100  # ثلاث ماءه
        elif role == "scale":
            current = (current or 1.0) * value
            total += current
            current = 0.0
        else:
            current += value
    return total + current if seen else None


def _digits_value(tok: str) -> float | None:
    """Digits with either thousands separators (1,000) or a decimal mark (3.5, 3,5)."""
    if len(tok) > 300:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", tok):
        return float(tok.replace(",", ""))
    if re.fullmatch(r"\d+(?:[.,]\d+)?", tok):
        return float(tok.replace(",", "."))
    return None


# --- units ---------------------------------------------------------------------------------------

_UNIT_ROWS = read_text_table("units.tsv", ("form", "kind", "unit"))


def _units(kind: str) -> dict[str, str]:
    return {normalize(form): unit for form, k, unit in _UNIT_ROWS if k == kind}


_COUNT_N = _units("count")
TIME_N = _units("time")
TIME_DUALS_N = _units("time_dual")
_CUR_N = _units("currency")
_ADJ_N = {k + suf: v for k, v in _units("currency_adj").items() for suf in ("", "ه", "ا", "ين")}

_PCT_RE = re.compile(r"\s*(?:%|(?:في\s+|ب)الم(?:ا?ء|ي)ه(?!\w))")
_CUR_RE = re.compile(
    rf"\s*(?:من\s+)?(?:ال)?(?P<cur>{alternation(_CUR_N)})(?!\w)"
    rf"(?:\s+(?:ال)?(?P<adj>{alternation(_ADJ_N)})(?!\w))?"
)
_TIME_RE = re.compile(rf"\s*(?P<u>{alternation(TIME_N)})(?:ا)?(?!\w)")
_COUNT_RE = re.compile(rf"\s*(?:من\s+)?(?:ال)?(?P<n>{alternation(_COUNT_N)})(?:ا)?(?!\w)")
_DOLLAR_AFTER = re.compile(r"\s?\$")
_NUMBER_RE = re.compile(rf"{_START}(?P<pct>%\s?)?(?P<dollar>\$\s?)?(?P<num>{NUMBER_PATTERN})")
_DUAL_RE = re.compile(rf"{_START}(?P<u>{alternation(TIME_DUALS_N)})(?!\w)")
_SKIP_RE = re.compile(r"(?<![\d.,/:-])\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![\d/-])|\d{1,2}:\d{2}")

_ORDINALS = {
    "الأول": 1,
    "الأولى": 1,
    "الثاني": 2,
    "الثانية": 2,
    "الثالث": 3,
    "الثالثة": 3,
    "الرابع": 4,
    "الرابعة": 4,
    "الخامس": 5,
    "الخامسة": 5,
    "السادس": 6,
    "السادسة": 6,
    "السابع": 7,
    "السابعة": 7,
    "الثامن": 8,
    "الثامنة": 8,
    "التاسع": 9,
    "التاسعة": 9,
    "العاشر": 10,
    "العاشرة": 10,
}
_ORD_N = {normalize(k): v for k, v in _ORDINALS.items()}
_ORD_RE = re.compile(
    rf"(?:(?<!\w)|(?<=(?<!\w)[وفبلك]))(?:(?P<w>{alternation(_ORD_N)})(?!\w)"
    r"|ال\s?(?P<d>\d{1,4})(?![\d.,]))"
)
# Fast scans (no lookbehind, so the regex engine jumps between candidate letters) for what
# every match of the three patterns above contains; a sentence without it skips the pattern.
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = re.compile(
    rf"(?:{alternation([*_UNITS, *_TEEN_HEADS, *_TENS, *_HUNDREDS, *_SCALES, *_FRACTIONS])}){_W}"
)
_DUAL_GATE = re.compile(rf"(?:{alternation(TIME_DUALS_N)}){_W}")
_ORD_GATE = re.compile(rf"(?:{alternation(_ORD_N)}){_W}|ال\s?\d")
# Words before which الاول/الثاني name a month, not an ordinal (كانون الثاني, ربيع الاول).
_MONTH_HEADS = ("كانون", "تشرين", "ربيع", "جمادي")
_YEAR_MIN, _YEAR_MAX = 1900, 2099


@lru_cache(maxsize=1)
def _month_names() -> re.Pattern[str]:
    rows = read_text_table("months.tsv", ("form", "calendar", "month", "family", "ambiguous"))
    return re.compile(rf"\s*(?:من\s+)?(?:شهر\s+)?(?:{alternation(r[0] for r in rows)})(?!\w)")


def find_numbers(text: str) -> list[NumberMention]:
    """Every quantity in ``text``, typed by what follows it, so events can carry their counts."""
    if not text:
        return []
    norm, offs = normalized_with_offsets(text)
    found: list[NumberMention] = []
    if _DIGIT.search(norm) or _NUMBER_WORD.search(norm):
        skip = [(m.start(), m.end()) for m in _SKIP_RE.finditer(norm)]
        for m in _NUMBER_RE.finditer(norm):
            if any(s <= m.start("num") < e for s, e in skip):
                continue
            mention = _classify(text, norm, offs, m)
            if mention is not None:
                found.append(mention)
    for m in _DUAL_RE.finditer(norm) if _DUAL_GATE.search(norm) else ():
        s, e = orig_span(text, offs, m.start("u"), m.end("u"))
        found.append(NumberMention(s, e, text[s:e], 2.0, TIME_DUALS_N[m["u"]], "duration"))
    for m in _ORD_RE.finditer(norm) if _ORD_GATE.search(norm) else ():
        before = norm[: m.start()].rstrip()
        if m["w"] and before.endswith(_MONTH_HEADS):
            continue
        value = float(_ORD_N[m["w"]]) if m["w"] else float(m["d"])
        s, e = orig_span(text, offs, m.start(), m.end())
        found.append(NumberMention(s, e, text[s:e], value, None, "ordinal"))
    found.sort(key=lambda n: (n.start, -n.end))
    out: list[NumberMention] = []
    for n in found:
        if not out or n.start >= out[-1].end:
            out.append(n)
    return out


def _classify(text: str, norm: str, offs: Sequence[int], m: re.Match[str]) -> NumberMention | None:
    """Type a number by the words after it (percent, currency, time unit, counted noun)."""
    value = number_value(m["num"])
    if value is None:
        return None
    end = m.end()
    start = m.start() if m["pct"] or m["dollar"] else m.start("num")
    kind: NumberKind = "number"
    unit: str | None = None
    rest = norm[end:]
    pm = None if m["pct"] else _PCT_RE.match(rest)
    dm = None if m["dollar"] else _DOLLAR_AFTER.match(rest)
    if m["pct"] or pm:
        end += pm.end() if pm else 0
        kind, unit = "percent", "percent"
    elif m["dollar"] or dm:
        end += dm.end() if dm else 0
        kind, unit = "money", "USD"
    elif cm := _CUR_RE.match(rest):
        end += cm.end()
        unit = _ADJ_N[cm["adj"]] if cm["adj"] else _CUR_N[cm["cur"]]
        kind = "money"
    elif tm := _TIME_RE.match(rest):
        end += tm.end()
        kind, unit = "duration", TIME_N[tm["u"]]
    elif nm := _COUNT_RE.match(rest):
        end += nm.end()
        kind, unit = "count", _COUNT_N[nm["n"]]
    elif _month_names().match(rest) and re.fullmatch(r"\d{1,2}", m["num"]):
        return None  # the day of a date; find_dates reports it
    elif re.fullmatch(r"(?:19|20)\d\d", m["num"]) and _YEAR_MIN <= value <= _YEAR_MAX:
        kind = "year"
    s, e = orig_span(text, offs, start, end)
    return NumberMention(s, e, text[s:e], value, unit, kind)
