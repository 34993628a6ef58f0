"""The HTTP API over a store holding the bundled examples: every endpoint, good and bad requests."""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient

from marsad import pipeline
from marsad.events.tables import cameo_name
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
    assert art["total"] == 4 and {e["article_id"] for e in art["events"]} == {ex1_id(store_file)}
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


def test_cameo_names_in_english_and_arabic(client: TestClient, store_file: Path) -> None:
    calls = client.get("/events", params={"code": "041"}).json()["events"]
    assert calls
    for e in calls:
        assert (e["name"], e["name_ar"]) == ("telephone discussion", "مباحثات هاتفية")
    for e in client.get("/events", params={"limit": 500}).json()["events"]:
        assert e["name_ar"] == cameo_name(e["cameo"], "ar") and e["name_ar"]
    view = client.get(f"/articles/{ex1_id(store_file)}").json()
    assert all(ev["name_ar"] and ev["name"] for ev in view["events"])
    series = client.get("/dyads/EGY/JOR/series").json()
    top = series["periods"][0]["top_codes"]
    assert top and all(t["name_ar"] == cameo_name(t["cameo"], "ar") for t in top)
    assert all("name_ar" not in e for e in view["entities"])  # entities keep their own names


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
    assert len(view["events"]) == 4
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
    # Egypt's side of the agreement one way; Safadi's call, his side of the agreement and his
    # praise the other way.
    assert week["records"] == 4 and week["quad_counts"] == {"1": 4, "2": 0, "3": 0, "4": 0}
    assert week["a_to_b"]["records"] == 1 and week["b_to_a"]["records"] == 3
    assert series["trend"]["direction"] == "too few periods"
    by_day = client.get("/dyads/egy/jor/series", params={"by": "day"}).json()
    assert [p["period"] for p in by_day["periods"]] == ["2022-08-30", "2022-08-31"]
    window = client.get(
        "/dyads/EGY/JOR/series", params={"by": "month", "start": "2022-07-01", "end": "2022-09-30"}
    ).json()
    assert [p["records"] for p in window["periods"]] == [0, 4, 0]
    none = client.get("/dyads/EGY/JOR/series", params={"min_confidence": 1.0}).json()
    assert (none["min_confidence"], none["periods"]) == (1.0, [])


def test_dyad_series_min_confidence_is_the_library_output(
    client: TestClient, store_file: Path
) -> None:
    from marsad import analytics

    with Store(store_file, read_only=True) as store:
        [(sure,)] = store.con.execute(
            "SELECT max(confidence) FROM events WHERE source_code LIKE 'EGY%'"
            " AND target_code LIKE 'JOR%'"
        ).fetchall()
        expected = analytics.dyad_series(store, "EGY", "JOR", by="day", min_confidence=sure)
    got = client.get("/dyads/EGY/JOR/series", params={"min_confidence": sure, "by": "day"})
    ids = [(p["period"], p["record_ids"]) for p in got.json()["periods"]]
    assert ids == [(p["period"], p["record_ids"]) for p in expected["periods"]]
    assert 0 < sum(len(r) for _, r in ids) < 4  # some of the week's 4 records, not all


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/dyads/EGY/JOR/series", {"by": "fortnight"}),
        ("/dyads/EGY/JOR/series", {"start": "2022-02-30"}),
        ("/dyads/EGY/JOR/series", {"start": "-1.2e-177"}),
        ("/dyads/EGY/JOR/series", {"min_confidence": 1.5}),
        ("/dyads/EGY/JOR/series", {"min_confidence": "high"}),
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
    assert article["path"] == "<upload>"  # the client's file name is never used as a path


# Upload fixtures, written for these tests: the Egyptian-Jordanian call of ARTICLE in every
# format the readers take, and a second short Arabic article for files holding two.
TITLE, BODY = ARTICLE.split("\n", 1)
SECOND = (
    "الرئيس يستقبل وفدا برلمانيا أردنيا",
    "استقبل الرئيس المصري اليوم وفدا برلمانيا أردنيا في القاهرة لبحث التعاون بين البلدين.\n",
)
PAGE = (
    "<!doctype html><html><head><title>{title}</title>"
    '<meta property="article:published_time" content="2021-02-04"></head><body>'
    "<nav>الرئيسية | أخبار | رياضة</nav><article><h1>{title}</h1>{paragraphs}</article>"
    "<footer>جميع الحقوق محفوظة</footer></body></html>"
)


def html_page(title: str, body: str) -> str:
    paragraphs = "".join(f"<p>{line}</p>" for line in body.splitlines() if line.strip())
    return PAGE.format(title=title, paragraphs=paragraphs)


def warc(pages: list[tuple[str, str]], gz: bool = False, encoding: str = "") -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, html in pages:
        fields = [("Content-Type", "text/html; charset=utf-8")]
        if encoding:
            fields.append(("Content-Encoding", encoding))
        headers = StatusAndHeaders("200 OK", fields, protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        writer.write_record(record)
    return buf.getvalue()


def record(title: str, body: str, **extra: str) -> dict[str, str]:
    return {"title": title, "text": body, **extra}


def upload(
    client: TestClient, name: str | None, data: bytes, media: str | None = None, **form: str
) -> Any:
    """POST one file part (and form fields) to /analyze; the TestClient's response."""
    part: Any = (name, data) if media is None else (name, data, media)
    return client.post("/analyze", files={"file": part}, data=form)


def assert_call(article: dict[str, Any]) -> None:
    """The article is ARTICLE's call, analysed: its actors and its telephone-call event."""
    assert {e["code"] for e in article["entities"]} >= {"EGYGOV", "JORGOV"}
    assert "041" in {e["cameo"] for e in article["events"]}


def test_upload_json_object_keeps_its_metadata(client: TestClient) -> None:
    doc = record(
        TITLE, BODY, id="a-17", date="2021-02-04", url="https://example.org/a", source="وكالة"
    )
    r = upload(client, "article.json", json.dumps(doc, ensure_ascii=False).encode())
    assert r.status_code == 200, r.text
    body = r.json()
    (article,) = body["articles"]
    assert (article["title"], article["source_id"], article["published"]) == (
        TITLE,
        "a-17",
        "2021-02-04",
    )
    assert (article["url"], article["source"], article["path"]) == (
        "https://example.org/a",
        "وكالة",
        "<upload>",
    )
    assert article["text"] == f"{TITLE}\n{BODY}"
    assert body["skipped"] == []
    assert_call(article)


def test_upload_json_array_and_published_for_undated(client: TestClient) -> None:
    docs = [record(TITLE, BODY, date="2021-02-03"), record(*SECOND)]
    r = upload(client, "batch.json", json.dumps(docs).encode(), published="2021-02-04")
    assert r.status_code == 200, r.text
    first, second = r.json()["articles"]
    assert (first["path"], second["path"]) == ("<upload>[0]", "<upload>[1]")
    assert (first["published"], second["published"]) == ("2021-02-03", "2021-02-04")
    assert second["title"] == SECOND[0]
    assert_call(first)


@pytest.mark.parametrize("name", ["batch.jsonl", "batch.ndjson", None])
def test_upload_jsonl(client: TestClient, name: str | None) -> None:
    lines = [json.dumps(record(TITLE, BODY)), "", json.dumps(record(*SECOND))]
    media = None if name else "application/x-ndjson"  # no name: the part's type decides
    r = upload(client, name, "\n".join(lines).encode(), media)
    assert r.status_code == 200, r.text
    arts = r.json()["articles"]
    assert [a["path"] for a in arts] == ["<upload>:1", "<upload>:3"]
    assert_call(arts[0])


@pytest.mark.parametrize(
    ("name", "media"),
    [
        ("page.html", None),
        ("page.htm", "application/octet-stream"),
        ("page", "text/html"),
        (None, None),
    ],
)
def test_upload_html_main_text_only(
    client: TestClient, name: str | None, media: str | None
) -> None:
    r = upload(client, name, html_page(TITLE, BODY).encode(), media)
    assert r.status_code == 200, r.text
    (article,) = r.json()["articles"]
    assert article["title"] == TITLE and article["published"] == "2021-02-04"
    assert "أجرى وزير الخارجية المصري اتصالا هاتفيا" in article["text"]
    assert "الرئيسية | أخبار" not in article["text"]  # trafilatura dropped the boilerplate
    assert "<p>" not in article["text"]
    assert_call(article)


@pytest.mark.parametrize(
    ("name", "gz"), [("crawl.warc", False), ("crawl.warc.gz", True), (None, True)]
)
def test_upload_warc(client: TestClient, name: str | None, gz: bool) -> None:
    data = warc(
        [
            ("https://example.org/a", html_page(TITLE, BODY)),
            ("https://example.org/b", html_page(*SECOND)),
        ],
        gz=gz,
    )
    r = upload(client, name, data)
    assert r.status_code == 200, r.text
    first, second = r.json()["articles"]
    assert (first["url"], second["url"]) == ("https://example.org/a", "https://example.org/b")
    assert (first["path"], second["path"]) == ("<upload>#1", "<upload>#2")
    assert first["source_id"].startswith("<urn:uuid:")
    assert_call(first)


def test_upload_gzipped_json_and_skipped_documents(client: TestClient) -> None:
    docs = [record(TITLE, BODY), record("Weather", "Sunny skies are expected over the weekend.")]
    r = upload(client, "batch.json.gz", gzip.compress(json.dumps(docs).encode()))
    assert r.status_code == 200, r.text
    body = r.json()
    assert len(body["articles"]) == 1
    (skipped,) = body["skipped"]
    assert skipped["path"] == "<upload>[1]" and "not Arabic" in skipped["reason"]


def test_upload_text_in_windows_1256(client: TestClient) -> None:
    r = upload(client, "article.txt", ARTICLE.encode("cp1256"))
    assert r.status_code == 200, r.text
    (article,) = r.json()["articles"]
    assert article["text"] == ARTICLE and article["source_id"] is None


def test_upload_gzip_is_capped_at_the_body_limit(store_file: Path) -> None:
    small = Settings.default().replace(api_max_body_bytes=20_000)
    with TestClient(create_app(str(store_file), small)) as c:
        bomb = gzip.compress(b"\xd8\xa7 " * 50_000)  # 100 kB of Arabic letters in ~300 bytes
        r = upload(c, "bomb.txt.gz", bomb)
        assert r.status_code == 422
        assert r.json()["detail"] == "<upload>: gzip expands past the 20,000-byte cap"


def test_uploads_keep_the_token_and_the_body_limit(store_file: Path) -> None:
    locked = Settings.default().replace(api_token="s3cret-token", api_max_body_bytes=4000)
    doc = json.dumps(record(TITLE, BODY)).encode()
    with TestClient(create_app(str(store_file), locked)) as c:
        r = upload(c, "article.json", doc)
        assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
        c.headers["Authorization"] = "Bearer s3cret-token"
        assert upload(c, "article.json", doc).status_code == 200
        r = upload(c, "batch.json", json.dumps([record(TITLE, BODY)] * 10).encode())
        assert r.status_code == 413
        assert r.json()["detail"] == "request body is over the 4,000-byte limit"


BAD_UPLOADS = [
    ("article.json", b'{"title": "x", "text": ', None, 422, "<upload>: malformed JSON at line 1"),
    ("article.json", b"[]", None, 422, "<upload>: no article found in the file"),
    ("article.json", b'["just a string"]', None, 422, "expected a JSON object, got str"),
    ("article.json", b'{"title": "no body"}', None, 422, "no text in field 'text'"),
    ("batch.jsonl", b'{"text": "\xd8\xa7"}\n{oops\n', None, 422, "<upload>:2: malformed JSON line"),
    (
        "page.html",
        b"<html><body><div></div></body></html>",
        None,
        422,
        "no main text found in HTML",
    ),
    ("page.html", b"<html>" + b"<div>" * 400 + b"</html>", None, 422, "nested over 255 deep"),
    ("crawl.warc", b"WARC/1.0\r\nWARC-Type: resp", None, 422, "WARC"),
    ("crawl.warc", b"this is not a warc file at all", None, 422, "no HTML response record"),
    ("crawl.warc.gz", b"not gzip", None, 422, "<upload>: not a valid gzip file"),
    ("article.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", None, 422, "binary file"),
    (
        "article.txt",
        "مرحبا".encode() + b"\xff\xfe\xfa" * 3 + b"x\x81",
        None,
        422,
        "not valid UTF-8",
    ),
    ("article.txt", b"\xef\xbb\xbf\xff\xff", None, 422, "byte-order mark"),
    ("article.txt", b"  \n ", None, 422, "<upload>: empty file"),
    ("notes.txt", b"Hello, world. Nothing Arabic here at all.", None, 422, "not Arabic"),
    ("pages.zip", b"PK\x03\x04", None, 415, "zip archives are not accepted"),
    (None, b"PK\x03\x04", "application/zip", 415, "zip archives are not accepted"),
]


@pytest.mark.parametrize(("name", "data", "media", "status", "words"), BAD_UPLOADS)
def test_bad_uploads_get_one_line_4xx(
    client: TestClient, name: str | None, data: bytes, media: str | None, status: int, words: str
) -> None:
    r = upload(client, name, data, media)
    assert r.status_code == status, r.text
    detail = r.json()["detail"]
    assert words in detail and "\n" not in detail
    assert name is None or name not in detail  # the client's file name is never echoed


def test_warc_with_compressed_payloads_is_refused(client: TestClient) -> None:
    data = warc([("https://example.org/a", html_page(TITLE, BODY))], encoding="gzip")
    r = upload(client, "crawl.warc", data)
    assert r.status_code == 422
    assert "compressed HTTP payloads" in r.json()["detail"]


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
