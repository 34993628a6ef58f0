"""Reported speech with its speaker linked to an entity, institutions included."""

from __future__ import annotations

from marsad.events.phrases import introduced_by_preposition
from marsad.model import Article, Quote
from marsad.steps.base import ArticleStep, RunContext
from marsad.steps.refs import SentenceRefs, references_of
from marsad.steps.segment import tokens_of
from marsad.text.normalize import normalize
from marsad.text.quotes import find_quotes, has_speech_word

# Words that name a statement rather than a speaker: «وأضاف البيان أن» speaks for whoever issued it.
STATEMENT_WORDS = frozenset({"البيان", "بيان", "الوزاره", "المصدر", "الرساله", "التقرير", "البلاغ"})


class Quotes(ArticleStep):
    """Fills ``article.quotes``; a speaker not named in the clause is the sentence's subject."""

    name = "quotes"

    def process(self, article: Article, ctx: RunContext) -> Article | None:
        found = references_of(article)
        last_speaker: str | None = None
        last_institution: str | None = None
        for sr in found:
            s = sr.sentence
            for r, ref_id in zip(sr.refs, sr.entity_ids, strict=True):
                if ref_id and r.type == "ORG" and r.code and r.code.endswith("GOV"):
                    last_institution = ref_id
            if not has_speech_word(t.norm for t in tokens_of(s, article.text)):
                continue  # every quote starts at a speech word
            for q in find_quotes(article.text, s.start, s.end):
                speaker_text = (
                    article.text[q.speaker_start : q.speaker_end]
                    if q.speaker_start is not None and q.speaker_end is not None
                    else None
                )
                eid = _entity_at(sr, q.speaker_start, q.speaker_end)
                if (
                    eid is None
                    and speaker_text
                    and normalize(speaker_text).split()[-1] in STATEMENT_WORDS
                ):
                    eid = last_institution or last_speaker
                if eid is None and speaker_text is None:
                    eid = _subject_before(sr, q.start) or last_speaker
                if eid is not None:
                    last_speaker = eid
                if speaker_text is None and eid is not None:
                    speaker_text = next((e.name for e in article.entities if e.id == eid), None)
                article.quotes.append(
                    Quote(
                        q.text,
                        q.start,
                        q.end,
                        s.index,
                        speaker_entity_id=eid,
                        speaker_text=speaker_text,
                    )
                )
        return article


def _entity_at(sr: SentenceRefs, start: int | None, end: int | None) -> str | None:
    if start is None or end is None:
        return None
    toks = sr.sentence.tokens
    for r, eid in zip(sr.refs, sr.entity_ids, strict=True):
        if eid and toks[r.start].start < end and start < toks[r.end - 1].end:
            return eid
    return None


def _subject_before(sr: SentenceRefs, pos: int) -> str | None:
    """The first person or institution mentioned before ``pos`` in the sentence, not one
    spoken to («وأوضح لوكالة الصحافة الفرنسية أن …», «وقال لنظيره …»)."""
    toks = sr.sentence.tokens
    norms = [t.norm for t in toks]
    words = [t.text for t in toks]
    for r, eid in zip(sr.refs, sr.entity_ids, strict=True):
        if (
            eid
            and toks[r.start].start < pos
            and (r.type == "PERS" or r.kind == "agent")
            and not introduced_by_preposition(r, norms, words)
        ):
            return eid
    return None
