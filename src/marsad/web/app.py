"""The ASGI app: limits, security headers, one error edge, the API and the dashboard."""

from __future__ import annotations

from pathlib import PurePath

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from marsad.errors import (
    ConfigError,
    DataError,
    MarsadError,
    SourceError,
    StoreBusy,
    StoreError,
)
from marsad.settings import Settings
from marsad.web import api, pages
from marsad.web.access import prepare
from marsad.web.guard import Guard


def _status(exc: MarsadError) -> int:
    if isinstance(exc, DataError):
        return 404
    if isinstance(exc, ConfigError | SourceError):
        return 422
    if isinstance(exc, StoreError):
        return 503
    return 500


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(x) for x in err.get("loc", ()))
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _error(request: Request, status: int, detail: str, headers: dict[str, str] | None) -> Response:
    if request.url.path == "/" or request.url.path.startswith("/ui"):
        return HTMLResponse(pages.error_page(request, status, detail), status, headers=headers)
    return JSONResponse({"detail": detail}, status, headers=headers)


def create_app(db: str, settings: Settings | None = None) -> FastAPI:
    """The API (``/openapi.json``) and the dashboard (``/ui``) over the store file ``db``."""
    settings = settings or Settings.default()
    prepare(db)
    app = FastAPI(
        title="marsad",
        summary="Arabic news in, political event data out: analyse text, query stored events.",
        version=api.API_VERSION,
        docs_url=None,  # the Swagger and ReDoc pages load scripts from a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db = db
    app.state.settings = settings

    @app.exception_handler(MarsadError)
    async def marsad_error(request: Request, exc: MarsadError) -> Response:
        headers = {"Retry-After": "2"} if isinstance(exc, StoreBusy) else None
        # The store's location on this machine is not the client's business: name the file only.
        message = str(exc).replace(db, PurePath(db).name)
        return _error(request, _status(exc), message, headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return _error(request, 422, _validation_message(exc), None)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    app.include_router(api.router(settings))
    app.include_router(pages.router())
    origins = [o.strip() for o in str(settings.api_cors_origins).split(",") if o.strip()]
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    app.add_middleware(Guard, max_body=int(settings.api_max_body_bytes))
    return app
