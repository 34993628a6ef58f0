"""PLOVER sentence detection on sentences written for these tests (none comes from the GSR)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import ModelError
from marsad.events.detect import DEFAULT_MODEL, PloverDetector, features


@pytest.fixture(scope="module")
def detector() -> PloverDetector:
    return PloverDetector.load()


def test_a_reported_airstrike_on_civilians_is_assault(detector: PloverDetector) -> None:
    s = "قصفت الطائرات الحربية حيا سكنيا في المدينة أمس وقتلت عشرة مدنيين"
    assert detector.predict(s) == {"ASSAULT"}


def test_a_reported_demonstration_is_protest(detector: PloverDetector) -> None:
    s = "وتظاهر آلاف الطلاب أمس أمام مبنى البرلمان في العاصمة مرددين هتافات تطالب باستقالة الحكومة"
    assert detector.predict(s) == {"PROTEST"}


@pytest.mark.parametrize(
    "sentence",
    [
        "لم يقتل أحد في الحادث ولم تسجل أي إصابات",  # negated
        "وهدد زعيم الجماعة بأنه سيشن هجمات جديدة على المدينة إذا لم تنسحب القوات منها",  # threat
        "ويرى محللون أن موجة الاحتجاجات التي شهدتها البلاد في السنوات الأخيرة غيرت المشهد السياسي",
        "وتعتزم النقابات تنظيم مظاهرة الأسبوع المقبل للمطالبة برفع الأجور",  # planned, not held
    ],
)
def test_no_event_when_nothing_happened(detector: PloverDetector, sentence: str) -> None:
    assert detector.predict(sentence) == set()


def test_scores_are_probabilities_for_both_classes(detector: PloverDetector) -> None:
    scores = detector.scores("واحتشد مئات المتظاهرين صباح اليوم في الساحة الرئيسية للمدينة")
    assert set(scores) == {"ASSAULT", "PROTEST"}
    assert all(0.0 <= v <= 1.0 for v in scores.values())
    assert scores["PROTEST"] > scores["ASSAULT"]


def test_explain_names_weighted_features(detector: PloverDetector) -> None:
    s = "قصفت الطائرات الحربية حيا سكنيا في المدينة أمس وقتلت عشرة مدنيين"
    reasons = detector.explain(s, "ASSAULT", top=5)
    assert 0 < len(reasons) <= 5
    assert all(isinstance(f, str) and isinstance(w, float) for f, w in reasons)
    assert any(f.startswith("trig:ASSAULT") for f, _ in reasons)
    assert [abs(w) for _, w in reasons] == sorted((abs(w) for _, w in reasons), reverse=True)
    with pytest.raises(ModelError):
        detector.explain(s, "FIGHT")


def test_trigger_features_carry_modality() -> None:
    assert "trig:ASSAULT:negated" in features("لم يقتل أحد في الحادث")
    assert "trig:ASSAULT:asserted" in features("قتل مسلحون ثلاثة أشخاص في هجوم على قرية")


def test_shipped_model_is_small_json_and_round_trips(detector: PloverDetector) -> None:
    assert DEFAULT_MODEL.stat().st_size < 5_000_000
    again = PloverDetector.from_dict(json.loads(json.dumps(detector.to_dict())))
    s = "وتظاهر آلاف الطلاب أمس أمام مبنى البرلمان"
    assert again.scores(s) == detector.scores(s)


def test_bad_model_paths_raise_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError):
        PloverDetector.load(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ModelError):
        PloverDetector.load(bad)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something-else"}), encoding="utf-8")
    with pytest.raises(ModelError):
        PloverDetector.load(other)


HEADER = ",accept,event_type,id,label,reject,text,total\n"
PLACES = ["القرية", "المدينة", "البلدة", "الحي", "المخيم", "السوق", "الميناء", "المطار"]


def _gsr(event: str, n: int) -> str:
    """A small GSR-format file of template sentences: yes, easy no, difficult no, ambiguous."""
    act = {"ASSAULT": "هاجم مسلحون", "PROTEST": "تظاهر مئات من السكان في"}[event]
    lines = []
    for i in range(n):
        place = PLACES[i % len(PLACES)]
        kind = i % 4
        text, label, acc, rej = {
            0: (f"{act} {place} أمس", "yes", 3, 0),
            1: (f"وقال المسؤول إن الوضع في {place} هادئ", "easy no", 0, 3),
            2: (f"ويرى محللون أن ما جرى في {place} قبل سنوات لن يتكرر", "difficult no", 1, 2),
            3: (f"وتحدثت أنباء غير مؤكدة عن توتر في {place}", "ambiguous", 1, 1),
        }[kind]
        lines.append(f"{i},{acc},{event},DOC{i // 2}-{i},{label},{rej},{text} {i},{acc + rej}\n")
    return HEADER + "".join(lines)


@pytest.fixture
def tiny_shared(tmp_path: Path) -> Path:
    gsr = tmp_path / "data" / "events" / "arabic_event_gsr"
    gsr.mkdir(parents=True)
    (gsr / "assault_gsr.csv").write_text(_gsr("ASSAULT", 40), encoding="utf-8")
    (gsr / "protest_gsr.csv").write_text(_gsr("PROTEST", 40), encoding="utf-8")
    return tmp_path


def test_training_is_deterministic_and_reports_cv_and_fit(
    tiny_shared: Path, tmp_path: Path
) -> None:
    from marsad.events.detect_train import train_detector

    report = train_detector(tiny_shared, tmp_path / "a.json", seed=3)
    train_detector(tiny_shared, tmp_path / "b.json", seed=3)
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    for event in ("ASSAULT", "PROTEST"):
        assert set(report["cv"][event]) >= {"precision", "recall", "f1", "tp", "fp", "fn"}
        assert report["rows"][event]["scored"] == 30
    model = PloverDetector.load(tmp_path / "a.json")
    assert "ASSAULT" in model.predict("هاجم مسلحون الميناء أمس")


def test_evaluate_gsr_scores_each_class_and_counts_ambiguous(tiny_shared: Path) -> None:
    from marsad.evaluate.events import evaluate_gsr

    path = tiny_shared / "data" / "events" / "arabic_event_gsr" / "protest_gsr.csv"
    mixed = path.parent / "mixed.csv"
    body = _gsr("PROTEST", 8) + "".join(_gsr("ASSAULT", 8).splitlines(keepends=True)[1:])
    mixed.write_text(body, encoding="utf-8")
    out = evaluate_gsr(mixed, PloverDetector.load())
    assert out["skipped_ambiguous"] == 4 and out["rows"] == 12
    for event in ("ASSAULT", "PROTEST"):
        assert set(out[event]) == {"precision", "recall", "f1", "tp", "fp", "fn", "support"}
        assert out[event]["support"] == 2


def test_triggers_are_paired_with_cues() -> None:
    feats = features("وتظاهر آلاف الطلاب أمس أمام مبنى البرلمان")
    assert "trig:PROTEST&cue:recent" in feats
    assert "trig:PROTEST&cue:crowd" in feats
    assert not any(f.startswith("trig:ASSAULT") for f in feats)
    assert not any("&" in f for f in features("وقال المسؤول إن الوضع في المدينة هادئ أمس"))


def _examples() -> list:
    from marsad.events.detect_train import Example

    rows = []
    for i in range(6):
        rows.append(Example(f"a{i}", "", True, 3, 0))  # unanimous yes
        rows.append(Example(f"b{i}", "", False, 2, 2))  # difficult no, half accepted
        rows.append(Example(f"c{i}", "", False, 0, 3))  # easy no
        rows.append(Example(f"d{i}", "", None, 2, 1))  # ambiguous
    return rows


def test_soft_labels_train_on_the_annotator_share() -> None:
    from marsad.events.detect_train import _data, _margins, _train_rows

    examples = _examples()
    feats = [[f"kind:{e.doc[0]}"] for e in examples]
    cfg = {"l2": 0.1, "min_df": 1, "pos_weight": 1.0, "soft": True, "ambiguous": 1.0}
    data = _data(feats, examples, cfg)
    assert [round(float(t), 3) for t in data.target[:4]] == [1.0, 0.5, 0.0, 0.667]
    assert list(data.scored[:4]) == [True, True, True, False]  # ambiguous rows train only
    design, w, b = _train_rows(data, range(len(examples)), cfg)
    m = _margins(design, w, b, feats, range(4))
    assert m[0] > m[3] > m[1] > m[2]  # ordered as the shares: 1, 2/3, 1/2, 0
    assert abs(m[1]) < 0.5  # half the annotators accepted: a probability near one half
    hard = _data(feats, examples, {**cfg, "soft": False})
    assert [float(t) for t in hard.target[:4]] == [1.0, 0.0, 0.0, 1.0]
    design, w, b = _train_rows(hard, range(len(examples)), {**cfg, "soft": False})
    m_hard = _margins(design, w, b, feats, range(4))
    assert m_hard[1] < m[1]  # a hard target pushes the half-accepted rows down with the rest


def test_one_annotator_reference() -> None:
    from marsad.events.detect_train import annotator_f1

    out = annotator_f1(_examples())
    # 6 yes; 6 difficult no each accepted by a random annotator with probability 1/2
    assert out == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}


def test_evaluating_the_training_file_points_to_cv_and_the_human_reference(
    tiny_shared: Path, tmp_path: Path
) -> None:
    from marsad.evaluate.events import evaluate_gsr
    from marsad.events.detect_train import train_detector

    report = train_detector(tiny_shared, tmp_path / "m.json", seed=3)
    path = tiny_shared / "data" / "events" / "arabic_event_gsr" / "assault_gsr.csv"
    out = evaluate_gsr(path, PloverDetector.load(tmp_path / "m.json"))
    assert out["trained_on_this_file"]
    assert out["cross_validated"] == {"ASSAULT": report["cv"]["ASSAULT"]}
    assert out["one_annotator"] == {"ASSAULT": report["annotator"]["ASSAULT"]}
    assert report["annotator"]["ASSAULT"]["recall"] == 1.0
