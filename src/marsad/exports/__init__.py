"""Exports of a store: GDELT 2.0 Events and Mentions (TSV), PLOVER JSON lines, Parquet and CSV.

GDELT and PLOVER rows are built here (columns documented in docs/exports.md, the column tables
are data in ``resources/exports``); Parquet and CSV are DuckDB's own writers over marsad's
tables, event records (``events``) or every mention (``mentions``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import IO, Any

import duckdb

from marsad.errors import ConfigError, StoreError
from marsad.exports.columns import Column, columns, split_actor
from marsad.exports.gdelt import event_rows, mention_rows
from marsad.exports.plover import plover_records
from marsad.exports.source import date_filter
from marsad.store import Store
from marsad.store.filters import SURE_MENTION, SURE_RECORD

__all__ = [
    "FORMATS",
    "TABLES",
    "Column",
    "columns",
    "default_name",
    "event_rows",
    "export",
    "gdelt_columns",
    "mention_rows",
    "plover_records",
    "split_actor",
]

FORMATS = ("gdelt", "plover", "parquet", "csv")
TABLES = ("events", "mentions")
_FILE_ONLY = ("parquet", "csv")

_NATIVE = {
    "events": (
        "SELECT r.* FROM event_records r {where} ORDER BY r.day, r.id",
        "r.day",
        SURE_RECORD,
    ),
    "mentions": (
        "SELECT e.*, coalesce(TRY_CAST(e.date AS DATE), a.published) AS day, a.published, "
        "a.source AS outlet, a.url, a.title, a.story_id FROM events e "
        "JOIN articles a ON a.id = e.article_id {where} ORDER BY day, e.article_id, e.idx",
        "coalesce(TRY_CAST(e.date AS DATE), a.published)",
        SURE_MENTION,
    ),
}


def default_name(fmt: str, table: str = "events") -> str:
    """The file name an export takes when given a folder."""
    ext = {"gdelt": "tsv", "plover": "jsonl", "parquet": "parquet", "csv": "csv"}[fmt]
    return f"marsad-{fmt}-{table}.{ext}"


def gdelt_columns(table: str = "events") -> list[str]:
    """Column names of a GDELT export, in file order: the standard ones, then marsad's extras."""
    return [c.name for c in columns(_gdelt_table(table))]


def _gdelt_table(table: str) -> str:
    if table not in TABLES:
        raise ConfigError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    return f"gdelt_{table}"


def _clean(value: str) -> str:
    """GDELT files are unquoted TSV: tabs and line breaks inside a value become spaces."""
    return value.replace("\t", " ").replace("\r", " ").replace("\n", " ")


def _tsv(rows: Iterable[dict[str, str]], names: list[str], header: bool) -> Iterator[str]:
    if header:
        yield "\t".join(names) + "\n"
    for row in rows:
        yield "\t".join(_clean(row[n]) for n in names) + "\n"


@contextmanager
def _text_out(out: str | Path | IO[str]) -> Iterator[IO[str]]:
    if not isinstance(out, str | Path):
        yield out
        return
    if str(out) == "-":
        yield sys.stdout
        return
    try:
        with open(out, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
    except OSError as exc:
        raise StoreError(f"{out}: cannot write ({exc.strerror})") from None


def _copy(
    store: Store,
    fmt: str,
    table: str,
    path: Path,
    start: date | None,
    end: date | None,
    min_confidence: float,
) -> int:
    sql, column, sure = _NATIVE[table]
    where, params = date_filter(column, start, end, min_confidence, sure)
    target = str(path).replace("'", "''")  # COPY takes no parameter for its path
    options = "FORMAT PARQUET" if fmt == "parquet" else "FORMAT CSV, HEADER TRUE"
    try:
        row = store.con.execute(
            f"COPY ({sql.format(where=where)}) TO '{target}' ({options})", params
        ).fetchone()
    except duckdb.Error as exc:
        raise StoreError(f"{path}: export failed ({str(exc).splitlines()[0]})") from None
    return int(row[0]) if row else 0


def export(
    store: Store,
    fmt: str,
    out: str | Path | IO[str] = "-",
    table: str = "events",
    start: date | None = None,
    end: date | None = None,
    header: bool = False,
    min_confidence: float = 0.0,
) -> int:
    """Write the store's event records (or mentions) in ``fmt``; returns the rows written.

    ``out`` is a path, '-' for standard output, or an open text stream (gdelt and plover only;
    parquet and csv are written by DuckDB straight to a file). With ``min_confidence`` only
    event records with a mention at least that sure are written, or, for the mentions table,
    only mentions at least that sure.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if table not in TABLES:
        raise ConfigError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    if fmt in _FILE_ONLY:
        if not isinstance(out, str | Path) or str(out) == "-":
            raise ConfigError(f"{fmt} export needs an output file path")
        return _copy(store, fmt, table, Path(out), start, end, min_confidence)
    if fmt == "plover" and table != "events":
        raise ConfigError("plover export writes event records only (table 'events')")
    lines: Iterator[str]
    if fmt == "gdelt":
        rows = (
            event_rows(store, start, end, min_confidence)
            if table == "events"
            else mention_rows(store, start, end, min_confidence)
        )
        lines = _tsv(rows, gdelt_columns(table), header)
    else:
        lines = (
            _json_line(r) for r in plover_records(store, start, end, min_confidence=min_confidence)
        )
    written = 0
    with _text_out(out) as fh:
        for line in lines:
            fh.write(line)
            written += 1
    return written - (1 if header and fmt == "gdelt" else 0)


def _json_line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"
