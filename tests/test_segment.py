"""Sentence splitting edge cases and clitic analyses, on sentences written for the tests."""

from __future__ import annotations

from marsad.text.segment import clitic_analyses, split_sentences, stem, tokenize


def sents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_basic_final_marks() -> None:
    text = "وصل الوفد إلى القاهرة. هل يلتقي الرئيس؟ نعم! انتهى الاجتماع…"
    assert sents(text) == ["وصل الوفد إلى القاهرة.", "هل يلتقي الرئيس؟", "نعم!", "انتهى الاجتماع…"]


def test_arabic_comma_does_not_split() -> None:
    text = "قال وزير الخارجية، سيرجي لافروف، إن المحادثات كانت بناءة."
    assert sents(text) == [text]


def test_semicolon_splits_only_before_a_full_clause() -> None:
    assert sents("وافق الطرفان على الهدنة؛ وبدأ تنفيذها صباح اليوم في المدينة.") == [
        "وافق الطرفان على الهدنة؛",
        "وبدأ تنفيذها صباح اليوم في المدينة.",
    ]
    assert sents("حضر الاجتماع ممثلون عن مصر؛ والأردن.") == ["حضر الاجتماع ممثلون عن مصر؛ والأردن."]


def test_abbreviations_and_decimals() -> None:
    text = "قال د. أحمد إن النمو بلغ 3.5 بالمئة. وأضاف أ. محمد أنه سيرتفع."
    assert sents(text) == ["قال د. أحمد إن النمو بلغ 3.5 بالمئة.", "وأضاف أ. محمد أنه سيرتفع."]


def test_quotes_keep_inner_marks() -> None:
    text = "وقال الوزير «لن نتراجع. هذا موقفنا» مؤكدا التزامه. وانتهى المؤتمر."
    assert sents(text) == ["وقال الوزير «لن نتراجع. هذا موقفنا» مؤكدا التزامه.", "وانتهى المؤتمر."]


def test_mark_before_closing_quote_ends_after_it() -> None:
    text = 'وقال المتحدث: "انتهت المفاوضات." ثم غادر القاعة.'
    assert sents(text) == ['وقال المتحدث: "انتهت المفاوضات."', "ثم غادر القاعة."]


def test_newline_always_splits_and_spans_index_original() -> None:
    text = "  السطر الأول بلا نقطة\nالسطر الثاني.  "
    spans = split_sentences(text)
    assert [text[s.start : s.end] for s in spans] == ["السطر الأول بلا نقطة", "السطر الثاني."]
    assert spans[0].start == 2


def test_repeated_marks_stay_together() -> None:
    assert sents("ماذا يحدث؟! لا أحد يعلم.") == ["ماذا يحدث؟!", "لا أحد يعلم."]


def test_empty() -> None:
    assert split_sentences("") == []
    assert split_sentences("   \n  ") == []


def test_tokens() -> None:
    text = "بلغت النسبة 30% و٣٠٪ في 2021."
    toks = [text[t.start : t.end] for t in tokenize(text)]
    assert toks == ["بلغت", "النسبة", "30%", "و", "٣٠٪", "في", "2021", "."]


def test_clitic_analyses() -> None:
    assert clitic_analyses("وبايدن")[0] == ("", "وبايدن", "")
    assert ("و", "بايدن", "") in clitic_analyses("وبايدن")
    assert ("ل", "روسيا", "") in clitic_analyses("لروسيا")
    assert ("وال", "كرملين", "") in clitic_analyses("والكرملين")
    assert ("", "نظير", "ه") in clitic_analyses("نظيره")
    assert ("", "وزير", "") in clitic_analyses("وزير")  # the unsplit reading is always there
    assert stem("والولايات") == "ولايات"


def test_sentence_tokens_index_the_article() -> None:
    from marsad.pipeline import analyze_text
    from marsad.steps.segment import tokens_of

    text = "عنوان الخبر\nوقال الوزيرُ إن ٣٠٪ من السكان غادروا."
    a = analyze_text(text, ner="none")
    s = a.sentences[1]
    toks = tokens_of(s, a.text)
    assert [t.text for t in toks] == ["وقال", "الوزيرُ", "إن", "٣٠٪", "من", "السكان", "غادروا", "."]
    assert [t.norm for t in toks][1] == "الوزير"
    assert toks[3].norm == "30%"
    assert all(a.text[t.start : t.end] == t.text for t in toks)
    assert tokens_of(s, a.text) is toks  # made once


def test_clitic_analyses_order_and_edges() -> None:
    assert clitic_analyses("لحكومتها") == (
        ("", "لحكومتها", ""),
        ("", "لحكومت", "ها"),
        ("ل", "حكومتها", ""),
        ("ل", "حكومت", "ها"),
    )
    assert clitic_analyses("كما") == (("", "كما", ""), ("ك", "ما", ""))  # the whole word first
    assert clitic_analyses("") == (("", "", ""),)
    assert clitic_analyses("2021") == (("", "2021", ""),)


def test_run_on_lines_are_cut_at_commas_or_spaces() -> None:
    from marsad.steps.segment import cap_length
    from marsad.text.segment import Span

    text = "كلمة " * 50 + "، " + "أخرى " * 50
    spans = cap_length(text, [Span(0, len(text.rstrip()))], 300)
    pieces = [text[s.start : s.end] for s in spans]
    assert all(len(p) <= 300 for p in pieces)
    assert pieces[0].endswith("،")  # the comma is preferred over a space
    assert "".join(p.replace(" ", "") for p in pieces) == text.replace(" ", "").rstrip()
    assert cap_length("قصيرة.", [Span(0, 6)], 300) == [Span(0, 6)]
