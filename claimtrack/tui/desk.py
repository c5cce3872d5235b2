"""The app's one door to the database: each method is a unit of work over the store functions.

Methods are blocking and run in worker threads; the screens never call them on the UI thread.
No SQL here either: every query lives in claimtrack.store.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine
from sqlmodel import Session

from claimtrack import store
from claimtrack.db import describe, get_engine, resolve_url, retry_locked, session_scope
from claimtrack.models import Claim, Conflict, Document, Source, StatusChange
from claimtrack.store import browse
from claimtrack.store.browse import BrowseQuery, ClaimRow, Fingerprint
from claimtrack.store.conflicts import conflict_claim_ids
from claimtrack.store.document_pick import DocumentPage, pick_documents

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class RelatedClaim:
    claim_id: int
    relation: str
    status: str
    span: str
    document: str


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    claim: Claim
    document: Document
    sources: list[Source]
    history: list[StatusChange]
    related: list[RelatedClaim]
    open_conflicts: int


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: Document
    claims: list[ClaimRow]


@dataclass(frozen=True, slots=True)
class ConflictSide:
    claim: Claim
    document: Document


@dataclass(frozen=True, slots=True)
class ConflictView:
    conflict: Conflict
    sides: list[ConflictSide]


class Desk:
    """The database and the checker working on it."""

    def __init__(self, db: str | None, user: str) -> None:
        # A file path is shown as the checker typed it; a URL without its password.
        if db and "://" not in db:
            self.label = f"sqlite:///{Path(db).expanduser()}"
        else:
            self.label = describe(resolve_url(db))
        self.url = resolve_url(db)
        self.user = user
        self._engine: Engine | None = None

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = get_engine(self.url)
        return self._engine

    def _run(self, work: Callable[[Session], T]) -> T:
        def unit() -> T:
            with session_scope(self.engine) as session:
                return work(session)

        return retry_locked(unit)

    # Reading -----------------------------------------------------------------------------

    def page(
        self,
        query: BrowseQuery,
        *,
        limit: int,
        after: browse.Key | None = None,
        before: browse.Key | None = None,
        offset: int | None = None,
        within: Collection[int] | None = None,
    ) -> list[ClaimRow]:
        return self._run(
            lambda s: browse.fetch_page(
                s, query, limit=limit, after=after, before=before, offset=offset, within=within
            )
        )

    def count(self, query: BrowseQuery) -> int:
        return self._run(lambda s: browse.count_rows(s, query))

    def row_index(self, query: BrowseQuery, claim_id: int) -> int | None:
        return self._run(lambda s: browse.row_index(s, query, claim_id))

    def status_counts(self) -> Counter[str]:
        return self._run(store.count_by_status)

    def fingerprint(self) -> Fingerprint:
        return self._run(browse.fingerprint)

    def documents(self, text: str | None, *, limit: int, first: int | None) -> DocumentPage:
        return self._run(lambda s: pick_documents(s, text, limit=limit, first=first))

    def detail(self, claim_id: int) -> ClaimDetail:
        return self._run(lambda s: _detail(s, claim_id))

    def document(self, document_id: int) -> DocumentView:
        return self._run(
            lambda s: DocumentView(
                store.get_document(s, document_id), browse.document_claim_spans(s, document_id)
            )
        )

    def open_conflicts(self) -> list[ConflictView]:
        return self._run(_open_conflicts)

    # Writing -----------------------------------------------------------------------------

    def set_status(self, claim_id: int, status: str, note: str | None = None) -> tuple[str, str]:
        """(old, new) status, as the history row records them."""

        def write(session: Session) -> tuple[str, str]:
            change = store.set_status(session, claim_id, status, by=self.user, note=note)
            return change.old_status, change.new_status

        return self._run(write)

    def add_note(self, claim_id: int, note: str) -> None:
        self._run(lambda s: store.add_note(s, claim_id, note, by=self.user))

    def add_source(self, claim_id: int, url: str, title: str | None, note: str | None) -> None:
        self._run(
            lambda s: store.add_source(s, claim_id, url, title=title, note=note, by=self.user)
        )

    def decide_conflict(self, conflict_id: int, state: str, note: str | None) -> None:
        self._run(
            lambda s: store.set_conflict_state(s, conflict_id, state, by=self.user, note=note)
        )

    def export(self, out: Path, fmt: str, statuses: Sequence[str]) -> int:
        """Writes the report; the file is only created once the report is complete."""
        from claimtrack.report import write_report

        buffer = io.StringIO()
        count = self._run(lambda s: write_report(s, buffer, fmt=fmt, statuses=list(statuses)))
        out.expanduser().write_text(buffer.getvalue(), encoding="utf-8", newline="")
        return count


def _detail(session: Session, claim_id: int) -> ClaimDetail:
    claim = store.get_claim(session, claim_id)
    related = store.related_claims(session, [claim_id])[claim_id]
    others = {c.id: c for c in browse.claims_by_ids(session, [r.claim_id for r in related])}
    # Titles only: list_documents would count every document's claims (a scan of the claim
    # table, ~40 ms at 100k claims) on each cursor rest.
    titles = browse.document_labels(session, {c.document_id for c in others.values()})
    return ClaimDetail(
        claim=claim,
        document=store.get_document(session, claim.document_id),
        sources=store.list_sources(session, [claim_id])[claim_id],
        history=store.history(session, claim_id),
        related=[
            RelatedClaim(
                r.claim_id,
                r.relation,
                r.status,
                others[r.claim_id].span,
                titles.get(r.document_id, f"document {r.document_id}"),
            )
            for r in related
            if r.claim_id in others
        ],
        open_conflicts=len(browse.open_conflict_ids(session, [claim_id])),
    )


def _open_conflicts(session: Session) -> list[ConflictView]:
    conflicts = store.list_conflicts(session, "open")
    members = conflict_claim_ids(session, [c.id for c in conflicts if c.id is not None])
    views = []
    for conflict in conflicts:
        claims = browse.claims_by_ids(session, members.get(conflict.id or -1, []))
        sides = [ConflictSide(c, store.get_document(session, c.document_id)) for c in claims]
        views.append(ConflictView(conflict, sides))
    return views


def published(doc: Document) -> str:
    return doc.published.isoformat() if isinstance(doc.published, dt.date) else "date unknown"
