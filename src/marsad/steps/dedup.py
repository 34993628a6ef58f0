"""Drop exact repeats of an article already seen in this run (same content id)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.model import Article
from marsad.steps.base import RunContext, Step


class DropSeen(Step):
    """Within one run, the second copy of an article counts as a duplicate, not a new one."""

    name = "dedup"

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def run(self, articles: Iterable[Article], ctx: RunContext) -> Iterator[Article]:
        for article in articles:
            if article.id in self.seen:
                ctx.stats["duplicates"] += 1
                continue
            self.seen.add(article.id)
            yield article
