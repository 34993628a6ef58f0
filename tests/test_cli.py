"""The CLI as a user runs it: JSON shape, one-line errors, exit codes, stdin."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from marsad.cli import main

from .conftest import ARTICLE, SEED, needs_shared

KEYS = {
    "id",
    "source_id",
    "title",
    "published",
    "source",
    "paragraphs_kept",
    "paragraphs_removed",
    "sentences",
    "entities",
    "events",
    "quotes",
    "numbers",
    "dates",
}


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    if args[0] in ("analyze", "ingest"):
        args = (*args, "--ner", "none")  # these tests are about I/O; NER has its own tests
    r = CliRunner().invoke(main, list(args), input=input)
    return r.exit_code, r.stdout, r.stderr


def test_analyze_json_shape(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run("analyze", str(p), "--published", "2022-05-04", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == "1.0"
    [a] = data["articles"]
    assert set(a) >= KEYS
    assert a["published"] == "2022-05-04" and a["source_id"] == "x"
    assert a["paragraphs_kept"] == 4 and len(a["sentences"]) == 5
    assert data["summary"] == {"read": 1, "stored": 0, "duplicates": 0, "skipped": [], "failed": []}


def test_analyze_report_and_bad_file_goes_on(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "zero.txt").write_bytes(b"")
    code, out, err = run("analyze", str(tmp_path))
    assert code == 0
    assert "وزير الخارجية المصري يبحث" in out
    assert "read 2 · stored 0 · duplicates 0 · skipped 0 · failed 1" in out
    assert err.strip() == f"error: {tmp_path / 'zero.txt'}: empty file"


def test_report_shows_each_event_confidence(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run("analyze", str(tmp_path / "good.txt"), "--json")
    confidences = [e["confidence"] for e in json.loads(out)["articles"][0]["events"]]
    assert confidences
    code, out, _ = run("analyze", str(tmp_path / "good.txt"))
    assert code == 0
    assert "conf" in out
    for c in confidences:
        assert f"{c:.2f}" in out


def test_nothing_processed_exits_nonzero(tmp_path: Path) -> None:
    code, _, err = run("analyze", str(tmp_path / "missing.txt"))
    assert code == 1
    assert err.strip() == f"error: {tmp_path / 'missing.txt'}: no such file or folder"


def test_bad_published_date(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    code, _, err = run("analyze", str(p), "--published", "5/2/2021")
    assert code == 2 and "is not a date in YYYY-MM-DD form" in err


def test_stdin() -> None:
    code, out, _ = run("analyze", "-", "--json", input=ARTICLE)
    assert code == 0
    assert json.loads(out)["articles"][0]["title"].startswith("وزير الخارجية المصري")


def test_ingest_json_summary_adds_up(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "b.bin").write_bytes(b"\x00\x01\x02\x03" * 10)
    db = str(tmp_path / "s.duckdb")
    code, out, _ = run("ingest", str(tmp_path / "in"), "--db", db, "--json")
    s = json.loads(out)
    assert code == 0
    assert (s["read"], s["stored"], s["duplicates"]) == (2, 1, 0)
    assert s["failed"] == [
        {"path": str(tmp_path / "in" / "b.bin"), "reason": "binary file (contains NUL bytes)"}
    ]
    code, out, _ = run("ingest", str(tmp_path / "in"), "--db", db, "--json")
    assert json.loads(out)["duplicates"] == 1 and json.loads(out)["stored"] == 0


def test_config_file_and_unknown_setting(tmp_path: Path) -> None:
    cfg = tmp_path / "marsad.toml"
    cfg.write_text("[marsad]\nnot_a_setting = 1\n", encoding="utf-8")
    code, _, err = run("--config", str(cfg), "analyze", "x")
    assert code == 1 and "unknown setting 'not_a_setting'" in err


@needs_shared("examples", "000_d6c194c62ad684ec.txt")
def test_seed_article_cleaning_via_cli() -> None:
    code, out, _ = run("analyze", str(SEED), "--published", "2021-02-05", "--json")
    a = json.loads(out)["articles"][0]
    assert code == 0
    assert (a["paragraphs_kept"], a["paragraphs_removed"]) == (15, 13)
    assert a["removed_by_reason"] == {"repeat": 13}


def test_dict_import_then_analyze_uses_it(tmp_path: Path) -> None:
    src = tmp_path / "my_actors.txt"
    src.write_text(
        "# a PETRARCH-style actor dictionary written for this test\n"
        "كريم_الهاشمي  [IRQGOV]\n"
        "+الهاشمي\n",
        encoding="utf-8",
    )
    out = tmp_path / "dicts"
    code, text, _ = run("dict", "import", "--format", "petrarch", str(src), "--out", str(out))
    assert code == 0
    assert "actors, read" in text and "written 1" in text
    assert sorted(p.name for p in out.iterdir()) == ["my_actors.actors.tsv", "my_actors.roles.tsv"]
    cfg = tmp_path / "marsad.toml"
    cfg.write_text(f'dictionary_dir = "{out}"\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("خبر\nوصل كريم الهاشمي إلى عمان أمس.\n", encoding="utf-8")
    code, text, _ = run("--config", str(cfg), "analyze", str(art), "--json")
    ents = json.loads(text)["articles"][0]["entities"]
    assert any(e["name"] == "كريم الهاشمي" and e["code"] == "IRQGOV" for e in ents)


@needs_shared("data", "events", "arabic_event_gsr", "protest_spans.json")
def test_eval_actors_json() -> None:
    from .conftest import SHARED

    path = SHARED / "data" / "events" / "arabic_event_gsr" / "protest_spans.json"
    code, text, _ = run("eval", "actors", "--spans", str(path), "--json")
    data = json.loads(text)
    assert code == 0
    assert data["country_accuracy"] >= 0.80 and data["role_accuracy"] >= 0.70


@needs_shared("data", "events", "arabic_event_gsr", "assault_gsr.csv")
def test_eval_events_says_when_it_is_a_fit() -> None:
    from .conftest import SHARED

    path = SHARED / "data" / "events" / "arabic_event_gsr" / "assault_gsr.csv"
    code, text, _ = run("eval", "events", "--gsr", str(path), "--json")
    data = json.loads(text)
    assert code == 0
    assert data["trained_on_this_file"] is True
    assert set(data["cross_validated"]) == {"ASSAULT"}
    assert 0.0 < data["cross_validated"]["ASSAULT"]["f1"] < data["ASSAULT"]["f1"]


def test_set_overrides_json_field_names(tmp_path: Path) -> None:
    p = tmp_path / "day.json"
    p.write_text(
        json.dumps(
            [
                {
                    "title": "خبر",
                    "content": "نص الخبر الأول.",
                    "date_extracted": "2015-07-21 02:51:32",
                }
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    code, out, _ = run(
        "-s", "field_text=content", "-s", "field_date=date_extracted", "analyze", str(p), "--json"
    )
    [a] = json.loads(out)["articles"]
    assert code == 0 and a["published"] == "2015-07-21"
    code, _, err = run("-s", "nonsense", "analyze", str(p))
    assert code == 2 and "is not NAME=VALUE" in err
    code, _, err = run("-s", "no_such=1", "analyze", str(p))
    assert code == 1 and "unknown setting 'no_such'" in err
