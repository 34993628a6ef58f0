"""Whether a trigger reports something that happened: negation, condition, question, opinion.

Arabic newswire mixes reporting and analysis in one long sentence, so modality is decided per
clause: a marker governs the triggers after it up to the next clause break (a comma, or a
connective such as «وبالفعل» or «لكن» that turns back to reporting).
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.text.normalize import normalize

ASSERTED, NEGATED, HYPOTHETICAL, QUESTION, OPINION = (
    "asserted",
    "negated",
    "hypothetical",
    "question",
    "opinion",
)


def _words(*items: str) -> frozenset[str]:
    return frozenset(normalize(w) for w in items)


# Particles that negate the word right after them (one word may sit between: لم يعد يعتقل).
NEGATORS = _words(
    "لم",
    "لن",
    "لا",
    "ما",
    "ليس",
    "ليست",
    "غير",
    "عدم",
    "دون",
    "بدون",
    "بلا",
    "ولم",
    "ولن",
    "ولا",
    "فلم",
    "فلن",
    "فلا",
)
# Verbs of denial negate what follows them in the clause.
DENIALS = _words("نفى", "نفت", "ينفي", "تنفي", "نفيا", "ونفى", "ونفت", "نافيا", "نفوا")
CONDITIONALS = _words(
    "إذا",
    "اذا",
    "لو",
    "ولو",
    "لولا",
    "حال",
    "حالة",
    "وإذا",
    "فإذا",
    "ربما",
    "وربما",
    "يمكن",
    "يمكنه",
    "محتمل",
    "المحتمل",
    "يحتمل",
    "تريد",
    "يريد",
    "سيناريو",
)
# Necessity and obligation: what must or should happen has not («ضرورة استئناف المفاوضات»،
# «يجب وقف إطلاق النار»). Their scope runs on over «، و…»: a list of what is needed.
NECESSITY = _words(
    "ضرورة",
    "بضرورة",
    "لضرورة",
    "يجب",
    "ويجب",
    "ينبغي",
    "وينبغي",
    "يتعين",
    "لابد",
    "المطلوب",
    "أهمية",
    "بأهمية",
)
# Hopes, aims and what something would bring about: what is hoped for has not happened
# («كانت واشنطن تأمل التوصل إلى اتفاق»، «من شأنه أن يسهم في حث …»، «وهو ما يعني زيادة …»).
HOPES = _words(
    "يأمل",
    "تأمل",
    "نأمل",
    "آمل",
    "أمله",
    "أملها",
    "آماله",
    "يتطلع",
    "تتطلع",
    "تطلعه",
    "تطلعها",
    "يطمح",
    "تطمح",
    "شأنه",
    "شأنها",
    "يسهم",
    "تسهم",
    "يعني",
    "تعني",
)
QUESTIONS = _words("هل", "فهل", "وهل", "أهل", "لماذا", "كيف", "متى", "ماذا")
# Opinion and analysis: a trigger in their clause is someone's reading, not a reported act.
OPINION_WORDS = _words(
    "بدا",
    "يبدو",
    "تبدو",
    "بدت",
    "يرى",
    "ترى",
    "يعتقد",
    "تعتقد",
    "يتوقع",
    "توقع",
    "يتوقعون",
    "الصعب",
    "المرجح",
    "المستبعد",
    "المتوقع",
    "مراقبون",
    "محللون",
    "المراقبون",
    "المحللون",
    "أظهرت",
    "أظهر",
    "يبدوان",
    "يرجح",
    "التحليل",
    "رأي",
    "ويرى",
    "وترى",
    "ويبدو",
    "وبدا",
)
SEEMED = _words("بدا", "وبدا")  # written «بدأ» with its hamza, they are "began"
# «قال بايدن إنه يعتقد أن …»: after these an opinion verb is the speaker's own stated view,
# reported as said, not the writer's analysis.
SELF_REPORT = _words("إنه", "أنه", "بأنه", "إنها", "أنها", "بأنها", "إنهم", "أنهم", "إنني", "أنني")
# Words that end a modal scope and return to reporting.
BREAKS = _words(
    "،",
    ",",
    "؛",
    ";",
    ":",
    "وبالفعل",
    "بالفعل",
    "لكن",
    "ولكن",
    "الا",
    "إلا",
    "حيث",
    "بينما",
    "فيما",
    "ثم",
    "فجاءت",
    "فجاء",
    "وقد",
    "كما",
    "وفي",
    "وكان",
    "وكانت",
)


# What is only possible or imminent has not happened: «حذرت من هجمات محتملة»، «هجوم وشيك».
POSSIBLE = _words(
    "محتمل", "محتملة", "محتملين", "المحتمل", "المحتملة", "المحتملين", "وشيك", "وشيكة", "الوشيك"
)
# A foiled or thwarted act did not happen: «أحبطت القوات هجوما»، «إحباط محاولة تهريب».
FOILED = _words(
    "أحبط", "أحبطت", "يحبط", "تحبط", "إحباط", "وأحبطت", "وأحبط", "بإحباط", "أفشل", "أفشلت", "إفشال"
)
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
    return ASSERTED


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
