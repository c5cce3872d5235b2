"""Shared fixtures: real databases (a SQLite file; a PostgreSQL server this suite starts itself)
and the installed `claimtrack` entry point run as a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.pgserver import PostgresServer, start_postgres

# An extractor that raises is a bug the tests must see; in use it is logged and the document's
# other claims are kept. Set before any claimtrack process starts, so the CLI runs inherit it.
os.environ["CLAIMTRACK_STRICT_EXTRACT"] = "1"

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"


def claimtrack_command() -> list[str]:
    exe = Path(sys.executable).with_name("claimtrack")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "claimtrack"]


@dataclass
class CliResult:
    code: int
    out: str
    err: str


@dataclass
class Cli:
    """Runs the installed claimtrack against one database, as a script would."""

    db: str
    env: dict[str, str]

    def __call__(
        self, *args: str, input: str | bytes | None = None, timeout: float = 120
    ) -> CliResult:
        data = input.encode() if isinstance(input, str) else input
        proc = subprocess.run(
            [*claimtrack_command(), "--db", self.db, *args],
            input=data,
            capture_output=True,
            env=self.env,
            timeout=timeout,
        )
        return CliResult(
            proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
        )


def _cli_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CLAIMTRACK_DB", None)
    env["CLAIMTRACK_USER"] = "tester"
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["NO_COLOR"] = "1"
    env["COLUMNS"] = "200"
    return env


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    # Not under pytest's tmp dir: that is private to root, and the server runs as postgres.
    base = Path(tempfile.mkdtemp(prefix="claimtrack-pg-"))
    base.chmod(0o755)
    server, reason = start_postgres(base)
    if server is None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but could not be started: {reason}")
        pytest.skip(f"no PostgreSQL server could be started here: {reason}")
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend (SQLite file; PostgreSQL database)."""
    if request.param == "sqlite":
        return str(tmp_path / "claimtrack.db")
    server: PostgresServer = request.getfixturevalue("pg_server")
    return server.create_database()


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """Like db_url, shared by the tests of one module (for read-mostly tests on a loaded DB)."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("db") / "claimtrack.db")
    server: PostgresServer = request.getfixturevalue("pg_server")
    return server.create_database()


@pytest.fixture(scope="module")
def module_cli(module_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> Cli:
    return Cli(module_db_url, _cli_env(tmp_path_factory.mktemp("cli")))


@pytest.fixture
def sqlite_path(tmp_path: Path) -> str:
    return str(tmp_path / "claimtrack.db")


@pytest.fixture
def cli(db_url: str, tmp_path: Path) -> Cli:
    return Cli(db_url, _cli_env(tmp_path))


@pytest.fixture
def sqlite_cli(sqlite_path: str, tmp_path: Path) -> Cli:
    return Cli(sqlite_path, _cli_env(tmp_path))


@pytest.fixture
def engine(db_url: str):  # type: ignore[no-untyped-def]
    from claimtrack.db import ensure_schema, make_engine, resolve_url

    eng = make_engine(resolve_url(db_url))
    ensure_schema(eng)
    yield eng
    eng.dispose()


def have(tool: str) -> bool:
    return shutil.which(tool) is not None
