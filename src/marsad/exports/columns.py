"""Column tables of the export formats (data files) and CAMEO actor-code splitting."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.actors.records import RESOURCES as ACTOR_RESOURCES
from marsad.actors.records import read_table
from marsad.datafiles import read_tsv
from marsad.errors import DataError

_KINDS = ("filled", "empty", "extra")
_PARTS = ("code", "kind", "label")


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: str  # filled | empty | extra
    note: str


def resource_path(name: str) -> Path:
    """Path of a shipped file in ``marsad/resources/exports``."""
    return Path(str(resources.files("marsad").joinpath("resources", "exports", name)))


def read_rows(name: str, header: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """(line number, fields) of a shipped TSV in ``marsad/resources/exports``."""
    return list(read_tsv(resource_path(name), header))


@lru_cache(maxsize=4)
def columns(table: str) -> tuple[Column, ...]:
    """The columns of ``gdelt_events`` or ``gdelt_mentions``, in file order."""
    out = []
    for lineno, (name, kind, note) in read_rows(f"{table}.tsv", ("column", "kind", "note")):
        if kind not in _KINDS:
            raise DataError(f"{resource_path(table + '.tsv')}:{lineno}: bad kind {kind!r}")
        out.append(Column(name, kind, note))
    return tuple(out)


@lru_cache(maxsize=1)
def actor_parts() -> dict[str, str]:
    """Three-letter code part → kind (type, region, religion)."""
    return {code: kind for _, (code, kind, _label) in read_rows("cameo_actor_parts.tsv", _PARTS)}


@lru_cache(maxsize=1)
def countries() -> dict[str, tuple[str, str]]:
    """CAMEO country code → (ISO alpha-3, English name), from the actor dictionary."""
    _, rows = read_table(ACTOR_RESOURCES / "countries.tsv")
    return {r.values["cameo"]: (r.values["iso3"], r.values["name_en"]) for r in rows}


def split_actor(code: str | None) -> dict[str, str]:
    """GDELT's actor fields from a CAMEO code: country, known group, religions and three types."""
    out = {"country": "", "group": "", "religion1": "", "religion2": "", "type1": ""}
    out |= {"type2": "", "type3": ""}
    if not code:
        return out
    parts = [code[i : i + 3] for i in range(0, len(code), 3)]
    kinds = actor_parts()
    if parts[0] in countries():
        out["country"] = parts.pop(0)
    types = [p for p in parts if kinds.get(p) == "type"]
    religions = [p for p in parts if kinds.get(p) == "religion"]
    groups = [p for p in parts if p not in kinds and p not in countries()]
    for i, value in enumerate(types[:3], 1):
        out[f"type{i}"] = value
    for i, value in enumerate(religions[:2], 1):
        out[f"religion{i}"] = value
    out["group"] = groups[0] if groups else ""
    return out
