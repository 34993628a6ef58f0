"""The parties of events: sides on the event's day, and those a sentence leaves implicit.

A sentence may name one party and leave the other to the discourse («وأكد لافروف ضرورة …» after
a call with Blinken), to a participle continuing its subject («…، داعيا إلى …»), to a passive
(«تم تمديد …»), or to a dual noun for the last two parties in view («وأصدر الرئيسان بيانا
مشتركا»); a non-state side may imply its own government.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from marsad.actors.dictionary import ActorDictionary
from marsad.actors.resolve import Reference
from marsad.datafiles import resource
from marsad.events.phrases import (
    dateline,
    introduced_by_preposition,
    listed_pair,
    posted_to,
    whereabouts,
)
from marsad.events.triggers import TriggerMatch
from marsad.events.words import vowelled_passive
from marsad.model import Entity, Quote, Sentence, Token
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction
from marsad.text.wordlists import word_set

_WORDS = resource("events", "words.tsv")

# Dual nouns that name two office holders («الرئيسان»، «الوزيران»), never two countries.
PAIR_LEADERS = word_set(_WORDS, "parties.pair_leaders")
# The dual nouns that name the two parties of a joint statement («وأصدر الرئيسان بيانا
# مشتركا») or of a mutual act («اتفق البلدان»).
PAIR_NOUNS = PAIR_LEADERS | frozenset(
    normalize(w)
    for w in (
        "الجانبان",
        "الجانبين",
        "الطرفان",
        "الطرفين",
        "البلدان",
        "البلدين",
        "الدولتان",
        "الدولتين",
    )
)
PAIR_WINDOW = 4  # tokens around the trigger where the dual subject may sit
# Words that make the dual after them the pair's governments («وزيرا خارجية البلدين»،
# «حكومتا البلدين»، «زعيما الجانبين»).
LEADERS_OF = word_set(_WORDS, "parties.leaders_of")
DUAL_PRONOUN = normalize("هما")  # «اتفاقهما»، «بينهما»، «سفارتيهما»: of the two
NO_COUNTRY = frozenset({"IGO", "NGO", "IMG", "INT", "MNC"})
QUANTITIES = word_set(_WORDS, "parties.quantities")
PASSIVE = word_set(_WORDS, "parties.passive")
COUNTRY_KINDS = frozenset({"country", "adjective", "capital"})
PLACE_KINDS = frozenset({"country", "capital", "place"})
FROM = normalize("من")
IN = normalize("في")
STATE = frozenset({"GOV", "COP", "MIL", "JUD", "SPY"})
TOWN_HEADS = frozenset(
    normalize(w) for w in ("مدينة", "بلدة", "قرية", "منطقة", "محافظة", "ولاية", "إقليم")
)
PLACE_GLOSS = 3  # words from one place to the next that only says where it is
ATTACK_REACH = 8  # tokens after an attack where the place it hit may be named
ATTACKED = word_set(_WORDS, "parties.attacked")
LAUNCHED = word_set(_WORDS, "arguments.launched")
STOPS = frozenset({".", "؛", ";", "!", "؟", "?", ":"})
# Prepositions that put a place beside an attack rather than under it: whence, whither, near.
ELSEWHERE = word_set(_WORDS, "parties.elsewhere")
WITHDRAWAL_REACH = 10  # tokens after a withdrawal where «من» and the place left may sit
PARTICIPLES_PLURAL = word_set(_WORDS, "parties.participles_plural")
# Participles that continue the sentence's subject: «…، داعيا إلى …»، «معربا عن …».
PARTICIPLES = word_set(_WORDS, "parties.participles")


# Prepositions that introduce the addressee of a statement: «إلى»، and «مع» of solidarity or
# accord («أعرب عن تضامنه مع الشعب المغربي»).
ADDRESSING = frozenset({"الي", "إلى", normalize("مع")})


class SentenceView(Protocol):
    """A sentence with its references and their entity ids (the entities step's SentenceRefs)."""

    sentence: Sentence
    refs: list[Reference]
    entity_ids: list[str]


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


class Parties:
    """The sides of one article's events, and the sides already seen in its discourse."""

    def __init__(
        self,
        text: str,
        d: ActorDictionary,
        entities: dict[str, Entity],
        published: date,
        inferred: float,
    ) -> None:
        self.text = text
        self.d = d
        self.entities = entities
        self.published = published
        self.inferred = inferred  # confidence of a country taken from the article
        self.history: list[Side] = []
        # the two parties of each event coded in the sentences of ``history``, in order
        self.pairs: list[tuple[Side, Side]] = []

    def side(self, ref: Reference, eid: str | None, day: date, toks: list[Token]) -> Side:
        code = ref.code
        if ref.actor_id:
            code = self.d.code_on(ref.actor_id, day) or code
        start, end = toks[ref.start].start, toks[ref.end - 1].end
        return Side(ref, eid or None, self.text[start:end], code)

    def accord_pair(
        self,
        sr: SentenceView,
        m: TriggerMatch,
        norms: list[str],
        words: list[str],
        day: date,
        dual_only: bool = False,
    ) -> tuple[Side, Side, str] | None:
        """The two parties of a joint statement or of a mutual act, in the order they were
        named, and how found: a list subject («أصدرت مصر والأردن بيانا مشتركا»); else, when a
        dual noun names them («البلدان»، «الرئيسان»), the two of the last act between two
        countries in ``pairs``, else the last two countries in view.

        With ``dual_only`` a pair is read only where a dual (a pair noun or «…هما») marks the act
        as the two's. «الوزيران» takes two office holders, never bare countries; a dual after a
        ministerial word («وزيرا خارجية البلدين») makes each country its government.
        """
        near = norms[max(0, m.start_token - PAIR_WINDOW) : m.end_token + PAIR_WINDOW]
        nouns = [k for k, w in enumerate(near) if strip_conjunction(w) in PAIR_NOUNS]
        dual = bool(nouns) or any(
            len(w) > len(DUAL_PRONOUN) + 2 and w.endswith(DUAL_PRONOUN) for w in near
        )
        if dual_only and not dual:
            return None
        toks = sr.sentence.tokens
        listed = listed_pair(sr.refs, norms, words, m.start_token, m.end_token)
        if listed is not None:
            i, j = listed
            a = self.side(sr.refs[i], sr.entity_ids[i], day, toks)
            b = self.side(sr.refs[j], sr.entity_ids[j], day, toks)
            if a.code and b.code and a.entity_id != b.entity_id:
                return a, b, ""
        if not nouns:
            return None
        k = nouns[0]
        holders = strip_conjunction(near[k]) in PAIR_LEADERS  # «الوزيران»
        of_pair = any(strip_conjunction(w) in LEADERS_OF for w in near[max(0, k - 2) : k])
        pairs = [
            (a, b) for a, b in self.pairs if a.country and b.country and a.country != b.country
        ]
        if holders:  # two office holders, not two countries
            pairs = [(a, b) for a, b in pairs if not bare_country(a) and not bare_country(b)]
        elif of_pair:  # «وزيرا خارجية البلدين»: the two countries' governments
            pairs = [(_government(a), _government(b)) for a, b in pairs]
        if pairs:  # the two of the last act between two countries
            return pairs[-1][0], pairs[-1][1], "context"
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
            if holders and bare_country(cand):
                continue  # «الوزيران» are two office holders, not two countries
            if of_pair:  # «وزيرا خارجية البلدين»: their governments
                cand = _government(cand)
            parties.append(cand)
            if len(parties) == 2:
                return parties[1], parties[0], "context"
        return None

    def foreign_after(
        self, sr: SentenceView, m: TriggerMatch, source: Side, day: date
    ) -> Side | None:
        """The first coded actor of another country after the trigger."""
        for r, eid in zip(sr.refs, sr.entity_ids, strict=True):
            if r.start >= m.end_token and eid:
                cand = self.side(r, eid, day, sr.sentence.tokens)
                if cand.country and cand.country != source.country:
                    return cand
        return None

    def attacked_place(
        self, sr: SentenceView, m: TriggerMatch, norms: list[str], day: date
    ) -> Side | None:
        """The place an attack names no one in: «غارات على غزة»، «قصفت … مواقع في إدلب».

        The first place, capital or country after the trigger (or its frame) within
        ATTACK_REACH tokens, after «على», «ضد» or «في»; none past a sentence stop.
        """
        toks = sr.sentence.tokens
        start = m.frame_end_token or m.end_token
        elsewhere = -1  # the end of a place named as elsewhere («قرب بنغازي»)
        for r, eid in zip(sr.refs, sr.entity_ids, strict=True):
            if r.start < start or r.kind not in PLACE_KINDS or not r.code:
                continue
            if r.start - start > ATTACK_REACH or any(
                norms[k] in STOPS for k in range(start, r.start)
            ):
                return None
            k = r.start - 1
            if k > 0 and norms[k] in TOWN_HEADS:
                k -= 1  # «قرب مدينة بنغازي»، «على بلدة مضايا»
            before = norms[k] if k >= 0 else ""
            launched = any(norms[j] in LAUNCHED for j in range(max(0, r.start - 4), r.start))
            if whereabouts(sr.refs, r, norms):
                return None  # «على مواقع التنظيم في العراق»: the sites' owner was hit, unnamed
            if launched or (0 <= r.start - elsewhere <= PLACE_GLOSS and before not in ATTACKED):
                # «انطلاقا من قاعدة في تركيا»: where the strike came from
                # «قرب مدينة بنغازي في شرق ليبيا»: the country says where that place is
                elsewhere = r.end
                continue
            if (
                before in ATTACKED
                or r.proclitic.endswith("ب")
                or (before not in ELSEWHERE and not r.proclitic)
            ):  # «على غزة»، «بغزة»، «احتلت القوات مدينة جنين»; not «من»، «إلى»، «قرب»
                return self.side(r, eid, day, toks)
            elsewhere = r.end
        return None

    def yielded_place(
        self, sr: SentenceView, m: TriggerMatch, norms: list[str], source: Side, day: date
    ) -> Side | None:
        """Forces withdrawing «من» a place of another country yield it to that country; to
        its forces when they are forces (CAMEO 0874: retreat, yield control of territory)."""
        toks = sr.sentence.tokens
        after_from = False
        for k in range(m.end_token, min(len(norms), m.end_token + WITHDRAWAL_REACH)):
            after_from = after_from or norms[k] == FROM
            if not after_from:
                continue
            for r, eid in zip(sr.refs, sr.entity_ids, strict=True):
                if r.start != k or r.kind not in PLACE_KINDS or not r.code:
                    continue
                place = self.side(r, eid, day, toks)
                if place.country == source.country:
                    return None
                force = "MIL" if "MIL" in _roles(source.code) else ""
                return Side(r, eid, place.text, f"{place.country}{force}")
        return None

    def keeper(self, sr: SentenceView, source: Side, norms: list[str], day: date) -> Side | None:
        """«معتقلون فلسطينيون في السجون الإسرائيلية»: the state institution of another country
        that holds the source, named right after it with «في»; what they protest is its doing."""
        r = source.ref
        for ref, eid in zip(sr.refs, sr.entity_ids, strict=True):
            if ref.start != r.end + 1 or norms[r.end] != IN or ref.kind != "agent":
                continue
            held = self.side(ref, eid, day, sr.sentence.tokens)
            if held.country and held.country != source.country and _roles(held.code) & STATE:
                return held
        return None

    def plural_participle_doer(
        self, sr: SentenceView, m: TriggerMatch, norms: list[str], day: date
    ) -> Side | None:
        """A plural participle (مطالبين، منددين) agrees with the plural group before it."""
        word = norms[m.start_token]
        if not word.endswith(("ين", "ون")) or word not in PARTICIPLES_PLURAL:
            return None
        for r, eid in reversed(list(zip(sr.refs, sr.entity_ids, strict=True))):
            if eid and r.end <= m.start_token and r.kind == "agent":
                return self.side(r, eid, day, sr.sentence.tokens)
        return None

    def quote_target(
        self, sr: SentenceView, quote: Quote, m: TriggerMatch, source: Side | None, day: date
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

    def entity_side(self, eid: str, day: date) -> Side | None:
        ent = self.entities.get(eid)
        if ent is None:
            return None
        code = self.d.code_on(ent.actor_id, day) if ent.actor_id else ent.code
        ref = Reference(
            0, 0, "actor" if ent.actor_id else "name", ent.type, actor_id=ent.actor_id, code=code
        )
        return Side(ref, eid, ent.name, code or ent.code)

    def implicit_source(
        self, sr: SentenceView, m: TriggerMatch, norms: list[str], day: date
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
            and not dateline(r, norms)  # «واس - الرياض: أدانت …»: where it was filed
        ]
        if not candidates:
            return None
        pick = candidates[-1] if passive else candidates[0]
        return self.side(refs[pick], eids[pick], day, sr.sentence.tokens)

    def from_discourse(
        self,
        source: Side,
        sr: SentenceView,
        before: int,
        current: Sequence[tuple[Side, Side]] = (),
    ) -> Side | None:
        """The other party of the talk: of the latest event coded with ``source``'s country,
        in this sentence (``current``) or the few before, else an actor of another country
        named earlier in this sentence.

        Not just anyone named in the sentences before: on sampled open news, an addressee
        taken that way was wrong 19 times in 20 (an opinion piece or a digest names many
        parties once); in a dyadic story the talk's other party is in a coded pair.
        """
        for pairs, loose in ((current, False), (self.pairs, True)):
            for a, b in reversed(pairs):
                for mine, other in ((a, b), (b, a)):
                    if not (
                        (mine.entity_id and mine.entity_id == source.entity_id)
                        or (mine.country and mine.country == source.country)
                    ):
                        continue
                    if self._talk_party(other, source) or (
                        loose and other.country and other.country != source.country
                    ):
                        return other
        norms = [t.norm for t in sr.sentence.tokens]
        here = [
            self.side(r, e, self.published, sr.sentence.tokens)
            for r, e in zip(sr.refs, sr.entity_ids, strict=True)
            # «مندوبها الدائم لدى الأمم المتحدة»: where an envoy serves is no party to the talk
            if e and r.end <= before and not posted_to(sr.refs, r, norms)
        ]
        return next((c for c in reversed(here) if self._talk_party(c, source)), None)

    def _talk_party(self, cand: Side, source: Side) -> bool:
        """``cand`` can be the other party of ``source``'s talk: another country's actor, not a
        bare country name, nor a group placed in a country by context alone."""
        if cand.entity_id == source.entity_id or not cand.country or cand.country == source.country:
            return False
        if cand.ref.kind in COUNTRY_KINDS and cand.ref.type == "LOC" and not cand.ref.actor_id:
            return False
        # «أشخاص» placed in a country by context is no party to the talk
        return not (cand.ref.kind == "agent" and cand.ref.confidence <= self.inferred)


def _roles(code: str | None) -> set[str]:
    return {code[k : k + 3] for k in range(3, len(code or ""), 3)} if code else set()


def addressed(side: Side, norms: list[str]) -> bool:
    r = side.ref
    return r.proclitic.endswith("ل") or (r.start > 0 and norms[r.start - 1] in ADDRESSING)


def own_government(side: Side, any_role: bool = False) -> Side | None:
    """The government of a non-state side's country, as the implicit other party."""
    code = side.code or ""
    if not side.country or side.country in NO_COUNTRY or "GOV" in code[3:]:
        return None
    if len(code) < 6 and not any_role:
        return None
    return Side(side.ref, None, "", f"{side.country}GOV")


def passive_trigger(words: list[str], norms: list[str], k: int) -> bool:
    """«اعتُقل …»، «تم اعتقال …»، «اعتقل عشرات المتظاهرين»: the trigger is a passive, its doer
    unnamed (a counted group right after an unvowelled verb is what befell, not who did it)."""
    return (
        vowelled_passive(words[k])
        or any(w in PASSIVE for w in norms[max(0, k - 2) : k + 1])
        or counted_after(norms, k)
    )


def counted_after(norms: Sequence[str], k: int) -> bool:
    """A number or a quantity word («عشرات»، «أكثر من»، «200») right after the token ``k``."""
    if k + 1 >= len(norms):
        return False
    nxt = strip_conjunction(norms[k + 1])
    return nxt.isdigit() or nxt in QUANTITIES


def _government(side: Side) -> Side:
    """A country named by a dual of leaders («وزيرا خارجية البلدين») as its government."""
    if not bare_country(side):
        return side
    return Side(side.ref, side.entity_id, side.text, f"{side.country}GOV")


def bare_country(side: Side) -> bool:
    return side.ref.kind in COUNTRY_KINDS and not side.ref.actor_id
