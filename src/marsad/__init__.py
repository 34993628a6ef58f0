"""marsad (مرصد): Arabic news in, verified and explainable political event data out."""

from importlib.metadata import PackageNotFoundError as _NotInstalled
from importlib.metadata import version as _version

from marsad.errors import MarsadError
from marsad.model import Article, Entity, Event, Quote, Sentence
from marsad.pipeline import Pipeline, analyze, analyze_text, ingest
from marsad.settings import Settings, load_settings
from marsad.store import Store

try:
    __version__ = _version("marsad")
except _NotInstalled:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "Entity",
    "Event",
    "MarsadError",
    "Pipeline",
    "Quote",
    "Sentence",
    "Settings",
    "Store",
    "__version__",
    "analyze",
    "analyze_text",
    "ingest",
    "load_settings",
]
