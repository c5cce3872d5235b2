"""The ingest pipeline: source -> reader -> cleaner -> extractor -> store -> checker.

Documents are stored in batches, one transaction each, and a document's outcome is reported
once it is committed; a refused source never stops the batch.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack.ingest.clean import clean_line
from claimtrack.ingest.decode import NotText, decode
from claimtrack.ingest.parallel import ordered_map, workers_for
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

# SQLAlchemy, the models and the store are imported when the first batch is stored, not with
# this module: a large ingest forks its workers first and opens the database while they read,
# and the workers, which never touch it, do not carry those modules at all.
if TYPE_CHECKING:
    from typing import TypeAlias

    from sqlalchemy import Engine

    from claimtrack.extract import ExtractedClaim
    from claimtrack.store.documents import NewDocument, Stored

    EngineSource: TypeAlias = Engine | Callable[[], Engine]


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


@dataclass(frozen=True)
class Job:
    name: str
    path: Path | None
    in_directory: bool
    overrides: Overrides


@dataclass(frozen=True, slots=True)
class Ready:
    """A document's column values (sha256 and text among them) and its claims' rows, each a
    tuple of store.documents.CLAIM_FIELDS: what a worker sends back, in plain types."""

    values: dict[str, Any]
    claims: list[tuple[Any, ...]]


@dataclass(frozen=True)
class Prepared:
    """A source read and its claims extracted, ready to store; or why it cannot be."""

    name: str
    outcome: str  # ready | refused | skipped
    reason: str | None = None
    document: Ready | None = None


# Documents per transaction: the first batches are small so that the first outcome lines
# come at once, later ones larger so that commits cost little. An outcome line is printed
# only once its document is committed.
FIRST_BATCH = 4
MAX_BATCH = 128
# Documents prepared while the database is still being opened wait, up to this many, rather
# than stopping the workers.
MAX_WAITING = 1024


def ingest(
    engine: EngineSource,
    args: Iterable[str],
    overrides: Overrides | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> list[IngestResult]:
    """Ingest the sources, in order. `engine` is the database, or a function that opens it:
    then a large batch forks its workers first and opens the database while they read."""
    args = list(args)
    jobs = list(_jobs(args, overrides or Overrides()))
    results: list[IngestResult] = []
    files = [job for job in jobs if job.path is not None]
    workers = workers_for(len(files))
    # Files in worker processes when there are many; standard input and URLs here (a worker
    # has no standard input).
    if workers:
        _warm_extractor()
    with ordered_map(prepare, files, workers) as done:
        database = _Opening(engine, in_background=workers > 0)
        waiting: list[Prepared] = []
        size = FIRST_BATCH
        for job in jobs:
            waiting.append(next(done) if job.path is not None else prepare(job))
            if len(waiting) >= size and (database.done() or len(waiting) >= MAX_WAITING):
                size = _store_waiting(database.engine(), waiting, size, results, on_result)
        opened = database.engine()
        _store_waiting(opened, waiting, size, results, on_result, every=True)
    if any(r.outcome == "ingested" for r in results):
        check_new_documents(opened)
    return results


class _Opening:
    """The engine; or opened by the function given, in a thread when in_background (the
    imports and a new database's schema then cost no wall time while the workers read)."""

    def __init__(self, source: EngineSource, *, in_background: bool) -> None:
        self._future: Future[Engine] = Future()
        self._thread: threading.Thread | None = None
        if not callable(source):
            self._future.set_result(source)
            return
        opener = source

        def run() -> None:
            try:
                self._future.set_result(opener())
            except BaseException as exc:  # raised again where the engine is first wanted
                self._future.set_exception(exc)

        if in_background:
            self._thread = threading.Thread(
                target=run, name="claimtrack-open-database", daemon=True
            )
            self._thread.start()
        else:
            run()

    def done(self) -> bool:
        return self._future.done()

    def engine(self) -> Engine:
        # Joined, not just finished: the check forks its own workers only while this process
        # runs a single thread.
        if self._thread is not None:
            self._thread.join()
        return self._future.result()


def _store_waiting(
    engine: Engine,
    waiting: list[Prepared],
    size: int,
    results: list[IngestResult],
    on_result: Callable[[IngestResult], None] | None,
    *,
    every: bool = False,
) -> int:
    """Store the waiting documents in batches of growing size (the last, smaller one too when
    `every`); returns the next batch's size."""
    while waiting and (len(waiting) >= size or every):
        batch = waiting[:size]
        del waiting[:size]
        _report(store_batch(engine, batch), results, on_result)
        size = min(MAX_BATCH, size * 2)
    return size


def _report(
    batch: list[IngestResult],
    results: list[IngestResult],
    on_result: Callable[[IngestResult], None] | None,
) -> None:
    for result in batch:
        if result.outcome == "skipped":
            continue
        results.append(result)
        if on_result:
            on_result(result)


def _jobs(args: list[str], overrides: Overrides) -> Iterator[Job]:
    dirs = {a for a in args if a != "-" and not is_url(a) and Path(a).is_dir()}
    for name, path in expand(args):
        in_dir = (
            path is not None and name not in args and any(_is_under(path, Path(d)) for d in dirs)
        )
        yield Job(name, path, in_dir, overrides)


def _warm_extractor() -> None:
    # Imported and its patterns compiled once here, before the workers fork, rather than once
    # in each of them: measured, warming each worker as it starts (while this process opens
    # the database) saved no wall time on two cores and cost the second warming's 0.3 CPU s.
    from claimtrack.extract import extract_claims

    extract_claims('On 3 May 2024 the mayor said "12 people, or 5%, paid $4 million".')


def prepare(job: Job) -> Prepared:
    """Read, clean and extract one source; a refusal is an outcome, not an exception."""
    try:
        raw = read_source(job.name, job.path, in_directory=job.in_directory)
    except NotText as exc:
        return Prepared(job.name, "refused", str(exc))
    except FileNotFoundError:
        return Prepared(job.name, "refused", "no such file")
    except IsADirectoryError:
        return Prepared(job.name, "refused", "is a directory")
    except PermissionError:
        return Prepared(job.name, "refused", "permission denied")
    except OSError as exc:
        return Prepared(job.name, "refused", exc.strerror or type(exc).__name__)
    if raw is None:
        return Prepared(job.name, "skipped")
    return Prepared(job.name, "ready", document=new_document(job.overrides.apply(raw)))


def new_document(raw: RawDocument) -> Ready:
    from claimtrack.extract import extract_claims

    extracted = extract_claims(raw.text, raw.published)
    values = dict(
        title=_storable(raw.title),
        source=raw.source,
        url=raw.url,
        path=_display_path(raw.path),
        published=raw.published,
        sha256=raw.sha256,
        text=raw.text,
    )
    # A sentence holding several claims is sent and stored once per claim; one shared string
    # for all of them pickles once on its way back from a worker (pickle keeps identity).
    sentences: dict[str, str] = {}
    rows = [_claim_row(c, sentences.setdefault(c.sentence, c.sentence)) for c in extracted]
    return Ready(values, rows)


def _is_under(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
        return True
    except ValueError:
        return False


def ingest_one(
    engine: Engine, name: str, path: Path | None, overrides: Overrides, *, in_directory: bool
) -> IngestResult:
    prepared = prepare(Job(name, path, in_directory, overrides))
    return store_batch(engine, [prepared])[0]


def store_document(engine: Engine, name: str, raw: RawDocument) -> IngestResult:
    return store_batch(engine, [Prepared(name, "ready", document=new_document(raw))])[0]


def store_batch(engine: Engine, batch: list[Prepared]) -> list[IngestResult]:
    """Stores the batch's documents in one transaction; its results in the order given."""
    from sqlalchemy.exc import DataError, IntegrityError

    from claimtrack.db import retry_locked
    from claimtrack.store.documents import NewDocument

    documents = [NewDocument(p.document.values, p.document.claims) for p in batch if p.document]
    stored: list[Stored | str] = []
    if documents:
        try:
            stored = list(retry_locked(functools.partial(_add_all, engine, documents)))
        except (IntegrityError, DataError):
            # A document the database refuses, or another process storing the same text at
            # the same time, must not cost the others: each is stored on its own instead.
            stored = [_store_alone(engine, doc) for doc in documents]
    found = iter(stored)
    results = []
    for p in batch:
        if p.document is None:
            results.append(IngestResult(p.name, p.outcome, p.reason))
            continue
        s = next(found)
        if isinstance(s, str):
            results.append(IngestResult(p.name, "refused", s))
        elif s.new:
            claims = len(p.document.claims)
            results.append(
                IngestResult(p.name, "ingested", None, s.id, s.title, claims, s.published)
            )
        else:
            results.append(IngestResult(p.name, "duplicate", None, s.id, s.title, 0, s.published))
    return results


def _add_all(engine: Engine, documents: list[NewDocument]) -> list[Stored]:
    from claimtrack.db import session_scope
    from claimtrack.store.documents import add_documents

    with session_scope(engine) as session:
        return add_documents(session, documents)


def _store_alone(engine: Engine, document: NewDocument) -> Stored | str:
    """The document stored, or why the database refused it."""
    from sqlalchemy.exc import DataError, IntegrityError

    from claimtrack.db import error_line, retry_locked, session_scope
    from claimtrack.store.documents import Stored, find_by_sha256

    try:
        return retry_locked(functools.partial(_add_all, engine, [document]))[0]
    except (IntegrityError, DataError) as exc:
        # Another process may have stored the same content between our look-up and insert.
        with session_scope(engine) as session:
            existing = find_by_sha256(session, document.sha256)
        if existing is None or existing.id is None:
            return error_line(exc) or str(exc)
        return Stored(existing.id, existing.title, existing.published, False)


# A batch this large (and a large share of the database) is checked in one full pass, which
# costs less than checking each new document against the rest one by one.
def check_new_documents(engine: Engine) -> None:
    """Check every stored document not checked yet: this batch's, and any a killed run left."""
    from claimtrack.check import check_pending

    check_pending(engine)


def _display_path(path: str | None) -> str | None:
    if path is None or path == "-":
        return path
    return _storable(os.path.abspath(path))


def _storable(name: str | None) -> str | None:
    """A file name as text a database takes: the bytes of a name that is not UTF-8 (which
    Python carries as lone surrogates) shown as U+FFFD, as a terminal would show them."""
    if name is None or name.isascii():
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate no file system byte maps to
        raw = name.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def _claim_row(c: ExtractedClaim, sentence: str) -> tuple[Any, ...]:
    """The claim as a row of CLAIM_FIELDS."""
    return (
        c.kind, sentence, c.span, c.start, c.end, c.value, c.value_max, c.unit, c.qualifier,
        c.date, c.subject, c.subject_key, c.speaker,
    )  # fmt: skip
