"""The actor dictionary: actors, dated CAMEO roles, countries, places and agents, indexed.

Knowledge lives in ``marsad/resources/actors/*.tsv``; this module only reads, checks and indexes
it (reading and row checks are in ``records.py``). Every file is UTF-8 TSV with a header row (the header says which table the file holds),
``#`` comment lines and ``|`` between multiple values. User files given to
:meth:`ActorDictionary.load` are read after the shipped ones: a row with the key of an earlier row
replaces it, and the roles of an actor listed in a later roles file replace all of that actor's
earlier roles (so a user can correct dates without editing the shipped files).

Dates: a role is active on ``day`` when ``start <= day < end``; ``end`` is the day the office
passed on (an empty start or end is open). So on a hand-over day the successor holds the office.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from marsad.actors.records import (
    ACTOR_TYPES,
    INTERNATIONAL,
    KIND_PRIORITY,
    PLACE_KINDS,
    RESOURCES,
    SHIPPED,
    Actor,
    ActorMatch,
    Agent,
    Country,
    DatedRole,
    Place,
    Row,
    Title,
    code_value,
    date_value,
    float_value,
    read_table,
    split_values,
)
from marsad.errors import DataError
from marsad.model import Role
from marsad.text.normalize import normalize
from marsad.text.segment import clitic_analyses, tokenize

# A dictionary phrase's normalised tokens and its (kind, key) readings, best first.
_Entry = tuple[tuple[str, ...], list[tuple[str, str]]]
# Place names that never take the article: behind ال they are another word (المالية "financial"
# is not Malé, المالي is not Mali).
_NAME_KINDS = frozenset({"country", "capital", "place"})
# normalised endings of a nisba in the singular, dual, sound plural or accusative («أفغانيا»)
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتين", "يتان", "يا")


@lru_cache(maxsize=100_000)
def phrase_tokens(text: str) -> tuple[str, ...]:
    """Normalised tokens of a dictionary phrase, split the same way article text is."""
    norm = normalize(text)
    return tuple(norm[s.start : s.end] for s in tokenize(norm))


# Offices held by many people of one country at once: a bare title names none of them.
MANY_HOLDERS = frozenset({"ambassador", "governor", "legislator", "minister", "commander", "judge"})


class ActorDictionary:
    """Actors, dated roles, countries, places, titles and agents, indexed for lookups."""

    def __init__(self) -> None:
        self.countries: dict[str, Country] = {}
        self.places: list[Place] = []
        self.actors: dict[str, Actor] = {}
        self.roles: dict[str, list[DatedRole]] = {}
        self.titles: dict[str, Title] = {}
        self.agents: dict[str, Agent] = {}
        self._by_cameo: dict[str, str] = {}
        self._country_words: dict[str, str] = {}
        self._place_words: dict[str, Place] = {}
        self._index: dict[str, list[tuple[tuple[str, ...], list[tuple[str, str]]]]] = {}
        self._title_order: dict[str, int] = {}
        # The index again, by the phrase's second word too: stem -> (second word -> entries
        # whose second word it is, then the one-word entries; the one-word entries alone).
        self._by_second: dict[str, tuple[dict[str, list[_Entry]], list[_Entry]]] = {}
        # Per token: the _by_second values of its suffix-free clitic analyses, in order, each
        # with whether that analysis carries the article.
        self._entries: dict[
            str, tuple[tuple[dict[str, list[_Entry]], list[_Entry], bool], ...]
        ] = {}
        self._surname_index: dict[str, tuple[str, ...]] | None = None
        # Phrases that are only ever place names written without ال (ماليه، مالي، روسيا).
        self._bare_names: frozenset[tuple[str, ...]] = frozenset()
        # A country whose name is also another country's capital -> that country: OMN -> JOR
        # («عمان»: Oman, or Amman)
        self.capital_homonyms: dict[str, str] = {}
        self.capital_homonym_names: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, paths: Sequence[Path] | None = None, shipped: bool = True) -> ActorDictionary:
        """Read the shipped tables, then each user file in order (later rows win)."""
        files = [RESOURCES / name for name in SHIPPED] if shipped else []
        files += [Path(p) for p in paths or ()]
        d = cls()
        role_rows: list[Row] = []
        places: dict[tuple[str, str], Place] = {}
        for path in files:
            table, rows = read_table(path)
            if table == "roles":
                replaced = {r.values["actor_id"] for r in rows}
                role_rows = [r for r in role_rows if r.values["actor_id"] not in replaced]
                role_rows += rows
                continue
            for row in rows:
                if table == "countries":
                    c = d._country(row)
                    d.countries[c.iso3] = c
                elif table == "places":
                    p = d._place(row)
                    places[(normalize(p.names_ar[0]), p.iso3)] = p
                elif table == "actors":
                    a = d._actor(row)
                    d.actors[a.id] = a
                elif table == "titles":
                    t = Title(
                        row.values["title"],
                        split_values(row.values["forms_ar"]),
                        row.values["sector"],
                        row.values["name_en"],
                    )
                    d.titles[t.title] = t
                else:
                    g = Agent(row.values["pattern_ar"], code_value(row, "code"), row.values["note"])
                    for pattern in split_values(g.pattern):
                        d.agents[" ".join(phrase_tokens(pattern))] = Agent(pattern, g.code, g.note)
        d.places = list(places.values())
        d._by_cameo = {c.cameo: c.iso3 for c in d.countries.values()}
        for row in role_rows:
            d._role(row)
        d._build()
        return d

    def _country(self, row: Row) -> Country:
        v = row.values
        return Country(
            iso3=v["iso3"],
            cameo=code_value(row, "cameo"),
            name_en=v["name_en"],
            names_ar=split_values(v["names_ar"]),
            adjectives_ar=split_values(v["adjectives_ar"]),
            capital_ar=split_values(v["capital_ar"]),
            capital_en=v["capital_en"],
            metonyms_ar=split_values(v["metonyms_ar"]),
            lat=float_value(row, "lat"),
            lon=float_value(row, "lon"),
        )

    def _place(self, row: Row) -> Place:
        v = row.values
        if v["kind"] not in PLACE_KINDS:
            raise DataError(
                f"{row.where()}: kind {v['kind']!r} is not one of {sorted(PLACE_KINDS)}"
            )
        if v["iso3"] and v["iso3"] not in self.countries:
            raise DataError(f"{row.where()}: unknown country {v['iso3']!r}")
        lat, lon = float_value(row, "lat"), float_value(row, "lon")
        assert lat is not None and lon is not None  # required columns
        return Place(v["name_en"], v["iso3"], v["kind"], lat, lon, split_values(v["names_ar"]))

    def _actor(self, row: Row) -> Actor:
        v = row.values
        if v["type"] not in ACTOR_TYPES:
            raise DataError(f"{row.where()}: type {v['type']!r} is not PERS or ORG")
        return Actor(
            v["id"], v["name_en"], split_values(v["names_ar"]), v["type"], v["qid"] or None
        )

    def _role(self, row: Row) -> None:
        v = row.values
        if v["actor_id"] not in self.actors:
            raise DataError(f"{row.where()}: unknown actor_id {v['actor_id']!r}")
        code = code_value(row, "code")
        if code[:3] not in self._by_cameo and code[:3] not in INTERNATIONAL:
            raise DataError(f"{row.where()}: code {code!r} starts with no known country or IGO")
        if v["title"] and v["title"] not in self.titles:
            raise DataError(f"{row.where()}: unknown title {v['title']!r}")
        start, end = date_value(row, "start"), date_value(row, "end")
        if start and end and end < start:
            raise DataError(f"{row.where()}: end {end} is before start {start}")
        role = DatedRole(v["actor_id"], code, start, end, v["title"], v["note"])
        self.roles.setdefault(role.actor_id, []).append(role)

    def _phrases(self) -> Iterable[tuple[str, str, str]]:
        """Every (phrase, kind, key) the matcher should find."""
        for actor in self.actors.values():
            for name in actor.names_ar:
                yield name, "actor", actor.id
        for c in self.countries.values():
            for name in c.metonyms_ar:
                yield name, "metonym", c.iso3
            for name in c.names_ar:
                yield name, "country", c.iso3
            for name in c.capital_ar:
                yield name, "capital", c.iso3
            for name in c.adjectives_ar:
                yield name, "adjective", c.iso3
        for t in self.titles.values():
            for form in t.forms_ar:
                yield form, "title", t.title
        for key in self.agents:
            yield key, "agent", key
        for p in self.places:
            for name in p.names_ar:
                yield name, "place", f"{p.name_en}|{p.iso3}"

    def _build(self) -> None:
        """Index phrases by first word once, so matching is dict lookups only."""
        self._title_order = {t: i for i, t in enumerate(self.titles)}
        readings: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        stripped: dict[tuple[str, ...], list[tuple[str, str]]] = {}
        for text, kind, key in self._phrases():
            toks = phrase_tokens(text)
            if not toks:
                continue
            found = readings.setdefault(toks, [])
            if (kind, key) not in found:
                found.append((kind, key))
            first = toks[0]
            if text.startswith("ال") and len(first) > 4:  # not أل: ألبان is no ال+بان
                # Without ال too, so للرئيس and بالكرملين (clitic analyses لل+رئيس, بال+كرملين)
                # still match; a phrase written without ال elsewhere keeps its own readings.
                extra = stripped.setdefault((first[2:], *toks[1:]), [])
                if (kind, key) not in extra:
                    extra.append((kind, key))
        # «الروس»، «الأتراك»: broken plurals among the nisba forms (no singular, dual or sound
        # plural ending) name the people once counted («آلاف الروس»)
        self.people_plurals = frozenset(
            toks[0]
            for c in self.countries.values()
            for form in c.adjectives_ar
            if (toks := phrase_tokens(form))
            and len(toks) == 1
            and not normalize(form).endswith(_NISBA_ENDINGS)
        )
        self._bare_names = frozenset(
            toks
            for toks, found in readings.items()
            if toks[0][:2] != "ال" and all(kind in _NAME_KINDS for kind, _ in found)
        )
        for toks, found in stripped.items():
            readings.setdefault(toks, found)
        homonyms = {
            toks: (country, capital)
            for toks, found in readings.items()
            for kind, country in found
            if kind == "country"
            for other, capital in found
            if other == "capital" and capital != country
        }
        self.capital_homonyms = dict(homonyms.values())
        self.capital_homonym_names = frozenset(" ".join(toks) for toks in homonyms)
        rank = {k: i for i, k in enumerate(KIND_PRIORITY)}
        index: dict[str, list[tuple[tuple[str, ...], list[tuple[str, str]]]]] = {}
        for toks, found in readings.items():
            found.sort(key=lambda r: rank[r[0]])
            index.setdefault(toks[0], []).append((toks, found))
        for entries in index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self._index = index
        self._by_second = {}
        for first, entries in index.items():
            singles = [e for e in entries if len(e[0]) == 1]
            by_second: dict[str, list[_Entry]] = {}
            for e in entries:
                if len(e[0]) > 1:
                    by_second.setdefault(e[0][1], []).append(e)
            self._by_second[first] = ({k: [*v, *singles] for k, v in by_second.items()}, singles)
        self._entries = {}
        words: dict[str, str] = {}
        for c in self.countries.values():
            for name in (*c.names_ar, *c.adjectives_ar):
                words.setdefault(" ".join(phrase_tokens(name)), c.iso3)
        self._country_words = words
        place_words: dict[str, Place] = {}
        for p in sorted(self.places, key=lambda p: p.kind != "capital"):
            for name in p.names_ar:
                place_words.setdefault(" ".join(phrase_tokens(name)), p)
        self._place_words = place_words

    # ------------------------------------------------------------------ matching
    def match(self, norm_tokens: Sequence[str]) -> list[ActorMatch]:
        """Longest non-overlapping dictionary matches; the first token may carry clitics."""
        out: list[ActorMatch] = []
        n = len(norm_tokens)
        cache = self._entries
        i = 0
        while i < n:
            best: _Entry | None = None
            token = norm_tokens[i]
            entries = cache.get(token)
            if entries is None:
                entries = self._token_entries(token)
            if entries:
                nxt = norm_tokens[i + 1] if i + 1 < n else ""
                for by_second, singles, article in entries:
                    # Longest first; a phrase of two or more words has ``nxt`` as its second.
                    for toks, found in by_second.get(nxt, singles):
                        size = len(toks)
                        if best is not None and size <= len(best[0]):
                            break
                        if article and toks in self._bare_names:
                            continue
                        if i + size <= n and (
                            size <= 2 or all(norm_tokens[i + k] == toks[k] for k in range(2, size))
                        ):
                            best = (toks, found)
                            break
            if best is None:
                i += 1
                continue
            toks, found = best
            kind, key = found[0]
            out.append(
                ActorMatch(
                    i,
                    i + len(toks),
                    kind,
                    key,
                    self._static_code(kind, key),
                    " ".join(toks),
                    tuple(found[1:]),
                )
            )
            i += len(toks)
        return out

    def _token_entries(
        self, token: str
    ) -> tuple[tuple[dict[str, list[_Entry]], list[_Entry], bool], ...]:
        """Index entries for each analysis of ``token`` that could start a phrase (remembered)."""
        analyses = clitic_analyses(token)
        if len(token) > 4 and token[0] in "وف" and token[1] in "بل":
            # «ولحكومة»، «وبالرئيس»: a preposition behind a conjunction
            analyses += tuple(
                (token[0] + p, s, x) for p, s, x in clitic_analyses(token[1:]) if p and len(s) > 2
            )
        entries = tuple(
            (*self._by_second[stem], _pre.endswith(("ال", "لل")))
            for _pre, stem, suf in analyses
            # names take prefixes, not pronoun suffixes; -ه/-ي are ة and nisba
            if not suf and stem in self._by_second and not _like_prefix(_pre, stem)
        )
        if len(self._entries) >= 200_000:
            self._entries.clear()
        self._entries[token] = entries
        return entries

    def as_reading(self, m: ActorMatch, kind: str, key: str) -> ActorMatch:
        """``m`` read as another of its readings (one of ``m.alternatives``)."""
        others = tuple(r for r in ((m.kind, m.key), *m.alternatives) if r != (kind, key))
        return replace(
            m, kind=kind, key=key, code=self._static_code(kind, key), alternatives=others
        )

    def _static_code(self, kind: str, key: str) -> str | None:
        if kind in ("country", "capital", "adjective"):
            return self.countries[key].cameo
        if kind == "metonym":
            return self.countries[key].cameo + "GOV"
        if kind == "agent":
            return self.agents[key].code
        if kind == "title":
            return self.titles[key].sector
        if kind == "place":
            iso3 = key.rsplit("|", 1)[1]
            return self.countries[iso3].cameo if iso3 else None
        return None

    # ------------------------------------------------------------------ roles
    def roles_on(self, actor_id: str, day: date) -> list[Role]:
        """Roles of the actor active on ``day``, most senior first (see ``code_on``)."""
        return [r.to_role() for r in self._active(actor_id, day)]

    def _active(self, actor_id: str, day: date) -> list[DatedRole]:
        active = [r for r in self.roles.get(actor_id, ()) if r.active(day)]
        last = len(self._title_order)
        active.sort(
            key=lambda r: (
                self._title_order.get(r.title, last),
                -len(r.code),
                -(r.start.toordinal() if r.start else 0),
            )
        )
        return active

    def code_on(self, actor_id: str, day: date) -> str | None:
        """The actor's CAMEO code on ``day``.

        Among active roles the most senior title wins (titles.tsv is ordered by seniority), then
        the longer (more specific) code, then the later start. With no active role, the actor
        keeps only a country: the first three letters of the latest role begun by ``day`` (or
        of the earliest role, if none had begun), e.g. Trump in 2022 is ``USA``, not USAGOV.
        """
        active = self._active(actor_id, day)
        if active:
            return active[0].code
        roles = self.roles.get(actor_id)
        if not roles:
            return None
        begun = [r for r in roles if r.start is None or r.start <= day]
        if begun:
            ref = max(begun, key=lambda r: r.start or date.min)
        else:
            ref = min(roles, key=lambda r: r.start or date.min)
        return ref.code[:3]

    def holder(self, iso3: str, title: str, day: date) -> str | None:
        """Who held ``title`` in a country (ISO3 or CAMEO code, or a code prefix) on ``day``.

        None for offices a country has many of at once (``MANY_HOLDERS``): «السفير الأمريكي» is
        one of some 190 ambassadors, not the one the dictionary happens to list.
        """
        if title in MANY_HOLDERS:
            return None
        country = self.countries.get(iso3)
        prefix = country.cameo if country else iso3.upper()
        best: DatedRole | None = None

        def rank(r: DatedRole) -> tuple[bool, date]:
            # the country's government before a rival body («الرئيس اليمني» is Hadi, not the
            # Houthis' council president), then the latest to take office
            return (r.code == prefix + "GOV", r.start or date.min)

        for roles in self.roles.values():
            for r in roles:
                if r.title != title or not r.code.startswith(prefix) or not r.active(day):
                    continue
                if best is None or rank(r) > rank(best):
                    best = r
        return best.actor_id if best else None

    def namesake_with_title(self, actor_id: str, title: str, day: date) -> str | None:
        """Another actor sharing this one's surname who held ``title`` on ``day``, or None.

        «السفير سوليفان» is the ambassador John Sullivan, not Jake Sullivan whose entry the bare
        surname matched: the title in front of a name tells namesakes apart.
        """
        actor = self.actors.get(actor_id)
        if actor is None or any(r.title == title for r in self._active(actor_id, day)):
            return None
        by_surname = self._by_surname()
        namesakes = {i for s in _surnames(actor) for i in by_surname.get(s, ())}
        namesakes.discard(actor_id)
        for other in self.actors:  # dictionary order, as a scan of every actor would give
            if other in namesakes and any(r.title == title for r in self._active(other, day)):
                return other
        return None

    def _by_surname(self) -> dict[str, tuple[str, ...]]:
        """Surname (last word of an Arabic name, normalised) -> ids of the actors bearing it."""
        if self._surname_index is None:
            index: dict[str, list[str]] = {}
            for other in self.actors.values():
                for s in _surnames(other):
                    index.setdefault(s, []).append(other.id)
            self._surname_index = {s: tuple(ids) for s, ids in index.items()}
        return self._surname_index

    # ------------------------------------------------------------------ lookups
    def actor(self, actor_id: str) -> Actor | None:
        """The actor record, or None for an unknown id."""
        return self.actors.get(actor_id)

    def country(self, iso3: str) -> Country | None:
        """A country by ISO 3166 alpha-3 or by CAMEO code."""
        found = self.countries.get(iso3)
        if found is None and iso3 in self._by_cameo:
            found = self.countries[self._by_cameo[iso3]]
        return found

    def country_by_name_or_adjective(self, norm: str) -> str | None:
        """ISO3 of a country named or described by ``norm`` (clitics allowed on one word)."""
        key = " ".join(phrase_tokens(norm))
        found = self._country_words.get(key)
        if found is None and " " not in key:
            for _pre, stem, _suf in clitic_analyses(key):
                found = self._country_words.get(stem)
                if found is not None:
                    break
        return found

    def place(self, norm: str) -> Place | None:
        """A gazetteer place by Arabic name (capitals win over cities of the same name)."""
        key = " ".join(phrase_tokens(norm))
        found = self._place_words.get(key)
        if found is None and " " not in key:
            for _pre, stem, _suf in clitic_analyses(key):
                found = self._place_words.get(stem)
                if found is not None:
                    break
        return found


def _like_prefix(pre: str, stem: str) -> bool:
    """A bare ك ("like") on a short stem is more often a root letter: كسبها is not ك + سبها."""
    return pre in ("ك", "وك", "فك") and len(stem) <= 4


def _surnames(actor: Actor) -> set[str]:
    return {normalize(n).split()[-1] for n in actor.names_ar if n.strip()}
