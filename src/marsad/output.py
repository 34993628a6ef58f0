"""The analyze JSON: one documented shape (docs/schema.md), versioned by SCHEMA_VERSION."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from marsad.model import Article, Entity
from marsad.summary import dyads

SCHEMA_VERSION = "1.0"


def entity_dict(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "name": e.name,
        "name_en": e.name_en,
        "type": e.type,
        "code": e.code,
        "roles": [asdict(r) for r in e.roles],
        "qid": e.qid,
        "mentions": [
            {"text": m.text, "start": m.start, "end": m.end, "sentence": m.sentence, "type": m.type}
            for m in e.mentions
        ],
    }


def article_dict(a: Article) -> dict[str, Any]:
    """Everything found in one article; spans index ``text``."""
    removed: dict[str, int] = {}
    for p in a.paragraphs:
        if p.removed and p.reason:
            removed[p.reason] = removed.get(p.reason, 0) + 1
    return {
        "id": a.id,
        "source_id": a.source_id,
        "title": a.title,
        "published": a.published_iso,
        "source": a.source,
        "url": a.url,
        "path": a.path,
        "text": a.text,
        "paragraphs_kept": a.paragraphs_kept,
        "paragraphs_removed": a.paragraphs_removed,
        "removed_by_reason": removed,
        "paragraphs": [
            {
                "index": p.index,
                "start": p.start,
                "end": p.end,
                "kind": p.kind,
                "removed": p.removed,
                "reason": p.reason,
                "repeat_of": p.repeat_of,
            }
            for p in a.paragraphs
        ],
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "paragraph": s.paragraph,
                "heading": s.heading,
                "date": s.date,
            }
            for s in a.sentences
        ],
        "entities": [entity_dict(e) for e in a.entities],
        "events": [asdict(ev) for ev in a.events],
        "quotes": [asdict(q) for q in a.quotes],
        "numbers": a.numbers,
        "dates": a.dates,
        "places": a.places,
        "dyads": dyads(a),
    }


def analysis_dict(articles: list[Article], summary: dict[str, Any] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "articles": [article_dict(a) for a in articles],
    }
    if summary is not None:
        out["summary"] = summary
    return out
