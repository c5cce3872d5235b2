"""The JSON report: the claims in the report with their documents, sources, history and
conflicts, in the shapes of the command-line contract (claimtrack.shapes) plus those lists.

One object: ``generated_at`` (the only value that changes between two runs on the same
database), ``org``, ``statuses``, ``documents`` (docs shape) and ``claims`` (claims shape plus
``sources``, ``history`` and ``conflicts``). Written by the standard library's json module.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from sqlmodel import Session

from claimtrack.models import Source
from claimtrack.report.data import ReportData, claim_id, iso_utc_seconds
from claimtrack.shapes import claims_json, conflicts_json, document_json, history_json, iso_utc

JSON = dict[str, Any]


def write_json(session: Session, data: ReportData, out: TextIO) -> int:
    claims = claims_json(session, data.claims)
    for shape, claim in zip(claims, data.claims, strict=True):
        cid = claim_id(claim)
        shape["sources"] = [source_json(s) for s in data.sources[cid]]
        shape["history"] = [history_json(c) for c in data.history[cid]]
        shape["conflicts"] = conflicts_json(session, data.conflicts[cid])
    counts: dict[int, int] = {}
    for claim in data.claims:
        counts[claim.document_id] = counts.get(claim.document_id, 0) + 1
    report: JSON = {
        "generated_at": iso_utc_seconds(data.generated_at),
        "org": data.org,
        "statuses": list(data.statuses),
        "documents": [
            document_json(data.documents[doc_id], counts[doc_id]) for doc_id in sorted(counts)
        ],
        "claims": claims,
    }
    json.dump(report, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return len(claims)


def source_json(source: Source) -> JSON:
    return {
        "url": source.url,
        "title": source.title,
        "note": source.note,
        "added_by": source.added_by,
        "added_at": iso_utc(source.added_at),
    }
