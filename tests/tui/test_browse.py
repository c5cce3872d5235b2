"""The table's queries: keyset pages (after / before a key) and far jumps (OFFSET from either
end) give exactly the rows of one full ordered query, for every sort, both directions, on
SQLite and PostgreSQL."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from claimtrack import store
from claimtrack.models import Claim, Document
from claimtrack.store.browse import (
    SORTS,
    BrowseQuery,
    count_rows,
    fetch_page,
    fingerprint,
    row_index,
)
from claimtrack.store.claims import ClaimFilter
from claimtrack.store.errors import InvalidInput

KINDS = ("count", "money", "quote")


def fill(engine: Engine, docs: int = 5, per_doc: int = 45) -> None:
    rng = random.Random(3)
    with Session(engine) as session:
        for d in range(docs):
            text = " ".join(f"w{i:03d}" for i in range(per_doc))
            claims = [
                Claim(
                    kind=rng.choice(KINDS),
                    text=text,
                    span=text[i * 5 : i * 5 + 4] if rng.random() < 0.7 else "same",
                    start=i * 5,
                    end=i * 5 + 4,
                    value=rng.choice([None, 1.0, 2.5, float(rng.randint(0, 9))]),
                    subject=rng.choice([None, "fund", "soldiers"]),
                    speaker=rng.choice([None, "Ana"]),
                    status=rng.choice(["unverified", "verified", "false"]),
                )
                for i in range(per_doc)
            ]
            store.add_document(session, Document(sha256=f"{d:064x}", text=text), claims)
        session.commit()


def walk_forward(session: Session, query: BrowseQuery, size: int) -> list[int]:
    ids: list[int] = []
    page = fetch_page(session, query, limit=size)
    while page:
        ids += [r.id for r in page]
        page = fetch_page(session, query, limit=size, after=page[-1].key)
    return ids


def walk_backward(session: Session, query: BrowseQuery, size: int, total: int) -> list[int]:
    reverse = replace(query, descending=not query.descending)
    page = list(reversed(fetch_page(session, reverse, limit=size)))  # the last rows
    ids: list[int] = []
    while page:
        ids = [r.id for r in page] + ids
        page = fetch_page(session, query, limit=size, before=page[0].key)
    assert len(ids) == total
    return ids


@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_match_one_full_query(engine: Engine, descending: bool) -> None:
    fill(engine, docs=3, per_doc=30)
    with Session(engine) as session:
        cases = [
            (sort, flt) for sort in SORTS for flt in (ClaimFilter(), ClaimFilter(kind="money"))
        ]
        cases += [("value", ClaimFilter(search="w01")), ("subject", ClaimFilter(status="false"))]
        for sort, flt in cases:
            query = BrowseQuery(flt, sort=sort, descending=descending)
            full = [r.id for r in fetch_page(session, query, limit=10_000)]
            total = count_rows(session, query)
            assert len(full) == total > 0, (sort, flt)
            assert walk_forward(session, query, 11) == full, (sort, flt)
            assert walk_backward(session, query, 9, total) == full, (sort, flt)
            for offset in (0, 5, total // 2, total - 3):
                page = fetch_page(session, query, limit=7, offset=offset)
                assert [r.id for r in page] == full[offset : offset + 7]
            for position in (0, total // 3, total - 1):
                assert row_index(session, query, full[position]) == position


def test_orders_are_what_the_columns_say(engine: Engine) -> None:
    fill(engine, docs=2, per_doc=30)
    with Session(engine) as session:
        by_value = fetch_page(session, BrowseQuery(sort="value"), limit=1000)
        values = [r.value for r in by_value]
        assert values == sorted(values, key=lambda v: -1e300 if v is None else v)
        by_doc = fetch_page(session, BrowseQuery(sort="document", descending=True), limit=1000)
        assert [(r.document_id, r.start) for r in by_doc] == sorted(
            ((r.document_id, r.start) for r in by_doc), reverse=True
        )


def test_row_index_of_a_filtered_out_claim_is_none(engine: Engine) -> None:
    fill(engine, docs=1, per_doc=10)
    with Session(engine) as session:
        rows = fetch_page(session, BrowseQuery(ClaimFilter(status="verified")), limit=100)
        other = next(
            r for r in fetch_page(session, BrowseQuery(), limit=100) if r.status != "verified"
        )
        assert (
            rows
            and row_index(session, BrowseQuery(ClaimFilter(status="verified")), other.id) is None
        )


def test_unknown_sort_is_refused(engine: Engine) -> None:
    with Session(engine) as session, pytest.raises(InvalidInput, match="sort 'colour'"):
        fetch_page(session, BrowseQuery(sort="colour"), limit=1)


def test_fingerprint_changes_with_claims_and_statuses(engine: Engine) -> None:
    fill(engine, docs=1, per_doc=3)
    with Session(engine) as session:
        first = fingerprint(session)
        claim_id = fetch_page(session, BrowseQuery(), limit=1)[0].id
        store.set_status(session, claim_id, "false", by="ana")
        session.commit()
        second = fingerprint(session)
        assert second != first and second.max_change_id > first.max_change_id
        assert fingerprint(session) == second


def test_search_selects_what_the_cli_search_selects(engine: Engine) -> None:
    """browse's search (LIKE on SQLite) and claims.filtered's (lower() LIKE lower()) agree."""
    texts = ["Ärzte said 50% of Straße", "ärzte_x and ÄRZTE", "back\\slash 5_0", "Mixed CASE"]
    with Session(engine) as session:
        claims = [
            Claim(kind="count", text=t, span=t[:6], start=0, end=6, subject=t[-5:], speaker=None)
            for t in texts
        ]
        store.add_document(session, Document(sha256="a" * 64, text=" ".join(texts)), claims)
        session.commit()
        for search in ["ärzte", "ÄRZTE", "Ärzte", "50%", "5_0", "_", "%", "\\", "case", "CASE"]:
            flt = ClaimFilter(search=search)
            expected = {c.id for c in store.list_claims(session, flt)}
            rows = fetch_page(session, BrowseQuery(flt), limit=100)
            assert {r.id for r in rows} == expected, search
            assert count_rows(session, BrowseQuery(flt)) == len(expected), search


def test_kept_claims_stay_in_the_selection_and_within_narrows(engine: Engine) -> None:
    fill(engine, docs=1, per_doc=20)
    with Session(engine) as session:
        everything = fetch_page(session, BrowseQuery(), limit=100)
        outside = next(r for r in everything if r.status != "false")
        query = BrowseQuery(ClaimFilter(status="false"))
        kept = replace(query, keep=frozenset({outside.id}))
        assert outside.id not in {r.id for r in fetch_page(session, query, limit=100)}
        rows = fetch_page(session, kept, limit=100)
        assert outside.id in {r.id for r in rows}
        assert [r.id for r in rows] == sorted(r.id for r in rows)  # still in document order
        assert count_rows(session, kept) == count_rows(session, query) + 1
        assert row_index(session, kept, outside.id) == [r.id for r in rows].index(outside.id)
        some = {r.id for r in rows[:3]}
        assert {r.id for r in fetch_page(session, query, limit=100, within=some)} == some - {
            outside.id
        }


def test_fingerprint_changes_with_sources_and_notes(engine: Engine) -> None:
    fill(engine, docs=1, per_doc=3)
    with Session(engine) as session:
        claim_id = fetch_page(session, BrowseQuery(), limit=1)[0].id
        first = fingerprint(session)
        store.add_source(session, claim_id, "https://example.org/a", title=None, note=None, by="bo")
        session.commit()
        second = fingerprint(session)
        assert second != first and second.sources == first.sources + 1
        store.add_note(session, claim_id, "called them", by="bo")
        session.commit()
        assert fingerprint(session) != second


def test_document_picker_query_narrows_counts_and_leads_with_the_claims_document(
    engine: Engine,
) -> None:
    from claimtrack.store.document_pick import pick_documents

    fill(engine, docs=4, per_doc=5)
    with Session(engine) as session:
        store.add_document(
            session,
            Document(title="Late [b]wire[/b]", source="Wire", sha256="e" * 64, text="x"),
            [],
        )
        session.commit()
        everything = pick_documents(session, None, limit=3, first=4)
        assert everything.matching == 5 and len(everything.documents) == 3
        assert everything.documents[0].id == 4  # the claim's document leads
        assert {d.claims for d in everything.documents} == {5}
        found = pick_documents(session, "WIRE", limit=10)
        assert [(d.label, d.claims) for d in found.documents] == [("Late [b]wire[/b]", 0)]
        assert [d.id for d in pick_documents(session, "#2", limit=10).documents] == [2]
        assert pick_documents(session, "%", limit=10).matching == 0  # a literal %
