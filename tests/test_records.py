"""Event records: mentions merged by source, target, CAMEO code and a chaining date window."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.errors import StoreError
from marsad.store import Store
from marsad.store.records import rebuild_records


def _article(store: Store, aid: str, published: str | None, outlet: str, story: str | None) -> None:
    store.con.execute(
        "INSERT INTO articles (id, text, published, source, url, story_id) VALUES (?, ?, ?, ?, ?, ?)",
        [aid, "نص", published, outlet, f"https://news.example/{aid}", story],
    )


def _mention(
    store: Store, aid: str, idx: int, src: str | None, tgt: str | None, cameo: str, day: str | None
) -> None:
    store.con.execute(
        "INSERT INTO events (article_id, idx, cameo, goldstein, quad_class, source_code,"
        " source_text, target_code, target_text, date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [aid, idx, cameo, 1.0, 1, src, f"src-{aid}", tgt, "tgt", day],
    )


@pytest.fixture
def store(db_path: Path) -> Store:
    s = Store(db_path)
    # Three outlets run one wire story (story "s1"); a fourth article is its own story.
    _article(s, "a1", "2021-02-04", "وكالة أ", "s1")
    _article(s, "a2", "2021-02-04", "صحيفة ب", "s1")
    _article(s, "a3", "2021-02-05", "موقع ج", "s1")
    _article(s, "a4", "2021-02-06", "وكالة أ", None)
    _article(s, "a5", None, "موقع ج", None)
    _mention(s, "a1", 0, "USAGOV", "RUSGOV", "040", "2021-02-03")
    _mention(s, "a2", 0, "USAGOV", "RUSGOV", "040", "2021-02-03")
    _mention(s, "a3", 0, "USAGOV", "RUSGOV", "040", None)  # falls back to published 02-05
    _mention(s, "a4", 0, "USAGOV", "RUSGOV", "040", "2021-02-10")  # 5 days on: a new record
    _mention(s, "a4", 1, "RUSGOV", "USAGOV", "040", "2021-02-10")  # other direction
    _mention(s, "a4", 2, "USAGOV", None, "010", "2021-02-10")  # no target: no record
    _mention(s, "a5", 0, "RUS", "USA", "111", None)  # no date at all: no record
    return s


def test_mentions_merge_with_counts(store: Store) -> None:
    assert rebuild_records(store, window_days=2) == 3
    rows = store.query(
        "SELECT day, last_day, source_code, target_code, cameo, root_code, base_code,"
        " num_mentions, num_articles, num_sources, num_stories, first_seen, last_seen,"
        " first_article, source_name FROM event_records ORDER BY day, source_code"
    )
    first = rows[0]
    assert (first["day"], first["last_day"]) == (date(2021, 2, 3), date(2021, 2, 5))
    assert (first["source_code"], first["target_code"], first["cameo"]) == (
        "USAGOV",
        "RUSGOV",
        "040",
    )
    assert (first["root_code"], first["base_code"]) == ("04", "040")
    # three articles from three outlets, but one wire story
    assert (first["num_mentions"], first["num_articles"], first["num_sources"]) == (3, 3, 3)
    assert first["num_stories"] == 1
    assert (first["first_seen"], first["last_seen"]) == (date(2021, 2, 4), date(2021, 2, 5))
    assert first["first_article"] == "a1" and first["source_name"] == "src-a1"
    assert [(r["day"], r["source_code"]) for r in rows[1:]] == [
        (date(2021, 2, 10), "RUSGOV"),
        (date(2021, 2, 10), "USAGOV"),
    ]


def test_every_coded_mention_links_to_its_record(store: Store) -> None:
    rebuild_records(store, window_days=2)
    linked = store.query(
        "SELECT e.article_id, e.idx, r.day FROM events e JOIN event_records r ON r.id = e.record_id"
        " ORDER BY e.article_id, e.idx"
    )
    assert [(r["article_id"], r["idx"]) for r in linked] == [
        ("a1", 0),
        ("a2", 0),
        ("a3", 0),
        ("a4", 0),
        ("a4", 1),
    ]
    unlinked = store.query("SELECT article_id, idx FROM events WHERE record_id IS NULL")
    assert {(r["article_id"], r["idx"]) for r in unlinked} == {("a4", 2), ("a5", 0)}


def test_window_chains_and_zero_splits_days(store: Store) -> None:
    # window 1: 02-03 → 02-05 is two days, so the third article starts a record of its own
    assert rebuild_records(store, window_days=1) == 4
    # window 0: same-day mentions only
    assert rebuild_records(store, window_days=0) == 4
    days = [r["day"] for r in store.query("SELECT day FROM event_records ORDER BY day")]
    assert days[:2] == [date(2021, 2, 3), date(2021, 2, 5)]


def test_rebuild_is_stable_and_order_independent(store: Store, tmp_path: Path) -> None:
    rebuild_records(store, window_days=2)
    ids = store.query("SELECT id, num_mentions FROM event_records ORDER BY id")
    assert rebuild_records(store, window_days=2) == 3
    assert store.query("SELECT id, num_mentions FROM event_records ORDER BY id") == ids
    # the same rows inserted in the opposite order give the same record ids
    other = Store(tmp_path / "other.duckdb")
    rows = store.query("SELECT * EXCLUDE (record_id) FROM events ORDER BY article_id DESC, idx")
    arts = store.query("SELECT id, text, published, source, url, story_id FROM articles")
    for a in reversed(arts):
        other.con.execute(
            "INSERT INTO articles (id, text, published, source, url, story_id)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            list(a.values()),
        )
    for r in rows:
        cols = ", ".join(r)
        other.con.execute(
            f"INSERT INTO events ({cols}) VALUES ({', '.join('?' * len(r))})", list(r.values())
        )
    rebuild_records(other, window_days=2)
    assert other.query("SELECT id, num_mentions FROM event_records ORDER BY id") == ids


def test_negative_window_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="0 days or more"):
        rebuild_records(store, window_days=-1)
