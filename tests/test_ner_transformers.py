"""The transformers NER backend on tiny BERT models built here, so nothing is downloaded."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
tokenizers = pytest.importorskip("tokenizers")

from marsad.errors import MissingDependency, ModelError  # noqa: E402
from marsad.ner.base import ENTITY_TYPES  # noqa: E402
from marsad.ner.transformers_backend import TransformersTagger, load, map_label  # noqa: E402

SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
TEXT = (
    "قال الرئيس الأمريكي جو بايدن إن الولايات المتحدة ستدعم مصر والأردن في مجلس الأمن "
    "وزار وزير الخارجية المصري سامح شكري القاهرة وعمان وبغداد ودمشق وبيروت أمس "
    "الأربعاء لبحث الأزمة مع الأمم المتحدة وجامعة الدول العربية"
)
WORDS = TEXT.split()
BIO = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]
ALLOWED = {"O"} | {f"{p}-{t}" for p in "BI" for t in ENTITY_TYPES}
MAX_POSITIONS = 64

Builder = Callable[..., Path]


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """Save a tiny randomly initialised BERT tagger; ``dominant`` forces one label everywhere."""

    def make(labels: list[str] = BIO, dominant: str | None = None) -> Path:
        out = tmp_path_factory.mktemp("ner-model")
        vocab = {w: i for i, w in enumerate(SPECIAL + sorted(set(WORDS)))}
        tok = tokenizers.Tokenizer(tokenizers.models.WordLevel(vocab, unk_token="[UNK]"))
        tok.pre_tokenizer = tokenizers.pre_tokenizers.Whitespace()
        tok.post_processor = tokenizers.processors.TemplateProcessing(
            single="[CLS] $A [SEP]",
            pair="[CLS] $A [SEP] $B [SEP]",
            special_tokens=[("[CLS]", vocab["[CLS]"]), ("[SEP]", vocab["[SEP]"])],
        )
        fast = transformers.PreTrainedTokenizerFast(
            tokenizer_object=tok,
            unk_token="[UNK]",
            pad_token="[PAD]",
            cls_token="[CLS]",
            sep_token="[SEP]",
            mask_token="[MASK]",
        )  # no model_max_length: the tagger must take the limit from the config
        fast.save_pretrained(out)
        config = transformers.BertConfig(
            vocab_size=len(vocab),
            hidden_size=32,
            num_hidden_layers=2,
            num_attention_heads=2,
            intermediate_size=64,
            max_position_embeddings=MAX_POSITIONS,
            id2label=dict(enumerate(labels)),
            label2id={lab: i for i, lab in enumerate(labels)},
        )
        torch.manual_seed(0)
        model = transformers.BertForTokenClassification(config)
        if dominant is not None:
            with torch.no_grad():
                model.classifier.weight.zero_()
                model.classifier.bias.zero_()
                model.classifier.bias[labels.index(dominant)] = 100.0
        model.save_pretrained(out)
        return out

    return make


@pytest.fixture(scope="module")
def random_tagger(build: Builder) -> TransformersTagger:
    torch.set_num_threads(1)  # another job may be training on this machine
    return TransformersTagger(build(), batch_size=2)


def sentences() -> list[list[str]]:
    return [
        WORDS[:12],
        ["بايدن"],
        [],
        (WORDS * 30)[:600],  # far past max_position_embeddings
        ["كلمة", "غير", "معروفة", "بايدن"],  # unknown words map to [UNK]
        WORDS[5:9],
    ]


def test_one_tag_per_word_in_the_allowed_set(random_tagger: TransformersTagger) -> None:
    sents = sentences()
    tags = random_tagger.tag(sents)
    assert [len(t) for t in tags] == [len(s) for s in sents]
    assert tags[2] == []
    assert {t for sent in tags for t in sent} <= ALLOWED
    assert random_tagger.tag([]) == []


def test_words_past_the_length_limit_are_o(random_tagger: TransformersTagger) -> None:
    # [CLS] and [SEP] take two of the 64 positions; every later word is O.
    assert random_tagger.max_length == MAX_POSITIONS
    long = (WORDS * 30)[:600]
    tags = random_tagger.tag([long])[0]
    assert len(tags) == 600
    assert tags[MAX_POSITIONS - 2 :] == ["O"] * (600 - MAX_POSITIONS + 2)


def test_deterministic_and_independent_of_batching(build: Builder) -> None:
    path = build()
    sents = sentences()
    one = TransformersTagger(path, batch_size=1).tag(sents)
    assert TransformersTagger(path, batch_size=16).tag(sents) == one
    assert TransformersTagger(path, batch_size=16).tag(sents) == one


def test_dominant_b_per_tags_every_word_b_pers(build: Builder) -> None:
    tagger = load(build(dominant="B-PER"))
    sents = [WORDS[:10], ["بايدن"], ["كلمة", "مجهولة"], (WORDS * 3)[:70]]
    tags = tagger.tag(sents)
    assert tags[:3] == [["B-PERS"] * 10, ["B-PERS"], ["B-PERS"] * 2]
    assert tags[3] == ["B-PERS"] * (MAX_POSITIONS - 2) + ["O"] * (70 - MAX_POSITIONS + 2)


def test_leading_i_tag_is_repaired_to_b(build: Builder) -> None:
    # Like CrfTagger, a chunk never starts with I-, so spans are well formed for any reader.
    tagger = load(build(dominant="I-LOC"))
    assert tagger.tag([WORDS[:4], ["عمان"]]) == [["B-LOC", "I-LOC", "I-LOC", "I-LOC"], ["B-LOC"]]


def test_labels_without_bio_prefix_become_iob2(build: Builder) -> None:
    tagger = load(build(labels=["O", "PERSON", "GPE", "DATE"], dominant="PERSON"))
    assert tagger.tag([WORDS[:3]]) == [["B-PERS", "I-PERS", "I-PERS"]]
    tagger = load(build(labels=["O", "PERSON", "GPE", "DATE"], dominant="DATE"))
    assert tagger.tag([WORDS[:3]]) == [["O", "O", "O"]]


@pytest.mark.parametrize(
    ("label", "tag"),
    [
        ("B-PER", "B-PERS"),
        ("I-PERS", "I-PERS"),
        ("b-person", "B-PERS"),
        ("I-GPE", "I-LOC"),
        ("B-LOCATION", "B-LOC"),
        ("B_ORGANIZATION", "B-ORG"),
        ("I-MIS", "I-MISC"),
        ("S-LOC", "B-LOC"),
        ("E-ORG", "I-ORG"),
        ("ORG", "I-ORG"),
        ("B-DATE", "O"),
        ("O", "O"),
        ("LABEL_3", "O"),
    ],
)
def test_map_label(label: str, tag: str) -> None:
    assert map_label(label) == tag


def test_missing_path_names_the_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-model"
    with pytest.raises(ModelError, match="no-such-model"):
        TransformersTagger(missing)


def test_directory_without_a_model(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=re.escape(str(tmp_path))):
        load(tmp_path)
    (tmp_path / "weights.bin").write_bytes(b"not a model")
    with pytest.raises(ModelError, match=r"weights\.bin"):
        load(tmp_path / "weights.bin")


@pytest.mark.parametrize("device", ["nowhere", "cuda:7"])
def test_unusable_device(build: Builder, device: str) -> None:
    with pytest.raises(ModelError, match="cannot use device"):
        TransformersTagger(build(), device=device)


def test_model_without_entity_labels(build: Builder) -> None:
    with pytest.raises(ModelError, match="LABEL_0"):
        load(build(labels=["LABEL_0", "LABEL_1"]))


def test_missing_transformers_names_the_extra(
    build: Builder, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build()
    monkeypatch.setitem(sys.modules, "transformers", None)
    with pytest.raises(MissingDependency, match=r"marsad\[transformers\] to use --ner-model"):
        load(path)
