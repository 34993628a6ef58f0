"""`marsad doctor`: check a store's integrity and report."""

from __future__ import annotations

import json

import click
from rich import box
from rich.console import Console
from rich.table import Table

from marsad.cli import main, one_line_errors
from marsad.store.doctor import check_store


@main.command()
@click.option("--db", help="DuckDB store file (default: setting 'db', marsad.duckdb).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.pass_context
def doctor(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Check a store: schema, every table readable, orphans, spans, keys; exit 1 on problems."""
    with one_line_errors():
        report = check_store(db or ctx.obj.db, ctx.obj.store_lock_wait)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1, default=str))
    else:
        console = Console(highlight=False)
        table = Table(box=box.SIMPLE, title=f"marsad doctor: {report['path']}")
        table.add_column("check")
        table.add_column("result")
        table.add_column("detail", overflow="fold")
        for c in report["checks"]:
            detail = c["detail"]
            if c["examples"]:
                detail += " e.g. " + ", ".join(str(e) for e in c["examples"])
            table.add_row(c["check"], "ok" if c["ok"] else "[red]PROBLEM[/red]", detail)
        console.print(table)
        rows = ", ".join(f"{t} {n:,}" for t, n in report["tables"].items() if n is not None)
        console.print(f"rows: {rows}", markup=False)
        if report["ok"]:
            console.print("store is consistent", markup=False)
        else:
            console.print(f"{len(report['problems'])} problem(s) found", markup=False)
    ctx.exit(0 if report["ok"] else 1)
