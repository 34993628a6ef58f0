"""Named queries over a store: dyad series and trends, event and entity lookups, article views.

Analytics count event records (``event_records``: wire copies and repeats merged), with the
mentions behind them alongside, so every figure can be traced to its events and articles.
"""

from marsad.analytics.dyads import PERIODS, cameo_name, dyad_records, dyad_series, period_start
from marsad.analytics.lookup import (
    MAX_LIMIT,
    article_view,
    entity_key,
    entity_view,
    find_entities,
    find_events,
)
from marsad.analytics.trend import CHANGE_RULE, dyad_trend, t_quantile_975

__all__ = [
    "CHANGE_RULE",
    "MAX_LIMIT",
    "PERIODS",
    "article_view",
    "cameo_name",
    "dyad_records",
    "dyad_series",
    "dyad_trend",
    "entity_key",
    "entity_view",
    "find_entities",
    "find_events",
    "period_start",
    "t_quantile_975",
]
