"""The CRF NER features on hand-written words, corpus readers, and the shipped model's tags."""

from __future__ import annotations

import json
from pathlib import Path

import pycrfsuite
import pytest

from marsad.errors import ModelError
from marsad.ner.consistency import majority_types, name_key, propagate
from marsad.ner.corpora import read_anercorp, read_newsfane, read_wojood, repair_iob2, split_dev
from marsad.ner.crf import CrfTagger, load_tagger, train
from marsad.ner.features import sentence_features, word_features
from marsad.ner.gazetteer import LISTS_DIR, NER_LISTS, gazetteer_features
from marsad.text.segment import split_sentences, tokenize


def _tokens(text: str) -> list[str]:
    """Tokens as the pipeline makes them, so the model is tested on realistic input."""
    return [text[s.start : s.end] for s in tokenize(text)]


def test_clitic_features_of_wa_biden() -> None:
    feats = word_features("وبايدن")
    assert "w=وبايدن" in feats
    assert "s=بايدن" in feats
    assert "p=و" in feats
    assert "x=" in feats


def test_suffix_and_article_are_split_off() -> None:
    feats = word_features("لحكومتها")
    assert "p=ل" in feats
    assert "x=ها" in feats
    assert "s=حكومت" in feats
    assert "al" in word_features("والرئيس")


def test_shape_of_digits_latin_and_punctuation() -> None:
    assert "sh=D4" in word_features("2021")
    assert "sh=D4" in word_features("٢٠٢١")  # Arabic-Indic digits normalise to ASCII
    assert "sh=D" in word_features("15")
    assert "sh=d" in word_features("3.5")
    assert "sh=A" in word_features("NATO")
    assert "sh=P" in word_features("«")
    assert "sh=W" in word_features("موسكو")


def test_lexicon_features() -> None:
    assert "lex=T" in word_features("الرئيس")
    assert "lex=N" in word_features("الروسية")
    assert "lex=N" in word_features("والأمريكيين")
    assert "lex=O" in word_features("لوزارة")
    assert "lex=C" in word_features("بموسكو")
    assert "lex=G" in word_features("وروسيا")


def test_context_window_is_prefixed_and_bounded() -> None:
    feats = sentence_features(["قال", "بوتين", "أمس"])
    assert "-1:BOS" in feats[0] and "-2:BOS" in feats[0]
    assert "+1:w=بوتين" in feats[0]
    assert "+2:w=امس" in feats[0]
    assert "-1:w=قال" in feats[1]
    assert "+1:EOS" in feats[2] and "-2:w=قال" in feats[2]


def test_repair_iob2() -> None:
    assert repair_iob2(["O", "I-LOC", "I-LOC", "I-PERS"]) == ["O", "B-LOC", "I-LOC", "B-PERS"]


def test_split_dev_is_contiguous_at_the_end() -> None:
    sents = [[("a", "O")] * 5 for _ in range(10)]
    train, dev = split_dev(sents, 0.2)
    assert (len(train), len(dev)) == (8, 2)


def test_wojood_keeps_outer_mapped_span(tmp_path: Path) -> None:
    path = tmp_path / "w.txt"
    path.write_text(
        "سكرتير B-OCC\nاللجنة I-OCC B-ORG\nالعربية I-OCC I-ORG\nفي I-OCC\nنابلس I-OCC B-GPE\n\n",
        encoding="utf-8",
    )
    tags = [t for _, t in read_wojood(path)[0]]
    assert tags == ["O", "B-ORG", "I-ORG", "O", "B-LOC"]


def test_shipped_model_tags_a_sentence() -> None:
    tagger = load_tagger()
    assert tagger.name == "crf"
    tokens = _tokens("قال الرئيس الروسي فلاديمير بوتين في موسكو إن بلاده مستعدة للحوار.")
    (tags,) = tagger.tag([tokens])
    assert tags == ["O", "O", "O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "O", "O", "O", "O"]


def test_shipped_model_tags_organisations_and_places() -> None:
    tokens = _tokens("وأعلنت منظمة الصحة العالمية في جنيف أن الأمم المتحدة سترسل مساعدات إلى غزة.")
    (tags,) = load_tagger().tag([tokens])
    assert tags == [
        "O", "B-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O", "O", "O",
        "B-LOC", "O",
    ]  # fmt: skip


def test_empty_sentence_and_batch() -> None:
    assert load_tagger().tag([[], ["."]]) == [[], ["O"]]


def test_missing_or_corrupt_model_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        load_tagger(tmp_path / "absent.crfsuite")
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a crfsuite model")
    with pytest.raises(ModelError):
        CrfTagger(bad)


def test_fast_decoder_matches_crfsuite() -> None:
    text = (
        "وقال المتحدث باسم وزارة الخارجية الروسية إن الوزير سيرغي لافروف تلقى اتصالا من نظيره. "
        "وزار الأمين العام للأمم المتحدة أنطونيو غوتيريش العاصمة الأردنية عمان أمس. "
        "وتحدثت رانيا عن فوز أرسنال على ريال مدريد في برنامج « حديث المساء » على قناة الجزيرة."
    )
    sentences = [_tokens(text[s.start : s.end]) for s in split_sentences(text)]
    fast = load_tagger()
    slow = load_tagger()
    slow._decoder = None  # the plain crfsuite path, used when numpy is absent
    assert fast.tag(sentences) == slow.tag(sentences)


def test_anercorp_reader_cuts_pseudo_sentences(tmp_path: Path) -> None:
    path = tmp_path / "aner.txt"
    path.write_text("زار O\nبوتين B-PERS\n. O\nفي O\nموسكو I-LOC\n", encoding="utf-8")
    assert read_anercorp(path) == [
        [("زار", "O"), ("بوتين", "B-PERS"), (".", "O")],
        [("في", "O"), ("موسكو", "B-LOC")],
    ]


def test_newsfane_reader_rejoins_clitics_and_maps_types(tmp_path: Path) -> None:
    path = tmp_path / "fane.txt"
    path.write_bytes(
        "\ufeff\u200eو\tO\r\nقال\tO\r\nان\tO\r\nه\tO\r\nبوتين\tB-Politician\r\n"
        "العرب\tB-Group\r\n\t\r\n".encode()
    )
    assert read_newsfane(path) == [
        [("وقال", "O"), ("انه", "O"), ("بوتين", "B-PERS"), ("العرب", "O")]
    ]


def test_gazetteer_marks_phrases_through_clitics_longest_first() -> None:
    tokens = _tokens("وقال الرئيس جورج بوش لوزارة الخارجية الأمريكية في بغداد")
    marks = gazetteer_features(tokens)
    assert "g=B-TTL" in marks[1]
    assert ("g=B-PER" in marks[2], "g=I-PER" in marks[3]) == (True, True)  # not بوش alone
    assert "g=B-LOC" in marks[8]
    assert not any(m.startswith("g=") for m in marks[0])


def test_org_head_spreads_over_idafa_and_stops_at_a_preposition() -> None:
    tokens = _tokens("زار وفد هيئة الرقابة المالية العليا الجديدة في المدينة")
    marks = gazetteer_features(tokens)
    assert "oh=H" in marks[2]
    assert ["oh=1" in marks[3], "oh=2" in marks[4], "oh=3" in marks[5]] == [True] * 3
    assert not any(m.startswith("oh=") for m in marks[6] + marks[7] + marks[8])


def test_gazetteer_marks_reach_the_crf_with_neighbours() -> None:
    feats = sentence_features(["قال", "جورج", "بوش"])
    assert "g=B-PER" in feats[1] and "+1:g=I-PER" in feats[1]
    assert "-1:g=B-PER" in feats[2]


def test_name_lists_mark_clubs_companies_and_names_through_clitics() -> None:
    tokens = _tokens("وتغلب وأرسنال على ريال مدريد وقالت شركة تويوتا")
    marks = gazetteer_features(tokens)
    assert "g=B-ON" in marks[1]  # وأرسنال: the list phrase is matched behind و
    assert ("g=B-ON" in marks[3], "g=I-ON" in marks[4]) == (True, True)  # ريال مدريد, whole
    assert "g=B-ON" in marks[7]
    assert not any(m.startswith("g=") for m in marks[0] + marks[2])


def test_short_quoted_spans_are_marked_and_long_or_open_ones_are_not() -> None:
    def quote_marks(text: str) -> list[list[str]]:
        return [[m for m in ms if m.startswith("g=q")] for ms in gazetteer_features(text.split())]

    assert quote_marks("برنامج « الناس وأنا اليوم » يذاع") == [
        [], [], ["g=q1"], ["g=qi"], ["g=qn"], [], [],
    ]  # fmt: skip
    assert quote_marks("سيارة « أورفان » الجديدة")[2] == ["g=q0"]
    assert not any(quote_marks("قال « هذا كلام طويل جدا لا يمكن أن يكون اسما لشيء » ثم"))
    assert not any(quote_marks("قال « الناس وأنا"))  # never closed


def test_name_lists_are_ours_and_clean() -> None:
    for name in NER_LISTS:
        lines = (LISTS_DIR / name).read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("#") and lines[0].endswith("written for marsad."), name
        entries = [x for x in lines[1:] if x.strip()]
        assert len(entries) == len(set(entries)) > 20, name
        assert all(x == x.strip() and "\t" not in x for x in entries), name


def test_name_key_strips_conjunctions_and_prepositions_but_keeps_al() -> None:
    assert name_key("للبنك") == "البنك"
    assert name_key("وبايدن") == "بايدن"
    assert name_key("البنك") == "البنك"


def test_second_pass_tags_repeats_of_a_name_in_the_document() -> None:
    sents = [["فاز", "البنك", "التجاري", "."], ["وقال", "رئيس", "للبنك", "التجاري", "امس"]]
    tags = [["O", "B-ORG", "I-ORG", "O"], ["O", "O", "O", "O", "O"]]
    assert propagate(sents, tags)[1] == ["O", "O", "B-ORG", "I-ORG", "O"]


def test_second_pass_adds_a_lone_surname_and_never_overrides_a_tag() -> None:
    sents = [["قال", "صامويل", "إيتو", "."], ["وسجل", "إيتو", "هدفا"], ["إيتو", "سيتي"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"], ["B-ORG", "I-ORG"]]
    out = propagate(sents, tags)
    assert out[1] == ["O", "B-PERS", "O"]
    assert out[2] == ["B-ORG", "I-ORG"]


def test_tag_documents_matches_tag_per_document() -> None:
    tagger = load_tagger()
    docs = [
        [_tokens("زار فلاديمير بوتين موسكو."), _tokens("وقال بوتين إن الاتفاق مهم.")],
        [_tokens("قال بوتين كلمة.")],
    ]
    assert tagger.tag_documents(docs) == [tagger.tag(doc) for doc in docs]


def test_a_person_span_across_wa_is_two_people() -> None:
    from marsad.ner.coordination import split_coordinated

    tokens = ["بحث", "شكري", "والصفدي", "ومحمد", "وليد", "العلاقات"]
    tags = ["O", "B-PERS", "I-PERS", "I-PERS", "I-PERS", "O"]
    # والصفدي (و + ال…) and ومحمد (و + a given name) start new people; وليد is a name itself.
    assert split_coordinated(tags, tokens) == ["O", "B-PERS", "B-PERS", "B-PERS", "I-PERS", "O"]
    org = ["B-ORG", "I-ORG", "I-ORG"]
    assert split_coordinated(org, ["حركة", "العدل", "والمساواة"]) is org  # only people are cut


def test_train_writes_a_heldout_model_and_a_shipped_one_with_the_dev_slice(
    tmp_path: Path,
) -> None:
    # A tiny ANERcorp-format corpus: nine sentences, the last (the dev slice) the only one
    # naming «نابلس». The held-out model never sees that word; the shipped one does.
    lines = []
    for name in ("بوتين", "بايدن", "لافروف", "بلينكن", "ماكرون", "شولتس", "سوناك", "مودي"):
        lines += [f"{name} B-PERS", "زار O", "موسكو B-LOC", "امس O", ". O"]
    lines += ["وصل O", "الى O", "نابلس B-LOC", ". O"]
    corpus = tmp_path / "shared" / "data" / "ner" / "anercorp"
    corpus.mkdir(parents=True)
    (corpus / "train.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    grid = [{"c1": 0.0, "c2": 0.01, "max_iterations": 20, "corpora": ["anercorp"]}]
    out = tmp_path / "models"
    card = train(out, tmp_path / "shared", grid=grid, workers=1)
    assert {p.name for p in out.iterdir()} == {
        "ner-crf.crfsuite", "ner-crf-heldout.crfsuite", "ner-crf.json"
    }  # fmt: skip
    assert card["train_tokens_anercorp"] == 40 and card["dev_tokens"] == 4
    assert json.loads((out / "ner-crf.json").read_text(encoding="utf-8")) == card

    def knows(model: Path, attr: str) -> bool:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model))
        return any(a == attr for a, _label in tagger.info().state_features)

    assert knows(out / "ner-crf.crfsuite", "w=نابلس")
    assert not knows(out / "ner-crf-heldout.crfsuite", "w=نابلس")
    assert knows(out / "ner-crf-heldout.crfsuite", "w=بوتين")


def test_an_entity_string_takes_the_type_most_of_its_occurrences_have() -> None:
    sents = [["قالت", "حركة", "حماس", "إن"], ["وأضافت", "حركة", "حماس"], ["ورد", "وحركة", "حماس"]]
    tags = [["O", "B-ORG", "I-ORG", "O"], ["O", "B-ORG", "I-ORG"], ["O", "B-PERS", "I-PERS"]]
    out = majority_types(sents, tags)
    assert out[2] == ["O", "B-ORG", "I-ORG"]  # «وحركة» is «حركة» with its conjunction
    assert out[:2] == tags[:2] and tags[2] == ["O", "B-PERS", "I-PERS"]  # input left alone
    # one against one: no majority, nothing changes
    assert majority_types(sents[1:], tags[1:]) == tags[1:]


def test_the_crf_backend_is_loaded_once_per_process() -> None:
    """analyze_text builds its steps per call; the 2.8 MB model must not be re-read each time."""
    from marsad import pipeline

    assert pipeline.load_backend("crf") is pipeline.load_backend("crf")
    a = pipeline.default_steps("crf")[4]
    b = pipeline.default_steps("crf")[4]
    assert a.backend is b.backend  # type: ignore[attr-defined]
