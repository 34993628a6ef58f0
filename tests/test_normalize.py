"""Normalisation, letter by letter, and the offset map that keeps spans on the original."""

from __future__ import annotations

import pytest

from marsad.text.normalize import (
    TABLE,
    arabic_ratio,
    normalize,
    normalize_with_offsets,
    strip_marks,
)

LETTERS = [
    ("أ", "ا"),
    ("إ", "ا"),
    ("آ", "ا"),
    ("ٱ", "ا"),
    ("ى", "ي"),
    ("ة", "ه"),
    ("ؤ", "ء"),
    ("ئ", "ء"),
    ("ی", "ي"),
    ("ک", "ك"),
    ("ھ", "ه"),
    ("ۀ", "ه"),
]
MARKS = ["ـ", "َ", "ً", "ُ", "ٌ", "ِ", "ٍ", "ّ", "ْ", "ٰ", "\u200f", "\u200e", "\u202b", "\u2067", "\ufeff"]
DIGITS = [
    ("٠", "0"),
    ("١", "1"),
    ("٢", "2"),
    ("٣", "3"),
    ("٤", "4"),
    ("٥", "5"),
    ("٦", "6"),
    ("٧", "7"),
    ("٨", "8"),
    ("٩", "9"),
    ("۴", "4"),
    ("۹", "9"),
]


@pytest.mark.parametrize(("src", "dst"), LETTERS)
def test_letter_variants(src: str, dst: str) -> None:
    assert normalize(src) == dst
    assert TABLE[src] == dst


@pytest.mark.parametrize("mark", MARKS)
def test_marks_are_deleted(mark: str) -> None:
    assert normalize(f"ب{mark}ا") == "با"


@pytest.mark.parametrize(("src", "dst"), DIGITS)
def test_arabic_indic_digits(src: str, dst: str) -> None:
    assert normalize(src) == dst


def test_plain_letters_unchanged() -> None:
    assert normalize("بايدن وبوتين") == "بايدن وبوتين"
    assert normalize("") == ""


def test_words() -> None:
    assert normalize("الرِّئَاسَةُ") == "الرءاسه"
    assert normalize("إسـرائيل") == "اسراءيل"
    assert normalize("مُستشفى") == "مستشفي"
    assert normalize("٣٠٪") == "30%"


def test_offsets_point_into_original() -> None:
    original = "قالَ بـايدن"
    norm, offsets = normalize_with_offsets(original)
    assert norm == "قال بايدن"
    assert len(offsets) == len(norm) + 1
    start = norm.index("بايدن")
    end = start + len("بايدن")
    assert original[offsets[start] : offsets[end - 1] + 1] == "بـايدن"
    assert offsets[-1] == len(original)


def test_strip_marks_keeps_spelling() -> None:
    assert strip_marks("أَحْمَد") == "أحمد"


def test_arabic_ratio() -> None:
    assert arabic_ratio("روسيا") == 1.0
    assert arabic_ratio("Russia") == 0.0
    assert arabic_ratio("123") == 0.0
    assert arabic_ratio("روسيا Russia") == pytest.approx(5 / 11)


from hypothesis import given  # noqa: E402 - property tests grouped at the end
from hypothesis import strategies as st  # noqa: E402

ARABIC_ISH = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىةـًٌٍَُِّْ٠١٢٩ \u200f\u202babc.،")),
    max_size=80,
)


@given(ARABIC_ISH)
def test_offsets_agree_with_normalize(text: str) -> None:
    norm, offsets = normalize_with_offsets(text)
    assert norm == normalize(text)
    assert len(offsets) == len(norm) + 1
    assert offsets == sorted(offsets)
    assert all(0 <= o <= len(text) for o in offsets)
