"""The data files marsad ships: '#'-commented TSV tables whose first row names the columns,
and '#'-commented lists of one entry a line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import DataError, ModelError


def resource(*parts: str) -> Path:
    """Path of a shipped file under ``marsad/resources``."""
    return Path(str(resources.files("marsad").joinpath("resources", *parts)))


def read_json_model(path: Path, what: str) -> Any:
    """The parsed JSON of a model file; ModelError naming the file if it cannot be read or is
    not JSON (checking its shape is the caller's)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError(f"{path}: cannot read {what} ({exc.strerror})") from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise ModelError(f"{path}: not a JSON {what} ({exc})") from exc


def read_lines(path: Path, what: str = "word list") -> list[str]:
    """The stripped entries of a list file, blank lines and '#' comments left out; a file that
    cannot be read raises DataError naming it."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read {what}: {exc}") from exc
    return [x.strip() for x in lines if x.strip() and not x.lstrip().startswith("#")]


def read_tsv(path: Path, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, stripped fields) of each row; the header and field counts are checked
    so a mistyped table fails loudly with its file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read ({exc})") from exc
    seen_header = False
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if not seen_header:
            if tuple(fields) != header:
                raise DataError(f"{path}:{lineno}: expected header {' '.join(header)}")
            seen_header = True
            continue
        if len(fields) != len(header):
            raise DataError(f"{path}:{lineno}: expected {len(header)} fields, got {len(fields)}")
        yield lineno, fields
