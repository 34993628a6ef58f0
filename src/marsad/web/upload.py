"""An uploaded file read by the readers of ``marsad analyze``, in memory, refused in one line.

The format comes from the file name's extension, else the part's content type, else a look at
the first bytes. Gzip is expanded up to the request body limit (a small upload cannot become a
large one); zip archives and compressed payloads inside a WARC are refused for the same reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePath

from starlette.exceptions import HTTPException

from marsad.errors import SourceError
from marsad.model import Article
from marsad.pipeline import Pipeline, default_steps
from marsad.readers import Document
from marsad.readers import formats as f
from marsad.readers.base import gunzip_capped
from marsad.readers.dispatch import READERS, Reader
from marsad.settings import Settings
from marsad.steps.base import Failure, RunContext

NAME = "<upload>"  # what replies and messages call the file; the client's name is never used

# The readers of ``marsad analyze`` by extension; archives are handled here, not by them.
BY_EXTENSION: dict[str, Reader] = {
    ext: read for ext, read in READERS.items() if ext not in (".gz", ".zip")
}
BY_MEDIA: dict[str, Reader] = {
    "text/plain": f.read_txt,
    "application/json": f.read_json,
    "application/x-ndjson": f.read_jsonl,
    "application/jsonl": f.read_jsonl,
    "application/jsonlines": f.read_jsonl,
    "application/x-jsonlines": f.read_jsonl,
    "text/html": f.read_html,
    "application/xhtml+xml": f.read_html,
    "application/warc": f.read_warc,
}
GZIP_MEDIA = frozenset({"application/gzip", "application/x-gzip"})
ZIP = frozenset({".zip", "application/zip", "application/x-zip-compressed"})
ACCEPTED = "text, JSON, JSONL, HTML or WARC, optionally gzipped"
_ENCODED_PAYLOAD = re.compile(rb"(?im)^content-encoding:[ \t]*(?!identity\b)[a-z]")
_HTML_START = re.compile(rb"^\s*<(!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE)


@dataclass(slots=True)
class Upload:
    data: bytes
    filename: str | None = None  # only its extension is looked at
    media: str | None = None  # the part's own Content-Type, if it gave one


def _extension(filename: str | None) -> tuple[str, bool]:
    """The format extension of a client's file name, and whether it ends in .gz."""
    if not filename:
        return "", False
    lower = PurePath(filename.replace("\\", "/")).name.lower()
    gzipped = lower.endswith(".gz")
    if gzipped:
        lower = lower[:-3]
    return PurePath(lower).suffix, gzipped


def _sniff(data: bytes) -> Reader:
    head = data[:1024].lstrip(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"WARC/"):
        return f.read_warc
    if _HTML_START.match(head):
        return f.read_html
    return f.read_txt


def choose(upload: Upload, settings: Settings) -> tuple[Reader, bytes]:
    """The reader for an upload and the bytes to give it (gzip expanded, capped)."""
    ext, named_gz = _extension(upload.filename)
    media = (upload.media or "").split(";")[0].strip().lower()
    if ext in ZIP or media in ZIP:
        raise HTTPException(415, f"zip archives are not accepted: upload one file ({ACCEPTED})")
    data = upload.data
    if named_gz or media in GZIP_MEDIA or data[:2] == b"\x1f\x8b":
        cap = int(settings.api_max_body_bytes)
        data = gunzip_capped(data, NAME, settings.replace(max_decompressed_bytes=cap))
        if data[:2] == b"\x1f\x8b":
            raise SourceError(NAME, "gzip inside gzip is not accepted")
        media = "" if media in GZIP_MEDIA else media
    if ext in BY_EXTENSION:
        reader = BY_EXTENSION[ext]
    elif media in BY_MEDIA:
        reader = BY_MEDIA[media]
    else:
        reader = _sniff(data)
    if reader is f.read_warc and _ENCODED_PAYLOAD.search(data):
        raise SourceError(NAME, "WARC records with compressed HTTP payloads are not accepted")
    return reader, data


def read_upload(upload: Upload, settings: Settings) -> list[Document]:
    """Every document of an upload; the first unreadable part refuses the whole upload."""
    if not upload.data.strip():
        raise SourceError(NAME, "empty file")
    reader, data = choose(upload, settings)
    docs = []
    for item in reader(data, NAME, settings):
        if isinstance(item, SourceError):
            raise item
        if item.source_id == PurePath(NAME).stem:  # the stand-in name is no source id
            item.source_id = None
        docs.append(item)
    if not docs:
        if reader is f.read_warc:
            raise SourceError(NAME, "no HTML response record found (is it a WARC file?)")
        raise SourceError(NAME, "no article found in the file")
    return docs


def analyze_upload(
    upload: Upload, settings: Settings, published: date | None = None
) -> tuple[list[Article], list[Failure]]:
    """Read and analyse an upload; ``published`` dates the documents that carry no date.

    Returns the articles and the documents skipped (not Arabic, repeated); nothing analysed
    at all is a SourceError with the first reason.
    """
    docs = read_upload(upload, settings)
    ctx = RunContext(settings=settings, published=published)
    articles = list(Pipeline(default_steps("crf", settings=settings)).run(docs, ctx))
    dropped = [*ctx.failures, *ctx.skipped]
    if not articles:
        first = dropped[0] if dropped else None
        raise SourceError(first.path if first else NAME, first.reason if first else "no article")
    return articles, dropped
