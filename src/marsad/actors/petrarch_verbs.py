"""PETRARCH verb dictionaries as rows of marsad's trigger table (``resources/events/triggers.tsv``).

A verb group ``--- VERB [CODE] ---`` lists verbs (one a line, words joined by ``+``/``_``, extra
forms in ``{}``, an optional own ``[CODE]``), then patterns ``- * object [CODE]`` that apply to
every verb of the group. How they map:

* a group code → a trigger line (no frame) for the group's verbs that have no code of their own,
  a verb's own code → a line for that verb; ``[---]`` codes nothing and gives no line;
* a pattern → the group's verbs as the trigger, the words after ``*`` as the frame: top-level
  words may be a few tokens apart (``*`` gaps), ``{compound}`` and ``(prep noun)`` words are
  consecutive, a detached ب/ل/ك becomes a proclitic (``(ل حد)`` → ``ل_حد+``), ``&SET`` becomes
  its members (one ``a+|b+`` slot, multi-word members as `` / `` phrases), content words get
  ``+`` because the dictionaries list lemmas; a pattern coded ``[---]`` becomes a null line;
* skipped, with a reason: words before ``*`` (a subject constraint; Arabic is verb-first, so the
  trigger table cannot say it), paired ``[a:b]`` codes, codes outside the CAMEO roots 01-20, markers
  other than ``$``/``+``, unknown sets, English-only groups, and exact duplicates.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from marsad.text.normalize import normalize

if TYPE_CHECKING:
    from marsad.actors.petrarch import ImportReport

_ARABIC_WORD = re.compile(r"^[\u0600-\u06FF]+$")
_HEADER = re.compile(r"^---\s+(.*?)\s*\[([^\]]*)\]\s*---")
_CODE_AT_END = re.compile(r"\[([^\]]*)\]\s*$")
_TOKEN = re.compile(r"[(){}*]|[^\s(){}*]+")
PROCLITICS = ("ب", "ل", "ك")
# Particles that stay exact (no +): prepositions and the like.
PARTICLES = frozenset(
    normalize(w)
    for w in [
        "في",
        "إلى",
        "الى",
        "على",
        "عن",
        "من",
        "مع",
        "حول",
        "ضد",
        "بين",
        "أمام",
        "لدى",
        "عند",
        "تحت",
        "فوق",
        "قبل",
        "بعد",
        "أجل",
        "دون",
    ]
)
MAX_PHRASES = 24  # alternative phrases one line may expand to
SILENT_MARKERS = ("$", "+")  # PETRARCH source/target markers, meaningless here


@dataclass(slots=True)
class _Group:
    line: int
    code: str
    verbs: list[tuple[int, list[str], str]] = field(default_factory=list)  # line, words, code
    patterns: list[tuple[int, str, str]] = field(default_factory=list)  # line, text, code


def read_synsets(lines: list[str]) -> dict[str, list[list[str]]]:
    """``&NAME`` followed by ``+member`` lines → members as word lists."""
    sets: dict[str, list[list[str]]] = {}
    current: list[list[str]] | None = None
    for raw in lines:
        text = raw.split("#", 1)[0].strip()
        if text.startswith("&"):
            current = sets.setdefault(text.split()[0].rstrip("_"), [])
        elif text.startswith("+") and current is not None:
            words = [w for w in re.split(r"[_\s]+", text[1:]) if w]
            if words:
                current.append(words)
        elif text.startswith("---"):
            current = None
    return sets


def _groups(lines: list[str]) -> list[_Group]:
    groups: list[_Group] = []
    for lineno, raw in enumerate(lines, 1):
        text = raw.strip()
        m = _HEADER.match(text)
        if m:
            group = _Group(lineno, m.group(2).strip())
            group.verbs.append((lineno, _verb_words(m.group(1)), ""))
            groups.append(group)
            continue
        if not groups or not text or text.startswith(("#", "&", "+", "<!")):
            continue
        body = text.split("#", 1)[0].strip()
        if not body:
            continue
        cm = _CODE_AT_END.search(body)
        code = cm.group(1).strip() if cm else ""
        content = body[: cm.start()].strip() if cm else body
        if text.startswith("-"):
            groups[-1].patterns.append((lineno, content[1:].strip(), code))
        else:
            words = _verb_words(re.sub(r"\{[^}]*\}", " ", content))
            groups[-1].verbs.append((lineno, words, code))
            for form in re.findall(r"\{([^}]*)\}", content):
                for w in form.split():
                    groups[-1].verbs.append((lineno, _verb_words(w), code))
    return groups


def _verb_words(text: str) -> list[str]:
    return [w for w in re.split(r"[+_\s]+", text) if w]


def convert_verbs(lines: list[str], source: str, report: ImportReport) -> list[tuple[str, ...]]:
    """Trigger rows ``(id, pattern, cameo, frame, note)`` for every pattern that maps cleanly."""
    synsets = read_synsets(lines)
    rows: list[tuple[str, ...]] = []
    seen: set[tuple[str, str, str]] = set()

    def emit(lineno: int, pattern: str, code: str, frame: str, note: str) -> None:
        key = (pattern, code, frame)
        if key in seen:
            report.skip(lineno, "duplicate of an earlier pattern")
            return
        seen.add(key)
        rows.append((f"petrarch.{lineno}", pattern, code, frame, note))

    for group in _groups(lines):
        arabic = [(ln, ws, c) for ln, ws, c in group.verbs if ws and all(map(_is_arabic, ws))]
        own = [(ln, c) for ln, _w, c in group.verbs if c]
        coded = [(group.line, group.code), *own, *((ln, c) for ln, _t, c in group.patterns)]
        report.read += len(coded)
        if not arabic:
            for ln, _c in coded:
                report.skip(ln, "no Arabic verb in the group (marsad matches Arabic text)")
            continue
        verbs = _column([ws for _ln, ws, _c in arabic], verb=True)
        note = f"{source}:{group.line}"
        plain = [ws for _ln, ws, c in arabic if not c]
        if group.code and group.code != "---" and plain:
            code = _code(group.code)
            if code.startswith("!"):
                report.skip(group.line, code[1:])
            else:
                emit(group.line, _column(plain, verb=True), code, "", note)
        for ln, ws, c in group.verbs:
            if not c or c == "---":
                continue
            code = _code(c)
            if code.startswith("!"):
                report.skip(ln, code[1:])
            elif ws and all(map(_is_arabic, ws)):
                emit(ln, _column([ws], verb=True), code, "", note)
        for ln, text, c in group.patterns:
            code = "-" if c == "---" else _code(c)
            if code.startswith("!"):
                report.skip(ln, code[1:])
                continue
            frame = _frame(text, synsets)
            if frame.startswith("!"):
                report.skip(ln, frame[1:])
            else:
                emit(ln, verbs, code, frame, f"{source}:{ln}")
    return rows


def _is_arabic(word: str) -> bool:
    return bool(_ARABIC_WORD.match(word))


def _code(code: str) -> str:
    """The CAMEO code, or ``!reason`` when it does not map (roots are 01-20, 2-4 digits)."""
    if ":" in code or not code.isdigit() or not 2 <= len(code) <= 4:
        return f"!code [{code}] is not a single CAMEO event code"
    if not 1 <= int(code[:2]) <= 20:
        return f"!code {code} has no CAMEO root (01-20)"
    return code


def _slot(word: str, verb: bool = False) -> str:
    w = normalize(word)
    return w if (w in PARTICLES or len(w) < 2) and not verb else w + "+"


def _sequence(words: list[str], verb: bool = False) -> list[str]:
    """Slots of consecutive words; a detached ب/ل/ك becomes the next word's proclitic."""
    slots: list[str] = []
    pending = ""
    for i, w in enumerate(words):
        n = normalize(w)
        if n in PROCLITICS:
            pending = n
            continue
        slot = _slot(w, verb=verb and i == 0)
        slots.append(_prefix(slot, pending) if pending else slot)
        pending = ""
    if pending:
        slots.append(pending + "_")
    return slots


def _prefix(slot: str, proclitic: str) -> str:
    return "|".join(f"{proclitic}_{alt}" for alt in slot.split("|"))


def _column(phrases: list[list[str]], verb: bool = False) -> str:
    """Single words as one ``a|b`` slot, longer phrases as `` / `` alternatives."""
    singles = list(dict.fromkeys(_slot(p[0], verb) for p in phrases if len(p) == 1))
    multi = list(dict.fromkeys(" ".join(_sequence(p, verb)) for p in phrases if len(p) > 1))
    return " / ".join(([("|".join(singles))] if singles else []) + multi)


def _frame(text: str, synsets: dict[str, list[list[str]]]) -> str:
    """The words after ``*`` as a frame column, or ``!reason``."""
    tokens = _TOKEN.findall(text)
    if tokens.count("*") != 1:
        return "!pattern has no single * for the verb"
    star = tokens.index("*")
    if any(t not in "(){}" for t in tokens[:star]):
        return "!words before the verb (a subject constraint) have no trigger-table form"
    elements: list[list[str]] = []
    depth = 0
    for tok in tokens[star + 1 :]:
        if tok in "({":
            if depth == 0:
                elements.append([])
            depth += 1
        elif tok in ")}":
            depth = max(0, depth - 1)
        elif tok in SILENT_MARKERS:
            continue
        elif depth:
            elements[-1].append(tok)
        else:
            elements.append([tok])
    elements = [e for e in elements if e]
    if not elements:
        return ""
    for full in (True, False):
        options: list[list[list[str]]] = []
        for element in elements:
            opts = _element(element, synsets, full)
            if isinstance(opts, str):
                return opts
            options.append(opts)
        total = 1
        for opts in options:
            total *= len(opts)
        if total <= MAX_PHRASES:
            phrases = [
                " * ".join(" ".join(p) for p in combo) for combo in itertools.product(*options)
            ]
            return " / ".join(dict.fromkeys(phrases))
    return "!synonym sets expand to too many phrases"


def _element(
    words: list[str], synsets: dict[str, list[list[str]]], full: bool
) -> list[list[str]] | str:
    """Alternative slot sequences for consecutive words (``&SET`` expanded)."""
    parts: list[list[list[str]]] = []
    pending = ""
    for w in words:
        if w.startswith("&"):
            members = synsets.get(w.rstrip("_"))
            if not members:
                return f"!unknown synonym set {w}"
            arabic = [m for m in members if all(map(_is_arabic, m))]
            singles = list(dict.fromkeys(_slot(m[0]) for m in arabic if len(m) == 1))
            opts = [["|".join(singles)]] if singles else []
            if full or not singles:
                opts += [_sequence(m) for m in arabic if len(m) > 1]
            if not opts:
                return f"!synonym set {w} has no Arabic members"
        elif not _is_arabic(w):
            return f"!word {w!r} is not Arabic or uses an unsupported marker"
        elif normalize(w) in PROCLITICS:
            pending = normalize(w)
            continue
        else:
            opts = [[_slot(w)]]
        if pending:
            opts = [[_prefix(o[0], pending), *o[1:]] for o in opts]
            pending = ""
        parts.append(opts)
    if pending:
        parts.append([[pending + "_"]])
    return [[s for piece in combo for s in piece] for combo in itertools.product(*parts)]
