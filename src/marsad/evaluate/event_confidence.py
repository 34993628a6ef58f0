"""Train the event confidence model from marsad's own reviews of the events it coded.

The reviews (``eval/event_reviews.tsv``, written for marsad) name each judged event by its
SaudiNewsNet record (``DAY.zip!DAY.json[INDEX]``), the character span of its trigger, its
CAMEO code and its two actor codes, and give the reviewer's verdict: OK (family, direction,
parties and codes right), PARTIAL (right but for a role, a sub-code or a date) or WRONG. They
hold no article text: training re-reads each record from ``../shared``, codes it with the
current coder, and keeps the reviewed events the coder still produces (an event the coder no
longer finds, or now codes differently, has no verdict). The model learns P(OK).

Honest figures come from 5-fold cross-validation grouped by article, so no article's events
are on both sides; the shipped weights are then fitted on every matched event. numpy is
needed here only.
"""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import re
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from marsad.errors import DataError, ModelError, SourceError
from marsad.events.confidence import FORMAT, MODEL_FILE, ConfidenceModel, features
from marsad.events.logistic import Design, balanced_folds, fit_logistic, numpy_or_raise
from marsad.model import Article

REVIEWS_FILE = Path(__file__).resolve().parents[3] / "eval" / "event_reviews.tsv"
NEWS_DIR = ("data", "news", "saudinewsnet")
VERDICTS = ("OK", "PARTIAL", "WRONG")
COLUMNS = (
    "seed",
    "commit",
    "record",
    "published",
    "start",
    "end",
    "cameo",
    "source_code",
    "target_code",
    "verdict",
    "classes",
)
_RECORD = re.compile(r"^(?P<zip>[^!]+\.zip)!(?P<member>[^\[]+)\[(?P<index>\d+)\]$")
FOLDS = 5
MIN_EVENTS = 200  # fewer matched reviews than this cannot support the model
# What the grouped CV over GRID chose for the shipped model (lowest out-of-fold log loss; the
# model's meta records it); the eval gate re-checks the CV with it.
CONFIG: dict[str, Any] = {"l2": 3.0, "min_df": 2}
GRID = [{"l2": l2, "min_df": m} for l2 in (1.0, 3.0, 10.0, 30.0) for m in (2, 3, 5)]
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


@dataclass(slots=True, frozen=True)
class Review:
    """One judged event, keyed so the current coder's event can be found again."""

    seed: int
    commit: str
    record: str
    published: str
    start: int
    end: int
    cameo: str
    source_code: str
    target_code: str
    verdict: str
    classes: str

    @property
    def key(self) -> tuple[int, int, str, str, str]:
        return (self.start, self.end, self.cameo, self.source_code, self.target_code)


def read_reviews(path: Path = REVIEWS_FILE) -> list[Review]:
    """The review rows; a malformed row is an error naming the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read the event reviews ({exc})") from exc
    body = [ln for ln in lines if ln and not ln.startswith("#")]
    if not body or tuple(body[0].split("\t")) != COLUMNS:
        raise DataError(f"{path}: the header must be {' '.join(COLUMNS)} (tab-separated)")
    out: list[Review] = []
    for n, row in enumerate(csv.reader(body[1:], delimiter="\t"), start=2):
        if len(row) != len(COLUMNS):
            raise DataError(f"{path}:{n}: expected {len(COLUMNS)} fields, got {len(row)}")
        rec = dict(zip(COLUMNS, row, strict=True))
        if rec["verdict"] not in VERDICTS or not _RECORD.match(rec["record"]):
            raise DataError(f"{path}:{n}: bad verdict or record name")
        try:
            out.append(
                Review(
                    seed=int(rec["seed"]),
                    commit=rec["commit"],
                    record=rec["record"],
                    published=rec["published"],
                    start=int(rec["start"]),
                    end=int(rec["end"]),
                    cameo=rec["cameo"],
                    source_code=rec["source_code"],
                    target_code=rec["target_code"],
                    verdict=rec["verdict"],
                    classes=rec["classes"],
                )
            )
        except ValueError as exc:
            raise DataError(f"{path}:{n}: {exc}") from exc
    return out


def read_records(folder: Path, names: set[str]) -> dict[str, dict[str, Any]]:
    """The named SaudiNewsNet records (``DAY.zip!DAY.json[INDEX]``) from the per-day zips."""
    wanted: dict[str, dict[str, set[int]]] = {}
    for name in names:
        m = _RECORD.match(name)
        if m is None:
            raise DataError(f"bad SaudiNewsNet record name {name!r}")
        wanted.setdefault(m["zip"], {}).setdefault(m["member"], set()).add(int(m["index"]))
    found: dict[str, dict[str, Any]] = {}
    for zname, members in sorted(wanted.items()):
        zpath = folder / zname
        try:
            with zipfile.ZipFile(zpath) as zf:
                for member, indices in members.items():
                    records = json.loads(zf.read(member).decode("utf-8"))
                    for i in indices:
                        found[f"{zname}!{member}[{i}]"] = records[i]
        except (OSError, KeyError, IndexError, zipfile.BadZipFile, json.JSONDecodeError) as exc:
            raise SourceError(str(zpath), f"cannot read reviewed records ({exc})") from exc
    return found


def review_text(record: dict[str, Any]) -> tuple[str, date | None]:
    """An article as the reviews read it: headline line, body, and the crawl day."""
    day = str(record.get("date_extracted") or "")[:10]
    try:
        published = date.fromisoformat(day)
    except ValueError:
        published = None
    return (record.get("title") or "") + "\n" + (record.get("content") or ""), published


def _analyse_unrated(texts: Sequence[tuple[str, date | None]]) -> Iterator[Article | None]:
    """The articles coded by the current pipeline (built once), events keeping their rule-based
    confidence; None for one the pipeline now skips (its reviews then count as unmatched)."""
    from marsad.pipeline import Pipeline, RunContext, Settings, default_steps
    from marsad.readers.base import Document, split_headline
    from marsad.steps.dedup import DropSeen

    # each article alone, as reviewed: two records with the same text are both coded
    pipe = Pipeline([s for s in default_steps(rated=False) if not isinstance(s, DropSeen)])
    settings = Settings.default()
    for text, published in texts:
        title, body = split_headline(text)
        ctx = RunContext(settings=settings, published=published)
        out = list(pipe.run([Document(path="<review>", text=body, title=title)], ctx))
        yield out[0] if out else None


@dataclass(slots=True)
class Examples:
    feats: list[list[str]]
    label: list[int]
    group: list[str]
    prior: list[float]  # the rule-based confidence, the baseline to beat
    matched: int
    reviewed: int


def examples(shared: Path, reviews: Sequence[Review], min_events: int = MIN_EVENTS) -> Examples:
    """Features and verdicts of the reviewed events the current coder still produces."""
    by_record: dict[str, dict[tuple[int, int, str, str, str], Review]] = {}
    for r in reviews:  # an event judged in two samples keeps its later verdict
        by_record.setdefault(r.record, {})[r.key] = r
    records = read_records(Path(shared).joinpath(*NEWS_DIR), set(by_record))
    # reviewed: events, not verdicts (one judged in two samples counts once)
    out = Examples([], [], [], [], 0, sum(len(judged) for judged in by_record.values()))
    names = sorted(by_record)
    articles = _analyse_unrated([review_text(records[name]) for name in names])
    for name, article in zip(names, articles, strict=True):
        if article is None:
            continue
        judged = by_record[name]
        for ev in article.events:
            key = (
                ev.start,
                ev.end,
                ev.cameo,
                (ev.source or {}).get("code") or "",
                (ev.target or {}).get("code") or "",
            )
            review = judged.get(key)
            if review is None or ev.modality != "asserted":
                continue
            out.feats.append(features(ev, article))
            out.label.append(1 if review.verdict == "OK" else 0)
            out.group.append(name)
            out.prior.append(ev.confidence)
            out.matched += 1
    if out.matched < min_events or len(set(out.label)) < 2:
        raise ModelError(
            f"only {out.matched} reviewed events matched the current coder"
            f" ({sum(out.label)} right); {min_events} of both kinds are needed"
        )
    return out


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """Area under the ROC curve (ties count half)."""
    np = numpy_or_raise("train_confidence")
    s, y = np.asarray(scores, dtype=float), np.asarray(labels)
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def _fit(data: Examples, rows: Sequence[int], cfg: dict[str, Any]) -> tuple[Design, Any, float]:
    np = numpy_or_raise("train_confidence")
    design = Design(data.feats, rows, int(cfg["min_df"]))
    r, c, n = design.matrix(data.feats, rows)
    y = np.asarray([data.label[i] for i in rows], dtype=float)
    w, b = fit_logistic(r, c, n, len(design.vocab), y, np.ones(n), float(cfg["l2"]))
    return design, w, b


def out_of_fold(data: Examples, cfg: dict[str, Any], seed: int, k: int = FOLDS) -> Any:
    """Each event's probability from a model that never saw its article."""
    np = numpy_or_raise("train_confidence")
    folds = balanced_folds(data.group, [bool(y) for y in data.label], k, seed)
    probs = np.zeros(len(data.label))
    for f in range(k):
        train = [i for i, g in enumerate(folds) if g != f]
        test = [i for i, g in enumerate(folds) if g == f]
        design, w, b = _fit(data, train, cfg)
        r, c, n = design.matrix(data.feats, test)
        z = np.bincount(r, weights=w[c], minlength=n) + b
        probs[test] = 1.0 / (1.0 + np.exp(-z))
    return probs


def drift(data: Examples, model: ConfidenceModel, cfg: dict[str, Any]) -> float:
    """Mean absolute difference between ``model``'s probabilities and those of a model refitted
    with ``cfg`` on ``data``: how stale the shipped weights are for the current coder, whatever
    the mix of easy and hard events the coder now produces."""
    np = numpy_or_raise("train_confidence")
    design, w, b = _fit(data, list(range(len(data.label))), cfg)
    r, c, n = design.matrix(data.feats, range(len(data.label)))
    fresh = 1.0 / (1.0 + np.exp(-(np.bincount(r, weights=w[c], minlength=n) + b)))
    shipped = np.asarray([model.probability(f) for f in data.feats])
    return float(np.mean(np.abs(shipped - fresh)))


def scores(probs: Sequence[float], labels: Sequence[int]) -> dict[str, Any]:
    """Log loss, Brier score, AUC, and precision of the events kept above each cut."""
    np = numpy_or_raise("train_confidence")
    p = np.clip(np.asarray(probs, dtype=float), 1e-6, 1 - 1e-6)
    y = np.asarray(labels, dtype=float)
    kept = {}
    for cut in (0.3, 0.5, 0.7):
        sel = p >= cut
        kept[f">={cut}"] = {
            "events": int(sel.sum()),
            "share": round(float(sel.mean()), 3),
            "precision": round(float(y[sel].mean()), 3) if sel.any() else None,
        }
    return {
        "log_loss": round(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))), 4),
        "brier": round(float(np.mean((p - y) ** 2)), 4),
        "auc": round(auc(p, labels), 4),
        "kept": kept,
    }


def calibration(probs: Sequence[float], labels: Sequence[int]) -> list[dict[str, Any]]:
    """Out-of-fold probabilities in bins against the share of those events judged right."""
    rows = []
    for lo, hi in itertools.pairwise(BINS):
        sel = [y for p, y in zip(probs, labels, strict=True) if lo <= p < hi or (hi == 1.0 == p)]
        rows.append(
            {
                "bin": f"{lo:.1f}-{hi:.1f}",
                "events": len(sel),
                "right": round(sum(sel) / len(sel), 3) if sel else None,
            }
        )
    return rows


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def train_confidence(
    shared: Path,
    out: Path = MODEL_FILE,
    reviews_path: Path = REVIEWS_FILE,
    seed: int = 7,
    grid: Sequence[dict[str, Any]] | None = None,
    min_events: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Fit the model on the reviews, write it to ``out``, and return the CV report.

    ``grid`` (default ``GRID``) is searched by out-of-fold log loss; fewer than ``min_events``
    (default ``MIN_EVENTS``) matched reviews is an error."""
    reviews = read_reviews(reviews_path)
    data = examples(shared, reviews, MIN_EVENTS if min_events is None else min_events)
    say = progress or (lambda _msg: None)
    say(f"{data.matched} of {data.reviewed} reviewed events matched the current coder")
    trials = []
    for cfg in GRID if grid is None else grid:
        probs = out_of_fold(data, cfg, seed)
        trials.append((scores(probs, data.label)["log_loss"], cfg, probs))
        say(f"{cfg}: log loss {trials[-1][0]}")
    _loss, cfg, probs = min(trials, key=lambda t: t[0])
    design, w, b = _fit(data, list(range(len(data.label))), cfg)
    weights = {f: float(x) for f, x in zip(design.vocab, w, strict=True) if abs(x) >= 1e-3}
    report = {
        "events": data.matched,
        "reviewed": data.reviewed,
        "right": sum(data.label),
        "articles": len(set(data.group)),
        "seeds": sorted({r.seed for r in reviews}),
        "config": cfg,
        "folds": FOLDS,
        "cv_seed": seed,
        "cv": scores(probs, data.label),
        "rule_based": scores(data.prior, data.label),
        "calibration": calibration(list(probs), data.label),
    }
    model = ConfidenceModel(
        weights,
        b,
        {
            "format": FORMAT,
            "trained_on": (
                "marsad's reviews of events it coded in SaudiNewsNet articles "
                "(CC BY-NC-SA 4.0 text; verdicts written for marsad): P(verdict OK)"
            ),
            "reviews_sha256_16": _sha(reviews_path),
            **report,
        },
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(model.to_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return report
