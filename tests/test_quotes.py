"""Reported speech: verbs, participles, attributions; speaker and content spans."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.text.quotes import SPEECH_VERBS, QuoteMention, find_quotes


def one(text: str) -> QuoteMention:
    found = find_quotes(text)
    assert len(found) == 1, found
    return found[0]


def speaker(text: str, q: QuoteMention) -> str | None:
    if q.speaker_start is None or q.speaker_end is None:
        return None
    return text[q.speaker_start : q.speaker_end]


def summary(text: str) -> tuple[str, str | None, str, bool]:
    q = one(text)
    assert text[q.start : q.end] == q.text
    return q.text, speaker(text, q), q.verb, q.direct


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "وقال بايدن إن القوات ستبقى في المنطقة.",
            ("القوات ستبقى في المنطقة", "بايدن", "قال", False),
        ),
        (
            "وأضاف البيان أن المساعدات وصلت إلى المخيم.",
            ("المساعدات وصلت إلى المخيم", "البيان", "أضاف", False),
        ),
        (
            "ذكرت وزارة الخارجية الروسية في بيان أن موسكو لن تقبل الشروط.",
            ("موسكو لن تقبل الشروط", "وزارة الخارجية الروسية", "ذكر", False),
        ),
        (
            "وأكدت الحكومة الأردنية بأن الحدود مفتوحة.",
            ("الحدود مفتوحة", "الحكومة الأردنية", "أكد", False),
        ),
        (
            "وقالت رئيسة البرلمان أمس إنها ستزور بغداد.",
            ("ستزور بغداد", "رئيسة البرلمان", "قال", False),
        ),
        (
            "وأوضح المتحدث باسم الجيش خلال مؤتمر صحفي أن العملية انتهت.",
            ("العملية انتهت", "المتحدث باسم الجيش", "أوضح", False),
        ),
        ("ويرى المحلل السياسي أن الأزمة ستطول.", ("الأزمة ستطول", "المحلل السياسي", "رأى", False)),
        (
            "فأعلنت اللجنة الانتخابية أن النتائج ستصدر غدا.",
            ("النتائج ستصدر غدا", "اللجنة الانتخابية", "أعلن", False),
        ),
        (
            "وقالت وزيرة الخارجية لرويترز إن بلادها ترفض القرار.",
            ("بلادها ترفض القرار", "وزيرة الخارجية", "قال", False),
        ),
        (
            "ونقلت الوكالة عن مصدر عسكري أن الهجوم أحبط.",
            ("الهجوم أحبط", "مصدر عسكري", "نقل", False),
        ),
    ],
)
def test_vso_speech(text: str, expected: tuple[str, str | None, str, bool]) -> None:
    assert summary(text) == expected


def test_svo_speech() -> None:
    assert summary("بايدن قال إن المفاوضات مستمرة.") == ("المفاوضات مستمرة", "بايدن", "قال", False)
    assert summary("الوزارة أكدت أن الوضع مستقر.") == ("الوضع مستقر", "الوزارة", "أكد", False)


def test_no_svo_speaker_from_a_prepositional_phrase() -> None:
    assert summary("وفي الوقت نفسه قال إن الباب مفتوح.") == ("الباب مفتوح", None, "قال", False)


def test_direct_quotes() -> None:
    assert summary("وقال الوزير: «لن نتراجع عن قرارنا».") == (
        "لن نتراجع عن قرارنا",
        "الوزير",
        "قال",
        True,
    )
    assert summary("«سنواصل الحوار»، قال رئيس الوزراء.") == (
        "سنواصل الحوار",
        "رئيس الوزراء",
        "قال",
        True,
    )
    assert summary('وصرح السفير "العلاقات ممتازة" للصحفيين.') == (
        "العلاقات ممتازة",
        "السفير",
        "صرح",
        True,
    )


def test_participles_have_no_speaker() -> None:
    assert summary("وغادر الوفد، موضحا أن الزيارة انتهت.") == (
        "الزيارة انتهت",
        None,
        "موضحا",
        False,
    )
    assert summary("وانتقد الوزير الخطة، مشيراً إلى أن تكلفتها عالية.") == (
        "تكلفتها عالية",
        None,
        "مشيرا",
        False,
    )
    assert summary("واستقبل الرئيس الوفد معربا عن أمله في اتفاق قريب.") == (
        "أمله في اتفاق قريب",
        None,
        "معربا",
        False,
    )


def test_attributions() -> None:
    assert summary("قتل ثلاثة مدنيين في القصف، بحسب وزارة الصحة.") == (
        "قتل ثلاثة مدنيين في القصف",
        "وزارة الصحة",
        "بحسب",
        False,
    )
    assert summary("ووفقا لمصادر أمنية، فإن الانفجار وقع فجرا.") == (
        "الانفجار وقع فجرا",
        "مصادر أمنية",
        "وفقا لـ",
        False,
    )
    assert summary("وفقاً لـ وزارة الدفاع، سقطت طائرتان.") == (
        "سقطت طائرتان",
        "وزارة الدفاع",
        "وفقا لـ",
        False,
    )


def test_not_speech() -> None:
    assert find_quotes("أعلن الجيش مقتل خمسة مسلحين بعد أن هاجموا موقعا.") == []
    assert find_quotes("وصل الوزير إلى الرياض أمس.") == []
    assert find_quotes("") == []


def test_two_sentences_and_a_window() -> None:
    text = "وقال الوزير إن الاتفاق قريب. وأضاف أن الجولة المقبلة في القاهرة."
    found = find_quotes(text)
    assert [q.text for q in found] == ["الاتفاق قريب", "الجولة المقبلة في القاهرة"]
    second_start = text.index("وأضاف")
    assert [q.text for q in find_quotes(text, second_start)] == ["الجولة المقبلة في القاهرة"]
    assert find_quotes(text, 0, second_start)[0].text == "الاتفاق قريب"


def test_spans_index_the_original_with_marks() -> None:
    text = "\u200fوَقَالَ الرَّئِيسُ الفَرَنْسِيُّ إِنَّ الحـــوار مُسْتَمِرٌّ."
    q = one(text)
    assert speaker(text, q) == "الرَّئِيسُ الفَرَنْسِيُّ"
    assert q.text == "الحـــوار مُسْتَمِرٌّ"
    assert text[q.start : q.end] == q.text
    assert q.verb == "قال"


def test_speech_verbs_table() -> None:
    kinds = {v.kind for v in SPEECH_VERBS}
    assert kinds == {"verb", "participle", "attribution"}
    forms = {v.form for v in SPEECH_VERBS}
    assert {"قال", "قالت", "أكدت", "يقول", "موضحا", "بحسب"} <= forms


PIECES = st.sampled_from(
    [
        "وقال",
        "أكدت",
        "بحسب",
        "وفقا",
        "لـ",
        "موضحا",
        "إلى",
        "أن",
        "إن",
        "بأن",
        ":",
        "«",
        "»",
        '"',
        "،",
        ".",
        "الوزير",
        "وزارة",
        "الخارجية",
        "في",
        "بيان",
        "عن",
        "نقل",
        "ـ",
        "َ",
        "\u200f",
        "لرويترز",
        "للبيان",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(st.text(), st.lists(PIECES, max_size=30).map(" ".join)),
    st.integers(-5, 200),
    st.one_of(st.none(), st.integers(-5, 200)),
)
def test_never_raises_and_spans_in_bounds(text: str, start: int, end: int | None) -> None:
    for q in find_quotes(text, start, end):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None and q.speaker_end is not None:
            assert 0 <= q.speaker_start <= q.speaker_end <= len(text)
