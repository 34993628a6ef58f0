"""Every setting marsad reads, declared once: name, default, help; from marsad.toml and MARSAD_*."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("db", "marsad.duckdb", "DuckDB store file used by ingest, export and serve."),
    Setting("max_file_bytes", 64 * 1024 * 1024, "Largest input file read (bytes); larger fails."),
    Setting("max_decompressed_bytes", 256 * 1024 * 1024, "Cap on what a .gz may expand to."),
    Setting("max_article_chars", 2_000_000, "Longest article text kept; longer articles fail."),
    Setting("min_arabic_ratio", 0.5, "Share of Arabic letters below which an article is skipped."),
    Setting(
        "repeat_min_chars", 30, "A single repeated paragraph shorter than this is not a repeat."
    ),
    Setting("repeat_similarity", 90.0, "rapidfuzz ratio (0-100) at which two paragraphs repeat."),
    Setting("heading_max_words", 7, "Longest line (in words) that can be a subheading."),
    Setting(
        "max_sentence_chars",
        1500,
        "Longer sentences are cut at a comma or space, so one run-on line cannot stall analysis.",
    ),
    Setting("field_id", "id", "JSON field holding the source's article id."),
    Setting("field_title", "title", "JSON field holding the headline."),
    Setting("field_text", "text", "JSON field holding the body text."),
    Setting("field_date", "date", "JSON field holding the publication date."),
    Setting("field_url", "url", "JSON field holding the article URL."),
    Setting("field_source", "source", "JSON field holding the outlet name."),
    Setting("batch_size", 500, "Articles written to the store per transaction."),
    Setting(
        "dictionary_dir",
        "marsad-dicts",
        "Folder of user dictionaries (TSV, e.g. from 'marsad dict import'), merged under ours.",
    ),
    Setting(
        "api_token",
        "",
        "Bearer token the HTTP API's write endpoints (POST /analyze) require; empty: none.",
    ),
    Setting(
        "api_max_body_bytes", 2 * 1024 * 1024, "Largest HTTP request body (bytes); larger: 413."
    ),
    Setting("api_timeout_seconds", 30.0, "Longest an HTTP request may run before a 503 answer."),
    Setting(
        "api_store_wait_seconds",
        2.0,
        "How long a request waits for a store another process is writing before a 503 answer.",
    ),
    Setting(
        "api_cors_origins",
        "",
        "Comma-separated origins allowed to call the API from browsers (CORS); empty: none.",
    ),
    Setting(
        "event_window_days",
        1,
        "Mentions of one source, target and CAMEO code whose dates chain within this many days "
        "merge into one event record.",
    ),
    Setting(
        "dedup_threshold",
        0.5,
        "Estimated Jaccard similarity (0-1) of word shingles at which an article joins the story "
        "of an earlier one (a near copy).",
    ),
    Setting("shingle_size", 5, "Words per shingle for near-duplicate signatures (1-8)."),
    Setting("minhash_perm", 128, "MinHash signature length; a multiple of lsh_bands."),
    Setting("lsh_bands", 32, "LSH bands a signature is cut into to find near-copy candidates."),
    Setting(
        "store_lock_wait",
        5.0,
        "Seconds to wait for a store another marsad process holds before failing clearly.",
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved settings: defaults < marsad.toml < MARSAD_* environment < explicit overrides."""

    values: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    def replace(self, **overrides: Any) -> Settings:
        return load_settings(overrides=overrides, base=self)

    @classmethod
    def default(cls) -> Settings:
        return cls({s.name: s.default for s in SETTINGS})


def _coerce(name: str, value: Any) -> Any:
    default = _BY_NAME[name].default
    try:
        if isinstance(default, bool):
            return value if isinstance(value, bool) else str(value).lower() in {"1", "true", "yes"}
        if isinstance(default, int):
            return int(value)
        if isinstance(default, float):
            return float(value)
    except (TypeError, ValueError):
        raise ConfigError(
            f"setting {name}: {value!r} is not a valid {type(default).__name__}"
        ) from None
    return str(value)


def load_settings(
    config: Path | None = None,
    overrides: dict[str, Any] | None = None,
    env: dict[str, str] | None = None,
    base: Settings | None = None,
) -> Settings:
    """Resolve settings; unknown names in the file or overrides are a ConfigError."""
    values = dict(base.values) if base else {s.name: s.default for s in SETTINGS}
    if base is None:
        path = config or (Path("marsad.toml") if Path("marsad.toml").is_file() else None)
        if path is not None:
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{path}: cannot read settings ({exc})") from None
            for key, value in data.get("marsad", data).items():
                if key not in _BY_NAME:
                    raise ConfigError(f"{path}: unknown setting {key!r}")
                values[key] = _coerce(key, value)
        environ = os.environ if env is None else env
        for s in SETTINGS:
            raw = environ.get(f"MARSAD_{s.name.upper()}")
            if raw is not None:
                values[s.name] = _coerce(s.name, raw)
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key not in _BY_NAME:
            raise ConfigError(f"unknown setting {key!r}")
        values[key] = _coerce(key, value)
    return Settings(values)
