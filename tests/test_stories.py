"""Story clusters: near copies of one story, from several outlets or runs, become one story."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.pipeline import ingest
from marsad.store import Store

from .conftest import EXAMPLES

# A short wire story written for this test; each outlet below edits it lightly.
STORY = (
    "الرياض - استقبل وزير الخارجية السعودي الأمير فيصل بن فرحان نظيره الأردني أيمن الصفدي "
    "في الرياض يوم الثلاثاء.\n"
    "وبحث الوزيران خلال اللقاء العلاقات الثنائية بين البلدين الشقيقين وسبل تعزيزها في المجالات "
    "كافة، إضافة إلى آخر التطورات الإقليمية والدولية ذات الاهتمام المشترك.\n"
    "وأكد الجانبان أهمية مواصلة التنسيق والتشاور بين البلدين بما يخدم مصالحهما المشتركة ويعزز "
    "الأمن والاستقرار في المنطقة.\n"
    "وحضر اللقاء عدد من المسؤولين في وزارتي الخارجية في البلدين.\n"
)
TITLE = "مباحثات سعودية أردنية في الرياض حول العلاقات الثنائية"
OUTLETS = {
    "وكالة الأنباء": STORY,
    "صحيفة الصباح": STORY.replace("في المجالات كافة", "في مختلف المجالات"),
    "موقع الخبر": STORY + "ويأتي اللقاء ضمن جولة إقليمية يقوم بها الوزير الأردني.\n",
    "صحيفة المساء": STORY.replace(
        "وحضر اللقاء عدد من المسؤولين في وزارتي الخارجية في البلدين.\n", ""
    ),
    "قناة الأفق": STORY.replace("الرياض - ", "الرياض (الأفق) - ").replace("الشقيقين", ""),
}


def write_copies(folder: Path, outlets: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, outlet in enumerate(outlets):
        record = {
            "id": f"copy-{n}",
            "title": TITLE,
            "text": OUTLETS[outlet],
            "date": "2023-03-14",
            "source": outlet,
        }
        path = folder / f"{list(OUTLETS).index(outlet)}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def stories(db: Path) -> list[dict[str, object]]:
    with Store(db, read_only=True) as store:
        return store.query("SELECT id, story_id, source FROM articles ORDER BY source")


def test_five_outlets_make_one_story_and_one_record_per_event(
    tmp_path: Path, db_path: Path
) -> None:
    write_copies(tmp_path / "in", list(OUTLETS))
    summary = ingest([str(tmp_path / "in")], str(db_path), ner="none").summary()
    assert (summary["read"], summary["stored"], summary["duplicates"]) == (5, 5, 0)
    rows = stories(db_path)
    assert len({r["id"] for r in rows}) == 5
    assert len({r["story_id"] for r in rows}) == 1
    first = next(r for r in rows if r["source"] == "وكالة الأنباء")  # 0.json: read first
    assert rows[0]["story_id"] == first["id"]
    with Store(db_path, read_only=True) as store:
        records = store.query(
            "SELECT source_code, target_code, cameo, day, num_mentions, num_articles, "
            "num_sources, num_stories FROM event_records"
        )
    # the visit hosted (043), which «وبحث الوزيران» tells again as the host's side of the
    # talks, and the guest's side of those talks (040)
    assert sorted(
        (
            r["source_code"],
            r["target_code"],
            r["cameo"],
            str(r["day"]),
            r["num_mentions"],
            r["num_articles"],
            r["num_sources"],
            r["num_stories"],
        )
        for r in records
    ) == [  # each counted once per outlet, all in one story
        ("JORGOV", "SAUGOV", "040", "2023-03-14", 5, 5, 5, 1),
        ("SAUGOV", "JORGOV", "043", "2023-03-14", 5, 5, 5, 1),
    ]


def test_same_corpus_twice_leaves_one_story(tmp_path: Path, db_path: Path) -> None:
    write_copies(tmp_path / "in", list(OUTLETS))
    ingest([str(tmp_path / "in")], str(db_path), ner="none")
    before = stories(db_path)
    again = ingest([str(tmp_path / "in")], str(db_path), ner="none").summary()
    assert (again["stored"], again["duplicates"]) == (0, 5)
    assert stories(db_path) == before
    assert len({r["story_id"] for r in before}) == 1


def test_a_later_run_joins_an_earlier_story(tmp_path: Path, db_path: Path) -> None:
    outlets = list(OUTLETS)
    write_copies(tmp_path / "day1", outlets[:2])
    write_copies(tmp_path / "day2", outlets[2:])
    ingest([str(tmp_path / "day1")], str(db_path), ner="none")
    ingest([str(tmp_path / "day2")], str(db_path), ner="none")
    rows = stories(db_path)
    assert len(rows) == 5
    assert len({r["story_id"] for r in rows}) == 1


def test_different_stories_stay_apart(db_path: Path) -> None:
    ingest([str(EXAMPLES)], str(db_path), ner="none")
    rows = stories(db_path)
    assert len(rows) == 8
    assert all(r["story_id"] == r["id"] for r in rows)
