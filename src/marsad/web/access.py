"""Short-lived read-only store connections, so an `ingest` in another process can still write."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from marsad.errors import StoreError
from marsad.store.db import SCHEMA_VERSION, Store


class StoreBusy(StoreError):
    """The store is locked by a writer in another process (or is missing) for longer than we wait."""


def prepare(db: str) -> None:
    """Create and migrate the store once at start-up when we can; a locked file is left alone."""
    path = Path(db)
    if path.exists():
        try:
            with Store(db, read_only=True) as store:
                if store.version >= SCHEMA_VERSION:
                    return
        except StoreError:
            return
    try:
        Store(db).close()
    except StoreError:
        return


@contextmanager
def reading(db: str, wait: float) -> Iterator[Store]:
    """A read-only connection for one request; retried while another process writes the file."""
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            store = Store(db, read_only=True)
            break
        except StoreError:
            if time.monotonic() >= deadline:
                raise StoreBusy(
                    "the store is not available right now (another process may be writing it); "
                    "try again shortly"
                ) from None
            time.sleep(0.05)
    try:
        yield store
    finally:
        store.close()
