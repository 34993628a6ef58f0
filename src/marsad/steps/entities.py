"""Named entities: NER over each sentence, references resolved and grouped into entities.

Mentions of one actor across the article — full name, surname, a misspelling, a title such as
«الرئيس الأمريكي» — become one Entity, linked to the actor dictionary when it knows them.
"""

from __future__ import annotations

from datetime import date

from marsad.actors.dictionary import ActorDictionary
from marsad.actors.fuzzy import key as name_key
from marsad.actors.fuzzy import similarity
from marsad.actors.resolve import Reference, Resolver
from marsad.model import Article, Entity, Mention, Sentence, Token
from marsad.ner.base import NerBackend
from marsad.steps.base import ArticleStep, RunContext
from marsad.steps.locate import (
    capitals_in_view,
    kingdoms,
    locate_agents,
    locate_context_names,
    locate_kingdom,
    locate_titles,
)
from marsad.steps.refs import SentenceRefs
from marsad.steps.segment import tokens_of
from marsad.text.normalize import strip_marks

SAME_NAME = 85.0


class Entities(ArticleStep):
    """Tag, resolve and group; ``article.entities`` and ``article.places`` are filled."""

    name = "entities"

    def __init__(self, backend: NerBackend, dictionary: ActorDictionary | None = None) -> None:
        self.backend = backend
        self.dictionary = dictionary or ActorDictionary.load()
        self.resolver = Resolver(self.dictionary)
        self.kingdoms = kingdoms(self.dictionary)  # once, not per article

    def process(self, article: Article, ctx: RunContext) -> Article | None:
        day = article.published or date.today()
        sentences = article.sentences
        tokens = [tokens_of(s, article.text) for s in sentences]
        tags = self.backend.tag([[t.text for t in toks] for toks in tokens])
        found = self._resolve(sentences, tokens, tags, day)
        capitals = capitals_in_view(found, self.dictionary)
        if capitals:  # an article about Jordan means Amman by a bare «عمان»
            found = self._resolve(sentences, tokens, tags, day, capitals)
        locate_agents(article, found, self.dictionary)
        locate_titles(article, found, self.dictionary, day)
        locate_kingdom(article, found, self.dictionary, self.kingdoms)
        locate_context_names(found, self.dictionary, day)
        article.entities = group(article, found, self.dictionary, day)
        article.places = places(article, found, self.dictionary)
        article.work["refs"] = found
        ctx.stats["entities"] += len(article.entities)
        return article

    def _resolve(
        self,
        sentences: list[Sentence],
        tokens: list[list[Token]],
        tags: list[list[str]],
        day: date,
        capitals: frozenset[str] = frozenset(),
    ) -> list[SentenceRefs]:
        found: list[SentenceRefs] = []
        previous: Reference | None = None
        for s, toks, tg in zip(sentences, tokens, tags, strict=True):
            refs = self.resolver.references([t.norm for t in toks], tg, day, previous, capitals)
            for r in refs:
                if r.actor_id and r.type == "PERS":
                    previous = r
            found.append(SentenceRefs(s, refs))
        return found


def _group_key(r: Reference) -> str:
    if r.actor_id:
        return f"actor:{r.actor_id}"
    if r.kind in ("country", "adjective", "capital"):
        return f"country:{r.iso3}"
    if r.kind == "metonym":
        return f"gov:{r.iso3}"
    if r.kind == "place":
        return f"place:{r.iso3}:{r.start}"
    if r.kind == "agent" and r.code:
        return f"agent:{r.code}:{r.start}"
    if r.kind == "title":
        return f"title:{r.title}:{r.iso3}"
    return ""


def group(
    article: Article, found: list[SentenceRefs], d: ActorDictionary, day: date
) -> list[Entity]:
    """Group references into entities: by actor, country, office, or by similar name."""
    text = article.text
    entities: list[Entity] = []
    by_key: dict[str, Entity] = {}
    names: list[tuple[str, Entity]] = []  # unlinked names, for short-to-full and typo grouping
    for sr in found:
        toks = sr.sentence.tokens
        for r in sr.refs:
            if r.kind in ("title", "agent") and not r.code and not r.actor_id:
                sr.entity_ids.append("")
                continue
            start, end = toks[r.start].start, toks[r.end - 1].end
            hs, he = r.head
            # a name as written, without diacritics, tatweel or invisible marks («اَلـوزارة»)
            head_text = strip_marks(text[toks[hs].start : toks[he - 1].end])
            k = _group_key(r)
            if r.kind == "agent" and r.code:  # an agent is its code: المحتجون، المتظاهرين → SDNCVL
                k = f"agent:{r.code}"
            ent = by_key.get(k) if k else None
            if ent is None and not k:
                ent = _match_name(head_text, names)
            if ent is None:
                ent = _new_entity(f"e{len(entities) + 1}", r, head_text, d, day)
                entities.append(ent)
                if k:
                    by_key[k] = ent
                else:
                    names.append((name_key(head_text), ent))
            elif not k and len(head_text) > len(ent.name):
                ent.name = head_text
            ent.mentions.append(
                Mention(start, end, text[start:end], r.type, sr.sentence.index, ent.id)
            )
            sr.entity_ids.append(ent.id)
    return entities


def canonical_name(names: tuple[str, ...]) -> str:
    """The first full (multi-word) name of the dictionary's variants, else the first."""
    return next((n for n in names if " " in n), names[0])


def _match_name(head: str, names: list[tuple[str, Entity]]) -> Entity | None:
    k = name_key(head)
    words = k.split()
    for other, ent in names:
        ow = other.split()
        if k == other or (len(words) == 1 and words[0] in ow) or (len(ow) == 1 and ow[0] in words):
            return ent
        if similarity(k, other) >= SAME_NAME:
            return ent
    return None


def _new_entity(eid: str, r: Reference, head: str, d: ActorDictionary, day: date) -> Entity:
    if r.actor_id:
        actor = d.actor(r.actor_id)
        roles = [role for rs in [d.roles.get(r.actor_id, [])] for role in (x.to_role() for x in rs)]
        return Entity(
            eid,
            canonical_name(actor.names_ar) if actor else head,
            actor.type if actor else r.type,
            name_en=actor.name_en if actor else None,
            actor_id=r.actor_id,
            code=d.code_on(r.actor_id, day),
            roles=roles,
            qid=actor.qid if actor else None,
        )
    if r.iso3 and r.kind in ("country", "adjective", "capital", "metonym"):
        c = d.country(r.iso3)
        name = c.names_ar[0] if c and r.kind != "metonym" else head
        name_en = (c.name_en if r.kind != "metonym" else f"{c.name_en} government") if c else None
        code = (c.cameo if c else r.iso3) + ("GOV" if r.kind == "metonym" else "")
        return Entity(
            eid, name, "LOC" if r.kind != "metonym" else "ORG", name_en=name_en, code=code
        )
    if r.kind == "place":
        return Entity(eid, head, "LOC", code=r.code)
    return Entity(eid, head, r.type, code=r.code)


def places(
    article: Article, found: list[SentenceRefs], d: ActorDictionary
) -> list[dict[str, object]]:
    """Places named in the text with gazetteer coordinates (في براغ → Prague, CZE)."""
    out: list[dict[str, object]] = []
    text = article.text
    for sr in found:
        toks = sr.sentence.tokens
        for r, eid in zip(sr.refs, sr.entity_ids, strict=True):
            if r.kind not in ("place", "capital", "country"):
                continue
            start, end = toks[r.start].start, toks[r.end - 1].end
            surface = text[start:end]
            place = d.place(" ".join(t.norm for t in toks[r.start : r.end]))
            if place is not None:
                out.append(
                    {
                        "name": surface,
                        "name_en": place.name_en,
                        "country": place.iso3,
                        "kind": place.kind,
                        "lat": place.lat,
                        "lon": place.lon,
                        "start": start,
                        "end": end,
                        "sentence": sr.sentence.index,
                        "entity_id": eid or None,
                    }
                )
            elif r.kind == "country" and r.iso3:
                c = d.country(r.iso3)
                out.append(
                    {
                        "name": surface,
                        "name_en": c.name_en if c else None,
                        "country": r.iso3,
                        "kind": "country",
                        "lat": c.lat if c else None,
                        "lon": c.lon if c else None,
                        "start": start,
                        "end": end,
                        "sentence": sr.sentence.index,
                        "entity_id": eid or None,
                    }
                )
    return out
