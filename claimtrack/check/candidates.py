"""Which claims get compared: blocks by kind, unit dimension and subject words, never all pairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Select, Table, func, literal, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from claimtrack.check.rows import Row, subject_block_keys
from claimtrack.models import Claim, Document

# A word shared by more claims of one kind than this says nothing about sameness (its IDF is
# near zero); pairs that share only such words are not compared. Counted per kind, not per
# dimension, so the incremental check can count from the (kind, subject_key) index alone.
BLOCK_CAP = 150

Block = tuple[str, str]  # (dimension, key): the claims compared with each other
Tally = tuple[str, str]  # (kind, key): what the cap counts


def tally(rows: Iterable[Row]) -> Counter[Tally]:
    sizes: Counter[Tally] = Counter()
    for row in rows:
        sizes.update((row.kind, key) for key in row.block_keys)
    return sizes


def blocks_of(row: Row, sizes: Mapping[Tally, int]) -> list[Block]:
    """The blocks a claim takes part in: its keys that are not too common among its kind."""
    if row.dim is None:
        return []
    dim = row.dim[0]
    return [(dim, k) for k in row.block_keys if sizes.get((row.kind, k), 0) <= BLOCK_CAP]


def all_pairs_in_blocks(rows: list[Row]) -> set[tuple[int, int]]:
    """Index pairs (i < j) of claims from different documents that share a block."""
    sizes = tally(rows)
    blocks: dict[Block, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for block in blocks_of(row, sizes):
            blocks[block].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        for n, i in enumerate(members):
            doc = rows[i].document_id
            for j in members[n + 1 :]:
                if rows[j].document_id != doc:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def pairs_for(new: list[Row], pool: list[Row], sizes: Mapping[Tally, int]) -> list[tuple[Row, Row]]:
    """(new, other) pairs sharing a block, with the sizes a full run would count."""
    by_block: dict[Block, list[Row]] = defaultdict(list)
    new_ids = {r.id for r in new}
    for row in pool:
        if row.id not in new_ids:
            for block in blocks_of(row, sizes):
                by_block[block].append(row)
    out: dict[tuple[int, int], tuple[Row, Row]] = {}
    for row in new:
        for block in blocks_of(row, sizes):
            for other in by_block.get(block, ()):
                if other.document_id != row.document_id:
                    out.setdefault((row.id, other.id), (row, other))
    return list(out.values())


def fetch_pool(session: Session, new: list[Row]) -> tuple[list[Row], Counter[Tally]]:
    """The stored claims sharing a block with one of ``new``, and the counts behind the cap.

    Subjects are counted from the (kind, subject_key) index, grouped, so no sentence is read
    until the few claims worth comparing are known.
    """
    sizes: Counter[Tally] = Counter()
    wanted: set[int] = set()
    kinds = sorted({r.kind for r in new if r.dim is not None})
    for kind in kinds:
        mine = [r for r in new if r.kind == kind]
        if kind == "quote":
            found, counted = _quote_pool(session, mine)
        else:
            found, counted = _subject_pool(session, kind, mine)
        wanted |= found
        sizes.update(counted)
    docs = {r.document_id for r in new}
    pool = [r for r in load_ids(session, wanted) if r.document_id not in docs]
    return pool, sizes


def _subject_pool(session: Session, kind: str, mine: list[Row]) -> tuple[set[int], Counter[Tally]]:
    conn = session.connection()
    claim = col(Claim.kind) == kind
    by_key = conn.execute(
        sa_select(col(Claim.subject_key), func.count())
        .where(claim, col(Claim.subject_key).is_not(None))
        .group_by(col(Claim.subject_key))
    ).all()
    by_subject = conn.execute(
        sa_select(col(Claim.subject), func.count())
        .where(claim, col(Claim.subject_key).is_(None))
        .group_by(col(Claim.subject))
    ).all()
    sizes: Counter[Tally] = Counter()
    keys_of: dict[tuple[bool, str | None], frozenset[str]] = {}
    for is_key, rows in ((True, by_key), (False, by_subject)):
        for value, count in rows:
            keys = subject_block_keys(value, None) if is_key else subject_block_keys(None, value)
            keys_of[(is_key, value)] = keys
            for key in keys:
                sizes[(kind, key)] += count
    usable = {k for r in mine for k in r.block_keys if sizes[(kind, k)] <= BLOCK_CAP}
    keys_wanted = [v for (is_key, v), ks in keys_of.items() if is_key and ks & usable]
    subjects_wanted = [v for (is_key, v), ks in keys_of.items() if not is_key and ks & usable]
    ids: set[int] = set()
    for chunk in _chunks(keys_wanted):
        ids |= _ids(conn, claim, col(Claim.subject_key).in_(chunk))
    no_key = col(Claim.subject_key).is_(None)
    for chunk in _chunks([v for v in subjects_wanted if v is not None]):
        ids |= _ids(conn, claim, no_key, col(Claim.subject).in_(chunk))
    if None in subjects_wanted:  # neither subject nor key: the keyless block
        ids |= _ids(conn, claim, no_key, col(Claim.subject).is_(None))
    return ids, sizes


def _ids(conn: Connection, *where: ColumnElement[bool]) -> set[int]:
    found = conn.execute(sa_select(col(Claim.id)).where(*where)).scalars()
    return {i for i in found if i is not None}


def _quote_pool(session: Session, mine: list[Row]) -> tuple[set[int], Counter[Tally]]:
    """Quotes have no subject: their keys are word pairs, found in the stored span with LIKE."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    keys = sorted({k for r in mine for k in r.block_keys})
    if not keys:
        return set(), Counter()
    like = [_contains(Claim.span, k, sqlite) for k in keys]
    query = row_query(light=True).where(col(Claim.kind) == "quote", or_(*like))
    light = rows_from(session.connection().execute(query).all())
    seen = {r.id: r for r in [*mine, *light]}
    # Exact: every stored quote holding one of these keys matched the LIKE.
    counted: Counter[Tally] = Counter(
        {t: n for t, n in tally(seen.values()).items() if t[1] in keys}
    )
    usable = {k for k in keys if counted[("quote", k)] <= BLOCK_CAP}
    return {r.id for r in light if r.block_keys & usable}, counted


def _chunks(items: list[Any], size: int = 500) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: Any, word: str, sqlite: bool) -> ColumnElement[bool]:
    pattern = f"%{_escape(word)}%"
    # SQLite's LIKE already ignores ASCII case (its ILIKE, lower() on both sides, is slower);
    # PostgreSQL needs ILIKE.
    if sqlite:
        return col(column).like(pattern, escape="\\")
    return col(column).ilike(pattern, escape="\\")


_ROW_COLUMNS = (
    "id", "document_id", "kind", "text", "span", "value", "value_max", "unit", "qualifier",
    "date", "subject", "subject_key", "speaker",
)  # fmt: skip


def row_query(light: bool = False) -> Select[Any]:
    """The columns a Row is built from, in its field order, with the document's title and date.

    A light query leaves the sentence out: enough to place a claim in its blocks.
    """
    claim_table: Table = Claim.__table__  # type: ignore[attr-defined]
    doc_table: Table = Document.__table__  # type: ignore[attr-defined]
    claim, doc = claim_table.c, doc_table.c
    columns: list[Any] = [claim[name] for name in _ROW_COLUMNS] + [doc.title, doc.published]
    if light:
        columns[_ROW_COLUMNS.index("text")] = literal("").label("text")
    return sa_select(*columns).join_from(claim_table, doc_table, doc.id == claim.document_id)


def rows_from(results: Iterable[Any]) -> list[Row]:
    return [Row(*r) for r in results]


def load_all(session: Session) -> list[Row]:
    return rows_from(session.connection().execute(row_query().order_by(col(Claim.id))).all())


def load_document(session: Session, document_id: int) -> list[Row]:
    query = row_query().where(col(Claim.document_id) == document_id).order_by(col(Claim.id))
    return rows_from(session.connection().execute(query).all())


def load_ids(session: Session, ids: Iterable[int]) -> list[Row]:
    wanted = sorted(set(ids))
    out: list[Row] = []
    for i in range(0, len(wanted), 500):
        chunk = wanted[i : i + 500]
        out.extend(
            rows_from(
                session.connection().execute(row_query().where(col(Claim.id).in_(chunk))).all()
            )
        )
    return out
