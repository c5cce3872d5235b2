"""An article with its claim spans highlighted, wrapped by this widget so that it knows which
line every character offset lands on (and can scroll a span into view)."""

from __future__ import annotations

import bisect
import re
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claimtrack.store.browse import ClaimRow
from claimtrack.tui.text import KIND_STYLES, STATUS_STYLES, printable

_WORD = re.compile(r"\S+\s*|\s+")


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """(start, end) of each display line: paragraphs split on newlines, words kept whole
    unless a single word is wider than the line."""
    width = max(width, 8)
    lines: list[tuple[int, int]] = []
    pos = 0
    for paragraph in text.split("\n"):
        start, used = pos, 0
        for match in _WORD.finditer(paragraph):
            word_start, word = pos + match.start(), match.group()
            size = cell_len(word.rstrip())
            if used and used + size > width:
                lines.append((start, word_start))
                start, used = word_start, 0
            while size > width:  # a word longer than the line: cut it
                lines.append((start, start + width))
                start += width
                size -= width
            used += size + cell_len(word) - cell_len(word.rstrip())
        lines.append((start, pos + len(paragraph)))
        pos += len(paragraph) + 1
    return lines


class DocumentText(ScrollView, can_focus=True):
    COMPONENT_CLASSES: ClassVar[set[str]] = {"document-text--current"}

    DEFAULT_CSS = """
    DocumentText {
        overflow-x: hidden;
        scrollbar-gutter: stable;  /* the wrap width does not change when the bar appears */
    }
    DocumentText > .document-text--current {
        text-style: bold reverse;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""
        self.claims: list[ClaimRow] = []
        self.current: int | None = None
        self._lines: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._width = 0

    def show(self, text: str, claims: list[ClaimRow], current: int | None) -> None:
        self.text = printable(text, newlines=True)
        self.claims = claims
        self.current = current
        self._rewrap()

    def set_current(self, claim_id: int | None) -> None:
        self.current = claim_id
        self.scroll_to_claim()
        self.refresh()

    def update_status(self, claim_id: int, status: str) -> None:
        self.claims = [c.with_status(status) if c.id == claim_id else c for c in self.claims]
        self.refresh()

    def line_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def scroll_to_claim(self) -> None:
        claim = next((c for c in self.claims if c.id == self.current), None)
        if claim is None or not self._lines:
            return
        first, last = self.line_of(claim.start), self.line_of(max(claim.start, claim.end - 1))
        top, height = int(self.scroll_offset.y), self.size.height
        if first < top or last >= top + height:
            self.scroll_to(y=max(0, first - height // 3), animate=False)

    def _rewrap(self) -> None:
        self._width = self.scrollable_content_region.width
        self._lines = wrap_offsets(self.text, self._width)
        self._starts = [start for start, _ in self._lines]
        self.virtual_size = Size(self._width, len(self._lines))
        self.scroll_to_claim()
        self.refresh()

    def on_resize(self) -> None:
        if self.scrollable_content_region.width != self._width:
            self._rewrap()

    def render_line(self, y: int) -> Strip:
        index = int(self.scroll_offset.y) + y
        width = self.scrollable_content_region.width
        if index >= len(self._lines):
            return Strip.blank(width, self.rich_style)
        start, end = self._lines[index]
        line = Text(self.text[start:end].rstrip("\n"), style=self.rich_style, end="")
        for claim in self.claims:
            if claim.end <= start or claim.start >= end:
                continue
            style = self._span_style(claim)
            line.stylize(style, max(claim.start, start) - start, min(claim.end, end) - start)
        segments = Segment.apply_style(line.render(self.app.console, end=""), self.rich_style)
        return Strip(segments).adjust_cell_length(width, self.rich_style)

    def _span_style(self, claim: ClaimRow) -> Style:
        style = Style.parse(KIND_STYLES.get(claim.kind, ""))
        if claim.status != "unverified":  # dim would only make the span harder to read
            style += Style.parse(STATUS_STYLES.get(claim.status, ""))
        if claim.id == self.current:
            style += self.get_component_rich_style("document-text--current")
        return style
