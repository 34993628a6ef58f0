"""Speed-up of ``marsad ingest --workers N`` over one worker, on the first SaudiNewsNet zips.

Run: .venv/bin/python bench/bench_dask.py [--zips 2] [--workers 1 2] [--ner crf|none]
Each run ingests the same zips into a fresh store on a new LocalCluster (start-up included,
as a user sees it) and prints wall time, articles/s and the speed-up over the first count.
Shards are whole files, so give at least as many zips as workers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from marsad.executors.dask import ingest_dask
from marsad.settings import Settings

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "data" / "news" / "saudinewsnet"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--zips", type=int, default=2, help="how many daily zips to ingest")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--ner", default="none", choices=["crf", "none"])
    args = ap.parse_args()
    zips = sorted(CORPUS.glob("*.zip"))[: args.zips]
    if not zips:
        print(f"SaudiNewsNet not found under {CORPUS}; nothing to measure")
        return 0
    settings = Settings.default().replace(field_text="content", field_date="date_extracted")
    first = None
    for n in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            ctx = ingest_dask(
                [str(z) for z in zips],
                str(Path(tmp) / "d.duckdb"),
                settings,
                ner=args.ner,
                workers=n,
            )
            wall = time.perf_counter() - t0
        first = first or wall
        read = ctx.stats["read"]
        print(
            f"{n} worker(s): {read:,} articles read, {ctx.stats['stored']:,} stored in "
            f"{wall:.1f} s wall = {read / wall:,.1f} articles/s · speed-up {first / wall:.2f}x"
        )
    print(f"{len(zips)} zips, --ner {args.ner}, {os.cpu_count()} cores on this machine")
    return 0


if __name__ == "__main__":
    sys.exit(main())
