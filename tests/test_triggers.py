"""Trigger patterns: the shipped table's coverage and the matcher's behaviour on short texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.evaluate.events import detect_plover
from marsad.events.tables import cameo_table
from marsad.events.triggers import TriggerSet, default_triggers
from marsad.text.normalize import normalize_word
from marsad.text.segment import tokenize

HEADER = "id\tpattern\tcameo\tframe\tnote\n"


def tokens(text: str) -> list[str]:
    return [normalize_word(text[s.start : s.end]) for s in tokenize(text)]


def codes(text: str, triggers: TriggerSet | None = None) -> list[str]:
    return [m.cameo for m in (triggers or default_triggers()).find(tokens(text))]


def small_set(tmp_path: Path, body: str) -> TriggerSet:
    path = tmp_path / "triggers.tsv"
    path.write_text(HEADER + body, encoding="utf-8")
    return TriggerSet.load(path)


def test_arrest() -> None:
    assert codes("اعتقلت الشرطة المعارض") == ["173"]


def test_call_for_release_is_an_appeal() -> None:
    assert codes("دعا الرئيس إلى الإفراج عن المعتقلين") == ["0253"]


def test_demand_for_release() -> None:
    assert "1053" in codes("وطالب المتظاهرون بالإفراج عن الموقوفين")


def test_call_for_dialogue() -> None:
    assert codes("دعا إلى الحوار") == ["026"]


def test_call_alone_is_a_plain_appeal() -> None:
    assert codes("ودعت الحكومة المواطنين") == ["020"]


def test_phone_call_is_consult() -> None:
    found = codes("أجرى وزير الخارجية اتصالا هاتفيا مع نظيره")
    assert found == ["041"]
    assert codes("وبحث الوزيران في محادثات هاتفية العلاقات")[-1] == "041"


def test_clitics_do_not_hide_triggers() -> None:
    assert codes("وأجرى الرئيس محادثات مع ضيفه") == ["040"]
    assert codes("ورحبت الوزارة بالقرار") == ["051"]
    assert codes("واعتقلوه أمس") == ["173"]
    assert codes("فندد الحزب بالهجوم على الصحفيين")[0] == "111"


def test_frames_choose_the_code() -> None:
    assert codes("هنأ الرئيس نظيره بفوزه في الانتخابات") == ["051"]
    assert codes("وقعت الدولتان اتفاقية للتعاون") == ["057"]
    assert codes("فرضت الحكومة حظر التجول في المدينة") == ["1723"]
    assert codes("وهدد الجيش بشن عمل عسكري") == ["138"]


def test_threat_and_violence() -> None:
    assert "130" in codes("وتوعد القائد بأن العدو سيدفع الثمن")
    assert "195" in codes("شنت طائرات حربية غارة جوية على المعسكر")
    assert "186" in codes("اغتال مسلحون القاضي أمام منزله")
    assert "1832" in codes("انفجرت سيارة مفخخة قرب السوق")


def test_protest() -> None:
    assert "141" in codes("تظاهر مئات الطلاب أمام الوزارة")


def test_speech_verbs_code_nothing() -> None:
    assert codes("وقال المتحدث إن الاجتماع كان مثمرا")[:1] != ["speech"]
    found = default_triggers().find(tokens("وقال المتحدث"), speech=True)
    assert [m.kind for m in found] == ["speech"]
    assert default_triggers().find(tokens("وقال المتحدث")) == []


def test_null_pattern_blocks() -> None:
    assert codes("حقق الفريق فوزا كبيرا") == []


def test_match_positions_and_frame_end() -> None:
    match = default_triggers().find(tokens("دعا الرئيس إلى الإفراج عن المعتقلين"))[0]
    assert (match.start_token, match.end_token) == (0, 1)
    assert match.frame_end_token == 4


def test_gap_and_inflection(tmp_path: Path) -> None:
    ts = small_set(tmp_path, "a.1\tأجرى * اتصال+\t041\t\tcall\n")
    assert codes("أجرى الوزير الأول اتصالات", ts) == ["041"]
    assert codes("أجرى الوزير الأول الجديد أمس اتصالات", ts) == []


def test_longest_match_wins(tmp_path: Path) -> None:
    ts = small_set(tmp_path, "a.1\tسيارة\t190\t\t\na.2\tسيارة مفخخة\t1832\t\t\n")
    assert codes("سيارة مفخخة", ts) == ["1832"]


def test_malformed_lines_name_file_and_line(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"triggers\.tsv:2"):
        small_set(tmp_path, "a.1\t* قتل\t190\t\t\n")
    with pytest.raises(DataError, match=r"triggers\.tsv:2"):
        small_set(tmp_path, "a.1\tقتل\tkill\t\t\n")
    with pytest.raises(DataError, match=r"triggers\.tsv:3"):
        small_set(tmp_path, "a.1\tقتل\t190\t\t\na.1\tذبح\t190\t\t\n")


def test_table_size_and_root_coverage() -> None:
    ts = default_triggers()
    assert len(ts) >= 400
    roots = {t.cameo[:2] for t in ts.triggers if t.kind == "event"}
    assert roots == {f"{r:02d}" for r in range(1, 21)}


def test_every_trigger_code_exists() -> None:
    table = cameo_table()
    for trig in default_triggers().triggers:
        if trig.kind == "event":
            assert trig.cameo in table, (trig.id, trig.cameo)


def test_trigger_only_detector() -> None:
    ts = default_triggers()
    assert detect_plover("انفجرت عبوة ناسفة استهدفت دورية للشرطة", ts) == {"ASSAULT"}
    assert "PROTEST" in detect_plover("اعتصم العمال أمام المصنع", ts)
    assert detect_plover("وقال المتحدث إن الاجتماع كان مثمرا", ts) == set()


def test_object_after_a_verb_first_subject() -> None:
    assert codes("فرضت الحكومة البريطانية، يوم الأربعاء، عقوبات جديدة على شركات روسية") == ["163"]
    assert codes("وقع رئيسا البلدين، مساء أمس في العاصمة، اتفاقية للتعاون") == ["057"]
    assert codes("رفض وزير الخارجية الفرنسي، في مؤتمر صحفي أمس، التعليق على الأنباء") == ["011"]
    assert codes("قطعت الحكومة، صباح اليوم، علاقاتها الدبلوماسية مع جارتها") == ["161"]
    assert codes("اعترفت البرتغال رسميا وبشكل كامل بدولة فلسطين") == ["054"]


def test_a_preposition_frame_must_follow_closely() -> None:
    # طالب is also "student": its bare ب_ frame may not be a word ten tokens away.
    assert codes("طالب في جامعة القاهرة قال لنا إن الامتحانات كانت صعبة بالفعل") == []


def test_nearer_trigger_takes_a_shared_frame(tmp_path: Path) -> None:
    ts = small_set(tmp_path, "a.1\tتحرير\t0841\tرهائن\t\na.2\tاحتجز+\t181\tرهائن\t\n")
    assert codes("جبهة تحرير الوطن احتجزت عشرة رهائن", ts) == ["181"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("وصف الوزير الوضع في المدينة بأنه بالغ الخطورة", "012"),
        ("أكد الرئيس أن حكومته منفتحة على الحوار مع المعارضة", "036"),
        ("أعرب السلطان عن استعداده للتوسط بين البلدين", "039"),
        ("أعلنت اليابان عزمها إرسال مساعدات إنسانية إلى السودان", "0333"),
        ("وصل رئيس الوزراء الهندي إلى الرياض في زيارة رسمية تستغرق يومين", "042"),
        ("زودت الشرطة المحلية المحققين الدوليين بمعلومات عن المشتبه بهم", "064"),
        ("أعلنت ألمانيا حزمة مساعدات عسكرية لكييف", "072"),
        ("وصلت إلى المدينة ثلاث شاحنات محملة بالمساعدات الغذائية", "073"),
        ("شكلت الأمم المتحدة لجنة لتقصي الحقائق في انتهاكات ارتكبت خلال الحرب", "092"),
        ("حث الأمين العام الأطراف على وقف التصعيد", "0256"),
        ("طالبت الجامعة العربية إسرائيل بوقف عملياتها العسكرية في غزة", "1056"),
        ("قالت المنظمة إن الميليشيا ارتكبت جرائم حرب في القرية", "1124"),
        ("رفعت عائلات الضحايا دعوى ضد الشركة أمام القضاء", "115"),
        ("رفضت المعارضة المبادرة الأممية لوقف إطلاق النار", "127"),
        ("الرئيس يستبعد إجراء مفاوضات مع المتمردين", "125"),
        ("قال القائد إن العدو سيدفع ثمنا غاليا", "130"),
        ("لوح وزير الدفاع بشن هجوم واسع على معاقل المتمردين", "1384"),
        ("هدد الجيش بقصف مواقع المسلحين", "1384"),
        ("رفع الجيش المصري حالة التأهب القصوى على الحدود", "152"),
        ("نشرت الشرطة تعزيزات أمنية كبيرة حول البرلمان", "153"),
        ("تحشد كوريا الشمالية نحو 50 ألف جندي قرب المنطقة", "154"),
        ("علقت عدة دول تمويلها لمنظمات الإغاثة الدولية", "1623"),
        ("قتل المسلحون مئات المدنيين في القرية", "202"),
        ("اندلعت اشتباكات بالأسلحة الخفيفة بين عشيرتين", "193"),
        ("تبادل الجانبان إطلاق النار قرب الحدود", "193"),
        ("هجرت الميليشيا آلاف السكان من قراهم", "201"),
    ],
)
def test_new_vocabulary(text: str, code: str) -> None:
    assert codes(text) == [code]


def test_suicide_bomber_as_subject() -> None:
    assert set(codes("فجر انتحاري حزامه الناسف في سوق شعبي")) == {"1831"}


@pytest.mark.parametrize(
    "text",
    [
        "وصلت القافلة فجر اليوم إلى المدينة",  # dawn, not فجّر
        "تزايدت هجرة آلاف العائلات نحو المدن",  # migration, not هجّر
        "قال سامح شكري إن الاجتماع كان مثمرا",  # a name, not شكر
        "يعاني البلد من شح المياه العذبة",  # fresh water, not عذّب
        "وصل عدد الزوار إلى خمسين ألفا",  # reached a number, not a visit
        "أصدر القاضي حكمه في القضية المدنية",  # a judge, not قاضى sued
    ],
)
def test_look_alikes_code_nothing(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "طردت الحكومة ثلاثة دبلوماسيين",
        "ردت الحكومة على القرار بطرد دبلوماسيين",
        "ترد الوزارة بطرد السفير",
    ],
)
def test_expelling_diplomats_reduces_relations(text: str) -> None:
    # CAMEO codes the expulsion of diplomats 161 (reduce relations), not 166.
    assert codes(text) == ["161"]


def test_forming_a_commission_on_a_strike_is_investigating_military_action() -> None:
    assert codes("شكلت الحكومة لجنة للتحقيق في القصف") == ["093"]


@pytest.mark.parametrize(
    "text",
    [
        # weather, smells and floods sweep, besiege and strike; nobody uses force
        "مياه الصرف والروائح الكريهة تحاصر أهالي الحي",
        "أمطارا غزيرة ورياحا قويا اجتاحت ساحل البلاد",
        # time presses; market demand; students (طلبة normalises like طلبه, his request)
        "إلا أن الوقت يداهم الإدارة الأمريكية",
        "قوة الطلب على البنزين في الأسواق",
        "ازدياد عدد الطلبة والطالبات",
        # dawn broke; a shop receiving its customers; fleeing the flames of war
        "والتي بزغ فجرها في المدينة الصناعية",
        "وما يزال المطعم يعمل ويستقبل زبائنه حتى اليوم",
        "الفارون من نيران الحرب",
        # prayers for and against, not appeals
        "كما دعا الإمام للمعتقلين أثناء إمامته للمصلين في صلاة التراويح",
        "ودعا الخطيب على الظالمين في خطبته",
        # an interview given by phone, no call between parties
        "وقال المسؤول لوكالة فرانس برس عبر الهاتف",
        # a court's verdict and its sentence carried out: no denunciation and no killing
        "وصدر بحقه صك شرعي يتضمن ثبوت إدانته والحكم بقتله تعزيرا",
        "ونفذ حكم القتل قصاصا بالجاني في الرياض",
        # the price of fuel (ثمن, not ثمّن praised); early warning and sirens
        "وارتفع ثمن الوقود في الأسواق",
        "وتم تركيب أجهزة الإنذار المبكر في المدن",
        "وانطلقت صافرات الإنذار في تل أبيب",
        # «وزارته» is his ministry, not «و» + «زارته» (visited him)
        "بحسب بيان من وزارته",
        # what a plan, a project or a company aims at is no target of an attack
        "المشاريع التنموية في مصر تستهدف إحداث تأثير في حياة المواطنين",
        "لخطة شاملة تستهدف دعم المنتج المصري",
        "والجزيئات الحيوية التي تستهدفها شركة فرنسية",
    ],
)
def test_homographs_of_force_requests_visits_and_appeals_code_nothing(text: str) -> None:
    assert codes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت الطائرات المدينة رغم العاصفة", ["194"]),
        ("حاصرت القوات مدينة حلب", ["191"]),
        ("استقبل الرئيس وزير الخارجية", ["043"]),
        ("ودعت الحكومة على لسان وزيرها المعارضة إلى الحوار", ["026"]),
        ("داهمت الشرطة منزل المتهم", ["173"]),
        ("وقتلت الشرطة ثلاثة مسلحين", ["190"]),
        ("وأدان الرئيس الهجوم", ["111", "190"]),
        ("وثمن الرئيس جهود المملكة", ["051"]),
        # a state protesting officially complains; a crowd protesting demonstrates
        ("وتحتج الحكومة اليابانية رسميا لدى الصين", ["114"]),
        ("واحتج آلاف المتظاهرين في القاهرة", ["141"]),
        ("استهدفت الطائرات الإسرائيلية مواقع حماس بهدف دعم القوات البرية", ["190"]),
    ],
)
def test_the_same_verbs_still_code_their_acts(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a warning of a rising toll is a pessimistic comment; one to someone, a threat
        ("الأمم المتحدة تحذر من ارتفاع حصيلة ضحايا الفيضانات", ["012"]),
        ("مسؤول أممي ينذر بنتائج مروعة للحرب", ["012"]),
        ("حذر الرئيس الأمريكي روسيا من عواقب غزو أوكرانيا", ["130", "192"]),
        # vowing action, revenge or to crush someone is a threat, not a pledge to cooperate
        ("وتعهدت تركيا باتخاذ إجراء أكثر حزما ضد الجهاديين", ["130"]),
        ("تعهدت الحكومة بالقضاء على الإرهاب", ["130"]),
        ("تعهد الرئيس بالإصلاح", ["034"]),
    ],
)
def test_warnings_of_a_worsening_and_vows_to_act_against_someone(
    text: str, expected: list[str]
) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an agreement reached is finalised (057, CAMEO: "finalize an agreement"); one in
        # principle or an understanding is an intent to cooperate (030)
        ("توصلت إيران والقوى الكبرى إلى اتفاق نووي", ["057"]),
        ("توصل الطرفان إلى اتفاق مبدئي", ["030"]),
        ("توصل الطرفان إلى تفاهم حول الحدود", ["030"]),
    ],
)
def test_an_agreement_reached_is_an_agreement(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # issued or exports, not confiscated (صادر)
        ("التقارير الصادرة عن الأمم المتحدة", []),
        ("وصادرت السلطات أموال الشركة", ["1711"]),
        # in exchange for, not a meeting
        ("رفع العقوبات لقاء ضمانات بعدم حيازة السلاح", ["085"]),
        ("لقاء الرئيس مع نظيره", ["040"]),
        # twelve, not praised (أثنى)
        ("واستمرت الشكوى اثنى عشر عاما", []),
        ("وأثنى الرئيس على جهود المملكة", ["051"]),
        # valued a property, not praised (ثمّن)
        ("أن الشركة ثمنت عقاره المجاور", []),
        ("وثمن الوزير دور المملكة", ["051"]),
        # a page, not a pardon; turning the page of a crisis is one
        ("في ربع صفحة بصحيفة يومية", []),
        ("وطوت السعودية صفحة الأزمة مع قطر", ["056"]),
    ],
)
def test_homographs_of_confiscation_meeting_praise_and_pardon(
    text: str, expected: list[str]
) -> None:
    assert codes(text) == expected
