"""The claims table: a Line-API ScrollView over SQL pages.

Only the visible lines are rendered. Rows come a page at a time from worker threads (keyset
after/before a neighbouring page in hand, OFFSET for a far jump) into an LRU page cache, and
the pages around a visible one are prefetched. The widget holds at most CACHE_PAGES pages,
whatever the size of the database.

A reload of the same selection (the refresh timer, ctrl+r) keeps the rows in hand on screen and
under the keys until the fresh ones replace them. The first page and count of the last few
selections are remembered until the data changes, so a backspace in the search costs nothing,
and a search typed further only looks among the rows of the one before when those were few.
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
MEMO = 32  # selections whose first page and count are remembered
DEPARTED_MARK = "↷"  # a claim marked out of the status filter, until the cursor leaves it


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


def _flags(row: ClaimRow, departed: bool = False) -> str:
    marks = DEPARTED_MARK if departed else ""
    marks += "!" if row.open_conflict else ""
    marks += "".join(sorted({RELATED_MARK[s] for s in row.related if s in RELATED_MARK}))
    return marks


def _cells(row: ClaimRow, departed: bool, unsaved: bool) -> dict[str, str]:
    status = STATUS_LABELS.get(row.status, row.status)
    return {
        "flags": _flags(row, departed),
        "kind": row.kind,
        "claim": printable(row.span),
        "value": format_value(row.value, row.value_max, row.unit, short=True),
        "subject": printable(row.subject or row.speaker),
        "document": printable(row.document),
        "status": status + "…" if unsaved else status,
    }


class ClaimsTable(ScrollView, can_focus=True):
    """Every claim the query selects, one line each; only what is on screen is rendered."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "claims-table--header",
        "claims-table--cursor",
        "claims-table--loading",
        "claims-table--flag",
        "claims-table--departed",
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
    ClaimsTable > .claims-table--departed {
        text-style: dim italic;
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

    @dataclass
    class Reloaded(Message):
        """Fresh rows for the selection on screen: the count, where `claim` now sits, and the
        page that holds it."""

        generation: int
        total: int
        claim: int | None
        index: int | None
        page: int
        rows: list[ClaimRow]
        follow: bool  # move the cursor to `claim` even if it has moved meanwhile

    @dataclass
    class Departed(Message):
        """A claim marked out of the filter left the table (the cursor moved off it)."""

        claim_id: int

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
        self._memo: OrderedDict[BrowseQuery, tuple[list[ClaimRow], int | None]] = OrderedDict()
        self._unsaved: dict[int, str] = {}  # claim id -> status before a write still under way
        self.reloading = False
        self.cache_pages = CACHE_PAGES

    # Public ------------------------------------------------------------------------------

    @property
    def current_row(self) -> ClaimRow | None:
        return self._row(self.cursor, fetch=False)

    @property
    def departed(self) -> frozenset[int]:
        """Claims marked out of the filter that stay on screen until the cursor leaves them."""
        return self.browse_query.keep

    def set_query(self, query: BrowseQuery, *, keep_claim: int | None = None) -> None:
        """Show another selection or order; the cursor goes to keep_claim when it is in it."""
        if keep_claim is not None and query == self.browse_query and self.total is not None:
            self._revalidate(keep_claim, follow=True)
            return
        # A new order of the same rows keeps the count (counting is a scan of its own).
        known = self.total if keep_claim is None and query.flt == self.browse_query.flt else None
        self.browse_query = query
        self._new_generation()
        self._pages = OrderedDict()
        self.total = known
        self._announced = None
        if keep_claim is None:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
            if self._from_memo(query):
                return
            self._pending.add(0)  # _load brings page 0 itself
        within = self._narrowing(query) if keep_claim is None else None
        self._load(self._generation, query, keep_claim, self.cursor, known, within)
        self.refresh()

    def reload(self, *, drop_departed: bool = False) -> None:
        """Read the same selection again (the database changed). The rows in hand stay on
        screen and under the keys until the fresh ones are in; claims marked out of the filter
        stay too unless drop_departed (ctrl+r: the checker asked for the table as it is)."""
        self._memo.clear()
        if drop_departed and self.browse_query.keep:
            self.browse_query = replace(self.browse_query, keep=frozenset())
        row = self.current_row
        if self.total is None or (row is None and self.cursor >= self.known_rows):
            self.set_query(self.browse_query)
            return
        self._revalidate(row.id if row else None, follow=False)

    def go_to_claim(self, claim_id: int) -> None:
        self.set_query(self.browse_query, keep_claim=claim_id)

    def show_status(self, claim_id: int, status: str, *, unsaved: str | None = None) -> None:
        """Show a status without reloading: at once on the key (unsaved holds the status to
        go back to if the write fails, and marks the row as being written), and again when
        the write went through."""
        if unsaved is not None:
            self._unsaved.setdefault(claim_id, unsaved)
        else:
            self._unsaved.pop(claim_id, None)
        self._memo.clear()
        for rows in self._pages.values():
            for i, row in enumerate(rows):
                if row.id == claim_id:
                    rows[i] = row.with_status(status)
        self._depart_or_return(claim_id, status)
        self.refresh()

    def status_of(self, claim_id: int) -> str | None:
        index = self._index_of(claim_id)
        row = self._row(index, fetch=False) if index is not None else None
        return row.status if row else None

    def revert_status(self, claim_id: int) -> None:
        """The write failed: back to the status the row had before the key."""
        old = self._unsaved.get(claim_id)
        if old is not None:
            self.show_status(claim_id, old)

    def is_settled(self) -> bool:
        """True when every visible row is loaded and painted-to-be (for tests/benchmarks);
        the count may still be coming (see `counting`)."""
        if self._pending or self.reloading:
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

    # A claim marked out of the status filter ----------------------------------------------

    def _depart_or_return(self, claim_id: int, status: str) -> None:
        wanted = self.browse_query.flt.status
        keep = self.browse_query.keep
        if wanted is None:
            return
        if status == wanted and claim_id in keep:
            self.browse_query = replace(self.browse_query, keep=keep - {claim_id})
        elif status != wanted and claim_id not in keep:
            row = self.current_row
            if row is not None and row.id == claim_id:
                self.browse_query = replace(self.browse_query, keep=keep | {claim_id})
            elif self._index_of(claim_id) is not None:
                # Not under the cursor (marked from another screen): it leaves at once.
                self.reload()

    def _index_of(self, claim_id: int) -> int | None:
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == claim_id:
                    return page * PAGE + offset
        return None

    def _leave(self, claim_id: int, index: int) -> None:
        """The cursor moved off a departed claim: take its row out of the pages in hand."""
        self.browse_query = replace(self.browse_query, keep=self.browse_query.keep - {claim_id})
        self._memo.clear()
        self.post_message(self.Departed(claim_id))
        if self._pending or self.reloading or self.total is None:
            self.reload()
            return
        page = index // PAGE
        rows = self._pages.get(page)
        if rows is None or rows[index % PAGE].id != claim_id:
            self.reload()
            return
        del rows[index % PAGE]
        # Every later row moves up by one: pull the first row of each following page in hand
        # back; the last page of that run is short now, and is dropped (read again by keyset
        # from the one before) unless it is the last page of all; pages after a gap are off
        # by one and dropped.
        while page + 1 in self._pages and self._pages[page + 1]:
            following = self._pages[page + 1]
            rows.append(following.pop(0))
            page, rows = page + 1, following
        self.total -= 1
        if page * PAGE + len(rows) < self.total:
            del self._pages[page]
        for later in [p for p in self._pages if p > page]:
            del self._pages[later]
        self.virtual_size = Size(self.size.width, self.total + 1)
        if self.cursor > index:
            self.cursor -= 1
        if int(self.scroll_offset.y) > index:
            self.scroll_to(y=int(self.scroll_offset.y) - 1, animate=False)
        self.refresh()

    # Loading -----------------------------------------------------------------------------

    def _new_generation(self) -> None:
        self._generation += 1
        self._pending.clear()
        self.reloading = False
        # Pages of an older selection still being read are of no use now.
        self.workers.cancel_group(self, "claims-pages")

    def _remember(self, query: BrowseQuery, rows: list[ClaimRow], total: int | None) -> None:
        if query.keep:
            return
        self._memo[query] = (rows, total)
        self._memo.move_to_end(query)
        while len(self._memo) > MEMO:
            self._memo.popitem(last=False)

    def _from_memo(self, query: BrowseQuery) -> bool:
        """A selection seen moments ago (a backspace in the search): shown without a query."""
        rows, total = self._memo.get(query, ([], None))
        if total is None:
            return False
        self._pages[0] = list(rows)
        self._set_total(total)
        self.move_cursor(0)
        self._request(1, visible=False)
        self.refresh()
        return True

    def _narrowing(self, query: BrowseQuery) -> frozenset[int] | None:
        """A search typed further matches only rows the shorter one matched: when those were
        all in its first page, the new search looks among them instead of the whole table."""
        search = query.flt.search
        if not search:
            return None
        for earlier, (rows, total) in reversed(self._memo.items()):
            shorter = earlier.flt.search
            if (
                total is not None
                and total <= PAGE
                and shorter
                and shorter in search  # as typed: the database decides what case means
                and replace(earlier.flt, search=search) == query.flt
            ):
                return frozenset(r.id for r in rows)
        return None

    def _revalidate(self, claim: int | None, *, follow: bool) -> None:
        self._new_generation()
        self.reloading = True
        self._reload(self._generation, self.browse_query, claim, self.cursor, follow)

    @work(thread=True, exclusive=True, group="claims-load", exit_on_error=False)
    def _reload(
        self, generation: int, query: BrowseQuery, claim: int | None, cursor: int, follow: bool
    ) -> None:
        try:
            index = self.desk.row_index(query, claim) if claim is not None else None
            total = self.desk.count(query)
            target = index if index is not None else min(cursor, max(total - 1, 0))
            page = target // PAGE
            rows = self.desk.page(query, limit=PAGE, offset=page * PAGE) if total else []
            self.post_message(self.Reloaded(generation, total, claim, index, page, rows, follow))
        except Exception as exc:  # shown to the checker; the app keeps running
            self.post_message(self.LoadFailed(generation, None, _reason(exc)))

    def on_claims_table_reloaded(self, message: Reloaded) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self.reloading = False
        now = self.current_row
        self._pages = OrderedDict({message.page: message.rows})
        self._set_total(message.total)
        if message.follow or (now is not None and now.id == message.claim):
            target = message.index if message.index is not None else self.cursor
            self.move_cursor(target, center=message.follow)
        else:  # the checker moved on meanwhile: stay on the claim now under the cursor
            self.move_cursor(self.cursor)
        self._request(message.page + 1, visible=False)
        self._request(message.page - 1, visible=False)
        self._announced = None
        self._announce()
        self.refresh()

    @work(thread=True, exclusive=True, group="claims-load", exit_on_error=False)
    def _load(
        self,
        generation: int,
        query: BrowseQuery,
        keep: int | None,
        cursor: int,
        known: int | None,
        within: frozenset[int] | None,
    ) -> None:
        try:
            if keep is None:
                rows = self.desk.page(query, limit=PAGE, offset=0, within=within)
                self.post_message(self.PageLoaded(generation, 0, rows, True))
                if known is not None or (len(rows) == PAGE and not self._still_wanted(query)):
                    return
                if len(rows) == PAGE:
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
        if message.page == 0:
            self._remember(self.browse_query, list(message.rows), self.total)
        if message.visible:
            self._request(message.page + 1, visible=False)
            self._request(message.page - 1, visible=False)
        self.refresh()
        self._announce()

    def on_claims_table_counted(self, message: Counted) -> None:
        message.stop()
        if message.generation != self._generation:
            return
        self._set_total(message.total)
        first = self._memo.get(self.browse_query)
        if first is not None and first[1] is None:
            self._remember(self.browse_query, first[0], message.total)
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
        elif self.reloading:
            self.reloading = False  # the rows in hand stay
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
        before, at = self.current_row, self.cursor
        self._place_cursor(index, center=center)
        if before is not None and before.id in self.departed:
            now = self.current_row
            if now is None or now.id != before.id:
                self._leave(before.id, at)
                self._announce()

    def _place_cursor(self, index: int, *, center: bool = False) -> None:
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
        row = self._row(index)
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
        departed = row.id in self.departed
        if departed:
            line_style += self.get_component_rich_style("claims-table--departed")
        if is_cursor:
            line_style += self.get_component_rich_style("claims-table--cursor")
        cells = _cells(row, departed, row.id in self._unsaved)
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
