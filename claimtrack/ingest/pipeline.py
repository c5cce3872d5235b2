"""The ingest pipeline: source -> reader -> cleaner -> extractor -> store -> checker.

One transaction per document; a refused source never stops the batch.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError

from claimtrack.db import retry_locked, session_scope
from claimtrack.ingest.clean import clean_line
from claimtrack.ingest.decode import NotText, decode
from claimtrack.ingest.readers import (
    ARTICLE_SUFFIXES,
    MAX_BYTES,
    RawDocument,
    from_html,
    from_markdown,
    from_plain_text,
    read_path,
)
from claimtrack.ingest.url import is_url, read_url
from claimtrack.models import Document

if TYPE_CHECKING:
    from claimtrack.extract import ExtractedClaim
from claimtrack.store import add_document, find_by_sha256
from claimtrack.store.documents import count_documents


@dataclass(frozen=True)
class Overrides:
    """Metadata given on the command line; wins over what the source says."""

    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def apply(self, doc: RawDocument) -> RawDocument:
        return replace(
            doc,
            published=self.published or doc.published,
            # Typed or pasted on a command line, these are cleaned like the article itself.
            source=clean_line(self.source) or doc.source,
            url=clean_line(self.url) or doc.url,
            title=clean_line(self.title) or doc.title,
        )


@dataclass(frozen=True)
class IngestResult:
    name: str
    outcome: str  # ingested | duplicate | refused | skipped
    reason: str | None = None
    document_id: int | None = None
    title: str | None = None
    claims: int = 0
    published: dt.date | None = None


def expand(args: Iterable[str]) -> Iterator[tuple[str, Path | None]]:
    """Each argument as (name, path); directories recursively, in a stable order."""
    for arg in args:
        if arg == "-" or is_url(arg):
            yield arg, None
            continue
        path = Path(arg)
        if path.is_dir():
            # Listed before any is read: a file that vanishes mid-batch is then refused by
            # name ("no such file") instead of silently dropping out of the listing.
            files = [c for c in sorted(path.rglob("*")) if c.is_file() and not _passed_over(c)]
            for child in files:
                yield str(child), child
        else:
            yield arg, path


# A folder's own description is not one of its articles.
_FOLDER_FILES = {"readme", "license", "licence", "changelog", "notice"}


def _passed_over(path: Path) -> bool:
    return path.name.startswith(".") or path.stem.lower() in _FOLDER_FILES


def read_source(name: str, path: Path | None, *, in_directory: bool) -> RawDocument | None:
    """The document, or None when a directory holds a file that is not an article type."""
    if name == "-":
        return read_stdin()
    if path is None:
        return read_url(name)
    if in_directory and path.suffix.lower() not in ARTICLE_SUFFIXES:
        # Other files in a folder (gold labels, images, notes) are passed over, unless they
        # pretend to be text and are not: those are named, so nothing bad goes unnoticed.
        return None
    return read_path(path)


def read_stdin() -> RawDocument:
    return read_stream(sys.stdin.buffer.read(MAX_BYTES + 1))


def read_stream(data: bytes) -> RawDocument:
    """Bytes from a pipe: the kind (HTML, Markdown with front matter, text) is sniffed."""
    if len(data) > MAX_BYTES:
        raise NotText(f"too large for an article (over {MAX_BYTES // 2**20} MiB)")
    text = decode(data)
    head = text.lstrip()[:200].lower()
    if head.startswith(("<!doctype", "<html")):
        return replace(from_html(text, None), path="-")
    if head.startswith("---"):
        return replace(from_markdown(text), path="-")
    return replace(from_plain_text(text), path="-")


def ingest(
    engine: Engine,
    args: Iterable[str],
    overrides: Overrides | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    overrides = overrides or Overrides()
    dirs = {a for a in args if a != "-" and not is_url(a) and Path(a).is_dir()}
    results = []
    for name, path in expand(args):
        in_dir = (
            path is not None and name not in args and any(_is_under(path, Path(d)) for d in dirs)
        )
        result = ingest_one(engine, name, path, overrides, in_directory=in_dir)
        if result.outcome == "skipped":
            continue
        results.append(result)
        if on_result:
            on_result(result)
    check_new_documents(
        engine, [r.document_id for r in results if r.outcome == "ingested" and r.document_id]
    )
    return results


def _is_under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def ingest_one(
    engine: Engine, name: str, path: Path | None, overrides: Overrides, *, in_directory: bool
) -> IngestResult:
    try:
        raw = read_source(name, path, in_directory=in_directory)
    except NotText as exc:
        return IngestResult(name, "refused", str(exc))
    except FileNotFoundError:
        return IngestResult(name, "refused", "no such file")
    except IsADirectoryError:
        return IngestResult(name, "refused", "is a directory")
    except PermissionError:
        return IngestResult(name, "refused", "permission denied")
    except OSError as exc:
        return IngestResult(name, "refused", exc.strerror or type(exc).__name__)
    if raw is None:
        return IngestResult(name, "skipped")
    return store_document(engine, name, overrides.apply(raw))


def store_document(engine: Engine, name: str, raw: RawDocument) -> IngestResult:
    from claimtrack.extract import extract_claims

    sha = raw.sha256
    extracted = extract_claims(raw.text, raw.published)

    def unit_of_work() -> IngestResult:
        with session_scope(engine) as session:
            existing = find_by_sha256(session, sha)
            if existing is not None:
                return _duplicate(name, existing)
            doc = Document(
                title=raw.title,
                source=raw.source,
                url=raw.url,
                path=_display_path(raw.path),
                published=raw.published,
                sha256=sha,
                text=raw.text,
            )
            add_document(session, doc, [_claim_row(c) for c in extracted])
            assert doc.id is not None
            return IngestResult(
                name, "ingested", None, doc.id, doc.title, len(extracted), doc.published
            )

    try:
        result = retry_locked(unit_of_work)
    except IntegrityError:
        # Another process stored the same content between our look-up and our insert.
        with session_scope(engine) as session:
            existing = find_by_sha256(session, sha)
        if existing is None:
            raise
        return _duplicate(name, existing)
    return result


# A batch this large (and a large share of the database) is checked in one full pass, which
# costs less than checking each new document against the rest one by one.
FULL_CHECK_MIN_DOCUMENTS = 20


def check_new_documents(engine: Engine, document_ids: list[int]) -> None:
    """Run the cross-document checker for what a batch stored."""
    from claimtrack.check import run_check

    if not document_ids:
        return
    with session_scope(engine) as session:
        total = count_documents(session)
    if len(document_ids) >= max(FULL_CHECK_MIN_DOCUMENTS, total // 4):
        _checked(engine, run_check)
        return
    for document_id in document_ids:
        _checked(engine, functools.partial(_check_one, document_id=document_id))


def _check_one(session: Any, *, document_id: int) -> object:
    from claimtrack.check import check_document

    return check_document(session, document_id)


def _checked(engine: Engine, check: Callable[[Any], object]) -> None:
    def unit_of_work() -> None:
        with session_scope(engine) as session:
            check(session)

    # Two processes checking at once may both add the same conflict or link.
    retry_locked(unit_of_work, unique_races=True)


def _duplicate(name: str, existing: Document) -> IngestResult:
    return IngestResult(name, "duplicate", None, existing.id, existing.title, 0, existing.published)


def _display_path(path: str | None) -> str | None:
    if path is None or path == "-":
        return path
    return os.path.abspath(path)


def _claim_row(c: ExtractedClaim) -> dict[str, Any]:
    return dict(
        kind=c.kind,
        text=c.sentence,
        span=c.span,
        start=c.start,
        end=c.end,
        value=c.value,
        value_max=c.value_max,
        unit=c.unit,
        qualifier=c.qualifier,
        date=c.date,
        subject=c.subject,
        subject_key=c.subject_key,
        speaker=c.speaker,
    )
