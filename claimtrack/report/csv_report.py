"""The CSV report: one row per claim, for spreadsheets, written by the standard library's csv
module (excel dialect).

Several values in one cell (notes, sources, conflicts) are separated by line breaks, which the csv
module quotes. A text cell that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) gets a leading ``'``: the article text is hostile, and
``=HYPERLINK(...)`` in a sentence must not become a live formula. Numbers are written as numbers.
"""

from __future__ import annotations

import csv
from typing import TextIO

from claimtrack.models import Claim
from claimtrack.report.data import ReportData, claim_id, format_number, iso_utc_seconds

COLUMNS = (
    "claim_id",
    "document_id",
    "document_title",
    "document_source",
    "document_url",
    "document_published",
    "kind",
    "status",
    "span",
    "sentence",
    "value",
    "value_max",
    "unit",
    "qualifier",
    "date",
    "subject",
    "speaker",
    "status_set_by",
    "status_set_at",
    "notes",
    "sources",
    "conflicts",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(data: ReportData, out: TextIO) -> int:
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for claim in data.claims:
        writer.writerow(row(data, claim))
    return len(data.claims)


def cell(text: str | None) -> str:
    if not text:
        return ""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def row(data: ReportData, claim: Claim) -> list[str | int]:
    cid = claim_id(claim)
    doc = data.documents[claim.document_id]
    change = data.verdict_change(claim)
    notes = [f"{iso_utc_seconds(n.at)} {n.by}: {n.note}" for n in data.notes(claim)]
    sources = [
        " ".join(p for p in (s.url, s.title and f"({s.title})", s.note and f"- {s.note}") if p)
        for s in data.sources[cid]
    ]
    conflicts = [
        f"#{c.id} {c.kind} {c.state}: {c.explanation}" + (f" ({c.note})" if c.note else "")
        for c in data.conflicts[cid]
    ]
    return [
        cid,
        claim.document_id,
        cell(doc.title),
        cell(doc.source),
        cell(doc.url),
        doc.published.isoformat() if doc.published else "",
        claim.kind,
        claim.status,
        cell(claim.span),
        cell(claim.text),
        format_number(claim.value),
        format_number(claim.value_max),
        cell(claim.unit),
        cell(claim.qualifier),
        cell(claim.date),
        cell(claim.subject),
        cell(claim.speaker),
        cell(change.by) if change else "",
        iso_utc_seconds(change.at) if change else "",
        cell("\n".join(notes)),
        cell("\n".join(sources)),
        cell("\n".join(conflicts)),
    ]
