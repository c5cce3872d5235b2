"""Contract parts that only make sense on a SQLite file."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.conftest import FIXTURES, Cli


def test_plain_path_means_a_sqlite_file_with_wal(sqlite_cli: Cli, sqlite_path: str) -> None:
    assert sqlite_cli("ingest", str(FIXTURES / "articles")).code == 0
    with sqlite3.connect(sqlite_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("SELECT count(*) FROM document").fetchone()[0] >= 10


def test_db_from_environment_and_default_location(sqlite_cli: Cli, tmp_path: Path) -> None:
    env_db = tmp_path / "from-env.db"
    cli = Cli(db="", env=sqlite_cli.env | {"CLAIMTRACK_DB": str(env_db)})
    # --db "" falls back to the environment, as an unset option would
    result = cli("docs", "--json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == [] and env_db.exists()


def test_backup_is_a_consistent_copy(sqlite_cli: Cli, tmp_path: Path) -> None:
    assert sqlite_cli("ingest", str(FIXTURES / "articles")).code == 0
    target = tmp_path / "copy.db"
    result = sqlite_cli("db", "backup", str(target))
    assert result.code == 0, result.err
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM document").fetchone()[0] >= 10


def test_unopenable_database_is_one_line(sqlite_cli: Cli, tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    cli = Cli(str(junk), sqlite_cli.env)
    result = cli("docs")
    assert result.code != 0
    assert len(result.err.strip().splitlines()) == 1 and "junk.db" in result.err


def test_demo_without_tui(sqlite_cli: Cli, tmp_path: Path) -> None:
    demo_db = tmp_path / "demo.db"
    cli = Cli(str(demo_db), sqlite_cli.env)
    result = cli("demo", "--no-tui")
    assert result.code == 0, result.err
    docs = json.loads(cli("docs", "--json").out)
    assert len(docs) == len(list((FIXTURES / "articles").iterdir()))
    assert json.loads(cli("check", "--json").out)
