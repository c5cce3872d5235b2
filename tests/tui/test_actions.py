"""Drive the real app with Pilot on a real SQLite file and check what changed in the database."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select
from textual.command import CommandInput, CommandList

from claimtrack import store
from claimtrack.db import get_engine, session_scope
from claimtrack.models import Claim, Conflict, ConflictClaim, Document, Source
from claimtrack.store.browse import BrowseQuery, count_rows
from claimtrack.store.claims import ClaimFilter
from claimtrack.tui.app import create_app
from claimtrack.tui.screens.conflicts import ConflictsScreen
from claimtrack.tui.screens.document import DocumentScreen
from claimtrack.tui.screens.help import HelpScreen
from claimtrack.tui.screens.main import MainScreen
from claimtrack.tui.widgets.claim_detail import ClaimDetailPane
from claimtrack.tui.widgets.claims_table import ClaimsTable
from claimtrack.tui.widgets.desk_header import DeskHeader
from claimtrack.tui.widgets.document_text import DocumentText
from tests.tui.conftest import settle
from tests.tui.data import Desk

SIZE = (120, 40)
pytestmark = pytest.mark.anyio


def table_of(app) -> ClaimsTable:  # type: ignore[no-untyped-def]
    return app.screen.query_one(ClaimsTable)


def claim(desk: Desk, claim_id: int) -> Claim:
    with session_scope(get_engine(desk.db)) as session:
        return store.get_claim(session, claim_id)


def history(desk: Desk, claim_id: int):  # type: ignore[no-untyped-def]
    with session_scope(get_engine(desk.db)) as session:
        return store.history(session, claim_id)


def detail_text(app) -> str:  # type: ignore[no-untyped-def]
    pane = app.screen.query_one(ClaimDetailPane)
    return str(pane.query_one("#detail-body").visual)


async def test_opens_on_the_claims_with_header_counts(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        assert table.total == len(desk.claim_ids)
        assert table.current_row is not None
        assert table.current_row.id == desk.claim_ids[0]
        assert table.current_row.span == "$425 million"
        assert table.current_row.open_conflict
        header = app.screen.query_one(DeskHeader)
        assert header.counts == {"unverified": 9, "verified": 1}
        line = table.render_line(1).text
        assert "$425 million" in line and "unverified" in line
        assert "reconstruction fund" in detail_text(app)


@pytest.mark.parametrize(
    ("key", "status"),
    [
        ("v", "verified"),
        ("f", "false"),
        ("m", "misleading"),
        ("u", "unsupported"),
        ("p", "in_progress"),
    ],
)
async def test_status_key_writes_at_once_with_history(desk: Desk, key: str, status: str) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", key)
        await settle(pilot)
        target = desk.claim_ids[1]
        assert claim(desk, target).status == status
        changes = history(desk, target)
        assert [(c.old_status, c.new_status, c.by) for c in changes] == [
            ("unverified", status, "ana")
        ]
        assert changes[0].at is not None
        # Shown without a reload: the cached row, the header counts and the detail pane.
        assert table_of(app).current_row.status == status  # type: ignore[union-attr]
        assert app.screen.query_one(DeskHeader).counts[status] >= 1
        assert "ana" in detail_text(app)


async def test_r_goes_back_to_unverified(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        first = desk.claim_ids[0]
        assert claim(desk, first).status == "unverified"
        assert [c.new_status for c in history(desk, first)] == ["verified", "unverified"]


async def test_note_is_recorded_with_who(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await pilot.press(*"called the ministry")
        await pilot.press("enter")
        await settle(pilot)
        changes = history(desk, desk.claim_ids[0])
        assert [(c.note, c.by, c.old_status == c.new_status) for c in changes] == [
            ("called the ministry", "ana", True)
        ]
        assert "called the ministry" in detail_text(app)


async def test_source_form_validates_the_url(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await pilot.press(*"not a url", "enter")
        await pilot.pause()
        assert "not an http(s) URL" in str(app.screen.query_one("#source-error").visual)
        app.screen.query_one("#source-url").value = "https://example.org/budget"  # type: ignore[attr-defined]
        app.screen.query_one("#source-title").value = "Budget [bold]2025[/]"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        with session_scope(get_engine(desk.db)) as session:
            sources = list(session.exec(select(Source)).all())
        assert [(s.claim_id, s.url, s.title, s.added_by) for s in sources] == [
            (desk.claim_ids[0], "https://example.org/budget", "Budget [bold]2025[/]", "ana")
        ]
        text = detail_text(app)
        assert "https://example.org/budget" in text
        assert "Budget [bold]2025[/]" in text


async def test_filters_search_and_sort(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("K")  # kind: count
        await settle(pilot)
        assert table.browse_query.flt.kind == "count"
        assert table.total == 3
        await pilot.press("K")  # kind: money
        await settle(pilot)
        assert table.total == 3 and table.current_row.kind == "money"  # type: ignore[union-attr]
        await pilot.press("x", "S", "S", "S")  # status: verified
        await settle(pilot)
        assert table.browse_query.flt.status == "verified"
        assert table.total == 1 and table.current_row.id == desk.claim_ids[5]  # type: ignore[union-attr]
        await pilot.press("x", "down", "D")  # the picker leads with the claim's document
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert table.browse_query.flt.document_id == desk.doc_ids[0]
        assert table.total == 4
        await pilot.press("x", "slash", *"kovalenko")
        await settle(pilot)
        assert table.total == 2
        assert {table._row(0).speaker, table._row(1).speaker} == {"Olena Kovalenko"}  # type: ignore[union-attr]
        await pilot.press("enter")  # back to the table
        assert app.focused is table
        await pilot.press("slash", "escape")
        assert app.focused is table
        await pilot.press("x", "o", "o", "o")  # document -> kind -> claim -> value
        await settle(pilot)
        assert table.browse_query.sort == "value"
        values = [table._row(i).value for i in range(table.total or 0)]  # type: ignore[union-attr]
        assert values == sorted(values, key=lambda v: -1e300 if v is None else v)
        await pilot.press("O")
        await settle(pilot)
        assert table.current_row.value == 425e6  # type: ignore[union-attr]


async def test_clicking_a_header_sorts(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        widths = table._widths(table.scrollable_content_region.width)
        x = sum(w + 1 for c, w in widths[: [c.sort for c, _ in widths].index("status")])
        await pilot.click(ClaimsTable, offset=(x + 1, 0))
        await settle(pilot)
        assert table.browse_query.sort == "status"
        assert table._row(table.total - 1).status == "verified"  # type: ignore[operator,union-attr]


async def test_document_view_moves_through_spans_and_back(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)
        view = app.screen.query_one(DocumentText)
        assert view.current == desk.claim_ids[0]
        assert "Donors pledged" in view.render_line(0).text
        await pilot.press("j", "j")
        assert view.current == desk.claim_ids[2]
        line = view.line_of(view.claims[2].start)
        top = int(view.scroll_offset.y)
        assert top <= line < top + view.size.height
        await pilot.press("f")  # status keys act on the claim highlighted in the article
        await settle(pilot)
        assert claim(desk, desk.claim_ids[2]).status == "false"
        assert view.claims[2].status == "false"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert table_of(app).current_row.id == desk.claim_ids[2]  # type: ignore[union-attr]
        assert table_of(app).current_row.status == "false"  # type: ignore[union-attr]


async def test_conflicts_confirm_dismiss_and_jump(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ConflictsScreen)
        assert [v.conflict.id for v in screen.views] == [desk.value_conflict, desk.quote_conflict]
        assert "$425 million" in str(screen.query_one("#side-a").visual)
        assert "$400 million" in str(screen.query_one("#side-b").visual)
        await pilot.press("y", *"same fund, old figure", "enter")
        await settle(pilot)
        assert [v.conflict.id for v in screen.views] == [desk.quote_conflict]
        # The quote conflict shows a word diff, literally (it is made of brackets).
        explanation = str(screen.query_one("#conflict-explanation").visual)
        assert "[every → each]" in explanation
        await pilot.press("x", "enter")
        await settle(pilot)
        assert screen.views == []
        with session_scope(get_engine(desk.db)) as session:
            rows = session.exec(select(Conflict)).all()
            decided = {c.id: (c.state, c.note, c.decided_by) for c in rows}
        assert decided == {
            desk.value_conflict: ("confirmed", "same fund, old figure", "ana"),
            desk.quote_conflict: ("dismissed", None, "ana"),
        }


async def test_conflicts_jump_to_a_claim(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("K")  # a filter that hides the target claim is cleared by the jump
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert table_of(app).current_row.id == desk.claim_ids[4]  # type: ignore[union-attr]


async def test_export_writes_the_chosen_statuses(desk: Desk, tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-format").value = "json"  # type: ignore[attr-defined]
        path_input = app.screen.query_one("#export-path")
        path_input.value = str(out)  # type: ignore[attr-defined]
        path_input.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
    import json

    report = json.loads(out.read_text())
    assert "$400 million" not in json.dumps(report)  # false is not included by default
    assert "12,000 North Korean soldiers" in json.dumps(report)


async def test_help_lists_every_key(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        described = dict((d, k) for k, d in app.screen.rows)
        for name, key in [
            ("Verified", "v"),
            ("False", "f"),
            ("Misleading", "m"),
            ("Unsupported", "u"),
            ("In progress", "p"),
            ("Back to unverified", "r"),
            ("Note", "n"),
            ("Source", "s"),
            ("Conflicts", "c"),
            ("Export", "e"),
            ("Search", "/"),
            ("Quit", "q"),
        ]:
            assert key in described[name].split(), name
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_command_palette_runs_the_same_actions(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"misleading")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).value == "misleading"
        results = app.screen.query_one(CommandList)
        top = ""
        for _ in range(100):  # results stream in as the palette searches
            if results.option_count:
                top = str(results.get_option_at_index(0).prompt)
                if top.startswith("Misleading"):
                    break
            await pilot.pause(0.05)
        assert top.startswith("Misleading")
        await pilot.press("enter")
        await settle(pilot)
        assert claim(desk, desk.claim_ids[0]).status == "misleading"


async def test_q_quits(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e", "tab", "q")  # in a dialog, q does not quit
        assert app.is_running
        await pilot.press("escape")
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_new_rows_from_another_process_show_on_refresh(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("down", "down")
        before = table.current_row
        with session_scope(get_engine(desk.db)) as session:
            store.add_document(
                session,
                Document(title="Late wire", sha256="f" * 64, text="Late: 7 ships."),
                [Claim(kind="count", text="Late: 7 ships.", span="7 ships", start=6, end=13)],
            )
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert table.total == len(desk.claim_ids) + 1
        assert table.current_row == before  # the cursor stays on its claim
        # The timer path: the same check the 5 s interval runs, without waiting 5 s.
        with session_scope(get_engine(desk.db)) as session:
            store.set_status(session, desk.claim_ids[3], "false", by="bob")
        screen = app.screen
        assert isinstance(screen, MainScreen)
        screen.watch_database()
        await settle(pilot)
        assert table._row(3).status == "false"  # type: ignore[union-attr]
        assert screen.query_one(DeskHeader).counts["false"] == 1


def test_store_count_matches_filter(desk: Desk) -> None:
    with session_scope(get_engine(desk.db)) as session:
        assert count_rows(session, BrowseQuery(ClaimFilter(search="kovalenko"))) == 2


async def test_conflict_groups_of_more_than_two(desk: Desk) -> None:
    with session_scope(get_engine(desk.db)) as session:
        session.add(ConflictClaim(conflict_id=desk.value_conflict, claim_id=desk.claim_ids[9]))
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        side_b = app.screen.query_one("#side-b")
        assert "$400 million" in str(side_b.visual)
        await pilot.press("right_square_bracket")
        assert "$5 million" in str(side_b.visual) and "claim 3 of 3" in str(side_b.visual)
        await pilot.press("right_square_bracket")
        assert "$400 million" in str(side_b.visual)
        await pilot.press("left_square_bracket", "2")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert table_of(app).current_row.id == desk.claim_ids[9]  # type: ignore[union-attr]


async def test_a_database_failure_is_one_line_and_the_app_keeps_running(desk: Desk) -> None:
    import sqlite3

    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        con = sqlite3.connect(desk.db)
        con.execute("ALTER TABLE claim RENAME TO claim_gone")
        con.commit()
        con.close()
        await pilot.press("ctrl+r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and all("\n" not in m and "no such table" in m for m in errors), errors
        assert app.is_running and isinstance(app.screen, MainScreen)


async def test_follows_the_terminal_size(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot)
        table, detail = table_of(app), app.screen.query_one(ClaimDetailPane)
        assert app.screen.has_class("-wide")
        assert detail.region.x >= table.region.right  # side by side
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        assert detail.region.y >= table.region.bottom  # the detail goes under the table
        assert table.region.width == 80
        assert "$425 million" in table.render_line(1).text


async def test_export_refuses_a_path_it_cannot_write(desk: Desk, tmp_path: Path) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        target = tmp_path / "missing" / "report.md"
        path_input = app.screen.query_one("#export-path")
        path_input.value = str(target)  # type: ignore[attr-defined]
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert "no such directory" in str(app.screen.query_one("#export-error").visual)
        assert not target.parent.exists()
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_tab_reaches_the_detail_pane_and_status_keys_still_act(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab")
        assert isinstance(app.focused, ClaimDetailPane)
        await pilot.press("down", "u")
        await settle(pilot)
        assert claim(desk, desk.claim_ids[0]).status == "unsupported"
        await pilot.press("escape")
        assert app.focused is table_of(app)


async def test_a_reload_keeps_showing_rows_until_the_new_ones_come(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("down")
        table.reload()  # what the refresh timer does when the database changed
        assert table.reloading
        # The rows in hand stay on screen and under the keys meanwhile.
        assert "$425 million" in table.render_line(1).text
        await pilot.press("down", "v")
        assert table.current_row is not None and table.current_row.id == desk.claim_ids[2]
        await settle(pilot)
        assert not table.reloading
        assert table.current_row is not None and table.current_row.id == desk.claim_ids[2]
        assert claim(desk, desk.claim_ids[2]).status == "verified"
