"""A desk left open while another process ingests keeps working and shows the new rows, by
itself on the refresh timer (shortened here) and on ctrl+r."""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest

from claimtrack import store
from claimtrack.db import get_engine, session_scope
from claimtrack.store.browse import BrowseQuery, count_rows
from claimtrack.tui.app import create_app
from claimtrack.tui.screens import main as main_screen
from claimtrack.tui.widgets.claims_table import ClaimsTable
from tests.conftest import FIXTURES, _cli_env, claimtrack_command
from tests.tui.conftest import settle
from tests.tui.data import Desk

pytestmark = pytest.mark.anyio


def claims_in(db: str) -> int:
    with session_scope(get_engine(db)) as session:
        return count_rows(session, BrowseQuery())


async def test_desk_follows_another_process_ingesting(
    desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_screen, "REFRESH_SECONDS", 0.2)
    app = create_app(desk.db, "ana")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimsTable)
        assert table.total == len(desk.claim_ids)
        ingest = await asyncio.create_subprocess_exec(
            *claimtrack_command(),
            "--db",
            desk.db,
            "ingest",
            str(FIXTURES / "articles"),
            env=_cli_env(tmp_path),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        # The checker keeps working while the other process writes.
        while ingest.returncode is None:
            await pilot.press("down", "v", "up")
            await pilot.pause(0.05)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(ingest.wait(), 0.01)
        assert ingest.returncode == 0, (await ingest.stderr.read()).decode()  # type: ignore[union-attr]
        expected = claims_in(desk.db)
        assert expected > len(desk.claim_ids)
        for _ in range(100):  # the timer notices and reloads, no key pressed
            await pilot.pause(0.05)
            if table.total == expected:
                break
        assert table.total == expected
        assert app.is_running
        # Every write of the checker went through alongside the other writer.
        await settle(pilot)
        errors = [n for n in app._notifications if n.severity == "error"]
        assert errors == []
        with session_scope(get_engine(desk.db)) as session:
            assert store.get_claim(session, desk.claim_ids[1]).status == "verified"
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert table.total == claims_in(desk.db)
