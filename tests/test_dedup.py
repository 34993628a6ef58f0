"""MinHash signatures and story assignment: near copies meet, different texts do not, and
the answer does not depend on batch boundaries."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.model import Article
from marsad.settings import Settings
from marsad.steps.dedup import assign_stories
from marsad.store import Store
from marsad.text.fingerprint import (
    band_keys,
    jaccard,
    paragraph_key,
    shingle_hashes,
    signatures,
    word_hashes,
)

from .conftest import ARTICLE

BODY = paragraph_key(ARTICLE.replace("\n", " "))
OTHER = paragraph_key(
    "أعلنت وزارة الصحة في تونس تسجيل حالات جديدة من الإصابة بالحمى في ثلاث ولايات جنوبية، "
    "وقالت إن فرقها الطبية توجهت إلى المناطق المتضررة لتقديم العلاج ومتابعة الوضع الصحي."
)


def test_word_hashes_are_per_word_and_per_text() -> None:
    words, which = word_hashes(["سلام عليكم سلام", "عليكم", ""])
    assert which.tolist() == [0, 0, 0, 1]
    assert words[0] == words[2] and words[1] == words[3] and words[0] != words[1]
    # the hash of a word does not depend on its position or neighbours
    again, _ = word_hashes(["كلمة أخرى عليكم"])
    assert again[2] == words[1]


def test_shingles_stay_inside_one_text() -> None:
    words, which = word_hashes(["أ ب ج د", "ه و", "", "ز"])
    grams, offsets = shingle_hashes(words, which, 4, 3)
    # 2 shingles of 3 words; a 2-word text is one shingle; an empty text none; 1 word one
    assert offsets.tolist() == [0, 2, 3, 3, 4]
    assert len(set(grams.tolist())) == 4
    with pytest.raises(ValueError, match="shingle size"):
        shingle_hashes(words, which, 4, 9)


def test_near_copies_score_high_and_other_texts_low() -> None:
    edited = BODY.replace("الأربعاء", "الخميس")
    sigs = signatures([BODY, edited, OTHER, ""], shingle_size=5, num_perm=128)
    assert sigs.shape == (4, 128) and sigs.dtype == np.uint32
    assert jaccard(sigs[0], sigs[1]) >= 0.6
    assert jaccard(sigs[0], sigs[2]) < 0.1
    assert not sigs[3].any()  # no words: a zero row, which has no bands
    # deterministic: the same text gives the same signature in any batch
    assert (signatures([OTHER, BODY], 5, 128)[1] == sigs[0]).all()


def test_band_keys_need_bands_that_divide_the_signature() -> None:
    sigs = signatures([BODY, BODY], 5, 128)
    keys = band_keys(sigs, 32)
    assert keys.shape == (2, 32) and (keys[0] == keys[1]).all()
    with pytest.raises(ValueError, match="do not divide"):
        band_keys(sigs, 30)


def variants() -> tuple[list[str], np.ndarray]:
    texts = [BODY, OTHER, BODY + " وأضاف أن الاتصال دام ساعة", OTHER.replace("ثلاث", "أربع"), BODY]
    ids = [f"a{i}" for i in range(len(texts))]
    return ids, signatures(texts, 5, 128)


def test_stories_follow_the_most_similar_earlier_article(db_path: Path) -> None:
    ids, sigs = variants()
    with Store(db_path) as store:
        keys = assign_stories(store, ids, sigs, Settings.default())
    assert [keys[i].story_id for i in ids] == ["a0", "a1", "a0", "a1", "a0"]
    assert len(keys["a0"].buckets) == 32 and len(keys["a0"].signature) == 4 * 128


def test_stories_do_not_depend_on_batch_boundaries(tmp_path: Path) -> None:
    ids, sigs = variants()
    settings = Settings.default()
    whole = Store(tmp_path / "whole.duckdb")
    by_one = Store(tmp_path / "one.duckdb")

    def articles(names: list[str]) -> list[Article]:
        return [Article(id=n, text=n, title=n) for n in names]

    all_keys = assign_stories(whole, ids, sigs, settings)
    whole.add_articles(articles(ids), all_keys)
    for i, name in enumerate(ids[:-1]):  # a4 is an exact copy: it would not be stored
        one = assign_stories(by_one, [name], sigs[i : i + 1], settings)
        by_one.add_articles(articles([name]), one)
        assert one[name].story_id == all_keys[name].story_id
    q = "SELECT id, story_id FROM articles ORDER BY id"
    assert whole.query(q)[:4] == by_one.query(q)
    whole.close()
    by_one.close()


def test_threshold_is_a_setting(tmp_path: Path) -> None:
    ids, sigs = variants()
    with Store(tmp_path / "strict.duckdb") as store:
        keys = assign_stories(store, ids, sigs, Settings.default().replace(dedup_threshold=0.99))
    assert [keys[i].story_id for i in ids] == ["a0", "a1", "a2", "a3", "a0"]


def test_wordless_articles_are_their_own_stories(db_path: Path) -> None:
    sigs = signatures(["", ""], 5, 128)
    with Store(db_path) as store:
        keys = assign_stories(store, ["e", "f"], sigs, Settings.default())
    assert (keys["e"].story_id, keys["f"].story_id) == ("e", "f")
    assert keys["e"].buckets == []
