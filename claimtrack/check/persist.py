"""Writing what the checker found: claim links and conflicts, keeping every checker's decision."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, or_, tuple_, update
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from claimtrack.check.groups import Found
from claimtrack.models import ClaimLink, Conflict, ConflictClaim, ConflictState, utcnow

Pair = tuple[int, int]
CHUNK = 500


@dataclass
class Written:
    links_added: int = 0
    links_removed: int = 0
    conflicts_new: int = 0
    conflicts_grown: int = 0
    conflicts_removed: int = 0


def _chunks(items: list[Any], size: int = CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def existing_links(session: Session, claim_ids: set[int] | None) -> dict[Pair, str]:
    """Stored links; all of them, or those touching ``claim_ids``."""
    if claim_ids is None:
        rows = session.exec(select(ClaimLink.claim_a, ClaimLink.claim_b, ClaimLink.relation)).all()
        return {(a, b): rel for a, b, rel in rows}
    out: dict[Pair, str] = {}
    for chunk in _chunks(sorted(claim_ids)):
        query = select(ClaimLink.claim_a, ClaimLink.claim_b, ClaimLink.relation).where(
            or_(col(ClaimLink.claim_a).in_(chunk), col(ClaimLink.claim_b).in_(chunk))
        )
        out.update({(a, b): rel for a, b, rel in session.exec(query).all()})
    return out


def sync_links(
    session: Session, desired: dict[Pair, str], scope: set[int] | None, written: Written
) -> None:
    """Make the stored links equal ``desired`` (within the links touching ``scope``)."""
    have = existing_links(session, scope)
    stale = [p for p in have if p not in desired]
    changed = [(p, r) for p, r in desired.items() if p in have and have[p] != r]
    added = [
        {"claim_a": a, "claim_b": b, "relation": r}
        for (a, b), r in desired.items()
        if (a, b) not in have
    ]
    conn = session.connection()
    for chunk in _chunks(stale):
        conn.execute(
            delete(ClaimLink).where(
                tuple_(col(ClaimLink.claim_a), col(ClaimLink.claim_b)).in_(chunk)
            )
        )
    for (a, b), rel in changed:
        conn.execute(
            update(ClaimLink)
            .where(col(ClaimLink.claim_a) == a, col(ClaimLink.claim_b) == b)
            .values(relation=rel)
        )
    for chunk in _chunks(added, 5000):
        conn.execute(insert(ClaimLink), chunk)
    written.links_added += len(added)
    written.links_removed += len(stale)


def linked_component(session: Session, start: set[int]) -> tuple[set[int], dict[Pair, str]]:
    """Every claim reachable from ``start`` through stored links, and those links."""
    seen = set(start)
    frontier = set(start)
    links: dict[Pair, str] = {}
    while frontier:
        found = existing_links(session, frontier)
        links.update(found)
        reached = {c for pair in found for c in pair} - seen
        seen |= reached
        frontier = reached
    return seen, links


def _undecided(c: Conflict) -> bool:
    return c.state == ConflictState.open.value and c.note is None and c.decided_by is None


def _family(kind: str) -> str:
    return "quote" if kind.startswith("quote") else kind


def _members(session: Session, conflict_ids: list[int]) -> dict[int, set[int]]:
    out: dict[int, set[int]] = {cid: set() for cid in conflict_ids}
    for chunk in _chunks(conflict_ids):
        query = select(ConflictClaim.conflict_id, ConflictClaim.claim_id).where(
            col(ConflictClaim.conflict_id).in_(chunk)
        )
        for cid, claim in session.exec(query).all():
            out[cid].add(claim)
    return out


def _touching(session: Session, claim_ids: set[int]) -> set[int]:
    out: set[int] = set()
    for chunk in _chunks(sorted(claim_ids)):
        query = select(ConflictClaim.conflict_id).where(col(ConflictClaim.claim_id).in_(chunk))
        out.update(session.exec(query).all())
    return out


def _free_key(session: Session, base: str, taken: set[str] | None) -> str:
    def used(key: str) -> bool:
        if taken is not None:
            return key in taken
        return session.exec(select(Conflict.id).where(Conflict.key == key)).first() is not None

    key, n = base, 1
    while used(key):
        n += 1
        key = f"{base}:{n}"
    if taken is not None:
        taken.add(key)
    return key


def sync_conflicts(session: Session, found: list[Found], full: bool, written: Written) -> None:
    """Store each group as a conflict: the same row as before when its claims were already in one.

    A full run also drops conflicts the data no longer supports, unless a checker decided them.
    """
    everyone = set().union(*(f.members for f in found)) if found else set()
    if full:
        conflicts = {c.id: c for c in session.exec(select(Conflict)).all() if c.id is not None}
    else:
        ids = sorted(_touching(session, everyone))
        conflicts = {}
        for chunk in _chunks(ids):
            for c in session.exec(select(Conflict).where(col(Conflict.id).in_(chunk))).all():
                assert c.id is not None
                conflicts[c.id] = c
    members = _members(session, sorted(conflicts))
    # A full run holds every key already; an incremental one asks for the few it needs.
    taken = {c.key for c in conflicts.values()} if full else None
    by_claim: dict[int, set[int]] = {}
    for cid, claims in members.items():
        for claim in claims:
            by_claim.setdefault(claim, set()).add(cid)
    kept: set[int] = set()
    gone: set[int] = set()
    fresh: list[Found] = []
    conn = session.connection()
    for group in found:
        touched = {cid for m in group.members for cid in by_claim.get(m, ())} - gone
        same = [cid for cid in touched if _family(conflicts[cid].kind) == _family(group.kind)]
        if same:
            chosen = max(same, key=lambda cid: (len(members[cid] & group.members), -cid))
            _update(conflicts[chosen], group, members[chosen], session, written, full)
            for other in same:
                if other != chosen and other not in kept and _undecided(conflicts[other]):
                    gone.add(other)
            kept.add(chosen)
        else:
            fresh.append(group)
    _create(session, fresh, written, taken)
    if full:
        gone |= {cid for cid, c in conflicts.items() if cid not in kept and _undecided(c)}
    gone -= kept
    for chunk in _chunks(sorted(gone)):
        conn.execute(delete(ConflictClaim).where(col(ConflictClaim.conflict_id).in_(chunk)))
        conn.execute(delete(Conflict).where(col(Conflict.id).in_(chunk)))
    written.conflicts_removed += len(gone)


def _update(
    conflict: Conflict, group: Found, have: set[int], session: Session, written: Written, full: bool
) -> None:
    assert conflict.id is not None
    conn = session.connection()
    missing = sorted(group.members - have)
    if missing:
        conn.execute(
            insert(ConflictClaim), [{"conflict_id": conflict.id, "claim_id": m} for m in missing]
        )
        written.conflicts_grown += 1
    extra = sorted(have - group.members) if full else []
    for chunk in _chunks(extra):
        conn.execute(
            delete(ConflictClaim).where(
                col(ConflictClaim.conflict_id) == conflict.id,
                col(ConflictClaim.claim_id).in_(chunk),
            )
        )
    if conflict.kind != group.kind or conflict.explanation != group.explanation or missing or extra:
        conflict.kind = group.kind
        conflict.explanation = group.explanation
        conflict.updated_at = utcnow()
        session.add(conflict)


def _create(
    session: Session, groups: list[Found], written: Written, taken: set[str] | None
) -> None:
    """New conflicts and their claims, inserted in bulk (a full run may find thousands)."""
    if not groups:
        return
    now = utcnow()
    keys = [_free_key(session, f"{g.kind}:{min(g.members)}", taken) for g in groups]
    rows: list[dict[str, Any]] = [
        {
            "key": key,
            "kind": g.kind,
            "explanation": g.explanation,
            "state": ConflictState.open.value,
            "created_at": now,
            "updated_at": now,
        }
        for key, g in zip(keys, groups, strict=True)
    ]
    conn = session.connection()
    conn.execute(insert(Conflict), rows)
    ids: dict[str, int] = {}
    for chunk in _chunks(keys):
        found = conn.execute(
            sa_select(col(Conflict.key), col(Conflict.id)).where(col(Conflict.key).in_(chunk))
        )
        ids.update({key: cid for key, cid in found if cid is not None})
    members = [
        {"conflict_id": ids[key], "claim_id": m}
        for key, g in zip(keys, groups, strict=True)
        for m in sorted(g.members)
    ]
    for chunk in _chunks(members, 5000):
        conn.execute(insert(ConflictClaim), chunk)
    written.conflicts_new += len(groups)
