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
