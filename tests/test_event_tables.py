"""CAMEO and PLOVER tables: official Goldstein weights, QuadClass, fallbacks, mapping, names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.events.tables import (
    cameo_arabic_table,
    cameo_info,
    cameo_name,
    cameo_table,
    load_cameo,
    load_cameo_arabic,
    plover_for,
    plover_table,
)
from marsad.events.triggers import default_triggers

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data" / "events"
GOLDSTEIN = SHARED / "cameo" / "CAMEO.goldsteinscale.txt"
CAMEO2PLOVER = SHARED / "plover" / "CAMEO2PLOVER-2021.txt"
EVENTCODES = SHARED / "cameo" / "LOOKUP-CAMEO.eventcodes.txt"
ARABIC_LETTERS = re.compile(r"[\u0621-\u064a]")


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


def test_arabic_names_cover_exactly_our_codes() -> None:
    names = cameo_arabic_table()
    assert set(names) == set(cameo_table())
    assert all(cameo_name(code, "ar") for code in plover_table())  # 1213, 1214 via 121
    for code, name in names.items():
        assert ARABIC_LETTERS.search(name), code
        assert not re.search(r"[A-Za-z]", name.replace("الفيتو", "")), code
    assert len(set(names.values())) == len(names), "two codes share an Arabic name"


def test_every_trigger_code_has_both_names() -> None:
    for trigger in default_triggers().triggers:
        if trigger.cameo[:1].isdigit():
            assert cameo_name(trigger.cameo, "ar"), trigger.id
            assert cameo_name(trigger.cameo, "en"), trigger.id


def test_cameo_name_by_language_with_fallback() -> None:
    assert cameo_name("036", "ar") == "التعبير عن الرغبة في اللقاء أو التفاوض"
    assert cameo_name("161", "ar") == "تقليص العلاقات الدبلوماسية أو قطعها"
    assert cameo_name("190", "ar") == "استخدام القوة العسكرية التقليدية"
    assert cameo_name("190") == cameo_info("190").label
    assert cameo_name("1959", "ar") == cameo_name("195", "ar")  # finer than the table
    assert cameo_name("99", "ar") is None
    assert cameo_name("", "en") is None
    with pytest.raises(ValueError):
        cameo_name("01", "fr")


def test_malformed_arabic_table_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "cameo_ar.tsv"
    bad.write_text("# names\ncode\tname\n01\tتصريح\n01\tتصريح آخر\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"cameo_ar\.tsv:4: duplicate"):
        load_cameo_arabic(bad)


def official_event_codes() -> set[str]:
    """Codes of GDELT's event code lookup. One of its lines holds two rows run together
    (``1056\t…engagement106:[-5.0] Demand withdrawal``), so codes are also taken from inside."""
    codes = set()
    for line in EVENTCODES.read_text(encoding="utf-8").splitlines()[1:]:
        if not line.strip():
            continue
        code, _, name = line.partition("\t")
        codes.add(code.strip())
        codes.update(re.findall(r"(\d{2,4}):\[-?[\d.]+\]", name))
    return codes


@pytest.mark.shared
@pytest.mark.skipif(not EVENTCODES.exists(), reason="shared data absent")
def test_arabic_names_cover_exactly_the_official_codes() -> None:
    official = official_event_codes()
    names = cameo_arabic_table()
    assert sorted(official - set(names)) == [], "official codes without an Arabic name"
    assert sorted(set(names) - official) == [], "Arabic names for codes the list does not have"


def test_future_intents_table_maps_acts_to_intents_and_threats() -> None:
    from marsad.events.tables import future_intent, load_future_intents

    table = load_future_intents()
    assert all(intent[:2] in ("03", "13") for intent in table.values())
    assert future_intent("0871") == "035"  # a ceasefire to come: intent to yield
    assert (future_intent("040"), future_intent("163"), future_intent("1631")) == (
        "036",
        "1312",
        "1312",
    )
    assert future_intent("190") == "138" and future_intent("010") is None


def test_a_bad_future_intents_table_names_its_line(tmp_path: Path) -> None:
    from marsad.events.tables import load_future_intents

    path = tmp_path / "future.tsv"
    path.write_text("code\tintent\n04\t036\n19\t13x\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"future.tsv:3: bad CAMEO code '13x'"):
        load_future_intents(path)
    path.write_text("code\tintent\n04\t036\n04\t030\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"future.tsv:3: duplicate code 04"):
        load_future_intents(path)


def test_an_unreadable_word_list_is_a_data_error(tmp_path: Path) -> None:
    from marsad.datafiles import read_lines

    path = tmp_path / "words.txt"
    path.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DataError, match=r"words\.txt: cannot read word list"):
        read_lines(path)
    path.write_text("# a comment\n\nكرة\n  الملعب  \n", encoding="utf-8")
    assert read_lines(path) == ["كرة", "الملعب"]
