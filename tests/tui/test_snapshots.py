"""SVG snapshots of the main screens at 120x40 and 80x24 on fixed data (no clock shown, cursor
blink off). Update with: pytest tests/tui/test_snapshots.py --snapshot-update"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from claimtrack.tui.app import ClaimtrackApp, create_app
from tests.tui.conftest import settle
from tests.tui.data import build_desk

SIZES = [(120, 40), (80, 24)]


@pytest.fixture
def app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ClaimtrackApp:
    # A relative path, so the header shows the same database name on every machine.
    monkeypatch.chdir(tmp_path)
    build_desk("desk.db")
    return create_app("desk.db", "ana")


def after(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_claims_screen(snap_compare, app: ClaimtrackApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=size, run_before=after("down"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_document_screen(snap_compare, app: ClaimtrackApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=size, run_before=after("d", "j", "j"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_conflicts_screen(snap_compare, app: ClaimtrackApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=size, run_before=after("c", "down"))


def test_keys_screen(snap_compare, app: ClaimtrackApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("question_mark"))


def test_source_form(snap_compare, app: ClaimtrackApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("s"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_document_picker(snap_compare, app: ClaimtrackApp, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=size, run_before=after("D"))


def test_claim_marked_out_of_the_filter(snap_compare, app: ClaimtrackApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("S", "down", "v"))


def test_type_to_search(snap_compare, app: ClaimtrackApp) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(app, terminal_size=(80, 24), run_before=after("t", "u", "r", "n"))
