"""The document picker, type-to-search, a claim marked out of the status filter, status keys
shown before the write, and refresh noticing other processes' sources and notes. Real app,
real SQLite file; each test asserts what changed in the database or on screen."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from rich.segment import Segment
from textual.widgets import Input, Static

from claimtrack import store
from claimtrack.db import get_engine, session_scope
from claimtrack.models import Claim, Document
from claimtrack.store.browse import BrowseQuery, count_rows
from claimtrack.store.claims import ClaimFilter
from claimtrack.tui.app import create_app
from claimtrack.tui.screens.documents import LIMIT, DocumentPickerScreen
from claimtrack.tui.screens.main import MainScreen
from claimtrack.tui.widgets.choice_list import ChoiceList
from claimtrack.tui.widgets.claim_detail import ClaimDetailPane
from claimtrack.tui.widgets.claims_table import DEPARTED_MARK, ClaimsTable
from claimtrack.tui.widgets.desk_header import DeskHeader
from tests.tui.conftest import settle
from tests.tui.data import HOSTILE_TITLE, Desk

SIZE = (120, 40)
pytestmark = pytest.mark.anyio


def table_of(app) -> ClaimsTable:  # type: ignore[no-untyped-def]
    return app.screen.query_one(ClaimsTable)


def status_in_db(desk: Desk, claim_id: int) -> str:
    with session_scope(get_engine(desk.db)) as session:
        return store.get_claim(session, claim_id).status


def options(app) -> list[str]:  # type: ignore[no-untyped-def]
    listing = app.screen.query_one("#doc-list", ChoiceList)
    return [choice.text.plain for choice in listing.choices]


def filters_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one("#filters", Static).visual)


def detail_text(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(ClaimDetailPane).query_one("#detail-body").visual)


# The document picker ------------------------------------------------------------------


async def test_picker_lists_narrows_filters_and_clears(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("D")
        await settle(pilot)
        assert isinstance(app.screen, DocumentPickerScreen)
        shown = options(app)
        assert len(shown) == 3
        assert shown[0].startswith("▸ Northgate Wire: donors pledge")  # this claim's, first
        assert "2025-03-02" in shown[1] and "4 claims" in shown[1] and "test" in shown[1]
        await pilot.press(*"capital")
        await settle(pilot)
        assert [o.split()[0] for o in options(app)] == ["Capital"]
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert table.browse_query.flt.document_id == desk.doc_ids[1]
        assert table.total == 4
        assert {table._row(i).document_id for i in range(4)} == {desk.doc_ids[1]}  # type: ignore[union-attr]
        assert "document: Capital Desk: summit closes" in filters_text(app)
        # With a filter on, the picker leads with "All documents": D Enter clears it.
        await pilot.press("D")
        await settle(pilot)
        assert options(app)[0].startswith("All documents")
        await pilot.press("enter")
        await settle(pilot)
        assert table.browse_query.flt.document_id is None
        assert table.total == len(desk.claim_ids)
        # Escape leaves the filter as it was.
        await pilot.press("D", "escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and table.total == len(desk.claim_ids)


async def test_picker_takes_an_id_and_pages_a_large_archive(desk: Desk) -> None:
    with session_scope(get_engine(desk.db)) as session:
        for n in range(LIMIT + 20):
            store.add_document(
                session,
                Document(title=f"Archive item {n}", sha256=f"{n + 100:064x}", text="x"),
                [],
            )
    app = create_app(desk.db, "ana")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert len(options(app)) == LIMIT
        status = str(app.screen.query_one("#doc-status").visual)
        assert f"{LIMIT} of {LIMIT + 23} documents (type to narrow)" in status
        await pilot.press(*f"#{desk.doc_ids[2]}")
        await settle(pilot)
        assert len(options(app)) == 1
        await pilot.press("enter")
        await settle(pilot)
        assert table_of(app).browse_query.flt.document_id == desk.doc_ids[2]
        assert table_of(app).total == 2


async def test_picker_and_filter_line_show_a_hostile_title_literally(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("D", *"hostile")
        await settle(pilot)
        (only,) = options(app)
        assert only.startswith("[bold]Hostile[/] ␛[31mtitle")
        listing = app.screen.query_one("#doc-list", ChoiceList)
        assert "[bold]Hostile[/] ␛[31mtitle" in listing.render_line(0).text
        for y in range(listing.size.height):
            for segment in listing.render_line(y):
                assert isinstance(segment, Segment)
                assert "\x1b" not in segment.text
                assert segment.style is None or not segment.style.link
        await pilot.press("enter")
        await settle(pilot)
        assert "[bold]Hostile[/] ␛[31mtitle" in filters_text(app)
        assert HOSTILE_TITLE not in filters_text(app)  # the escape is shown, not sent
        assert "\x1b" not in app.export_screenshot()


# Type-to-search -------------------------------------------------------------------------


async def test_an_unbound_key_starts_a_search_and_bound_keys_keep_their_action(
    desk: Desk,
) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table, search = table_of(app), app.screen.query_one("#search", Input)
        await pilot.press("t")  # unbound: the search box takes it and the focus
        assert app.focused is search and search.value == "t"
        await pilot.press(*"urnout")  # now letters are text, even bound ones (u, n, o)
        await settle(pilot)
        assert search.value == "turnout"
        assert table.total == 1 and table.current_row.span == "64 percent"  # type: ignore[union-attr]
        assert status_in_db(desk, desk.claim_ids[3]) == "unverified"  # u did not mark
        await pilot.press("enter")
        assert app.focused is table
        await pilot.press("v")  # bound: marks, does not search
        await settle(pilot)
        assert status_in_db(desk, desk.claim_ids[3]) == "verified"
        assert search.value == "turnout"
        await pilot.press("1")  # a digit starts a new search
        await settle(pilot)
        assert search.value == "1" and table.browse_query.flt.search == "1"
        with session_scope(get_engine(desk.db)) as session:
            assert table.total == count_rows(session, BrowseQuery(ClaimFilter(search="1")))
        await pilot.press("escape", "x", "[", *"red]")  # markup typed is text
        await settle(pilot)
        assert search.value == "[red]"
        assert table.total == 1 and table.current_row.id == desk.claim_ids[8]  # type: ignore[union-attr]
        assert "[red]" in str(search.render_line(0).text)


async def test_help_names_type_to_search(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        rows = dict((d, k) for k, d in app.screen.rows)  # type: ignore[attr-defined]
        assert rows["Pick a document"] == "D"
        assert any(d.startswith("Search from the key typed") for d in rows)


# A claim marked out of the status filter ----------------------------------------------


async def test_a_claim_marked_out_of_the_filter_stays_until_the_cursor_leaves(
    desk: Desk,
) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("S")  # unverified: 9 claims
        await settle(pilot)
        assert table.total == 9
        await pilot.press("down", "v")
        await settle(pilot)
        second = desk.claim_ids[1]
        assert status_in_db(desk, second) == "verified"
        # Still under the cursor, marked, so the next key acts on it (s, n, or a correction).
        assert table.current_row.id == second and second in table.departed  # type: ignore[union-attr]
        assert table.render_line(2).text.startswith(DEPARTED_MARK)
        assert DEPARTED_MARK in filters_text(app)
        # The refresh timer (the database did change) does not pull it away either.
        screen.watch_database()
        await settle(pilot)
        assert table.current_row.id == second and table.total == 9  # type: ignore[union-attr]
        await pilot.press("f")  # a correction while it is still there
        await settle(pilot)
        assert status_in_db(desk, second) == "false"
        await pilot.press("down")  # the cursor leaves: the row goes, the cursor stays put
        await settle(pilot)
        assert table.total == 8 and second not in table.departed
        assert table.current_row.id == desk.claim_ids[2] and table.cursor == 1  # type: ignore[union-attr]
        assert second not in {table._row(i).id for i in range(8)}  # type: ignore[union-attr]
        assert DEPARTED_MARK not in filters_text(app)


async def test_marking_back_into_the_filter_and_ctrl_r(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("S", "v")
        await settle(pilot)
        first = desk.claim_ids[0]
        assert first in table.departed
        await pilot.press("r")  # back to unverified: it belongs to the filter again
        await settle(pilot)
        assert first not in table.departed and table.total == 9
        await pilot.press("m")
        await settle(pilot)
        assert first in table.departed
        await pilot.press("ctrl+r")  # the table as it is now: without it
        await settle(pilot)
        assert table.total == 8 and first not in {table._row(i).id for i in range(8)}  # type: ignore[union-attr]
        assert table.current_row.id == desk.claim_ids[1]  # type: ignore[union-attr]


# Status keys: shown at once, reverted if the write fails ------------------------------


async def test_a_failed_status_write_goes_back_on_screen(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        con = sqlite3.connect(desk.db)
        con.execute("ALTER TABLE status_change RENAME TO status_change_gone")
        con.commit()
        con.close()
        await pilot.press("v")
        await settle(pilot)
        assert table.current_row.status == "unverified"  # type: ignore[union-attr]
        assert "unverified" in table.render_line(1).text
        assert "unverified…" not in table.render_line(1).text
        errors = [n.message for n in app._notifications if n.severity == "error"]
        assert errors and "Could not mark claim" in errors[0]
        assert app.screen.query_one(DeskHeader).counts["verified"] == 1  # unchanged


async def test_a_status_key_shows_at_once_while_the_write_waits_for_a_lock(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        other = sqlite3.connect(desk.db, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another process holds the write lock
        try:
            await pilot.press("v")
            await pilot.pause(0.2)
            assert table.current_row.status == "verified"  # type: ignore[union-attr]
            assert "verified…" in table.render_line(1).text  # shown, marked as being written
            # (read without a write lock, as a second checker's desk would)
            reader = sqlite3.connect(desk.db)
            row = reader.execute("SELECT status FROM claim WHERE id = ?", (desk.claim_ids[0],))
            assert row.fetchone() == ("unverified",)
            reader.close()
        finally:
            other.execute("COMMIT")
            other.close()
        await settle(pilot)
        assert status_in_db(desk, desk.claim_ids[0]) == "verified"
        assert "verified…" not in table.render_line(1).text
        assert app.screen.query_one(DeskHeader).counts["verified"] == 2


# Refresh notices other processes' sources, notes and history --------------------------


async def test_refresh_shows_sources_notes_and_counts_from_another_process(desk: Desk) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        first = desk.claim_ids[0]
        with session_scope(get_engine(desk.db)) as session:
            store.add_source(
                session, first, "https://example.org/other", title="Bo's [b]find[/b]", by="bo"
            )
        screen.watch_database()  # what the 5 s timer runs
        await settle(pilot)
        assert "https://example.org/other" in detail_text(app)
        assert "Bo's [b]find[/b]" in detail_text(app)
        with session_scope(get_engine(desk.db)) as session:
            store.add_note(session, first, "ministry confirmed", by="bo")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "ministry confirmed" in detail_text(app)
        with session_scope(get_engine(desk.db)) as session:
            store.set_status(session, first, "misleading", by="bo")
            session.add(
                Claim(document_id=desk.doc_ids[0], kind="count", text="t", span="t", start=0, end=1)
            )
        screen.watch_database()
        await settle(pilot)
        assert app.screen.query_one(DeskHeader).counts["misleading"] == 1
        assert table_of(app).current_row.status == "misleading"  # type: ignore[union-attr]
        assert table_of(app).total == len(desk.claim_ids) + 1
        assert "bo" in detail_text(app) and "misleading" in detail_text(app)


# Search: a backspace costs no query; a search typed further looks among the few ----------


async def test_backspace_shows_a_remembered_search_without_asking_the_database(
    desk: Desk,
) -> None:
    app = create_app(desk.db, "ana")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        table = table_of(app)
        await pilot.press("slash", *"kovalenk")
        await settle(pilot)
        assert table.total == 2
        # A search typed further looks only among the 2 rows the shorter one found.
        query = replace(table.browse_query, flt=replace(table.browse_query.flt, search="kovalenko"))
        assert table._narrowing(query) == {desk.claim_ids[2], desk.claim_ids[6]}
        await pilot.press("o")
        await settle(pilot)
        assert table.total == 2
        assert {table._row(i).id for i in range(2)} == {desk.claim_ids[2], desk.claim_ids[6]}  # type: ignore[union-attr]
        # With the claims table gone, only a remembered answer can show rows.
        con = sqlite3.connect(desk.db)
        con.execute("ALTER TABLE claim RENAME TO claim_gone")
        con.commit()
        con.close()
        await pilot.press("backspace", "backspace")
        await settle(pilot)
        assert table.browse_query.flt.search == "kovalen"
        assert table.total == 2 and table.current_row.speaker == "Olena Kovalenko"  # type: ignore[union-attr]
        # (the detail pane does ask, and says it could not read; the table did not ask)
        assert not [n for n in app._notifications if "Could not read claims" in n.message]
