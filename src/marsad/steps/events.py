"""Event coding: triggers, modality, arguments, dates and places become CAMEO events.

Every event keeps its evidence (sentence, span, trigger). Nothing is invented: a trigger in an
opinion, question, condition or under negation yields no event, a material act inside someone's
quoted words is their claim (not an event of ours), and an event needs both a source and a
target — from the sentence, or from the discourse when the sentence leaves one implicit
(«وأكد لافروف ضرورة …» after a call with Blinken).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from marsad.actors.dictionary import ActorDictionary
from marsad.events.arguments import (
    AID,
    ARMED_ROLES,
    CLAUSE_NAMED,
    CLAUSE_SUBJECT,
    NATIONALITY,
    RELATIVES,
    UNNAMED_DOER,
    Arguments,
    aid_destination,
    find_arguments,
)
from marsad.events.confidence import ConfidenceModel
from marsad.events.dating import Dating, date_for, dated_tokens, own_date, period_to_come
from marsad.events.dedupe import dedupe
from marsad.events.modality import (
    ASSERTED,
    NECESSITY,
    TIME_PHRASES,
    clause_breaks,
    modality,
)
from marsad.events.parties import (
    PARTICIPLES,
    PARTICIPLES_PLURAL,
    Parties,
    Side,
    addressed,
    bare_country,
    own_government,
    passive_trigger,
)
from marsad.events.phrases import introduced_by_preposition
from marsad.events.readings import (
    ATTACK_ROOTS,
    BETWEEN_WORD,
    CRITICISM,
    SPORTS_OFFICIAL,
    WILL,
    complement_noun,
    deaths_by_attack,
    future_acts,
    on_place,
    spoken_attack,
    sporting,
    sports_article,
    weapons_in_attacks,
)
from marsad.events.tables import cameo_info, future_intent, plover_for
from marsad.events.triggers import TriggerMatch, TriggerSet, default_triggers
from marsad.events.words import BARE_COMPLEMENTIZERS, is_verb
from marsad.model import Article, Entity, Event, Quote
from marsad.steps.base import ArticleStep, RunContext
from marsad.steps.refs import INFERRED, SentenceRefs, references_of
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction

PARTICIPLE = "participle"  # how, when a participle clause continues the sentence's doer
PARTICIPLE_ADDRESSEE = "participle-addressee"  # the addressee of the act the participle follows
CLAIM_ROOT = 14  # from protest on, an act inside a quote is the speaker's claim, not an event
# Roots whose source is the speaker when they sit inside reported speech (statements, demands,
# criticism, rejection, threats): «قال بايدن إن روسيا ستدفع الثمن» is Biden threatening Russia.
SPEAKER_ROOTS = frozenset({1, 2, 10, 11, 12, 13})
# Of those, roots whose verb in a reported clause acts through the subject the clause names
# («أن العبيدي شدد»); the clause subject of a threat or an accusation is its target («إن
# روسيا ستدفع الثمن»، «إن القوات الروسية ارتكبت جرائم حرب»).
OWN_SUBJECT_ROOTS = frozenset({1, 2, 10, 12})
CONDEMNATION = "111"  # «أدان التفجير»: the act's doer is the target (arguments.UNNAMED_DOER)
# Roots that take an addressee the sentence may leave implicit (the other party of the talk).
ADDRESSEE_ROOTS = frozenset({2, 3, 4, 5, 10, 11, 12, 13})
# Triggers whose complement is what is appealed for, intended or demanded: «أبدى استعداده
# لتطبيع العلاقات» is one intent, not an intent and a normalisation.
COMPLEMENT_ROOTS = frozenset({2, 3, 10})
COMPLEMENT_CODES = frozenset({"051"})
COMPLEMENT_WINDOW = 5
# «دعا المبعوث الخاص ورئيس بعثة الأمم المتحدة … برناردينو ليون إلى الإفراج عن …»: past a long
# subject, an act noun right after «إلى/على» in the appeal's clause is still what is asked
FAR_COMPLEMENT_WINDOW = 16
DISAPPROVE = "11"  # criticise, denounce, accuse: who does it condemned what it names
APPEAL_ROOTS = frozenset({2, 10})  # appeals and demands (not a welcome, not an intent)
# Request patterns coded only with «من» and the one asked after them («طلب من X», «طلبت منه»)
ASKED_OF = frozenset({"020.6"})
ASKED_OF_REACH = 5  # words from the request to «من»: its subject may stand between
FROM_WORD = normalize("من")
REQUEST_OPENERS = frozenset(normalize(w) for w in ("على", "عند"))  # «بناء على طلب»، «نزولا عند طلب»
ASKED_MARKERS = frozenset(normalize(w) for w in ("من", "إلى"))  # «طلب من X»، «قدمت طلبا إلى X»
COMPLEMENT_PREPOSITIONS = frozenset(normalize(w) for w in ("إلى", "على"))
# Acts two listed parties do to each other («وقعت مصر واليونان اتفاقا»، «اجتمع لافروف وبلينكن»).
RECIPROCAL_ROOTS = frozenset({3, 6, 19})
MEDIATION = "045"  # done by its subject between the two sides after «بين»
RECIPROCAL_CODES = frozenset({"019", "040", "041", "044", "046", "057"})  # not a visit or hosting
# Express accord: a joint statement is coded both ways between its two parties (CAMEO manual,
# 019: "typically reciprocal … coded with actors reversed"), named as a list in the sentence
# («أصدرت مصر والأردن بيانا مشتركا») or as a dual noun for the last two parties in view
# («التقى بايدن بوتين … وأصدر الرئيسان بيانا مشتركا»; see ``Parties.accord_pair``).
ACCORD = "019"
# Acts the two of a dual do together («اتفق البلدان على …»، «سيعقد وزيرا خارجية البلدين
# اجتماعا»، «أعلنتا اتفاقهما على استئناف العلاقات»): coded both ways, like an accord.
MUTUAL_ROOTS = frozenset({3, 6})
MUTUAL_CODES = frozenset({"040", "041", "044", "046", "050", "054", "057"})
JOINT_STATEMENTS = frozenset({"019.6", "019.7"})  # lines of triggers.tsv: «بيان مشترك»
# Lines of triggers.tsv that are meetings in person (not talks, which may be by phone): one in
# a third country is 044.
MEETINGS = frozenset({"040.7", "040.8", "040.9", "040.10", "040.12"})
MEET_ELSEWHERE = "044"
# Acts on a place of one's own country are acts on its people: curfews, force posture, easing
# restrictions («رفع حظر التجول في العاصمة»).
POPULACE_CODES = ("081", "15", "17")
CURFEWS = ("1723", "0813")  # imposed or lifted on the people of the place named
# Acts only a state does: administrative sanctions, arrests, expulsions. Passive with no doer
# named, they are the government's of the country of whom they befall.
STATE_ACTS = ("172", "173", "174")
# A domestic protest or strike that names no target is against the protesters' government
# (CAMEO codes the party the protest is directed at).
PROTEST = 14
RETREAT = "0874"
# Acts between states: reducing relations is never with one's own country.
FOREIGN_ROOTS = frozenset({16})
# Appearing before a court (triggers.tsv 173.14): the subject is the defendant, the court the
# doer of the legal action.
BEFORE_COURT = frozenset({"173.14"})
# Summoning an ambassador (triggers.tsv 114.2) is a complaint to the envoy's state; a state
# summoning its own envoy («استدعت الخارجية سفير البحرين لدى إيران للتشاور») recalls him (161).
SUMMONS = "114.2"
INTENT_ROOTS = frozenset({"03", "13"})  # already an intent or a threat: a later date fits
WARNED = "130.3"  # «حذر»: a warning, a threat when made to another party
# Receiving a call (triggers.tsv 041.7, «تلقى X اتصالا من Y»): the caller is the doer.
RECEIVED_FROM = frozenset({"041.7"})
RECALL = "161"
HOSTILE_ROOT = 10  # demands, criticism, threats, force: roots 10-20
NAMED_KINDS = frozenset({"actor", "name", "country", "capital", "metonym", "place"})
SUBJECT_KINDS = NAMED_KINDS | {"title", "agent"}  # what a main clause's subject may be
DISCOURSE_SENTENCES = 3  # sentences before the current one a missing party may come from
# Doers a verbal noun's own words point to, however far from it they are named: the host of
# «في استقبال»، the owner of «زيارة له»، the attack a death is put down to.
BOUND_DOERS = frozenset({"host", "pronoun", "cause"})
NOUN_REACH = (
    6  # a verbal noun's actor must be this close (…الاحتجاجات far from anyone is background)
)
# A meeting or call named as the circumstance of another act («حث بلينكن نظيره التركي، خلال
# اتصال هاتفي، على …») is between that act's two parties, unless its own partner follows it
# (خلال اتصال هاتفي مع …، بـ…).
CONTACT = 4
CIRCUMSTANTIAL = frozenset(normalize(w) for w in ("خلال", "أثناء", "اثناء", "في"))
PARTNER_MARKERS = frozenset(normalize(w) for w in ("مع", "بين", "من", "إلى", "الى"))


class Events(ArticleStep):
    """Fills ``article.events`` from the references the entities step left."""

    name = "events"

    def __init__(
        self,
        dictionary: ActorDictionary,
        triggers: TriggerSet | None = None,
        confidence: ConfidenceModel | None = None,
    ) -> None:
        self.d = dictionary
        self.triggers = triggers or default_triggers()
        # None keeps the rule-based figure (what the confidence model is trained from)
        self.confidence = confidence

    def process(self, article: Article, ctx: RunContext) -> Article | None:
        coder = _ArticleCoder(article, self.d, self.triggers)
        persons = {e.id for e in article.entities if e.type == "PERS"}
        article.events = dedupe(coder.run(), persons)
        if self.confidence is not None:
            self.confidence.rate(article)
        ctx.stats["events"] += len(article.events)
        ctx.stats["events_suppressed"] += coder.suppressed
        return article


@dataclass(slots=True)
class _Act:
    """One trigger being coded, with what its coding reads: sentence, arguments, date, quote."""

    sr: SentenceRefs
    m: TriggerMatch
    norms: list[str]
    words: list[str]
    clauses: list[int]
    when: tuple[str, str] | None
    day: date
    quote: Quote | None
    root: int
    args: Arguments

    @property
    def mutual(self) -> bool:
        return self.m.cameo == ACCORD or (
            self.root in MUTUAL_ROOTS or self.m.cameo[:3] in MUTUAL_CODES
        )

    def side(self, parties: Parties, i: int) -> Side:
        """The party the sentence's reference ``i`` names, coded on the act's day."""
        return parties.side(
            self.sr.refs[i], self.sr.entity_ids[i], self.day, self.sr.sentence.tokens
        )


@dataclass(slots=True)
class _Draft:
    """The parties found so far and how; ``guessed`` when the source came from elsewhere."""

    source: Side | None = None
    target: Side | None = None
    how: str = ""
    guessed: bool = False


TIME_PHRASE_REACH = 2  # «بعد انتهاء المفاوضات»: a word such as «انتهاء» may come between


def _background(act: _Act) -> bool:
    """A verbal noun in a time phrase («منذ توقيع الاتفاقية مع إيران»، «بعد انتهاء المفاوضات مع
    إيران»): an act the sentence dates itself by; its doer is named in the phrase or not at
    all, never taken from the sentence's own act."""
    k = act.m.start_token
    return not is_verb(act.words[k]) and any(
        strip_conjunction(act.norms[j]) in TIME_PHRASES
        for j in range(max(0, k - TIME_PHRASE_REACH), k)
    )


def _obligation(act: _Act) -> bool:
    """The trigger is a word of necessity («يجب على»، «يتعين على»): a demand by whoever says it."""
    return act.norms[act.m.start_token] in NECESSITY


def reciprocal(m: TriggerMatch) -> bool:
    """The act is one two parties do to each other (talks, a call, an accord, a clash)."""
    return (
        int(m.cameo[:2]) in RECIPROCAL_ROOTS
        or m.cameo in RECIPROCAL_CODES
        or m.pattern_id in JOINT_STATEMENTS
        or m.cameo.startswith(MEDIATION)
    )


class _ArticleCoder:
    def __init__(self, article: Article, d: ActorDictionary, triggers: TriggerSet) -> None:
        self.a = article
        self.triggers = triggers
        # Roles are looked up on today's date when the article has none; the event's own date
        # is then left empty rather than invented.
        self.published = article.published or date.today()
        self.dated_article = article.published is not None
        entities: dict[str, Entity] = {e.id: e for e in article.entities}
        self.parties = Parties(article.text, d, entities, self.published, INFERRED)
        self.suppressed = 0
        self.sentence_source: Side | None = None
        # entity ids of who condemned something in the sentence (not whom an attack there hit)
        self.sentence_condemners: set[str] = set()
        self.sentence_target: Side | None = None
        self.sentence_pairs: list[tuple[Side, Side]] = []  # the parties of its events
        self.sports = False  # the article reports sport (``sports_article``)
        self.sentence_act_end: int | None = None  # where the sentence's last coded act ends

    def run(self) -> list[Event]:
        events: list[Event] = []
        recent: deque[list[Side]] = deque(maxlen=DISCOURSE_SENTENCES)
        recent_pairs: deque[list[tuple[Side, Side]]] = deque(maxlen=DISCOURSE_SENTENCES)
        sentences = references_of(self.a)
        self.sports = sports_article([t.norm for t in sr.sentence.tokens] for sr in sentences)
        for sr in sentences:
            if sr.sentence.heading:
                continue  # a subheading («ترحيب دولي») codes nothing and takes no discourse slot
            self.sentence_pairs = []
            events.extend(self.sentence(sr))
            recent_pairs.append(self.sentence_pairs)
            self.parties.pairs = [pair for pairs in recent_pairs for pair in pairs]
            toks = sr.sentence.tokens
            recent.append(
                [
                    self.parties.side(r, eid, self.published, toks)
                    for r, eid in zip(sr.refs, sr.entity_ids, strict=True)
                    if eid
                ]
            )
            # the discourse a missing party is taken from: the last few sentences, not the
            # whole article (an opinion piece names everyone once)
            self.parties.history = [side for sides in recent for side in sides]
        return events

    def sentence(self, sr: SentenceRefs) -> list[Event]:
        s = sr.sentence
        toks = s.tokens
        norms = [t.norm for t in toks]
        words = [t.text for t in toks]
        clauses = clause_breaks(norms)
        out: list[Event] = []
        dated = dated_tokens(self.a.dates, sr.sentence, clauses, self.published)
        governor_end: int | None = None
        governor_root = 0
        self.sentence_source = None
        self.sentence_target = None
        self.sentence_condemners = set()
        self.sentence_act_end = None
        named = {k for r in sr.refs if r.kind in NAMED_KINDS for k in range(r.start, r.end)}
        mentions = {k for r in sr.refs for k in range(r.start, r.end)}
        found = self.triggers.find(norms, mentions=mentions)
        if found and self.sports:
            return []  # «وتلتقي ليبيا مع رواندا» in a sports report: a match
        if found and sporting(norms):  # «سرعة هجماته»، «لقاء ودي»: play and matches
            found = [m for m in found if m.cameo.startswith(SPORTS_OFFICIAL)]
        for m in future_acts(
            deaths_by_attack(weapons_in_attacks(found, norms), norms),
            norms,
            self.triggers,
            mentions,
        ):
            if m.start_token in named:
                continue  # «شكري» is a name here, not "thanks"
            if (
                governor_end is not None
                and BETWEEN_WORD not in norms[m.end_token : m.end_token + 3]
                and (
                    governor_end <= m.start_token < governor_end + COMPLEMENT_WINDOW
                    or (
                        governor_root in APPEAL_ROOTS
                        and _far_complement(norms, clauses, governor_end, m.start_token)
                    )
                )
            ):
                continue  # the complement of an appeal, intent or demand
            mod = modality(norms, m.start_token, m.end_token, clauses, words)
            if mod != ASSERTED:
                self.suppressed += 1
                continue
            # only a word starting with ب/ل may have one split off («برقية», «بتمديد»)
            first = norms[m.start_token]
            whole = first.lstrip("وف")[:1] in ("ب", "ل") and self.triggers.begun_whole(
                first, m.pattern_id
            )
            if complement_noun(words[m.start_token], m, norms, whole):
                continue
            evs = self.code(sr, m, norms, words, clauses, dated)
            self.sentence_condemners |= {
                str(e.source.get("entity_id")) for e in evs if e.cameo.startswith(DISAPPROVE)
            }
            if int(m.cameo[:2]) in COMPLEMENT_ROOTS or m.cameo[:3] in COMPLEMENT_CODES:
                governor_end = m.frame_end_token or m.end_token
                governor_root = int(m.cameo[:2])
            out.extend(evs)
        return out

    def code(
        self,
        sr: SentenceRefs,
        m: TriggerMatch,
        norms: list[str],
        words: list[str],
        clauses: list[int],
        dated: list[Dating],
    ) -> list[Event]:
        if m.pattern_id in ASKED_OF and not _asked_of(norms, m.start_token, m.end_token):
            # «طلب الرئيس الإفراج عن …»: a request that names no one asked codes nothing (on
            # reviewed news it was right 3 times in 31), but still governs what it asks for
            return []
        own = own_date(m, clauses, dated)
        when = own if own is not None else date_for(m, clauses, dated)
        later = own is not None and date.fromisoformat(own[0]) > self.published
        if (later or period_to_come(m, norms, clauses)) and m.cameo[:2] not in INTENT_ROOTS:
            # «تقرر عقد الاجتماع … في 27 أغسطس المقبل»، «… الشهر المقبل»: dated after the
            # article, the act is announced, not done: the intent (or threat) when it has one
            intent = future_intent(m.cameo)
            if intent is None:
                return []
            m = replace(m, cameo=intent)
        act = _Act(
            sr,
            m,
            norms,
            words,
            clauses,
            when,
            date.fromisoformat(when[0]) if when else self.published,
            self._quote_at(sr.sentence.tokens[m.start_token].start),
            int(m.cameo[:2]),
            find_arguments(
                sr.refs,
                norms,
                words,
                m.start_token,
                m.end_token,
                m.frame_end_token,
                int(m.cameo[:2]),
                mediation=m.cameo.startswith(MEDIATION),
                condemnation=m.cameo == CONDEMNATION,
                one_way=not reciprocal(m),
            ),
        )
        draft = self._speaker(act)
        if draft is None:
            return []
        if _obligation(act) and draft.how != "quote" and act.args.source_how != "pronoun":
            # «لكن يتعين على كل منهما إقناع المتشددين»: "X must" is a demand only in someone's
            # words («قال الوزير إنه يتعين على إيران …»); in the writer's own it is analysis
            return []
        if act.mutual and draft.how != "quote" and act.args.source_how != "between":
            # (after «بين» the two sides are named: «اتصال جرى بين الرئيسين التركي … والأميركي …»)
            pair = self.parties.accord_pair(
                sr, m, norms, words, act.day, dual_only=m.cameo != ACCORD
            )
            if pair is not None:
                first, second, how = pair
                return [
                    self._event(sr, m, first, second, how, act.quote, when, clauses),
                    self._event(sr, m, second, first, how, act.quote, when, clauses),
                ]
        if draft.how != "quote":
            self._doer_and_object(act, draft)
        if not self._settle(act, draft):
            return []
        source, target = draft.source, draft.target
        assert source is not None and target is not None
        self.sentence_act_end = act.m.end_token
        self.sentence_source = source  # the doer of the sentence's coded act, for participles
        self.sentence_target = target
        return self._emit(act, source, target, draft.how)

    def _speaker(self, act: _Act) -> _Draft | None:
        """The parties of an act in someone's quoted or reported words: the speaker and the
        addressee, an empty draft when the act's own clause names them, None to code nothing."""
        m, norms, words, args, quote = act.m, act.norms, act.words, act.args, act.quote
        if quote is None or not quote.speaker_entity_id:
            return _Draft()
        if act.root >= CLAIM_ROOT:
            return None
        if act.root == 2 and args.source_how == "agent-marker":
            return _Draft()  # «أكد الوزير أن التدخل كان بناء على طلب من هادي»: Hadi asked
        own_subject = (
            args.source_how == CLAUSE_NAMED
            and act.root in OWN_SUBJECT_ROOTS
            and is_verb(words[m.start_token])
            and not _obligation(act)  # «أن إيران يتعين عليها»: Iran is who must, not who asks
        )  # «وأضاف البيان أن العبيدي شدد على ضرورة …»: the minister demands, not the statement
        if own_subject or not (
            act.root in SPEAKER_ROOTS or (args.source is None and args.source_how != CLAUSE_SUBJECT)
        ):
            return _Draft()
        w = norms[m.start_token]
        before = norms[m.start_token - 1] if m.start_token else ""
        if not (
            is_verb(words[m.start_token])
            or w in WILL  # «سوف تجعل روسيا تدفع الثمن»: a verb follows
            or w in PARTICIPLES
            or w in PARTICIPLES_PLURAL
            or before in BARE_COMPLEMENTIZERS  # «إن استدعاء السفير يهدف إلى …»
        ):
            # «من تهديد الدولة الإسلامية»، «بعد توقيع الاتفاق»، «رفض وجود قوات»: a verbal
            # noun in someone's words names an act, seldom the speaker's; on sampled news all
            # seven such events were wrong. The act the speaker's clause is about stays.
            return None
        source = self.parties.entity_side(quote.speaker_entity_id, act.day)
        target = self.parties.quote_target(act.sr, quote, m, source, act.day)
        return _Draft(source, target, "quote")

    def _doer_and_object(self, act: _Act, draft: _Draft) -> None:
        """Source and target from the sentence: a participle clause continues the sentence's
        doer, a verb joined by و shares it, else the arguments found, else the context."""
        m, norms, words, args, day = act.m, act.norms, act.words, act.args, act.day
        refs = act.sr.refs
        participle = any(
            w in PARTICIPLES or w in PARTICIPLES_PLURAL
            for w in norms[max(0, m.start_token - 3) : m.start_token + 1]
        )
        plural_doer = self.parties.plural_participle_doer(act.sr, m, norms, day)
        if participle and plural_doer is not None:
            draft.source, draft.how = plural_doer, PARTICIPLE  # «المتظاهرين …، مطالبين بـ…»
            if args.target is not None:
                draft.target = act.side(self.parties, args.target)
            return
        main = self.sentence_source
        if participle and main is None:
            # «ودان الوزير السعودي الهجوم، متهما إيران بدعم …»: when the main verb coded
            # nothing, the participle's doer is still the main clause's subject, named first
            subject = next(
                (
                    i
                    for i, r in enumerate(refs)
                    if r.end <= m.start_token
                    and r.kind in SUBJECT_KINDS
                    and not introduced_by_preposition(r, norms, words)
                ),
                None,
            )
            if subject is not None:
                main = act.side(self.parties, subject)
        if participle and main is not None:
            draft.source, draft.how = main, PARTICIPLE
            # a participle has no subject of its own: who follows it is its object
            # («مناشدا المجتمع الدولي حماية الشعب الفلسطيني»: the first one after it)
            obj = args.source if args.source_how == "after" else args.target
            if obj is not None and (side := act.side(self.parties, obj)).ref is not main.ref:
                draft.target = side
            elif self.sentence_target is not None and act.root < HOSTILE_ROOT:
                # «اتصل الملك بأمير الكويت معبرا عن تعازيه»: the same addressee; whom a
                # participle accuses or condemns is not the addressee of the main act
                draft.target, draft.how = self.sentence_target, PARTICIPLE_ADDRESSEE
            return
        if args.source is not None:
            draft.source = act.side(self.parties, args.source)
            if (
                not is_verb(words[m.start_token])
                and abs(refs[args.source].start - m.start_token) > NOUN_REACH
                and args.source_how not in BOUND_DOERS
            ):
                draft.source = None
        if args.target is not None:
            draft.target = act.side(self.parties, args.target)
        if (
            args.source is not None
            and self.sentence_source is not None
            and self.sentence_act_end is not None
            and words[m.start_token][:1] == "و"
            and is_verb(words[m.start_token])
            # «… للتفجير الذي استهدف مسجدا وأسفر عن …»: joined to a relative clause's verb,
            # it shares that clause's subject, not the sentence's first doer
            and not any(norms[k] in RELATIVES for k in range(self.sentence_act_end, m.start_token))
            and (
                (args.source_how == "before" and refs[args.source].start >= self.sentence_act_end)
                or args.target_how == "pronoun"  # «ودعاه إلى زيارة الرياض»
            )
        ):
            # «واستقبل الرئيس المصري الوزير الأمريكي وبحث معه …»: a verb joined by و with no
            # subject of its own shares the first verb's; who it names before is that verb's
            # object, its own object again when it names none
            draft.source = self.sentence_source
            target = draft.target
            if target is None or (
                target.entity_id is not None and target.entity_id == draft.source.entity_id
            ):
                draft.target = self.sentence_target
        if (
            draft.source is None
            and act.root < CLAIM_ROOT
            and args.source_how != CLAUSE_SUBJECT
            and not _background(act)
        ):
            draft.source = self.sentence_source or self.parties.implicit_source(
                act.sr, m, norms, day
            )
            draft.how = "context"
            draft.guessed = True
        elif (
            draft.source is None
            and draft.target is not None
            and m.cameo.startswith(STATE_ACTS)
            and passive_trigger(words, norms, m.start_token)
        ):  # «اعتُقل صحفيان إيرانيان»: arrests with no doer named are the state's
            draft.source = own_government(draft.target, any_role=True)
            draft.how = "context"

    def _settle(self, act: _Act, draft: _Draft) -> bool:
        """Correct the draft's parties by what the act is (the owner of forces demanded, who
        appears before a court, where aid went, the implicit addressee …); False when the act
        codes no event."""
        m, norms, words, args, day = act.m, act.norms, act.words, act.args, act.day
        refs = act.sr.refs
        source, target, how = draft.source, draft.target, draft.how
        if (
            args.target_how == "coordinated"
            and args.target is not None
            and target is not None
            and target.ref is refs[args.target]
            and not reciprocal(m)
        ):
            # «انسحب الحوثيون وقوات صالح»، «دعت بريطانيا وفرنسا دولا أخرى»: the list acted
            # together, one-way; neither member is the other's target
            return False
        if target is not None and target.ref.owned and target.country:
            # «طالب الاتحاد الأوروبي روسيا بسحب قواتها»: the forces are what is demanded; the
            # addressee is their owner, named between the trigger and them
            owner = next(
                (
                    i
                    for i, r in enumerate(refs)
                    if m.end_token <= r.start < target.ref.start
                    and r.iso3 == target.country
                    and not r.owned
                ),
                None,
            )
            if owner is not None:
                target = act.side(self.parties, owner)
        if (m.pattern_id in BEFORE_COURT or m.pattern_id in RECEIVED_FROM) and how == "":
            # «مثل شاب أردني أمام القضاء الأمريكي»: the court acts on whoever appears before it;
            # «تلقى بن سلمان اتصالا من هادي»: Hadi called
            source, target = target, source
        if args.source_how != "between" and self._circumstance_of_act(m, norms, words, target):
            assert self.sentence_source is not None
            source, target, how = self.sentence_source, self.sentence_target, "context"
            draft.guessed = False  # both parties are the act's it is the circumstance of
        if source is None or (not source.entity_id and not source.code):
            return False
        if (
            draft.guessed
            and how == "context"
            and args.target is None
            and not is_verb(words[m.start_token])
            and m.cameo[:2] not in ATTACK_ROOTS
        ):
            # «وجرى خلال الاستقبال …»، «بعد التوقيع على الاتفاقية»: a verbal noun whose doer
            # is only guessed and whose object its sentence does not name refers back to an
            # act, or to none; on sampled news, filling it in was wrong far more often than
            # right
            return False
        if (
            m.cameo[:2] in ATTACK_ROOTS
            and target is not None
            and target.ref.start < m.start_token
            and str(target.entity_id) in self.sentence_condemners
        ):
            # «انتقد الرئيس المصري الهجوم الذي شنه تنظيم داعش»: who condemned the attack is not
            # whom it hit; the place it hit may say («… على مدينة جازان»), else no target
            target = None
        if target is None and (m.cameo[:2] in ATTACK_ROOTS or m.cameo.startswith(CURFEWS)):
            # an attack that names nobody is on the place it hits («غارات على غزة»), and one
            # on a place of the attacker's own country is on its people; so is a curfew
            # («فرضت السلطات المصرية حظر التجول في سيناء»)
            target = self.parties.attacked_place(act.sr, m, norms, day)
        if (
            target is not None
            and (m.cameo.startswith(POPULACE_CODES) or m.cameo[:2] in ATTACK_ROOTS)
            and (bare_country(target) or target.ref.kind == "place")
            and target.country == source.country
        ):  # «فرضت السلطات العراقية حظر تجول في بغداد»: on the people of the place
            if not (target.code or "")[3:]:  # a context target may be coded CVL already
                target = Side(target.ref, None, target.text, f"{target.code}CVL")
        elif (
            target is not None
            and target.country == source.country
            and (
                bare_country(target) or (bare_country(source) and "GOV" in (target.code or "")[3:])
            )
        ):
            # «احترام قوانين روسيا» said by Russia: not the addressee; «نددت طهران بالقرار،
            # وقال المتحدث باسم الخارجية الإيرانية …»: a state does not act on its government
            target = None
        code = source.code or ""
        at_person = target is not None and target.ref.type == "PERS" and target.ref.kind != "agent"
        if (
            spoken_attack(m, norms, at_person)
            and not code.startswith("IMG")
            and code[3:6] not in ARMED_ROLES
        ):
            act.m, act.root = replace(m, cameo=CRITICISM), int(CRITICISM[:2])
            m = act.m
        if m.pattern_id == SUMMONS and target is not None and target.country == source.country:
            act.m, act.root = replace(m, cameo=RECALL), int(RECALL[:2])
            m = act.m
        if (
            m.pattern_id == WARNED
            and target is not None
            and target.country == source.country
            and (target.code or "").endswith("CVL")
        ):
            # «حذرت وزارة الصحة المواطنين من الأدوية المغشوشة»، «حذرت السفارة رعاياها من
            # السفر»: an advisory to the state's own people, not a threat
            return False
        if target is not None and act.root in FOREIGN_ROOTS and target.country == source.country:
            # «استدعت روسيا سفيرها لدى الولايات المتحدة أناتولي أنطونوف»: the envoy is Russia's
            # own; the relations reduced are with the country named after the trigger.
            target = self.parties.foreign_after(act.sr, m, source, day)
        if target is None and act.root == AID:
            # «أرسلت الإمارات قافلة مساعدات إلى مدينة عدن»: the recipient is where aid went
            k = aid_destination(refs, norms, source.country)
            if k is not None:
                target = act.side(self.parties, k)
        if m.cameo == RETREAT and (target is None or target.country == source.country):
            # «انسحاب القوات الروسية من … خيرسون»: yielding the place to its country's forces
            target = self.parties.yielded_place(act.sr, m, norms, source, day) or target
        if (
            target is None
            and act.root in ADDRESSEE_ROOTS
            and args.source_how != NATIONALITY
            and args.target_how != UNNAMED_DOER
            and (
                is_verb(words[m.start_token])
                or how == PARTICIPLE
                or args.source_how in ("light-verb", *BOUND_DOERS)
            )
        ):  # a verbal noun standing alone («المفاوضات»، «الاتهامات») names its act, not a talk
            target = self.parties.from_discourse(source, act.sr, m.start_token, self.sentence_pairs)
            if target is not None:
                how = how or "context"
        if target is None and act.root == PROTEST and how == "":
            target = self.parties.keeper(act.sr, source, norms, day)  # prisoners: their jailer
        if (
            (target is None or target.entity_id == source.entity_id)  # «إضرابهم»: their own
            and act.root == PROTEST
            and how == ""
            and (is_verb(words[m.start_token]) or args.source_how == "light-verb")
        ):  # «المعلمون اللبنانيون يواصلون إضرابهم»; not a protest named in passing
            target = own_government(source)
            how = "context"
        draft.source, draft.target, draft.how = source, target, how
        return not self._vetoed(act, source, target, how)

    def _vetoed(self, act: _Act, source: Side, target: Side | None, how: str) -> bool:
        """An event needs two coded actors, not the same one, and a statement its addressee."""
        if target is None or (target.entity_id and target.entity_id == source.entity_id):
            return True
        if not source.code or not target.code:
            return True  # an event joins two coded actors
        if source.code == target.code or (
            source.code[3:6] == target.code[3:6] == "GOV" and source.code[:3] == target.code[:3]
        ):  # «وزارتا الداخلية والخارجية»: one government's bodies are one side
            # «افتتحت … نادياً في سجن النساء بالرياض»: one actor code on both sides is a
            # dyad with itself, which no series counts; on sampled news it was a misread
            return True
        if act.m.pattern_id in JOINT_STATEMENTS:
            return bool(how)  # a joint statement is between parties the sentence names
        return (
            act.root == 1
            and how != PARTICIPLE_ADDRESSEE
            and ((how and how != PARTICIPLE) or not addressed(target, act.norms))
            and not on_place(act.m, target, act.norms)
        )  # a bare statement needs an addressee the sentence names (… إلى X، لـX)

    def _emit(self, act: _Act, source: Side, target: Side, how: str) -> list[Event]:
        """The event, the other way for a joint statement or a reciprocal act, and one for each
        co-source and co-target of a list."""
        sr, m, args, quote, when, clauses = (
            act.sr,
            act.m,
            act.args,
            act.quote,
            act.when,
            act.clauses,
        )
        out = [self._event(sr, m, source, target, how, quote, when, clauses)]
        if m.pattern_id in JOINT_STATEMENTS:  # «أصدرت الخارجية بيانا مشتركا مع نظيرتها»
            return [*out, self._event(sr, m, target, source, how, quote, when, clauses)]
        if how != "":
            return out
        for i in args.co_sources:  # «اعترفت إسبانيا وإيرلندا والنرويج بدولة فلسطين»
            co = act.side(self.parties, i)
            if co.code and co.entity_id != target.entity_id:
                out.append(self._event(sr, m, co, target, how, quote, when, clauses))
        if args.target is not None and target.ref is sr.refs[args.target]:
            for i in args.co_targets:  # «أشاد بالدور الذي أدته قطر ومصر»
                co = act.side(self.parties, i)
                if co.code and co.entity_id != source.entity_id:
                    out.append(self._event(sr, m, source, co, how, quote, when, clauses))
        if (
            args.target_how in ("coordinated", "between")
            and args.target is not None
            and target.ref is sr.refs[args.target]
            and (act.root in RECIPROCAL_ROOTS or m.cameo in RECIPROCAL_CODES)
        ):  # «وقعت مصر واليونان اتفاقا»، «اتفاق بين إيران والقوى الست»: each side acts
            # towards the other
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
        self.sentence_pairs.append((source, target))
        place = self._place(sr, clauses, clauses[m.start_token])
        cameo = m.cameo
        if (
            m.pattern_id in MEETINGS
            and cameo.startswith("04")  # not a meeting announced for the future (036)
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

    def _circumstance_of_act(
        self, m: TriggerMatch, norms: list[str], words: list[str], target: Side | None
    ) -> bool:
        """A call or meeting noun after خلال/أثناء/في that names no partner of its own, while
        an earlier act of the sentence has both parties (see CONTACT)."""
        if (
            int(m.cameo[:2]) != CONTACT
            or self.sentence_source is None
            or self.sentence_target is None
            or is_verb(words[m.start_token])
            or m.start_token == 0
            or norms[m.start_token - 1] not in CIRCUMSTANTIAL
        ):
            return False
        own = target is not None and (
            "ب" in target.ref.proclitic
            or (target.ref.start > 0 and norms[target.ref.start - 1] in PARTNER_MARKERS)
        )
        return not own

    def _quote_at(self, pos: int) -> Quote | None:
        for q in self.a.quotes:
            if q.start <= pos < q.end:
                return q
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


def _far_complement(norms: list[str], clauses: list[int], governor_end: int, start: int) -> bool:
    """An act noun right after «إلى/على», in the clause of the appeal or demand that ends at
    ``governor_end`` and within FAR_COMPLEMENT_WINDOW words of it: what is asked for."""
    return (
        governor_end <= start < governor_end + FAR_COMPLEMENT_WINDOW
        and start > 0
        and norms[start - 1] in COMPLEMENT_PREPOSITIONS
        and clauses[start] == clauses[governor_end - 1]
    )


def _asked_of(norms: list[str], start: int, end: int) -> bool:
    """The request names who asked whom: «من» (or «منه، منها، منهم») or «إلى» within a few
    words after it; or it is someone's request the sentence answers («استجابة لطلب الرئيس
    هادي»، «بناء على طلب …»، «هدنة طلبها الرئيس هادي»), whose parties the argument rules find."""
    word = strip_conjunction(norms[start])
    if word[:1] in ("ل", "ب") or word.endswith(("ها", "هم")):
        return True
    if start > 0 and norms[start - 1] in REQUEST_OPENERS:
        return True
    return any(
        strip_conjunction(w) in ASKED_MARKERS or strip_conjunction(w).startswith(FROM_WORD + "ه")
        for w in norms[end : end + ASKED_OF_REACH]
    )
