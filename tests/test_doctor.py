"""`marsad doctor`: a sound store passes, each kind of damage is named, and a killed ingest
leaves a store that passes and that a rerun completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

import marsad
from marsad.cli import main
from marsad.store import Store
from marsad.store.db import SCHEMA_VERSION
from marsad.store.doctor import check_store

from .conftest import ARTICLE, EXAMPLES


def write_feed(path: Path, n: int, tag: str = "") -> Path:
    """A JSONL file of ``n`` distinct short Arabic articles (numbered headlines)."""
    head, body = ARTICLE.split("\n", 1)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            rec = {"id": f"{tag}{i}", "title": f"{head} {tag}رقم {i}", "text": body}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def marsad_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "marsad", *args]


def doctor(db: Path, *extra: str) -> tuple[int, str]:
    r = CliRunner().invoke(main, ["doctor", "--db", str(db), *extra])
    return r.exit_code, r.output


def problems(db: Path) -> dict[str, int]:
    return {c["check"]: c["count"] for c in check_store(db)["checks"] if c["count"]}


def test_sound_store_passes(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    marsad.ingest([str(EXAMPLES)], str(db), ner="none")
    report = check_store(db)
    assert report["ok"] and report["problems"] == []
    assert report["schema_version"] == report["expected_version"]
    assert report["tables"]["articles"] == 8
    assert report["tables"]["runs"] == 1
    code, out = doctor(db)
    assert code == 0
    assert "store is consistent" in out
    code, out = doctor(db, "--json")
    assert code == 0 and json.loads(out)["ok"] is True


def test_each_kind_of_damage_is_reported(tmp_path: Path) -> None:
    db = tmp_path / "d.duckdb"
    marsad.ingest([str(EXAMPLES)], str(db), ner="none")
    with Store(db) as store:
        aid = store.query("SELECT id FROM articles ORDER BY id LIMIT 1")[0]["id"]
        length = store.query("SELECT length(text) AS n FROM articles WHERE id = ?", [aid])[0]["n"]
        con = store.con
        con.execute("INSERT INTO sentences VALUES ('gone', 0, 0, 0, 4, 'نص', false, NULL)")
        con.execute("INSERT INTO mentions VALUES ('gone', 'e1', 0, 0, 4, 'نص', 'PERS')")
        con.execute(
            "UPDATE sentences SET end_char = ? WHERE article_id = ? AND idx = 0", [length + 5, aid]
        )
        con.execute(
            "UPDATE quotes SET text = 'شيء آخر' WHERE article_id = ? AND idx = 0",
            [store.query("SELECT article_id FROM quotes LIMIT 1")[0]["article_id"]],
        )
        con.execute("UPDATE events SET record_id = 42 WHERE idx = 0 AND article_id = ?", [aid])
        con.execute("INSERT INTO failures VALUES ('no-such-run', 'x.txt', 'empty file', 'failed')")
        con.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION - 1)]
        )
    found = problems(db)
    assert found == {
        "schema version": 1,
        "sentences without their article": 1,
        "mentions without their article": 1,
        "sentences spans inside their article": 1,
        "quotes spans inside their article": 1,
        "events with a missing record": 1,
        "failures of unknown runs": 1,
    }
    report = check_store(db)
    assert not report["ok"]
    older = f"schema version: {SCHEMA_VERSION - 1} (this marsad writes {SCHEMA_VERSION})"
    assert older in report["problems"]
    code, out = doctor(db)
    assert code == 1
    assert "7 problem(s) found" in out
    code, out = doctor(db, "--json")
    assert code == 1 and len(json.loads(out)["problems"]) == 7


def test_missing_table_and_missing_store(tmp_path: Path) -> None:
    db = tmp_path / "m.duckdb"
    marsad.ingest([str(EXAMPLES)], str(db), ner="none")
    with Store(db) as store:
        store.con.execute("DROP TABLE quotes")
    report = check_store(db)
    assert "table quotes readable: missing" in report["problems"]
    code, out = doctor(tmp_path / "none.duckdb")
    assert code == 1
    assert f"{tmp_path / 'none.duckdb'}: no such store" in out


def test_killed_ingest_leaves_a_sound_store_and_a_rerun_completes(tmp_path: Path) -> None:
    """SIGKILL an ingest mid-run (batches of 3): doctor finds it sound; a rerun completes it."""
    feed = write_feed(tmp_path / "feed.jsonl", 40)
    db = tmp_path / "k.duckdb"
    args = marsad_cmd("-s", "batch_size=3", "ingest", str(feed), "--db", str(db), "--ner", "none")
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Each committed batch grows the write-ahead log by ~20 kB (the migrations take ~7 kB):
    # kill once two batches are in, so the kill lands between or inside write transactions.
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 300
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 40_000:
            break
        time.sleep(0.01)
    killed = proc.poll() is None
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert killed, "the ingest finished before it could be killed; make the feed longer"
    report = check_store(db)
    assert report["ok"], report["problems"]
    before = report["tables"]["articles"]
    assert 3 <= before < 40
    assert before % 3 == 0  # a batch is stored whole or not at all
    assert report["tables"]["runs"] == 0  # the run record is written last
    rerun = subprocess.run([*args, "--json"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    summary = json.loads(rerun.stdout)
    assert summary["read"] == 40
    assert summary["stored"] == 40 - before
    assert summary["duplicates"] == before
    report = check_store(db)
    assert report["ok"], report["problems"]
    assert report["tables"]["articles"] == 40
    code, _ = doctor(db)
    assert code == 0


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(port: int, path: str) -> int:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
            return int(r.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)
    except OSError:
        return 0


def test_killed_server_and_ingest_leave_a_sound_store(tmp_path: Path) -> None:
    """The API reads while an ingest writes; both are killed mid-write; the store is sound, a
    rerun completes, and a new server reads the whole store."""
    feed = write_feed(tmp_path / "feed.jsonl", 200, tag="س")
    db = tmp_path / "s.duckdb"
    Store(db).close()  # created and migrated, as an earlier ingest would leave it
    port = _free_port()
    # A request waits at most 50 ms for the store, so polling stays quick while ingest writes.
    serve = marsad_cmd(
        "-s", "api_store_wait_seconds=0.05", "serve", "--db", str(db), "--port", str(port)
    )
    server = subprocess.Popen(serve, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while _get(port, "/events") != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _get(port, "/events") == 200
        args = marsad_cmd(
            "-s", "batch_size=3", "ingest", str(feed), "--db", str(db), "--ner", "none"
        )
        ingest = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        wal = db.with_name(db.name + ".wal")
        answers: set[int] = set()
        deadline = asked = time.monotonic()
        deadline += 300
        while ingest.poll() is None and time.monotonic() < deadline:
            if time.monotonic() >= asked:  # 200, or 503 while the writer holds the file
                answers.add(_get(port, "/events?limit=1"))
                asked = time.monotonic() + 0.2  # the ingest can open the file in between
            if wal.exists() and wal.stat().st_size > 40_000:
                break
            time.sleep(0.005)
        killed = ingest.poll() is None
        if killed:
            os.kill(ingest.pid, signal.SIGKILL)
        _, err = ingest.communicate()
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()
    assert killed, f"the ingest ended before it could be killed: {err.decode()[-300:]}"
    assert answers <= {200, 503} and answers, answers  # never a 5xx other than "busy"
    report = check_store(db)
    assert report["ok"], report["problems"]
    before = report["tables"]["articles"]
    assert 0 < before < 200 and before % 3 == 0
    rerun = subprocess.run([*args, "--json"], capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads(rerun.stdout)["stored"] == 200 - before
    assert check_store(db)["tables"]["articles"] == 200
    server = subprocess.Popen(serve, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while _get(port, "/events") != 200 and time.monotonic() < deadline:
            time.sleep(0.1)
        with Store(db, read_only=True) as store:
            expected = store.query("SELECT count(*) AS n FROM events")[0]["n"]
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{port}/events?limit=1", timeout=10) as r:
            assert json.loads(r.read())["total"] == expected
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait()
