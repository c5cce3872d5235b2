"""Everything a report shows, read once from the store in report order."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from claimtrack.display import unit_label
from claimtrack.models import Claim, Conflict, Document, Source, Status, StatusChange
from claimtrack.store import count_by_status, list_documents
from claimtrack.store.claims import parse_status
from claimtrack.store.errors import InvalidInput
from claimtrack.store.report_queries import (
    claims_in_report_order,
    conflicts_of,
    histories,
    sources_of,
)


@dataclass(frozen=True, slots=True)
class ReportData:
    statuses: tuple[str, ...]
    org: str | None
    generated_at: dt.datetime
    claims: list[Claim]  # by document id, then start
    documents: dict[int, Document]
    sources: dict[int, list[Source]]
    history: dict[int, list[StatusChange]]
    conflicts: dict[int, list[Conflict]]
    conflict_members: dict[int, list[int]]
    counts: Counter[str]  # every claim in the database, by status

    def claims_by_document(self) -> list[tuple[Document, list[Claim]]]:
        groups: list[tuple[Document, list[Claim]]] = []
        for claim in self.claims:
            if not groups or groups[-1][0].id != claim.document_id:
                groups.append((self.documents[claim.document_id], []))
            groups[-1][1].append(claim)
        return groups

    def checkers(self) -> list[str]:
        """Everyone who changed, annotated, sourced or decided on a claim in the report."""
        names: set[str] = set()
        for claim in self.claims:
            cid = claim_id(claim)
            names.update(change.by for change in self.history[cid])
            names.update(s.added_by for s in self.sources[cid] if s.added_by)
            names.update(c.decided_by for c in self.conflicts[cid] if c.decided_by)
        return sorted(n for n in names if n.strip())

    def verdict_change(self, claim: Claim) -> StatusChange | None:
        """The history entry that gave the claim its present status, if there is one."""
        for change in reversed(self.history[claim_id(claim)]):
            if change.new_status == claim.status and change.old_status != change.new_status:
                return change
        return None

    def notes(self, claim: Claim) -> list[StatusChange]:
        return [c for c in self.history[claim_id(claim)] if c.note and c.note.strip()]


def claim_id(claim: Claim) -> int:
    assert claim.id is not None
    return claim.id


def parse_statuses(statuses: Sequence[str]) -> tuple[str, ...]:
    """Known statuses, each once, in the order of the Status enum."""
    if isinstance(statuses, str):
        statuses = (statuses,)
    if not statuses:
        raise InvalidInput("status: none given")
    wanted = {parse_status(s.strip()).value for s in statuses}
    return tuple(s.value for s in Status if s.value in wanted)


def gather(
    session: Session,
    statuses: tuple[str, ...],
    *,
    org: str | None,
    generated_at: dt.datetime,
) -> ReportData:
    claims = claims_in_report_order(session, statuses)
    ids = [claim_id(c) for c in claims]
    doc_ids = sorted({c.document_id for c in claims})
    documents = {
        s.document.id: s.document
        for s in list_documents(session, doc_ids)
        if s.document.id is not None
    }
    conflicts, members = conflicts_of(session, ids)
    return ReportData(
        statuses=statuses,
        org=org,
        generated_at=generated_at,
        claims=claims,
        documents=documents,
        sources=sources_of(session, ids),
        history=histories(session, ids),
        conflicts=conflicts,
        conflict_members=members,
        counts=count_by_status(session),
    )


def format_number(value: float | None) -> str:
    """A normalised value the same way every time: integers without ".0", others as repr."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def value_text(claim: Claim) -> str:
    """The normalised value in words: number or range, unit, qualifier."""
    if claim.value is None:
        return ""
    number = format_number(claim.value)
    if claim.value_max is not None and claim.value_max != claim.value:
        number = f"{number}–{format_number(claim.value_max)}"
    parts = [number, unit_label(claim.unit, claim.value, claim.value_max)]
    text = " ".join(p for p in parts if p)
    if claim.qualifier and claim.qualifier != "exact":
        text += f" ({claim.qualifier.replace('_', ' ')})"
    return text


def iso_date(day: dt.date | dt.datetime | None) -> str | None:
    if day is None:
        return None
    if isinstance(day, dt.datetime):
        day = as_utc(day).date()
    return day.isoformat()


def as_utc(at: dt.datetime) -> dt.datetime:
    return at.replace(tzinfo=dt.UTC) if at.tzinfo is None else at.astimezone(dt.UTC)


def iso_utc_seconds(at: dt.datetime) -> str:
    return as_utc(at).replace(microsecond=0).isoformat().replace("+00:00", "Z")
