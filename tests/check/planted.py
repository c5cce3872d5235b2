"""The fixture articles ingested into a real database, and the planted cases scored against it.

fixtures/gold/conflicts.json lists planted conflicts and planted agreements as
[document, span, occurrence] references; a reference is matched to the stored claim whose
offsets overlap that occurrence of the span in the document's stored text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlmodel import Session, select

from claimtrack.check import check_document, run_check
from claimtrack.extract import extract_claims
from claimtrack.ingest.readers import read_path
from claimtrack.models import Claim, Document
from claimtrack.shapes import conflicts_json
from claimtrack.store import add_document, list_conflicts

Ref = tuple[str, str, int]


def ingest(session: Session, root: Path, incremental: bool = True) -> dict[str, int]:
    """Every article under root/articles stored with its claims; returns document ids by path."""
    ids: dict[str, int] = {}
    for path in sorted((root / "articles").iterdir()):
        raw = read_path(path)
        claims = [
            Claim(
                document_id=0,
                kind=c.kind,
                text=c.sentence,
                span=c.span,
                start=c.start,
                end=c.end,
                value=c.value,
                value_max=c.value_max,
                unit=c.unit,
                qualifier=c.qualifier,
                date=c.date,
                subject=c.subject,
                subject_key=c.subject_key,
                speaker=c.speaker,
            )
            for c in extract_claims(raw.text, raw.published)
        ]
        doc = Document(
            title=raw.title, source=raw.source, url=raw.url, path=str(path),
            published=raw.published, sha256=raw.sha256, text=raw.text,
        )  # fmt: skip
        add_document(session, doc, claims)
        assert doc.id is not None
        ids[str(path.relative_to(root))] = doc.id
        if incremental:
            check_document(session, doc.id)
    if not incremental:
        run_check(session)
    return ids


@dataclass
class Score:
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # refs no stored claim covers
    flagged: list[str] = field(default_factory=list)  # planted agreements reported as conflicts
    clean: list[str] = field(default_factory=list)


def claim_for(session: Session, doc_id: int, ref: Ref) -> int | None:
    _, span, occurrence = ref
    doc = session.get(Document, doc_id)
    assert doc is not None
    at = -1
    for _ in range(occurrence):
        at = doc.text.find(span, at + 1)
        if at < 0:
            return None
    end = at + len(span)
    claims = session.exec(select(Claim).where(Claim.document_id == doc_id)).all()
    overlapping = [c for c in claims if c.start < end and at < c.end and c.id is not None]
    if not overlapping:
        return None
    # The claim that covers most of the span (a quote over a number inside it).
    best = max(overlapping, key=lambda c: (min(end, c.end) - max(at, c.start), -c.start))
    return best.id


def score(session: Session, root: Path, ids: dict[str, int]) -> Score:
    gold = json.loads((root / "gold" / "conflicts.json").read_text())
    groups = [set(c["claim_ids"]) for c in conflicts_json(session, list_conflicts(session))]
    out = Score()
    for planted, is_conflict in [(c, True) for c in gold["conflicts"]] + [
        (a, False) for a in gold["agreements"]
    ]:
        refs = [tuple(r) for r in planted["claims"]]
        matched: dict[int, str] = {}
        for ref in refs:
            claim = claim_for(session, ids[ref[0]], ref)  # type: ignore[arg-type]
            if claim is None:
                out.unmatched.append(f"{planted['about']}: {ref[1]!r} in {ref[0]}")
            else:
                matched[claim] = ref[0]
        together = any(len({matched[c] for c in g if c in matched}) >= 2 for g in groups)
        name = planted["about"]
        if is_conflict:
            (out.found if together else out.missed).append(name)
        else:
            (out.flagged if together else out.clean).append(name)
    return out
