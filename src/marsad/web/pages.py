"""The dashboard pages (/ui): events, an article, a dyad, entities. HTML built on the server."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from marsad import analytics
from marsad.errors import ConfigError
from marsad.store import Store
from marsad.web.access import reading
from marsad.web.api import PERIOD_DAYS, check_span
from marsad.web.chart import dyad_chart
from marsad.web.guard import limited
from marsad.web.render import (
    Page,
    ar,
    event_panel_item,
    events_table,
    highlight,
    layout,
    ltr,
    pager,
    quad_label,
    seg,
)

PAGE_SIZE = 50
STATIC = {"dashboard.css": "text/css", "dashboard.js": "text/javascript"}


@lru_cache(maxsize=len(STATIC))
def static_file(name: str) -> bytes:
    """A shipped asset, chosen from a fixed list: no request path ever reaches the filesystem."""
    return (resources.files("marsad") / "resources" / "web" / name).read_bytes()


def _page(request: Request) -> Page:
    return Page(request.query_params.get("lang", "ar"))


def _opt(request: Request, name: str) -> str | None:
    value = request.query_params.get(name, "").strip()
    if len(value) > 200:
        raise ConfigError(f"{name} is longer than 200 characters")
    return value or None


def _int(request: Request, name: str, lo: int, hi: int) -> int | None:
    value = _opt(request, name)
    if value is None:
        return None
    if not value.isdigit() or not lo <= int(value) <= hi:
        raise ConfigError(f"{name} must be a whole number from {lo} to {hi}")
    return int(value)


CONFIDENCE_STEPS = ("0.3", "0.5", "0.7")  # the dyad page's links; any value 0-1 is accepted


def _share(request: Request, name: str) -> float:
    """A 0-1 query value (0 when absent)."""
    value = _opt(request, name)
    if value is None:
        return 0.0
    try:
        share = float(value)
    except ValueError:
        share = -1.0
    if not 0.0 <= share <= 1.0:
        raise ConfigError(f"{name} must be a number from 0 to 1")
    return share


def _day(request: Request, name: str) -> date | None:
    value = _opt(request, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{name}: {value!r} is not a date in YYYY-MM-DD form") from None


def error_page(request: Request, status: int, detail: str) -> str:
    page = _page(request)
    body = f'<h1>{escape(page.t("error"))} {status}</h1><p class="error">{escape(detail)}</p>'
    return layout(page, page.t("error"), body, request.url.path, {})


def _store_call(request: Request, func: Any, *args: Any, **kwargs: Any) -> Any:
    with reading(
        request.app.state.db, float(request.app.state.settings.api_store_wait_seconds)
    ) as s:
        return func(s, *args, **kwargs)


def router() -> APIRouter:
    r = APIRouter(include_in_schema=False)

    @r.get("/")
    @r.get("/ui")
    async def home(request: Request) -> Response:
        return RedirectResponse(_page(request).url("/ui/events"), 303)

    @r.get("/static/{name}")
    async def static(name: str) -> Response:
        if name not in STATIC:
            raise HTTPException(404, "no such file")
        return Response(static_file(name), media_type=STATIC[name])

    @r.get("/ui/events", response_class=HTMLResponse)
    async def events_page(request: Request) -> str:
        page = _page(request)
        dyad = _opt(request, "dyad")
        pair = tuple(dyad.upper().replace(" ", "").split("-", 1)) if dyad else None
        if pair is not None and len(pair) != 2:
            raise ConfigError("dyad must be two actor codes joined by '-', e.g. EGY-JOR")
        params: dict[str, Any] = {
            "dyad": dyad,
            "actor": _opt(request, "actor"),
            "code": _opt(request, "code"),
            "quad_class": _int(request, "quad_class", 1, 4),
            "start": _day(request, "start"),
            "end": _day(request, "end"),
        }
        offset = _int(request, "offset", 0, 1_000_000_000) or 0
        found = await limited(
            request.app.state.settings,
            lambda: _store_call(
                request,
                analytics.find_events,
                **{**params, "dyad": pair},
                limit=PAGE_SIZE,
                offset=offset,
            ),
        )
        shown = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in params.items()}
        body = (
            f"<h1>{escape(page.t('events'))}</h1>{_filters(page, shown)}"
            f"{events_table(page, found['events'])}"
            f"{pager(page, '/ui/events', shown, found['total'], PAGE_SIZE, offset)}"
        )
        return layout(
            page, page.t("events"), body, "/ui/events", {**shown, "offset": offset or None}
        )

    @r.get("/ui/articles/{article_id}", response_class=HTMLResponse)
    async def article_page(request: Request, article_id: str) -> str:
        page = _page(request)
        if len(article_id) > 64:
            raise HTTPException(404, "no such article")
        view = await limited(
            request.app.state.settings,
            lambda: _store_call(request, analytics.article_view, article_id),
        )
        events = sorted(view["events"], key=lambda e: int(e["idx"]))
        panel = "".join(event_panel_item(page, ev) for ev in events)
        ents = "".join(
            f'<li><a href="{escape(page.url("/ui/entities/" + seg(e["key"])))}">'
            f"{ar(e.get('name'))}</a> <code>{escape(str(e.get('code') or ''))}</code> "
            f'<span class="muted">{escape(page.t(str(e.get("type"))))} · '
            f"{len(e.get('mentions') or [])}</span></li>"
            for e in view["entities"]
        )
        meta = " · ".join(escape(str(x)) for x in (view.get("published"), view.get("source")) if x)
        legend = "".join(
            f'<span class="badge q{q}">{escape(quad_label(page, q))}</span>' for q in (1, 2, 3, 4)
        )
        body = (
            f'<article class="article-view">{ar(view.get("title"), tag="h1")}'
            f'<p class="meta">{meta}</p><p class="legend">{legend}</p>'
            f'<div class="article-layout"><div class="article-text" dir="rtl" lang="ar">'
            f"{highlight(view['text'], view['entities'], events)}</div>"
            f'<aside class="panel"><h2>{escape(page.t("events"))} ({len(events)})</h2>'
            f'<ol class="event-list">{panel}</ol>'
            f"<h2>{escape(page.t('entities'))} ({len(view['entities'])})</h2>"
            f'<ul class="entity-list">{ents}</ul></aside></div></article>'
        )
        return layout(page, str(view.get("title") or page.t("article")), body, request.url.path, {})

    @r.get("/ui/dyads/{a}/{b}", response_class=HTMLResponse)
    async def dyad_page(request: Request, a: str, b: str) -> str:
        page = _page(request)
        by = _opt(request, "by") or "week"
        period = _opt(request, "period")
        least = _share(request, "min")
        settings = request.app.state.settings
        if by not in PERIOD_DAYS:
            raise ConfigError(f"by must be one of {', '.join(PERIOD_DAYS)}")

        def run(store: Store) -> dict[str, Any]:
            check_span(store, by, None, None)
            return analytics.dyad_series(store, a, b, by=by, min_confidence=least)

        series = await limited(settings, lambda: _store_call(request, run))
        a, b = series["a"], series["b"]
        path = f"/ui/dyads/{seg(a)}/{seg(b)}"
        shown_min = f"{least:g}" if least else None
        week = by if by != "week" else None

        def link(p: str) -> str:
            return page.url(path, by=week, min=shown_min, period=p) + "#period-events"

        labels = {k: page.t(k) for k in ("chart", "coop", "conflict")}
        chart = dyad_chart(series["periods"], link, labels, period)
        chosen = next((p for p in series["periods"] if p["period"] == period), None)
        listed = ""
        if chosen is not None:
            ids = chosen["record_ids"][:PAGE_SIZE]

            def records(store: Store) -> list[dict[str, Any]]:
                out: list[dict[str, Any]] = []
                for rid in ids:
                    out += analytics.find_events(store, record_id=rid, limit=PAGE_SIZE)["events"]
                return out

            found = await limited(settings, lambda: _store_call(request, records))
            listed = (
                f'<section id="period-events"><h2>{escape(page.t("period_events"))} '
                f"{ltr(chosen['period'])}</h2>{events_table(page, found)}</section>"
            )
        bys = " ".join(
            f'<a class="{"current" if x == by else ""}" '
            f'href="{escape(page.url(path, by=x if x != "week" else None, min=shown_min))}">'
            f"{escape(page.t(x))}</a>"
            for x in ("day", "week", "month", "year")
        )
        mins = " ".join(
            f'<a class="{"current" if x == shown_min else ""}" data-min="{x or 0}" '
            f'href="{escape(page.url(path, by=week, min=x))}">'
            f"{escape(f'≥ {x}' if x else page.t('any_confidence'))}</a>"
            for x in (None, *CONFIDENCE_STEPS)
        )
        statement = (series.get("trend") or {}).get("statement") or {}
        rows = "".join(
            f'<tr><td><a href="{escape(link(p["period"]))}">{escape(p["period"])}</a></td>'
            f"<td>{p['records']}</td><td>{p['quad_counts']['1'] + p['quad_counts']['2']}</td>"
            f"<td>{p['quad_counts']['3'] + p['quad_counts']['4']}</td>"
            f"<td>{ltr(p['goldstein_mean'] if p['goldstein_mean'] is not None else '—')}</td></tr>"
            for p in series["periods"]
            if p["records"]
        )
        head = "".join(
            f"<th>{escape(page.t(k))}</th>"
            for k in ("period", "records", "coop", "conflict", "mean")
        )
        body = (
            f"<h1>{escape(page.t('dyad'))}: <code>{escape(a)}</code> ↔ <code>{escape(b)}</code></h1>"
            f'<p class="by">{escape(page.t("by"))}: {bys}</p>'
            f'<p class="min-confidence">{escape(page.t("min_confidence"))}: {mins}</p>'
            f'<figure class="chart-box" dir="ltr">{chart or escape(page.t("none"))}</figure>'
            f'<p class="hint">{escape(page.t("click_point"))}</p>'
            f'<p class="trend">{escape(str(statement.get(page.lang, "")))}</p>'
            f"{listed}"
            f'<table class="periods"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
        )
        return layout(
            page, f"{a}–{b}", body, path, {"by": week, "min": shown_min, "period": period}
        )

    @r.get("/ui/entities", response_class=HTMLResponse)
    async def entities_page(request: Request) -> str:
        page = _page(request)
        q = _opt(request, "q")
        offset = _int(request, "offset", 0, 1_000_000_000) or 0
        found = await limited(
            request.app.state.settings,
            lambda: _store_call(
                request, analytics.find_entities, q=q, limit=PAGE_SIZE, offset=offset
            ),
        )
        head = "".join(
            f"<th>{escape(page.t(k))}</th>"
            for k in ("name", "type", "code", "articles", "mentions")
        )
        rows = "".join(
            f'<tr><td><a href="{escape(page.url("/ui/entities/" + seg(e["key"])))}">'
            f"{ar(e.get('name'))}</a> {escape(str(e.get('name_en') or ''))}</td>"
            f"<td>{escape(page.t(str(e.get('type'))))}</td>"
            f"<td><code>{escape(str(e.get('code') or ''))}</code></td>"
            f"<td>{e['articles']}</td><td>{e['mentions']}</td></tr>"
            for e in found["entities"]
        )
        form = (
            f'<form class="filters" method="get" action="/ui/entities">'
            f'<label>{escape(page.t("search"))} <input name="q" value="{escape(q or "")}"></label>'
            f"{_lang_field(page)}<button>{escape(page.t('search'))}</button></form>"
        )
        body = (
            f"<h1>{escape(page.t('entities'))}</h1>{form}"
            f'<table class="entities"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
            f"{pager(page, '/ui/entities', {'q': q}, found['total'], PAGE_SIZE, offset)}"
        )
        return layout(page, page.t("entities"), body, "/ui/entities", {"q": q})

    @r.get("/ui/entities/{key:path}", response_class=HTMLResponse)
    async def entity_page(request: Request, key: str) -> str:
        page = _page(request)
        if len(key) > 200:
            raise HTTPException(404, "no such entity")
        view = await limited(
            request.app.state.settings,
            lambda: _store_call(request, analytics.entity_view, key),
        )
        arts = "".join(
            f'<li><a href="{escape(page.url("/ui/articles/" + seg(x["id"])))}">'
            f'{ar(x.get("title"))}</a> <span class="muted">{escape(str(x.get("published") or ""))}'
            f" · {x.get('mentions')}</span></li>"
            for x in view.get("article_list") or []
        )
        sections = "".join(
            f"<h2>{escape(page.t(side))}</h2>{events_table(page, view['events'].get(side) or [])}"
            for side in ("as_source", "as_target")
        )
        names = "، ".join(str(n) for n in view.get("names") or [])
        body = (
            f'<h1>{ar(view.get("name"))} <span class="muted">{escape(str(view.get("name_en") or ""))}'
            f'</span></h1><dl class="facts"><dt>{escape(page.t("type"))}</dt>'
            f"<dd>{escape(page.t(str(view.get('type'))))}</dd>"
            f"<dt>{escape(page.t('codes'))}</dt><dd><code>{escape(' '.join(view.get('codes') or []))}"
            f"</code></dd><dt>{escape(page.t('names'))}</dt><dd>{ar(names)}</dd>"
            f"<dt>{escape(page.t('mentions'))}</dt><dd>{view.get('mentions')}</dd></dl>"
            f"<h2>{escape(page.t('articles'))}</h2><ul>{arts}</ul>{sections}"
        )
        return layout(page, str(view.get("name") or key), body, request.url.path, {})

    return r


def _lang_field(page: Page) -> str:
    return '<input type="hidden" name="lang" value="en">' if page.lang == "en" else ""


def _filters(page: Page, shown: dict[str, Any]) -> str:
    def field(name: str, label: str, kind: str = "text") -> str:
        value = escape(str(shown.get(name) or ""))
        return f'<label>{escape(page.t(label))} <input type="{kind}" name="{name}" value="{value}"></label>'

    options = "".join(
        f'<option value="{q}"{" selected" if shown.get("quad_class") == q else ""}>'
        f"{escape(quad_label(page, q))}</option>"
        for q in (1, 2, 3, 4)
    )
    return (
        '<form class="filters" method="get" action="/ui/events">'
        f"{field('dyad', 'dyad')}{field('actor', 'actor')}{field('code', 'code')}"
        f'<label>{escape(page.t("quad"))} <select name="quad_class"><option value="">'
        f"{escape(page.t('any'))}</option>{options}</select></label>"
        f"{field('start', 'start', 'date')}{field('end', 'end', 'date')}"
        f"{_lang_field(page)}<button>{escape(page.t('filter'))}</button></form>"
    )
