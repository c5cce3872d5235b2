"""The document picker (D): every document with source, date and claim count; typing narrows.

It lists at most LIMIT documents at a time (the query reads no article text), so 4,000
documents open as fast as 40; what does not fit is one more word of narrowing away.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from claimtrack.store.document_pick import DocumentChoice, DocumentPage
from claimtrack.tui.desk import Desk
from claimtrack.tui.text import plain, printable
from claimtrack.tui.widgets.choice_list import Choice, ChoiceList

LIMIT = 60
ALL = "all"
CLAIMS_OWN = "▸ "  # the document of the claim under the cursor


@dataclass(frozen=True, slots=True)
class DocumentPick:
    """The checker's choice: a document, or None for all documents."""

    document_id: int | None
    label: str | None


def _fit(text: str, width: int) -> str:
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def choice_text(doc: DocumentChoice, width: int, *, mark: str = "") -> Text:
    """One line: title (literal), source, date, claims; the title takes what is left."""
    date = doc.published.isoformat() if doc.published else "no date"
    claims = f"{doc.claims:,} claims"
    title_width = max(12, width - 14 - 11 - 13 - len(mark))
    out = Text(mark, style="bold")
    out.append_text(plain(_fit(printable(doc.label), title_width)))
    out.append(" ")
    out.append(_fit(printable(doc.source) or "—", 13), style="italic")
    out.append(" ")
    out.append(_fit(date, 10), style="dim")
    out.append(f" {claims:>12}")
    return out


class DocumentPickerScreen(ModalScreen[DocumentPick | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="documents.cancel"),
        Binding("down", "move(1)", "Next", show=False, id="documents.down"),
        Binding("up", "move(-1)", "Previous", show=False, id="documents.up"),
        Binding("pagedown", "move(10)", "Page down", show=False, id="documents.page_down"),
        Binding("pageup", "move(-10)", "Page up", show=False, id="documents.page_up"),
    ]

    @dataclass
    class Loaded(Message):
        text: str
        page: DocumentPage

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self.desk = desk
        self.current: int | None = None  # the document filtered on now, if any
        self.claim_document: int | None = None  # the document of the claim under the cursor
        self.shown_text: str | None = None  # the narrowing the list shows (for tests)
        self.page: DocumentPage | None = None

    def prepare(self, *, current: int | None, claim_document: int | None) -> None:
        """Set up for one more opening: the desk keeps one picker (installed), because
        building its widgets and styles anew cost more than the rest of opening it."""
        self.current, self.claim_document = current, claim_document
        self.shown_text, self.page = None, None
        if self.is_mounted:
            self.query_one("#doc-list", ChoiceList).set_choices([])
            field = self.query_one("#doc-q", Input)
            with field.prevent(Input.Changed):
                field.value = ""
            self.load("")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="documents"):
            yield Label(Text("Filter by document", style="bold"))
            yield Input(placeholder="type to narrow: title, source, path, URL or #id", id="doc-q")
            yield ChoiceList(id="doc-list")
            yield Label(Text("…", style="dim"), id="doc-status")

    def on_mount(self) -> None:
        self.load("")

    def on_screen_resume(self) -> None:
        self.query_one("#doc-q", Input).focus()

    @on(Input.Changed, "#doc-q")
    def narrow(self, event: Input.Changed) -> None:
        self.load(event.value)

    @work(thread=True, exclusive=True, group="documents", exit_on_error=False)
    def load(self, text: str) -> None:
        first = self.claim_document if self.current is None else None
        page = self.desk.documents(text, limit=LIMIT, first=first)
        self.post_message(self.Loaded(text, page))

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        if event.text != self.query_one("#doc-q", Input).value:
            return  # typed on since: a newer list is coming
        self.page, self.shown_text = event.page, event.text
        listing = self.query_one("#doc-list", ChoiceList)
        width = listing.scrollable_content_region.width or self.app.size.width - 14
        width = max(40, width)
        choices: list[Choice] = []
        if self.current is not None:
            label = Text("All documents", style="bold")
            label.append("  (clear the document filter)", style="dim")
            choices.append(Choice(ALL, label))
        for doc in event.page.documents:
            mine = doc.id == self.claim_document and self.current is None
            text = choice_text(doc, width - 1, mark=CLAIMS_OWN if mine else "")
            choices.append(Choice(str(doc.id), text))
        listing.set_choices(choices)
        self.query_one("#doc-status", Label).update(self._status(event.page))

    def _status(self, page: DocumentPage) -> Text:
        shown = len(page.documents)
        if not shown:
            return Text("No document matches.", style="dim")
        out = Text(f"{shown:,} of {page.matching:,} documents", style="dim")
        if shown < page.matching:
            out.append(" (type to narrow)", style="dim")
        if self.current is None and self.claim_document is not None:
            out.append(f" · {CLAIMS_OWN.strip()} this claim's", style="dim")
        out.append(" · Enter filters · Esc cancels", style="dim")
        return out

    def action_move(self, step: int) -> None:
        self.query_one("#doc-list", ChoiceList).move(step)

    @on(Input.Submitted, "#doc-q")
    def submit(self) -> None:
        current = self.query_one("#doc-list", ChoiceList).current
        if current is not None and self.shown_text is not None:
            self._choose(current.key)

    @on(ChoiceList.Chosen, "#doc-list")
    def selected(self, event: ChoiceList.Chosen) -> None:
        self._choose(event.key)

    def _choose(self, option_id: str | None) -> None:
        if option_id is None:
            return
        if option_id == ALL:
            self.dismiss(DocumentPick(None, None))
            return
        doc_id = int(option_id)
        docs = self.page.documents if self.page else []
        label = next((d.label for d in docs if d.id == doc_id), None)
        self.dismiss(DocumentPick(doc_id, label))

    def action_cancel(self) -> None:
        self.dismiss(None)
