"""`marsad serve`: the HTTP API and the dashboard."""

from __future__ import annotations

import ipaddress

import click

from marsad.cli import _settings, err_console, main, one_line_errors
from marsad.errors import MissingDependency


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: addresses other machines cannot reach."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, token: str) -> str | None:
    """The warning printed when other machines can reach a server that asks for no token."""
    if is_loopback(host) or token:
        return None
    return (
        f"warning: serving on {host}, reachable from other machines, and no API token is set: "
        "anyone who can connect may call POST /analyze. Set MARSAD_API_TOKEN, or keep the "
        "default --host 127.0.0.1."
    )


@main.command()
@click.option("--db", help="DuckDB store file (default: setting 'db', marsad.duckdb).")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int) -> None:
    """Serve the HTTP API (/openapi.json) and the dashboard (/ui) over a store."""
    settings = _settings(ctx)
    with one_line_errors():
        try:
            import uvicorn

            from marsad.web.app import create_app
        except ImportError as exc:
            raise MissingDependency(exc.name or "fastapi", "web", "marsad serve") from None
        app = create_app(db or settings.db, settings)
    warning = exposure_warning(host, str(settings.api_token))
    if warning:
        err_console.print(warning, markup=False, soft_wrap=True)
    url_host = f"[{host}]" if ":" in host else host
    err_console.print(f"marsad: dashboard at http://{url_host}:{port}/ui", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
