"""Word clusters learnt without labels, so the CRF generalises to names it never saw tagged.

Offline build (needs numpy, not a runtime dependency): count left/right neighbours of each
frequent normalised word in SaudiNewsNet, weight them by positive PMI, reduce with a seeded
randomised SVD and cut the vectors with k-means at three granularities (like Brown-cluster
prefixes). The result is a small tab-separated table shipped under ``resources/ner``.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.errors import DataError, MissingDependency, SourceError
from marsad.text.normalize import normalize_word
from marsad.text.segment import tokenize

CLUSTER_FILE = Path(__file__).resolve().parents[1] / "resources" / "ner" / "clusters.tsv"
NAME_NGRAM_FILE = CLUSTER_FILE.with_name("name_trigrams.tsv")
GRANULARITIES = (32, 128, 512, 2048)


def saudinewsnet_texts(folder: Path, limit: int | None = None) -> Iterator[str]:
    """Article bodies from the per-day zips, in file-name order so runs are repeatable."""
    zips = sorted(folder.glob("*.zip"))
    if not zips:
        raise SourceError(str(folder), "no SaudiNewsNet *.zip files found")
    n = 0
    for zpath in zips:
        try:
            with zipfile.ZipFile(zpath) as zf:
                for name in sorted(zf.namelist()):
                    records = json.loads(zf.read(name).decode("utf-8"))
                    for rec in records:
                        text = rec.get("content") or ""
                        if text:
                            yield text
                            n += 1
                            if limit is not None and n >= limit:
                                return
        except (zipfile.BadZipFile, json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise SourceError(str(zpath), f"unreadable SaudiNewsNet day file: {exc}") from exc


def _tokens(texts: Iterator[str]) -> Iterator[list[str]]:
    for text in texts:
        yield [normalize_word(text[s.start : s.end]) for s in tokenize(text)]


def build_clusters(
    folder: Path,
    out: Path = CLUSTER_FILE,
    min_freq: int = 12,
    max_vocab: int = 60_000,
    n_context: int = 1500,
    dim: int = 100,
    seed: int = 13,
) -> dict[str, int]:
    """Learn the cluster table from SaudiNewsNet and write it; returns a few size figures."""
    try:
        import numpy as np
    except ImportError as exc:  # pragma: no cover - build-time tool only
        raise MissingDependency("numpy", "dev", "building word clusters") from exc

    docs = list(_tokens(saudinewsnet_texts(folder)))
    freq: Counter[str] = Counter()
    for toks in docs:
        freq.update(toks)
    vocab = [w for w, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if c >= min_freq]
    vocab = vocab[:max_vocab]
    wid = {w: i for i, w in enumerate(vocab)}
    cid = {w: i for i, w in enumerate(vocab[:n_context])}
    ids_w = np.array([wid.get(t, -1) for toks in docs for t in [*toks, "\n"]], dtype=np.int64)
    ids_c = np.array([cid.get(t, -1) for toks in docs for t in [*toks, "\n"]], dtype=np.int64)
    n_v, n_c = len(vocab), len(cid)
    counts = np.zeros((n_v, 4 * n_c), dtype=np.float32)
    for k, off in enumerate((-2, -1, 1, 2)):
        w = ids_w[max(0, -off) : len(ids_w) - max(0, off)]
        c = ids_c[max(0, off) : len(ids_c) - max(0, -off)]
        ok = (w >= 0) & (c >= 0)
        keys = w[ok] * (4 * n_c) + k * n_c + c[ok]
        uniq, cnt = np.unique(keys, return_counts=True)
        counts.reshape(-1)[uniq] += cnt.astype(np.float32)
    total = counts.sum()
    row = counts.sum(axis=1, keepdims=True) + 1e-9
    col = counts.sum(axis=0, keepdims=True) ** 0.75
    col = col / col.sum()
    with np.errstate(divide="ignore"):
        pmi = np.log((counts / total + 1e-12) / ((row / total) * col + 1e-12))
    ppmi = np.maximum(pmi, 0.0).astype(np.float32)
    del counts, pmi
    rng = np.random.default_rng(seed)
    probe = rng.standard_normal((ppmi.shape[1], dim + 20)).astype(np.float32)
    q, _ = np.linalg.qr(ppmi @ probe)
    q, _ = np.linalg.qr(ppmi @ (ppmi.T @ q))
    u, s, _ = np.linalg.svd(q.T @ ppmi, full_matrices=False)
    vec = (q @ u[:, :dim]) * np.sqrt(s[:dim])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    labels = [_kmeans(np, vec, k, seed) for k in GRANULARITIES]
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# word\t" + "\t".join(f"k{k}" for k in GRANULARITIES) + "\n")
        for i, word in enumerate(vocab):
            if "\t" in word or not word.strip():
                continue
            fh.write(word + "\t" + "\t".join(str(int(lab[i])) for lab in labels) + "\n")
    return {"documents": len(docs), "tokens": len(ids_w), "vocabulary": n_v}


def _kmeans(np: Any, x: Any, k: int, seed: int, iters: int = 25) -> Any:
    """Spherical k-means with k-means++-lite seeding (random distinct rows), fixed seed."""
    rng = np.random.default_rng(seed + k)
    centres = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        labels = np.argmax(x @ centres.T, axis=1)
        sums = np.zeros_like(centres)
        np.add.at(sums, labels, x)
        empty = np.bincount(labels, minlength=k) == 0
        sums[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        centres = sums / (np.linalg.norm(sums, axis=1, keepdims=True) + 1e-9)
    return labels


def _trigrams(word: str) -> list[str]:
    padded = f"^{word}$"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def build_name_ngrams(
    names_file: Path, out: Path = NAME_NGRAM_FILE, clusters: Path = CLUSTER_FILE, min_count: int = 3
) -> dict[str, int]:
    """Letter-trigram log-odds of 'personal-name token' vs 'news word', a tiny trained model.

    Positives are the Arabic sides of the Wikidata name-token pairs (CC0); negatives are the
    frequent SaudiNewsNet words of the cluster table. Only the trigram weights are written.
    """
    import math

    names: set[str] = set()
    with names_file.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2:
                names.add(normalize_word(parts[1].replace(" ", "")))
    words = set(load_clusters(clusters)) - names
    pos: Counter[str] = Counter(g for w in names for g in _trigrams(w))
    neg: Counter[str] = Counter(g for w in words for g in _trigrams(w))
    n_pos, n_neg = sum(pos.values()), sum(neg.values())
    rows = []
    for gram in sorted(set(pos) | set(neg)):
        if pos[gram] + neg[gram] < min_count or "\t" in gram:
            continue
        odds = math.log((pos[gram] + 0.5) / n_pos) - math.log((neg[gram] + 0.5) / n_neg)
        rows.append(f"{gram}\t{odds:.1f}\n")
    out.write_text("# trigram\tlog-odds name vs news word\n" + "".join(rows), encoding="utf-8")
    return {"names": len(names), "words": len(words), "trigrams": len(rows)}


@lru_cache(maxsize=2)
def load_name_ngrams(path: Path = NAME_NGRAM_FILE) -> dict[str, float]:
    """Trigram -> log-odds table; an absent table yields no name-likeness features."""
    if not path.exists():
        return {}
    table: dict[str, float] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line:
            continue
        gram, _, value = line.partition("\t")
        try:
            table[gram] = float(value)
        except ValueError as exc:
            raise DataError(f"{path}:{n}: expected 'trigram<TAB>number'") from exc
    return table


def name_likeness(word: str) -> int:
    """Mean trigram log-odds of a normalised word being a personal-name token, rounded."""
    get = _name_ngrams()
    if get is None:
        return 0
    padded = f"^{word}$"
    n = len(padded) - 2
    score = sum([get(padded[i : i + 3], 0.0) for i in range(n)]) / n
    return max(-3, min(3, round(score * 2)))


_NGRAMS: list[Any] = []


def _name_ngrams() -> Any:
    """The shipped trigram table's ``get`` (None when it is absent), looked up once."""
    if not _NGRAMS:
        table = load_name_ngrams(NAME_NGRAM_FILE)
        _NGRAMS.append(table.get if table else None)
    return _NGRAMS[0]


@lru_cache(maxsize=4)
def load_clusters(path: Path = CLUSTER_FILE) -> dict[str, tuple[str, ...]]:
    """Word -> cluster ids at each granularity; an absent table yields no cluster features."""
    if not path.exists():
        return {}
    table: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.startswith("#") or not line.strip():
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 1 + len(GRANULARITIES):
                raise DataError(f"{path}:{n}: expected {1 + len(GRANULARITIES)} columns")
            table[parts[0]] = tuple(parts[1:])
    return table


if __name__ == "__main__":  # pragma: no cover - offline build entry point
    import sys

    if sys.argv[1] == "names":
        print(build_name_ngrams(Path(sys.argv[2])))
    else:
        print(build_clusters(Path(sys.argv[1])))
