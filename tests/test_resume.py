"""An ingest killed mid-run (SIGKILL) and started again ends with exactly the rows of one
uninterrupted run: whole batches committed, nothing twice, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from marsad.store import Store
from marsad.store.db import TABLES

from .conftest import ARTICLE, EXAMPLES, table_rows

COUNTRIES = ["الأردني", "العراقي", "السوري", "اللبناني", "الليبي", "التونسي"]
DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس"]
COMPARED = (*TABLES, "article_bands", "article_signatures", "event_records")


def write_corpus(folder: Path, copies: int = 2) -> int:
    """The examples, then generated variants of one short story in JSONL files (near copies
    among them, so story clusters cross batch boundaries too)."""
    folder.mkdir()
    n = 0
    for ex in sorted(EXAMPLES.iterdir()):
        (folder / f"a-{ex.name}").write_bytes(ex.read_bytes())
        n += 1
    for c in range(copies):
        lines = []
        for country in COUNTRIES:
            for day in DAYS:
                text = ARTICLE.replace("الأردني", country).replace("الأربعاء", day)
                if c:
                    text += f"وتابع المتحدث أن الاتصال هو الرقم {c} هذا الأسبوع.\n"
                lines.append(json.dumps({"text": text, "date": "2022-05-04"}, ensure_ascii=False))
        (folder / f"b-{c}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        n += len(lines)
    return n


def run_ingest(corpus: Path, db: Path, **kwargs: Any) -> subprocess.Popen[bytes]:
    env = {**os.environ, "MARSAD_BATCH_SIZE": "5"}
    cmd = [sys.executable, "-m", "marsad", "ingest", str(corpus), "--db", str(db), "--ner", "none"]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, **kwargs)


def snapshot(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every article table, ordered; the ingest time and run ids left out."""
    out = table_rows(db, COMPARED)
    with Store(db, read_only=True) as store:
        out["runs"] = store.con.execute("SELECT command FROM runs").fetchall()
        out["failures"] = store.con.execute(
            "SELECT path, reason, kind FROM failures ORDER BY ALL"
        ).fetchall()
    return out


def stored_so_far(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return int(store.query("SELECT count(*) AS n FROM articles")[0]["n"])


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_same_rows(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    total = write_corpus(corpus)
    whole, killed = tmp_path / "whole.duckdb", tmp_path / "killed.duckdb"

    assert run_ingest(corpus, whole).wait(timeout=600) == 0
    expected = snapshot(whole)
    assert len(expected["articles"]) == total
    assert len({r[-1] for r in expected["articles"]}) < total  # some stories have copies

    # Kill once the WAL has grown past the first committed batch: migrations write ~7 kB and
    # the first batch of five articles (with the run's story tables) ~90 kB more, later ones
    # ~35 kB each, so at 120 kB the first commit is whole and most are still to come. (A lower
    # mark could fall inside the first commit's write and leave nothing stored on a slow box.)
    wal = Path(f"{killed}.wal")
    proc = run_ingest(corpus, killed, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 600
    while proc.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > 120_000:
            proc.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    assert proc.wait(timeout=60) == -signal.SIGKILL, "the ingest finished before it was killed"
    partial = stored_so_far(killed)
    assert 0 < partial < total
    with Store(killed, read_only=True) as store:
        assert store.query("SELECT count(*) AS n FROM runs")[0]["n"] == 0

    assert run_ingest(corpus, killed).wait(timeout=600) == 0
    assert snapshot(killed) == expected


def test_progress_bar_on_request(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from marsad.cli import main

    db = tmp_path / "p.duckdb"
    args = ["ingest", str(EXAMPLES), "--db", str(db), "--ner", "none", "--json"]
    shown = CliRunner().invoke(main, [*args, "--progress"])
    assert shown.exit_code == 0, shown.output
    assert "8/8" in shown.stderr and "articles/s" in shown.stderr
    assert json.loads(shown.stdout)["stored"] == 8
    quiet = CliRunner().invoke(main, args)  # not a terminal: no bar
    assert quiet.stderr == "" and json.loads(quiet.stdout)["duplicates"] == 8
