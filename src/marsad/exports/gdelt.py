"""GDELT 2.0 Events and Mentions rows from the store, columns as in the GDELT codebook.

The column order and which columns stay empty are data (``resources/exports/gdelt_*.tsv``);
this module only computes the values. Records are GDELT's Events, mentions are its Mentions.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from marsad.events.tables import cameo_info
from marsad.exports.columns import countries, split_actor
from marsad.exports.source import date_filter, json_object, stream
from marsad.store import Store
from marsad.store.filters import SURE_MENTION

_EVENTS = """
WITH fm AS (
    SELECT e.record_id, min(e.sentence) AS sentence
    FROM events e JOIN event_records r ON r.id = e.record_id AND e.article_id = r.first_article
    GROUP BY e.record_id
), root AS (
    SELECT fm.record_id, bool_or(p.kind IN ('headline', 'dateline', 'lead')) AS is_root
    FROM fm JOIN event_records r ON r.id = fm.record_id
    JOIN sentences s ON s.article_id = r.first_article AND s.idx = fm.sentence
    JOIN paragraphs p ON p.article_id = s.article_id AND p.idx = s.paragraph
    GROUP BY fm.record_id
)
SELECT r.*, coalesce(root.is_root, false) AS is_root, a.ingested_at, a.title, a.source AS outlet
FROM event_records r
LEFT JOIN root ON root.record_id = r.id
LEFT JOIN articles a ON a.id = r.first_article
{where}
ORDER BY r.day, r.id
"""

_MENTIONS = """
SELECT e.record_id, e.article_id, e.idx, e.sentence, e.start_char, e.trigger, e.cameo,
       e.modality, e.confidence, coalesce(TRY_CAST(e.date AS DATE), a.published) AS mention_day,
       a.published, a.source AS outlet, a.url, a.title, a.story_id, length(a.text) AS doc_len,
       a.ingested_at, fa.ingested_at AS event_added,
       (SELECT min(m.start_char) FROM mentions m WHERE m.article_id = e.article_id
          AND m.entity_id = e.source_entity AND m.sentence = e.sentence) AS actor1_offset,
       (SELECT min(m.start_char) FROM mentions m WHERE m.article_id = e.article_id
          AND m.entity_id = e.target_entity AND m.sentence = e.sentence) AS actor2_offset
FROM events e
JOIN articles a ON a.id = e.article_id
JOIN event_records r ON r.id = e.record_id
LEFT JOIN articles fa ON fa.id = r.first_article
{where}
ORDER BY r.day, e.record_id, a.published, e.article_id, e.idx
"""


def _ymd(d: date | None) -> str:
    return d.strftime("%Y%m%d") if d else ""


def _stamp(t: datetime | None) -> str:
    return t.strftime("%Y%m%d%H%M%S") if t else ""


def _num(value: float | None, places: int = 4) -> str:
    if value is None:
        return ""
    text = f"{float(value):.{places}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _citation(url: str | None, outlet: str | None, title: str | None) -> str:
    if url:
        return url
    return " — ".join(x for x in (outlet, title) if x)


def _geo(place: dict[str, Any]) -> dict[str, str]:
    """ActionGeo fields from a gazetteer place: type, full name, coordinates, ISO code."""
    if not place:
        return {"type": "", "name": "", "lat": "", "lon": "", "iso3": "", "name_ar": ""}
    code = place.get("country") or ""
    iso3, country_en = countries().get(code, (code, ""))
    name_en = place.get("name_en") or ""
    is_country = bool(country_en) and name_en == country_en
    kind = "1" if is_country else "3" if code == "USA" else "4"
    full = name_en if is_country or not country_en else f"{name_en}, {country_en}"
    return {
        "type": kind,
        "name": full,
        "lat": _num(place.get("lat")),
        "lon": _num(place.get("lon")),
        "iso3": iso3,
        "name_ar": place.get("name") or "",
    }


def _actor(prefix: str, code: str | None, name: str | None) -> dict[str, str]:
    parts = split_actor(code)
    return {
        f"{prefix}Code": code or "",
        f"{prefix}Name": name or "",
        f"{prefix}CountryCode": parts["country"],
        f"{prefix}KnownGroupCode": parts["group"],
        f"{prefix}EthnicCode": "",
        f"{prefix}Religion1Code": parts["religion1"],
        f"{prefix}Religion2Code": parts["religion2"],
        f"{prefix}Type1Code": parts["type1"],
        f"{prefix}Type2Code": parts["type2"],
        f"{prefix}Type3Code": parts["type3"],
    }


def _empty_geo(prefix: str) -> dict[str, str]:
    names = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
    return {f"{prefix}Geo_{n}": "" for n in names}


def event_row(r: dict[str, Any]) -> dict[str, str]:
    """One event record as GDELT Events fields (standard and extra), all strings."""
    day: date = r["day"]
    geo = _geo(json_object(r["place"]))
    plover = json_object(r["plover"])
    return {
        "GlobalEventID": str(r["id"]),
        "Day": _ymd(day),
        "MonthYear": day.strftime("%Y%m"),
        "Year": str(day.year),
        "FractionDate": _num(day.year + (day.month * 30 + day.day) / 365),
        **_actor("Actor1", r["source_code"], r["source_name"]),
        **_actor("Actor2", r["target_code"], r["target_name"]),
        "IsRootEvent": "1" if r["is_root"] else "0",
        "EventCode": r["cameo"],
        "EventBaseCode": r["base_code"],
        "EventRootCode": r["root_code"],
        "QuadClass": "" if r["quad_class"] is None else str(r["quad_class"]),
        "GoldsteinScale": _num(r["goldstein"]),
        "NumMentions": str(r["num_mentions"]),
        "NumSources": str(r["num_sources"]),
        "NumArticles": str(r["num_articles"]),
        "AvgTone": "",
        **_empty_geo("Actor1"),
        **_empty_geo("Actor2"),
        **_empty_geo("Action"),
        "ActionGeo_Type": geo["type"],
        "ActionGeo_FullName": geo["name"],
        "ActionGeo_Lat": geo["lat"],
        "ActionGeo_Long": geo["lon"],
        "DATEADDED": _stamp(r["ingested_at"]),
        "SOURCEURL": _citation(r["source_url"], r["outlet"], r["title"]),
        "NumStories": str(r["num_stories"]),
        "LastDay": _ymd(r["last_day"]),
        "FirstSeen": _ymd(r["first_seen"]),
        "LastSeen": _ymd(r["last_seen"]),
        "EventName": _cameo_label(r["cameo"]),
        "PloverEvent": plover.get("event") or "",
        "PloverMode": plover.get("mode") or "",
        "PloverContext": plover.get("context") or "",
        "ActionGeo_CountryISO3": geo["iso3"],
        "ActionGeo_NameAr": geo["name_ar"],
        "FirstArticleID": r["first_article"] or "",
    }


def _cameo_label(code: str | None) -> str:
    try:
        return cameo_info(code).label if code else ""
    except KeyError:
        return ""


def mention_row(r: dict[str, Any]) -> dict[str, str]:
    """One event mention as GDELT Mentions fields (standard and extra), all strings."""
    url = r["url"]
    host = urlsplit(url).hostname if url else None
    a1, a2 = r["actor1_offset"], r["actor2_offset"]
    return {
        "GlobalEventID": str(r["record_id"]),
        "EventTimeDate": _stamp(r["event_added"]),
        "MentionTimeDate": _stamp(r["ingested_at"]),
        "MentionType": "1" if url else "2",
        "MentionSourceName": host or r["outlet"] or "",
        "MentionIdentifier": _citation(url, r["outlet"], r["title"]),
        "SentenceID": "" if r["sentence"] is None else str(r["sentence"] + 1),
        "Actor1CharOffset": str(-1 if a1 is None else a1),
        "Actor2CharOffset": str(-1 if a2 is None else a2),
        "ActionCharOffset": "" if r["start_char"] is None else str(r["start_char"]),
        "InRawText": "1",
        "Confidence": str(round(100 * float(r["confidence"] or 0.0))),
        "MentionDocLen": str(r["doc_len"]),
        "MentionDocTone": "",
        "MentionDocTranslationInfo": "",
        "Extras": "",
        "ArticleID": r["article_id"],
        "EventIndex": str(r["idx"]),
        "Trigger": r["trigger"] or "",
        "EventCode": r["cameo"] or "",
        "Modality": r["modality"] or "",
        "MentionDate": _ymd(r["mention_day"]),
        "Published": _ymd(r["published"]),
        "Outlet": r["outlet"] or "",
        "StoryID": r["story_id"] or "",
    }


def event_rows(
    store: Store, start: date | None = None, end: date | None = None, min_confidence: float = 0.0
) -> Iterator[dict[str, str]]:
    """GDELT Events rows, one per event record (with a mention of ``min_confidence``), by day."""
    where, params = date_filter("r.day", start, end, min_confidence)
    for row in stream(store, _EVENTS.format(where=where), params):
        yield event_row(row)


def mention_rows(
    store: Store, start: date | None = None, end: date | None = None, min_confidence: float = 0.0
) -> Iterator[dict[str, str]]:
    """GDELT Mentions rows, one per event mention that joined a record (and is at least
    ``min_confidence`` sure)."""
    where, params = date_filter("r.day", start, end, min_confidence, SURE_MENTION)
    where = f"{where} AND e.record_id IS NOT NULL" if where else "WHERE e.record_id IS NOT NULL"
    for row in stream(store, _MENTIONS.format(where=where), params):
        yield mention_row(row)
