"""Reading the store for exports: parameterised date filters and rows streamed in chunks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from typing import Any

import duckdb

from marsad.errors import StoreError
from marsad.store import Store
from marsad.store.filters import SURE_RECORD, check_threshold

CHUNK = 2000


def date_filter(
    column: str,
    start: date | None,
    end: date | None,
    min_confidence: float = 0.0,
    sure: str = SURE_RECORD,
) -> tuple[str, list[Any]]:
    """A WHERE clause (or '') bounding ``column`` by the dates given, with its parameters; with
    ``min_confidence`` above 0, also the condition ``sure`` (one ``?``: the threshold) — by
    default that the event record ``r`` has a mention at least that sure."""
    parts: list[str] = []
    params: list[Any] = []
    if start is not None:
        parts.append(f"{column} >= ?")
        params.append(start)
    if end is not None:
        parts.append(f"{column} <= ?")
        params.append(end)
    if check_threshold(min_confidence) > 0:
        parts.append(sure)
        params.append(min_confidence)
    return (f"WHERE {' AND '.join(parts)}" if parts else ""), params


def stream(store: Store, sql: str, params: list[Any]) -> Iterator[dict[str, Any]]:
    """Rows as dicts, fetched a chunk at a time so an export never holds the whole store."""
    try:
        cur = store.con.cursor()
        cur.execute(sql, params)
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: export query failed ({exc})") from None
    cols = [d[0] for d in cur.description or []]
    try:
        while True:
            rows = cur.fetchmany(CHUNK)
            if not rows:
                return
            for row in rows:
                yield dict(zip(cols, row, strict=True))
    finally:
        cur.close()


def json_object(raw: Any) -> dict[str, Any]:
    """A JSON object column (place, plover) as a dict; {} when absent."""
    if isinstance(raw, str):
        raw = json.loads(raw)
    return raw if isinstance(raw, dict) else {}
