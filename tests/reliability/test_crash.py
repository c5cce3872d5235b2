"""A large ingest killed with SIGKILL part-way leaves a sound database, and running the
same ingest again completes the batch without duplicates."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from sqlalchemy import text

from claimtrack.extract import extract_claims
from tests.conftest import Cli
from tests.reliability.helpers import engine_for, rows, scalar, spawn, write_articles

# Enough that the batch is still being stored when the kill lands: files are read and their
# claims extracted ahead, by worker processes, and stored in batches of up to 128.
ARTICLES = 600


def _assert_sound(db: str, dialect_is_sqlite: bool) -> None:
    if dialect_is_sqlite:
        assert rows(db, "PRAGMA integrity_check") == [("ok",)]
        assert rows(db, "PRAGMA foreign_key_check") == []
    orphans = "SELECT count(*) FROM claim LEFT JOIN document d ON d.id = claim.document_id"
    assert scalar(db, orphans + " WHERE d.id IS NULL") == 0
    # Every document holds exactly the claims its stored text yields: none half-written.
    engine = engine_for(db)
    try:
        with engine.connect() as conn:
            docs = conn.execute(text("SELECT id, text, published FROM document")).all()
            grouped = text("SELECT document_id, count(*) FROM claim GROUP BY document_id")
            counts = {doc_id: n for doc_id, n in conn.execute(grouped).all()}
    finally:
        engine.dispose()
    for doc_id, body, published in docs:
        expected = len(extract_claims(body, published))
        assert expected > 0
        assert counts.get(doc_id, 0) == expected, doc_id


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended


def test_sigkill_mid_ingest_then_rerun(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    write_articles(folder, ARTICLES)
    proc = spawn(cli, "ingest", str(folder))
    assert proc.stdout is not None
    seen = 0
    while seen < 10:
        line = proc.stdout.readline()
        assert line, proc.stderr.read() if proc.stderr else ""
        seen += line.startswith(b"ingested")
    time.sleep(0.05)  # land the kill inside the work on some later document
    assert proc.poll() is None, "the batch ended before it could be interrupted"
    workers = _children(proc.pid)
    assert workers or (os.cpu_count() or 1) < 2, "a batch this large is read by workers"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Worker processes go with it: one left behind would hold the killed ingest's database
    # connection (and, on PostgreSQL, its transaction and locks) open.
    deadline = time.monotonic() + 10
    while (alive := [pid for pid in workers if _running(pid)]) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive
    proc.stdout.close()
    proc.stderr.close()  # type: ignore[union-attr]
    assert proc.returncode == -signal.SIGKILL

    sqlite = not cli.db.startswith("postgresql")
    stored = scalar(cli.db, "SELECT count(*) FROM document")
    assert 10 <= stored < ARTICLES
    _assert_sound(cli.db, sqlite)

    again = cli("ingest", str(folder))
    assert again.code == 0, again.err
    assert again.out.count("unchanged ") == stored
    assert again.out.count("ingested ") == ARTICLES - stored
    assert scalar(cli.db, "SELECT count(*) FROM document") == ARTICLES
    assert scalar(cli.db, "SELECT count(DISTINCT sha256) FROM document") == ARTICLES
    _assert_sound(cli.db, sqlite)
    assert len(json.loads(cli("docs", "--json").out)) == ARTICLES
