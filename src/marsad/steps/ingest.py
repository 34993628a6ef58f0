"""Turn read Documents into Articles, recording every input that failed or was skipped."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from marsad.errors import SkipError, SourceError
from marsad.model import Article
from marsad.readers import Document, ReadResult
from marsad.steps.base import RunContext
from marsad.text.langid import identify, language_name
from marsad.text.normalize import arabic_ratio


def documents_to_articles(items: Iterable[ReadResult], ctx: RunContext) -> Iterator[Article]:
    """Every item counts as read; errors are recorded, documents become Articles."""
    for item in items:
        ctx.stats["read"] += 1
        if isinstance(item, SourceError):
            ctx.fail(item)
            continue
        try:
            yield to_article(item, ctx)
        except SourceError as err:
            ctx.fail(err)


def to_article(doc: Document, ctx: RunContext) -> Article:
    """Check size and language, then make the Article (its id is set by the clean step)."""
    limit = ctx.settings.max_article_chars
    if len(doc.text) > limit:
        raise SourceError(
            doc.path, f"article has {len(doc.text):,} characters, over the {limit:,} cap"
        )
    ratio = arabic_ratio(doc.text[:20_000])
    if ratio < ctx.settings.min_arabic_ratio:
        raise SkipError(doc.path, skip_reason(doc.text, ratio, ctx.settings.min_arabic_ratio))
    return Article(
        id="",
        text=doc.text,
        title=doc.title,
        source_id=doc.source_id,
        published=doc.published or ctx.published,
        source=doc.source,
        url=doc.url,
        path=doc.path,
    )


def skip_reason(text: str, ratio: float, min_ratio: float) -> str:
    """Why a text is skipped, naming its language: not Arabic (English, 2% Arabic letters)."""
    lang = identify(text, min_ratio)
    if lang == "unknown":
        return "not Arabic (no letters)"
    return f"not Arabic ({language_name(lang)}, {ratio:.0%} Arabic letters)"
