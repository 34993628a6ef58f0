"""Event coder throughput on SaudiNewsNet: the Events step alone, beside sentence splitting.

Run: .venv/bin/python bench/bench_coder.py [--limit N]
Articles go through clean, segment, context, entities and quotes first (not timed); then only
the Events step is timed, article by article. In the same run, splitting the same articles
into sentences is timed as the baseline, so the ratio says what coding costs beside the
cheapest pass over the sentences. Times are CPU seconds of this one process (per core).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from marsad.pipeline import Pipeline, default_steps
from marsad.readers import iter_documents
from marsad.settings import Settings
from marsad.steps.base import RunContext
from marsad.steps.events import Events
from marsad.steps.segment import segment_article

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "data" / "news" / "saudinewsnet"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=2000, help="articles to read (default 2000)")
    args = ap.parse_args()
    zips = sorted(CORPUS.glob("*.zip"))
    if not zips:
        print(f"SaudiNewsNet not found under {CORPUS}; nothing to measure")
        return 0
    settings = Settings.default().replace(field_text="content", field_date="date_extracted")
    ctx = RunContext(settings=settings)
    steps = default_steps("crf", settings=settings)
    coder = steps[-1]
    assert isinstance(coder, Events)
    docs = iter_documents([str(z) for z in zips], settings)
    articles = sentences = events = 0
    t_code = t_split = 0.0
    wall0 = time.perf_counter()
    for article in Pipeline(steps[:-1]).run(docs, ctx):
        t0 = time.process_time()
        coder.process(article, ctx)
        t1 = time.process_time()
        segment_article(article, settings.max_sentence_chars)
        t2 = time.process_time()
        t_code += t1 - t0
        t_split += t2 - t1
        articles += 1
        sentences += len(article.sentences)
        events += len(article.events)
        if ctx.stats["read"] >= args.limit:
            break
    wall = time.perf_counter() - wall0
    if not articles:
        print("no article was analysed")
        return 1
    print(f"articles {articles:,}, sentences {sentences:,}, events {events:,}")
    print(
        f"event coder (Events step)  : {sentences / t_code:10,.0f} sentences/s per core  "
        f"{articles / t_code:8,.0f} articles/s  ({t_code:.2f} s CPU)"
    )
    print(
        f"baseline: sentence split   : {sentences / t_split:10,.0f} sentences/s per core  "
        f"{articles / t_split:8,.0f} articles/s  ({t_split:.2f} s CPU)"
    )
    print(f"ratio coder/split          : {t_code / t_split:10.1f}x the baseline time")
    print(
        f"whole run {wall:.1f} s wall (upstream steps untimed) · {os.cpu_count()} cores on this "
        f"machine · python {sys.version.split()[0]}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
