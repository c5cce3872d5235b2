"""The source form: URL (validated), title and note for the claim under the cursor."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label

from claimtrack.store.errors import InvalidInput
from claimtrack.store.history import validate_url


@dataclass(frozen=True, slots=True)
class SourceForm:
    url: str
    title: str | None
    note: str | None


class SourceScreen(ModalScreen[SourceForm | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="source.cancel"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text("Add a source", style="bold"))
            yield Input(placeholder="https://…", id="source-url")
            yield Input(placeholder="title (optional)", id="source-title")
            yield Input(placeholder="note (optional)", id="source-note")
            yield Label(Text("Enter saves · Escape cancels", style="dim"), id="source-error")
            yield Button("Save", id="source-save", variant="primary")

    @on(Input.Submitted)
    @on(Button.Pressed, "#source-save")
    def save(self) -> None:
        try:
            url = validate_url(self.query_one("#source-url", Input).value)
        except InvalidInput as exc:
            self.query_one("#source-error", Label).update(Text(str(exc), style="red"))
            self.query_one("#source-url", Input).focus()
            return
        self.dismiss(
            SourceForm(
                url,
                self.query_one("#source-title", Input).value.strip() or None,
                self.query_one("#source-note", Input).value.strip() or None,
            )
        )

    def action_cancel(self) -> None:
        self.dismiss(None)
