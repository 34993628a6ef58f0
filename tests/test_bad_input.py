"""A corpus of bad inputs, written by the test: each gets its one-line reason, the batch goes on.

Every run must add up: read = stored + duplicates + skipped + failed, in the summary, in the
store's `failures` table, and in the CLI's `error: PATH: reason` / `skipped: PATH: reason` lines.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import marsad
from marsad.cli import main
from marsad.errors import SourceError
from marsad.readers import Document, formats
from marsad.settings import Settings
from marsad.store import Store
from marsad.text.langid import identify, language_name

from .conftest import ARTICLE

CAP = 1_000_000  # max_decompressed_bytes for the run, so the gzip bomb stays small to build


CITIES = ("بغداد", "دمشق", "عمان", "الرياض", "الدوحة", "تونس", "الرباط", "بيروت", "الكويت", "مسقط")


def article(n: int) -> str:
    """A distinct Arabic article: the shared test article under a numbered headline."""
    headline, body = ARTICLE.split("\n", 1)
    return f"{headline} في {CITIES[n]}\n{body}"


def html(body: str) -> str:
    title, rest = body.split("\n", 1)
    paras = "".join(f"<p>{line}</p>" for line in rest.splitlines() if line.strip())
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    )


def warc(pages: list[str]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=False)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://example.org/{i}",
                "response",
                payload=io.BytesIO(page.encode()),
                http_headers=headers,
            )
        )
    return buf.getvalue()


def decorate(text: str) -> str:
    """Arabic as some sites publish it: a fatha, a tatweel and bidi marks on every long word."""
    out = []
    for word in re.split(r"( )", text):
        if len(word.strip()) > 3:
            word = "\u200f" + word[0] + "\u064e" + word[1] + "ـ" + word[2:] + "\u200e"
        out.append(word)
    return "".join(out)


ENGLISH = (
    "The foreign minister met his Jordanian counterpart\n"
    "The two ministers discussed the situation in the region and agreed to keep in touch.\n"
)
FRENCH = (
    "Le ministre des affaires étrangères a reçu son homologue jordanien\n"
    "Les deux ministres ont discuté de la situation dans la région et de la coopération.\n"
)
RUSSIAN = "Министр иностранных дел встретился с коллегой\nМинистры обсудили ситуацию в регионе.\n"
LONG_LINE = "خبر " * 7_142_857 + "."  # 50,000,000 bytes of UTF-8, 28,571,429 characters, one line


def build(folder: Path) -> tuple[int, set[str], set[str]]:
    """Write the corpus; return (articles to store, expected error lines, expected skip lines)."""
    folder.mkdir()
    f = folder.joinpath
    f("01_empty.txt").write_bytes(b"")
    f("02_blank.txt").write_bytes(b"  \n\t\r\n ")
    f("03_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01" * 20)
    f("04_utf16.txt").write_bytes(article(1).encode("utf-16"))
    f("05_utf16le.txt").write_bytes(article(2).encode("utf-16-le"))
    f("06_copy.txt").write_text(article(1), encoding="utf-8")  # same text as 04: a duplicate
    f("07_cp1256.txt").write_bytes(article(3).encode("cp1256"))
    f("08_bom_lies.txt").write_bytes(b"\xef\xbb\xbf" + article(4).encode("cp1256"))
    f("09_charset_lies.html").write_bytes(html(article(5)).encode("cp1256"))  # says utf-8
    f("10_latin1.txt").write_bytes("café naïve résumé\n".encode("latin-1"))
    f("11_long_line.txt").write_text(LONG_LINE, encoding="utf-8")
    assert f("11_long_line.txt").stat().st_size == 50_000_000
    f("12_nested.html").write_text(
        "<html><body>" + "<div>" * 10_000 + article(6) + "</div>" * 10_000 + "</body></html>",
        encoding="utf-8",
    )
    lines = [
        json.dumps({"id": "j1", "text": article(7)}, ensure_ascii=False),
        '{"id": "j2", "text": "نص',
        json.dumps({"id": "j3", "text": article(8)}, ensure_ascii=False),
        json.dumps({"id": "j4"}),
        "[1, 2]",
    ]
    f("13_feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    f("14_bomb.txt.gz").write_bytes(gzip.compress(b"\0" * (5 * CAP)))
    data = warc([html(article(9)), html(article(0))])
    f("15_cut.warc").write_bytes(data[:-300])
    f("16_english.txt").write_text(ENGLISH, encoding="utf-8")
    f("17_french.txt").write_text(FRENCH, encoding="utf-8")
    f("18_russian.txt").write_text(RUSSIAN, encoding="utf-8")
    f("19_marks.txt").write_text(decorate(article(4)), encoding="utf-8")
    f("20_numbers.txt").write_text("2021 - 05 / 02 ... 3.5%\n", encoding="utf-8")
    errors = {
        f"{f('01_empty.txt')}: empty file",
        f"{f('02_blank.txt')}: empty file",
        f"{f('03_binary.txt')}: binary file (contains NUL bytes)",
        f"{f('08_bom_lies.txt')}: starts with a utf-8-sig byte-order mark but does not decode",
        f"{f('10_latin1.txt')}: not valid UTF-8 (byte 3) nor Windows-1256 Arabic",
        f"{f('11_long_line.txt')}: article has 28,571,429 characters, over the 2,000,000 cap",
        f"{f('12_nested.html')}: no main text found in HTML (tags nested over 255 deep)",
        f"{f('13_feed.jsonl')}:2: malformed JSON line (column 22: Unterminated string starting at)",
        f"{f('13_feed.jsonl')}:4: no text in field 'text'",
        f"{f('13_feed.jsonl')}:5: expected a JSON object, got list",
        f"{f('14_bomb.txt.gz')}: gzip expands past the 1,000,000-byte cap",
        f"{f('15_cut.warc')}#2: truncated WARC record (ends before its Content-Length)",
    }
    skips = {
        f"{f('16_english.txt')}: not Arabic (English, 0% Arabic letters)",
        f"{f('17_french.txt')}: not Arabic (French, 0% Arabic letters)",
        f"{f('18_russian.txt')}: not Arabic (another language, 0% Arabic letters)",
        f"{f('20_numbers.txt')}: not Arabic (no letters)",
    }
    # 04, 05, 07, 09, 13:1, 13:3, 15#1, 19 are stored; 06 is a duplicate of 04.
    return 8, errors, skips


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, set[str], set[str]]:
    folder = tmp_path_factory.mktemp("bad") / "corpus"
    return (folder, *build(folder))


def test_library_ingest_adds_up(
    corpus: tuple[Path, int, set[str], set[str]], tmp_path: Path
) -> None:
    folder, stored, errors, skips = corpus
    db = tmp_path / "bad.duckdb"
    settings = Settings.default().replace(max_decompressed_bytes=CAP)
    summary = marsad.ingest([str(folder)], str(db), settings, ner="none").summary()
    failed = {f"{e['path']}: {e['reason']}" for e in summary["failed"]}
    skipped = {f"{e['path']}: {e['reason']}" for e in summary["skipped"]}
    assert failed == errors
    assert skipped == skips
    assert (summary["stored"], summary["duplicates"]) == (stored, 1)
    assert summary["read"] == 25
    assert summary["read"] == (
        summary["stored"] + summary["duplicates"] + len(summary["skipped"]) + len(summary["failed"])
    )
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT path, reason, kind FROM failures")
        assert {f"{r['path']}: {r['reason']}" for r in rows if r["kind"] == "failed"} == errors
        assert {f"{r['path']}: {r['reason']}" for r in rows if r["kind"] == "skipped"} == skips
        assert store.counts()["articles"] == stored
        paths = {r["path"] for r in store.query("SELECT path FROM articles")}
    assert {Path(p.split("#")[0].split(":")[0]).name for p in paths} == {
        "04_utf16.txt",
        "05_utf16le.txt",
        "07_cp1256.txt",
        "09_charset_lies.html",
        "13_feed.jsonl",
        "15_cut.warc",
        "19_marks.txt",
    }


def test_cli_reports_every_bad_input_on_one_line(
    corpus: tuple[Path, int, set[str], set[str]], tmp_path: Path
) -> None:
    folder, stored, errors, skips = corpus
    args = ["-s", f"max_decompressed_bytes={CAP}", "ingest", str(folder)]
    r = CliRunner().invoke(
        main, [*args, "--db", str(tmp_path / "c.duckdb"), "--json", "--ner", "none"]
    )
    assert r.exit_code == 0, r.output
    lines = set(r.stderr.splitlines())
    assert lines == {f"error: {e}" for e in errors} | {f"skipped: {s}" for s in skips}
    summary = json.loads(r.stdout)
    assert summary["stored"] == stored
    assert summary["read"] == stored + 1 + len(errors) + len(skips)


def test_marks_everywhere_change_nothing_but_spans() -> None:
    """Diacritics, tatweel and bidi marks: same entities and events, spans on the marked text."""
    plain = marsad.analyze_text(article(4), ner="none")
    marked_text = decorate(article(4))
    marked = marsad.analyze_text(marked_text, ner="none")
    assert [(e.name, e.code) for e in marked.entities] == [(e.name, e.code) for e in plain.entities]
    assert [(e.cameo, e.source.get("code"), e.target.get("code")) for e in marked.events] == [
        ("040", "EGYGOV", "JORGOV"),
        ("041", "EGYGOV", "JORGOV"),
    ]
    assert len(marked.sentences) == len(plain.sentences) == 5
    for s in marked.sentences:
        assert marked_text[s.start : s.end] == s.text
    for ent in marked.entities:
        for m in ent.mentions:
            assert marked_text[m.start : m.end] == m.text
    assert marked.events[0].trigger == "يَبـحث"


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        (ENGLISH, "en", "English"),
        (FRENCH, "fr", "French"),
        (
            "El gobierno y el presidente dijeron que la reunión fue un éxito para los dos países.",
            "es",
            "Spanish",
        ),
        (
            "Die Regierung und der Präsident sagten, dass das Treffen ein Erfolg für die Länder war.",
            "de",
            "German",
        ),
        (RUSSIAN, "other", "another language"),
        ("lorem ipsum dolor sit amet consectetur adipiscing", "other", "another language"),
        (ARTICLE + ENGLISH, "ar", "Arabic"),
        ("2021 - 05 / 02 ... 3.5%", "unknown", "no letters"),
    ],
)
def test_language_identifier(text: str, code: str, name: str) -> None:
    assert identify(text) == code
    assert language_name(code) == name


def _zip(name: str, data: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(name, data)
    return buf.getvalue()


def reasons(items: Iterator[Document | SourceError]) -> list[str]:
    """The errors a reader yields, and the one it raises (the dispatcher records both)."""
    out = []
    try:
        out = [str(i) for i in items if isinstance(i, SourceError)]
    except SourceError as err:
        out.append(str(err))
    return out


def test_inputs_the_fuzzer_found(tmp_path: Path) -> None:
    """Each of these once raised a raw exception out of a reader."""
    s = Settings.default()
    packed = bytearray(gzip.compress("خبر عاجل ".encode() * 200, mtime=0))
    packed[20] ^= 0xFF  # corrupt the deflate stream, not the header
    got = reasons(formats.read_gz(bytes(packed), "x.txt.gz", s))
    assert len(got) == 1 and got[0].startswith("x.txt.gz: not a valid gzip file (Error -3 ")
    nested = _zip("c.zip", _zip("d.zip", _zip("e.zip", _zip("f.txt", ARTICLE.encode()))))
    assert reasons(formats.read_zip(nested, "x.zip", s)) == [
        "x.zip!c.zip!d.zip!e.zip: archives nested more than 3 deep"
    ]
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>x</p>"
    no_uri = (
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: "
        + str(len(http)).encode()
        + b"\r\n\r\n"
        + http
        + b"\r\n\r\n"
    )
    assert reasons(formats.read_warc(no_uri, "x.warc", s)) == [
        "x.warc: truncated or corrupt WARC record after 0 records (AttributeError)"
    ]
