"""The HTTP API over a store holding the bundled examples: every endpoint, good and bad requests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from marsad import pipeline
from marsad.settings import Settings
from marsad.store import Store
from marsad.web.app import create_app

from .conftest import ARTICLE, EXAMPLES

EX1 = "ex-001-diplomacy"


def build_store(path: Path) -> Path:
    """Ingest examples/articles into a fresh store (ingest also merges the event records)."""
    pipeline.ingest([str(EXAMPLES)], str(path))
    return path


@pytest.fixture(scope="module")
def store_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("api") / "examples.duckdb")


@pytest.fixture(scope="module")
def client(store_file: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(store_file), Settings.default())) as c:
        yield c


def sql(
    store_file: Path, query: str, params: list[object] | None = None
) -> list[dict[str, object]]:
    with Store(store_file, read_only=True) as store:
        return store.query(query, params or [])


def ex1_id(store_file: Path) -> str:
    return str(sql(store_file, "SELECT id FROM articles WHERE source_id = ?", [EX1])[0]["id"])


# --- GET /events ---------------------------------------------------------------------------


def test_events_all_paginated(client: TestClient, store_file: Path) -> None:
    n = sql(store_file, "SELECT count(*) AS n FROM events")[0]["n"]
    first = client.get("/events", params={"limit": 5}).json()
    assert first["total"] == n and n > 10
    assert (first["limit"], first["offset"], len(first["events"])) == (5, 0, 5)
    second = client.get("/events", params={"limit": 5, "offset": 5}).json()
    keys = {(e["article_id"], e["idx"]) for e in first["events"]}
    assert keys.isdisjoint((e["article_id"], e["idx"]) for e in second["events"])
    tail = client.get("/events", params={"limit": 500, "offset": n - 1}).json()
    assert len(tail["events"]) == 1


def test_events_dyad_either_direction(client: TestClient) -> None:
    both = client.get("/events", params={"dyad": "EGY-JOR"}).json()
    reverse = client.get("/events", params={"dyad": "jor-egy"}).json()
    assert both["total"] == reverse["total"] >= 2
    assert {e["cameo"] for e in both["events"]} >= {"041"}  # the telephone call of ex-001
    for e in both["events"]:
        assert {e["source_code"][:3], e["target_code"][:3]} == {"EGY", "JOR"}
        assert e["sentence_text"]  # each event carries its evidence sentence


def test_events_filters(client: TestClient, store_file: Path) -> None:
    conflict = client.get("/events", params={"quad_class": 4, "limit": 500}).json()
    n4 = sql(store_file, "SELECT count(*) AS n FROM events WHERE quad_class = 4")[0]["n"]
    assert conflict["total"] == n4 > 0
    assert {e["quad_class"] for e in conflict["events"]} == {4}
    irn = client.get("/events", params={"actor": "IRN", "limit": 500}).json()
    assert irn["total"] > 0
    assert all("IRN" in (e["source_code"][:3], e["target_code"][:3]) for e in irn["events"])
    code = client.get("/events", params={"code": "04", "limit": 500}).json()
    assert code["total"] > 0 and all(e["cameo"].startswith("04") for e in code["events"])
    day = client.get("/events", params={"start": "2022-08-31", "end": "2022-08-31"}).json()
    assert day["total"] > 0 and {e["day"] for e in day["events"]} == {"2022-08-31"}
    art = client.get("/events", params={"article_id": ex1_id(store_file)}).json()
    assert art["total"] == 6 and {e["article_id"] for e in art["events"]} == {ex1_id(store_file)}
    rid = art["events"][0]["record_id"]
    assert rid is not None
    by_record = client.get("/events", params={"record_id": rid}).json()
    assert by_record["total"] >= 1 and {e["record_id"] for e in by_record["events"]} == {rid}
    none = client.get("/events", params={"start": "1990-01-01", "end": "1990-12-31"}).json()
    assert none == {"total": 0, "limit": 50, "offset": 0, "events": []}


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 501},
        {"limit": "ten"},
        {"offset": -1},
        {"quad_class": 5},
        {"quad_class": 0},
        {"dyad": "EGY"},
        {"dyad": "EGY-JOR-SAU"},
        {"actor": "E"},
        {"code": "4x"},
        {"start": "2022-13-01"},
        {"end": "yesterday"},
        {"start": "0"},  # a number is no date (pydantic alone reads it as Unix time)
        {"end": "20220101"},
        {"record_id": "x"},
        {"article_id": "../../etc/passwd"},
    ],
)
def test_events_bad_parameters(client: TestClient, params: dict[str, object]) -> None:
    r = client.get("/events", params=params)
    assert r.status_code == 422
    assert next(iter(params)) in r.json()["detail"]


# --- GET /articles/{id} --------------------------------------------------------------------


def test_article_view(client: TestClient, store_file: Path) -> None:
    aid = ex1_id(store_file)
    view = client.get(f"/articles/{aid}").json()
    assert view["title"].startswith("شكري والصفدي يبحثان")
    assert view["published"] == "2022-08-31"
    text = view["text"]
    by_name = {e["name"]: e for e in view["entities"]}
    assert by_name["سامح شكري"]["code"] == "EGYGOV"
    for e in view["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert len(view["events"]) == 6
    for ev in view["events"]:
        sentence = view["sentences"][ev["sentence"]]
        assert ev["sentence_text"] == sentence["text"]
        assert sentence["start"] <= ev["start_char"] < ev["end_char"] <= sentence["end"]


def test_article_not_found_and_bad_id(client: TestClient) -> None:
    r = client.get("/articles/" + "0" * 32)
    assert r.status_code == 404
    assert "no article" in r.json()["detail"]
    assert "/" not in r.json()["detail"]  # the store's location stays on the server
    assert client.get("/articles/a%2E%2E%2Fb").status_code in (404, 422)
    assert client.get("/articles/" + "a" * 65).status_code == 422


# --- GET /dyads/{a}/{b}/series ---------------------------------------------------------------


def test_dyad_series(client: TestClient) -> None:
    series = client.get("/dyads/EGY/JOR/series").json()
    assert (series["a"], series["b"], series["by"]) == ("EGY", "JOR", "week")
    assert [p["period"] for p in series["periods"]] == ["2022-08-29"]  # the Monday of 2022-08-31
    week = series["periods"][0]
    # The call and the agreement one way; the agreement the other way and Safadi's praise.
    assert week["records"] == 4 and week["quad_counts"] == {"1": 4, "2": 0, "3": 0, "4": 0}
    assert week["a_to_b"]["records"] == 2 and week["b_to_a"]["records"] == 2
    assert series["trend"]["direction"] == "too few periods"
    by_day = client.get("/dyads/egy/jor/series", params={"by": "day"}).json()
    assert [p["period"] for p in by_day["periods"]] == ["2022-08-30", "2022-08-31"]
    window = client.get(
        "/dyads/EGY/JOR/series", params={"by": "month", "start": "2022-07-01", "end": "2022-09-30"}
    ).json()
    assert [p["records"] for p in window["periods"]] == [0, 4, 0]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/dyads/EGY/JOR/series", {"by": "fortnight"}),
        ("/dyads/EGY/JOR/series", {"start": "2022-02-30"}),
        ("/dyads/EGY/JOR/series", {"start": "-1.2e-177"}),
        ("/dyads/E/JOR/series", {}),
        ("/dyads/EGY/JO%27R/series", {}),
    ],
)
def test_dyad_series_bad_parameters(
    client: TestClient, path: str, params: dict[str, object]
) -> None:
    assert client.get(path, params=params).status_code == 422


# --- GET /entities, /entities/{key} --------------------------------------------------------


def test_entities_search_and_view(client: TestClient) -> None:
    found = client.get("/entities", params={"q": "شكري"}).json()
    assert found["total"] == 1
    shoukry = found["entities"][0]
    assert (shoukry["name"], shoukry["code"], shoukry["name_en"]) == (
        "سامح شكري",
        "EGYGOV",
        "Sameh Shoukry",
    )
    english = client.get("/entities", params={"q": "shoukry"}).json()
    assert [e["key"] for e in english["entities"]] == [shoukry["key"]]
    view = client.get(f"/entities/{shoukry['key']}").json()
    assert view["name"] == "سامح شكري"
    assert len(view["article_list"]) == shoukry["articles"]
    assert all(e["source_code"] == "EGYGOV" for e in view["events"]["as_source"])
    page = client.get("/entities", params={"limit": 2, "offset": 1}).json()
    everything = client.get("/entities", params={"limit": 500}).json()
    assert page["entities"] == everything["entities"][1:3]
    assert client.get("/entities", params={"q": "zzzz-nothing"}).json()["total"] == 0


def test_entities_bad_parameters(client: TestClient) -> None:
    assert client.get("/entities", params={"limit": 0}).status_code == 422
    assert client.get("/entities", params={"q": "x" * 201}).status_code == 422
    r = client.get("/entities/name:nobody-here")
    assert r.status_code == 404 and "no entity" in r.json()["detail"]


# --- POST /analyze -----------------------------------------------------------------------------


def test_analyze_json(client: TestClient) -> None:
    r = client.post("/analyze", json={"text": ARTICLE, "published": "2021-02-04"})
    assert r.status_code == 200
    body = r.json()
    assert body["schema_version"] == "1.0"
    (article,) = body["articles"]
    assert article["title"] == ARTICLE.splitlines()[0]
    assert article["published"] == "2021-02-04"
    assert article["text"] == ARTICLE
    codes = {e["code"] for e in article["entities"]}
    assert {"EGYGOV", "JORGOV"} <= codes


def test_analyze_file_upload_in_memory(client: TestClient, tmp_path: Path) -> None:
    r = client.post(
        "/analyze",
        files={"file": ("../../../etc/passwd", ARTICLE.encode("utf-16"), "text/plain")},
        data={"published": "2021-02-04"},
    )
    assert r.status_code == 200
    (article,) = r.json()["articles"]
    assert article["text"] == ARTICLE  # UTF-16 decoded as the readers decode files
    assert article["path"] == "<text>"  # the client's file name is never used as a path


def test_analyze_plain_text(client: TestClient) -> None:
    r = client.post(
        "/analyze?published=2021-02-04",
        content=ARTICLE.encode(),
        headers={"Content-Type": "text/plain; charset=utf-8"},
    )
    assert r.status_code == 200 and r.json()["articles"][0]["published"] == "2021-02-04"


@pytest.mark.parametrize(
    ("kwargs", "status", "words"),
    [
        ({"json": {"txt": ARTICLE}}, 422, "'text'"),
        ({"json": [ARTICLE]}, 422, "'text'"),
        ({"json": {"text": ARTICLE, "published": "04/02/2021x"}}, 422, "published"),
        ({"json": {"text": ARTICLE, "published": 20210204}}, 422, "published"),
        ({"json": {"text": "Hello, world. Nothing Arabic here at all."}}, 422, "Arabic"),
        ({"json": {"text": "   "}}, 422, ""),
        ({"content": b"{not json", "headers": {"Content-Type": "application/json"}}, 422, "JSON"),
        ({"content": b"\x00\x01\x02", "headers": {"Content-Type": "text/plain"}}, 422, ""),
        ({"data": {"published": "2021-02-04"}, "files": {"other": ("a.txt", b"x")}}, 422, "file"),
        ({"content": b"<x/>", "headers": {"Content-Type": "application/xml"}}, 415, "json"),
    ],
)
def test_analyze_bad_bodies(
    client: TestClient, kwargs: dict[str, object], status: int, words: str
) -> None:
    r = client.post("/analyze", **kwargs)  # type: ignore[arg-type]
    assert r.status_code == status, r.text
    assert words in r.json()["detail"]


def test_oversized_bodies_refused(store_file: Path) -> None:
    small = Settings.default().replace(api_max_body_bytes=1000)
    with TestClient(create_app(str(store_file), small)) as c:
        big = {"text": ARTICLE * 10}
        r = c.post("/analyze", json=big)
        assert r.status_code == 413
        assert r.json()["detail"] == "request body is over the 1,000-byte limit"

        def chunks() -> Iterator[bytes]:  # no Content-Length: counted while streaming
            for _ in range(20):
                yield b"x" * 100

        r = c.post("/analyze", content=chunks(), headers={"Content-Type": "text/plain"})
        assert r.status_code == 413
        assert c.post("/analyze", json={"text": ARTICLE[:300]}).status_code in (200, 422)


def test_time_limit_answers_503(store_file: Path) -> None:
    hasty = Settings.default().replace(api_timeout_seconds=0.0001)
    with TestClient(create_app(str(store_file), hasty)) as c:
        r = c.post("/analyze", json={"text": ARTICLE * 40})
        assert r.status_code == 503
        assert "longer than" in r.json()["detail"]


def test_unknown_route_and_method(client: TestClient) -> None:
    assert client.get("/nowhere").status_code == 404
    assert client.get("/analyze").status_code == 405
    assert client.delete("/events").status_code == 405


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) == {
        "/analyze",
        "/events",
        "/articles/{article_id}",
        "/dyads/{a}/{b}/series",
        "/entities",
        "/entities/{key}",
    }
    assert set(spec["paths"]["/analyze"]["post"]["requestBody"]["content"]) == {
        "application/json",
        "multipart/form-data",
        "text/plain",
    }
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN script
