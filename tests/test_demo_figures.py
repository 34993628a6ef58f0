"""The figures the README quotes for `make demo` are the ones the demo computes today."""

from __future__ import annotations

import re
from pathlib import Path

from marsad import pipeline
from marsad.analytics.dyads import dyad_series
from marsad.store import Store

ROOT = Path(__file__).resolve().parents[1]


def _number(text: str) -> float:
    return float(text.replace("−", "-"))


def _groups(pattern: str, text: str) -> tuple[str, ...]:
    found = re.search(pattern, text)
    assert found is not None, pattern
    return found.groups()


def test_readme_demo_paragraph_matches_the_demo(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    para = " ".join(readme[readme.index("`make demo` rebuilds") :].split("\n\n")[0].split())
    before, after = _groups(r"mean Goldstein ([+−-][\d.]+) before, ([+−-][\d.]+) after", para)
    slope, lo, hi = _groups(
        r"slope ([+−-][\d.]+) per month, 95% interval ([+−-][\d.]+) to ([+−-][\d.]+)", para
    )
    mentions, records = _groups(r"(\d+) mentions but (\d+) event records", para)

    db = tmp_path / "demo.duckdb"
    pipeline.ingest(
        [str(ROOT / "examples" / "articles"), str(ROOT / "examples" / "dyad-usa-rus")], str(db)
    )
    with Store(db) as store:
        series = dyad_series(store, "USA", "RUS", by="month")
    trend = series["trend"]
    change = trend["change_point"]
    assert change["period"] == "2021-03-01"
    assert (round(change["before"], 2), round(change["after"], 2)) == (
        _number(before),
        _number(after),
    )
    assert round(trend["slope"], 2) == _number(slope)
    assert [round(x, 2) for x in trend["interval"]] == [_number(lo), _number(hi)]
    [april] = [p for p in series["periods"] if p["period"] == "2021-04-01"]
    assert (april["mentions"], april["records"]) == (int(mentions), int(records))
