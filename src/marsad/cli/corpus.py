"""Commands over a store: dyad analytics, exports and static plots."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import click
from rich import box
from rich.console import Console
from rich.table import Table

from marsad.analytics import PERIODS, dyad_series
from marsad.cli import err_console, main, one_line_errors
from marsad.errors import ConfigError
from marsad.exports import FORMATS, TABLES, default_name, export
from marsad.store import Store


def _day(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a YYYY-MM-DD date", param_hint=option) from None


def _store(ctx: click.Context, db: str | None) -> Store:
    """Open an existing store (never create an empty one by mistake)."""
    path = db or ctx.obj.db
    if not Path(path).is_file():
        raise ConfigError(f"{path}: no such store (create one with marsad ingest)")
    return Store(path, lock_wait=ctx.obj.store_lock_wait)


def _by_option(func: Any) -> Any:
    return click.option(
        "--by",
        default="week",
        show_default=True,
        type=click.Choice(PERIODS),
        help="Period length (weeks start on Monday).",
    )(func)


def _confidence_option(func: Any) -> Any:
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=0.0,
        show_default=True,
        help="Keep only event records with a mention at least this sure (export --table"
        " mentions: only mentions at least this sure).",
    )(func)


def _range_options(func: Any) -> Any:
    func = click.option("--to", "end", help="Last day (YYYY-MM-DD), inclusive.")(func)
    func = click.option("--from", "start", help="First day (YYYY-MM-DD).")(func)
    return click.option("--db", help="DuckDB store file (default: setting 'db').")(func)


def _dyad_series(
    ctx: click.Context,
    a: str,
    b: str,
    by: str,
    db: str | None,
    start: str | None,
    end: str | None,
    min_confidence: float = 0.0,
) -> dict[str, Any]:
    first, last = _day(start, "--from"), _day(end, "--to")
    with one_line_errors(), _store(ctx, db) as store:
        return dyad_series(store, a, b, by, first, last, min_confidence)


def _counts(c: dict[str, Any]) -> str:
    mean = "–" if c["goldstein_mean"] is None else f"{c['goldstein_mean']:+.2f}"
    return f"{c['records']} ({mean})"


@main.command()
@click.argument("a")
@click.argument("b")
@_by_option
@_range_options
@_confidence_option
@click.option("--json", "as_json", is_flag=True, help="Print the series as JSON.")
@click.pass_context
def dyad(
    ctx: click.Context,
    a: str,
    b: str,
    by: str,
    db: str | None,
    start: str | None,
    end: str | None,
    min_confidence: float,
    as_json: bool,
) -> None:
    """Event records between two actors per period (USA RUS, or full codes such as USAGOV)."""
    series = _dyad_series(ctx, a, b, by, db, start, end, min_confidence)
    if as_json:
        click.echo(json.dumps(series, ensure_ascii=False, indent=1))
        return
    a, b = series["a"], series["b"]
    table = Table(
        title=f"{a}–{b} by {by}: event records", title_justify="left", box=box.SIMPLE_HEAD
    )
    table.add_column("period", no_wrap=True)
    for col in ("rec", "ment", "Q1/2/3/4", "Goldstein", f"{a}→{b}", f"{b}→{a}"):
        table.add_column(col, justify="right", no_wrap=True)
    tops: list[str] = []
    for p in series["periods"]:
        if not p["records"]:
            continue
        q = p["quad_counts"]
        table.add_row(
            p["period"],
            str(p["records"]),
            str(p["mentions"]),
            "/".join(str(q[k]) for k in ("1", "2", "3", "4")),
            f"{p['goldstein_total']:+.1f} ({p['goldstein_mean']:+.2f})",
            _counts(p["a_to_b"]),
            _counts(p["b_to_a"]),
        )
        tops.append(
            f"{p['period']}: "
            + ", ".join(f"{c['cameo']} {c['name']} ×{c['count']}" for c in p["top_codes"])
        )
    console = Console(highlight=False)
    if table.row_count:
        console.print(table)
        console.print("top event types (records):", markup=False)
        for line in tops:
            console.print(f"  {line}", markup=False, soft_wrap=True)
    else:
        console.print(f"no event records between {a} and {b}", markup=False)
    statement = series["trend"]["statement"]
    console.print(statement["en"], markup=False, soft_wrap=True)
    console.print(statement["ar"], markup=False, soft_wrap=True)


@main.command("export")
@click.option(
    "--format", "fmt", required=True, type=click.Choice(FORMATS), help="See docs/exports.md."
)
@click.option(
    "--table",
    default="events",
    show_default=True,
    type=click.Choice(TABLES),
    help="Event records (GDELT Events) or every mention (GDELT Mentions).",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="File, folder (a default name is used), or '-' for standard output (gdelt, plover).",
)
@click.option("--header", is_flag=True, help="gdelt: write a header row (GDELT files have none).")
@_range_options
@_confidence_option
@click.pass_context
def export_cmd(
    ctx: click.Context,
    fmt: str,
    table: str,
    output: str,
    header: bool,
    db: str | None,
    start: str | None,
    end: str | None,
    min_confidence: float,
) -> None:
    """Export event records or mentions as GDELT 2.0 TSV, PLOVER JSON lines, Parquet or CSV."""
    first, last = _day(start, "--from"), _day(end, "--to")
    target: str | Path = output
    if output != "-" and Path(output).is_dir():
        target = Path(output) / default_name(fmt, table)
    with one_line_errors(), _store(ctx, db) as store:
        n = export(store, fmt, target, table, first, last, header, min_confidence)
    where = "standard output" if target == "-" else str(target)
    err_console.print(f"wrote {n} rows ({fmt}, {table}) to {where}", markup=False, soft_wrap=True)


@main.group()
def plot() -> None:
    """Static charts for reports (needs marsad[plot])."""


@plot.command("dyad")
@click.argument("a")
@click.argument("b")
@_by_option
@_range_options
@_confidence_option
@click.option("-o", "--output", required=True, help="Image file (.png, .svg or .pdf).")
@click.pass_context
def plot_dyad_cmd(
    ctx: click.Context,
    a: str,
    b: str,
    by: str,
    db: str | None,
    start: str | None,
    end: str | None,
    min_confidence: float,
    output: str,
) -> None:
    """Records by QuadClass and mean Goldstein per period, with the trend and its statement."""
    from marsad.exports.plot import plot_dyad

    series = _dyad_series(ctx, a, b, by, db, start, end, min_confidence)
    with one_line_errors():
        out = plot_dyad(series, output)
    err_console.print(f"wrote {out}", markup=False, soft_wrap=True)
    click.echo(series["trend"]["statement"]["en"])
