"""Documents to choose from for the desk's document filter: a few hundred at a time, narrowed
by what the checker types, with each one's claim count. Never the article text (a document
row can hold a whole article; the picker needs its name only)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select
from sqlmodel import Session, col

from claimtrack.models import Claim, Document


@dataclass(frozen=True, slots=True)
class DocumentChoice:
    id: int
    title: str | None
    source: str | None
    path: str | None
    url: str | None
    published: dt.date | None
    claims: int

    @property
    def label(self) -> str:
        return self.title or self.path or self.url or f"document {self.id}"


@dataclass(frozen=True, slots=True)
class DocumentPage:
    documents: list[DocumentChoice]
    matching: int  # how many documents match in all (the page holds at most `limit`)


def _matches(text: str) -> ColumnElement[bool]:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    found = or_(
        *[
            c.ilike(pattern, escape="\\")
            for c in (
                col(Document.title),
                col(Document.source),
                col(Document.path),
                col(Document.url),
            )
        ]
    )
    number = text.lstrip("#")
    if number.isdigit() and len(number) < 18:
        found = or_(found, col(Document.id) == int(number))
    return found


def pick_documents(
    session: Session, text: str | None, *, limit: int, first: int | None = None
) -> DocumentPage:
    """Documents whose title, source, path or URL contain `text` (any case), or whose id it
    is; in document order, except that `first` (the current claim's document) leads when it
    matches."""
    text = (text or "").strip()
    where = _matches(text) if text else None
    fields = (
        col(Document.id),
        col(Document.title),
        col(Document.source),
        col(Document.path),
        col(Document.url),
        col(Document.published),
    )
    listed = select(*fields).order_by(col(Document.id)).limit(limit)
    counted = select(func.count()).select_from(Document)
    if where is not None:
        listed, counted = listed.where(where), counted.where(where)
    rows = list(session.execute(listed).all())
    if first is not None:
        lead = [r for r in rows if r[0] == first]
        if not lead:
            one = select(*fields).where(col(Document.id) == first)
            lead = list(session.execute(one.where(where) if where is not None else one).all())
        rows = lead + [r for r in rows if r[0] != first]
        rows = rows[:limit]
    claims = _claim_counts(session, [int(r[0]) for r in rows])
    documents = [
        DocumentChoice(int(i), title, source, path, url, _date(published), claims.get(int(i), 0))
        for i, title, source, path, url, published in rows
    ]
    return DocumentPage(documents, int(session.execute(counted).scalar_one()))


def _claim_counts(session: Session, doc_ids: list[int]) -> dict[int, int]:
    if not doc_ids:
        return {}
    rows = session.execute(
        select(col(Claim.document_id), func.count())
        .where(col(Claim.document_id).in_(doc_ids))
        .group_by(col(Claim.document_id))
    ).all()
    return {int(d): int(n) for d, n in rows}


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None
