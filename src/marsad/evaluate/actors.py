"""Actor coding scored against the Arabic PLOVER span gold (``*_spans.json``).

Each gold item has ``text`` and ``spans``; a span names ``source_actor`` / ``target_actor`` as
lists of surface words and codes them in ``source_role`` / ``target_role`` as ``{"main": country
code or "None", "role": CAMEO role or "None"}`` (a bare ``"UNKNOWN"`` string also occurs). For
every actor span whose gold has a country we resolve the sentence as marsad would, take the
reference overlapping the span's words (or, when none has a code, resolve the span's words
alone) and compare: country = the first three letters of our code; role = the next three.

The day is the article date in the item's ``source`` id (``AAW_ARB_20071208.0036-23``), else
``DEFAULT_DAY`` (2010-01-01, the middle of the corpus years).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from marsad.actors.dictionary import ActorDictionary
from marsad.actors.resolve import Reference, Resolver
from marsad.errors import ModelError, SourceError
from marsad.text.normalize import normalize_word
from marsad.text.segment import tokenize

DEFAULT_DAY = date(2010, 1, 1)
MAX_ERRORS = 20
# Gold conventions that differ from ours: CAMEO's ethnic code KUR is a Kurdish actor, which
# marsad codes by the country it acts in; we accept either.
GOLD_ALIASES: dict[str, frozenset[str]] = {"KUR": frozenset({"KUR", "IRQ", "TUR", "SYR", "IRN"})}
# CAMEO split REB into INS (overthrow the government) and SEP (separatists) in 2009; the gold
# keeps the older REB, so either newer code counts as REB.
ROLE_ALIASES: dict[str, frozenset[str]] = {"REB": frozenset({"REB", "INS", "SEP"})}
_SOURCE_DAY = re.compile(r"_(\d{4})(\d{2})(\d{2})[._-]")
_SIDES = (("source_actor", "source_role"), ("target_actor", "target_role"))


def evaluate_actors(
    path: Path,
    ner: str = "none",
    dictionary: ActorDictionary | None = None,
    max_errors: int = MAX_ERRORS,
) -> dict[str, Any]:
    """Country and role accuracy of marsad's actor codes on one span gold file.

    ``ner`` is ``none`` (dictionary matching only, all tags O) or ``crf`` (the shipped CRF
    model; ModelError when it is missing).
    """
    items = read_spans(path)
    tagger = None
    if ner == "crf":
        from marsad.ner.crf import load_tagger

        tagger = load_tagger()
    elif ner != "none":
        raise ValueError(f"ner must be 'none' or 'crf', got {ner!r}")
    resolver = Resolver(dictionary or ActorDictionary.load())
    n = country_n = country_ok = role_n = role_ok = 0
    errors: list[dict[str, Any]] = []
    for item in items:
        text = str(item.get("text") or "")
        tokens = tokenize(text)
        words = [text[s.start : s.end] for s in tokens]
        norms = [normalize_word(w) for w in words]
        tags = tagger.tag([words])[0] if tagger else ["O"] * len(words)
        day = item_day(item)
        refs = resolver.references(norms, tags, day)
        for span in item.get("spans") or ():
            for words_key, role_key in _SIDES:
                gold = span.get(role_key)
                surface = [str(w) for w in span.get(words_key) or ()]
                if not isinstance(gold, dict) or not surface:
                    continue
                main, role = str(gold.get("main") or "None"), str(gold.get("role") or "None")
                if main == "None":
                    continue
                n += 1
                code = span_code(resolver, norms, refs, surface, day)
                got_country = code[:3] if code else None
                c_ok = got_country in GOLD_ALIASES.get(main, frozenset({main}))
                country_n += 1
                country_ok += c_ok
                r_ok = True
                if role != "None":
                    role_n += 1
                    # A CAMEO code stacks roles (USAGOVMIL): the gold role may be any of ours.
                    ours = (
                        {code[k : k + 3] for k in range(3, len(code or ""), 3)} if code else set()
                    )
                    r_ok = bool(ours & ROLE_ALIASES.get(role, frozenset({role})))
                    role_ok += r_ok
                if (not c_ok or not r_ok) and len(errors) < max_errors:
                    errors.append(
                        {
                            "text": " ".join(surface),
                            "sentence": text,
                            "gold": main + ("" if role == "None" else role),
                            "got": code,
                        }
                    )
    return {
        "spans": n,
        "country_accuracy": round(country_ok / country_n, 4) if country_n else 0.0,
        "role_accuracy": round(role_ok / role_n, 4) if role_n else 0.0,
        "country_n": country_n,
        "role_n": role_n,
        "ner": ner,
        "errors": errors,
    }


def read_spans(path: Path) -> list[dict[str, Any]]:
    """The gold items of a ``*_spans.json`` file; SourceError when it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SourceError(str(path), f"cannot read span gold ({exc})") from exc
    if not isinstance(data, list) or not all(isinstance(x, dict) and "spans" in x for x in data):
        raise SourceError(str(path), "not a span gold file (a list of items with 'spans')")
    return data


def item_day(item: dict[str, Any]) -> date:
    """The article date in the item's source id, else DEFAULT_DAY."""
    m = _SOURCE_DAY.search(str(item.get("source") or ""))
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    return DEFAULT_DAY


def locate(norms: Sequence[str], words: Sequence[str]) -> list[int]:
    """Token positions of a gold span: the first contiguous run, else each word in order."""
    want = span_norms(words)
    k = len(want)
    for i in range(len(norms) - k + 1):
        if list(norms[i : i + k]) == want:
            return list(range(i, i + k))
    out: list[int] = []
    start = 0
    for w in want:
        for j in range(start, len(norms)):
            if norms[j] == w:
                out.append(j)
                start = j + 1
                break
    return out


def span_norms(words: Sequence[str]) -> list[str]:
    """Gold words re-tokenised as sentences are (they may carry quotes and stops: «بوش»)."""
    text = " ".join(words)
    return [normalize_word(text[s.start : s.end]) for s in tokenize(text)]


def span_code(
    resolver: Resolver,
    norms: Sequence[str],
    refs: Sequence[Reference],
    words: Sequence[str],
    day: date,
) -> str | None:
    """Our code for a gold span: the coded reference overlapping it most, else its words alone."""
    positions = set(locate(norms, words))
    best: tuple[int, int, str] | None = None
    for ref in refs:
        code = _code(resolver, ref)
        overlap = sum(1 for p in range(ref.start, ref.end) if p in positions)
        if not code or not overlap:
            continue
        rank = (overlap, len(code), code)
        if best is None or rank[:2] > best[:2]:
            best = rank
    if best is not None:
        return best[2]
    alone = span_norms(words)
    for ref in resolver.references(alone, ["O"] * len(alone), day):
        code = _code(resolver, ref)
        if code:
            return code
    return None


def _code(resolver: Resolver, ref: Reference) -> str | None:
    if ref.code:
        return ref.code
    if ref.iso3:
        country = resolver.d.country(ref.iso3)
        return country.cameo if country else ref.iso3
    return None


def crf_available() -> bool:
    """Whether the shipped CRF model loads (evaluate with ner="crf" then)."""
    try:
        from marsad.ner.crf import load_tagger

        load_tagger()
    except ModelError:
        return False
    return True
