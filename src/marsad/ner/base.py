"""The contract every NER backend meets, so the entities step does not care which runs."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

ENTITY_TYPES = ("PERS", "ORG", "LOC", "MISC")


class NerBackend(Protocol):
    """Tags tokenised sentences with IOB2 tags over ENTITY_TYPES (e.g. B-PERS, I-LOC, O)."""

    name: str

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """One list of tags per sentence, one tag per token."""
        ...


def repair_iob2(tags: list[str]) -> list[str]:
    """Turn an I- tag that follows O or another type into B-, so every span is well formed."""
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out
