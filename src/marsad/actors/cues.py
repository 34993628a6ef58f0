"""Words that decide what a mention is: a reporting outlet, an adverb, counted people, an army.

Used by ``resolve.py``; kept apart so the resolver reads as rules. The word lists themselves
are data, in ``resources/actors/words.tsv``.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.actors.dictionary import ActorMatch
from marsad.datafiles import resource
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction
from marsad.text.wordlists import word_set

_WORDS = resource("actors", "words.tsv")

# Outlets (first word of the agent phrase) and the words that make one the reporter of the
# news rather than an actor in it: «وقالت صحيفة نيويورك تايمز إن …»، «بحسب وكالة الأنباء».
_OUTLETS = word_set(_WORDS, "cues.outlets")
_REPORTING = word_set(_WORDS, "cues.reporting")
# Numbers and quantities that count people: «خمسة أمريكيين»، «آلاف الأردنيين» are citizens.
_HOW_MANY = word_set(_WORDS, "cues.how_many")
# Attack nouns whose nationality adjective names the army that attacked.
_ATTACKS = word_set(_WORDS, "cues.attacks")
# Weapons platforms whose nationality is likewise the army's: «طائرات إسرائيلية»، «مقاتلات
# روسية»، «دبابات تركية» (plurals and fighters only: «طائرة مصرية» is as often an airliner).
_PLATFORMS = word_set(_WORDS, "cues.platforms")
_ARMED = _ATTACKS | _PLATFORMS
# Accusative nouns in -iyyan that are people, never adverbs («قتل جنديا»، «اعتقل صحفيا»), and
# «ميليشيا», which only looks like one.
_PERSON_NOUNS_IN_YA = word_set(_WORDS, "cues.person_nouns_in_ya")
# Numbers an accusative singular noun is counted by («20 عسكريا»، «ثلاثين جنديا»، «أحد عشر»).
_COUNTING = word_set(_WORDS, "cues.counting")


# Towns, villages and camps (agents.tsv codes them CVL: what befalls one befalls its people).
_TOWNS = word_set(_WORDS, "cues.towns")


_WHERE = word_set(_WORDS, "cues.where")


def town(norms: Sequence[str], start: int, proclitic: str) -> bool:
    """The mention at ``start`` is a town or village («بلدة خان شيخون»، «على قرية»)."""
    word = norms[start]
    return word[len(proclitic) :] in _TOWNS if word.startswith(proclitic) else word in _TOWNS


def where(norms: Sequence[str], start: int, proclitic: str) -> bool:
    """A town after في، من، داخل، بـ is where something happens or whence people come
    («نزحت من قرى جبل الزاوية»), not who suffers it."""
    bare = proclitic[1:] if proclitic[:1] in ("و", "ف") else proclitic
    return bare.startswith("ب") or (start > 0 and norms[start - 1] in _WHERE)


_BANK = normalize("الضفة")
_RIVER = word_set(_WORDS, "cues.river")
_JORDAN = normalize("الأردن")
_DIRECTIONS = word_set(_WORDS, "cues.directions")


def river_bank(norms: Sequence[str], start: int) -> bool:
    """«الضفة الغربية لنهر دنيبرو» is a bank of a river, not the West Bank (which is «الضفة
    الغربية لنهر الأردن» in full)."""
    if not norms[start].endswith(_BANK):
        return False
    k = start + 1
    if k < len(norms) and norms[k] in _DIRECTIONS:
        k += 1
    return k < len(norms) and norms[k] in _RIVER and norms[k + 1 : k + 2] != [_JORDAN]


_BORDER = word_set(_WORDS, "cues.border")
_WITH = normalize("مع")


_TERRITORY = word_set(_WORDS, "cues.territory")
_LINKS = word_set(_WORDS, "cues.links")


def border(norms: Sequence[str], start: int) -> bool:
    """«قرب الحدود السورية»، «حدودها مع سورية»، «على الحدود مع النيجر»، «الحدود التركية -
    السورية»: a country that names a border is where, not who."""
    k = start - 1
    if k >= 0 and norms[k] == _WITH:
        k -= 1
    if k >= 1 and (norms[k] in _LINKS or norms[k][:1] == "و") and norms[k - 1] not in _BORDER:
        # «الحدود التركية - السورية»، «الحدود التركية والسورية»: the second of two adjectives
        k = k - 2 if norms[k] in _LINKS else k - 1
    return k >= 0 and norms[k] in _BORDER


def territory(norms: Sequence[str], start: int) -> bool:
    """«فوق الأراضي السورية»، «في الأجواء العراقية»: a country's land, air or water is where."""
    return start > 0 and norms[start - 1] in _TERRITORY


def reporting_outlet(norms: Sequence[str], start: int, proclitic: str) -> bool:
    """A newspaper or agency that reports the news is no actor in it: its mention is left
    uncoded, so it is neither a speaker nor a party (unless it is what the news is about)."""
    word = norms[start]
    stem = word[len(proclitic) :] if proclitic and word.startswith(proclitic) else word
    if stem not in _OUTLETS and "ال" + stem not in _OUTLETS:
        return False
    prev = norms[start - 1] if start > 0 else ""
    if prev[:1] in ("و", "ف") and prev[1:] in _REPORTING:
        prev = prev[1:]
    return prev in _REPORTING


def outlet_under_preposition(word: str) -> bool:
    """«لوكالة»، «لصحيفة»، «بقناة»: an outlet's head noun under ل/ب, so the name after it is
    the one spoken to or through («وأوضح لوكالة الصحافة الفرنسية أن …»), not a subject."""
    if len(word) < 4 or word[0] not in ("ل", "ب"):
        return False
    stem = word[1:]
    return stem in _OUTLETS or ("ال" + stem) in _OUTLETS or stem.removeprefix("ل") in _OUTLETS


_OPEN_QUOTES = frozenset({'"', "«", "“", "'"})
_CLOSE_QUOTES = frozenset({'"', "»", "”", "'"})


def quoted_title(norms: Sequence[str], start: int, end: int) -> bool:
    """A city name alone between quotation marks is a newspaper or a channel named after it
    («تلقت "الرياض" نسخة منها»، «وقال لـ«الرياض»»), not the city or its state."""
    return (
        start > 0
        and end < len(norms)
        and norms[start - 1] in _OPEN_QUOTES
        and norms[end] in _CLOSE_QUOTES
    )


def after_attack(norms: Sequence[str], start: int) -> bool:
    """The nationality at ``start`` follows an attack noun or a weapons platform: «القصف
    التركي»، «بغارة إسرائيلية»، «طائرات روسية»."""
    if start == 0:
        return False
    return is_attack_word(norms[start - 1])


_TERROR = word_set(_WORDS, "cues.terror")
_ACTS = word_set(_WORDS, "cues.acts")


def terror_adjective(norms: Sequence[str], start: int) -> bool:
    """«التفجير الإرهابي»، «العمل الإرهابي»: «terrorist» describing an act is no actor."""
    if start == 0 or norms[start] not in _TERROR:
        return False
    prev = unglued(norms[start - 1])
    return is_attack_word(prev) or prev in _ACTS or prev[2:] in _ACTS


# «قذائف مدفعية»، «قذائف هاون»: shells named by the arm that fires them (an adjective).
_MUNITIONS = word_set(_WORDS, "cues.munitions")


def is_munition(word: str) -> bool:
    """A shell, rocket or round («قذائف»، «بصاروخ»), with or without a glued preposition."""
    return word in _MUNITIONS or (word[:1] in "بل" and word[1:] in _MUNITIONS)


def munition_kind(norms: Sequence[str], start: int) -> bool:
    """«سقوط قذائف مدفعية للحوثيين»: an indefinite weapons word right after a munition noun
    says what kind of shell it was; whose it was is named after it, if at all."""
    if start == 0 or norms[start] not in _PLATFORMS or norms[start].startswith("ال"):
        return False
    return is_munition(strip_conjunction(norms[start - 1]))


def unglued(word: str) -> str:
    """A definite noun without the conjunction or preposition glued to it: «للتفجير» →
    «التفجير»، «وبالعمل» → «العمل»."""
    w = strip_conjunction(word)
    if w.startswith("لل"):
        return "ال" + w[2:]
    if w[:1] in "بلك" and w[1:3] == "ال":
        return w[1:]
    return w


def is_act_noun(word: str) -> bool:
    """An act named as a thing done («التفجير»، «العمل»، «الهجوم»، «القصف»), with or without a
    glued conjunction or preposition."""
    w = unglued(word)
    return w in _ACTS or is_attack_word(w)


def is_attack_word(word: str) -> bool:
    """An attack noun or weapons platform, with or without a glued preposition (بالقصف)."""
    return word in _ARMED or word[len(attack_proclitic(word)) :] in _ARMED


def attack_proclitic(word: str) -> str:
    """The preposition or conjunction glued to an attack noun (بالقصف → ب)."""
    for p in ("وب", "ول", "وف", "ب", "ل", "و", "ف"):
        if word.startswith(p) and word[len(p) :] in _ARMED:
            return p
    return ""


def counted_people(norms: Sequence[str], start: int, plurals: frozenset[str] = frozenset()) -> bool:
    """A plural nationality after a number names people, not the state: «خمسة أمريكيين»، and
    with ``plurals`` (broken plurals such as «الروس») «آلاف الروس»."""
    if not norms[start].endswith(("يين", "يون")) and strip_conjunction(norms[start]) not in plurals:
        return False
    k = start - 1
    if k > 0 and norms[k] == "من":
        k -= 1  # «آلاف من الأردنيين»
    if k < 0:
        return False
    word = norms[k][1:] if norms[k][:1] in ("و", "ب", "ل") else norms[k]
    return norms[k].isdigit() or norms[k] in _HOW_MANY or word in _HOW_MANY


def listed_adjective(matches: Sequence[ActorMatch], k: int, norms: Sequence[str]) -> bool:
    """«العمليات العسكرية الجوية والبرية والبحرية»: a one-word service branch joined by و to a
    feminine adjective is one more adjective of the noun before, not the navy. After an actor
    («القوات الجوية والبحرية») it is the branch, sharing the head."""
    m = matches[k]
    if m.kind != "agent" or m.end_token - m.start_token != 1 or m.start_token == 0:
        return False
    if not norms[m.start_token].startswith("و"):
        return False
    return norms[m.start_token - 1].endswith("يه") and not any(
        x.end_token == m.start_token for x in matches
    )


def adverb(matches: Sequence[ActorMatch], k: int, norms: Sequence[str]) -> bool:
    """A one-word agent in -iyyan that is neither counted nor described is an adverb.

    «سترد عسكرياً» is "militarily"; «قتل 20 عسكريا» and «طردت دبلوماسيا أمريكيا» are people.
    """
    m = matches[k]
    if m.kind != "agent" or m.end_token - m.start_token != 1:
        return False
    word = norms[m.start_token]
    if not word.endswith("يا") or word.startswith("ال") or word in _PERSON_NOUNS_IN_YA:
        return False
    prev = norms[m.start_token - 1] if m.start_token > 0 else ""
    if prev.isdigit() or prev in _COUNTING:
        return False
    nxt = matches[k + 1] if k + 1 < len(matches) else None
    return not (
        nxt is not None and nxt.start_token == m.end_token and nxt.kind in ("adjective", "country")
    )


# «الأمن» names the security forces, but before these it is security itself: «الأمن القومي»،
# «الأمن والاستقرار»؛ «أمن» without the article is always the abstract noun («تهديد أمن
# المملكة»), the forces being «رجال أمن»، «قوات الأمن». «نيابة عن» is "on behalf of".
_SECURITY = frozenset(normalize(w) for w in ("الأمن", "أمن"))
_SECURITY_ABSTRACT = word_set(_WORDS, "cues.security_abstract")
_ON_BEHALF = (normalize("نيابة"), normalize("عن"))
_ELIMINATE = (normalize("القضاء"), normalize("على"))
_DEFEND = (normalize("الدفاع"), normalize("عن"))  # «للدفاع عن الاتفاق»: defending it
# Words before «الأمن» that make it the topic, security itself, not the police.
_SECURITY_TOPIC = word_set(_WORDS, "cues.security_topic")
_PRESS = word_set(_WORDS, "cues.press")
_CONFERENCE = word_set(_WORDS, "cues.conference")
_AUDIENCE = word_set(_WORDS, "cues.audience")
_FLIGHT = frozenset(normalize(w) for w in ("الطيران", "طيران"))
_BAN = word_set(_WORDS, "cues.ban")
_PEOPLE = frozenset(normalize(w) for w in ("الشعب", "شعب"))
_ON_BEHALF_OF = word_set(_WORDS, "cues.on_behalf_of")


def abstract_noun(matches: Sequence[ActorMatch], k: int, norms: Sequence[str]) -> bool:
    """A one-word agent match that is the abstract noun, not the body: security («لأمن تركيا»),
    on behalf, «القضاء على» (eliminating, not the judiciary), «الدفاع عن» (defending, not the
    defence ministry), «حظر الطيران» (a no-fly zone),
    «باسم شعب …» (on behalf of a people, in a cable) — unless an office or body just before
    makes it part of a name («وزير الأمن القومي»)."""
    m = matches[k]
    if m.kind != "agent" or m.end_token - m.start_token != 1:
        return False
    prev = matches[k - 1] if k else None
    if prev is not None and prev.end_token == m.start_token and prev.kind in ("title", "agent"):
        return False  # «وزير الأمن القومي»، «مجلس الأمن الوطني»: part of an office's name
    word = norms[m.start_token]
    bare = strip_conjunction(word)
    if bare.startswith("لل"):
        bare = "ال" + bare[2:]  # للأمن
    elif bare[:1] in "بك" and bare[1:3] == "ال":
        bare = bare[1:]  # بالأمن
    elif bare[:1] in "لبك" and bare[1:] in _SECURITY:
        bare = bare[1:]  # لأمن تركيا
    nxt = norms[m.end_token] if m.end_token < len(norms) else ""
    before = norms[m.start_token - 1] if m.start_token else ""
    if bare in _SECURITY:
        return (
            not bare.startswith("ال")
            or nxt in _SECURITY_ABSTRACT
            or strip_conjunction(before) in _SECURITY_TOPIC  # «حول الأمن»، «زعزعة الأمن»
        )
    if bare in _FLIGHT and before in _BAN:
        return True
    if bare in _PRESS and before in _CONFERENCE:
        return True  # «مؤتمرا صحفيا»: a press conference, not a journalist
    if word in _AUDIENCE:
        return True  # «وقال للصحفيين»: who heard it, not a party
    if bare in _PEOPLE and before in _ON_BEHALF_OF:
        return True
    return (bare, nxt) in (_ON_BEHALF, _ELIMINATE, _DEFEND)


# «بنين وبنات» (boys and girls, of schools and education offices) is never Benin, though the
# tagger marks it as a place: a country name paired with «و» and its common partner.
_BOYS = word_set(_WORDS, "cues.boys")
_GIRLS = word_set(_WORDS, "cues.girls")


def boys_and_girls(norms: Sequence[str], start: int) -> bool:
    """The word at ``start`` is «بنين» of «بنين وبنات» / «البنات والبنين»."""
    word = strip_conjunction(norms[start])
    if word not in _BOYS:
        return False
    near = [strip_conjunction(norms[k]) for k in (start - 1, start + 1) if 0 <= k < len(norms)]
    return any(w in _GIRLS for w in near)


# «طريق الملك عبدالله»، «جامعة الملك سعود»، «مستشفى الملك فهد»: a road, a university, a
# hospital named after a king or a prince is a place or an institution, not the person.
_EPONYM_HEADS = word_set(_WORDS, "cues.eponym_heads")


_EPONYM_TITLES = word_set(_WORDS, "cues.eponym_titles")


def eponym(norms: Sequence[str], start: int) -> bool:
    """The person or title at ``start`` names the road, building or institution before it,
    directly or past a title («طريق الملك عبدالله»: both «الملك» and «عبدالله»)."""
    k = start - 1
    if k >= 1 and norms[k] in _EPONYM_TITLES:
        k -= 1
    if k < 0:
        return False
    head = strip_conjunction(norms[k])
    return head in _EPONYM_HEADS or (head[:1] in "بلك" and head[1:] in _EPONYM_HEADS)


_DISTRICT = normalize("قضاء")


_ON = frozenset(normalize(w) for w in ("على", "عليه", "عليها", "عليهم", "عليهما"))


def district(norms: Sequence[str], start: int) -> bool:
    """«بقضاء أبو غريب»، «قضاء فترة العيد»: «قضاء» without the article is a district or the
    spending of time, and «القضاء على/عليه» is eliminating; the judiciary is «القضاء»."""
    word = strip_conjunction(norms[start])
    if word.endswith(_DISTRICT) and start + 1 < len(norms) and norms[start + 1] in _ON:
        return True  # «يجب القضاء عليه»
    return word == _DISTRICT or (word[:1] in "بل" and word[1:] == _DISTRICT)


_NAME_TITLES = word_set(_WORDS, "cues.name_titles")
_KUNYA = normalize("أبو")


def surname(norms: Sequence[str], start: int, country: bool) -> bool:
    """The country or nationality at ``start`` is part of a person's name: a country right
    after a personal title («الدكتور السويد»), a nationality without «ال» after one («الأستاذ
    هندي منير»: a definite title takes a definite adjective), or a nisba closing a kunya
    («أبو جعفر السوداني»، «أبوجعفر السوداني»)."""
    if start == 0:
        return False
    before = strip_conjunction(norms[start - 1])
    if before in _NAME_TITLES and (country or not norms[start].startswith("ال")):
        return True
    glued = before.startswith(_KUNYA) and len(before) > len(_KUNYA) + 2
    return not country and (glued or (start > 1 and strip_conjunction(norms[start - 2]) == _KUNYA))


# Two-word phrases in which a dictionary name is an ordinary word: «مسقط رأسه» (his birthplace,
# not Muscat), «أجندة خارجية» (a foreign agenda, not the foreign ministry).
_IDIOMS = frozenset(tuple(phrase.split()) for phrase in word_set(_WORDS, "cues.idioms"))


def idiom(norms: Sequence[str], start: int, end: int) -> bool:
    """The one-word match at ``[start, end)`` is part of a listed idiom with its neighbour,
    or is a listed word by itself («باكرا», early, is «ب» + «أكرا» once normalised)."""
    if end - start != 1:
        return False
    word = strip_conjunction(norms[start])
    if (norms[start],) in _IDIOMS or (word,) in _IDIOMS:
        return True
    after = (word, norms[end]) if end < len(norms) else None
    before = (strip_conjunction(norms[start - 1]), norms[start]) if start > 0 else None
    return after in _IDIOMS or before in _IDIOMS


_MOSQUES = word_set(_WORDS, "cues.mosques")


def named_mosque(norms: Sequence[str], start: int) -> bool:
    """The body at ``start`` names the mosque before it («مسجد قوات الطوارئ»)."""
    return start > 0 and strip_conjunction(norms[start - 1]).removeprefix("ب") in _MOSQUES
