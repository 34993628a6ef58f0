"""The actor dictionary: dated roles, holders, clitic-aware matching and data integrity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad.actors.dictionary import INTERNATIONAL, RESOURCES, ActorDictionary, phrase_tokens
from marsad.errors import DataError
from marsad.text.normalize import normalize

P5 = ["USA", "RUS", "CHN", "GBR", "FRA"]
ARAB_LEAGUE = ["DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT"]
ARAB_LEAGUE += ["MAR", "OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM"]
REQUIRED = [*P5, *ARAB_LEAGUE, "IRN", "TUR", "ISR", "UKR", "DEU", "JPN", "IND"]
HEADS = ("president", "king", "emir", "sultan", "supreme_leader", "prime_minister", "chancellor")


@pytest.fixture(scope="module")
def d() -> ActorDictionary:
    return ActorDictionary.load()


def toks(text: str) -> list[str]:
    return list(phrase_tokens(text))


def keys(d: ActorDictionary, text: str) -> list[tuple[str, str]]:
    return [(m.kind, m.key) for m in d.match(toks(text))]


def codes(d: ActorDictionary, actor: str, day: str) -> list[str]:
    return [r.code for r in d.roles_on(actor, date.fromisoformat(day))]


# ---------------------------------------------------------------- dated roles
def test_biden_becomes_president_on_inauguration_day(d: ActorDictionary) -> None:
    assert codes(d, "joe_biden", "2021-01-19") == []
    assert d.code_on("joe_biden", date(2021, 1, 19)) == "USA"
    assert codes(d, "joe_biden", "2021-01-20") == ["USAGOV"]
    assert [r.label for r in d.roles_on("joe_biden", date(2021, 1, 20))] == ["president"]
    assert [r.label for r in d.roles_on("joe_biden", date(2012, 6, 1))] == ["vice_president"]


def test_obama_and_medvedev_at_new_start_signing(d: ActorDictionary) -> None:
    day = date(2010, 4, 8)
    assert d.code_on("barack_obama", day) == "USAGOV"
    assert d.code_on("dmitry_medvedev", day) == "RUSGOV"
    assert [r.label for r in d.roles_on("dmitry_medvedev", day)] == ["president"]


def test_trump_two_terms(d: ActorDictionary) -> None:
    assert d.code_on("donald_trump", date(2021, 1, 19)) == "USAGOV"
    assert codes(d, "donald_trump", "2021-01-21") == []
    assert d.code_on("donald_trump", date(2021, 1, 21)) == "USA"
    assert d.code_on("donald_trump", date(2022, 6, 1)) == "USA"
    assert d.code_on("donald_trump", date(2025, 1, 20)) == "USAGOV"


def test_navalny_opposition_until_death(d: ActorDictionary) -> None:
    assert d.code_on("alexei_navalny", date(2021, 2, 4)) == "RUSOPP"
    assert codes(d, "alexei_navalny", "2024-02-16") == []


def test_seniority_decides_between_simultaneous_roles(d: ActorDictionary) -> None:
    # Crown prince and defence minister at once: the senior title gives the code.
    assert codes(d, "mohammed_bin_salman", "2020-01-01") == ["SAUGOV", "SAUGOVMIL"]
    assert d.code_on("mohammed_bin_salman", date(2020, 1, 1)) == "SAUGOV"


def test_unknown_actor_has_no_code(d: ActorDictionary) -> None:
    assert d.code_on("nobody_at_all", date(2020, 1, 1)) is None
    assert d.roles_on("nobody_at_all", date(2020, 1, 1)) == []


# ---------------------------------------------------------------- holders
@pytest.mark.parametrize(
    ("iso3", "title", "day", "expected"),
    [
        ("USA", "president", "2010-04-08", "barack_obama"),
        ("RUS", "president", "2010-04-08", "dmitry_medvedev"),
        ("RUS", "prime_minister", "2010-04-08", "vladimir_putin"),
        ("RUS", "foreign_minister", "2021-02-04", "sergey_lavrov"),
        ("USA", "foreign_minister", "2021-02-04", "antony_blinken"),
        ("USA", "president", "2021-01-20", "joe_biden"),
        ("USA", "president", "2021-01-19", "donald_trump"),
        ("USA", "foreign_minister", "2021-01-22", None),
        ("GBR", "prime_minister", "2021-02-04", "boris_johnson"),
        ("DEU", "chancellor", "2021-02-04", "angela_merkel"),
        ("IGOUNO", "secretary_general", "2021-02-04", "antonio_guterres"),
    ],
)
def test_holder(d: ActorDictionary, iso3: str, title: str, day: str, expected: str | None) -> None:
    assert d.holder(iso3, title, date.fromisoformat(day)) == expected


# ---------------------------------------------------------------- matching
def test_clitics_do_not_hide_names(d: ActorDictionary) -> None:
    assert keys(d, "وبايدن") == [("actor", "joe_biden")]
    assert keys(d, "لروسيا") == [("country", "RUS")]
    assert keys(d, "والكرملين") == [("metonym", "RUS")]
    assert d.match(toks("والكرملين"))[0].code == "RUSGOV"
    assert keys(d, "بالبيت الأبيض") == [("metonym", "USA")]


def test_adjectives_map_to_countries(d: ActorDictionary) -> None:
    for word in ("الروسية", "الروسي", "الروس", "روسي"):
        assert keys(d, word) == [("adjective", "RUS")], word
    assert d.country_by_name_or_adjective(normalize("الأمريكية")) == "USA"
    assert d.country_by_name_or_adjective(normalize("وأمريكا")) == "USA"
    assert d.country_by_name_or_adjective(normalize("لا شيء")) is None


@pytest.mark.parametrize(
    "spelling",
    ["نافالني", "أليكسي نافالني", "ألكسي نافالني", "نافانلي", "أليكسي نافانلي", "ونافالني"],
)
def test_navalny_spellings_are_one_actor(d: ActorDictionary, spelling: str) -> None:
    assert keys(d, spelling) == [("actor", "alexei_navalny")]


def test_longest_match_in_a_sentence(d: ActorDictionary) -> None:
    found = d.match(toks("قال وزير الخارجية الروسي سيرغي لافروف لنظيره الأمريكي أنتوني بلينكن"))
    assert [(m.kind, m.key, m.start_token, m.end_token) for m in found] == [
        ("title", "foreign_minister", 1, 3),
        ("adjective", "RUS", 3, 4),
        ("actor", "sergey_lavrov", 4, 6),
        ("adjective", "USA", 7, 8),
        ("actor", "antony_blinken", 8, 10),
    ]


def test_agents_and_alternative_readings(d: ActorDictionary) -> None:
    assert [(m.kind, m.code) for m in d.match(toks("قوات الأمن"))] == [("agent", "COP")]
    assert [(m.kind, m.code) for m in d.match(toks("المتظاهرين"))] == [("agent", "CVL")]
    kuwait = d.match(toks("الكويت"))[0]
    assert (kuwait.kind, kuwait.key) == ("country", "KWT")
    assert ("capital", "KWT") in kuwait.alternatives
    # A multi-word region beats the country name it contains.
    assert keys(d, "أمريكا اللاتينية")[0][0] == "place"


def test_places_and_countries(d: ActorDictionary) -> None:
    prague = d.place(normalize("براغ"))
    assert prague is not None and (prague.iso3, prague.kind) == ("CZE", "capital")
    gaza = d.place(normalize("وغزة"))
    assert gaza is not None and gaza.iso3 == "PSE"
    assert d.place(normalize("كلمة ليست مكانا")) is None
    russia = d.country("RUS")
    assert russia is not None and russia.capital_en == "Moscow"
    palestine = d.country("PSE")
    assert palestine is not None and palestine.cameo == "PSE"
    kosovo = d.country("KSV")
    assert kosovo is not None and kosovo.iso3 == "XKX"


# ---------------------------------------------------------------- user files
def test_user_file_adds_an_actor(tmp_path: Path) -> None:
    actors = tmp_path / "my_actors.tsv"
    actors.write_text(
        "# a local mayor\nid\tname_en\tnames_ar\ttype\tqid\n"
        "test_mayor\tTest Mayor\tفلان الفلاني|الفلاني\tPERS\t\n",
        encoding="utf-8",
    )
    roles = tmp_path / "my_roles.tsv"
    roles.write_text(
        "actor_id\tcode\tstart\tend\ttitle\tnote\n"
        "test_mayor\tEGYGOV\t2020-01-01\t\tgovernor\tmade up for the test\n",
        encoding="utf-8",
    )
    d = ActorDictionary.load([actors, roles])
    assert keys(d, "وفلان الفلاني") == [("actor", "test_mayor")]
    assert d.code_on("test_mayor", date(2021, 1, 1)) == "EGYGOV"
    assert d.code_on("joe_biden", date(2021, 2, 4)) == "USAGOV"


def test_user_roles_replace_an_actors_roles(tmp_path: Path) -> None:
    roles = tmp_path / "fix.tsv"
    roles.write_text(
        "actor_id\tcode\tstart\tend\ttitle\tnote\njoe_biden\tUSAOPP\t\t\t\t\n", encoding="utf-8"
    )
    d = ActorDictionary.load([roles])
    assert d.code_on("joe_biden", date(2022, 1, 1)) == "USAOPP"


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("id\tname_en\tnames_ar\ttype\tqid\nx\tX\tس\tPERSON\t\n", 2, "PERS or ORG"),
        ("id\tname_en\tnames_ar\ttype\tqid\n\n# c\nx\tX\tس\tPERS\t\ta\tb\n", 4, "columns"),
        (
            "actor_id\tcode\tstart\tend\ttitle\tnote\njoe_biden\tUSAGOV\t2021-13-01\t\t\t\n",
            2,
            "date",
        ),
        ("actor_id\tcode\tstart\tend\ttitle\tnote\njoe_biden\tusagov\t\t\t\t\n", 2, "CAMEO"),
        ("actor_id\tcode\tstart\tend\ttitle\tnote\nno_one\tUSAGOV\t\t\t\t\n", 2, "actor_id"),
        ("actor_id\tcode\tstart\tend\ttitle\tnote\njoe_biden\tXYZGOV\t\t\t\t\n", 2, "country"),
        (
            "actor_id\tcode\tstart\tend\ttitle\tnote\njoe_biden\tUSAGOV\t2021-01-02\t2020-01-01\t\t\n",
            2,
            "before",
        ),
        ("who\twhat\n", 1, "header"),
    ],
)
def test_malformed_user_file_names_file_and_line(
    tmp_path: Path, text: str, line: int, reason: str
) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        ActorDictionary.load([bad])
    assert f"{bad}:{line}:" in str(err.value)
    assert reason in str(err.value)


# ---------------------------------------------------------------- shipped data
def test_shipped_data_integrity(d: ActorDictionary) -> None:
    known = {c.cameo for c in d.countries.values()} | INTERNATIONAL
    assert sum(len(r) for r in d.roles.values()) >= 1000
    assert len(d.countries) >= 195
    assert len(d.places) >= 400
    for actor_id, roles in d.roles.items():
        assert actor_id in d.actors
        for r in roles:
            assert r.code[:3] in known, (actor_id, r.code)
            assert r.start is None or r.end is None or r.start <= r.end, actor_id
            assert not r.title or r.title in d.titles, (actor_id, r.title)
    for c in d.countries.values():
        assert c.lat is not None and -90 <= c.lat <= 90 and c.lon is not None, c.iso3


def test_no_duplicate_ids_in_shipped_files() -> None:
    for name, col in (("actors.tsv", 0), ("countries.tsv", 0), ("titles.tsv", 0)):
        lines = (RESOURCES / name).read_text(encoding="utf-8").splitlines()
        ids = [ln.split("\t")[col] for ln in lines if ln and not ln.startswith("#")][1:]
        assert len(ids) == len(set(ids)), name


@pytest.mark.parametrize("iso3", REQUIRED)
def test_head_of_state_or_government_on_2021_02_04(d: ActorDictionary, iso3: str) -> None:
    day = date(2021, 2, 4)
    assert any(d.holder(iso3, title, day) for title in HEADS), iso3


@pytest.mark.parametrize("text", ["بأن", "هجوم بري", "تحت القاعدة", "أبي", "سبب رئيسي", "الألبان"])
def test_common_words_are_not_actors(d: ActorDictionary, text: str) -> None:
    assert [m for m in d.match(toks(text)) if m.kind in ("actor", "country", "adjective")] == []


# ---------------------------------------------------------------- office coverage since 2000
# Each required country must have a holder of each of the four offices on each sample day,
# unless the gap is allow-listed below with its reason.
OFFICES: dict[str, tuple[str, ...]] = {
    "head_of_state": ("president", "king", "emir", "sultan", "supreme_leader", "emperor"),
    "head_of_government": ("prime_minister", "chancellor"),
    "foreign_minister": ("foreign_minister",),
    "defence_minister": ("defence_minister",),
}
SAMPLE_DAYS = ("2003-06-01", "2008-06-01", "2013-06-01", "2018-06-01", "2023-06-01")
ALL = SAMPLE_DAYS
UNKNOWN = "unknown to us"
# (iso3, office) -> (sample days without a holder, reason).
COVERAGE_GAPS: dict[tuple[str, str], tuple[tuple[str, ...], str]] = {
    # Offices that do not exist: the president heads the government.
    ("USA", "head_of_government"): (ALL, "no prime minister: the president heads the government"),
    ("IRN", "head_of_government"): (ALL, "prime minister abolished in 1989; the president heads"),
    ("TUR", "head_of_government"): (("2023-06-01",), "prime minister abolished on 2018-07-09"),
    ("SDN", "head_of_government"): (
        ("2003-06-01", "2008-06-01", "2013-06-01"),
        "no prime minister from 1989 to 2017-03-02; the president headed the government",
    ),
    ("COM", "head_of_government"): (ALL, "no prime minister since the 2001-2002 constitution"),
    ("PSE", "defence_minister"): (ALL, "the Palestinian Authority has no defence ministry"),
    # Vacancies and occupation.
    ("LBN", "head_of_state"): (("2023-06-01",), "presidency vacant 2022-10-31 to 2025-01-09"),
    **{
        ("IRQ", office): (
            ("2003-06-01",),
            "no Iraqi government under the Coalition Provisional Authority (2003-04-09 to the "
            "Governing Council of 2003-07-13)",
        )
        for office in OFFICES
    },
    # Held under another title.
    ("LBY", "head_of_state"): (
        ("2003-06-01", "2008-06-01"),
        "Gaddafi held no state office; he is listed with the title leader (LBYGOV)",
    ),
    ("LBY", "defence_minister"): (
        ("2003-06-01", "2008-06-01", "2018-06-01"),
        "no defence secretary under Gaddafi as far as we know; GNA holder in 2018 unknown to us",
    ),
    # Holders we could not state with confidence.
    ("BHR", "defence_minister"): (ALL, f"{UNKNOWN} (ministers of state for defence affairs)"),
    ("COM", "foreign_minister"): (ALL, UNKNOWN),
    ("COM", "defence_minister"): (ALL, f"{UNKNOWN} (often kept by the president)"),
    ("DJI", "defence_minister"): (ALL, UNKNOWN),
    ("KWT", "defence_minister"): (("2013-06-01", "2023-06-01"), UNKNOWN),
    ("LBY", "foreign_minister"): (("2013-06-01",), f"{UNKNOWN} (Zeidan government dates)"),
    ("MRT", "foreign_minister"): (("2003-06-01", "2008-06-01", "2013-06-01"), UNKNOWN),
    ("MRT", "defence_minister"): (ALL, UNKNOWN),
    ("SOM", "foreign_minister"): (
        ("2003-06-01", "2008-06-01", "2018-06-01", "2023-06-01"),
        UNKNOWN,
    ),
    ("SOM", "defence_minister"): (ALL, UNKNOWN),
    ("SDN", "foreign_minister"): (
        ("2018-06-01",),
        f"Ghandour dismissed 2018-04-19, al-Dirdiri appointed in 2018-06; day {UNKNOWN}",
    ),
    ("SDN", "defence_minister"): (("2023-06-01",), UNKNOWN),
    ("YEM", "defence_minister"): (("2018-06-01", "2023-06-01"), UNKNOWN),
}


def _office_holder(d: ActorDictionary, iso3: str, office: str, day: str) -> str | None:
    on = date.fromisoformat(day)
    return next((h for t in OFFICES[office] if (h := d.holder(iso3, t, on)) is not None), None)


def test_office_coverage_since_2000(d: ActorDictionary) -> None:
    missing = [
        (iso3, office, day)
        for iso3 in REQUIRED
        for office in OFFICES
        for day in SAMPLE_DAYS
        if day not in COVERAGE_GAPS.get((iso3, office), ((), ""))[0]
        and _office_holder(d, iso3, office, day) is None
    ]
    assert missing == []


def test_coverage_gaps_are_still_gaps(d: ActorDictionary) -> None:
    """An allow-listed gap that the data now fills must leave the allow-list."""
    filled = [
        (iso3, office, day, holder)
        for (iso3, office), (days, _reason) in COVERAGE_GAPS.items()
        for day in days
        if (holder := _office_holder(d, iso3, office, day)) is not None
    ]
    assert filled == []
    assert all(iso3 in REQUIRED and office in OFFICES for iso3, office in COVERAGE_GAPS)


def test_jordan_and_oman_offices_held_with_others(d: ActorDictionary) -> None:
    # Jordanian prime ministers hold defence; the Sultan of Oman is his own prime minister.
    assert d.holder("JOR", "defence_minister", date(2013, 6, 1)) == "abdullah_ensour"
    assert d.code_on("abdullah_ensour", date(2013, 6, 1)) == "JORGOV"
    assert d.holder("OMN", "prime_minister", date(2008, 6, 1)) == "qaboos_bin_said"
    assert d.code_on("qaboos_bin_said", date(2008, 6, 1)) == "OMNGOV"


def test_a_place_name_written_without_the_article_does_not_match_behind_it(
    d: ActorDictionary,
) -> None:
    # ماليه is Malé and مالي is Mali, but المالية / المالي are "financial".
    assert keys(d, "ماليه") == [("capital", "MDV")]
    assert keys(d, "المالية") == []
    assert keys(d, "الدعم المالي") == []
    assert keys(d, "للعراق") == [("country", "IRQ")]  # written with ال in the table


def test_a_title_picks_the_namesake_who_holds_it(d: ActorDictionary) -> None:
    day = date(2021, 4, 14)
    assert d.namesake_with_title("jake_sullivan", "ambassador", day) == "john_sullivan"
    assert d.namesake_with_title("john_sullivan", "ambassador", day) is None
