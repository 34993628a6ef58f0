"""Shard an ingest, run one shard into Parquet files, and load shards into the store in order.

A shard analyses its inputs with the same steps as ``marsad ingest`` into an in-memory store
and writes every table to ``DIR/TABLE.parquet``; the loader, in the main process, takes the
shards in input order, skips stored ids, puts each new article in its story (the same search
a single-process run makes) and copies the rows in one transaction per batch. So the result
does not depend on how many shards or workers there were.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np

from marsad.errors import SourceError
from marsad.pipeline import Pipeline, ingest_steps
from marsad.readers import iter_documents
from marsad.readers.dispatch import expand
from marsad.settings import Settings
from marsad.steps.base import Failure, RunContext
from marsad.steps.dedup import assign_stories
from marsad.store import Store
from marsad.store.records import rebuild_records


@dataclass(slots=True)
class ShardResult:
    index: int
    folder: str
    stats: dict[str, int] = field(default_factory=dict)
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # path, reason, kind


def shard_paths(paths: Sequence[str], shards: int) -> tuple[list[list[str]], list[SourceError]]:
    """The input files cut into at most ``shards`` contiguous runs, and the inputs not found.

    A file is never split, so a corpus of a few huge files shards poorly; see docs/scale.md.
    """
    files: list[str] = []
    errors: list[SourceError] = []
    for item in expand(paths):
        if isinstance(item, SourceError):
            errors.append(item)
        elif item == "-":
            errors.append(SourceError("-", "standard input cannot be sharded"))
        else:
            files.append(item)
    n = max(1, min(shards, len(files)))
    bounds = np.linspace(0, len(files), n + 1).round().astype(int)
    return [files[a:b] for a, b in pairwise(bounds.tolist()) if b > a], errors


def run_shard(
    index: int,
    files: list[str],
    parts: str,
    settings: Settings,
    published: date | None,
    ner: str | None,
) -> ShardResult:
    """Analyse one shard into ``parts/shard-NNNNN/TABLE.parquet`` (runs on a worker)."""
    folder = Path(parts) / f"shard-{index:05d}"
    ctx = RunContext(settings=settings, published=published)
    with Store(":memory:") as store:
        pipe = Pipeline(ingest_steps(store, ner, settings, stories=False))
        for _ in pipe.run(iter_documents(files, settings), ctx):
            pass
        store.export_parquet(folder)
    fails = [(f.path, f.reason, f.kind) for f in [*ctx.failures, *ctx.skipped]]
    return ShardResult(index, str(folder), dict(ctx.stats), fails)


def load_shards(
    store: Store, results: Sequence[ShardResult], ctx: RunContext, cleanup: bool = True
) -> None:
    """Load shard folders in index order; each batch of new articles in one transaction."""
    settings = ctx.settings
    for result in sorted(results, key=lambda r: r.index):
        for key in ("read", "failed", "skipped", "duplicates", "paragraphs_removed", "sentences"):
            ctx.stats[key] += result.stats.get(key, 0)
        for path, reason, kind in result.failures:
            (ctx.skipped if kind == "skipped" else ctx.failures).append(Failure(path, reason, kind))
        rows = store.parquet_signatures(result.folder)
        for start in range(0, len(rows), settings.batch_size):
            batch = rows[start : start + settings.batch_size]
            known = store.known_ids([r[0] for r in batch])
            fresh: dict[str, np.ndarray] = {}
            for article_id, blob in batch:
                if article_id not in known and article_id not in fresh and blob is not None:
                    fresh[article_id] = np.frombuffer(blob, dtype="<u4")
            ids = list(fresh)
            sigs = np.array([fresh[i] for i in ids], dtype=np.uint32).reshape(len(ids), -1)
            keys = assign_stories(store, ids, sigs, settings)
            store.load_parquet(result.folder, ids, keys)
            ctx.stats["stored"] += len(ids)
            ctx.stats["duplicates"] += len(batch) - len(ids)
        if cleanup:
            shutil.rmtree(result.folder, ignore_errors=True)


def finish(store: Store, ctx: RunContext, command: str = "ingest") -> None:
    """What every ingest ends with: event records rebuilt, then the run recorded."""
    rebuild_records(store, ctx.settings.event_window_days)
    store.record_run(command, ctx.summary(), [*ctx.failures, *ctx.skipped])


def ingest_sharded(
    paths: Sequence[str],
    db: str,
    settings: Settings,
    published: date | None,
    ner: str | None,
    run_all: Callable[[list[tuple[Any, ...]]], list[ShardResult]],
    shards: int,
    parts: str | None = None,
) -> RunContext:
    """Shard, run every shard with ``run_all`` (a list of run_shard argument tuples in, the
    results out), then load them into ``db``: the frame the Dask executor fills in."""
    ctx = RunContext(settings=settings, published=published)
    folder = Path(parts or f"{db}.parts")
    groups, errors = shard_paths(paths, shards)
    for err in errors:
        ctx.stats["read"] += 1
        ctx.fail(err)
    jobs = [(i, files, str(folder), settings, published, ner) for i, files in enumerate(groups)]
    results = run_all(jobs)
    with Store(db, lock_wait=settings.store_lock_wait) as store:
        load_shards(store, results, ctx)
        finish(store, ctx)
    if folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
    return ctx
