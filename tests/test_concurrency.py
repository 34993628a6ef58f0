"""Two processes on one store: the second waits (store_lock_wait) or fails clearly, never
corrupts; after both, the store is whole."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.errors import StoreError
from marsad.store import Store
from marsad.store.db import SCHEMA_VERSION
from marsad.store.doctor import check_store

from .conftest import ARTICLE
from .test_doctor import marsad_cmd, write_feed

HOLD = """
import sys, time
from marsad.store import Store
store = Store(sys.argv[1])
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
store.close()
"""


def hold(db: Path, seconds: float) -> subprocess.Popen[str]:
    """Another process that opens the store for writing and keeps it for ``seconds``."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline() == "holding\n"
    return proc


def test_second_opener_fails_clearly_naming_the_holder(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    proc = hold(db, 30)
    try:
        for read_only in (False, True):
            start = time.monotonic()
            with pytest.raises(StoreError) as err:
                Store(db, read_only=read_only)
            assert str(err.value) == (
                f"{db} is in use by another marsad process (pid {proc.pid}); "
                "try again when it finishes"
            )
            assert time.monotonic() - start < 5
        with pytest.raises(StoreError) as err:
            Store(db, lock_wait=0.3)
        assert str(err.value) == (
            f"{db} is in use by another marsad process (pid {proc.pid}) after waiting 0.3 s; "
            "try again when it finishes"
        )
    finally:
        proc.kill()
        proc.wait()


def test_second_opener_waits_for_the_first(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    proc = hold(db, 1.5)
    start = time.monotonic()
    with Store(db, lock_wait=60) as store:
        assert time.monotonic() - start > 1.2  # it got the store once the holder let go
        assert store.version == SCHEMA_VERSION
    proc.wait()


def test_two_ingests_on_one_store(tmp_path: Path) -> None:
    """The second ingest fails with the one-line message while the first runs; then reruns.

    The first reads standard input before its files, so it holds the store, mid-run, until the
    test writes an article to it: the overlap does not depend on the machine's speed.
    """
    db = tmp_path / "c.duckdb"
    first = write_feed(tmp_path / "first.jsonl", 10, tag="أ")
    second = write_feed(tmp_path / "second.jsonl", 10, tag="ب")
    a = subprocess.Popen(
        marsad_cmd("ingest", "-", str(first), "--db", str(db), "--ner", "none", "--json"),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 300
    while not db.exists() and a.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    b_args = [
        *marsad_cmd("-s", "store_lock_wait=0", "ingest", str(second), "--db", str(db)),
        *("--ner", "none", "--json"),
    ]
    b = subprocess.run(b_args, capture_output=True, text=True, timeout=600)
    assert a.poll() is None
    assert b.returncode == 1
    assert b.stderr.strip() == (
        f"Error: {db} is in use by another marsad process (pid {a.pid}); try again when it finishes"
    )
    out, err = a.communicate(input=ARTICLE, timeout=600)
    assert a.returncode == 0, err
    assert json.loads(out)["stored"] == 11
    b = subprocess.run(b_args, capture_output=True, text=True, timeout=600)
    assert b.returncode == 0, b.stderr
    assert json.loads(b.stdout)["stored"] == 10
    report = check_store(db)
    assert report["ok"], report["problems"]
    assert report["tables"]["articles"] == 21
    assert report["tables"]["runs"] == 2
