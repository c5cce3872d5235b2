"""Which claims get compared: blocks by kind, unit dimension and subject words, never all pairs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, Table, and_, false, or_
from sqlalchemy import select as sa_select
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from claimtrack.check import values
from claimtrack.check.rows import KEYLESS, UNIT_WORDS, Row
from claimtrack.models import Claim, Document

# A word shared by more claims than this, in one dimension, says nothing about sameness
# (the IDF of such a word is near zero); pairs that share only such words are not compared.
BLOCK_CAP = 400

Block = tuple[str, str]


def blocks_of(row: Row) -> list[Block]:
    if row.dim is None:
        return []
    return [(row.dim[0], key) for key in row.block_keys]


def all_pairs_in_blocks(rows: list[Row]) -> set[tuple[int, int]]:
    """Index pairs (i < j) from different documents sharing a block no larger than BLOCK_CAP."""
    blocks: dict[Block, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        for block in blocks_of(row):
            blocks[block].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > BLOCK_CAP:
            continue
        for n, i in enumerate(members):
            doc = rows[i].document_id
            for j in members[n + 1 :]:
                if rows[j].document_id != doc:
                    pairs.add((i, j) if i < j else (j, i))
    return pairs


def pairs_for(new: list[Row], pool: list[Row]) -> list[tuple[Row, Row]]:
    """(new, other) pairs sharing a block, with block sizes counted over new + pool exactly as
    a full run counts them (the pool must hold every stored claim in those blocks)."""
    sizes: dict[Block, int] = defaultdict(int)
    seen: set[int] = set()
    for row in [*new, *pool]:
        if row.id in seen:
            continue
        seen.add(row.id)
        for block in blocks_of(row):
            sizes[block] += 1
    by_block: dict[Block, list[Row]] = defaultdict(list)
    new_ids = {r.id for r in new}
    for row in pool:
        if row.id not in new_ids:
            for block in blocks_of(row):
                if sizes[block] <= BLOCK_CAP:
                    by_block[block].append(row)
    out: dict[tuple[int, int], tuple[Row, Row]] = {}
    for row in new:
        for block in blocks_of(row):
            if sizes[block] > BLOCK_CAP:
                continue
            for other in by_block.get(block, ()):
                if other.document_id != row.document_id:
                    out.setdefault((row.id, other.id), (row, other))
    return list(out.values())


def _like_prefix(word: str) -> str:
    # The extractor stems its own way ("countries" vs "country"): match on a shorter prefix.
    return word[: max(4, len(word) - 2)]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _contains(column: Any, word: str) -> ColumnElement[bool]:
    return col(column).ilike(f"%{_escape(word)}%", escape="\\")


def _keyless_condition() -> ColumnElement[bool]:
    forms = sorted(UNIT_WORDS | {w + "s" for w in UNIT_WORDS})
    return or_(
        col(Claim.subject_key).is_(None),
        col(Claim.subject_key) == "",
        col(Claim.subject_key).in_(forms),
    )


def _condition(row: Row) -> ColumnElement[bool]:
    """A superset, in SQL, of the stored claims sharing a block with ``row``."""
    ors: list[ColumnElement[bool]] = []
    for key in sorted(row.block_keys):
        if key == KEYLESS:
            ors.append(_keyless_condition())
        elif row.kind == "quote":
            ors.append(_contains(Claim.span, key))
        else:
            prefix = _like_prefix(key)
            ors.append(_contains(Claim.subject_key, prefix))
            ors.append(and_(col(Claim.subject_key).is_(None), _contains(Claim.subject, prefix)))
    if row.dim is not None and row.dim[0].startswith("count:"):
        noun = row.dim[0].removeprefix("count:")
        for stem_form in values.count_nouns(noun):
            ors.append(col(Claim.unit).ilike(f"{_escape(_like_prefix(stem_form))}%", escape="\\"))
    narrow: list[ColumnElement[bool]] = [col(Claim.kind) == row.kind]
    if row.kind == "money":
        narrow.append(col(Claim.unit) == row.unit)
    return and_(*narrow, or_(*ors) if ors else false())


def fetch_pool(session: Session, new: list[Row]) -> list[Row]:
    """Every stored claim that shares a block with one of ``new`` (others filtered out later)."""
    conditions = [_condition(r) for r in new if r.dim is not None]
    if not conditions:
        return []
    query = row_query().where(or_(*conditions))
    return rows_from(session.connection().execute(query).all())


_ROW_COLUMNS = (
    "id", "document_id", "kind", "text", "span", "value", "value_max", "unit", "qualifier",
    "date", "subject", "subject_key", "speaker",
)  # fmt: skip


def row_query() -> Select[Any]:
    """The columns a Row is built from, in its field order, with the document's title and date."""
    claim_table: Table = Claim.__table__  # type: ignore[attr-defined]
    doc_table: Table = Document.__table__  # type: ignore[attr-defined]
    claim, doc = claim_table.c, doc_table.c
    columns = [claim[name] for name in _ROW_COLUMNS] + [doc.title, doc.published]
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
