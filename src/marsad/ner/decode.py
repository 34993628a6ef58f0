"""crfsuite's Viterbi tagging in numpy, from score rows cached per word type.

A CRF's state score is a sum of per-attribute weight vectors, so each word type's own and
context (-1/-2/+1/+2) scores are summed once and cached; a batch of sentences then costs one
row gather, a few slice sums and one Viterbi sweep. Gazetteer marks depend on the sentence,
not the word type, so they are added per token from rows cached per distinct tuple of marks.
Every sum is taken in the order crfsuite's model dump implies and the same for every call,
so the tags equal the plain crfsuite tagger's and never depend on what a sentence is batched
with.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import chain, repeat
from typing import Any

import numpy as np

from marsad.ner.clusters import NAME_NGRAM_FILE, load_name_ngrams
from marsad.ner.features import CONTEXT_KEEP, GAZ_CONTEXT, build_features, word_features
from marsad.ner.gazetteer import gazetteer_marks, starts_marks
from marsad.ner.wordtype import analyse

_PREFIXES = ("-1:", "-2:", "+1:", "+2:")
# The decoder keeps score rows per word type, so it skips word_features' own cache: the
# feature strings of a tagged word are dropped once its rows are summed.
_features = word_features.__wrapped__
_starts_marks = starts_marks.__wrapped__  # likewise: the decoder keeps it per word type
_SLOTS = 5  # own score row, then the word seen as the -1, -2, +1 and +2 neighbour
# New word types are summed this many at a time, so their feature strings die young.
_FRESH = 4096
_CELLS = 1 << 16  # sentences × positions per batch, padding included: ~5 MB of scores


class Decoder:
    """Tags sentences with a crfsuite model's weights (``Tagger.info()``), repaired to IOB2."""

    def __init__(self, labels: list[str], info: Any) -> None:
        self.labels = labels
        n_l = len(labels)
        index = {label: i for i, label in enumerate(labels)}
        # per label: its type (O for O), whether it is I-, and its B- label, for _repair
        self.kind = np.array([index.get("B-" + lab[2:], -1) for lab in labels], dtype=np.intp)
        self.inside = np.array([lab.startswith("I-") for lab in labels])
        self.begin = np.array(
            [
                index.get("B-" + lab[2:], i) if lab.startswith("I-") else i
                for i, lab in enumerate(labels)
            ],
            dtype=np.intp,
        )
        self.o_index = index.get("O", 0)
        self.names = np.array(labels, dtype=object)
        attrs = sorted({attr for attr, _label in info.state_features})
        self.attr_row = {attr: i for i, attr in enumerate(attrs)}
        self.weights = np.zeros((len(attrs), n_l))
        for (attr, label), w in info.state_features.items():
            self.weights[self.attr_row[attr], index[label]] = w
        self.trans = np.zeros((n_l, n_l))
        for (a, b), w in info.transitions.items():
            self.trans[index[a], index[b]] = w
        # Each word feature the model knows -> its weight rows as own and as each neighbour.
        slots = {prefix: k for k, prefix in enumerate(_PREFIXES, 1)}
        feat_rows: dict[str, list[int]] = {}
        for attr, row in self.attr_row.items():
            slot = slots.get(attr[:3], 0)
            base = attr[3:] if slot else attr
            if not slot or base.startswith(CONTEXT_KEEP):
                feat_rows.setdefault(base, [-1] * _SLOTS)[slot] = row
        self.feat_ids = {feat: i for i, feat in enumerate(feat_rows)}
        self.feat_table = np.array(list(feat_rows.values()), dtype=np.intp).reshape(-1, _SLOTS)
        self.slot_base = np.arange(_SLOTS)
        self.by_label = self.weights.T.copy()
        # word type -> index into rows; index 0 is zeros, for padding and sentence edges
        self.ids: dict[str, int] = {}
        self.rows = np.zeros((1024, _SLOTS, n_l))  # a word type's five rows side by side
        self.may_mark = np.zeros(1024, dtype=bool)  # may the word start a gazetteer mark?
        self.size = 1
        self.edges = [self._sum([f]) for f in ("-1:BOS", "-2:BOS", "+1:EOS", "+2:EOS")]
        self.last_edges = self.edges[2] + self.edges[3]
        self.gaz_ids: dict[tuple[str, ...], int] = {(): 0}
        self.gaz_rows = [np.zeros((3, n_l))]  # own, as -1 neighbour, as +1 neighbour
        self.gaz_table = np.stack(self.gaz_rows)
        self.likeness = Likeness.load()

    def _sum(self, attrs: Sequence[str]) -> Any:
        rows = [self.attr_row[a] for a in attrs if a in self.attr_row]
        return self.weights[rows].sum(axis=0)

    def _add(self, words: list[str]) -> None:
        """Sum each new word type's weight rows per slot, in feature order as crfsuite does.

        One ``bincount`` per label does it for all the new types at once: bins are (slot,
        word) and ``bincount`` adds its weights in index order. A word's features depend on
        its normalised form alone, so words spelt alike once normalised share one sum.
        """
        n_l = len(self.labels)
        first: dict[str, str] = {}  # normalised form -> the first new word with it
        norms = [analyse(w)[0] for w in words]
        for norm, word in zip(norms, words, strict=True):
            first.setdefault(norm, word)
        order = {norm: i for i, norm in enumerate(first)}
        n_w = len(first)
        if self.likeness is None:
            feats = list(map(_features, first.values()))
        else:
            feats = list(map(build_features, first.values(), self.likeness(list(first))))
        sizes = np.fromiter(map(len, feats), dtype=np.intp, count=n_w)
        fid = np.fromiter(
            map(self.feat_ids.get, chain.from_iterable(feats), repeat(-1)), dtype=np.intp
        )
        known = fid >= 0
        table = self.feat_table[fid[known]]  # occurrences × slots: weight row or -1
        hit = table >= 0
        bins = (np.repeat(np.arange(n_w) * _SLOTS, sizes)[known, None] + self.slot_base)[hit]
        rows = table[hit]
        new = np.empty((n_w, _SLOTS, n_l))
        flat = new.reshape(n_w * _SLOTS, n_l)
        for j in range(n_l):
            flat[:, j] = np.bincount(bins, weights=self.by_label[j][rows], minlength=len(flat))
        start, end = self.size, self.size + len(words)
        if end > len(self.rows):
            size = max(2 * len(self.rows), end)
            grown = np.zeros((size, _SLOTS, n_l))
            grown[:start] = self.rows[:start]
            self.rows = grown
            marks = np.zeros(size, dtype=bool)
            marks[:start] = self.may_mark[:start]
            self.may_mark = marks
        self.rows[start:end] = new[[order[norm] for norm in norms]]
        self.may_mark[start:end] = np.fromiter(
            map(_starts_marks, words), dtype=bool, count=len(words)
        )
        self.ids.update(zip(words, range(start, end), strict=True))
        self.size = end

    def _gaz_id(self, marks: tuple[str, ...]) -> int:
        """Register one token's gazetteer marks: their summed rows as own, -1 and +1 weights."""
        ctx = [f for f in marks if f.startswith(GAZ_CONTEXT)]
        rows = np.stack(
            [
                self._sum(marks),
                self._sum(["-1:" + f for f in ctx]),
                self._sum(["+1:" + f for f in ctx]),
            ]
        )
        self.gaz_ids[marks] = len(self.gaz_rows)
        self.gaz_rows.append(rows)
        return self.gaz_ids[marks]

    def _emissions(self, sents: list[Sequence[str]], ids: Any, lens: Any) -> Any:
        """State scores (time × label × sentence) of a batch sorted by length, longest first.

        Summed over the tokens alone (``ids``, sentence after sentence), then laid out by
        position: own rows, the -1, -2, +1, +2 neighbours' rows, the sentence-edge
        attributes, then gazetteer marks, in that order.
        """
        n_b, n = len(sents), len(ids)
        sent = np.repeat(np.arange(n_b), lens)
        starts = np.cumsum(lens) - lens
        pos = np.arange(n) - starts[sent]
        # the batch's ids with two padding ids (0) around each sentence, for the neighbours
        at = np.arange(n) + 2 * sent + 2
        padded = np.zeros(n + 2 * n_b + 2, dtype=np.intp)
        padded[at] = ids
        g = self.rows[padded]  # one gather; the neighbours are then slices
        end = len(g)
        em = g[2 : end - 2, 0] + g[1 : end - 3, 1]
        em += g[: end - 4, 2]
        em += g[3 : end - 1, 3]
        em += g[4:, 4]
        em = em[at - 2]
        two = lens > 1
        em[starts] += self.edges[0]
        em[starts] += self.edges[1]
        em[starts[two] + 1] += self.edges[1]
        ends = starts + lens - 1
        em[ends] += self.last_edges
        em[ends[two] - 1] += self.edges[3]
        where: list[int] = []
        gaz: list[int] = []
        gaz_ids = self.gaz_ids
        flagged = np.flatnonzero(self.may_mark[ids])
        by_sentence: dict[int, list[int]] = {}
        for b, i in zip(sent[flagged].tolist(), pos[flagged].tolist(), strict=True):
            by_sentence.setdefault(b, []).append(i)
        first = starts.tolist()
        for b, flags in by_sentence.items():
            for i, marks in gazetteer_marks(sents[b], flags):
                where.append(first[b] + i)
                gaz.append(gaz_ids.get(marks) or self._gaz_id(marks))
        if gaz:
            self._add_gazetteer(em, pos, lens[sent], where, gaz)
        out = np.zeros((int(lens[0]), em.shape[1], n_b))
        out[pos, :, sent] = em
        return out

    def _add_gazetteer(
        self, em: Any, pos: Any, length: Any, where: list[int], gaz: list[int]
    ) -> None:
        """Add gazetteer rows to token scores: ``where`` indexes tokens, ``length`` their
        sentences' lengths; a mark counts for its token and, as context, its neighbours."""
        if len(self.gaz_rows) != len(self.gaz_table):
            self.gaz_table = np.stack(self.gaz_rows)
        at = np.array(where, dtype=np.intp)
        rows = self.gaz_table[np.array(gaz, dtype=np.intp)]
        em[at] += rows[:, 0]
        nxt = pos[at] + 1 < length[at]
        em[at[nxt] + 1] += rows[nxt, 1]
        prv = pos[at] > 0
        em[at[prv] - 1] += rows[prv, 2]

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Repaired IOB2 tags per sentence; new word types get their rows first."""
        words = list(chain.from_iterable(sentences))
        every = np.fromiter(map(self.ids.get, words, repeat(0)), dtype=np.intp, count=len(words))
        missing = np.flatnonzero(every == 0)  # id 0 is padding, never a word's
        if len(missing):
            # one pass both numbers the new types (in order of first use) and finds each
            # missing token's number; _add gives them ids in that order from self.size on
            local: dict[str, int] = {}
            grab = local.setdefault
            first = [grab(w, len(local)) for w in map(words.__getitem__, missing.tolist())]
            base, fresh = self.size, list(local)
            for i in range(0, len(fresh), _FRESH):
                self._add(fresh[i : i + _FRESH])
            every[missing] = np.array(first, dtype=np.intp) + base
        out: list[list[str]] = [[] for _ in sentences]
        lengths = [len(s) for s in sentences]
        offsets = np.cumsum(lengths) - lengths
        order = sorted((i for i, n in enumerate(lengths) if n), key=lengths.__getitem__)
        order.reverse()
        for batch in _batches(order, lengths):
            lens = np.array([lengths[i] for i in batch])
            first = offsets[batch] - (np.cumsum(lens) - lens)  # token k of the batch: first + k
            ids = every[np.repeat(first, lens) + np.arange(int(lens.sum()))]
            em = self._emissions([sentences[i] for i in batch], ids, lens)
            paths = self._repair(viterbi(em, lens, self.trans))
            tags = self.names[paths.T].tolist()
            for b, i in enumerate(batch):
                out[i] = tags[b][: lengths[i]]
        return out

    def _repair(self, paths: Any) -> Any:
        """``repair_iob2`` on a batch of label paths (time × sentence) at once: an I- after O
        or another type becomes B-; repairs keep the type, so no repair changes another's."""
        kind = self.kind
        prev = np.empty_like(paths)
        prev[0] = self.o_index
        prev[1:] = paths[:-1]
        bad = self.inside[paths] & (kind[prev] != kind[paths])
        return np.where(bad, self.begin[paths], paths)


class Likeness:
    """``clusters.name_likeness`` of many words at once, with the same float sums.

    Trigram weights sit in a dense table indexed by three character ids, and each word's
    weights are added one position at a time across all the words, so every word's sum is
    taken left to right from 0.0 as ``sum`` takes it, then divided and rounded alike.
    """

    def __init__(self, table: dict[str, float]) -> None:
        chars = sorted(set("".join(table)))
        self.size = len(chars) + 1  # id 0: a character no trigram has
        self.char_id = np.zeros(max(map(ord, chars)) + 1, dtype=np.intp)
        self.char_id[[ord(c) for c in chars]] = np.arange(1, self.size)
        grams = list(table)
        ids = self.char_id[np.array([[ord(c) for c in g] for g in grams]).reshape(-1, 3)]
        self.dense = np.zeros(self.size**3)
        self.dense[(ids[:, 0] * self.size + ids[:, 1]) * self.size + ids[:, 2]] = [
            table[g] for g in grams
        ]

    @classmethod
    def load(cls) -> Likeness | None:
        """From the shipped table; None (use ``name_likeness``) if it is absent or unusual."""
        table = load_name_ngrams(NAME_NGRAM_FILE)
        # Python 3.12's sum of floats compensates for rounding; this class adds plainly
        if not table or any(len(g) != 3 for g in table) or sum([0.1] * 10) == 1.0:
            return None
        return cls(table)

    def __call__(self, norms: list[str]) -> list[int]:
        """``name_likeness`` of each normalised word (0 for an empty one)."""
        lens = np.fromiter(map(len, norms), dtype=np.intp, count=len(norms))
        text = "".join(["^" + w + "$" for w in norms])
        codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.intp)
        codes[codes >= len(self.char_id)] = 0  # beyond every trigram's characters
        cid = self.char_id[codes]
        size = self.size
        gram = (cid[:-2] * size + cid[1:-1]) * size + cid[2:]
        values = self.dense[gram]
        starts = np.cumsum(lens + 2) - (lens + 2)
        width = int(lens.max()) if len(lens) else 0
        total = np.zeros(len(norms))
        for j in range(width):
            live = lens > j
            total[live] += values[starts[live] + j]
        score = total / np.maximum(lens, 1)
        return np.clip(np.rint(score * 2), -3, 3).astype(np.intp).tolist()


def _batches(order: list[int], lengths: list[int]) -> list[list[int]]:
    """Sentence indices, longest first, cut into batches of at most ``_CELLS`` padded tokens.

    Viterbi skips finished sentences, so padding costs memory only, and one batch is best.
    """
    out: list[list[int]] = []
    cur: list[int] = []
    top = 0
    for i in order:
        n = lengths[i]
        if cur and (len(cur) + 1) * top > _CELLS:
            out.append(cur)
            cur = []
        if not cur:
            top = n
        cur.append(i)
    if cur:
        out.append(cur)
    return out


def viterbi(em: Any, lens: Any, trans: Any) -> Any:
    """Best label paths (time × sentence) for emissions (time × label × sentence).

    Sentences are sorted longest first, so those still running at a step are a prefix of the
    batch and each step works on that prefix only; sentences on the last axis keep numpy's
    inner loops long. Ties go to the lowest label, as ``argmax`` gives.
    """
    n_t, n_l, n_b = em.shape
    live = (n_b - np.cumsum(np.bincount(lens, minlength=n_t + 1))).tolist()
    back = np.empty((n_t, n_l, n_b), dtype=np.intp)
    score = em[0].copy()
    cand = np.empty((n_l, n_l, n_b))  # from label × to label × sentence
    view = score[:, None, :]
    step = trans[:, :, None].copy()
    for t in range(1, n_t):
        k = live[t]
        c = cand[:, :, :k]
        np.add(view[:, :, :k], step, out=c)
        c.argmax(0, back[t, :, :k])
        s = score[:, :k]
        _MAX(c, 0, None, s)
        s += em[t, :, :k]
    paths = np.zeros((n_t, n_b), dtype=np.intp)
    cur = score.argmax(axis=0)
    rows = np.arange(n_b)
    for t in range(n_t - 1, 0, -1):
        k = live[t]
        paths[t, :k] = cur[:k]
        cur[:k] = back[t, cur[:k], rows[:k]]
    paths[0] = cur
    return paths


_MAX = np.maximum.reduce
