"""Filters on stored events that analytics and exports share."""

from __future__ import annotations

from marsad.errors import ConfigError

# An event record ``r`` with at least one mention whose confidence reaches the one parameter
SURE_RECORD = "r.id IN (SELECT record_id FROM events WHERE confidence >= ?)"
# A mention ``e`` that is itself that sure
SURE_MENTION = "e.confidence >= ?"


def check_threshold(value: float, name: str = "min_confidence") -> float:
    """A confidence threshold from a caller: a number from 0 to 1, else ConfigError."""
    if not 0.0 <= value <= 1.0:
        raise ConfigError(f"{name} must be between 0 and 1, got {value}")
    return value
