"""The forked comparison gives exactly the sequential result, edges and conflicts alike (run in
a fresh, single-threaded interpreter, as `claimtrack check` runs; pytest workers have threads of
their own)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from claimtrack.check import parallel
from tests.conftest import REPO

SCRIPT = textwrap.dedent(
    """
    import threading
    from claimtrack.check import parallel
    from claimtrack.check.groups import conflicts_in
    from claimtrack.check.match import compare
    from claimtrack.check.prune import prune
    from claimtrack.check.rows import Row

    # Three things counted (three groups of candidates, shared out between the workers), each
    # told by 80 claims in twelve documents, each document giving one of five figures.
    rows = []
    for i in range(240):
        doc, kind = i % 12, (i // 12) % 3
        what, value = ["soldiers", "drones", "tanks"][kind], 1000 + 100 * ((doc % 4 + kind) % 5)
        sentence = f"Officials said {value:,} North Korean {what} went to Kursk in group {i % 7}."
        rows.append(Row(i + 1, doc, "count", sentence, f"{value:,}", float(value), None,
                        what, "exact", None, f"North Korean {what}", f"korean north {what}",
                        None))
    pairs = [(i, j) for i in range(len(rows)) for j in range(i + 1, len(rows))
             if rows[i].unit == rows[j].unit]
    sequential = prune(
        [e for i, j in pairs if (e := compare(rows[i], rows[j])) is not None],
        {r.id: r for r in rows},
    )
    groups = conflicts_in(sequential, {r.id: r for r in rows})
    parallel.PARALLEL_MIN_PAIRS = 1
    assert threading.active_count() == 1 and parallel.workers_for(len(pairs)) >= 1
    assert len(parallel.connected(len(rows), pairs)) == 3
    forked, found = parallel.compare_and_group(rows, pairs)
    assert forked == sequential, (len(forked), len(sequential))
    assert found == groups and len(found) == 3
    assert any(e.relation == "conflicts" for e in forked)
    assert any(e.relation == "agrees" for e in forked)
    print(parallel.workers_for(len(pairs)), len(forked))
    """
)


def test_forked_comparison_equals_sequential() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=REPO, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    workers, edges = map(int, proc.stdout.split())
    assert edges > 0
    # On any machine with two cores the forked path is the one that ran.
    assert workers == min(os.cpu_count() or 1, parallel.MAX_WORKERS)
