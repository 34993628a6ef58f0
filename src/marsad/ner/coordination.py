"""Split a person span the CRF ran across «و»: «شكري والصفدي» is two people, not one name.

A linear-chain CRF sometimes tags a coordinated pair of surnames as one PERS span. Inside a
person's name a word starting with و is rare (43 of the 2,726 person spans in ANERcorp train
and dev, mostly Mauritanian «ولد» names and «وقاص»), while «X والصفدي», «X ومحمد» are everyday
coordination. So an inner word that is و + ال… or و + a given name (and is not itself a given
name, like وليد or وجدي) starts a new person; this would cut 5 of those 2,726 gold spans, and
it leaves dev F1 unchanged (0.7911).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.ner.features import lexicons
from marsad.ner.gazetteer import list_index
from marsad.text.normalize import normalize_word


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Normalised one-word given names: ``first_names.txt`` and the given-name list."""
    listed = {first for first, rests in list_index().items() if "GN" in rests.get((), ())}
    return frozenset(lexicons()["F"] | listed)


@lru_cache(maxsize=100_000)
def starts_a_person(token: str) -> bool:
    """Whether an inner word of a person span is «و» + a new person (see the module text)."""
    norm = normalize_word(token)
    if len(norm) < 4 or norm[0] != "و":
        return False
    rest, names = norm[1:], given_names()
    return norm not in names and (rest.startswith("ال") or rest in names)


def split_coordinated(tags: list[str], tokens: Sequence[str]) -> list[str]:
    """The tags with each PERS span cut before an inner «و + person» word (B-PERS there)."""
    if "I-PERS" not in tags:
        return tags
    out = tags
    for i, tag in enumerate(tags):
        if tag == "I-PERS" and starts_a_person(tokens[i]):
            if out is tags:
                out = list(tags)
            out[i] = "B-PERS"
    return out
