"""The Dask executor: shards on a real LocalCluster give the tables a single-process run gives."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from marsad.errors import MissingDependency
from marsad.executors.local import ingest_sharded, run_shard, shard_paths
from marsad.pipeline import ingest
from marsad.settings import Settings

from .conftest import ARTICLE, EXAMPLES, table_rows

TABLES = ("articles", "sentences", "entities", "events", "event_records", "article_bands")


def corpus(folder: Path) -> Path:
    """The examples, a few generated articles (one a near copy, one an exact copy) and a file
    that fails, spread over several files so there is something to shard."""
    folder.mkdir()
    for ex in sorted(EXAMPLES.iterdir()):
        (folder / ex.name).write_bytes(ex.read_bytes())
    for n, country in enumerate(["الأردني", "العراقي", "السوري"]):
        (folder / f"gen-{n}.txt").write_text(ARTICLE.replace("الأردني", country), "utf-8")
    (folder / "gen-3.txt").write_text(ARTICLE + "وأشار إلى أن الاتصال دام ساعة.\n", "utf-8")
    (folder / "gen-4.txt").write_text(ARTICLE, "utf-8")
    (folder / "gen-5.jsonl").write_text(
        json.dumps(
            {"text": ARTICLE.replace("المصري", "الكويتي"), "source": "x"}, ensure_ascii=False
        )
        + "\n{bad\n",
        "utf-8",
    )
    return folder


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    return table_rows(db, TABLES)


def test_shards_are_contiguous_runs_of_files(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    groups, errors = shard_paths([str(folder), str(tmp_path / "missing")], 4)
    assert len(groups) == 4
    assert [f for g in groups for f in g] == sorted(str(p) for p in folder.iterdir())
    assert [e.reason for e in errors] == ["no such file or folder"]


def test_sharded_run_equals_single_process(tmp_path: Path) -> None:
    folder = corpus(tmp_path / "in")
    single, sharded = tmp_path / "single.duckdb", tmp_path / "sharded.duckdb"
    one = ingest([str(folder)], str(single), ner="none").summary()

    def run_all(jobs: list[tuple[Any, ...]]) -> list[Any]:
        return [run_shard(*job) for job in reversed(jobs)]  # finishing order must not matter

    many = ingest_sharded(
        [str(folder)], str(sharded), Settings.default(), None, "none", run_all, shards=5
    ).summary()
    assert tables(sharded) == tables(single)
    assert {k: many[k] for k in ("read", "stored", "duplicates")} == {
        k: one[k] for k in ("read", "stored", "duplicates")
    }
    assert many["failed"] == one["failed"]
    assert not (tmp_path / "sharded.duckdb.parts").exists()


@pytest.mark.slow
def test_dask_local_cluster_equals_single_process(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed")
    from marsad.executors.dask import ingest_dask

    folder = corpus(tmp_path / "in")
    single, dask_db = tmp_path / "single.duckdb", tmp_path / "dask.duckdb"
    ingest([str(folder)], str(single), ner="none")
    summary = ingest_dask(
        [str(folder)], str(dask_db), Settings.default(), ner="none", workers=2
    ).summary()
    assert summary["stored"] == 13
    got, expected = tables(dask_db), tables(single)
    assert got["events"] == expected["events"]
    assert len(expected["events"]) > 10
    assert got == expected


def test_without_dask_the_message_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from marsad.executors.dask import ingest_dask

    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    with pytest.raises(MissingDependency, match=r"install marsad\[dask\] to use --workers/--dask"):
        ingest_dask([str(EXAMPLES)], str(tmp_path / "x.duckdb"), Settings.default(), workers=2)
