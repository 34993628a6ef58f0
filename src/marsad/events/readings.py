"""How a matched trigger reads in the words around it.

A weapon named as what an attack used is the attack's code; a comment on the situation in a
place is about that place; a verbal noun under ب/ل is another predicate's object.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from marsad.datafiles import read_lines, resource
from marsad.events.parties import QUANTITIES, Side
from marsad.events.tables import future_intent, resource_path
from marsad.events.triggers import TriggerMatch, TriggerSet
from marsad.events.words import LIGHT_VERBS, by_way_of, is_verb
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction
from marsad.text.wordlists import word_set

_WORDS = resource("events", "words.tsv")

# Pessimistic and optimistic comments: about a place («الوضع في غزة بالغ الخطورة») they are on
# that place's country, though nobody is addressed.
COMMENTS = frozenset({"012", "013"})
IN_WORD = normalize("في")
BETWEEN_WORD = normalize("بين")
# Weapons of mass destruction named as what an attack used («غاز السارين في هجوم»، «أسلحة
# كيماوية خلال القصف»): the attack is coded by the weapon, the more specific code (CAMEO 204).
WEAPONS = ("204",)
ATTACK_ROOTS = frozenset({"18", "19", "20"})
SPORTS_FILE = "sports_words.txt"
CABLES = word_set(_WORDS, "readings.cables")
SPORTS_ARTICLE_HITS = 4  # words of sport that make a whole article a sports report
# What the authorities do about sport is still coded in a sentence that names it: «تحقق
# السلطات في صلات الشركات بالفيفا»، «اعتقلت الشرطة عشرات المشجعين».
SPORTS_OFFICIAL = ("09", "173")
IMPERFECT = frozenset("يتنا")  # prefixes of the imperfect after the future سـ
WILL = word_set(_WORDS, "readings.will")
SCHEDULED = word_set(_WORDS, "readings.scheduled")
LIGHT_FUTURE_REACH = 3  # «ستجري الحكومة لقاءات»: the light verb, its subject, the noun
SCHEDULED_REACH = 8  # words from «من المقرر أن» to the act its verb holds
SENTENCE_ENDS = frozenset((".", "؛", ";", ":", "!", "؟", "?"))
INTENDED = word_set(_WORDS, "readings.intended")
REPORTED_INTENT = "intended"
THREATS = "138"  # the intent of an act of violence is a threat of force (tables.future_intent)
INTENT_REACH = 4  # words from «تعتزم»/«بهدف» to the act: the subject may stand between
UPCOMING = word_set(_WORDS, "readings.upcoming")
THAT = normalize("أن")
OF = normalize("من")
KILLING = "190"  # the generic code of killing and wounding triggers (قتل، مقتل، أصيب)
CAUSES = word_set(_WORDS, "readings.causes")
CAUSE_REACH = 30
FALLS = word_set(_WORDS, "readings.falls")
COUNTS = QUANTITIES | word_set(_WORDS, "readings.counts")
# «شن في مقابلة تلفزيونية هجوماً على السعودية»، «ليهاجم السعودية ويصفها بأنها …»: an attack
# made in words. The plain attack triggers (triggers.tsv 190.12-14) are criticism (111) in a
# sentence that names how it was said and nothing armed.
PLAIN_ATTACKS = frozenset({"190.12", "190.13", "190.14"})
SPOKEN = word_set(_WORDS, "readings.spoken")
ARMED = word_set(_WORDS, "readings.armed")
CRITICISM = "111"
USED_IN = ([normalize("في")], [normalize("خلال")], [normalize("أثناء")])


def on_place(m: TriggerMatch, target: Side, norms: list[str]) -> bool:
    """«قال شكري إن الوضع الإنساني في قطاع غزة بالغ الخطورة»: a pessimistic or optimistic
    comment on the situation in a place is about that place, its target (see COMMENTS)."""
    r = target.ref
    return (
        m.cameo[:3] in COMMENTS
        and r.kind in ("place", "country", "capital")
        and r.start > 0
        and norms[r.start - 1] == IN_WORD
    )


def weapons_in_attacks(matches: list[TriggerMatch], norms: list[str]) -> list[TriggerMatch]:
    """«استُخدم غاز السارين في هجوم شنته …»: the weapon and the attack are one event, the
    attack (whose arguments the sentence gives) coded by its weapon (see WEAPONS)."""
    out = list(matches)
    for k, m in enumerate(matches[:-1]):
        nxt = matches[k + 1]
        end = m.frame_end_token or m.end_token
        if (
            m.cameo.startswith(WEAPONS)
            and nxt.cameo[:2] in ATTACK_ROOTS
            and not nxt.cameo.startswith(WEAPONS)
            and [strip_conjunction(w) for w in norms[end : nxt.start_token]] in USED_IN
        ):
            out[k + 1] = replace(nxt, cameo=m.cameo)
            out.remove(m)
    return out


def deaths_by_attack(matches: list[TriggerMatch], norms: list[str]) -> list[TriggerMatch]:
    """«قُتل 12 مدنياً … جراء غارات جوية»: a killing put down to an attack the sentence names is
    that attack, coded by it when the killing's own code is the generic one (195, not 190;
    an assassination stays 186); the attack is not counted again."""
    out = list(matches)
    for m in matches:
        if m.cameo[:2] not in ATTACK_ROOTS or m not in out:
            continue
        for n in matches:
            if (
                n.start_token >= m.end_token
                and n.start_token - m.end_token <= CAUSE_REACH
                and n.cameo[:2] in ATTACK_ROOTS
                and n.cameo != KILLING
                and n.start_token > 0
                and (caused_by(norms, n.start_token) or norms[n.start_token].startswith("ب"))
            ):  # «قُتل … وأصيب … جراء غارات»: every casualty of the one attack
                if m.cameo == KILLING:
                    out[out.index(m)] = replace(m, cameo=n.cameo)
                if n in out:
                    out.remove(n)
                break
    return out


def caused_by(norms: Sequence[str], k: int) -> bool:
    """The word at ``k`` is given as a cause: «جراء غارات»، and past the fall or launch of what
    was fired, «جراء سقوط قذائف»."""
    if k > 1 and (norms[k - 1].isdigit() or norms[k - 1] in COUNTS):
        k -= 1  # «جراء ثلاث غارات»، «إثر عدة غارات»
    if k > 0 and strip_conjunction(norms[k - 1]) in CAUSES:
        return True
    return k > 1 and norms[k - 1] in FALLS and strip_conjunction(norms[k - 2]) in CAUSES


def future_acts(
    matches: list[TriggerMatch],
    norms: list[str],
    triggers: TriggerSet,
    mentions: Collection[int] = (),
) -> list[TriggerMatch]:
    """«سيعقدان اجتماعاً»، «ستفرض عقوبات»، «سوف نرد عسكرياً»: an act announced for the future
    is the intent or threat to do it (``tables.future_intent``), not the act."""
    out: list[TriggerMatch] = []
    for m in matches:
        intent = future_intent(m.cameo) if m.kind == "event" and m.cameo else None
        if intent is not None and (how := _future(norms, m, triggers, mentions)):
            if how == REPORTED_INTENT and intent.startswith(THREATS):
                continue  # «كان ينوي تفجيرها»: a plot told by others is no attack, no threat
            m = replace(m, cameo=intent)
        out.append(m)
    return out


def _future(
    norms: list[str], m: TriggerMatch, triggers: TriggerSet, mentions: Collection[int]
) -> str:
    """Why the act at ``m`` is to come, or "": the verb carries the future prefix سـ or
    follows سوف ("will"), the act is scheduled («من المقرر أن يلتقي»، «الجولة المقبلة من
    المحادثات»: "scheduled"), or intended («تعتزم توجيه الدعوة»، «بهدف لقاء»: REPORTED_INTENT,
    or "will" for the actor's own «نعتزم»).

    A سـ is the prefix only if the word without it is still the trigger: «ستفرض» is «تفرض»
    to come, but «سيطرت» (took control) and «سيّرت» (dispatched) are past verbs whose root
    begins with س.
    """
    k = m.start_token
    if k > 0 and norms[k - 1] in WILL:
        return "will"
    for j in range(k - 1, max(-1, k - 1 - INTENT_REACH), -1):  # «تعتزم الحكومة البريطانية فرض»
        word = strip_conjunction(norms[j])
        if word in INTENDED:
            # «نعتزم الرد»: the actor's own word is an announcement; «ينوي» is someone's report
            return "will" if word[:1] in ("ن", "ا") else REPORTED_INTENT
        if not norms[j].isalnum():
            break
    if k > 1 and norms[k - 1] == THAT and strip_conjunction(norms[k - 2]) in SCHEDULED:
        return "scheduled"
    for j in range(k - 1, max(1, k - SCHEDULED_REACH), -1):
        # «من المقرر أن يعقد كيري، الاثنين، أيضا اجتماعا»: the verb is scheduled, and with it
        # the meeting it holds
        if norms[j] in SENTENCE_ENDS:
            break
        if norms[j] == THAT and strip_conjunction(norms[j - 1]) in SCHEDULED:
            return "scheduled"
    if k > 1 and norms[k - 1] == OF and norms[k - 2] in UPCOMING:
        return "scheduled"
    if any(norms[j] in UPCOMING for j in range(k + 1, m.end_token)):
        return "scheduled"  # «تعقد الجولة المقبلة من المحادثات»: the match spans the round
    for j in range(k - 1, max(-1, k - 1 - LIGHT_FUTURE_REACH), -1):
        # «ستجري لقاءات مع …»، «سيعقد اجتماعا»: the light verb is to come, so is its noun
        verb = strip_conjunction(norms[j])
        if len(verb) >= 4 and verb[0] == "س" and verb[1] in IMPERFECT and verb[1:] in LIGHT_VERBS:
            return "will"
    w = norms[k]
    conj = w[:1] if w[:1] in ("و", "ف") and len(w) > 4 else ""
    w = w[len(conj) :]
    if not (len(w) >= 4 and w[0] == "س" and w[1] in IMPERFECT):
        return ""
    bare = [*norms[:k], conj + w[1:], *norms[k + 1 :]]
    found = any(
        other.start_token == k and other.pattern_id == m.pattern_id
        for other in triggers.find(bare, mentions=mentions)
    )
    return "will" if found else ""


@lru_cache(maxsize=1)
def sports_words() -> frozenset[str]:
    """The shipped list of sports words (``resources/events/sports_words.txt``), normalised."""
    return frozenset(normalize(w) for w in read_lines(resource_path(SPORTS_FILE)))


def _sports_hits(norms: Sequence[str]) -> list[str]:
    words = sports_words()
    return [w for w in (strip_conjunction(n) for n in norms) if w in words]


def sporting(norms: Sequence[str]) -> bool:
    """The sentence names sport («قوة المنتخب في سرعة هجماته»، «لقاء ودي»): its attacks are
    play, its meetings matches, its rejections a club's; only ``SPORTS_OFFICIAL`` acts stand."""
    return bool(_sports_hits(norms))


def sports_article(sentences: Iterable[Sequence[str]]) -> bool:
    """Most of the article's words of sport: at least ``SPORTS_ARTICLE_HITS`` of them, two
    distinct. Then its sentences without one («وتلتقي ليبيا مع رواندا») report sport too."""
    hits = [w for norms in sentences for w in _sports_hits(norms)]
    return len(hits) >= SPORTS_ARTICLE_HITS and len(set(hits)) >= 2


def complement_noun(word: str, m: TriggerMatch, norms: list[str], whole: bool = False) -> bool:
    """«رحبا بتمديد …»، «لتهنئة نظيره»: a verbal noun under ب/ل is another predicate's object,
    and one after a purpose noun («لاستكمال التشاور») is what is intended.

    The exception is a past event named with both parties, «للاتصال الهاتفي بين X و Y».
    ``whole`` says the word begins its pattern as it stands, so a ب or ل it starts with is
    its own first letter («برقية»، «لغم»), no preposition.
    """
    n = normalize(word)
    if is_verb(word) or BETWEEN_WORD in norms[m.end_token : m.end_token + 3]:
        return False
    if whole:
        return _after_purpose(m, norms)
    if by_way_of(norms, m.start_token) is not None:
        return False  # «اختتم زيارته بلقاء الرئيس»: the meeting is how the visit ended
    if n.startswith(("ب", "ل")) and not n.startswith(("بين", "لقا")):
        # «بعث ببرقية عزاء»: a cable is sent with ب, and is the act itself
        return n[1:].removeprefix("ال") not in CABLES
    return _after_purpose(m, norms)


def _after_purpose(m: TriggerMatch, norms: list[str]) -> bool:
    """«لاستكمال التشاور»، «لبحث التعاون»: the genitive of a purpose noun is what is intended."""
    k = m.start_token - 1
    return k >= 0 and _purpose_noun(norms[k])


def _purpose_noun(word: str) -> bool:
    """«لاستكمال»، «لبحث»، «لمناقشة»: ل + a verbal noun, the purpose of another act."""
    w = word[1:] if word[:1] in ("و", "ف") and len(word) > 4 else word
    if not w.startswith("ل") or w.startswith("لل") or len(w) < 4:
        return False
    noun = w[1:]  # a bare three-letter root after ل is a verbal noun too («لبحث»، «لدعم»)
    return len(noun) == 3 or noun.endswith("ه") or not is_verb(noun)


def spoken_attack(m: TriggerMatch, norms: Sequence[str], at_person: bool = False) -> bool:
    """The plain attack ``m`` is one made in words: its sentence says how it was said (an
    interview, statements, describing) or it is aimed at a person by name (``at_person``:
    «هاجم المسؤولون الإيرانيون نتنياهو لمعارضته الاتفاق»), and it names no weapon, casualty
    or armed force."""
    if m.pattern_id not in PLAIN_ATTACKS:
        return False
    bare = [strip_conjunction(w) for w in norms]
    return (at_person or any(w in SPOKEN for w in bare)) and not any(w in ARMED for w in bare)
