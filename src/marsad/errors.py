"""One exception tree for marsad; the CLI and web shells translate it at the edge.

MarsadError
├── SourceError        a file or record could not be read (names the path and reason)
│   └── SkipError      the input is readable but not for us (e.g. not Arabic)
├── ConfigError        a setting or option is invalid
├── StoreError         the DuckDB store cannot be opened, migrated or written
│   └── StoreBusy      another process holds the store (DuckDB admits one writer process)
├── ModelError         a shipped or user-given model cannot be loaded or used
├── DataError          a shipped or imported data file is malformed
└── MissingDependency  an optional extra is not installed
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error marsad raises on purpose."""


class SourceError(MarsadError):
    """An input could not be read; ``path`` and ``reason`` make the one-line message."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SkipError(SourceError):
    """An input was read but deliberately not processed (recorded as skipped)."""


class ConfigError(MarsadError):
    """A setting or command-line option is invalid."""


class StoreError(MarsadError):
    """The store cannot be opened, migrated or written."""


class StoreBusy(StoreError):
    """Another process holds the store file for longer than we were willing to wait."""


class ModelError(MarsadError):
    """A model cannot be loaded, trained or applied."""


class DataError(MarsadError):
    """A data file (dictionary, table, gold set) is malformed."""


class MissingDependency(MarsadError):
    """An optional dependency is missing; the message names the extra to install."""

    def __init__(self, package: str, extra: str, purpose: str) -> None:
        super().__init__(f"{package} is not installed: install marsad[{extra}] to use {purpose}")
        self.package = package
        self.extra = extra
