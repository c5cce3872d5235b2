"""The checker scored on planted cases: articles ingested through claimtrack's own ingest, and a
gold file (gold/conflicts.json) of planted conflicts and planted agreements.

Each planted case lists its claims as [document, span, occurrence] references; a reference is
matched to the stored claim whose offsets overlap that occurrence of the span in the stored
text. A planted conflict is found when claims of it from two documents share one reported
conflict; a planted agreement is flagged when claims of it from two documents share one
reported conflict on opposite sides of it. A conflict's side is the claims its "agrees"
links join: "Ekdahl in A and B vs Reinholt in C" does not say A and B disagree.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, select

from claimtrack.check.groups import UnionFind
from claimtrack.check.persist import existing_links
from claimtrack.models import Claim, Document
from claimtrack.shapes import conflicts_json
from claimtrack.store import list_conflicts

Ref = tuple[str, str, int]


def ingest(engine: Engine, root: Path) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Every article under root/articles through claimtrack's ingest, which checks each new
    document as it lands; document ids by path under root, and what was not ingested."""
    from claimtrack.ingest.pipeline import Overrides
    from claimtrack.ingest.pipeline import ingest as ingest_paths

    results = []
    for path in sorted((root / "articles").iterdir()):
        # With the published date the gold gives, as a checker would pass --published: the
        # checker is measured here, the reader's own guess of the date in tests/ingest.
        overrides = Overrides(published=_gold_published(root, path))
        results += ingest_paths(engine, [str(path)], overrides)
    refused = [(r.name, r.outcome) for r in results if r.outcome != "ingested"]
    with Session(engine) as session:
        docs = session.exec(select(Document)).all()
    base = root.resolve()
    ids = {str(Path(d.path).resolve().relative_to(base)): d.id for d in docs if d.id and d.path}
    return ids, refused


def _gold_published(root: Path, article: Path) -> dt.date | None:
    gold = root / "gold" / f"{article.stem}.json"
    if not gold.exists():
        return None
    published = json.loads(gold.read_text(encoding="utf-8")).get("published")
    return dt.date.fromisoformat(published) if published else None


@dataclass
class Case:
    about: str
    planted_conflict: bool  # False: a planted agreement
    kind: str | None
    together: bool  # claims of it from two documents share one reported conflict
    unmatched: list[str] = field(default_factory=list)  # refs no stored claim covers


@dataclass
class Score:
    cases: list[Case] = field(default_factory=list)
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
    # The claim that covers most of the span (a quote over a number inside it); of two that
    # cover all of it, the tighter one ("within a year" is the duration, not the quote
    # around it).
    best = max(
        overlapping,
        key=lambda c: (min(end, c.end) - max(at, c.start), -(c.end - c.start), -c.start),
    )
    return best.id


def _case(
    session: Session, planted: dict[str, Any], is_conflict: bool, ids: dict[str, int],
    groups: list[set[int]], side: UnionFind,
) -> Case:  # fmt: skip
    case = Case(planted["about"], is_conflict, planted.get("kind"), False)
    matched: dict[int, str] = {}
    for raw in planted["claims"]:
        ref: Ref = (raw[0], raw[1], int(raw[2]))
        doc_id = ids.get(ref[0])
        claim = claim_for(session, doc_id, ref) if doc_id is not None else None
        if claim is None:
            case.unmatched.append(f"{ref[1]!r} in {ref[0]}")
        else:
            matched[claim] = ref[0]
    if is_conflict:
        case.together = any(len({matched[c] for c in g if c in matched}) >= 2 for g in groups)
    else:
        case.together = any(_opposed(g, matched, side) for g in groups)
    return case


def _opposed(group: set[int], matched: dict[int, str], side: UnionFind) -> bool:
    """Two of the case's claims, from two documents, in the group but not on one side of it."""
    inside = [c for c in group if c in matched]
    return any(
        matched[a] != matched[b] and side.find(a) != side.find(b)
        for i, a in enumerate(inside)
        for b in inside[i + 1 :]
    )


def sides(session: Session) -> UnionFind:
    """Claims joined by the checker's "agrees" links: one side of any conflict they sit in."""
    side = UnionFind()
    for (a, b), relation in existing_links(session, None).items():
        if relation == "agrees":
            side.union(a, b)
    return side


def score(session: Session, root: Path, ids: dict[str, int]) -> Score:
    gold = json.loads((root / "gold" / "conflicts.json").read_text())
    groups = [set(c["claim_ids"]) for c in conflicts_json(session, list_conflicts(session))]
    side = sides(session)
    out = Score()
    planted = [(c, True) for c in gold["conflicts"]] + [(a, False) for a in gold["agreements"]]
    for case_gold, is_conflict in planted:
        case = _case(session, case_gold, is_conflict, ids, groups, side)
        out.cases.append(case)
        out.unmatched.extend(f"{case.about}: {u}" for u in case.unmatched)
        if is_conflict:
            (out.found if case.together else out.missed).append(case.about)
        else:
            (out.flagged if case.together else out.clean).append(case.about)
    return out
