"""Numbers: percentages, counts, money, durations, number words, both digit sets, years."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.numbers import NumberMention, find_numbers, number_value


def one(text: str) -> NumberMention:
    found = find_numbers(text)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


def triple(m: NumberMention) -> tuple[float, str | None, str]:
    return m.value, m.unit, m.kind


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("30 %", 30),
        ("30%", 30),
        ("٣٠٪", 30),
        ("%30", 30),
        ("30 في المائة", 30),
        ("30 في المئة", 30),
        ("12.5 بالمئة", 12.5),
        ("١٢٫٥ بالمائة", 12.5),
        ("عشرين في المائة", 20),
    ],
)
def test_percentages(phrase: str, value: float) -> None:
    m = one(f"ارتفعت الأسعار بنسبة {phrase} خلال الربع")
    assert (m.text, *triple(m)) == (phrase, value, "percent", "percent")


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("300 قتيل", 300),
        ("٣٠٠ قتيل", 300),
        ("5 آلاف متظاهر", 5000),
        ("خمسة آلاف متظاهر", 5000),
        ("ثلاثين ألف لاجئ", 30000),
        ("15 شخصا", 15),
        ("خمسة عشر شخصاً", 15),
        ("خمسة وعشرون جريحا", 25),
        ("مئة جندي", 100),
        ("مائتي مدني", 200),
        ("1,000 نازح", 1000),
        ("١٬٠٠٠ نازح", 1000),
        ("نصف مليون نازح", 500_000),
        ("خمسة أطفال", 5),
    ],
)
def test_counts_of_people(phrase: str, value: float) -> None:
    m = one(f"أفادت التقارير بوجود {phrase} في المنطقة")
    assert (m.text, *triple(m)) == (phrase, value, "person", "count")


def test_counts_of_things() -> None:
    assert triple(one("شنت الطائرات 12 غارة على المدينة")) == (12, "airstrike", "count")
    assert triple(one("أطلق 3 صواريخ")) == (3, "missile", "count")
    assert triple(one("خرج 5 آلاف من المتظاهرين")) == (5000, "person", "count")


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("500 دولار", 500, "USD"),
        ("3.5 مليار دولار", 3.5e9, "USD"),
        ("٣٫٥ مليار دولار", 3.5e9, "USD"),
        ("مليار دولار", 1e9, "USD"),
        ("20 مليون يورو", 2e7, "EUR"),
        ("100 ريال", 100, "SAR"),
        ("50 ريالا قطريا", 50, "QAR"),
        ("ألف جنيه", 1000, "EGP"),
        ("10 جنيهات إسترلينية", 10, "GBP"),
        ("200 دينار", 200, "dinar"),
        ("200 دينار أردني", 200, "JOD"),
        ("40 درهما", 40, "dirham"),
        ("40 درهما إماراتيا", 40, "AED"),
        ("7 آلاف ليرة", 7000, "lira"),
        ("7 آلاف ليرة تركية", 7000, "TRY"),
        ("$25", 25, "USD"),
        ("مليوني دولار", 2e6, "USD"),
    ],
)
def test_money(phrase: str, value: float, unit: str) -> None:
    m = one(f"قدمت الحكومة {phrase} للمتضررين")
    assert (m.text, *triple(m)) == (phrase, value, unit, "money")


@pytest.mark.parametrize(
    ("phrase", "value", "unit"),
    [
        ("5 سنوات", 5, "year"),
        ("3 أيام", 3, "day"),
        ("ساعتين", 2, "hour"),
        ("عشرة أيام", 10, "day"),
        ("ستة أشهر", 6, "month"),
        ("٤٨ ساعة", 48, "hour"),
        ("أسبوعين", 2, "week"),
        ("20 عاما", 20, "year"),
    ],
)
def test_durations(phrase: str, value: float, unit: str) -> None:
    m = one(f"استمر الاعتصام {phrase} أمام المبنى")
    assert (m.text, *triple(m)) == (phrase, value, unit, "duration")


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("خمسة", 5),
        ("عشرة", 10),
        ("عشرون", 20),
        ("مئة", 100),
        ("مائة", 100),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("ثلاثين ألف", 30000),
        ("اثنا عشر", 12),
        ("أحد عشر", 11),
        ("مليون وخمسمائة ألف", 1_500_000),
        ("ألفين", 2000),
    ],
)
def test_number_words(phrase: str, value: float) -> None:
    m = one(f"وصل {phrase} إلى هناك")
    assert (m.text, m.value, m.kind) == (phrase, value, "number")


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("3.5", 3.5),
        ("٣٫٥", 3.5),
        ("1,000", 1000),
        ("١٬٠٠٠", 1000),
        ("1,250,000", 1_250_000),
        ("۱۲", 12),
        ("42", 42),
    ],
)
def test_digits_in_both_sets(phrase: str, value: float) -> None:
    m = one(f"سجل المؤشر {phrase} نقطة إضافية")
    assert (m.text, m.value) == (phrase, value)


def test_years() -> None:
    m = one("في عام 2010 بدأت الأزمة")
    assert (m.text, m.value, m.unit, m.kind) == ("2010", 2010, None, "year")
    assert one("أجريت انتخابات ٢٠١٩ بهدوء").kind == "year"
    assert one("شارك 2019 شخصا").kind == "count"
    assert one("وقعت 1500 حادثة").kind == "number"


def test_ordinals() -> None:
    m = one("عقدت الجولة الخامسة من المفاوضات")
    assert (m.text, m.value, m.kind) == ("الخامسة", 5, "ordinal")
    assert one("في الذكرى الـ20 للحرب").value == 20
    assert find_numbers("في كانون الثاني") == []


def test_dates_are_left_to_find_dates() -> None:
    assert [m.text for m in find_numbers("في 5 يناير 2021 عند 10:30 بتاريخ 4/2/2021")] == ["2021"]


def test_spans_index_the_original_with_marks() -> None:
    text = "\u200fقُتِلَ خَمْسَةُ أشـخاصٍ وأصيب ٣٠٠ جريحٍ بنسبة ٣٠٪"
    found = find_numbers(text)
    assert [(m.text, m.value, m.kind) for m in found] == [
        ("خَمْسَةُ أشـخاصٍ", 5, "count"),
        ("٣٠٠ جريحٍ", 300, "count"),
        ("٣٠٪", 30, "percent"),
    ]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_conjunction_prefix_is_outside_the_span() -> None:
    m = one("قتل جندي وخمسة مدنيين")
    assert m.text == "خمسة مدنيين"


def test_number_value() -> None:
    assert number_value("خمسه وعشرون") == 25
    assert number_value("3.5 مليار") == 3.5e9
    assert number_value("كلمه") is None


def test_empty_text() -> None:
    assert find_numbers("") == []


PIECES = st.sampled_from(
    [
        "خمسة",
        "عشر",
        "وعشرون",
        "ألف",
        "آلاف",
        "مليار",
        "نصف",
        "3",
        "٣٫٥",
        "1,000",
        "١٬٠٠٠",
        "%",
        "٪",
        "$",
        "في",
        "المائة",
        "دولار",
        "ريال",
        "قطري",
        "قتيل",
        "من",
        "سنوات",
        "ساعتين",
        "الخامسة",
        "الـ",
        "2021",
        "/",
        ":",
        "9" * 400,
        ",",
        ".",
        "ـ",
        "ً",
        "\u200f",
        "يناير",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.lists(PIECES, max_size=30).map(" ".join),
        st.lists(PIECES, max_size=30).map("".join),
    )
)
def test_never_raises_and_spans_in_bounds(text: str) -> None:
    for m in find_numbers(text):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start : m.end] == m.text
