"""The actor tables' records and the TSV reading that checks every row (file:line errors).

``dictionary.py`` indexes these records for lookups; this module only knows the file format:
UTF-8 TSV, a header row naming the table, ``#`` comments and ``|`` between multiple values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.errors import DataError
from marsad.model import Role

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "actors"
SHIPPED = ("countries.tsv", "places.tsv", "titles.tsv", "agents.tsv", "actors.tsv", "roles.tsv")

HEADERS: dict[str, tuple[str, ...]] = {
    "countries": (
        "iso3",
        "cameo",
        "name_en",
        "names_ar",
        "adjectives_ar",
        "capital_ar",
        "capital_en",
        "metonyms_ar",
        "lat",
        "lon",
    ),
    "places": ("name_en", "names_ar", "iso3", "kind", "lat", "lon"),
    "actors": ("id", "name_en", "names_ar", "type", "qid"),
    "roles": ("actor_id", "code", "start", "end", "title", "note"),
    "titles": ("title", "forms_ar", "sector", "name_en"),
    "agents": ("pattern_ar", "code", "note"),
}
# Columns that may not be empty, per table.
REQUIRED: dict[str, tuple[str, ...]] = {
    "countries": ("iso3", "cameo", "name_en", "names_ar"),
    "places": ("name_en", "names_ar", "kind", "lat", "lon"),
    "actors": ("id", "name_en", "names_ar", "type"),
    "roles": ("actor_id", "code"),
    "titles": ("title", "forms_ar", "sector"),
    "agents": ("pattern_ar", "code"),
}
ACTOR_TYPES = frozenset({"PERS", "ORG", "MISC"})  # MISC: treaties and agreements, no roles
PLACE_KINDS = frozenset({"capital", "city", "region"})
# Generic international prefixes a role code may start with instead of a country code.
INTERNATIONAL = frozenset({"IGO", "IMG", "INT", "NGO", "NGM", "MNC", "UIS"})
# When one phrase has several readings, the first kind here wins; the rest are alternatives.
KIND_PRIORITY = ("actor", "metonym", "country", "capital", "adjective", "title", "agent", "place")


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    cameo: str
    name_en: str
    names_ar: tuple[str, ...]
    adjectives_ar: tuple[str, ...]
    capital_ar: tuple[str, ...]
    capital_en: str
    metonyms_ar: tuple[str, ...]
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class Place:
    name_en: str
    iso3: str
    kind: str
    lat: float
    lon: float
    names_ar: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name_en: str
    names_ar: tuple[str, ...]
    type: str
    qid: str | None


@dataclass(frozen=True, slots=True)
class DatedRole:
    actor_id: str
    code: str
    start: date | None
    end: date | None
    title: str
    note: str

    def active(self, day: date) -> bool:
        """Half-open interval, so a hand-over day belongs to the successor only."""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)

    def to_role(self) -> Role:
        """The pipeline's plain Role record (ISO dates, title as label)."""
        return Role(
            code=self.code,
            start=self.start.isoformat() if self.start else None,
            end=self.end.isoformat() if self.end else None,
            label=self.title or None,
        )


@dataclass(frozen=True, slots=True)
class Title:
    title: str
    forms_ar: tuple[str, ...]
    sector: str
    name_en: str


@dataclass(frozen=True, slots=True)
class Agent:
    pattern: str
    code: str
    note: str


@dataclass(frozen=True, slots=True)
class ActorMatch:
    """A dictionary phrase found in normalised tokens ``[start_token, end_token)``.

    ``code`` is the static CAMEO code of the reading (a country, ``XXXGOV`` for a metonym, the
    agent code, the title's sector); it is None for actors, whose code depends on the date.
    """

    start_token: int
    end_token: int
    kind: str
    key: str
    code: str | None = None
    phrase: str = ""
    alternatives: tuple[tuple[str, str], ...] = field(default_factory=tuple)


@dataclass(slots=True)
class Row:
    path: Path
    line: int
    values: dict[str, str]

    def where(self) -> str:
        return f"{self.path}:{self.line}"


def split_values(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def read_table(path: Path) -> tuple[str, list[Row]]:
    """Read one TSV file; the header decides which table it is."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read actor data file ({exc})") from exc
    table: str | None = None
    columns: tuple[str, ...] = ()
    rows: list[Row] = []
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if table is None:
            header = tuple(fields)
            for name, cols in HEADERS.items():
                if header == cols:
                    table, columns = name, cols
                    break
            else:
                raise DataError(f"{path}:{lineno}: unknown header {'|'.join(header)!r}")
            continue
        if len(fields) > len(columns):
            raise DataError(
                f"{path}:{lineno}: {len(fields)} columns, the {table} table has {len(columns)}"
            )
        fields += [""] * (len(columns) - len(fields))
        values = dict(zip(columns, fields, strict=True))
        for col in REQUIRED[table]:
            if not values[col]:
                raise DataError(f"{path}:{lineno}: empty {col}")
        rows.append(Row(path, lineno, values))
    if table is None:
        raise DataError(f"{path}:1: no header row")
    return table, rows


def float_value(row: Row, col: str) -> float | None:
    value = row.values[col]
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise DataError(f"{row.where()}: {col} {value!r} is not a number") from None


def date_value(row: Row, col: str) -> date | None:
    value = row.values[col]
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DataError(f"{row.where()}: {col} {value!r} is not a YYYY-MM-DD date") from None


def code_value(row: Row, col: str) -> str:
    value = row.values[col]
    if not (value.isascii() and value.isalpha() and value.isupper() and len(value) % 3 == 0):
        raise DataError(f"{row.where()}: {col} {value!r} is not a CAMEO code")
    return value
