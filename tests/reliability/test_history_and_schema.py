"""History is the record (append-only, enforced by the database), backups of a live SQLite
database are consistent, and migrating to head keeps every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from claimtrack.migrations import HEAD_REVISION
from sqlalchemy import Engine, MetaData, select, text
from sqlalchemy.exc import DBAPIError

from claimtrack.db import current_revision, make_engine, resolve_url, session_scope, upgrade
from claimtrack.ingest.pipeline import Overrides, ingest_one
from claimtrack.store import add_note, add_source, set_status
from tests.conftest import Cli
from tests.reliability.helpers import rows, spawn, write_articles

FIRST_REVISION = "0001"


def _dump(engine: Engine, columns: dict[str, list[str]] | None = None) -> dict[str, list[tuple]]:
    """Every row of every table; with ``columns``, only those tables and columns (the ones an
    older revision had), so rows written before an upgrade can be compared after it."""
    meta = MetaData()
    meta.reflect(engine)
    wanted = columns or {
        name: [c.name for c in table.columns]
        for name, table in meta.tables.items()
        if name != "alembic_version"
    }
    with engine.connect() as conn:
        return {
            name: sorted(
                tuple(r)
                for r in conn.execute(select(*(meta.tables[name].c[c] for c in cols))).all()
            )
            for name, cols in wanted.items()
        }


def _columns(engine: Engine) -> dict[str, list[str]]:
    meta = MetaData()
    meta.reflect(engine)
    return {
        name: [c.name for c in table.columns]
        for name, table in meta.tables.items()
        if name != "alembic_version"
    }


def test_upgrade_from_first_revision_keeps_every_row(db_url: str, tmp_path: Path) -> None:
    engine = make_engine(resolve_url(db_url))
    try:
        upgrade(engine, FIRST_REVISION)
        assert current_revision(engine) == FIRST_REVISION
        # Stored without the cross-document check: today's checker writes tables that the
        # first revision does not have yet.
        for path in write_articles(tmp_path / "a", 3):
            assert ingest_one(engine, path.name, path, Overrides(), in_directory=False).outcome == (
                "ingested"
            )
        with session_scope(engine) as s:
            set_status(s, 1, "verified", by="ana", note="matches the port's figures")
            add_note(s, 2, "called the union", by="ben")
            add_source(s, 1, "https://example.org/port", title="Port statement", by="ana")
        old_columns = _columns(engine)
        before = _dump(engine, old_columns)
        assert all(before[t] for t in ("document", "claim", "status_change", "source"))
        upgrade(engine)
        assert current_revision(engine) == HEAD_REVISION != FIRST_REVISION
        assert _dump(engine, old_columns) == before
    finally:
        engine.dispose()


def test_history_rows_cannot_be_edited_or_deleted(cli: Cli) -> None:
    cli("ingest", "-", input=b"Officials said 1,500 dock workers walked out on Monday.\n")
    assert cli("mark", "1", "verified", "--by", "ana").code == 0
    engine = make_engine(resolve_url(cli.db))
    try:
        for sql in (
            "UPDATE status_change SET new_status = 'false'",
            "UPDATE status_change SET note = 'rewritten', by = 'mallory'",
            "DELETE FROM status_change",
        ):
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
                conn.execute(text(sql))
        with engine.connect() as conn:
            history = conn.execute(text("SELECT new_status, by, note FROM status_change")).all()
    finally:
        engine.dispose()
    assert [tuple(h) for h in history] == [("verified", "ana", None)]


def test_backup_of_a_live_database_is_consistent(sqlite_cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "batch"
    write_articles(folder, 60)
    writer = spawn(sqlite_cli, "ingest", str(folder))
    assert writer.stdout is not None
    for _ in range(5):
        assert writer.stdout.readline().startswith(b"ingested")
    copies = []
    for i in range(3):  # while the writer is still going
        target = tmp_path / f"copy{i}.db"
        done = sqlite_cli("db", "backup", str(target))
        assert done.code == 0, done.err
        copies.append(target)
    writer.communicate(timeout=300)
    assert writer.returncode == 0
    for copy in copies:
        assert rows(str(copy), "PRAGMA integrity_check") == [("ok",)]
        assert rows(str(copy), "SELECT version_num FROM alembic_version") == [(HEAD_REVISION,)]
        half = rows(
            str(copy),
            "SELECT count(*) FROM document d WHERE NOT EXISTS "
            "(SELECT 1 FROM claim c WHERE c.document_id = d.id)",
        )
        assert half == [(0,)]
    with sqlite3.connect(copies[-1]) as conn:
        assert conn.execute("SELECT count(*) FROM document").fetchone()[0] >= 5


def test_backup_refuses_postgres_and_missing_folder(cli: Cli, tmp_path: Path) -> None:
    done = cli("db", "backup", str(tmp_path / "nowhere" / "copy.db"))
    assert done.code == 1
    assert len(done.err.splitlines()) == 1
    assert ("pg_dump" in done.err) if cli.db.startswith("postgresql") else ("nowhere" in done.err)
