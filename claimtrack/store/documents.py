from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import Connection, Dialect, Table, func, insert
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from claimtrack.models import Claim, Document, Status, utcnow
from claimtrack.store.errors import NotFound


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    document: Document
    claims: int


def find_by_sha256(session: Session, sha256: str) -> Document | None:
    return session.exec(select(Document).where(Document.sha256 == sha256)).first()


def add_document(
    session: Session, document: Document, claims: Iterable[Claim | dict[str, Any]]
) -> Document:
    """Adds a document and its claims in the caller's transaction.

    Claims go in as one multi-row INSERT: building an ORM object per claim cost more than
    extracting it (ingest is measured in bench/extract_speed.py)."""
    session.add(document)
    session.flush()
    assert document.id is not None
    given = list(claims)
    rows = [_claim_values(c) | {"document_id": document.id} for c in given]
    if rows:
        ids = session.scalars(
            insert(Claim).returning(col(Claim.id), sort_by_parameter_order=True),
            rows,
        ).all()
        for claim, claim_id in zip(given, ids, strict=True):
            if isinstance(claim, Claim):
                claim.id, claim.document_id = claim_id, document.id
    return document


# A new claim's row as ingest hands it over: these columns, in this order (its id, document
# and status are the store's to add). Tuples, not dicts: a large ingest moves tens of
# thousands of them from its worker processes and inserts them through the driver.
CLAIM_FIELDS = (
    "kind", "text", "span", "start", "end", "value", "value_max", "unit", "qualifier", "date",
    "subject", "subject_key", "speaker",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document to store: its column values (sha256 and text among them) and its claims'
    rows, each a tuple of CLAIM_FIELDS (or a dict of them, the ones not given None)."""

    values: dict[str, Any]
    claims: Sequence[tuple[Any, ...] | dict[str, Any]]

    @property
    def sha256(self) -> str:
        return str(self.values["sha256"])


@dataclass(frozen=True, slots=True)
class Stored:
    """The stored document holding a given text; new when this call inserted it."""

    id: int
    title: str | None
    published: dt.date | None
    new: bool


_DOCUMENT_TABLE: Table = Document.__table__  # type: ignore[attr-defined]
_CLAIM_TABLE: Table = Claim.__table__  # type: ignore[attr-defined]
_LOOKUP_CHUNK = 500


def add_documents(session: Session, documents: Sequence[NewDocument]) -> list[Stored]:
    """Stores, in the caller's transaction, each document whose text (by sha256) is not stored
    yet, with its claims; returns what holds each given text, in the order given (a text given
    twice is new the first time only).

    A batch costs three statements however many documents and claims it holds (the claims
    one executemany through the driver): ingest spends far less on the database this way than
    one ORM flush per document (bench/extract_speed.py).
    """
    found = _stored_by_sha256(session, {d.sha256 for d in documents})
    fresh: dict[str, NewDocument] = {}
    for doc in documents:
        if doc.sha256 not in found:
            fresh.setdefault(doc.sha256, doc)
    for sha, doc_id in zip(fresh, _insert(session, list(fresh.values())), strict=True):
        values = fresh[sha].values
        found[sha] = Stored(doc_id, values.get("title"), values.get("published"), False)
    out: list[Stored] = []
    for doc in documents:
        stored = found[doc.sha256]
        if fresh.pop(doc.sha256, None) is not None:  # its first time in this batch
            stored = replace(stored, new=True)
        out.append(stored)
    return out


def _insert(session: Session, documents: list[NewDocument]) -> list[int]:
    if not documents:
        return []
    now = utcnow()
    ids = list(
        session.execute(
            insert(_DOCUMENT_TABLE).returning(_DOCUMENT_TABLE.c.id, sort_by_parameter_order=True),
            [{"ingested_at": now, **doc.values} for doc in documents],
        ).scalars()
    )
    rows = [
        (doc_id, *_as_row(claim))
        for doc, doc_id in zip(documents, ids, strict=True)
        for claim in doc.claims
    ]
    if rows:
        _insert_claims(session.connection(), rows)
    return ids


def _as_row(claim: tuple[Any, ...] | dict[str, Any]) -> tuple[Any, ...]:
    if isinstance(claim, tuple):
        return claim
    return tuple(claim.get(name) for name in CLAIM_FIELDS)


def _insert_claims(conn: Connection, rows: list[tuple[Any, ...]]) -> None:
    """The rows (document_id, *CLAIM_FIELDS) as one executemany straight through the driver:
    the statement layer's per-row parameter handling cost more than the database's insert
    (bench/extract_speed.py). Every value is a plain int, float, str or None, which both
    drivers bind as they are."""
    sql = _claim_insert_sql(conn.dialect)
    if sql is None:
        names = ("document_id", *CLAIM_FIELDS)
        values = [dict(zip(names, r, strict=True), status=_UNVERIFIED) for r in rows]
        conn.execute(insert(_CLAIM_TABLE), values)
        return
    conn.exec_driver_sql(sql, rows)


_MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


@functools.cache
def _claim_insert_sql(dialect: Dialect) -> str | None:
    """The driver's own INSERT for a claim row; None for a driver with another paramstyle."""
    marker = _MARKERS.get(dialect.paramstyle)
    if marker is None:
        return None
    quote = dialect.identifier_preparer.quote
    columns = ", ".join(quote(name) for name in ("document_id", *CLAIM_FIELDS, "status"))
    # The status is the same constant for every new claim: written into the statement.
    values = ", ".join([marker] * (1 + len(CLAIM_FIELDS)) + [f"'{_UNVERIFIED}'"])
    return f"INSERT INTO {quote(_CLAIM_TABLE.name)} ({columns}) VALUES ({values})"


def _stored_by_sha256(session: Session, shas: set[str]) -> dict[str, Stored]:
    found: dict[str, Stored] = {}
    wanted = sorted(shas)
    for i in range(0, len(wanted), _LOOKUP_CHUNK):
        table = _DOCUMENT_TABLE.c
        query = sa_select(table.id, table.title, table.published, table.sha256).where(
            table.sha256.in_(wanted[i : i + _LOOKUP_CHUNK])
        )
        for doc_id, title, published, sha in session.execute(query).all():
            found[sha] = Stored(doc_id, title, published, False)
    return found


_CLAIM_COLUMNS = [c.name for c in Claim.__table__.columns if c.name != "id"]  # type: ignore[attr-defined]


_UNVERIFIED = Status.unverified.value  # an enum member's .value costs a lookup each time


def _claim_values(claim: Claim | dict[str, Any]) -> dict[str, Any]:
    if isinstance(claim, dict):
        return {"status": _UNVERIFIED, **claim}
    values = {name: getattr(claim, name) for name in _CLAIM_COLUMNS}
    values.setdefault("status", _UNVERIFIED)
    return values


def count_documents(session: Session) -> int:
    return int(session.exec(select(func.count()).select_from(Document)).one())


def get_document(session: Session, document_id: int) -> Document:
    document = session.get(Document, document_id)
    if document is None:
        raise NotFound(f"document {document_id}: no such document")
    return document


def list_documents(session: Session, ids: Iterable[int] | None = None) -> list[DocumentSummary]:
    counts = (
        select(Claim.document_id, func.count().label("n"))
        .group_by(col(Claim.document_id))
        .subquery()
    )
    query = (
        select(Document, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.document_id == Document.id)
        .order_by(col(Document.id))
    )
    if ids is not None:
        query = query.where(col(Document.id).in_(list(ids)))
    return [DocumentSummary(doc, int(n)) for doc, n in session.exec(query).all()]
