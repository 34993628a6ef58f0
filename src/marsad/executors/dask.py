"""Run ingest shards on Dask: a LocalCluster of N processes, or a cluster at an address.

The only module that imports Dask. Workers run ``run_shard`` (the same steps as a local
ingest) and write Parquet into the parts folder, which must be visible to them and to this
process (a shared file system on a real cluster: docs/scale.md); this process then loads the
shards in input order, so the store ends as a single-process run would leave it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from marsad.errors import MissingDependency
from marsad.executors.local import ShardResult, ingest_sharded, run_shard
from marsad.settings import Settings
from marsad.steps.base import RunContext

SHARDS_PER_WORKER = 4  # small shards keep workers busy to the end; each costs a model load


def ingest_dask(
    paths: Sequence[str],
    db: str,
    settings: Settings,
    published: date | None = None,
    ner: str | None = "crf",
    workers: int | None = None,
    address: str | None = None,
    parts: str | None = None,
    tick: Callable[[int, int | None], None] | None = None,
) -> RunContext:
    """``marsad ingest --workers N`` (a LocalCluster) or ``--dask ADDRESS`` (a running one)."""
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise MissingDependency("dask", "dask", "--workers/--dask") from None

    cluster = None
    if address is None:
        cluster = LocalCluster(
            n_workers=workers or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
    with Client(cluster or address) as client:
        n = workers or len(client.scheduler_info().get("workers", {})) or 1

        def run_all(jobs: list[tuple[Any, ...]]) -> list[ShardResult]:
            futures = [client.submit(run_shard, *job, pure=False) for job in jobs]
            if tick is not None:
                tick(0, len(futures))
            done: list[ShardResult] = []
            for future in as_completed(futures):
                done.append(future.result())
                if tick is not None:
                    tick(len(done), len(futures))
            return done

        try:
            return ingest_sharded(
                paths, db, settings, published, ner, run_all, n * SHARDS_PER_WORKER, parts
            )
        finally:
            if cluster is not None:
                cluster.close()
