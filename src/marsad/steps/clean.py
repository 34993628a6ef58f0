"""Split an article into paragraphs and drop site furniture and repeated blocks.

Scrapers often paste a body twice, or append it after a teaser; a repeat is a paragraph
equal (after normalisation) or nearly equal to an earlier kept one. A short paragraph counts
only when it sits in a run of repeats, so a legitimately repeated two-word heading survives.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from marsad.errors import DataError, SourceError
from marsad.model import Article, Paragraph
from marsad.steps.base import ArticleStep, RunContext
from marsad.text.fingerprint import content_hash, paragraph_key
from marsad.text.normalize import normalize

_FINAL = tuple('.!?؟…:»"”)')
# "القاهرة - (وكالات):" or "الرياض – واس" on a line of its own: a dateline, not the lead.
_DATELINE = re.compile(r"^[^\s\d]{2,}(?: [^\s\d]{2,}){0,2} ?[-–—] ?\(?[^()\n]{2,40}\)?\s*:?$")
_FUZZY_LIMIT = 400  # paragraphs; beyond this only exact repeats are looked for


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """The shipped boilerplate table, compiled once."""
    path = resources.files("marsad") / "resources" / "clean" / "boilerplate.tsv"
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        pattern = line.split("\t", 1)[0]
        try:
            out.append(re.compile(pattern, re.IGNORECASE))
        except re.error as exc:
            raise DataError(f"boilerplate.tsv:{lineno}: bad pattern ({exc})") from None
    return tuple(out)


def is_boilerplate(line: str) -> bool:
    norm = normalize(line)
    return any(p.search(norm) for p in boilerplate_patterns())


def split_paragraphs(text: str) -> list[Paragraph]:
    """Each non-blank line is a paragraph; spans exclude surrounding whitespace."""
    out: list[Paragraph] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = pos + (len(line) - len(line.lstrip()))
            out.append(
                Paragraph(index=len(out), start=start, end=start + len(stripped), kind="body")
            )
        pos += len(line) + 1
    return out


def find_repeats(texts: list[str], similarity: float, min_chars: int) -> dict[int, int]:
    """Map the index of each repeated paragraph to the earlier paragraph it repeats."""
    keys = [paragraph_key(t) for t in texts]
    first: dict[str, int] = {}
    candidates: dict[int, int] = {}
    fuzzy = len(texts) <= _FUZZY_LIMIT
    for i, key in enumerate(keys):
        if not key:
            continue
        if key in first:
            candidates[i] = first[key]
            continue
        if fuzzy and len(key) >= min_chars:
            for j in range(i):
                if j in candidates or not keys[j]:
                    continue
                a, b = len(key), len(keys[j])
                if min(a, b) / max(a, b) < 0.8:
                    continue
                if fuzz.ratio(key, keys[j], score_cutoff=similarity):
                    candidates[i] = j
                    break
        if i not in candidates:
            first[key] = i
    accepted: dict[int, int] = {}
    for i, j in candidates.items():
        long_enough = len(keys[i]) >= min_chars
        in_run = (i - 1) in candidates or (i + 1) in candidates
        if long_enough or in_run:
            accepted[i] = j
    return accepted


def is_heading(text: str, max_words: int) -> bool:
    """A short line without final punctuation or commas, like «إدارة بايدن»."""
    words = text.split()
    return (
        0 < len(words) <= max_words
        and not text.endswith(_FINAL)
        and "،" not in text
        and "," not in text
    )


class Clean(ArticleStep):
    """Mark headline, lead, headings, boilerplate and repeats; set the article's content id."""

    name = "clean"

    def process(self, article: Article, ctx: RunContext) -> Article | None:
        s = ctx.settings
        paragraphs = split_paragraphs(article.text)
        if not paragraphs:
            raise SourceError(article.path or "?", "empty article")
        texts = [article.text[p.start : p.end] for p in paragraphs]
        for i, p in enumerate(paragraphs):
            if i > 0 and is_boilerplate(texts[i]):
                p.kind, p.removed, p.reason = "boilerplate", True, "boilerplate"
        live = [i for i, p in enumerate(paragraphs) if not p.removed]
        repeats = find_repeats([texts[i] for i in live], s.repeat_similarity, s.repeat_min_chars)
        for li, lj in repeats.items():
            p = paragraphs[live[li]]
            p.kind, p.removed, p.reason, p.repeat_of = "repeat", True, "repeat", live[lj]
        kept = [p for p in paragraphs if not p.removed]
        kept[0].kind = "headline"
        for n, p in enumerate(kept[1:], 1):
            nxt = kept[n + 1] if n + 1 < len(kept) else None
            if n == 1 and _DATELINE.match(texts[p.index]):
                p.kind = "dateline"
            elif nxt is not None and n > 1 and is_heading(texts[p.index], s.heading_max_words):
                p.kind = "heading" if kept[n - 1].kind != "dateline" else "lead"
            elif n == 1 or (n == 2 and kept[1].kind == "dateline"):
                p.kind = "lead"
        article.paragraphs = paragraphs
        article.id = content_hash([texts[p.index] for p in kept])
        ctx.stats["paragraphs_removed"] += len(paragraphs) - len(kept)
        return article
