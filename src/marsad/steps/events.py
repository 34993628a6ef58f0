"""Event coding: triggers, modality, arguments, dates and places become CAMEO events.

Every event keeps its evidence (sentence, span, trigger). Nothing is invented: a trigger in an
opinion, question, condition or under negation yields no event, a material act inside someone's
quoted words is their claim (not an event of ours), and an event needs both a source and a
target — from the sentence, or from the discourse when the sentence leaves one implicit
(«وأكد لافروف ضرورة …» after a call with Blinken).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from marsad.actors.dictionary import ActorDictionary
from marsad.actors.resolve import Reference
from marsad.events.arguments import (
    find_arguments,
    introduced_by_preposition,
    is_verb,
    listed_pair,
    vowelled_passive,
)
from marsad.events.modality import ASSERTED, BREAKS, clause_breaks, modality
from marsad.events.tables import cameo_info, plover_for
from marsad.events.triggers import TriggerMatch, TriggerSet, default_triggers
from marsad.model import Article, Entity, Event, Quote, Token
from marsad.steps.base import ArticleStep, RunContext
from marsad.steps.entities import INFERRED, SentenceRefs, references_of
from marsad.text.dates import period_start
from marsad.text.normalize import normalize

CLAIM_ROOT = 14  # from protest on, an act inside a quote is the speaker's claim, not an event
# Roots whose source is the speaker when they sit inside reported speech (statements, demands,
# criticism, rejection, threats): «قال بايدن إن روسيا ستدفع الثمن» is Biden threatening Russia.
SPEAKER_ROOTS = frozenset({1, 2, 10, 11, 12, 13})
# Roots that take an addressee the sentence may leave implicit (the other party of the talk).
ADDRESSEE_ROOTS = frozenset({2, 3, 4, 5, 10, 11, 12, 13})
# Triggers whose complement is what is appealed for, intended or demanded: «أبدى استعداده
# لتطبيع العلاقات» is one intent, not an intent and a normalisation.
COMPLEMENT_ROOTS = frozenset({2, 3, 10})
COMPLEMENT_CODES = frozenset({"051"})
COMPLEMENT_WINDOW = 5
# Acts two listed parties do to each other («وقعت مصر واليونان اتفاقا»، «اجتمع لافروف وبلينكن»).
RECIPROCAL_ROOTS = frozenset({3, 6, 19})
RECIPROCAL_CODES = frozenset({"019", "040", "041", "044", "046", "057"})  # not a visit or hosting
# Express accord: a joint statement is coded both ways between its two parties (CAMEO manual,
# 019: "typically reciprocal … coded with actors reversed"), named as a list in the sentence
# («أصدرت مصر والأردن بيانا مشتركا») or as a dual noun for the last two parties in view
# («التقى بايدن بوتين … وأصدر الرئيسان بيانا مشتركا»).
ACCORD = "019"
JOINT_STATEMENTS = frozenset({"019.6", "019.7"})  # lines of triggers.tsv: «بيان مشترك»
PAIR_NOUNS = frozenset(
    normalize(w)
    for w in (
        "الرئيسان",
        "الرئيسين",
        "الجانبان",
        "الجانبين",
        "الطرفان",
        "الطرفين",
        "البلدان",
        "البلدين",
        "الزعيمان",
        "الزعيمين",
        "الوزيران",
        "الوزيرين",
        "القائدان",
        "القائدين",
        "الحكومتان",
        "الحكومتين",
        "الدولتان",
        "الدولتين",
        "الملكان",
        "الملكين",
    )
)
PAIR_WINDOW = 4  # tokens around the trigger where the dual subject may sit
# Lines of triggers.tsv that are meetings in person (not talks, which may be by phone): one in
# a third country is 044.
MEETINGS = frozenset({"040.7", "040.8", "040.9", "040.10", "040.12"})
MEET_ELSEWHERE = "044"
# Acts on a place of one's own country are acts on its people: curfews, force posture, easing
# restrictions («رفع حظر التجول في العاصمة»).
POPULACE_CODES = ("081", "15", "17")
# Acts only a state does: administrative sanctions, arrests, expulsions. Passive with no doer
# named, they are the government's of the country of whom they befall.
STATE_ACTS = ("172", "173", "174")
# A domestic protest or strike that names no target is against the protesters' government
# (CAMEO codes the party the protest is directed at).
PROTEST = 14
NO_COUNTRY = frozenset({"IGO", "NGO", "IMG", "INT", "MNC"})
# Acts between states: reducing relations is never with one's own country.
FOREIGN_ROOTS = frozenset({16})
DATE_WINDOW = 8  # tokens between a trigger and a date mention that dates it
PRECISIONS = ("day", "week", "month")  # of an event's date, finest first
SINCE = normalize("منذ")
# A date mention that may date an event: (token, clause, ISO day, set off, precision).
Dating = tuple[int, int, str, bool, str]
BETWEEN_WORD = normalize("بين")
PASSIVE = frozenset(normalize(w) for w in ("تم", "وتم", "جرى", "وجرى", "تمت", "وتمت"))
COUNTRY_KINDS = frozenset({"country", "adjective", "capital"})
NAMED_KINDS = frozenset({"actor", "name", "country", "capital", "metonym", "place"})


@dataclass(slots=True)
class Side:
    """One side of an event: the reference, its entity and its code on the event's day."""

    ref: Reference
    entity_id: str | None
    text: str
    code: str | None

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "entity_id": self.entity_id}

    @property
    def country(self) -> str | None:
        return self.code[:3] if self.code else None


class Events(ArticleStep):
    """Fills ``article.events`` from the references the entities step left."""

    name = "events"

    def __init__(self, dictionary: ActorDictionary, triggers: TriggerSet | None = None) -> None:
        self.d = dictionary
        self.triggers = triggers or default_triggers()

    def process(self, article: Article, ctx: RunContext) -> Article | None:
        coder = _ArticleCoder(article, self.d, self.triggers)
        article.events = dedupe(coder.run())
        ctx.stats["events"] += len(article.events)
        ctx.stats["events_suppressed"] += coder.suppressed
        return article


class _ArticleCoder:
    def __init__(self, article: Article, d: ActorDictionary, triggers: TriggerSet) -> None:
        self.a = article
        self.d = d
        self.triggers = triggers
        # Roles are looked up on today's date when the article has none; the event's own date
        # is then left empty rather than invented.
        self.published = article.published or date.today()
        self.dated_article = article.published is not None
        self.entities: dict[str, Entity] = {e.id: e for e in article.entities}
        self.history: list[Side] = []
        self.suppressed = 0
        self.sentence_source: Side | None = None

    def run(self) -> list[Event]:
        events: list[Event] = []
        for sr in references_of(self.a):
            if not sr.sentence.heading:
                events.extend(self.sentence(sr))
            toks = sr.sentence.tokens
            self.history.extend(
                self.side(r, eid, self.published, toks)
                for r, eid in zip(sr.refs, sr.entity_ids, strict=True)
                if eid
            )
        return events

    def side(self, ref: Reference, eid: str | None, day: date, toks: list[Token]) -> Side:
        code = ref.code
        if ref.actor_id:
            code = self.d.code_on(ref.actor_id, day) or code
        start, end = toks[ref.start].start, toks[ref.end - 1].end
        return Side(ref, eid or None, self.a.text[start:end], code)

    def sentence(self, sr: SentenceRefs) -> list[Event]:
        s = sr.sentence
        toks = s.tokens
        norms = [t.norm for t in toks]
        words = [t.text for t in toks]
        clauses = clause_breaks(norms)
        out: list[Event] = []
        dated = self._dated_tokens(sr, clauses)
        governor_end: int | None = None
        self.sentence_source = None
        named = {k for r in sr.refs if r.kind in NAMED_KINDS for k in range(r.start, r.end)}
        for m in self.triggers.find(norms):
            if m.start_token in named:
                continue  # «شكري» is a name here, not "thanks"
            if (
                governor_end is not None
                and governor_end <= m.start_token < governor_end + COMPLEMENT_WINDOW
                and BETWEEN_WORD not in norms[m.end_token : m.end_token + 3]
            ):
                continue  # the complement of an appeal, intent or demand
            mod = modality(norms, m.start_token, m.end_token, clauses)
            if mod != ASSERTED:
                self.suppressed += 1
                continue
            if _complement_noun(words[m.start_token], m, norms):
                continue
            evs = self.code(sr, m, norms, words, clauses, dated)
            if int(m.cameo[:2]) in COMPLEMENT_ROOTS or m.cameo[:3] in COMPLEMENT_CODES:
                governor_end = m.frame_end_token or m.end_token
            out.extend(evs)
        return out

    def _dated_tokens(self, sr: SentenceRefs, clauses: list[int]) -> list[Dating]:
        """(token, clause, ISO day, set off, precision) of each date mention that can date an
        event: a day, or a week or month a flashback names («الأسبوع الماضي») by its first day.

        A date that is a whole comma-delimited clause («بايدن، أمس الثلاثاء، اتصالا») is set
        off: an adverb of the clause around it rather than a clause of its own. A week or
        month dates an act only when it is over by publication: after منذ it is when something
        began, one still to come («الأسبوع المقبل») dates a plan, and the current one («الشهر
        الجاري») says no more than the publication date does.
        """
        toks = sr.sentence.tokens
        out: list[Dating] = []
        for d in self.a.dates:
            if d.get("sentence") != sr.sentence.index or d.get("kind") in ("duration", "until"):
                continue
            precision = str(d.get("granularity"))
            day = period_start(d.get("value"), precision)
            if day is None:
                continue
            k = next((i for i, t in enumerate(toks) if t.end > d["start"]), None)
            if k is None:
                continue
            if precision != "day" and (
                not _before_publication(day, precision, self.published)
                or (k > 0 and _strip_conjunction(toks[k - 1].norm) == SINCE)
            ):
                continue
            end = int(d.get("end") or toks[k].end)
            rest = [
                i
                for i, t in enumerate(toks)
                if clauses[i] == clauses[k] and (t.start < d["start"] or t.start >= end)
            ]
            set_off = clauses[k] > 0 and all(toks[i].norm in BREAKS for i in rest)
            out.append((k, clauses[k], day, set_off, precision))
        return out

    def _date_for(
        self, m: TriggerMatch, clauses: list[int], dated: list[Dating]
    ) -> tuple[str, str] | None:
        """(ISO day, precision) of the closest date mention in the trigger's clause or set off
        next to it (a day before a week or month at the same distance), else the one date of
        its clause, else one in an earlier clause."""
        here = clauses[m.start_token]
        near = [
            (abs(k - m.start_token), PRECISIONS.index(p), v, p)
            for k, c, v, set_off, p in dated
            if (c == here and abs(k - m.start_token) <= DATE_WINDOW)
            or (set_off and abs(c - here) <= 1)
        ]
        if near:
            _, _, v, p = min(near)
            return v, p
        # «شنت الطائرات غارات … على مواقع … في صنعاء ليل الاثنين»: the clause's only date,
        # however far the trigger's arguments push it
        same = {(v, p) for k, c, v, _, p in dated if c == here}
        if len(same) == 1:
            return same.pop()
        earlier = [(c, v, p) for k, c, v, _, p in dated if c < here]
        if not earlier:
            return None
        _, v, p = max(earlier)
        return v, p

    def code(
        self,
        sr: SentenceRefs,
        m: TriggerMatch,
        norms: list[str],
        words: list[str],
        clauses: list[int],
        dated: list[Dating],
    ) -> list[Event]:
        toks = sr.sentence.tokens
        t_start = toks[m.start_token].start
        when = self._date_for(m, clauses, dated)
        day = date.fromisoformat(when[0]) if when else self.published
        refs, eids = sr.refs, sr.entity_ids
        quote = self._quote_at(t_start)
        root = int(m.cameo[:2])
        source: Side | None = None
        target: Side | None = None
        how = ""
        args = find_arguments(
            refs, norms, words, m.start_token, m.end_token, m.frame_end_token, root
        )
        if quote is not None and quote.speaker_entity_id:
            if root >= CLAIM_ROOT:
                return []
            if root in SPEAKER_ROOTS or args.source is None:
                source = self._entity_side(quote.speaker_entity_id, day)
                target = self._quote_target(sr, quote, m, source, day)
                how = "quote"
        if m.cameo == ACCORD and how != "quote":
            pair = self._accord_pair(sr, m, norms, words, day)
            if pair is not None:
                first, second, how = pair
                return [
                    self._event(sr, m, first, second, how, quote, when, clauses),
                    self._event(sr, m, second, first, how, quote, when, clauses),
                ]
        participle = any(
            w in PARTICIPLES or w in PARTICIPLES_PLURAL
            for w in norms[max(0, m.start_token - 3) : m.start_token + 1]
        )
        plural_doer = self._plural_participle_doer(sr, m, norms, day)
        if how != "quote" and participle and plural_doer is not None:
            source, how = plural_doer, "participle"  # «المتظاهرين …، مطالبين بـ…»
            if args.target is not None:
                target = self.side(refs[args.target], eids[args.target], day, toks)
        elif how != "quote" and participle and self.sentence_source is not None:
            source, how = self.sentence_source, "participle"
            if args.target is not None:
                target = self.side(refs[args.target], eids[args.target], day, toks)
        elif how != "quote":
            if args.source is not None:
                source = self.side(refs[args.source], eids[args.source], day, toks)
                if (
                    not is_verb(words[m.start_token])
                    and abs(refs[args.source].start - m.start_token) > NOUN_REACH
                ):
                    source = None
            if args.target is not None:
                target = self.side(refs[args.target], eids[args.target], day, toks)
            if source is None and root < CLAIM_ROOT:
                source = self.sentence_source or self._implicit_source(sr, m, norms, day)
                how = "context"
            elif (
                source is None
                and target is not None
                and m.cameo.startswith(STATE_ACTS)
                and _passive(words, norms, m.start_token)
            ):  # «اعتُقل صحفيان إيرانيان»: arrests with no doer named are the state's
                source = _own_government(target, any_role=True)
                how = "context"
        if source is None or (not source.entity_id and not source.code):
            return []
        if (
            target is not None
            and m.cameo.startswith(POPULACE_CODES)
            and _bare_country(target)
            and target.country == source.country
        ):  # «فرضت السلطات العراقية حظر تجول في بغداد»: on the people of the place
            target = Side(target.ref, None, target.text, f"{target.code}CVL")
        elif target is not None and _bare_country(target) and target.country == source.country:
            target = None  # «احترام قوانين روسيا» said by Russia: not the addressee
        if target is not None and root in FOREIGN_ROOTS and target.country == source.country:
            # «استدعت روسيا سفيرها لدى الولايات المتحدة أناتولي أنطونوف»: the envoy is Russia's
            # own; the relations reduced are with the country named after the trigger.
            target = self._foreign_after(sr, m, source, day)
        if target is None and root in ADDRESSEE_ROOTS:
            target = self._from_discourse(source, sr, m.start_token)
            how = how or "context"
        if (
            (target is None or target.entity_id == source.entity_id)  # «إضرابهم»: their own
            and root == PROTEST
            and how == ""
            and (is_verb(words[m.start_token]) or args.source_how == "light-verb")
        ):  # «المعلمون اللبنانيون يواصلون إضرابهم»; not a protest named in passing
            target = _own_government(source)
            how = "context"
        if target is None or (target.entity_id and target.entity_id == source.entity_id):
            return []
        if not source.code or not target.code:
            return []  # an event joins two coded actors
        if m.pattern_id in JOINT_STATEMENTS:
            if how:
                return []  # a joint statement is between parties the sentence names
        elif root == 1 and (how or not _addressed(target, norms)):
            return []  # a bare statement needs an addressee the sentence names (… إلى X، لـX)
        self.sentence_source = source  # the doer of the sentence's coded act, for participles
        out = [self._event(sr, m, source, target, how, quote, when, clauses)]
        if m.pattern_id in JOINT_STATEMENTS:  # «أصدرت الخارجية بيانا مشتركا مع نظيرتها»
            return [*out, self._event(sr, m, target, source, how, quote, when, clauses)]
        if how == "":
            for i in args.co_sources:  # «اعترفت إسبانيا وإيرلندا والنرويج بدولة فلسطين»
                co = self.side(refs[i], eids[i], day, toks)
                if co.code and co.entity_id != target.entity_id:
                    out.append(self._event(sr, m, co, target, how, quote, when, clauses))
            if args.target is not None and target.ref is refs[args.target]:
                for i in args.co_targets:  # «أشاد بالدور الذي أدته قطر ومصر»
                    co = self.side(refs[i], eids[i], day, toks)
                    if co.code and co.entity_id != source.entity_id:
                        out.append(self._event(sr, m, source, co, how, quote, when, clauses))
            if (
                args.target_how == "coordinated"
                and args.target is not None
                and target.ref is refs[args.target]
                and (root in RECIPROCAL_ROOTS or m.cameo in RECIPROCAL_CODES)
            ):  # «وقعت مصر واليونان اتفاقا»: each side acts towards the other
                out.append(self._event(sr, m, target, source, how, quote, when, clauses))
        return out

    def _event(
        self,
        sr: SentenceRefs,
        m: TriggerMatch,
        source: Side,
        target: Side,
        how: str,
        quote: Quote | None,
        when: tuple[str, str] | None,
        clauses: list[int],
    ) -> Event:
        toks = sr.sentence.tokens
        t_start, t_end = toks[m.start_token].start, toks[m.end_token - 1].end
        day = date.fromisoformat(when[0]) if when else self.published
        dated = when is not None or self.dated_article
        place = self._place(sr, clauses, clauses[m.start_token])
        cameo = m.cameo
        if (
            m.pattern_id in MEETINGS
            and place is not None
            and place.get("country") not in (source.country, target.country)
        ):
            cameo = MEET_ELSEWHERE  # «اجتمع لافروف وبلينكن في جنيف»: a third country
        info = cameo_info(cameo)
        plover = plover_for(cameo)
        q = None
        if quote is not None:
            q = {
                "speaker_entity_id": quote.speaker_entity_id,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
            }
        confidence = (
            0.9
            * min(source.ref.confidence, target.ref.confidence)
            * (0.8 if how == "context" else 1.0)
        )
        return Event(
            cameo=cameo,
            sentence=sr.sentence.index,
            start=t_start,
            end=t_end,
            trigger=self.a.text[t_start:t_end],
            source=source.as_dict(),
            target=target.as_dict(),
            date=day.isoformat() if dated else None,
            date_precision=(when[1] if when else "day") if dated else None,
            place=place,
            goldstein=info.goldstein,
            quad_class=info.quad_class,
            plover={"event": plover.event, "mode": plover.mode, "context": plover.context}
            if plover
            else None,
            modality=ASSERTED,
            confidence=round(confidence, 2),
            quote=q,
            evidence={
                "sentence": sr.sentence.text,
                "start": sr.sentence.start,
                "end": sr.sentence.end,
                "date_from": "sentence"
                if when
                else ("published" if self.dated_article else "none"),
                "arguments": how or "sentence",
                "pattern": m.pattern_id,
            },
        )

    def _accord_pair(
        self, sr: SentenceRefs, m: TriggerMatch, norms: list[str], words: list[str], day: date
    ) -> tuple[Side, Side, str] | None:
        """The two parties of a joint statement, in the order they were named, and how found."""
        toks = sr.sentence.tokens
        listed = listed_pair(sr.refs, norms, words, m.start_token, m.end_token)
        if listed is not None:
            i, j = listed
            a = self.side(sr.refs[i], sr.entity_ids[i], day, toks)
            b = self.side(sr.refs[j], sr.entity_ids[j], day, toks)
            if a.code and b.code and a.entity_id != b.entity_id:
                return a, b, ""
        near = norms[max(0, m.start_token - PAIR_WINDOW) : m.end_token + PAIR_WINDOW]
        if not any(_strip_conjunction(w) in PAIR_NOUNS for w in near):
            return None
        here = [
            self.side(r, e, day, toks)
            for r, e in zip(sr.refs, sr.entity_ids, strict=True)
            if e and r.end <= m.start_token
        ]
        parties: list[Side] = []
        for cand in reversed(self.history + here):
            if not cand.code or not cand.country or cand.ref.kind == "place":
                continue
            if cand.ref.kind == "capital" and not cand.ref.actor_id:
                continue  # «استقبله في القاهرة»: where they met, not who
            if any(p.country == cand.country for p in parties):
                continue
            parties.append(cand)
            if len(parties) == 2:
                return parties[1], parties[0], "context"
        return None

    def _foreign_after(
        self, sr: SentenceRefs, m: TriggerMatch, source: Side, day: date
    ) -> Side | None:
        """The first coded actor of another country after the trigger."""
        for r, eid in zip(sr.refs, sr.entity_ids, strict=True):
            if r.start >= m.end_token and eid:
                cand = self.side(r, eid, day, sr.sentence.tokens)
                if cand.country and cand.country != source.country:
                    return cand
        return None

    def _plural_participle_doer(
        self, sr: SentenceRefs, m: TriggerMatch, norms: list[str], day: date
    ) -> Side | None:
        """A plural participle (مطالبين، منددين) agrees with the plural group before it."""
        word = norms[m.start_token]
        if not word.endswith(("ين", "ون")) or word not in PARTICIPLES_PLURAL:
            return None
        for r, eid in reversed(list(zip(sr.refs, sr.entity_ids, strict=True))):
            if eid and r.end <= m.start_token and r.kind == "agent":
                return self.side(r, eid, day, sr.sentence.tokens)
        return None

    def _quote_target(
        self, sr: SentenceRefs, quote: Quote, m: TriggerMatch, source: Side | None, day: date
    ) -> Side | None:
        """Inside a quote, the addressee is the actor of another country nearest the trigger."""
        toks = sr.sentence.tokens
        inside = [
            i
            for i, r in enumerate(sr.refs)
            if quote.start <= toks[r.start].start < quote.end and sr.entity_ids[i]
        ]
        inside.sort(key=lambda i: abs(sr.refs[i].start - m.start_token))
        for i in inside:
            cand = self.side(sr.refs[i], sr.entity_ids[i], day, toks)
            if source is None or (
                cand.country != source.country and cand.entity_id != source.entity_id
            ):
                return cand
        return None

    def _quote_at(self, pos: int) -> Quote | None:
        for q in self.a.quotes:
            if q.start <= pos < q.end:
                return q
        return None

    def _entity_side(self, eid: str, day: date) -> Side | None:
        ent = self.entities.get(eid)
        if ent is None:
            return None
        code = self.d.code_on(ent.actor_id, day) if ent.actor_id else ent.code
        ref = Reference(
            0, 0, "actor" if ent.actor_id else "name", ent.type, actor_id=ent.actor_id, code=code
        )
        return Side(ref, eid, ent.name, code or ent.code)

    def _implicit_source(
        self, sr: SentenceRefs, m: TriggerMatch, norms: list[str], day: date
    ) -> Side | None:
        """Passive (تم تمديد …) or a participle clause (داعيا …): the sentence's subject."""
        refs, eids = sr.refs, sr.entity_ids
        toks_before = norms[max(0, m.start_token - 2) : m.start_token]
        passive = any(w in PASSIVE for w in toks_before)
        candidates = [
            i
            for i, r in enumerate(refs)
            if r.end <= m.start_token
            and eids[i]
            and not introduced_by_preposition(r, norms, [t.text for t in sr.sentence.tokens])
            and r.kind not in ("place",)
        ]
        if not candidates:
            return None
        pick = candidates[-1] if passive else candidates[0]
        return self.side(refs[pick], eids[pick], day, sr.sentence.tokens)

    def _from_discourse(self, source: Side, sr: SentenceRefs, before: int) -> Side | None:
        """The latest actor of another country mentioned before: the other party of the talk."""
        here = [
            self.side(r, e, self.published, sr.sentence.tokens)
            for r, e in zip(sr.refs, sr.entity_ids, strict=True)
            if e and r.end <= before
        ]
        for cand in reversed(self.history + here):
            if (
                cand.entity_id == source.entity_id
                or not cand.country
                or cand.country == source.country
            ):
                continue
            if cand.ref.kind in COUNTRY_KINDS and cand.ref.type == "LOC" and not cand.ref.actor_id:
                continue
            if cand.ref.kind == "agent" and cand.ref.confidence <= INFERRED:
                continue  # «أشخاص» placed in a country by context is no party to the talk
            return cand
        return None

    def _place(self, sr: SentenceRefs, clauses: list[int], clause: int) -> dict[str, Any] | None:
        toks = sr.sentence.tokens
        for p in self.a.places:
            if p.get("sentence") != sr.sentence.index or p.get("kind") not in (
                "capital",
                "city",
                "region",
            ):
                continue
            k = next((i for i, t in enumerate(toks) if t.end > int(p["start"])), None)
            if k is not None and clauses[k] == clause:
                return {key: p[key] for key in ("name", "name_en", "country", "lat", "lon")}
        return None


NOUN_REACH = (
    6  # a verbal noun's actor must be this close (…الاحتجاجات far from anyone is background)
)
PARTICIPLES_PLURAL = frozenset(
    normalize(w)
    for w in (
        "مطالبين",
        "مطالبون",
        "منددين",
        "مرددين",
        "رافعين",
        "محتجين",
        "داعين",
        "مؤكدين",
        "مهددين",
        "معربين",
        "رافضين",
        "متهمين",
    )
)
# Participles that continue the sentence's subject: «…، داعيا إلى …»، «معربا عن …».
PARTICIPLES = frozenset(
    normalize(w)
    for w in (
        "معربا",
        "داعيا",
        "مؤكدا",
        "موضحا",
        "مشيرا",
        "مطالبا",
        "لافتا",
        "مشددا",
        "معتبرا",
        "منددا",
        "محذرا",
        "متهما",
        "مضيفا",
        "مبديا",
        "مرحبا",
        "نافيا",
        "معلنا",
        "مهددا",
        "معربة",
        "داعية",
        "مؤكدة",
        "مطالبة",
        "محذرة",
        "متهمة",
        "مرحبة",
        "مجددا",
        "ومعربا",
        "وداعيا",
    )
)


# Prepositions that introduce the addressee of a statement: «إلى»، and «مع» of solidarity or
# accord («أعرب عن تضامنه مع الشعب المغربي»).
ADDRESSING = frozenset({"الي", "إلى", normalize("مع")})


def _addressed(side: Side, norms: list[str]) -> bool:
    r = side.ref
    return r.proclitic.endswith("ل") or (r.start > 0 and norms[r.start - 1] in ADDRESSING)


def _before_publication(first_day: str, precision: str, published: date) -> bool:
    """The week or month starting on ``first_day`` ended before the publication day."""
    start = date.fromisoformat(first_day)
    if precision == "week":
        return start + timedelta(days=7) <= published
    return (start.year, start.month) < (published.year, published.month)


def _strip_conjunction(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 4 else word


def _own_government(side: Side, any_role: bool = False) -> Side | None:
    """The government of a non-state side's country, as the implicit other party."""
    code = side.code or ""
    if not side.country or side.country in NO_COUNTRY or "GOV" in code[3:]:
        return None
    if len(code) < 6 and not any_role:
        return None
    return Side(side.ref, None, "", f"{side.country}GOV")


def _passive(words: list[str], norms: list[str], k: int) -> bool:
    """«اعتُقل …»، «تم اعتقال …»: the trigger is a passive, its doer unnamed."""
    return vowelled_passive(words[k]) or any(w in PASSIVE for w in norms[max(0, k - 2) : k])


def _bare_country(side: Side) -> bool:
    return side.ref.kind in COUNTRY_KINDS and not side.ref.actor_id


def _complement_noun(word: str, m: TriggerMatch, norms: list[str]) -> bool:
    """«رحبا بتمديد …»، «لتهنئة نظيره»: a verbal noun under ب/ل is another predicate's object.

    The exception is a past event named with both parties, «للاتصال الهاتفي بين X و Y».
    """
    n = normalize(word)
    if not n.startswith(("ب", "ل")) or is_verb(word) or n.startswith(("بين", "لقا")):
        return False
    return BETWEEN_WORD not in norms[m.end_token : m.end_token + 3]


def dedupe(events: list[Event]) -> list[Event]:
    """One event per source, target, CAMEO code and occasion, as GDELT counts them.

    Mentions of the same act in several sentences (the lead announcing a call, the body dating
    it) merge into the first, which takes the explicit date when only a later mention has one.
    Two explicitly dated mentions on different days stay two events.
    """
    kept: list[Event] = []
    index: dict[tuple[str, str, str], list[Event]] = {}
    for ev in events:
        key = (
            str(ev.source.get("entity_id") or ev.source.get("code")),
            str(ev.target.get("entity_id") or ev.target.get("code")),
            ev.cameo,
        )
        same = next((e for e in index.get(key, []) if _same_occasion(e, ev)), None)
        if same is None:
            index.setdefault(key, []).append(ev)
            kept.append(ev)
            continue
        same.mentions += 1
        if _dated(ev) and not _dated(same):
            same.date, same.date_precision = ev.date, ev.date_precision
            same.source["code"], same.target["code"] = ev.source.get("code"), ev.target.get("code")
            if same.evidence is not None:
                same.evidence["date_from"] = "sentence"
    return kept


def _dated(ev: Event) -> bool:
    return (ev.evidence or {}).get("date_from") == "sentence"


def _same_occasion(a: Event, b: Event) -> bool:
    return not (_dated(a) and _dated(b)) or a.date == b.date
