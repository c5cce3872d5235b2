"""TUI at newsroom scale: 100,000 claims from 4,000 documents.

Builds the database (schema by claimtrack.db, rows bulk-inserted with sqlite3), then drives the
real app headless (App.run_test) and prints:

- time from start to the first claim rows painted;
- per-keystroke latency for scrolling (down, page down, end, home), filtering (status, kind,
  document), sorting and type-to-search, each measured from the key press to the table
  showing the new rows;
- the peer, measured in the same run: a Textual DataTable filled with DataTable.add_rows on
  the same rows (at --peer-rows, default 100,000) until its first rows are painted.

Usage: python bench/tui_scale.py [--claims 100000] [--docs 4000] [--db PATH] [--peer-rows N]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

KINDS = ("count", "money", "percent", "quantity", "duration", "date", "quote")
STATUSES = ("unverified",) * 6 + ("in_progress", "verified", "false", "misleading", "unsupported")
SUBJECTS = (
    "North Korean soldiers",
    "US arms package",
    "reconstruction fund",
    "solar farm output",
    "gas pipeline",
    "refugee arrivals",
    "defence budget",
    "grain exports",
    "wind turbines",
    "hospital beds",
)
UNITS = {
    "count": "people",
    "money": "USD",
    "percent": "%",
    "quantity": "km",
    "duration": "month",
    "date": None,
    "quote": None,
}
SPEAKERS = ("Olena Kovalenko", "Mark Rutte", "Ursula von der Leyen", "Jens Holm", "Ana Ruiz")


def _sentence(rng: random.Random, kind: str, subject: str) -> tuple[str, str, float | None]:
    n = rng.randint(2, 900)
    if kind == "count":
        span = f"{n:,} {subject.lower()}"
        return f"Officials said {span} were involved this week.", span, float(n)
    if kind == "money":
        span = f"${n} million"
        return f"The {subject.lower()} is worth {span}, the ministry said.", span, n * 1e6
    if kind == "percent":
        span = f"{n % 100} percent"
        return f"Support for the {subject.lower()} rose to {span} in March.", span, float(n % 100)
    if kind == "quantity":
        span = f"{n} km"
        return f"The {subject.lower()} stretches {span} across the border.", span, float(n)
    if kind == "duration":
        span = f"{n % 36 + 1} months"
        return f"Work on the {subject.lower()} will take {span}.", span, float(n % 36 + 1)
    if kind == "date":
        span = f"{rng.randint(1, 28)} March 2025"
        return f"The {subject.lower()} was agreed on {span}.", span, None
    span = f'"We will deliver the {subject.lower()} on time"'
    return f"{span}, {rng.choice(SPEAKERS)} said.", span, None


def build_database(path: Path, claims: int, docs: int, seed: int = 7) -> None:
    """Schema through claimtrack (Alembic head), rows through sqlite3 executemany."""
    from claimtrack.db import get_engine

    get_engine(str(path)).dispose()
    rng = random.Random(seed)
    per_doc = max(1, claims // docs)
    con = sqlite3.connect(path)
    con.execute("PRAGMA synchronous=OFF")
    doc_rows, claim_rows = [], []
    claim_id = 0
    for d in range(1, docs + 1):
        parts: list[str] = []
        offset = 0
        for _ in range(per_doc if d < docs else claims - per_doc * (docs - 1)):
            kind = rng.choice(KINDS)
            subject = rng.choice(SUBJECTS)
            sentence, span, value = _sentence(rng, kind, subject)
            start = offset + sentence.index(span)
            claim_id += 1
            claim_rows.append(
                (
                    claim_id,
                    d,
                    kind,
                    sentence,
                    span,
                    start,
                    start + len(span),
                    value,
                    UNITS[kind],
                    "exact",
                    subject if kind != "quote" else None,
                    subject.lower(),
                    rng.choice(SPEAKERS) if kind == "quote" else None,
                    rng.choice(STATUSES),
                )
            )
            parts.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(parts)
        doc_rows.append(
            (d, f"Wire report {d}", "Bench Wire", f"{d:064x}", text, "2025-03-01 00:00:00")
        )
    with con:
        con.executemany(
            "INSERT INTO document (id, title, source, sha256, text, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            doc_rows,
        )
        con.executemany(
            'INSERT INTO claim (id, document_id, kind, text, span, start, "end", value, unit,'
            " qualifier, subject, subject_key, speaker, status) VALUES"
            " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claim_rows,
        )
        _links_and_conflicts(con, rng, claim_id)
    con.execute("ANALYZE")
    con.close()


def _links_and_conflicts(con: sqlite3.Connection, rng: random.Random, n: int) -> None:
    pairs = {(a, b) for a, b in ((rng.randint(1, n), rng.randint(1, n)) for _ in range(3000))}
    pairs = {(a, b) for a, b in pairs if a != b}
    con.executemany(
        "INSERT OR IGNORE INTO claim_link (claim_a, claim_b, relation) VALUES (?, ?, ?)",
        [(a, b, rng.choice(("agrees", "conflicts"))) for a, b in pairs],
    )
    conflicts = list(pairs)[:500]
    now = "2025-03-02 00:00:00"
    con.executemany(
        "INSERT INTO conflict (id, key, kind, explanation, state, created_at, updated_at)"
        " VALUES (?, ?, 'value', ?, 'open', ?, ?)",
        [(i, f"bench-{i}", f"values differ ({a} vs {b})", now, now) for i, (a, b) in
         enumerate(conflicts, 1)],
    )
    con.executemany(
        "INSERT OR IGNORE INTO conflict_claim (conflict_id, claim_id) VALUES (?, ?)",
        [(i, c) for i, pair in enumerate(conflicts, 1) for c in pair],
    )
