"""The DuckDB store: schema as data files, migrations, and the one module that talks to DuckDB."""

from marsad.store.db import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
