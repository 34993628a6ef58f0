"""HTML for the dashboard: labels in Arabic and English, the page frame, highlighted article text."""

from __future__ import annotations

import itertools
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from marsad.events.tables import cameo_name

LABELS: dict[str, tuple[str, str]] = {
    "brand": ("مرصد", "marsad"),
    "events": ("الأحداث", "Events"),
    "entities": ("الكيانات", "Entities"),
    "entity": ("الكيان", "Entity"),
    "article": ("المقال", "Article"),
    "dyad": ("الثنائية", "Dyad"),
    "other_lang": ("English", "العربية"),
    "date": ("التاريخ", "Date"),
    "source": ("الفاعل", "Source"),
    "target": ("المفعول به", "Target"),
    "code": ("الرمز", "Code"),
    "goldstein": ("غولدشتاين", "Goldstein"),
    "quad": ("الفئة", "QuadClass"),
    "actor": ("الفاعل (رمز)", "Actor (code)"),
    "start": ("من", "From"),
    "end": ("إلى", "To"),
    "filter": ("تصفية", "Filter"),
    "any": ("الكل", "Any"),
    "evidence": ("الدليل", "Evidence"),
    "trigger": ("الكلمة المفتاحية", "Trigger"),
    "actors": ("الأطراف", "Actors"),
    "sentence": ("الجملة", "Sentence"),
    "total": ("المجموع", "Total"),
    "next": ("التالي", "Next"),
    "prev": ("السابق", "Previous"),
    "none": ("لا شيء", "None"),
    "search": ("بحث", "Search"),
    "name": ("الاسم", "Name"),
    "type": ("النوع", "Type"),
    "articles": ("المقالات", "Articles"),
    "mentions": ("الإشارات", "Mentions"),
    "published": ("تاريخ النشر", "Published"),
    "outlet": ("المصدر", "Outlet"),
    "coop": ("تعاون", "Cooperation"),
    "conflict": ("صراع", "Conflict"),
    "chart": ("التعاون والصراع عبر الزمن", "Cooperation and conflict over time"),
    "period": ("الفترة", "Period"),
    "records": ("السجلات", "Records"),
    "mean": ("المتوسط", "Mean"),
    "by": ("حسب", "By"),
    "trend": ("الاتجاه", "Trend"),
    "period_events": ("أحداث الفترة", "Events in the period"),
    "click_point": ("انقر نقطة لعرض أحداثها", "Click a point to list its events"),
    "min_confidence": ("أدنى ثقة", "Minimum confidence"),
    "any_confidence": ("الكل", "Any"),
    "as_source": ("فاعلا", "As source"),
    "as_target": ("مفعولا به", "As target"),
    "names": ("الأسماء", "Names"),
    "codes": ("الرموز", "Codes"),
    "plover": ("PLOVER", "PLOVER"),
    "confidence": ("الثقة", "Confidence"),
    "error": ("خطأ", "Error"),
    "q1": ("تعاون لفظي", "Verbal cooperation"),
    "q2": ("تعاون مادي", "Material cooperation"),
    "q3": ("صراع لفظي", "Verbal conflict"),
    "q4": ("صراع مادي", "Material conflict"),
    "day": ("يوم", "day"),
    "week": ("أسبوع", "week"),
    "month": ("شهر", "month"),
    "year": ("سنة", "year"),
    "PERS": ("شخص", "person"),
    "ORG": ("منظمة", "organisation"),
    "LOC": ("مكان", "place"),
    "MISC": ("أخرى", "other"),
}


class Page:
    """Labels and links for one language; every link keeps the chosen language."""

    def __init__(self, lang: str) -> None:
        self.lang = "en" if lang == "en" else "ar"

    def t(self, key: str) -> str:
        pair = LABELS.get(key)
        if pair is None:
            return key
        return pair[1] if self.lang == "en" else pair[0]

    def url(self, path: str, **params: Any) -> str:
        query = {k: v for k, v in params.items() if v not in (None, "")}
        if self.lang == "en":
            query["lang"] = "en"
        return path + ("?" + urlencode(query) if query else "")


def seg(value: str) -> str:
    """One URL path segment, every reserved character escaped."""
    return quote(value, safe="")


def ar(text: Any, tag: str = "span", cls: str = "") -> str:
    """Arabic content, marked right-to-left whatever the page direction."""
    klass = f' class="{cls}"' if cls else ""
    return f'<{tag}{klass} dir="rtl" lang="ar">{escape(str(text or ""))}</{tag}>'


def ltr(text: Any) -> str:
    """Dates and codes: left-to-right, isolated from the Arabic around them."""
    return f'<bdi dir="ltr">{escape("" if text is None else str(text))}</bdi>'


def layout(page: Page, title: str, body: str, path: str, params: dict[str, Any]) -> str:
    direction = "ltr" if page.lang == "en" else "rtl"
    other = {**params, "lang": None if page.lang == "en" else "en"}
    toggle = path + (
        "?" + urlencode({k: v for k, v in other.items() if v}) if any(other.values()) else ""
    )
    return (
        f'<!doctype html><html lang="{page.lang}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · {escape(page.t('brand'))}</title>"
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/dashboard.css">'
        '<script src="/static/dashboard.js" defer></script></head><body>'
        f'<header><a class="brand" href="{escape(page.url("/ui/events"))}">'
        f"{escape(page.t('brand'))}</a><nav>"
        f'<a href="{escape(page.url("/ui/events"))}">{escape(page.t("events"))}</a>'
        f'<a href="{escape(page.url("/ui/entities"))}">{escape(page.t("entities"))}</a>'
        f'</nav><a class="lang-toggle" href="{escape(toggle)}">{escape(page.t("other_lang"))}</a>'
        f"</header><main>{body}</main></body></html>"
    )


def quad_label(page: Page, quad: Any) -> str:
    return page.t(f"q{quad}") if quad in (1, 2, 3, 4) else "—"


def event_name(page: Page, ev: dict[str, Any]) -> str:
    """The event's CAMEO name in the page's language (Arabic marked right-to-left), as HTML."""
    code = str(ev.get("cameo") or "")
    if page.lang == "ar":
        name = cameo_name(code, "ar")
        if name:
            return f'<span class="cameo-name" lang="ar">{escape(name)}</span>'
    name = cameo_name(code, "en") or ev.get("name")
    return f'<span class="cameo-name" lang="en" dir="ltr">{escape(str(name or ""))}</span>'


def highlight(text: str, entities: list[dict[str, Any]], events: list[dict[str, Any]]) -> str:
    """The article text with entity mentions and event spans marked; overlaps split into pieces."""
    marks: list[tuple[int, int, str, Any]] = []
    for e in entities:
        for m in e.get("mentions") or []:
            marks.append((int(m["start"]), int(m["end"]), "entity", e))
    for ev in events:
        if ev.get("start_char") is not None and ev.get("end_char") is not None:
            marks.append((int(ev["start_char"]), int(ev["end_char"]), "event", ev))
    cuts = sorted(
        {0, len(text), *(p for s, e, _, _ in marks for p in (s, e) if 0 <= p <= len(text))}
    )
    out = []
    for lo, hi in itertools.pairwise(cuts):
        piece = escape(text[lo:hi])
        covering = [(kind, item) for s, e, kind, item in marks if s <= lo and hi <= e and s < e]
        evs = [item for kind, item in covering if kind == "event"]
        ents = [item for kind, item in covering if kind == "entity"]
        if not covering:
            out.append(piece)
            continue
        classes = [f"ent ent-{escape(str(ents[0].get('type') or 'MISC'))}"] if ents else []
        if evs:
            ev = evs[0]
            classes.append(f"ev q{int(ev.get('quad_class') or 0)}")
            ids = " ".join(str(int(x["idx"])) for x in evs)
            out.append(
                f'<a class="{" ".join(classes)}" href="#event-{int(ev["idx"])}" '
                f'data-event="{int(ev["idx"])}" data-events="{ids}">{piece}</a>'
            )
        else:
            title = escape(str(ents[0].get("code") or ents[0].get("name") or ""))
            out.append(f'<span class="{" ".join(classes)}" title="{title}">{piece}</span>')
    return "".join(out)


def event_row(page: Page, ev: dict[str, Any]) -> str:
    article = page.url(f"/ui/articles/{seg(str(ev['article_id']))}")
    src, tgt = ev.get("source_code") or "", ev.get("target_code") or ""
    dyad = ""
    if len(src) >= 3 and len(tgt) >= 3 and src[:3] != tgt[:3]:
        dyad = (
            f' <a class="dyad-link" href="{escape(page.url(f"/ui/dyads/{seg(src[:3])}/{seg(tgt[:3])}"))}">'
            f"{escape(page.t('dyad'))}</a>"
        )
    q = ev.get("quad_class")
    return (
        f'<tr class="q{int(q or 0)}"><td class="day">{ltr(ev.get("day"))}</td>'
        f"<td>{ar(ev.get('source_text'))} <code>{escape(src)}</code></td>"
        f"<td>{ar(ev.get('target_text'))} <code>{escape(tgt)}</code></td>"
        f"<td><code>{escape(str(ev.get('cameo') or ''))}</code> {event_name(page, ev)}</td>"
        f"<td>{ltr(ev.get('goldstein'))}</td>"
        f'<td><span class="badge q{int(q or 0)}">{escape(quad_label(page, q))}</span></td>'
        f'<td class="confidence">{ltr(ev.get("confidence"))}</td>'
        f"<td>{ar(ev.get('sentence_text'), cls='excerpt')}"
        f' <a href="{escape(article)}#event-{int(ev["idx"])}">{escape(page.t("article"))}</a>'
        f"{dyad}</td></tr>"
    )


def events_table(page: Page, events: list[dict[str, Any]]) -> str:
    if not events:
        return f'<p class="empty">{escape(page.t("none"))}</p>'
    head = "".join(
        f"<th>{escape(page.t(k))}</th>"
        for k in ("date", "source", "target", "code", "goldstein", "quad", "confidence", "evidence")
    )
    rows = "".join(event_row(page, ev) for ev in events)
    return f'<table class="events"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'


def event_panel_item(page: Page, ev: dict[str, Any]) -> str:
    idx = int(ev["idx"])
    q = int(ev.get("quad_class") or 0)
    plover = ev.get("plover") or {}
    plover_text = plover.get("event") if isinstance(plover, dict) else ""
    rows = [
        (
            "code",
            f"<code>{escape(str(ev.get('cameo') or ''))}</code> {event_name(page, ev)}",
        ),
        ("goldstein", ltr(ev.get("goldstein"))),
        ("quad", escape(quad_label(page, q))),
        (
            "actors",
            f"{ar(ev.get('source_text'))} <code>{escape(str(ev.get('source_code') or ''))}</code>"
            f" → {ar(ev.get('target_text'))} <code>{escape(str(ev.get('target_code') or ''))}</code>",
        ),
        ("date", ltr(ev.get("day") or ev.get("date"))),
        ("trigger", ar(ev.get("trigger"))),
        ("plover", escape(str(plover_text or ""))),
        ("confidence", ltr(ev.get("confidence"))),
    ]
    dl = "".join(f"<dt>{escape(page.t(k))}</dt><dd>{v}</dd>" for k, v in rows)
    return (
        f'<li><details class="event q{q}" id="event-{idx}"><summary>'
        f'<span class="badge q{q}">{escape(str(ev.get("cameo") or ""))}</span> '
        f"{event_name(page, ev)} · {escape(str(ev.get('source_code') or ''))} → "
        f"{escape(str(ev.get('target_code') or ''))}</summary><dl>{dl}</dl>"
        f"<h4>{escape(page.t('evidence'))}</h4>"
        f"{ar(ev.get('sentence_text'), tag='blockquote', cls='evidence')}</details></li>"
    )


def pager(
    page: Page, path: str, params: dict[str, Any], total: int, limit: int, offset: int
) -> str:
    links = [f'<span class="total">{escape(page.t("total"))}: {total}</span>']
    if offset > 0:
        prev = page.url(path, **{**params, "offset": max(0, offset - limit) or None})
        links.append(f'<a rel="prev" href="{escape(prev)}">{escape(page.t("prev"))}</a>')
    if offset + limit < total:
        nxt = page.url(path, **{**params, "offset": offset + limit})
        links.append(f'<a rel="next" href="{escape(nxt)}">{escape(page.t("next"))}</a>')
    return f'<nav class="pager">{" ".join(links)}</nav>'
