"""A real DuckDB file: migrations, batched writes, and idempotent re-ingest."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from marsad.errors import StoreError
from marsad.pipeline import analyze_text, ingest
from marsad.store import SCHEMA_VERSION, Store
from marsad.store.db import TABLES, migrations

from .conftest import ARTICLE


def write_corpus(folder: Path) -> None:
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("الأردني", "العراقي"), encoding="utf-8")
    (folder / "dup.txt").write_text(ARTICLE + "\n" + ARTICLE.split("\n", 1)[1], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "feed.jsonl").write_text(
        json.dumps(
            {
                "id": "j1",
                "title": "خبر من الموجز",
                "text": "استقبل الأمين العام وفدا من الاتحاد الأفريقي في المقر.",
                "date": "2023-06-01",
            },
            ensure_ascii=False,
        )
        + "\n{bad json\n",
        encoding="utf-8",
    )


def test_migrations_numbered_and_applied(db_path: Path) -> None:
    assert [v for v, _, _ in migrations()] == list(range(1, SCHEMA_VERSION + 1))
    with Store(db_path) as store:
        assert store.version == SCHEMA_VERSION
        assert set(store.counts()) == set(TABLES)
    with Store(db_path) as store:  # reopening applies nothing twice
        assert store.version == SCHEMA_VERSION


def test_newer_store_is_refused(db_path: Path) -> None:
    with Store(db_path) as store:
        store.con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer than this marsad"):
        Store(db_path)


def test_unopenable_store(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-db.duckdb"
    bad.write_bytes(b"this is not duckdb" * 100)
    with pytest.raises(StoreError, match="cannot open store"):
        Store(bad)


def test_ingest_twice_adds_nothing(tmp_path: Path, db_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    first = ingest([str(corpus)], str(db_path), ner="none").summary()
    assert (first["read"], first["stored"], first["duplicates"], len(first["failed"])) == (
        6,
        3,
        1,
        2,
    )
    assert first["read"] == first["stored"] + first["duplicates"] + len(first["failed"]) + len(
        first["skipped"]
    )
    with Store(db_path, read_only=True) as store:
        counts = store.counts()
    second = ingest([str(corpus)], str(db_path), ner="none").summary()
    assert (second["stored"], second["duplicates"]) == (0, 4)
    with Store(db_path, read_only=True) as store:
        assert store.counts() == counts
        assert counts["articles"] == 3
        runs = store.query("SELECT count(*) AS n FROM runs")[0]["n"]
        fails = store.query("SELECT path, reason FROM failures ORDER BY path")
    assert runs == 2
    assert {f["reason"] for f in fails} == {
        "empty file",
        "malformed JSON line (column 2: Expecting property name enclosed in double quotes)",
    }


def test_stored_rows_match_analysis(db_path: Path) -> None:
    a = analyze_text(ARTICLE, published=date(2022, 5, 4), ner="none")
    with Store(db_path) as store:
        assert store.add_articles([a]) == (1, 0)
        assert store.add_articles([a]) == (0, 1)
        [row] = store.query("SELECT * FROM articles")
        sents = store.query("SELECT start_char, end_char, text FROM sentences ORDER BY idx")
    assert row["id"] == a.id and row["published"] == date(2022, 5, 4)
    assert row["paragraphs_kept"] == 4 and row["paragraphs_removed"] == 0
    assert [s["text"] for s in sents] == [s.text for s in a.sentences]
    assert all(ARTICLE[s["start_char"] : s["end_char"]] == s["text"] for s in sents)


def test_store_is_a_plain_duckdb_file(db_path: Path) -> None:
    ingest_text = analyze_text(ARTICLE, ner="none")
    with Store(db_path) as store:
        store.add_articles([ingest_text])
    con = duckdb.connect(str(db_path), read_only=True)
    assert con.execute("SELECT count(*) FROM sentences").fetchone() == (len(ingest_text.sentences),)
    con.close()
