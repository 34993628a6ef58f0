"""Project-wide guards: the public surface, settings documented, imports point downward."""

from __future__ import annotations

import ast
from pathlib import Path

import marsad
from marsad.settings import SETTINGS, load_settings

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "src" / "marsad"


def test_exported_members() -> None:
    assert marsad.__all__ == sorted(marsad.__all__)
    for name in marsad.__all__:
        assert hasattr(marsad, name), name
    public = {n for n in dir(marsad) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(marsad, n)).__name__ == "module"}
    assert public - modules == set(marsad.__all__) - {"__version__"}


def test_every_setting_documented() -> None:
    doc = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    for s in SETTINGS:
        assert f"`{s.name}`" in doc, f"setting {s.name} missing from docs/settings.md"


def test_env_overrides_file_defaults() -> None:
    s = load_settings(env={"MARSAD_BATCH_SIZE": "7", "MARSAD_DB": "x.duckdb"})
    assert (s.batch_size, s.db) == (7, "x.duckdb")


# Which top-level parts of the package each layer may import (STYLE.md: imports point downward).
LOWER = {
    "text": {"text", "errors", "datafiles"},
    "readers": {"readers", "text", "errors", "settings", "model"},
    "store": {"store", "errors", "model"},
    "ner": {"ner", "text", "errors", "model", "settings", "evaluate", "actors", "datafiles"},
    "actors": {"actors", "text", "errors", "model", "datafiles"},
    "events": {"events", "text", "errors", "model", "actors", "datafiles"},
    "analytics": {"analytics", "store", "model", "errors", "settings", "text", "events", "actors"},
    "exports": {
        "exports",
        "store",
        "model",
        "errors",
        "settings",
        "text",
        "events",
        "actors",
        "datafiles",
    },
}
NEVER = {"cli", "web", "executors", "__main__"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("marsad."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out |= {a.name.split(".")[1] for a in node.names if a.name.startswith("marsad.")}
    return out


def test_imports_point_downward() -> None:
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG).parts
        layer = rel[0] if len(rel) > 1 else rel[0].removesuffix(".py")
        imported = _imports(path)
        if layer not in NEVER:
            assert not imported & NEVER, f"{path} imports a shell: {imported & NEVER}"
        if layer in LOWER:
            extra = imported - LOWER[layer]
            assert not extra, f"{path} imports {extra} above its layer"
        if "store" in imported:
            assert layer in {
                "store",
                "steps",
                "pipeline",
                "analytics",
                "exports",
                "cli",
                "web",
                "executors",
                "__init__",
            }, f"{path} touches the store"
