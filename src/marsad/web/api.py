"""The JSON API: analyse a text, and read events, articles, dyad series and entities."""

from __future__ import annotations

import json
import secrets
from datetime import date
from email.parser import BytesParser
from email.policy import HTTP
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, BeforeValidator, ConfigDict
from starlette.exceptions import HTTPException

from marsad import analytics
from marsad.errors import ConfigError
from marsad.events.tables import cameo_name
from marsad.output import analysis_dict
from marsad.pipeline import analyze_text
from marsad.readers.base import decode
from marsad.settings import Settings
from marsad.store import Store
from marsad.web.access import reading
from marsad.web.guard import limited
from marsad.web.upload import Upload, analyze_upload

API_VERSION = "1.0"
CODE = r"^[A-Za-z0-9]{2,32}$"
ARTICLE_ID = r"^[A-Za-z0-9_-]{1,64}$"
MAX_PERIODS = 3700  # ten years of days
PERIOD_DAYS = {"day": 1, "week": 7, "month": 28, "year": 365}
BEARER = HTTPBearer(auto_error=False, description="The server's MARSAD_API_TOKEN.")


class Error(BaseModel):
    detail: str


class Skipped(BaseModel):
    path: str
    reason: str


class Analysis(BaseModel):
    """The analyze JSON of docs/schema.md, without the run summary; ``skipped`` lists the
    documents of an upload that were read but not analysed (not Arabic, repeated)."""

    model_config = ConfigDict(extra="allow")
    schema_version: str
    articles: list[dict[str, Any]]
    skipped: list[Skipped] = []


class EventsPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[dict[str, Any]]


class EntitiesPage(BaseModel):
    model_config = ConfigDict(extra="allow")
    total: int
    entities: list[dict[str, Any]]


class Series(BaseModel):
    model_config = ConfigDict(extra="allow")
    a: str
    b: str
    by: str
    min_confidence: float = 0.0
    periods: list[dict[str, Any]]
    trend: dict[str, Any]


class ArticleView(BaseModel):
    model_config = ConfigDict(extra="allow")
    id: str
    text: str


class EntityView(BaseModel):
    model_config = ConfigDict(extra="allow")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": Error} for code in (*codes, 503)}


ANALYZE_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {"type": "string", "description": "Headline line, then the body."},
                    "published": {"type": "string", "format": "date", "nullable": True},
                },
            }
        },
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {
                        "type": "string",
                        "format": "binary",
                        "description": "Text, JSON, JSONL, HTML or WARC, optionally gzipped; "
                        "the format comes from the file name's extension, else the part's "
                        "Content-Type, else the first bytes.",
                    },
                    "published": {"type": "string", "format": "date"},
                },
            }
        },
        "text/plain": {"schema": {"type": "string"}},
    },
}


def _published(value: object) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise HTTPException(422, "published: expected a date in YYYY-MM-DD form")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HTTPException(
            422, f"published: {value[:40]!r} is not a date in YYYY-MM-DD form"
        ) from None


async def _analyze_input(request: Request) -> tuple[str | Upload, date | None]:
    """The text (JSON or plain-text body) or the uploaded file (multipart), and the
    publication date, read in memory."""
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if media == "application/json":
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise HTTPException(422, "the body is not valid JSON") from None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            raise HTTPException(422, "the JSON body needs a string field 'text'")
        return data["text"], _published(data.get("published"))
    if media == "multipart/form-data":
        head = f"Content-Type: {request.headers.get('content-type')}\r\n\r\n".encode("latin-1")
        message = BytesParser(policy=HTTP).parsebytes(head + body)
        fields: dict[str, Upload] = {}
        if message.is_multipart():
            for part in message.iter_parts():
                name = part.get_param("name", header="content-disposition")
                payload = part.get_payload(decode=True)
                if isinstance(name, str) and isinstance(payload, bytes) and name not in fields:
                    filename = part.get_filename()
                    given = part.get("content-type")
                    fields[name] = Upload(
                        payload,
                        filename if isinstance(filename, str) else None,
                        str(given) if given is not None else None,
                    )
        if "file" not in fields:
            raise HTTPException(422, "the multipart body needs a 'file' part")
        published = fields.get("published")
        return fields["file"], _published(
            published.data.decode("utf-8", "replace").strip() if published else None
        )
    if media == "text/plain":
        return decode(body, "<text>"), _published(request.query_params.get("published"))
    raise HTTPException(
        415, "send application/json, multipart/form-data (a 'file' part) or text/plain"
    )


T = TypeVar("T")


def with_arabic_names(value: T) -> T:
    """Add ``name_ar`` beside the English ``name`` of every item that names a CAMEO code."""
    if isinstance(value, dict):
        for item in value.values():
            with_arabic_names(item)
        if "cameo" in value and "name" in value:
            code = value["cameo"]
            value["name_ar"] = cameo_name(code, "ar") if isinstance(code, str) else None
    elif isinstance(value, list):
        for item in value:
            with_arabic_names(item)
    return value


def _iso_day(value: object) -> object:
    """Only YYYY-MM-DD: pydantic alone would also take numbers as Unix times."""
    if value is None or isinstance(value, date):
        return value
    if isinstance(value, str) and len(value) == 10 and value[4] == value[7] == "-":
        return value
    raise ValueError("expected a date in YYYY-MM-DD form")


Day = Annotated[date | None, BeforeValidator(_iso_day)]


def check_span(store: Store, by: str, start: date | None, end: date | None) -> None:
    """Refuse a series longer than MAX_PERIODS periods (every period is listed, empty or not)."""
    lo, hi = start, end
    if lo is None or hi is None:
        row = store.query("SELECT min(day) AS lo, max(day) AS hi FROM event_records")[0]
        lo, hi = lo or row["lo"], hi or row["hi"]
    if lo is not None and hi is not None and (hi - lo).days // PERIOD_DAYS[by] > MAX_PERIODS:
        raise ConfigError(
            f"from {lo} to {hi} is more than {MAX_PERIODS:,} periods of a {by}: "
            "narrow start/end or choose a longer period"
        )


def router(settings: Settings) -> APIRouter:
    """The API routes; ``POST /analyze`` requires the bearer token when ``api_token`` is set."""
    r = APIRouter()
    token = str(settings.api_token)

    def authorised(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
    ) -> None:
        given = credentials.credentials if credentials else ""
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise HTTPException(
                401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"}
            )

    def db(request: Request) -> str:
        return str(request.app.state.db)

    wait = float(settings.api_store_wait_seconds)

    @r.post(
        "/analyze",
        response_model=Analysis,
        responses=_errors(401, 413, 415, 422) if token else _errors(413, 415, 422),
        dependencies=[Depends(authorised)] if token else [],
        openapi_extra={"requestBody": ANALYZE_BODY},
        tags=["analyze"],
    )
    async def analyze(request: Request) -> dict[str, Any]:
        """Analyse a text (JSON `{text, published}` or plain text) or an uploaded file.

        An upload is read as `marsad analyze` reads files: text, JSON, JSONL, HTML or WARC.
        Nothing is stored. The reply is the analyze JSON of docs/schema.md.
        """
        given, published = await _analyze_input(request)

        def run() -> dict[str, Any]:
            if isinstance(given, Upload):
                articles, dropped = analyze_upload(given, settings, published)
                return {**analysis_dict(articles), "skipped": [d.as_dict() for d in dropped]}
            article = analyze_text(given, published=published, settings=settings, ner="crf")
            return {**analysis_dict([article]), "skipped": []}

        return await limited(settings, run)

    @r.get("/events", response_model=EventsPage, responses=_errors(422), tags=["read"])
    async def events(
        request: Request,
        dyad: Annotated[
            str | None,
            Query(
                pattern=r"^[A-Za-z0-9]{2,32}-[A-Za-z0-9]{2,32}$",
                description="Two actor codes, e.g. EGY-JOR: events between them, either way.",
            ),
        ] = None,
        actor: Annotated[
            str | None, Query(pattern=CODE, description="Source or target code prefix.")
        ] = None,
        code: Annotated[
            str | None, Query(pattern=r"^[0-9]{2,4}$", description="CAMEO code or prefix.")
        ] = None,
        quad_class: Annotated[int | None, Query(ge=1, le=4)] = None,
        start: Annotated[Day, Query(description="Earliest event day (YYYY-MM-DD).")] = None,
        end: Annotated[Day, Query(description="Latest event day (YYYY-MM-DD).")] = None,
        article_id: Annotated[str | None, Query(pattern=ARTICLE_ID)] = None,
        record_id: Annotated[int | None, Query(ge=-(2**63), lt=2**63)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    ) -> dict[str, Any]:
        """Stored event mentions matching every filter given, newest first, a page at a time."""
        pair = (dyad.split("-")[0].upper(), dyad.split("-")[1].upper()) if dyad else None

        def run() -> dict[str, Any]:
            with reading(db(request), wait) as store:
                return analytics.find_events(
                    store,
                    dyad=pair,
                    actor=actor.upper() if actor else None,
                    code=code,
                    quad_class=quad_class,
                    start=start,
                    end=end,
                    record_id=record_id,
                    article_id=article_id,
                    limit=limit,
                    offset=offset,
                )

        return with_arabic_names(await limited(settings, run))

    @r.get(
        "/articles/{article_id}",
        response_model=ArticleView,
        responses=_errors(404, 422),
        tags=["read"],
    )
    async def article(
        request: Request, article_id: Annotated[str, PathParam(pattern=ARTICLE_ID)]
    ) -> dict[str, Any]:
        """A stored article: its text, sentences, entities and events with their spans."""

        def run() -> dict[str, Any]:
            with reading(db(request), wait) as store:
                return analytics.article_view(store, article_id)

        return with_arabic_names(await limited(settings, run))

    @r.get(
        "/dyads/{a}/{b}/series",
        response_model=Series,
        responses=_errors(422),
        tags=["read"],
    )
    async def series(
        request: Request,
        a: Annotated[str, PathParam(pattern=CODE)],
        b: Annotated[str, PathParam(pattern=CODE)],
        by: Literal["day", "week", "month", "year"] = "week",
        start: Annotated[Day, Query(description="First day (YYYY-MM-DD).")] = None,
        end: Annotated[Day, Query(description="Last day (YYYY-MM-DD).")] = None,
        min_confidence: Annotated[
            float,
            Query(
                ge=0.0,
                le=1.0,
                description="Count only event records with a mention of at least this confidence.",
            ),
        ] = 0.0,
    ) -> dict[str, Any]:
        """Events between two actors per period: counts by QuadClass, Goldstein, direction, trend."""

        def run() -> dict[str, Any]:
            with reading(db(request), wait) as store:
                check_span(store, by, start, end)
                return analytics.dyad_series(
                    store,
                    a.upper(),
                    b.upper(),
                    by=by,
                    start=start,
                    end=end,
                    min_confidence=min_confidence,
                )

        return with_arabic_names(await limited(settings, run))

    @r.get("/entities", response_model=EntitiesPage, responses=_errors(422), tags=["read"])
    async def entities(
        request: Request,
        q: Annotated[str | None, Query(max_length=200, description="Name or code.")] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    ) -> dict[str, Any]:
        """Entities across the store whose name or code matches ``q``, most mentioned first."""

        def run() -> dict[str, Any]:
            with reading(db(request), wait) as store:
                return analytics.find_entities(store, q=q, limit=limit, offset=offset)

        return with_arabic_names(await limited(settings, run))

    @r.get(
        "/entities/{key}",
        response_model=EntityView,
        responses=_errors(404, 422),
        tags=["read"],
    )
    async def entity(
        request: Request, key: Annotated[str, PathParam(min_length=1, max_length=200)]
    ) -> dict[str, Any]:
        """One entity (actor code, actor id or name): its mentions, articles and events."""

        def run() -> dict[str, Any]:
            with reading(db(request), wait) as store:
                return analytics.entity_view(store, key)

        return with_arabic_names(await limited(settings, run))

    return r
