"""The checker's word index (claim_term): which claims hold a term, and how many do.

A term is a claim's kind and one of its block keys ("count:soldier", "quote:victory plan"): two
claims are compared only if they share one that few claims of that kind hold. The checker stores
a claim's terms when it first checks the claim's document; a new document then finds its
candidates, and how common each of its terms is, by look-ups on the term index instead of a scan.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, delete, insert, select, text
from sqlmodel import col

from claimtrack.check.rows import claim_keys
from claimtrack.models import ClaimTerm

SEP = ":"
CHUNK = 500
INSERT_CHUNK = 20_000
BIG_INSERT = 50_000  # rows; from here on the page cache is enlarged while they go in
BIG_CACHE_KIB = 32768
# SQLite allows at most 500 terms in one compound SELECT.
LOOKUP_CHUNK = 200


# Marks an index built with this checker's block keys: a claim_term row of this name. An
# index without it was built by an older checker, with other keys, and is rebuilt whole by the
# next check (claim_keys changes whenever how claims are blocked changes; bump this then).
KEYS_VERSION = "~keys:3"


def current(conn: Connection) -> bool:
    """True when the stored terms are this checker's (or there are no claims to index)."""
    table = ClaimTerm.__table__  # type: ignore[attr-defined]
    found = conn.execute(select(table.c.term).where(table.c.term == KEYS_VERSION).limit(1))
    if found.first() is not None:
        return True
    return conn.execute(text("SELECT 1 FROM claim LIMIT 1")).first() is None


def mark_current(conn: Connection) -> None:
    """Record that the index holds this checker's terms, on the first stored claim."""
    if current(conn):
        return
    first = conn.execute(text("SELECT min(id) FROM claim")).scalar()
    if first is not None:
        conn.execute(insert(ClaimTerm), [{"term": KEYS_VERSION, "claim_id": int(first)}])


def term(kind: str, key: str) -> str:
    return f"{kind}{SEP}{key}"


def split(found: str) -> tuple[str, str]:
    kind, _, key = found.partition(SEP)
    return kind, key


KEPT = col(ClaimTerm.term) != KEYS_VERSION  # re-indexing a claim keeps the version mark


def _chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


Keyed = tuple[int, str, tuple[str, ...]]  # (claim id, kind, block keys)


def store(conn: Connection, claims: Sequence[Keyed], replace: bool) -> int:
    """Store the terms of (claim id, kind, block keys); ``replace`` drops what they had first.

    The term rows are made as they are inserted: a full run's half a million of them never
    sit in memory at once."""
    if replace:
        for chunk in _chunks([c[0] for c in claims], CHUNK):
            conn.execute(delete(ClaimTerm).where(col(ClaimTerm.claim_id).in_(chunk), KEPT))
    count = sum(len(keys) for _, _, keys in claims)
    rows = ((term(kind, k), claim_id) for claim_id, kind, keys in claims for k in keys)
    if conn.dialect.name == "sqlite":
        _insert_sqlite(conn, rows, count)
    else:
        batch: list[dict[str, Any]] = []
        for t, c in rows:
            batch.append({"term": t, "claim_id": c})
            if len(batch) == INSERT_CHUNK:
                conn.execute(insert(ClaimTerm), batch)
                batch = []
        if batch:
            conn.execute(insert(ClaimTerm), batch)
    return count


def _insert_sqlite(conn: Connection, rows: Iterable[tuple[str, int]], count: int) -> None:
    """A full run stores half a million terms: straight through the driver, inside the same
    transaction (the statement layer's per-row parameter handling cost more than SQLite's
    insert), with a page cache large enough for both indexes, so SQLite need not spill
    half-written pages to the log and read them back."""
    raw = conn.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        big = count > BIG_INSERT
        if big:
            old = cursor.execute("PRAGMA cache_size").fetchone()[0]
            cursor.execute(f"PRAGMA cache_size = {-BIG_CACHE_KIB}")
        cursor.executemany("INSERT INTO claim_term (term, claim_id) VALUES (?, ?)", rows)
        if big:
            cursor.execute(f"PRAGMA cache_size = {int(old)}")
    finally:
        cursor.close()


def index_all_claims(conn: Connection) -> int:
    """Terms of every stored claim (the migration that made the table fills it with this).

    Plain SQL on the columns the subject keys come from, so it does not depend on later
    models. It leaves no version mark: the first check rebuilds the index with the keys it
    blocks on then (which also read the claims' sentences).
    """
    found = conn.execute(text("SELECT id, kind, span, subject_key, subject FROM claim"))
    claims = [(i, kind, claim_keys(kind, span, key, subj)) for i, kind, span, key, subj in found]
    conn.execute(delete(ClaimTerm))
    return store(conn, claims, replace=False)


def postings(conn: Connection, terms: Iterable[str], limit: int) -> dict[str, list[int]]:
    """Up to ``limit`` claim ids per term: one range of the index each, however common the term
    (a term found ``limit`` times is too common to block on, and its full count is not needed)."""
    wanted = sorted(set(terms))
    if conn.dialect.name == "sqlite":
        return _postings_sqlite(conn, wanted, limit)
    out: dict[str, list[int]] = {t: [] for t in wanted}
    for chunk in _chunks(wanted, LOOKUP_CHUNK):
        # Written out rather than built as an expression: compiling a union of a few hundred
        # selects cost more than running it.
        arms = " UNION ALL ".join(
            f"(SELECT term, claim_id FROM claim_term WHERE term = :t{n} LIMIT :limit)"
            for n in range(len(chunk))
        )
        params: dict[str, Any] = {f"t{n}": t for n, t in enumerate(chunk)} | {"limit": limit}
        for found, claim_id in conn.execute(text(arms), params):
            out[found].append(claim_id)
    return out


def _postings_sqlite(conn: Connection, wanted: list[str], limit: int) -> dict[str, list[int]]:
    """One prepared look-up per term through the driver: each reads one short range of the
    primary key, which SQLite answers in microseconds."""
    raw = conn.connection.driver_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        query = "SELECT claim_id FROM claim_term WHERE term = ? LIMIT ?"
        return {t: [c for (c,) in cursor.execute(query, (t, limit))] for t in wanted}
    finally:
        cursor.close()
