"""Article text, titles and notes are shown as the characters they are: Rich markup stays
literal and terminal escape sequences never reach the terminal."""

from __future__ import annotations

import pytest
from rich.segment import Segment

from claimtrack import store
from claimtrack.db import get_engine, session_scope
from claimtrack.tui.app import create_app
from claimtrack.tui.screens.document import DocumentScreen
from claimtrack.tui.text import printable
from claimtrack.tui.widgets.claim_detail import ClaimDetailPane
from claimtrack.tui.widgets.claims_table import ClaimsTable
from claimtrack.tui.widgets.document_text import DocumentText
from tests.tui.conftest import settle
from tests.tui.data import HOSTILE_TEXT, Desk

pytestmark = pytest.mark.anyio

NOTE = "[red]not red[/red] \x1b]8;;http://evil.example\x07click\x1b]8;;\x07 \x9b2J"


def segments_are_safe(segments: list[Segment]) -> None:
    for segment in segments:
        assert not any(0x80 <= ord(c) < 0xA0 or (ord(c) < 0x20) for c in segment.text), segment
        assert segment.style is None or not segment.style.link, segment


def test_printable_keeps_length_and_shows_controls() -> None:
    text = "a\x1b[31mb\x9b\x07\tc\nd"
    assert printable(text) == "a␛[31mb\ufffd␇ c d"
    assert printable(text, newlines=True) == "a␛[31mb\ufffd␇␉c\nd"
    assert len(printable(HOSTILE_TEXT, newlines=True)) == len(HOSTILE_TEXT)


async def test_markup_and_escapes_are_shown_literally(desk: Desk) -> None:
    hostile_claim = desk.claim_ids[8]  # "300" in the hostile document
    with session_scope(get_engine(desk.db)) as session:
        store.add_note(session, hostile_claim, NOTE, by="[b]mallory[/b]")
    app = create_app(desk.db, "[i]ana\x1b[0m")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        table = app.screen.query_one(ClaimsTable)
        table.go_to_claim(hostile_claim)
        await settle(pilot)
        assert table.current_row is not None and table.current_row.id == hostile_claim
        line = table.render_line(1 + table.cursor - int(table.scroll_offset.y))
        assert "[red]troops[/red]" in line.text and "[bold]Hostile" in line.text
        segments_are_safe(list(line))

        body = app.screen.query_one(ClaimDetailPane).query_one("#detail-body")
        shown = str(body.visual)
        for literal in (
            "[bold]Hostile[/] ␛[31mtitle",
            "[link=http://evil.example]troops[/link]",
            "[red]not red[/red] ␛]8;;http://evil.example␇click",
            "[b]mallory[/b]",
        ):
            assert literal in shown, literal
        assert "\x1b" not in shown and "\x9b" not in shown

        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)
        view = app.screen.query_one(DocumentText)
        lines = [view.render_line(y) for y in range(view.size.height)]
        text = "".join(strip.text for strip in lines)
        assert "The [bold]army[/bold] said 300 [link=http://evil.example]troops[/link]" in text
        assert "␛[2J It cost $5 million." in text
        for strip in lines:
            segments_are_safe(list(strip))

        svg = app.export_screenshot()
        assert "\x1b" not in svg
