"""Who each name or description in a sentence is, on a given day.

Dictionary matches and NER spans become references; descriptions are composed the way Arabic
newswire writes them: a title or agent, then a nationality or country, then optionally the name
in apposition — «وزير الخارجية الروسي، سيرجي لافروف»، «السلطات الروسية»، «نظيره الأمريكي».
A title with a country and no name resolves to whoever held that office on the day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from marsad.actors.cues import (
    abstract_noun,
    adverb,
    after_attack,
    attack_proclitic,
    boys_and_girls,
    counted_people,
    district,
    eponym,
    idiom,
    listed_adjective,
    munition_kind,
    named_mosque,
    quoted_title,
    reporting_outlet,
    river_bank,
    surname,
    terror_adjective,
    town,
    where,
)
from marsad.actors.dictionary import ActorDictionary, ActorMatch
from marsad.actors.fuzzy import FuzzyIndex
from marsad.actors.records import RESOURCES
from marsad.actors.reference import (
    Reference,
    genitive_then,
    governed_region,
    is_counterpart,
    last_person,
    located,
    near,
    ner_spans,
)
from marsad.datafiles import resource
from marsad.text.normalize import normalize
from marsad.text.segment import strip_conjunction
from marsad.text.wordlists import word_set

_WORDS = resource("actors", "words.tsv")

CAPITAL_WORD = normalize("العاصمة")

COUNTRYISH = frozenset({"country", "adjective", "capital", "metonym"})
FORCE_SECTORS = frozenset({"MIL", "COP", "GOVMIL"})  # «قوات»، «جيش»، «شرطة»
STANDALONE = frozenset({"INT", "IMG", "NGO", "IGO"})  # agent codes that need no country
FORMER = frozenset({"السابق", "الراحل", "الاسبق", "السابقه", "الراحله", "المخلوع", "المعزول"})
# «قواتها»، «جيشه»: a force whose owner is a pronoun (Reference.owned holds the suffix).
OWNER_SUFFIXES = ("هما", "هم", "ها", "ه")
OWNED_SECTORS = frozenset({"MIL", "COP", "SPY"})
PLACE_LIKE = frozenset({"country", "capital", "place", "metonym"})  # feminine in Arabic
OWNER_BARRIERS = word_set(_WORDS, "resolve.owner_barriers")
# Agents whose noun followed by a group's name is that group: its fighters, militias, forces.
MEMBER_SECTORS = frozenset({"REB", "MIL", "INS", "RAD", "SPY", "COP"})
FROM_WORD = normalize("من")
PATRONYMIC = word_set(_WORDS, "resolve.patronymic")
# «نائب رئيس المكتب السياسي لحماس»: the deputy of an office is not its holder (normalised).
DEPUTY = word_set(_WORDS, "resolve.deputy")
BRANCH = word_set(_WORDS, "resolve.branch")


HOMOGRAPHS_FILE = RESOURCES / "homographs.txt"


@lru_cache(maxsize=1)
def homographs() -> frozenset[str]:
    """Normalised one-word names that are also common words (resources/actors/homographs.txt)."""
    words: set[str] = set()
    for line in HOMOGRAPHS_FILE.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(normalize(word))
    return frozenset(words)


def homograph(token: str) -> bool:
    """The token, with or without a leading و/ف/ب/ل/ك, is one of ``homographs``.

    An entry written ``ب_word`` is a common word only behind ب: «بحماس» is "with enthusiasm",
    «حماس» alone the movement.
    """
    found = homographs()
    if token in found or (token[:1] in "وفبلك" and token[1:] in found):
        return True
    bare = token[1:] if token[:1] in "وف" else token
    return bare[:1] == "ب" and "ب_" + bare[1:] in found


class Resolver:
    """Resolves references in tokenised sentences against the actor dictionary."""

    def __init__(self, dictionary: ActorDictionary, fuzzy: FuzzyIndex | None = None) -> None:
        self.d = dictionary
        self.fuzzy = fuzzy or FuzzyIndex.from_dictionary(dictionary)

    def _tag_fits(self, m: ActorMatch, tag: str) -> bool:
        """The tagger marks the word as a name, and for a person not as a place.

        «جامعة تكساس في أوستن» tags أوستن as a place, so it is not Lloyd Austin.
        """
        if tag == "O":
            return False
        if m.kind == "actor":
            actor = self.d.actor(m.key)
            if actor is not None and actor.type == "PERS":
                return tag.endswith("PERS")
        return True

    def references(
        self,
        norms: Sequence[str],
        tags: Sequence[str],
        day: date,
        previous: Reference | None = None,
        capitals: frozenset[str] = frozenset(),
    ) -> list[Reference]:
        """Every reference in a sentence, descriptions composed, codes as of ``day``.

        ``capitals``: countries whose capital a homonymous country name is read as here
        (``{"JOR"}``: «عمان» is Amman), as the article around the sentence decides.
        """
        atoms = self._atoms(norms, tags, capitals)
        refs: list[Reference] = []
        i = 0
        while i < len(atoms):
            a = atoms[i]
            if (
                refs
                and refs[-1].kind == "title"
                and refs[-1].end == a.start
                and _indefinite_after_definite(refs[-1], a, norms)
            ):
                i += 1  # «الأمير تركي الفيصل»: a given name, not a nationality
                continue
            if (
                a.kind == "agent"
                and a.sector == "MED"
                and reporting_outlet(norms, a.start, a.proclitic)
            ):
                used = 1
                while (
                    i + used < len(atoms)
                    and atoms[i + used].kind in ("name", "actor", "place", "capital", "adjective")
                    and atoms[i + used].type != "PERS"
                    and near(atoms[i + used - 1], atoms[i + used], norms)
                ):
                    used += 1  # the outlet's name: «صحيفة نيويورك تايمز»، «وكالة الأنباء الروسية»
                end = atoms[i + used - 1].end
                refs.append(Reference(a.start, end, "agent", "ORG", proclitic=a.proclitic))
                i += used
                continue
            if (
                a.kind == "title"
                and a.end - a.start == 1
                and norms[a.start] in DEPUTY
                and i + 1 < len(atoms)
                and atoms[i + 1].kind == "title"
                and atoms[i + 1].start == a.end
            ):
                # the deputy belongs where the office does, but is not who holds it
                ref, used = self._describe(atoms, i + 1, norms, day, None)
                if ref.kind == "title" and ref.actor_id and ref.title == atoms[i + 1].title:
                    ref.actor_id = None
                ref.start, ref.proclitic = a.start, a.proclitic
                refs.append(ref)
                i += used + 1
                continue
            if (
                a.kind == "agent"
                and a.sector in MEMBER_SECTORS
                and a.end - a.start == 1  # «مسلحون فلسطينيون جنود المارينز»: two parties
                and i + 1 < len(atoms)
                and atoms[i + 1].kind == "actor"
                and atoms[i + 1].type != "PERS"
                and not atoms[i + 1].proclitic
                and (
                    atoms[i + 1].start == a.end
                    or (atoms[i + 1].start == a.end + 1 and norms[a.end] == FROM_WORD)
                )
            ):
                # «ميليشيات الحوثيين»، «مسلحي حركة الشباب»، «مسلحون من بوكو حرام»: the group's
                # own fighters are the group
                group = self._finish(atoms[i + 1], day)
                group.start, group.proclitic = a.start, a.proclitic
                refs.append(group)
                i += 2
                continue
            if (
                a.kind == "title"
                and i + 2 < len(atoms)
                and atoms[i + 1].kind in ("place", "country")
                and atoms[i + 1].start == a.end
                and atoms[i + 2].kind in ("actor", "name")
                and atoms[i + 2].type == "PERS"
                and atoms[i + 2].start == atoms[i + 1].end
            ):
                # «رئيس إقليم كردستان مسعود البارزاني»، «رئيس بلدية الخليل …»: an office of a
                # place, then its holder: one person
                refs.append(
                    self._person(
                        atoms[i + 2],
                        day,
                        country=atoms[i + 1].iso3,
                        start=a.start,
                        sector=a.sector,
                        title=a.title,
                        proclitic=a.proclitic,
                    )
                )
                i += 3
                continue
            if (
                a.kind == "adjective"
                and a.start > 0
                and strip_conjunction(norms[a.start - 1]) in BRANCH
                and i + 1 < len(atoms)
                and atoms[i + 1].kind == "actor"
                and atoms[i + 1].type == "ORG"
                and atoms[i + 1].start == a.end
                and atoms[i + 1].proclitic == "ل"
            ):
                # «الفرع المصري لتنظيم داعش»: the group's branch in that country is the group
                group = self._finish(atoms[i + 1], day)
                group.start = a.start - 1
                group.proclitic = norms[a.start - 1][: -len(strip_conjunction(norms[a.start - 1]))]
                refs.append(group)
                i += 2
                continue
            if a.owned and not a.code:
                # the owner is the last actor of a known country named before it, not one
                # after a preposition («وتدخلت السعودية في اليمن وقصفت طائراتها …»)
                # «ها» is feminine (a country, a ministry), «ه» masculine (a person)
                feminine = a.owned == "ها"
                owner = next(
                    (
                        r
                        for r in reversed(refs)
                        if (r.iso3 or r.code)
                        and not r.proclitic.endswith(("ب", "ل"))
                        and not (r.start and norms[r.start - 1] in OWNER_BARRIERS)
                        and (r.type != "PERS" if feminine else r.kind not in PLACE_LIKE)
                    ),
                    None,
                )
                iso3 = (owner.iso3 or (owner.code or "")[:3]) if owner is not None else None
                if iso3:
                    a.iso3, a.code = iso3, self._cameo(iso3) + (a.sector or "")
                refs.append(a)
                i += 1
                continue
            if a.kind in ("title", "agent", "counterpart"):
                if (
                    a.kind == "counterpart"
                    and refs
                    and refs[-1].kind == "agent"
                    and refs[-1].sector
                ):
                    # «زودت أجهزة الاستخبارات الأمريكية نظيرتها الأوكرانية»: the same service
                    a.kind, a.type, a.sector = "agent", "ORG", refs[-1].sector
                ref, used = self._describe(atoms, i, norms, day, previous or last_person(refs))
                ref.proclitic = a.proclitic
                refs.append(ref)
                i += used
                while (
                    ref.kind in ("title", "agent")
                    and (ref.title or ref.sector)
                    and ref.iso3
                    and i < len(atoms)
                    and atoms[i].kind == "adjective"
                    and atoms[i].proclitic.startswith("و")
                    and atoms[i].start == refs[-1].end
                ):
                    # «الرئيسان الأمريكي والروسي»، «القوات البحرية المصرية والسعودية»: the office
                    # or the institution is shared by the next nationality
                    refs.append(self._office(atoms[i], ref, day))
                    i += 1
                continue
            if (
                a.kind == "adjective"
                and a.iso3
                and a.end - a.start == 1
                and not (refs and refs[-1].end >= a.start)
                and after_attack(norms, a.start)
            ):
                # «القصف التركي»، «غارة إسرائيلية»: the attack's nationality is its army
                refs.append(
                    Reference(
                        a.start - 1,
                        a.end,
                        "agent",
                        "ORG",
                        iso3=a.iso3,
                        code=self._cameo(a.iso3) + "MIL",
                        sector="MIL",
                        proclitic=attack_proclitic(norms[a.start - 1]),
                    )
                )
                i += 1
                continue
            if (
                a.kind == "adjective"
                and a.iso3
                and a.end - a.start == 1
                and counted_people(norms, a.start, self.d.people_plurals)
            ):
                code = self._cameo(a.iso3) + "CVL"
                refs.append(
                    Reference(
                        a.start,
                        a.end,
                        "agent",
                        "ORG",
                        iso3=a.iso3,
                        code=code,
                        sector="CVL",
                        proclitic=a.proclitic,
                    )
                )
                i += 1
                continue
            if a.kind == "adjective" and i + 1 < len(atoms) and near(a, atoms[i + 1], norms):
                nxt = atoms[i + 1]
                if nxt.kind in ("actor", "name") and nxt.type == "PERS":
                    refs.append(
                        self._person(nxt, day, country=a.iso3, start=a.start, proclitic=a.proclitic)
                    )
                    i += 2
                    continue
            refs.append(self._finish(a, day))
            i += 1
        return refs

    # ------------------------------------------------------------------ atoms
    def _atoms(
        self, norms: Sequence[str], tags: Sequence[str], capitals: frozenset[str] = frozenset()
    ) -> list[Reference]:
        matches = self._capitals(self.d.match(norms), norms, capitals)
        taken = [False] * len(norms)
        atoms: list[Reference] = []
        strong = {"actor", "country", "metonym", "capital"}
        spans = ner_spans(tags)
        drop: set[int] = set()
        extra: list[Reference] = []
        for s, e, t in spans:
            if t == "PERS" and eponym(norms, s):
                continue  # «طريق الملك عبدالله»: the road's name, not the king
            overlapping = [
                k for k, m in enumerate(matches) if m.start_token < e and s < m.end_token
            ]
            if any(
                (matches[k].kind in strong or (matches[k].kind == "place" and t == "LOC"))
                and matches[k].end_token - matches[k].start_token >= e - s
                for k in overlapping
            ):
                continue  # the dictionary knows the place: «في جنيف» is Geneva, not a bare name
            if (
                any(matches[k].kind in ("title", "agent", "adjective") for k in overlapping)
                and t != "PERS"
            ):
                continue
            name = self._link_name(norms[s:e], t, s, e)
            same = [matches[k] for k in overlapping if matches[k].kind == "actor"]
            if name.actor_id and same and all(m.key == name.actor_id for m in same):
                # «الشيخ تميم بن حمد» from the dictionary and «تميم بن حمد آل ثاني» from the
                # tagger are one mention of one actor: it spans both, honorific included
                first = min(same, key=lambda m: m.start_token)
                if first.start_token < s:
                    name.start = first.start_token
                    name.proclitic = self._atom(first, norms).proclitic
                name.end = max(e, *(m.end_token for m in same))
            drop.update(overlapping)
            extra.append(name)
        for k, m in enumerate(matches):
            if (
                k in drop
                or adverb(matches, k, norms)
                or abstract_noun(matches, k, norms)
                or listed_adjective(matches, k, norms)
                or boys_and_girls(norms, m.start_token)
                or idiom(norms, m.start_token, m.end_token)
            ):
                continue
            if (
                m.end_token - m.start_token == 1
                and homograph(norms[m.start_token])
                and not self._tag_fits(m, tags[m.start_token])
            ):
                continue  # «ترأس الاجتماع» is no Liz Truss unless the tagger says so
            if m.kind != "actor" and river_bank(norms, m.start_token):
                continue
            if m.kind in ("capital", "place") and quoted_title(norms, m.start_token, m.end_token):
                continue  # «تلقت "الرياض" نسخة منها»: the newspaper, not Saudi Arabia
            if m.kind in ("country", "adjective") and surname(
                norms, m.start_token, m.kind == "country"
            ):
                continue  # «الدكتور السويد»، «أبو جعفر السوداني»: a name, not a nationality
            if m.kind == "agent" and district(norms, m.start_token):
                continue  # «بقضاء أبو غريب»: a district, not the judiciary
            if m.kind == "agent" and terror_adjective(norms, m.start_token):
                continue  # «للتفجير الإرهابي»: the act is terrorist, nobody is named
            if m.kind == "agent" and munition_kind(norms, m.start_token):
                continue  # «قذائف مدفعية»: the shell's kind, not the army that fired it
            atom = self._atom(m, norms)
            if (
                (atom.kind == "title" or (atom.kind == "actor" and atom.type == "PERS"))
                and not atom.proclitic
                and eponym(norms, atom.start)
            ) or (atom.kind == "agent" and not atom.proclitic and named_mosque(norms, atom.start)):
                continue  # «طريق الملك عبدالله»، «مسجد قوات الطوارئ»: what a place is named after
            if town(norms, atom.start, atom.proclitic) and (
                where(norms, atom.start, atom.proclitic)
                or (atoms and atoms[-1].kind == "agent" and atoms[-1].end == atom.start)
            ):
                continue  # «من قرى جبل الزاوية»، «سكان القرى»: where, or whose people
            atoms.append(atom)
            for j in range(m.start_token, m.end_token):
                taken[j] = True
        atoms.extend(x for x in extra if not any(taken[j] for j in range(x.start, x.end)))
        for i, w in enumerate(norms):
            if not taken[i] and not any(x.start <= i < x.end for x in extra):
                owned = self._possessed_agent(w, i)
                if owned is not None:
                    atoms.append(owned)
        for i, w in enumerate(norms):
            if not taken[i] and is_counterpart(w):
                atoms.append(Reference(i, i + 1, "counterpart", "PERS"))
        atoms.sort(key=lambda r: r.start)
        return atoms

    def _possessed_agent(self, word: str, i: int) -> Reference | None:
        """«قواتها»، «جيشه»، «مخابراتهم»: a force with a pronoun for its owner (its country is
        the owner's, set in ``references``)."""
        for suffix in OWNER_SUFFIXES:
            if not word.endswith(suffix) or len(word) - len(suffix) < 3:
                continue
            base = word[: -len(suffix)]
            for proclitic in ("", "و", "ف", "ب", "ل", "وب", "ول"):
                if proclitic and not base.startswith(proclitic):
                    continue
                noun = base[len(proclitic) :]
                if noun.startswith("ال"):
                    continue  # a noun with a pronoun takes no article: «الآمنة» is no «الأمن+ه»
                agent = self.d.agents.get(noun)
                if agent is not None and agent.code in OWNED_SECTORS:
                    return Reference(
                        i,
                        i + 1,
                        "agent",
                        "ORG",
                        sector=agent.code,
                        proclitic=proclitic,
                        owned=suffix,
                    )
        return None

    def _capitals(
        self, matches: list[ActorMatch], norms: Sequence[str], capitals: frozenset[str]
    ) -> list[ActorMatch]:
        """A country name that is also another country's capital («عمان»: Oman, or Amman) is
        the capital after «العاصمة» («في العاصمة عمان»), beside another capital («بين عمّان
        والقاهرة»: capitals stand for governments in pairs), or when that capital's country
        is in ``capitals``."""
        out = list(matches)
        for k, m in enumerate(matches):
            if m.kind != "country":
                continue
            alt = next((r for r in m.alternatives if r[0] == "capital" and r[1] != m.key), None)
            if alt is None:
                continue
            before = norms[max(0, m.start_token - 2) : m.start_token]
            beside = [
                x
                for x in (
                    matches[k - 1] if k else None,
                    matches[k + 1] if k + 1 < len(matches) else None,
                )
                if x is not None
                and x.kind == "capital"
                and (x.end_token == m.start_token or x.start_token == m.end_token)
            ]
            if beside or alt[1] in capitals or any(w.endswith(CAPITAL_WORD) for w in before):
                out[k] = self.d.as_reading(m, *alt)
        return out

    def _atom(self, m: ActorMatch, norms: Sequence[str]) -> Reference:
        ref = self._atom_ref(m)
        first = m.phrase.split(" ", 1)[0]
        token = norms[m.start_token]
        if token != first and token.endswith(first):
            ref.proclitic = token[: len(token) - len(first)]
        elif token != first and first.startswith("ال") and token.endswith(first[2:]):
            ref.proclitic = token[: len(token) - len(first) + 2]
        return ref

    def _atom_ref(self, m: ActorMatch) -> Reference:
        kind = m.kind
        if kind == "actor":
            actor = self.d.actor(m.key)
            return Reference(
                m.start_token, m.end_token, "actor", actor.type if actor else "PERS", actor_id=m.key
            )
        if kind in COUNTRYISH:
            return Reference(m.start_token, m.end_token, kind, "LOC", iso3=m.key, code=m.code)
        if kind == "place":
            iso3 = m.key.rsplit("|", 1)[1] or None
            return Reference(m.start_token, m.end_token, "place", "LOC", iso3=iso3, code=m.code)
        if kind == "title":
            return Reference(
                m.start_token, m.end_token, "title", "PERS", title=m.key, sector=m.code
            )
        return Reference(m.start_token, m.end_token, "agent", "ORG", sector=m.code)

    def _link_name(self, words: Sequence[str], ner_type: str, s: int, e: int) -> Reference:
        hit = self.fuzzy.lookup(" ".join(words)) if ner_type in ("PERS", "ORG") else None
        if hit is None and ner_type == "PERS":
            # «محمد بن سلمان بن عبدالعزيز»: a longer chain of «بن» names the same person as its
            # first links do; try them, longest first
            for cut in range(len(words) - 1, 1, -1):
                if normalize(words[cut]) in PATRONYMIC:
                    hit = self.fuzzy.lookup(" ".join(words[:cut]))
                    if hit is not None:
                        break
        if hit is not None:
            actor_id, score = hit
            actor = self.d.actor(actor_id)
            return Reference(
                s,
                e,
                "actor",
                actor.type if actor else ner_type,
                actor_id=actor_id,
                confidence=score / 100,
            )
        return Reference(s, e, "name", ner_type)

    # ------------------------------------------------------------------ composing
    def _describe(
        self,
        atoms: list[Reference],
        i: int,
        norms: Sequence[str],
        day: date,
        previous: Reference | None,
    ) -> tuple[Reference, int]:
        head = atoms[i]
        used = 1
        iso3: str | None = None
        implied: str | None = None  # «خادم الحرمين الشريفين»: a title of one country's office
        if head.kind == "title" and self._full_code(head.sector):
            implied = (head.sector or "")[:3]
            head = replace(head, sector=(head.sector or "")[3:])
        title = head.title
        if head.kind == "counterpart" and previous is not None and previous.actor_id:
            roles = self.d.roles_on(previous.actor_id, day)
            title = roles[0].label if roles else None
        j = i + 1
        org: Reference | None = None
        if (
            j < len(atoms)
            and atoms[j].kind in COUNTRYISH
            and near(atoms[j - 1], atoms[j], norms)
            and not _indefinite_after_definite(atoms[j - 1], atoms[j], norms)
        ):
            iso3 = atoms[j].iso3
            used += 1
            j += 1
        elif (
            head.kind == "agent"
            and j < len(atoms)
            and atoms[j].kind in ("adjective", "country")
            and genitive_then(head, atoms[j], norms)
        ):
            iso3 = atoms[j].iso3  # «وزارة الخزانة الأمريكية»، «قوات حرس الحدود الإيرانية»
            used += 1
            j += 1
        elif (
            head.kind == "agent"
            and head.sector
            and j < len(atoms)
            and atoms[j].kind == "agent"
            and atoms[j].sector == "GOV"
            and atoms[j].start == head.end
            and not atoms[j].proclitic
            and (head.sector in FORCE_SECTORS or self._government_of(head, atoms, j, norms))
        ):
            # «قوات الحكومة السورية»، «قوات النظام السوري»: the forces of a country's government
            # are one actor, its army (the head's sector), not forces and a government; other
            # genitives keep their own sector («أحزاب المعارضة الأردنية» is the opposition).
            # With no nationality («قوات النظام») the context gives the country.
            used += 1
            j += 1
            if self._government_of(head, atoms, j - 1, norms):
                iso3 = atoms[j].iso3
                used += 1
                j += 1
        elif (
            head.kind == "title"
            and j < len(atoms)
            and atoms[j].kind in ("capital", "place")
            and atoms[j].iso3
            and governed_region(head, atoms[j], norms)
        ):
            iso3 = atoms[j].iso3  # «أمير منطقة الرياض»، «محافظ محافظة جدة»: a governor
            used += 1
            j += 1
        elif (
            head.kind == "agent"
            and not self._full_code(head.sector)  # settlers in the West Bank are Israeli
            and j < len(atoms)
            and located(atoms[j - 1], atoms[j], norms)
        ):
            iso3 = atoms[j].iso3  # «المتظاهرون في اسطنبول»، «سكان غزة»: people of a place
            used += 1
            j += 1
        elif (
            head.kind == "title"
            and j < len(atoms)
            and atoms[j].kind == "actor"
            and atoms[j].type == "ORG"
            and near(atoms[j - 1], atoms[j], norms)
        ):
            org = atoms[j]  # «الأمين العام للأمم المتحدة»: the office belongs to the organisation
            used += 1
            j += 1
        iso3 = iso3 or implied
        # «الرئيس اليمني المخلوع علي عبد الله صالح»: a former office holder named after it
        former = (
            head.kind == "title"
            and j < len(atoms)
            and atoms[j].start == atoms[j - 1].end + 1
            and norms[atoms[j - 1].end] in FORMER
        )
        if (
            j < len(atoms)
            and atoms[j].kind in ("actor", "name")
            and (near(atoms[j - 1], atoms[j], norms) or former)
        ):
            person = atoms[j]
            if (
                (org is not None and person.type != "PERS")
                or (head.kind == "title" and person.type == "ORG")
                # «وطالبت الحكومة اليمنية مجلس الأمن بتحرك»: no body is a government's name
                or (head.kind == "agent" and head.sector == "GOV" and person.type == "ORG")
            ):
                pass  # «انتقد الوزير اليمني الحوثيين»: a group after an office is its object
            elif not (
                head.kind == "agent"
                and person.type != "PERS"
                # «مسلحون فلسطينيون جنود المارينز»: a body after fighters and their nationality
                # is the next party, the object
                and (iso3 is None or head.sector in MEMBER_SECTORS)
            ):
                used += 1
                if person.actor_id and title and head.kind == "title" and not former:
                    other = self.d.namesake_with_title(person.actor_id, title, day)
                    if other is not None:
                        person.actor_id = other
                ref = self._person(
                    person, day, country=iso3, start=head.start, sector=head.sector, title=title
                )
                if former and ref.code and len(ref.code) == 3:
                    ref.code += "ELI"  # no office today: elite, like «الرئيس العراقي الراحل»
                if ref.code is None and org is not None and org.actor_id:
                    # «المتحدث باسم جماعة الحوثي محمد عبد السلام»: an organisation's office
                    # holder the dictionary does not know is coded as the organisation
                    ref.code = self.d.code_on(org.actor_id, day)
                    ref.iso3 = ref.iso3 or (ref.code[:3] if ref.code else None)
                return ref, used
        end = atoms[i + used - 1].end
        if head.kind == "title" and end < len(norms) and norms[end] in FORMER:
            # «الرئيس العراقي الراحل»، «وزير الخارجية السابق»: a former office holder is elite
            return Reference(
                head.start,
                end + 1,
                "title",
                "PERS",
                iso3=iso3,
                code=(self._cameo(iso3) + "ELI") if iso3 else None,
                title=title,
            ), used
        if org is not None and org.actor_id:
            org_code = self.d.code_on(org.actor_id, day)
            holder = self.d.holder(org_code, title, day) if (org_code and title) else None
            if holder:
                return self._holder(head.start, end, holder, day, title, None), used
            return Reference(
                head.start, end, "actor", "ORG", actor_id=org.actor_id, code=org_code, title=title
            ), used
        if head.kind == "agent":
            sector = head.sector or ""
            if self._full_code(sector):  # «المستوطنون» are ISRSET unless a country is named
                iso3 = iso3 or sector[:3]
                sector = sector[3:]
            code = (self._cameo(iso3) + sector) if iso3 else None
            if code is None and head.sector in STANDALONE:
                code = head.sector  # «العاملين الأجانب» → INT
            return Reference(
                head.start, end, "agent", "ORG", iso3=iso3, code=code, sector=head.sector
            ), used
        holder = self.d.holder(iso3, title, day) if (iso3 and title) else None
        if holder:
            return self._holder(head.start, end, holder, day, title, iso3), used
        code = (self._cameo(iso3) + (head.sector or "GOV")) if iso3 else None
        return Reference(
            head.start, end, "title", "PERS", iso3=iso3, code=code, title=title, sector=head.sector
        ), used

    def _office(self, adj: Reference, like: Reference, day: date) -> Reference:
        """``like``'s office or institution in the country of a nationality adjective."""
        iso3 = adj.iso3
        title = like.title
        holder = self.d.holder(iso3, title, day) if iso3 and title else None
        if holder:
            ref = self._holder(adj.start, adj.end, holder, day, title, iso3)
        else:
            sector = like.sector or (self.d.titles[title].sector if title in self.d.titles else "")
            code = (self._cameo(iso3) + (sector or "GOV")) if iso3 else None
            ref = Reference(
                adj.start, adj.end, like.kind, like.type, iso3=iso3, code=code, title=title
            )
            ref.sector = like.sector
        ref.proclitic = adj.proclitic
        return ref

    def _holder(
        self, start: int, end: int, holder: str, day: date, title: str | None, iso3: str | None
    ) -> Reference:
        """The person holding an office on the day («الرئيس الأمريكي» → Biden in 2021)."""
        return Reference(
            start,
            end,
            "title",
            "PERS",
            actor_id=holder,
            iso3=iso3,
            code=self.d.code_on(holder, day),
            title=title,
        )

    def _person(
        self,
        person: Reference,
        day: date,
        country: str | None,
        start: int,
        sector: str | None = None,
        title: str | None = None,
        proclitic: str | None = None,
    ) -> Reference:
        """A name with its description: the dictionary's dated code wins over the description."""
        code = self.d.code_on(person.actor_id, day) if person.actor_id else None
        if code is None and country:
            code = self._cameo(country) + (sector or "")
        return Reference(
            start,
            person.end,
            person.kind,
            person.type,
            actor_id=person.actor_id,
            iso3=country or (code[:3] if code else None),
            code=code,
            sector=sector,
            title=title,
            name_start=person.start,
            confidence=person.confidence,
            proclitic=person.proclitic if proclitic is None else proclitic,
        )

    def _finish(self, a: Reference, day: date) -> Reference:
        if a.kind == "actor" and a.actor_id:
            a.code = self.d.code_on(a.actor_id, day)
            a.iso3 = a.code[:3] if a.code else None
        return a

    @staticmethod
    def _government_of(
        head: Reference, atoms: list[Reference], j: int, norms: Sequence[str]
    ) -> bool:
        """The government agent at ``j`` is followed by its nationality («الحكومة السورية»)."""
        return (
            j + 1 < len(atoms)
            and atoms[j + 1].kind in ("adjective", "country")
            and atoms[j + 1].start == atoms[j].end
            and genitive_then(head, atoms[j + 1], norms)
        )

    def _full_code(self, sector: str | None) -> bool:
        """An agent code that starts with a country (ISRSET), not a sector alone (GOVCOP)."""
        return (
            bool(sector)
            and len(sector or "") > 3
            and self.d.country((sector or "")[:3]) is not None
        )

    def _cameo(self, iso3: str) -> str:
        c = self.d.country(iso3)
        return c.cameo if c else iso3


def _indefinite_after_definite(head: Reference, adj: Reference, norms: Sequence[str]) -> bool:
    """«الأمير تركي الفيصل»: an adjective agrees with its noun in definiteness, so an indefinite
    nationality right after a definite title is no attribute of it (here a given name, Turki);
    «الأمير التركي» and «وزير خارجية تركي» are."""
    if adj.kind != "adjective":
        return False
    last, word = norms[head.end - 1], norms[adj.start]
    word = word[1:] if word[:1] in ("و", "ف") else word
    return last.startswith("ال") and not word.startswith("ال")
