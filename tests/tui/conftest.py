from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from claimtrack.tui.widgets.claims_table import ClaimsTable
from tests.tui.data import Desk, build_desk


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return build_desk(str(tmp_path / "desk.db"))


async def settle(pilot: Pilot[None]) -> None:
    """Wait until workers are done and the claims table shows its rows."""
    for _ in range(200):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        tables = pilot.app.screen.query(ClaimsTable)
        settled = not tables or tables.first().is_settled()
        waiting = any(getattr(s, "detail_pending", False) for s in pilot.app.screen_stack)
        if waiting:
            await pilot.pause(0.02)
        elif settled and not any(w.is_running for w in pilot.app.workers):
            return
    raise AssertionError("the app did not settle")


@pytest.fixture
def anyio_backend() -> str:
    # Async tests run on anyio's pytest plugin (installed with httpx), on asyncio like Textual.
    return "asyncio"
