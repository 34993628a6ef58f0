"""CAMEO and PLOVER tables: official Goldstein weights, QuadClass, fallbacks, mapping."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.events.tables import cameo_info, cameo_table, load_cameo, plover_for, plover_table

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "events"
GOLDSTEIN = SHARED / "cameo" / "CAMEO.goldsteinscale.txt"
CAMEO2PLOVER = SHARED / "plover" / "CAMEO2PLOVER-2021.txt"


def test_known_goldstein_weights() -> None:
    assert cameo_info("173").goldstein == -5.0
    assert cameo_info("051").goldstein == 3.4
    assert cameo_info("190").goldstein == -10.0
    assert cameo_info("041").goldstein == 1.0
    assert cameo_info("141").goldstein == -6.5


def test_quad_class_of_every_root() -> None:
    expected = {1: range(1, 6), 2: range(6, 10), 3: range(10, 15), 4: range(15, 21)}
    for quad, roots in expected.items():
        for root in roots:
            info = cameo_info(f"{root:02d}")
            assert info.quad_class == quad, root
            assert info.root == f"{root:02d}"


def test_every_code_belongs_to_its_root() -> None:
    table = cameo_table()
    assert len(table) == 311
    for code, info in table.items():
        assert info.root == code[:2]
        assert info.root in table
        assert info.label


def test_fallback_to_parent_then_root() -> None:
    assert cameo_info("1053").code == "1053"
    assert cameo_info("1059").code == "105"
    assert cameo_info("0999").code == "09"
    with pytest.raises(KeyError):
        cameo_info("99")


def test_plover_fallback_and_dropped_roots() -> None:
    assert plover_for("173") is not None
    assert plover_for("173").event == "COERCE"  # type: ignore[union-attr]
    assert plover_for("1053").event == "REQUEST"  # type: ignore[union-attr]
    assert plover_for("1831").event == "ASSAULT"  # type: ignore[union-attr]
    assert plover_for("1712").event == "ASSAULT"  # type: ignore[union-attr]
    assert plover_for("141").event == "PROTEST"  # type: ignore[union-attr]
    assert plover_for("1959").event == "ASSAULT"  # type: ignore[union-attr]  # via 195
    assert plover_for("0253") is None  # APPEAL is dropped by PLOVER
    assert plover_for("010") is None


def test_malformed_table_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "cameo.tsv"
    bad.write_text("code\tlabel\tgoldstein\tquad_class\troot\n01\tx\tnotanumber\t1\t01\n")
    with pytest.raises(DataError, match=r"cameo\.tsv:2"):
        load_cameo(bad)


@pytest.mark.shared
@pytest.mark.skipif(not GOLDSTEIN.exists(), reason="shared data absent")
def test_goldstein_equals_official_table() -> None:
    lines = GOLDSTEIN.read_text(encoding="utf-8").splitlines()[1:]
    official = dict(line.split("\t") for line in lines if line.strip())
    table = cameo_table()
    assert set(official) == set(table)
    for code, weight in official.items():
        assert table[code].goldstein == float(weight), code


@pytest.mark.shared
@pytest.mark.skipif(not CAMEO2PLOVER.exists(), reason="shared data absent")
def test_every_cameo2plover_row_is_mapped() -> None:
    ours = plover_table()
    roots_seen: dict[str, set[str]] = {}
    for line in CAMEO2PLOVER.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([^#]*)", line)
        if not match:
            continue
        code, rest = match.groups()
        parts = [p.strip() for p in rest.split(",")] + ["", ""]
        event, mode = parts[0], parts[1]
        context = ";".join(c.strip() for c in parts[2].split(";") if c.strip())
        if len(code) == 2:
            roots_seen.setdefault(code, set()).add(event)
            continue
        assert code in ours, code
        assert (ours[code].event, ours[code].mode, ours[code].context) == (event, mode, context)
    for root, events in roots_seen.items():
        assert ours[root].event in events, root
