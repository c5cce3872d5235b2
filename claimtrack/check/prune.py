"""One partner per document: of the claims of one other document a claim matches, keep the best.

An article gives one figure for one thing. When a claim seems to be about the same thing as
several claims of another article (its 19 league goals against that article's 19 league goals
and its eight goals for the national side), at most one of them is: the closest, an agreement
before a disagreement unless the disagreement is clearly closer. A pair is kept only when each
claim is the other's choice, so the decision does not depend on which side is looked at, and an
incremental check (which sees every pair between the new document and each other one) decides
as a full one does. Quotes are left alone: one article may quote the same words twice.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping

from claimtrack.check import frame as framing
from claimtrack.check.match import Edge, clause_similarity
from claimtrack.check.rows import Row

# An agreement counts this much more than a disagreement of the same closeness ...
AGREE_BONUS = 0.25
# ... unless one side of it is open-ended ("more than 1,300" agrees with everything above).
# Other agreements this close to the best one are kept too (the figure repeated).
KEEP_SHARE = 0.75
ACTOR_WEIGHT = 0.25


def _rank(edge: Edge, rows: Mapping[int, Row]) -> float:
    """The edge's score, with the similarity of the two figures' own clauses (what tells two
    figures of one sentence apart), and the bonus of a bounded agreement."""
    a, b = rows[edge.a], rows[edge.b]
    score = edge.score + clause_similarity(a, b) + _actors(a, b)
    if edge.relation == "agrees" and (a.kind == "date" or (_bounded(a) and _bounded(b))):
        score += AGREE_BONUS
    return score


def _actors(a: Row, b: Row) -> float:
    """Named actors before the figures: one named by both sentences counts for the match
    ("the Social Democrats 15" and "the Social Democrats, who won 15 seats"), different
    ones against it."""
    if a.kind in ("date", "quote"):
        return 0.0
    fa, fb = a.frame.actors, b.frame.actors
    if framing.meets(fa, b.names | fb) or framing.meets(fb, a.names):
        return ACTOR_WEIGHT
    if fa and fb:
        return -ACTOR_WEIGHT
    return 0.0


def _bounded(row: Row) -> bool:
    lo, hi = row.bounds
    return math.isfinite(lo) and math.isfinite(hi)


def _chosen(side: int, indices: list[int], edges: list[Edge], rows: Mapping[int, Row]) -> list[int]:
    """The best edge of ``side`` into one other document, and the edges to that document's
    repeats of the same figure (as close, and agreeing with the best partner)."""
    ranks = {i: _rank(edges[i], rows) for i in indices}
    ranked = sorted(indices, key=lambda i: (-ranks[i], edges[i].a, edges[i].b))
    top = edges[ranked[0]]
    partner = rows[top.b if top.a == side else top.a]
    floor = KEEP_SHARE * ranks[ranked[0]]
    return [
        i
        for i in ranked
        if edges[i].relation == top.relation
        and ranks[i] >= floor
        and _same_figure(rows[edges[i].b if edges[i].a == side else edges[i].a], partner)
    ]


def _same_figure(a: Row, b: Row) -> bool:
    if a.kind == "date":
        return a.date == b.date
    return a.base_value == b.base_value


def prune(edges: list[Edge], rows: Mapping[int, Row]) -> list[Edge]:
    """The edges each of whose claims chose the other among the other document's claims."""
    by_side: dict[tuple[int, int], list[int]] = defaultdict(list)
    votes = [0] * len(edges)
    for n, e in enumerate(edges):
        a = rows[e.a]
        if a.kind == "quote":
            votes[n] = 2
            continue
        by_side[(e.a, rows[e.b].document_id)].append(n)
        by_side[(e.b, a.document_id)].append(n)
    for (claim, _), side in by_side.items():
        for n in _chosen(claim, side, edges, rows) if len(side) > 1 else side:
            votes[n] += 1
    return sorted((e for n, e in enumerate(edges) if votes[n] == 2), key=lambda e: (e.a, e.b))
