"""Content hashes that identify an article or paragraph regardless of marks and spacing."""

from __future__ import annotations

import hashlib
import re

from marsad.text.normalize import normalize

_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s%]", re.UNICODE)


def paragraph_key(text: str) -> str:
    """Normalised, punctuation-free, single-spaced form: equal keys are the same paragraph."""
    return _SPACE.sub(" ", _PUNCT.sub(" ", normalize(text))).strip()


def content_hash(parts: list[str]) -> str:
    """A 32-hex-digit id over the normalised paragraphs of an article, in order."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(paragraph_key(part).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()
