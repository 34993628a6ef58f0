"""The only module that talks to DuckDB: open, migrate, write articles in batches, read back."""

from __future__ import annotations

import json
import re
import time
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from marsad.errors import StoreBusy, StoreError
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


@dataclass(slots=True)
class StoryKeys:
    """What the store keeps of an article for near-duplicate search in later runs."""

    story_id: str | None  # None in a Dask shard: the loader assigns stories
    signature: bytes  # num_perm little-endian uint32 MinHash values
    num_perm: int
    buckets: list[int]  # one LSH key per band (band = position); empty for a wordless article


class Store:
    """A DuckDB file holding articles and everything found in them."""

    def __init__(
        self, path: str | Path = "marsad.duckdb", read_only: bool = False, lock_wait: float = 0.0
    ) -> None:
        """Open (and migrate) the store; if another process holds it, wait up to ``lock_wait`` s."""
        self.path = str(path)
        self.con = _connect(self.path, read_only, lock_wait)
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

    def add_articles(
        self, articles: Sequence[Article], keys: Mapping[str, StoryKeys] | None = None
    ) -> tuple[int, int]:
        """Write new articles (and their story keys) in one transaction; returns (stored,
        already present). A second copy of an id, stored or earlier in the batch, is skipped."""
        known = self.known_ids([a.id for a in articles])
        new: list[Article] = []
        for a in articles:
            if a.id not in known:
                known.add(a.id)
                new.append(a)
        rows = _rows(new, keys or {})
        if keys:
            _key_rows(rows, [a.id for a in new], keys)
        try:
            self.con.execute("BEGIN TRANSACTION")
            for table, (columns, values) in rows.items():
                self._insert(table, columns, values)
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed ({_first_line(exc)})") from None
        return len(new), len(articles) - len(new)

    def _insert(self, table: str, columns: Sequence[str], values: list[list[Any]]) -> None:
        """One INSERT for all rows, passed column by column as lists (DuckDB's executemany
        runs one statement per row, a hundred times slower)."""
        if not values:
            return
        cols = [list(c) for c in zip(*values, strict=True)]
        picked = ", ".join(f"unnest(${i + 1})" for i in range(len(columns)))
        self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {picked}", cols)

    def band_matches(
        self, tags: np.ndarray, bands: np.ndarray, buckets: np.ndarray
    ) -> list[tuple[int, str, str, bytes]]:
        """Stored articles sharing an LSH bucket with a query (tag, band, bucket): rows of
        (tag, article id, story id, signature), each pair once, ordered by tag and id. The
        queries go in as numpy columns (scanned in place; a list parameter costs more)."""
        if not len(tags):
            return []
        cur = self.con.cursor()  # its own connection: registered names stay local
        cur.register(
            "_band_query",
            {
                "tag": np.asarray(tags, np.int32),
                "band": np.asarray(bands, np.int16),
                "bucket": np.asarray(buckets, np.int64),
            },
        )
        try:
            rows = cur.execute(
                """
                WITH hits AS (
                    SELECT DISTINCT q.tag, b.article_id FROM _band_query q
                    JOIN article_bands b ON b.bucket = q.bucket AND b.band = q.band
                )
                SELECT h.tag, h.article_id, coalesce(a.story_id, a.id), s.signature
                FROM hits h JOIN articles a ON a.id = h.article_id
                JOIN article_signatures s ON s.article_id = h.article_id
                ORDER BY h.tag, h.article_id
                """
            ).fetchall()
        finally:
            cur.unregister("_band_query")
            cur.close()
        return [(int(r[0]), r[1], r[2], bytes(r[3])) for r in rows]

    def load_parquet(
        self, folder: str | Path, ids: Sequence[str], keys: Mapping[str, StoryKeys]
    ) -> int:
        """Copy the rows of the articles ``ids`` from a folder of per-table Parquet files (as
        written by :func:`write_parquet`), with their story keys, in one transaction."""
        folder = Path(folder)
        if not ids:
            return 0
        extra: dict[str, tuple[tuple[str, ...], list[list[Any]]]] = {
            "article_bands": (("band", "bucket", "article_id"), []),
            "article_signatures": (("article_id", "num_perm", "signature"), []),
        }
        _key_rows(extra, ids, keys)
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute("CREATE OR REPLACE TEMP TABLE _load (id VARCHAR, story_id VARCHAR)")
            self.con.executemany(
                "INSERT INTO _load VALUES (?, ?)", [[i, keys[i].story_id] for i in ids]
            )
            for table, columns in _COLUMNS.items():
                path = folder / f"{table}.parquet"
                if not path.exists():
                    continue
                key = "id" if table == "articles" else "article_id"
                cols = ", ".join(columns)
                picked = ", ".join(f"p.{c}" for c in columns)
                story = ", _load.story_id" if table == "articles" else ""
                self.con.execute(
                    f"INSERT INTO {table} ({cols}{', story_id' if story else ''}) "
                    f"SELECT {picked}{story} FROM read_parquet(?) p "
                    f"JOIN _load ON _load.id = p.{key}",
                    [str(path)],
                )
            for table, (columns, values) in extra.items():
                self._insert(table, columns, values)
            self.con.execute("DROP TABLE _load")
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"{self.path}: loading {folder} failed ({_first_line(exc)})") from None
        return len(ids)

    def export_parquet(self, folder: str | Path) -> None:
        """Write every article table and the signatures to ``folder/TABLE.parquet``, rows in
        the order they were stored (how a Dask shard hands its results to the loader)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for table in (*TABLES, "article_signatures"):
            target = str(folder / f"{table}.parquet").replace("'", "''")
            self.con.execute(f"COPY {table} TO '{target}' (FORMAT parquet)")

    def parquet_signatures(self, folder: str | Path) -> list[tuple[str, bytes | None]]:
        """(article id, signature) of a shard folder's articles, in the order it stored them."""
        folder = Path(folder)
        articles = folder / "articles.parquet"
        if not articles.exists():
            return []
        sigs = folder / "article_signatures.parquet"
        rows = self.con.execute(
            "SELECT a.id, s.signature FROM read_parquet(?, file_row_number = true) a "
            "LEFT JOIN read_parquet(?) s ON s.article_id = a.id ORDER BY a.file_row_number",
            [str(articles), str(sigs)],
        ).fetchall()
        return [(r[0], None if r[1] is None else bytes(r[1])) for r in rows]

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


_LOCKED = re.compile(r"Could not set lock|Conflicting lock", re.IGNORECASE)
_PID = re.compile(r"\(PID (\d+)\)")


def _connect(path: str, read_only: bool, lock_wait: float) -> duckdb.DuckDBPyConnection:
    """Connect; a file locked by another process is retried until ``lock_wait`` runs out.

    DuckDB lets one process write a file (or several read it); a second writer gets a lock
    error naming the holder's pid. Waiting queues short commands behind each other; when the
    wait is over the error says who holds the file instead of DuckDB's IO message.
    """
    deadline = time.monotonic() + max(0.0, lock_wait)
    delay = 0.05
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            message = str(exc)
            if not _LOCKED.search(message):
                raise StoreError(f"{path}: cannot open store ({_first_line(exc)})") from None
            left = deadline - time.monotonic()
            if left <= 0:
                pid = _PID.search(message)
                holder = f" (pid {pid[1]})" if pid else ""
                waited = f" after waiting {lock_wait:g} s" if lock_wait > 0 else ""
                raise StoreBusy(
                    f"{path} is in use by another marsad process{holder}{waited}; "
                    "try again when it finishes"
                ) from None
            time.sleep(min(delay, left))
            delay = min(delay * 2, 1.0)


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _dump(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


# The columns each table is written with, in order (articles also gets story_id).
_COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
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
    "paragraphs": (
        "article_id",
        "idx",
        "start_char",
        "end_char",
        "kind",
        "removed",
        "reason",
        "repeat_of",
    ),
    "sentences": (
        "article_id",
        "idx",
        "paragraph",
        "start_char",
        "end_char",
        "text",
        "heading",
        "date",
    ),
    "entities": ("article_id", "entity_id", "name", "name_en", "type", "actor_id", "code", "roles"),
    "mentions": ("article_id", "entity_id", "sentence", "start_char", "end_char", "text", "type"),
    "events": (
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
        "date_precision",
    ),
    "quotes": (
        "article_id",
        "idx",
        "sentence",
        "start_char",
        "end_char",
        "text",
        "speaker_entity_id",
        "speaker_text",
    ),
    "numbers": ("article_id", "data"),
    "dates": ("article_id", "data"),
    "places": ("article_id", "data"),
}


def _key_rows(
    rows: dict[str, tuple[tuple[str, ...], list[list[Any]]]],
    ids: Sequence[str],
    keys: Mapping[str, StoryKeys],
) -> None:
    """Add the article_bands and article_signatures rows of the articles ``ids`` to ``rows``."""
    bands = rows.setdefault("article_bands", (("band", "bucket", "article_id"), []))[1]
    sigs = rows.setdefault("article_signatures", (("article_id", "num_perm", "signature"), []))[1]
    for article_id in ids:
        k = keys.get(article_id)
        if k is None:
            continue
        sigs.append([article_id, k.num_perm, k.signature])
        bands.extend([band, bucket, article_id] for band, bucket in enumerate(k.buckets))


def _rows(
    articles: Sequence[Article], keys: Mapping[str, StoryKeys]
) -> dict[str, tuple[tuple[str, ...], list[list[Any]]]]:
    """Flatten articles into per-table rows."""
    t: dict[str, tuple[tuple[str, ...], list[list[Any]]]] = {
        table: ((*columns, "story_id") if table == "articles" else columns, [])
        for table, columns in _COLUMNS.items()
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
                keys[a.id].story_id if a.id in keys else None,
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
                    ev.date_precision,
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
