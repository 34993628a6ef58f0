"""CRF features for Arabic NER, cached per word type so tagging stays above 100k tokens/s.

A token's features are its own cached word-type list plus its neighbours' (±2) cached
context lists, already prefixed with their offset; the hot path does lookups and list
concatenation only, no regex and no string building per token.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

from marsad.errors import DataError
from marsad.ner.clusters import CLUSTER_FILE, load_clusters, name_likeness
from marsad.text.normalize import normalize, normalize_word
from marsad.text.segment import clitic_analyses, stem

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
    path = RESOURCES / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DataError(f"{path}: cannot read word list: {exc}") from exc
    return frozenset(normalize(x.strip()) for x in lines if x.strip() and not x.startswith("#"))


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


def _lexicon_hits(norm: str) -> list[str]:
    index = _lexicon_index()
    nat = lexicons()["N"]
    codes: set[str] = set()
    is_nat = False
    for _p, f, _x in clitic_analyses(norm):
        codes.update(index.get(f, ()))
        if not is_nat:
            base = f[2:] if f.startswith("ال") else f
            is_nat = base in nat or _nationality_stem(base) in nat
    hits = sorted(codes, key=_CODE_ORDER.__getitem__)
    return [*hits, "N"] if is_nat else hits


@lru_cache(maxsize=_CACHE)
def word_features(word: str) -> tuple[str, ...]:
    """All features of one word type: form, clitics, affixes, shape, lexicons, clusters."""
    norm = normalize_word(word)
    st = stem(norm)
    pre, suf = "", ""
    for p, s, x in clitic_analyses(norm):
        if s == st:
            pre, suf = p, x
            break
    shape = _shape(norm)
    feats = ["bias", "w=" + norm, "s=" + st, "p=" + pre, "x=" + suf, "sh=" + shape]
    if shape == "W":
        feats += ["s2=" + st[:2], "s3=" + st[:3], "e2=" + st[-2:], "e3=" + st[-3:]]
        feats += ["b2=" + norm[:2], "b3=" + norm[:3], "a2=" + norm[-2:], "a3=" + norm[-3:]]
        feats += ["b4=" + norm[:4], "a4=" + norm[-4:]]
        feats.append("len=" + str(min(len(st), 9)))
        feats.append("nm=" + str(name_likeness(norm)))
        if norm.startswith("ال") or pre.endswith("ال") or pre == "لل":
            feats.append("al")
    feats += ["lex=" + h for h in _lexicon_hits(norm)]
    feats += _cluster_features(norm, st)
    return tuple(feats)


def _cluster_features(norm: str, st: str) -> list[str]:
    """Clusters of the word (else its least-stripped analysis in the table) and of its stem."""
    table = load_clusters(CLUSTER_FILE)
    feats = ["c=none"]
    for n, (_p, form, _x) in enumerate(clitic_analyses(norm)):
        ids = table.get(form)
        if ids is not None:
            feats = [f"c{i}={c}" for i, c in enumerate(ids)]
            if n:
                feats.append("c=stripped")
            break
    ids = table.get(st)
    if ids is not None and st != norm:
        feats += [f"k{i}={c}" for i, c in enumerate(ids)]
    return feats


CONTEXT_KEEP = ("w=", "s=", "sh=", "lex=", "c1=", "c2=", "c3=", "c=", "p=", "nm=")
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

    m2, m1, p1, p2 = (context_factory(off) for off in _OFFSETS)
    e2, e1, f1, f2 = (_EDGE[off] for off in _OFFSETS)

    def extract(tokens: Sequence[str]) -> list[list[str]]:
        n = len(tokens)
        out: list[list[str]] = []
        for i, tok in enumerate(tokens):
            feats = list(own(tok))
            feats += m1(tokens[i - 1]) if i >= 1 else e1
            feats += m2(tokens[i - 2]) if i >= 2 else e2
            feats += p1(tokens[i + 1]) if i + 1 < n else f1
            feats += p2(tokens[i + 2]) if i + 2 < n else f2
            out.append(feats)
        return out

    return extract


sentence_features = make_extractor()
"""Per-token feature lists for one sentence (own features plus a ±2 context window)."""
