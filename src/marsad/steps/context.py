"""Dates and numbers in each kept sentence; each sentence gets the date it speaks of."""

from __future__ import annotations

from dataclasses import fields

from marsad.model import Article
from marsad.steps.base import ArticleStep, RunContext
from marsad.text.dates import DateMention, find_dates, sentence_date
from marsad.text.numbers import NumberMention, find_numbers

# Field names in declaration order, as dataclasses.asdict would give them (values are scalars).
_DATE_FIELDS = tuple(f.name for f in fields(DateMention))
_NUMBER_FIELDS = tuple(f.name for f in fields(NumberMention))


class Context(ArticleStep):
    """Fills ``article.dates``, ``article.numbers`` and ``Sentence.date`` (spans on the article)."""

    name = "context"

    def process(self, article: Article, ctx: RunContext) -> Article | None:
        text = article.text
        for s in article.sentences:
            chunk = text[s.start : s.end]
            mentions = find_dates(chunk, article.published)
            for m in mentions:
                d = {f: getattr(m, f) for f in _DATE_FIELDS}
                d.update(start=m.start + s.start, end=m.end + s.start, sentence=s.index)
                article.dates.append(d)
            s.date = sentence_date(mentions, 0, len(chunk))
            for n in find_numbers(chunk):
                d = {f: getattr(n, f) for f in _NUMBER_FIELDS}
                d.update(start=n.start + s.start, end=n.end + s.start, sentence=s.index)
                article.numbers.append(d)
        return article
