"""Span repairs after CRF tagging, one sentence at a time: titles of works, newspapers named
after a place, particles at the start of a name, and the parts of long Arabic names.

- **Titles of works.** A quoted name of one to four words right after a work noun
  («برنامج « الناس وأنا »»، «بعنوان « حكايات »») is one MISC name, whatever the CRF made of its
  words: ANERcorp tags such titles MISC, but a ±2-word window rarely sees the work noun
  across the quote mark, so the CRF leaves them out or reads a word in them as a person.
- **Newspapers and channels.** A name in «» that the CRF tagged as one place («« الشرق الأوسط »»)
  is the paper or channel of that name (ORG): a place is not put in quote marks.
- **Particles.** A person, organisation or place name of two or more words that starts with
  a preposition or particle («على شاشي تارور») starts after it; a title may start with one
  («« مع منى »»). Particles are matched as spelt: «على» is a preposition, «علي» a name.
- **Long names.** «علي» right before a person's name is its first name («علي حسن»), and a
  person's name goes on over «بن، بنت، ابن، أبو، آل، ولد» and the word after them
  («محمد بن راشد آل مكتوم»، «محمد ولد عبد العزيز»), which the CRF often stops short of. Two
  person names side by side are one («علي» «زيدان» → «علي زيدان»): the coordination split
  (``coordination.py``) has already cut the ones joined by «و».

The lists are data (``resources/ner/words.tsv``). The first three repairs were found among
dev-slice errors and the last among cross-validated errors on our ANERcorp train part; each
was kept only if it did not lower F1 on 5-fold cross-validated tags of the train part.
Together they raised dev F1 from 0.7943 to 0.8080 and cross-validated train F1 from 0.8106
to 0.8152 (see ``crf.NOTES``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.datafiles import resource
from marsad.ner.wordtype import analyse
from marsad.text.normalize import normalize, strip_marks
from marsad.text.wordlists import word_set, words

_WORDS = resource("ner", "words.tsv")
_QUOTES = {"«": "»", '"': '"', "''": "''", "“": "”"}
_MAX_TITLE = 4  # words inside the quote marks
_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "ال", "وال", "بال", "فال", "وب", "ول"})
_PERSON = ("B-PERS", "I-PERS")


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    return {
        "work_nouns": word_set(_WORDS, "spans.work_nouns"),
        "particles": frozenset(strip_marks(w) for w in words(_WORDS, "spans.particles")),
        "first_names": frozenset(strip_marks(w) for w in words(_WORDS, "spans.first_names")),
        "name_links": word_set(_WORDS, "spans.name_links"),
    }


@lru_cache(maxsize=20_000)
def is_work_noun(token: str) -> bool:
    """«برنامج»، «ببرنامج»، «برنامجها»، «بعنوان»، «روايته» — a work noun with its clitics."""
    nouns = _lists()["work_nouns"]
    for pre, stem, _suf in analyse(token)[1]:
        if pre in _PROCLITICS and (
            stem in nouns or (stem[-1:] == "ت" and stem[:-1] + "ه" in nouns)
        ):
            return True
    return False


def _quoted(tokens: Sequence[str], i: int) -> int | None:
    """The index of the mark closing the quote opened at ``i``, if it holds 1-4 words."""
    close = _QUOTES.get(tokens[i])
    if close is None:
        return None
    for j in range(i + 1, min(len(tokens), i + _MAX_TITLE + 2)):
        if tokens[j] == close:
            return j if j > i + 1 else None
    return None


def _titles(tags: list[str], tokens: Sequence[str]) -> None:
    i = 0
    while i < len(tokens):
        j = _quoted(tokens, i) if tokens[i] in _QUOTES else None
        if j is None:
            i += 1
            continue
        inner = tags[i + 1 : j]
        kind = None
        if i > 0 and is_work_noun(tokens[i - 1]):
            kind = "MISC"
        elif tokens[i] == "«" and inner[0] == "B-LOC" and all(t == "I-LOC" for t in inner[1:]):
            kind = "ORG"
        if kind is not None:
            tags[i + 1 : j] = ["B-" + kind] + ["I-" + kind] * (j - i - 2)
        i = j + 1  # a closing mark does not open the next quote


def _particles(tags: list[str], tokens: Sequence[str]) -> None:
    particles = _lists()["particles"]
    for i, tag in enumerate(tags[:-1]):
        kind = tag[2:]
        if (
            tag.startswith("B-")
            and kind != "MISC"
            and tags[i + 1] == "I-" + kind
            and strip_marks(tokens[i]) in particles
        ):
            tags[i], tags[i + 1] = "O", "B-" + kind


def _long_names(tags: list[str], tokens: Sequence[str]) -> None:
    lists = _lists()
    for i in range(len(tags) - 1, 0, -1):
        if (
            tags[i] == "B-PERS"
            and tags[i - 1] == "O"
            and strip_marks(tokens[i - 1]) in lists["first_names"]
        ):
            tags[i - 1], tags[i] = "B-PERS", "I-PERS"
    for i in range(1, len(tags) - 1):
        nxt = tokens[i + 1]
        if (
            tags[i - 1] in _PERSON
            and tags[i] == "O"
            and tags[i + 1] in ("O", "B-PERS")
            and normalize(tokens[i]) in lists["name_links"]
            and len(nxt) > 2
            and nxt.isalpha()
        ):
            tags[i] = tags[i + 1] = "I-PERS"
    for i in range(1, len(tags)):
        if tags[i] == "B-PERS" and tags[i - 1] in _PERSON and not tokens[i].startswith("و"):
            tags[i] = "I-PERS"


def repair_spans(tags: list[str], tokens: Sequence[str]) -> list[str]:
    """The tags with the repairs of the module text applied; ``tags`` itself is not changed."""
    if not any(t in _QUOTES for t in tokens) and tags.count("O") == len(tags):
        return tags  # the usual sentence: nothing quoted, nothing tagged
    out = list(tags)
    _titles(out, tokens)
    _particles(out, tokens)
    _long_names(out, tokens)
    return tags if out == tags else out
