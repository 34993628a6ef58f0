"""Exact and near duplicates: repeats in a run, articles already stored, and story clusters.

An exact copy (same content id) is dropped before analysis. A near copy — the same story as
another outlet ran it, lightly edited — is kept but joins that article's story: its MinHash
signature is compared with the stored articles that share an LSH band with it, so a story
ingested yesterday still matches today's copy, and memory holds one batch, not the corpus.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence

import numpy as np

from marsad.model import Article
from marsad.settings import Settings
from marsad.steps.base import RunContext, Step
from marsad.store import Store
from marsad.store.db import StoryKeys
from marsad.text.fingerprint import band_keys, jaccard, paragraph_key, signatures


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


class SkipStored(Step):
    """Drop articles the store already holds, or that this run just passed, before analysis.

    This is what makes a rerun after a crash cheap: stored articles cost a cleaning pass and
    one query per batch. Memory holds the ids of the last two batches, not the whole run; a
    copy further back is caught when written (``Store.add_articles`` skips known ids).
    """

    name = "dedup"

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, articles: Iterable[Article], ctx: RunContext) -> Iterator[Article]:
        size = ctx.settings.batch_size
        recent: deque[str] = deque(maxlen=2 * size)
        recent_set: set[str] = set()
        for batch in _batches(articles, size):
            known = self.store.known_ids(list({a.id for a in batch}))
            for article in batch:
                if article.id in known or article.id in recent_set:
                    ctx.stats["duplicates"] += 1
                    continue
                if len(recent) == recent.maxlen:
                    recent_set.discard(recent[0])
                recent.append(article.id)
                recent_set.add(article.id)
                yield article


class Signatures(Step):
    """Compute each article's MinHash signature over its kept paragraphs (in batches)."""

    name = "minhash"

    def run(self, articles: Iterable[Article], ctx: RunContext) -> Iterator[Article]:
        s = ctx.settings
        for batch in _batches(articles, 256):
            sigs = signatures([dedup_text(a) for a in batch], s.shingle_size, s.minhash_perm)
            for article, sig in zip(batch, sigs, strict=True):
                article.work["minhash"] = sig
                yield article


def dedup_text(article: Article) -> str:
    """The normalised words the signature is built on: the kept paragraphs, headline included."""
    return " ".join(
        paragraph_key(article.text[p.start : p.end]) for p in article.paragraphs if not p.removed
    )


def assign_stories(
    store: Store, ids: Sequence[str], sigs: np.ndarray, settings: Settings
) -> dict[str, StoryKeys]:
    """The story of each new article, in order: that of the most similar earlier article
    (stored, or earlier in ``ids``) whose estimated Jaccard is at least ``dedup_threshold``,
    ties to the smaller story id; else its own id. The answer does not depend on how a run is
    cut into batches: earlier batches are in the store, earlier articles of this one are not
    yet, and both are searched the same way."""
    n = len(ids)
    if not n:
        return {}
    perm = sigs.shape[1]
    keys = band_keys(sigs, settings.lsh_bands)
    live: np.ndarray = np.asarray(sigs.any(axis=1))
    rows, bands = np.nonzero(np.broadcast_to(live[:, None], keys.shape))
    matches = store.band_matches(rows, bands, keys[rows, bands])
    # candidates[i]: (story or index of an earlier article of this batch, signature)
    candidates: dict[int, list[tuple[str | int, np.ndarray]]] = {}
    for tag, _, story, blob in matches:
        sig = np.frombuffer(blob, dtype="<u4")
        if len(sig) == perm:
            candidates.setdefault(tag, []).append((story, sig))
    for i, j in _pairs_within(keys, live):
        candidates.setdefault(i, []).append((j, sigs[j]))
    threshold = settings.dedup_threshold
    stories: list[str] = []
    for i, article_id in enumerate(ids):
        best: tuple[float, str] | None = None
        for who, sig in candidates.get(i, ()):
            score = jaccard(sigs[i], sig)
            story = stories[who] if isinstance(who, int) else who
            if score >= threshold and (best is None or (-score, story) < (-best[0], best[1])):
                best = (score, story)
        stories.append(best[1] if best else article_id)
    raw = sigs.astype("<u4")
    return {
        article_id: StoryKeys(
            stories[i], raw[i].tobytes(), perm, keys[i].tolist() if live[i] else []
        )
        for i, article_id in enumerate(ids)
    }


def _pairs_within(keys: np.ndarray, live: np.ndarray) -> list[tuple[int, int]]:
    """(i, j), j < i, for rows of one batch sharing a bucket in some band; each pair once."""
    found: set[tuple[int, int]] = set()
    idx = np.flatnonzero(live)
    for band in range(keys.shape[1]):
        col = keys[idx, band]
        order = np.argsort(col, kind="stable")
        ordered = col[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], len(col)]
        shared = ends - starts > 1
        for a, b in zip(starts[shared], ends[shared], strict=True):
            members = sorted(idx[order[a:b]].tolist())
            found.update((x, y) for n, x in enumerate(members) for y in members[:n])
    return sorted(found)


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
