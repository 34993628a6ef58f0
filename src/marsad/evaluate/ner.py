"""CoNLL NER scoring that reproduces conlleval exactly, so our figures compare with papers'."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from marsad.errors import SourceError
from marsad.ner.base import NerBackend

Scores = dict[str, Any]
T = TypeVar("T", bound=Sequence[Any])

# Gold files mark no articles (ANERcorp has none), yet a tagger reads one article per call and
# its second pass spreads names within it: gold is tagged in windows of about an article's size.
DOC_TOKENS = 500


def read_conll(path: Path | str) -> list[list[tuple[str, str]]]:
    """Token and IOB2 tag per line; blank lines split sentences (a file may have none)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(str(path), f"cannot read CoNLL file: {exc}") from exc
    sents: list[list[tuple[str, str]]] = []
    cur: list[tuple[str, str]] = []
    for n, line in enumerate(text.replace("\r", "").split("\n"), 1):
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
                cur = []
            continue
        tag = parts[-1]
        if len(parts) < 2 or not (tag == "O" or (tag[:2] in ("B-", "I-") and len(tag) > 2)):
            raise SourceError(str(path), f"line {n}: expected 'token TAG' with an IOB2 tag")
        cur.append((" ".join(parts[:-1]), tag))
    if cur:
        sents.append(cur)
    return sents


def _split(tag: str) -> tuple[str, str]:
    prefix, dash, kind = tag.partition("-")
    return (prefix, kind) if dash else (tag, "")


def _end_of_chunk(prev: str, tag: str, prev_type: str, kind: str) -> bool:
    if (prev, tag) in {("B", "B"), ("B", "O"), ("I", "B"), ("I", "O")}:
        return True
    if prev == "E" and tag in {"E", "I", "O"}:
        return True
    if prev in {"]", "["}:
        return True
    return prev not in {"O", "."} and prev_type != kind


def _start_of_chunk(prev: str, tag: str, prev_type: str, kind: str) -> bool:
    if (prev, tag) in {("B", "B"), ("I", "B"), ("O", "B"), ("O", "I")}:
        return True
    if (prev, tag) in {("E", "E"), ("E", "I"), ("O", "E")}:
        return True
    if tag in {"[", "]"}:
        return True
    return tag not in {"O", "."} and prev_type != kind


def _prf(correct: int, guessed: int, found: int) -> tuple[float, float, float]:
    p = correct / guessed if guessed else 0.0
    r = correct / found if found else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def conll_scores(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> Scores:
    """Exact-span P/R/F1 per type and micro overall, chunk rules as in conlleval.pl.

    As in conlleval, an I- tag after O or after another type starts a new chunk, and a
    sentence break acts as an O between sentences.
    """
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold sentences but {len(pred)} predicted")
    correct_chunks: Counter[str] = Counter()
    found_correct: Counter[str] = Counter()
    found_guessed: Counter[str] = Counter()
    in_correct = False
    last_c, last_g, last_ct, last_gt = "O", "O", "", ""
    stream: list[tuple[str, str]] = []
    for g_sent, p_sent in zip(gold, pred, strict=True):
        if len(g_sent) != len(p_sent):
            raise ValueError("a predicted sentence differs in length from its gold sentence")
        stream.extend(zip(g_sent, p_sent, strict=True))
        stream.append(("O", "O"))
    for g_tag, p_tag in stream:
        c, ct = _split(g_tag)
        g, gt = _split(p_tag)
        if in_correct:
            c_end = _end_of_chunk(last_c, c, last_ct, ct)
            g_end = _end_of_chunk(last_g, g, last_gt, gt)
            if c_end and g_end and last_gt == last_ct:
                in_correct = False
                correct_chunks[last_ct] += 1
            elif c_end != g_end or gt != ct:
                in_correct = False
        c_start = _start_of_chunk(last_c, c, last_ct, ct)
        g_start = _start_of_chunk(last_g, g, last_gt, gt)
        if c_start and g_start and gt == ct:
            in_correct = True
        if c_start:
            found_correct[ct] += 1
        if g_start:
            found_guessed[gt] += 1
        last_c, last_g, last_ct, last_gt = c, g, ct, gt
    if in_correct:
        correct_chunks[last_ct] += 1
    p, r, f = _prf(
        sum(correct_chunks.values()), sum(found_guessed.values()), sum(found_correct.values())
    )
    per_type: dict[str, dict[str, float | int]] = {}
    for kind in sorted(set(found_correct) | set(found_guessed)):
        tp, tr, tf = _prf(correct_chunks[kind], found_guessed[kind], found_correct[kind])
        per_type[kind] = {"precision": tp, "recall": tr, "f1": tf, "support": found_correct[kind]}
    return {"precision": p, "recall": r, "f1": f, "per_type": per_type}


def documents(sents: Sequence[T], size: int = DOC_TOKENS) -> list[list[T]]:
    """Consecutive sentences cut into article-sized windows of about ``size`` tokens."""
    out: list[list[T]] = [[]]
    n = 0
    for sent in sents:
        if n >= size:
            out.append([])
            n = 0
        out[-1].append(sent)
        n += len(sent)
    return [doc for doc in out if doc]


def evaluate_ner(gold_path: Path | str, backend: NerBackend) -> Scores:
    """Tag the gold file's tokens with ``backend``, one article-sized window per call, and score."""
    sents = read_conll(gold_path)
    pred: list[list[str]] = []
    for doc in documents(sents):
        pred.extend(backend.tag([[w for w, _ in s] for s in doc]))
    return conll_scores([[t for _, t in s] for s in sents], pred)
