"""Checker accuracy on planted cases: the articles of a fixture set ingested into a temporary
SQLite database through claimtrack's own ingest (which checks each document as it lands), then
every planted conflict found or missed and every planted agreement flagged or left alone.

    .venv/bin/python bench/check_accuracy.py [--fixtures DIR]

DIR holds articles/ and gold/conflicts.json (default: fixtures/).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session

from claimtrack.check.evaluate import Case, Score, ingest, score
from claimtrack.db import ensure_schema, make_engine, resolve_url

ROOT = Path(__file__).resolve().parent.parent


def _line(case: Case) -> str:
    if case.planted_conflict:
        mark = "found " if case.together else "MISSED"
    else:
        mark = "FLAGGED" if case.together else "clean  "
    kind = f"[{case.kind}] " if case.kind else ""
    line = f"  {mark} {kind}{case.about}"
    if case.unmatched:
        line += f"  (no stored claim covers: {'; '.join(case.unmatched)})"
    return line


def report(result: Score) -> None:
    conflicts = [c for c in result.cases if c.planted_conflict]
    agreements = [c for c in result.cases if not c.planted_conflict]
    print(f"planted conflicts ({len(conflicts)}):")
    for case in conflicts:
        print(_line(case))
    print(f"planted agreements ({len(agreements)}):")
    for case in agreements:
        print(_line(case))
    print(
        f"conflicts found: {len(result.found)}/{len(conflicts)} "
        f"(missed {len(result.missed)}); agreements flagged: "
        f"{len(result.flagged)}/{len(agreements)}; gold references no stored claim covers: "
        f"{len(result.unmatched)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=ROOT / "fixtures")
    args = parser.parse_args()
    root: Path = args.fixtures
    if not (root / "gold" / "conflicts.json").is_file() or not (root / "articles").is_dir():
        sys.exit(f"{root}: needs articles/ and gold/conflicts.json")
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(resolve_url(str(Path(tmp) / "accuracy.db")))
        ensure_schema(engine)
        start = time.perf_counter()
        ids, refused = ingest(engine, root)
        took = time.perf_counter() - start
        print(f"{root}: {len(ids)} documents ingested and checked in {took:.1f} s")
        for name, outcome in refused:
            print(f"  not ingested: {name} ({outcome})")
        with Session(engine) as session:
            result = score(session, root, ids)
        engine.dispose()
    report(result)


if __name__ == "__main__":
    main()
