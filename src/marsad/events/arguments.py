"""Source and target of a trigger from the references around it in the sentence.

Arabic news uses both verb-first (VSO: «اعتقلت الشرطة المعارض») and subject-first (SVO:
«الشرطة اعتقلت المعارض») order; an object pronoun on the verb (اعتقلته) points back to an
earlier name; a prepositional frame (مع، إلى، على، ضد، عن، بـ، لـ) marks the target; «بين X و Y»
names both sides. What the sentence does not say is left for the caller to fill from context.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.actors.cues import (
    attack_proclitic,
    border,
    is_act_noun,
    is_attack_word,
    is_munition,
    munition_kind,
    outlet_under_preposition,
    territory,
    unglued,
)
from marsad.actors.reference import is_counterpart
from marsad.actors.resolve import Reference
from marsad.datafiles import resource
from marsad.events.modality import BREAKS
from marsad.events.parties import PASSIVE, counted_after
from marsad.events.phrases import (
    ACTOR_KINDS,
    MIN,
    REGIONS,
    authored,
    coordinated,
    dateline,
    first_of_list,
    in_region,
    introduced_by_preposition,
    posted_to,
    whereabouts,
)
from marsad.events.readings import CAUSE_REACH, CAUSES, caused_by
from marsad.events.words import (
    BARE_COMPLEMENTIZERS,
    HONORIFICS,
    LIGHT_VERBS,
    VICTIM_VERBS,
    bare,
    by_way_of,
    is_verb,
    plural,
    plural_agreement,
    vowelled_passive,
)
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction
from marsad.text.wordlists import word_set
from marsad.text.wordlists import words as listed_words

_WORDS = resource("events", "words.tsv")

# Object pronouns that point back to a person (ها is more often a treaty or a city).
PERSON_OBJECTS = ("ه", "هم", "هما")
# Words allowed between a verb and its subject: «وقعها كل من أوباما ومدفيديف».
# Words that do not separate a trigger from its party: quantifiers and the members of a body
# («وانسحب معظم أفراد القوات الأمريكية»), time adverbs, commas, honorifics («صاحب السمو»).
FILLERS = word_set(_WORDS, "arguments.fillers") | HONORIFICS
AFTER_WINDOW = 8
# words between a subject list and the object of its act of violence («القادمين من لحج مواقع»)
LIST_OBJECT_GAP = 4
# A light verb may sit this far before its noun: «أجرت القوات البحرية المصرية والسعودية مناورات».
LIGHT_VERB_REACH = 6
SENTENCE_STOPS = frozenset({".", "؛", ";", ":", "!", "؟", "?"})
# Words a doer marker may follow after the trigger (or the actor right after it): one after
# a verb (is_verb takes some nouns for verbs: «هجوم واسع من قبل …»), two after a verbal noun.
VERB_MARKER_GAP = 1
# A time or place phrase between them does not separate the marker from the trigger.
CIRCUMSTANCE = word_set(_WORDS, "arguments.circumstance")
CIRCUMSTANCE_REACH = 4
NOUN_MARKER_GAP = 2
AGENT_MARKERS = frozenset(
    {
        (normalize("من"), normalize("قبل")),
        (normalize("على"), normalize("يد")),
        (normalize("على"), normalize("أيدي")),  # «قُتلوا على أيدي مستوطنين»
        (normalize("بقرار"), normalize("من")),  # «رُفع حظر التجول بقرار من وزارة الداخلية»
        (normalize("بأمر"), normalize("من")),
        # «اتهامات لساركوزي صدرت عن قيادة الاتحاد»: what was issued by X is X's
        (normalize("صدرت"), normalize("عن")),
        (normalize("صدر"), normalize("عن")),
        (normalize("الصادرة"), normalize("عن")),
        (normalize("الصادر"), normalize("عن")),
        (normalize("صادرة"), normalize("عن")),
    }
)
# Acts without an object: the noun's genitive is who does them («مكالمة الوزير»، «مظاهرة الطلاب»).
INTRANSITIVE_ROOTS = frozenset({1, 2, 3, 4, 14})
# Verbal nouns of intransitive verbs in other roots: «انسحاب القوات الروسية» is the forces
# withdrawing, «استسلام المسلحين» the gunmen surrendering.
INTRANSITIVE_NOUNS = tuple(normalize(w) for w in ("انسحاب", "استسلام"))
# «كان ولي العهد في استقبال أمير قطر»: after «في», the host is the subject before it and the
# noun's genitive is the guest; «وكان في استقباله وزير الخارجية»: after «كان في», the host
# follows and the pronoun is the guest, named before.
RECEIVING_NOUNS = tuple(normalize(w) for w in ("استقبال",))
GUEST_PRONOUNS = ("", "ه", "ها", "هم", "هما")
IN_WORD = normalize("في")
# «زيارة له»، «اجتماع لهم»: whose act it is, by a pronoun after the noun
OWNER_PRONOUNS = word_set(_WORDS, "arguments.owner_pronouns")
WAS = word_set(_WORDS, "arguments.was")
# Assault, fight, mass violence: deaths and wounds are put down to the attack named as their
# cause, after one of CAUSES, within CAUSE_REACH tokens (events.readings).
VIOLENT_ROOTS = frozenset({18, 19, 20})
# Acts an unvowelled verb with a counted group after it reports as befalling that group
# («اعتقل عشرات المتظاهرين»، «قتل 12 مدنيا»); «تظاهر آلاف الأردنيين» is the group acting.
PASSIVE_PRONE = frozenset({17, 18})
KILL_VERBS = word_set(_WORDS, "arguments.kill_verbs")
# «قتل طفل فلسطيني»، «جرح شرطي»: an unvowelled kill verb before a person noun is passive.
VICTIM_NOUNS = word_set(_WORDS, "arguments.victim_nouns")
# «برصاص الجيش»، «بنيران القوات»، «بقذيفة أطلقها …»: the weapon's owner named after it did it.
# Attack nouns whose genitive is their doer after a cause word («لدى إلقاء مروحيات النظام»).
GENITIVE_ATTACKS = word_set(_WORDS, "arguments.genitive_attacks")
WEAPON_CAUSES = word_set(_WORDS, "arguments.weapon_causes")
BLASTS = word_set(_WORDS, "arguments.blasts")
GROUP_HEADS = word_set(_WORDS, "arguments.group_heads")
AT_LEAST = (normalize("على"), normalize("الأقل"))
NISBA_ENDINGS = ("ي", "يه", "يين", "يون")  # normalised: «السعودية» read as an adjective
ARMED_ROLES = frozenset({"MIL", "COP", "REB", "INS", "SPY"})
# Attack nouns besides those whose nationality is an army (cues.is_attack_word) that name
# their doer after them: «في تفجير انتحاري تبناه تنظيم داعش».
DOER_ATTACKS = word_set(_WORDS, "arguments.doer_attacks")
# «في هجوم شنته حركة حماس»، «في تفجير انتحاري تبناه التنظيم»: the relative verb that names
# an attack's doer after the attack noun.
DOER_LINKS = word_set(_WORDS, "arguments.doer_links")
ABOUT = normalize("عن")
ALONGSIDE = (normalize("إلى"), normalize("جانب"))
ATTACK_VICTIM_REACH = 8  # words before an attack noun its victims may be named in
ATTACK_NOUNS = (DOER_ATTACKS | GENITIVE_ATTACKS) - {normalize("قصف"), normalize("إطلاق")}
BEGIN = frozenset(normalize(w) for w in ("بدأ", "بدأت", "يبدأ", "تبدأ"))
UNDERWENT = word_set(_WORDS, "arguments.underwent")  # «تعرض X لقصف»
WITNESSED = word_set(_WORDS, "arguments.witnessed")  # «شهدت المدينة هجمات»
PRONOUN_COMPLEMENTIZERS = word_set(_WORDS, "arguments.pronoun_complementizers")
CLAUSE_REACH = 6  # words between «إن» and its verb: the clause's subject
CLAUSE_SUBJECT = "clause-subject"
# how, when a reported clause names its own subject before the verb («أن العبيدي شدد على»)
CLAUSE_NAMED = "clause-named"
NATIONALITY = "nationality"  # how, when a noun's doer is the nationality adjective after it
MEDIATION = word_set(_WORDS, "arguments.mediation")
SUPPORT = word_set(_WORDS, "arguments.support")
SIDE_OF = word_set(_WORDS, "arguments.side_of")
LEAVING = word_set(_WORDS, "arguments.leaving")
ACCIDENTS = word_set(_WORDS, "arguments.accidents")
STANCE_PRONOUNS = ("هما", "هم", "ها", "ه")
# Roots from protest on are material acts: «إضرابهم المفتوح للمطالبة» is a strike against
# whoever the protest rule finds, not a stance towards what follows «ل»
FIRST_MATERIAL_ROOT = 14
ASIDE_WORDS = 8  # words within which a comma closes a connective's clause as an aside
ACCIDENT_REACH = 3  # words between the deaths and the accident named after them
ACCIDENT_SUBJECT_REACH = 6  # «الموجة الحارة الأخيرة التي ضربت باكستان أودت بحياة …»
MASCULINE_COUNTRIES = frozenset(listed_words(_WORDS, "arguments.masculine_countries"))
VENUE_NOUNS = word_set(_WORDS, "arguments.venue_nouns")
CAPITAL_WORD = normalize("العاصمة")
# acts of talk and cooperation (roots 01-06), whose venue («في جنيف»، «مفاوضات فيينا») is no
# party; a curfew lifted or an attack «في كابل» concerns the place it is in
VENUE_ROOTS = frozenset(range(1, 7))
TOPIC_WORDS = word_set(_WORDS, "arguments.topic_words")
TOPIC_ROOTS = frozenset({3, 4, 5})  # intents, consultations and agreements have topics
WITH = normalize("مع")
CONSULT = 4  # root of meetings, visits and talks
QUANTIFIERS = frozenset(normalize(w) for w in ("جميع", "كل", "كافة", "مختلف"))
BETWEEN_FIRST = 3  # «بين قوات الجيش السوري و…»: the first side starts within three words
INVITATION = frozenset(normalize(w) for w in ("بدعوة", "دعوة"))
AT_REQUEST = normalize("بطلب")  # «بطلب من X»: X asked
FOR_REQUEST = normalize("لطلب")  # «استجابة لطلب X»
ANSWERING = frozenset(normalize(w) for w in ("استجابة", "تلبية", "نزولا"))
REQUEST = normalize("طلب")
# «بناء على طلب من X»، «نزولا عند طلب X»: the two words before «طلب» that make X the requester
ON_REQUEST = frozenset(
    (normalize(a), normalize(b)) for a, b in (("بناء", "على"), ("نزولا", "عند"), ("بناءا", "على"))
)
FROM = normalize("من")
AMONG = word_set(_WORDS, "arguments.among")
CONDEMNING = word_set(_WORDS, "arguments.condemning")
HARMS = word_set(_WORDS, "arguments.harms")
MANNER = word_set(_WORDS, "arguments.manner")
CONDEMNED_REACH = 10  # words from a condemning verb to the act it condemns
# how, when a condemnation names an act whose doer is not named: nobody is its target, not even
# the partner of the call it was voiced in (the steps leave it so)
UNNAMED_DOER = "unnamed-doer"
ACT_OBJECT_REACH = 3  # words from a condemnation to the act it names («أدان فيه بشدة التفجير»)
ACT_DOER_REACH = 8  # words from that act to its doer («… الذي شنته جماعة بوكو حرام»)
PREPOSITION_PRONOUNS = frozenset(
    normalize(p + s)
    for p in ("علي", "من", "في", "ب", "ل", "إلي", "عن", "مع")
    for s in ("ه", "ها", "هم", "هما")
)
RELATIVES = word_set(_WORDS, "arguments.relatives")
DOCUMENTS = word_set(_WORDS, "arguments.documents")
RELATION_NOUNS = word_set(_WORDS, "arguments.relation_nouns")
BILATERAL = normalize("الثنائي")
ANNOUNCEMENT = normalize("إعلان")  # «إعلان واشنطن مقتله»: an announcement, not a declaration
MASCULINE_HEADS = word_set(_WORDS, "arguments.masculine_heads")
MASCULINE_T_VERBS = word_set(_WORDS, "arguments.masculine_t_verbs")
IN_IT = frozenset(normalize(w) for w in ("فيه", "فيها", "فيهما"))
COMMAS = frozenset(("،", ","))
DOCUMENT_REACH = 6  # words from the document noun to the verb said in it («بيانا شديد اللهجة»)
OBJECT_PRONOUNS = ("ها", "هم", "هما", "ه")
SUBJECT_REACH = 5  # «استضافتها مدينة العلا شمال غربي السعودية»: the subject's place phrase
COMPLEMENTIZERS = word_set(_WORDS, "arguments.complementizers")
VENUES = frozenset(normalize(w) for w in ("أمام",))
# Words saying that a doer belongs to a group: «ينتمي إلى»، «تابعون لـ».
AFFILIATED = word_set(_WORDS, "arguments.affiliated")
AFFILIATION_HEDGES = word_set(_WORDS, "arguments.affiliation_hedges")
TO = frozenset(normalize(w) for w in ("إلى", "الى"))
# «عناصر من تنظيم داعش»: members of a group, who act for it.
MEMBERS = word_set(_WORDS, "arguments.members")
# Where fire came from: «من [داخل] الأراضي/الجانب/الحدود + nationality».
ORIGIN_REACH = 8
INSIDE = frozenset(normalize(w) for w in ("داخل", "جهة"))
SIDES = word_set(_WORDS, "arguments.sides")
# Aid's destination: a place or country after «إلى», past a noun such as «مطار» or «مدينة».
DESTINATION_KINDS = frozenset({"place", "capital", "country"})
DESTINATION_HEADS = word_set(_WORDS, "arguments.destination_heads")
APPEALS = frozenset({2, 10})  # appeals and demands: made to whom they name as their object
AID = 7  # root of providing aid
FOR_THE_SAKE_OF = word_set(_WORDS, "arguments.for_the_sake_of")
FORCE_POSTURE = 15  # «تحشد قواتها قرب حدودها مع أوكرانيا»: the border's country is faced
BORDER_KINDS = frozenset({"country", "adjective", "capital", "metonym"})
TERRITORY_ROOTS = frozenset({15, 17, 18, 19, 20})
FIGHT = 19  # root of fighting
COERCE = 17  # root of arrests, sanctions and other coercion
# «أما X فقد فعل»: the topic marker and the particles that resume it before the verb
TOPIC_MARKER = normalize("أما")
TOPIC_RESUMERS = frozenset(normalize(w) for w in ("فقد", "فإن"))
TOPIC_REACH = 16
PERFECT_MARKERS = frozenset(normalize(w) for w in ("قد", "لقد"))  # «X قد اتهم Y»
COPULAS = word_set(_WORDS, "arguments.copulas")
CONTRASTS = frozenset(normalize(w) for w in ("لكن", "ولكن", "بينما", "فيما"))  # one token each
COMING_FROM = word_set(_WORDS, "arguments.coming_from")
FOUGHT = word_set(_WORDS, "arguments.fought")
AGAINST = frozenset(normalize(w) for w in ("ضد", "وضد", "على"))
COOPERATIVE_ROOTS = frozenset(range(1, 9))  # statements to aid: no act against anyone
ATTACK_NOUN_REACH = 3  # «هجوما بسيارة مفخخة استهدف …»: the attack noun and its weapon
AIMED_VERBS = frozenset(
    normalize(w)
    for w in ("استهدف", "استهدفت", "استهدفا", "استهدفتا", "يستهدف", "تستهدف", "تستهدفان")
)
OBJECT_VERBS = word_set(_WORDS, "arguments.object_verbs")
CREDITED_NOUNS = word_set(_WORDS, "arguments.credited_nouns")
ON = normalize("على")
BETWEEN = normalize("بين")
IN = normalize("في")
# A title's place phrase («المبعوث الأممي إلى ليبيا»، «السفير الروسي في دمشق») and what may
# stand between a title and the name it introduces.
PLACE_KINDS = frozenset({"country", "capital", "place"})
TOWN_KINDS = frozenset({"capital", "place"})
LAUNCHED = word_set(_WORDS, "arguments.launched")  # «انطلاقا من قاعدة بجنوب تركيا»
NEAR = word_set(_WORDS, "arguments.near")  # «قرب دمشق»، «في ضواحي دمشق»
SPOKEN_ROOTS = frozenset({1, 2, 10, 11, 12, 13})  # «انتقد إردوغان من جاكرتا»: where he spoke
NEAR_ROOTS = frozenset({1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14})  # not yielding or force
PLACE_PREPOSITIONS = word_set(_WORDS, "arguments.place_prepositions")
TITLE_LINKS = frozenset({"،", ","})


@dataclass(slots=True)
class Arguments:
    source: int | None  # index into the sentence's references
    target: int | None
    source_how: str = ""  # before | after | inside | between | context
    target_how: str = ""
    # A subject list «إسبانيا وإيرلندا والنرويج … بدولة فلسطين»: its other members act too.
    co_sources: tuple[int, ...] = ()
    # An object list «أشاد بالدور الذي أدته قطر ومصر»: each member is a target.
    co_targets: tuple[int, ...] = ()


def _between(norms: Sequence[str], end: int, stop: int, root: int | None) -> int | None:
    """Where «بين» names the trigger's two sides, in ``[end, stop)``.

    A definite noun behind ب/ل before it is the object the بين phrase belongs to: in
    «رحبت السعودية بالاتفاق بين الحكومة وطالبان» the two sides made the agreement, the
    welcome is Saudi Arabia's. Fighting keeps them: «اشتباكات بالأسلحة بين X و Y».
    """
    for k in range(end, stop):
        if norms[k] == BETWEEN:
            return k
        if root != FIGHT and strip_conjunction(norms[k]).startswith(("بال", "لل")):
            return None
    return None


def _fired_from(refs: Sequence[Reference], norms: Sequence[str], end: int) -> int | None:
    """The country an attack came from: «من داخل الأراضي اليمنية»، «أطلقت من الجانب اليمني»،
    within a few words after the trigger."""
    for k in range(end, min(end + ORIGIN_REACH, len(norms) - 1)):
        if norms[k] != FROM:
            continue
        j = k + 1
        if j < len(norms) and norms[j] in INSIDE:
            j += 1
        if j < len(norms) and norms[j] in SIDES:
            hit = next((i for i, r in enumerate(refs) if r.start == j + 1 and r.iso3), None)
            if hit is not None and refs[hit].kind in ("adjective", "country"):
                return hit
    return None


def _past_appositions(
    refs: Sequence[Reference], norms: Sequence[str], words: Sequence[str], args: Arguments
) -> Arguments:
    """«استقبل الأمير محمد بن سلمان … النائب الثاني لرئيس مجلس الوزراء وزير الدفاع، في مكتبه
    بالرياض، وزير الدولة لشؤون الدفاع بدولة قطر»: the uncoded titles right after a named
    subject are his own offices, not the object; the object is the next coded party, past
    where and when."""
    if args.source is None or args.target is None or args.target_how != "after":
        return args
    source = refs[args.source]
    own = _own_title(source, refs[args.target])
    if not source.code or (refs[args.target].code and not own):
        return args
    end = source.end
    k = args.target
    while (
        k < len(refs)
        and refs[k].kind == "title"
        and (not refs[k].code or (k == args.target and own))
        and refs[k].start <= end + 2
    ):
        end = refs[k].end
        k += 1
    if k == args.target:
        return args
    for j in range(k, len(refs)):
        r = refs[j]
        if r.kind in ACTOR_KINDS and r.code and not introduced_by_preposition(r, norms, words):
            return replace(args, target=j)
    # «أشاد نيكولا ساركوزي رئيس فرنسا حينذاك بالعقد»: his own office, and no one else
    return replace(args, target=None, target_how="") if own else args


def _own_title(source: Reference, title: Reference) -> bool:
    """«نيكولا ساركوزي رئيس فرنسا»: a coded title right after a named person, of the person's
    own country, is the person's office (held then or now), not a second party."""
    return (
        title.kind == "title"
        and source.type == "PERS"
        and source.end <= title.start <= source.end + 1
        and bool(title.code)
        and (title.code or "")[:3] == (source.code or "")[:3]
    )


def find_arguments(
    refs: Sequence[Reference],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
    end: int,
    frame_end: int | None,
    root: int | None = None,
    mediation: bool = False,
    condemnation: bool = False,
    one_way: bool = False,
) -> Arguments:
    """Pick the source and target references of the trigger at tokens ``[start, end)``;
    ``mediation``: the act is done between two others by its subject (045); ``condemnation``:
    it denounces (111), so an act it names is condemned for its doer's sake; ``one_way``: it is
    not one two parties do to each other, so a subject list does it to someone else."""
    if mediation:
        brokered = _mediated(refs, norms, words, start, end)
        if brokered is not None:
            return brokered
    args = _find_arguments(refs, norms, words, start, end, frame_end, root, one_way)
    if condemnation:
        args = _condemned_doer(refs, norms, words, end, args)
    if args.source_how == "agent-marker":
        return args  # «اعتُقل المتظاهرون على يد قوات الأمن»: already doer and patient
    args = _past_appositions(refs, norms, words, args)
    if root in VIOLENT_ROOTS and _accident(norms, start, max(end, frame_end or 0)):
        return Arguments(None, None, "", "")  # «لقي طيار مصرعه في تحطم مروحية»: no doer
    if root in VIOLENT_ROOTS:
        origin = _fired_from(refs, norms, end)
        if origin is not None and origin != args.source:
            # «تعرض المركز لقذائف من داخل الأراضي اليمنية»: fired from Yemen, at the post
            hit = args.source if args.source is not None else args.target
            if hit == origin:
                hit = None
            return Arguments(origin, hit, "origin", "hit" if hit is not None else "")
        cause = _attack_cause(refs, norms, end)
        if cause is not None and cause != args.source:
            # «قُتل ثلاثة فلسطينيين في غارات إسرائيلية»، «… جراء غارات جوية»: the attack the
            # deaths are put down to did them, to the people named after the trigger
            victims = [
                i
                for i in (args.source, args.target)
                if i is not None and i != cause and refs[i].kind not in PLACE_KINDS
            ]
            if not victims:  # «مقتل 12 مدنيا في غارات جوية»: those named before the cause
                victims = [
                    i
                    for i, r in enumerate(refs)
                    if end <= r.start < refs[cause].start
                    and r.kind in ACTOR_KINDS
                    and r.type != "MISC"
                ]
            if not victims:  # «إن عشرين من ميليشيات الحوثي قتلوا إثر غارات …»: the subject
                victims = [
                    i
                    for i, r in enumerate(refs)
                    if r.end <= start
                    and r.kind in ACTOR_KINDS
                    and r.type != "MISC"
                    and not any(
                        norms[k] in SENTENCE_STOPS or norms[k] in COMPLEMENTIZERS
                        for k in range(r.end, start)
                    )
                ]
            victims.sort(key=lambda i: (refs[i].start < start, abs(refs[i].start - end)))
            return Arguments(cause, victims[0] if victims else None, "cause", "victim")
        verb = bare(norms[start])
        killed = verb in KILL_VERBS or verb.removesuffix("وا").removesuffix("ت") in KILL_VERBS
        if (
            killed
            and end < len(norms)
            and norms[end] == WITH
            and args.source is not None
            and args.source_how in ("before", CLAUSE_NAMED)
        ):
            # «إن العجلاني قتل مع ثلاثة عناصر آخرين»: killed along with others, by no one named
            return Arguments(None, args.source, CLAUSE_SUBJECT, "victim")
        if cause is None and killed and args.source_how == "after" and args.source is not None:
            k = refs[args.source].end
            if tuple(norms[k : k + 2]) == AT_LEAST:
                k += 2  # «قتل عشرة أشخاص على الأقل في هجوم …»
            if k + 1 < len(norms) and _cause_at(norms, k):
                # «قتل جنديان إسرائيليان في انفجار لغم»: a cause right after the ones named
                # after the verb makes it passive; they were killed, by no one named
                return Arguments(None, args.source, CLAUSE_SUBJECT, "victim")
            place = refs[args.target] if args.target is not None else None
            if (
                place is not None
                and place.kind in PLACE_KINDS
                and ((place.start == k + 1 and norms[k] == IN) or place.start == k)
                and (norms[k] == IN or place.proclitic.endswith("ب"))
            ):
                # «قتل اليمني خالد حاج في الرياض»: only a place after the one named, so he was
                # killed there; an active «قتل» names whom it killed
                return Arguments(None, args.source, CLAUSE_SUBJECT, "victim")
        if cause is None and killed and args.source_how != "after" and _unnamed_attack(norms, end):
            # «عشرون من ميليشيات الحوثي … قتلوا إثر غارات لطائرات التحالف»: the deaths are put
            # down to an attack whose doer has no code; those named before were killed
            victim = args.source if args.source_how == "before" else args.target
            also = (args.target,) if args.target_how == "coordinated" and args.target else ()
            how = "victim" if victim is not None else ""
            return Arguments(None, victim, CLAUSE_SUBJECT, how, co_targets=also)
    if bare(norms[start]) in VICTIM_VERBS or vowelled_passive(words[start]):
        # «استشهد ثلاثة فلسطينيين في قصف إسرائيلي»: the subject suffered the act; the doer
        # is named after it, or not at all
        if args.source is None and args.target is not None and counted_after(norms, end - 1):
            # «واعتُقل ثلاثة صحفيين»: the counted group, already read as the one acted upon
            args = Arguments(args.target, None, args.target_how, "")
        doer, how = args.target, args.target_how
        if doer is not None and refs[doer].kind in ("place", "capital", "country"):
            doer, how = None, ""  # «اعتُقل صحفيان في طهران»: where, not who
        if doer is not None and args.source is not None:
            between = norms[refs[args.source].end : refs[doer].start]
            if (FROM in between and len(between) <= 2) or any(
                strip_conjunction(w) in AMONG for w in between
            ):
                # «لقي 28 شخصاً من عناصر داعش مصرعهم»: their own group; «لقي ستة أشخاص
                # مصرعهم، بينهم اثنان من الصحوة»: some of them
                doer, how = None, ""
        if args.source is not None:
            # «اغتيل القيادي … في غارة إسرائيلية»: the force a strike's adjective names, before
            # any group the victim belongs to («مسؤول في حزب الله»)
            after = max(end, refs[args.source].end)
            force = next(
                (
                    i
                    for i, r in enumerate(refs)
                    if r.kind == "agent"
                    and r.code
                    and after <= r.start <= after + AFTER_WINDOW
                    and introduced_by_preposition(r, norms, words)
                ),
                None,
            )
            if force is not None:
                doer, how = force, "after"
        return Arguments(doer, args.source, how, args.source_how)
    return args


def _find_arguments(
    refs: Sequence[Reference],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
    end: int,
    frame_end: int | None,
    root: int | None = None,
    one_way: bool = False,
) -> Arguments:
    usable = [
        i
        for i, r in enumerate(refs)
        if r.kind in ACTOR_KINDS
        and r.type != "MISC"
        and not _mediator(r, norms)
        and not _supporter(r, norms)
        and not _side_of(refs, r, norms)
        and not posted_to(refs, r, norms)
        and not (root in VENUE_ROOTS and _venue(r, norms, root == CONSULT))
        and not _named_for(r, norms)  # «اتفاق الرياض»، «إعلان القاهرة»: a name, not a party
        and not dateline(r, norms)  # «واس - الرياض:»: where the story was filed
        # «قرب الحدود السورية»: where, not who — but troops massed at a border face its country
        and (root == FORCE_POSTURE or not (r.kind in BORDER_KINDS and border(norms, r.start)))
        # «فوق الأراضي السورية»: where a request or a statement was about; force used there
        # is used on that country
        and (root in TERRITORY_ROOTS or not (r.kind in BORDER_KINDS and territory(norms, r.start)))
        and not _where(r, norms, root)
        and not _glosses_place(refs, r, norms)
        and not in_region(r, norms, refs)  # «في شمال سوريا»: where, and never a subject
        # «بحسب تعداد لوكالة الصحافة الفرنسية»، «قال لصحيفة الأهرام»: the outlet told or
        # counting is no party to the act
        and not (
            r.start > 0
            and outlet_under_preposition(norms[r.start - 1])
            and (r.code or "MED").endswith("MED")
        )
        and not whereabouts(refs, r, norms)
    ]
    if root in TOPIC_ROOTS:
        usable = [i for i in usable if not _discussed(refs[i], norms, end, root)]
    # «اشتباكات بالأسلحة الخفيفة والمتوسطة بين X و Y»: بين may follow the frame
    reach = end if is_verb(words[start]) else max(end, frame_end or 0)
    between = _between(norms, end, min(reach + 3, len(norms)), root)
    # «لقصف»، «بقصف»: a preposition glued to an attack word makes it the noun
    noun = (
        not is_verb(words[start])
        or attack_proclitic(norms[start]).endswith(("ب", "ل"))
        or strip_conjunction(norms[start]) in ATTACK_NOUNS  # «هجوم»، «غارات»: never verbs
        or _condemned(refs, norms, start)
    )
    if root is not None and noun and between is None:
        return _noun_arguments(refs, usable, norms, words, start, end, frame_end, root)
    said_in = _said_in_document(refs, usable, norms, words, start, end)
    if said_in is not None:
        return said_in
    if root is not None and root < FIRST_MATERIAL_ROOT and between is None:
        owned = _pronoun_doer(refs, usable, norms, words, start, end, frame_end, True)
        if owned is not None:
            return owned
    inside = [i for i in usable if refs[i].start >= start and refs[i].end <= end]
    after = [i for i in usable if refs[i].start >= end and refs[i].start - end <= AFTER_WINDOW]
    before = [i for i in usable if refs[i].end <= start]
    asked_by = _requested_by(refs, usable, norms, start, end)
    if asked_by is not None:
        # «قرر المجلس تأجيل المناقشة بطلب من الولايات المتحدة»، «استجابة لطلب الرئيس اليمني»:
        # who asked is named after the request; who was asked is the clause's subject
        asked = [i for i in before if not introduced_by_preposition(refs[i], norms, words)]
        return Arguments(
            asked_by, asked[0] if asked else None, "agent-marker", "before" if asked else ""
        )
    if inside and norms[start] in COMPLEMENTIZERS:
        # «قال بايدن إن بوتين قاتل»: the clause's subject is who is called names; the one
        # saying it is the subject before.
        subj = [i for i in before if not introduced_by_preposition(refs[i], norms, words)]
        return Arguments(subj[-1] if subj else None, inside[0], "before", "inside")
    # «الاتصال بين X و Y»: both sides named after بين.
    if between is not None:
        # «بين إيران والقوى الكبرى في فيينا»: a place after «في» is where, not a side
        # «بين الجانبين حول …، تمسك الحوثي …»: the sides follow «بين» in its own clause (a comma
        # before «و…» goes on with the list: «بين الكتائب … من طرف، وقوات النظام»)
        stop = next(
            (
                j
                for j in range(between + 1, len(norms))
                if norms[j] in BREAKS
                and not (norms[j] in ("،", ",") and norms[j + 1 : j + 2] and norms[j + 1][0] == "و")
            ),
            len(norms),
        )
        sides = [
            i
            for i in usable
            if between < refs[i].start < stop
            and not (refs[i].start > 0 and norms[refs[i].start - 1] == IN)
            # «بين جبهة النصرة (تنظيم القاعدة في بلاد الشام) و…»: a gloss, not a side
            and not _in_parentheses(refs[i], norms, between)
        ]
        if len(sides) >= 2 and refs[sides[0]].start - between <= BETWEEN_FIRST:
            # Clashes between two sides are fought by both (each way, as CAMEO codes it).
            how = "coordinated" if root == FIGHT else "between"
            return Arguments(sides[0], sides[1], "between", how)
    relative = _relative_clause(refs, usable, norms, words, start, end, frame_end)
    if relative is not None:
        return relative
    if start > 0 and norms[start - 1] in PRONOUN_COMPLEMENTIZERS and is_verb(words[start]):
        # «قال لافروف إنه سيزور القاهرة»: the pronoun is the subject, named before; what
        # follows the verb is its object
        said = [
            i
            for i in usable
            if refs[i].end < start
            and not introduced_by_preposition(refs[i], norms, words)
            and not _fought(refs[i], norms)  # «لمكافحة حركة الشباب، إلا أنه طالبها»
        ]
        if said:
            obj = _after_target(refs, usable, norms, words, end, frame_end, said[-1])
            return Arguments(said[-1], obj, "pronoun", "after" if obj is not None else "")
    marked = _marked_doer(refs, usable, norms, end, is_verb(words[start]), frame_end)
    if marked is not None:  # «اعتقل المتظاهرون على يد قوات الأمن»: a passive with its doer
        doer, k = marked
        patients = [i for i in after if refs[i].start < k] or [
            i for i in before if not introduced_by_preposition(refs[i], norms, words)
        ][-1:]
        return Arguments(doer, patients[0] if patients else None, "agent-marker", "after")
    source: int | None = None
    how = ""
    topic = _topic(refs, usable, norms, words, start)
    if inside:  # «ولفت لافروف انتباه …»: the subject sits inside the trigger phrase
        source, how = inside[0], "inside"
    elif topic is not None:  # «أما وزير الخارجية الأردني فقد انتقد …»: the topic is the doer
        source, how = topic, "before"
    elif (
        after
        and is_verb(words[start])
        and not _purpose(norms[start])
        and not _fronted_subject(refs, before, norms, words, start)
    ):
        first = after[0]
        gap = [w for w in norms[end : refs[first].start] if w not in FILLERS]
        # «اعتقل عشرات المتظاهرين»: a counted group after the verb is what befell
        crosses = (
            any(w in COMPLEMENTIZERS for w in gap)
            or (
                counted_after(norms, end - 1)
                and (root in PASSIVE_PRONE or bare(norms[start]) in KILL_VERBS)
            )
            or (
                bare(norms[start]) in KILL_VERBS
                # «قتل طفل فلسطيني»، «قتل موظف أمريكي»: the person noun may begin the actor
                and (gap[0] if gap else norms[refs[first].start]) in VICTIM_NOUNS
            )
        )
        # «وأحبطت الشرطة … واعتقلت عناصر من تنظيم داعش»: with a subject named before, members
        # after an arrest are who was arrested, not who arrested
        members_arrested = (
            root == COERCE
            and any(w in MEMBERS for w in norms[end : refs[first].start + 1])
            and any(not introduced_by_preposition(refs[i], norms, words) for i in before)
        )
        # right after the verb (after «كل من» or a number the plural is a genitive)
        accusative = refs[first].start == end and _accusative_plural(refs[first], norms)
        if (
            accusative
            and not _fronted_subject(refs, before, norms, words, start)
            and not _governed_noun(refs, before, norms, words, start)
        ):
            # «ودعت المتمردين الحوثيين إلى احترامها»: the object; the subject is understood
            # from the sentence before or its first act, not the nearest name before the verb
            return Arguments(None, first, "", "after")
        crosses = crosses or members_arrested or accusative
        # The frame's own words are the object: «وطردت عشرة دبلوماسيين روس».
        # «واتهم التحالف إيران بـ…»: a definite noun between the verb and the first actor is
        # the subject, one with no code; the actor after it is the object (but «أبدى الجانب
        # البرازيلي»: a nationality after the noun names the subject)
        # «ناشد الوزراء جميع الليبيين»: after a quantifier the nationality is the object, not
        # the subject's adjective
        between_words = norms[end : refs[first].start]
        quantified = len(between_words) == 2 and strip_conjunction(between_words[1]) in QUANTIFIERS
        if (
            len(gap) == 1
            and strip_conjunction(gap[0]).startswith("ال")
            and len(gap[0]) >= 5
            and (
                quantified
                # «ورفض التدخل الإيراني»: the nationality of an act named as the object is its
                # doer's, whom the verb is aimed at
                or _verbal_noun(gap[0])
                or (
                    refs[first].kind != "adjective"
                    and not norms[refs[first].start].endswith(NISBA_ENDINGS)  # «اللجنة السعودية»
                )
            )
            and not _fronted_subject(refs, before, norms, words, start)
        ):
            return Arguments(None, first, "", "after")
        if (
            len(gap) <= 1
            and not crosses
            and not _object_after(refs[first], norms, start, gap)
            and not plural_agreement(words[start])
            and not introduced_by_preposition(refs[first], norms, words)
            and not (frame_end and refs[first].start < frame_end <= refs[first].end)
            and not _masculine_verb_country(norms, start, refs[first])
            and not _feminine_verb_masculine_noun(norms, start, end, refs[first])
        ) or (_affiliation(refs[first], norms, end) and not members_arrested):
            source, how = first, "after"
    target: int | None = None
    target_how = ""
    carried: int | None = None
    if source is None:
        subj = [
            i
            for i in before
            if not introduced_by_preposition(refs[i], norms, words) and not _fought(refs[i], norms)
        ]
        opener = _clause_opener(norms, start)
        if opener is not None:
            # «قال غروندبرغ إن الأطراف وافقت»: the clause names its own subject (الأطراف),
            # which is no actor; the speaker before «إن» did not agree
            subj = [i for i in subj if refs[i].start > opener]
            if not subj:
                how = CLAUSE_SUBJECT
        if opener is None and len(subj) >= 2 and _previous_object(refs, subj, norms, words, start):
            # «وصف المالكي المملكة بأنها … وطالب بوضعها …»: a verb joined by «و» goes on
            # with the subject of the verb before it, not with that verb's object; that
            # object is its own when it names none («انتقد روسيا الغرب وهدد بالرد»)
            carried = subj[-1]
            subj = subj[:-1]
        if subj:
            source, how = subj[-1], (CLAUSE_NAMED if opener is not None else "before")
            first = first_of_list(refs, source, norms) if plural(words[start]) else source
            if first != source:  # «لافروف وبلينكن رحبا»: the list's first is the source
                source, target, target_how = first, source, "coordinated"
    co_sources: tuple[int, ...] = ()
    if source is not None and target is None:
        partner = coordinated(refs, source, norms)
        if partner is not None:
            target, target_how = partner, "coordinated"
            members = [partner]
            while (nxt := coordinated(refs, members[-1], norms)) is not None:
                members.append(nxt)
            # «وتتهم بريطانيا وفرنسا والولايات المتحدة النظام السوري»: a one-way act of the
            # list is done to the first actor right after it, as violence is
            obj = _list_object(
                refs, usable, norms, words, members[-1], frame_end, root in VIOLENT_ROOTS or one_way
            )
            if how == "after" and obj is not None:
                target, target_how, co_sources = obj, "after", tuple(members)
    if target is None and frame_end is not None:
        # «بطرد دبلوماسيين أمريكيين»: an actor the frame's last word belongs to is the object.
        own = [
            i
            for i in usable
            if i != source and refs[i].start >= end and refs[i].start < frame_end <= refs[i].end
        ]
        if own:
            target, target_how = own[0], "after"
    last = words[end - 1]
    if (
        target is None
        and end - start > 1
        and strip_conjunction(norms[start]) in PASSIVE
        and last.endswith(PERSON_OBJECTS)
    ):
        # «12 شخصا تم اعتقالهم»: a passive whose pronoun is the one named before; no doer
        antecedents = [
            i for i in before if refs[i].type in ("PERS", "ORG") and refs[i].end >= start - 1
        ]
        if antecedents:
            return Arguments(None, antecedents[-1], "", "pronoun")
    if target is None and last.endswith(PERSON_OBJECTS) and len(last) > 3:
        antecedents = [i for i in before if i != source and refs[i].type in ("PERS", "ORG")]
        if antecedents:
            target, target_how = antecedents[-1], "pronoun"
    if target is None:
        origin = refs[source].end if source is not None and how in ("after", "inside") else end
        named = _apposed_name(refs, norms, source) if how == "after" else None
        if named is not None:  # «المبعوث الأممي إلى ليبيا عبد الله باتيلي»: one person
            origin = refs[named].end
        reach = max(origin, frame_end or 0) + AFTER_WINDOW  # «فرضت … عقوبات على X»: past the frame
        stop = _next_clause(refs, norms, words, origin, reach)
        # «مروحيات الجيش السوري»: the doer's genitive is part of the doer
        owner = refs[source].end if source is not None and _construct(refs[source], norms) else -1
        rest = _actors_first(
            refs,
            [
                i
                for i in usable
                if i != source
                and origin <= refs[i].start <= stop
                and refs[i].start != owner
                and not (root in COOPERATIVE_ROOTS and _fought(refs[i], norms))
            ],
        )
        # «دعوى أمام محكمة العدل الدولية تتهم فيها إسرائيل»: a venue is where, not whom
        venues = [i for i in rest if refs[i].start > 0 and norms[refs[i].start - 1] in VENUES]
        rest = [i for i in rest if i not in venues] + venues
        prep = [i for i in rest if introduced_by_preposition(refs[i], norms, words)]
        plain = [i for i in rest if i not in prep]
        pick = (plain or prep) if how in ("after", "inside") else (prep or plain)
        if how == "before" and plain and refs[plain[0]].start == end and not frame_end:
            # «لكن موسكو انتقدت الولايات المتحدة لعدم …»: the object right after the verb
            pick = plain
        addressee = (
            root in APPEALS and how == "after" and plain and refs[plain[0]].start < frame_end
            if frame_end is not None
            else False
        )  # «طالبت العفو الدولية السلطات البحرينية بالإفراج عن المعتقلين»: asked of the holder
        if frame_end is not None and not addressee:
            # «بفرض عقوبات جديدة على بيلاروسيا»: the object right after the frame
            pick = [
                i for i in prep if 0 <= refs[i].start - frame_end <= 2 and i not in venues
            ] or pick
        if pick:
            target, target_how = pick[0], "after"
    if (
        root in VIOLENT_ROOTS
        and target is not None
        and refs[target].start >= 2
        and (norms[refs[target].start - 2], norms[refs[target].start - 1]) == ALONGSIDE
    ):
        target, target_how = None, ""  # «يقاتلون إلى جانب الحوثيين»: allies, not the enemy
    if root == AID and target is not None:
        # «أرسلت الإمارات مساعدات إلى سوريا لدعم المتضررين»: the aided people are the recipients
        aided = [
            i
            for i in usable
            if i != source
            and refs[i].start > refs[target].start
            and refs[i].start - refs[target].end <= 3
            and norms[refs[i].start - 1] in FOR_THE_SAKE_OF
        ]
        if aided:
            target = aided[0]
    if root == FORCE_POSTURE and source is not None and target is not None:
        src_code, obj_code = refs[source].code or "", refs[target].code or ""
        if obj_code.endswith("MIL") and src_code[:3] == obj_code[:3]:
            # «روسيا تحشد 100 ألف جندي قرب حدودها مع أوكرانيا»: the troops are the state's
            # force doing it; the posture is towards whom comes after them
            after_troops = _after_target(refs, usable, norms, words, refs[target].end, None, target)
            source = target
            target = after_troops if after_troops != source else None
            target_how = "after" if target is not None else ""
    if target is None and carried is not None:
        target, target_how = carried, "carried"
    co_targets: list[int] = []
    if target is not None and target_how == "after":
        while (
            nxt := coordinated(refs, co_targets[-1] if co_targets else target, norms)
        ) is not None:
            if nxt == source:
                break
            co_targets.append(nxt)
    return Arguments(source, target, how, target_how, co_sources, tuple(co_targets))


def _mediated(
    refs: Sequence[Reference], norms: Sequence[str], words: Sequence[str], start: int, end: int
) -> Arguments | None:
    """«توسطت قطر بين حماس وإسرائيل»: the subject mediates, towards both sides named after
    «بين»; None when no بين phrase follows."""
    at = _between(norms, end, min(end + AFTER_WINDOW, len(norms)), None)
    if at is None:
        return None
    usable = [i for i, r in enumerate(refs) if r.kind in ACTOR_KINDS and r.type != "MISC"]
    sides = [i for i in usable if refs[i].start > at][:2]
    if len(sides) < 2:
        return None
    plain = [i for i in usable if not introduced_by_preposition(refs[i], norms, words)]
    after = [i for i in plain if end <= refs[i].start < at]
    before = [i for i in plain if refs[i].end <= start]
    doer = after[0] if after else (before[-1] if before else None)
    how = "after" if after else ("before" if before else "")
    return Arguments(doer, sides[0], how, "between", co_targets=(sides[1],))


def _clause_opener(norms: Sequence[str], start: int) -> int | None:
    """The bare «إن»/«أن» opening the trigger's clause when words stand between it and the
    verb (the clause's own subject), or None; «إنه»، «أنها» carry the subject themselves."""
    for k in range(start - 1, max(-1, start - CLAUSE_REACH), -1):
        if norms[k] in SENTENCE_STOPS:
            return None
        if norms[k] in BARE_COMPLEMENTIZERS:
            return k if k < start - 1 else None
    return None


def _accusative_plural(ref: Reference, norms: Sequence[str]) -> bool:
    """A sound masculine plural in its accusative «ـين» (المتمردين، الحوثيين), which a subject
    never takes: after a verb it is the object, and the subject is the one named before or
    understood («ودعت المتمردين الحوثيين إلى احترامها»). Nisba plurals in «ـيين» and sector
    nouns only: many singular names end in «ين» (البحرين، بنيامين)."""
    word = strip_conjunction(norms[ref.start])
    group = ref.kind == "agent" or (ref.kind == "actor" and ref.type == "ORG")
    return word.endswith("يين") or (group and word.endswith("ين") and len(word) >= 7)


def _requested_by(
    refs: Sequence[Reference], usable: list[int], norms: Sequence[str], start: int, end: int
) -> int | None:
    """Who made the request named by «بطلب من X», «استجابة/تلبية لطلب (من) X», «بناء على طلب
    (من) X» or «نزولا عند طلب (من) X», or None."""
    word = strip_conjunction(norms[start])
    previous = [strip_conjunction(n) for n in norms[max(0, start - 2) : start]]
    if word == AT_REQUEST and end < len(norms) and norms[end] == FROM:
        at = end + 1
    elif (word == FOR_REQUEST and previous[-1:] and previous[-1] in ANSWERING) or (
        word == REQUEST and len(previous) == 2 and tuple(previous) in ON_REQUEST
    ):
        at = end + 1 if end < len(norms) and norms[end] == FROM else end
    else:
        return None
    return next((i for i in usable if refs[i].start == at), None)


def _mediator(ref: Reference, norms: Sequence[str]) -> bool:
    """«برعاية صينية»، «بوساطة قطرية»، «بدعوة من مجلس التعاون»: who brokers or convenes an
    act is neither its doer nor its object."""
    k = ref.start
    return (k > 0 and norms[k - 1] in MEDIATION) or (
        k > 1 and norms[k - 1] == FROM and strip_conjunction(norms[k - 2]) in INVITATION
    )


def _discussed(ref: Reference, norms: Sequence[str], end: int, root: int | None = None) -> bool:
    """«زار لافروف قطر لمناقشة الأوضاع في سوريا»: an actor after a topic word («لمناقشة»،
    «حول»، «الأوضاع»), in the trigger's clause and not after «مع», is a topic, not a party —
    except, for talks, a country after «العلاقات مع»، «التعاون مع»: the other side of the
    relations discussed («وبحثا العلاقات مع إيران»); bilateral relations («العلاقات الثنائية
    مع الرئيس الفرنسي») and a person are with the partner."""
    k = ref.start
    if k <= end:
        return False
    if norms[k - 1] == WITH:
        return (
            root == CONSULT
            and ref.kind in ("country", "capital", "metonym")
            and not any(w.startswith(BILATERAL) for w in norms[max(end, k - 3) : k])
            and any(
                j >= end and strip_conjunction(norms[j]) in RELATION_NOUNS for j in (k - 2, k - 3)
            )
        )
    for j in range(k - 1, end - 1, -1):
        word = norms[j]
        if word in BREAKS:
            return False
        if strip_conjunction(word) in TOPIC_WORDS:
            return True
    return False


def _venue(ref: Reference, norms: Sequence[str], talks: bool = False) -> bool:
    """«مفاوضات فيينا»، «في جنيف»، «في العاصمة البلجيكية»: the place of talks, not a party; for
    talks themselves (``talks``) a country after «في» too («مشاورات يمنية في الكويت»)."""
    k = ref.start
    if k == 0:
        return False
    prev = norms[k - 1]
    if talks and ref.kind == "country" and prev == IN:
        return True
    if ref.kind in ("capital", "place"):
        # «رحبت الجامعة بإعلان القاهرة»: a preposition may be glued to the venue's noun
        noun = strip_conjunction(prev)
        return prev == IN or noun in VENUE_NOUNS or (noun[:1] in "بل" and noun[1:] in VENUE_NOUNS)
    return ref.kind == "adjective" and k > 1 and prev == CAPITAL_WORD and norms[k - 2] == IN


def _named_for(ref: Reference, norms: Sequence[str]) -> bool:
    """«انتقدت إيران اتفاق الرياض»، «تفعيل إجراءات مينسك»: a city right after an agreement,
    talks or a declaration names them; it is no party, whatever the act."""
    k = ref.start
    if k == 0 or ref.kind not in ("capital", "place"):
        return False
    noun = strip_conjunction(norms[k - 1])
    noun = noun[1:] if noun[:1] in "بل" and noun[1:] in VENUE_NOUNS else noun
    # «إعلان واشنطن مقتله»: Washington's announcement, not a declaration named for it
    return noun in VENUE_NOUNS and noun != ANNOUNCEMENT


def _supporter(ref: Reference, norms: Sequence[str]) -> bool:
    """«بدعم من طائرات التحالف»، «بمساندة الطيران»، «بغطاء جوي من»، «المدعومة من إيران»: who
    backs an act is on its doer's side, neither the doer named by the verb nor its object."""
    k = ref.start
    back = [
        strip_conjunction(norms[j]) if j == k - 1 else norms[j] for j in range(max(0, k - 3), k)
    ]
    if back and back[-1] in SUPPORT:
        return True
    if len(back) >= 2 and back[-1] == FROM:  # «بدعم من»، «بغطاء جوي من»
        return back[-2] in SUPPORT or (len(back) == 3 and back[-3] in SUPPORT)
    return False


def _side_of(refs: Sequence[Reference], ref: Reference, norms: Sequence[str]) -> bool:
    """«قوات التحالف بقيادة السعودية»، «التحالف الذي تقوده الولايات المتحدة»، «الجيش الليبي
    التابع للحكومة»: the leader, owner or patron of a force that is itself an actor is on its
    side. The leader of a group with no code stays a party («اعتقلت الشرطة خلية بقيادة أبو
    محمد»)."""
    k = ref.start
    if k < 2 or strip_conjunction(norms[k - 1]) not in SIDE_OF:
        return False
    head = k - 1 if norms[k - 2] not in RELATIVES else k - 2
    return any(r.end == head and r.code and r.kind in ACTOR_KINDS for r in refs)


def _relative_clause(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
    end: int,
    frame_end: int | None,
) -> Arguments | None:
    """A verb opening a relative clause, or one whose object pronoun points back.

    «القمة التي استضافتها مدينة العلا»، «مشاورات يمنية تستضيفها الرياض»: the pronoun is the
    antecedent, the object; the subject follows the verb. «العراق وسلطنة عمان اللتان
    استضافتا جولات …»: without a pronoun, the antecedent (a whole list) is the subject, and
    when it is no actor («الهجمات التي استهدفت تركيا») the clause has no doer to code.
    """
    if not is_verb(words[start]):
        return None
    before = [
        i
        for i in usable
        if refs[i].end <= start and not introduced_by_preposition(refs[i], norms, words)
    ]
    rel = start > 0 and norms[start - 1] in RELATIVES
    word = norms[start]
    # the pronoun that points back may sit on the verb or on a preposition after it
    # («الأسلحة التي استولى عليها المتمردون»)
    pronoun = (
        (len(word) >= 5 and word.endswith(OBJECT_PRONOUNS))
        or (end < len(norms) and norms[end] in PREPOSITION_PRONOUNS)
        # «القذافي الذي ألقى مسلحون القبض عليه»: on the preposition after the frame
        or (
            rel
            and frame_end is not None
            and frame_end < len(norms)
            and norms[frame_end] in PREPOSITION_PRONOUNS
        )
    )
    if pronoun and before and (rel or refs[before[-1]].end == start):
        stem = next((word[: -len(p)] for p in OBJECT_PRONOUNS if word.endswith(p)), word)
        subj = (
            None
            if plural_agreement(stem)
            else next(
                (
                    i
                    for i in usable
                    if end <= refs[i].start <= end + SUBJECT_REACH
                    and not introduced_by_preposition(refs[i], norms, words)
                ),
                None,
            )
        )
        if subj is None:
            # «وتنظيم داعش الذي يتهمونه بـ…»: the antecedent is the object and the subject a
            # pronoun for someone named earlier; better no doer than the antecedent as one
            return Arguments(None, before[-1], CLAUSE_SUBJECT, "pronoun") if rel else None
        return Arguments(subj, before[-1], "after", "pronoun")
    if (
        rel
        and not pronoun
        and not any(
            refs[i].end <= start - 1
            and not any(norms[k].isalpha() for k in range(refs[i].end, start - 1))
            for i in before
        )
    ):
        # «الهجمات التي استهدفت تركيا»: the antecedent, no actor, is the subject; the actor
        # after the verb is its object, and no doer is to be guessed
        return Arguments(None, None, CLAUSE_SUBJECT)
    if rel and not pronoun and before and refs[before[-1]].end == start - 1:
        last = before[-1]
        first = first_of_list(refs, last, norms)
        members = tuple(i for i in before if refs[first].start < refs[i].start <= refs[last].start)
        target = _after_target(refs, usable, norms, words, end, frame_end, first)
        if target in members:
            return None
        co_targets: list[int] = []
        while (
            target is not None
            and (nxt := coordinated(refs, co_targets[-1] if co_targets else target, norms))
            is not None
        ):
            co_targets.append(nxt)
        return Arguments(
            first,
            target,
            "before",
            "after" if target is not None else "",
            co_sources=members,
            co_targets=tuple(co_targets),
        )
    return None


def _document(word: str) -> bool:
    """A statement, letter, speech or complaint, in any of its written forms (بيانا، ببيان،
    البيان، كتابي، رسالته)."""
    w = strip_conjunction(word)
    candidates = {w}
    for x in list(candidates):
        if x[:1] in ("ب", "ل") and len(x) > 4:
            candidates.add(x[1:])
    for x in list(candidates):
        if x.startswith("ال") and len(x) > 4:
            candidates.add(x[2:])
    for x in list(candidates):
        for end in ("ا", "ي", "ه", "ها"):
            if x.endswith(end) and len(x) - len(end) >= 3:
                candidates.add(x[: -len(end)])
    return not DOCUMENTS.isdisjoint(candidates)


def _said_in_document(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
    end: int,
) -> Arguments | None:
    """«أصدرت الخارجية الكويتية بيانا انتقدت فيه الحكومة الإيرانية»: a verb with «فيه» after
    a statement, letter or speech is said in it, by its author — the one named after «من»
    right after it («خطابا من الظواهري يشكر فيه …») or the subject before it — and aimed at the
    actor after «فيه», who is its object, not its subject. (After a time or a place, «في الوقت
    الذي طالب فيه المشرعون», the actor after «فيه» is the subject: no document, no rule.)"""
    if end >= len(norms) or norms[end] not in IN_IT or not is_verb(words[start]):
        return None
    doc = next(
        (
            k
            for k in range(start - 1, max(-1, start - 1 - DOCUMENT_REACH), -1)
            if _document(norms[k])
        ),
        None,
    )
    if doc is None or any(norms[k] in BREAKS - COMMAS for k in range(doc + 1, start)):
        return None
    if any(
        doc < refs[i].start < start
        and not _from_author(refs[i], norms, doc)
        and not introduced_by_preposition(refs[i], norms, words)
        for i in usable
    ):
        return None  # an actor between the document and the verb may be the verb's subject
    # («بشكوى رسمية إلى مجلس الأمن، اتهمت فيها الأردن»: whom it was sent to does not)
    author = next((i for i in usable if _from_author(refs[i], norms, doc)), None)
    if author is None:
        before = [
            i
            for i in usable
            if refs[i].end <= doc and not introduced_by_preposition(refs[i], norms, words)
        ]
        author = before[-1] if before else None
    target = next(
        (
            i
            for i in usable
            if i != author
            and end < refs[i].start <= end + AFTER_WINDOW
            and not any(norms[k] in BREAKS for k in range(end, refs[i].start))
        ),
        None,
    )
    return Arguments(
        author,
        target,
        "before" if author is not None else "",
        "after" if target is not None else "",
    )


def _from_author(ref: Reference, norms: Sequence[str], doc: int) -> bool:
    """«خطاب من أيمن الظواهري»: the actor right after «من» after the document wrote it."""
    return ref.start == doc + 2 and norms[doc + 1] == MIN


def _condemned_doer(
    refs: Sequence[Reference],
    norms: Sequence[str],
    words: Sequence[str],
    end: int,
    args: Arguments,
) -> Arguments:
    """«أدان فيه التفجير الإرهابي الذي استهدف مسجد …»: what is condemned is an act; its doer,
    named after «شنته»/«تبناه» or «من قبل», or an armed genitive («هجوم الحوثيين»), is the
    target, and those it hit are neither target nor source. No doer named, no target: a
    condemnation of an attack by nobody named. The condemner is the subject right after the
    verb («أدانت الخارجية المصرية بشدة الهجوم») or the one found before it."""
    act = None
    subject = None
    k, seen = end, 0
    while k < len(norms) and seen < ACT_OBJECT_REACH and norms[k] not in SENTENCE_STOPS:
        named = next((i for i, r in enumerate(refs) if r.start == k), None)
        if named is not None:
            if subject is not None or introduced_by_preposition(refs[named], norms, words):
                return args  # «أدان الاتحاد إسرائيل»: an actor is what is condemned
            subject, k = named, refs[named].end
            continue
        if norms[k] in MANNER:
            k += 1
            continue
        word = strip_conjunction(norms[k])
        if is_act_noun(word) or _harm(word) or (word[:1] == "ب" and is_act_noun(word[1:])):
            act = k  # «التفجير»، «اغتيال»، «ندد بتفجير مسجد»
            break
        if word.startswith("ب"):
            return args  # «يتهمونه بخطف المدنيين»: the charge; the accused is named apart
        seen += norms[k].isalnum()
        k += 1
    if act is None:
        return args
    doer = next(
        (
            i
            for i, r in enumerate(refs)
            if act < r.start <= act + ACT_DOER_REACH
            and not any(norms[j] in SENTENCE_STOPS for j in range(act, r.start))
            and (
                _linked_doer(r, norms)
                or tuple(norms[r.start - 2 : r.start]) in AGENT_MARKERS
                # «هجوم الحوثيين»، «اعتداءات المستوطنين»: an armed genitive did it (a place
                # or people after the act were hit by it: «تفجير مسجد»)
                or (
                    r.start <= act + 2
                    and not r.proclitic
                    and _armed_group(r)
                    and norms[r.start - 1] not in AGAINST  # «الهجوم ضد الجيش»: the one hit
                )
            )
        ),
        None,
    )
    if subject is not None:
        source, how = subject, "after"
    elif (
        args.source is not None
        and refs[args.source].end <= end
        and args.source_how != "agent-marker"
    ):
        source, how = args.source, args.source_how
    else:
        source, how = None, ""
    return Arguments(source, doer, how, "after" if doer is not None else UNNAMED_DOER)


def _verbal_noun(word: str) -> bool:
    """«التدخل»، «الاعتداء»، «الاستيطان»، «العدوان»: a definite act noun (tafaʿʿul, iftiʿāl,
    istifʿāl … or a listed act), not a person or a body («الجانب»، «الوفد»)."""
    w = strip_conjunction(word).removeprefix("ال")
    return (
        (w[:1] == "ت" and len(w) >= 4)
        or (w[:1] == "ا" and len(w) >= 5)
        or is_act_noun(word)
        or _harm(word)
    )


def _harm(word: str) -> bool:
    """«اغتيال»، «لمقتل»، «واختطاف»: a harm done to someone (HARMS), prepositions aside."""
    w = unglued(word).removeprefix("ال")
    return w in HARMS or (w[:1] in "بل" and w[1:] in HARMS)


def _condemned(refs: Sequence[Reference], norms: Sequence[str], start: int) -> bool:
    """The trigger at ``start`` is what a condemning verb before it condemns («أدان بان كي مون
    بشدة قتل الطفل»): no conjunction, complementizer or other clause stands between them (a
    name may look like one: «بان»)."""
    if norms[start][:1] in ("و", "ف"):
        return False
    seen = 0
    for k in range(start - 1, -1, -1):
        w = norms[k]
        if seen >= CONDEMNED_REACH or w in SENTENCE_STOPS:
            return False
        if (w in COMPLEMENTIZERS or w in BREAKS) and not any(r.start <= k < r.end for r in refs):
            return False
        if bare(w) in CONDEMNING:
            return True
        seen += w.isalnum()
    return False


def _in_parentheses(r: Reference, norms: Sequence[str], after: int, reach: int = 8) -> bool:
    """``r`` stands inside round brackets opened after the token ``after`` and closed, each
    within ``reach`` words of it."""
    brackets = ("(", ")")
    back = range(r.start - 1, max(after, r.start - 1 - reach), -1)
    opened = next((norms[k] for k in back if norms[k] in brackets), None)
    ahead = range(r.end, min(len(norms), r.end + reach))
    closed = next((norms[k] for k in ahead if norms[k] in brackets), None)
    return opened == "(" and closed == ")"


def _where(r: Reference, norms: Sequence[str], root: int | None) -> bool:
    """``r`` names where, not who: a launch site («انطلاقا من قاعدة بجنوب تركيا»), the city a
    statement was made from («انتقد إردوغان من جاكرتا»), or a town near which a protest or a
    meeting was held («تظاهرت عائلات في ضاحية قرب دمشق»)."""
    if any(strip_conjunction(norms[k]) in LAUNCHED for k in range(max(0, r.start - 4), r.start)):
        return True
    if (
        r.start > 0
        and strip_conjunction(norms[r.start - 1]).removeprefix("ب").removeprefix("ل") in LEAVING
    ):
        return True  # «دعت مواطنيها إلى مغادرة ليبيا»: the country to leave, not the addressee
    if (
        r.start > 1
        and norms[r.start - 1] == FROM
        and strip_conjunction(norms[r.start - 2]) in COMING_FROM
    ):
        return True  # «وصل إلى عدن قادما من الرياض»: where from, not whom visited
    if r.kind not in TOWN_KINDS or r.start == 0 or root is None:
        return False
    prev = strip_conjunction(norms[r.start - 1])
    if root in SPOKEN_ROOTS and prev == FROM:
        return True
    return root in NEAR_ROOTS and (prev in NEAR or prev.removeprefix("ب") in NEAR)


GLOSS_WORDS = REGIONS | {IN, "،"}  # «بنغازي في شرق ليبيا»، «حلب، شمال سوريا»


def _glosses_place(refs: Sequence[Reference], r: Reference, norms: Sequence[str]) -> bool:
    """«قرب مدينة بنغازي في شرق ليبيا»، «في حلب، شمال سوريا»: a country or region right after a
    place, past «في» and a compass word, only says where that place is; so does a nationality
    right after a place («في محافظة ديالى العراقية»، «محافظتي حجة وصعدة اليمنيتين»)."""
    if r.kind == "adjective":
        return any(q.kind in PLACE_KINDS and q.end == r.start for q in refs)
    if r.kind not in PLACE_KINDS:
        return False
    return any(
        q.kind in PLACE_KINDS
        and q.end < r.start <= q.end + 3
        and all(norms[k] in GLOSS_WORDS for k in range(q.end, r.start))
        for q in refs
    )


def _linked_doer(r: Reference, norms: Sequence[str]) -> bool:
    """``r`` follows a doer link («شنه»، «وتبناه»), past a group's head noun («تنظيم»)."""
    k = r.start - 1
    if k > 0 and strip_conjunction(norms[k]) in GROUP_HEADS:
        k -= 1
    return k >= 0 and strip_conjunction(norms[k]) in DOER_LINKS


def _light_verb(norms: Sequence[str], start: int) -> int | None:
    """The light verb whose subject does the noun at ``start`` («شنت الطائرات غارات»، «بدأت
    تركيا حملة»): in the noun's sentence, at most LIGHT_VERB_REACH words before it, or the verb
    a «ب» noun tells the manner of («بدأ … كيري نهاره بلقاء …», ``words.by_way_of``)."""
    manner = by_way_of(norms, start)
    if manner is not None:
        return manner
    seen = 0
    for k in range(start - 1, -1, -1):
        if norms[k] in SENTENCE_STOPS or seen >= LIGHT_VERB_REACH:
            return None
        seen += any(c.isalnum() for c in norms[k])
        # «بدأت تركيا حملة ضربات»، but «بدأت مشاورات يمنية»: the talks began
        if bare(norms[k]) in LIGHT_VERBS and not (k + 1 == start and bare(norms[k]) in BEGIN):
            return k
    return None


def _attack_cause(refs: Sequence[Reference], norms: Sequence[str], end: int) -> int | None:
    """An attack named as the cause after the trigger («في غارات إسرائيلية»، «جراء القصف
    التركي»، «بغارة جوية»): an armed agent whose head is an attack noun (see CAUSES)."""
    for i, r in enumerate(refs):
        if r.start < end:
            continue
        if r.start - end > CAUSE_REACH or any(
            norms[k] in SENTENCE_STOPS for k in range(end, r.start)
        ):
            return None
        prev = strip_conjunction(norms[r.start - 1]) if r.start > 0 else ""
        if prev in WEAPON_CAUSES and _armed(r):
            return i  # «قُتل شاب برصاص الجيش الإسرائيلي»: the force that fired
        if r.code and r.kind in ACTOR_KINDS and _attack_by(r, norms):
            return i  # «في هجوم شنته حركة حماس»، «في قصف لقوات النظام»: the attack's doer
        if (
            r.code
            and r.kind in ACTOR_KINDS
            and r.start >= 2
            and strip_conjunction(norms[r.start - 1]) in GENITIVE_ATTACKS
            and strip_conjunction(norms[r.start - 2]) in CAUSES
        ):
            return i  # «لدى إلقاء مروحيات النظام براميل …»: the attack noun's subject
        if r.code and r.kind in ACTOR_KINDS and _fired_by(r, norms):
            return i  # «جراء سقوط قذائف مدفعية للحوثيين»: whose shells they were
        if r.kind != "agent" or r.sector != "MIL" or not is_attack_word(norms[r.start]):
            continue
        if r.proclitic.endswith("ب") or caused_by(norms, r.start):
            return i
    return None


def _fired_by(r: Reference, norms: Sequence[str]) -> bool:
    """``r`` owns what was fired, given as a cause: «جراء سقوط قذائف مدفعية للحوثيين»، «إثر
    صواريخ الحوثيين» (past the shells' kind, «مدفعية»)."""
    k = r.start - 1
    if k > 0 and munition_kind(norms, k):
        k -= 1
    return k > 0 and is_munition(strip_conjunction(norms[k])) and caused_by(norms, k)


def _cause_at(norms: Sequence[str], k: int) -> bool:
    """A cause word at ``k`` and an attack or a blast after it («في انفجار»، «جراء القصف»)."""
    if strip_conjunction(norms[k]) not in CAUSES:
        return False
    noun = norms[k + 1]
    return is_attack_word(noun) or noun in BLASTS or (noun[:1] == "ب" and noun[1:] in BLASTS)


def _unnamed_attack(norms: Sequence[str], end: int) -> bool:
    """A cause word and an attack noun after the trigger in its sentence («قتلوا وأصيب 15
    آخرون … إثر غارات»، «جراء القصف»), as far as CAUSE_REACH."""
    for k in range(end, min(end + CAUSE_REACH, len(norms) - 1)):
        if norms[k] in SENTENCE_STOPS:
            return False
        if strip_conjunction(norms[k]) in CAUSES and is_attack_word(norms[k + 1]):
            return True
    return False


def _attack_by(r: Reference, norms: Sequence[str]) -> bool:
    """``r`` is named as the doer of an attack given as a cause: «في قصف لقوات النظام» (the
    attack noun right before a ل-phrase) or «جراء هجوم (انتحاري) شنته حركة حماس» (a relative
    verb after it). The attack noun must itself follow a cause word or carry ب."""
    k = r.start
    if r.proclitic.startswith("ل"):
        heads = [k - 1]
    elif k >= 1 and norms[k - 1] in DOER_LINKS:
        heads = [k - 2, k - 3]  # one adjective may stand between: «هجوم انتحاري شنته»
    elif k >= 2 and norms[k - 2] in DOER_LINKS and norms[k - 1] in GROUP_HEADS:
        heads = [k - 3, k - 4]  # «هجوم شنه تنظيم بوكو حرام»: the group's head noun between
    else:
        return False
    for h in heads:
        if h < 0:
            continue
        noun = norms[h]
        glued = next((p for p in ("وب", "ب") if noun.startswith(p) and len(noun) > len(p) + 2), "")
        bare_noun = noun[len(glued) :].removeprefix("ال")
        if not (is_attack_word(noun) or bare_noun in DOER_ATTACKS):
            continue
        if glued or caused_by(norms, h):
            return True
    return False


def _armed(r: Reference) -> bool:
    """A force that can fire: army, police, rebels, insurgents, intelligence."""
    code = r.code or ""
    roles = {code[k : k + 3] for k in range(3, len(code), 3)}
    return bool(roles & ARMED_ROLES) or r.sector in ARMED_ROLES


def _armed_group(r: Reference) -> bool:
    """A force that can fire, or a militant group with no country («تنظيم داعش»)."""
    return _armed(r) or (r.code or "").startswith(("IMG", "UAF"))


def _affiliation(ref: Reference, norms: Sequence[str], end: int) -> bool:
    """«فجّر انتحاري ينتمي إلى تنظيم الدولة نفسه»، «هاجم مسلحون تابعون لحركة الشباب …»: the
    doer is named by the group it belongs to, which acts through it."""
    # «انتحاري يعتقد أنه ينتمي إلى …»: a hedge on the belonging is no other clause
    gap = [w for w in norms[end : ref.start] if w not in AFFILIATION_HEDGES]
    if len(gap) > 3 or not gap:
        return False
    if gap[-1] in TO and len(gap) >= 2 and gap[-2] in AFFILIATED:
        return len(gap) == 2 or gap[0].isalpha()
    if gap[-1] == FROM and len(gap) >= 2 and gap[-2] in MEMBERS:
        return True  # «هاجم عناصر من تنظيم داعش»، «اعتقل أفراد من الشرطة»
    return gap[-1] in AFFILIATED and ref.proclitic.startswith("ل")


def _apposed_name(
    refs: Sequence[Reference], norms: Sequence[str], source: int | None
) -> int | None:
    """The name that follows a title subject, past the title's own place phrase.

    «دعا المبعوث الأممي إلى ليبيا عبد الله باتيلي …»، «قال السفير الروسي في دمشق ألكسندر
    يفيموف …»: the person named after the title is the subject again, not the object; only a
    person with the title's own code counts.
    """
    if source is None or not refs[source].code:
        return None
    k = refs[source].end
    for i in range(source + 1, len(refs)):
        r = refs[i]
        gap = norms[k : r.start]
        if r.type == "PERS" and r.code == refs[source].code:
            return i if all(w in TITLE_LINKS for w in gap) else None
        if r.kind not in PLACE_KINDS or len(gap) != 1 or gap[0] not in PLACE_PREPOSITIONS:
            return None
        k = r.end  # the title's place: «إلى ليبيا»، «في دمشق»، «لدى الأمم المتحدة»
    return None


def _marked_doer(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    end: int,
    verb: bool,
    frame_end: int | None = None,
) -> tuple[int, int] | None:
    """The actor after «على يد» / «من قبل» following the trigger, and where the marker is.

    The marker must follow the trigger or the actor right after it («اعتُقل المتظاهرون على يد
    …»), past fillers and at most a word or two (VERB_MARKER_GAP, NOUN_MARKER_GAP: «هجوم واسع
    من قبل …»); further on it names the doer of a noun it follows («تدين بشدة استمرار
    التصريحات العدائية من قبل مسؤولين»).
    """
    for k in range(end, min(max(end, frame_end or 0) + AFTER_WINDOW, len(norms) - 1)):
        if (norms[k], norms[k + 1]) in AGENT_MARKERS:
            last = max(
                [end] + [refs[i].end for i in usable if end <= refs[i].start and refs[i].end <= k]
            )
            if frame_end is not None and last < frame_end <= k:
                last = frame_end  # «تعرض سائح فرنسي للضرب على يد …»: past the frame's words
            gap = [norms[j] for j in range(last, k) if norms[j] not in FILLERS]
            if gap and gap[0] in CIRCUMSTANCE and len(gap) <= CIRCUMSTANCE_REACH:
                gap = []  # «احتُلت ألبانيا في القرن العشرين من قبل اليونان»: when, not what
            if len(gap) > (VERB_MARKER_GAP if verb else NOUN_MARKER_GAP):
                return None
            doers = [i for i in usable if refs[i].start >= k + 2]
            return (doers[0], k) if doers else None
    return None


def _list_object(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    last: int,
    frame_end: int | None,
    violent: bool = False,
) -> int | None:
    """The object after a verb-first subject list: a prepositional actor past its last member,
    or for an act of violence the first actor right after the list, within a few words and no
    punctuation («هاجم الجيش والمقاومة مواقع الحوثيين»: the army and the resistance attacked
    the Houthis; they did not attack each other)."""
    end = refs[last].end
    reach = max(end, frame_end or 0) + AFTER_WINDOW
    owner = end if _construct(refs[last], norms) else -1  # «وقوات الرئيس السابق»: his forces
    rest = [
        i
        for i in usable
        if end <= refs[i].start <= reach
        and refs[i].start != owner
        and refs[i].kind not in ("place", "capital")  # «في براغ» is where, not whom
        and norms[refs[i].start - 1] != IN
    ]
    prep = [i for i in rest if introduced_by_preposition(refs[i], norms, words)]
    if prep:
        return prep[0]
    if violent and rest:
        gap = norms[end : refs[rest[0]].start]  # normalised: a vowelled word is still a word
        if len(gap) <= LIST_OBJECT_GAP and all(w.isalnum() for w in gap):
            return rest[0]
    return None


def _noun_arguments(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
    end: int,
    frame_end: int | None,
    root: int,
) -> Arguments:
    """A verbal noun's arguments, as Arabic marks them.

    A light verb before it carries the doer («شنت الطائرات غارات»، «أصدر بايدن تصريحات»);
    «من قبل X» / «على يد X» name the doer; the noun's genitive is its object (اعتقال المعارض)
    unless the act has no object (مظاهرة الطلاب، مكالمة الوزير); a pronoun on it is the object
    (احتجازها). A noun standing alone is not given the subject of another clause: victims
    named before «مقتل» or «القصف» are not its perpetrators.
    """
    if root < FIRST_MATERIAL_ROOT:
        owned = _pronoun_doer(refs, usable, norms, words, start, end, frame_end, False)
        if owned is not None:
            return owned
    if root in VIOLENT_ROOTS:
        # «هجمات نفذتها حركة الشباب»، «هجوم انتحاري تبناه التنظيم»: the relative verb after
        # the attack (one adjective may stand between) names its doer
        for k in (end, end + 1):
            if k + 1 < len(norms) and norms[k] in DOER_LINKS:
                # «هجوم شنه طالب تونسي مسلح»: the doer's phrase may be a noun, its nationality
                # and what he is; the most specific code of it is the doer
                phrase = [i for i in usable if k + 1 <= refs[i].start <= k + 2][:1]
                while phrase:
                    nxt = next((i for i in usable if refs[i].start == refs[phrase[-1]].end), None)
                    if nxt is None:
                        break
                    phrase.append(nxt)
                if not phrase:
                    break
                doer = max(phrase, key=lambda i: len(refs[i].code or ""))
                origin = refs[phrase[-1]].end
                hit = _after_target(refs, usable, norms, words, origin, None, doer)
                if hit is not None and _linked_doer(refs[hit], norms):
                    hit = None  # «… وتبناه تنظيم داعش»: who claimed it, not whom it hit
                # «وشهدت كينيا هجمات نفذتها …»: the place that saw them is where they hit
                witness = [
                    i
                    for i in usable
                    if refs[i].end == start
                    and refs[i].start > 0
                    and bare(norms[refs[i].start - 1]) in WITNESSED
                ]
                if hit is None and witness:
                    hit = witness[0]
                if hit is None:
                    # «قتل 38 سائحا بينهم ثلاثون بريطانيا في هجوم شنه …»: on those named before
                    near = [
                        i
                        for i in usable
                        if start - ATTACK_VICTIM_REACH <= refs[i].start
                        and refs[i].end <= start
                        and not any(w in SENTENCE_STOPS for w in norms[refs[i].end : start])
                    ]
                    hit = near[-1] if near else None
                return Arguments(doer, hit, "cause", "after" if hit is not None else "")
    if (
        root in VIOLENT_ROOTS
        and start >= 2
        and norms[start - 1] == ABOUT
        and normalize("مسؤولي") in norms[start - 2]
    ):
        # «أعلن تنظيم داعش مسؤوليته عن هجوم على مسجد»: who claims the attack made it
        claimant = [
            i
            for i in usable
            if refs[i].end <= start - 2 and not introduced_by_preposition(refs[i], norms, words)
        ]
        if claimant:
            hit = _after_target(refs, usable, norms, words, end, frame_end, claimant[-1])
            return Arguments(claimant[-1], hit, "cause", "after" if hit is not None else "")
    if root in VIOLENT_ROOTS and is_attack_word(norms[start]):
        # «تعرض مطار عدن لقصف صاروخي من الحوثيين»: an armed party after «من» fired it, at
        # whoever «تعرض» (underwent) it
        for k in (end, end + 1):
            if k + 1 < len(norms) and norms[k] == FROM:
                armed = next((i for i in usable if refs[i].start == k + 1), None)
                if armed is None or not _armed(refs[armed]):
                    break
                hit = _underwent(refs, usable, norms, start)
                return Arguments(armed, hit, "agent-marker", "before" if hit is not None else "")
    # «مباحثات استضافتها العاصمة الصينية»: who a relative verb's clause names after the noun
    # is that verb's subject, not a party to the noun's act
    for k in (end, end + 1, end + 2):
        if k >= len(norms) or (
            k > end
            and norms[k - 1] not in RELATIVES
            and not any(refs[i].start >= end and refs[i].end == k for i in usable)
        ):
            continue  # right after the noun, its «التي», or its adjective («مشاورات يمنية»)
        w = norms[k]
        if (
            len(w) >= 5
            and w.endswith(OBJECT_PRONOUNS)
            and is_verb(words[k])
            and not is_counterpart(w)  # «نظيره» is a noun with its pronoun
        ):
            usable = [i for i in usable if refs[i].start < k]
            break
    verb = _light_verb(norms, start)
    if verb is not None:
        light = find_arguments(refs, norms, words, verb, verb + 1, None)
        if light.target_how == "coordinated" and light.target is not None:
            # «أجرت القوات المصرية والسعودية مناورات مشتركة»: the list does it together
            return Arguments(light.source, light.target, "light-verb", "coordinated")
        obj = light.target
        after = _after_target(refs, usable, norms, words, end, frame_end, light.source)
        if (
            obj is None
            or refs[obj].start < end
            # «وجه دعوة إلى نظيره المصري لزيارة موسكو»: the addressee under a preposition
            # after the noun, not a name further on
            or (
                after is not None
                and refs[after].start < refs[obj].start
                and introduced_by_preposition(refs[after], norms, words)
                and not introduced_by_preposition(refs[obj], norms, words)
            )
        ):
            obj = after
        if obj is None:
            return Arguments(light.source, None, "light-verb", "")
        # «بلقاء نظيره السعودي وأمير قطر»: each of a list after the noun is its object
        also: list[int] = []
        while (nxt := coordinated(refs, also[-1] if also else obj, norms)) is not None:
            also.append(nxt)
        return Arguments(light.source, obj, "light-verb", "after", co_targets=tuple(also))
    source: int | None = None
    how = ""
    for k in range(end, min(end + AFTER_WINDOW, len(norms) - 1)):
        if (norms[k], norms[k + 1]) in AGENT_MARKERS:
            doers = [i for i in usable if refs[i].start >= k + 2]
            if doers:
                source, how = doers[0], "agent-marker"
            break
    genitive = next(
        (
            i
            for i in usable
            if refs[i].start >= end
            and all(w in FILLERS for w in norms[end : refs[i].start])
            and not introduced_by_preposition(refs[i], norms, words)
        ),
        None,
    )
    target: int | None = None
    target_how = ""
    if source is None and start > 0 and norms[start - 1] == IN_WORD:
        received = _reception(refs, usable, norms, words, start, end, genitive)
        if received is not None:
            return received
    if (
        root == AID
        and source is None
        and genitive is not None
        and refs[genitive].kind == "adjective"
    ):
        # «طائرة إغاثة سعودية»، «مساعدات إماراتية»: the nationality of aid is its donor
        after = refs[genitive].end
        target = _after_target(refs, usable, norms, words, after, frame_end, genitive)
        return Arguments(genitive, target, NATIONALITY, "after" if target is not None else "")
    if root in INTRANSITIVE_ROOTS or norms[start].endswith(INTRANSITIVE_NOUNS):
        if genitive is not None and source is None:
            # «مشاورات يمنية»: talks named by one nationality are among its own people
            source = genitive
            how = NATIONALITY if refs[genitive].kind == "adjective" else "genitive"
            end = refs[genitive].end  # «مكالمة وزير الخارجية …، سيرجي لافروف، … مع نظيره»
        if source is None:
            subj = [
                i
                for i in usable
                if refs[i].end <= start and not introduced_by_preposition(refs[i], norms, words)
            ]
            if subj:
                source, how = subj[-1], "before"
                if end < len(norms) and norms[end] in OWNER_PRONOUNS:
                    # «في أول زيارة له»: the pronoun names the last person or body before
                    owners = [i for i in subj if refs[i].type in ("PERS", "ORG")]
                    if owners:
                        source, how, end = owners[-1], "pronoun", end + 1
        target = _after_target(refs, usable, norms, words, end, frame_end, source)
        if (
            how == NATIONALITY
            and target is not None
            and refs[target].kind == "adjective"
            and refs[target].start == end
        ):
            # «مباحثات سعودية أردنية»: two nationalities side by side are the talks' two sides
            return Arguments(source, target, how, "coordinated")
        return Arguments(source, target, how, "after" if target is not None else "")
    if genitive is not None and genitive != source and source is None:
        k = refs[genitive].end
        nxt = next(
            (
                i
                for i, r in enumerate(refs)
                if k <= r.start <= k + 2 and (i in usable or r.kind in PLACE_KINDS)
            ),
            None,
        )
        if (
            k < len(norms)
            and (
                norms[k].startswith("لل")
                or (
                    nxt is not None
                    and refs[nxt].start == k
                    and refs[nxt].proclitic.lstrip("وف").startswith("ل")
                )
                # «اجتياح الحوثيين لمدينة عدن»: ل on the place noun before the name
                or (nxt is not None and refs[nxt].start == k + 1 and norms[k][:1] == "ل")
            )
        ):
            # «إدانة الولايات المتحدة للهجمات»، «اعتقال الشرطة للمتظاهرين»: a genitive with
            # the object after it under ل is the noun's subject
            return Arguments(genitive, nxt, "genitive-subject", "after" if nxt is not None else "")
    if source is None and root in VIOLENT_ROOTS and _owned_plural(norms[start]):
        # «كثفت إسرائيل غاراتها على غزة»: the strikes' owner, named before, makes them
        owners = [
            i
            for i in usable
            if refs[i].end <= start and not introduced_by_preposition(refs[i], norms, words)
        ]
        if owners:
            hit = _after_target(refs, usable, norms, words, end, frame_end, owners[-1])
            return Arguments(owners[-1], hit, "pronoun", "after" if hit is not None else "")
    if how == "agent-marker" and root in VIOLENT_ROOTS:
        # «تعرضت السفارة السعودية لهجوم من قبل محتجين»: the marked doer attacked whoever
        # underwent it
        hit = _underwent(refs, usable, norms, start)
        if hit is not None:
            return Arguments(source, hit, how, "before")
    if genitive is not None and genitive != source:
        target, target_how = genitive, "genitive"
    elif words[end - 1].endswith((*PERSON_OBJECTS, "ها")) and len(words[end - 1]) > 4:
        antecedents = [
            i for i in usable if refs[i].end <= start and refs[i].type in ("PERS", "ORG")
        ]
        if antecedents:
            target, target_how = antecedents[-1], "pronoun"
    if target is None:
        target = _after_target(refs, usable, norms, words, end, frame_end, source)
        target_how = "after" if target is not None else ""
    return Arguments(source, target, how, target_how)


def _pronoun_doer(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
    end: int,
    frame_end: int | None,
    adjective: bool,
) -> Arguments | None:
    """«أكد الجانبان الأردني والسعودي رفضهما القاطع لمحاولات تدخل إيران»: a verbal noun with
    a pronoun whose object follows under «ل» (past one adjective) has the pronoun for its
    doer, the last party named before it (the first of a list), and the «ل» object for target.
    With ``adjective`` the adjective must be there: the word may be read as a verb
    («رفضهما»: he rejected them), and only a noun takes «القاطع»."""
    word = words[end - 1]  # as written: «تهنئة» ends in ة, which normalises like the pronoun ه
    if end - start != 1 or len(norms[end - 1]) < 5 or not word.endswith(STANCE_PRONOUNS):
        return None
    described = end < len(norms) and norms[end].startswith("ال")
    if adjective and not described:
        return None
    k = end + 1 if described else end
    if k >= len(norms) or not norms[k].startswith("ل") or norms[k].startswith("لدي"):
        return None
    owners = [
        i
        for i in usable
        if refs[i].end <= start and not introduced_by_preposition(refs[i], norms, words)
    ]
    if not owners:
        return None
    owner = first_of_list(refs, owners[-1], norms)
    members: list[int] = []
    while (nxt := coordinated(refs, members[-1] if members else owner, norms)) is not None:
        if nxt > owners[-1]:
            break
        members.append(nxt)
    target = _after_target(refs, usable, norms, words, k, frame_end, owner)
    how = "after" if target is not None else ""
    return Arguments(owner, target, "pronoun", how, co_sources=tuple(members))


def _reception(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
    end: int,
    genitive: int | None,
) -> Arguments | None:
    """Host and guest of «في استقبال» (see RECEIVING_NOUNS), or None for another noun."""
    word = norms[start]
    at = next((word.rfind(n) for n in RECEIVING_NOUNS if n in word), -1)
    if at < 0 or word[at:].removeprefix(RECEIVING_NOUNS[0]) not in GUEST_PRONOUNS:
        return None
    pronoun = len(word) > at + len(RECEIVING_NOUNS[0])
    before = [
        i
        for i in usable
        if refs[i].end < start and not introduced_by_preposition(refs[i], norms, words)
    ]
    if start >= 2 and norms[start - 2] in WAS:
        # «وكان في استقبال الرئيس الفرنسي نظيره اللبناني»، «وكان في استقباله … وزير الخارجية»
        guest = before[-1] if pronoun and before else None if pronoun else genitive
        after = refs[guest].end if guest is not None and not pronoun else end
        hosts = [
            i
            for i in usable
            if refs[i].start >= after and not introduced_by_preposition(refs[i], norms, words)
        ]
        if guest is None or not hosts:
            return None
        return Arguments(hosts[0], guest, "host", "pronoun" if pronoun else "genitive")
    if pronoun or genitive is None or not before:
        return None
    return Arguments(before[-1], genitive, "host", "genitive")


def aid_destination(
    refs: Sequence[Reference], norms: Sequence[str], donor: str | None
) -> int | None:
    """Where aid went, as its recipient: the first place or country after «إلى» (or ل, or «في»
    with a port or an airport) in the sentence that is not the donor's («وصلت إلى مطار عدن
    طائرة إغاثة سعودية»، «هبطت طائرة إغاثة سعودية في مطار عدن» → Yemen)."""
    for i, r in enumerate(refs):
        if not r.iso3 or r.iso3 == donor or r.kind not in DESTINATION_KINDS:
            continue
        k = r.start - 1
        while k >= 0 and norms[k] in DESTINATION_HEADS:
            k -= 1  # «إلى مطار عدن»، «إلى مدينة عدن»
        headed = k < r.start - 1  # «في مطار عدن»: landing at a port or an airport
        if (
            (k >= 0 and norms[k] in TO)
            or (headed and k >= 0 and norms[k] == IN_WORD)
            or (norms[r.start].startswith("ل") and r.proclitic)
        ):
            return i
    return None


def _after_target(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    end: int,
    frame_end: int | None,
    source: int | None,
) -> int | None:
    """The first actor after the trigger (or its frame), a prepositional one preferred; never
    the genitive of the doer («مروحيات الجيش السوري»: the army's helicopters, not a target)."""
    reach = max(end, frame_end or 0) + AFTER_WINDOW
    reach = _next_clause(refs, norms, words, end, reach)
    owner = refs[source].end if source is not None and _construct(refs[source], norms) else -1
    rest = _actors_first(
        refs,
        [
            i
            for i in usable
            if i != source and end <= refs[i].start <= reach and refs[i].start != owner
        ],
    )
    prep = [i for i in rest if introduced_by_preposition(refs[i], norms, words)]
    pick = prep or rest
    return pick[0] if pick else None


def _owned_plural(word: str) -> bool:
    """«غاراتها»، «هجماتهم»: a feminine plural with a pronoun, whose owner did the acts (not a
    verbal noun whose pronoun is its object, as in «اعتقالها»)."""
    bare_word = strip_conjunction(word)
    short = next((bare_word[: -len(p)] for p in OBJECT_PRONOUNS if bare_word.endswith(p)), "")
    return short.endswith("ات") and len(short) >= 5


def _underwent(
    refs: Sequence[Reference], usable: list[int], norms: Sequence[str], start: int
) -> int | None:
    """Who or what «تعرض» (underwent) the act named at ``start``, within a few words before it;
    a place may be what underwent it («مطار عدن»)."""
    under = next(
        (j for j in range(start - 1, max(-1, start - 8), -1) if bare(norms[j]) in UNDERWENT),
        None,
    )
    if under is None:
        return None
    return next(
        (
            i
            for i, r in enumerate(refs)
            if under < r.start < start and (i in usable or r.kind in PLACE_KINDS)
        ),
        None,
    )


def _construct(ref: Reference, norms: Sequence[str]) -> bool:
    """One common noun without «ال» («مروحيات»، «قوات»): the first term of a genitive
    construct, so the noun right after it is its owner, not another party. With an adjective
    after it («مسلحون فلسطينيون جنود المارينز») the phrase is closed, and what follows is not."""
    word = strip_conjunction(norms[ref.start])
    return ref.kind == "agent" and ref.end - ref.start == 1 and not word.startswith("ال")


def _topic(
    refs: Sequence[Reference],
    usable: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
) -> int | None:
    """The doer fronted by «أما X فـ…» («أما أستاذ العلوم السياسية عماد حمودة فقد انتقد …»):
    the verb after «ف»/«فقد» has X for its subject, and what follows the verb is its object."""
    if not is_verb(words[start]):
        return None
    if not (norms[start][:1] == "ف" or (start > 0 and norms[start - 1] in TOPIC_RESUMERS)):
        return None
    first = start - 1 if norms[start][:1] != "ف" else start
    for k in range(first - 1, max(-1, first - TOPIC_REACH), -1):
        if norms[k] in SENTENCE_STOPS:
            return None
        if norms[k] == TOPIC_MARKER:
            named = [i for i in usable if refs[i].start > k and refs[i].end <= first]
            plain = [i for i in named if not introduced_by_preposition(refs[i], norms, words)]
            return (plain or named)[-1] if named else None
    return None


def _previous_object(
    refs: Sequence[Reference],
    subj: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
) -> bool:
    """The trigger is a verb joined by «و» and the last actor before it is the object of the
    verb before that, whose subject is the actor before it: «وصف المالكي المملكة … وطالب»
    (verb, subject, object) or «المالكي وصف المملكة … وطالب» (subject, verb, object)."""
    word = words[start]
    if word[:1] != "و" or not is_verb(word[1:]):
        return False
    subject, obj = refs[subj[-2]], refs[subj[-1]]
    if any(
        norms[k] in BREAKS or norms[k] in COMPLEMENTIZERS or norms[k] in RELATIVES
        for k in range(obj.end, start)
    ):
        # «…، وطالب»: past a comma a new clause may name its own subject; «الذي تبناه ودعا
        # إليه»: a relative clause's verbs are about another antecedent
        return False
    if any(norms[k] in COMPLEMENTIZERS for k in range(subject.end, obj.start)):
        return False
    inner = [k for k in range(subject.end, obj.start) if norms[k] not in FILLERS]
    if len(inner) == 1 and is_verb(words[inner[0]]):
        return True  # subject, verb, object
    return not inner and subject.start > 0 and is_verb(words[subject.start - 1])


def _fought(ref: Reference, norms: Sequence[str]) -> bool:
    """``ref`` follows a word of fighting («في مكافحة حركة الشباب»، «ضد داعش»): the enemy of
    what a cooperative act is about, not whom it is aimed at."""
    k = ref.start - 1
    if k > 0 and norms[k] == ON:
        k -= 1  # «القضاء على …»
    return k >= 0 and norms[k] in FOUGHT


def _object_after(ref: Reference, norms: Sequence[str], start: int, gap: list[str]) -> bool:
    """The actor right after the verb is its object, not its subject: a place visited («وزار
    روسيا»), one urged («وحثت أنقرة على …»), the owner of what is praised («وأشاد بدور
    المملكة»), or what an attack noun's «استهدف» names («هجوما … استهدف القنصلية»)."""
    if gap:
        noun = gap[0][1:] if gap[0][:1] in ("ب", "ل") else ""
        return noun in CREDITED_NOUNS
    if strip_conjunction(norms[start]) in AIMED_VERBS and any(
        (
            strip_conjunction(norms[k]) in ATTACK_NOUNS
            or strip_conjunction(norms[k]).removesuffix("ا") in ATTACK_NOUNS
        )
        and not any(w in BREAKS for w in norms[k + 1 : start])
        for k in range(max(0, start - ATTACK_NOUN_REACH), start)
    ):
        return True  # «هجوما بسيارة مفخخة استهدف القنصلية الإيطالية»: the attack aimed at it
    verb = norms[start]
    if verb not in OBJECT_VERBS and not (verb[:1] in ("و", "ف") and verb[1:] in OBJECT_VERBS):
        return False
    if ref.kind in PLACE_KINDS:
        return True
    return ref.end < len(norms) and norms[ref.end] == ON


def _purpose(word: str) -> bool:
    """«ليهاجم»، «لتبحث»: a purpose clause (ل + imperfect), whose doer is the main clause's
    subject named before it; the actor after it is its object."""
    return word[:1] == "ل" and word[1:2] in ("ي", "ت") and len(word) >= 5


def _next_clause(
    refs: Sequence[Reference], norms: Sequence[str], words: Sequence[str], origin: int, reach: int
) -> int:
    """Where the object search after ``origin`` ends: at ``reach``, or before a verb joined by
    «و» that has its own subject right after it («وقصفت طائرات تركية مواقع لتنظيم الدولة في
    سوريا وسمحت أنقرة …»: Ankara is the next clause's subject, not the object bombed), or at a
    connective that opens a clause («أكد التحالف دعمه للهدنة، كما رحب بها المتحدث باسم
    الحوثيين»)."""
    starts = {r.start for r in refs}
    covered = {k for r in refs for k in range(r.start, r.end)}
    for k in range(origin, min(reach, len(norms) - 1)):
        word = norms[k]
        if word in BREAKS and word.isalpha() and k not in covered and not _aside(norms, k):
            return k - 1
        if (
            k not in covered
            and (k + 1 in starts or plural_agreement(words[k]))
            and word[:1] == "و"
            and len(word) >= 4
            and word not in FILLERS
            and is_verb(words[k])
        ):
            # («واتفقا على …»، «وطالبوا ب…»: a dual or plural verb goes on with the same
            # subject, in a clause of its own)
            return k - 1
    return reach


def _accident(norms: Sequence[str], start: int, end: int) -> bool:
    """An accident or a disaster is named right after the deaths («مصرعه في تحطم مروحية») or
    before what it caused, as its subject («حوادث مرورية أسفرت عن …»، «الموجة الحارة … أودت
    بحياة …»)."""
    before = norms[max(0, start - ACCIDENT_SUBJECT_REACH) : start]
    near = [*before, *norms[end : end + ACCIDENT_REACH]]
    return any(strip_conjunction(w) in ACCIDENTS for w in near)


def _masculine_verb_country(norms: Sequence[str], start: int, ref: Reference) -> bool:
    """«أول رئيس أمريكي يزور كينيا»: a country or capital takes a feminine verb («تزور»), so
    after a masculine imperfect it is the object, not the subject."""
    verb = strip_conjunction(norms[start])
    return (
        ref.kind in ("country", "capital")
        and (ref.code or "")[:3] not in MASCULINE_COUNTRIES
        and verb[:1] == "ي"
        and len(verb) >= 4
    )


def _feminine_verb_masculine_noun(
    norms: Sequence[str], start: int, end: int, ref: Reference
) -> bool:
    """«وطالبت المجتمع الدولي بمراقبة …»: a verb before its subject agrees with it in gender,
    so after a feminine past verb (طالبت، ناشدت، دعت) a masculine singular head (المجتمع،
    مجلس، الرئيس: ``arguments.masculine_heads``) begins the object, and the subject is the
    one named before. Only right after the verb: in «وقصفت طائرات الجيش السوري» the verb agrees
    with the planes, the army's."""
    verb = strip_conjunction(norms[start])
    feminine = verb.endswith("ت") and len(verb) >= 3 and verb not in MASCULINE_T_VERBS
    return feminine and ref.start == end and strip_conjunction(norms[ref.start]) in MASCULINE_HEADS


def _aside(norms: Sequence[str], k: int) -> bool:
    """The clause the connective at ``k`` opens is closed by a comma a few words on: an aside
    («دعا الرئيس، فيما تتصاعد الاحتجاجات في البلاد، الأحزاب إلى الحوار»), the object after it."""
    return any(norms[j] in ("،", ",") for j in range(k + 1, min(k + ASIDE_WORDS, len(norms))))


def _fronted_subject(
    refs: Sequence[Reference],
    before: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
) -> bool:
    """Subject-first order: an actor right before the verb that opens the sentence or a clause
    after أن/إن («بايدن يحذر بوتين»، «إن بوتين هنأ بايدن») or «كان» and its sisters («كان
    الصندوق يحض الصين»), so the actor after is the object."""
    subj = [i for i in before if not introduced_by_preposition(refs[i], norms, words)]
    if not subj or any(w not in PERFECT_MARKERS for w in norms[refs[subj[-1]].end : start]):
        return False
    first = refs[first_of_list(refs, subj[-1], norms)].start
    if authored(refs[subj[-1]], norms):
        return True  # «تقرير للاستخبارات الأمريكية اتهم موسكو»: the report is the subject
    return (
        first == 0
        or norms[first - 1] in COMPLEMENTIZERS
        or norms[first - 1] == "و"
        or norms[first - 1] in COPULAS
        or norms[first - 1] in CONTRASTS  # «لكن موسكو انتقدت الولايات المتحدة»
    )


def _governed_noun(
    refs: Sequence[Reference],
    before: list[int],
    norms: Sequence[str],
    words: Sequence[str],
    start: int,
) -> bool:
    """The trigger is a verbal noun, the object of the verb whose subject stands right before
    it («قررت روسيا طرد دبلوماسيين ألمان»): that subject does the act, and the plural after
    it is its object."""
    if strip_conjunction(norms[start]).startswith("ي"):
        return False  # «تحالف تقوده السعودية يقاتل الحوثيين»: an imperfect verb, no noun
    subj = [i for i in before if not introduced_by_preposition(refs[i], norms, words)]
    if not subj or refs[subj[-1]].end != start:
        return False
    k = refs[first_of_list(refs, subj[-1], norms)].start - 1
    return k >= 0 and is_verb(words[k])


def _actors_first(refs: Sequence[Reference], cands: list[int]) -> list[int]:
    """Coded actors before mere locations: «… مواقع لقوات سوريا الديمقراطية في ريف الحسكة»."""

    def is_place(i: int) -> bool:
        r = refs[i]
        return not r.code or r.kind == "place" or (r.kind == "name" and r.type == "LOC")

    actors = [i for i in cands if not is_place(i)]
    return actors or cands
