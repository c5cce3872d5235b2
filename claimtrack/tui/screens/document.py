"""The article with every claim highlighted; moving through claims scrolls to each span."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import Worker

from claimtrack.store.browse import ClaimRow
from claimtrack.tui.desk import Desk, DocumentView, published
from claimtrack.tui.text import KIND_STYLES, format_value, notify_failure, plain, status_text
from claimtrack.tui.widgets.document_text import DocumentText


class DocumentScreen(Screen[int | None]):
    """Dismisses with the claim the checker ended on, so the table can follow."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,right_square_bracket", "next_claim", "Next claim", id="document.next"),
        Binding("k,left_square_bracket", "previous_claim", "Previous claim", id="document.prev"),
        Binding("escape,d", "back", "Back to claims", id="document.back"),
    ]

    @dataclass
    class Loaded(Message):
        view: DocumentView

    def __init__(self, desk: Desk, document_id: int, claim_id: int | None) -> None:
        super().__init__()
        self.desk = desk
        self.document_id = document_id
        self.claim_id = claim_id
        self.claims: list[ClaimRow] = []

    def compose(self) -> ComposeResult:
        yield Static(id="document-title")
        yield Static(self._legend(), id="document-legend")
        yield DocumentText(id="document-text")
        yield Static(id="document-claim")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DocumentText).focus()
        self.load()

    @work(thread=True, exclusive=True, group="document", exit_on_error=False)
    def load(self) -> None:
        self.post_message(self.Loaded(self.desk.document(self.document_id)))

    @on(Loaded)
    def loaded(self, event: Loaded) -> None:
        doc = event.view.document
        self.claims = event.view.claims
        title = Text()
        title.append_text(plain(doc.title or doc.path or f"document {doc.id}", "bold"))
        title.append(f"  {published(doc)}  #{doc.id}  {len(self.claims)} claims", style="dim")
        self.query_one("#document-title", Static).update(title)
        self.query_one(DocumentText).show(doc.text, self.claims, self.claim_id)
        self._show_claim()

    def _legend(self) -> Text:
        out = Text()
        out.append("kinds: ", style="dim")
        for kind, style in KIND_STYLES.items():
            out.append(f" {kind} ", style=style)
            out.append(" ")
        return out

    def _index(self) -> int:
        ids = [c.id for c in self.claims]
        return ids.index(self.claim_id) if self.claim_id in ids else -1

    def _show_claim(self) -> None:
        index = self._index()
        out = Text()
        if index < 0:
            out.append("No claim selected; j / k move through the claims.", style="dim")
        else:
            claim = self.claims[index]
            out.append(f"claim {index + 1}/{len(self.claims)}  #{claim.id} {claim.kind}  ")
            out.append_text(status_text(claim.status))
            out.append("  ")
            out.append_text(plain(claim.span, "bold"))
            value = format_value(claim.value, claim.value_max, claim.unit)
            if value:
                out.append(f"  = {value}", style="dim")
        self.query_one("#document-claim", Static).update(out)

    def _move(self, step: int) -> None:
        if not self.claims:
            return
        index = self._index()
        index = (0 if step > 0 else len(self.claims) - 1) if index < 0 else index + step
        index = max(0, min(index, len(self.claims) - 1))
        self.claim_id = self.claims[index].id
        self.query_one(DocumentText).set_current(self.claim_id)
        self._show_claim()

    def action_next_claim(self) -> None:
        self._move(1)

    def action_previous_claim(self) -> None:
        self._move(-1)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        notify_failure(self, event)

    def action_back(self) -> None:
        self.dismiss(self.claim_id)

    # As a claim screen: the status keys and forms act on the claim highlighted here.

    def current_claim_id(self) -> int | None:
        return self.claim_id

    def claim_changed(self, claim_id: int, status: str | None) -> None:
        if status is None:
            return
        self.claims = [c.with_status(status) if c.id == claim_id else c for c in self.claims]
        self.query_one(DocumentText).update_status(claim_id, status)
        self._show_claim()
