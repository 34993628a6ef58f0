"""Table-driven Arabic normalisation; the original text is never changed, only mapped."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Each entry maps one code point to its replacement ("" deletes it). Kept as data so a test can
# walk it letter by letter and a user can read exactly what matching ignores.
_LETTERS = {
    "أ": "ا",  # alef with hamza above
    "إ": "ا",  # alef with hamza below
    "آ": "ا",  # alef with madda
    "ٱ": "ا",  # alef wasla
    "ى": "ي",  # alef maqsura
    "ة": "ه",  # taa marbuta
    "ؤ": "ء",  # hamza on waw
    "ئ": "ء",  # hamza on yaa
    "ی": "ي",  # Persian yeh
    "ک": "ك",  # keheh
    "ھ": "ه",  # heh doachashmee
    "ۀ": "ه",  # heh with yeh above
}
_DELETE = (
    "ـ"  # tatweel
    "ًٌٍَُِّْٰٓٔٗ"  # harakat, shadda, sukun, superscript alef, maddah/hamza marks
    "\u200b\u200c\u200d\u200e\u200f"  # zero-width and directional marks
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
    "\ufeff"  # byte-order mark
)
_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {
    chr(0x06F0 + i): str(i) for i in range(10)
}
_PUNCT = {
    "٫": ".",  # Arabic decimal separator
    "٬": ",",  # Arabic thousands separator
    "٪": "%",  # Arabic percent sign
    "\u00a0": " ",  # no-break space
}

TABLE: dict[str, str] = {**_LETTERS, **{c: "" for c in _DELETE}, **_DIGITS, **_PUNCT}
# Only a small share of characters change, so one regex pass with a lookup beats str.translate.
_CHANGED = re.compile("[" + "".join(re.escape(c) for c in TABLE) + "]")

ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+")
_ANY_LETTERS = re.compile(r"[^\W\d_]+")


def _replace(m: re.Match[str]) -> str:
    return TABLE[m.group()]


def normalize(text: str) -> str:
    """Normalise Arabic text for matching: unify letter variants, drop marks, ASCII digits."""
    return _CHANGED.sub(_replace, text) if text else ""


@lru_cache(maxsize=200_000)
def normalize_word(word: str) -> str:
    """Cached `normalize` for single tokens, the hot path of matching."""
    return normalize(word)


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalise and return, for each output character, its index in the original text.

    Offsets let a match found in normalised text be reported as a span of the original.
    The returned list has one extra entry: the original length, so ``end`` maps cleanly.
    Only changed characters are visited one by one; unchanged runs are copied whole.
    """
    out: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _CHANGED.finditer(text):
        i = m.start()
        if i > pos:
            out.append(text[pos:i])
            offsets.extend(range(pos, i))
        rep = TABLE[m.group()]
        if rep:
            out.append(rep)
            offsets.extend([i] * len(rep))
        pos = i + 1
    if pos < len(text):
        out.append(text[pos:])
        offsets.extend(range(pos, len(text)))
    offsets.append(len(text))
    return "".join(out), offsets


# Every replacement is one character or none, so where nothing is deleted, offsets are 1:1.
_ONE_TO_ONE = all(len(rep) == 1 for rep in TABLE.values() if rep)
_DELETED = re.compile("[" + "".join(re.escape(c) for c, rep in TABLE.items() if not rep) + "]")


@lru_cache(maxsize=64)
def normalized_with_offsets(text: str) -> tuple[str, Sequence[int]]:
    """`normalize_with_offsets`, remembered (dates and numbers read the same sentence).

    The offsets are shared between callers, who must not change them; text that loses no
    character gets the identity mapping as a ``range``, without building a list.
    """
    if _ONE_TO_ONE and not _DELETED.search(text):
        return normalize(text), range(len(text) + 1)
    return normalize_with_offsets(text)


def strip_marks(text: str) -> str:
    """Remove only diacritics, tatweel and invisible marks; letters keep their spelling."""
    return "".join(ch for ch in text if ch not in _DELETE)


def arabic_ratio(text: str) -> float:
    """Share of letters in ``text`` that are Arabic (0.0 for text with no letters)."""
    total = sum(len(m) for m in _ANY_LETTERS.findall(text))
    if not total:
        return 0.0
    return sum(len(m) for m in _ARABIC_LETTERS.findall(text)) / total
