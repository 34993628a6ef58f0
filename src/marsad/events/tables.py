"""CAMEO code facts (label, Goldstein weight, QuadClass), Arabic names, and CAMEO→PLOVER.

The tables are TSV files in ``marsad/resources/events``; a code missing from a table falls
back to its three-digit parent and then its root, so a coder may emit codes finer than a table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from marsad.datafiles import read_tsv
from marsad.errors import DataError

_CAMEO_FILE = "cameo.tsv"
_PLOVER_FILE = "cameo_plover.tsv"
_ARABIC_FILE = "cameo_ar.tsv"
_FUTURE_FILE = "future_intents.tsv"
_CAMEO_HEADER = ("code", "label", "goldstein", "quad_class", "root")
_PLOVER_HEADER = ("code", "event", "mode", "context")
_ARABIC_HEADER = ("code", "name")
_FUTURE_HEADER = ("code", "intent")


@dataclass(slots=True, frozen=True)
class CameoInfo:
    code: str
    label: str
    goldstein: float
    quad_class: int
    root: str


@dataclass(slots=True, frozen=True)
class PloverInfo:
    event: str
    mode: str
    context: str


def resource_path(name: str) -> Path:
    """Path of a shipped file in ``marsad/resources/events``."""
    return Path(str(resources.files("marsad").joinpath("resources", "events", name)))


def _check_code(path: Path, lineno: int, code: str) -> None:
    if not (code.isdigit() and 2 <= len(code) <= 4):
        raise DataError(f"{path}:{lineno}: bad CAMEO code {code!r}")


def load_cameo(path: Path | None = None) -> dict[str, CameoInfo]:
    """Read a CAMEO table (default: the shipped one) into a code → CameoInfo dict."""
    path = path or resource_path(_CAMEO_FILE)
    table: dict[str, CameoInfo] = {}
    for lineno, (code, label, goldstein, quad, root) in read_tsv(path, _CAMEO_HEADER):
        _check_code(path, lineno, code)
        if code in table:
            raise DataError(f"{path}:{lineno}: duplicate code {code}")
        if root != code[:2]:
            raise DataError(f"{path}:{lineno}: root {root!r} does not match code {code}")
        try:
            weight = float(goldstein)
            quad_class = int(quad)
        except ValueError as exc:
            raise DataError(f"{path}:{lineno}: bad number ({exc})") from exc
        if not -10.0 <= weight <= 10.0 or quad_class not in (1, 2, 3, 4):
            raise DataError(f"{path}:{lineno}: goldstein or quad_class out of range")
        table[code] = CameoInfo(code, label, weight, quad_class, root)
    return table


def load_plover(path: Path | None = None) -> dict[str, PloverInfo]:
    """Read a CAMEO→PLOVER table (default: the shipped one) into a code → PloverInfo dict."""
    path = path or resource_path(_PLOVER_FILE)
    table: dict[str, PloverInfo] = {}
    for lineno, (code, event, mode, context) in read_tsv(path, _PLOVER_HEADER):
        _check_code(path, lineno, code)
        if code in table:
            raise DataError(f"{path}:{lineno}: duplicate code {code}")
        if not event.isupper():
            raise DataError(f"{path}:{lineno}: PLOVER event must be upper case, got {event!r}")
        table[code] = PloverInfo(event, mode, context)
    return table


def load_cameo_arabic(path: Path | None = None) -> dict[str, str]:
    """Read a table of Arabic CAMEO names (default: the shipped one) into a code → name dict."""

    def named(path: Path, lineno: int, code: str, name: str) -> None:
        if not name:
            raise DataError(f"{path}:{lineno}: empty name for code {code}")

    return _code_map(path or resource_path(_ARABIC_FILE), _ARABIC_HEADER, named)


def load_future_intents(path: Path | None = None) -> dict[str, str]:
    """Read the table of what an act announced for the future is coded as (03x or 13x)."""

    def coded(path: Path, lineno: int, _code: str, intent: str) -> None:
        _check_code(path, lineno, intent)

    return _code_map(path or resource_path(_FUTURE_FILE), _FUTURE_HEADER, coded)


def _code_map(
    path: Path, header: tuple[str, str], check: Callable[[Path, int, str, str], None]
) -> dict[str, str]:
    """A two-column table keyed by CAMEO code: codes checked and unique, and ``check(path,
    line number, code, value)`` run on each row."""
    table: dict[str, str] = {}
    for lineno, (code, value) in read_tsv(path, header):
        _check_code(path, lineno, code)
        if code in table:
            raise DataError(f"{path}:{lineno}: duplicate code {code}")
        check(path, lineno, code, value)
        table[code] = value
    return table


@lru_cache(maxsize=1)
def future_intents() -> dict[str, str]:
    """The shipped future-intent table, read once."""
    return load_future_intents()


def future_intent(code: str) -> str | None:
    """The intent or threat code of an act announced for the future: the entry for the
    longest prefix of ``code`` in the table, or None when the act has none."""
    table = future_intents()
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoInfo]:
    """The shipped CAMEO table, read once."""
    return load_cameo()


@lru_cache(maxsize=1)
def cameo_arabic_table() -> dict[str, str]:
    """The shipped Arabic CAMEO names, read once."""
    return load_cameo_arabic()


@lru_cache(maxsize=1)
def plover_table() -> dict[str, PloverInfo]:
    """The shipped CAMEO→PLOVER table, read once."""
    return load_plover()


def fallbacks(code: str) -> tuple[str, ...]:
    """The code, then its three-digit parent, then its root: ``1053`` → 1053, 105, 10."""
    chain = [code]
    if len(code) > 3:
        chain.append(code[:3])
    if len(code) > 2:
        chain.append(code[:2])
    return tuple(chain)


def cameo_info(code: str) -> CameoInfo:
    """Facts of a CAMEO code, from its nearest listed ancestor; KeyError when none is listed."""
    table = cameo_table()
    for candidate in fallbacks(code):
        info = table.get(candidate)
        if info is not None:
            return info
    raise KeyError(f"unknown CAMEO code {code!r}")


def cameo_name(code: str | None, lang: str = "en") -> str | None:
    """The name of a CAMEO code in ``lang`` (``ar`` or ``en``), from its nearest listed
    ancestor; None for an empty or unknown code."""
    if not code:
        return None
    if lang == "ar":
        names = cameo_arabic_table()
        for candidate in fallbacks(code):
            if candidate in names:
                return names[candidate]
        return None
    if lang != "en":
        raise ValueError(f"no CAMEO names in {lang!r}: use 'ar' or 'en'")
    try:
        return cameo_info(code).label
    except KeyError:
        return None


def plover_for(code: str) -> PloverInfo | None:
    """PLOVER event/mode/context of a CAMEO code (nearest mapped ancestor), or None.

    Roots 01 (statements) and 02 (appeals) have no PLOVER counterpart and give None.
    """
    table = plover_table()
    for candidate in fallbacks(code):
        info = table.get(candidate)
        if info is not None:
            return info
    return None
