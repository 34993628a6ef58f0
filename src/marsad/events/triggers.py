"""Arabic event trigger patterns (``resources/events/triggers.tsv``) and their matcher.

The pattern language is documented at the top of the TSV file. Matching works on normalised
tokens and compares pattern words with every clitic analysis of a token, so وأجرى, بالإفراج
and للاحتجاج meet the patterns أجرى, إفراج and احتجاج.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.datafiles import read_tsv
from marsad.errors import DataError
from marsad.events.modality import BREAKS
from marsad.events.tables import resource_path
from marsad.events.words import BARE_COMPLEMENTIZERS, DOUBLED_VERBS, HONORIFICS
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
# may sit far away; a frame in which every word may be a preposition (إلى، ب_) must not. The
# words of actor mentions passed to ``find`` as ``mentions`` are not counted: a subject and an
# addressee named with their titles («دعا المبعوث الأممي إلى ليبيا عبد الله باتيلي مجلس النواب
# … إلى الجلوس إلى طاولة الحوار») stand between an appeal and what it asks for; nor are
# honorifics (words.HONORIFICS: «تلقى صاحب السمو الملكي الأمير … اتصالاً»).
FRAME_WINDOW = 10
FUNCTION_FRAME_WINDOW = 4
# Nor does a frame lie in a clause a conjunction opens («… فيما أعلنت الكويت اتفاق …»، «حيث …»):
# it has its own predicate. A frame may follow such a clause when commas set it off as an aside.
CLAUSE_OPENERS = frozenset(w for w in BREAKS if any(c.isalpha() for c in w))
COMMAS = frozenset({"،", ","})
STANCE_ROOTS = frozenset({"01", "02", "03", "05"})
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
    # A two-letter stem behind a proclitic is nearly always a false split (وبحث is not و+ب+حث),
    # except a few doubled-root verbs behind «و»/«ف» alone: «وحث»، «وشن»، «وفض».
    return tuple(
        (p, s)
        for p, s in out
        if not p or len(s) >= 3 or s in FUNCTION_WORDS or (p in ("و", "ف") and s in DOUBLED_VERBS)
    )


_ENDINGS_BY_LAST: dict[str, tuple[str, ...]] = {}
for _e in ENDINGS[1:]:
    _ENDINGS_BY_LAST[_e[-1]] = (*_ENDINGS_BY_LAST.get(_e[-1], ()), _e)


@lru_cache(maxsize=100_000)
def _bases(stem: str) -> frozenset[str]:
    """Words that ``stem`` is an inflected form of under the ENDINGS of `word+`."""
    out = [stem] if len(stem) >= 2 else []
    for e in _ENDINGS_BY_LAST.get(stem[-1:], ()):  # only the endings it can end with
        if len(stem) - len(e) >= 2 and stem.endswith(e):
            out.append(stem[: len(stem) - len(e)])
    return frozenset(out)


# Matching compares keys, not words: each token gets (once, cached) the set of keys of every
# pattern word it can stand for, each pattern word one or two keys, and a slot matches a token
# when their key sets meet. "=p:w" is the stem w under proclitic p ("" for none), "+p:w" a stem
# that is w plus one of the `word+` endings, "_p" any token carrying proclitic p.
_Keys = frozenset[str]


def _alt_keys(alt: _Alt) -> tuple[str, ...]:
    if not alt.word:
        return (f"_{alt.proclitic}",)
    exact = f"={alt.proclitic}:{alt.word}"
    return (exact, f"+{alt.proclitic}:{alt.word}") if alt.inflected else (exact,)


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)


_CSlot = _Keys | None  # None is a gap


def _compile_slots(slots: tuple[_Slot, ...]) -> tuple[_CSlot, ...]:
    return tuple(
        None if s is None else frozenset(k for a in s for k in _alt_keys(a)) for s in slots
    )


def _match_at(slots: Sequence[_CSlot], k: int, keys: Sequence[_Keys], i: int) -> int | None:
    """End (exclusive) of the shortest match of ``slots[k:]`` starting at token ``i``, or None."""
    n = len(keys)
    while k < len(slots):
        slot = slots[k]
        if slot is None:
            for skip in range(MAX_GAP + 1):
                if i + skip > n:
                    break
                end = _match_at(slots, k + 1, keys, i + skip)
                if end is not None:
                    return end
            return None
        if i >= n or slot.isdisjoint(keys[i]):
            return None
        k += 1
        i += 1
    return i


@dataclass(slots=True, frozen=True)
class _Compiled:
    """A trigger ready for matching: its slots as key sets and its sort rank."""

    trig: Trigger
    slots: tuple[_CSlot, ...]
    frame: tuple[_CSlot, ...]
    window: int
    rank: tuple[int, ...]
    reported: bool = False  # begun by a speech verb: its frame is not in the clause it reports

    @classmethod
    def of(cls, trig: Trigger, reported: bool = False) -> _Compiled:
        return cls(
            trig,
            _compile_slots(trig.slots),
            _compile_slots(trig.frame),
            trig.frame_window,
            tuple(-w for w in trig.weight),
            reported,
        )

    def frame_at(
        self,
        keys: Sequence[_Keys],
        words: Sequence[bool],
        asides: dict[int, int],
        end: int,
        reports: frozenset[int] = frozenset(),
    ) -> int | None:
        """Start of the first frame within the trigger's window after ``end``, or None.

        ``words`` tells which tokens count toward the window (words outside actor mentions);
        ``asides`` maps a token opening another clause to the comma that closes it, or to -1;
        ``reports`` are the complementizers (أن، إن) that end the window of a trigger begun by a
        speech verb: «أكد دعم بلاده لـ…» is support, «يؤكدون أن … سيتيح تقديم دعم لـ…» is not.
        """
        skipped = 0
        first = self.frame[0]
        j = end
        while j < len(keys) and skipped < self.window:
            if self.reported and j in reports:
                break
            if j in asides:
                if asides[j] < 0:
                    break  # the rest of the sentence is another clause
                # «دعا سعيد، فيما تتصاعد الاحتجاجات، الأحزاب إلى الحوار»: its words still count
                skipped += sum(words[j : asides[j] + 1])
                j = asides[j] + 1
                continue
            if (first is None or not first.isdisjoint(keys[j])) and _match_at(
                self.frame, 0, keys, j
            ) is not None:
                return j
            skipped += words[j]
            j += 1
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


def _asides(norm_tokens: Sequence[str]) -> dict[int, int]:
    """Each token that opens another clause, and the comma closing that clause (-1: none)."""
    out: dict[int, int] = {}
    for k, t in enumerate(norm_tokens):
        if t in CLAUSE_OPENERS:
            out[k] = next(
                (j for j in range(k + 1, len(norm_tokens)) if norm_tokens[j] in COMMAS), -1
            )
    return out


_TokenInfo = tuple[tuple[_Compiled, ...], _Keys, bool]


class TriggerSet:
    """A loaded trigger file, indexed by the words its patterns begin with."""

    _CACHE_LIMIT = 200_000  # tokens whose candidate triggers are remembered

    def __init__(self, triggers: Sequence[Trigger]) -> None:
        self.triggers = tuple(triggers)
        self._exact: dict[str, list[_Compiled]] = {}
        self._inflected: dict[str, list[_Compiled]] = {}
        self._by_token: dict[str, _TokenInfo] = {}
        compiled: dict[Trigger, _Compiled] = {}
        alts = [a for t in self.triggers for slot in (*t.slots, *t.frame) if slot for a in slot]
        self._words = frozenset(a.word for a in alts if a.word)
        self._inflected_words = frozenset(a.word for a in alts if a.word and a.inflected)
        said = {
            a.word for t in self.triggers if t.kind == SPEECH for a in t.slots[0] or () if a.word
        }
        for trig in self.triggers:
            first = trig.slots[0]
            assert first is not None
            # a stance taken with a speech verb («أكد دعم …»): past «أن» its words report
            # another act; announcements (a truce, an emergency) keep their content clause
            reported = (
                trig.kind not in (SPEECH, NULL)
                and trig.cameo[:2] in STANCE_ROOTS
                and any(a.word in said for a in first)
            )
            c = compiled.setdefault(trig, _Compiled.of(trig, reported))
            for alt in first:
                index = self._inflected if alt.inflected else self._exact
                bucket = index.setdefault(alt.word, [])
                if all(x.trig != trig for x in bucket):
                    bucket.append(c)

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

    def _info(self, token: str) -> _TokenInfo:
        """The triggers ``token`` may begin (in a fixed order), its keys, whether it is a word.

        Keys are made only for words some pattern uses (see ``_alt_keys``).
        """
        found: dict[int, _Compiled] = {}
        keys: set[str] = set()
        for prefix, stem in _analyses(token):
            # و/ف before a preposition (وبالإفراج) still counts as carrying that preposition.
            bare = prefix[1:] if prefix[:1] in ("و", "ف") and len(prefix) > 1 else prefix
            pcs = ("", *(p for p in PROCLITICS if bare.startswith(p))) if bare else ("",)
            for c in self._exact.get(stem, ()):
                found[id(c)] = c
            if stem in self._words:
                keys.update(f"={pc}:{stem}" for pc in pcs)
            # In a frame or a later slot, the alif of the accusative tanween leaves the word as
            # it is («أرسلت روسيا جنوداً»); a trigger is not begun by one («قتل حرقاً» is how).
            if len(stem) >= 4 and stem[-1] == "ا" and stem[:-1] in self._words:
                keys.update(f"={pc}:{stem[:-1]}" for pc in pcs)
            for base in _bases(stem):
                for c in self._inflected.get(base, ()):
                    found[id(c)] = c
                if base in self._inflected_words:
                    keys.update(f"+{pc}:{base}" for pc in pcs)
            keys.update(f"_{pc}" for pc in pcs[1:])
        info = (tuple(found.values()), frozenset(keys), _is_word(token))
        if len(self._by_token) >= self._CACHE_LIMIT:
            self._by_token.clear()
        self._by_token[token] = info
        return info

    def begun_whole(self, token: str, pattern_id: str) -> bool:
        """Whether ``token`` begins pattern ``pattern_id`` with no ب/ل proclitic split off:
        «برقية تعزية» begins a condolence cable, while «بتمديد» is ب + «تمديد» (and و/ف or
        ال in front change nothing)."""
        for prefix, stem in _analyses(token):
            bare = prefix[1:] if prefix[:1] in ("و", "ف") else prefix
            if bare not in ("", "ال"):
                continue
            found = [*self._exact.get(stem, ())]
            found += [c for base in _bases(stem) for c in self._inflected.get(base, ())]
            if any(c.trig.id == pattern_id for c in found):
                return True
        return False

    def find(
        self,
        norm_tokens: Sequence[str],
        speech: bool = False,
        mentions: Collection[int] = (),
    ) -> list[TriggerMatch]:
        """Event triggers in a sentence's normalised tokens, in text order.

        Where matches overlap (trigger plus frame), the most specific wins, and of equally
        specific ones the trigger nearer its frame; null patterns win like any other and then
        drop out. Speech verbs are returned only when ``speech``. ``mentions`` are the tokens
        of actor mentions, which a frame's window does not count.
        """
        cache = self._by_token
        infos = [cache.get(t) or self._info(t) for t in norm_tokens]
        found: list[tuple[_Compiled, int, int, int | None, int | None]] = []
        keys: list[_Keys] | None = None
        words: list[bool] | None = None
        asides: dict[int, int] = {}
        reports: frozenset[int] = frozenset()
        for i, (candidates, _k, _w) in enumerate(infos):
            if not candidates:
                continue
            if keys is None:
                keys = [x[1] for x in infos]
            for c in candidates:
                end = _match_at(c.slots, 0, keys, i)
                if end is None:
                    continue
                frame_start: int | None = None
                frame_end: int | None = None
                if c.frame:
                    if words is None:
                        words = [
                            x[2] and k not in mentions and norm_tokens[k] not in HONORIFICS
                            for k, x in enumerate(infos)
                        ]
                        asides = _asides(norm_tokens)
                        reports = frozenset(
                            k for k, t in enumerate(norm_tokens) if t in BARE_COMPLEMENTIZERS
                        )
                    frame_start = c.frame_at(keys, words, asides, end, reports)
                    if frame_start is None:
                        continue
                    frame_end = _match_at(c.frame, 0, keys, frame_start)
                found.append((c, i, end, frame_start, frame_end))
        if not found:
            return []
        # Equal specificity: the trigger nearer its frame, then the earlier one, then file order.
        found.sort(
            key=lambda m: (m[0].rank, 0 if m[3] is None else m[3] - m[2], m[1], m[0].trig.line)
        )
        taken: set[int] = set()
        out: list[TriggerMatch] = []
        for c, start, end, frame_start, frame_end in found:
            trig = c.trig
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
