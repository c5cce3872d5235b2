"""The cross-document checker: claims about the same thing, linked; disagreements, grouped.

run_check compares everything from scratch (idempotent); check_document compares one new
document's claims with candidates from the rest; check_pending does whichever suits the
documents not checked yet. run_check and check_document work inside the caller's transaction.
Candidates come from blocks (kind, unit dimension, subject words), never from all pairs; the
checker keeps each claim's block keys in the claim_term index for the incremental look-ups.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlmodel import Session, func, select

from claimtrack.check import terms
from claimtrack.check.candidates import (
    all_pairs_in_blocks,
    fetch_pool,
    load_all,
    load_document,
    load_ids,
    pairs_for,
)
from claimtrack.check.groups import conflicts_in
from claimtrack.check.match import Edge, compare
from claimtrack.check.parallel import compare_and_group
from claimtrack.check.pending import check_pending, index_documents, mark_checked, pending_ids
from claimtrack.check.persist import Written, linked_component, sync_conflicts, sync_links
from claimtrack.check.prune import prune
from claimtrack.check.quotes import word_diff
from claimtrack.check.rows import Row
from claimtrack.models import Conflict

__all__ = ["CheckSummary", "check_document", "check_pending", "run_check", "word_diff"]


@dataclass(frozen=True)
class CheckSummary:
    claims: int  # claims looked at
    compared: int  # candidate pairs compared
    agreements: int  # pairs found to agree
    disagreements: int  # pairs found to disagree
    links_added: int
    links_removed: int
    conflicts_new: int
    conflicts_grown: int  # existing conflicts that gained claims
    conflicts_removed: int  # undecided conflicts the data no longer supports
    conflicts_total: int


def _summary(
    session: Session, claims: int, compared: int, edges: list[Edge], written: Written
) -> CheckSummary:
    session.flush()
    total = session.exec(select(func.count()).select_from(Conflict)).one()
    return CheckSummary(
        claims=claims,
        compared=compared,
        agreements=sum(e.relation == "agrees" for e in edges),
        disagreements=sum(e.relation == "conflicts" for e in edges),
        links_added=written.links_added,
        links_removed=written.links_removed,
        conflicts_new=written.conflicts_new,
        conflicts_grown=written.conflicts_grown,
        conflicts_removed=written.conflicts_removed,
        conflicts_total=int(total),
    )


@contextmanager
def _no_gc() -> Iterator[None]:
    """The collector off while the claims are held: a full run holds 100,000 rows and their
    features, which every automatic collection would walk again (seconds in all), and the
    checker makes no reference cycles worth collecting meanwhile (what it drops is freed by
    reference counting as usual)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def run_check(session: Session) -> CheckSummary:
    """Check every claim against every candidate; re-running changes nothing and keeps decisions."""
    session.flush()
    with _no_gc():
        rows = load_all(session)
        pending = set(pending_ids(session))
        if not terms.current(session.connection()):
            # An index an older checker built, with other keys: every claim's terms again.
            pending = {r.document_id for r in rows}
        pairs = list(all_pairs_in_blocks(rows))
        new_rows = [r for r in rows if r.document_id in pending]

        def index() -> None:
            index_documents(session, pending, new_rows)
            terms.mark_current(session.connection())

        edges, found = compare_and_group(rows, pairs, index)
        written = Written()
        sync_links(session, {(e.a, e.b): e.relation for e in edges}, None, written)
        sync_conflicts(session, found, True, written)
        mark_checked(session, None)
        return _summary(session, len(rows), len(pairs), edges, written)


def check_document(session: Session, document_id: int) -> CheckSummary:
    """Check one document's claims against candidates from the rest (after it is stored)."""
    session.flush()
    # Its few hundred rows make no cycles either; a collection set off by them would walk
    # everything the process holds (a full pass cost 0.2-0.4 s in bench/check_scale.py).
    with _no_gc():
        return _check_document(session, document_id)


def _check_document(session: Session, document_id: int) -> CheckSummary:
    new = load_document(session, document_id)
    # Its terms first: the counts behind the cap include its own claims, as a full run's do.
    index_documents(session, {document_id}, new)
    mark_checked(session, [document_id])
    written = Written()
    if not new:
        return _summary(session, 0, 0, [], written)
    pool, sizes = fetch_pool(session, new)
    pairs = pairs_for(new, pool, sizes)
    known = {r.id: r for r in [*new, *pool]}
    edges = prune([e for x, y in pairs if (e := compare(x, y)) is not None], known)
    new_ids = {r.id for r in new}
    sync_links(session, {(e.a, e.b): e.relation for e in edges}, new_ids, written)
    # The groups the new claims joined reach through links stored by earlier checks.
    touched = {c for e in edges for c in (e.a, e.b)}
    members, links = linked_component(session, touched)
    rows = known | {r.id: r for r in load_ids(session, members - known.keys())}
    group_edges = [_edge(a, b, rel, rows) for (a, b), rel in sorted(links.items())]
    found = conflicts_in([e for e in group_edges if e is not None], rows)
    sync_conflicts(session, found, False, written)
    return _summary(session, len(new), len(pairs), edges, written)


def _edge(a: int, b: int, relation: str, rows: dict[int, Row]) -> Edge | None:
    if relation != "conflicts":
        return Edge(a, b, relation)
    # A stored link keeps only the relation; the kind of disagreement is worked out again.
    return compare(rows[a], rows[b])
