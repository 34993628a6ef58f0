"""Integrity checks for a store, so a crash or a killed ingest can be shown to leave it sound.

``check_store(path)`` opens the file read-only and returns a report: the schema version, the
rows of every table (each read in full, so DuckDB verifies every block's checksum), and a list
of checks — orphan rows, spans outside their article, span text that differs from the article,
events pointing at missing records, duplicate keys, failures of unknown runs. ``ok`` is true
when every check found nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from marsad.errors import StoreError
from marsad.store.db import SCHEMA_VERSION, TABLES, Store, _first_line

# Tables every store of this schema has; tables added by later migrations are found and checked
# the same way (rows keyed by article_id, primary keys read from DuckDB's catalogue).
EXPECTED = ("meta", *TABLES, "event_records", "runs", "failures")

# (table, text column or None): rows with start_char/end_char spans into articles.text.
SPANS = (
    ("paragraphs", None),
    ("sentences", "text"),
    ("mentions", "text"),
    ("events", "trigger"),
    ("quotes", "text"),
)

_EXAMPLES = 3  # offending keys quoted per problem


def check_store(path: str | Path, lock_wait: float = 0.0) -> dict[str, Any]:
    """Open ``path`` read-only and check it; raises StoreError if it cannot be opened at all."""
    if not Path(path).is_file():
        raise StoreError(f"{path}: no such store")
    with Store(path, read_only=True, lock_wait=lock_wait) as store:
        return _report(store)


def _report(store: Store) -> dict[str, Any]:
    checks: list[dict[str, Any]] = []
    version = store.version
    checks.append(
        _check(
            "schema version",
            0 if version == SCHEMA_VERSION else 1,
            f"{version} (this marsad writes {SCHEMA_VERSION})",
            []
            if version == SCHEMA_VERSION
            else [
                "older: the next ingest migrates it"
                if version < SCHEMA_VERSION
                else "newer than this marsad: upgrade marsad"
            ],
        )
    )
    present = _names(
        store,
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = 'main' AND table_type = 'BASE TABLE'",
    )
    tables: dict[str, int | None] = {}
    for table in sorted(set(EXPECTED) | present, key=_table_order):
        tables[table], problem = _read_all(store, table)
        checks.append(_check(f"table {table} readable", 1 if problem else 0, problem or "", []))
    readable = {t for t, n in tables.items() if n is not None}
    if "articles" in readable:
        children = _names(
            store,
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = 'main' AND column_name = 'article_id'",
        )
        for table in sorted(children & readable, key=_table_order):
            checks.append(_orphans(store, table))
        for table, column in SPANS:
            if table in readable:
                checks.append(_spans(store, table, column))
    if {"events", "event_records"} <= readable:
        checks.append(
            _rows(
                store,
                "events with a missing record",
                "SELECT DISTINCT e.record_id FROM events e WHERE e.record_id IS NOT NULL "
                "AND NOT EXISTS (SELECT 1 FROM event_records r WHERE r.id = e.record_id)",
            )
        )
    for table, key in _primary_keys(store):
        if table in readable:
            cols = ", ".join(key)
            checks.append(
                _rows(
                    store,
                    f"duplicate keys in {table}",
                    f"SELECT {cols} FROM {table} GROUP BY {cols} HAVING count(*) > 1",
                )
            )
    if {"failures", "runs"} <= readable:
        checks.append(
            _rows(
                store,
                "failures of unknown runs",
                "SELECT DISTINCT f.run_id FROM failures f "
                "WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.id = f.run_id)",
            )
        )
        checks.append(
            _rows(
                store,
                "failures of unknown kind",
                "SELECT DISTINCT kind FROM failures WHERE kind IS NULL "
                "OR kind NOT IN ('failed', 'skipped')",
            )
        )
    failures = {}
    if "failures" in readable:
        failures = {
            r["kind"]: r["n"]
            for r in store.query("SELECT kind, count(*) AS n FROM failures GROUP BY kind")
        }
    problems = [f"{c['check']}: {c['detail']}" for c in checks if c["count"]]
    return {
        "path": store.path,
        "schema_version": version,
        "expected_version": SCHEMA_VERSION,
        "tables": tables,
        "failures": failures,
        "checks": checks,
        "problems": problems,
        "ok": not problems,
    }


def _table_order(name: str) -> tuple[int, str]:
    return (EXPECTED.index(name) if name in EXPECTED else len(EXPECTED), name)


def _names(store: Store, sql: str) -> set[str]:
    return {r[0] for r in store.con.execute(sql).fetchall()}


def _primary_keys(store: Store) -> list[tuple[str, list[str]]]:
    rows = store.con.execute(
        "SELECT table_name, constraint_column_names FROM duckdb_constraints() "
        "WHERE constraint_type = 'PRIMARY KEY' AND schema_name = 'main'"
    ).fetchall()
    return sorted(((t, list(cols)) for t, cols in rows), key=lambda r: _table_order(r[0]))


def _check(name: str, count: int, detail: str, examples: list[Any]) -> dict[str, Any]:
    return {"check": name, "ok": count == 0, "count": count, "detail": detail, "examples": examples}


def _read_all(store: Store, table: str) -> tuple[int | None, str | None]:
    """Row count, reading every column of every row so damaged blocks are found."""
    try:
        row = store.con.execute(
            f"SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM {table}"
        ).fetchone()
    except duckdb.CatalogException:
        return None, "missing"
    except duckdb.Error as exc:
        return None, f"cannot be read ({_first_line(exc)})"
    return (int(row[0]) if row else 0), None


def _rows(store: Store, name: str, sql: str) -> dict[str, Any]:
    try:
        rows = store.con.execute(sql).fetchall()
    except duckdb.Error as exc:
        return _check(name, 1, f"query failed ({_first_line(exc)})", [])
    examples = [r[0] if len(r) == 1 else list(r) for r in rows[:_EXAMPLES]]
    detail = f"{len(rows):,} found" if rows else ""
    return _check(name, len(rows), detail, examples)


def _orphans(store: Store, table: str) -> dict[str, Any]:
    return _rows(
        store,
        f"{table} without their article",
        f"SELECT DISTINCT c.article_id FROM {table} c "
        "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)",
    )


def _spans(store: Store, table: str, column: str | None) -> dict[str, Any]:
    """Spans outside 0..len(text), or (when the row keeps its text) not matching it."""
    outside = "x.start_char < 0 OR x.end_char < x.start_char OR x.end_char > length(a.text)"
    differs = (
        f" OR x.{column} IS DISTINCT FROM substring(a.text, x.start_char + 1, "
        "x.end_char - x.start_char)"
        if column
        else ""
    )
    return _rows(
        store,
        f"{table} spans inside their article",
        f"SELECT x.article_id, x.start_char, x.end_char FROM {table} x "
        f"JOIN articles a ON a.id = x.article_id "
        f"WHERE x.start_char IS NOT NULL AND ({outside}{differs})",
    )
