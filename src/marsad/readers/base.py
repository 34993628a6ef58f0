"""The Document record and the byte-level helpers every reader shares (caps, decoding, dates)."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from marsad.errors import SourceError
from marsad.settings import Settings
from marsad.text.normalize import arabic_ratio


@dataclass(slots=True)
class Document:
    """One article as read, before cleaning. ``text`` is the headline line then the body."""

    path: str
    text: str
    title: str
    source_id: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None


ReadResult = Document | SourceError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def read_capped(path: Path, settings: Settings) -> bytes:
    """Read a whole file, refusing files over ``max_file_bytes`` and unreadable paths."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(str(path), f"cannot open: {exc.strerror or exc}") from None
    if size > settings.max_file_bytes:
        raise SourceError(
            str(path), f"file is {size:,} bytes, over the {settings.max_file_bytes:,}-byte cap"
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), f"cannot read: {exc.strerror or exc}") from None


def gunzip_capped(data: bytes, name: str, settings: Settings) -> bytes:
    """Decompress gzip data, stopping with an error once it expands past the cap."""
    cap = settings.max_decompressed_bytes
    out = io.BytesIO()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            while chunk := gz.read(1 << 20):
                out.write(chunk)
                if out.tell() > cap:
                    raise SourceError(name, f"gzip expands past the {cap:,}-byte cap")
    except (OSError, EOFError, zlib.error) as exc:  # BadGzipFile is an OSError
        raise SourceError(name, f"not a valid gzip file ({exc})") from None
    return out.getvalue()


def decode(data: bytes, name: str) -> str:
    """Decode bytes as text: BOM-marked UTF-8/16, else UTF-8, else Arabic Windows-1256."""
    if not data.strip():
        raise SourceError(name, "empty file")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data.decode(codec))
            except UnicodeDecodeError:
                raise SourceError(
                    name, f"starts with a {codec} byte-order mark but does not decode"
                ) from None
    head = data[:8192]
    if b"\x00" in head:
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            if _plausible_text(text):
                return _newlines(text)
        raise SourceError(name, "binary file (contains NUL bytes)")
    try:
        return _newlines(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        text = data.decode("cp1256", errors="replace")
        if "\ufffd" not in text and _plausible_text(text) and arabic_ratio(text) >= 0.6:
            return _newlines(text)
        raise SourceError(
            name, f"not valid UTF-8 (byte {exc.start}) nor Windows-1256 Arabic"
        ) from None


def _plausible_text(text: str) -> bool:
    """Mostly letters, digits, spaces and punctuation, with no control characters."""
    sample = text[:4096]
    if any(ord(c) < 32 and c not in "\n\r\t\f" for c in sample):
        return False
    letters = sum(1 for c in sample if c.isalpha() or c.isspace())
    return letters >= 0.6 * len(sample)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_headline(text: str) -> tuple[str, str]:
    """The first non-empty line is the headline; the text keeps it, so spans stay aligned."""
    for line in text.split("\n"):
        if line.strip():
            return line.strip(), text
    return "", text


def join_title(title: str | None, body: str) -> tuple[str, str]:
    """Build the document text from a separate title and body: title line, newline, body."""
    title = (title or "").strip().replace("\n", " ")
    body = _newlines(body or "")
    if not title:
        return split_headline(body)
    return title, f"{title}\n{body}"


def parse_date(value: object) -> date | None:
    """Parse a publication date from ISO dates, datetimes and common variants; None if not."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    m = re.match(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = re.match(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            return None
    return None


def open_stream(stream: BinaryIO, name: str, settings: Settings) -> bytes:
    """Read a stream (stdin) up to the file cap."""
    data = stream.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        raise SourceError(name, f"input is over the {settings.max_file_bytes:,}-byte cap")
    return data
