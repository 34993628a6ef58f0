"""Span repairs after CRF tagging: titles of works, quoted papers, leading particles."""

from __future__ import annotations

from marsad.ner.crf import load_tagger
from marsad.ner.spans import is_work_noun, repair_spans
from marsad.text.segment import tokenize


def _tokens(text: str) -> list[str]:
    return [text[s.start : s.end] for s in tokenize(text)]


def test_a_quoted_title_after_a_work_noun_is_one_misc_name() -> None:
    tokens = ["قدمت", "برنامجها", "«", "ليالي", "سمير", "»", "أمس"]
    tags = ["O", "O", "O", "O", "B-PERS", "O", "O"]
    assert repair_spans(tags, tokens) == ["O", "O", "O", "B-MISC", "I-MISC", "O", "O"]
    assert tags[4] == "B-PERS"  # the input is left as it was


def test_work_nouns_match_with_their_clitics() -> None:
    assert [is_work_noun(w) for w in ("ببرنامج", "بعنوان", "روايته", "وفيلم", "مسلسل")] == [
        True, True, True, True, False,
    ]  # fmt: skip


def test_a_long_quote_or_one_without_a_work_noun_is_left_alone() -> None:
    long_quote = ["محاضرة", "بعنوان", '"', "دور", "الشباب", "في", "بناء", "المجتمع", '"']
    tags = ["O"] * len(long_quote)
    assert repair_spans(tags, long_quote) is tags  # five words are a phrase, not a title
    plain = ["قال", "«", "سمير", "»"]
    assert repair_spans(["O", "O", "B-PERS", "O"], plain) == ["O", "O", "B-PERS", "O"]


def test_a_closing_mark_does_not_open_the_next_quote() -> None:
    tokens = ["فيلم", '"', "الطريق", '"', "و", '"', "سمير", '"']
    tags = ["O", "O", "O", "O", "O", "O", "B-PERS", "O"]
    # «"» after «الطريق» closes the title; «و "سمير"» has no work noun before it.
    assert repair_spans(tags, tokens) == ["O", "O", "B-MISC", "O", "O", "O", "B-PERS", "O"]


def test_a_place_name_in_guillemets_is_the_paper_of_that_name() -> None:
    tokens = ["وقال", "ل", "«", "الشرق", "الأوسط", "»", "إن"]
    tags = ["O", "O", "O", "B-LOC", "I-LOC", "O", "O"]
    assert repair_spans(tags, tokens) == ["O", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    # outside guillemets, or with another word in them, the place stays a place
    assert repair_spans(tags, ["وقال", "ل", '"', "الشرق", "الأوسط", '"', "إن"]) == tags
    mixed = ["O", "O", "O", "B-LOC", "O", "O", "O"]
    assert repair_spans(mixed, ["قال", "ل", "«", "دمشق", "اليوم", "»", "إن"]) == mixed


def test_a_name_does_not_start_with_a_particle() -> None:
    tokens = ["متقدما", "على", "شاشي", "تارور"]
    assert repair_spans(["O", "B-PERS", "I-PERS", "I-PERS"], tokens) == [
        "O", "O", "B-PERS", "I-PERS",
    ]  # fmt: skip
    alone = ["O", "B-PERS", "O"]
    assert repair_spans(alone, ["قال", "على", "إن"]) == alone  # «على» alone may be a name
    title = ["برنامج", "«", "مع", "منى", "»"]
    assert repair_spans(["O", "O", "B-MISC", "I-MISC", "O"], title)[2:4] == ["B-MISC", "I-MISC"]


def _names(text: str) -> list[tuple[str, str]]:
    tokens = _tokens(text)
    (tags,) = load_tagger().tag([tokens])
    return [(w, t) for w, t in zip(tokens, tags, strict=True) if t != "O"]


def test_the_shipped_tagger_applies_the_repairs() -> None:
    assert _names("صدرت للكاتب رواية « بيت على النهر » عن دار نشر في القاهرة.") == [
        ("بيت", "B-MISC"), ("على", "I-MISC"), ("النهر", "I-MISC"), ("القاهرة", "B-LOC"),
    ]  # fmt: skip
    assert _names("وقال مصدر لـ« الشرق الأوسط » إن الوفد سيصل غدا.") == [
        ("الشرق", "B-ORG"), ("الأوسط", "I-ORG"),
    ]  # fmt: skip
    assert _names("وتعرض القناة برنامج « مع منى » كل جمعة.") == [
        ("مع", "B-MISC"), ("منى", "I-MISC"),
    ]  # fmt: skip


def test_a_persons_name_runs_over_ibn_al_and_ould() -> None:
    tokens = ["استقبل", "حمدان", "بن", "راشد", "آل", "مكتوم", "الوفد"]
    tags = ["O", "B-PERS", "O", "B-PERS", "O", "O", "O"]
    assert repair_spans(tags, tokens) == ["O", "B-PERS"] + ["I-PERS"] * 4 + ["O"]
    ould = ["قال", "سيدي", "ولد", "الشيخ", "إن"]
    assert repair_spans(["O", "B-PERS", "O", "O", "O"], ould) == [
        "O", "B-PERS", "I-PERS", "I-PERS", "O",
    ]  # fmt: skip
    # a link word must be followed by a word of letters; «بن» before a number stays out
    cut = ["O", "B-PERS", "O", "O"]
    assert repair_spans(cut, ["قال", "سالم", "بن", "2"]) == cut


def test_ali_spelt_with_ya_before_a_name_is_its_first_name() -> None:
    tags = ["O", "O", "B-PERS", "I-PERS", "O"]
    assert repair_spans(tags, ["وقال", "علي", "عبد", "الرحيم", "إن"])[1:4] == [
        "B-PERS", "I-PERS", "I-PERS",
    ]  # fmt: skip
    # «على» (the preposition, spelt with alif maqsura) stays out of the name
    assert repair_spans(tags, ["وتغلب", "على", "عبد", "الرحيم", "أمس"]) == tags


def test_two_person_names_side_by_side_are_one_unless_the_second_starts_with_wa() -> None:
    tokens = ["وأكد", "علي", "زيدان", "أن"]
    assert repair_spans(["O", "B-PERS", "B-PERS", "O"], tokens) == [
        "O", "B-PERS", "I-PERS", "O",
    ]  # fmt: skip
    pair = ["O", "B-PERS", "B-PERS", "O"]
    assert repair_spans(pair, ["بحث", "شكري", "والصفدي", "العلاقات"]) == pair
