"""The desk on PostgreSQL: the same pages, keys and writes as on SQLite."""

from __future__ import annotations

import pytest

from claimtrack import store
from claimtrack.db import get_engine, session_scope
from claimtrack.tui.app import create_app
from claimtrack.tui.widgets.claims_table import ClaimsTable
from tests.pgserver import PostgresServer
from tests.tui.conftest import settle
from tests.tui.data import build_desk

pytestmark = [pytest.mark.anyio, pytest.mark.postgres]


async def test_desk_on_postgres(pg_server: PostgresServer) -> None:
    desk = build_desk(pg_server.create_database())
    app = create_app(desk.db, "ana")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimsTable)
        assert table.total == len(desk.claim_ids)
        await pilot.press("down", "v")
        await settle(pilot)
        with session_scope(get_engine(desk.db)) as session:
            assert store.get_claim(session, desk.claim_ids[1]).status == "verified"
            assert [c.by for c in store.history(session, desk.claim_ids[1])] == ["ana"]
        await pilot.press("o", "o", "o", "O")  # value, descending: keyset on PostgreSQL
        await settle(pilot)
        assert table.current_row is not None and table.current_row.value == 425e6
        await pilot.press("end")
        await settle(pilot)
        assert table.current_row is not None and table.current_row.value is None
        await pilot.press("slash", *"kovalenko", "enter")
        await settle(pilot)
        assert table.total == 2
