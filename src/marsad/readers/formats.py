"""One function per input format: bytes in, Documents (or SourceErrors) out."""

from __future__ import annotations

import contextlib
import io
import json
import re
import warnings
import zlib
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from marsad.errors import SourceError
from marsad.readers.base import (
    Document,
    ReadResult,
    decode,
    gunzip_capped,
    join_title,
    parse_date,
    split_headline,
)
from marsad.settings import Settings


def read_txt(data: bytes, name: str, settings: Settings) -> Iterator[ReadResult]:
    """Plain text: the first line is the headline, the rest the body."""
    text = decode(data, name)
    title, text = split_headline(text)
    if not title:
        raise SourceError(name, "empty file")
    yield Document(path=name, text=text, title=title, source_id=PurePath(name).stem or None)


def _record(obj: Any, where: str, settings: Settings) -> Document:
    if not isinstance(obj, dict):
        raise SourceError(where, f"expected a JSON object, got {type(obj).__name__}")
    body = obj.get(settings.field_text)
    if not isinstance(body, str) or not body.strip():
        raise SourceError(where, f"no text in field {settings.field_text!r}")
    title, text = join_title(_str(obj.get(settings.field_title)), body)
    sid = obj.get(settings.field_id)
    return Document(
        path=where,
        text=text,
        title=title,
        source_id=None if sid is None else str(sid),
        published=parse_date(obj.get(settings.field_date)),
        url=_str(obj.get(settings.field_url)),
        source=_str(obj.get(settings.field_source)),
    )


def _str(value: Any) -> str | None:
    return None if value is None else str(value)


def read_json(data: bytes, name: str, settings: Settings) -> Iterator[ReadResult]:
    """A JSON object, or an array of objects, each one article."""
    text = decode(data, name)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(name, f"malformed JSON at line {exc.lineno} column {exc.colno}") from None
    items = obj if isinstance(obj, list) else [obj]
    for i, item in enumerate(items):
        where = name if len(items) == 1 else f"{name}[{i}]"
        try:
            yield _record(item, where, settings)
        except SourceError as err:
            yield err


def read_jsonl(data: bytes, name: str, settings: Settings) -> Iterator[ReadResult]:
    """One JSON object per line; a malformed line is reported and the rest still read."""
    text = decode(data, name)
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceError(where, f"malformed JSON line (column {exc.colno}: {exc.msg})")
            continue
        try:
            yield _record(obj, where, settings)
        except SourceError as err:
            yield err


def read_html(
    data: bytes, name: str, settings: Settings, url: str | None = None
) -> Iterator[ReadResult]:
    """Main text and metadata of an HTML page via trafilatura."""
    yield html_document(decode(data, name), name, url=url)


def html_document(html: str, name: str, url: str | None = None) -> Document:
    """Extract headline, body and date from HTML; no main text is a SourceError."""
    import trafilatura  # heavy import kept local to the one reader that needs it

    try:
        with warnings.catch_warnings():  # date parsers warn on odd metadata; not the user's concern
            warnings.simplefilter("ignore")
            result = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False
            )
    except Exception as exc:
        raise SourceError(name, f"malformed HTML ({type(exc).__name__})") from None
    meta = (
        {} if result is None else result.as_dict() if hasattr(result, "as_dict") else dict(result)
    )
    body = meta.get("text") or ""
    if not body.strip():
        if nesting_depth(html) > _MAX_HTML_DEPTH:
            raise SourceError(
                name, f"no main text found in HTML (tags nested over {_MAX_HTML_DEPTH} deep)"
            )
        raise SourceError(name, "no main text found in HTML")
    title, text = join_title(meta.get("title"), body)
    return Document(
        path=name,
        text=text,
        title=title,
        source_id=PurePath(name).stem or None,
        published=parse_date(meta.get("date")),
        url=meta.get("url") or url,
        source=meta.get("sitename"),
    )


_MAX_HTML_DEPTH = 255  # libxml2, under trafilatura, drops what is nested deeper
_TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*?(/?)>")
_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def nesting_depth(html: str) -> int:
    """How deep the tags nest (an estimate from the tag sequence; stops past the limit)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        if m[2].lower() in _VOID or m[3]:
            continue
        depth = max(0, depth - 1) if m[1] else depth + 1
        deepest = max(deepest, depth)
        if deepest > _MAX_HTML_DEPTH:
            break
    return deepest


def read_warc(data: bytes, name: str, settings: Settings) -> Iterator[ReadResult]:
    """HTML responses in a WARC (plain or gzipped); a truncated record ends with an error."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    try:
        records = iter(ArchiveIterator(io.BytesIO(data)))
        while True:
            # warcio writes its own warnings to stderr; the reason we yield says it once.
            with contextlib.redirect_stderr(io.StringIO()):
                record = next(records, None)
                if record is None:
                    break
                item = _warc_record(record, name, n + 1)
            if item is not None:
                n += 1
                yield item
    except ArchiveLoadFailed as exc:
        yield SourceError(name, f"not a valid WARC file ({str(exc).splitlines()[0][:80]})")
    except Exception as exc:  # warcio raises many kinds on corrupt input; each is one reason
        yield SourceError(
            name, f"truncated or corrupt WARC record after {n} records ({type(exc).__name__})"
        )


def _warc_record(record: Any, name: str, n: int) -> ReadResult | None:
    """The n-th HTML response of a WARC as a Document or a SourceError; None for other records."""
    if record.rec_type != "response":
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if "html" not in ctype.lower():
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    where = f"{name}#{n}"
    try:
        payload = record.content_stream().read()
        if getattr(record.raw_stream, "limit", 0) > 0:
            return SourceError(where, "truncated WARC record (ends before its Content-Length)")
        doc = html_document(decode(payload, where), where, url=uri)
    except SourceError as err:
        return err
    if doc.published is None:
        doc.published = parse_date(record.rec_headers.get_header("WARC-Date"))
    doc.source_id = record.rec_headers.get_header("WARC-Record-ID") or doc.source_id
    return doc


_MAX_NESTING = 3  # a zip inside a zip inside a zip; deeper (or a zip quine) is refused


def read_zip(data: bytes, name: str, settings: Settings) -> Iterator[ReadResult]:
    """Every file inside a zip archive, each read by the reader its name calls for."""
    import zipfile

    from marsad.readers.dispatch import reader_for

    if name.count("!") >= _MAX_NESTING:
        raise SourceError(name, f"archives nested more than {_MAX_NESTING} deep")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
        raise SourceError(name, "not a valid zip file") from None
    budget = settings.max_decompressed_bytes
    for info in archive.infolist():
        if info.is_dir():
            continue
        inner = f"{name}!{info.filename}"
        if info.file_size > budget:
            yield SourceError(
                inner, f"expands past the {settings.max_decompressed_bytes:,}-byte cap"
            )
            continue
        budget -= info.file_size
        try:
            payload = archive.read(info)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
            yield SourceError(inner, f"corrupt zip member ({exc})")
            continue
        except NotImplementedError as exc:  # an unsupported compression method
            yield SourceError(inner, f"cannot read zip member ({exc})")
            continue
        try:
            yield from reader_for(info.filename)(payload, inner, settings)
        except SourceError as err:
            yield err


def read_gz(data: bytes, name: str, settings: Settings) -> Iterator[ReadResult]:
    """A gzipped file of any other format, dispatched on the name without .gz."""
    from marsad.readers.dispatch import reader_for

    inner = name[:-3]
    reader = reader_for(inner)
    yield from reader(gunzip_capped(data, name, settings), inner, settings)
