"""The top line: which database, who is checking, and how many claims stand at each status."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual.widgets import Static

from claimtrack.models import Status
from claimtrack.tui.text import STATUS_LABELS, STATUS_STYLES, plain


class DeskHeader(Static):
    def __init__(self, database: str, user: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.database = database
        self.user = user
        self.counts: Counter[str] = Counter()

    def on_mount(self) -> None:
        self.update(self._text())

    def set_counts(self, counts: Counter[str]) -> None:
        self.counts = counts
        self.update(self._text())

    def _text(self) -> Text:
        out = Text()
        out.append("claimtrack ", style="bold")
        out.append_text(plain(self.database))
        out.append("  checker: ", style="dim")
        out.append_text(plain(self.user, "bold"))
        out.append("\n")
        total = sum(self.counts.values())
        out.append(f"{total:,} claims", style="bold")
        for status in Status:
            out.append("  ")
            out.append(f"{STATUS_LABELS[status.value]} ", style=STATUS_STYLES[status.value])
            out.append(f"{self.counts.get(status.value, 0):,}")
        return out
