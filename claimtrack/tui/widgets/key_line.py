"""The desk's bottom line: its keys, drawn once.

Textual's Footer rebuilds a widget per key whenever the focused widget changes: 50-80 ms at
120x40 on the path of `/`, of type-to-search and of every dialog opened or closed
(bench/tui_scale.py). The desk's keys do not change with focus, so one line of text does.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class KeyLine(Static):
    DEFAULT_CSS = """
    KeyLine {
        dock: bottom;
        height: 1;
        background: $panel;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def on_mount(self) -> None:
        self.update(self.keys_text())

    def keys_text(self) -> Text:
        out = Text()
        seen: set[str] = set()
        bindings = [active.binding for active in self.screen.active_bindings.values()]
        # "?" first: on a narrow terminal the line is cut, and it is the key to every other.
        bindings.sort(key=lambda b: b.id != "app.keys")
        for binding in bindings:
            shown = binding.show or binding.id == "app.keys"
            if not shown or not binding.description or binding.description in seen:
                continue
            seen.add(binding.description)
            out.append(self.app.get_key_display(binding), style="bold")
            out.append(f" {binding.description}  ")
        out.append("^p palette", style="dim")
        return out
