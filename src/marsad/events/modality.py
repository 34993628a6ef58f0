"""Whether a trigger reports something that happened: negation, condition, question, opinion.

Arabic newswire mixes reporting and analysis in one long sentence, so modality is decided per
clause: a marker governs the triggers after it up to the next clause break (a comma, or a
connective such as «وبالفعل» or «لكن» that turns back to reporting).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.datafiles import resource
from marsad.events.words import is_verb
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction
from marsad.text.wordlists import word_set

_WORDS = resource("events", "words.tsv")

ASSERTED, NEGATED, HYPOTHETICAL, QUESTION, OPINION, GENERIC = (
    "asserted",
    "negated",
    "hypothetical",
    "question",
    "opinion",
    "generic",  # a habit or a rule («يتشاور البلدان دوريا»), not one act
)


def _words(*items: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in items)


# Particles that negate the word right after them (one word may sit between: لم يعد يعتقل).
NEGATORS = word_set(_WORDS, "modality.negators")
# Verbs of denial negate what follows them in the clause.
DENIALS = word_set(_WORDS, "modality.denials")
CONDITIONALS = word_set(_WORDS, "modality.conditionals")
# Necessity and obligation: what must or should happen has not («ضرورة استئناف المفاوضات»،
# «يجب وقف إطلاق النار»). Their scope runs on over «، و…»: a list of what is needed.
NECESSITY = word_set(_WORDS, "modality.necessity")
# Hopes, aims and what something would bring about: what is hoped for has not happened
# («كانت واشنطن تأمل التوصل إلى اتفاق»، «من شأنه أن يسهم في حث …»، «وهو ما يعني زيادة …»).
HOPES = word_set(_WORDS, "modality.hopes")
QUESTIONS = word_set(_WORDS, "modality.questions")
EXISTENTIAL = word_set(_WORDS, "modality.existential")
# Opinion and analysis: a trigger in their clause is someone's reading, not a reported act.
OPINION_WORDS = word_set(_WORDS, "modality.opinion_words")
SEEMED = _words("بدا", "وبدا")  # written «بدأ» with its hamza, they are "began"
# «قال بايدن إنه يعتقد أن …»: after these an opinion verb is the speaker's own stated view,
# reported as said, not the writer's analysis.
SELF_REPORT = word_set(_WORDS, "modality.self_report")
# Words that end a modal scope and return to reporting.
BREAKS = word_set(_WORDS, "modality.breaks")


# What is only possible or imminent has not happened: «حذرت من هجمات محتملة»، «هجوم وشيك».
POSSIBLE = word_set(_WORDS, "modality.possible")
# A foiled or thwarted act did not happen: «أحبطت القوات هجوما»، «إحباط محاولة تهريب».
FOILED = word_set(_WORDS, "modality.foiled")
HALTED = word_set(_WORDS, "modality.halted")
DISCUSSED = word_set(_WORDS, "modality.discussed")
VERB_NEGATORS = word_set(_WORDS, "modality.verb_negators")
NEGATED_IDIOMS = word_set(_WORDS, "modality.negated_idioms")
NEGATED_CARRIER_REACH = 6  # «لم تصوب القوات الحكومية السورية نيرانها»: negator to act noun
CARRIER_BARRIERS = _words("عن", "على", "في", "من", "إلى", "مع", "بعد", "قبل")
BEFORE_START = word_set(_WORDS, "modality.before_start")
HABITUAL = word_set(_WORDS, "modality.habitual")
BEFORE = frozenset(normalize(w) for w in ("قبل", "وقبل"))
BEFORE_REACH = 5  # «قبل بدء جولة جديدة من محادثات»: the act noun a few words on
TIME_PHRASES = word_set(_WORDS, "modality.time_phrases")
# «بحث الوزيران خلال اللقاء …»، «… بعد اللقاء»: when the talks were, not their topic
CIRCUMSTANTIAL = word_set(_WORDS, "dating.circumstantial") | TIME_PHRASES
DISCUSSED_REACH = 9  # words between the discussing verb and the act: its subject, «مع نظيره»
FOILED_REACH = 5  # words between the foiling verb and the act: its subject, «محاولة»
ANY = normalize("أي")
WITHOUT = _words("دون", "بدون")


def clause_breaks(norms: Sequence[str]) -> list[int]:
    """Index of the clause each token is in (0, 1, 2, …)."""
    out: list[int] = []
    clause = 0
    for w in norms:
        if w in BREAKS:
            clause += 1
        out.append(clause)
    return out


def modality(
    norms: Sequence[str],
    start: int,
    end: int,
    clauses: Sequence[int] | None = None,
    words: Sequence[str] | None = None,
) -> str:
    """The modality of a trigger at tokens ``[start, end)`` of a sentence.

    With the sentence's ``words`` as written, «بدأ» (began, with its hamza) is told from «بدا»
    (seemed), which normalise alike.
    """
    clauses = clauses if clauses is not None else clause_breaks(norms)
    here = clauses[start] if start < len(clauses) else 0
    for k in (start - 1, start - 2):
        if k >= 0 and norms[k] in NEGATORS:
            return NEGATED
    if (
        start > 1
        and norms[start - 1] in EXISTENTIAL
        and any(norms[k] in NEGATORS for k in range(max(0, start - 4), start - 1))
    ):
        return NEGATED  # «لم تكن هناك زيارة رسمية»: there was none
    if (
        start > 1
        and norms[start - 1] == ANY
        and any(
            norms[k] in NEGATORS or norms[k] in WITHOUT for k in range(max(0, start - 4), start - 1)
        )
    ):
        return NEGATED  # «لم يتخلله أي تهديد»، «دون أي تهديد»: the noun is denied
    if any(norms[k] in POSSIBLE for k in range(max(0, start - 1), min(end + 2, len(norms)))):
        # the word right after the trigger (or its adjective) qualifies it; right before a
        # verb it qualifies the verb's subject («هجمات محتملة تستهدف إسطنبول»)
        return HYPOTHETICAL
    if any(
        norms[k] in FOILED and clauses[k] == here
        for k in range(max(0, start - FOILED_REACH), start)
    ):
        return NEGATED
    if start > 0 and norms[start - 1] in HALTED:
        return NEGATED  # «وقف غاراتها»: the strikes are stopped, not made
    if _negated_carrier(norms, start, clauses, words or norms):
        return NEGATED
    if not is_verb((words or norms)[start]) and any(
        norms[k] in BEFORE and norms[k + 1] in BEFORE_START and clauses[k] == here
        for k in range(max(0, start - BEFORE_REACH), start - 1)
    ):
        return HYPOTHETICAL  # «قبل بدء جولة جديدة من محادثات السلام»: not begun yet
    if _discussed(norms, start) and not (
        words is not None
        and norms[start][:1] in ("و", "ف")
        and len(norms[start]) > 4
        and is_verb(words[start][1:])
    ):
        # «بحث الاتحاد الأوروبي فرض عقوبات»: a topic, not a sanction (a verb joined by و
        # after it is an act of its own: «بحث الوزيران العلاقات ووقعا اتفاقية»)
        return HYPOTHETICAL
    if start > 0 and norms[start - 1] in ("قد", "وقد") and norms[start][:1] in ("ي", "ت", "ن"):
        return HYPOTHETICAL  # قد + imperfect is "may"; قد + perfect ("has") stays asserted
    scope = [norms[k] for k in range(start) if clauses[k] == here]
    if any(w in DENIALS for w in scope):
        return NEGATED
    last = norms[-1] if norms else ""
    if last in ("؟", "?") and (here == clauses[-1] or any(w in QUESTIONS for w in scope)):
        return QUESTION
    if any(w in QUESTIONS for w in scope):
        return QUESTION
    first = next(k for k in range(start + 1) if k == start or clauses[k] == here)
    if any(
        norms[k] in OPINION_WORDS
        and (k == 0 or norms[k - 1] not in SELF_REPORT)
        and not (words is not None and norms[k] in SEEMED and "أ" in words[k])
        for k in range(first, start)
    ):
        return OPINION
    if any(w in CONDITIONALS or _hope(w) for w in scope) or _needed(norms, start):
        return HYPOTHETICAL
    clause_end = next((k for k in range(end, len(norms)) if clauses[k] != here), len(norms))
    if any(strip_conjunction(norms[k]) in HABITUAL for k in range(first, clause_end)):
        return GENERIC  # «ويتشاور البلدان دوريا»: a habit of theirs, no dated act
    return ASSERTED


def _negated_carrier(
    norms: Sequence[str], start: int, clauses: Sequence[int], words: Sequence[str]
) -> bool:
    """«ولم تصوب القوات الحكومية السورية نيرانها على …»: an act noun carried by a verb that
    «لم/لن» negates, with nothing but the verb's subject between them (not «ولم تعلن إسرائيل
    عن الغارات»: what was not announced after a preposition still happened)."""
    for k in range(start - 2, max(-1, start - 1 - NEGATED_CARRIER_REACH), -1):
        if clauses[k] != clauses[start] or norms[k] in CARRIER_BARRIERS:
            return False
        if norms[k] in VERB_NEGATORS:
            # the noun right after the verb is its subject: «ولم تسفر الغارات عن إصابات»
            # denies the casualties, not the raids
            return (
                start > k + 2
                and is_verb(words[k + 1])
                and strip_conjunction(norms[k + 1]) not in NEGATED_IDIOMS
                and not any(is_verb(words[j]) and norms[j] != ANY for j in range(k + 2, start))
            )
    return False


def _discussed(norms: Sequence[str], start: int) -> bool:
    """A verb or noun of discussing governs the act noun at ``start`` («بحث الاتحاد الأوروبي،
    أمس، فرض عقوبات»، «لمناقشة رفع العقوبات»), past its subject and commas, not a full stop."""
    if norms[start].startswith(("ب", "وب")) or (start and norms[start - 1] in CIRCUMSTANTIAL):
        # «مناقشة الاتفاق بطلب من واشنطن»: at whose request; «بحث الوزيران خلال اللقاء»:
        # when they discussed; neither is the topic
        return False
    for k in range(start - 1, max(-1, start - 1 - DISCUSSED_REACH), -1):
        w = norms[k]
        if w in DISCUSSED or (w[:1] in ("و", "ف") and w[1:] in DISCUSSED):
            return True
        if w in BREAKS and w not in ("،", ","):
            return False
    return False


def _hope(word: str) -> bool:
    return word in HOPES or (word[:1] in ("و", "ف") and word[1:] in HOPES)


def _needed(norms: Sequence[str], start: int) -> bool:
    """A necessity word governs the trigger: in its clause, or across commas that continue a
    list with و («ضرورة الامتناع عن …، والعمل على إعادة إطلاق مسار تفاوضي»)."""
    for k in range(start - 1, -1, -1):
        w = norms[k]
        if w in NECESSITY:
            return True
        if w in BREAKS:
            if w in ("،", ",") and k + 1 < len(norms) and norms[k + 1].startswith("و"):
                continue
            return False
    return False
