"""Readers turn files, folders, globs and stdin into Documents; a bad input becomes a value.

Each reader yields ``Document`` or ``SourceError`` items so one bad file never stops a batch.
"""

from marsad.readers.base import Document, ReadResult
from marsad.readers.dispatch import iter_documents

__all__ = ["Document", "ReadResult", "iter_documents"]
