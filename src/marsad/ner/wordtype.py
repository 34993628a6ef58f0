"""One record per word type (normalised form, clitic analyses, name key), computed once and
shared by the features, the gazetteer marks and the consistency pass instead of each caching
its own part of it."""

from __future__ import annotations

from functools import lru_cache

from marsad.text.normalize import normalize
from marsad.text.segment import clitic_analyses

Analysis = tuple[str, str, str]
# Proclitic strings stripped from a name's first word; a trailing ال stays part of the key.
_PROCLITICS = frozenset(
    {"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك", "لل", "ولل", "فلل"}
    | {"ال", "وال", "فال", "بال", "وبال", "فبال", "كال", "وكال"}
)
# The record holds the analyses, so segment's own cache of them would be a second copy.
_clitic_analyses = clitic_analyses.__wrapped__


@lru_cache(maxsize=500_000)
def analyse(token: str) -> tuple[str, tuple[Analysis, ...], str]:
    """``normalize_word(token)``, its ``clitic_analyses`` and its ``consistency.name_key``."""
    norm = normalize(token)
    analyses = _clitic_analyses(norm)
    best, shortest = norm, len(norm)
    for pre, stem, suf in analyses:
        if suf or pre not in _PROCLITICS or len(stem) < 3 or len(stem) >= shortest:
            continue
        best = "ال" + stem if pre.endswith("ال") or pre == "لل" else stem
        shortest = len(stem)
    return norm, analyses, best
