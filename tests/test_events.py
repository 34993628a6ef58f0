"""Event coding on sentences written for the tests: codes, direction, dates, modality, evidence."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marsad.model import Article, Event
from marsad.pipeline import analyze_text
from marsad.steps.events import dedupe

FIXTURES = Path(__file__).parent / "fixtures" / "event_cases.jsonl"


def events(text: str, published: date = date(2021, 2, 5)) -> tuple[Article, list[Event]]:
    a = analyze_text("خبر\n" + text, published=published, ner="none")
    return a, a.events


def brief(evs: list[Event]) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(e.cameo, e.source.get("code"), e.target.get("code"), e.date) for e in evs]


def test_vso_call_with_counterpart_dated_by_relative_date() -> None:
    a, evs = events(
        "أجرى وزير الخارجية الروسي سيرجي لافروف أمس الخميس اتصالا هاتفيا مع نظيره الأمريكي أنتوني بلينكن."
    )
    assert brief(evs) == [("041", "RUSGOV", "USAGOV", "2021-02-04")]
    ev = evs[0]
    assert ev.source["entity_id"] != ev.target["entity_id"]
    assert a.text[ev.start : ev.end] == ev.trigger == "أجرى"
    assert ev.goldstein == 1.0 and ev.quad_class == 1
    assert ev.evidence is not None and ev.evidence["sentence"].startswith("أجرى وزير")


def test_arrest_with_object_pronoun_and_vso_subject() -> None:
    _, evs = events(
        "وعاد المعارض الروسي أليكسي نافالني إلى موسكو حيث اعتقلته السلطات الروسية فور وصوله."
    )
    assert ("173", "RUSGOV", "RUSOPP", "2021-02-05") in brief(evs)
    arrest = next(e for e in evs if e.cameo == "173")
    assert arrest.goldstein == -5.0 and arrest.quad_class == 4
    assert arrest.plover == {"event": "COERCE", "mode": "arrest", "context": "legal"}


def test_reported_speech_makes_the_speaker_the_source() -> None:
    _, evs = events('وقال بايدن إن روسيا "ستدفع الثمن" على أعمالها.')
    assert brief(evs) == [("130", "USAGOV", "RUS", "2021-02-05")]
    assert (
        evs[0].quote is not None and evs[0].quote["speaker_entity_id"] == evs[0].source["entity_id"]
    )


def test_demand_release_targets_the_detained() -> None:
    _, evs = events("ودعا بايدن إلى الإفراج الفوري عن المعارض نافالني.")
    assert brief(evs) == [("0253", "USAGOV", "RUSOPP", "2021-02-05")]


def test_coordinated_signatories_and_absolute_date_and_place() -> None:
    _, evs = events("وقع الرئيسان أوباما ومدفيديف المعاهدة في 8 أبريل 2010 في براغ.")
    # Both sign: a listed pair doing a mutual act gives one event each way (as GDELT codes it).
    assert brief(evs) == [
        ("057", "USAGOV", "RUSGOV", "2010-04-08"),
        ("057", "RUSGOV", "USAGOV", "2010-04-08"),
    ]
    assert evs[0].place is not None and evs[0].place["name_en"] == "Prague"


def test_date_of_event_gives_the_role_of_that_day() -> None:
    _, evs = events(
        "وكان أوباما قد وقع مع مدفيديف معاهدة في 8 أبريل 2010.", published=date(2021, 2, 5)
    )
    obama = next(e for e in evs if e.cameo == "057")
    assert obama.source["code"] == "USAGOV"  # president on 2010-04-08, only USA on 2021-02-05


@pytest.mark.parametrize(
    "sentence",
    [
        "لم يلتق وزير الخارجية الروسي لافروف نظيره الأمريكي بلينكن.",  # negated
        "هل يفرض بايدن عقوبات جديدة على روسيا؟",  # question
        "بدا الأمر أن بايدن يريد فتح صفحة جديدة مع روسيا.",  # opinion
        "ومن الصعب أن يلتقي بايدن مع بوتين قريبا.",  # opinion
        "ونفى الكرملين أن يكون بوتين قد التقى بايدن.",  # denial
        "وإذا هاجمت روسيا أوكرانيا فإن الغرب سيرد.",  # conditional
    ],
)
def test_no_event_from_negated_hypothetical_question_or_opinion(sentence: str) -> None:
    assert events(sentence)[1] == []


def test_heading_sentences_carry_no_events() -> None:
    a = analyze_text(
        "خبر\nاللقاء الأول\nاعتقال المعارض\nوأجرى لافروف اتصالا هاتفيا مع بلينكن أمس.\n",
        published=date(2021, 2, 5),
        ner="none",
    )
    assert [s.heading for s in a.sentences] == [False, False, True, False]
    assert [e.sentence for e in a.events] == [3]


def test_same_event_in_two_sentences_is_counted_once() -> None:
    _, evs = events(
        "أجرى لافروف اتصالا هاتفيا مع بلينكن. وأجرى لافروف أمس الخميس اتصالا هاتفيا مع بلينكن."
    )
    assert brief(evs) == [("041", "RUSGOV", "USAGOV", "2021-02-04")]
    assert evs[0].mentions == 2


def _call(sentence: int, day: str, date_from: str) -> Event:
    return Event(
        cameo="041",
        sentence=sentence,
        start=sentence,
        end=sentence + 1,
        trigger="x",
        source={"entity_id": "e1"},
        target={"entity_id": "e2"},
        date=day,
        evidence={"date_from": date_from},
    )


def test_dedupe_keeps_differently_dated_occasions() -> None:
    a = _call(0, "2021-01-01", "sentence")
    b = _call(1, "2021-02-01", "sentence")
    c = _call(2, "2021-03-01", "published")
    assert [e.date for e in dedupe([a, b, c])] == ["2021-01-01", "2021-02-01"]


def test_calling_someone_a_killer_in_reported_speech_is_criticism() -> None:
    # «إنه يعتقد» is the speaker's own stated view, not an analyst's opinion.
    _, evs = events("وقال بايدن في مقابلة تلفزيونية إنه يعتقد أن بوتين قاتل.", date(2021, 3, 17))
    assert brief(evs) == [("111", "USAGOV", "RUSGOV", "2021-03-17")]


def test_the_speakers_own_stated_view_is_no_analysts_opinion() -> None:
    _, evs = events('وقال بايدن إنه يرى أن روسيا "ستدفع الثمن" على أعمالها.')
    assert brief(evs) == [("130", "USAGOV", "RUS", "2021-02-05")]
    assert events('ويرى محللون أن روسيا "ستدفع الثمن" على أعمالها.')[1] == []


def test_a_dual_title_with_two_nationalities_is_both_office_holders() -> None:
    _, evs = events("واتفق الرئيسان الأمريكي والروسي على مواصلة الحوار.", date(2021, 6, 16))
    assert brief(evs) == [
        ("030", "USAGOV", "RUSGOV", "2021-06-16"),
        ("030", "RUSGOV", "USAGOV", "2021-06-16"),
    ]


def test_a_bare_dual_title_is_not_the_presidency_of_the_dateline() -> None:
    a = analyze_text(
        "قمة جنيف\nجنيف - (وكالات):\n"
        "التقى الرئيس الأمريكي جو بايدن نظيره الروسي فلاديمير بوتين أمس.\n"
        "واتفق الرئيسان بحسب الرئاسة على استئناف المحادثات.\n",
        published=date(2021, 6, 17),
        ner="none",
    )
    assert all("CHE" not in (e.source.get("code") or "") for e in a.events)


def test_a_newspaper_reporting_is_not_the_speaker_of_the_act_it_reports() -> None:
    a, evs = events("وقالت صحيفة واشنطن بوست إن موسكو طردت ثلاثة دبلوماسيين أمريكيين.")
    assert brief(evs) == [("161", "RUS", "USAGOV", "2021-02-05")]
    assert not [e for e in a.entities if e.code and e.code.endswith("MED")]


def test_financial_is_not_the_maldives_nor_mali() -> None:
    a, evs = events("وانتقد وزير الخارجية الروسي السياسات المالية الأمريكية والدعم المالي لكييف.")
    assert ("111", "RUSGOV", "USA", "2021-02-05") in brief(evs)
    assert not {"MDV", "MLI"} & {e.code for e in a.entities}


def test_a_title_tells_namesakes_apart() -> None:
    a, evs = events("واستدعت الخارجية الروسية السفير سوليفان.", date(2021, 4, 14))
    assert brief(evs) == [("114", "RUSGOV", "USAGOV", "2021-04-14")]
    target = next(e for e in a.entities if e.id == evs[0].target["entity_id"])
    assert target.actor_id == "john_sullivan"


def test_an_adverb_in_iyyan_is_no_actor() -> None:
    a, _ = events("وقال الكرملين إن روسيا سترد عسكرياً على أي تهديد.")
    assert not [e for e in a.entities if e.code and "MIL" in e.code]
    a, _ = events("وقتل 20 عسكريا في هجوم على قاعدة في سوريا.")
    assert [e.code for e in a.entities if e.code and "MIL" in e.code]  # counted: soldiers


def test_replying_by_expelling_diplomats_is_reducing_relations() -> None:
    _, evs = events("موسكو ترد على الخطوة الأمريكية بطرد عشرة دبلوماسيين أمريكيين.")
    assert brief(evs) == [("161", "RUS", "USAGOV", "2021-02-05")]


@pytest.mark.parametrize(
    "sentence",
    [
        "وكان تقرير للاستخبارات الأمريكية قد اتهم روسيا بالتدخل في الانتخابات.",
        "واتهم تقرير للاستخبارات الأمريكية روسيا بالتدخل في الانتخابات.",
    ],
)
def test_the_author_of_a_report_is_the_accuser(sentence: str) -> None:
    _, evs = events(sentence)
    assert brief(evs) == [("112", "USASPY", "RUS", "2021-02-05")]


def test_the_nationality_of_a_strike_is_its_army_and_the_martyred_are_its_victims() -> None:
    _, evs = events("استشهد ثلاثة فلسطينيين في قصف إسرائيلي على غزة.")
    assert brief(evs) == [("190", "ISRMIL", "PSECVL", "2021-02-05")]


def test_a_summit_in_a_third_country_is_a_meeting_there() -> None:
    _, evs = events("وعقد الرئيسان الأمريكي والروسي قمة في جنيف.", date(2021, 6, 16))
    assert brief(evs) == [
        ("044", "USAGOV", "RUSGOV", "2021-06-16"),
        ("044", "RUSGOV", "USAGOV", "2021-06-16"),
    ]


CASES = [json.loads(line) for line in FIXTURES.read_text(encoding="utf-8").splitlines()]

# Cases the coder still gets wrong, by index in event_cases.jsonl, with what it gets wrong. The
# markers are strict: a fix turns the case into an XPASS failure, and its line goes.
KNOWN_FAILURES: dict[int, str] = {
    1: "a comment with no addressee (012) is not coded: an event needs a target",
    2: "018 TURGOV→MARCVL is found, but a statement (root 01) needs an addressee after إلى/لـ",
    4: "«حث … على المصادقة» is 020, not 022; the call's target is SWE, not the counterpart",
    5: "«دعا … إلى الجلوس إلى طاولة الحوار» is 020; «مجلس النواب» is not LBYLEG",
    22: "the withdrawal's target is «القوات الروسية» (RUSMIL), not UKR",
    23: "passive «رُفع … بقرار من وزارة الداخلية»: «بقرار من» is not read as the doer",
    24: "«تحقيق» (091) has no doer through «أمر … بفتح»; «مسؤولين في وزارة الصحة» has no country",
    40: "the strike (143) has no target in the sentence (the government is implicit)",
    41: "the hunger strike (142) is not coded: ISRGOV is only implied by «السجون الإسرائيلية»",
    43: "153 EGYCOP is found, but its only target (Cairo, EGY) is its own country and dropped",
    47: "«في 26 يناير الماضي» is not resolved; UNRWA is coded IGOUNOREFWRA (UNO, ok)",
    48: "passive with no doer: the arresting state (IRNGOV) is implicit",
    50: "«حظر تجول … في بغداد»: the population (IRQCVL) is not named",
    51: "«فجّر انتحاري … نفسه»: the bomber's group and the victims are not resolved",
    53: "passive «اغتيل … في غارة إسرائيلية»: the doer is only an adjective",
    54: "«طائرات التحالف» is no actor (no source); the Houthis are YEMINS, the fixture says REB",
    56: "«قوات سوريا الديمقراطية» is SYRUAF in the dictionary; the fixture says SYRREB",
    58: "«استُخدم غاز السارين» is coded 190, not 2041; the ordinal date is not resolved",
}


def split_code(code: str | None) -> tuple[list[str], list[str]]:
    """A CAMEO actor code as the fixture writes it: its country (or organisation) and roles.

    USAGOV → ([USA], [GOV]); RUSGOVMIL → ([RUS], [GOV, MIL]); an organisation is any of the
    codes after IGO: IGOUNOHRI → ([UNO, HRI], [IGO]), IGOEUREEC → ([EUR, EEC], [IGO]).
    """
    if not code:
        return [], []
    parts = [code[k : k + 3] for k in range(0, len(code), 3)]
    if parts[0] == "IGO":
        return parts[1:], ["IGO"]
    return parts[:1], parts[1:]


def _side_matches(code: str | None, country: str | None, role: str | None) -> bool:
    if country is None:
        return True  # the fixture names no actor on this side
    countries, roles = split_code(code)
    if country not in countries:
        return False
    if role is None:
        return not roles
    # A state named by its name alone (فرنسا → FRA) is the state acting: it stands for GOV.
    return role in roles or (role == "GOV" and not roles)


def _expected_found(g: dict[str, str | None], evs: list[Event], published: str) -> bool:
    return any(
        e.cameo == g["cameo"]
        and _side_matches(e.source.get("code"), g["source_country"], g["source_role"])
        and _side_matches(e.target.get("code"), g["target_country"], g["target_role"])
        and e.date == (g["date"] or published)
        for e in evs
    )


def _case_params() -> list[object]:
    out: list[object] = []
    for i, case in enumerate(CASES):
        marks = []
        if i in KNOWN_FAILURES:
            marks.append(pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[i]))
        out.append(pytest.param(case, id=f"case{i:02d}", marks=marks))
    return out


@pytest.mark.parametrize("case", _case_params())
def test_hand_written_case(case: dict[str, object]) -> None:
    """Each expected event exactly (code, source and target country+role, date; no date in the
    fixture means the publication date); a negative case yields no event at all."""
    published = str(case["published"])
    _, evs = events(str(case["sentence"]), date.fromisoformat(published))
    expected = case["events"]
    assert isinstance(expected, list)
    if not expected:
        assert brief(evs) == []
    for g in expected:
        assert _expected_found(g, evs, published), (g, brief(evs))


def test_no_publication_date_means_no_invented_event_date() -> None:
    a = analyze_text("خبر\nاعتقلت الشرطة المصرية ناشطا في القاهرة.", ner="none")
    assert [(e.cameo, e.source["code"], e.target["code"], e.date) for e in a.events] == [
        ("173", "EGYCOP", "EGYOPP", None)
    ]
    a = analyze_text(
        "خبر\nاعتقلت الشرطة المصرية ناشطا في القاهرة أمس.", published=date(2022, 3, 2), ner="none"
    )
    assert a.events[0].date == "2022-03-01"
