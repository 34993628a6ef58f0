"""Shared fixtures: where ../shared is (tests needing it skip cleanly), and a fresh store."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))
SEED = SHARED / "examples" / "000_d6c194c62ad684ec.txt"
EXAMPLES = ROOT / "examples" / "articles"


def needs_shared(*parts: str) -> pytest.MarkDecorator:
    """Skip unless the named file or folder under ../shared exists."""
    path = SHARED.joinpath(*parts)
    return pytest.mark.skipif(not path.exists(), reason=f"{path} not available")


def table_rows(db: Path, tables: Iterable[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of each table, ordered, the ingest time left out: for comparing two stores."""
    from marsad.store import Store

    with Store(db, read_only=True) as store:
        out = {}
        for table in tables:
            skip = " EXCLUDE (ingested_at)" if table == "articles" else ""
            out[table] = store.con.execute(f"SELECT *{skip} FROM {table} ORDER BY ALL").fetchall()
    return out


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


# A short article written for these tests: headline, lead, two body paragraphs.
ARTICLE = (
    "وزير الخارجية المصري يبحث مع نظيره الأردني تطورات المنطقة\n"
    "القاهرة - أجرى وزير الخارجية المصري اتصالا هاتفيا مع نظيره الأردني أمس الأربعاء.\n"
    "وقال المتحدث باسم الوزارة إن الوزيرين بحثا سبل التهدئة في المنطقة. واتفقا على مواصلة التنسيق.\n"
    "وأضاف أن الجانبين رحبا بالجهود الدولية الرامية إلى وقف إطلاق النار.\n"
)
