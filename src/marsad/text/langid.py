"""Offline language identification, enough to say why an article was skipped as not Arabic.

Arabic is told by script (the share of Arabic letters); Latin-script languages by their common
words (`resources/langid/stopwords.tsv`, a line per language). News text is long, so function
words decide reliably; a text with too few of them is "other".
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from marsad.errors import DataError
from marsad.text.normalize import arabic_ratio

_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 20_000  # characters looked at; enough for a verdict, cheap on huge inputs
_MIN_HITS = 3  # common words needed before a language is named
_MIN_SHARE = 0.15  # ... and at least this share of the words looked at
_MAX_WORDS = 400

NAMES = {"ar": "Arabic", "other": "another language", "unknown": "no letters"}


@lru_cache(maxsize=1)
def stopwords() -> dict[str, tuple[str, frozenset[str]]]:
    """Language code -> (English name, common words), from the shipped table."""
    path = resources.files("marsad") / "resources" / "langid" / "stopwords.tsv"
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].strip():
            raise DataError(f"stopwords.tsv:{lineno}: expected code, name and words")
        code, name, words = parts
        out[code] = (name, frozenset(words.split()))
    return out


def identify(text: str, min_arabic_ratio: float = 0.5) -> str:
    """A language code: ``ar``, a code from the table (``en``, ``fr``…), ``other`` or ``unknown``."""
    sample = text[:_SAMPLE]
    if not _WORD.search(sample):
        return "unknown"
    if arabic_ratio(sample) >= min_arabic_ratio:
        return "ar"
    words = [w.lower() for w in _WORD.findall(sample)[:_MAX_WORDS]]
    hits: Counter[str] = Counter()
    for code, (_name, common) in stopwords().items():
        hits[code] = sum(1 for w in words if w in common)
    if not hits:
        return "other"
    code, best = hits.most_common(1)[0]
    if best >= _MIN_HITS and best >= _MIN_SHARE * len(words):
        return code
    return "other"


def language_name(code: str) -> str:
    """The English name of a code ``identify`` returns."""
    table = stopwords()
    return table[code][0] if code in table else NAMES.get(code, code)
