"""Each reader on small inputs written by the test, and each bad-input case with its reason."""

from __future__ import annotations

import gzip
import io
import json
from datetime import date
from pathlib import Path

import pytest

from marsad.errors import SourceError
from marsad.readers import Document, iter_documents
from marsad.settings import Settings

from .conftest import ARTICLE

S = Settings.default()


def read(*paths: Path | str, settings: Settings = S) -> list[Document | SourceError]:
    return list(iter_documents([str(p) for p in paths], settings))


def docs(items: list[Document | SourceError]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def errors(items: list[Document | SourceError]) -> list[str]:
    return [str(i) for i in items if isinstance(i, SourceError)]


def test_txt_first_line_is_headline(tmp_path: Path) -> None:
    p = tmp_path / "a1.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    [d] = read(p)
    assert isinstance(d, Document)
    assert d.title == "وزير الخارجية المصري يبحث مع نظيره الأردني تطورات المنطقة"
    assert d.text == ARTICLE
    assert d.source_id == "a1"
    assert d.published is None


def test_txt_crlf_and_bom(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode())
    [d] = read(p)
    assert isinstance(d, Document) and d.text == ARTICLE


def test_utf16_and_windows_1256(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (tmp_path / "u16le.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (tmp_path / "cp.txt").write_bytes(ARTICLE.encode("cp1256"))
    got = read(tmp_path / "u16.txt", tmp_path / "u16le.txt", tmp_path / "cp.txt")
    assert [d.text for d in docs(got)] == [ARTICLE] * 3


def test_json_object_and_array_with_configured_fields(tmp_path: Path) -> None:
    rec = {
        "id": 42,
        "title": "عنوان الخبر",
        "text": "نص الخبر الأول.\nفقرة ثانية.",
        "date": "2021-02-05T10:00:00",
        "url": "https://example.org/1",
        "source": "وكالة",
    }
    (tmp_path / "one.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "many.json").write_text(json.dumps([rec, rec]), encoding="utf-8")
    [d] = read(tmp_path / "one.json")
    assert isinstance(d, Document)
    assert (d.source_id, d.title, d.published, d.url, d.source) == (
        "42",
        "عنوان الخبر",
        date(2021, 2, 5),
        "https://example.org/1",
        "وكالة",
    )
    assert d.text == "عنوان الخبر\nنص الخبر الأول.\nفقرة ثانية."
    assert len(docs(read(tmp_path / "many.json"))) == 2
    custom = S.replace(field_text="content", field_title="headline", field_id="guid")
    (tmp_path / "c.json").write_text(
        json.dumps({"guid": "x9", "headline": "خبر", "content": "متن"}), encoding="utf-8"
    )
    [c] = read(tmp_path / "c.json", settings=custom)
    assert isinstance(c, Document) and (c.source_id, c.title, c.text) == ("x9", "خبر", "خبر\nمتن")


def test_jsonl_malformed_line_reported_rest_read(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "title": "خبر أول", "text": "متن أول"}),
        '{"id": "b", "title": ',
        json.dumps({"id": "c", "text": ""}),
        json.dumps([1, 2]),
        json.dumps({"id": "d", "title": "خبر رابع", "text": "متن رابع", "date": "05/02/2021"}),
    ]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = read(p)
    assert [d.source_id for d in docs(got)] == ["a", "d"]
    assert docs(got)[1].published == date(2021, 2, 5)
    assert errors(got) == [
        f"{p}:2: malformed JSON line (column 22: Expecting value)",
        f"{p}:3: no text in field 'text'",
        f"{p}:4: expected a JSON object, got list",
    ]


def test_malformed_json_file(tmp_path: Path) -> None:
    p = tmp_path / "bad.json"
    p.write_text('{"title": "x",\n "text": ', encoding="utf-8")
    assert errors(read(p)) == [f"{p}: malformed JSON at line 2 column 10"]


HTML = """<html><head><title>الرئيس يستقبل وفدا برلمانيا</title>
<meta property="article:published_time" content="2022-03-14"></head><body>
<nav>الرئيسية | أخبار | رياضة</nav>
<article><h1>الرئيس يستقبل وفدا برلمانيا</h1>
<p>استقبل الرئيس اليوم وفدا برلمانيا رفيع المستوى في القصر الجمهوري لبحث التعاون الثنائي.</p>
<p>وقال المتحدث باسم الرئاسة إن اللقاء تناول ملفات الطاقة والتجارة والاستثمار بين البلدين.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html_main_text(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    [d] = read(p)
    assert isinstance(d, Document)
    assert d.title == "الرئيس يستقبل وفدا برلمانيا"
    assert "استقبل الرئيس اليوم وفدا برلمانيا" in d.text
    assert "الرئيسية | أخبار" not in d.text
    assert d.published == date(2022, 3, 14)


def _warc(records: list[tuple[str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, html in records:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        rec = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


@pytest.mark.parametrize("gz", [False, True])
def test_warc(tmp_path: Path, gz: bool) -> None:
    p = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    p.write_bytes(_warc([("https://example.org/a", HTML), ("https://example.org/b", HTML)], gz))
    got = docs(read(p))
    assert [d.url for d in got] == ["https://example.org/a", "https://example.org/b"]
    assert all("القصر الجمهوري" in d.text for d in got)


def test_truncated_warc_reports_error(tmp_path: Path) -> None:
    data = _warc([("https://example.org/a", HTML), ("https://example.org/b", HTML)], gz=False)
    p = tmp_path / "cut.warc"
    p.write_bytes(data[: len(data) - 300])
    got = read(p)
    assert len(docs(got)) == 1
    assert errors(got) == [f"{p}#2: truncated WARC record (ends before its Content-Length)"]


def test_gz_of_jsonl_and_cap(tmp_path: Path) -> None:
    p = tmp_path / "feed.jsonl.gz"
    p.write_bytes(gzip.compress(json.dumps({"id": 1, "title": "خبر", "text": "متن"}).encode()))
    [d] = read(p)
    assert isinstance(d, Document) and d.source_id == "1"
    big = tmp_path / "bomb.txt.gz"
    big.write_bytes(gzip.compress(b"a" * 5000))
    assert errors(read(big, settings=S.replace(max_decompressed_bytes=1000))) == [
        f"{big}: gzip expands past the 1,000-byte cap"
    ]


def test_folders_and_globs(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    assert [Path(d.path).name for d in docs(read(tmp_path))] == ["a.txt", "b.txt"]
    assert [Path(d.path).name for d in docs(read(f"{tmp_path}/**/*.txt"))] == ["a.txt", "b.txt"]
    assert errors(read(f"{tmp_path}/*.nothing")) == [
        f"{tmp_path}/*.nothing: no file matches this pattern"
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\n ", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (contains NUL bytes)"),
        (b"caf\xe9 na\xefve r\xe9sum\xe9", "not valid UTF-8 (byte 3) nor Windows-1256 Arabic"),
    ],
)
def test_bad_files(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    assert errors(read(p)) == [f"{p}: {reason}"]


def test_missing_and_oversized(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    assert errors(read(missing)) == [f"{missing}: no such file or folder"]
    p = tmp_path / "big.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    size = p.stat().st_size
    assert errors(read(p, settings=S.replace(max_file_bytes=100))) == [
        f"{p}: file is {size:,} bytes, over the 100-byte cap"
    ]


def test_batch_goes_on_after_bad_file(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_bytes(b"")
    (tmp_path / "2.txt").write_text(ARTICLE, encoding="utf-8")
    got = read(tmp_path)
    assert len(docs(got)) == 1 and len(errors(got)) == 1


def test_progress_total_counts_items_without_extracting_html(tmp_path: Path) -> None:
    from marsad.readers.dispatch import count_items

    settings = Settings.default()
    lines = [
        json.dumps({"text": ARTICLE}, ensure_ascii=False),
        "{broken",
        json.dumps({"text": "x"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    # Not a page trafilatura could read: counted as one item all the same (no extraction).
    (tmp_path / "page.html").write_text("<html><body></body></html>", encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert count_items(paths, settings) == 3 + 1 + 1 + 1
    assert count_items(paths, settings) == sum(1 for _ in iter_documents(paths, settings))
    (tmp_path / "crawl.warc").write_bytes(b"")
    assert count_items([str(tmp_path)], settings) is None  # WARC: unknown without parsing
    assert count_items(["-"], settings) is None
