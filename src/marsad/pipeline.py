"""The default pipeline and the two jobs built on it: analyze (report) and ingest (store)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.actors.dictionary import ActorDictionary
from marsad.events.confidence import default_model
from marsad.events.triggers import TriggerSet
from marsad.events.triggers import default_triggers as shipped_triggers
from marsad.model import Article
from marsad.ner.base import NerBackend
from marsad.ner.null import NoNer
from marsad.readers import ReadResult, iter_documents
from marsad.readers.dispatch import count_items
from marsad.settings import Settings
from marsad.steps.base import RunContext, Step
from marsad.steps.clean import Clean
from marsad.steps.context import Context
from marsad.steps.dedup import DropSeen
from marsad.steps.entities import Entities
from marsad.steps.events import Events
from marsad.steps.ingest import documents_to_articles
from marsad.steps.quotes import Quotes
from marsad.steps.segment import Segment

if TYPE_CHECKING:
    from marsad.store import Store


def user_files(settings: Settings | None) -> tuple[str, ...]:
    """The TSV files of the user dictionary folder (setting ``dictionary_dir``), sorted."""
    folder = Path(settings.dictionary_dir if settings else "marsad-dicts")
    return tuple(sorted(str(p) for p in folder.glob("*.tsv"))) if folder.is_dir() else ()


@lru_cache(maxsize=4)
def default_dictionary(extra: tuple[str, ...] = ()) -> ActorDictionary:
    """The shipped actor dictionary plus user files (shipped rows win), loaded once."""
    tables = [Path(p) for p in extra if not p.endswith(".triggers.tsv")]
    if not tables:
        return ActorDictionary.load()
    return ActorDictionary.load(tables)


@lru_cache(maxsize=4)
def default_triggers(extra: tuple[str, ...] = ()) -> TriggerSet:
    """The shipped triggers, then user trigger files: on equal matches ours come first."""
    shipped = shipped_triggers()
    files = [p for p in extra if p.endswith(".triggers.tsv")]
    if not files:
        return shipped
    return TriggerSet([*shipped.triggers, *(t for f in files for t in TriggerSet.load(f).triggers)])


@lru_cache(maxsize=4)
def load_backend(ner: str | None) -> NerBackend:
    """``crf`` (the shipped model), ``none`` (dictionary only), or a path to a transformers model."""
    if ner in (None, "crf"):
        from marsad.ner.crf import load_tagger

        return load_tagger()
    if ner == "none":
        return NoNer()
    from marsad.ner.transformers_backend import TransformersTagger

    return TransformersTagger(ner)


def text_steps() -> list[Step]:
    """Cleaning and splitting only: what every analysis starts with."""
    return [Clean(), DropSeen(), Segment()]


def default_steps(
    ner: str | None = "crf",
    backend: NerBackend | None = None,
    settings: Settings | None = None,
    rated: bool = True,
) -> list[Step]:
    """The analysis steps in order: clean, drop repeats, split, context, entities, quotes, events.

    ``rated`` events get the confidence model's probability; without it they keep the
    rule-based figure the model is trained from."""
    extra = user_files(settings)
    dictionary = default_dictionary(extra)
    return [
        *text_steps(),
        Context(),
        Entities(backend or load_backend(ner), dictionary),
        Quotes(),
        Events(dictionary, default_triggers(extra), default_model() if rated else None),
    ]


@dataclass
class Pipeline:
    steps: Sequence[Step]

    def run(self, items: Iterable[ReadResult], ctx: RunContext) -> Iterator[Article]:
        """Chain the steps lazily: memory holds one article (or one write batch) at a time."""
        stream: Iterable[Article] = documents_to_articles(items, ctx)
        for step in self.steps:
            stream = step.run(stream, ctx)
        yield from stream


@dataclass
class Result:
    articles: list[Article]
    context: RunContext

    @property
    def summary(self) -> dict[str, object]:
        return self.context.summary()


def analyze(
    paths: Sequence[str],
    settings: Settings | None = None,
    published: date | None = None,
    stdin_format: str = ".txt",
    ner: str | None = "crf",
) -> Result:
    """Read and analyse every input; nothing is stored."""
    settings = settings or Settings.default()
    ctx = RunContext(settings=settings, published=published)
    pipe = Pipeline(default_steps(ner, settings=settings))
    articles = list(pipe.run(iter_documents(paths, settings, stdin_format), ctx))
    ctx.stats["stored"] = 0
    return Result(articles, ctx)


def analyze_text(
    text: str,
    published: date | None = None,
    settings: Settings | None = None,
    ner: str | None = "crf",
) -> Article:
    """Analyse one article given as a string (headline on the first line)."""
    from marsad.readers.base import Document, split_headline

    settings = settings or Settings.default()
    ctx = RunContext(settings=settings, published=published)
    title, text = split_headline(text.replace("\r\n", "\n"))
    doc = Document(path="<text>", text=text, title=title)
    out = list(Pipeline(default_steps(ner, settings=settings)).run([doc], ctx))
    if not out:
        from marsad.errors import SourceError

        f = ctx.failures or ctx.skipped
        raise SourceError("<text>", f[0].reason if f else "nothing to analyse")
    return out[0]


def ingest_steps(
    store: Store, ner: str | None = "crf", settings: Settings | None = None, stories: bool = True
) -> list[Step]:
    """The analysis steps for a run that stores: after cleaning, each article's MinHash
    signature is computed and stored articles are dropped (a rerun skips them before the
    costly steps); the rest is analysed and written in batches with its story.
    ``stories=False`` (a Dask shard) leaves stories to the loader."""
    from marsad.steps.dedup import Signatures, SkipStored
    from marsad.steps.write import Write

    steps: list[Step] = []
    for step in default_steps(ner, settings=settings):
        if isinstance(step, DropSeen):  # signatures first: cleaning's paragraph keys are cached
            steps += [Signatures(), SkipStored(store)]
        else:
            steps.append(step)
    return [*steps, Write(store, stories=stories)]


Tick = Callable[[int, int | None], None]


def ticking(items: Iterable[ReadResult], tick: Tick, total: int | None) -> Iterator[ReadResult]:
    """Pass items through, reporting (items taken, total) after each one (progress bars)."""
    tick(0, total)
    for n, item in enumerate(items, 1):
        yield item
        tick(n, total)


def ingest(
    paths: Sequence[str],
    db: str,
    settings: Settings | None = None,
    published: date | None = None,
    ner: str | None = "crf",
    tick: Tick | None = None,
) -> RunContext:
    """Analyse every input and store it; the context's summary says what happened.

    Streams (memory holds a batch, not the corpus) and commits each batch, so a run killed at
    any point can simply be started again: stored articles are skipped before analysis. The
    run record is written last, after the event records are rebuilt over the whole store.
    ``tick(done, total)`` is called as inputs are taken (total from a first reading pass).
    """
    from marsad.store import Store
    from marsad.store.records import rebuild_records

    settings = settings or Settings.default()
    ctx = RunContext(settings=settings, published=published)
    with Store(db, lock_wait=settings.store_lock_wait) as store:
        items: Iterable[ReadResult] = iter_documents(paths, settings)
        if tick is not None:
            items = ticking(items, tick, count_items(paths, settings))
        for _ in Pipeline(ingest_steps(store, ner, settings)).run(items, ctx):
            pass
        rebuild_records(store, settings.event_window_days)
        store.record_run("ingest", ctx.summary(), [*ctx.failures, *ctx.skipped])
    return ctx
