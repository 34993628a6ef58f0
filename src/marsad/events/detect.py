"""Sentence-level PLOVER detection (ASSAULT, PROTEST): does this sentence report such an event?

Trigger words alone are not enough: news sentences name attacks and protests as background,
quote accusations, recall past events or threaten future ones. The detector is a small linear
model over readable features — every trigger with its PLOVER class, modality (the coder's
rules), verb or noun form and place in the sentence; cues of tense, quotation, hedging, time
and casualties; each trigger paired with those cues; the sentence's stems and stem pairs — so
each decision can be explained as a list of weighted features. The shipped model is a JSON
file of named weights; scoring needs no third-party package (training needs numpy, see
``marsad.events.detect_train``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from marsad.datafiles import read_json_model, resource
from marsad.errors import ModelError
from marsad.events.arguments import is_verb
from marsad.events.modality import clause_breaks, modality
from marsad.events.tables import plover_for
from marsad.events.triggers import default_triggers
from marsad.text.dates import WEEKDAYS
from marsad.text.normalize import normalize
from marsad.text.segment import stem, tokenize
from marsad.text.wordlists import word_set

EVENTS = ("ASSAULT", "PROTEST")
MODEL_FORMAT = "marsad-plover-detect"
MODEL_VERSION = 1
_WORDS = resource("events", "words.tsv")
DEFAULT_MODEL = Path(__file__).resolve().parents[1] / "resources" / "models" / "plover-detect.json"


# Cue words, matched on clitic-stripped stems; each group is one feature, named in `explain`.
# The groups are word lists in resources/events/words.tsv (detect.cue_<name>).
CUES: dict[str, frozenset[str]] = {
    "recent": word_set(_WORDS, "detect.cue_recent") | frozenset(WEEKDAYS),
    "past": word_set(_WORDS, "detect.cue_past"),
    "future": word_set(_WORDS, "detect.cue_future"),
    "call": word_set(_WORDS, "detect.cue_call"),
    "threat": word_set(_WORDS, "detect.cue_threat"),
    "hedge": word_set(_WORDS, "detect.cue_hedge"),
    "accuse": word_set(_WORDS, "detect.cue_accuse"),
    "negation": word_set(_WORDS, "detect.cue_negation"),
    "opinion": word_set(_WORDS, "detect.cue_opinion"),
    "condemn": word_set(_WORDS, "detect.cue_condemn"),
    "casualty": word_set(_WORDS, "detect.cue_casualty"),
    "crowd": word_set(_WORDS, "detect.cue_crowd"),
}
# first words that open reported speech: «قال …»، «وأكدت …»
SPEECH_START = word_set(_WORDS, "detect.speech_start")
QUOTE_MARKS = frozenset('«»"“”')
FIRST_WORDS = 3  # a trigger among the first words is the sentence's main act


def features(sentence: str) -> list[str]:
    """The named binary features of a sentence, without repeats, in a stable order."""
    text = " ".join(sentence.split())
    words = [text[s.start : s.end] for s in tokenize(text)]
    norms = [normalize(w) for w in words]
    stems = [stem(n) for n in norms]
    out: dict[str, None] = {}

    def add(name: str) -> None:
        out[name] = None

    _trigger_features(norms, words, add)
    stemset = set(stems) | set(norms)
    for cue, vocab in CUES.items():
        if stemset & vocab:
            add(f"cue:{cue}")
    lead = stems[:2] + norms[:2]
    if any(w in SPEECH_START for w in lead) or any(
        n[:1] in "وف" and n[1:] in SPEECH_START for n in norms[:2]
    ):
        add("cue:speech_start")
    if any(w in QUOTE_MARKS for w in words):
        add("cue:quote_marks")
    if any(w in ("؟", "?") for w in words):
        add("cue:question")
    if any(w.isdigit() and len(w) == 4 and w[:2] in ("19", "20") for w in norms):
        add("cue:year")
    if any(w.isdigit() for w in norms):
        add("cue:number")
    add(f"len:{min(len(norms) // 15, 4)}")
    if norms:
        add(f"first:{stems[0]}")
    content = [s for s, n in zip(stems, norms, strict=True) if n[:1].isalpha()]
    for s in content:
        add(f"w:{s}")
    for x, y in pairwise(content):
        add(f"b:{x}_{y}")
    _conjunctions(out, add)
    return list(out)


def _conjunctions(feats: dict[str, None], add: Callable[[str], None]) -> None:
    """Each detected-class trigger feature paired with each cue and length bucket.

    A trigger means more with "yesterday" or casualties beside it, and less inside a long
    analytical sentence; the pairs let the linear model weigh that (e.g.
    ``trig:PROTEST:asserted&cue:crowd``). Only one level of trigger detail is paired, so
    ``trig:ASSAULT:first:verb`` is not.
    """
    trig = [
        f
        for f in feats
        if f.startswith("trig:") and not f.startswith("trig:OTHER") and f.count(":") <= 2
    ]
    cues = [f for f in feats if f.startswith(("cue:", "len:"))]
    for t in trig:
        for c in cues:
            add(f"{t}&{c}")


def _trigger_features(norms: list[str], words: list[str], add: Callable[[str], None]) -> None:
    """Every trigger of the PLOVER classes we detect, with modality, form and place."""
    clauses = clause_breaks(norms)
    quote_depth = _inside_quote(words)
    for m in default_triggers().find(norms):
        info = plover_for(m.cameo)
        if info is None:
            continue
        ev = info.event if info.event in EVENTS else "OTHER"
        mod = modality(norms, m.start_token, m.end_token, clauses)
        word = norms[m.start_token]
        form = "verb" if is_verb(words[m.start_token]) else "noun"
        add(f"trig:{ev}")
        add(f"trig:{ev}:{mod}")
        add(f"trig:{ev}:{form}")
        add(f"trig:{ev}:cameo={m.cameo[:3]}")
        if ev == "OTHER":
            continue
        if m.start_token < FIRST_WORDS:
            add(f"trig:{ev}:first")
            add(f"trig:{ev}:first:{form}")
        if clauses[m.start_token] == 0:
            add(f"trig:{ev}:clause0")
        if quote_depth[m.start_token]:
            add(f"trig:{ev}:in_quote")
        if form == "verb" and word[:1] in "س" and word[1:2] in "يتن" and len(word) > 4:
            add(f"trig:{ev}:future")
        if form == "verb" and word[:1] in "يتن" and word[:2] != "تم":
            add(f"trig:{ev}:imperfect")
        if form == "verb" and mod == "asserted" and word[:1] not in "يتنس":
            add(f"trig:{ev}:past_asserted")


def _inside_quote(words: Sequence[str]) -> list[bool]:
    """Whether each token sits between quotation marks («…», “…”, "…")."""
    out: list[bool] = []
    depth = 0
    straight = False
    for w in words:
        if w in ("«", "“"):
            depth += 1
        elif w in ("»", "”"):
            depth = max(0, depth - 1)
        elif w == '"':
            straight = not straight
        out.append(depth > 0 or straight)
    return out


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(slots=True)
class ClassModel:
    bias: float
    threshold: float
    weights: dict[str, float]

    def margin(self, feats: Iterable[str]) -> float:
        return self.bias + sum(self.weights.get(f, 0.0) for f in feats)


class PloverDetector:
    """A linear model per PLOVER class over named features; decisions come with reasons."""

    def __init__(
        self, classes: dict[str, ClassModel], meta: dict[str, Any] | None = None, coder: bool = True
    ) -> None:
        self.classes = classes
        self.meta = meta or {}
        self.coder = coder

    @classmethod
    def load(cls, path: str | Path | None = None) -> PloverDetector:
        """Read a model file (default: the shipped ``resources/models/plover-detect.json``)."""
        path = Path(path) if path is not None else DEFAULT_MODEL
        return cls.from_dict(read_json_model(path, "detector model"), str(path))

    @classmethod
    def from_dict(cls, data: Any, where: str = "<model>") -> PloverDetector:
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            raise ModelError(f"{where}: not a {MODEL_FORMAT} model")
        if data.get("version") != MODEL_VERSION:
            raise ModelError(
                f"{where}: model version {data.get('version')}, expected {MODEL_VERSION}"
            )
        classes: dict[str, ClassModel] = {}
        try:
            for name, c in data["classes"].items():
                weights = {str(k): float(v) for k, v in c["weights"].items()}
                classes[name] = ClassModel(float(c["bias"]), float(c["threshold"]), weights)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"{where}: malformed detector model ({exc!r})") from exc
        meta = {k: v for k, v in data.items() if k != "classes"}
        return cls(classes, meta)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.meta,
            "format": MODEL_FORMAT,
            "version": MODEL_VERSION,
            "classes": {
                name: {
                    "bias": c.bias,
                    "threshold": c.threshold,
                    "weights": dict(sorted(c.weights.items())),
                }
                for name, c in sorted(self.classes.items())
            },
        }

    def features(self, sentence: str) -> list[str]:
        return features(sentence)

    def scores(self, sentence: str) -> dict[str, float]:
        """Probability of each PLOVER class for the sentence."""
        feats = self.features(sentence)
        return {name: _sigmoid(c.margin(feats)) for name, c in self.classes.items()}

    def predict(self, sentence: str) -> set[str]:
        """The PLOVER classes (ASSAULT, PROTEST) the sentence reports."""
        feats = self.features(sentence)
        return {n for n, c in self.classes.items() if _sigmoid(c.margin(feats)) >= c.threshold}

    def explain(
        self, sentence: str, event: str | None = None, top: int = 10
    ) -> list[tuple[str, float]]:
        """The features that weigh most on one class (default: the best-scoring), strongest first."""
        feats = self.features(sentence)
        if event is None:
            event = max(self.classes, key=lambda n: self.classes[n].margin(feats))
        if event not in self.classes:
            raise ModelError(f"no detector for {event!r}; known: {', '.join(sorted(self.classes))}")
        c = self.classes[event]
        contrib = [(f, c.weights[f]) for f in feats if f in c.weights]
        contrib.sort(key=lambda fw: (-abs(fw[1]), fw[0]))
        return contrib[:top]
