"""What one word is: a finite verb or a verbal noun, a passive, a light or a victim's verb.

Arguments are read one way around a verb and another around a verbal noun; a passive or a
victim's verb makes its subject the one acted upon.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.datafiles import resource
from marsad.text.normalize import normalize
from marsad.text.wordlists import word_set

_WORDS = resource("events", "words.tsv")

# Verbs whose object is the event noun, so their subject is its doer.
LIGHT_VERBS = word_set(_WORDS, "words.light_verbs")
# Verbs a noun under «ب» after them is the manner of: «اختتم الرئيس زيارته بلقاء …».
BY_WAY_OF = word_set(_WORDS, "words.by_way_of")
BY_WAY_OF_REACH = 9  # words from such a verb to its «ب» noun: a long subject may stand between
# Verbs whose subject is the victim: «استشهد»، «لقي حتفه», and passives whose spelling
# shows them without vowels («اغتيل» against the active «اغتال»).
VICTIM_VERBS = word_set(_WORDS, "words.victim_verbs")
DAMMA = "\u064f"
HARAKAT = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")


# Honorifics before a name («تلقى صاحب السمو الملكي الأمير … اتصالاً من فخامة الرئيس»): they
# neither part a verb from its subject nor count toward a frame's window.
HONORIFICS = word_set(_WORDS, "words.honorifics")
# «أن»، «إن» and their forms with a conjunction: what follows is a reported clause.
BARE_COMPLEMENTIZERS = word_set(_WORDS, "words.bare_complementizers")
# Two-letter stems of doubled-root verbs that «و»/«ف» may stand before (وحث، وشن، وفض); «ورد»
# (was mentioned), «وحق» and «وحل» are words of their own and are left out.
DOUBLED_VERBS = word_set(_WORDS, "words.doubled_verbs")


def bare(word: str) -> str:
    """The word without a leading conjunction «و»/«ف» (never a root letter of a short word)."""
    if word[:1] in ("و", "ف") and (len(word) > 3 or word[1:] in DOUBLED_VERBS):
        return word[1:]
    return word


def plural(verb: str) -> bool:
    """A dual or plural verb (رحبا، وقعوا، يتفقان): its subject may be a list of actors."""
    return normalize(verb).endswith(("ا", "وا", "ان", "ون", "تا"))


def plural_agreement(verb: str) -> bool:
    """A verb marked for a plural subject (يزورون، زاروا، تتفقان): Arabic puts the verb in the
    singular before its subject, so such a verb's subject came before it or is the pronoun,
    and the actor after it is its object («وإيرانيون يزورون السعودية»)."""
    n = normalize(verb)
    if n[:1] in ("و", "ف") and len(n) > 5:
        n = n[1:]
    if n.endswith("وا") and len(n) >= 4:
        return True  # زاروا، اعتقلوا
    # imperfect plurals and duals: يزورون، تتفقان (not يتعاون، يعاون, whose ون is the root's)
    if n.endswith("اون") and not n.endswith("اونون"):
        return False
    return n[:1] in ("ي", "ت") and n.endswith(("ون", "ان")) and len(n) >= 6


def vowelled_passive(word: str) -> bool:
    """A perfect verb written with its passive vowel: «رُفع»، «أُعلن»، «اعتُقل»، «استُخدم».

    Unvowelled Arabic writes the passive like the active; when the writer marks it, the damma
    sits on the first letter, or on the third of a verb beginning with alef (forms VII-X).
    """
    w = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    letters: list[tuple[str, set[str]]] = []
    for ch in w:
        if ch in HARAKAT:
            if letters:
                letters[-1][1].add(ch)
        elif ch != "\u0640":
            letters.append((ch, set()))
    if len(letters) < 3 or letters[0][0] in "يتن":
        return False  # an imperfect: يُرسل is as often active (form IV)
    if DAMMA in letters[0][1] and letters[0][0] != "ا":
        return True
    return letters[0][0] in "اإ" and len(letters) >= 4 and DAMMA in letters[2][1]


def is_verb(word: str) -> bool:
    """A rough test that the trigger word is a finite verb, not a verbal noun (اعتقال، بتمديد)."""
    if word.endswith(("ة", "اً", "ًا", "ات", "ةً", "ةٌ", "ةٍ")):
        return False  # taa marbuta, accusative tanween, feminine plural: nouns
    n = normalize(word)
    if bare(n) in VICTIM_VERBS:
        return True  # «اغتيل» looks like a verbal noun (اغتيال) but is the passive verb
    forms = [n]
    if n[:1] in ("و", "ف") and len(n) > 4:
        forms.append(n[1:])
    forms += [f[1:] for f in list(forms) if f[:1] in ("ب", "ل") and len(f) > 4]
    for f in forms:
        if f.startswith("الت") and len(f) == 5:
            return True  # form VIII perfects: التقى، التزم، التحق (not the article)
        if f.startswith(("ال", "لل")) and len(f) > 4:
            return False
        if f[:1] in ("ت", "ي") and f.endswith(("ان", "ون")) and len(f) >= 6:
            return True  # dual and plural imperfects: تتفقان، يبحثان، يرفضون (not تعاون)
        if f.startswith(("يست", "تست", "نست")) and len(f) >= 6:
            return True  # form X imperfects: تستضيف، يستهدف (its nouns are استفعال، مستفعل)
        if len(f) == 5 and f[0] == "ا" and f[2] == "ت" and f[3] == "ا":
            return True  # form VIII hollow perfects: اجتاح، اختار، احتاج (their nouns: اجتياح)
        if len(f) >= 5 and f[-2] in "اي" and f[0] in "اتم":
            return False
        if len(f) == 4 and f[2] == "ا" and f[3] in "ءئ" and f[0] not in "أاوف":
            return False  # «لقاء»، «بلقاء»، «بناء»: fiʿāl nouns (the verbs «جاء»، «أساء»)
        if len(f) == 4 and f[3] in "ىي" and f[0] not in "أاتينوف":
            return False  # «قتلى»، «جرحى»، «مرضى»: faʿlā plurals («تلقى»، «ألقى» are verbs)
        stem = _unsuffixed(f)
        if stem != f and len(stem) >= 5 and stem[-2] in "اي" and stem[0] in "اتم":
            return False  # «استقباله»، «اعتقالها»: a verbal noun with a pronoun on it
        short = next((f[: -len(p)] for p in _NOUN_PRONOUNS if f.endswith(p)), f)
        if short != f and short.endswith("ات") and len(short) >= 5:
            return False  # «ضرباتها»، «هجماتهم»: a feminine plural with its owner's pronoun
        if any(len(x) == 4 and x[0] == "م" and not x.endswith("ت") for x in (f, short)):
            return False  # مقتل، مصرع، مقتله: nouns of place and event (منحت is a verb)
    return True


_NOUN_PRONOUNS = ("هما", "هم", "ها", "ه")


def _unsuffixed(form: str) -> str:
    """``form`` without a third-person pronoun suffix, if it has one."""
    for suffix in _NOUN_PRONOUNS:
        if form.endswith(suffix) and len(form) - len(suffix) >= 5:
            return form[: -len(suffix)]
    return form


def by_way_of(norms: Sequence[str], start: int) -> int | None:
    """The verb at most BY_WAY_OF_REACH words before a «ب» noun at ``start`` whose manner it
    is («بدأ وزير الخارجية الأمريكي جون كيري نهاره بلقاء …»), or None."""
    if not norms[start].startswith(("ب", "وب")):
        return None
    for k in range(start - 1, max(-1, start - 1 - BY_WAY_OF_REACH), -1):
        if not any(c.isalnum() for c in norms[k]):
            return None  # in the noun's own clause
        if bare(norms[k]) in BY_WAY_OF:
            return k
    return None
