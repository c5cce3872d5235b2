"""Extraction accuracy against the hand-labelled fixtures: recall and precision per kind,
then every miss, every field error and every extra.

    .venv/bin/python bench/extract_accuracy.py [--fixtures DIR] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from claimtrack.extract import extract_claims
from claimtrack.extract.evaluate import Outcome, evaluate_fixtures, totals
from claimtrack.extract.types import KINDS

ROOT = Path(__file__).resolve().parent.parent


def _show(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def report(outcomes: list[Outcome], quiet: bool) -> None:
    scores = totals(outcomes)
    print(
        f"{'kind':10} {'gold':>5} {'found':>6} {'hits':>5} {'extra':>6} {'recall':>7} {'prec':>6}"
    )
    for kind in (*KINDS, "all"):
        s = scores[kind]
        print(
            f"{kind:10} {s.gold:5d} {s.found:6d} {s.hits:5d} {s.extracted - s.hits:6d}"
            f" {s.recall:7.3f} {s.precision:6.3f}"
        )
    if quiet:
        return
    for o in outcomes:
        if not (o.misses or o.extras or o.field_errors or o.unplaced):
            continue
        print(f"\n== {o.document}")
        for label in o.unplaced:
            print(f"  GOLD SPAN NOT IN TEXT {label['kind']:8} {_show(label['span'])}")
        for g in o.misses:
            print(f"  MISS  {g.kind:8} {_show(g.span)} {g.fields}")
        for g, c, wrong in o.field_errors:
            diffs = ", ".join(f"{f}: gold {g.fields[f]!r} got {getattr(c, f)!r}" for f in wrong)
            print(f"  FIELD {g.kind:8} {_show(g.span)} {diffs}")
        for c in o.extras:
            print(
                f"  EXTRA {c.kind:8} {_show(c.span)} value={c.value} unit={c.unit}"
                f" q={c.qualifier} date={c.date} speaker={c.speaker}"
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--fixtures",
        type=Path,
        action="append",
        help="a directory holding gold/*.json and the articles they name (repeatable); "
        "default: fixtures/ and the extraction tests' own set, tests/extract/data/",
    )
    parser.add_argument("--quiet", action="store_true", help="only the table")
    args = parser.parse_args(argv)
    dirs = args.fixtures or [ROOT / "fixtures", ROOT / "tests" / "extract" / "data"]
    outcomes = [o for d in dirs for o in evaluate_fixtures(d, extract_claims)]
    if not outcomes:
        print(f"no gold files under {', '.join(str(d / 'gold') for d in dirs)}", file=sys.stderr)
        return 1
    report(outcomes, args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
