"""Paged, sorted, filtered claim rows for a table that shows a few dozen of 100k+ claims.

Pages come by keyset ("the rows after this key" / "before this key"), so reading on from a
page already shown costs one index range scan however deep it is. A jump to a row far from
any page in hand (the scrollbar dragged to the middle, End) falls back to OFFSET once; the
caller then continues by keyset from the keys of that page.

Plain functions over a Session; no UI import.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    tuple_,
)
from sqlmodel import Session, col
from sqlmodel import select as sql_select

from claimtrack.models import (
    Claim,
    ClaimLink,
    Conflict,
    ConflictClaim,
    ConflictState,
    Document,
    Source,
    StatusChange,
)
from claimtrack.store.claims import ClaimFilter, filtered
from claimtrack.store.errors import InvalidInput

# A missing value sorts below every real one; NULL would break the row-value comparison.
_NO_VALUE = -1.0e300

Key = tuple[Any, ...]

# Columns selected before the sort key columns (see _base).
_FIELDS = 13


def _open_conflict_expr() -> ColumnElement[Any]:
    # 1 when the claim is in an open conflict: sorts flagged claims together.
    flagged = exists(
        select(literal(1))
        .select_from(ConflictClaim)
        .join(Conflict, col(Conflict.id) == col(ConflictClaim.conflict_id))
        .where(
            col(ConflictClaim.claim_id) == col(Claim.id),
            col(Conflict.state) == ConflictState.open.value,
        )
    )
    return func.coalesce(select(literal(1)).where(flagged).scalar_subquery(), 0)


def _sort_columns(sort: str) -> list[Any]:
    """The ORDER BY of a sort name, before the id tiebreaker."""
    if sort == "document":
        return [col(Claim.document_id), col(Claim.start)]
    if sort == "kind":
        return [col(Claim.kind)]
    if sort == "claim":
        return [col(Claim.span)]
    # The constants are written into the SQL, not bound: an expression index on exactly these
    # expressions (see the TUI report of issue 6) can then serve the sort.
    if sort == "value":
        return [func.coalesce(col(Claim.value), literal_column(repr(_NO_VALUE)))]
    if sort == "subject":
        return [func.coalesce(col(Claim.subject), col(Claim.speaker), literal_column("''"))]
    if sort == "status":
        return [col(Claim.status)]
    if sort == "flags":
        return [_open_conflict_expr()]
    if sort == "id":
        return []
    raise InvalidInput(f"sort {sort!r}: not one of {', '.join(SORTS)}")


SORTS = ("document", "kind", "claim", "value", "subject", "status", "flags", "id")


@dataclass(frozen=True, slots=True)
class BrowseQuery:
    """What the table shows: a filter and an order.

    `keep` holds claims shown whatever the filter says: one the checker has just marked out
    of a status filter stays in place (so the next key still acts on it) until the cursor
    leaves it; a reload while it is kept must not pull it from under the cursor."""

    flt: ClaimFilter = field(default_factory=ClaimFilter)
    sort: str = "document"
    descending: bool = False
    keep: frozenset[int] = frozenset()

    def key_columns(self) -> list[Any]:
        return [*_sort_columns(self.sort), col(Claim.id)]


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One table row: the claim's own fields plus what the markers need."""

    id: int
    document_id: int
    kind: str
    span: str
    start: int
    end: int
    value: float | None
    value_max: float | None
    unit: str | None
    qualifier: str | None
    subject: str | None
    speaker: str | None
    status: str
    document: str
    open_conflict: bool
    related: tuple[str, ...]
    key: Key

    def with_status(self, status: str) -> ClaimRow:
        return replace(self, status=status)


def _base(
    session: Session, query: BrowseQuery, within: Collection[int] | None = None
) -> tuple[Select[Any], list[ColumnElement[Any]]]:
    keys = query.key_columns()
    stmt: Any = select(
        col(Claim.id),
        col(Claim.document_id),
        col(Claim.kind),
        col(Claim.span),
        col(Claim.start),
        col(Claim.end),
        col(Claim.value),
        col(Claim.value_max),
        col(Claim.unit),
        col(Claim.qualifier),
        col(Claim.subject),
        col(Claim.speaker),
        col(Claim.status),
        *keys,
    )
    stmt = _where(session, stmt, query)
    if within is not None:
        stmt = stmt.where(col(Claim.id).in_(sorted(within)))
    return stmt, keys


def _dialect(session: Session) -> str:
    return session.get_bind().dialect.name


def _search(text: str, dialect: str) -> ColumnElement[bool]:
    """claims.filtered's search, cheaper on SQLite: there LIKE already ignores ASCII case and
    lower() folds only ASCII too, so `x LIKE p` selects the same rows as `lower(x) LIKE
    lower(p)` in half the time of a full scan (a search that matches few rows reads them all).
    tests/tui/test_browse.py holds both to the same rows."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    columns = (col(Claim.text), col(Claim.span), col(Claim.subject), col(Claim.speaker))
    if dialect == "sqlite":
        return or_(*[c.like(pattern, escape="\\") for c in columns])
    return or_(*[c.ilike(pattern, escape="\\") for c in columns])


def _where(session: Session, stmt: Any, query: BrowseQuery) -> Any:
    flt = query.flt.validate()
    condition = filtered(select(literal(1)), replace(flt, search=None)).whereclause
    if flt.search:
        found = _search(flt.search, _dialect(session))
        condition = found if condition is None else and_(condition, found)
    if condition is None:
        return stmt
    if query.keep:
        condition = or_(condition, col(Claim.id).in_(sorted(query.keep)))
    return stmt.where(condition)


def _ordered(stmt: Select[Any], keys: list[ColumnElement[Any]], descending: bool) -> Select[Any]:
    return stmt.order_by(*[k.desc() if descending else k.asc() for k in keys])


def fetch_page(
    session: Session,
    query: BrowseQuery,
    *,
    limit: int,
    after: Key | None = None,
    before: Key | None = None,
    offset: int | None = None,
    within: Collection[int] | None = None,
) -> list[ClaimRow]:
    """Rows in the query's order: after a key, before a key, or from an offset (in that order
    of preference: keyset when the caller holds a neighbouring page, OFFSET for a far jump).

    `within` narrows to the given claims: a search typed further can only keep rows of the
    search before it, so when those were few, the new one need not scan the table."""
    stmt, keys = _base(session, query, within)
    if after is not None:
        stmt = stmt.where(_beyond(keys, after, forward=not query.descending))
        stmt = _ordered(stmt, keys, query.descending)
    elif before is not None:
        stmt = stmt.where(_beyond(keys, before, forward=query.descending))
        stmt = _ordered(stmt, keys, not query.descending)
    else:
        stmt = _ordered(stmt, keys, query.descending).offset(offset or 0)
    raw = list(session.execute(stmt.limit(limit)).all())
    if before is not None:
        raw.reverse()
    return _rows(session, raw, len(keys))


def _beyond(keys: list[ColumnElement[Any]], key: Key, *, forward: bool) -> ColumnElement[bool]:
    left = tuple_(*keys)
    right = tuple_(*[literal(v) for v in key])
    return left > right if forward else left < right


def _rows(session: Session, raw: Sequence[Any], nkeys: int) -> list[ClaimRow]:
    ids = [int(r[0]) for r in raw]
    titles = document_labels(session, {int(r[1]) for r in raw})
    flagged = open_conflict_ids(session, ids)
    related = related_verdicts(session, ids)
    return [
        ClaimRow(
            id=int(r[0]),
            document_id=int(r[1]),
            kind=r[2],
            span=r[3],
            start=int(r[4]),
            end=int(r[5]),
            value=r[6],
            value_max=r[7],
            unit=r[8],
            qualifier=r[9],
            subject=r[10],
            speaker=r[11],
            status=r[12],
            document=titles.get(int(r[1]), ""),
            open_conflict=int(r[0]) in flagged,
            related=tuple(related.get(int(r[0]), ())),
            key=tuple(r[_FIELDS : _FIELDS + nkeys]),
        )
        for r in raw
    ]


def document_labels(session: Session, doc_ids: set[int]) -> dict[int, str]:
    """Title (else path) of each document, without reading the article text."""
    if not doc_ids:
        return {}
    rows = session.execute(
        select(col(Document.id), col(Document.title), col(Document.path)).where(
            col(Document.id).in_(doc_ids)
        )
    ).all()
    return {int(i): (t or p or f"document {i}") for i, t, p in rows}


def open_conflict_ids(session: Session, claim_ids: list[int]) -> set[int]:
    if not claim_ids:
        return set()
    rows = session.execute(
        select(col(ConflictClaim.claim_id))
        .join(Conflict, col(Conflict.id) == col(ConflictClaim.conflict_id))
        .where(
            col(ConflictClaim.claim_id).in_(claim_ids),
            col(Conflict.state) == ConflictState.open.value,
        )
    ).all()
    return {int(r[0]) for r in rows}


def related_verdicts(session: Session, claim_ids: list[int]) -> dict[int, list[str]]:
    """For each claim, the statuses of linked claims in other documents (claim memory)."""
    out: dict[int, list[str]] = {}
    if not claim_ids:
        return out
    for mine, theirs in (
        (col(ClaimLink.claim_a), col(ClaimLink.claim_b)),
        (col(ClaimLink.claim_b), col(ClaimLink.claim_a)),
    ):
        rows = session.execute(
            select(mine, col(Claim.status))
            .join(Claim, col(Claim.id) == theirs)
            .where(mine.in_(claim_ids))
        ).all()
        for claim_id, status in rows:
            out.setdefault(int(claim_id), []).append(status)
    return out


def count_rows(session: Session, query: BrowseQuery) -> int:
    stmt = _where(session, select(func.count()).select_from(Claim), query)
    return int(session.execute(stmt).scalar_one())


def row_index(session: Session, query: BrowseQuery, claim_id: int) -> int | None:
    """Where a claim sits in the query's order (rows before it), or None if filtered out."""
    keys = query.key_columns()
    stmt = _where(session, select(*keys), query).where(col(Claim.id) == claim_id)
    found = session.execute(stmt).first()
    if found is None:
        return None
    ahead = _where(session, select(func.count()).select_from(Claim), query).where(
        _beyond(keys, tuple(found), forward=query.descending)
    )
    return int(session.execute(ahead).scalar_one())


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """Cheap to read (each part is one index lookup or a count); changes when claims are
    added or removed, a status changes, a note or a source is added, or conflicts change."""

    claims: int
    max_claim_id: int
    max_change_id: int
    changes: int
    sources: int
    max_source_id: int
    conflicts: int
    conflicts_updated: str


def fingerprint(session: Session) -> Fingerprint:
    claims, max_id = session.execute(
        select(func.count(), func.coalesce(func.max(col(Claim.id)), 0)).select_from(Claim)
    ).one()
    changes, max_change = session.execute(
        select(func.count(), func.coalesce(func.max(col(StatusChange.id)), 0)).select_from(
            StatusChange
        )
    ).one()
    sources, max_source = session.execute(
        select(func.count(), func.coalesce(func.max(col(Source.id)), 0)).select_from(Source)
    ).one()
    conflicts, updated, decided = session.execute(
        select(func.count(), func.max(col(Conflict.updated_at)), func.max(col(Conflict.decided_at)))
    ).one()
    return Fingerprint(
        claims=int(claims),
        max_claim_id=int(max_id),
        max_change_id=int(max_change or 0),
        changes=int(changes),
        sources=int(sources),
        max_source_id=int(max_source or 0),
        conflicts=int(conflicts),
        conflicts_updated=f"{updated}|{decided}",
    )


def document_claim_spans(session: Session, document_id: int) -> list[ClaimRow]:
    """A document's claims in text order, for highlighting them in the article."""
    query = BrowseQuery(ClaimFilter(document_id=document_id), sort="document")
    stmt, keys = _base(session, query)
    raw = list(session.execute(_ordered(stmt, keys, False)).all())
    return _rows(session, raw, len(keys))


def claims_by_ids(session: Session, claim_ids: list[int]) -> list[Claim]:
    if not claim_ids:
        return []
    return list(
        session.exec(
            sql_select(Claim).where(col(Claim.id).in_(claim_ids)).order_by(col(Claim.id))
        ).all()
    )
