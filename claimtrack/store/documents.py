from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from claimtrack.models import Claim, Document, Status
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


_CLAIM_COLUMNS = [c.name for c in Claim.__table__.columns if c.name != "id"]  # type: ignore[attr-defined]


def _claim_values(claim: Claim | dict[str, Any]) -> dict[str, Any]:
    if isinstance(claim, dict):
        values = dict(claim)
    else:
        values = {name: getattr(claim, name) for name in _CLAIM_COLUMNS}
    values.setdefault("status", Status.unverified.value)
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
