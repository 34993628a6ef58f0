"""Import PETRARCH / UniversalPetrarch dictionaries into marsad's own TSV tables.

Three formats are read (the kind is told by the content, or given):

* **actors** (TABARI/PETRARCH ``.actors``; Phoenix, UniversalPetrarch ``actor_dict_ar``): an entry
  is a primary phrase, optional ``+synonym`` lines, then tab-indented ``[CODE restriction]``
  lines; a code on the primary line, or a restriction-less ``[CODE]``, is the default.
  Restrictions are ``<DATE`` (until), ``>DATE`` (from) and ``DATE-DATE``; dates are YYYYMMDD or
  YYMMDD (YY <= 30 is 20YY, as in PETRARCH). Words are joined by ``_`` or spaces.
* **agents** (``WORD {plural} [~CODE]``; UniversalPetrarch writes the Arabic after the code,
  ``agents.all.ar.txt``, or as the phrase itself, ``agents.all.ar_v3.txt``).
* **verbs** (PETRARCH2 ``CAMEO.2.0.txt``, UniversalPetrarch ``CAMEO.ar.0.5.txt``): ``&SET``
  synonym sets of ``+member`` lines, ``--- VERB [CODE] ---`` groups of verb lines and
  ``- * object (prep noun) {compound} [CODE]`` patterns; converted by ``petrarch_verbs``.

Merged under ours: imported actor ids carry the prefix ``petrarch:`` (so they never replace one
of our actors or its roles), and every imported name or agent pattern that marsad's shipped
dictionary already knows (as an actor, country, capital, adjective, title, agent or place) is
dropped, so the shipped reading always wins. PETRARCH intervals are inclusive; we read the end
date as the hand-over day (marsad's convention: the successor holds the office on it). A
default code fills the time no dated restriction covers. Entries whose codes have no country
(``جيش [MIL]``) are written as agents. Only Arabic text is imported, since marsad matches
Arabic: English-only entries are counted and skipped with a reason.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.actors.dictionary import INTERNATIONAL, ActorDictionary, phrase_tokens
from marsad.errors import ConfigError, SourceError

KINDS = ("actors", "agents", "verbs")
PREFIX = "petrarch:"
# CAMEO role and sector codes that may stand alone, without a country (they become agents).
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "REB",
        "OPP",
        "PTY",
        "COP",
        "JUD",
        "SPY",
        "MED",
        "EDU",
        "BUS",
        "CRM",
        "CVL",
        "ELI",
        "LAB",
        "LEG",
        "HLH",
        "REF",
        "MOD",
        "RAD",
        "AGR",
        "ENV",
        "HRI",
        "UAF",
        "SEP",
        "INS",
        "DEV",
        "REL",
        "AMN",
        "IRC",
        "GRP",
        "UNO",
        "PKO",
        "MUS",
        "CHR",
        "JEW",
        "BUD",
        "HIN",
        "SHI",
        "SUN",
    ]
)
# First words of organisation names; other actors are taken to be persons.
ORG_WORDS = frozenset(
    phrase_tokens(w)[0]
    for w in [
        "حركة",
        "حزب",
        "منظمة",
        "جماعة",
        "مجلس",
        "وزارة",
        "جيش",
        "قوات",
        "قوة",
        "اتحاد",
        "جامعة",
        "هيئة",
        "جبهة",
        "لجنة",
        "تنظيم",
        "شركة",
        "وكالة",
        "محكمة",
        "برلمان",
        "كتائب",
        "كتيبة",
        "ألوية",
        "لواء",
        "جمعية",
        "مؤسسة",
        "مركز",
        "بنك",
        "صندوق",
        "الحكومة",
        "حكومة",
        "ميليشيا",
        "مليشيا",
        "تحالف",
        "ائتلاف",
    ]
)
ORG_WORDS_EN = ("PARTY", "MOVEMENT", "ORGANIZATION", "FRONT", "ARMY", "COUNCIL", "UNION", "GROUP")
FAR_FUTURE = 2100  # restrictions starting after this year never apply (a PETRARCH idiom)
ARABIC = re.compile(r"[\u0600-\u06FF]")
ARABIC_RUN = re.compile(r"[\u0600-\u06FF]+(?:[ _/]+[\u0600-\u06FF]+)*")
_BRACKET = re.compile(r"\[([^\]]*)\]")
_VERB_HEADER = re.compile(r"^---\s+\S.*\[[^\]]*\]\s*---")
_RESTRICTION = re.compile(r"^([<>])\s*(\d+)$|^(\d+)\s*-\s*(\d+)$")


@dataclass(slots=True)
class ImportReport:
    """What an import read, wrote and skipped (``skipped`` holds ``(line, reason)``)."""

    kind: str
    read: int = 0
    written: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append((line, reason))


def import_petrarch(path: Path, out_dir: Path, kind: str | None = None) -> ImportReport:
    """Convert one PETRARCH dictionary file into marsad TSV files in ``out_dir``.

    Writes ``<stem>.actors.tsv`` + ``<stem>.roles.tsv`` (and ``<stem>.agents.tsv`` for entries
    coded with a bare sector) for actors, ``<stem>.agents.tsv`` for agents and
    ``<stem>.triggers.tsv`` for verbs. Files with nothing to write are not created.
    """
    path = Path(path)
    lines = read_lines(path)
    kind = kind or detect_kind(lines, path)
    if kind not in KINDS:
        raise ConfigError(f"unknown PETRARCH dictionary kind {kind!r} (one of {', '.join(KINDS)})")
    if kind == "verbs":
        from marsad.actors.petrarch_verbs import convert_verbs

        report = ImportReport(kind)
        rows = convert_verbs(lines, path.name, report)
        report.written = len(rows)
        _write(report, out_dir / f"{path.stem}.triggers.tsv", TRIGGER_HEADER, rows, path)
        return report
    ours = ActorDictionary.load()
    shipped = known_phrases(ours)
    if kind == "agents":
        report = ImportReport(kind)
        agents = _convert_agents(lines, path.name, shipped, report)
        _write(report, out_dir / f"{path.stem}.agents.tsv", AGENT_HEADER, agents, path)
        report.written = len(agents)
        return report
    countries = {c.cameo for c in ours.countries.values()} | INTERNATIONAL
    return _import_actors(lines, path, out_dir, shipped, countries)


def read_lines(path: Path) -> list[str]:
    """The file's lines; SourceError when it cannot be read as UTF-8 text."""
    try:
        return path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(str(path), f"cannot read PETRARCH dictionary ({exc})") from exc


def detect_kind(lines: list[str], path: Path | None = None) -> str:
    """``verbs`` for ``--- VERB [CODE] ---`` groups, ``agents`` for ``[~CODE]``, else ``actors``."""
    votes = {"verbs": 0, "agents": 0, "actors": 0}
    for line in lines:
        if line.startswith("#"):
            continue
        if _VERB_HEADER.match(line):
            votes["verbs"] += 1
        for code in _BRACKET.findall(line.split("#", 1)[0]):
            votes["agents" if "~" in code else "actors"] += 1
    if votes["verbs"]:
        return "verbs"
    if votes["agents"] > votes["actors"]:
        return "agents"
    if votes["actors"]:
        return "actors"
    raise SourceError(
        str(path or "?"), "not a PETRARCH actor, agent or verb dictionary (no [CODE] found)"
    )


# ---------------------------------------------------------------------- shared helpers
def known_phrases(d: ActorDictionary) -> frozenset[str]:
    """Normalised keys of every phrase the dictionary matches (with and without ال)."""
    names: list[str] = []
    for a in d.actors.values():
        names += a.names_ar
    for c in d.countries.values():
        names += [*c.names_ar, *c.adjectives_ar, *c.capital_ar, *c.metonyms_ar]
    for t in d.titles.values():
        names += t.forms_ar
    for p in d.places:
        names += p.names_ar
    keys = {" ".join(phrase_tokens(n)) for n in names} | set(d.agents)
    return frozenset(keys | {_without_al(k) for k in keys})


def _without_al(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key.split(" ", 1)[0]) > 4 else key


def arabic_phrase(raw: str) -> str:
    """A dictionary phrase as words: ``_`` to spaces, a detached ``ال_`` joined to its word."""
    words = raw.replace("_", " ").replace("|", " ").split()
    out: list[str] = []
    for w in words:
        if out and out[-1] in ("ال", "أل"):
            out[-1] = "ال" + w
        else:
            out.append(w)
    return " ".join(out)


def phrase_key(phrase: str) -> str:
    return " ".join(phrase_tokens(phrase))


def parse_date(text: str) -> date | None:
    """YYYYMMDD, or YYMMDD with YY <= 30 read as 20YY (PETRARCH's rule); None if invalid."""
    if not text.isdigit() or len(text) not in (6, 8):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{2000 + yy if yy <= 30 else 1900 + yy}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return None


def parse_code(body: str) -> tuple[str, date | None, date | None] | str:
    """``CODE [restriction]`` inside brackets → (code, start, end), or a reason to skip it."""
    code, _, rest = body.strip().partition(" ")
    code, rest = code.strip().lstrip("~"), rest.strip()
    if not (code.isascii() and code.isalpha() and code.isupper() and len(code) % 3 == 0):
        return f"code {code or '(empty)'!r} is not a CAMEO actor code"
    if not rest:
        return code, None, None
    m = _RESTRICTION.match(rest)
    if not m:
        return f"cannot read date restriction {rest!r}"
    if m.group(1):
        day = parse_date(m.group(2))
        if day is None:
            return f"bad date {m.group(2)!r}"
        return (code, None, day) if m.group(1) == "<" else (code, day, None)
    start, end = parse_date(m.group(3)), parse_date(m.group(4))
    if start is None or end is None:
        return f"bad date in {rest!r}"
    if end <= start:
        return f"interval {rest!r} ends before it starts"
    return code, start, end


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("|", " ").split())


# ---------------------------------------------------------------------- actors
ACTOR_HEADER = ("id", "name_en", "names_ar", "type", "qid")
ROLE_HEADER = ("actor_id", "code", "start", "end", "title", "note")
AGENT_HEADER = ("pattern_ar", "code", "note")
TRIGGER_HEADER = ("id", "pattern", "cameo", "frame", "note")


@dataclass(slots=True)
class _Entry:
    line: int
    names: list[tuple[int, str]] = field(default_factory=list)
    default: tuple[int, str] | None = None
    dated: list[tuple[int, str, date | None, date | None]] = field(default_factory=list)


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].split(";", 1)[0].rstrip()


def read_actor_entries(lines: list[str], report: ImportReport) -> list[_Entry]:
    """Group lines into entries: primary phrase, ``+`` synonyms, indented restrictions."""
    entries: list[_Entry] = []
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip() or raw.lstrip().startswith(("#", "<!")):
            continue
        if "---STOP---" in raw:
            break
        line = _strip_comment(raw)
        if not line.strip():
            continue
        text = line.strip()
        if raw[0] in " \t" and text.startswith("["):
            if not entries:
                report.skip(lineno, "code line before any actor")
                continue
            _add_codes(entries[-1], lineno, text, report)
            continue
        if text.startswith("+"):
            if not entries:
                report.skip(lineno, "synonym before any actor")
                continue
            name, _, codes = text[1:].partition("[")
            entries[-1].names.append((lineno, name.strip()))
            if codes:
                _add_codes(entries[-1], lineno, "[" + codes, report)
            continue
        name, _, codes = text.partition("[")
        entry = _Entry(lineno, [(lineno, name.strip())])
        entries.append(entry)
        report.read += 1
        if codes:
            _add_codes(entry, lineno, "[" + codes, report)
    return entries


def _add_codes(entry: _Entry, lineno: int, text: str, report: ImportReport) -> None:
    bodies = _BRACKET.findall(text)
    if not bodies:
        report.skip(lineno, f"unclosed code bracket {text!r}")
    for body in bodies:
        parsed = parse_code(body)
        if isinstance(parsed, str):
            report.skip(lineno, parsed)
            continue
        code, start, end = parsed
        if start and start.year > FAR_FUTURE:
            report.skip(lineno, f"restriction from {start} never applies")
        elif start is None and end is None:
            entry.default = (lineno, code)
        else:
            entry.dated.append((lineno, code, start, end))


def _fill_default(
    dated: list[tuple[int, str, date | None, date | None]], lineno: int, code: str
) -> list[tuple[int, str, date | None, date | None]]:
    """The default code over the time no dated restriction covers (gaps, before, after)."""
    spans = sorted((s or date.min, e or date.max) for _l, _c, s, e in dated)
    out: list[tuple[int, str, date | None, date | None]] = []
    cursor = date.min
    for s, e in spans:
        if s > cursor:
            out.append((lineno, code, None if cursor == date.min else cursor, s))
        cursor = max(cursor, e)
    if cursor < date.max:
        out.append((lineno, code, None if cursor == date.min else cursor, None))
    return out


def _import_actors(
    lines: list[str], path: Path, out_dir: Path, shipped: frozenset[str], countries: set[str]
) -> ImportReport:
    report = ImportReport("actors")
    actors: list[tuple[str, ...]] = []
    roles: list[tuple[str, ...]] = []
    agents: list[tuple[str, ...]] = []
    taken: dict[str, int] = {}
    for entry in read_actor_entries(lines, report):
        names = _usable_names(entry.names, shipped, taken, report)
        if not names:
            continue
        dated = list(entry.dated)
        if entry.default:
            dated += (
                _fill_default(entry.dated, *entry.default)
                if dated
                else [(entry.default[0], entry.default[1], None, None)]
            )
        good, sector_only = [], []
        for lineno, code, start, end in dated:
            if code[:3] in countries:
                good.append((lineno, code, start, end))
            elif code[:3] in SECTORS:
                sector_only.append(code)
            else:
                report.skip(lineno, f"unknown country code {code[:3]!r} in {code}")
        if not good and sector_only:
            agents.append(("|".join(names), sector_only[0], f"{path.name}:{entry.line}"))
            continue
        if not good:
            report.skip(entry.line, "no usable code")
            continue
        for code in sector_only:
            report.skip(entry.line, f"sector-only code {code} beside country codes")
        actor_id = PREFIX + names[0].replace(" ", "_")
        kind = "ORG" if _is_org(names[0], entry.names[0][1]) else "PERS"
        actors.append(
            (actor_id, _clean(entry.names[0][1].replace("_", " ")), "|".join(names), kind, "")
        )
        for lineno, code, start, end in sorted(good, key=lambda r: r[2] or date.min):
            roles.append(
                (
                    actor_id,
                    code,
                    start.isoformat() if start else "",
                    end.isoformat() if end else "",
                    "",
                    f"{path.name}:{lineno}",
                )
            )
    report.written = len(actors) + len(agents)
    _write(report, out_dir / f"{path.stem}.actors.tsv", ACTOR_HEADER, actors, path)
    _write(report, out_dir / f"{path.stem}.roles.tsv", ROLE_HEADER, roles, path)
    _write(report, out_dir / f"{path.stem}.agents.tsv", AGENT_HEADER, agents, path)
    return report


def _usable_names(
    names: list[tuple[int, str]],
    shipped: frozenset[str],
    taken: dict[str, int],
    report: ImportReport,
) -> list[str]:
    out: list[str] = []
    for lineno, raw in names:
        phrase = _clean(arabic_phrase(raw))
        if not ARABIC.search(phrase):
            report.skip(lineno, "no Arabic name (marsad matches Arabic text)")
            continue
        key = phrase_key(phrase)
        if not key:
            report.skip(lineno, "empty name")
        elif key in shipped or _without_al(key) in shipped:
            report.skip(lineno, f"name {phrase!r} is already in marsad's dictionary")
        elif key in taken:
            report.skip(lineno, f"name {phrase!r} repeats line {taken[key]}")
        else:
            taken[key] = lineno
            out.append(phrase)
    return out


def _is_org(phrase: str, raw: str) -> bool:
    first = phrase_tokens(phrase)[:1]
    return bool(first and first[0] in ORG_WORDS) or any(w in raw.upper() for w in ORG_WORDS_EN)


# ---------------------------------------------------------------------- agents
def _convert_agents(
    lines: list[str], source: str, shipped: frozenset[str], report: ImportReport
) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    taken: dict[str, int] = {}
    for lineno, raw in enumerate(lines, 1):
        text = raw.strip()
        if not text or text.startswith(("#", "<!")):
            continue
        m = re.search(r"\[([^\]]*)\]", text)
        if not m:
            report.skip(lineno, "no [~CODE]")
            continue
        report.read += 1
        head, tail = text[: m.start()], text[m.end() :]
        body = m.group(1).strip()
        if body.endswith("~"):
            report.skip(
                lineno, f"code {body!r} goes before the actor's code; marsad has no such agent"
            )
            continue
        parsed = parse_code(body.split()[0] if body else "")
        if isinstance(parsed, str):
            report.skip(lineno, parsed)
            continue
        english = _clean(re.sub(r"\{[^}]*\}|![A-Z]+!", " ", head).replace("_", " "))
        patterns = _agent_patterns(head, tail)
        if not patterns:
            report.skip(lineno, "no Arabic pattern (marsad matches Arabic text)")
            continue
        keep: list[str] = []
        for p in patterns:
            key = phrase_key(p)
            if key in shipped or _without_al(key) in shipped:
                report.skip(lineno, f"pattern {p!r} is already in marsad's dictionary")
            elif key in taken:
                report.skip(lineno, f"pattern {p!r} repeats line {taken[key]}")
            elif key:
                taken[key] = lineno
                keep.append(p)
        if keep:
            note = f"{source}:{lineno}" + (
                f" {english}" if english and not ARABIC.search(english) else ""
            )
            rows.append(("|".join(keep), parsed[0], note))
    return rows


def _agent_patterns(head: str, tail: str) -> list[str]:
    """Arabic forms of an agent: the phrase itself, else the text after the code or its comment."""
    head = re.sub(r"\{[^}]*\}", " ", head)
    if ARABIC.search(head):
        return _expand(arabic_phrase(head))
    before, _, comment = tail.partition("#")
    for part in (before, comment):
        runs = ARABIC_RUN.findall(part)
        if runs:
            return _expand(arabic_phrase(max(runs, key=len)))
    return []


def _expand(phrase: str, limit: int = 8) -> list[str]:
    """``إدارة المصارف/البنوك`` → both readings (up to ``limit``)."""
    choices = [[a for a in w.split("/") if a] for w in phrase.split()]
    out = [" ".join(c) for c in itertools.islice(itertools.product(*choices), limit)]
    return [p for p in out if ARABIC.search(p)]


# ---------------------------------------------------------------------- writing
def _write(
    report: ImportReport,
    target: Path,
    header: tuple[str, ...],
    rows: Iterable[tuple[str, ...]],
    source: Path,
) -> None:
    rows = list(rows)
    if not rows:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    merge = (
        "# Ids are petrarch.<line>; load with TriggerSet.load(path)."
        if header == TRIGGER_HEADER
        else "# Merged under the shipped dictionary: ids start with petrarch:, names it knows dropped."
    )
    lines = [
        f"# Imported from {source.name} (PETRARCH format) by marsad dict import.",
        merge,
        "\t".join(header),
        *("\t".join(" ".join(v.split()) for v in row) for row in rows),
    ]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report.files.append(target)
