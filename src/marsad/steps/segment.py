"""Split kept paragraphs into sentences and tokens (with normalised forms for matching)."""

from __future__ import annotations

from marsad.model import Article, Sentence, Token
from marsad.steps.base import ArticleStep, RunContext
from marsad.text.normalize import normalize_word
from marsad.text.segment import TOKEN, Span, split_sentences


def segment_article(article: Article, max_chars: int = 1500) -> list[Sentence]:
    text = article.text
    out: list[Sentence] = []
    for p in article.paragraphs:
        if p.removed:
            continue
        for span in cap_length(text, split_sentences(text, p.start, p.end), max_chars):
            out.append(
                Sentence(
                    index=len(out),
                    start=span.start,
                    end=span.end,
                    text=text[span.start : span.end],
                    paragraph=p.index,
                    heading=p.kind == "heading",
                )
            )
    return out


def cap_length(text: str, spans: list[Span], max_chars: int) -> list[Span]:
    """Cut spans longer than ``max_chars`` at the last comma, else space, before the limit.

    Real newswire sentences stay far below the default; a page without punctuation would
    otherwise make every later step scan one enormous sentence.
    """
    out: list[Span] = []
    for span in spans:
        start = span.start
        while span.end - start > max_chars:
            limit = start + max_chars
            cut = max(text.rfind("،", start, limit), text.rfind(",", start, limit))
            if cut <= start:
                cut = text.rfind(" ", start, limit)
            cut = cut + 1 if cut > start else limit
            piece = Span(start, cut)
            while piece.end > piece.start and text[piece.end - 1].isspace():
                piece = Span(piece.start, piece.end - 1)
            out.append(piece)
            start = cut
            while start < span.end and text[start].isspace():
                start += 1
        if start < span.end:
            out.append(Span(start, span.end))
    return out


def tokens_of(sentence: Sentence, text: str | None = None) -> list[Token]:
    """The sentence's tokens with normalised forms, made on first use and kept.

    Offsets index the article text; ``text`` is that text when the sentence's own ``text``
    is not the article's (always pass it from steps that have the article).
    """
    if not sentence.tokens and sentence.end > sentence.start:
        base, offset = (text, 0) if text is not None else (sentence.text, sentence.start)
        lo, hi = (sentence.start, sentence.end) if text is not None else (0, len(base))
        sentence.tokens = [
            Token(m.start() + offset, m.end() + offset, w, normalize_word(w))
            for m in TOKEN.finditer(base, lo, hi)
            for w in (m.group(),)
        ]
    return sentence.tokens


class Segment(ArticleStep):
    """Sentences never cross paragraphs; headings become sentences flagged ``heading``.

    Tokens are made lazily by ``tokens_of`` so a run that never matches words never pays.
    """

    name = "segment"

    def process(self, article: Article, ctx: RunContext) -> Article | None:
        article.sentences = segment_article(article, ctx.settings.max_sentence_chars)
        ctx.stats["sentences"] += len(article.sentences)
        return article
