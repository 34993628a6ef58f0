"""Pipeline steps: each maps an iterator of Articles to an iterator of Articles."""
