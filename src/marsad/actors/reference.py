"""A reference: the tokens of a sentence that name an actor or a place, and how two sit.

NER chunks become references; whether one reference describes, locates or follows another is
read from the words between them («وزير الخارجية الروسي، سيرجي لافروف»، «المتظاهرون في اسطنبول»).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from marsad.actors.cues import after_attack
from marsad.datafiles import resource
from marsad.text.segment import clitic_analyses, strip_conjunction
from marsad.text.wordlists import word_set

_WORDS = resource("actors", "words.tsv")

GAP = frozenset({"،", ",", "-", "–", "(", ")", "و", '"', "«", "»"})
COUNTERPART = ("نظير", "نظيره", "نظيرها", "نظيرته", "نظيرتها", "نظيريه", "نظراءه", "نظرائه")


@dataclass(slots=True)
class Reference:
    """A span of tokens ``[start, end)`` in one sentence that refers to an actor or place."""

    start: int
    end: int
    kind: str  # actor | name | title | agent | country | adjective | capital | metonym | place
    type: str  # PERS | ORG | LOC | MISC
    actor_id: str | None = None
    iso3: str | None = None
    code: str | None = None
    sector: str | None = None
    title: str | None = None
    name_start: int | None = None  # tokens of the name inside a composed description
    confidence: float = 1.0
    proclitic: str = ""  # clitics before the first word (و، ب، لل، وب …)
    owned: str = ""  # «قواتها»: a force whose owner is this pronoun suffix (its country is his)

    @property
    def head(self) -> tuple[int, int]:
        return (self.name_start if self.name_start is not None else self.start, self.end)


def ner_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Chunks of IOB2 tags as conlleval reads them (a leading I- starts a chunk)."""
    out: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        if start >= 0 and (prefix != "I" or t != kind):
            out.append((start, i, kind))
            start = -1
        if prefix == "B" or (prefix == "I" and start < 0):
            start, kind = i, t
    return out


def genitive_then(a: Reference, b: Reference, norms: Sequence[str]) -> bool:
    """One or two definite nouns sit between an institution and its nationality."""
    gap = list(norms[a.end : b.start])
    return 0 < len(gap) <= 2 and all(w.startswith("ال") and len(w) > 3 for w in gap)


def located(a: Reference, b: Reference, norms: Sequence[str]) -> bool:
    """``b`` is a place right after ``a``, or after في / من: where a group of people is."""
    if (
        b.kind not in ("place", "capital", "country", "adjective")
        or not b.iso3
        or b.proclitic.startswith("و")
        or (b.kind == "adjective" and after_attack(norms, b.start))
    ):
        return False  # «مدنيين في غارات روسية»: the strike's nationality, not where they are
    gap = list(norms[a.end : b.start])
    if gap in ([], ["في"], ["من"]):
        return True
    # «المتظاهرين القادمين من ولايات أميركية»، «المسلحين الأكراد في شمال سوريا»، «شرطة النجدة
    # في بغداد»: adjectives, participles or a genitive, then a preposition of where they come
    # from or are, then place words; not a verb's words («مسلحون النار في بغداد»: a plural in
    # «ـون» takes no genitive; «شخصا تم اعتقالهم في تونس»)
    if len(gap) > 3 or not all(w.isalpha() for w in gap):
        return False
    at = next((k for k, w in enumerate(gap) if w in ("من", "في")), None)
    if at is None:
        return False
    head = norms[a.end - 1]
    definite = head.startswith(("ال", "وال", "بال", "لل"))
    # an indefinite singular or broken plural may head a construct whose genitive is a name
    # («جامعة هوارد في واشنطن»); a sound plural in «ـون/ـين» or an accusative in «ـا» may not
    construct = not definite and not head.endswith(("ون", "ين", "ان", "ا"))
    return all(
        w in BASED
        or w.startswith("م")
        or (k == 0 and construct)
        or (strip_conjunction(w).startswith("ال") and (definite or construct))
        for k, w in enumerate(gap[:at])
    )


BASED = word_set(_WORDS, "reference.based")


def near(a: Reference, b: Reference, norms: Sequence[str]) -> bool:
    """``b`` follows ``a`` directly or after commas or dashes; a و on ``b`` joins, not describes."""
    if b.proclitic.startswith("و"):
        return False
    return (
        b.start >= a.end
        and all(norms[k] in GAP for k in range(a.end, b.start))
        and b.start - a.end <= 2
    )


REGION_WORDS = word_set(_WORDS, "reference.region_words")


def governed_region(title: Reference, place: Reference, norms: Sequence[str]) -> bool:
    """``place`` is the province or city a title governs: «أمير منطقة الرياض»، «أمير منطقة
    عسير» (the region word may be part of the place's name)."""
    if place.proclitic:
        return False
    if place.start == title.end:
        return norms[place.start] in REGION_WORDS
    return place.start == title.end + 1 and norms[title.end] in REGION_WORDS


@lru_cache(maxsize=100_000)
def is_counterpart(word: str) -> bool:
    return (
        any(stem in COUNTERPART for _pre, stem, _suf in clitic_analyses(word))
        or word in COUNTERPART
    )


def last_person(refs: list[Reference]) -> Reference | None:
    for r in reversed(refs):
        if r.actor_id and r.type == "PERS":
            return r
    return None
