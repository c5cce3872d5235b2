"""A desk of several checkers under load: N processes marking, noting and ingesting against
one database for a fixed time, on PostgreSQL and (for comparison) SQLite, in the same run.

    .venv/bin/python bench/team_load.py                 # 8 processes, 60 s per backend
    .venv/bin/python bench/team_load.py --procs 16 --seconds 30 --backends postgres

Each process works through the same service calls the CLI makes (one retried unit of work
per operation) and counts what it was told succeeded; afterwards the database is counted:
a history row or document that a process saw committed but that is not there is a lost write.
PostgreSQL is a throwaway server started here (initdb/pg_ctl, Unix socket), unless --pg-url
is given.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import random
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import text  # noqa: E402

STATUSES = ["in_progress", "verified", "false", "misleading", "unsupported"]
SEED_DOCS = 20


@dataclass
class Tally:
    marks: int = 0
    notes: int = 0
    ingests: int = 0
    errors: int = 0

    @property
    def ops(self) -> int:
        return self.marks + self.notes + self.ingests


def _article(tag: str, i: int) -> str:
    return (
        f"Port of Vela, report {tag}-{i}\n\n"
        f"Officials said {1000 + i} dock workers walked out on Monday, and the strike has cost "
        f"the port ${10 + i % 90} million so far. Shipping fell {i % 7 + 2}% last year.\n"
    )


def _setup(url: str) -> list[int]:
    from claimtrack.db import ensure_schema, make_engine
    from claimtrack.ingest.pipeline import store_document
    from claimtrack.ingest.readers import from_plain_text

    engine = make_engine(url)
    ensure_schema(engine)
    for i in range(SEED_DOCS):
        store_document(engine, f"seed-{i}", from_plain_text(_article("seed", i)))
    with engine.connect() as conn:
        ids = list(conn.execute(text("SELECT id FROM claim ORDER BY id")).scalars())
    engine.dispose()
    return ids


def _worker(url: str, worker: int, claim_ids: list[int], seconds: float, out: mp.Queue) -> None:
    from claimtrack.db import make_engine, retry_locked, session_scope
    from claimtrack.ingest.pipeline import check_new_documents, store_document
    from claimtrack.ingest.readers import from_plain_text
    from claimtrack.store import add_note, set_status

    engine = make_engine(url)
    rng = random.Random(worker)
    tally = Tally()
    by = f"checker{worker}"
    deadline = time.monotonic() + seconds
    i = 0
    while time.monotonic() < deadline:
        i += 1
        roll = rng.random()
        claim_id = rng.choice(claim_ids)
        try:
            if roll < 0.5:
                status = rng.choice(STATUSES)

                def mark(cid: int = claim_id, st: str = status) -> None:
                    with session_scope(engine) as s:
                        set_status(s, cid, st, by=by)

                retry_locked(mark)
                tally.marks += 1
            elif roll < 0.85:

                def note(cid: int = claim_id, n: int = i) -> None:
                    with session_scope(engine) as s:
                        add_note(s, cid, f"note {n} from {by}", by=by)

                retry_locked(note)
                tally.notes += 1
            else:
                result = store_document(engine, "-", from_plain_text(_article(by, i)))
                if result.outcome == "ingested" and result.document_id:
                    # As `claimtrack ingest` does for a one-document batch.
                    check_new_documents(engine)
                tally.ingests += result.outcome == "ingested"
        except Exception as exc:  # counted, and the first few shown: this is what we measure
            tally.errors += 1
            if tally.errors <= 3:
                print(f"  worker {worker}: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
    engine.dispose()
    out.put(tally)


def run(url: str, label: str, procs: int, seconds: float) -> dict[str, float]:
    claim_ids = _setup(url)
    ctx = mp.get_context("spawn")
    queue: mp.Queue = ctx.Queue()
    workers = [
        ctx.Process(target=_worker, args=(url, w, claim_ids, seconds, queue)) for w in range(procs)
    ]
    started = time.monotonic()
    for w in workers:
        w.start()
    tallies = [queue.get(timeout=seconds + 300) for _ in workers]
    for w in workers:
        w.join()
    elapsed = time.monotonic() - started
    total = Tally(
        sum(t.marks for t in tallies),
        sum(t.notes for t in tallies),
        sum(t.ingests for t in tallies),
        sum(t.errors for t in tallies),
    )
    from claimtrack.db import make_engine

    engine = make_engine(url)
    with engine.connect() as conn:
        history = conn.execute(text("SELECT count(*) FROM status_change")).scalar_one()
        docs = conn.execute(text("SELECT count(*) FROM document")).scalar_one()
    engine.dispose()
    lost = (total.marks + total.notes - history) + (SEED_DOCS + total.ingests - docs)
    return {
        "backend": label,
        "ops": total.ops,
        "ops_s": total.ops / elapsed,
        "marks": total.marks,
        "notes": total.notes,
        "ingests": total.ingests,
        "errors": total.errors,
        "lost": lost,
        "elapsed": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--procs", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--backends", default="postgres,sqlite")
    parser.add_argument("--pg-url", help="an empty PostgreSQL database to use instead")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="claimtrack-team-"))
    base.chmod(0o755)
    server = None
    results = []
    print(f"{args.procs} processes, {args.seconds:g} s per backend, load {os.getloadavg()[0]:.1f}")
    try:
        for backend in args.backends.split(","):
            if backend == "sqlite":
                url = f"sqlite:///{base / 'team.db'}"
            else:
                url = args.pg_url or ""
                if not url:
                    from tests.pgserver import start_postgres

                    server, reason = start_postgres(base / "pg")
                    if server is None:
                        print(f"postgres: skipped ({reason})")
                        continue
                    url = server.create_database()
            results.append(run(url, backend, args.procs, args.seconds))
    finally:
        if server is not None:
            server.stop()
        shutil.rmtree(base, ignore_errors=True)
    print(f"load at the end {os.getloadavg()[0]:.1f}")
    print("| backend | ops | ops/s | marks | notes | ingests | errors | lost writes |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(
            f"| {r['backend']} | {r['ops']:,} | {r['ops_s']:.1f} | {r['marks']:,} | "
            f"{r['notes']:,} | {r['ingests']:,} | {r['errors']} | {r['lost']} |"
        )
    if any(r["errors"] or r["lost"] for r in results):
        sys.exit(1)


if __name__ == "__main__":
    main()
