"""The fixture articles ingested into a real database, and the planted cases scored against it.

fixtures/gold/conflicts.json lists planted conflicts and planted agreements as
[document, span, occurrence] references; a reference is matched to the stored claim whose
offsets overlap that occurrence of the span in the document's stored text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session, select

from claimtrack.models import Claim, Document
from claimtrack.shapes import conflicts_json
from claimtrack.store import list_conflicts

Ref = tuple[str, str, int]


def ingest(engine: Engine, root: Path) -> dict[str, int]:
    """Every article under root/articles through claimtrack's own ingest, which checks each
    new document against the rest as it lands; returns document ids by path under root."""
    from claimtrack.ingest.pipeline import ingest as ingest_paths

    results = ingest_paths(engine, [str(root / "articles")])
    refused = [(r.name, r.outcome) for r in results if r.outcome != "ingested"]
    assert not refused, refused
    with Session(engine) as session:
        docs = session.exec(select(Document)).all()
    base = root.resolve()
    return {str(Path(d.path).resolve().relative_to(base)): d.id for d in docs if d.id and d.path}


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
