"""The example article of ../shared: what its expected analysis lists, end to end.

Mirrors ../shared/tools/check-seed so a regression shows up in CI, not only when someone runs
the tool: cleaning, actors and codes, Navalny's spellings, dates, numbers, and the 13 events
(right family, direction and date; no more than three events beyond them).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from marsad.output import article_dict
from marsad.pipeline import analyze_text

from .conftest import SEED, needs_shared

pytestmark = needs_shared("examples", "000_d6c194c62ad684ec.txt")

# (CAMEO prefixes accepted, source country, target country, date prefix) per expected event.
GOLD: list[tuple[tuple[str, ...], str | None, str | None, str | None]] = [
    (("04",), "RUS", "USA", "2021-02-04"),
    (("051", "05"), "RUS", "USA", "2021-02-04"),
    (("03",), "RUS", "USA", None),
    (("051", "057", "05", "03"), None, None, None),
    (("057", "03", "06"), "USA", "RUS", None),
    (("057",), None, None, "2010-04-08"),
    (("173", "17"), "RUS", "RUS", None),
    (("1053", "0253", "10", "02"), "USA", "RUS", None),
    (("13",), "USA", "RUS", None),
    (("111", "11"), "USA", "RUS", None),
    (("10", "11", "12"), "RUS", "USA", None),
    (("11", "10"), "RUS", "USA", None),
    (("04",), None, None, None),
]


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    text = SEED.read_text(encoding="utf-8")
    return article_dict(analyze_text(text, published=date(2021, 2, 5)))


def _country(side: dict[str, Any]) -> str | None:
    return (side.get("code") or "")[:3] or None


def _fits(g: tuple[tuple[str, ...], str | None, str | None, str | None], e: dict[str, Any]) -> bool:
    prefixes, src, tgt, day = g
    if not e["cameo"].startswith(prefixes):
        return False
    s, t = _country(e["source"]), _country(e["target"])
    if src and tgt and src != tgt and (s, t) != (src, tgt):
        return False
    if src and tgt and src == tgt and s != src:
        return False
    if not (src and tgt) and not {s, t} & {"USA", "RUS"}:
        return False
    return not day or (e["date"] or "").startswith(day)


def _match(events: list[dict[str, Any]]) -> dict[int, int]:
    owner: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for ei, e in enumerate(events):
            if ei in seen or not _fits(GOLD[gi], e):
                continue
            seen.add(ei)
            if ei not in owner or augment(owner[ei], seen):
                owner[ei] = gi
                return True
        return False

    for gi in range(len(GOLD)):
        augment(gi, set())
    return owner


def test_cleaning(seed: dict[str, Any]) -> None:
    assert (seed["paragraphs_kept"], seed["paragraphs_removed"]) == (15, 13)


@pytest.mark.parametrize(
    ("key", "code"),
    [
        ("لافروف", "RUSGOV"),
        ("بلينكن", "USAGOV"),
        ("بايدن", "USAGOV"),
        ("بوتين", "RUSGOV"),
        ("نافالني", "RUSOPP"),
        ("أوباما", "USA"),
        ("ترامب", "USA"),
        ("مدفيديف", "RUSGOV"),
    ],
)
def test_actor_codes(seed: dict[str, Any], key: str, code: str) -> None:
    hits = [
        e
        for e in seed["entities"]
        if key in e["name"] or any(key in m["text"] for m in e["mentions"])
    ]
    assert len(hits) == 1
    assert hits[0]["code"] == code


def test_navalny_spellings_are_one_entity(seed: dict[str, Any]) -> None:
    hits = [e for e in seed["entities"] if any(k in str(e) for k in ("نافالني", "نافانلي"))]
    assert len(hits) == 1
    forms = {m["text"] for m in hits[0]["mentions"]}
    assert any("نافانلي" in f for f in forms) and any("نافالني" in f for f in forms)


def test_prague_is_a_place(seed: dict[str, Any]) -> None:
    assert any(p["name_en"] == "Prague" and p["country"] == "CZE" for p in seed["places"])


def test_dates_and_numbers(seed: dict[str, Any]) -> None:
    values = {d["value"] for d in seed["dates"]}
    assert {"2021-02-04", "2010-04-08", "2026"} <= values
    nums = {(n["value"], n["unit"]) for n in seed["numbers"]}
    assert {(30.0, "percent"), (50.0, "percent"), (5.0, "year"), (2026.0, None)} <= nums


def test_quotes_have_speakers(seed: dict[str, Any]) -> None:
    names = {e["id"]: e["name"] for e in seed["entities"]}
    speakers = [names.get(q["speaker_entity_id"] or "") for q in seed["quotes"]]
    assert "جو بايدن" in speakers and "سيرغي لافروف" in speakers


def test_events(seed: dict[str, Any]) -> None:
    events = seed["events"]
    owner = _match(events)
    matched = set(owner.values())
    missing = [i + 1 for i in range(len(GOLD)) if i not in matched]
    assert len(matched) >= 11, f"expected events missing: {missing}"
    assert len(events) - len(owner) <= 3
    for e in events:
        assert e["modality"] == "asserted"
        assert seed["text"][e["start"] : e["end"]] == e["trigger"]


def test_dyad_summary_states_the_balance(seed: dict[str, Any]) -> None:
    [d] = [d for d in seed["dyads"] if d["pair"] == ["RUS", "USA"]]
    assert d["balance"] == "mixed"
    assert d["cooperative"] >= 5 and d["conflictual"] >= 3
    assert d["cooperative"] + d["conflictual"] == len(d["events"])
    total = sum(seed["events"][i]["goldstein"] for i in d["events"])
    assert d["goldstein_total"] == round(total, 1)
