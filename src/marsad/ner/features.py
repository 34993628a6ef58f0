"""CRF features for Arabic NER, cached per word type so tagging stays above 100k tokens/s.

A token's features are its own cached word-type list plus its neighbours' (±2) cached
context lists, already prefixed with their offset; the hot path does lookups and list
concatenation only, no regex and no string building per token.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from marsad.datafiles import read_lines
from marsad.ner.clusters import (
    CLUSTER_FILE,
    NAME_NGRAM_FILE,
    load_clusters,
    load_name_ngrams,
    name_likeness,
)
from marsad.ner.gazetteer import gazetteer_features, load_gazetteer
from marsad.ner.wordtype import analyse
from marsad.text.normalize import normalize

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ner"
LEXICONS = {
    "T": "person_titles.txt",
    "O": "org_triggers.txt",
    "L": "loc_triggers.txt",
    "G": "countries.txt",
    "C": "cities.txt",
    "F": "first_names.txt",
    "M": "misc_words.txt",
}
_NAT_FILE = "nationalities.txt"
_PUNCT = frozenset(".,،؛;:!?؟\"'«»()[]{}-–—/\\…%")
_CACHE = 500_000


def _read_list(name: str) -> frozenset[str]:
    return frozenset(normalize(x) for x in read_lines(RESOURCES / name))


@lru_cache(maxsize=1)
def lexicons() -> dict[str, frozenset[str]]:
    """The shipped word lists, normalised, keyed by their one-letter feature code."""
    lex = {code: _read_list(name) for code, name in LEXICONS.items()}
    lex["N"] = _read_list(_NAT_FILE)
    return lex


def _shape(word: str) -> str:
    if word.isdigit():
        return "D4" if len(word) == 4 else "D"
    if any(c.isdigit() for c in word):
        return "d"
    if word.isascii() and word.isalpha():
        return "A" if word[0].isupper() else "a"
    if all(c in _PUNCT for c in word):
        return "P"
    if not word.isalnum():
        return "x"
    return "W"


def _nationality_stem(s: str) -> str:
    if s.endswith(("يون", "يين")):
        return s[:-2]
    if s.endswith("يه"):
        return s[:-1]
    return s


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[str, tuple[str, ...]]:
    """Word -> lexicon codes in LEXICONS order, so one dict lookup per clitic analysis."""
    index: dict[str, list[str]] = {}
    for code, words in lexicons().items():
        if code != "N":
            for word in words:
                index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


_CODE_ORDER = {code: i for i, code in enumerate(LEXICONS)}


def _form_lexicons(form: str) -> tuple[str, ...]:
    """Lexicon codes of one clitic analysis' stem, with "N" last when it is a nationality."""
    codes = _lexicon_index().get(form, ())
    base = form[2:] if form.startswith("ال") else form
    nat = lexicons()["N"]
    return (*codes, "N") if base in nat or _nationality_stem(base) in nat else codes


_FORM_LEX: dict[str, tuple[str, ...]] = {}
_LEN = tuple(f"len={i}" for i in range(10))
_NM = {i: f"nm={i}" for i in range(-3, 4)}
_NONE = ("c=none",)


def _lexicon_hits(analyses: tuple[tuple[str, str, str], ...]) -> list[str]:
    codes: set[str] = set()
    memo = _FORM_LEX
    for _p, f, _x in analyses:
        hit = memo.get(f)
        if hit is None:
            hit = memo[f] = _form_lexicons(f)
        if hit:
            codes.update(hit)
    if not codes:
        return []
    is_nat = "N" in codes
    codes.discard("N")
    hits = ["lex=" + c for c in sorted(codes, key=_CODE_ORDER.__getitem__)]
    return [*hits, "lex=N"] if is_nat else hits


@lru_cache(maxsize=1)
def _cluster_feats() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Word -> its cluster features as a form (c0=…) and as a stem (k0=…), built once."""
    forms: dict[str, tuple[str, ...]] = {}
    stems: dict[str, tuple[str, ...]] = {}
    names: dict[tuple[str, tuple[str, ...]], tuple[str, ...]] = {}
    for word, ids in load_clusters(CLUSTER_FILE).items():
        f = names.setdefault(("c", ids), tuple(f"c{i}={c}" for i, c in enumerate(ids)))
        k = names.setdefault(("k", ids), tuple(f"k{i}={c}" for i, c in enumerate(ids)))
        forms[word], stems[word] = f, k
    return forms, stems


@lru_cache(maxsize=_CACHE)
def word_features(word: str) -> tuple[str, ...]:
    """All features of one word type: form, clitics, affixes, shape, lexicons, clusters.

    The stem is the most stripped clitic analysis keeping three letters (``segment.stem``);
    per-stem lexicon and cluster lookups are memoised, since stems recur across word types.
    """
    return build_features(word)


def build_features(word: str, likeness: int | None = None) -> tuple[str, ...]:
    """``word_features`` uncached; ``likeness``, when given, must be ``name_likeness`` of the
    normalised word (the decoder computes it for thousands of new words at once)."""
    norm, analyses, _key = analyse(word)
    st, pre, suf = norm, "", ""
    for p, s, x in analyses:
        if 2 < len(s) < len(st):
            st, pre, suf = s, p, x
    if norm.isalpha():
        shape = "W" if not norm.isascii() else "A" if norm[0].isupper() else "a"
    else:
        shape = _shape(norm)
    if shape == "W":
        feats = [
            "bias", "w=" + norm, "s=" + st, "p=" + pre, "x=" + suf, "sh=W",
            "s2=" + st[:2], "s3=" + st[:3], "e2=" + st[-2:], "e3=" + st[-3:],
            "b2=" + norm[:2], "b3=" + norm[:3], "a2=" + norm[-2:], "a3=" + norm[-3:],
            "b4=" + norm[:4], "a4=" + norm[-4:],
            _LEN[min(len(st), 9)],
            _NM[name_likeness(norm) if likeness is None else likeness],
        ]  # fmt: skip
        if norm.startswith("ال") or pre.endswith("ال") or pre == "لل":
            feats.append("al")
    else:
        feats = ["bias", "w=" + norm, "s=" + st, "p=" + pre, "x=" + suf, "sh=" + shape]
    feats += _lexicon_hits(analyses)
    forms, stems = _cluster_feats()
    for n, (_p, form, _x) in enumerate(analyses):
        found = forms.get(form)
        if found is not None:
            feats += found
            if n:
                feats.append("c=stripped")
            break
    else:
        feats += _NONE
    if st != norm:
        found = stems.get(st)
        if found is not None:
            feats += found
    return tuple(feats)


def load_resources() -> None:
    """Read every word list and table the features use, so that a tagger pays for them when
    it loads rather than on its first sentence."""
    _lexicon_index()
    _cluster_feats()
    load_name_ngrams(NAME_NGRAM_FILE)
    load_gazetteer()


CONTEXT_KEEP = ("w=", "s=", "sh=", "lex=", "c1=", "c2=", "c3=", "c=", "p=", "nm=")
GAZ_CONTEXT = "g="  # gazetteer phrase marks are also seen by the ±1 neighbours
_OFFSETS = (-2, -1, 1, 2)
_EDGE = {-2: ("-2:BOS",), -1: ("-1:BOS",), 1: ("+1:EOS",), 2: ("+2:EOS",)}
Extractor = Callable[[Sequence[str]], list[list[str]]]


def make_extractor(known: frozenset[str] | None = None) -> Extractor:
    """A sentence featuriser with its own caches; ``known`` drops attributes a model lacks.

    Filtering once per word type means the CRF never looks up the (many) pruned attributes.
    """

    @lru_cache(maxsize=_CACHE)
    def own(word: str) -> tuple[str, ...]:
        feats = word_features(word)
        return feats if known is None else tuple(f for f in feats if f in known)

    def context_factory(offset: int) -> Callable[[str], tuple[str, ...]]:
        prefix = f"{offset:+d}:"

        @lru_cache(maxsize=_CACHE)
        def context(word: str) -> tuple[str, ...]:
            feats = (prefix + f for f in word_features(word) if f.startswith(CONTEXT_KEEP))
            return tuple(f for f in feats if known is None or f in known)

        return context

    @lru_cache(maxsize=4096)
    def gaz(marks: tuple[str, ...], prefix: str) -> tuple[str, ...]:
        if prefix:
            marks = tuple(prefix + f for f in marks if f.startswith(GAZ_CONTEXT))
        return marks if known is None else tuple(f for f in marks if f in known)

    m2, m1, p1, p2 = (context_factory(off) for off in _OFFSETS)
    e2, e1, f1, f2 = (_EDGE[off] for off in _OFFSETS)

    def extract(tokens: Sequence[str]) -> list[list[str]]:
        n = len(tokens)
        marks = gazetteer_features(tokens)
        out: list[list[str]] = []
        for i, tok in enumerate(tokens):
            feats = list(own(tok))
            feats += m1(tokens[i - 1]) if i >= 1 else e1
            feats += m2(tokens[i - 2]) if i >= 2 else e2
            feats += p1(tokens[i + 1]) if i + 1 < n else f1
            feats += p2(tokens[i + 2]) if i + 2 < n else f2
            if marks[i]:
                feats += gaz(marks[i], "")
            if i >= 1 and marks[i - 1]:
                feats += gaz(marks[i - 1], "-1:")
            if i + 1 < n and marks[i + 1]:
                feats += gaz(marks[i + 1], "+1:")
            out.append(feats)
        return out

    return extract


sentence_features = make_extractor()
"""Per-token feature lists for one sentence (own features, ±2 context, gazetteer marks)."""
