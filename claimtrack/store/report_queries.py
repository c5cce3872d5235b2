"""Queries the reports need and the rest of the store does not: claims by several statuses in
report order, and history, sources and conflicts for many claims at once (a few IN queries in
chunks, not one query per claim)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from claimtrack.models import Claim, Conflict, ConflictClaim, Source, StatusChange
from claimtrack.store.conflicts import conflict_claim_ids

# Well under SQLite's bound-parameter limit and PostgreSQL's comfort zone.
CHUNK = 500


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[i : i + CHUNK]) for i in range(0, len(ids), CHUNK)]


def claims_in_report_order(session: Session, statuses: Sequence[str]) -> list[Claim]:
    """Claims whose status is one of statuses, by document id, then start, then id."""
    if not statuses:
        return []
    query = (
        select(Claim)
        .where(col(Claim.status).in_(list(statuses)))
        .order_by(col(Claim.document_id), col(Claim.start), col(Claim.id))
    )
    return list(session.exec(query).all())


def histories(session: Session, claim_ids: Sequence[int]) -> dict[int, list[StatusChange]]:
    """Each claim's status changes and notes, oldest first."""
    out: dict[int, list[StatusChange]] = {cid: [] for cid in claim_ids}
    for chunk in _chunks(claim_ids):
        rows = session.exec(
            select(StatusChange)
            .where(col(StatusChange.claim_id).in_(chunk))
            .order_by(col(StatusChange.at), col(StatusChange.id))
        ).all()
        for row in rows:
            out[row.claim_id].append(row)
    return out


def sources_of(session: Session, claim_ids: Sequence[int]) -> dict[int, list[Source]]:
    """Each claim's sources in the order they were added."""
    out: dict[int, list[Source]] = {cid: [] for cid in claim_ids}
    for chunk in _chunks(claim_ids):
        rows = session.exec(
            select(Source).where(col(Source.claim_id).in_(chunk)).order_by(col(Source.id))
        ).all()
        for row in rows:
            out[row.claim_id].append(row)
    return out


def conflicts_of(
    session: Session, claim_ids: Sequence[int]
) -> tuple[dict[int, list[Conflict]], dict[int, list[int]]]:
    """The conflicts each claim is part of (by conflict id), and every such conflict's claims."""
    out: dict[int, list[Conflict]] = {cid: [] for cid in claim_ids}
    found: dict[int, Conflict] = {}
    for chunk in _chunks(claim_ids):
        rows = session.exec(
            select(ConflictClaim.claim_id, Conflict)
            .join(Conflict, col(Conflict.id) == col(ConflictClaim.conflict_id))
            .where(col(ConflictClaim.claim_id).in_(chunk))
            .order_by(col(ConflictClaim.claim_id), col(Conflict.id))
        ).all()
        for claim_id, conflict in rows:
            out[claim_id].append(conflict)
            assert conflict.id is not None
            found[conflict.id] = conflict
    members: dict[int, list[int]] = {}
    conflict_ids = sorted(found)
    for chunk in _chunks(conflict_ids):
        members.update(conflict_claim_ids(session, chunk))
    return out, members
