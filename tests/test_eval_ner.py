"""conlleval arithmetic on hand-made gold/pred, the two CoNLL layouts, and malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import SourceError
from marsad.evaluate.ner import conll_scores, evaluate_ner, read_conll


def test_exact_spans_per_type_and_micro() -> None:
    # gold: PERS(0-1), LOC(3), ORG(5-6); pred: PERS(0-1) right, LOC(3) typed ORG, ORG(5) too short
    gold = [["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG"]]
    pred = [["B-PERS", "I-PERS", "O", "B-ORG", "O", "B-ORG", "O"]]
    s = conll_scores(gold, pred)
    # 1 correct of 3 guessed and 3 gold chunks
    assert s["precision"] == pytest.approx(1 / 3)
    assert s["recall"] == pytest.approx(1 / 3)
    assert s["f1"] == pytest.approx(1 / 3)
    assert s["per_type"]["PERS"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "support": 1}
    assert s["per_type"]["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    org = s["per_type"]["ORG"]
    assert (org["precision"], org["recall"], org["support"]) == (0.0, 0.0, 1)


def test_i_tag_after_o_starts_a_chunk_as_in_conlleval() -> None:
    # pred "O I-LOC I-LOC" is one LOC chunk over tokens 1-2, matching gold "O B-LOC I-LOC";
    # a lone I-PERS after a LOC starts a PERS chunk, as conlleval reads it.
    gold = [["O", "B-LOC", "I-LOC", "B-PERS"], ["B-MISC", "O"]]
    pred = [["O", "I-LOC", "I-LOC", "I-PERS"], ["O", "O"]]
    s = conll_scores(gold, pred)
    # guessed 2, gold 3, correct 2: P = 1, R = 2/3, F = 0.8
    assert s["precision"] == pytest.approx(1.0)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["f1"] == pytest.approx(0.8)
    assert s["per_type"]["MISC"]["recall"] == 0.0
    assert s["per_type"]["MISC"]["support"] == 1


def test_sentence_break_ends_a_chunk() -> None:
    # Without the break, I-LOC would continue the LOC of sentence one; with it, it is new.
    gold = [["B-LOC"], ["B-LOC"]]
    pred = [["B-LOC"], ["I-LOC"]]
    s = conll_scores(gold, pred)
    assert s["f1"] == pytest.approx(1.0)


def test_longer_prediction_is_wrong_and_counts_once() -> None:
    gold = [["B-ORG", "O", "O"]]
    pred = [["B-ORG", "I-ORG", "O"]]
    s = conll_scores(gold, pred)
    assert (s["precision"], s["recall"], s["f1"]) == (0.0, 0.0, 0.0)
    assert s["per_type"]["ORG"]["support"] == 1


def test_no_entities_at_all_scores_zero() -> None:
    s = conll_scores([["O", "O"]], [["O", "O"]])
    assert s == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "per_type": {}}


def test_length_mismatch_is_rejected() -> None:
    with pytest.raises(ValueError):
        conll_scores([["O", "O"]], [["O"]])


def test_read_conll_with_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("قال O\nبوتين B-PERS\n\nفي O\nموسكو B-LOC\n\n", encoding="utf-8")
    assert read_conll(path) == [
        [("قال", "O"), ("بوتين", "B-PERS")],
        [("في", "O"), ("موسكو", "B-LOC")],
    ]


def test_read_conll_without_blank_lines_bom_and_crlf(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_bytes("\ufeffزار O\r\nلافروف B-PERS\r\nجنيف B-LOC\r\n".encode())
    assert read_conll(path) == [[("زار", "O"), ("لافروف", "B-PERS"), ("جنيف", "B-LOC")]]


def test_read_conll_names_the_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text("قال O\nبوتين\n", encoding="utf-8")
    with pytest.raises(SourceError, match="line 2"):
        read_conll(path)
    path.write_text("قال O\nبوتين PERSON\n", encoding="utf-8")
    with pytest.raises(SourceError, match="line 2"):
        read_conll(path)


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError):
        read_conll(tmp_path / "absent.txt")


class _Echo:
    """A backend that tags every token O except those it was told are places."""

    name = "echo"

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        return [["B-LOC" if w == "موسكو" else "O" for w in s] for s in sentences]


def test_evaluate_ner_runs_a_backend(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("قال O\nبوتين B-PERS\nفي O\nموسكو B-LOC\n", encoding="utf-8")
    s = evaluate_ner(path, _Echo())
    # guessed 1 (correct), gold 2: P = 1, R = 0.5, F = 2/3
    assert (s["precision"], s["recall"]) == (1.0, 0.5)
    assert s["f1"] == pytest.approx(2 / 3)
