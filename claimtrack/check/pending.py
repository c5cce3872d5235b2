"""Documents not checked yet (document.checked_at NULL): their terms stored, then checked."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable

from sqlalchemy import Engine, delete, func, select, update
from sqlmodel import Session, col

from claimtrack.check import terms
from claimtrack.check.rows import Row, claim_keys
from claimtrack.models import Claim, ClaimTerm, Document, utcnow

# This many new documents (or a quarter of all, if more) are checked in one full pass, which
# costs less than checking each against the rest in turn.
FULL_CHECK_MIN_DOCUMENTS = 20
CHUNK = 500


def pending_ids(session: Session) -> list[int]:
    query = select(col(Document.id)).where(col(Document.checked_at).is_(None))
    return sorted(i for i in session.connection().execute(query).scalars() if i is not None)


def mark_checked(session: Session, document_ids: Iterable[int] | None) -> None:
    """checked_at for these documents (None: every one not yet marked)."""
    pending = col(Document.checked_at).is_(None)
    conn = session.connection()
    if document_ids is None:
        conn.execute(update(Document).where(pending).values(checked_at=utcnow()))
        return
    ids = sorted(document_ids)
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        conn.execute(
            update(Document).where(col(Document.id).in_(chunk)).values(checked_at=utcnow())
        )


def index_documents(session: Session, document_ids: Collection[int], rows: list[Row]) -> None:
    """Store the terms of ``rows``, all the claims of ``document_ids``, in place of any they had."""
    if not document_ids:
        return
    conn = session.connection()
    ids = sorted(document_ids)
    for i in range(0, len(ids), CHUNK):
        of_docs = select(col(Claim.id)).where(col(Claim.document_id).in_(ids[i : i + CHUNK]))
        conn.execute(delete(ClaimTerm).where(col(ClaimTerm.claim_id).in_(of_docs), terms.KEPT))
    terms.store(conn, [(r.id, r.kind, r.block_keys) for r in rows], replace=False)


def _index_pending(session: Session, document_ids: list[int]) -> None:
    """Terms of every pending document before any is checked, so that each check counts how
    common a term is over all stored claims, as a full run does."""
    conn = session.connection()
    claims: list[tuple[int, str, tuple[str, ...]]] = []
    for i in range(0, len(document_ids), CHUNK):
        chunk = document_ids[i : i + CHUNK]
        query = select(
            col(Claim.id), col(Claim.kind), col(Claim.span), col(Claim.subject_key),
            col(Claim.subject), col(Claim.text),
        ).where(col(Claim.document_id).in_(chunk))  # fmt: skip
        claims.extend(
            (cid, kind, claim_keys(kind, span, key, subject, sentence))
            for cid, kind, span, key, subject, sentence in conn.execute(query)
            if cid is not None
        )
        of_docs = select(col(Claim.id)).where(col(Claim.document_id).in_(chunk))
        conn.execute(delete(ClaimTerm).where(col(ClaimTerm.claim_id).in_(of_docs), terms.KEPT))
    terms.store(conn, claims, replace=False)


def _many(session: Session, pending: int) -> bool:
    """A full pass: for many new documents, or when the stored terms are an older checker's."""
    if not terms.current(session.connection()):
        return True
    total = session.connection().execute(select(func.count()).select_from(Document)).scalar()
    return pending >= max(FULL_CHECK_MIN_DOCUMENTS, int(total or 0) // 4)


def _pending_in(session: Session) -> int:
    from claimtrack.check import check_document, run_check

    ids = pending_ids(session)
    if (ids and _many(session, len(ids))) or not terms.current(session.connection()):
        run_check(session)
        return len(ids)
    _index_pending(session, ids)
    for doc in ids:
        check_document(session, doc)
    return len(ids)


def _pending_with_engine(engine: Engine) -> int:
    from claimtrack.check import check_document, run_check
    from claimtrack.db import retry_locked, session_scope

    def first_step() -> tuple[list[int], bool]:
        with session_scope(engine) as session:
            ids = pending_ids(session)
            if (ids and _many(session, len(ids))) or not terms.current(session.connection()):
                run_check(session)
                return ids, True
            _index_pending(session, ids)
            return ids, False

    def check_one(document_id: int) -> None:
        with session_scope(engine) as session:
            check_document(session, document_id)

    # Two processes checking at once may both add the same conflict or link: the later one
    # runs again and then finds the row in place.
    ids, done = retry_locked(first_step, unique_races=True)
    if not done:
        for document_id in ids:
            retry_locked(functools.partial(check_one, document_id), unique_races=True)
    return len(ids)


def check_pending(target: Session | Engine) -> int:
    """Check every document whose claims have not been checked yet; returns how many there were.

    Given a session, all of it happens in the caller's transaction. Given an engine, each step
    is a transaction of its own (storing the new documents' terms, then one per document, or a
    single full run when many are new), run again if the database was busy.
    """
    if isinstance(target, Session):
        return _pending_in(target)
    return _pending_with_engine(target)
