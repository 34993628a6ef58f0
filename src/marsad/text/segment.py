"""Arabic sentence and token splitting, with clitic analyses for dictionary matching."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.text.normalize import normalize_word

# Sentence-final marks. The Arabic comma (،) and semicolon (؛) are clause marks in newswire,
# where one sentence often runs through several of them, so only ؛ ends a sentence, and only
# when what follows is long enough to stand alone (see split_sentences).
_FINAL = ".!?؟…"
_CLAUSE = "؛"
_CLOSERS = "\"'»”’)]"
_OPENERS = {"«": "»", "“": "”", '"': '"'}

# Abbreviations whose trailing dot does not end a sentence (normalised, without the dot).
ABBREVIATIONS = frozenset(
    {
        "د",
        "ا",
        "م",
        "ه",
        "ق",
        "ص",
        "ج",
        "س",
        "ت",
        "ك",
        "ش",
        "ب",
        "ع",
        "ط",
        "ف",
        "ل",
        "ن",
        "ي",
        "اد",
        "ام",
        "ق.م",
        "مج",
        "ج.م",
        "Dr",
        "Mr",
        "Mrs",
        "Prof",
        "St",
        "No",
        "Jr",
        "U.S",
        "U.N",
    }
)

# Zero-width and bidi marks: invisible, never a token of their own, kept inside a word.
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_WORD = r"(?:[^\W\d_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640])+"
TOKEN = re.compile(
    r"\d+(?:[.,٫٬]\d+)*[%٪]?|"
    rf"{_WORD}(?:[{_INVISIBLE}]+{_WORD})*|_+|[^\s\w{_INVISIBLE}]",
    re.UNICODE,
)
_EDGE = re.compile(rf"[\s{_INVISIBLE}]")

PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك", "س")
SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ك", "ي")
_MIN_STEM = 2


@dataclass(slots=True, frozen=True)
class Span:
    start: int
    end: int


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Split ``text[start:end]`` into sentence spans (never crossing a newline).

    Quotes are respected: a final mark inside «…» or "…" ends the sentence only after the
    closing quote. Abbreviations (د. أ.) and decimals (3.5) do not end sentences.
    """
    end = len(text) if end is None else end
    spans: list[Span] = []
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl == -1 else nl
        spans.extend(_split_line(text, line_start, line_end))
        line_start = line_end + 1
    return spans


_SPECIAL = re.compile(r"[.!?؟…؛«»\"“”]")


def _split_line(text: str, start: int, end: int) -> Iterator[Span]:
    sent_start = start
    quote_stack: list[str] = []
    skip_to = start
    for m in _SPECIAL.finditer(text, start, end):
        i = m.start()
        if i < skip_to:
            continue
        ch = text[i]
        if quote_stack and ch == quote_stack[-1]:
            quote_stack.pop()
        elif ch in _OPENERS and (ch != '"' or not quote_stack):
            quote_stack.append(_OPENERS[ch])
        elif ch in _FINAL or ch == _CLAUSE:
            j = i + 1
            while j < end and text[j] in _FINAL:
                j += 1
            if _is_boundary(text, sent_start, i, j, end, inside_quote=bool(quote_stack)):
                while j < end and text[j] in _CLOSERS:
                    if quote_stack and text[j] == quote_stack[-1]:
                        quote_stack.pop()
                    j += 1
                if not quote_stack:
                    span = _trim(text, sent_start, j)
                    if span:
                        yield span
                    sent_start = j
            skip_to = j
    span = _trim(text, sent_start, end)
    if span:
        yield span


def _is_boundary(text: str, sent_start: int, i: int, j: int, end: int, inside_quote: bool) -> bool:
    ch = text[i]
    if ch == "." and i + 1 < end and text[i + 1].isdigit() and i > 0 and text[i - 1].isdigit():
        return False  # decimal point
    if ch == ".":
        k = i
        while k > sent_start and not text[k - 1].isspace():
            k -= 1
        word = text[k:i]
        if normalize_word(word) in ABBREVIATIONS or word in ABBREVIATIONS:
            return False
    if j >= end or not text[j:end].strip():
        return True
    if ch == _CLAUSE:
        return len(text[j : min(end, j + 200)].split()) >= 4
    if inside_quote:
        # A quoted passage ends the sentence only when the quote closes right after the mark.
        return j < end and text[j] in _CLOSERS
    return True


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and _EDGE.match(text[start]):
        start += 1
    while end > start and _EDGE.match(text[end - 1]):
        end -= 1
    return Span(start, end) if end > start else None


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Word, number and punctuation token spans of ``text[start:end]``."""
    end = len(text) if end is None else end
    return [Span(m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


def _by_letter(affixes: tuple[str, ...], at: int) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for affix in affixes:
        out.setdefault(affix[at], []).append(affix)
    return {letter: ("", *group) for letter, group in out.items()}


_PRE_BY_FIRST = _by_letter(PREFIXES, 0)
_SUF_BY_LAST = _by_letter(SUFFIXES, -1)


@lru_cache(maxsize=500_000)
def clitic_analyses(norm: str) -> tuple[tuple[str, str, str], ...]:
    """Possible (prefix, stem, suffix) splits of a normalised word, the unsplit form first.

    Matching tries every analysis, so وزير (a word starting with و) still matches as وزير,
    while وبايدن and لروسيا match بايدن and روسيا. Only affixes whose edge letter matches the
    word are tried, and the suffixes once for all prefixes: this is the hottest call on words
    not seen before.
    """
    whole = ("", norm, "")
    pres = _PRE_BY_FIRST.get(norm[:1])
    sufs = _SUF_BY_LAST.get(norm[-1:])
    if pres is None and sufs is None:
        return (whole,)
    n = len(norm)
    ends = [(x, n - len(x)) for x in sufs if norm.endswith(x)] if sufs else [("", n)]
    out = [whole]
    seen = {norm}
    for pre in pres or ("",):
        if not norm.startswith(pre):
            continue
        start = len(pre)
        for suf, end in ends:
            if end - start < _MIN_STEM:
                continue
            stem = norm[start:end]
            if stem not in seen:
                seen.add(stem)
                out.append((pre, stem, suf))
    return tuple(out)


def stem(norm: str) -> str:
    """The most stripped analysis whose stem keeps at least three letters (for features)."""
    best = norm
    for _pre, s, _suf in clitic_analyses(norm):
        if len(s) >= 3 and len(s) < len(best):
            best = s
    return best


def strip_conjunction(word: str) -> str:
    """A normalised word without a leading «و»/«ف» conjunction; words of four letters or
    fewer keep it, as it is as often their first root letter (وزير، فرض)."""
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 4 else word
