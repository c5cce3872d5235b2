"""The JSON shapes of the command-line contract, built from store rows.

Shared by `--json` output, the JSON report and the tests, so each shape is defined once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlmodel import Session

from claimtrack.models import Claim, Conflict, Document, StatusChange
from claimtrack.store import related_claims
from claimtrack.store.conflicts import conflict_claim_ids

JSON = dict[str, Any]


def iso_utc(at: dt.datetime | None) -> str | None:
    if at is None:
        return None
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def document_json(doc: Document, claims: int) -> JSON:
    return {
        "id": doc.id,
        "title": doc.title,
        "source": doc.source,
        "url": doc.url,
        "path": doc.path,
        "published": doc.published.isoformat() if doc.published else None,
        "sha256": doc.sha256,
        "claims": claims,
    }


def claim_json(claim: Claim, related: list[JSON]) -> JSON:
    return {
        "id": claim.id,
        "document_id": claim.document_id,
        "kind": claim.kind,
        "text": claim.text,
        "span": claim.span,
        "start": claim.start,
        "end": claim.end,
        "value": claim.value,
        "value_max": claim.value_max,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "date": claim.date,
        "subject": claim.subject,
        "speaker": claim.speaker,
        "status": claim.status,
        "related": related,
    }


def claims_json(session: Session, claims: list[Claim]) -> list[JSON]:
    ids = [c.id for c in claims if c.id is not None]
    related = related_claims(session, ids)
    return [
        claim_json(
            c,
            [
                {"claim_id": r.claim_id, "relation": r.relation, "status": r.status}
                for r in related.get(c.id or -1, [])
            ],
        )
        for c in claims
    ]


def history_json(change: StatusChange) -> JSON:
    return {
        "claim_id": change.claim_id,
        "old_status": change.old_status,
        "new_status": change.new_status,
        "note": change.note,
        "by": change.by,
        "at": iso_utc(change.at),
    }


def conflicts_json(session: Session, conflicts: list[Conflict]) -> list[JSON]:
    ids = [c.id for c in conflicts if c.id is not None]
    members = conflict_claim_ids(session, ids)
    return [
        {
            "id": c.id,
            "kind": c.kind,
            "claim_ids": members.get(c.id or -1, []),
            "explanation": c.explanation,
            "state": c.state,
            "note": c.note,
        }
        for c in conflicts
    ]
