"""Expand paths (files, folders, globs, '-') and route each file to its format reader."""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from marsad.errors import SourceError
from marsad.readers import formats
from marsad.readers.base import ReadResult, open_stream, read_capped
from marsad.settings import Settings

Reader = Callable[[bytes, str, Settings], Iterator[ReadResult]]

READERS: dict[str, Reader] = {
    ".txt": formats.read_txt,
    ".text": formats.read_txt,
    ".json": formats.read_json,
    ".jsonl": formats.read_jsonl,
    ".ndjson": formats.read_jsonl,
    ".html": formats.read_html,
    ".htm": formats.read_html,
    ".warc": formats.read_warc,
    ".gz": formats.read_gz,
    ".zip": formats.read_zip,
}


def reader_for(name: str) -> Reader:
    """The reader for a file name; .warc.gz goes to the WARC reader, unknown types to .txt."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".warc")):
        return formats.read_warc
    return READERS.get(Path(lower).suffix, formats.read_txt)


def expand(paths: Iterable[str]) -> Iterator[str | SourceError]:
    """Files named, found under folders (sorted, hidden skipped) or matched by globs."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                yield SourceError(raw, "folder has no files")
            yield from (str(p) for p in found)
        elif path.exists():
            yield raw
        elif glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield SourceError(raw, "no file matches this pattern")
            for m in matches:
                if Path(m).is_file():
                    yield m
        else:
            yield SourceError(raw, "no such file or folder")


def iter_documents(
    paths: Iterable[str], settings: Settings, stdin_format: str = ".txt"
) -> Iterator[ReadResult]:
    """Every Document in ``paths``, and a SourceError for each input that failed."""
    for item in expand(paths):
        if isinstance(item, SourceError):
            yield item
            continue
        try:
            if item == "-":
                data = open_stream(sys.stdin.buffer, "<stdin>", settings)
                reader = READERS.get(stdin_format, formats.read_txt)
                yield from reader(data, "<stdin>", settings)
            else:
                data = read_capped(Path(item), settings)
                yield from reader_for(item)(data, item, settings)
        except SourceError as err:
            yield err


def count_items(paths: Sequence[str], settings: Settings) -> int | None:
    """How many items reading ``paths`` will give, for a progress bar's total, without the costly
    part of reading: an HTML page counts as one (no text extraction); None when the total cannot
    be known cheaply (standard input, WARC archives)."""
    total = 0
    for item in expand(paths):
        if item == "-":
            return None
        if isinstance(item, SourceError):
            total += 1
            continue
        reader = reader_for(item)
        if reader is formats.read_warc:
            return None
        if reader is formats.read_html:
            total += 1
            continue
        try:
            total += sum(1 for _ in reader(read_capped(Path(item), settings), item, settings))
        except SourceError:
            total += 1
    return total
