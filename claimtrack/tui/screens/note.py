"""A one-line prompt: a note for a claim or for a decision on a conflict."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class NoteScreen(ModalScreen[str | None]):
    """Dismisses with the text typed (Enter), or None (Escape)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, title: str, *, allow_empty: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.allow_empty = allow_empty

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.title_text, style="bold"))
            yield Input(placeholder="note", id="note-input")
            yield Label(Text("Enter saves · Escape cancels", style="dim"), id="note-error")

    @on(Input.Submitted, "#note-input")
    def submit(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text and not self.allow_empty:
            self.query_one("#note-error", Label).update(Text("The note is empty.", style="red"))
            return
        self.dismiss(text)

    def action_cancel(self) -> None:
        self.dismiss(None)
