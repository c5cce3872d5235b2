"""Matched pairs joined into groups: every claim that disagrees about one thing, in one conflict."""

from __future__ import annotations

from dataclasses import dataclass

from claimtrack.check.explain import explain
from claimtrack.check.match import Edge
from claimtrack.check.rows import Row

# When one group has several kinds of disagreement, the one named first is reported.
KIND_ORDER = ("quote_speaker", "quote_wording", "value", "date")


@dataclass(frozen=True, slots=True)
class Found:
    kind: str
    members: frozenset[int]
    explanation: str


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent.setdefault(x, x)
        if parent != x:
            parent = self.parent[x] = self.find(parent)
        return parent

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def components(edges: list[Edge]) -> list[tuple[frozenset[int], list[Edge]]]:
    uf = UnionFind()
    for e in edges:
        uf.union(e.a, e.b)
    members: dict[int, set[int]] = {}
    inside: dict[int, list[Edge]] = {}
    for e in edges:
        root = uf.find(e.a)
        members.setdefault(root, set()).update((e.a, e.b))
        inside.setdefault(root, []).append(e)
    return [(frozenset(members[r]), inside[r]) for r in sorted(members)]


def conflicts_in(edges: list[Edge], rows: dict[int, Row]) -> list[Found]:
    """One Found per group of matched claims that holds at least one disagreement."""
    found: list[Found] = []
    for members, inside in components(edges):
        disagreements = [e for e in inside if e.relation == "conflicts" and e.kind]
        if not disagreements:
            continue
        kind = min((e.kind for e in disagreements if e.kind), key=KIND_ORDER.index)
        first = min((e for e in disagreements if e.kind == kind), key=lambda e: (e.a, e.b))
        member_rows = [rows[m] for m in sorted(members)]
        line = explain(kind, member_rows, (rows[first.a], rows[first.b]))
        found.append(Found(kind, members, line))
    return found
