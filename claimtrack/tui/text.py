"""Turning stored text into safe display text.

Article text, notes and titles are hostile: they may carry Rich markup or terminal escape
sequences. Everything shown goes through `Text(str)` (never markup parsing) and `printable`,
which swaps each control character for one visible stand-in, keeping offsets intact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

from claimtrack.display import grouped_number, unit_label

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.worker import Worker

_C0 = {i: chr(0x2400 + i) for i in range(0x20)}  # ␀ … ␟ (ESC shows as ␛)
_TABLE = {**_C0, 0x7F: "\u2421", **{i: "\ufffd" for i in range(0x80, 0xA0)}}
_KEEP_NEWLINES = {k: v for k, v in _TABLE.items() if k != 0x0A}


def printable(text: str | None, *, newlines: bool = False) -> str:
    """Same length as the input; control characters replaced by visible symbols."""
    if not text:
        return ""
    if newlines:
        return text.translate(_KEEP_NEWLINES)
    return text.translate(_TABLE).replace("\u240a", " ").replace("\u2409", " ")


def plain(text: str | None, style: str | Style = "") -> Text:
    """A literal Text: no markup, no escapes."""
    return Text(printable(text), style=style, no_wrap=False)


def safe_link(url: str) -> Text:
    """The URL as text, clickable only when it holds nothing a terminal could act on."""
    shown = printable(url)
    if shown != url:
        return Text(shown)
    return Text(url, style=Style(link=url, underline=True))


STATUS_LABELS = {
    "unverified": "unverified",
    "in_progress": "in progress",
    "verified": "verified",
    "false": "false",
    "misleading": "misleading",
    "unsupported": "unsupported",
}

STATUS_STYLES = {
    "unverified": "dim",
    "in_progress": "bold yellow",
    "verified": "bold green",
    "false": "bold red",
    "misleading": "bold magenta",
    "unsupported": "bold bright_red",
}

# Background per kind in the article view; status shows as the span's underline colour.
KIND_STYLES = {
    "count": "on #1f3b5c",
    "money": "on #1f4d2e",
    "percent": "on #4d3b1f",
    "quantity": "on #3b1f4d",
    "duration": "on #1f4d4d",
    "date": "on #4d1f33",
    "quote": "on #404040",
}

RELATED_MARK = {"verified": "✓", "false": "✗", "misleading": "~", "unsupported": "?"}


def status_text(status: str) -> Text:
    return Text(STATUS_LABELS.get(status, status), style=STATUS_STYLES.get(status, ""))


def format_value(
    value: float | None, value_max: float | None, unit: str | None, *, short: bool = False
) -> str:
    if value is None:
        return ""
    number = _short if short else grouped_number
    shown = number(value)
    if value_max is not None and value_max != value:
        shown = f"{shown}–{number(value_max)}"
    label = unit_label(unit, value, value_max)
    return f"{shown} {printable(label)}".strip() if label else shown


def _short(value: float) -> str:
    """425000000 -> 425M: table cells are narrow; the detail pane shows the full number."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= max(size, 1e4):
            return f"{value / size:.4g}{suffix}"
    return grouped_number(value)


def notify_failure(node: DOMNode, event: Worker.StateChanged) -> None:
    """A database read in a worker failed: say so in one line; the app keeps running."""
    from textual.worker import WorkerState

    if event.state is WorkerState.ERROR and event.worker.error is not None:
        error = event.worker.error
        reason = printable(str(error).splitlines()[0]) if str(error) else type(error).__name__
        node.app.notify(
            f"Could not read from the database: {reason}", severity="error", markup=False
        )
