"""Which claims get compared: blocks by kind, unit dimension and subject words, never all pairs."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Select, Table, literal, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from claimtrack.check import text
from claimtrack.check.rows import KEYLESS, PAIR, UNIT_WORDS, Row, word_pairs
from claimtrack.models import Claim, Document

# A word shared by more claims of one kind than this says nothing about sameness (its IDF is
# near zero); pairs that share only such words are not compared. Counted per kind, not per
# dimension, so the incremental check can count from the (kind, subject_key) index alone.
BLOCK_CAP = 80

Block = tuple[str, str]  # (dimension, key): the claims compared with each other
Tally = tuple[str, str]  # (kind, key): what the cap counts
_KEYLESS_MAX = 24  # a subject of unit words only ("months", "people") is short


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

    Subjects are read from the (kind, subject_key) index alone; only the few claims worth
    comparing are then read in full.
    """
    mine = [r for r in new if r.dim is not None]
    quotes = [r for r in mine if r.kind == "quote"]
    others = [r for r in mine if r.kind != "quote"]
    wanted, sizes = _quote_pool(session, quotes) if quotes else (set(), Counter())
    if others:
        found, counted = _subject_pool(session, others)
        wanted |= found
        sizes.update(counted)
    docs = {r.document_id for r in new}
    pool = [r for r in load_ids(session, wanted) if r.document_id not in docs]
    return pool, sizes


_LETTER = "A-Za-zÀ-ÖØ-öø-ÿ"


def _word_start_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    """Matches a subject holding a word that may stem to one of ``keys``."""
    prefixes = sorted({k[: max(4, len(k) - 2)] for k in keys}, key=len, reverse=True)
    body = "|".join(re.escape(p) for p in prefixes) or "(?!)"
    return re.compile(rf"(?<![{_LETTER}])(?:{body})", re.IGNORECASE)


def _subject_pool(session: Session, mine: list[Row]) -> tuple[set[int], Counter[Tally]]:
    conn = session.connection()
    kinds = sorted({r.kind for r in mine})
    words = {k for r in mine for k in r.block_keys if k != KEYLESS and PAIR not in k}
    might = _word_start_pattern(words)
    keyless = any(KEYLESS in r.block_keys for r in mine)
    # Each stored subject once per kind with its count; exact keys only for the likely ones.
    counts: Counter[tuple[str, bool, str | None]] = Counter()
    in_kinds = col(Claim.kind).in_(kinds)
    no_key = col(Claim.subject_key).is_(None)
    for kind, value in conn.execute(
        sa_select(col(Claim.kind), col(Claim.subject_key)).where(in_kinds, ~no_key)
    ).all():
        if value is not None and (might.search(value) or (keyless and len(value) <= _KEYLESS_MAX)):
            counts[(kind, True, value)] += 1
    for kind, value in conn.execute(
        sa_select(col(Claim.kind), col(Claim.subject)).where(in_kinds, no_key)
    ).all():
        if value is None or might.search(value) or (keyless and len(value) <= _KEYLESS_MAX):
            counts[(kind, False, value)] += 1
    # Count only the keys the new claims hold, and never work out a stored subject's keys in
    # full: most share just one common word with the new claims.
    sizes: Counter[Tally] = Counter()
    shared_of: dict[tuple[str, bool, str | None], set[str]] = {}
    pairs_wanted = {k for r in mine for k in r.block_keys if PAIR in k}
    for (kind, is_key, value), n in counts.items():
        plain = text.subject_words(value, None) if is_key else text.subject_words(None, value)
        plain -= UNIT_WORDS
        shared = plain & words
        if len(shared) >= 2:
            shared |= word_pairs(plain) & pairs_wanted
        if keyless and not plain:
            shared = {KEYLESS}
        if shared:
            shared_of[(kind, is_key, value)] = shared
            for key in shared:
                sizes[(kind, key)] += n
    usable = {(r.kind, k) for r in mine for k in r.block_keys if sizes[(r.kind, k)] <= BLOCK_CAP}
    chosen: dict[tuple[str, bool], list[str | None]] = defaultdict(list)
    for (kind, is_key, value), shared in shared_of.items():
        if any((kind, k) in usable for k in shared):
            chosen[(kind, is_key)].append(value)
    ids: set[int] = set()
    for (kind, is_key), values in chosen.items():
        of_kind = col(Claim.kind) == kind
        column = col(Claim.subject_key) if is_key else col(Claim.subject)
        present = [v for v in values if v is not None]
        for chunk in _chunks(present):
            ids |= _ids(conn, of_kind, column.in_(chunk), *([] if is_key else [no_key]))
        if len(present) < len(values):  # neither subject nor key
            ids |= _ids(conn, of_kind, no_key, col(Claim.subject).is_(None))
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
