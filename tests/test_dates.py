"""Dates: every month naming, Hijri, numeric, relative expressions, years, durations."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.dates import DateMention, find_dates, period_start, sentence_date

PUB = date(2021, 2, 5)  # a Friday

MONTHS = [
    # Egyptian / Gulf
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("أبريل", 4),
    ("ابريل", 4),
    ("مايو", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("أغسطس", 8),
    ("اغسطس", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
    # Levantine / Iraqi
    ("كانون الثاني", 1),
    ("شباط", 2),
    ("آذار", 3),
    ("نيسان", 4),
    ("أيار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("آب", 8),
    ("أيلول", 9),
    ("تشرين الأول", 10),
    ("تشرين الثاني", 11),
    ("كانون الأول", 12),
    # Maghrebi
    ("جانفي", 1),
    ("فيفري", 2),
    ("مارس", 3),
    ("أفريل", 4),
    ("ماي", 5),
    ("جوان", 6),
    ("جويلية", 7),
    ("أوت", 8),
    ("سبتمبر", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11),
    ("ديسمبر", 12),
]


def one(text: str, published: date | None = PUB) -> DateMention:
    found = find_dates(text, published)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


@pytest.mark.parametrize(("name", "month"), MONTHS)
def test_month_with_day_and_year(name: str, month: int) -> None:
    m = one(f"وصل الوفد في 3 {name} 2020 إلى العاصمة")
    assert (m.text, m.value, m.kind, m.granularity) == (
        f"3 {name} 2020",
        f"2020-{month:02d}-03",
        "absolute",
        "day",
    )


@pytest.mark.parametrize(("name", "month"), MONTHS)
def test_month_without_year_takes_nearest_year(name: str, month: int) -> None:
    # Published 2021-02-05: up to early June 2021 is nearer (the future counts 1.5 times),
    # from July the previous year wins.
    year = 2021 if month <= 6 else 2020
    m = one(f"وصل الوفد يوم 3 {name} إلى العاصمة")
    assert m.value == f"{year}-{month:02d}-03"


@pytest.mark.parametrize(("name", "month"), MONTHS)
def test_month_and_year_without_day(name: str, month: int) -> None:
    m = one(f"تراجعت الأسعار في {name} 2019 بشكل حاد")
    assert (m.text, m.value, m.granularity) == (f"{name} 2019", f"2019-{month:02d}", "month")


def test_month_alone_needs_context() -> None:
    assert one("عقد المؤتمر في نوفمبر").value == "2020-11"
    assert one("سيعقد المؤتمر في نوفمبر المقبل").value == "2021-11"
    assert one("عقد المؤتمر في مارس الماضي").value == "2020-03"
    assert one("يعقد المؤتمر في فبراير الجاري").value == "2021-02"
    assert one("خلال شهر آب").value == "2020-08"
    assert find_dates("زار أب الضحية المكان", PUB) == []


def test_combined_month_names() -> None:
    m = one("في 4 شباط/فبراير 2021 اجتمع المجلس")
    assert (m.text, m.value) == ("4 شباط/فبراير 2021", "2021-02-04")
    m = one("في 9 كانون الثاني (يناير) 2021 اجتمع المجلس")
    assert (m.text, m.value) == ("9 كانون الثاني (يناير) 2021", "2021-01-09")


def test_weekday_before_date_is_part_of_it() -> None:
    m = one("عقدت الجلسة الخميس 4 فبراير 2021 في البرلمان")
    assert (m.text, m.value) == ("الخميس 4 فبراير 2021", "2021-02-04")


def test_spec_example_absolute() -> None:
    assert one("افتتح الجسر في 8 أبريل 2010 وسط احتفال").value == "2010-04-08"


@pytest.mark.parametrize("text", ["2021/2/4", "4-2-2021", "٤/٢/٢٠٢١", "4.2.2021", "۴/۲/۲۰۲۱"])
def test_numeric_dates(text: str) -> None:
    m = one(f"صدر القرار بتاريخ {text} عن المحكمة")
    assert (m.text, m.value, m.granularity) == (text, "2021-02-04", "day")


def test_numeric_date_swaps_month_first_when_day_first_is_impossible() -> None:
    assert one("بتاريخ 2/13/2021 صدر").value == "2021-02-13"


def test_arabic_indic_digits_in_dates() -> None:
    m = one("في ١٥ مارس ٢٠١١ خرجت المظاهرات")
    assert (m.text, m.value) == ("١٥ مارس ٢٠١١", "2011-03-15")


def test_hijri_dates() -> None:
    m = one("بدأ الصيام في 1 رمضان 1442 هـ")
    assert (m.text, m.value, m.kind) == ("1 رمضان 1442 هـ", "2021-04-13", "hijri")
    assert one("في 15 رمضان 1442 هـ").value == "2021-04-27"
    assert one("يوم ١٠ ذو الحجة ١٤٤١").value == "2020-07-31"
    m = one("منذ رمضان 1442 هجرية")
    assert (m.value, m.granularity) == ("2021-04", "month")
    m = one("تأسست الجمعية عام 1442 هـ")
    assert (m.text, m.value, m.granularity) == ("عام 1442 هـ", "2021", "year")


def test_hijri_without_year_is_resolved_from_publication() -> None:
    assert one("يبدأ الصيام في 1 رمضان").value == "2021-04-13"


def test_ambiguous_hijri_month_needs_a_year() -> None:
    assert find_dates("فاز الفريق 2 صفر على ضيفه", PUB) == []
    assert one("في 5 صفر 1442 هـ").kind == "hijri"


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("أمس", "2021-02-04", "day"),
        ("أمس الخميس", "2021-02-04", "day"),
        ("أمس الأربعاء", "2021-02-03", "day"),
        ("اليوم", "2021-02-05", "day"),
        ("غدا", "2021-02-06", "day"),
        ("غداً السبت", "2021-02-06", "day"),
        ("أول أمس", "2021-02-03", "day"),
        ("أول من أمس", "2021-02-03", "day"),
        ("بعد غد", "2021-02-07", "day"),
        ("الخميس الماضي", "2021-02-04", "day"),
        ("الجمعة الماضية", "2021-01-29", "day"),
        ("الخميس", "2021-02-04", "day"),
        ("يوم الجمعة", "2021-02-05", "day"),
        ("الأحد المقبل", "2021-02-07", "day"),
        ("الجمعة القادمة", "2021-02-12", "day"),
        ("الأسبوع الماضي", "2021-01-25", "week"),
        ("الأسبوع المقبل", "2021-02-08", "week"),
        ("هذا الأسبوع", "2021-02-01", "week"),
        ("الشهر الماضي", "2021-01", "month"),
        ("الشهر المقبل", "2021-03", "month"),
        ("العام الماضي", "2020", "year"),
        ("العام المقبل", "2022", "year"),
        ("السنة الماضية", "2020", "year"),
        ("مطلع العام", "2021-01", "month"),
        ("منتصف العام", "2021-06", "month"),
        ("نهاية العام", "2021-12", "month"),
        ("أواخر العام الماضي", "2020-12", "month"),
        ("مطلع الشهر", "2021-02", "month"),
        ("نهاية الشهر المقبل", "2021-03", "month"),
        ("منذ 3 أيام", "2021-02-02", "day"),
        ("منذ ثلاثة أيام", "2021-02-02", "day"),
        ("قبل يومين", "2021-02-03", "day"),
        ("بعد أسبوع", "2021-02-12", "week"),
        ("قبل شهرين", "2020-12", "month"),
        ("قبل خمس سنوات", "2016", "year"),
    ],
)
def test_relative_expressions(text: str, value: str, granularity: str) -> None:
    sentence = f"وقع الحادث {text} في المدينة"
    m = one(sentence)
    assert (m.text, m.value, m.kind, m.granularity) == (text, value, "relative", granularity)


def test_relative_without_publication_keeps_mention() -> None:
    m = one("وقع الحادث أمس الخميس", published=None)
    assert (m.text, m.value, m.kind) == ("أمس الخميس", None, "relative")
    assert one("في 5 يناير", published=None).value is None


def test_since_records_the_duration_too() -> None:
    assert one("يقيم في المنفى منذ 5 سنوات").duration == "P5Y"


def test_offset_from_another_event_is_a_duration() -> None:
    m = one("أغلقت الحدود قبل 3 أيام من الانتخابات")
    assert (m.text, m.kind, m.value, m.duration) == ("3 أيام", "duration", None, "P3D")


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("عام 2010", "عام 2010"),
        ("العام 2026", "العام 2026"),
        ("في 2019", "2019"),
        ("سنة ٢٠١٥", "سنة ٢٠١٥"),
    ],
)
def test_years(text: str, mention: str) -> None:
    m = one(f"جرت الانتخابات {text} بهدوء")
    assert (m.text, m.kind, m.granularity) == (mention, "year", "year")
    assert m.value == mention[-4:].translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789"))


def test_bare_number_is_not_a_year() -> None:
    assert find_dates("شارك 2019 شخصا في المسيرة", PUB) == []


@pytest.mark.parametrize(
    ("text", "duration", "granularity"),
    [
        ("لمدة 5 سنوات", "P5Y", "year"),
        ("خمس سنوات", "P5Y", "year"),
        ("لمدة عام", "P1Y", "year"),
        ("ثلاثة أشهر", "P3M", "month"),
        ("أسبوعين", "P2W", "week"),
        ("عشرة أيام", "P10D", "day"),
        ("48 ساعة", "PT48H", "day"),
        ("ثلاثة عقود", "P30Y", "year"),
        ("طوال ٣ أيام", "P3D", "day"),
    ],
)
def test_durations(text: str, duration: str, granularity: str) -> None:
    m = one(f"استمر الحصار {text} قبل أن ينتهي")
    assert (m.text, m.kind, m.value, m.duration, m.granularity) == (
        text,
        "duration",
        None,
        duration,
        granularity,
    )


def test_until() -> None:
    m = one("يبقى الاتفاق ساريا حتى العام 2026")
    assert (m.text, m.value, m.kind, m.granularity) == ("حتى العام 2026", "2026", "until", "year")
    m = one("تستمر المهمة حتى 30 يونيو 2022")
    assert (m.text, m.value, m.kind) == ("حتى 30 يونيو 2022", "2022-06-30", "until")
    assert one("بحلول عام 2030 سيتغير ذلك").kind == "until"


def test_spans_index_the_original_with_marks() -> None:
    text = "\u200fوَقَعَ الهـجوم أمْسِ الخَمِيسِ في 8 أبْرِيـــل 2010"
    found = find_dates(text, PUB)
    assert [m.text for m in found] == ["أمْسِ الخَمِيسِ", "8 أبْرِيـــل 2010"]
    assert [m.value for m in found] == ["2021-02-04", "2010-04-08"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_several_mentions_in_order() -> None:
    text = "أعلن الوزير أمس أن الخطة تمتد لمدة 5 سنوات حتى العام 2026"
    found = find_dates(text, PUB)
    assert [(m.kind, m.value or m.duration) for m in found] == [
        ("relative", "2021-02-04"),
        ("duration", "P5Y"),
        ("until", "2026"),
    ]


def test_sentence_date() -> None:
    text = "استمرت المحادثات لمدة 3 أيام حتى العام 2026. ثم التقى الوفدان أمس الخميس في الدوحة."
    found = find_dates(text, PUB)
    first_end = text.index(".") + 1
    assert sentence_date(found, 0, first_end) is None
    assert sentence_date(found, first_end, len(text)) == "2021-02-04"
    assert sentence_date(find_dates("في 2019 و5 مارس 2019", PUB), 0, 30) == "2019-03-05"


def test_period_start_of_a_day_week_month_or_year() -> None:
    # PUB is a Friday: last week began on Monday 2021-01-25, last month on 2021-01-01, last
    # year on 2020-01-01
    found = find_dates("الأسبوع الماضي والشهر الماضي والعام الماضي وأمس", PUB)
    assert [period_start(m.value, m.granularity) for m in found] == [
        "2021-01-25",
        "2021-01-01",
        "2020-01-01",
        "2021-02-04",
    ]
    assert period_start("1990", "year") == "1990-01-01"
    assert period_start("199", "year") is None
    assert period_start(None, "week") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("في الرابع من نيسان/أبريل 2017", "2017-04-04"),
        ("يوم الخامس عشر من شهر يناير", "2021-01-15"),
        ("في الحادي والثلاثين من ديسمبر 2019", "2019-12-31"),
        ("الفصل الثاني من كتاب", None),  # an ordinal that is no day of a month
    ],
)
def test_an_ordinal_day_of_a_month(text: str, value: str | None) -> None:
    days = [m.value for m in find_dates(text, PUB) if m.granularity == "day"]
    assert days == ([value] if value else [])


def test_empty_text() -> None:
    assert find_dates("", PUB) == []


PIECES = st.sampled_from(
    [
        "أمس",
        "الخميس",
        "الماضي",
        "منذ",
        "قبل",
        "بعد",
        "3",
        "٤",
        "/",
        "-",
        "2021",
        "1442",
        "هـ",
        "رمضان",
        "يناير",
        "كانون",
        "الثاني",
        "عام",
        "العام",
        "حتى",
        "لمدة",
        "سنوات",
        "يومين",
        "مطلع",
        "الشهر",
        "99999999999",
        "0",
        "31",
        "ّ",
        "ـ",
        "\u200f",
        "،",
        " ",
        "شهر",
        "آب",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(PIECES, max_size=30).map(" ".join)),
    st.one_of(st.none(), st.dates()),
)
def test_never_raises_and_spans_in_bounds(text: str, published: date | None) -> None:
    for m in find_dates(text, published):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
    sentence_date(find_dates(text, published), 0, len(text))


def test_a_relative_day_with_its_date_written_out_is_one_mention() -> None:
    got = find_dates("قُتل 12 مدنياً أمس الاثنين 28 حزيران/يونيو 2021 في إدلب", date(2021, 6, 29))
    assert [(d.text, d.value, d.granularity) for d in got] == [
        ("أمس الاثنين 28 حزيران/يونيو 2021", "2021-06-28", "day")
    ]


def test_a_day_without_a_year_follows_its_direction_word() -> None:
    published = date(2015, 8, 1)
    # the nearest 16 December is the coming one, but «الماضي» says it is the last one
    assert one("وقع الهجوم في 16 ديسمبر الماضي", published).value == "2014-12-16"
    assert one("وقع الهجوم في 16 ديسمبر", published).value == "2015-12-16"
    assert one("يعقد الاجتماع في 16 يوليو المقبل", published).value == "2016-07-16"
    assert one("عقد الاجتماع في الرابع من يناير الماضي", published).value == "2015-01-04"
