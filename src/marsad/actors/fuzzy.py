"""Spelling-variant and typo matching of names: normalised key, consonant skeleton, edit score.

Arabic transliterations of foreign names vary (نافالني / نافانلي / نيفالني, أليكسي / ألكسي,
بوتين / بوتن): the long vowels ا و ي come and go and letters swap. A name matches a dictionary
name when the edit similarity (rapidfuzz) of the normalised forms, or of their consonant
skeletons, clears a threshold tuned on the cases in tests/test_linking.py.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from marsad.actors.dictionary import ActorDictionary
from marsad.text.normalize import normalize

_VOWELS = re.compile(r"[اويءى]")
THRESHOLD = 85.0
MIN_LEN = 4
# A skeleton of three consonants is too short to vouch for a name on its own: «اداير» (ادر)
# and «أونوديرا» (اندر) score 86, as do «كارتر» (كرتر) and «كرتي» (كرت), «بلاتر» and «بلير».
# When either skeleton is shorter than this, the keys must agree too. Spellings of one name
# vary in their vowels and inner letters, not in the last letter, which is often a suffix:
# «صالح» is not «صالحي» (Salehi), «سلمان» is not «سليماني», though their skeletons are equal.
SKELETON_ALONE = 4
KEY_FLOOR = 75.0


@lru_cache(maxsize=100_000)
def key(name: str) -> str:
    """Normalised, single-spaced form."""
    return " ".join(normalize(name).split())


@lru_cache(maxsize=100_000)
def skeleton(name: str) -> str:
    """Consonants only (long vowels and hamza dropped), per word, keeping the word's first letter."""
    return " ".join(w[0] + _VOWELS.sub("", w[1:]) for w in key(name).split() if w)


def _consonants(skel: str) -> int:
    """Letters of a skeleton, word spaces left out."""
    return len(skel) - skel.count(" ")


def similarity(a: str, b: str) -> float:
    """The better of the edit similarity of the keys and of the skeletons (0-100)."""
    ka, kb = key(a), key(b)
    direct = fuzz.ratio(ka, kb)
    sa, sb = skeleton(a), skeleton(b)
    skel = fuzz.ratio(sa, sb) if min(len(sa), len(sb)) >= 3 else 0.0
    return max(direct, skel)


WORD_THRESHOLD = THRESHOLD


_COMPOUND = re.compile(r"\b(عبد|ابو|أبو|ابن|بن) ")


def _words(name: str) -> list[str]:
    """The words of a name, «عبد الله» and «أبو بكر» each taken as one (their spacing varies)."""
    return _COMPOUND.sub(r"\1", name).split()


def _words_agree(a: str, b: str) -> bool:
    """Two names of as many words match word for word: «محمد عبد السلام» is not «محمد صباح
    السالم», however close the whole strings score; and a name of two words is not one of a
    single word the two run together («عبدالله يامين» is not «عبداللهيان»)."""
    for wa, wb in ((a.split(), b.split()), (_words(a), _words(b))):
        if len(wa) == len(wb):
            return len(wa) < 2 or all(
                similarity(x, y) >= WORD_THRESHOLD for x, y in zip(wa, wb, strict=True)
            )
    return min(len(_words(a)), len(_words(b))) != 1


def _initial(name: str) -> str:
    """The first letter of a name's last word past «ال»: spellings of one name vary inside it,
    not in how it begins («القميشي» is not «المشيشي»; «نيفالني» is still «نافالني»)."""
    last = name.split()[-1] if name.split() else name
    core = last[2:] if last.startswith("ال") and len(last) > 3 else last
    return _SOUNDS.get(core[:1], core[:1])


# Letters a foreign sound is written with interchangeably (غوتيريش / جوتيريش, تايلور / طايلور)
_SOUNDS = {c: group[0] for group in ("جغقك", "تط", "سص", "زذظ", "دض", "هح") for c in group}


class _Bank:
    """Strings to search, with letter counts that rule most of them out before scoring.

    fuzz.ratio is 200·LCS/(a + b) for lengths a and b, and the longest common subsequence
    cannot exceed the letters two strings share (counted with repeats), so strings whose
    shared letters cannot reach the threshold are never scored; the rest are scanned in
    their original order, so the answer is the one a full scan gives.
    """

    def __init__(self, strings: list[str]) -> None:
        self.strings = strings
        counts = [Counter(t) for t in strings]
        # mins[row[(c, k)]] holds, for every string, min(its count of letter c, k).
        self.row: dict[tuple[str, int], int] = {}
        self.most: dict[str, int] = {}
        vectors: list[list[int]] = []
        for c in sorted({c for t in strings for c in t}):
            per_string = [n.get(c, 0) for n in counts]
            self.most[c] = max(per_string)
            for k in range(1, self.most[c] + 1):
                self.row[(c, k)] = len(vectors)
                vectors.append([min(n, k) for n in per_string])
        self.mins = np.array(vectors, dtype=np.int32).reshape(len(vectors), len(strings))
        self.lengths = np.array([len(t) for t in strings], dtype=np.int32)

    def best(self, query: str) -> tuple[int, float] | None:
        """(index, score) of the first best string above the threshold, or None."""
        rows = [
            self.row[(c, min(k, self.most[c]))] for c, k in Counter(query).items() if c in self.most
        ]
        if not rows:
            return None
        shared = self.mins[rows].sum(axis=0)
        cut = THRESHOLD - 0.5  # a little wide: scoring one string too many changes nothing
        near = np.flatnonzero(200 * shared >= cut * (len(query) + self.lengths))
        if not near.size:
            return None
        found = process.extractOne(
            query, [self.strings[i] for i in near], scorer=fuzz.ratio, score_cutoff=THRESHOLD
        )
        return None if found is None else (int(near[found[2]]), float(found[1]))


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
    _banks: dict[bool, _Bank] = field(default_factory=dict, repr=False)

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
            best = self._best(k, skeletons=False)
            sk = skeleton(k)
            if len(sk.replace(" ", "")) >= 3:
                by_skel = self._best(sk, skeletons=True)
                if (
                    by_skel is not None
                    and (best is None or by_skel[1] > best[1])
                    and (
                        min(_consonants(sk), _consonants(self.skeletons[by_skel[0]]))
                        >= SKELETON_ALONE
                        or fuzz.ratio(k, self.names[by_skel[0]]) >= KEY_FLOOR
                    )
                ):
                    best = by_skel
            if (
                best is not None
                and _words_agree(k, self.names[best[0]])
                and k[-1] == self.names[best[0]][-1]
                and _initial(k) == _initial(self.names[best[0]])
            ):
                hit = (self.ids[best[0]], best[1])
        if len(self._cache) < 100_000:
            self._cache[k] = hit
        return hit

    def _best(self, query: str, skeletons: bool) -> tuple[int, float] | None:
        """(index, score) of the first best name (or skeleton) above the threshold, or None."""
        bank = self._banks.get(skeletons)
        if bank is None:
            bank = self._banks[skeletons] = _Bank(self.skeletons if skeletons else self.names)
        return bank.best(query)
