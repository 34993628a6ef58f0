"""An optional NerBackend over a user's fine-tuned transformers token-classification model.

The model is read from a local directory only (never a hub name), so a run stays offline;
torch and transformers are imported here alone and come with ``marsad[transformers]``.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from marsad.errors import MissingDependency, ModelError
from marsad.ner.base import repair_iob2

# A model's entity type (upper-cased) -> marsad's; any other type is tagged O.
LABEL_TYPES = {
    "PER": "PERS",
    "PERS": "PERS",
    "PERSON": "PERS",
    "LOC": "LOC",
    "GPE": "LOC",
    "LOCATION": "LOC",
    "ORG": "ORG",
    "ORGANIZATION": "ORG",
    "MISC": "MISC",
    "MIS": "MISC",
}
# Chunk prefixes of IOB/IOB2/BIOES/BILOU labels; E-/L- continue a chunk, S-/U- start one.
_PREFIXES = {"B": "B", "S": "B", "U": "B", "I": "I", "E": "I", "L": "I"}
# These families start position ids after the padding index, so two positions are never used.
_OFFSET_POSITIONS = {"roberta": 2, "xlm-roberta": 2, "camembert": 2}


def map_label(label: str) -> str:
    """One model label as a marsad IOB2 tag; a label without B-/I- becomes I- (an IO scheme)."""
    text = label.strip().upper()
    head, sep, rest = text.replace("_", "-").partition("-")
    if sep and head in _PREFIXES:
        prefix, kind = _PREFIXES[head], rest
    else:
        prefix, kind = "I", text
    ours = LABEL_TYPES.get(kind)
    return f"{prefix}-{ours}" if ours else "O"


def _import() -> tuple[Any, Any]:
    # import_module rather than import, so mypy does not analyse all of torch on every run
    try:
        torch = importlib.import_module("torch")
        transformers = importlib.import_module("transformers")
    except ImportError as exc:
        raise MissingDependency(exc.name or "transformers", "transformers", "--ner-model") from exc
    return torch, transformers


class TransformersTagger:
    """A NerBackend over a local token-classification model with a fast tokenizer.

    Each word takes the label of its first sub-token; words past the model's length limit and
    words the tokenizer drops are O. Stray I- tags are repaired to B-, as CrfTagger does, so
    spans are well formed whichever backend ran.
    """

    name = "transformers"

    def __init__(self, path: str | Path, device: str = "cpu", batch_size: int = 16) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise ModelError(f"{self.path}: NER model directory not found")
        if not self.path.is_dir():
            raise ModelError(f"{self.path}: NER model must be a directory saved by transformers")
        if batch_size < 1:
            raise ModelError(f"{self.path}: batch size must be at least 1, not {batch_size}")
        self.batch_size = batch_size
        self._torch, tf = _import()
        where = str(self.path)
        try:
            config = tf.AutoConfig.from_pretrained(where, local_files_only=True)
            self._tokenizer = tf.AutoTokenizer.from_pretrained(where, local_files_only=True)
            model = tf.AutoModelForTokenClassification.from_pretrained(where, local_files_only=True)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ModelError(f"{self.path}: not a token-classification model ({reason})") from exc
        if not getattr(self._tokenizer, "is_fast", False):
            raise ModelError(f"{self.path}: needs a fast tokenizer (tokenizer.json)")
        self._labels = {int(i): map_label(str(lab)) for i, lab in config.id2label.items()}
        if all(tag == "O" for tag in self._labels.values()):
            names = ", ".join(str(lab) for lab in config.id2label.values())
            raise ModelError(f"{self.path}: no label names PERS, ORG, LOC or MISC ({names})")
        self.max_length = self._limit(config)
        try:
            self._device = self._torch.device(device)
            self._model = model.to(self._device).eval()
        except (RuntimeError, ValueError, AssertionError) as exc:  # a CPU-only torch asserts
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ModelError(f"{self.path}: cannot use device {device!r} ({reason})") from exc

    def _limit(self, config: Any) -> int:
        """Sub-tokens per sentence, special tokens included, that the model can take."""
        positions = getattr(config, "max_position_embeddings", None) or 512
        positions -= _OFFSET_POSITIONS.get(getattr(config, "model_type", ""), 0)
        stated = getattr(self._tokenizer, "model_max_length", None) or positions
        return int(min(positions, stated))

    def tag(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """One IOB2 tag per word, batching sentences of similar length together."""
        out: list[list[str]] = [[] for _ in sentences]
        todo = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        with self._torch.no_grad():
            for start in range(0, len(todo), self.batch_size):
                batch = todo[start : start + self.batch_size]
                tags = self._tag_batch([list(sentences[i]) for i in batch])
                for i, sent_tags in zip(batch, tags, strict=True):
                    out[i] = sent_tags
        return out

    def _tag_batch(self, words: list[list[str]]) -> list[list[str]]:
        enc = self._tokenizer(
            words,
            is_split_into_words=True,
            truncation=True,
            max_length=self.max_length,
            padding=True,
            return_tensors="pt",
        )
        inputs = {k: v.to(self._device) for k, v in enc.items()}
        best = self._model(**inputs).logits.argmax(dim=-1).tolist()
        result: list[list[str]] = []
        for b, sent in enumerate(words):
            tags = ["O"] * len(sent)
            seen: set[int] = set()
            for pos, w in enumerate(enc.word_ids(batch_index=b)):
                if w is None or w in seen:
                    continue
                seen.add(w)
                tags[w] = self._labels.get(best[b][pos], "O")
            result.append(repair_iob2(tags))
        return result


def load(path: str | Path) -> TransformersTagger:
    """A TransformersTagger on the CPU; ModelError when ``path`` holds no usable model."""
    return TransformersTagger(path)
