"""Which claims get compared: blocks by kind, unit dimension and subject words, never all pairs."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Select, Table, func, literal
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from claimtrack.check import terms, text
from claimtrack.check.rows import Row
from claimtrack.models import Claim, Document

# A word shared by more claims of one kind than this says nothing about sameness (its IDF is
# near zero); pairs that share only such words are not compared. Counted per kind, not per
# dimension, so the incremental check counts it from the claim_term index alone.
BLOCK_CAP = 80
# The opening of a document names the people, places and bodies of its story; reading the
# rest of a long article adds little to that and costs its whole text.
STORY_CHARS = 2000
LOAD_BATCH = 5000

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
    # One pass: the claims of each (kind, key), whose length is the count the cap is about.
    by_tally: dict[Tally, list[int]] = defaultdict(list)
    for i, row in enumerate(rows):
        kind = row.kind
        for key in row.block_keys:
            by_tally[(kind, key)].append(i)
    # A block can hold claims of two kinds (durations written as counts of months); a key only
    # one claim of its kind holds can still pair across kinds, in such a dimension only.
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        if row.dim is not None:
            kinds_of[row.dim[0]].add(row.kind)
    shared = {dim for dim, kinds in kinds_of.items() if len(kinds) > 1}
    blocks: dict[Block, list[int]] = defaultdict(list)
    for (_, key), members in by_tally.items():
        if len(members) > BLOCK_CAP:
            continue
        if len(members) == 1:
            dim = rows[members[0]].dim
            if dim is not None and dim[0] in shared:
                blocks[(dim[0], key)].append(members[0])
            continue
        for i in members:
            dim = rows[i].dim
            if dim is not None:
                blocks[(dim[0], key)].append(i)
    pairs: set[tuple[int, int]] = set()
    docs = [row.document_id for row in rows]
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort()
        for n, i in enumerate(members):
            doc = docs[i]
            pairs.update((i, j) for j in members[n + 1 :] if docs[j] != doc)
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

    Both come from the claim_term index (``new`` must be in it already): for each of the new
    claims' terms, at most BLOCK_CAP + 1 claims, which tells a usable term from a common one
    without counting the common one in full. Only the claims worth comparing are read.
    """
    wanted = {terms.term(r.kind, k) for r in new if r.dim is not None for k in r.block_keys}
    found = terms.postings(session.connection(), wanted, BLOCK_CAP + 1)
    sizes: Counter[Tally] = Counter()
    ids: set[int] = set()
    for name, claims in found.items():
        sizes[terms.split(name)] = len(claims)
        if len(claims) <= BLOCK_CAP:
            ids.update(claims)
    docs = {r.document_id for r in new}
    ids -= {r.id for r in new}
    pool = [r for r in load_ids(session, ids) if r.document_id not in docs]
    return pool, sizes


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


def attach_stories(session: Session, rows: list[Row]) -> list[Row]:
    """Each row gets its document's Story (one object per document)."""
    ids = sorted({r.document_id for r in rows})
    doc = Document.__table__.c  # type: ignore[attr-defined]
    stories: dict[int, text.Story] = {}
    for i in range(0, len(ids), 500):
        query = sa_select(doc.id, func.substr(doc.text, 1, STORY_CHARS)).where(
            doc.id.in_(ids[i : i + 500])
        )
        for doc_id, body in session.connection().execute(query):
            stories[doc_id] = text.Story(body or "")
    for row in rows:
        row.story = stories.get(row.document_id)
    return rows


def load_all(session: Session) -> list[Row]:
    # From the cursor in batches: the driver's rows are not all held beside the checker's.
    result = session.connection().execute(row_query().order_by(col(Claim.id)))
    rows = [Row(*r) for part in result.partitions(LOAD_BATCH) for r in part]
    return attach_stories(session, rows)


def load_document(session: Session, document_id: int) -> list[Row]:
    query = row_query().where(col(Claim.document_id) == document_id).order_by(col(Claim.id))
    return attach_stories(session, rows_from(session.connection().execute(query).all()))


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
    return attach_stories(session, out)
