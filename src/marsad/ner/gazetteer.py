"""Gazetteer features from marsad's own actor dictionary and name lists, so the CRF sees names
we already know.

Phrases (actor names, countries, capitals, places, titles, nationality adjectives) are indexed
once by their first normalised token; a sentence is matched left to right, longest phrase
first, the first token through its clitic analyses (وبايدن, لروسيا) and the rest exactly, as
``ActorDictionary.match`` does. ORG head words (وزارة، منظمة …) add an "inside an ORG-headed
construct" mark over the 1–3 following words, since Arabic names organisations by idafa
(«وزارة الخارجية الأمريكية»). marsad's own lists of given names, organisations and other
names (``NER_LISTS``) mark their matches the same way, and the words of a short quoted span
are marked as quoted. On the ANERcorp dev slice the lists and quote marks raised F1 from
0.760 to about 0.79.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

from marsad.actors.dictionary import ActorDictionary, phrase_tokens
from marsad.datafiles import read_lines
from marsad.ner.consistency import name_key
from marsad.ner.wordtype import analyse
from marsad.text.normalize import normalize, normalize_word

# Heads of organisation names (singular; ال and clitics are stripped before lookup).
ORG_HEADS = (
    "وزارة منظمة حزب حركة جامعة شركة نادي مجلس هيئة وكالة صحيفة جريدة قناة بنك مصرف اتحاد"
    " مؤسسة صندوق لجنة جمعية جبهة محكمة مركز معهد أكاديمية تلفزيون إذاعة مجموعة تحالف رابطة"
    " نقابة جيش برلمان منتدى مكتب سلطة مديرية كلية بورصة مجمع فريق منتخب كتلة تنظيم ائتلاف"
)
# Words that end an idafa construct: prepositions, conjunctions, relatives, verbs of saying.
STOP_WORDS = (
    "في من الى إلى على عن ان أن إن مع بعد قبل او أو ثم قد لا ما هذا هذه ذلك تلك الذي التي"
    " الذين حيث كما خلال بين منذ حتى عند لدى قال قالت وقال وقالت أمس اليوم لم لن كان كانت"
)
_SPREAD = 3
_EMPTY: tuple[str, ...] = ()

Node = dict[str, Any]  # phrase trie: next token -> Node, and " " -> categories at a phrase end
ListEntries = dict[tuple[str, ...], tuple[str, ...]]  # rest of a listed name -> its lists
ListIndex = dict[str, ListEntries]


def _phrases(d: ActorDictionary) -> Iterable[tuple[str, str]]:
    """(phrase, category) pairs: PER / ORG / MISC actors, LOC, title TTL, nationality NAT."""
    kinds = {"PERS": "PER", "ORG": "ORG", "MISC": "MISC"}
    for actor in d.actors.values():
        for name in actor.names_ar:
            yield name, kinds.get(actor.type, "MISC")
    for c in d.countries.values():
        for name in (*c.names_ar, *c.capital_ar):
            yield name, "LOC"
        for name in c.metonyms_ar:
            yield name, "MET"
        for name in c.adjectives_ar:
            yield name, "NAT"
    for p in d.places:
        for name in p.names_ar:
            yield name, "LOC"
    for t in d.titles.values():
        for form in t.forms_ar:
            yield form, "TTL"


@lru_cache(maxsize=1)
def phrase_index() -> dict[str, Node]:
    """First normalised token -> trie of the following tokens; key " " holds the categories."""
    cats: dict[tuple[str, ...], set[str]] = {}
    for text, cat in _phrases(ActorDictionary.load()):
        toks = phrase_tokens(text)
        if not toks:
            continue
        cats.setdefault(toks, set()).add(cat)
        if toks[0].startswith("ال") and len(toks[0]) > 4:  # so للرئيس, بالكرملين still match
            cats.setdefault((toks[0][2:], *toks[1:]), set()).add(cat)
    index: dict[str, Node] = {}
    for toks, found in sorted(cats.items()):
        node = index.setdefault(toks[0], {})
        for tok in toks[1:]:
            node = node.setdefault(tok, {})
        node[" "] = tuple(sorted(found))
    return index


@lru_cache(maxsize=1)
def _heads_and_stops() -> tuple[frozenset[str], frozenset[str]]:
    heads = {normalize(w) for w in ORG_HEADS.split()}
    return frozenset(heads), frozenset(normalize(w) for w in STOP_WORDS.split())


def load_gazetteer() -> None:
    """Build the phrase and name-list indexes and the ORG head and stop lists now rather than
    on first use."""
    phrase_index()
    _heads_and_stops()
    list_index()


@lru_cache(maxsize=500_000)
def _token_info(token: str) -> tuple[str, tuple[Node, ...], int, ListEntries | None]:
    """Normalised form, tries of phrases that may start here, 1 if an ORG head, 2 if a stop,
    and the listed names whose first word it is (by ``name_key``)."""
    norm, analyses, key = analyse(token)
    index = phrase_index()
    heads, stops = _heads_and_stops()
    roots: list[Node] = []
    kind = 2 if norm in stops or not norm.isalpha() else 0
    for _pre, form, _suf in analyses:
        root = index.get(form)
        if root is not None:
            roots.append(root)
        if form in heads:
            kind = 1
    return norm, tuple(roots), kind, list_index().get(key)


@lru_cache(maxsize=500_000)
def starts_marks(token: str) -> bool:
    """Whether a token may start a phrase, a listed name or a quote, or is an ORG head: the
    only places marks begin."""
    _norm, roots, kind, listed = _token_info(token)
    return bool(roots) or kind == 1 or token in _OPENERS or listed is not None


def gazetteer_marks(
    tokens: Sequence[str], starts: Sequence[int] | None = None
) -> list[tuple[int, tuple[str, ...]]]:
    """(position, marks) of the tokens that have any: ``g=B-CAT`` / ``g=I-CAT`` phrase marks
    (longest phrase first, ties to the first categories) and ``oh=H|1|2|3`` ORG-head marks.

    ``starts``, when given, must be the positions of the tokens where ``starts_marks`` holds,
    in order (a caller that caches it per word type saves a lookup per token).
    """
    if starts is None:
        starts = list(compress(range(len(tokens)), map(starts_marks, tokens)))
    if not starts:
        return []
    n = len(tokens)
    info = _token_info
    found: dict[int, tuple[str, ...]] = {}
    free = 0
    heads: list[int] = []
    listed: list[tuple[int, ListEntries]] = []
    openers: list[int] = []
    for i in starts:
        _norm, roots, kind, entries = info(tokens[i])
        if kind == 1:
            heads.append(i)
        if entries is not None:
            listed.append((i, entries))
        if tokens[i] in _OPENERS:
            openers.append(i)
        if not roots or i < free:
            continue
        best, best_cats = 0, _EMPTY
        for node in roots:
            j = i + 1
            while True:
                cats = node.get(" ")
                if cats is not None and (j > best or (j == best and cats < best_cats)):
                    best, best_cats = j, cats
                if j >= n:
                    break
                child = node.get(info(tokens[j])[0])
                if child is None:
                    break
                node, j = child, j + 1
        if best:
            found[i] = _marks("B", best_cats)
            inside = _marks("I", best_cats)
            for j in range(i + 1, best):
                found[j] = inside
            free = best
    for i in heads:
        found[i] = found.get(i, _EMPTY) + _HEAD
        for j in range(i + 1, min(n, i + 1 + _SPREAD)):
            if info(tokens[j])[2]:
                break
            found[j] = found.get(j, _EMPTY) + _SPREAD_FEATS[j - i]
    for i, entries in listed:
        _list_match(tokens, i, entries, found)
    if openers:
        _quote_marks(tokens, found, openers)
    return sorted(found.items())


# marsad's own NER name lists (resources/ner; facts written for marsad), matched apart from
# the actor dictionary so a listed name never hides a dictionary phrase. Each list is a mark
# category of its own; lower case marks names that are also ordinary words, which the CRF
# learns to trust less.
LISTS_DIR = Path(__file__).resolve().parents[1] / "resources" / "ner"
NER_LISTS = {
    "given_names.txt": "GN",
    "given_names_ambiguous.txt": "gn",
    "org_names.txt": "ON",
    "org_names_ambiguous.txt": "on",
    "misc_names.txt": "MN",
    "misc_names_ambiguous.txt": "mn",
}


def _list_phrases() -> Iterable[tuple[str, str]]:
    for name, cat in NER_LISTS.items():
        for line in read_lines(LISTS_DIR / name, "name list"):
            yield line, cat


@lru_cache(maxsize=1)
def list_index() -> ListIndex:
    """First word's ``name_key`` -> (rest of the name, normalised -> its list categories),
    longest rest first; the first word is matched behind و/ف/ب/ل/ك as ``name_key`` strips it."""
    stops = _heads_and_stops()[1]
    index: dict[str, dict[tuple[str, ...], set[str]]] = {}
    for text, cat in _list_phrases():
        toks = text.split()
        first = name_key(toks[0])
        if len(toks) == 1 and first in stops:
            continue  # a name spelt like a function word (علي/على) would mark every على
        rest = tuple(normalize_word(t) for t in toks[1:])
        index.setdefault(first, {}).setdefault(rest, set()).add(cat)
    return {
        first: {
            rest: tuple(sorted(by_rest[rest])) for rest in sorted(by_rest, key=len, reverse=True)
        }
        for first, by_rest in index.items()
    }


def _list_match(
    tokens: Sequence[str], i: int, entries: ListEntries, found: dict[int, tuple[str, ...]]
) -> None:
    """Mark the longest listed name starting at ``i`` (``g=B-GN``, ``g=I-ON`` …), if any."""
    n = len(tokens)
    info = _token_info
    for rest, cats in entries.items():
        end = i + 1 + len(rest)
        if end > n:
            continue
        for k, r in enumerate(rest, i + 1):
            if info(tokens[k])[0] != r:
                break
        else:
            found[i] = found.get(i, _EMPTY) + _marks("B", cats)
            inside = _marks("I", cats)
            for k in range(i + 1, end):
                found[k] = found.get(k, _EMPTY) + inside
            return


# Quotation marks around a short span: news quotes the names of programmes, products, papers
# and operations, so "inside a short quote" is a cue for MISC and ORG.
_QUOTES = {"«": "»", '"': '"', "“": "”", "'": "'", "(": ")"}
_OPENERS = frozenset(_QUOTES)
_QUOTE_SPAN = 7  # at most this many words between the marks
_Q_FIRST, _Q_IN, _Q_LAST, _Q_ONE = ("g=q1",), ("g=qi",), ("g=qn",), ("g=q0",)


def _quote_marks(
    tokens: Sequence[str], found: dict[int, tuple[str, ...]], openers: Sequence[int]
) -> None:
    """Add q-marks to the words of each short quoted span (first, inside, last, only);
    ``openers`` are the positions of the opening marks, in order."""
    n, after = len(tokens), 0
    for i in openers:
        if i < after:
            continue
        close = _QUOTES[tokens[i]]
        for j in range(i + 1, min(n, i + 1 + _QUOTE_SPAN + 1)):
            if tokens[j] == close:
                if j - i == 2:
                    found[i + 1] = found.get(i + 1, _EMPTY) + _Q_ONE
                elif j - i > 2:
                    found[i + 1] = found.get(i + 1, _EMPTY) + _Q_FIRST
                    for k in range(i + 2, j - 1):
                        found[k] = found.get(k, _EMPTY) + _Q_IN
                    found[j - 1] = found.get(j - 1, _EMPTY) + _Q_LAST
                after = j + 1
                break


def gazetteer_features(tokens: Sequence[str]) -> list[tuple[str, ...]]:
    """Per token, its gazetteer marks (see ``gazetteer_marks``); () for most tokens."""
    out: list[tuple[str, ...]] = [_EMPTY] * len(tokens)
    for i, marks in gazetteer_marks(tokens):
        out[i] = marks
    return out


_HEAD = ("oh=H",)
_SPREAD_FEATS = {k: (f"oh={k}",) for k in range(1, _SPREAD + 1)}


@lru_cache(maxsize=64)
def _marks(bio: str, cats: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"g={bio}-{c}" for c in cats)
