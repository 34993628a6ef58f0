"""Ingest throughput on SaudiNewsNet, beside a read-and-split baseline, with time per stage.

Run: .venv/bin/python bench/bench_ingest.py [--limit N] [--full]
Without --full: read, clean, drop stored copies, MinHash, split into sentences, and write to a
fresh DuckDB store; with --full, the whole analysis too (NER, linking, dates, quotes, events).
Prints articles/s and MB/s for both runs (wall clock, and per core: CPU seconds of this
process), their ratio (the figure to watch), peak RSS, and the CPU time of every stage.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from marsad.pipeline import ingest_steps
from marsad.readers import iter_documents
from marsad.settings import Settings
from marsad.steps.base import RunContext, Step
from marsad.steps.clean import Clean
from marsad.steps.dedup import Signatures, SkipStored
from marsad.steps.ingest import documents_to_articles
from marsad.steps.segment import Segment
from marsad.steps.write import Write
from marsad.store import Store
from marsad.store.records import rebuild_records

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "data" / "news" / "saudinewsnet"


def baseline(zips: list[Path], limit: int) -> tuple[int, int, int]:
    """Read the same zips, parse JSON, split text on whitespace: the floor we compare with."""
    n = chars = tokens = 0
    for z in zips:
        with zipfile.ZipFile(z) as archive:
            for info in archive.infolist():
                for rec in json.load(io.BytesIO(archive.read(info))):
                    text = f"{rec.get('title') or ''}\n{rec.get('content') or ''}"
                    tokens += len(text.split())
                    chars += len(text.encode("utf-8"))
                    n += 1
                    if n >= limit:
                        return n, chars, tokens
    return n, chars, tokens


class Timed:
    """CPU time spent producing a stream's items (including the stages upstream of it)."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = items
        self.cpu = 0.0

    def __iter__(self) -> Iterator[Any]:
        it = iter(self.items)
        while True:
            t0 = time.process_time()
            try:
                item = next(it)
            except StopIteration:
                self.cpu += time.process_time() - t0
                return
            self.cpu += time.process_time() - t0
            yield item


def marsad_run(
    zips: list[Path], limit: int, full: bool = False
) -> tuple[int, RunContext, list[tuple[str, float]]]:
    """Run the ingest steps into a temporary store; returns (articles out, context, stages)."""
    settings = Settings.default().replace(field_text="content", field_date="date_extracted")
    ctx = RunContext(settings=settings)
    docs = iter_documents([str(z) for z in zips], settings)
    n = 0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        steps: list[Step] = (
            ingest_steps(store, "crf", settings)
            if full
            else [Clean(), Signatures(), SkipStored(store), Segment(), Write(store)]
        )
        limited = islice(docs, limit)
        timers = [Timed(documents_to_articles(limited, ctx))]
        for step in steps:
            timers.append(Timed(step.run(timers[-1], ctx)))
        for _ in timers[-1]:
            n += 1
        c0 = time.process_time()
        rebuild_records(store, settings.event_window_days)
        records = time.process_time() - c0
    names = ["read + parse", *(f"{type(s).__name__} ({s.name})" for s in steps)]
    cpu = [t.cpu for t in timers]
    stages = [(names[0], cpu[0])] + [(names[i], cpu[i] - cpu[i - 1]) for i in range(1, len(cpu))]
    return n, ctx, [*stages, ("rebuild_records (store)", records)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=10**9, help="stop after this many articles")
    ap.add_argument(
        "--full", action="store_true", help="run the whole analysis (NER, actors, events)"
    )
    args = ap.parse_args()
    zips = sorted(CORPUS.glob("*.zip"))
    if not zips:
        print(f"SaudiNewsNet not found under {CORPUS}; nothing to measure")
        return 0
    t0 = time.perf_counter()
    n_base, size, tokens = baseline(zips, args.limit)
    t_base = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), time.process_time()
    n_out, ctx, stages = marsad_run(zips, args.limit, args.full)
    t_run, c_run = time.perf_counter() - t0, time.process_time() - c0
    read = ctx.stats["read"]
    mb = size / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    label = "marsad ingest, full analysis" if args.full else "marsad ingest, clean+split"
    print(f"corpus: {n_base:,} articles, {mb:.1f} MB UTF-8, {tokens:,} whitespace tokens")
    print(
        f"baseline read+json+split     : {n_base / t_base:9,.0f} articles/s {mb / t_base:7.2f} MB/s"
        f"  ({t_base:.2f} s wall)"
    )
    print(
        f"{label:29}: {read / t_run:9,.1f} articles/s {mb / t_run:7.2f} MB/s  ({t_run:.2f} s wall)"
    )
    print(
        f"{'  per core (CPU time)':29}: {read / c_run:9,.1f} articles/s {mb / c_run:7.2f} MB/s"
        f"  ({c_run:.2f} CPU s)"
    )
    print(f"ratio marsad/baseline        : {t_run / t_base:9.1f}x the baseline time")
    print("time per stage (CPU s, share, MB/s through the stage):")
    for name, cpu in stages:
        rate = f"{mb / cpu:8.1f} MB/s" if cpu > 0 else ""
        print(f"  {name:28} {cpu:8.2f} s {cpu / c_run:6.1%} {rate}")
    print(
        f"articles kept {n_out:,}, stored {ctx.stats['stored']:,}, exact duplicates "
        f"{ctx.stats['duplicates']:,}, failed {ctx.stats['failed']:,}, skipped "
        f"{ctx.stats['skipped']:,}, sentences {ctx.stats['sentences']:,}"
    )
    print(
        f"peak RSS {rss:,.0f} MB · single process, {os.cpu_count()} cores on this machine · "
        f"python {sys.version.split()[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
