"""Property-based tests: on any input only MarsadError escapes, and spans index the original.

Each target is a (strategy, check) pair in TARGETS; the tests run them with a small budget and
`fuzz/run.py` (`make fuzz`) runs the same pairs with a large one.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from marsad.errors import MarsadError, SourceError
from marsad.readers import formats
from marsad.readers.base import Document, decode, parse_date
from marsad.settings import Settings
from marsad.steps.base import RunContext
from marsad.steps.clean import Clean
from marsad.steps.ingest import documents_to_articles
from marsad.steps.segment import Segment
from marsad.text.dates import find_dates
from marsad.text.langid import identify, stopwords
from marsad.text.normalize import TABLE, normalize, normalize_with_offsets
from marsad.text.numbers import find_numbers, number_value
from marsad.text.quotes import find_quotes
from marsad.text.segment import clitic_analyses, split_sentences, tokenize

# Small caps keep each fuzzed reader call cheap; the caps themselves are exercised too.
S = Settings.default().replace(
    max_file_bytes=200_000, max_decompressed_bytes=200_000, min_arabic_ratio=0.3
)

# --- strategies ----------------------------------------------------------------------------------

ARABIC = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئةى"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # harakat, tatweel
BIDI = "\u200e\u200f\u202a\u202b\u202c\u202e\u2066\u2067\u2069\u200b\u200c\u200d\ufeff"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳"
PUNCT = ".!?؟…؛،,:«»\"“”'()-–/%٪٫٬"
SPACE = " \n\t\r\u00a0"
LATIN = "abcdefghijklmnopqrstuvwxyzéèàç"
ALPHABET = ARABIC + MARKS + BIDI + DIGITS + PUNCT + SPACE + LATIN

# Words that make the date, number and quote patterns fire, so the fuzzer reaches deep code.
WORDS = [
    "قال",
    "وأضاف",
    "أكد",
    "إن",
    "أن",
    "موضحا",
    "الرئيس",
    "بايدن",
    "أمس",
    "الخميس",
    "الأسبوع",
    "الماضي",
    "المقبل",
    "منذ",
    "أيام",
    "يناير",
    "كانون",
    "الثاني",
    "جانفي",
    "رمضان",
    "1442",
    "هـ",
    "عام",
    "العام",
    "لمدة",
    "سنوات",
    "حتى",
    "مطلع",
    "ثلاثة",
    "عشر",
    "مئة",
    "ألف",
    "مليون",
    "مليار",
    "دولار",
    "بالمئة",
    "شخصا",
    "قتيلا",
    "2021",
    "05/02/2021",
    "3.5",
    "1,000",
    "٪",
    "«",
    "»",
    ".",
    "؟",
    "،",
    "\n",
    "د.",
]

arabic_text = st.text(alphabet=ALPHABET, max_size=300)
word_text = st.lists(
    st.one_of(st.sampled_from(WORDS), st.text(alphabet=ALPHABET, max_size=6)), max_size=40
).map(" ".join)
any_text = st.one_of(arabic_text, word_text, st.text(max_size=200))
published = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def _json_bytes(records: list[Any]) -> bytes:
    return json.dumps(records, ensure_ascii=False).encode()


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), any_text),
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
record = st.fixed_dictionaries(
    {},
    optional={
        "id": json_value,
        "title": st.one_of(any_text, json_value),
        "text": st.one_of(any_text, json_value),
        "date": st.one_of(st.text(alphabet=DIGITS + "-/.T: ", max_size=25), json_value),
        "url": json_value,
        "source": json_value,
    },
)
encoded_text = st.tuples(
    any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256", "latin-1"])
).map(lambda t: t[0].encode(t[1], errors="replace"))
raw_bytes = st.one_of(st.binary(max_size=400), encoded_text)
jsonl_bytes = st.lists(
    st.one_of(record.map(lambda r: json.dumps(r, ensure_ascii=False)), any_text), max_size=6
).map(lambda lines: "\n".join(lines).encode("utf-8", errors="replace"))
json_bytes = st.one_of(st.lists(record, max_size=4).map(_json_bytes), raw_bytes)
html_bytes = st.one_of(
    st.tuples(any_text, any_text, st.integers(0, 30)).map(
        lambda t: (
            f"<html><head><title>{t[0]}</title></head><body>"
            + "<div>" * t[2]
            + f"<p>{t[1]}</p>"
            + "</div>" * t[2]
            + "</body></html>"
        ).encode("utf-8", errors="replace")
    ),
    raw_bytes,
)


def _gz(payload: bytes) -> bytes:
    return gzip.compress(payload, mtime=0)


def _first(pair: tuple[str, bytes]) -> str:
    return pair[0]


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


member_name = st.sampled_from(["a.txt", "b.json", "c.jsonl", "d.html", "e.txt.gz", "f"])
gz_bytes = st.one_of(
    st.one_of(jsonl_bytes, raw_bytes).map(_gz),
    st.one_of(jsonl_bytes, raw_bytes).map(_gz).map(lambda b: b[: max(1, len(b) // 2)]),
    raw_bytes,
)
zip_bytes = st.one_of(
    st.lists(
        st.tuples(member_name, st.one_of(jsonl_bytes, raw_bytes)), max_size=3, unique_by=_first
    ).map(_zip),
    st.lists(st.tuples(member_name, raw_bytes), min_size=1, max_size=2, unique_by=_first)
    .map(_zip)
    .map(lambda b: b[: max(1, len(b) * 2 // 3)]),
    raw_bytes,
)


def _warc(pages: list[bytes], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i, page in enumerate(pages):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            f"https://example.org/{i}", "response", payload=io.BytesIO(page), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


warc_bytes = st.one_of(
    st.tuples(st.lists(html_bytes, max_size=3), st.booleans(), st.integers(0, 400)).map(
        lambda t: (lambda w: w[: max(0, len(w) - t[2])])(_warc(t[0], t[1]))
    ),
    raw_bytes,
)

# --- checks ----------------------------------------------------------------------------------------


def _span_ok(text: str, start: int, end: int, sub: str | None = None) -> None:
    assert 0 <= start <= end <= len(text), (start, end, len(text))
    if sub is not None:
        assert text[start:end] == sub


def check_normalize(text: str) -> None:
    norm = normalize(text)
    assert normalize(norm) == norm
    out, offsets = normalize_with_offsets(text)
    assert out == norm
    assert len(offsets) == len(out) + 1 and offsets[-1] == len(text)
    assert offsets == sorted(offsets)
    for ch, o in zip(out, offsets, strict=False):
        assert ch in TABLE.get(text[o], text[o])


def check_sentences(text: str) -> None:
    last = 0
    for span in split_sentences(text):
        _span_ok(text, span.start, span.end)
        assert span.start >= last and span.end > span.start
        piece = text[span.start : span.end]
        assert "\n" not in piece and piece == piece.strip()
        last = span.end
    last = 0
    for tok in tokenize(text):
        _span_ok(text, tok.start, tok.end)
        assert tok.start >= last and tok.end > tok.start
        last = tok.end


def check_clitics(word: str) -> None:
    norm = normalize(word)
    analyses = clitic_analyses(norm)
    assert analyses[0] == ("", norm, "")
    for pre, stem, suf in analyses:
        assert pre + stem + suf == norm


def check_dates(args: tuple[str, date | None]) -> None:
    text, day = args
    for m in find_dates(text, day):
        _span_ok(text, m.start, m.end, m.text)
        if m.value is not None:
            assert isinstance(m.value, str)


def check_numbers(text: str) -> None:
    for m in find_numbers(text):
        _span_ok(text, m.start, m.end, m.text)
        assert isinstance(m.value, float)
    value = number_value(normalize(text))
    assert value is None or isinstance(value, float)


def check_quotes(text: str) -> None:
    for q in find_quotes(text):
        _span_ok(text, q.start, q.end, q.text)
        if q.speaker_start is not None and q.speaker_end is not None:
            _span_ok(text, q.speaker_start, q.speaker_end)


def check_parse_date(value: Any) -> None:
    got = parse_date(value)
    assert got is None or isinstance(got, date)


def check_langid(text: str) -> None:
    lang = identify(text)
    assert lang in {"ar", "other", "unknown", *stopwords()}


def check_decode(data: bytes) -> None:
    text = decode(data, "x")
    assert isinstance(text, str) and "\r" not in text


def _reader(fn: Callable[[bytes, str, Settings], Any], name: str) -> Callable[[bytes], None]:
    def check(data: bytes) -> None:
        for item in fn(data, name, S):
            assert isinstance(item, Document | SourceError), item
            if isinstance(item, Document):
                assert isinstance(item.text, str) and isinstance(item.title, str)
                assert item.published is None or isinstance(item.published, date)

    return check


def check_pipeline(data: bytes) -> None:
    """Reading, the language check, cleaning and sentence splitting, end to end."""
    ctx = RunContext(settings=S)
    stream = documents_to_articles(formats.read_txt(data, "x.txt", S), ctx)
    for article in Segment().run(Clean().run(stream, ctx), ctx):
        for p in article.paragraphs:
            _span_ok(article.text, p.start, p.end)
        for s in article.sentences:
            _span_ok(article.text, s.start, s.end, s.text)
    assert ctx.stats["read"] == 1


@dataclass(frozen=True)
class Target:
    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], None]
    weight: int = 1  # share of the long fuzz budget (cheap targets get more)


TARGETS: tuple[Target, ...] = (
    Target("normalize", any_text, check_normalize, 12),
    Target("segment", any_text, check_sentences, 12),
    Target("clitics", st.text(alphabet=ARABIC + MARKS, max_size=12), check_clitics, 8),
    Target("dates", st.tuples(any_text, published), check_dates, 8),
    Target("numbers", any_text, check_numbers, 8),
    Target("quotes", any_text, check_quotes, 6),
    Target(
        "parse_date",
        st.one_of(st.text(alphabet=DIGITS + "-/.T: ", max_size=25), json_value),
        check_parse_date,
        8,
    ),
    Target("langid", any_text, check_langid, 8),
    Target("decode", raw_bytes, check_decode, 8),
    Target("read_txt", raw_bytes, _reader(formats.read_txt, "x.txt"), 6),
    Target("read_json", json_bytes, _reader(formats.read_json, "x.json"), 4),
    Target("read_jsonl", jsonl_bytes, _reader(formats.read_jsonl, "x.jsonl"), 4),
    Target("read_gz", gz_bytes, _reader(formats.read_gz, "x.jsonl.gz"), 3),
    Target("read_zip", zip_bytes, _reader(formats.read_zip, "x.zip"), 2),
    Target("read_html", html_bytes, _reader(formats.read_html, "x.html"), 1),
    Target("read_warc", warc_bytes, _reader(formats.read_warc, "x.warc"), 1),
    Target("pipeline", st.one_of(encoded_text, word_text.map(str.encode)), check_pipeline, 3),
)


def only_marsad_errors(check: Callable[[Any], None]) -> Callable[[Any], None]:
    """Run a check; a MarsadError is an allowed outcome, any other exception a failure."""

    def run(value: Any) -> None:
        with contextlib.suppress(MarsadError):
            check(value)

    return run


def property_test(target: Target, examples: int) -> Callable[[], None]:
    return settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )(given(target.strategy)(only_marsad_errors(target.check)))


# --- the tests: small budgets, the whole suite shares two cores --------------------------------------

_BY_NAME = {t.name: t for t in TARGETS}


def _budget(name: str) -> int:
    return 25 if name in {"read_html", "read_warc", "pipeline", "read_zip"} else 80


def test_normalize_fuzz() -> None:
    property_test(_BY_NAME["normalize"], _budget("normalize"))()


def test_segment_fuzz() -> None:
    property_test(_BY_NAME["segment"], _budget("segment"))()


def test_clitics_fuzz() -> None:
    property_test(_BY_NAME["clitics"], _budget("clitics"))()


def test_dates_fuzz() -> None:
    property_test(_BY_NAME["dates"], _budget("dates"))()


def test_numbers_fuzz() -> None:
    property_test(_BY_NAME["numbers"], _budget("numbers"))()


def test_quotes_fuzz() -> None:
    property_test(_BY_NAME["quotes"], _budget("quotes"))()


def test_parse_date_fuzz() -> None:
    property_test(_BY_NAME["parse_date"], _budget("parse_date"))()


def test_langid_fuzz() -> None:
    property_test(_BY_NAME["langid"], _budget("langid"))()


def test_decode_fuzz() -> None:
    property_test(_BY_NAME["decode"], _budget("decode"))()


def test_readers_fuzz() -> None:
    for name in ("read_txt", "read_json", "read_jsonl", "read_gz", "read_zip"):
        property_test(_BY_NAME[name], _budget(name))()


def test_html_and_warc_readers_fuzz() -> None:
    for name in ("read_html", "read_warc"):
        property_test(_BY_NAME[name], _budget(name))()


def test_pipeline_fuzz() -> None:
    property_test(_BY_NAME["pipeline"], _budget("pipeline"))()


def test_every_target_has_a_test() -> None:
    tested = {n.removeprefix("test_").removesuffix("_fuzz") for n in globals() if "_fuzz" in n}
    readers = {t.name for t in TARGETS if t.name.startswith("read_")}
    assert {t.name for t in TARGETS} - readers <= tested
