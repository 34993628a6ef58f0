"""Arabic event trigger patterns (``resources/events/triggers.tsv``) and their matcher.

The pattern language is documented at the top of the TSV file. Matching works on normalised
tokens and compares pattern words with every clitic analysis of a token, so وأجرى, بالإفراج
and للاحتجاج meet the patterns أجرى, إفراج and احتجاج.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.errors import DataError
from marsad.events.tables import read_tsv, resource_path
from marsad.text.normalize import normalize
from marsad.text.segment import clitic_analyses

_HEADER = ("id", "pattern", "cameo", "frame", "note")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
_CODE = re.compile(r"^\d{2,4}$")
# Kinds of line: an event trigger, a speech verb (introduces a quote, codes nothing), or a
# null pattern (a phrase that looks like a trigger but is not an event; it only blocks).
SPEECH = "speech"
NULL = "-"
MAX_GAP = 3  # tokens a `*` may skip
# A frame must start within this many words after the trigger (punctuation is not counted).
# Verb-subject-object order puts the subject, often with a time phrase, between a verb and
# its object (فرضت وزارة الخزانة الأمريكية، الخميس الماضي، عقوبات), so a frame naming content
# may sit far away; a frame in which every word may be a preposition (إلى، ب_) must not.
FRAME_WINDOW = 10
FUNCTION_FRAME_WINDOW = 4
# Endings a `word+` may carry: verb agreement, dual/plural, accusative alef, taa marbuta.
_VERB_ENDINGS = ("ت", "ا", "وا", "و", "ن", "نا", "تم", "تا")
_NOUN_ENDINGS = ("تان", "تين", "ون", "ين", "ان", "ات", "ه", "ي", "ها")
ENDINGS = ("", *_VERB_ENDINGS, *_NOUN_ENDINGS)
PROCLITICS = ("ب", "ل", "ك")
# Prepositions and particles: a frame made of these is less specific than one naming content,
# so دعا + الإفراج (0253) beats دعا + إلى (020) and طالب + بالإفراج beats طالب + بـ.
FUNCTION_WORDS = frozenset(
    normalize(w) for w in ("إلى", "على", "عن", "مع", "في", "من", "بين", "حول", "ضد", "أمام", "لدى")
)


@dataclass(slots=True, frozen=True)
class TriggerMatch:
    """A trigger found in a token list; ``end_token`` and ``frame_end_token`` are exclusive."""

    start_token: int
    end_token: int
    cameo: str
    pattern_id: str
    frame_end_token: int | None = None
    kind: str = "event"


@dataclass(slots=True, frozen=True)
class _Alt:
    word: str
    inflected: bool
    proclitic: str


_Slot = tuple[_Alt, ...] | None  # None is a gap


@dataclass(slots=True, frozen=True)
class Trigger:
    id: str
    cameo: str
    kind: str
    slots: tuple[_Slot, ...]
    frame: tuple[_Slot, ...]
    line: int

    @property
    def weight(self) -> tuple[int, int, int, int]:
        """Specificity: content words, then all words, then having a frame, then fewer gaps."""
        slots = [s for s in self.slots + self.frame if s is not None]
        content = sum(1 for s in slots if not all(_is_function(a) for a in s))
        gaps = len(self.slots) + len(self.frame) - len(slots)
        return (content, len(slots), 1 if self.frame else 0, -gaps)

    @property
    def frame_window(self) -> int:
        """Words a frame may skip: many only when some word of it can never be a preposition."""
        if any(s is not None and not any(_is_function(a) for a in s) for s in self.frame):
            return FRAME_WINDOW
        return FUNCTION_FRAME_WINDOW


def _is_function(alt: _Alt) -> bool:
    return alt.word in FUNCTION_WORDS or not alt.word


@lru_cache(maxsize=100_000)
def _analyses(token: str) -> tuple[tuple[str, str], ...]:
    """(prefix, stem) pairs of a normalised token, also under a stacked و/ف (وبالإفراج)."""
    out = [(p, s) for p, s, _ in clitic_analyses(token)]
    if len(token) > 3 and token[0] in "وف":
        out.extend((token[0] + p, s) for p, s, _ in clitic_analyses(token[1:]))
    # A two-letter stem behind a proclitic is nearly always a false split (وبحث is not و+ب+حث).
    return tuple((p, s) for p, s in out if not p or len(s) >= 3 or s in FUNCTION_WORDS)


@lru_cache(maxsize=100_000)
def _bases(stem: str) -> frozenset[str]:
    """Words that ``stem`` is an inflected form of under the ENDINGS of `word+`."""
    return frozenset(
        stem[: len(stem) - len(e)] if e else stem
        for e in ENDINGS
        if stem.endswith(e) and len(stem) - len(e) >= 2
    )


def _alt_matches(alt: _Alt, token: str) -> bool:
    for prefix, stem in _analyses(token):
        if alt.proclitic:
            bare = prefix[1:] if prefix[:1] in ("و", "ف") and len(prefix) > 1 else prefix
            if not bare.startswith(alt.proclitic):
                continue
        if stem == alt.word or (alt.inflected and alt.word in _bases(stem)):
            return True
        if alt.proclitic and not alt.word and prefix:
            return True
    return False


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)


def _frame_at(trig: Trigger, tokens: Sequence[str], end: int) -> tuple[int, int] | None:
    """(start, end) of the first frame of ``trig`` within its window after ``end``, or None."""
    window = trig.frame_window
    skipped = 0
    for j in range(end, len(tokens)):
        if skipped >= window:
            break
        frame_end = _match_at(trig.frame, tokens, j)
        if frame_end is not None:
            return j, frame_end
        skipped += _is_word(tokens[j])
    return None


def _slot_matches(slot: tuple[_Alt, ...], token: str) -> bool:
    return any(_alt_matches(alt, token) for alt in slot)


def _match_at(slots: Sequence[_Slot], tokens: Sequence[str], i: int) -> int | None:
    """End (exclusive) of the shortest match of ``slots`` starting at token ``i``, or None."""
    if not slots:
        return i
    slot, rest = slots[0], slots[1:]
    if slot is None:
        for skip in range(MAX_GAP + 1):
            if i + skip > len(tokens):
                break
            end = _match_at(rest, tokens, i + skip)
            if end is not None:
                return end
        return None
    if i < len(tokens) and _slot_matches(slot, tokens[i]):
        return _match_at(rest, tokens, i + 1)
    return None


def _parse_slots(text: str, where: str) -> tuple[_Slot, ...]:
    slots: list[_Slot] = []
    for chunk in normalize(text).split():
        if chunk == "*":
            slots.append(None)
            continue
        alts: list[_Alt] = []
        for raw in chunk.split("|"):
            proclitic = ""
            word = raw
            if "_" in word:
                proclitic, word = word.split("_", 1)
                if proclitic not in PROCLITICS:
                    raise DataError(f"{where}: unknown proclitic {proclitic!r} in {raw!r}")
            inflected = word.endswith("+")
            word = word.rstrip("+")
            if not word and not proclitic:
                raise DataError(f"{where}: empty word in {chunk!r}")
            if any(c in word for c in "*+_|"):
                raise DataError(f"{where}: bad word {raw!r}")
            alts.append(_Alt(word, inflected, proclitic))
        slots.append(tuple(alts))
    return tuple(slots)


def _parse_phrases(text: str, where: str) -> list[tuple[_Slot, ...]]:
    """The ` / `-separated alternative phrases of a pattern or frame column."""
    return [_parse_slots(phrase, where) for phrase in text.split(" / ")]


def _parse_line(path: Path, lineno: int, fields: list[str]) -> list[Trigger]:
    """One trigger per combination of pattern and frame alternatives of a line."""
    tid, pattern, cameo, frame, _note = fields
    where = f"{path}:{lineno}"
    if not _ID.match(tid):
        raise DataError(f"{where}: bad id {tid!r}")
    if cameo == SPEECH:
        kind = SPEECH
    elif cameo == NULL:
        kind = NULL
    elif _CODE.match(cameo):
        kind = "event"
    else:
        raise DataError(f"{where}: cameo must be a code, 'speech' or '-', got {cameo!r}")
    patterns = _parse_phrases(pattern, where)
    frames = _parse_phrases(frame, where) if frame else [()]
    for slots in patterns:
        if not slots or slots[0] is None or slots[-1] is None:
            raise DataError(f"{where}: a pattern needs words and cannot start or end with *")
        if any(a.proclitic and not a.word for a in slots[0] or ()):
            raise DataError(f"{where}: a pattern cannot start with a bare proclitic")
    for frame_slots in frames:
        if frame and (not frame_slots or frame_slots[0] is None or frame_slots[-1] is None):
            raise DataError(f"{where}: a frame needs words and cannot start or end with *")
    code = cameo if kind == "event" else ""
    return [Trigger(tid, code, kind, slots, f, lineno) for slots in patterns for f in frames]


class TriggerSet:
    """A loaded trigger file, indexed by the words its patterns begin with."""

    def __init__(self, triggers: Sequence[Trigger]) -> None:
        self.triggers = tuple(triggers)
        self._exact: dict[str, list[Trigger]] = {}
        self._inflected: dict[str, list[Trigger]] = {}
        for trig in self.triggers:
            first = trig.slots[0]
            assert first is not None
            for alt in first:
                index = self._inflected if alt.inflected else self._exact
                bucket = index.setdefault(alt.word, [])
                if trig not in bucket:
                    bucket.append(trig)

    @classmethod
    def load(cls, path: str | Path | None = None) -> TriggerSet:
        """Read a trigger file (default: the shipped ``triggers.tsv``)."""
        path = Path(path) if path is not None else resource_path("triggers.tsv")
        triggers: list[Trigger] = []
        seen: set[str] = set()
        for lineno, fields in read_tsv(path, _HEADER):
            if fields[0] in seen:
                raise DataError(f"{path}:{lineno}: duplicate id {fields[0]}")
            seen.add(fields[0])
            triggers.extend(_parse_line(path, lineno, fields))
        return cls(triggers)

    def __len__(self) -> int:
        """Number of lines (a line with alternative phrases counts once)."""
        return len({t.id for t in self.triggers})

    def _candidates(self, token: str) -> list[Trigger]:
        found: dict[int, Trigger] = {}
        for _prefix, stem in _analyses(token):
            for trig in self._exact.get(stem, ()):
                found[id(trig)] = trig
            for base in _bases(stem):
                for trig in self._inflected.get(base, ()):
                    found[id(trig)] = trig
        return list(found.values())

    def find(self, norm_tokens: Sequence[str], speech: bool = False) -> list[TriggerMatch]:
        """Event triggers in a sentence's normalised tokens, in text order.

        Where matches overlap (trigger plus frame), the most specific wins, and of equally
        specific ones the trigger nearer its frame; null patterns win like any other and then
        drop out. Speech verbs are returned only when ``speech``.
        """
        found: list[tuple[Trigger, int, int, int | None, int | None]] = []
        for i, token in enumerate(norm_tokens):
            for trig in self._candidates(token):
                end = _match_at(trig.slots, norm_tokens, i)
                if end is None:
                    continue
                frame_start: int | None = None
                frame_end: int | None = None
                if trig.frame:
                    span = _frame_at(trig, norm_tokens, end)
                    if span is None:
                        continue
                    frame_start, frame_end = span
                found.append((trig, i, end, frame_start, frame_end))
        # Equal specificity: the trigger nearer its frame, then the earlier one, then file order.
        found.sort(
            key=lambda m: (
                tuple(-w for w in m[0].weight),
                0 if m[3] is None else m[3] - m[2],
                m[1],
                m[0].line,
            )
        )
        taken: set[int] = set()
        out: list[TriggerMatch] = []
        for trig, start, end, frame_start, frame_end in found:
            claimed = set(range(start, end))
            if frame_start is not None and frame_end is not None:
                claimed.update(range(frame_start, frame_end))
            if claimed & taken:
                continue
            taken |= claimed
            if trig.kind == NULL or (trig.kind == SPEECH and not speech):
                continue
            out.append(TriggerMatch(start, end, trig.cameo, trig.id, frame_end, trig.kind))
        out.sort(key=lambda m: (m.start_token, m.end_token))
        return out


@lru_cache(maxsize=1)
def default_triggers() -> TriggerSet:
    """The shipped trigger set, loaded once."""
    return TriggerSet.load()
