"""Content hashes that identify an article or paragraph, and MinHash signatures for near copies.

An article's id hashes its normalised kept paragraphs, so marks and spacing do not change it.
Near copies (the same wire story lightly edited by another outlet) share most word n-grams:
a MinHash signature estimates the Jaccard similarity of two articles' shingle sets, and LSH
band keys (equal slices of two signatures) find the candidates without comparing all pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from rensa import RMinHash

from marsad.text.normalize import normalize

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s%]", re.UNICODE)
# Odd 64-bit multipliers: a shingle's hash is the wrapping sum of its word hashes times these,
# so word order counts and each shingle costs a few vector operations, not a Python string.
_MIX = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x94D049BB133111EB,
        0xBF58476D1CE4E5B9,
    ],
    dtype=np.uint64,
)
MAX_SHINGLE = len(_MIX)
SEED = 20150721  # fixed: signatures stored yesterday must compare with today's


@lru_cache(maxsize=16384)
def paragraph_key(text: str) -> str:
    """Normalised, punctuation-free, single-spaced form: equal keys are the same paragraph.

    Cached because cleaning, the content id and the signature all ask for the same paragraphs.
    """
    return _SPACE.sub(" ", _PUNCT.sub(" ", normalize(text))).strip()


def content_hash(parts: list[str]) -> str:
    """A 32-hex-digit id over the normalised paragraphs of an article, in order."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(paragraph_key(part).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


_P = np.uint64(0x100000001B3)  # odd, so invertible modulo 2**64
_P_INV = np.uint64(pow(0x100000001B3, -1, 2**64))
_SPACE_BYTE, _NEWLINE_BYTE = 32, 10


def _avalanche(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, in place on uint64: nearby inputs get unrelated outputs."""
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


_POWERS: list[np.ndarray] = []  # [P**k, P**-k] for k up to the longest batch seen


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    """P**k and P**-k modulo 2**64 for k in 0..n, computed once and grown on demand."""
    if not _POWERS or len(_POWERS[0]) <= n:
        size = max(n + 1, 1 << 20)
        out = []
        for base in (_P, _P_INV):
            arr = np.full(size, base, np.uint64)
            arr[0] = 1
            out.append(np.cumprod(arr, dtype=np.uint64))
        _POWERS[:] = out
    return _POWERS[0], _POWERS[1]


def word_hashes(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """64-bit hashes of the space-separated words of each text, and each word's text index.

    Vectorised over the UTF-16 code units of all texts at once: a word's hash is a polynomial
    over its units (prefix sums modulo 2**64, shifted back by the inverse power), so no Python
    object is made per word. Texts must not contain newlines (they separate the texts).
    """
    data = np.frombuffer("\n".join(texts).encode("utf-16-le"), dtype=np.uint16)
    if not len(data):
        return np.zeros(0, np.uint64), np.zeros(0, np.int64)
    newline = data == _NEWLINE_BYTE
    sep = newline | (data == _SPACE_BYTE)
    edges = np.diff(np.concatenate(([True], sep, [True])).view(np.int8))
    starts = np.flatnonzero(edges == -1)
    ends = np.flatnonzero(edges == 1)
    powers, inverse = _powers(len(data))
    prefix = np.zeros(len(data) + 1, np.uint64)
    np.cumsum(data * powers[: len(data)], out=prefix[1:])
    words = (prefix[ends] - prefix[starts]) * inverse[starts]
    words += (ends - starts).astype(np.uint64)
    which = np.cumsum(newline)[starts]
    return _avalanche(words), which.astype(np.int64)


def shingle_hashes(
    words: np.ndarray, which: np.ndarray, count: int, size: int
) -> tuple[np.ndarray, np.ndarray]:
    """Hashes of every run of ``size`` consecutive words inside one text (the whole text when
    it is shorter), in text order, and the offsets of each text's run in them."""
    if not 1 <= size <= MAX_SHINGLE:
        raise ValueError(f"shingle size must be 1 to {MAX_SHINGLE}, not {size}")
    per_text = np.bincount(which, minlength=count)
    n = len(words) - size + 1
    if n > 0:
        grams = words[:n] * _MIX[0]
        for j in range(1, size):
            grams += words[j : n + j] * _MIX[j]
        keep = which[:n] == which[size - 1 :]
        grams, owner = _avalanche(grams[keep]), which[:n][keep]
    else:
        grams, owner = np.zeros(0, np.uint64), np.zeros(0, np.int64)
    short = np.flatnonzero((per_text > 0) & (per_text < size))
    if len(short):
        first = np.concatenate(([0], np.cumsum(per_text)))
        extra = []
        for t in short:
            w = words[first[t] : first[t + 1]]
            extra.append(_avalanche((w * _MIX[: len(w)]).sum(dtype=np.uint64, keepdims=True)))
        grams = np.concatenate([grams, *extra])
        owner = np.concatenate([owner, short])
        order = np.argsort(owner, kind="stable")
        grams, owner = grams[order], owner[order]
    offsets = np.zeros(count + 1, np.uint64)
    np.cumsum(np.bincount(owner, minlength=count), out=offsets[1:])
    return grams, offsets


def signatures(texts: Sequence[str], shingle_size: int, num_perm: int) -> np.ndarray:
    """MinHash signatures (rows of ``num_perm`` uint32) of word shingles of normalised texts
    (single-spaced, as :func:`paragraph_key` makes them).

    A text with no words gets a row of zeros, which has no LSH bands and matches nothing.
    """
    if not texts:
        return np.zeros((0, num_perm), dtype=np.uint32)
    words, which = word_hashes(texts)
    grams, offsets = shingle_hashes(words, which, len(texts), shingle_size)
    matrix = RMinHash.digest_matrix_from_flat_token_hashes(grams, offsets, num_perm, SEED)
    out = np.array(matrix.to_rows(), dtype=np.uint32).reshape(len(texts), num_perm)
    out[offsets[1:] == offsets[:-1]] = 0
    return out


def band_keys(sigs: np.ndarray, bands: int) -> np.ndarray:
    """One signed 64-bit key per LSH band per row; two rows share a key when a band is equal."""
    n, perm = sigs.shape
    if bands < 1 or perm % bands:
        raise ValueError(f"{bands} bands do not divide a signature of {perm} values")
    rows = perm // bands
    parts = sigs.astype(np.uint64).reshape(n, bands, rows)
    mult = np.resize(_MIX, rows)
    keys = (parts * mult).sum(axis=2, dtype=np.uint64)
    keys ^= keys >> np.uint64(29)
    keys *= np.uint64(0xBF58476D1CE4E5B9)
    return keys.view(np.int64)


def is_empty(sig: np.ndarray) -> bool:
    return not sig.any()


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity: the share of equal signature values."""
    return float(np.count_nonzero(a == b)) / len(a)
