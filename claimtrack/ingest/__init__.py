"""Ingest: files, folders, URLs and standard input become stored documents with their claims."""

from claimtrack.ingest.decode import NotText
from claimtrack.ingest.pipeline import IngestResult, Overrides, ingest
from claimtrack.ingest.readers import RawDocument, read_path

__all__ = ["IngestResult", "NotText", "Overrides", "RawDocument", "ingest", "read_path"]
