"""What PostgreSQL does under several checkers that SQLite never does: deadlock victims and
unique races are run again, and a fresh desk database migrates once when many start at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from claimtrack.migrations import HEAD_REVISION
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from claimtrack.db import current_revision, make_engine, retry_locked, session_scope
from tests.conftest import Cli, _cli_env
from tests.pgserver import PostgresServer
from tests.reliability.helpers import spawn

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    return pg_server.create_database()


@pytest.fixture
def pg_engine(pg_url: str) -> Iterator[Engine]:
    engine = make_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)"))
        conn.execute(text("INSERT INTO counter VALUES (1, 0), (2, 0)"))
    yield engine
    engine.dispose()


def test_deadlock_victim_is_run_again(pg_engine: Engine) -> None:
    # Two units of work take the same two rows in opposite orders: PostgreSQL aborts one as
    # a deadlock victim (SQLSTATE 40P01); retry_locked runs it again and both land.
    both_hold_one = threading.Barrier(2)
    attempts = {"ab": 0, "ba": 0}
    errors: list[BaseException] = []

    def work(order: str) -> None:
        first, second = (1, 2) if order == "ab" else (2, 1)

        def unit() -> None:
            attempts[order] += 1
            with pg_engine.begin() as conn:
                bump = text("UPDATE counter SET n = n + 1 WHERE id = :id")
                conn.execute(bump, {"id": first})
                if attempts[order] == 1:
                    both_hold_one.wait(timeout=30)
                conn.execute(bump, {"id": second})

        try:
            retry_locked(unit)
        except BaseException as exc:  # reported below, on the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(o,)) for o in ("ab", "ba")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert sorted(attempts.values()) == [1, 2]  # exactly one was chosen as the victim
    with pg_engine.connect() as conn:
        assert conn.execute(text("SELECT n FROM counter ORDER BY id")).scalars().all() == [2, 2]


def test_unique_race_is_retried_only_when_asked(pg_engine: Engine) -> None:
    with pg_engine.begin() as conn:
        conn.execute(text("CREATE TABLE tag (name text PRIMARY KEY)"))
    calls = 0

    def insert_if_missing() -> str:
        # Looks, then inserts; the first run loses a race to a row that appears in between.
        nonlocal calls
        calls += 1
        with session_scope(pg_engine) as s:
            found = s.execute(text("SELECT name FROM tag WHERE name = 'x'")).scalar()
            if found:
                return "found"
            if calls == 1:
                with pg_engine.begin() as other:
                    other.execute(text("INSERT INTO tag VALUES ('x')"))
            s.execute(text("INSERT INTO tag VALUES ('x')"))
            return "inserted"

    with pytest.raises(IntegrityError):
        retry_locked(insert_if_missing)
    with pg_engine.begin() as conn:
        conn.execute(text("DELETE FROM tag"))
    calls = 0
    assert retry_locked(insert_if_missing, unique_races=True) == "found"
    assert calls == 2


def test_many_first_commands_on_a_new_desk_migrate_once(pg_url: str, tmp_path: Path) -> None:
    desk = Cli(pg_url, _cli_env(tmp_path))
    procs = [spawn(desk, "db", "upgrade") for _ in range(6)]
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
        assert f"at revision {HEAD_REVISION}" in out.decode()
    engine = make_engine(pg_url)
    try:
        assert current_revision(engine) == HEAD_REVISION
    finally:
        engine.dispose()
