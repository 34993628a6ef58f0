"""How likely a coded event is right: a small logistic model learnt from reviewed events.

Each event gets named, readable features from what the analysis JSON already shows — its code
and pattern, where its parties were found (in the sentence, before or after the trigger, how
far; from context; in a quote), what they are (a person, a place, a bare country, the same
country on both sides), how it is dated, which cue words its sentence has (negation, hedges,
opinion, years: the detector's lists) — and the model turns them
into the probability that a reviewer finds the event right as coded (family, direction, both
parties and their codes). The model is trained offline from marsad's own reviews of events it
coded in SaudiNewsNet articles (``marsad.evaluate.event_confidence``, ``marsad train
confidence``) and ships as JSON that
scores without numpy. ``explain`` lists the weighted features behind one score.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.datafiles import read_json_model
from marsad.errors import ModelError
from marsad.events.detect import CUES, SPEECH_START
from marsad.events.words import is_verb
from marsad.model import Article, Event, Token
from marsad.text.normalize import normalize_word
from marsad.text.segment import stem

MODEL_FILE = Path(__file__).resolve().parents[1] / "resources" / "models" / "event-confidence.json"
FORMAT = "marsad-event-confidence/1"
NEAR, FAR = 3, 8  # token distances that split "next to", "near" and "far"


def _bucket(value: int, cuts: Sequence[int]) -> str:
    for cut in cuts:
        if value <= cut:
            return f"<={cut}"
    return f">{cuts[-1]}"


def _token_index(tokens: Sequence[Token], offset: int) -> int:
    """The index of the token covering or following a character offset."""
    for i, tok in enumerate(tokens):
        if tok.end > offset:
            return i
    return len(tokens)


def _spans_of(side: dict[str, Any], article: Article, sent_start: int, sent_end: int) -> list[int]:
    """Character starts of a party's mentions inside the sentence: its entity's mentions, else
    where its words are written there."""
    starts: list[int] = []
    eid = side.get("entity_id")
    if eid:
        for ent in article.entities:
            if ent.id == eid:
                starts = [m.start for m in ent.mentions if sent_start <= m.start < sent_end]
                break
    text = side.get("text") or ""
    if not starts and text:
        found = article.text.find(text, sent_start, sent_end)
        while found != -1:
            starts.append(found)
            found = article.text.find(text, found + 1, sent_end)
    return starts


def _placement(
    prefix: str, side: dict[str, Any], article: Article, ev: Event, add: Any, kinds: dict[str, str]
) -> None:
    """Where a party sits: before or after the trigger and how far, or not in the sentence."""
    sent = article.sentences[ev.sentence]
    starts = _spans_of(side, article, sent.start, sent.end)
    if not side.get("text"):
        add(f"{prefix}.none")
        return
    kind = kinds.get(side.get("entity_id") or "", "noun")
    add(f"{prefix}.kind={kind}")
    if not starts:
        add(f"{prefix}.outside")  # named in another sentence, or only by a pronoun
        return
    trig = _token_index(sent.tokens, ev.start)
    best = min(starts, key=lambda s: abs(_token_index(sent.tokens, s) - trig))
    k = _token_index(sent.tokens, best)
    side_of = "before" if k < trig else "after"
    gap = abs(k - trig)
    add(f"{prefix}.{side_of}")
    add(f"{prefix}.{side_of}{_bucket(gap, (1, NEAR, FAR))}")


def _code(prefix: str, code: str | None, add: Any) -> None:
    if not code:
        add(f"{prefix}.uncoded")
    elif code.startswith("IGO") or code.startswith("IMG") or code.startswith("NGO"):
        add(f"{prefix}.group")
    elif len(code) == 3:
        add(f"{prefix}.country")
    else:
        add(f"{prefix}.role={code[3:6]}")


def features(ev: Event, article: Article) -> list[str]:
    """The named features of one event in its analysed article (see the module docstring)."""
    feats: dict[str, None] = {}

    def add(name: str) -> None:
        feats[name] = None

    evidence = ev.evidence or {}
    add(f"root={ev.cameo[:2]}")
    add(f"cameo={ev.cameo}")
    add(f"pattern={evidence.get('pattern', '')}")
    if ev.plover:
        add(f"plover={ev.plover.get('event')}")
    add(f"args={evidence.get('arguments') or 'sentence'}")
    add(f"prior={ev.confidence:.2f}")  # the rule-based figure: context and inferred codes
    if ev.quote:
        add("quoted")
    if ev.place:
        add("place")
    if ev.mentions > 1:
        add("repeated")
    words = ev.trigger.split()
    add("trigger.verb" if words and is_verb(words[0]) else "trigger.noun")
    if len(words) > 1:
        add("trigger.phrase")
    kinds = {e.id: e.type for e in article.entities}
    _placement("src", ev.source or {}, article, ev, add, kinds)
    _placement("tgt", ev.target or {}, article, ev, add, kinds)
    s_code = (ev.source or {}).get("code")
    t_code = (ev.target or {}).get("code")
    _code("src", s_code, add)
    _code("tgt", t_code, add)
    if s_code and t_code and s_code[:3] == t_code[:3]:
        add("same-country")
    _dating(ev, article, add)
    sent = article.sentences[ev.sentence]
    _cues(sent.tokens, add)
    return list(feats)


def _cues(tokens: Sequence[Token], add: Any) -> None:
    """The sentence's cue words (the detector's lists: negation, hedges, opinion, time…)."""
    norms = [normalize_word(t.text) for t in tokens]
    words = set(norms) | {stem(n) for n in norms}
    for cue, vocab in CUES.items():
        if words & vocab:
            add(f"cue:{cue}")
    if any(n[:1] in "وف" and n[1:] in SPEECH_START for n in norms[:2]) or any(
        n in SPEECH_START for n in norms[:2]
    ):
        add("cue:speech_start")
    if any(n.isdigit() and len(n) == 4 and n[:2] in ("19", "20") for n in norms):
        add("cue:year")
    if any(t.text in ("؟", "?") for t in tokens):
        add("cue:question")


def _dating(ev: Event, article: Article, add: Any) -> None:
    evidence = ev.evidence or {}
    add(f"date-from={evidence.get('date_from', 'none')}")
    if ev.date and article.published:
        lag = (article.published - date.fromisoformat(ev.date)).days
        add("date=after-publication" if lag < 0 else f"date.lag{_bucket(lag, (0, 7, 60))}")


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


class ConfidenceModel:
    """Weights over named features and a bias; ``probability`` is the chance of being right."""

    def __init__(self, weights: dict[str, float], bias: float, meta: dict[str, Any]) -> None:
        self.weights = weights
        self.bias = bias
        self.meta = meta

    @classmethod
    def load(cls, path: str | Path | None = None) -> ConfidenceModel:
        where = Path(path) if path is not None else MODEL_FILE
        return cls.from_dict(read_json_model(where, "event confidence model"), str(where))

    @classmethod
    def from_dict(cls, data: Any, where: str = "<model>") -> ConfidenceModel:
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ModelError(f"{where}: not an event confidence model (format {FORMAT!r})")
        try:
            weights = {str(k): float(v) for k, v in data["weights"].items()}
            bias = float(data["bias"])
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ModelError(f"{where}: malformed event confidence model ({exc})") from exc
        meta = {k: v for k, v in data.items() if k not in ("weights", "bias")}
        return cls(weights, bias, meta)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.meta,
            "format": FORMAT,
            "bias": round(self.bias, 6),
            "weights": {k: round(v, 6) for k, v in sorted(self.weights.items())},
        }

    def probability(self, feats: Iterable[str]) -> float:
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in feats))

    def rate(self, article: Article) -> None:
        """Replace each event's rule-based confidence with the model's probability."""
        scored = [self.probability(features(ev, article)) for ev in article.events]
        for ev, p in zip(article.events, scored, strict=True):
            ev.confidence = round(p, 2)

    def explain(self, feats: Iterable[str], top: int = 8) -> list[tuple[str, float]]:
        """The features with the largest weights, signed, behind one score."""
        weighted = [(f, self.weights[f]) for f in feats if f in self.weights]
        return sorted(weighted, key=lambda x: -abs(x[1]))[:top]


@lru_cache(maxsize=1)
def default_model() -> ConfidenceModel:
    return ConfidenceModel.load()
