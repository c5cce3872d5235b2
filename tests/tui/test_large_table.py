"""The table holds pages, not rows: on a few thousand claims it loads what is visible (plus a
prefetched neighbour), keeps at most CACHE_PAGES pages, and shows rows in database order
wherever the checker jumps."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, col, select

from claimtrack.db import get_engine
from claimtrack.models import Claim, Document
from claimtrack.tui.app import create_app
from claimtrack.tui.widgets.claims_table import PAGE, ClaimsTable
from tests.tui.conftest import settle

pytestmark = pytest.mark.anyio

DOCS, PER_DOC = 30, 100


@pytest.fixture
def big_db(tmp_path: Path) -> tuple[str, list[int]]:
    db = str(tmp_path / "big.db")
    engine = get_engine(db)
    with Session(engine) as session:
        for d in range(DOCS):
            text = " ".join(f"{i:04d}" for i in range(PER_DOC))
            doc = Document(sha256=f"{d:064x}", text=text, title=f"Wire {d}")
            session.add(doc)
            session.flush()
            assert doc.id is not None
            session.add_all(
                Claim(
                    document_id=doc.id,
                    kind="count",
                    text=text,
                    span=text[i * 5 : i * 5 + 4],
                    start=i * 5,
                    end=i * 5 + 4,
                    value=float(i),
                )
                for i in range(PER_DOC)
            )
        session.commit()
        ordered = session.exec(
            select(Claim.id).order_by(col(Claim.document_id), col(Claim.start), col(Claim.id))
        ).all()
    return db, [int(i) for i in ordered if i is not None]


def visible_ids(table: ClaimsTable) -> list[int]:
    top = int(table.scroll_offset.y)
    rows = [table._row(i, fetch=False) for i in range(top, top + table.size.height - 1)]
    return [r.id for r in rows if r is not None]


async def test_pages_not_rows(big_db: tuple[str, list[int]]) -> None:
    db, ordered = big_db
    app = create_app(db, "ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimsTable)
        assert table.total == DOCS * PER_DOC
        assert table.cached_rows <= 2 * PAGE  # the first page and its prefetched neighbour
        height = table.size.height - 1
        assert visible_ids(table) == ordered[:height]

        await pilot.press("end")
        await settle(pilot)
        assert table.current_row is not None and table.current_row.id == ordered[-1]
        assert visible_ids(table) == ordered[-height:]
        assert table.cached_rows <= 4 * PAGE

        for _ in range(3):
            await pilot.press("pageup")
        await settle(pilot)
        top = int(table.scroll_offset.y)
        assert visible_ids(table) == ordered[top : top + height]

        # Jumping all over with a small cache: old pages go, what is visible stays right.
        table.cache_pages = 4
        for target in (0, 2950, 1200, 250, 2999, 1777, 640, 2400, 10, 1500):
            table.move_cursor(target, center=True)
            await settle(pilot)
            assert len(table._pages) <= 4
            assert table.current_row is not None
            assert table.current_row.id == ordered[target]
            top = int(table.scroll_offset.y)
            assert visible_ids(table) == ordered[top : top + height]
