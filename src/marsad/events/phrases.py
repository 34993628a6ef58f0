"""Prepositional phrases and coordinated lists of references in a sentence.

A reference after a preposition (مع روسيا، لروسيا) is an object, not a subject; «X و Y» joins
actors into one list whose members act together.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.actors.cues import outlet_under_preposition
from marsad.actors.reference import is_counterpart
from marsad.actors.resolve import Reference
from marsad.datafiles import resource
from marsad.events.modality import BREAKS
from marsad.events.words import HONORIFICS, is_verb
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction
from marsad.text.wordlists import word_set

_WORDS = resource("events", "words.tsv")

PREPOSITIONS = word_set(_WORDS, "phrases.prepositions")
PREPOSITION_CLITICS = ("ب", "ل", "لل", "بال", "وب", "ول", "ولل", "وبال", "فب", "فل", "ك", "كال")
# Documents whose لـ names their author, not an addressee: «تقرير للاستخبارات الأمريكية اتهم …».
DOCUMENTS = word_set(_WORDS, "phrases.documents")
REGIONS = word_set(_WORDS, "phrases.regions")
PLACE_HEADS = word_set(_WORDS, "phrases.place_heads")
KULL, MIN = normalize("كل"), normalize("من")
ACTOR_KINDS = frozenset(
    {"actor", "name", "title", "agent", "country", "adjective", "metonym", "capital"}
)
_PLACE_KINDS = frozenset({"country", "capital", "place"})
_IN = normalize("في")
SITES = word_set(_WORDS, "phrases.sites")
SITE_OWNER_WORDS = 3  # «مواقع تنظيم الدولة الإسلامية في …»: the owner's words before «في»


def introduced_by_preposition(ref: Reference, norms: Sequence[str], words: Sequence[str]) -> bool:
    """The reference sits in a prepositional phrase (مع روسيا، لروسيا، بالكرملين)."""
    if ref.start > 1 and norms[ref.start - 2 : ref.start] == [KULL, MIN]:
        return False  # «كل من أوباما ومدفيديف» is a subject list, not a prepositional phrase
    if ref.start > 0 and norms[ref.start - 1] in PREPOSITIONS:
        return True
    if ref.start > 0 and outlet_under_preposition(norms[ref.start - 1]):
        return True  # «لوكالة الصحافة الفرنسية»
    k = ref.start - 1
    while k >= 0 and _honorific(norms[k]):
        # «شكره لسمو أمير المنطقة»، «إلى فخامة الرئيس»: the preposition is on the honorific
        if _glued(norms[k]) or (k > 0 and norms[k - 1] in PREPOSITIONS):
            return True
        k -= 1
    if authored(ref, norms):
        return False
    return ref.proclitic in PREPOSITION_CLITICS


def in_region(ref: Reference, norms: Sequence[str], refs: Sequence[Reference] = ()) -> bool:
    """«في شمال سوريا»، «بريف حلب»: a place after a region word and a preposition is where;
    so is a country after one alone, an adverb of place («معسكرات للحزب شمال العراق»; a city
    there, «وسط القاهرة», is still the place an act with no named target hit, and a country
    that glosses the city before it, «مدينة العلا شمال غربي السعودية», stands for it)."""
    k = ref.start - 1
    if not (
        ref.kind in ("place", "capital", "country")
        and k >= 0
        and strip_conjunction(norms[k]).removeprefix("ب") in REGIONS
    ):
        return False
    if norms[k].startswith("ب") or (k > 0 and norms[k - 1] in PREPOSITIONS):
        return True
    region = k - 1 if k > 0 and strip_conjunction(norms[k - 1]) in REGIONS else k  # «شمال غربي»
    glossed = any(r.end == region and r.kind in ("place", "capital") for r in refs) or any(
        strip_conjunction(norms[j]) in PLACE_HEADS for j in range(max(0, region - 3), region)
    )
    return ref.kind == "country" and not glossed


def _unconjoined(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف") and word not in HONORIFICS else word


def _honorific(word: str) -> bool:
    """«سمو»، «لسمو»، «وبفخامة»: an honorific, with or without a glued preposition."""
    return _unconjoined(word) in HONORIFICS or _glued(word)


def _glued(word: str) -> bool:
    """An honorific with a preposition glued to it («لسمو»، «وبفخامة»)."""
    w = _unconjoined(word)
    return w not in HONORIFICS and w[:1] in ("ل", "ب") and w[1:] in HONORIFICS


def authored(ref: Reference, norms: Sequence[str]) -> bool:
    """«تقرير للاستخبارات»، «بيان للخارجية»: لـ after a document names who wrote it."""
    return ref.start > 0 and ref.proclitic in ("ل", "لل") and norms[ref.start - 1] in DOCUMENTS


def listed_pair(
    refs: Sequence[Reference], norms: Sequence[str], words: Sequence[str], start: int, end: int
) -> tuple[int, int] | None:
    """The first two members of the subject list of the trigger at ``[start, end)``.

    «وأصدرت مصر والأردن بيانا مشتركا»، «وقالت مصر والأردن في بيان مشترك»: the list right after
    a verb, or the last unprepositioned list before the trigger.
    """
    usable = [i for i, r in enumerate(refs) if r.kind in ACTOR_KINDS and r.type != "MISC"]
    after = [i for i in usable if end <= refs[i].start <= end + 2]
    before = [
        i
        for i in usable
        if refs[i].end <= start and not introduced_by_preposition(refs[i], norms, words)
    ]
    heads = after[:1] if is_verb(words[start]) and after else []
    if before:
        heads.append(first_of_list(refs, before[-1], norms))
    for first in heads:
        partner = coordinated(refs, first, norms)
        if partner is not None:
            return first, partner
    return None


def first_of_list(refs: Sequence[Reference], i: int, norms: Sequence[str]) -> int:
    """Walk back over «X و Y» to the first actor of a coordinated list ending at ``i``."""
    while i > 0:
        j = i - 1
        gap = norms[refs[j].end : refs[i].start]
        joined = (refs[i].proclitic.startswith("و") and not gap) or gap in (["و"], ["،", "و"])
        if refs[j].kind in ACTOR_KINDS and joined:
            i = j
        else:
            break
    return i


def coordinated(refs: Sequence[Reference], i: int, norms: Sequence[str]) -> int | None:
    """«لافروف وبلينكن»، «أوباما ومدفيديف»: the actor joined to ``i`` by و."""
    for j in range(i + 1, len(refs)):
        r = refs[j]
        if r.start < refs[i].end:
            continue
        gap = norms[refs[i].end : r.start]
        # «ونظيره الفرنسي»: the counterpart keeps its و in the word, not in the proclitic
        joined = r.proclitic.startswith("و") or (
            norms[r.start][:1] == "و" and is_counterpart(norms[r.start][1:])
        )
        if r.kind in ACTOR_KINDS and (joined or gap in (["و"], ["،", "و"])):
            if r.end < len(norms) and _singular_imperfect(norms[r.end]):
                return None  # «يفرض عقوبات على إيران وطهران تندد»: a new clause's subject
            if _its_people(refs[i], r):
                return None  # «لحكومة وشعب الصين»: one addressee, not two
            return j if len(gap) <= 2 else None
        return None
    return None


def _its_people(first: Reference, second: Reference) -> bool:
    """«حكومة وشعب الصين»، «شعب وحكومة المملكة»: a government and its own people, named
    together as one party (of congratulations, condolences, thanks)."""
    codes = {first.code or "", second.code or ""}
    country = {c[:3] for c in codes}
    return len(country) == 1 and {c[3:] for c in codes} == {"GOV", "CVL"}


def _singular_imperfect(word: str) -> bool:
    """A present-tense verb of one subject («تندد»، «يرفض»), not a dual or plural one
    («يبحثان»، «يرفضون») that a coordinated subject takes."""
    return (
        word[:1] in ("ت", "ي")
        and len(word) >= 4
        and not word.endswith(("ان", "ون", "وا", "ين"))
        and is_verb(word)
    )


POSTED_AT = normalize("لدى")
ENVOYS = word_set(_WORDS, "phrases.envoys")


def posted_to(refs: Sequence[Reference], ref: Reference, norms: Sequence[str]) -> bool:
    """«المندوب الدائم لناميبيا لدى الأمم المتحدة»، «السفير الأردني لدى مصر»: where an envoy
    is posted is part of the title, not a party to what the envoy does."""
    k = ref.start
    return (
        k > 1
        and norms[k - 1] == POSTED_AT
        and (
            strip_conjunction(norms[k - 2]) in ENVOYS
            or any(r.end == k - 1 and r.kind in ("title", "agent") for r in refs)
        )
    )


def whereabouts(refs: Sequence[Reference], r: Reference, norms: Sequence[str]) -> bool:
    """A country or town after «في» that says where the actor or the sites named right before
    it are («هاجمت إسرائيل حزب الله في لبنان»، «غارات على مواقع التنظيم في العراق»: the party
    hit is the one named or owning the sites; the place is only where), and a place joined to
    it by «و» («… في العراق وسوريا»). A capital after an actor may stand for its government
    («آلاف الروس في موسكو»), so it is left to the other rules."""
    if r.kind not in _PLACE_KINDS or r.start < 2:
        return False
    if norms[r.start][:1] == "و":
        joined = next((q for q in refs if q.end == r.start and q.kind in _PLACE_KINDS), None)
        if joined is not None:
            return whereabouts(refs, joined, norms)
    if strip_conjunction(norms[r.start - 1]) != _IN:
        return False
    k = r.start - 1  # «في»
    if r.kind in ("country", "place") and any(
        q.end == k and q.kind in ACTOR_KINDS and q.kind not in _PLACE_KINDS and q.type != "MISC"
        for q in refs
    ):
        return True
    return any(
        strip_conjunction(norms[j]).removeprefix("ب").removeprefix("ل") in SITES
        and not any(w in BREAKS for w in norms[j + 1 : k])
        for j in range(max(0, k - 1 - SITE_OWNER_WORDS), k - 1)
    )


DATELINE_REACH = 7  # tokens from a sentence's start to the colon that ends its dateline
DASHES = frozenset({"-", "–", "—"})


def dateline(ref: Reference, norms: Sequence[str]) -> bool:
    """«واس - الرياض: أدانت …»، «الرياض - واس:»: a place before the colon that closes a
    dateline at the start of the sentence, with a dash between it and the agency, is where the
    story was filed (not «كيري يحذر إسرائيل: …», a headline)."""
    if ref.kind not in ("capital", "place", "country"):
        return False
    colon = next((k for k in range(min(DATELINE_REACH, len(norms))) if norms[k] == ":"), None)
    if colon is None or ref.end > colon:
        return False
    return any(norms[k] in DASHES for k in range(colon))
