"""The references one sentence holds, as the entities step leaves them for the later steps."""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.actors.resolve import Reference
from marsad.model import Article, Sentence

INFERRED = 0.8  # confidence of a country taken from the article rather than the phrase


@dataclass(slots=True)
class SentenceRefs:
    """References found in one sentence, kept for the quote and event steps."""

    sentence: Sentence
    refs: list[Reference] = field(default_factory=list)
    entity_ids: list[str] = field(default_factory=list)


def references_of(article: Article) -> list[SentenceRefs]:
    """The per-sentence references the entities step found (empty if it did not run)."""
    refs: list[SentenceRefs] = article.work.get("refs", [])
    return refs
