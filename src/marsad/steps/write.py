"""Write articles to the store in batches, one transaction each; re-ingesting adds nothing."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.model import Article
from marsad.steps.base import RunContext, Step
from marsad.store import Store


class Write(Step):
    """Stores each batch and passes articles on; already-stored ones count as duplicates."""

    name = "write"

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, articles: Iterable[Article], ctx: RunContext) -> Iterator[Article]:
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= ctx.settings.batch_size:
                yield from self._flush(batch, ctx)
                batch = []
        if batch:
            yield from self._flush(batch, ctx)

    def _flush(self, batch: list[Article], ctx: RunContext) -> Iterator[Article]:
        stored, present = self.store.add_articles(batch)
        ctx.stats["stored"] += stored
        ctx.stats["duplicates"] += present
        yield from batch
