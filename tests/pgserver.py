"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl into a temp directory,
listening only on a Unix socket there. As root, the server runs as the postgres user."""

from __future__ import annotations

import getpass
import itertools
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


def _find_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    for root in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (root / name).exists():
            return str(root / name)
    return None


@dataclass
class PostgresServer:
    datadir: Path
    socket_dir: Path
    user: str
    pg_ctl: str
    as_postgres: bool
    port: int = 5432
    _counter: itertools.count = field(default_factory=lambda: itertools.count(1))

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://{self.user}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def create_database(self) -> str:
        import psycopg

        name = f"ct_{os.getpid()}_{next(self._counter)}"
        with psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user=self.user,
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        _run(self.as_postgres, [self.pg_ctl, "-D", str(self.datadir), "-m", "immediate", "stop"])


def _run(as_postgres: bool, cmd: list[str]) -> subprocess.CompletedProcess[str]:
    if as_postgres:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def start_postgres(base: Path) -> tuple[PostgresServer | None, str]:
    initdb, pg_ctl = _find_bin("initdb"), _find_bin("pg_ctl")
    if not initdb or not pg_ctl:
        return None, "initdb/pg_ctl not found (install the postgresql package)"
    as_postgres = os.geteuid() == 0
    user = "postgres" if as_postgres else getpass.getuser()
    datadir, socket_dir = base / "data", base / "sock"
    socket_dir.mkdir(parents=True, exist_ok=True)
    if as_postgres:
        shutil.chown(base, "postgres")
        shutil.chown(socket_dir, "postgres")
    init = _run(
        as_postgres,
        [initdb, "-D", str(datadir), "-U", user, "-A", "trust", "-E", "UTF8", "--no-sync"],
    )
    if init.returncode != 0:
        return None, f"initdb failed: {init.stderr.strip().splitlines()[-1:]}"
    opts = f"-k {socket_dir} -c listen_addresses='' -c fsync=off -c max_connections=200"
    start = _run(
        as_postgres,
        [pg_ctl, "-D", str(datadir), "-o", opts, "-l", str(base / "log"), "-w", "start"],
    )
    if start.returncode != 0:
        return (
            None,
            f"pg_ctl start failed: {start.stderr.strip() or (base / 'log').read_text()[-300:]}",
        )
    return PostgresServer(datadir, socket_dir, user, pg_ctl, as_postgres), ""
