"""The coder's and resolver's word lists are data: read by name, normalised, checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.datafiles import read_tsv, resource
from marsad.errors import DataError
from marsad.text.wordlists import HEADER, word_set, word_tuple, words

SRC = Path(__file__).resolve().parents[1] / "src" / "marsad"
TABLES = [resource(package, "words.tsv") for package in ("events", "actors", "text", "ner")]


def _table(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "words.tsv"
    path.write_text("# a comment\nlist\tword\n" + body, encoding="utf-8")
    return path


def test_lists_are_read_by_name_in_file_order_and_normalised(tmp_path: Path) -> None:
    path = _table(tmp_path, "a.verbs\tأجرى\n# why\na.verbs\tإطلاق\nb.other\tمدينة\n")
    assert words(path, "a.verbs") == ("أجرى", "إطلاق")
    assert word_tuple(path, "a.verbs") == ("اجري", "اطلاق")
    assert word_set(path, "b.other") == frozenset({"مدينه"})


def test_an_unknown_list_names_the_file_and_the_list(tmp_path: Path) -> None:
    path = _table(tmp_path, "a.verbs\tأجرى\n")
    with pytest.raises(DataError, match=r"words\.tsv: no word list named 'a\.nouns'"):
        words(path, "a.nouns")


def test_a_row_without_its_word_fails_with_file_and_line(tmp_path: Path) -> None:
    path = _table(tmp_path, "a.verbs\tأجرى\na.verbs\n")
    with pytest.raises(DataError, match=r"words\.tsv:4: expected 2 fields"):
        words(path, "a.verbs")


@pytest.mark.parametrize("table", TABLES, ids=lambda p: p.parent.name)
def test_shipped_lists_repeat_no_word_and_are_all_read(table: Path) -> None:
    rows = [tuple(fields) for _, fields in read_tsv(table, HEADER)]
    assert len(rows) == len(set(rows)), "a word is listed twice in one list"
    names = {name for name, _ in rows}
    source = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    read = set(re.findall(r'(?:word_set|word_tuple|words)\(_WORDS, "([\w.]+)"\)', source))
    assert names - read == set(), "lists nobody reads"
    # each module reads its own lists: «arguments.x» of events/words.tsv from events/arguments.py
    for name in names:
        owner = SRC / table.parent.name / f"{name.split('.')[0]}.py"
        assert f'"{name}"' in owner.read_text(encoding="utf-8"), name
