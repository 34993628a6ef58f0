"""The marsad command line: a thin shell over the library; errors become one-line messages."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from marsad import pipeline
from marsad.errors import MarsadError
from marsad.output import analysis_dict
from marsad.render import render_article, render_summary
from marsad.settings import Settings, load_settings
from marsad.steps.base import RunContext

err_console = Console(stderr=True, highlight=False)


def _published(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@contextmanager
def one_line_errors() -> Iterator[None]:
    """The edge where the library's MarsadError becomes a one-line message and exit code 1."""
    try:
        yield
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from None


def _settings(ctx: click.Context) -> Settings:
    obj: Settings = ctx.obj
    return obj


def _report_failures(ctx: RunContext) -> None:
    for f in ctx.failures:
        err_console.print(f"error: {f.path}: {f.reason}", markup=False, soft_wrap=True)
    for f in ctx.skipped:
        err_console.print(f"skipped: {f.path}: {f.reason}", markup=False, soft_wrap=True)


def _exit_code(ctx: RunContext) -> int:
    done = ctx.stats["read"] - ctx.stats["failed"] - ctx.stats["skipped"]
    return 0 if done > 0 else 1


@click.group()
@click.option(
    "--config", type=click.Path(dir_okay=False, path_type=Path), help="A marsad.toml file."
)
@click.option(
    "--set",
    "-s",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Override a setting (docs/settings.md), e.g. -s field_text=content. Repeatable.",
)
@click.version_option(package_name="marsad")
@click.pass_context
def main(ctx: click.Context, config: Path | None, overrides: tuple[str, ...]) -> None:
    """marsad (مرصد): Arabic news in, verified political event data out."""
    pairs: dict[str, Any] = {}
    for item in overrides:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise click.BadParameter(f"{item!r} is not NAME=VALUE", param_hint="--set")
        pairs[name.strip()] = value
    with one_line_errors():
        ctx.obj = load_settings(config, overrides=pairs)


F = TypeVar("F", bound=Callable[..., Any])


def ner_options(func: F) -> F:
    """The NER choice shared by analyze and ingest."""
    func = click.option(
        "--ner-model",
        type=click.Path(exists=True, file_okay=False),
        help="A transformers token-classification model on disk (needs marsad[transformers]).",
    )(func)
    return click.option(
        "--ner",
        default="crf",
        show_default=True,
        type=click.Choice(["crf", "none"]),
        help="NER backend: the shipped CRF model, or none (actor dictionary only).",
    )(func)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that have none.")
@ner_options
@click.option(
    "--json", "as_json", is_flag=True, help="Print the analysis as JSON (docs/schema.md)."
)
@click.option(
    "--stdin-format",
    default=".txt",
    type=click.Choice([".txt", ".json", ".jsonl", ".html"]),
    help="Format of '-' (standard input).",
)
@click.pass_context
def analyze(
    ctx: click.Context,
    paths: tuple[str, ...],
    published: str | None,
    as_json: bool,
    stdin_format: str,
    ner: str,
    ner_model: str | None,
) -> None:
    """Analyse articles (files, folders, globs, JSONL, HTML, WARC, .gz or '-') and report."""
    with one_line_errors():
        result = pipeline.analyze(
            list(paths), _settings(ctx), _published(published), stdin_format, ner_model or ner
        )
    _report_failures(result.context)
    if as_json:
        click.echo(
            json.dumps(analysis_dict(result.articles, result.summary), ensure_ascii=False, indent=1)
        )
    else:
        console = Console(highlight=False)
        for article in result.articles:
            render_article(console, article)
        render_summary(console, result.summary)
    ctx.exit(_exit_code(result.context))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help="DuckDB store file (default: setting 'db', marsad.duckdb).")
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that have none.")
@click.option("--json", "as_json", is_flag=True, help="Print the run summary as JSON.")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on stderr (default: only when stderr is a terminal).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Analyse on a local Dask cluster of N worker processes (needs marsad[dask]).",
)
@click.option(
    "--dask",
    "dask_address",
    metavar="tcp://HOST:PORT",
    help="Analyse on an existing Dask cluster (needs marsad[dask]; see docs/scale.md).",
)
@click.option(
    "--parts",
    type=click.Path(file_okay=False),
    help="Folder for the shards' Parquet files with --workers/--dask (default: DB.parts; "
    "must be visible to every worker).",
)
@ner_options
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    db: str | None,
    published: str | None,
    as_json: bool,
    progress: bool | None,
    workers: int | None,
    dask_address: str | None,
    parts: str | None,
    ner: str,
    ner_model: str | None,
) -> None:
    """Analyse articles and store them in the DuckDB file; the same input twice adds nothing.

    A run that is interrupted can be started again: what was stored is skipped.
    """
    settings = _settings(ctx)
    store = db or settings.db
    show = err_console.is_terminal if progress is None else progress
    with one_line_errors(), _progress(show) as tick:
        if workers is not None or dask_address is not None:
            from marsad.executors.dask import ingest_dask

            run = ingest_dask(
                list(paths),
                store,
                settings,
                _published(published),
                ner_model or ner,
                workers=workers,
                address=dask_address,
                parts=parts,
                tick=tick,
            )
        else:
            run = pipeline.ingest(
                list(paths), store, settings, _published(published), ner_model or ner, tick=tick
            )
    _report_failures(run)
    summary: dict[str, Any] = run.summary()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        render_summary(Console(highlight=False), summary)
    ctx.exit(_exit_code(run))


@contextmanager
def _progress(show: bool) -> Iterator[Callable[[int, int | None], None] | None]:
    """A rich progress bar on stderr (articles/s, ETA) fed by ``tick(done, total)``."""
    if not show:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err_console, transient=False) as bar:
        task = bar.add_task("ingest", total=None, rate="")

        def tick(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)
            speed = bar.tasks[task].speed
            bar.update(task, rate=f"{speed:,.1f} articles/s" if speed else "")

        yield tick


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=1))


_shared_option = click.option(
    "--shared",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The shared data folder (default: ../shared or MARSAD_SHARED).",
)


@main.group()
def train() -> None:
    """Reproduce a shipped model from the data in ../shared."""


@train.command("ner")
@_shared_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to write the models and the card (default: the shipped location).",
)
@click.option("--seed", default=13, show_default=True, help="Recorded in the model card.")
def train_ner(shared: Path | None, out: Path | None, seed: int) -> None:
    """Train the CRF NER models (deterministic) and print the held-out model's dev scores.

    The config is chosen on the ANERcorp dev slice; the shipped model is then trained with it
    on the train part and the dev slice together.
    """
    from marsad.ner import crf

    with one_line_errors():
        card = crf.train(out or crf.MODELS, shared or crf.shared_dir(), seed=seed)
    _echo_json(card["dev_scores"])


@train.command("confidence")
@_shared_option
@click.option(
    "--reviews",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The event reviews TSV (default: eval/event_reviews.tsv).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the model (default: the shipped location).",
)
def train_confidence(shared: Path | None, reviews: Path | None, out: Path | None) -> None:
    """Fit the event confidence model to the reviewed events (deterministic) and print its
    cross-validated figures beside the rule-based confidence's."""
    from marsad.evaluate import event_confidence as ec
    from marsad.events.confidence import MODEL_FILE
    from marsad.ner.crf import shared_dir

    with one_line_errors():
        report = ec.train_confidence(
            shared or shared_dir(), out or MODEL_FILE, reviews or ec.REVIEWS_FILE
        )
    _echo_json({k: report[k] for k in ("events", "right", "config", "cv", "rule_based")})


@main.group("eval")
def evaluate() -> None:
    """Score marsad against gold data."""


@evaluate.command("ner")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="CoNLL file: token and IOB2 tag per line.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@ner_options
def eval_ner(gold: Path, as_json: bool, ner: str, ner_model: str | None) -> None:
    """Exact-span precision, recall and F1 per type and micro overall, as conlleval computes them."""
    from marsad.evaluate.ner import evaluate_ner

    with one_line_errors():
        scores = evaluate_ner(gold, pipeline.load_backend(ner_model or ner))
    if as_json:
        _echo_json(scores)
        return
    click.echo(f"{'type':6} {'precision':>9} {'recall':>7} {'f1':>7} {'support':>8}")
    for kind, s in sorted(scores["per_type"].items()):
        click.echo(
            f"{kind:6} {s['precision']:9.4f} {s['recall']:7.4f} {s['f1']:7.4f} {s['support']:8d}"
        )
    click.echo(f"{'all':6} {scores['precision']:9.4f} {scores['recall']:7.4f} {scores['f1']:7.4f}")


@evaluate.command("actors")
@click.option(
    "--spans",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An arabic_event_gsr *_spans.json file.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--ner",
    default="none",
    show_default=True,
    type=click.Choice(["crf", "none"]),
    help="NER backend used while resolving the sentence.",
)
def eval_actors(spans: Path, as_json: bool, ner: str) -> None:
    """Country and role accuracy of the actor codes marsad resolves for annotated spans."""
    from marsad.evaluate.actors import evaluate_actors

    with one_line_errors():
        scores = evaluate_actors(spans, ner=ner)
    if as_json:
        _echo_json(scores)
        return
    click.echo(f"spans {scores['spans']}")
    click.echo(f"country accuracy {scores['country_accuracy']:.4f} (n={scores['country_n']})")
    click.echo(f"role accuracy    {scores['role_accuracy']:.4f} (n={scores['role_n']})")
    for e in scores["errors"]:
        click.echo(f"  {e['gold']} → {e['got']} | {e['text']}")


@main.group("dict")
def dictionaries() -> None:
    """Bring dictionaries users already have into marsad's format."""


@dictionaries.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["petrarch"]),
    help="The dictionary format (PETRARCH / UniversalPetrarch).",
)
@click.option(
    "--kind",
    type=click.Choice(["actors", "agents", "verbs"]),
    help="What the file holds (detected when not given).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write into (default: setting 'dictionary_dir', loaded by analyze).",
)
@click.pass_context
def dict_import(
    ctx: click.Context, path: Path, fmt: str, kind: str | None, out: Path | None
) -> None:
    """Convert a PETRARCH actor, agent or verb dictionary; ours win where both know a name."""
    from marsad.actors.petrarch import import_petrarch

    target = out or Path(_settings(ctx).dictionary_dir)
    with one_line_errors():
        report = import_petrarch(path, target, kind)
    click.echo(
        f"{path}: {report.kind}, read {report.read}, written {report.written}, "
        f"skipped {len(report.skipped)}"
    )
    for f in report.files:
        click.echo(f"  wrote {f}")
    for line, reason in report.skipped[:10]:
        click.echo(f"  skipped line {line}: {reason}")
    if len(report.skipped) > 10:
        click.echo(f"  … and {len(report.skipped) - 10} more")


@evaluate.command("events")
@click.option(
    "--gsr",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An arabic_event_gsr detection file (ASSAULT or PROTEST rows).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_events(gsr: Path, as_json: bool) -> None:
    """PLOVER ASSAULT / PROTEST sentence detection: precision, recall and F1 per class."""
    from marsad.evaluate.events import evaluate_gsr

    with one_line_errors():
        res = evaluate_gsr(gsr)
    if as_json:
        _echo_json(res)
        return
    for event in ("ASSAULT", "PROTEST"):
        s = res.get(event)
        if s:
            click.echo(
                f"{event:8} P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}  "
                f"tp {s['tp']} fp {s['fp']} fn {s['fn']}  support {s['support']}"
            )
    click.echo(f"rows scored {res['rows']}, ambiguous skipped {res['skipped_ambiguous']}")
    if res.get("trained_on_this_file"):
        click.echo("note: the shipped detector was trained on this file, so the figures above are")
        click.echo("a fit; its 5-fold cross-validated figures are the estimate:")
        for event, s in res.get("cross_validated", {}).items():
            click.echo(f"  {event:8} P {s['precision']:.4f}  R {s['recall']:.4f}  F1 {s['f1']:.4f}")


# Commands kept in their own modules register themselves on `main` when imported.
from marsad.cli import corpus, doctor, serve  # noqa: E402, F401  (imported to register)
