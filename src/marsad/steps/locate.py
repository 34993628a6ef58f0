"""Where references with no country of their own belong, from what the article says elsewhere.

A bare «عمان» is Amman in an article about Jordan; «الشرطة» takes the country in view and
«مجلس الوزراء» the home country; a bare «ولي العهد» is the dateline country's crown prince; a
bare «المملكة» is the kingdom the article names most; a bare «التحالف» or «الانقلابيون» is
the actor of the war the article speaks of. Every code given this way carries the lower
confidence of an inference (``INFERRED``).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from functools import lru_cache

from marsad.actors.cues import town
from marsad.actors.dictionary import ActorDictionary
from marsad.actors.resolve import Reference
from marsad.datafiles import read_tsv, resource
from marsad.model import Article
from marsad.steps.refs import INFERRED, SentenceRefs
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction


def capitals_in_view(found: list[SentenceRefs], d: ActorDictionary) -> frozenset[str]:
    """Countries whose capital a homonymous country name in the article means: «عمان» is Amman
    when Jordan is named (الأردن، الأردني، العاهل الأردني…) and nothing else points to Oman.

    The bare name itself is no evidence either way; «سلطنة عمان»، «مسقط»، «العُماني» are.
    """
    homonyms = d.capital_homonyms
    if not homonyms:
        return frozenset()
    seen: dict[str, int] = {}
    bare: set[str] = set()
    for sr in found:
        toks = sr.sentence.tokens
        for r in sr.refs:
            if not r.iso3:
                continue
            if r.kind == "country" and r.iso3 in homonyms:
                words = [t.norm for t in toks[r.start : r.end]]
                words[0] = words[0][len(r.proclitic) :]
                if " ".join(words) in d.capital_homonym_names:
                    bare.add(r.iso3)
                    continue
            seen[r.iso3] = seen.get(r.iso3, 0) + 1
    return frozenset(
        homonyms[c] for c in bare if seen.get(homonyms[c], 0) > 0 and seen.get(c, 0) == 0
    )


PLACE_KINDS = frozenset({"country", "capital", "place", "adjective", "metonym"})
# «مؤتمر صحفي»، «بيان صحافي»: a noun the agent word describes (press), not a journalist
DESCRIBED_NOUNS = frozenset(
    normalize(w)
    for w in (
        *("مؤتمر", "المؤتمر", "بمؤتمر", "مؤتمرا"),
        *("بيان", "البيان", "ببيان", "بيانا", "تصريح", "تصريحات", "بتصريح", "بتصريحات"),
    )
)
IN = normalize("في")
MEMBER_LINKS = frozenset({IN, normalize("من")})
# Agents of several nations take no country from the place in view («طيران التحالف» bombing
# Yemen is not Yemen's); a named coalition is in the actor dictionary.
MANY_NATIONS = frozenset(normalize(w) for w in ("التحالف", "الأجنبية", "الدولية", "الأجنبي"))
LED_BY = normalize("بقيادة")
# «ألقت الأجهزة الأمنية البحرينية القبض على مواطنين اثنين تدربا في إيران»: citizens are the
# country's of the actor before them, not of a place named after them
CITIZENS = frozenset(
    normalize(w)
    for w in ("مواطن", "مواطنا", "مواطنين", "مواطنون", "المواطن", "المواطنين", "المواطنون")
)
GOV_REACH = 3  # words between a bare government body and a nationality that is its own
NO_COUNTRY = frozenset({"INT", "IMG", "NGO", "IGO"})


def article_locale(article: Article, found: list[SentenceRefs]) -> str | None:
    """Where the article is set, when its dateline says so («الخرطوم - (وكالات):»)."""
    datelines = {p.index for p in article.paragraphs if p.kind == "dateline"}
    for sr in found:
        if sr.sentence.paragraph in datelines:
            for r in sr.refs:
                if r.kind in PLACE_KINDS and r.iso3:
                    return r.iso3
    return None


# Bare government bodies that are the home country's: the cabinet, the government, a ministry
# (not «مسؤول» or «الوفد», who may be anyone's).
HOME_BODIES = frozenset(normalize(w) for w in ("مجلس الوزراء", "الحكومة"))
MINISTRY = normalize("وزارة")


def home_body(sr: SentenceRefs, r: Reference) -> bool:
    """``r`` names the cabinet, the government or a ministry with no country of its own."""
    words = [t.norm for t in sr.sentence.tokens[r.start : r.end]]
    words[0] = words[0][len(r.proclitic) :]
    text = " ".join(words)
    return text in HOME_BODIES or text.startswith((MINISTRY, "ال" + MINISTRY))


def focus_country(found: list[SentenceRefs]) -> str | None:
    """The country an article names most often (by name, nationality, capital, office or
    body), when one leads; None on a tie or with none named."""
    counts: dict[str, int] = {}
    for sr in found:
        for r in sr.refs:
            if r.iso3 and r.iso3 not in NO_COUNTRY:
                counts[r.iso3] = counts.get(r.iso3, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=counts.__getitem__)


def locate_agents(article: Article, found: list[SentenceRefs], d: ActorDictionary) -> None:
    """«الشرطة»، «المحتجون»، «قوات الأمن» with no nationality belong to the place in view.

    Only agents: a bare title («المبعوث الخاص») is as often foreign as local, so it stays uncoded.

    People «في» an organisation («مسؤول في حزب الله») are its own. Others take the nearest
    country or place named before them in the sentence, else the first country named after
    them in it («اعتقل المتظاهرون على يد قوات الأمن التونسية»), else the place of the article's
    dateline, else the nationality of the last actor named before them in the sentence («أمر
    النائب العام الليبي بفتح تحقيق مع مسؤولين»), but not for a town or village: the forces
    that shell it are often foreign. Such codes carry a lower confidence; without
    any they stay uncoded (an article about Russia may quote people anywhere).
    """
    locale = article_locale(article, found)
    home = locale or focus_country(found)
    for sr in found:
        norms = [t.norm for t in sr.sentence.tokens]
        here: str | None = None
        speaker: str | None = None  # the nationality of the last actor named, as a last resort
        for k, r in enumerate(sr.refs):
            if r.kind in PLACE_KINDS and r.iso3:
                here = r.iso3
            elif r.iso3 and r.code and r.kind in ("title", "actor", "agent"):
                speaker = r.iso3 if r.iso3 not in NO_COUNTRY else speaker
            elif r.kind == "agent" and not r.code and not r.actor_id and r.sector:
                if r.start > 0 and sr.sentence.tokens[r.start - 1].norm in DESCRIBED_NOUNS:
                    continue  # «مؤتمر صحفي» is a press conference, not a journalist
                if sr.sentence.tokens[r.end - 1].norm in MANY_NATIONS:
                    # «قوات التحالف»: many countries' forces, not the place's; «بقيادة X» names
                    # the one that leads them
                    toks = sr.sentence.tokens
                    led = r.end < len(toks) and toks[r.end].norm == LED_BY
                    leader = next((x for x in sr.refs[k + 1 :] if x.iso3), None) if led else None
                    if leader is None or leader.iso3 in NO_COUNTRY:
                        continue
                    country = d.country(leader.iso3 or "")
                    r.iso3 = leader.iso3
                    r.code = (country.cameo if country else leader.iso3 or "") + r.sector
                    r.confidence = min(r.confidence, INFERRED)
                    continue
                member = _member_of(sr, k)
                if member is not None:  # «مسؤول في حزب الله»: one of the organisation's people
                    r.code, r.confidence = member, min(r.confidence, INFERRED)
                    continue
                # civilians do not take the nationality of the forces named after them
                # («قُتل مدنيون جراء غارات روسية على إدلب» are Syrians)
                after = next(
                    (
                        x
                        for x in sr.refs[k + 1 :]
                        if x.iso3
                        and x.iso3 not in NO_COUNTRY  # «الشرطة … عناصر من تنظيم داعش»
                        and not (r.sector == "CVL" and x.sector == "MIL")
                    ),
                    None,
                )
                later = after.iso3 if after else None
                if speaker and strip_conjunction(norms[r.start]) in CITIZENS:
                    later = speaker
                iso3 = here or later or locale
                own = (
                    after is not None
                    and after.kind == "adjective"
                    and after.start - r.end <= GOV_REACH
                )
                if home and home_body(sr, r) and not own:
                    # «مجلس الوزراء»: a bare government body is the home country's (the
                    # dateline's, else the one the article names most), not that of the nearest
                    # name («… نفذها مستوطنون إسرائيليون»); a nationality right after it is its
                    # own («وزارة الخارجية وشؤون المغتربين الأردنية»)
                    iso3 = home
                if not town(norms, r.start, r.proclitic):  # a village is not the attacker's
                    iso3 = iso3 or speaker  # «أمر النائب العام الليبي … مسؤولين»
                if iso3 and r.sector not in NO_COUNTRY:
                    country = d.country(iso3)
                    r.iso3 = iso3
                    r.code = (country.cameo if country else iso3) + r.sector
                    r.confidence = min(r.confidence, INFERRED)


KINGDOM = normalize("المملكة")


def kingdoms(d: ActorDictionary) -> frozenset[str]:
    """Countries one of whose Arabic names is «المملكة …» (Saudi Arabia, Jordan, Morocco …)."""
    return frozenset(
        c.iso3
        for c in d.countries.values()
        if any(normalize(n).startswith(KINGDOM + " ") for n in c.names_ar)
    )


def locate_kingdom(
    article: Article, found: list[SentenceRefs], d: ActorDictionary, realms: frozenset[str]
) -> None:
    """A bare «المملكة» is the kingdom the article speaks of: the one named most often in it (by
    name, nationality, capital or office), if any is named at all, else the dateline's.

    «وسيزور الرئيس اليمني المملكة» in a story about Riyadh is Saudi Arabia; an article naming no
    kingdom leaves the word uncoded. The reference carries the lower confidence of an inference.
    ``realms`` are the dictionary's ``kingdoms``.
    """
    counts: dict[str, int] = {}
    for sr in found:
        for r in sr.refs:
            if r.iso3 in realms:
                counts[r.iso3] = counts.get(r.iso3, 0) + 1
    locale = article_locale(article, found)
    if counts:
        iso3 = max(sorted(counts), key=lambda c: counts[c])
    elif locale in realms:
        iso3 = locale
    else:
        return
    country = d.country(iso3)
    code = country.cameo if country else iso3
    for sr in found:
        _add_refs(
            sr,
            [
                Reference(
                    k,
                    k + 1,
                    "country",
                    "LOC",
                    iso3=iso3,
                    code=code,
                    confidence=INFERRED,
                    proclitic=proclitic,
                )
                for k, _word, proclitic in _bare_tokens(sr, (KINGDOM,))
            ],
        )


BARE_PROCLITICS = frozenset({"", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})

CONTEXT_NAMES = resource("actors", "context_names.tsv")
ISIS_CODE = "IMGMOSISI"  # the Islamic State puts its war (Syria, Iraq) in view


@lru_cache(maxsize=1)
def context_names() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Normalised word -> (actor id, the countries of its war) for each actor it may name."""
    out: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for _, (word, actor, countries) in read_tsv(CONTEXT_NAMES, ("word", "actor", "countries")):
        out.setdefault(normalize(word), []).append((actor, frozenset(countries.split("|"))))
    return {word: tuple(actors) for word, actors in out.items()}


def _in_view(found: list[SentenceRefs]) -> set[str]:
    """The countries and actors an article names (the Islamic State's war as Syria and Iraq)."""
    seen: set[str] = set()
    for sr in found:
        for r in sr.refs:
            seen.update(x for x in (r.iso3, r.actor_id) if x)
            if (r.code or "").startswith(ISIS_CODE):
                seen.update(("SYR", "IRQ"))
    return seen


def locate_context_names(found: list[SentenceRefs], d: ActorDictionary, day: date) -> None:
    """A bare «التحالف» or «الانقلابيون», and «قوات/طائرات التحالف», name the actor of the war
    the article speaks of (``context_names.tsv``): the one candidate named itself or by its
    war's countries, when exactly one is, and active on ``day`` («التحالف» in 2014 Yemen is
    nobody yet). A word followed by an adjective («التحالف الوطني») is another body and is
    left alone. The codes carry the lower confidence of an inference.
    """
    names = context_names()
    seen = _in_view(found)
    chosen: dict[str, tuple[str, str]] = {}  # word -> (actor id, code on the day)
    for word, actors in names.items():
        hits = [a for a, countries in actors if a in seen or countries & seen]
        if len(hits) == 1 and d.roles_on(hits[0], day):
            chosen[word] = (hits[0], d.code_on(hits[0], day) or "")
    if not chosen:
        return
    for sr in found:
        toks = sr.sentence.tokens
        for r in sr.refs:
            pick = chosen.get(toks[r.end - 1].norm)
            if r.kind == "agent" and not r.code and pick:  # «طائرات التحالف»: its forces
                r.iso3, r.code = pick[1][:3], pick[1][:3] + (r.sector or "")
                r.confidence = min(r.confidence, INFERRED)
        new: list[Reference] = []
        for k, name, proclitic in _bare_tokens(sr, chosen):
            if k + 1 < len(toks) and toks[k + 1].norm.startswith("ال"):
                continue  # «التحالف الوطني»: a body with a name of its own
            actor, code = chosen[name]
            new.append(
                Reference(
                    k,
                    k + 1,
                    "actor",
                    "ORG",
                    actor_id=actor,
                    iso3=code[:3],
                    code=code,
                    confidence=INFERRED,
                    proclitic=proclitic,
                )
            )
        _add_refs(sr, new)


# Offices a bare title names in a story from home: the head of state, the heir and the head of
# government (not a spokesperson or a minister, whose body or portfolio the text must name).
HOME_OFFICES = frozenset(
    {
        "king",
        "emir",
        "sultan",
        "president",
        "crown_prince",
        "deputy_crown_prince",
        "prime_minister",
    }
)


def locate_titles(
    article: Article, found: list[SentenceRefs], d: ActorDictionary, day: date
) -> None:
    """A bare head of state, heir or head of government («ولي العهد»، «الرئيس») is the holder
    of that office in the country of the article's dateline (a guess from the country named
    most was wrong as often as right on sampled news). Other offices (``HOME_OFFICES``) and countries without the office (a president in a
    kingdom) leave it uncoded; the code carries the lower confidence of an inference."""
    home = article_locale(article, found)
    if home is None:
        return
    for sr in found:
        for r in sr.refs:
            if r.kind != "title" or r.code or r.actor_id or r.title not in HOME_OFFICES:
                continue
            first = sr.sentence.tokens[r.start].norm[len(r.proclitic) :]
            if not first.startswith("ال") and r.end - r.start == 1:
                continue  # «رئيس» with no article is the head of something named after it
            holder = d.holder(home, r.title, day)
            code = d.code_on(holder, day) if holder else None
            if holder and code:
                r.actor_id, r.code, r.iso3 = holder, code, code[:3]
                r.confidence = min(r.confidence, INFERRED)


def _bare_tokens(sr: SentenceRefs, words: Collection[str]) -> list[tuple[int, str, str]]:
    """Tokens in no reference that are one of ``words`` behind و/ف/ب/ل at most, as (index,
    word, proclitic): «وبالمملكة» is «المملكة» behind «وب»."""
    taken = {k for r in sr.refs for k in range(r.start, r.end)}
    out: list[tuple[int, str, str]] = []
    for k, t in enumerate(sr.sentence.tokens):
        word = next((w for w in words if t.norm.endswith(w)), None)
        if k in taken or word is None:
            continue
        proclitic = t.norm[: len(t.norm) - len(word)]
        if proclitic in BARE_PROCLITICS:
            out.append((k, word, proclitic))
    return out


def _add_refs(sr: SentenceRefs, new: list[Reference]) -> None:
    """Add inferred references to a sentence's, keeping them in text order."""
    if new:
        sr.refs.extend(new)
        sr.refs.sort(key=lambda r: r.start)


def _member_of(sr: SentenceRefs, k: int) -> str | None:
    """The code of the organisation named right after «في» or «من» following the agent ``k``
    («مسؤول في حزب الله»، «مسؤولون من الأمم المتحدة»)."""
    r, toks = sr.refs[k], sr.sentence.tokens
    if k + 1 >= len(sr.refs) or r.end >= len(toks) or toks[r.end].norm not in MEMBER_LINKS:
        return None
    org = sr.refs[k + 1]
    if org.start != r.end + 1 or org.type != "ORG" or not org.actor_id or not org.code:
        return None
    return org.code
