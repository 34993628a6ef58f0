"""The long fuzz run (`make fuzz`): every check of tests/test_fuzz.py on a million inputs.

Hypothesis spends milliseconds building each example, too slow for a million cases on a
shared machine, so this script makes its own random inputs — the same alphabets, trigger
words, encodings and containers as the hypothesis strategies — and mutates them (byte flips,
truncations, splices, NULs, BOMs). A case passes when the check holds and nothing but a
MarsadError escapes; a failing input is saved under fuzz/crashes/ with its traceback.

    python fuzz/run.py                                  # 1,000,000 cases over every target
    python fuzz/run.py --cases 20000 --only dates,segment --seed 7
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.test_fuzz import (  # noqa: E402  (the checks live with the tests)
    ALPHABET,
    ARABIC,
    DIGITS,
    MARKS,
    TARGETS,
    WORDS,
    only_marsad_errors,
)

Gen = Callable[[random.Random], Any]
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "latin-1"]
PAGES = ["<div>", "</div>", "<p>", "</p>", "<br>", "<script>", "<!--", "-->", "<title>", "&amp;"]


def text(r: random.Random) -> str:
    mode = r.random()
    if mode < 0.4:
        return "".join(r.choices(ALPHABET, k=r.randint(0, 400)))
    if mode < 0.85:
        parts = r.choices(WORDS, k=r.randint(0, 60))
        for _ in range(r.randint(0, 4)):
            parts.insert(r.randint(0, len(parts)), "".join(r.choices(ALPHABET, k=r.randint(1, 6))))
        return r.choice([" ", " ", "", "\n", "، "]).join(parts)
    return "".join(
        chr(r.choice([r.randint(0, 0x2FF), r.randint(0x600, 0x6FF), r.randint(0, 0xD7FF)]))
        for _ in range(r.randint(0, 120))
    )


def mutate(data: bytes, r: random.Random) -> bytes:
    b = bytearray(data)
    for _ in range(r.randint(1, 6)):
        op = r.random()
        if op < 0.3 and b:
            b[r.randrange(len(b))] = r.randrange(256)
        elif op < 0.45 and b:
            del b[r.randrange(len(b)) :]
        elif op < 0.6:
            b[r.randint(0, len(b)) : r.randint(0, len(b))] = r.randbytes(r.randint(1, 16))
        elif op < 0.7:
            b.insert(r.randint(0, len(b)), 0)
        elif op < 0.8:
            b[0:0] = r.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
        elif b:
            i, j = sorted((r.randrange(len(b)), r.randrange(len(b))))
            b[i:i] = b[i:j]  # duplicate a slice (repeats, nested structure)
    return bytes(b)


def raw(r: random.Random) -> bytes:
    mode = r.random()
    if mode < 0.15:
        return r.randbytes(r.randint(0, 600))
    data = text(r).encode(r.choice(CODECS), errors="replace")
    return mutate(data, r) if mode < 0.45 else data


def json_value(r: random.Random, depth: int = 0) -> Any:
    kind = r.randrange(8 if depth < 3 else 6)
    if kind == 0:
        return None
    if kind == 1:
        return r.random() < 0.5
    if kind == 2:
        return r.randint(-(10**20), 10**20)
    if kind == 3:
        return r.uniform(-1e300, 1e300)
    if kind in (4, 5):
        return text(r)
    if kind == 6:
        return [json_value(r, depth + 1) for _ in range(r.randint(0, 4))]
    return {text(r)[:8]: json_value(r, depth + 1) for _ in range(r.randint(0, 4))}


def record(r: random.Random) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("id", "title", "text", "date", "url", "source"):
        if r.random() < 0.8:
            out[key] = text(r) if r.random() < 0.7 else json_value(r)
    if "date" in out and r.random() < 0.5:
        out["date"] = date_string(r)
    return out


def date_string(r: random.Random) -> str:
    return "".join(r.choices(DIGITS + "-/.T: ", k=r.randint(0, 25)))


def json_bytes(r: random.Random) -> bytes:
    if r.random() < 0.2:
        return raw(r)
    data = json.dumps([record(r) for _ in range(r.randint(0, 4))], ensure_ascii=r.random() < 0.3)
    encoded = data.encode("utf-8", errors="replace")
    return mutate(encoded, r) if r.random() < 0.3 else encoded


def jsonl_bytes(r: random.Random) -> bytes:
    lines = [
        json.dumps(record(r), ensure_ascii=False) if r.random() < 0.7 else text(r)
        for _ in range(r.randint(0, 6))
    ]
    data = "\n".join(lines).encode("utf-8", errors="replace")
    return mutate(data, r) if r.random() < 0.3 else data


def gz_bytes(r: random.Random) -> bytes:
    data = gzip.compress(jsonl_bytes(r) if r.random() < 0.5 else raw(r), mtime=0)
    return mutate(data, r) if r.random() < 0.4 else data


def zip_bytes(r: random.Random) -> bytes:
    buf = io.BytesIO()
    names = ["a.txt", "b.json", "c.jsonl", "d.html", "e.txt.gz", "f", "g/h.txt"]
    with zipfile.ZipFile(buf, "w", r.choice([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])) as z:
        for name in r.sample(names, r.randint(0, 3)):
            z.writestr(name, r.choice([jsonl_bytes, raw, json_bytes])(r))
    data = buf.getvalue()
    return mutate(data, r) if r.random() < 0.4 else data


def html_bytes(r: random.Random) -> bytes:
    depth = r.choice([0, 1, 5, 30, 300])
    body = " ".join(
        r.choice(PAGES) if r.random() < 0.2 else text(r) for _ in range(r.randint(1, 8))
    )
    page = (
        f"<html><head><title>{text(r)[:80]}</title>"
        f'<meta property="article:published_time" content="{date_string(r)}"></head><body>'
        + "<div>" * depth
        + f"<article><p>{body}</p></article>"
        + "</div>" * depth
        + "</body></html>"
    )
    data = page.encode(r.choice(CODECS), errors="replace")
    return mutate(data, r) if r.random() < 0.3 else data


def warc_bytes(r: random.Random) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=r.random() < 0.5)
    for i in range(r.randint(0, 3)):
        ctype = r.choice(["text/html", "text/html; charset=utf-8", "text/plain", ""])
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            f"https://example.org/{i}",
            r.choice(["response", "response", "request", "resource"]),
            payload=io.BytesIO(html_bytes(r)),
            http_headers=headers,
        )
        writer.write_record(rec)
    data = buf.getvalue()
    if r.random() < 0.3:
        data = data[: r.randint(0, len(data))]
    return mutate(data, r) if r.random() < 0.4 else data


def published(r: random.Random) -> date | None:
    if r.random() < 0.2:
        return None
    return date(1, 1, 1) + timedelta(days=r.randrange(3_652_059))


GENERATORS: dict[str, Gen] = {
    "normalize": text,
    "segment": text,
    "clitics": lambda r: "".join(r.choices(ARABIC + MARKS, k=r.randint(0, 12))),
    "dates": lambda r: (text(r), published(r)),
    "numbers": text,
    "quotes": text,
    "parse_date": lambda r: date_string(r) if r.random() < 0.7 else json_value(r),
    "langid": text,
    "decode": raw,
    "read_txt": raw,
    "read_json": json_bytes,
    "read_jsonl": jsonl_bytes,
    "read_gz": gz_bytes,
    "read_zip": zip_bytes,
    "read_html": html_bytes,
    "read_warc": warc_bytes,
    "pipeline": lambda r: text(r).encode(r.choice(CODECS), errors="replace"),
}


def fuzz_target(name: str, check: Callable[[Any], None], cases: int, seed: int) -> dict[str, Any]:
    gen = GENERATORS[name]
    run = only_marsad_errors(check)
    r = random.Random(f"{seed}:{name}")
    failures: dict[str, str] = {}
    start = time.perf_counter()
    last_log = start
    for n in range(1, cases + 1):
        value = gen(r)
        try:
            run(value)
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            key = f"{type(exc).__name__} at {Path(where.filename).name}:{where.lineno}"
            if key not in failures:
                failures[key] = save_crash(name, value, traceback.format_exc(limit=10))
                print(f"FAILED {name}: {key} (input in {failures[key]})", flush=True)
        now = time.perf_counter()
        if now - last_log > 30:
            print(f"{name}: {n:,} cases, {n / (now - start):,.0f}/s", flush=True)
            last_log = now
    secs = time.perf_counter() - start
    return {
        "target": name,
        "cases": cases,
        "seconds": round(secs, 1),
        "per_second": round(cases / secs) if secs else 0,
        "failures": failures,
    }


def save_crash(name: str, value: Any, trace: str) -> str:
    folder = ROOT / "fuzz" / "crashes"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-{int(time.time() * 1000)}.txt"
    path.write_text(f"{value!r}\n\n{trace}", encoding="utf-8")
    return str(path.relative_to(ROOT))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000, help="total cases (all targets)")
    parser.add_argument("--only", help="comma-separated target names")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", help="write the summary to this file")
    args = parser.parse_args(argv)
    targets = [t for t in TARGETS if not args.only or t.name in args.only.split(",")]
    if not targets:
        parser.error(f"no such target; known: {', '.join(t.name for t in TARGETS)}")
    weight = sum(t.weight for t in targets)
    shares = [max(1, args.cases * t.weight // weight) for t in targets]
    shares[0] += max(0, args.cases - sum(shares))  # the rounding remainder
    started = time.perf_counter()
    results = [
        fuzz_target(t.name, t.check, share, args.seed)
        for t, share in zip(targets, shares, strict=True)
    ]
    secs = time.perf_counter() - started
    cases = sum(r["cases"] for r in results)
    print(f"\n{'target':12} {'cases':>10} {'seconds':>9} {'cases/s':>9}")
    for r in results:
        mark = f"  FAILED ({len(r['failures'])})" if r["failures"] else ""
        print(f"{r['target']:12} {r['cases']:10,} {r['seconds']:9.1f} {r['per_second']:9,}{mark}")
    print(f"{'all':12} {cases:10,} {secs:9.1f} {cases / secs:9,.0f}")
    failed = [r["target"] for r in results if r["failures"]]
    print("no escaped exception" if not failed else f"failures: {', '.join(failed)}")
    if args.json:
        summary = {"cases": cases, "seconds": round(secs, 1), "seed": args.seed, "results": results}
        Path(args.json).write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
