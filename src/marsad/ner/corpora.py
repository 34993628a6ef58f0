"""Readers for the NER corpora in ../shared, each mapped onto marsad's four types in IOB2.

Every reader returns sentences as lists of (token, tag) pairs; the type tables live in
``resources/ner/*_types.tsv`` so a mapping decision is a one-line data change.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from marsad.errors import DataError, SourceError
from marsad.ner.base import repair_iob2
from marsad.text.normalize import normalize, strip_marks

Sentence = list[tuple[str, str]]

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ner"
SENTENCE_FINAL = frozenset({".", "!", "?", "؟", "…"})
_WOJOOD_FILLER = "$#$"  # a placeholder token the Wojood sample uses for removed text
_NEWSFANE_PREFIXES = frozenset({"و", "ف"})
_NEWSFANE_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "كما", "نا", "ي", "ك"})


@lru_cache(maxsize=8)
def type_table(name: str) -> dict[str, str]:
    """A ``source type -> marsad type`` table from ``resources/ner/<name>_types.tsv``."""
    path = RESOURCES / f"{name}_types.tsv"
    table: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2 or parts[1] not in {"PERS", "ORG", "LOC", "MISC", "O"}:
            raise DataError(f"{path}:{n}: expected 'source<TAB>PERS|ORG|LOC|MISC|O'")
        table[parts[0]] = parts[1]
    return table


def _map_tag(tag: str, table: dict[str, str]) -> str:
    if tag == "O" or len(tag) < 3 or tag[1] != "-":
        return "O"
    mapped = table.get(tag[2:], "O")
    return "O" if mapped == "O" else f"{tag[0]}-{mapped}"


def _lines(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(str(path), f"cannot read corpus: {exc}") from exc
    return text.replace("\r", "").split("\n")


def _finish(sent: Sentence) -> Sentence:
    tags = repair_iob2([t for _, t in sent])
    return [(w, t) for (w, _), t in zip(sent, tags, strict=True)]


def read_anercorp(path: Path) -> list[Sentence]:
    """ANERcorp (token and tag per line, no sentence breaks) cut into pseudo-sentences."""
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in _lines(path):
        parts = line.split()
        if len(parts) < 2:
            continue
        token = strip_marks("".join(parts[:-1]))
        if not token:
            continue
        cur.append((token, parts[-1]))
        if token in SENTENCE_FINAL:
            sents.append(_finish(cur))
            cur = []
    if cur:
        sents.append(_finish(cur))
    return sents


def read_newsfane(path: Path) -> list[Sentence]:
    """NewsFANE (tab-separated, clitics split off) with و/ف and pronouns re-attached."""
    table = type_table("newsfane")
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in _lines(path):
        parts = line.split("\t")
        token = strip_marks(parts[0]).strip()
        if not token:
            if cur:
                sents.append(_finish(_rejoin(cur)))
                cur = []
            continue
        tag = parts[1].strip() if len(parts) > 1 else "O"
        cur.append((token, _map_tag(tag, table)))
    if cur:
        sents.append(_finish(_rejoin(cur)))
    return sents


def _rejoin(sent: Sentence) -> Sentence:
    """Glue split clitics back so tokens look like marsad's tokenizer output."""
    out: Sentence = []
    pending = ""
    for token, tag in sent:
        if token in _NEWSFANE_PREFIXES:
            pending += token
            continue
        if token in _NEWSFANE_SUFFIXES and out and not pending:
            prev, ptag = out[-1]
            out[-1] = (prev + token, ptag)
            continue
        out.append((pending + token, tag))
        pending = ""
    if pending:
        out.append((pending, "O"))
    return out


def read_aqmar(path: Path) -> list[Sentence]:
    """AQMAR (space-separated, blank line between sentences) with PER/LOC/ORG/MIS mapped."""
    table = type_table("aqmar")
    return _read_blank_separated(path, table)


def read_wojood(path: Path) -> list[Sentence]:
    """Wojood (nested): the outermost spans whose type maps to one of the four types."""
    table = type_table("wojood")
    sents: list[Sentence] = []
    tokens: list[str] = []
    layers: list[list[str]] = []
    for line in [*_lines(path), ""]:
        parts = line.split()
        if not parts:
            if tokens:
                sents.append(_flatten(tokens, layers, table))
                tokens, layers = [], []
            continue
        if parts[0] == _WOJOOD_FILLER:
            continue
        tokens.append(parts[0])
        layers.append(parts[1:])
    return sents


def _flatten(tokens: list[str], layers: list[list[str]], table: dict[str, str]) -> Sentence:
    spans: list[tuple[int, int, str]] = []
    for i, tags in enumerate(layers):
        for tag in tags:
            if not tag.startswith("B-"):
                continue
            kind = tag[2:]
            j = i + 1
            while j < len(tokens) and f"I-{kind}" in layers[j]:
                j += 1
            mapped = table.get(kind, "O")
            if mapped != "O":
                spans.append((i, j, mapped))
    tags_out = ["O"] * len(tokens)
    for start, end, kind in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(t == "O" for t in tags_out[start:end]):
            tags_out[start] = f"B-{kind}"
            for k in range(start + 1, end):
                tags_out[k] = f"I-{kind}"
    return list(zip(tokens, tags_out, strict=True))


def _read_blank_separated(path: Path, table: dict[str, str]) -> list[Sentence]:
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in [*_lines(path), ""]:
        parts = line.split()
        if len(parts) < 2:
            if cur:
                sents.append(_finish(cur))
                cur = []
            continue
        token = strip_marks(parts[0])
        if token:
            cur.append((token, _map_tag(parts[-1], table)))
    return sents


def split_dev(
    sents: list[Sentence], dev_share: float = 0.1
) -> tuple[list[Sentence], list[Sentence]]:
    """Contiguous split: the last ``dev_share`` of tokens (at a sentence edge) is the dev slice."""
    total = sum(len(s) for s in sents)
    seen = 0
    for i, sent in enumerate(sents):
        if seen >= total * (1 - dev_share):
            return sents[:i], sents[i:]
        seen += len(sent)
    return sents, []


def char_key(sent: Iterable[tuple[str, str]]) -> str:
    """Tokenisation-blind text of a sentence, for finding the same sentence in two corpora."""
    return normalize("".join(w for w, _ in sent))
