"""Linking names to canonical actors: spelling variants, short names, titles, dated holders."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.actors.dictionary import ActorDictionary
from marsad.actors.fuzzy import THRESHOLD, FuzzyIndex, similarity, skeleton
from marsad.actors.resolve import Resolver, ner_spans
from marsad.pipeline import analyze_text
from marsad.text.normalize import normalize_word
from marsad.text.segment import tokenize


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver(ActorDictionary.load())


def refs(
    resolver: Resolver, text: str, day: date, tags: list[str] | None = None
) -> list[tuple[str, str | None, str | None]]:
    words = [text[s.start : s.end] for s in tokenize(text)]
    norms = [normalize_word(w) for w in words]
    out = resolver.references(norms, tags or ["O"] * len(norms), day)
    return [(" ".join(words[r.start : r.end]), r.actor_id, r.code) for r in out]


# Spelling variants and typos that must link (score at or above the threshold) ...
SAME = [
    ("نافالني", "نافانلي"),
    ("نافالني", "نيفالني"),
    ("أليكسي نافالني", "ألكسي نافانلي"),
    ("بوتين", "بوتن"),
    ("مدفيديف", "ميدفيديف"),
    ("بلينكن", "بلنكن"),
    ("زيلينسكي", "زيلنسكي"),
]
# ... and different people that must not.
DIFFERENT = [
    ("بايدن", "بوتين"),
    ("لافروف", "بلينكن"),
    ("ترامب", "أوباما"),
    ("محمد", "أحمد"),
    ("ماكرون", "ميركل"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_variants_score_above_threshold(a: str, b: str) -> None:
    assert similarity(a, b) >= THRESHOLD


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names_score_below_threshold(a: str, b: str) -> None:
    assert similarity(a, b) < THRESHOLD


def test_skeleton_drops_long_vowels() -> None:
    assert skeleton("نافالني") == "نفلن"
    assert skeleton("أليكسي نافالني") == "الكس نفلن"


def test_fuzzy_index_links_typos_to_dictionary_actors() -> None:
    idx = FuzzyIndex.from_dictionary(ActorDictionary.load())
    for typo, actor in [
        ("نافانلي", "alexei_navalny"),
        ("فلاديمير بوتن", "vladimir_putin"),
        ("ميدفيديف", "dmitry_medvedev"),
    ]:
        hit = idx.lookup(typo)
        assert hit is not None and hit[0] == actor, typo
    assert idx.lookup("كريم الهاشمي") is None
    assert idx.lookup("ابن") is None  # too short to link by similarity


def test_ner_spans_follow_conlleval() -> None:
    assert ner_spans(["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "B-ORG"]) == [
        (0, 2, "PERS"),
        (3, 4, "LOC"),
        (4, 5, "ORG"),
        (5, 6, "ORG"),
    ]


def test_title_and_nationality_resolve_to_the_holder_on_the_day(resolver: Resolver) -> None:
    text = "قال الرئيس الأمريكي إن بلاده مستعدة"
    assert refs(resolver, text, date(2010, 4, 8))[0] == (
        "الرئيس الأمريكي",
        "barack_obama",
        "USAGOV",
    )
    assert refs(resolver, text, date(2021, 2, 5))[0] == ("الرئيس الأمريكي", "joe_biden", "USAGOV")
    assert refs(resolver, text, date(2018, 6, 1))[0] == (
        "الرئيس الأمريكي",
        "donald_trump",
        "USAGOV",
    )


def test_apposition_and_counterpart(resolver: Resolver) -> None:
    text = "اتصل وزير الخارجية الروسي، سيرجي لافروف، بنظيره الأمريكي"
    got = refs(resolver, text, date(2021, 2, 4))
    assert got[0] == ("وزير الخارجية الروسي ، سيرجي لافروف", "sergey_lavrov", "RUSGOV")
    assert got[1] == ("بنظيره الأمريكي", "antony_blinken", "USAGOV")


def test_agents_metonyms_and_opposition(resolver: Resolver) -> None:
    got = refs(
        resolver,
        "اعتقلت السلطات الروسية المعارض الروسي أليكسي نافانلي ورد الكرملين",
        date(2021, 1, 18),
    )
    assert ("السلطات الروسية", None, "RUSGOV") in got
    assert ("المعارض الروسي أليكسي نافانلي", "alexei_navalny", "RUSOPP") in got
    assert ("الكرملين", None, "RUSGOV") in got
    got = refs(resolver, "فرقت الشرطة المصرية المتظاهرين", date(2022, 1, 1))
    assert ("الشرطة المصرية", None, "EGYCOP") in got


def test_former_leader_keeps_only_the_country(resolver: Resolver) -> None:
    assert refs(resolver, "انتقد ترامب القرار", date(2021, 6, 1)) == [
        ("ترامب", "donald_trump", "USA")
    ]
    assert refs(resolver, "انتقد ترامب القرار", date(2020, 6, 1)) == [
        ("ترامب", "donald_trump", "USAGOV")
    ]


def test_ner_name_not_in_dictionary_is_kept_and_typos_link(resolver: Resolver) -> None:
    text = "التقى المبعوث كريم الهاشمي بالمعارض نافانلي"
    tags = ["O", "O", "B-PERS", "I-PERS", "O", "B-PERS"]
    got = refs(resolver, text, date(2021, 1, 1), tags)
    assert got == [
        ("المبعوث كريم الهاشمي", None, None),
        ("بالمعارض نافانلي", "alexei_navalny", "RUSOPP"),
    ]


ARTICLE = (
    "لافروف يبحث مع نظيره الأمريكي ملف الأسلحة\n"
    "أجرى وزير الخارجية الروسي سيرجي لافروف اتصالا هاتفيا مع نظيره الأمريكي أنتوني بلينكن.\n"
    "وقال لافروف إن موسكو منفتحة على الحوار. وطالب بلينكن بالإفراج عن المعارض نافالني.\n"
    "وكان المعارض ألكسي نافانلي قد اعتقل في موسكو. والتقى المبعوث كريم الهاشمي بالوزير، وأكد الهاشمي دعمه.\n"
)


def test_mentions_group_into_one_entity_per_actor() -> None:
    a = analyze_text(ARTICLE, published=date(2021, 2, 5), ner="none")
    by_actor = {e.actor_id: e for e in a.entities if e.actor_id}
    lavrov = by_actor["sergey_lavrov"]
    assert lavrov.code == "RUSGOV" and lavrov.name_en == "Sergey Lavrov"
    assert {m.text for m in lavrov.mentions} >= {"لافروف", "وزير الخارجية الروسي سيرجي لافروف"}
    navalny = by_actor["alexei_navalny"]
    assert {m.text for m in navalny.mentions} == {"المعارض نافالني", "المعارض ألكسي نافانلي"}
    assert navalny.code == "RUSOPP"
    assert [e for e in a.entities if "نافالني" in e.name or "نافانلي" in e.name] == [navalny]
    for e in a.entities:
        for m in e.mentions:
            assert a.text[m.start : m.end] == m.text


def test_roles_are_dated() -> None:
    a = analyze_text(ARTICLE, published=date(2021, 2, 5), ner="none")
    blinken = next(e for e in a.entities if e.actor_id == "antony_blinken")
    assert blinken.code == "USAGOV"
    assert any(r.code == "USAGOV" and r.start == "2021-01-26" for r in blinken.roles)


def test_the_deputy_of_an_office_is_not_its_holder(resolver: Resolver) -> None:
    assert refs(resolver, "نائب رئيس المكتب السياسي لحركة حماس", date(2023, 6, 1)) == [
        ("نائب رئيس المكتب السياسي لحركة حماس", None, "PSEREBHMS")
    ]
    assert refs(resolver, "نائب وزير الخارجية الروسي", date(2023, 6, 1)) == [
        ("نائب وزير الخارجية الروسي", None, "RUSGOV")
    ]


def test_amman_is_the_capital_after_al_asima_or_beside_another_capital(
    resolver: Resolver,
) -> None:
    day = date(2022, 1, 1)
    assert refs(resolver, "وقع الانفجار في العاصمة عمان", day) == [("عمان", None, "JOR")]
    assert refs(resolver, "التنسيق بين عمّان والقاهرة", day) == [
        ("عمّان", None, "JOR"),
        ("والقاهرة", None, "EGY"),
    ]
    # Alone, the name keeps its first reading, the country: Oman.
    assert refs(resolver, "في سلطنة عمان", day) == [("سلطنة عمان", None, "OMN")]
    assert refs(resolver, "وصل إلى عمان أمس", day) == [("عمان", None, "OMN")]


def test_tagged_name_longer_than_the_dictionary_match_keeps_its_title(resolver: Resolver) -> None:
    # The dictionary matches «الشيخ تميم بن حمد»; the tagger's span is «تميم بن حمد آل ثاني».
    # Both are Tamim, so the mention spans both and «أمير قطر» describes it.
    text = "استقبل الملك أمير قطر الشيخ تميم بن حمد آل ثاني"
    tags = ["O"] * 5 + ["B-PERS"] + ["I-PERS"] * 4
    got = refs(resolver, text, date(2021, 1, 5), tags)
    assert got[-1] == ("أمير قطر الشيخ تميم بن حمد آل ثاني", "tamim_bin_hamad", "QATGOV")
    # untagged, the mention is the dictionary's longest match
    got = refs(resolver, text, date(2021, 1, 5))
    assert got[-1] == ("أمير قطر الشيخ تميم بن حمد", "tamim_bin_hamad", "QATGOV")


def _country_of(text: str, word: str) -> str | None:
    a = analyze_text("خبر\n" + text, published=date(2021, 1, 6), ner="none")
    return next((e.code for e in a.entities for m in e.mentions if m.text == word and e.code), None)


def test_a_bare_amman_or_oman_follows_the_country_the_article_is_about() -> None:
    # Jordan named, nothing pointing to Oman: «عمان» is Amman
    text = "وصل وزير الخارجية المصري إلى عمان أمس ويلتقي العاهل الأردني الملك عبد الله الثاني."
    assert _country_of(text, "عمان") == "JOR"
    # the Sultan points to Oman
    text = "وصل وزير الخارجية المصري إلى عمان أمس ويلتقي السلطان هيثم بن طارق."
    assert _country_of(text, "عمان") == "OMN"
    # nothing either way: the country reading stays
    assert _country_of("وصل وزير الخارجية المصري إلى عمان أمس في زيارة رسمية.", "عمان") == "OMN"
    # both named: no guess
    text = "قال وزير الخارجية الأردني إنه سيزور عمان الأسبوع المقبل، في جولة خليجية تبدأ من مسقط."
    assert _country_of(text, "عمان") == "OMN"


def test_names_of_as_many_words_must_match_word_for_word(resolver: Resolver) -> None:
    # close as whole strings, but «عبد» is not «صباح»
    assert resolver.fuzzy.lookup("محمد عبد السلام") is None
    assert resolver.fuzzy.lookup("ألكسي نافانلي") == ("alexei_navalny", 100.0)
    # two words are not one word that runs them together: the Maldives' president «عبدالله
    # يامين» is not Iran's «عبداللهيان», though their letters nearly agree; the spacing of
    # «عبد الله» itself does not count as a word
    assert resolver.fuzzy.lookup("عبدالله يامين") is None
    assert resolver.fuzzy.lookup("عبداللهيان") is not None
    assert resolver.fuzzy.lookup("عبد اللهيان") is not None


def test_an_organisations_unknown_spokesman_is_coded_as_the_organisation(
    resolver: Resolver,
) -> None:
    text = "رحب المتحدث باسم جماعة الحوثي محمد عبد السلام بالهدنة"
    tags = ["O"] * 5 + ["B-PERS", "I-PERS", "I-PERS", "O"]
    got = refs(resolver, text, date(2022, 4, 2), tags)
    assert ("المتحدث باسم جماعة الحوثي محمد عبد السلام", None, "YEMINS") in got


def test_a_service_branch_in_a_list_of_adjectives_is_no_actor(resolver: Resolver) -> None:
    text = "أوقفت الأطراف العمليات العسكرية الجوية والبرية والبحرية"
    assert refs(resolver, text, date(2022, 4, 2)) == []
    # after an actor it shares the head: the navy
    text = "شاركت القوات الجوية والبحرية المصرية في المناورات"
    assert ("والبحرية المصرية", None, "EGYMIL") in refs(resolver, text, date(2022, 4, 2))


def test_a_three_consonant_skeleton_alone_links_no_name(resolver: Resolver) -> None:
    # one letter apart in skeletons of three and four consonants, far apart as written
    for name in ("اداير", "كارتر", "بلاتر", "الرايس"):
        assert resolver.fuzzy.lookup(name) is None, name
    # variants whose written forms agree still link
    assert resolver.fuzzy.lookup("بوتن") == ("vladimir_putin", 100.0)
    hit = resolver.fuzzy.lookup("أردوجان")
    assert hit is not None and hit[0] == "recep_tayyip_erdogan"


@pytest.mark.parametrize(
    ("text", "word", "tag"),
    [
        ("ترأس ولي العهد الاجتماع الأسبوعي لمجلس الوزراء", "ترأس", "B-PERS"),  # not Liz Truss
        ("وارتفع مؤشر بورصة الكويت أمس", "بورصة", "B-LOC"),  # not Bursa
        ("وقال الشاب إنه وجده ملقى على الأرض", "وجده", "B-LOC"),  # not Oujda
        ("وقال الشاب إنه وجده ملقى على الأرض", "ملقى", "B-PERS"),  # not Hani al-Mulki
        ("وأشار إلى أن العيون تتجه إلى الاجتماع", "العيون", "B-LOC"),  # not Laayoune
        ("ووعدت إدارة النادي اللاعبين بمكافآت مالية", "مالية", "B-LOC"),  # not Malé
        ("واستقبل المشاركون الفكرة بحماس كبير", "بحماس", "B-ORG"),  # not Hamas
        ("وأبدى الطلاب الحماس للمشاركة في المسابقة", "الحماس", "B-ORG"),  # the enthusiasm
        ("وأبدى الوزير حماسه للمشروع الجديد", "حماسه", "B-ORG"),  # his enthusiasm
    ],
)
def test_a_name_that_is_also_a_common_word_needs_the_tagger(
    resolver: Resolver, text: str, word: str, tag: str
) -> None:
    assert all(word not in got for got, _, _ in refs(resolver, text, date(2023, 1, 1)))
    # tagged as a name by NER, the dictionary reading stands
    words = [text[s.start : s.end] for s in tokenize(text)]
    tags = [tag if w == word else "O" for w in words]
    assert any(word in got for got, _, _ in refs(resolver, text, date(2023, 1, 1), tags))


def test_a_person_homograph_tagged_as_a_place_is_the_place(resolver: Resolver) -> None:
    text = "وقال باحث في جامعة تكساس في أوستن إن النتائج مهمة"
    words = [text[s.start : s.end] for s in tokenize(text)]
    for tag, linked in (("B-LOC", False), ("B-PERS", True)):
        tags = [tag if w == "أوستن" else "O" for w in words]
        got = refs(resolver, text, date(2023, 1, 1), tags)
        assert any("أوستن" in g for g, _, _ in got) is linked, tag


def test_hamas_alone_is_the_movement_and_with_enthusiasm_is_not() -> None:
    a = analyze_text("خبر\nوأطلقت حماس صواريخ على إسرائيل.", ner="none")
    assert [(e.cameo[:2], e.source.get("code"), e.target.get("code")) for e in a.events] == [
        ("19", "PSEREBHMS", "ISR")
    ]
    a = analyze_text("خبر\nمن جهتها تستجيب شركات التقنية بحماس للرغبة في المثالية.", ner="none")
    assert a.entities == [] and a.events == []


def test_kyiv_is_not_how_and_aden_is_a_city() -> None:
    a = analyze_text("خبر\nوتساءل الوزير الروسي كيف يمكن للغرب أن يتجاهل ذلك.", ner="none")
    assert a.places == [] and {e.code for e in a.entities} == {"RUSGOV"}
    a = analyze_text("خبر\nوصلت الطائرة في 14 آب الماضي إلى عدن.", ner="none")
    assert [(p["name_en"], p["country"]) for p in a.places] == [("Aden", "YEM")]


def test_a_names_last_letter_is_not_a_spelling_variant(resolver: Resolver) -> None:
    # equal skeletons, but ي ends the other name: Saleh is not Salehi, Salman not Soleimani
    assert resolver.fuzzy.lookup("صالح") is None
    assert resolver.fuzzy.lookup("سلمان") is None
    assert resolver.fuzzy.lookup("صالحي") == ("ali_akbar_salehi", 100.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قصفت ميليشيات الحوثيين وصالح مناطق سكنية", ("ميليشيات الحوثيين", "houthis", "YEMINS")),
        ("واشتبكت قوات حزب الله مع الجيش", ("قوات حزب الله", "hezbollah", "LBNREB")),
    ],
)
def test_a_groups_fighters_are_the_group(
    resolver: Resolver, text: str, expected: tuple[str, str, str]
) -> None:
    assert refs(resolver, text, date(2015, 8, 1))[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "ويجدد تهديد أمن المملكة",
        "على حماية الأمن القومي العربي",
        "تعزيز الأمن والاستقرار في المنطقة",
        "أقامت الدعوى نيابة عن أهالي المدينة",
    ],
)
def test_security_and_on_behalf_as_abstract_nouns_are_no_agents(
    resolver: Resolver, text: str
) -> None:
    got = refs(resolver, text, date(2015, 8, 1))
    assert not any(code and code.endswith(("COP", "JUD")) for _, _, code in got)
    assert not any(w.endswith(("أمن", "نيابة")) for w, _, _ in got)


def test_the_security_forces_are_still_an_agent(resolver: Resolver) -> None:
    assert refs(resolver, "واعتقل الأمن المصري الناشط", date(2015, 8, 1))[0] == (
        "الأمن المصري",
        None,
        "EGYCOP",
    )


def test_a_governorate_is_a_place_not_its_government(resolver: Resolver) -> None:
    got = refs(resolver, "انسحبت القوات إلى مدينة الحوطة عاصمة محافظة لحج", date(2015, 8, 1))
    assert not any(w.startswith("محافظة") for w, _, _ in got)


def test_civil_defence_is_the_rescue_service_not_the_defence_ministry(resolver: Resolver) -> None:
    got = refs(resolver, "وتمكن أفراد الدفاع المدني السعودي من إنقاذ المحتجزين", date(2015, 8, 1))
    assert got[0] == ("أفراد الدفاع المدني السعودي", None, "SAUCVL")


@pytest.mark.parametrize(
    ("text", "word", "code"),
    [
        ("وقالت روسيا إن جيشها سيرد", "جيشها", "RUSMIL"),
        # «ها» is feminine: the country, not the place after «في»
        ("وتدخلت السعودية في اليمن وقصفت قواتها مواقع الحوثيين", "قواتها", "SAUMIL"),
        # «ه» is masculine: the person, not the country between
        ("وزار صدام حسين الكويت والتقى بقواته هناك", "بقواته", "IRQMIL"),
    ],
)
def test_a_force_with_a_pronoun_belongs_to_its_owner(
    resolver: Resolver, text: str, word: str, code: str
) -> None:
    got = {w: c for w, _, c in refs(resolver, text, date(1990, 8, 5))}
    assert got[word] == code


def test_an_adjective_in_taa_marbuta_is_no_force_with_a_pronoun(resolver: Resolver) -> None:
    # «الآمنة» normalises like «الأمن» + «ه»; a noun with a pronoun takes no article
    assert refs(resolver, "انطلقت القوافل من المناطق الآمنة", date(2015, 8, 1)) == []


def test_a_bare_kingdom_is_the_kingdom_the_article_names() -> None:
    a = analyze_text(
        "خبر\nوصل وزير الخارجية اليمني إلى الرياض. وسيزور الرئيس اليمني المملكة الأسبوع المقبل.",
        published=date(2021, 2, 5),
        ner="none",
    )
    assert [(e.cameo, e.source.get("code"), e.target.get("code")) for e in a.events] == [
        ("036", "YEMGOV", "SAU")
    ]
    kingdom = next(e for e in a.entities if e.code == "SAU")
    assert "المملكة" in [m.text for m in kingdom.mentions]
    # an article that names no kingdom leaves the word uncoded
    a = analyze_text("خبر\nوسيزور الرئيس اليمني المملكة الأسبوع المقبل.", ner="none")
    assert a.events == [] and all(e.code != "SAU" for e in a.entities)


def test_a_deposed_presidents_name_is_his_not_a_namesake_in_office() -> None:
    # «المخلوع» (deposed) marks a former holder: no swap to Barham Salih, Iraq's president
    a = analyze_text(
        "خبر\nوقال الرئيس اليمني المخلوع علي عبد الله صالح إن الحرب ستستمر.",
        published=date(2021, 2, 5),
        ner="none",
    )
    assert [(e.name, e.actor_id) for e in a.entities] == [
        ("علي عبد الله صالح", "ali_abdullah_saleh")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "وبحث الوزير الماليزي مع نظيره السعودي التعاون حول الأمن ومكافحة الإرهاب.",
        "وقال إن إيران تسعى إلى زعزعة الأمن في المنطقة.",
    ],
)
def test_security_as_a_topic_is_no_police(text: str) -> None:
    a = analyze_text("خبر\n" + text, published=date(2021, 2, 5), ner="none")
    assert all(not (e.code or "").endswith("COP") for e in a.entities)


def test_a_fuzzy_match_begins_as_the_name_does(resolver: Resolver) -> None:
    # «القميشي», a Yemeni official, is not Tunisia's «المشيشي»: one letter apart, but the first
    assert resolver.fuzzy.lookup("القميشي") is None
    assert resolver.fuzzy.lookup("المشيشي") == ("hichem_mechichi", 100.0)
    # a foreign sound written with another letter still matches («غوتيريش» / «جوتيريش»)
    found = resolver.fuzzy.lookup("جوتيريس")
    assert found is not None and found[0] == "antonio_guterres"
