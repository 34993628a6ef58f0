"""Event records in the manner of GDELT's Events table: mentions of one event merged across articles.

A record is the set of mentions (rows of ``events``) with the same source code, target code and
CAMEO code whose dates chain within ``window_days`` of each other. Its counts say how widely it
was reported: every mention, distinct articles, distinct outlets and distinct story clusters
(``articles.story_id``), so that wire copies of one story show as one story however many outlets
ran it. The rebuild is one SQL statement over the whole store: it depends only on what is stored,
never on the order or the batches in which articles arrived, so a resumed or distributed ingest
gives the same records as a single run. Ids are 52 bits of an md5, so JavaScript reads them exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.errors import StoreError

if TYPE_CHECKING:
    from marsad.store.db import Store

# The date a mention speaks of: its own (a full ISO date), else the article's publication date.
# Mentions with neither, or without a coded source and target, join no record.
_MENTIONS = """
    SELECT e.article_id, e.idx, e.source_code, e.target_code, e.cameo, e.goldstein, e.quad_class,
           e.plover, e.place, e.source_text, e.target_text,
           coalesce(TRY_CAST(e.date AS DATE), a.published) AS day,
           a.published, coalesce(a.source, a.id) AS outlet, coalesce(a.story_id, a.id) AS story,
           a.url
    FROM events e JOIN articles a ON a.id = e.article_id
    WHERE coalesce(e.source_code, '') <> '' AND coalesce(e.target_code, '') <> ''
      AND coalesce(e.cameo, '') <> ''
      AND coalesce(TRY_CAST(e.date AS DATE), a.published) IS NOT NULL
"""

# Islands: within one (source, target, cameo), a mention starts a new record when its day is more
# than `window` days after the latest day seen so far in that key.
_GROUPED = f"""
    WITH m AS ({_MENTIONS}),
    ordered AS (
        SELECT *, max(day) OVER (
            PARTITION BY source_code, target_code, cameo ORDER BY day, article_id, idx
            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_max
        FROM m
    ),
    flagged AS (
        SELECT *, CASE WHEN prev_max IS NULL OR day - prev_max > $window THEN 1 ELSE 0 END AS new
        FROM ordered
    ),
    islands AS (
        SELECT *, sum(new) OVER (
            PARTITION BY source_code, target_code, cameo ORDER BY day, article_id, idx
            ROWS UNBOUNDED PRECEDING) AS island
        FROM flagged
    ),
    keyed AS (
        SELECT *, min(day) OVER (PARTITION BY source_code, target_code, cameo, island) AS first_day
        FROM islands
    )
    SELECT *, ('0x' || substr(md5(source_code || '|' || target_code || '|' || cameo || '|'
                                  || strftime(first_day, '%Y-%m-%d')), 1, 13))::BIGINT AS rid
    FROM keyed
"""

_INSERT = f"""
    INSERT INTO event_records
    WITH g AS ({_GROUPED})
    SELECT rid,
           min(day), max(day),
           source_code, arg_min(source_text, (published, article_id, idx)),
           target_code, arg_min(target_text, (published, article_id, idx)),
           cameo, substr(cameo, 1, 2), substr(cameo, 1, 3),
           any_value(goldstein), any_value(quad_class),
           arg_min(plover, (published, article_id, idx)),
           count(*), count(DISTINCT article_id), count(DISTINCT outlet), count(DISTINCT story),
           min(published), max(published),
           arg_min(place, (published, article_id, idx)),
           arg_min(article_id, (published, article_id, idx)),
           arg_min(url, (published, article_id, idx))
    FROM g
    GROUP BY rid, source_code, target_code, cameo
"""

_LINK = f"""
    UPDATE events SET record_id = g.rid
    FROM ({_GROUPED}) g
    WHERE events.article_id = g.article_id AND events.idx = g.idx
"""


def rebuild_records(store: Store, window_days: int = 1) -> int:
    """Recompute ``event_records`` and ``events.record_id`` from the stored mentions; returns the
    number of records."""
    if window_days < 0:
        raise StoreError(f"{store.path}: event window must be 0 days or more, not {window_days}")
    con = store.con
    params = {"window": window_days}
    try:
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM event_records")
        con.execute("UPDATE events SET record_id = NULL WHERE record_id IS NOT NULL")
        con.execute(_INSERT, params)
        con.execute(_LINK, params)
        row = con.execute("SELECT count(*) FROM event_records").fetchone()
        con.execute("COMMIT")
    except Exception as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{store.path}: rebuilding event records failed ({exc})") from None
    return int(row[0]) if row else 0
