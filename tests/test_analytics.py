"""Analytics: dyad series per period (records, not copies), trends with intervals, lookups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from marsad import analytics, pipeline
from marsad.errors import ConfigError, DataError
from marsad.store import Store

from .conftest import EXAMPLES


def examples_store(path: Path) -> Path:
    """The bundled examples ingested into a fresh store (ingest merges the event records)."""
    pipeline.ingest([str(EXAMPLES)], str(path))
    return path


@pytest.fixture(scope="module")
def examples(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return examples_store(tmp_path_factory.mktemp("analytics") / "examples.duckdb")


def _record(
    store: Store, rid: int, day: str, src: str, tgt: str, cameo: str, g: float, q: int, n: int
) -> None:
    store.con.execute(
        "INSERT INTO event_records (id, day, last_day, source_code, target_code, cameo, root_code,"
        " base_code, goldstein, quad_class, num_mentions, num_articles, num_sources, num_stories)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1, 1)",
        [rid, day, day, src, tgt, cameo, cameo[:2], cameo[:3], g, q, n],
    )


@pytest.fixture
def usa_rus(db_path: Path) -> Store:
    """Records between the US and Russia over four weeks (one empty), plus records of others."""
    s = Store(db_path)
    _record(s, 1, "2024-03-04", "USAGOV", "RUSGOV", "111", -2.0, 3, 3)  # Monday
    _record(s, 2, "2024-03-06", "RUS", "USA", "036", 4.0, 1, 1)
    _record(s, 3, "2024-03-13", "USAGOV", "RUS", "163", -8.0, 4, 2)
    _record(s, 4, "2024-03-27", "RUSGOV", "USAGOV", "040", 1.0, 1, 1)
    _record(s, 5, "2024-03-05", "USA", "CHN", "040", 1.0, 1, 1)  # another dyad
    _record(s, 6, "2024-03-05", "GBR", "RUS", "111", -2.0, 3, 1)  # another dyad
    return s


def test_dyad_series_by_week_counts_records_both_ways(usa_rus: Store) -> None:
    s = analytics.dyad_series(usa_rus, "usa", "RUS", by="week")
    assert (s["a"], s["b"], s["by"]) == ("USA", "RUS", "week")
    assert [p["period"] for p in s["periods"]] == [
        "2024-03-04",
        "2024-03-11",
        "2024-03-18",
        "2024-03-25",
    ]
    w1, w2, w3, w4 = s["periods"]
    assert (w1["records"], w1["mentions"]) == (2, 4)
    assert w1["quad_counts"] == {"1": 1, "2": 0, "3": 1, "4": 0}
    assert (w1["goldstein_total"], w1["goldstein_mean"]) == (2.0, 1.0)
    assert (w1["a_to_b"]["records"], w1["a_to_b"]["goldstein_mean"]) == (1, -2.0)
    assert (w1["b_to_a"]["records"], w1["b_to_a"]["goldstein_mean"]) == (1, 4.0)
    assert w1["record_ids"] == [1, 2]
    assert w1["top_codes"] == [
        {"cameo": "036", "name": "intent to meet or negotiate", "count": 1},
        {"cameo": "111", "name": "criticise or denounce", "count": 1},
    ]
    assert (w2["records"], w2["goldstein_mean"], w2["quad_counts"]["4"]) == (1, -8.0, 1)
    assert (w3["records"], w3["goldstein_mean"], w3["record_ids"]) == (0, None, [])
    assert (w4["records"], w4["b_to_a"]["records"], w4["a_to_b"]["records"]) == (1, 1, 0)
    # Means 1, -8 and 1 at weeks 0, 1 and 3: slope 3 / (42 / 9) = 0.6429 per week.
    t = s["trend"]
    assert (t["n"], t["slope"], t["direction"]) == (3, 0.6429, "unclear")
    assert t["interval"][0] < 0 < t["interval"][1]


def test_dyad_series_by_month_and_full_codes(usa_rus: Store) -> None:
    [month] = analytics.dyad_series(usa_rus, "USA", "RUS", by="month")["periods"]
    assert (month["period"], month["records"], month["mentions"]) == ("2024-03-01", 4, 7)
    assert month["goldstein_total"] == -5.0
    # A full code matches exactly: USAGOV leaves out the bare-country record 2 (RUS → USA).
    [gov] = analytics.dyad_series(usa_rus, "USAGOV", "RUS", by="month")["periods"]
    assert gov["record_ids"] == [1, 3, 4]


def test_dyad_series_date_range(usa_rus: Store) -> None:
    s = analytics.dyad_series(
        usa_rus, "USA", "RUS", by="week", start=date(2024, 3, 10), end=date(2024, 4, 7)
    )
    assert [p["period"] for p in s["periods"]] == [
        "2024-03-04",
        "2024-03-11",
        "2024-03-18",
        "2024-03-25",
        "2024-04-01",
    ]
    assert [p["records"] for p in s["periods"]] == [0, 1, 0, 1, 0]
    assert analytics.dyad_series(usa_rus, "USA", "IRN")["periods"] == []


def _mention(store: Store, rid: int, idx: int, confidence: float) -> None:
    store.con.execute(
        "INSERT INTO events (article_id, idx, cameo, confidence, record_id) VALUES ('a', ?, '111',"
        " ?, ?)",
        [idx, confidence, rid],
    )


def test_dyad_series_min_confidence_keeps_records_with_a_sure_mention(usa_rus: Store) -> None:
    _mention(usa_rus, 1, 0, 0.2)
    _mention(usa_rus, 1, 1, 0.65)  # one sure mention is enough
    _mention(usa_rus, 2, 2, 0.3)
    _mention(usa_rus, 3, 3, 0.5)  # the bound is inclusive
    # record 4 has no mention rows: it cannot pass any threshold above 0
    s = analytics.dyad_series(usa_rus, "USA", "RUS", by="month", min_confidence=0.5)
    assert s["min_confidence"] == 0.5
    assert s["periods"][0]["record_ids"] == [1, 3]
    s = analytics.dyad_series(usa_rus, "USA", "RUS", by="month", min_confidence=0.6)
    assert s["periods"][0]["record_ids"] == [1]
    every = analytics.dyad_series(usa_rus, "USA", "RUS", by="month")
    assert (every["min_confidence"], every["periods"][0]["record_ids"]) == (0.0, [1, 2, 3, 4])
    with pytest.raises(ConfigError, match=r"min_confidence must be between 0 and 1, got 1\.5"):
        analytics.dyad_series(usa_rus, "USA", "RUS", min_confidence=1.5)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"by": "fortnight"}, "by must be one of"),
        ({"a": "U S"}, "is not a CAMEO actor code"),
        ({"a": "US"}, "is not a CAMEO actor code"),
    ],
)
def test_dyad_series_rejects_bad_arguments(
    usa_rus: Store, kwargs: dict[str, str], message: str
) -> None:
    args = {"a": "USA", "b": "RUS", "by": "week", **kwargs}
    with pytest.raises(ConfigError, match=message):
        analytics.dyad_series(usa_rus, args["a"], args["b"], by=args["by"])


def _periods(means: list[float | None]) -> list[dict[str, object]]:
    return [{"period": f"p{i}", "goldstein_mean": m} for i, m in enumerate(means)]


def test_trend_rising_with_a_change_point() -> None:
    t = analytics.dyad_trend(_periods([-3, -3, -3, 2, 2, 2]), by="week", label="USA–RUS")
    # OLS by hand: slope 22.5 / 17.5, SSE 60/7, se 0.34993, t(4) = 2.776.
    assert t["slope"] == 1.2857
    assert t["interval"] == [0.3143, 2.2571]
    assert t["direction"] == "rising"
    assert t["change_point"] == {
        "index": 3,
        "period": "p3",
        "before": -3.0,
        "after": 2.0,
        "effect": 10.0,  # 5 points over the 0.5 sd floor
    }
    en, ar = t["statement"]["en"], t["statement"]["ar"]
    assert en.startswith("USA–RUS: mean Goldstein changes by +1.29 per week")
    assert "95% interval +0.31 to +2.26" in en
    assert "from the week of p3: mean -3.00 before, +2.00 from then on" in en
    assert "لكل أسبوع" in ar and "+0.31" in ar and "+2.26" in ar


def test_trend_flat_noise_has_no_change_point() -> None:
    t = analytics.dyad_trend(_periods([1, -1, 1, -1, 1]))
    assert t["slope"] == 0.0
    assert t["interval"][0] == -t["interval"][1] < 0
    assert (t["direction"], t["change_point"]) == ("unclear", None)
    assert "includes zero" in t["statement"]["en"]


def test_trend_keeps_empty_periods_in_place() -> None:
    t = analytics.dyad_trend(_periods([0, None, 2, None, 4]))
    assert (t["n"], t["slope"], t["interval"]) == (3, 1.0, [1.0, 1.0])


def test_trend_needs_three_periods() -> None:
    t = analytics.dyad_trend(_periods([1, None, 2]), by="month")
    assert (t["n"], t["slope"], t["direction"]) == (2, None, "too few periods")
    assert "too few periods with events (2; at least 3" in t["statement"]["en"]
    assert "لكل شهر" in t["statement"]["ar"]


def test_t_quantiles() -> None:
    assert analytics.t_quantile_975(1) == 12.706
    assert analytics.t_quantile_975(30) == 2.042
    assert analytics.t_quantile_975(40) == pytest.approx(2.021, abs=1e-3)
    assert analytics.t_quantile_975(120) == pytest.approx(1.980, abs=1e-3)


def test_examples_dyad_is_traceable(examples: Path) -> None:
    with Store(examples) as store:
        s = analytics.dyad_series(store, "EGY", "JOR", by="day")
        # The call «أمس الثلاثاء» is dated the day before publication; the agreement (both
        # ways) and Safadi's praise are of the publication day.
        assert [(d["period"], d["records"], d["goldstein_total"]) for d in s["periods"]] == [
            ("2022-08-30", 1, 1.0),
            ("2022-08-31", 3, 11.4),
        ]
        # Each record id leads to its mentions, their sentences and their article.
        for day in s["periods"]:
            for rid in day["record_ids"]:
                [m] = analytics.find_events(store, record_id=rid)["events"]
                assert {m["source_code"][:3], m["target_code"][:3]} == {"EGY", "JOR"}
                assert m["title"].startswith("شكري والصفدي")
                assert m["sentence_text"]


def test_find_events_filters(examples: Path) -> None:
    with Store(examples) as store:
        assert analytics.find_events(store)["total"] == 33
        assert analytics.find_events(store, quad_class=4)["total"] == 6
        assert analytics.find_events(store, code="163")["total"] == 2
        assert analytics.find_events(store, code="04")["total"] == 8
        assert analytics.find_events(store, actor="IGOUNO")["total"] == 2
        assert analytics.find_events(store, actor="IGO")["total"] == 5
        assert analytics.find_events(store, start=date(2023, 1, 1))["total"] == 11
        page = analytics.find_events(store, dyad=("SAU", "IRN"), limit=5)
        # the 2016 break of relations and the 2023 agreement to restore them (036, 054, 030),
        # each way; the page holds the first five by date (the headline's bare «السعودية وإيران
        # تتفقان» folds into the ministers' meeting to come, SAUGOV → IRNGOV on 2023-03-11,
        # listed after the 030s of that day)
        assert page["total"] == 7
        assert sorted(e["cameo"] for e in page["events"]) == ["030", "030", "054", "054", "161"]
        [ev] = [e for e in page["events"] if e["cameo"] == "161"]
        assert (ev["cameo"], ev["name"], ev["trigger"]) == (
            "161",
            "reduce or break diplomatic relations",
            "قطعت",
        )
        assert ev["plover"] == {"event": "SANCTION", "mode": "withdraw", "context": "diplomatic"}
        article = analytics.article_view(store, ev["article_id"])
        assert article["text"][ev["start_char"] : ev["end_char"]] == "قطعت"
        assert ev["sentence_text"] in article["text"]
        paged = analytics.find_events(store, limit=10, offset=30)
        assert (paged["total"], len(paged["events"])) == (33, 3)
        with pytest.raises(ConfigError):
            analytics.find_events(store, quad_class=5)
        with pytest.raises(ConfigError):
            analytics.find_events(store, code="4x")
        with pytest.raises(ConfigError):
            analytics.find_events(store, limit=-1)


def test_entities_grouped_and_searched(examples: Path) -> None:
    with Store(examples) as store:
        # Arabic matched on the normalised form: no hamza in the query.
        [un] = analytics.find_entities(store, q="الامم المتحدة")["entities"]
        assert (un["key"], un["code"], un["articles"], un["mentions"]) == (
            "united_nations",
            "IGOUNO",
            2,
            3,
        )
        [safadi] = analytics.find_entities(store, q="safadi")["entities"]
        assert (safadi["name"], safadi["code"]) == ("أيمن الصفدي", "JORGOV")
        top = analytics.find_entities(store, limit=1)
        # ex-005: «للشؤون الخارجية» in Borrell's title is no body; ex-006: «التحالف بقيادة
        # السعودية» in a story on Yemen is the Saudi-led coalition; ex-008: «شؤونها الداخلية»
        # are internal affairs, no interior ministry
        assert top["total"] == 72
        assert top["entities"][0]["key"] == "code:IRQ"  # countries group by code across articles
        view = analytics.entity_view(store, "sameh_shoukry")
        assert [(e["cameo"], e["target_code"]) for e in view["events"]["as_source"]] == [
            ("036", "JORGOV"),
        ]
        # «تلقى شكري اتصالاً من نظيره الأردني»: Safadi called; «شكري والصفدي … يتفقان»: the
        # agreement goes both ways.
        assert [(e["cameo"], e["source_code"]) for e in view["events"]["as_target"]] == [
            ("041", "JORGOV"),
            ("036", "JORGOV"),
        ]
        with pytest.raises(DataError, match="no entity"):
            analytics.entity_view(store, "nobody")


def test_article_view_spans_index_text(examples: Path) -> None:
    with Store(examples) as store:
        aid = analytics.find_events(store, dyad=("EGY", "JOR"))["events"][0]["article_id"]
        a = analytics.article_view(store, aid)
        assert a["title"].startswith("شكري والصفدي")
        assert len(a["events"]) == 4
        for e in a["entities"]:
            for m in e["mentions"]:
                assert a["text"][m["start"] : m["end"]] == m["text"]
        for s in a["sentences"]:
            assert a["text"][s["start"] : s["end"]] == s["text"]
        assert a["removed_paragraphs"] == []
        # The example whose body is pasted twice: five repeats removed, each naming its original.
        [ev] = analytics.find_events(store, dyad=("QAT", "SAU"), code="043")["events"]
        repeated = analytics.article_view(store, ev["article_id"])
        assert repeated["source_id"] == "ex-007-repeated-body"
        removed = repeated["removed_paragraphs"]
        assert [(p["reason"], p["repeat_of"]) for p in removed] == [
            ("repeat", i) for i in range(1, 6)
        ]
        with pytest.raises(DataError, match="no article"):
            analytics.article_view(store, "missing")
