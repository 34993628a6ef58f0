"""PETRARCH / UniversalPetrarch dictionaries convert into tables marsad loads, merged under ours."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from marsad.actors.dictionary import ActorDictionary
from marsad.actors.petrarch import detect_kind, import_petrarch, parse_code, parse_date
from marsad.actors.resolve import Resolver
from marsad.errors import SourceError
from marsad.events.triggers import TriggerSet
from marsad.text.normalize import normalize_word
from marsad.text.segment import tokenize

SHARED = Path(
    os.environ.get("MARSAD_SHARED") or Path(__file__).resolve().parents[1].parent / "shared"
)
EVENTS = SHARED / "data" / "events"

ACTORS = """\
# A small actor dictionary in UniversalPetrarch style
غزة  [PSE]
سلام_فياض_  [PSE]
+فياض
\t[PSEGOV 20070615-20130606]
ألف_عمر_كوناري_
\t[MLIGOV 920608-020608]
\t[IGO 20030916-20080201]
قوة_خاصة_  [MIL]
بلا_رمز_
\t[XYZGOV]
مؤقت_
\t[PSEGOV 20100101-20090101]
\t[PSE >22000101]
GAZA_STRIP_ [PSE]
"""

AGENTS = """\
# agents, UniversalPetrarch style
SEPARATIST [~REB]انفصالي
SEPARATIST_MOVEMENT [~REB]حركة انفصالية
BANK_CONTROL_DEPARTMENT [~GOVBUS]إدارة مراقبة المصارف/البنوك
PRO_INDEPENDENCE_ACTIVIST [~OPP] # ? REB SEEMED WRONG ناشط مؤيد للاستقلال
HUMAN_RIGHTS_GROUP [NGO~]
ARMED_FORCES {} [~MIL]
عصابة_مسلحة [~CRM]
حركة_انفصالية [~REB]
"""

VERBS = """\
####### SYNONYM SETS #######
&PEOPLE
+مدني_
+سكان_محليين_

####### VERB PATTERNS #######
--- هاجم [190] ---
هاجم                # attack
اعتدى+على   [180]   # assault
- * &PEOPLE [180] # هاجم
- * (ب صاروخ) [195] # هاجم
- &PEOPLE * [190]
- * جندي [182:183]
- * {حادث سير} [---]

--- ATTACK [190] ---
ATTACK
- * CIVILIANS [180]
"""


def _rows(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")][1:]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_actor_entries_become_actors_dated_roles_and_agents(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = import_petrarch(_write(tmp_path, "up.txt", ACTORS), out)
    assert (report.kind, report.read, report.written) == ("actors", 7, 3)
    assert _rows(out / "up.actors.tsv") == [
        ["petrarch:فياض", "سلام فياض", "فياض", "PERS", ""],
        ["petrarch:ألف_عمر_كوناري", "ألف عمر كوناري", "ألف عمر كوناري", "PERS", ""],
    ]
    # The default code fills the time around the dated restriction; YYMMDD years <= 30 are 20YY.
    assert _rows(out / "up.roles.tsv") == [
        ["petrarch:فياض", "PSE", "", "2007-06-15", "", "up.txt:3"],
        ["petrarch:فياض", "PSEGOV", "2007-06-15", "2013-06-06", "", "up.txt:5"],
        ["petrarch:فياض", "PSE", "2013-06-06", "", "", "up.txt:3"],
        ["petrarch:ألف_عمر_كوناري", "MLIGOV", "1992-06-08", "2002-06-08", "", "up.txt:7"],
        ["petrarch:ألف_عمر_كوناري", "IGO", "2003-09-16", "2008-02-01", "", "up.txt:8"],
    ]
    assert _rows(out / "up.agents.tsv") == [["قوة خاصة", "MIL", "up.txt:9"]]
    reasons = dict(report.skipped)
    assert "already in marsad" in reasons[2] and "already in marsad" in reasons[3]
    assert "XYZ" in reasons[11] and "ends before it starts" in reasons[13]
    assert "never applies" in reasons[14] and "no Arabic" in reasons[15]


def test_imported_actors_load_merged_under_ours(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = import_petrarch(_write(tmp_path, "up.txt", ACTORS), out)
    d = ActorDictionary.load(report.files)
    assert d.code_on("petrarch:فياض", date(2010, 1, 1)) == "PSEGOV"
    assert d.code_on("petrarch:فياض", date(2015, 1, 1)) == "PSE"
    assert d.code_on("petrarch:ألف_عمر_كوناري", date(2005, 1, 1)) == "IGO"
    # Shipped entries are untouched: our own actor for سلام فياض keeps its id.
    assert "petrarch:سلام_فياض" not in d.actors
    assert d.agents["قوه خاصه"].code == "MIL"


def test_agents_take_the_arabic_and_skip_what_we_know(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = import_petrarch(_write(tmp_path, "ag.txt", AGENTS), out)
    assert (report.kind, report.read, report.written) == ("agents", 8, 4)
    assert _rows(out / "ag.agents.tsv") == [
        ["حركة انفصالية", "REB", "ag.txt:3 SEPARATIST MOVEMENT"],
        ["إدارة مراقبة المصارف|إدارة مراقبة البنوك", "GOVBUS", "ag.txt:4 BANK CONTROL DEPARTMENT"],
        ["ناشط مؤيد للاستقلال", "OPP", "ag.txt:5 PRO INDEPENDENCE ACTIVIST"],
        ["عصابة مسلحة", "CRM", "ag.txt:8"],
    ]
    assert [line for line, _ in report.skipped] == [2, 6, 7, 9]
    d = ActorDictionary.load(report.files)
    assert d.agents["ناشط مءيد للاستقلال"].code == "OPP"


def test_verbs_become_trigger_lines(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = import_petrarch(_write(tmp_path, "verbs.txt", VERBS), out)
    assert (report.kind, report.read, report.written) == ("verbs", 9, 5)
    assert _rows(out / "verbs.triggers.tsv") == [
        ["petrarch.7", "هاجم+", "190", "", "verbs.txt:7"],
        ["petrarch.9", "اعتدي+ علي", "180", "", "verbs.txt:7"],
        ["petrarch.10", "هاجم+ / اعتدي+ علي", "180", "مدني+ / سكان+ محليين+", "verbs.txt:10"],
        ["petrarch.11", "هاجم+ / اعتدي+ علي", "195", "ب_صاروخ+", "verbs.txt:11"],
        ["petrarch.14", "هاجم+ / اعتدي+ علي", "-", "حادث+ سير+", "verbs.txt:14"],
    ]
    assert [line for line, _ in report.skipped] == [12, 13, 16, 18]
    triggers = TriggerSet.load(out / "verbs.triggers.tsv")
    found = triggers.find(["هاجمت", "المدنيين"])
    assert [(m.cameo, m.pattern_id) for m in found] == [("180", "petrarch.10")]


def test_small_parsers() -> None:
    assert parse_date("090120") == date(2009, 1, 20)
    assert parse_date("510724") == date(1951, 7, 24)
    assert parse_date("20100931") is None
    assert parse_code("USAGOV >20090120") == ("USAGOV", date(2009, 1, 20), None)
    assert parse_code("USAELI 20090120-20170120") == (
        "USAELI",
        date(2009, 1, 20),
        date(2017, 1, 20),
    )
    assert parse_code("IRQ <20030320") == ("IRQ", None, date(2003, 3, 20))
    assert isinstance(parse_code("?MIL"), str)
    assert detect_kind(["X [~MIL]"]) == "agents"
    assert detect_kind(["--- ATTACK [190] ---"]) == "verbs"


def test_unreadable_and_unknown_files_raise_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        import_petrarch(tmp_path / "missing.txt", tmp_path)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00broken")
    with pytest.raises(SourceError):
        import_petrarch(bad, tmp_path)
    with pytest.raises(SourceError):
        import_petrarch(_write(tmp_path, "plain.txt", "just words\n"), tmp_path)


def test_malformed_lines_are_skipped_not_fatal(tmp_path: Path) -> None:
    text = "\t[USAGOV]\n+وحيد\nاسم_ما_\n\t[USAGOV 2009-01]\n\t[USAGOV >20090120\n"
    report = import_petrarch(_write(tmp_path, "odd.txt", text), tmp_path / "o", kind="actors")
    assert report.read == 1 and report.written == 0
    assert len(report.skipped) >= 4


# ---------------------------------------------------------------------- real dictionaries
@pytest.mark.shared
@pytest.mark.skipif(not EVENTS.is_dir(), reason="../shared event dictionaries not available")
def test_real_universal_petrarch_files_import_and_resolve(tmp_path: Path) -> None:
    up = EVENTS / "universal_petrarch_arabic"
    files: list[Path] = []
    for name, kind in (
        ("actor_dict_ar_v4.txt", "actors"),
        ("agents.all.ar.txt", "agents"),
        ("CAMEO.ar.0.5.txt", "verbs"),
    ):
        report = import_petrarch(up / name, tmp_path)
        assert report.kind == kind
        assert report.read > 0 and report.written > 0, (name, report.read, report.written)
        files += report.files
    d = ActorDictionary.load([f for f in files if not f.name.endswith(".triggers.tsv")])
    assert len(TriggerSet.load(tmp_path / "CAMEO.ar.0.5.triggers.tsv")) > 1000
    # ألف_عمر_كوناري_ is [MLIGOV 19920608-20020608] in the UniversalPetrarch file.
    text = "استقبل ألف عمر كوناري الوفد"
    norms = [normalize_word(text[s.start : s.end]) for s in tokenize(text)]
    refs = Resolver(d).references(norms, ["O"] * len(norms), date(2000, 1, 1))
    assert [r.code for r in refs if r.actor_id == "petrarch:ألف_عمر_كوناري"] == ["MLIGOV"]


@pytest.mark.shared
@pytest.mark.skipif(not EVENTS.is_dir(), reason="../shared event dictionaries not available")
def test_real_petrarch2_files_are_read_and_english_is_reported(tmp_path: Path) -> None:
    folder = EVENTS / "petrarch2" / "dictionaries"
    for name, kind in (
        ("Phoenix.International.actors.txt", "actors"),
        ("Phoenix.agents.txt", "agents"),
        ("CAMEO.2.0.txt", "verbs"),
    ):
        report = import_petrarch(folder / name, tmp_path)
        assert report.kind == kind and report.read > 0
        # PETRARCH2 dictionaries are English: every entry is read, counted and skipped.
        assert report.written == 0 and report.skipped
