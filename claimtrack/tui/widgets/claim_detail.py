"""The detail pane: one claim with its sentence, fields, sources, history and claim memory."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from claimtrack.tui.desk import ClaimDetail, published
from claimtrack.tui.text import (
    KIND_STYLES,
    STATUS_LABELS,
    format_value,
    plain,
    printable,
    safe_link,
    status_text,
)


def when(at: dt.datetime) -> str:
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC)
    return at.strftime("%Y-%m-%d %H:%M UTC")


def sentence_text(sentence: str, span: str, kind: str) -> Text:
    """The sentence with the claim's span marked; both shown literally."""
    text = plain(sentence)
    at = sentence.find(span) if span else -1
    if at >= 0:
        text.stylize(f"bold underline {KIND_STYLES.get(kind, '')}", at, at + len(span))
    return text


def detail_text(detail: ClaimDetail) -> Text:
    claim, doc = detail.claim, detail.document
    out = Text()
    out.append(f"#{claim.id} {claim.kind}  ", style="bold")
    out.append_text(status_text(claim.status))
    if detail.open_conflicts:
        out.append("  ! open conflict (c)", style="bold red")
    out.append("\n")
    out.append_text(plain(doc.title or doc.path or f"document {doc.id}", "italic"))
    out.append(f"  {published(doc)}\n\n", style="dim")
    out.append_text(sentence_text(claim.text, claim.span, claim.kind))
    out.append("\n\n")
    _field(out, "Claim", printable(claim.span))
    _field(out, "Value", format_value(claim.value, claim.value_max, claim.unit))
    _field(out, "Qualifier", claim.qualifier)
    _field(out, "Date", claim.date)
    _field(out, "Subject", printable(claim.subject))
    _field(out, "Speaker", printable(claim.speaker))
    _sources(out, detail)
    _history(out, detail)
    _related(out, detail)
    return out


def _field(out: Text, name: str, value: str | None) -> None:
    if value:
        out.append(f"{name:<10}", style="dim")
        out.append(value)
        out.append("\n")


def _sources(out: Text, detail: ClaimDetail) -> None:
    out.append("\nSources\n", style="bold")
    if not detail.sources:
        out.append("  none yet (s adds one)\n", style="dim")
    for src in detail.sources:
        out.append("  • ")
        if src.title:
            out.append_text(plain(src.title, "bold"))
            out.append(" ")
        out.append_text(safe_link(src.url))
        if src.note:
            out.append("\n    ")
            out.append_text(plain(src.note, "dim"))
        out.append("\n")


def _history(out: Text, detail: ClaimDetail) -> None:
    out.append("\nHistory\n", style="bold")
    if not detail.history:
        out.append("  no changes yet\n", style="dim")
    for change in detail.history:
        out.append(f"  {when(change.at)} ", style="dim")
        out.append_text(plain(change.by, "bold"))
        if change.old_status != change.new_status:
            out.append(f"  {STATUS_LABELS.get(change.old_status, change.old_status)} → ")
            out.append_text(status_text(change.new_status))
        else:
            out.append("  note")
        if change.note:
            out.append("\n    ")
            out.append_text(plain(change.note))
        out.append("\n")


def _related(out: Text, detail: ClaimDetail) -> None:
    out.append("\nIn other documents\n", style="bold")
    if not detail.related:
        out.append("  nothing linked\n", style="dim")
    for rel in detail.related:
        out.append("  ")
        out.append_text(status_text(rel.status))
        out.append(f"  {rel.relation}  ", style="red" if rel.relation == "conflicts" else "green")
        out.append_text(plain(rel.span))
        out.append(" — ", style="dim")
        out.append_text(plain(rel.document, "italic"))
        out.append(f"  #{rel.claim_id}\n", style="dim")


class ClaimDetailPane(VerticalScroll):
    """Shows one claim's detail; `show(None)` empties it. Tab focuses it, to scroll it by keys."""

    def compose(self) -> ComposeResult:
        yield Static(Text("No claim selected.", style="dim"), id="detail-body")

    claim_id: int | None = None

    def show(self, detail: ClaimDetail | None) -> None:
        body = self.query_one("#detail-body", Static)
        if detail is None:
            body.update(Text("No claim selected.", style="dim"))
        else:
            body.update(detail_text(detail))
        shown = detail.claim.id if detail else None
        if shown != self.claim_id:
            self.scroll_home(animate=False)
        self.claim_id = shown
