"""Every key of the screen the checker came from, read from its bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


def key_rows(screen: Screen[object]) -> list[tuple[str, str]]:
    """(keys, description) for claimtrack's bindings active on screen, app bindings included.

    Only bindings with an id are ours (and remappable); Textual's generic scrolling and focus
    keys are left out."""
    seen: dict[str, list[str]] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or not binding.id:
            continue
        label = screen.app.get_key_display(binding) or key
        seen.setdefault(binding.description, [])
        if label not in seen[binding.description]:
            seen[binding.description].append(label)
    return [(" ".join(keys), description) for description, keys in seen.items()]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", id="help.close"),
    ]

    def __init__(self, rows: list[tuple[str, str]], notes: tuple[str, ...] = ()) -> None:
        """rows: (keys, what they do); notes: lines under the keys."""
        super().__init__()
        self.rows = rows
        self.notes = notes

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold")
        table.add_column()
        for keys, description in self.rows:
            table.add_row(Text(keys), Text(description))
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text("Keys", style="bold"))
            yield Static(table)
            for note in self.notes:
                yield Static(Text(note))
            yield Static(Text("ctrl+p opens the command palette: every action above is there too."))

    def action_close(self) -> None:
        self.dismiss(None)
