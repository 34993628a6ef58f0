"""The records that flow through the pipeline; spans always index ``Article.text``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    norm: str


@dataclass(slots=True)
class Paragraph:
    index: int
    start: int
    end: int
    kind: str  # headline | dateline | lead | body | heading | boilerplate | repeat
    removed: bool = False
    reason: str | None = None
    repeat_of: int | None = None


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int
    heading: bool = False
    tokens: list[Token] = field(default_factory=list)
    date: str | None = None


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str
    type: str
    sentence: int
    entity_id: str | None = None


@dataclass(slots=True)
class Role:
    code: str
    start: str | None = None
    end: str | None = None
    label: str | None = None


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    name_en: str | None = None
    actor_id: str | None = None
    code: str | None = None
    roles: list[Role] = field(default_factory=list)
    qid: str | None = None


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    sentence: int
    speaker_entity_id: str | None = None
    speaker_text: str | None = None


@dataclass(slots=True)
class Event:
    cameo: str
    sentence: int
    start: int
    end: int
    trigger: str
    source: dict[str, Any] = field(default_factory=dict)
    target: dict[str, Any] = field(default_factory=dict)
    date: str | None = None
    # How much of ``date`` the text gives: "day", or "week"/"month"/"year" when it only says
    # «الأسبوع الماضي»/«الشهر الماضي»/«عام 1990» (``date`` is then that period's first day);
    # None with no date.
    date_precision: str | None = None
    place: dict[str, Any] | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover: dict[str, Any] | None = None
    modality: str = "asserted"
    confidence: float = 1.0
    quote: dict[str, Any] | None = None
    evidence: dict[str, Any] | None = None
    mentions: int = 1


@dataclass(slots=True)
class Article:
    """One news article. ``text`` is the document as read: headline line, then the body."""

    id: str
    text: str
    title: str
    source_id: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    numbers: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    # Working data one step leaves for a later one in the same run (never stored or printed).
    work: dict[str, Any] = field(default_factory=dict)

    @property
    def paragraphs_kept(self) -> int:
        return sum(1 for p in self.paragraphs if not p.removed)

    @property
    def paragraphs_removed(self) -> int:
        return sum(1 for p in self.paragraphs if p.removed)

    @property
    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None
