"""The fixture articles ingested into a real database, and the planted cases scored against it
(the scoring itself lives in claimtrack.check.evaluate, shared with bench/check_accuracy.py)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from claimtrack.check.evaluate import Score, claim_for, score
from claimtrack.check.evaluate import ingest as ingest_and_report

__all__ = ["Score", "claim_for", "ingest", "score"]


def ingest(engine: Engine, root: Path) -> dict[str, int]:
    """Every article under root/articles through claimtrack's own ingest, none refused."""
    ids, refused = ingest_and_report(engine, root)
    assert not refused, refused
    return ids
