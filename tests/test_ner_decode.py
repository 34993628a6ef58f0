"""The numpy CRF decoder against crfsuite and a plain Viterbi, on sentences written for it."""

from __future__ import annotations

import numpy as np

from marsad.ner.crf import load_tagger
from marsad.ner.decode import viterbi
from marsad.ner.gazetteer import gazetteer_marks, starts_marks
from marsad.text.segment import tokenize

SENTENCES = [
    "وقال وزير الخارجية الأمريكي أنتوني بلينكن إن واشنطن تدعم الحل في اليمن .",
    "الرياض",
    "زار بايدن",
    "واستقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر اليمامة بالرياض أمس"
    " رئيس مجلس الوزراء العراقي ووفدا من وزارة الخارجية العراقية .",
    "أعلنت منظمة الصحة العالمية أن الوباء انحسر .",
]


def _tokens(text: str) -> list[str]:
    return [text[s.start : s.end] for s in tokenize(text)]


def test_decoder_equals_crfsuite_whatever_the_batch() -> None:
    sentences = [_tokens(t) for t in SENTENCES]
    fast = load_tagger()
    slow = load_tagger()
    slow._decoder = None  # the plain crfsuite path
    together = fast._tag(sentences)
    assert together == slow._tag(sentences)
    alone = load_tagger()
    assert [alone._tag([s])[0] for s in reversed(sentences)] == together[::-1]


def _plain_viterbi(em: np.ndarray, trans: np.ndarray) -> list[int]:
    """One sentence (time × label), step by step; ties to the lowest label."""
    score = em[0].copy()
    back = []
    for t in range(1, len(em)):
        cand = score[:, None] + trans
        back.append(cand.argmax(axis=0))
        score = cand.max(axis=0) + em[t]
    path = [int(score.argmax())]
    for ptr in reversed(back):
        path.append(int(ptr[path[-1]]))
    return path[::-1]


def test_batched_viterbi_equals_a_plain_one_with_ties() -> None:
    rng = np.random.default_rng(7)
    trans = rng.integers(-2, 3, size=(4, 4)).astype(float)  # small integers: many ties
    lens = np.array([6, 6, 3, 1])
    em = np.zeros((6, 4, 4))
    for b, n in enumerate(lens):
        em[:n, :, b] = rng.integers(-2, 3, size=(n, 4))
    paths = viterbi(em, lens, trans)
    for b, n in enumerate(lens):
        assert paths[:n, b].tolist() == _plain_viterbi(em[:n, :, b], trans)


def test_gazetteer_marks_from_given_starts() -> None:
    tokens = _tokens(SENTENCES[3])
    starts = [i for i, tok in enumerate(tokens) if starts_marks(tok)]
    assert starts
    assert gazetteer_marks(tokens, starts) == gazetteer_marks(tokens)
