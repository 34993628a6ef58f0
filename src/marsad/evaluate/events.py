"""Event detection scoring against the Arabic PLOVER gold sets (ASSAULT, PROTEST).

The gold files are CSV with one sentence a row: ``text``, ``event_type`` and a ``label`` of
"yes" (all annotators accept), "easy no" / "difficult no" (reject), or "ambiguous" (skipped).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import SourceError
from marsad.events.detect import PloverDetector
from marsad.events.tables import plover_for
from marsad.events.triggers import TriggerSet
from marsad.text.normalize import normalize_word
from marsad.text.segment import tokenize

POSITIVE = "yes"
NEGATIVE = frozenset({"easy no", "difficult no"})
SKIPPED = "ambiguous"
_REQUIRED = ("text", "label", "event_type")


@dataclass(slots=True, frozen=True)
class GsrRow:
    sentence: str
    label: bool
    event_type: str


def read_gsr(path: str | Path) -> list[GsrRow]:
    """Gold rows of a detection file; "ambiguous" rows are left out."""
    return _read_gsr(Path(path))[0]


def _read_gsr(path: Path) -> tuple[list[GsrRow], int]:
    """Gold rows of a detection file and how many "ambiguous" rows were left out."""
    rows: list[GsrRow] = []
    skipped = 0
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in _REQUIRED if c not in (reader.fieldnames or ())]
            if missing:
                raise SourceError(str(path), f"missing column(s) {', '.join(missing)}")
            for record in reader:
                line = reader.line_num
                label = (record.get("label") or "").strip().lower()
                text = (record.get("text") or "").strip()
                event_type = (record.get("event_type") or "").strip().upper()
                if label == SKIPPED:
                    skipped += 1
                    continue
                if label != POSITIVE and label not in NEGATIVE:
                    raise SourceError(f"{path}:{line}", f"unknown label {label!r}")
                if not text or not event_type:
                    raise SourceError(f"{path}:{line}", "empty text or event_type")
                rows.append(GsrRow(text, label == POSITIVE, event_type))
    except OSError as exc:
        raise SourceError(str(path), exc.strerror or "cannot read") from exc
    except (csv.Error, UnicodeDecodeError) as exc:
        raise SourceError(str(path), f"malformed CSV ({exc})") from exc
    return rows, skipped


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def score_detection(
    rows: Iterable[GsrRow], predict: Callable[[str], set[str]]
) -> dict[str, dict[str, float]]:
    """Precision, recall and F1 per event type; each row is scored for its own type only."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        tp_fp_fn = counts.setdefault(row.event_type, [0, 0, 0])
        predicted = row.event_type in predict(row.sentence)
        if predicted and row.label:
            tp_fp_fn[0] += 1
        elif predicted:
            tp_fp_fn[1] += 1
        elif row.label:
            tp_fp_fn[2] += 1
    return {etype: _prf(*c) for etype, c in sorted(counts.items())}


def detect_plover(sentence: str, triggers: TriggerSet) -> set[str]:
    """PLOVER event types whose triggers occur in a sentence (the trigger-only baseline)."""
    tokens = [normalize_word(sentence[s.start : s.end]) for s in tokenize(sentence)]
    events: set[str] = set()
    for match in triggers.find(tokens):
        info = plover_for(match.cameo)
        if info is not None:
            events.add(info.event)
    return events


def evaluate_gsr(path: str | Path, detector: PloverDetector | None = None) -> dict[str, Any]:
    """Detection P/R/F1 of each event type the file holds (default: the shipped detector).

    Each row is scored for its own ``event_type`` only; "ambiguous" rows are counted, not scored.
    """
    rows, skipped = _read_gsr(Path(path))
    detector = detector or PloverDetector.load()
    out: dict[str, Any] = {}
    for etype, scores in score_detection(rows, detector.predict).items():
        support = sum(1 for r in rows if r.event_type == etype and r.label)
        out[etype] = {**scores, "support": support}
    out["skipped_ambiguous"] = skipped
    out["rows"] = len(rows)
    # Say so when the detector was trained on this very file: then the figures are a fit, and
    # the cross-validated ones stored with the model are the estimate to quote.
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16]
    trained = digest in set((detector.meta.get("sha256_16") or {}).values())
    out["trained_on_this_file"] = trained
    if trained:
        out["cross_validated"] = {
            k: v for k, v in (detector.meta.get("cv") or {}).items() if k in out
        }
        # The human reference beside it: one annotator's vote against the unanimous label.
        human = detector.meta.get("one_annotator_vs_unanimous") or {}
        out["one_annotator"] = {k: v for k, v in human.items() if k in out}
    return out
