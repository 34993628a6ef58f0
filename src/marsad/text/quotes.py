"""Reported speech (قال X إن …, «…» قال X, بحسب X) with speaker and content spans of the original.

The rules are the newswire ones: a speech verb, then its speaker (VSO) or the clause before it
(SVO), then أن/إن/بأن, a colon or a quotation mark within a few words; the content runs to the
closing quote or the end of the sentence. Participles (موضحا أن) report no speaker: the caller
takes the sentence subject.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from marsad.datafiles import resource
from marsad.text.dates import WEEKDAYS
from marsad.text.normalize import normalize_word
from marsad.text.numbers import read_text_table
from marsad.text.segment import TOKEN, split_sentences
from marsad.text.wordlists import word_set

SpeechKind = Literal["verb", "participle", "attribution"]


@dataclass(slots=True, frozen=True)
class SpeechVerb:
    form: str
    kind: SpeechKind
    lemma: str


@dataclass(slots=True, frozen=True)
class QuoteMention:
    start: int
    end: int
    text: str
    speaker_start: int | None
    speaker_end: int | None
    verb: str
    direct: bool


def _load_verbs() -> tuple[SpeechVerb, ...]:
    rows = read_text_table("speech_verbs.tsv", ("form", "kind", "lemma"))
    kinds: dict[str, SpeechKind] = {
        "verb": "verb",
        "participle": "participle",
        "attribution": "attribution",
    }
    return tuple(
        SpeechVerb(form, kinds[kind], lemma) for form, kind, lemma in rows if kind in kinds
    )


SPEECH_VERBS: tuple[SpeechVerb, ...] = _load_verbs()
_BY_FORM = {normalize_word(v.form): v for v in SPEECH_VERBS}
# Every token _speech_verb accepts: a form, or a form after one و/ف conjunction.
_SPEECH_WORDS = frozenset({*_BY_FORM, *("و" + f for f in _BY_FORM), *("ف" + f for f in _BY_FORM)})

_COMPLEMENTIZER = re.compile(r"[بف]?ان(?:ه|ها|هم|هما|هن|ني|نا|ك)?")
_OPENERS = {"«": "»", "“": "”", '"': '"', "„": "“"}
_CLOSERS = frozenset('»”"“')
_WORDS = resource("text", "words.tsv")
_TIME = word_set(_WORDS, "quotes.time") | frozenset(WEEKDAYS)
# Words that end a speaker noun phrase: prepositions, complementizers, time words.
_STOP = _TIME | word_set(_WORDS, "quotes.speaker_stops")
# ل-initial nouns and title parts that stay inside a speaker (رئيس وزراء لبنان).
_L_KEEP = word_set(_WORDS, "quotes.l_keep")
# Before these, أن is not a speech complementizer (بعد أن "after", إلا أن "however").
_NOT_BEFORE_AN = word_set(_WORDS, "quotes.not_before_an")
_FINAL = ".!?؟…؛"
_MAX_SPEAKER = 7
_MAX_GAP = 14  # «وقال بايدن خلال كلمة له حول … في مقر وزارة الخارجية إن …»


@dataclass(slots=True, frozen=True)
class _Tok:
    start: int
    end: int
    norm: str

    @property
    def is_word(self) -> bool:
        return self.norm[:1].isalnum()


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[QuoteMention]:
    """Every reported-speech passage in ``text[start:end]``, so events can name who said what."""
    end = len(text) if end is None else max(0, min(end, len(text)))
    start = max(0, min(start, end))
    out: list[QuoteMention] = []
    for sent in split_sentences(text, start, end):
        out.extend(_in_sentence(text, sent.start, sent.end))
    return out


def has_speech_word(norms: Iterable[str]) -> bool:
    """Whether any of these normalised tokens is a speech verb, participle or attribution.

    Every quote starts at one, so a sentence without any has no quote to look for.
    """
    return not _SPEECH_WORDS.isdisjoint(norms)


def _in_sentence(text: str, s: int, e: int) -> list[QuoteMention]:
    spans = [m.span() for m in TOKEN.finditer(text, s, e)]
    norms = [normalize_word(text[a:b]) for a, b in spans]
    if _SPEECH_WORDS.isdisjoint(norms):
        return []
    toks = [_Tok(a, b, n) for (a, b), n in zip(spans, norms, strict=True)]
    found: list[QuoteMention] = []
    floor = s  # content looked for before a verb never reaches into an earlier quote
    i = 0
    while i < len(toks):
        verb = _speech_verb(toks[i].norm)
        quote = None
        if verb is not None and verb.kind == "verb":
            quote = _after_verb(text, toks, i, verb, floor, e)
        elif verb is not None and verb.kind == "participle":
            quote = _after_participle(text, toks, i, verb, e)
        elif verb is not None:
            quote = _attribution(text, toks, i, verb, floor, e)
        if quote is None:
            i += 1
            continue
        found.append(quote)
        last = max(quote.end, quote.speaker_end or 0)
        floor = max(floor, last)
        while i < len(toks) and toks[i].start < last:
            i += 1
    return found


def _speech_verb(norm: str) -> SpeechVerb | None:
    """The table entry for a token, allowing one و/ف conjunction prefix."""
    if norm in _BY_FORM:
        return _BY_FORM[norm]
    if norm[:1] in ("و", "ف") and norm[1:] in _BY_FORM:
        return _BY_FORM[norm[1:]]
    return None


def _is_stop(tok: _Tok) -> bool:
    addressee = tok.norm.startswith("ل") and len(tok.norm) > 2 and tok.norm not in _L_KEEP
    conj_stop = tok.norm[:1] in ("و", "ف") and tok.norm[1:] in _STOP  # وفي, وخلال
    return (
        not tok.is_word
        or tok.norm in _STOP
        or addressee
        or conj_stop
        or tok.norm[:1].isdigit()
        or _speech_verb(tok.norm) is not None
        or bool(_COMPLEMENTIZER.fullmatch(tok.norm))
    )


def _noun_phrase(toks: list[_Tok], j: int) -> int:
    """Index just past the speaker noun phrase starting at ``j``."""
    k = j
    while k < len(toks) and k - j < _MAX_SPEAKER and not _is_stop(toks[k]):
        k += 1
    return k


def _after_verb(
    text: str, toks: list[_Tok], i: int, verb: SpeechVerb, s: int, e: int
) -> QuoteMention | None:
    """VSO or SVO speech: find the speaker, then the content after the introducer."""
    j = i + 1
    while j < len(toks) and toks[j].norm in _TIME:
        j += 1
    sp_from, sp_to = j, _noun_phrase(toks, j)
    if verb.lemma == "نقل" and sp_to < len(toks) and toks[sp_to].norm == "عن":
        sp_from, sp_to = sp_to + 1, _noun_phrase(toks, sp_to + 1)
    speaker = (toks[sp_from].start, toks[sp_to - 1].end) if sp_to > sp_from else None
    if speaker is None:
        speaker = _speaker_before(toks, i)
    content = _content_after(text, toks, sp_to, e)
    if content is None:
        content = _quote_before(text, toks, i, s)
    if content is None:
        return None
    cs, ce, direct = content
    sp_start, sp_end = speaker if speaker else (None, None)
    return QuoteMention(cs, ce, text[cs:ce], sp_start, sp_end, verb.lemma, direct)


def _speaker_before(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """SVO: the whole clause before the verb, when it is a short noun phrase."""
    k = i
    while k > 0 and i - k < _MAX_SPEAKER - 1 and not _is_stop(toks[k - 1]):
        k -= 1
    at_boundary = k == 0 or not toks[k - 1].is_word
    if k == i or not at_boundary:
        return None
    return toks[k].start, toks[i - 1].end


def _content_after(text: str, toks: list[_Tok], j: int, e: int) -> tuple[int, int, bool] | None:
    """Content after the first introducer (أن/إن, a colon, an opening quote) near ``j``."""
    for k in range(j, min(len(toks), j + _MAX_GAP + 1)):
        tok = toks[k]
        if tok.norm in _OPENERS:
            return _inside_quotes(text, tok.start, e)
        if tok.norm == ":":
            if k + 1 < len(toks) and toks[k + 1].norm in _OPENERS:
                return _inside_quotes(text, toks[k + 1].start, e)
            return _to_end(text, tok.end, e, direct=True)
        if _COMPLEMENTIZER.fullmatch(tok.norm):
            if k > 0 and toks[k - 1].norm in _NOT_BEFORE_AN:
                return None
            return _to_end(text, tok.end, e, direct=False)
        if _speech_verb(tok.norm) is not None or tok.norm in _FINAL:
            return None
    return None


def _inside_quotes(text: str, opener: int, e: int) -> tuple[int, int, bool] | None:
    """The span inside quotation marks (to the sentence end if the quote never closes)."""
    closer = _OPENERS.get(text[opener], "»")
    close = text.find(closer, opener + 1, e)
    if close == -1:
        return _to_end(text, opener + 1, e, direct=True)
    cs, ce = _strip(text, opener + 1, close)
    return (cs, ce, True) if ce > cs else None


def _to_end(text: str, cs: int, e: int, direct: bool) -> tuple[int, int, bool] | None:
    cs, ce = _strip(text, cs, e)
    while ce > cs and text[ce - 1] in _FINAL:
        ce -= 1
    if ce > cs and text[ce - 1] in _CLOSERS and text.count(text[ce - 1], cs, ce) % 2 == 1:
        ce -= 1  # a closing quote whose opener sits before the content
    cs, ce = _strip(text, cs, ce)
    return (cs, ce, direct) if ce > cs else None


def _strip(text: str, cs: int, ce: int) -> tuple[int, int]:
    while cs < ce and text[cs].isspace():
        cs += 1
    while ce > cs and text[ce - 1].isspace():
        ce -= 1
    return cs, ce


def _quote_before(text: str, toks: list[_Tok], i: int, s: int) -> tuple[int, int, bool] | None:
    """«…»، قال X: a direct quote that closes just before the verb."""
    k = i - 1
    if k >= 0 and toks[k].norm in ("،", ","):
        k -= 1
    if k < 0 or toks[k].norm not in _CLOSERS:
        return None
    closer = text[toks[k].start]
    opener = {"»": "«", "”": "“"}.get(closer, closer)
    open_at = text.rfind(opener, s, toks[k].start)
    if open_at == -1:
        return None
    cs, ce = _strip(text, open_at + 1, toks[k].start)
    return (cs, ce, True) if ce > cs else None


def _after_participle(
    text: str, toks: list[_Tok], i: int, verb: SpeechVerb, e: int
) -> QuoteMention | None:
    """موضحا أن / مشيرا إلى أن / معربا عن: content only, the speaker is the subject."""
    j = i + 1
    if j < len(toks) and toks[j].norm == normalize_word("إلى"):
        j += 1
    if j >= len(toks):
        return None
    tok = toks[j]
    content: tuple[int, int, bool] | None = None
    if _COMPLEMENTIZER.fullmatch(tok.norm) or tok.norm == "عن":
        content = _to_end(text, tok.end, e, direct=False)
    elif tok.norm == ":" or tok.norm in _OPENERS:
        content = _content_after(text, toks, j, e)
    if content is None:
        return None
    cs, ce, direct = content
    return QuoteMention(cs, ce, text[cs:ce], None, None, verb.lemma, direct)


def _attribution(
    text: str, toks: list[_Tok], i: int, verb: SpeechVerb, s: int, e: int
) -> QuoteMention | None:
    """بحسب X / وفقا لـ X / نقلا عن X: the claim is the clause after the comma, or before."""
    j = i + 1
    if j < len(toks) and toks[j].norm in ("ل", "عن"):
        j += 1
    if j >= len(toks) or not toks[j].is_word:
        return None
    first = toks[j]
    sp_start = first.start
    if first.norm.startswith("ل") and toks[j - 1].norm not in ("ل", "عن") and verb.lemma != "بحسب":
        sp_start = _after_first_letter(text, first.start, first.end)
        bare = "ا" + first.norm[1:] if first.norm.startswith("لل") else first.norm[1:]
        first = _Tok(sp_start, first.end, bare)  # للبيان → البيان
    if _is_stop(first):
        return None
    sp_to = _noun_phrase(toks, j + 1)
    speaker = (sp_start, toks[sp_to - 1].end)
    content: tuple[int, int, bool] | None = None
    if sp_to < len(toks) and toks[sp_to].norm in ("،", ","):
        k = sp_to + 1
        if k < len(toks) and _COMPLEMENTIZER.fullmatch(toks[k].norm):
            k += 1
        if k < len(toks):
            content = _to_end(text, toks[k].start, e, direct=False)
    if content is None and i > 0:
        cs, ce = _strip(text, s, toks[i].start)
        while ce > cs and text[ce - 1] in "،,":
            ce -= 1
        cs, ce = _strip(text, cs, ce)
        content = (cs, ce, False) if ce > cs else None
    if content is None:
        return None
    cs, ce, direct = content
    return QuoteMention(cs, ce, text[cs:ce], speaker[0], speaker[1], verb.lemma, direct)


def _after_first_letter(text: str, start: int, end: int) -> int:
    """Index after a one-letter clitic (and any marks or tatweel on it)."""
    k = start + 1
    while k < end and normalize_word(text[k]) == "":
        k += 1
    return k
