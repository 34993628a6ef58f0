"""Write articles to the store in batches, one transaction each; re-ingesting adds nothing.

Each batch commits with its story keys, so an ingest killed at any moment leaves whole
batches behind, and a rerun (which skips stored ids) finishes the job.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np

from marsad.model import Article
from marsad.steps.base import RunContext, Step
from marsad.steps.dedup import assign_stories
from marsad.store import Store
from marsad.store.db import StoryKeys


class Write(Step):
    """Stores each batch and passes articles on; already-stored ones count as duplicates.

    Articles carrying a MinHash signature (the ``Signatures`` step) are put in a story:
    with ``stories=False`` (a Dask shard) the signature is stored and stories are left to the
    loader, which sees every shard in order.
    """

    name = "write"

    def __init__(self, store: Store, stories: bool = True) -> None:
        self.store = store
        self.stories = stories

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
        stored, present = self.store.add_articles(batch, self._keys(batch, ctx))
        ctx.stats["stored"] += stored
        ctx.stats["duplicates"] += present
        yield from batch

    def _keys(self, batch: list[Article], ctx: RunContext) -> dict[str, StoryKeys] | None:
        """Story keys of the batch's new signed articles (first copy of an id wins)."""
        known = self.store.known_ids([a.id for a in batch if "minhash" in a.work])
        fresh: dict[str, np.ndarray] = {}
        for a in batch:
            if "minhash" in a.work and a.id not in known and a.id not in fresh:
                fresh[a.id] = a.work["minhash"]
        if not fresh:
            return None
        ids = list(fresh)
        sigs = np.array([fresh[i] for i in ids], dtype=np.uint32)
        if not self.stories:
            return {
                i: StoryKeys(None, s.astype("<u4").tobytes(), s.size, []) for i, s in fresh.items()
            }
        return assign_stories(self.store, ids, sigs, ctx.settings)
