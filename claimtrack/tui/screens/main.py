"""The desk: header with counts, search, filters, the claims table and the detail pane."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import Worker

from claimtrack.models import KINDS, Status
from claimtrack.store.browse import SORTS, BrowseQuery, Fingerprint
from claimtrack.tui.desk import ClaimDetail, Desk
from claimtrack.tui.screens.documents import DocumentPick, DocumentPickerScreen
from claimtrack.tui.text import STATUS_LABELS, notify_failure, plain
from claimtrack.tui.widgets.claim_detail import ClaimDetailPane
from claimtrack.tui.widgets.claims_table import DEPARTED_MARK, ClaimsTable
from claimtrack.tui.widgets.desk_header import DeskHeader
from claimtrack.tui.widgets.key_line import KeyLine

if TYPE_CHECKING:
    from claimtrack.tui.app import ClaimtrackApp

REFRESH_SECONDS = 5.0
# The detail pane waits for the cursor to rest this long: a held-down arrow key paints rows,
# not a detail pane per row it passes.
DETAIL_DELAY = 0.06
SORT_LABELS = {
    "document": "document order",
    "kind": "kind",
    "claim": "claim",
    "value": "value",
    "subject": "subject / speaker",
    "status": "status",
    "flags": "markers",
    "id": "newest",
}


def _cycle(options: tuple[str, ...], current: str | None) -> str | None:
    """None → first → … → last → None."""
    if current is None:
        return options[0]
    at = options.index(current)
    return options[at + 1] if at + 1 < len(options) else None


class MainScreen(Screen[None]):
    # Type-to-search has no binding of its own: help lists it with the keys.
    HELP_ROWS = (("other", "Search from the key typed (any unbound letter, digit or sign)"),)
    HELP_NOTES = (
        f"{DEPARTED_MARK} marks a claim just marked out of the status filter: it stays until"
        " the cursor leaves it (ctrl+r: at once).",
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", id="main.search"),
        Binding("S", "filter_status", "Filter status", show=False, id="main.filter_status"),
        Binding("K", "filter_kind", "Filter kind", show=False, id="main.filter_kind"),
        Binding("D", "filter_document", "Pick a document", show=False, id="main.filter_document"),
        Binding("x", "clear_filters", "Clear filters", show=False, id="main.clear_filters"),
        Binding("o", "sort_next", "Sort", show=False, id="main.sort"),
        Binding("O", "sort_reverse", "Reverse sort", show=False, id="main.sort_reverse"),
        Binding("d,enter", "open_document", "Document", id="main.document"),
        Binding("c", "conflicts", "Conflicts", id="main.conflicts"),
        Binding("e", "export", "Export", id="main.export"),
        Binding("ctrl+r", "refresh", "Refresh", show=False, id="main.refresh"),
        Binding("escape", "focus_table", "Back to the table", show=False, id="main.table"),
    ]

    @dataclass
    class DetailLoaded(Message):
        detail: ClaimDetail

    @dataclass
    class CountsLoaded(Message):
        counts: Counter[str]

    @dataclass
    class Changed(Message):
        """Another process (or this one) changed the database since the last look."""

        fingerprint: Fingerprint

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.query_state = BrowseQuery()
        self.document_label: str | None = None
        self._fingerprint: Fingerprint | None = None
        self._detail_timer: Timer | None = None
        self._picker: DocumentPickerScreen | None = None

    @property
    def claimtrack(self) -> ClaimtrackApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield DeskHeader(self.desk.label, self.desk.user, id="header")
        yield Input(
            placeholder="/ search claim text, subject, speaker", id="search", select_on_focus=False
        )
        yield Static(id="filters")
        with Horizontal(id="body"):
            yield ClaimsTable(self.desk, id="claims")
            yield ClaimDetailPane(id="detail")
        yield KeyLine(id="keys")

    def on_mount(self) -> None:
        self.table.focus()
        self.table.set_query(self.query_state)
        self._show_filters()
        self.load_counts()
        self.watch_database()
        self.set_interval(REFRESH_SECONDS, self.watch_database, name="refresh")

    @property
    def table(self) -> ClaimsTable:
        return self.query_one("#claims", ClaimsTable)

    def current_claim_id(self) -> int | None:
        row = self.table.current_row
        return row.id if row else None

    # Loading -----------------------------------------------------------------------------

    @on(ClaimsTable.CursorMoved)
    def cursor_moved(self, event: ClaimsTable.CursorMoved) -> None:
        if event.row is not None:
            self.detail_soon(event.row.id)

    def detail_soon(self, claim_id: int) -> None:
        """Load the detail pane once the cursor rests: off the key's path."""
        if self._detail_timer is not None:
            self._detail_timer.stop()
        self._detail_timer = self.set_timer(DETAIL_DELAY, lambda: self._detail_due(claim_id))

    @property
    def detail_pending(self) -> bool:
        """The detail pane waits for the cursor to rest (for tests and benchmarks)."""
        return self._detail_timer is not None

    def _detail_due(self, claim_id: int) -> None:
        self._detail_timer = None
        if claim_id == self.current_claim_id():
            self.load_detail(claim_id)

    @work(thread=True, exclusive=True, group="detail", exit_on_error=False)
    def load_detail(self, claim_id: int) -> None:
        self.post_message(self.DetailLoaded(self.desk.detail(claim_id)))

    @on(DetailLoaded)
    def detail_loaded(self, event: DetailLoaded) -> None:
        if event.detail.claim.id == self.current_claim_id():
            self.query_one("#detail", ClaimDetailPane).show(event.detail)

    @work(thread=True, exclusive=True, group="counts", exit_on_error=False)
    def load_counts(self) -> None:
        self.post_message(self.CountsLoaded(self.desk.status_counts()))

    @on(CountsLoaded)
    def counts_loaded(self, event: CountsLoaded) -> None:
        self.query_one("#header", DeskHeader).set_counts(event.counts)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def watch_database(self) -> None:
        self.post_message(self.Changed(self.desk.fingerprint()))

    @on(Changed)
    def database_changed(self, event: Changed) -> None:
        seen, self._fingerprint = self._fingerprint, event.fingerprint
        if seen is not None and seen != event.fingerprint:
            self.reload()

    @on(ClaimsTable.LoadFailed)
    def load_failed(self, event: ClaimsTable.LoadFailed) -> None:
        self.notify(f"Could not read claims: {event.reason}", severity="error", markup=False)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        notify_failure(self, event)

    def reload(self, *, drop_departed: bool = False) -> None:
        claim_id = self.current_claim_id()
        self.table.reload(drop_departed=drop_departed)
        self._show_filters()
        self.load_counts()
        if claim_id is not None:
            self.load_detail(claim_id)

    def claim_changed(self, claim_id: int, status: str | None) -> None:
        """A write to claim_id went through (a note or a source; a status comes by
        status_written)."""
        if status is not None:
            self.table.show_status(claim_id, status)
            self.load_counts()
        if claim_id == self.current_claim_id():
            self.load_detail(claim_id)

    def status_pending(self, claim_id: int, status: str) -> None:
        with self._departures():
            self.table.show_status(
                claim_id, status, unsaved=self.table.status_of(claim_id) or status
            )

    def status_failed(self, claim_id: int) -> None:
        with self._departures():
            self.table.revert_status(claim_id)

    @contextmanager
    def _departures(self) -> Iterator[None]:
        """The filter line names a claim marked out of the filter: redrawn only when that
        changes (a new line of text re-lays the screen out, ~10 ms on a status key)."""
        before = self.table.departed
        yield
        if self.table.departed != before:
            self._show_filters()

    def status_written(self, claim_id: int, old: str, new: str) -> None:
        with self._departures():
            self.table.show_status(claim_id, new)
        header = self.query_one("#header", DeskHeader)
        if old != new and header.counts:  # the counts follow without counting again
            counts = Counter(header.counts)
            counts[old] -= 1
            counts[new] += 1
            header.set_counts(+counts)
        if claim_id == self.current_claim_id():
            self.detail_soon(claim_id)

    @on(ClaimsTable.Departed)
    def claim_departed(self) -> None:
        self._show_filters()

    def go_to_claim(self, claim_id: int, *, clear_filters: bool = False) -> None:
        if clear_filters:
            self.document_label = None
            self.query_one("#search", Input).value = ""
            self.query_state = BrowseQuery(sort=self.query_state.sort)
            self._show_filters()
            self.table.set_query(self.query_state, keep_claim=claim_id)
        else:
            self.table.go_to_claim(claim_id)
        self.table.focus()

    # Filters, search, sort ---------------------------------------------------------------

    def _apply(self, query: BrowseQuery) -> None:
        self.query_state = query
        self._show_filters()
        self.table.set_query(query)

    def _show_filters(self) -> None:
        q = self.query_state
        out = Text()
        document = None
        if q.flt.document_id is not None:
            document = self.document_label or f"document {q.flt.document_id}"
        parts = [
            ("status", STATUS_LABELS.get(q.flt.status or "", None)),
            ("kind", q.flt.kind),
            ("document", document),
        ]
        for name, value in parts:
            if value:
                out.append(f"{name}: ", style="dim")
                out.append_text(plain(value, "bold"))
                out.append("  ")
        if not out:
            out.append("all claims  ", style="dim")
        out.append("sorted by ", style="dim")
        out.append(SORT_LABELS[q.sort] + (" ▼" if q.descending else " ▲"))
        if self.table.departed:
            out.append(f"   {DEPARTED_MARK} leaves when cursor moves")
        else:
            out.append("   S status · K kind · D document · x clear · o sort", style="dim")
        self.query_one("#filters", Static).update(out)

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        flt = replace(self.query_state.flt, search=event.value.strip() or None)
        if flt != self.query_state.flt:
            self._apply(replace(self.query_state, flt=flt))

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        self.table.focus()

    def action_focus_table(self) -> None:
        self.table.focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Type-to-search: a printable key that no binding claims starts a new search with
        itself (`/` edits the search as it stands). Keys with a binding keep their action."""
        if isinstance(self.focused, Input) or not event.is_printable or not event.character:
            return
        if event.character.isspace() or event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        search = self.query_one("#search", Input)
        search.value = event.character
        search.cursor_position = len(search.value)
        search.focus()

    def action_filter_status(self) -> None:
        statuses = tuple(s.value for s in Status)
        flt = replace(self.query_state.flt, status=_cycle(statuses, self.query_state.flt.status))
        self._apply(replace(self.query_state, flt=flt))

    def action_filter_kind(self) -> None:
        flt = replace(self.query_state.flt, kind=_cycle(KINDS, self.query_state.flt.kind))
        self._apply(replace(self.query_state, flt=flt))

    def action_filter_document(self) -> None:
        """The document picker; its first entry is the current claim's document (or, with a
        document filter on, all documents), so D Enter toggles as D alone used to."""
        row = self.table.current_row
        current = self.query_state.flt.document_id

        def chosen(pick: DocumentPick | None) -> None:
            if pick is None:
                return
            self.document_label = pick.label
            flt = replace(self.query_state.flt, document_id=pick.document_id)
            self._apply(replace(self.query_state, flt=flt))
            self.table.focus()

        if self._picker is None:
            self._picker = DocumentPickerScreen(self.desk)
            self.app.install_screen(self._picker, name=f"documents-{id(self)}")
        self._picker.prepare(current=current, claim_document=row.document_id if row else None)
        self.app.push_screen(self._picker, chosen)

    def action_clear_filters(self) -> None:
        self.document_label = None
        self.query_one("#search", Input).value = ""
        self._apply(BrowseQuery(sort=self.query_state.sort, descending=self.query_state.descending))

    def action_sort_next(self) -> None:
        sort = _cycle(SORTS, self.query_state.sort) or SORTS[0]
        self._apply(replace(self.query_state, sort=sort, descending=False))

    def action_sort_reverse(self) -> None:
        self._apply(replace(self.query_state, descending=not self.query_state.descending))

    @on(ClaimsTable.SortRequested)
    def sort_clicked(self, event: ClaimsTable.SortRequested) -> None:
        same = event.sort == self.query_state.sort
        descending = not self.query_state.descending if same else False
        self._apply(replace(self.query_state, sort=event.sort, descending=descending))

    def action_refresh(self) -> None:
        self.reload(drop_departed=True)

    # Other screens -----------------------------------------------------------------------

    def action_open_document(self) -> None:
        row = self.table.current_row
        if row is None:
            return
        from claimtrack.tui.screens.document import DocumentScreen

        def back(claim_id: int | None) -> None:
            if claim_id is not None and claim_id != self.current_claim_id():
                self.go_to_claim(claim_id)

        self.app.push_screen(DocumentScreen(self.desk, row.document_id, row.id), back)

    def action_conflicts(self) -> None:
        from claimtrack.tui.screens.conflicts import ConflictsScreen

        def back(claim_id: int | None) -> None:
            self.reload()
            if claim_id is not None:
                self.go_to_claim(claim_id, clear_filters=True)

        self.app.push_screen(ConflictsScreen(self.desk), back)

    def action_export(self) -> None:
        self.claimtrack.action_export()
