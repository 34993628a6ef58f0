"""PLOVER JSON records (the PLOVER manual's field names, as POLECAT publishes) from event records.

One record per event record whose CAMEO code maps to a PLOVER category; CAMEO roots 01
(statements) and 02 (appeals) have none and are left out, as PLOVER drops them.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import Any

from marsad.exports.columns import countries, read_rows, split_actor
from marsad.exports.source import date_filter, json_object, stream
from marsad.store import Store

CODEBOOK = "CAMEO 1.1b3 mapped to PLOVER by marsad (resources/events/cameo_plover.tsv)"

_RECORDS = """
WITH fm AS (
    SELECT e.record_id, arg_min(e.sentence, (e.sentence, e.idx)) AS sentence,
           arg_min(e.start_char, (e.sentence, e.idx)) AS start_char,
           arg_min(e.end_char, (e.sentence, e.idx)) AS end_char
    FROM events e JOIN event_records r ON r.id = e.record_id AND e.article_id = r.first_article
    GROUP BY e.record_id
), agg AS (
    SELECT record_id, list_sort(list_distinct(list(trigger))) AS triggers,
           list_sort(list_distinct(list(article_id))) AS articles
    FROM events WHERE record_id IS NOT NULL GROUP BY record_id
)
SELECT r.*, a.title, a.source AS outlet, a.url, fm.sentence, fm.start_char, fm.end_char,
       agg.triggers, agg.articles
FROM event_records r
LEFT JOIN articles a ON a.id = r.first_article
LEFT JOIN fm ON fm.record_id = r.id
LEFT JOIN agg ON agg.record_id = r.id
{where}
ORDER BY r.day, r.id
"""


@lru_cache(maxsize=1)
def plover_quads() -> dict[str, int]:
    """PLOVER event → quad code, from ``resources/exports/plover_quad.tsv``."""
    return {
        event: int(quad) for _, (event, quad) in read_rows("plover_quad.tsv", ("event", "quad"))
    }


def _entity(code: str, text: str | None) -> dict[str, Any]:
    parts = split_actor(code)
    top = parts["country"] or code[:3]
    sector = code[len(top) :][:6]
    out: dict[str, Any] = {"code": top, "actor_code": code, "entity_text": text or ""}
    if sector:
        out["sector"] = sector
    return out


def _location(place: dict[str, Any]) -> dict[str, Any] | None:
    if not place:
        return None
    code = place.get("country") or ""
    iso3, country = countries().get(code, (code, ""))
    return {
        "extracted_place": place.get("name"),
        "resolved_place": place.get("name_en"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country": country or None,
        "country_code": iso3 or None,
    }


def plover_record(r: dict[str, Any], coder: str = "marsad") -> dict[str, Any] | None:
    """One event record as a PLOVER JSON object, or None when its code has no PLOVER event."""
    plover = json_object(r["plover"])
    event = plover.get("event")
    if not event:
        return None
    day: date = r["day"]
    out: dict[str, Any] = {"id": f"marsad-{r['id']}", "date": day.isoformat()}
    if r["last_day"] and r["last_day"] != day:
        out["enddate"] = r["last_day"].isoformat()
    out |= {
        "actor": [_entity(r["source_code"], r["source_name"])],
        "recipient": [_entity(r["target_code"], r["target_name"])],
        "event": [event],
        "mode": [plover["mode"]] if plover.get("mode") else [],
        "context": [plover["context"]] if plover.get("context") else [],
        "quad_code": plover_quads().get(event),
        "event_scale": r["goldstein"],
    }
    loc = _location(json_object(r["place"]))
    if loc:
        out["event_loc"] = loc
    out["event_text"] = list(r["triggers"] or [])
    if r["sentence"] is not None:
        out["text_info"] = {
            "sequence": r["sentence"],
            "start": r["start_char"],
            "end": r["end_char"],
        }
    out["cite_info"] = {
        "url": r["url"],
        "title": r["title"],
        "language": "ar",
        "publication": r["outlet"],
        "coder": coder,
        "codebook": CODEBOOK,
    }
    out["coder"] = coder
    out["marsad"] = {
        "record_id": r["id"],
        "cameo": r["cameo"],
        "cameo_quad_class": r["quad_class"],
        "num_mentions": r["num_mentions"],
        "num_articles": r["num_articles"],
        "num_sources": r["num_sources"],
        "num_stories": r["num_stories"],
        "first_article": r["first_article"],
        "articles": list(r["articles"] or []),
    }
    return out


def plover_records(
    store: Store,
    start: date | None = None,
    end: date | None = None,
    coder: str = "marsad",
    min_confidence: float = 0.0,
) -> Iterator[dict[str, Any]]:
    """PLOVER JSON records, one per event record with a PLOVER event (and a mention of
    ``min_confidence``), by day."""
    where, params = date_filter("r.day", start, end, min_confidence)
    for row in stream(store, _RECORDS.format(where=where), params):
        record = plover_record(row, coder)
        if record is not None:
            yield record
