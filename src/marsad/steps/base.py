"""The small base classes every step derives from, and the context a run shares."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from marsad.errors import SourceError
from marsad.model import Article
from marsad.settings import Settings


@dataclass(slots=True)
class Failure:
    path: str
    reason: str
    kind: str = "failed"  # failed | skipped

    def as_dict(self) -> dict[str, str]:
        return {"path": self.path, "reason": self.reason}


@dataclass(slots=True)
class RunContext:
    """What every step of one run can read (settings) and add to (counters, failures)."""

    settings: Settings
    published: date | None = None
    stats: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)

    def fail(self, err: SourceError) -> None:
        """Record a failed input; ``read`` counts it so the summary adds up."""
        if err.__class__.__name__ == "SkipError":
            self.skipped.append(Failure(err.path, err.reason, "skipped"))
            self.stats["skipped"] += 1
        else:
            self.failures.append(Failure(err.path, err.reason))
            self.stats["failed"] += 1

    def summary(self) -> dict[str, Any]:
        return {
            "read": self.stats["read"],
            "stored": self.stats["stored"],
            "duplicates": self.stats["duplicates"],
            "skipped": [s.as_dict() for s in self.skipped],
            "failed": [f.as_dict() for f in self.failures],
        }


class Step:
    """A stage of the pipeline; it knows nothing about where or how it is run."""

    name = "step"

    def run(self, articles: Iterable[Article], ctx: RunContext) -> Iterator[Article]:
        raise NotImplementedError


class ArticleStep(Step):
    """A step that treats articles one at a time; an input error drops just that article."""

    def process(self, article: Article, ctx: RunContext) -> Article | None:
        raise NotImplementedError

    def run(self, articles: Iterable[Article], ctx: RunContext) -> Iterator[Article]:
        for article in articles:
            try:
                out = self.process(article, ctx)
            except SourceError as err:
                ctx.fail(err)
                continue
            if out is not None:
                yield out
