"""Named word lists kept as data: a ``list<TAB>word`` table per package, read once.

The rules of the event coder and the actor resolver lean on many small lists of words
(fillers, victim nouns, doer links …). They live in ``resources/<package>/words.tsv`` so a
reader can extend one without touching code; each module asks for its lists by name, and the
words come back normalised as the rules compare them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from marsad.datafiles import read_tsv
from marsad.errors import DataError
from marsad.text.normalize import normalize

HEADER = ("list", "word")


@cache
def _lists(path: Path) -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    for _, (name, word) in read_tsv(path, HEADER):
        if not name or not word:
            raise DataError(f"{path}: an empty list name or word")
        lists.setdefault(name, []).append(word)
    return {name: tuple(words) for name, words in lists.items()}


def words(path: Path, name: str) -> tuple[str, ...]:
    """The words of list ``name`` as written, in file order; an unknown list raises DataError."""
    try:
        return _lists(path)[name]
    except KeyError:
        raise DataError(f"{path}: no word list named {name!r}") from None


def word_tuple(path: Path, name: str) -> tuple[str, ...]:
    """The list's words normalised, in file order (for prefix and suffix tests)."""
    return tuple(normalize(w) for w in words(path, name))


def word_set(path: Path, name: str) -> frozenset[str]:
    """The list's words normalised, as a set."""
    return frozenset(normalize(w) for w in words(path, name))
