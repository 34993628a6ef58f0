"""Dyad series: event records between two actors per period, both directions together and apart.

Analytics count event records (``event_records``: wire copies and repeats merged), with the
mentions behind them alongside; each period lists its record ids, so every figure can be traced
to its mentions (``find_events(record_id=...)``) and articles.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from marsad.analytics.trend import dyad_trend
from marsad.errors import ConfigError
from marsad.events.tables import cameo_info
from marsad.store import Store
from marsad.store.filters import SURE_RECORD, check_threshold

PERIODS = ("day", "week", "month", "year")
TOP_CODES = 5
MAX_PERIODS = 20_000  # 50 years of days: a bound on what one request may ask the server to build


def check_code(code: str) -> str:
    """An actor code, upper-cased, or ConfigError: codes reach SQL only as parameters anyway."""
    value = code.strip().upper()
    if not (value.isalnum() and value.isascii() and len(value) >= 3):
        raise ConfigError(f"{code!r} is not a CAMEO actor code (e.g. USA or USAGOV)")
    return value


def side_sql(column: str, code: str) -> tuple[str, list[Any]]:
    """SQL matching one actor: a 3-letter code by country prefix, a longer code exactly."""
    if len(code) == 3:
        return f"substr({column}, 1, 3) = ?", [code]
    return f"{column} = ?", [code]


def _check_by(by: str) -> str:
    if by not in PERIODS:
        raise ConfigError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    return by


def period_start(day: date, by: str) -> date:
    """The first day of the period holding ``day`` (weeks start on Monday, as ISO weeks)."""
    if by == "day":
        return day
    if by == "week":
        return day - timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next_period(start: date, by: str) -> date:
    if by == "day":
        return start + timedelta(days=1)
    if by == "week":
        return start + timedelta(days=7)
    if by == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _empty_counts() -> dict[str, Any]:
    return {
        "records": 0,
        "mentions": 0,
        "quad_counts": {"1": 0, "2": 0, "3": 0, "4": 0},
        "goldstein_total": 0.0,
        "goldstein_mean": None,
    }


def _add(counts: dict[str, Any], row: dict[str, Any]) -> None:
    counts["records"] += 1
    counts["mentions"] += int(row["num_mentions"] or 0)
    if row["quad_class"] in (1, 2, 3, 4):
        counts["quad_counts"][str(row["quad_class"])] += 1
    counts["goldstein_total"] += float(row["goldstein"] or 0.0)


def _finish(counts: dict[str, Any]) -> None:
    counts["goldstein_total"] = round(counts["goldstein_total"], 4)
    n = counts["records"]
    counts["goldstein_mean"] = round(counts["goldstein_total"] / n, 4) if n else None


def cameo_name(code: str | None) -> str | None:
    """The CAMEO label of a code, or None for a code no table lists."""
    if not code:
        return None
    try:
        return cameo_info(code).label
    except KeyError:
        return None


def direction_sql(
    a: str, b: str, source: str = "source_code", target: str = "target_code"
) -> tuple[str, list[Any]]:
    """SQL (and its parameters) for events from ``a`` to ``b``, codes matched as in side_sql."""
    s, ps = side_sql(source, a)
    t, pt = side_sql(target, b)
    return f"({s} AND {t})", [*ps, *pt]


def dyad_records(
    store: Store,
    a: str,
    b: str,
    start: date | None = None,
    end: date | None = None,
    min_confidence: float = 0.0,
) -> list[dict[str, Any]]:
    """Event records between two actors, either direction, with flags for each direction.

    With ``min_confidence`` a record counts only when at least one of its mentions has that
    confidence (the event confidence model's probability that the mention is right)."""
    a, b = check_code(a), check_code(b)
    min_confidence = check_threshold(min_confidence)
    ab, ab_params = direction_sql(a, b)
    ba, ba_params = direction_sql(b, a)
    where = [f"({ab} OR {ba})"]
    params: list[Any] = [*ab_params, *ba_params]
    if start:
        where.append("day >= ?")
        params.append(start)
    if end:
        where.append("day <= ?")
        params.append(end)
    if min_confidence > 0:
        where.append(SURE_RECORD)
        params.append(min_confidence)
    sql = (
        f"SELECT id, day, source_code, target_code, cameo, goldstein, quad_class, num_mentions, "
        f"{ab} AS a_to_b, {ba} AS b_to_a "
        f"FROM event_records r WHERE {' AND '.join(where)} ORDER BY day, id"
    )
    return store.query(sql, [*ab_params, *ba_params, *params])


def dyad_series(
    store: Store,
    a: str,
    b: str,
    by: str = "week",
    start: date | None = None,
    end: date | None = None,
    min_confidence: float = 0.0,
) -> dict[str, Any]:
    """Counts per period for a dyad (both directions together and apart) with a trend; only
    records with a mention of at least ``min_confidence`` when it is above 0."""
    by = _check_by(by)
    a, b = check_code(a), check_code(b)
    rows = dyad_records(store, a, b, start, end, min_confidence)
    buckets: dict[date, list[dict[str, Any]]] = {}
    for row in rows:
        buckets.setdefault(period_start(row["day"], by), []).append(row)
    periods: list[dict[str, Any]] = []
    if buckets or (start and end):
        first = period_start(start, by) if start else min(buckets)
        last = period_start(end, by) if end else max(buckets)
        current = first
        while current <= last:
            if len(periods) >= MAX_PERIODS:
                raise ConfigError(f"more than {MAX_PERIODS} periods: use a coarser --by or a range")
            periods.append(_period(current, buckets.get(current, [])))
            current = _next_period(current, by)
    return {
        "a": a,
        "b": b,
        "by": by,
        "start": start.isoformat() if start else None,
        "end": end.isoformat() if end else None,
        "min_confidence": min_confidence,
        "periods": periods,
        "trend": dyad_trend(periods, by=by, label=f"{a}–{b}"),
    }


def _period(start: date, rows: list[dict[str, Any]]) -> dict[str, Any]:
    both, ab, ba = _empty_counts(), _empty_counts(), _empty_counts()
    codes: Counter[str] = Counter()
    weight: dict[str, float] = {}
    for row in rows:
        _add(both, row)
        if row["a_to_b"]:
            _add(ab, row)
        if row["b_to_a"]:
            _add(ba, row)
        codes[row["cameo"]] += 1
        weight[row["cameo"]] = abs(row["goldstein"] or 0.0)
    for counts in (both, ab, ba):
        _finish(counts)
    # Most frequent first; among equals the weightier (|Goldstein|), so sanctions outrank a call.
    top = sorted(codes.items(), key=lambda kv: (-kv[1], -weight[kv[0]], kv[0]))[:TOP_CODES]
    return {
        "period": start.isoformat(),
        **both,
        "a_to_b": ab,
        "b_to_a": ba,
        "top_codes": [{"cameo": c, "name": cameo_name(c), "count": n} for c, n in top],
        "record_ids": [int(row["id"]) for row in rows],
    }
