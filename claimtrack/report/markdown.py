"""The Markdown report: CommonMark (plus a GFM table), for a CMS, a wiki or a GitHub issue.

Layout: a title; a list with the generated-at time (the only line that changes between two runs
on the same database), the organisation, the checkers, the statuses reported and the claim counts
by status; then one section per document (title, source, URL, published date, a table of its
claims) with one subsection per claim (the claim as it stands quoted, its sentence, normalised
value, status, notes, sources as links, conflicts with their resolution).

All of it is plain CommonMark except the per-document summary table, a GFM table (GitHub, GitLab,
most wikis and CMS editors render it); a strict CommonMark renderer shows it as lines of
pipe-separated text, and every claim's details follow it in plain CommonMark anyway.

Everything from outside goes through markdown_text (escape_inline, escape_cell, link).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TextIO

from claimtrack.models import Claim, Conflict, Document, Source, Status, StatusChange
from claimtrack.report.data import (
    ReportData,
    claim_id,
    iso_utc_seconds,
    value_text,
)
from claimtrack.report.markdown_text import escape_cell, escape_inline, link

TITLE = "Fact-check report"


def write_markdown(data: ReportData, out: TextIO) -> int:
    for line in markdown_lines(data):
        out.write(line + "\n")
    return len(data.claims)


def markdown_lines(data: ReportData) -> Iterator[str]:
    yield from _header(data)
    groups = data.claims_by_document()
    if not groups:
        yield ""
        yield f"No claims with status {escape_inline(' or '.join(data.statuses))}."
    for document, claims in groups:
        yield from _document(data, document, claims)


def _header(data: ReportData) -> Iterator[str]:
    title = f"{TITLE}: {escape_inline(data.org)}" if data.org else TITLE
    yield f"# {title}"
    yield ""
    yield f"- Generated: {iso_utc_seconds(data.generated_at)}"
    if data.org:
        yield f"- Organisation: {escape_inline(data.org)}"
    checkers = ", ".join(escape_inline(n) for n in data.checkers()) or "none recorded"
    yield f"- Checkers: {checkers}"
    yield f"- Statuses reported: {escape_inline(', '.join(data.statuses))}"
    docs = len(data.claims_by_document())
    yield f"- Claims reported: {len(data.claims)} in {docs} document{'s' * (docs != 1)}"
    yield "- Claims in the database by status:"
    for status in Status:
        yield f"  - {escape_inline(status.value)}: {data.counts.get(status.value, 0)}"


def _document(data: ReportData, document: Document, claims: list[Claim]) -> Iterator[str]:
    yield ""
    heading = f"Document {document.id}"
    if document.title and document.title.strip():
        heading += f": {escape_inline(document.title)}"
    yield f"## {heading}"
    yield ""
    yield f"- Source: {escape_inline(document.source or '') or 'not known'}"
    yield f"- URL: {link(document.url or '', document.url) if document.url else 'not known'}"
    published = document.published.isoformat() if document.published else "not known"
    yield f"- Published: {published}"
    yield ""
    yield "| Claim | Kind | As it stands | Value | Status |"
    yield "| ---: | --- | --- | --- | --- |"
    for claim in claims:
        cells = (claim.kind, claim.span, value_text(claim), claim.status)
        yield f"| {claim.id} | " + " | ".join(escape_cell(c) for c in cells) + " |"
    for claim in claims:
        yield from _claim(data, claim)


def _claim(data: ReportData, claim: Claim) -> Iterator[str]:
    cid = claim_id(claim)
    yield ""
    yield f"### Claim {cid}: {escape_inline(claim.status)}"
    yield ""
    yield f"> {escape_inline(claim.span) or ' '}"
    yield ""
    yield f"- Sentence: {escape_inline(claim.text)}"
    yield f"- Kind: {escape_inline(claim.kind)}"
    for label, value in (
        ("Value", value_text(claim)),
        ("Date", claim.date or ""),
        ("Subject", claim.subject or ""),
        ("Speaker", claim.speaker or ""),
    ):
        if value.strip():
            yield f"- {label}: {escape_inline(value)}"
    yield f"- Status: {escape_inline(claim.status)}{_decided(data.verdict_change(claim))}"
    yield from _sublist("Notes", [_note(n) for n in data.notes(claim)])
    yield from _sublist("Sources", [_source(s) for s in data.sources[cid]])
    yield from _sublist(
        "Conflicts", [_conflict(c, cid, data.conflict_members) for c in data.conflicts[cid]]
    )


def _sublist(label: str, items: list[str]) -> Iterator[str]:
    if not items:
        yield f"- {label}: none"
        return
    yield f"- {label}:"
    for item in items:
        yield f"  - {item}"


def _decided(change: StatusChange | None) -> str:
    if change is None:
        return ""
    return f" (by {escape_inline(change.by)}, {iso_utc_seconds(change.at)})"


def _note(change: StatusChange) -> str:
    what = (
        f"{change.old_status} → {change.new_status}"
        if change.old_status != change.new_status
        else "note"
    )
    head = f"{iso_utc_seconds(change.at)}, {escape_inline(change.by)}, {escape_inline(what)}"
    return f"{head}: {escape_inline(change.note or '')}"


def _source(source: Source) -> str:
    text = link(source.title or source.url, source.url)
    if source.note and source.note.strip():
        text += f": {escape_inline(source.note)}"
    return text


def _conflict(conflict: Conflict, cid: int, members: dict[int, list[int]]) -> str:
    others = [str(i) for i in members.get(conflict.id or -1, []) if i != cid]
    text = f"Conflict {conflict.id} ({escape_inline(conflict.kind)})"
    if others:
        text += f" with claim{'s' * (len(others) != 1)} {', '.join(others)}"
    text += f": {escape_inline(conflict.explanation)} (resolution: {escape_inline(conflict.state)}"
    if conflict.decided_by:
        text += f" by {escape_inline(conflict.decided_by)}"
    if conflict.decided_at:
        text += f", {iso_utc_seconds(conflict.decided_at)}"
    if conflict.note and conflict.note.strip():
        text += f"; {escape_inline(conflict.note)}"
    return text + ")"
