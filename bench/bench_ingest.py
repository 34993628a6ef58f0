"""Ingest + clean + segment throughput on SaudiNewsNet, beside a read-and-split baseline.

Run: .venv/bin/python bench/bench_ingest.py [--limit N]
Prints articles/s and MB/s for both, in the same run, and their ratio (the figure to watch).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import sys
import time
import zipfile
from pathlib import Path

from marsad.pipeline import Pipeline, default_steps, text_steps
from marsad.readers import iter_documents
from marsad.settings import Settings
from marsad.steps.base import RunContext

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


def marsad_run(zips: list[Path], limit: int, full: bool = False) -> tuple[int, RunContext]:
    settings = Settings.default().replace(field_text="content", field_date="date_extracted")
    ctx = RunContext(settings=settings)
    docs = iter_documents([str(z) for z in zips], settings)
    steps = default_steps("crf", settings=settings) if full else text_steps()
    n = 0
    for _ in Pipeline(steps).run(docs, ctx):
        n += 1
        if ctx.stats["read"] >= limit:
            break
    return n, ctx


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
    t0 = time.perf_counter()
    n_out, ctx = marsad_run(zips, args.limit, args.full)
    t_run = time.perf_counter() - t0
    read = ctx.stats["read"]
    mb = size / 1e6
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"corpus: {n_base:,} articles, {mb:.1f} MB UTF-8, {tokens:,} whitespace tokens")
    print(
        f"baseline read+json+split : {n_base / t_base:10,.0f} articles/s  {mb / t_base:7.2f} MB/s  ({t_base:.2f} s)"
    )
    print(
        f"{'marsad full analysis     ' if args.full else 'marsad ingest+clean+split'}: "
        f"{read / t_run:10,.0f} articles/s  {mb / t_run:7.2f} MB/s  ({t_run:.2f} s)"
    )
    print(f"ratio marsad/baseline    : {t_run / t_base:10.1f}x the baseline time")
    print(
        f"articles kept {n_out:,}, exact duplicates {ctx.stats['duplicates']:,}, "
        f"failed {ctx.stats['failed']:,}, skipped {ctx.stats['skipped']:,}, "
        f"sentences {ctx.stats['sentences']:,}, paragraphs removed {ctx.stats['paragraphs_removed']:,}"
    )
    print(
        f"peak RSS {rss:,.0f} MB · single process, {os.cpu_count()} cores on this machine · python {sys.version.split()[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
