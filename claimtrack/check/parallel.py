"""Comparing many candidate pairs on every core: the comparisons are independent and pure.

Worker processes are forked, so they share the loaded claims without copying them, and only
when that is safe: fork is available and this process runs no other threads (a fork taken while
another thread holds a lock can deadlock the child; the TUI runs the checker in a worker
thread, so there it runs in-process). The children never touch the database connection, and
forked workers leave through os._exit, so the parent's connection is left as it was.

Each worker takes whole connected groups of candidate pairs: the features of a claim (its
sentence's words, its owners, its interval) are then worked out by one process only, and the
groups of disagreeing claims, which never reach beyond such a group, are formed and explained
there too.
"""

from __future__ import annotations

import heapq
import multiprocessing
import os
import threading
from collections import defaultdict
from collections.abc import Callable

from claimtrack.check.groups import Found, conflicts_in
from claimtrack.check.match import Edge, compare
from claimtrack.check.prune import prune
from claimtrack.check.rows import Row

# Below this, starting workers costs more than it saves in memory and CPU. Measured at 46k
# pairs (the full check a 1M-word ingest runs): two forked comparers took it from 3.4 to
# 2.7 s wall but the process tree from 206 to 332 MB PSS (each child writes to the pages of
# the rows it reads), past the ingest's 300 MB budget; one child, 290 MB.
PARALLEL_MIN_PAIRS = 50_000
MAX_WORKERS = 4
PARTS_PER_WORKER = 4

Pair = tuple[int, int]
_shared: tuple[list[Row], list[list[Pair]]] | None = None


def workers_for(n_pairs: int) -> int:
    if n_pairs < PARALLEL_MIN_PAIRS or threading.active_count() > 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def compare_all(rows: list[Row], pairs: list[Pair]) -> list[Edge]:
    """compare() on every pair, then one partner per claim and other document (prune)."""
    edges = [e for i, j in pairs if (e := compare(rows[i], rows[j])) is not None]
    touched = {k for pair in pairs for k in pair}
    return prune(edges, {rows[k].id: rows[k] for k in touched})


def _work(part: int) -> tuple[list[Edge], list[Found]]:
    assert _shared is not None
    rows, parts = _shared
    edges = compare_all(rows, parts[part])
    return edges, conflicts_in(edges, {rows[k].id: rows[k] for p in parts[part] for k in p})


def connected(n_rows: int, pairs: list[Pair]) -> list[tuple[int, list[Pair]]]:
    """The pairs split by connected group of claims (union-find over row indices), each group
    with the cost of comparing it, in comparisons."""
    parent = list(range(n_rows))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in pairs:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    roots = [root(i) for i in range(n_rows)]
    groups: dict[int, list[Pair]] = defaultdict(list)
    for pair in pairs:
        groups[roots[pair[0]]].append(pair)
    costs = {r: len(g) for r, g in groups.items()}
    for r in roots:
        if r in costs:
            costs[r] += ROW_COST
    return [(costs[r], g) for r, g in groups.items()]


# Working out a claim's features (its sentence's words above all) costs about as much as a
# dozen comparisons (measured on bench/check_scale.py's corpus).
ROW_COST = 12


def share_out(groups: list[tuple[int, list[Pair]]], n_parts: int) -> list[list[Pair]]:
    """Whole groups into parts of about equal cost, the costliest part first (the estimate is
    rough: workers take parts as they come free, which evens out the rest)."""
    loads = [(0, w) for w in range(n_parts)]
    parts: list[list[Pair]] = [[] for _ in range(n_parts)]
    cost_of = [0] * n_parts
    for cost, group in sorted(groups, key=lambda c: -c[0]):
        load, w = heapq.heappop(loads)
        parts[w].extend(group)
        cost_of[w] = load + cost
        heapq.heappush(loads, (load + cost, w))
    order = sorted((w for w in range(n_parts) if parts[w]), key=lambda w: -cost_of[w])
    return [sorted(parts[w]) for w in order]


def compare_and_group(
    rows: list[Row], pairs: list[Pair], meanwhile: Callable[[], None] | None = None
) -> tuple[list[Edge], list[Found]]:
    """compare() on every (i, j) pair of rows (in any order), and the conflicts the edges make:
    the edges in (a, b) order, the conflicts by their smallest claim id, however the work was
    shared.

    ``meanwhile``, work that does not depend on the result (writing the claims' terms), runs in
    this process while the workers compare.
    """
    global _shared
    workers = workers_for(len(pairs))
    if workers == 1:
        if meanwhile is not None:
            meanwhile()
        edges = sorted(compare_all(rows, pairs), key=lambda e: (e.a, e.b))
        return edges, conflicts_in(edges, {r.id: r for r in rows})
    _shared = (rows, share_out(connected(len(rows), pairs), workers * PARTS_PER_WORKER))
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            waiting = pool.map_async(_work, range(len(_shared[1])), chunksize=1)
            if meanwhile is not None:
                meanwhile()
            results = waiting.get()
    finally:
        _shared = None
    edges = sorted((e for part, _ in results for e in part), key=lambda e: (e.a, e.b))
    found = sorted((f for _, part in results for f in part), key=lambda f: min(f.members))
    return edges, found
