from __future__ import annotations

from sqlmodel import Session, col, select

from claimtrack.models import Conflict, ConflictClaim, ConflictState, utcnow
from claimtrack.store.errors import InvalidInput, NotFound


def get_conflict(session: Session, conflict_id: int) -> Conflict:
    conflict = session.get(Conflict, conflict_id)
    if conflict is None:
        raise NotFound(f"conflict {conflict_id}: no such conflict")
    return conflict


def conflict_claim_ids(session: Session, conflict_ids: list[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {cid: [] for cid in conflict_ids}
    if conflict_ids:
        rows = session.exec(
            select(ConflictClaim)
            .where(col(ConflictClaim.conflict_id).in_(conflict_ids))
            .order_by(col(ConflictClaim.claim_id))
        ).all()
        for row in rows:
            out[row.conflict_id].append(row.claim_id)
    return out


def list_conflicts(session: Session, state: str | None = None) -> list[Conflict]:
    query = select(Conflict)
    if state is not None:
        query = query.where(Conflict.state == parse_state(state).value)
    return list(session.exec(query.order_by(col(Conflict.id))).all())


def parse_state(state: str) -> ConflictState:
    try:
        return ConflictState(state)
    except ValueError:
        names = " | ".join(s.value for s in ConflictState)
        raise InvalidInput(f"state {state!r}: not one of {names}") from None


def set_conflict_state(
    session: Session, conflict_id: int, state: str, *, by: str, note: str | None = None
) -> Conflict:
    new = parse_state(state)
    conflict = get_conflict(session, conflict_id)
    conflict.state = new.value
    conflict.note = note if note is not None else conflict.note
    conflict.decided_by = by
    conflict.decided_at = utcnow()
    session.add(conflict)
    session.flush()
    return conflict
