"""The claims table: a Line-API ScrollView over SQL pages.

Only the visible lines are rendered. Rows come a page at a time from worker threads (keyset
after/before a neighbouring page in hand, OFFSET for a far jump) into an LRU page cache, and
the pages around a visible one are prefetched. The widget holds at most CACHE_PAGES pages,
whatever the size of the database.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from claimtrack.store.browse import BrowseQuery, ClaimRow
from claimtrack.tui.desk import Desk
from claimtrack.tui.text import (
    RELATED_MARK,
    STATUS_LABELS,
    STATUS_STYLES,
    format_value,
    printable,
)

PAGE = 100
CACHE_PAGES = 64
SEARCH_COUNT_DELAY = 0.15  # seconds of no typing before a search's rows are counted


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    sort: str
    width: int  # 0: takes the width left over


COLUMNS = (
    Column("", "flags", 3),
    Column("Kind", "kind", 8),
    Column("Claim", "claim", 0),
    Column("Value", "value", 14),
    Column("Subject / speaker", "subject", 20),
    Column("Document", "document", 18),
    Column("Status", "status", 11),
)
NARROW = {"flags": 2, "value": 10, "subject": 12, "document": 10}


def _cell(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def _flags(row: ClaimRow) -> str:
    marks = "!" if row.open_conflict else ""
    marks += "".join(sorted({RELATED_MARK[s] for s in row.related if s in RELATED_MARK}))
    return marks


def _cells(row: ClaimRow) -> dict[str, str]:
    return {
        "flags": _flags(row),
        "kind": row.kind,
        "claim": printable(row.span),
        "value": format_value(row.value, row.value_max, row.unit, short=True),
        "subject": printable(row.subject or row.speaker),
        "document": printable(row.document),
        "status": STATUS_LABELS.get(row.status, row.status),
    }


class ClaimsTable(ScrollView, can_focus=True):
    """Every claim the query selects, one line each; only what is on screen is rendered."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claims-table--header",
        "claims-table--cursor",
        "claims-table--loading",
        "claims-table--flag",
    }

    DEFAULT_CSS = """
    ClaimsTable {
        background: $surface;
        overflow-x: hidden;
    }
    ClaimsTable > .claims-table--header {
        text-style: bold;
        background: $panel;
    }
    ClaimsTable > .claims-table--cursor {
        background: $accent 40%;
    }
    ClaimsTable:focus > .claims-table--cursor {
        background: $accent;
    }
    ClaimsTable > .claims-table--loading {
        color: $text-muted;
    }
    ClaimsTable > .claims-table--flag {
        color: $error;
        text-style: bold;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="table.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="table.page_down"),
        Binding("home", "first", "First claim", show=False, id="table.first"),
        Binding("end", "last", "Last claim", show=False, id="table.last"),
    ]

    @dataclass
    class CursorMoved(Message):
        """The claim under the cursor changed (None while its page is loading or none)."""

        table: ClaimsTable
        row: ClaimRow | None

    @dataclass
    class SortRequested(Message):
        """A column header was clicked."""

        sort: str

    @dataclass
    class Counted(Message):
        generation: int
        total: int
        cursor: int | None

    @dataclass
    class PageLoaded(Message):
        generation: int
        page: int
        rows: list[ClaimRow]
        visible: bool

    @dataclass
    class LoadFailed(Message):
        generation: int
        page: int | None
        reason: str

    def __init__(self, desk: Desk, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.desk = desk
        self.browse_query = BrowseQuery()
        self.total: int | None = None
        self.cursor = 0
        self._generation = 0
        self._pages: OrderedDict[int, list[ClaimRow]] = OrderedDict()
        self._pending: set[int] = set()
        self._announced: int | None = None
        self._stale: OrderedDict[int, list[ClaimRow]] = OrderedDict()
        self.cache_pages = CACHE_PAGES

    # Public ------------------------------------------------------------------------------

    @property
    def current_row(self) -> ClaimRow | None:
        return self._row(self.cursor, fetch=False)

    def set_query(self, query: BrowseQuery, *, keep_claim: int | None = None) -> None:
        """Show another selection or order; the cursor stays on keep_claim when it is in it."""
        # A new order of the same rows keeps the count (counting is a scan of its own).
        known = self.total if keep_claim is None and query.flt == self.browse_query.flt else None
        # A reload of the same selection keeps showing the old rows until the new ones are in,
        # so the refresh timer does not blank the table for a frame.
        same = keep_claim is not None and query == self.browse_query
        self._stale = self._pages if same else OrderedDict()
        self.browse_query = query
        self._generation += 1
        self._pages = OrderedDict()
        self._pending.clear()
        self.total = known
        self._announced = None
        if keep_claim is None:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
            self._pending.add(0)  # _load brings page 0 itself
        self._load(self._generation, query, keep_claim, self.cursor, known)
        self.refresh()

    def reload(self) -> None:
        row = self.current_row
        self.set_query(self.browse_query, keep_claim=row.id if row else None)

    def go_to_claim(self, claim_id: int) -> None:
        self.set_query(self.browse_query, keep_claim=claim_id)

    def update_status(self, claim_id: int, status: str) -> None:
        """Show a status just written, without reloading."""
        for rows in self._pages.values():
            for i, row in enumerate(rows):
                if row.id == claim_id:
                    rows[i] = row.with_status(status)
        self.refresh()

    def is_settled(self) -> bool:
        """True when every visible row is loaded and painted-to-be (for tests/benchmarks);
        the count may still be coming (see `counting`)."""
        if self._pending:
            return False
        if self.total is None and 0 not in self._pages:
            return False
        known = self.known_rows
        first = int(self.scroll_offset.y)
        last = min(known, first + max(1, self.size.height - 1))
        return all(i // PAGE in self._pages for i in range(first, last))

    @property
    def counting(self) -> bool:
        return self.total is None

    @property
    def cached_rows(self) -> int:
        return sum(len(rows) for rows in self._pages.values())

    # Loading -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="claims-load", exit_on_error=False)
    def _load(
        self, generation: int, query: BrowseQuery, keep: int | None, cursor: int, known: int | None
    ) -> None:
        try:
            if keep is None:
                rows = self.desk.page(query, limit=PAGE, offset=0)
                self.post_message(self.PageLoaded(generation, 0, rows, True))
                if known is not None or (len(rows) == PAGE and not self._still_wanted(query)):
                    return
                self.post_message(self.Counted(generation, self.desk.count(query), None))
                return
            index = self.desk.row_index(query, keep)
            total = self.desk.count(query)
            target = index if index is not None else min(cursor, max(total - 1, 0))
            self.post_message(self.Counted(generation, total, target))
        except Exception as exc:  # shown to the checker; the app keeps running
            self.post_message(self.LoadFailed(generation, None, _reason(exc)))

    @staticmethod
    def _still_wanted(query: BrowseQuery) -> bool:
        """While the checker is typing a search, counting every prefix (a full scan each)
        would hold the database from the next keystroke's page: wait for a pause first."""
        if not query.flt.search:
            return True
        worker = get_current_worker()
        deadline = time.monotonic() + SEARCH_COUNT_DELAY
        while time.monotonic() < deadline:
            if worker.is_cancelled:
                return False
            time.sleep(0.01)
        return not worker.is_cancelled

    @work(thread=True, group="claims-pages", exit_on_error=False)
    def _fetch(
        self, generation: int, query: BrowseQuery, page: int, plan: dict[str, Any], visible: bool
    ) -> None:
        try:
            reverse = plan.pop("reverse", False)
            if reverse:
                query = replace(query, descending=not query.descending)
            rows = self.desk.page(query, **plan)
            if reverse:
                rows.reverse()
            self.post_message(self.PageLoaded(generation, page, rows, visible))
        except Exception as exc:
            self.post_message(self.LoadFailed(generation, page, _reason(exc)))

    def _plan(self, page: int) -> dict[str, Any]:
        """Keyset from a neighbouring page in hand; else OFFSET from the nearer end."""
        before, after = self._pages.get(page - 1), self._pages.get(page + 1)
        if before and len(before) == PAGE:
            return {"limit": PAGE, "after": before[-1].key}
        if after:
            return {"limit": PAGE, "before": after[0].key}
        start = page * PAGE
        if self.total is not None and start > self.total // 2:
            end = min(self.total, start + PAGE)
            return {"limit": end - start, "offset": self.total - end, "reverse": True}
        return {"limit": PAGE, "offset": start}

    def _request(self, page: int, *, visible: bool) -> None:
        if page < 0 or page in self._pages or page in self._pending:
            return
        if self.total is None or page * PAGE >= self.total:
            return
        self._pending.add(page)
        self._fetch(self._generation, self.browse_query, page, self._plan(page), visible)

    def _row(self, index: int, *, fetch: bool = True) -> ClaimRow | None:
        page = index // PAGE
        rows = self._pages.get(page)
        if rows is None:
            if fetch:
                self._request(page, visible=True)
            return None
        self._pages.move_to_end(page)
        offset = index - page * PAGE
        return rows[offset] if offset < len(rows) else None

    def _stale_row(self, index: int) -> ClaimRow | None:
        """For display only, while a reload is on its way (never for acting on a claim)."""
        rows = self._stale.get(index // PAGE)
        offset = index % PAGE
        return rows[offset] if rows and offset < len(rows) else None

    def on_claims_table_page_loaded(self, message: PageLoaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._pending.discard(message.page)
        self._pages[message.page] = message.rows
        while len(self._pages) > self.cache_pages:
            self._pages.popitem(last=False)
        if self.total is None and message.page == 0:
            if len(message.rows) < PAGE:
                self._set_total(len(message.rows))
            else:  # until the count comes: as many rows as we hold
                self.virtual_size = Size(self.size.width, len(message.rows) + 1)
        if message.visible:
            self._request(message.page + 1, visible=False)
            self._request(message.page - 1, visible=False)
        if self._stale and self.is_settled():
            self._stale = OrderedDict()
        self.refresh()
        self._announce()

    def on_claims_table_counted(self, message: Counted) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._set_total(message.total)
        if message.cursor is not None:
            self.move_cursor(message.cursor, center=True)
        else:
            self.move_cursor(min(self.cursor, max(message.total - 1, 0)))
        self.refresh()

    def on_claims_table_load_failed(self, message: LoadFailed) -> None:
        if message.generation != self._generation:
            message.stop()
            return
        if message.page is not None:
            self._pending.discard(message.page)
        else:
            self._set_total(0)

    def _set_total(self, total: int) -> None:
        self.total = total
        self.virtual_size = Size(self.size.width, total + 1)

    # Cursor ------------------------------------------------------------------------------

    @property
    def _visible_rows(self) -> int:
        return max(1, self.size.height - 1)

    @property
    def known_rows(self) -> int:
        """The count, or while it is coming, the rows of the first page."""
        if self.total is not None:
            return self.total
        return len(self._pages.get(0, ()))

    def move_cursor(self, index: int, *, center: bool = False) -> None:
        known = self.known_rows
        if not known:
            self.cursor = 0
            self._announce()
            return
        self.cursor = max(0, min(index, known - 1))
        top = int(self.scroll_offset.y)
        if center and not top <= self.cursor < top + self._visible_rows:
            self.scroll_to(y=max(0, self.cursor - self._visible_rows // 2), animate=False)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + self._visible_rows:
            self.scroll_to(y=self.cursor - self._visible_rows + 1, animate=False)
        self._row(self.cursor)
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        row = self._row(self.cursor, fetch=False)
        key = row.id if row else None
        if key != self._announced:
            self._announced = key
            self.post_message(self.CursorMoved(self, row))

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - self._visible_rows)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + self._visible_rows)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor((self.total or 1) - 1)

    def on_click(self, event: events.Click) -> None:
        if event.y == 0:
            sort = self._column_at(event.x)
            if sort:
                self.post_message(self.SortRequested(sort))
            return
        self.move_cursor(int(self.scroll_offset.y) + event.y - 1)

    # Rendering ---------------------------------------------------------------------------

    def _widths(self, width: int) -> list[tuple[Column, int]]:
        narrow = width < 100
        fixed = [NARROW.get(c.sort, c.width) if narrow else c.width for c in COLUMNS]
        flex = max(10, width - sum(fixed) - len(COLUMNS))
        return [(c, w or flex) for c, w in zip(COLUMNS, fixed, strict=True)]

    def _column_at(self, x: int) -> str | None:
        pos = 0
        for column, width in self._widths(self.scrollable_content_region.width):
            if pos <= x < pos + width + 1:
                return column.sort
            pos += width + 1
        return None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            return self._header(width, base)
        index = int(self.scroll_offset.y) + y - 1
        if self.total is not None and index >= self.total:
            return Strip.blank(width, base)
        row = self._row(index) or self._stale_row(index)
        if row is None:
            if self.total == 0 and index == 0:
                return self._message("No claims match.", width, base)
            return self._message("…", width, base)
        return self._line(row, index == self.cursor, width, base)

    def _header(self, width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("claims-table--header")
        arrow = " ▼" if self.browse_query.descending else " ▲"
        segments = []
        for column, w in self._widths(width):
            title = column.title + (arrow if column.sort == self.browse_query.sort else "")
            segments.append(Segment(_cell(title, w) + " ", style))
        return Strip(segments).adjust_cell_length(width, style)

    def _message(self, text: str, width: int, base: Style) -> Strip:
        style = base + self.get_component_rich_style("claims-table--loading")
        return Strip([Segment(_cell(text, width), style)])

    def _line(self, row: ClaimRow, is_cursor: bool, width: int, base: Style) -> Strip:
        line_style = base
        if is_cursor:
            line_style = base + self.get_component_rich_style("claims-table--cursor")
        cells = _cells(row)
        flag_style = self.get_component_rich_style("claims-table--flag")
        # Only the colour: the line's background (cursor or not) shows through.
        flag = Style(color=flag_style.color, bold=flag_style.bold)
        segments = []
        for column, w in self._widths(width):
            style = line_style
            if column.sort == "status":
                style = line_style + Style.parse(STATUS_STYLES.get(row.status, ""))
            elif column.sort == "flags":
                style = line_style + flag
            segments.append(Segment(_cell(cells[column.sort], w), style))
            segments.append(Segment(" ", line_style))
        return Strip(segments).adjust_cell_length(width, line_style)

    def on_resize(self) -> None:
        if self.total is not None:
            self.virtual_size = Size(self.size.width, self.total + 1)


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return printable(text)
