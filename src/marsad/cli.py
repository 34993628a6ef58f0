"""The marsad command line: a thin shell over the library; errors become one-line messages."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

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
@click.version_option(package_name="marsad")
@click.pass_context
def main(ctx: click.Context, config: Path | None) -> None:
    """marsad (مرصد): Arabic news in, verified political event data out."""
    try:
        ctx.obj = load_settings(config)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", help="Publication date (YYYY-MM-DD) for inputs that have none.")
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
) -> None:
    """Analyse articles (files, folders, globs, JSONL, HTML, WARC, .gz or '-') and report."""
    try:
        result = pipeline.analyze(list(paths), _settings(ctx), _published(published), stdin_format)
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from None
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
@click.pass_context
def ingest(
    ctx: click.Context, paths: tuple[str, ...], db: str | None, published: str | None, as_json: bool
) -> None:
    """Analyse articles and store them in the DuckDB file; the same input twice adds nothing."""
    settings = _settings(ctx)
    try:
        run = pipeline.ingest(list(paths), db or settings.db, settings, _published(published))
    except MarsadError as exc:
        raise click.ClickException(str(exc)) from None
    _report_failures(run)
    summary: dict[str, Any] = run.summary()
    if as_json:
        click.echo(json.dumps(summary, ensure_ascii=False))
    else:
        render_summary(Console(highlight=False), summary)
    ctx.exit(_exit_code(run))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
