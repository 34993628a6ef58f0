"""Paragraphs, boilerplate, headings and the repeated-block detector, with exact counts."""

from __future__ import annotations

from datetime import date

from marsad.pipeline import analyze_text
from marsad.steps.clean import find_repeats, is_boilerplate, is_heading, split_paragraphs

from .conftest import SEED, needs_shared

HEAD = "الحكومة تعلن خطة جديدة لدعم المزارعين"
BODY = [
    "أعلنت الحكومة اليوم الأحد عن خطة جديدة لدعم المزارعين في المحافظات الجنوبية بقيمة مليار دينار.",
    "تفاصيل الخطة",
    "وقال وزير الزراعة في مؤتمر صحفي إن الخطة تشمل قروضا ميسرة وبذورا محسنة للموسم المقبل.",
    "وأضاف أن الحكومة ستراجع أسعار الأسمدة مع الشركات الموردة خلال الأسابيع القليلة المقبلة.",
]


def paragraphs_of(text: str) -> list[tuple[str, bool, str | None]]:
    a = analyze_text(text, published=date(2022, 5, 1), ner="none")
    return [(p.kind, p.removed, p.reason) for p in a.paragraphs]


def test_exact_repeat_of_whole_body() -> None:
    text = "\n".join([HEAD, *BODY, *BODY])
    a = analyze_text(text, ner="none")
    assert (a.paragraphs_kept, a.paragraphs_removed) == (5, 4)
    assert [p.repeat_of for p in a.paragraphs if p.removed] == [1, 2, 3, 4]
    assert [p.kind for p in a.paragraphs if not p.removed] == [
        "headline",
        "lead",
        "heading",
        "body",
        "body",
    ]


def test_lightly_edited_repeat() -> None:
    edited = [
        BODY[0].replace("اليوم الأحد", "الأحد"),
        BODY[1],
        BODY[2].replace("وقال", "قال"),
        BODY[3] + " ",
    ]
    a = analyze_text("\n".join([HEAD, *BODY, *edited]), ner="none")
    assert (a.paragraphs_kept, a.paragraphs_removed) == (5, 4)


def test_repeat_with_marks_and_digits_is_still_a_repeat() -> None:
    marked = BODY[0].replace("الحكومة", "الحُكومـة")
    keys = find_repeats([BODY[0], marked], similarity=90.0, min_chars=30)
    assert keys == {1: 0}


def test_short_isolated_repeat_is_kept() -> None:
    texts = [
        "تفاصيل",
        "فقرة طويلة أولى عن موضوع الخبر الرئيسي وتطوراته اليوم.",
        "تفاصيل",
        "فقرة طويلة ثانية مختلفة تماما عن الأولى في المضمون والصياغة.",
    ]
    assert find_repeats(texts, similarity=90.0, min_chars=30) == {}


def test_different_paragraphs_not_repeats() -> None:
    assert find_repeats(BODY, similarity=90.0, min_chars=30) == {}


def test_headline_repeated_as_first_body_line_is_removed() -> None:
    a = analyze_text("\n".join([HEAD + " " * 0, BODY[0], *BODY[2:], BODY[0]]), ner="none")
    assert a.paragraphs_removed == 1


def test_boilerplate_lines() -> None:
    lines = [
        "اقرأ أيضا: الحكومة ترفع أسعار الوقود",
        "إقرأ المزيد",
        "شارك هذا الخبر",
        "تابعونا على تويتر",
        "تابعنا على فيسبوك وتلغرام",
        "جميع الحقوق محفوظة © 2024",
        "حقوق النشر محفوظة",
        "اشترك في النشرة البريدية",
        "اضغط هنا للمزيد",
        "أخبار ذات صلة",
        "Share this article",
    ]
    for line in lines:
        assert is_boilerplate(line), line
    for line in BODY:
        assert not is_boilerplate(line), line
    text = "\n".join([HEAD, BODY[0], lines[0], BODY[2], lines[2], lines[3], BODY[3]])
    assert paragraphs_of(text) == [
        ("headline", False, None),
        ("lead", False, None),
        ("boilerplate", True, "boilerplate"),
        ("body", False, None),
        ("boilerplate", True, "boilerplate"),
        ("boilerplate", True, "boilerplate"),
        ("body", False, None),
    ]


def test_headings() -> None:
    assert is_heading("إدارة بايدن", 7)
    assert not is_heading("وقال الوزير إن الخطة جاهزة.", 7)
    assert not is_heading("القاهرة، دمشق", 7)
    a = analyze_text("\n".join([HEAD, *BODY]), ner="none")
    [h] = [s for s in a.sentences if s.heading]
    assert h.text == "تفاصيل الخطة"


def test_split_paragraphs_spans() -> None:
    text = "عنوان\n\n   فقرة أولى  \nفقرة ثانية"
    ps = split_paragraphs(text)
    assert [text[p.start : p.end] for p in ps] == ["عنوان", "فقرة أولى", "فقرة ثانية"]


def test_same_content_same_id_regardless_of_repeat() -> None:
    once = analyze_text("\n".join([HEAD, *BODY]), ner="none")
    twice = analyze_text("\n".join([HEAD, *BODY, *BODY]), ner="none")
    assert once.id == twice.id and len(once.id) == 32


@needs_shared("examples", "000_d6c194c62ad684ec.txt")
def test_seed_article_keeps_15_removes_13() -> None:
    a = analyze_text(SEED.read_text(encoding="utf-8"), published=date(2021, 2, 5), ner="none")
    assert (a.paragraphs_kept, a.paragraphs_removed) == (15, 13)
    kept = [p for p in a.paragraphs if not p.removed]
    assert [p.kind for p in kept].count("heading") == 2
    assert {a.text[p.start : p.end] for p in kept if p.kind == "heading"} == {
        "إدارة بايدن",
        "إجراء دبلوماسي",
    }
    assert all(s.paragraph < 15 for s in a.sentences)


def test_dateline_line_is_not_the_lead() -> None:
    a = analyze_text("\n".join([HEAD, "بغداد - (وكالات):", *BODY]), ner="none")
    assert [p.kind for p in a.paragraphs] == [
        "headline",
        "dateline",
        "lead",
        "heading",
        "body",
        "body",
    ]
