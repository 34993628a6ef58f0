"""The only module that talks to DuckDB: open, migrate, write articles in batches, read back."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb

from marsad.errors import StoreError
from marsad.model import Article

_MIGRATION = re.compile(r"^(\d{3})_[\w-]+\.sql$")
TABLES = (
    "articles",
    "paragraphs",
    "sentences",
    "entities",
    "mentions",
    "events",
    "quotes",
    "numbers",
    "dates",
    "places",
)


def migrations() -> list[tuple[int, str, str]]:
    """(version, file name, SQL) for every shipped migration, in order."""
    folder = resources.files("marsad") / "store" / "migrations"
    out = []
    for item in folder.iterdir():
        m = _MIGRATION.match(item.name)
        if m:
            out.append((int(m[1]), item.name, item.read_text(encoding="utf-8")))
    return sorted(out)


SCHEMA_VERSION = migrations()[-1][0]


class Store:
    """A DuckDB file holding articles and everything found in them."""

    def __init__(self, path: str | Path = "marsad.duckdb", read_only: bool = False) -> None:
        self.path = str(path)
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open store ({_first_line(exc)})") from None
        if not read_only:
            self.migrate()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    @property
    def version(self) -> int:
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row else 0

    def migrate(self) -> int:
        """Apply every migration newer than the store's version, each in its own transaction."""
        current = self.version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema {current} is newer than this marsad ({SCHEMA_VERSION})"
            )
        for version, name, sql in migrations():
            if version <= current:
                continue
            try:
                self.con.execute("BEGIN TRANSACTION")
                self.con.execute(sql)
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                )
                self.con.execute("COMMIT")
            except duckdb.Error as exc:
                self.con.execute("ROLLBACK")
                raise StoreError(
                    f"{self.path}: migration {name} failed ({_first_line(exc)})"
                ) from None
        return self.version

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]
        ).fetchall()
        return {r[0] for r in rows}

    def add_articles(self, articles: Sequence[Article]) -> tuple[int, int]:
        """Write new articles in one transaction; returns (stored, already present)."""
        known = self.known_ids([a.id for a in articles])
        new = [a for a in articles if a.id not in known]
        rows = _rows(new)
        try:
            self.con.execute("BEGIN TRANSACTION")
            for table, (columns, values) in rows.items():
                if values:
                    marks = ", ".join("?" * len(columns))
                    self.con.executemany(
                        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", values
                    )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed ({_first_line(exc)})") from None
        return len(new), len(articles) - len(new)

    def record_run(self, command: str, summary: dict[str, Any], failures: Iterable[Any]) -> str:
        run_id = uuid.uuid4().hex
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute(
            "INSERT INTO runs VALUES (?, current_timestamp, current_timestamp, ?, ?)",
            [run_id, command, json.dumps(summary, ensure_ascii=False)],
        )
        vals = [[run_id, f.path, f.reason, f.kind] for f in failures]
        if vals:
            self.con.executemany("INSERT INTO failures VALUES (?, ?, ?, ?)", vals)
        self.con.execute("COMMIT")
        return run_id

    def counts(self) -> dict[str, int]:
        out = {}
        for table in TABLES:
            row = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run a read query with parameters; rows as dicts."""
        cur = self.con.execute(sql, list(params))
        cols = [d[0] for d in cur.description or []]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _rows(articles: Sequence[Article]) -> dict[str, tuple[tuple[str, ...], list[list[Any]]]]:
    """Flatten articles into per-table rows."""
    t: dict[str, tuple[tuple[str, ...], list[list[Any]]]] = {
        "articles": (
            (
                "id",
                "source_id",
                "title",
                "text",
                "published",
                "source",
                "url",
                "path",
                "paragraphs_kept",
                "paragraphs_removed",
            ),
            [],
        ),
        "paragraphs": (
            (
                "article_id",
                "idx",
                "start_char",
                "end_char",
                "kind",
                "removed",
                "reason",
                "repeat_of",
            ),
            [],
        ),
        "sentences": (
            ("article_id", "idx", "paragraph", "start_char", "end_char", "text", "heading", "date"),
            [],
        ),
        "entities": (
            ("article_id", "entity_id", "name", "name_en", "type", "actor_id", "code", "roles"),
            [],
        ),
        "mentions": (
            ("article_id", "entity_id", "sentence", "start_char", "end_char", "text", "type"),
            [],
        ),
        "events": (
            (
                "article_id",
                "idx",
                "sentence",
                "start_char",
                "end_char",
                "trigger",
                "cameo",
                "goldstein",
                "quad_class",
                "plover",
                "source_code",
                "source_entity",
                "source_text",
                "target_code",
                "target_entity",
                "target_text",
                "date",
                "place",
                "modality",
                "confidence",
                "quote",
            ),
            [],
        ),
        "quotes": (
            (
                "article_id",
                "idx",
                "sentence",
                "start_char",
                "end_char",
                "text",
                "speaker_entity_id",
                "speaker_text",
            ),
            [],
        ),
        "numbers": (("article_id", "data"), []),
        "dates": (("article_id", "data"), []),
        "places": (("article_id", "data"), []),
    }
    for a in articles:
        t["articles"][1].append(
            [
                a.id,
                a.source_id,
                a.title,
                a.text,
                a.published,
                a.source,
                a.url,
                a.path,
                a.paragraphs_kept,
                a.paragraphs_removed,
            ]
        )
        for p in a.paragraphs:
            t["paragraphs"][1].append(
                [a.id, p.index, p.start, p.end, p.kind, p.removed, p.reason, p.repeat_of]
            )
        for s in a.sentences:
            t["sentences"][1].append(
                [a.id, s.index, s.paragraph, s.start, s.end, s.text, s.heading, s.date]
            )
        for e in a.entities:
            t["entities"][1].append(
                [
                    a.id,
                    e.id,
                    e.name,
                    e.name_en,
                    e.type,
                    e.actor_id,
                    e.code,
                    _dump([asdict(r) for r in e.roles]),
                ]
            )
            for m in e.mentions:
                t["mentions"][1].append([a.id, e.id, m.sentence, m.start, m.end, m.text, m.type])
        for i, ev in enumerate(a.events):
            t["events"][1].append(
                [
                    a.id,
                    i,
                    ev.sentence,
                    ev.start,
                    ev.end,
                    ev.trigger,
                    ev.cameo,
                    ev.goldstein,
                    ev.quad_class,
                    _dump(ev.plover),
                    ev.source.get("code"),
                    ev.source.get("entity_id"),
                    ev.source.get("text"),
                    ev.target.get("code"),
                    ev.target.get("entity_id"),
                    ev.target.get("text"),
                    ev.date,
                    _dump(ev.place),
                    ev.modality,
                    ev.confidence,
                    _dump(ev.quote),
                ]
            )
        for i, q in enumerate(a.quotes):
            t["quotes"][1].append(
                [a.id, i, q.sentence, q.start, q.end, q.text, q.speaker_entity_id, q.speaker_text]
            )
        for key in ("numbers", "dates", "places"):
            for item in getattr(a, key):
                t[key][1].append([a.id, _dump(item)])
    return t
