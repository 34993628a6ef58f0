"""Lookups for the API and dashboard: event mentions by filter, canonical entities, one article."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from functools import lru_cache
from typing import Any

from marsad.analytics.dyads import cameo_name, check_code, direction_sql, side_sql
from marsad.errors import ConfigError, DataError
from marsad.store import Store
from marsad.text.normalize import normalize

MAX_LIMIT = 1000


def _check_page(limit: int, offset: int) -> None:
    if not 0 <= limit <= MAX_LIMIT or offset < 0:
        raise ConfigError(f"limit must be 0..{MAX_LIMIT} and offset at least 0")


_EVENT_DAY = "coalesce(TRY_CAST(e.date AS DATE), a.published)"
_EVENT_SELECT = f"""
SELECT e.article_id, e.idx, e.sentence, s.text AS sentence_text, e.start_char, e.end_char,
       e.trigger, e.cameo, e.goldstein, e.quad_class, e.plover, e.source_code, e.source_entity,
       e.source_text, e.target_code, e.target_entity, e.target_text, e.date,
       {_EVENT_DAY} AS day, e.place, e.modality, e.confidence, e.quote, e.record_id,
       a.title, a.url, a.published, a.source
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence
"""


def _event_dict(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in ("plover", "place", "quote"):
        if isinstance(out[key], str):
            out[key] = json.loads(out[key])
    for key in ("day", "published"):
        if out[key] is not None:
            out[key] = out[key].isoformat()
    out["name"] = cameo_name(out["cameo"])
    out["span"] = [out["start_char"], out["end_char"]]
    return out


def find_events(
    store: Store,
    *,
    dyad: tuple[str, str] | None = None,
    actor: str | None = None,
    code: str | None = None,
    quad_class: int | None = None,
    start: date | None = None,
    end: date | None = None,
    record_id: int | None = None,
    article_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> dict[str, Any]:
    """Event mentions matching every filter given, each with its sentence and article."""
    _check_page(limit, offset)
    where: list[str] = []
    params: list[Any] = []
    if dyad is not None:
        a, b = check_code(dyad[0]), check_code(dyad[1])
        ab, ab_params = direction_sql(a, b, "e.source_code", "e.target_code")
        ba, ba_params = direction_sql(b, a, "e.source_code", "e.target_code")
        where.append(f"({ab} OR {ba})")
        params += [*ab_params, *ba_params]
    if actor is not None:
        x = check_code(actor)
        s, ps = side_sql("e.source_code", x)
        t, pt = side_sql("e.target_code", x)
        where.append(f"({s} OR {t})")
        params += [*ps, *pt]
    if code is not None:
        if not (code.isdigit() and 2 <= len(code) <= 4):
            raise ConfigError(f"{code!r} is not a CAMEO event code (2 to 4 digits)")
        where.append("e.cameo LIKE ? || '%'")
        params.append(code)
    if quad_class is not None:
        if quad_class not in (1, 2, 3, 4):
            raise ConfigError(f"quad_class must be 1, 2, 3 or 4, not {quad_class!r}")
        where.append("e.quad_class = ?")
        params.append(quad_class)
    if start is not None:
        where.append(f"{_EVENT_DAY} >= ?")
        params.append(start)
    if end is not None:
        where.append(f"{_EVENT_DAY} <= ?")
        params.append(end)
    if record_id is not None:
        where.append("e.record_id = ?")
        params.append(record_id)
    if article_id is not None:
        where.append("e.article_id = ?")
        params.append(article_id)
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = store.query(
        f"SELECT count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id {clause}",
        params,
    )[0]["n"]
    rows = store.query(
        f"{_EVENT_SELECT} {clause} ORDER BY day, e.article_id, e.idx LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return {
        "total": int(total),
        "limit": limit,
        "offset": offset,
        "events": [_event_dict(r) for r in rows],
    }


@lru_cache(maxsize=100_000)
def _norm(text: str) -> str:
    return " ".join(normalize(text).split())


def entity_key(actor_id: str | None, name: str | None, type_: str | None, code: str | None) -> str:
    """The canonical key: the dictionary id; else the code (not for people); else the name."""
    if actor_id:
        return actor_id
    if code and type_ != "PERS":
        return f"code:{code}"
    return f"name:{_norm(name or '')}"


_ENTITY_GROUPS = """
SELECT en.actor_id, en.name, en.name_en, en.type, en.code,
       list(DISTINCT en.article_id) AS articles, count(m.entity_id) AS mentions
FROM entities en
LEFT JOIN mentions m ON m.article_id = en.article_id AND m.entity_id = en.entity_id
GROUP BY en.actor_id, en.name, en.name_en, en.type, en.code
"""


def _entity_groups(store: Store) -> dict[str, dict[str, Any]]:
    groups: dict[str, dict[str, Any]] = {}
    for row in store.query(_ENTITY_GROUPS):
        key = entity_key(row["actor_id"], row["name"], row["type"], row["code"])
        g = groups.setdefault(
            key,
            {"key": key, "names": Counter(), "name_en": None, "types": Counter(),
             "codes": Counter(), "articles": set(), "mentions": 0},
        )  # fmt: skip
        g["names"][row["name"]] += int(row["mentions"]) or 1
        g["types"][row["type"]] += 1
        if row["code"]:
            g["codes"][row["code"]] += int(row["mentions"]) or 1
        g["name_en"] = g["name_en"] or row["name_en"]
        g["articles"].update(row["articles"])
        g["mentions"] += int(row["mentions"])
    return groups


def _entity_summary(g: dict[str, Any]) -> dict[str, Any]:
    names = [n for n, _ in g["names"].most_common()]
    return {
        "key": g["key"],
        "name": names[0] if names else None,
        "names": names,
        "name_en": g["name_en"],
        "type": g["types"].most_common(1)[0][0] if g["types"] else None,
        "code": g["codes"].most_common(1)[0][0] if g["codes"] else None,
        "codes": sorted(g["codes"]),
        "articles": len(g["articles"]),
        "mentions": g["mentions"],
    }


def find_entities(
    store: Store, q: str | None = None, limit: int = 50, offset: int = 0
) -> dict[str, Any]:
    """Canonical entities across articles, most mentioned first; ``q`` matches Arabic or English."""
    _check_page(limit, offset)
    found = [_entity_summary(g) for g in _entity_groups(store).values()]
    if q and q.strip():
        nq, lq = _norm(q), q.strip().lower()
        found = [
            e
            for e in found
            if any(nq in _norm(n) for n in e["names"] if n)
            or (e["name_en"] and lq in e["name_en"].lower())
            or (e["code"] and lq == e["code"].lower())
        ]
    found.sort(key=lambda e: (-e["mentions"], -e["articles"], e["key"]))
    return {
        "total": len(found),
        "limit": limit,
        "offset": offset,
        "entities": found[offset : offset + limit],
    }


def entity_view(store: Store, key: str, limit: int = 100) -> dict[str, Any]:
    """One canonical entity: its names and codes, the articles naming it, its events both ways."""
    _check_page(limit, 0)
    group = _entity_groups(store).get(key)
    if group is None:
        raise DataError(f"no entity {key!r} in {store.path}")
    pairs = store.query(
        "SELECT article_id, entity_id, actor_id, name, type, code FROM entities "
        "WHERE article_id IN (SELECT unnest(?::VARCHAR[]))",
        [sorted(group["articles"])],
    )
    members = [
        [p["article_id"], p["entity_id"]]
        for p in pairs
        if entity_key(p["actor_id"], p["name"], p["type"], p["code"]) == key
    ]
    articles = store.query(
        "SELECT a.id, a.title, a.published, a.url, a.source, count(m.entity_id) AS mentions "
        "FROM articles a JOIN mentions m ON m.article_id = a.id "
        "JOIN (SELECT unnest(?::VARCHAR[][]) AS p) k ON m.article_id = k.p[1] AND m.entity_id = k.p[2] "
        "GROUP BY ALL ORDER BY a.published, a.id",
        [members],
    )
    for a in articles:
        a["published"] = a["published"].isoformat() if a["published"] else None
    events: dict[str, list[dict[str, Any]]] = {}
    for side in ("source", "target"):
        rows = store.query(
            f"{_EVENT_SELECT} JOIN (SELECT unnest(?::VARCHAR[][]) AS p) k "
            f"ON e.article_id = k.p[1] AND e.{side}_entity = k.p[2] "
            f"ORDER BY day, e.article_id, e.idx LIMIT ?",
            [members, limit],
        )
        events[f"as_{side}"] = [_event_dict(r) for r in rows]
    return {**_entity_summary(group), "article_list": articles, "events": events}


def article_view(store: Store, article_id: str) -> dict[str, Any]:
    """One stored article with everything found in it; every span indexes ``text``."""
    rows = store.query(
        "SELECT id, source_id, title, text, published, source, url, path, story_id, "
        "paragraphs_kept, paragraphs_removed FROM articles WHERE id = ?",
        [article_id],
    )
    if not rows:
        raise DataError(f"no article {article_id!r} in {store.path}")
    out = rows[0]
    out["published"] = out["published"].isoformat() if out["published"] else None
    out["paragraphs"] = store.query(
        'SELECT idx AS index, start_char AS start, end_char AS "end", kind, removed, reason, '
        "repeat_of FROM paragraphs WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    out["removed_paragraphs"] = [p for p in out["paragraphs"] if p["removed"]]
    out["sentences"] = store.query(
        'SELECT idx AS index, paragraph, start_char AS start, end_char AS "end", text, heading, '
        "date FROM sentences WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    entities = store.query(
        "SELECT entity_id AS id, name, name_en, type, actor_id, code FROM entities "
        "WHERE article_id = ? ORDER BY length(entity_id), entity_id",
        [article_id],
    )
    mentions: dict[str, list[dict[str, Any]]] = {}
    for m in store.query(
        'SELECT entity_id, sentence, start_char AS start, end_char AS "end", text, type '
        "FROM mentions WHERE article_id = ? ORDER BY start_char",
        [article_id],
    ):
        mentions.setdefault(m.pop("entity_id"), []).append(m)
    for e in entities:
        e["key"] = entity_key(e["actor_id"], e["name"], e["type"], e["code"])
        e["mentions"] = mentions.get(e["id"], [])
    out["entities"] = entities
    out["events"] = find_events(store, article_id=article_id, limit=MAX_LIMIT)["events"]
    out["quotes"] = store.query(
        'SELECT idx AS index, sentence, start_char AS start, end_char AS "end", text, '
        "speaker_entity_id, speaker_text FROM quotes WHERE article_id = ? ORDER BY idx",
        [article_id],
    )
    return out
