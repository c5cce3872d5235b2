"""The export form: where to write, which statuses to include, which format."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, SelectionList

from claimtrack.models import Status
from claimtrack.tui.text import STATUS_LABELS

FORMATS = ("markdown", "claimreview", "json", "csv")


@dataclass(frozen=True, slots=True)
class ExportRequest:
    path: Path
    fmt: str
    statuses: tuple[str, ...]


class ExportScreen(ModalScreen[ExportRequest | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text("Export a report", style="bold"))
            yield Input(placeholder="file to write, e.g. report.md", id="export-path")
            yield SelectionList[str](
                *[(STATUS_LABELS[s.value], s.value, s is Status.verified) for s in Status],
                id="export-statuses",
            )
            yield Select(
                [(f, f) for f in FORMATS], value="markdown", allow_blank=False, id="export-format"
            )
            yield Label(Text("Enter exports · Escape cancels", style="dim"), id="export-error")
            yield Button("Export", id="export-save", variant="primary")

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-save")
    def save(self) -> None:
        path = self.query_one("#export-path", Input).value.strip()
        statuses = tuple(self.query_one("#export-statuses", SelectionList).selected)
        fmt = str(self.query_one("#export-format", Select).value)
        if not path:
            return self._error("Type the file to write.")
        if not statuses:
            return self._error("Choose at least one status.")
        target = Path(path).expanduser()
        if target.is_dir():
            return self._error(f"{path}: is a directory")
        if not target.parent.exists():
            return self._error(f"{target.parent}: no such directory")
        self.dismiss(ExportRequest(target, fmt, statuses))

    def _error(self, message: str) -> None:
        self.query_one("#export-error", Label).update(Text(message, style="red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
