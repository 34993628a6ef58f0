"""Near-duplicate (story) detection speed and clusters on SaudiNewsNet.

Run: .venv/bin/python bench/bench_dedup.py [--limit N] [--threshold T] [--pairs K]
Cleans the corpus first (not timed), then times the dedup stage on it: MinHash signatures
(shingling the normalised kept paragraphs) and story assignment against a DuckDB store (LSH
band lookup by SQL join + signature check), batch by batch as an ingest does. ``--pairs K``
prints K random matched pairs side by side for inspection. Times are CPU seconds of this
process (all its threads), so the MB/s are per core and hold on a busy shared machine.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

from marsad.model import Article
from marsad.pipeline import Pipeline
from marsad.readers import iter_documents
from marsad.settings import Settings
from marsad.steps.base import RunContext
from marsad.steps.clean import Clean
from marsad.steps.dedup import DropSeen, assign_stories, dedup_text
from marsad.store import Store
from marsad.text.fingerprint import jaccard, paragraph_key, signatures

SHARED = Path(os.environ.get("MARSAD_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "data" / "news" / "saudinewsnet"


def cleaned(zips: list[Path], settings: Settings, limit: int) -> list[Article]:
    ctx = RunContext(settings=settings)
    docs = iter_documents([str(z) for z in zips], settings)
    out = []
    for article in Pipeline([Clean(), DropSeen()]).run(docs, ctx):
        out.append(article)
        if ctx.stats["read"] >= limit:
            break
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=10**9, help="stop after this many articles")
    ap.add_argument("--threshold", type=float, help="dedup_threshold (default: the setting)")
    ap.add_argument("--pairs", type=int, default=0, help="print this many sample pairs")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    zips = sorted(CORPUS.glob("*.zip"))
    if not zips:
        print(f"SaudiNewsNet not found under {CORPUS}; nothing to measure")
        return 0
    settings = Settings.default().replace(field_text="content", field_date="date_extracted")
    if args.threshold is not None:
        settings = settings.replace(dedup_threshold=args.threshold)
    articles = cleaned(zips, settings, args.limit)
    mb = sum(len(a.text.encode("utf-8")) for a in articles) / 1e6
    size, perm = settings.batch_size, settings.minhash_perm

    # Standalone: normalise every kept paragraph afresh (the cache shared with cleaning off).
    paragraph_key.cache_clear()
    t0 = time.process_time()
    texts = [dedup_text(a) for a in articles]
    t_norm = time.process_time() - t0
    t0 = time.process_time()
    sigs = np.concatenate(
        [
            signatures(texts[i : i + 256], settings.shingle_size, perm)
            for i in range(0, len(texts), 256)
        ]
    )
    t_sig = time.process_time() - t0

    t_assign = t_write = 0.0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "dedup.duckdb") as store:
        stories: dict[str, str] = {}
        for i in range(0, len(articles), size):
            batch = articles[i : i + size]
            t0 = time.process_time()
            keys = assign_stories(store, [a.id for a in batch], sigs[i : i + size], settings)
            t_assign += time.process_time() - t0
            t0 = time.process_time()
            store.add_articles(batch, keys)
            t_write += time.process_time() - t0
            stories.update({k: v.story_id or k for k, v in keys.items()})

    dedup = t_norm + t_sig + t_assign
    sizes = Counter(stories.values())
    clustered = sum(n for n in sizes.values() if n > 1)
    print(f"corpus: {len(articles):,} cleaned articles, {mb:.1f} MB UTF-8")
    print(
        f"settings: shingle {settings.shingle_size} words, {perm} permutations, "
        f"{settings.lsh_bands} bands, threshold {settings.dedup_threshold}"
    )
    print(f"normalise kept paragraphs : {mb / t_norm:8.1f} MB/s  ({t_norm:.2f} s)")
    print(f"shingle + MinHash         : {mb / t_sig:8.1f} MB/s  ({t_sig:.2f} s)")
    print(f"LSH lookup + verify (SQL) : {mb / t_assign:8.1f} MB/s  ({t_assign:.2f} s)")
    print(f"dedup stage, all of it    : {mb / dedup:8.1f} MB/s  ({dedup:.2f} s)")
    print(
        f"dedup stage, in an ingest : {mb / (t_sig + t_assign):8.1f} MB/s  "
        "(paragraph keys shared with cleaning)"
    )
    print(f"(writing the articles     : {t_write:.2f} s, not counted)")
    print(
        f"stories: {len(sizes):,} for {len(stories):,} articles; {clustered:,} articles in "
        f"{sum(1 for n in sizes.values() if n > 1):,} multi-article stories; largest {max(sizes.values())}"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {rss:,.0f} MB · python {sys.version.split()[0]}")
    if args.pairs:
        show_pairs(articles, sigs, stories, args.pairs, args.seed)
    return 0


def show_pairs(
    articles: list[Article], sigs: np.ndarray, stories: dict[str, str], k: int, seed: int
) -> None:
    """Matched pairs (article and its story's first article) for inspection, with Jaccard."""
    index = {a.id: i for i, a in enumerate(articles)}
    pairs = [(index[s], index[a]) for a, s in stories.items() if s != a]
    rng = random.Random(seed)
    for i, j in rng.sample(pairs, min(k, len(pairs))):
        a, b = articles[i], articles[j]
        print(f"\n--- J={jaccard(sigs[i], sigs[j]):.2f}  {a.source} | {b.source}")
        print("  A:", dedup_text(a)[:300])
        print("  B:", dedup_text(b)[:300])


if __name__ == "__main__":
    sys.exit(main())
