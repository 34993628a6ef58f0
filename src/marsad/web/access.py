"""Short-lived read-only store connections, so an `ingest` in another process can still write."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from marsad.errors import StoreBusy, StoreError
from marsad.store.db import SCHEMA_VERSION, Store


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
    """A read-only connection for one request, waiting up to ``wait`` s while another process
    writes the file; clients are told it is busy, not which process holds it."""
    try:
        store = Store(db, read_only=True, lock_wait=wait)
    except StoreBusy:
        raise StoreBusy(
            "the store is not available right now (another process may be writing it); "
            "try again shortly"
        ) from None
    try:
        yield store
    finally:
        store.close()
