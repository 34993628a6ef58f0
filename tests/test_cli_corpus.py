"""The store commands: marsad dyad, marsad export and marsad plot dyad over the bundled examples."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.exports import gdelt_columns

from .test_analytics import examples_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(examples_store(tmp_path_factory.mktemp("cli") / "examples.duckdb"))


def run(*args: str) -> tuple[int, str, str]:
    r = CliRunner().invoke(main, list(args))
    return r.exit_code, r.stdout, r.stderr


def test_dyad_table_and_statement(db: str) -> None:
    code, out, _ = run("dyad", "EGY", "JOR", "--by", "day", "--db", db)
    assert code == 0
    assert "EGY–JOR by day: event records" in out
    assert "2022-08-31" in out
    assert "+1.0 (+1.00)" in out  # 041 (1.0) on the 30th, «أمس الثلاثاء»
    assert "+11.4 (+3.80)" in out  # 036 both ways (4.0 each) and 051 (3.4) on the 31st
    assert "036 intent to meet or negotiate ×2" in out
    assert "too few periods with events (2; at least 3 are needed)" in out
    assert "أقل من 3" in out


def test_dyad_json_is_the_library_output(db: str) -> None:
    code, out, _ = run("dyad", "sau", "irn", "--db", db, "--json", "--from", "2023-03-01")
    assert code == 0
    data = json.loads(out)
    assert (data["a"], data["b"], data["by"], data["start"]) == ("SAU", "IRN", "week", "2023-03-01")
    # the Beijing agreement of 10-11 March 2023, each way: intent (036, Goldstein 4.0), restored
    # relations (054, 6.0) and the joint statement's pledges (030, 4.0); the 2016 break of
    # relations is before --from
    [week] = [p for p in data["periods"] if p["records"]]
    assert (week["period"], week["records"], week["goldstein_total"]) == ("2023-03-06", 6, 28.0)
    assert (week["a_to_b"]["records"], week["b_to_a"]["records"]) == (3, 3)


def test_dyad_min_confidence(db: str) -> None:
    from marsad import analytics
    from marsad.store import Store

    with Store(Path(db), read_only=True) as store:
        [(sure,)] = store.con.execute(
            "SELECT max(confidence) FROM events WHERE source_code LIKE 'EGY%'"
            " AND target_code LIKE 'JOR%'"
        ).fetchall()
        expected = analytics.dyad_series(store, "EGY", "JOR", "day", min_confidence=sure)
    code, out, _ = run(
        "dyad", "EGY", "JOR", "--by", "day", "--db", db, "--json", "--min-confidence", str(sure)
    )
    assert code == 0
    data = json.loads(out)
    assert data == json.loads(json.dumps(expected))
    kept = sum(p["records"] for p in data["periods"])
    everything = json.loads(run("dyad", "EGY", "JOR", "--db", db, "--json")[1])
    assert 1 <= kept < sum(p["records"] for p in everything["periods"])
    code, _, err = run("dyad", "EGY", "JOR", "--db", db, "--min-confidence", "1.5")
    assert code == 2 and "1.5 is not in the range 0.0<=x<=1.0" in err


def test_dyad_errors_are_one_line(db: str, tmp_path: Path) -> None:
    code, _, err = run("dyad", "USA", "RUS", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1
    assert (
        err.strip()
        == f"Error: {tmp_path / 'none.duckdb'}: no such store (create one with marsad ingest)"
    )
    assert not (tmp_path / "none.duckdb").exists()
    code, _, err = run("dyad", "U-S", "RUS", "--db", db)
    assert (code, err.strip()) == (1, "Error: 'U-S' is not a CAMEO actor code (e.g. USA or USAGOV)")
    code, _, err = run("dyad", "USA", "RUS", "--db", db, "--from", "2024-13-01")
    assert code == 2 and "is not a YYYY-MM-DD date" in err


def test_export_gdelt_to_a_folder_and_stdout(db: str, tmp_path: Path) -> None:
    code, _, err = run("export", "--format", "gdelt", "--db", db, "-o", str(tmp_path))
    target = tmp_path / "marsad-gdelt-events.tsv"
    assert code == 0
    assert err.strip() == f"wrote 33 rows (gdelt, events) to {target}"
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 33 and all(len(x.split("\t")) == len(gdelt_columns()) for x in lines)
    code, out, _ = run("export", "--format", "gdelt", "--table", "mentions", "--header", "--db", db)
    assert code == 0
    rows = out.splitlines()
    assert rows[0].split("\t") == gdelt_columns("mentions") and len(rows) == 34


def test_export_min_confidence(db: str) -> None:
    from marsad import exports
    from marsad.store import Store

    with Store(Path(db), read_only=True) as store:
        expected = exports.export(store, "gdelt", io.StringIO(), min_confidence=0.5)
    code, out, err = run("export", "--format", "gdelt", "--db", db, "--min-confidence", "0.5")
    assert code == 0
    assert err.strip() == f"wrote {expected} rows (gdelt, events) to standard output"
    assert len(out.splitlines()) == expected < 33


def test_export_plover_and_parquet(db: str, tmp_path: Path) -> None:
    code, out, _ = run(
        "export", "--format", "plover", "--db", db, "--from", "2022-01-01", "--to", "2022-01-31"
    )
    assert code == 0
    records = [json.loads(x) for x in out.splitlines()]
    assert sorted(r["event"][0] for r in records) == [
        "ACCUSE",
        "ASSAULT",
        "COERCE",
        "PROTEST",
        "PROTEST",
        "REQUEST",
    ]
    code, _, err = run("export", "--format", "parquet", "--db", db)
    assert (code, err.strip()) == (1, "Error: parquet export needs an output file path")
    code, _, _ = run("export", "--format", "parquet", "--db", db, "-o", str(tmp_path / "e.parquet"))
    assert code == 0 and (tmp_path / "e.parquet").stat().st_size > 0


def test_plot_dyad_writes_a_png(db: str, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    out_file = tmp_path / "chart.png"
    code, out, _ = run(
        "plot", "dyad", "IRN", "IGO", "--by", "month", "--db", db, "-o", str(out_file)
    )
    assert code == 0
    assert out_file.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert out.startswith("IRN–IGO: too few periods")
