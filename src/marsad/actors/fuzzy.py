"""Spelling-variant and typo matching of names: normalised key, consonant skeleton, edit score.

Arabic transliterations of foreign names vary (نافالني / نافانلي / نيفالني, أليكسي / ألكسي,
بوتين / بوتن): the long vowels ا و ي come and go and letters swap. A name matches a dictionary
name when the edit similarity (rapidfuzz) of the normalised forms, or of their consonant
skeletons, clears a threshold tuned on the cases in tests/test_linking.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from marsad.actors.dictionary import ActorDictionary
from marsad.text.normalize import normalize

_VOWELS = re.compile(r"[اويءى]")
THRESHOLD = 85.0
MIN_LEN = 4


def key(name: str) -> str:
    """Normalised, single-spaced form."""
    return " ".join(normalize(name).split())


def skeleton(name: str) -> str:
    """Consonants only (long vowels and hamza dropped), per word, keeping the word's first letter."""
    return " ".join(w[0] + _VOWELS.sub("", w[1:]) for w in key(name).split() if w)


def similarity(a: str, b: str) -> float:
    """The better of the edit similarity of the keys and of the skeletons (0-100)."""
    ka, kb = key(a), key(b)
    direct = fuzz.ratio(ka, kb)
    sa, sb = skeleton(a), skeleton(b)
    skel = fuzz.ratio(sa, sb) if min(len(sa), len(sb)) >= 3 else 0.0
    return max(direct, skel)


@dataclass
class FuzzyIndex:
    """Every Arabic name variant of the dictionary's persons, for nearest-name search.

    Keys and skeletons are computed once; each search is two C-speed rapidfuzz scans (keys,
    then skeletons) and its answer is cached per name.
    """

    names: list[str] = field(default_factory=list)
    skeletons: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    _cache: dict[str, tuple[str, float] | None] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dictionary(cls, d: ActorDictionary) -> FuzzyIndex:
        idx = cls()
        for actor in d.actors.values():
            if actor.type != "PERS":
                continue
            for name in actor.names_ar:
                k = key(name)
                if len(k) < MIN_LEN:
                    continue
                idx.names.append(k)
                idx.skeletons.append(skeleton(k))
                idx.ids.append(actor.id)
        return idx

    def lookup(self, name: str) -> tuple[str, float] | None:
        """The actor id whose name is most similar to ``name`` above the threshold, or None."""
        k = key(name)
        if k in self._cache:
            return self._cache[k]
        hit: tuple[str, float] | None = None
        if len(k) >= MIN_LEN and self.names:
            best = process.extractOne(k, self.names, scorer=fuzz.ratio, score_cutoff=THRESHOLD)
            sk = skeleton(k)
            if len(sk.replace(" ", "")) >= 3:
                by_skel = process.extractOne(
                    sk, self.skeletons, scorer=fuzz.ratio, score_cutoff=THRESHOLD
                )
                if by_skel is not None and (best is None or by_skel[1] > best[1]):
                    best = by_skel
            if best is not None:
                hit = (self.ids[best[2]], float(best[1]))
        if len(self._cache) < 100_000:
            self._cache[k] = hit
        return hit
