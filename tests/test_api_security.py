"""HTTP security: token, injection strings, CORS, headers, no paths, a locked store, schemathesis."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from click.testing import CliRunner
from fastapi.testclient import TestClient

from marsad.cli import main
from marsad.cli.serve import exposure_warning, is_loopback
from marsad.settings import Settings, load_settings
from marsad.store import Store
from marsad.store.db import TABLES
from marsad.web.app import create_app

from .conftest import ARTICLE
from .test_api import build_store

INJECTIONS = [
    "'; DROP TABLE events; --",
    "USA' OR '1'='1",
    '" OR 1=1 --',
    "1; DELETE FROM articles",
    "EGY-JOR'); DROP TABLE entities; --",
    "%' UNION SELECT * FROM runs --",
    "../../../../etc/passwd",
    "\\x00",
]
ALL_TABLES = (*TABLES, "event_records", "runs", "meta")


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("sec") / "examples.duckdb")


@pytest.fixture(scope="module")
def client(store_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(store_file), Settings.default())) as c:
        yield c


def counts(path: Path) -> dict[str, int]:
    with Store(path, read_only=True) as store:
        return {t: int(store.query(f"SELECT count(*) AS n FROM {t}")[0]["n"]) for t in ALL_TABLES}


# --- the token for write endpoints ------------------------------------------------------------


def test_token_required_for_analyze_when_set(store_file: Path) -> None:
    guarded = Settings.default().replace(api_token="s3cret-token")
    with TestClient(create_app(str(store_file), guarded)) as c:
        body = {"text": ARTICLE, "published": "2021-02-04"}
        r = c.post("/analyze", json=body)
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"
        assert (
            c.post("/analyze", json=body, headers={"Authorization": "Bearer nope"}).status_code
            == 401
        )
        assert (
            c.post("/analyze", json=body, headers={"Authorization": "s3cret-token"}).status_code
            == 401
        )
        ok = c.post("/analyze", json=body, headers={"Authorization": "Bearer s3cret-token"})
        assert ok.status_code == 200 and ok.json()["articles"][0]["published"] == "2021-02-04"
        assert c.get("/events").status_code == 200  # reads need no token
        spec = c.get("/openapi.json").json()
        assert spec["paths"]["/analyze"]["post"]["security"] == [{"HTTPBearer": []}]
        assert "security" not in spec["paths"]["/events"]["get"]


def test_token_from_environment() -> None:
    assert load_settings(env={"MARSAD_API_TOKEN": "abc"}).api_token == "abc"
    assert load_settings(env={}).api_token == ""


def test_no_token_no_security_scheme(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "security" not in spec["paths"]["/analyze"]["post"]


# --- injection strings reach SQL only as parameters ---------------------------------------------


def test_injection_strings_in_every_filter(client: TestClient, store_file: Path) -> None:
    before = counts(store_file)
    assert before["events"] > 0 and before["articles"] == 8
    statuses: dict[tuple[str, str], int] = {}
    for bad in INJECTIONS:
        for name in (
            "dyad",
            "actor",
            "code",
            "quad_class",
            "start",
            "end",
            "article_id",
            "record_id",
            "limit",
            "offset",
        ):
            r = client.get("/events", params={name: bad})
            statuses[("events", name)] = r.status_code
            assert r.status_code == 422, (name, bad, r.text)
        for params in ({"q": bad}, {"q": bad, "limit": bad}, {"offset": bad}):
            r = client.get("/entities", params=params)
            assert r.status_code in (200, 422), (params, r.text)
            if "limit" not in params and "offset" not in params:
                assert r.status_code == 200 and r.json()["total"] == 0
        quoted = bad.replace("/", "%2F")
        for path in (
            f"/articles/{quoted}",
            f"/entities/{quoted}",
            f"/dyads/{quoted}/JOR/series",
            f"/dyads/EGY/{quoted}/series",
        ):
            r = client.get(path)
            assert r.status_code in (404, 422), (path, r.text)
        r = client.get("/dyads/EGY/JOR/series", params={"by": bad, "start": bad})
        assert r.status_code == 422
        for page in ("/ui/events", "/ui/entities"):
            for name in ("dyad", "actor", "code", "quad_class", "start", "q", "offset"):
                r = client.get(page, params={name: bad})
                assert r.status_code in (200, 422), (page, name, r.text)
        r = client.post("/analyze", json={"text": bad, "published": bad})
        assert r.status_code == 422
    assert counts(store_file) == before
    # the same strings where they are valid text: matched literally, nothing found
    r = client.get("/entities", params={"q": "USA' OR '1'='1"})
    assert r.json() == {"total": 0, "limit": 50, "offset": 0, "entities": []}


# --- CORS closed by default; security headers ---------------------------------------------------


def test_cors_closed_by_default(client: TestClient) -> None:
    r = client.get("/events", headers={"Origin": "https://elsewhere.example"})
    assert r.status_code == 200
    assert "access-control-allow-origin" not in r.headers
    pre = client.options(
        "/analyze",
        headers={
            "Origin": "https://elsewhere.example",
            "Access-Control-Request-Method": "POST",
        },
    )
    assert "access-control-allow-origin" not in pre.headers


def test_cors_opened_by_setting(store_file: Path) -> None:
    opened = Settings.default().replace(api_cors_origins="https://ok.example")
    with TestClient(create_app(str(store_file), opened)) as c:
        r = c.get("/events", headers={"Origin": "https://ok.example"})
        assert r.headers["access-control-allow-origin"] == "https://ok.example"
        r = c.get("/events", headers={"Origin": "https://other.example"})
        assert "access-control-allow-origin" not in r.headers


def test_security_headers_and_no_inline_code(client: TestClient, store_file: Path) -> None:
    with Store(store_file, read_only=True) as store:
        aid = store.query("SELECT id FROM articles ORDER BY id LIMIT 1")[0]["id"]
    for path in (
        "/ui/events",
        f"/ui/articles/{aid}",
        "/ui/dyads/EGY/JOR",
        "/ui/entities",
        "/ui/events?quad_class=9",
        "/events",
        "/static/dashboard.css",
    ):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        if r.headers["content-type"].startswith("text/html"):
            # the policy forbids inline code, so the pages must not carry any
            assert not re.search(r"<script(?![^>]*\bsrc=)", r.text)
            assert " style=" not in r.text and " on" + "click=" not in r.text
            assert "http://" not in r.text.replace("http://www.w3.org/2000/svg", "")


def test_request_paths_never_reach_the_filesystem(client: TestClient) -> None:
    for path in (
        "/static/..%2F..%2Fpyproject.toml",
        "/static/%2e%2e%2fweb%2fapp.py",
        "/static/dashboard.css%00.py",
        "/static/__init__.py",
        "/static/",
    ):
        assert client.get(path).status_code == 404, path
    assert client.get("/static/dashboard.js").headers["content-type"].startswith("text/javascript")


# --- the store while another process writes it --------------------------------------------------


def test_locked_store_answers_503_then_recovers(tmp_path: Path) -> None:
    path = tmp_path / "locked.duckdb"
    Store(path).close()
    app = create_app(str(path), Settings.default().replace(api_store_wait_seconds=0.2))
    with TestClient(app) as c:
        assert c.get("/events").json()["total"] == 0
        # The server holds no connection between requests, so a writer can take the file ...
        writer = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys, duckdb; con = duckdb.connect(sys.argv[1]); print('locked', flush=True);"
                " sys.stdin.read()",
                str(path),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert writer.stdout is not None
            assert writer.stdout.readline().strip() == "locked"
            start = time.monotonic()
            r = c.get("/events")
            assert r.status_code == 503
            assert r.headers["retry-after"] == "2"
            assert "another process may be writing it" in r.json()["detail"]
            assert str(tmp_path) not in r.json()["detail"]
            assert time.monotonic() - start < 10
        finally:
            writer.communicate("", timeout=30)
        # ... and once it is done the server reads again.
        assert c.get("/events").status_code == 200


# --- serve: loopback by default -----------------------------------------------------------------


def test_serve_defaults_to_loopback() -> None:
    out = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in out and "8765" in out
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.3.2.1", "::1", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.4", "::", "example.org"))
    assert exposure_warning("127.0.0.1", "") is None
    assert exposure_warning("0.0.0.0", "tok") is None
    warning = exposure_warning("0.0.0.0", "")
    assert warning is not None and "MARSAD_API_TOKEN" in warning


# --- schemathesis against /openapi.json ----------------------------------------------------------


def test_schemathesis_finds_no_server_errors_or_schema_violations(store_file: Path) -> None:
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        negative_data_rejection,
        response_schema_conformance,
        status_code_conformance,
    )

    app = create_app(str(store_file), Settings.default())
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checks = [
        not_a_server_error,
        response_schema_conformance,
        status_code_conformance,
        content_type_conformance,
    ]
    tested = []
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            extra = (
                [negative_data_rejection] if mode is schemathesis.GenerationMode.NEGATIVE else []
            )

            @settings(
                max_examples=12,
                deadline=None,
                database=None,
                derandomize=True,
                suppress_health_check=list(HealthCheck),
            )
            @given(case=operation.as_strategy(generation_mode=mode))
            def check(case: schemathesis.Case) -> None:
                case.call_and_validate(checks=[*checks, *extra])  # noqa: B023

            check()
            tested.append(operation.label)
    assert len(set(tested)) == 6
    assert counts(store_file)["articles"] == 8


def test_serve_command_listens_on_loopback(store_file: Path, tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    proc = subprocess.Popen(
        [sys.executable, "-m", "marsad", "serve", "--db", str(store_file), "--port", str(port)],
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/events?limit=1", timeout=5
                ) as r:
                    body, headers = r.read(), r.headers
                break
            except OSError:
                assert proc.poll() is None, "marsad serve exited"
                assert time.monotonic() < deadline, "marsad serve did not answer within 60 s"
                time.sleep(0.2)
        assert b'"total"' in body
        assert headers["X-Frame-Options"] == "DENY"
        assert "server" not in {k.lower() for k in headers}
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/ui" in err
    assert "warning" not in err  # loopback: nothing to warn about
