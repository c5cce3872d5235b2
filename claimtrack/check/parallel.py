"""Comparing many candidate pairs on every core: the comparisons are independent and pure.

Worker processes are forked, so they share the loaded claims without copying them, and only
when that is safe: fork is available and this process runs no other threads (a fork taken while
another thread holds a lock can deadlock the child; the TUI runs the checker in a worker
thread, so there it runs in-process). The children never touch the database connection, and
forked workers leave through os._exit, so the parent's connection is left as it was.
"""

from __future__ import annotations

import multiprocessing
import os
import threading

from claimtrack.check.match import Edge, compare
from claimtrack.check.rows import Row

PARALLEL_MIN_PAIRS = 50_000  # below this, starting workers costs more than it saves
MAX_WORKERS = 4

_shared: tuple[list[Row], list[tuple[int, int]]] | None = None


def workers_for(n_pairs: int) -> int:
    if n_pairs < PARALLEL_MIN_PAIRS or threading.active_count() > 1:
        return 1
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS))


def _compare_range(bounds: tuple[int, int]) -> list[Edge]:
    assert _shared is not None
    rows, pairs = _shared
    lo, hi = bounds
    return [e for i, j in pairs[lo:hi] if (e := compare(rows[i], rows[j])) is not None]


def compare_pairs(rows: list[Row], pairs: list[tuple[int, int]]) -> list[Edge]:
    """compare() on every (i, j) pair of rows, in order."""
    global _shared
    workers = workers_for(len(pairs))
    _shared = (rows, pairs)
    try:
        if workers == 1:
            return _compare_range((0, len(pairs)))
        # Contiguous ranges: pairs are sorted, so each worker meets the same rows again and
        # reuses what it worked out about them.
        step = -(-len(pairs) // workers)
        ranges = [(lo, min(lo + step, len(pairs))) for lo in range(0, len(pairs), step)]
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_compare_range, ranges)
        return [e for part in parts for e in part]
    finally:
        _shared = None
