"""The tables. Alembic owns the schema (migrations/); these classes describe it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Status(StrEnum):
    unverified = "unverified"
    in_progress = "in_progress"
    verified = "verified"
    false = "false"
    misleading = "misleading"
    unsupported = "unsupported"


VERDICTS = (Status.verified, Status.false, Status.misleading, Status.unsupported)

KINDS = ("count", "money", "percent", "quantity", "duration", "date", "quote")


class ConflictState(StrEnum):
    open = "open"
    dismissed = "dismissed"
    confirmed = "confirmed"


class Document(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    path: str | None = None
    published: dt.date | None = None
    sha256: str = Field(max_length=64, unique=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    ingested_at: dt.datetime = Field(default_factory=utcnow)
    # Set once the checker has indexed this document's claims and compared them with the rest;
    # NULL: waiting for claimtrack.check.check_pending.
    checked_at: dt.datetime | None = Field(default=None, index=True)


class Claim(SQLModel, table=True):
    __table_args__ = (
        Index("ix_claim_document_start", "document_id", "start"),
        Index("ix_claim_kind_subject_key", "kind", "subject_key"),
    )

    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", ondelete="CASCADE")
    kind: str = Field(max_length=16)
    text: str = Field(sa_column=Column(Text, nullable=False))
    span: str = Field(sa_column=Column(Text, nullable=False))
    start: int
    end: int
    value: float | None = None
    value_max: float | None = None
    unit: str | None = None
    qualifier: str | None = Field(default=None, max_length=16)
    date: str | None = Field(default=None, max_length=10)
    subject: str | None = None
    subject_key: str | None = None
    speaker: str | None = None
    status: str = Field(default=Status.unverified.value, max_length=16, index=True)


class Source(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    url: str
    title: str | None = None
    note: str | None = None
    added_by: str | None = None
    added_at: dt.datetime = Field(default_factory=utcnow)


class StatusChange(SQLModel, table=True):
    """Append-only history: a status change, or a note (old == new)."""

    __tablename__ = "status_change"

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    old_status: str = Field(max_length=16)
    new_status: str = Field(max_length=16)
    note: str | None = None
    by: str
    at: dt.datetime = Field(default_factory=utcnow)


class Conflict(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("key", name="uq_conflict_key"),)

    id: int | None = Field(default=None, primary_key=True)
    # Stable identity of "what it is about", so re-running the check finds the same row.
    key: str = Field(max_length=128)
    kind: str = Field(max_length=32)
    explanation: str = Field(sa_column=Column(Text, nullable=False))
    state: str = Field(default=ConflictState.open.value, max_length=16, index=True)
    note: str | None = None
    decided_by: str | None = None
    decided_at: dt.datetime | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class ConflictClaim(SQLModel, table=True):
    __tablename__ = "conflict_claim"

    conflict_id: int = Field(foreign_key="conflict.id", primary_key=True, ondelete="CASCADE")
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, index=True, ondelete="CASCADE")


class ClaimLink(SQLModel, table=True):
    """Claim memory: two claims in different documents about the same thing."""

    __tablename__ = "claim_link"

    claim_a: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    claim_b: int = Field(foreign_key="claim.id", primary_key=True, index=True, ondelete="CASCADE")
    relation: str = Field(max_length=16)


class ClaimTerm(SQLModel, table=True):
    """The checker's word index: the claims holding a term ("<kind>:<block key>"), so that it
    finds a new claim's candidates, and how common each term is, by indexed look-ups.

    Filled by the checker, not by ingest. Clustered on (term, claim_id) in SQLite (no rowid):
    the claims of one term are read from one range of the primary key.
    """

    __tablename__ = "claim_term"
    __table_args__ = ({"sqlite_with_rowid": False},)

    term: str = Field(primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, index=True, ondelete="CASCADE")
