"""Engine and sessions for a --db value; the schema is brought to Alembic's head on first use."""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, OperationalError
from sqlmodel import Session

from claimtrack.migrations import HEAD_REVISION

ENV_DB = "CLAIMTRACK_DB"
SQLITE_BUSY_TIMEOUT_MS = 30_000
_MIGRATION_LOCK = 0x636C6D74  # any fixed number; held only while migrating
# PostgreSQL SQLSTATEs that mean "run the transaction again": serialization failure,
# deadlock detected, lock not available.
_PG_RETRY_STATES = {"40001", "40P01", "55P03"}
_PG_UNIQUE_VIOLATION = "23505"

T = TypeVar("T")


class DatabaseError(Exception):
    """The database cannot be opened or used; the message says which and why."""


def default_db_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("claimtrack", appauthor=False)) / "claimtrack.db"


def resolve_url(db: str | None) -> str:
    """A plain path means SQLite at that path; anything with '://' is a SQLAlchemy URL."""
    db = db or os.environ.get(ENV_DB) or str(default_db_path())
    if "://" in db:
        try:
            make_url(db)
        except ArgumentError as exc:
            raise DatabaseError(f"{db}: not a database URL ({exc})") from None
        return db
    # Absolute, so that a cached engine means the same file whatever the working directory.
    path = Path(db).expanduser().absolute()
    return f"sqlite:///{path}"


def describe(url: str) -> str:
    """The URL for showing to a person: no password."""
    return make_url(url).render_as_string(hide_password=True)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin_immediate(conn: Any) -> None:
    # Take the write lock at BEGIN, so two writers queue on busy_timeout instead of one
    # failing later with "database is locked" when it upgrades a read lock.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str) -> Engine:
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        # pysqlite's own BEGIN handling is off so that ours (above) is the only one.
        event.listen(
            engine,
            "connect",
            lambda dbapi_conn, _rec: setattr(dbapi_conn, "isolation_level", None),
        )
        event.listen(engine, "begin", _sqlite_begin_immediate)
        return engine
    # When a bulk insert fails (a deadlock victim, a unique race: retried by retry_locked),
    # psycopg also logs the aborted pipeline as a warning, which would reach the checker's
    # terminal as a stray line; the error itself is raised and handled.
    logging.getLogger("psycopg").setLevel(logging.ERROR)
    return create_engine(url, pool_pre_ping=True)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command

    from claimtrack.migrations import alembic_config

    with engine.begin() as conn:
        _lock_for_migrating(conn)
        cfg = alembic_config(conn)
        command.upgrade(cfg, revision)


def ensure_schema(engine: Engine) -> None:
    """Create or upgrade the schema; cheap when it is already at head."""
    revision = current_revision(engine)
    if revision == HEAD_REVISION:
        return
    if revision is None and create_if_empty(engine):
        return
    upgrade(engine)


# The append-only history triggers of migration 0002, as that migration writes them.
_APPEND_ONLY = "status_change is append-only: history is never edited or deleted"
_APPEND_ONLY_SQL = {
    "postgresql": [
        "CREATE FUNCTION claimtrack_history_append_only() RETURNS trigger "
        f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{_APPEND_ONLY}'; END $$",
        "CREATE TRIGGER status_change_append_only BEFORE UPDATE OR DELETE ON status_change "
        "FOR EACH ROW EXECUTE FUNCTION claimtrack_history_append_only()",
    ],
    "sqlite": [
        f"CREATE TRIGGER status_change_no_{action.lower()} BEFORE {action} ON status_change "
        f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END"
        for action in ("UPDATE", "DELETE")
    ],
}


def create_if_empty(engine: Engine) -> bool:
    """A database with no tables at all gets the head schema in one step: the models' tables,
    the history triggers, and Alembic's version row saying head. Running every migration
    script on it instead (and importing Alembic) cost a new database ~0.2 s; a test proves
    the two schemas identical on both backends. False, and nothing done, when the database
    already holds tables or is of another kind."""
    triggers = _APPEND_ONLY_SQL.get(engine.dialect.name)
    if triggers is None:
        return False
    from sqlmodel import SQLModel

    import claimtrack.models  # noqa: F401  (registers the tables on SQLModel.metadata)

    with engine.begin() as conn:
        _lock_for_migrating(conn)
        if inspect(conn).get_table_names():  # another process got here first, or an old file
            return False
        SQLModel.metadata.create_all(conn)
        for statement in triggers:
            conn.exec_driver_sql(statement)
        version = _alembic_version_table()
        version.create(conn)
        conn.execute(version.insert().values(version_num=HEAD_REVISION))
    return True


def _alembic_version_table() -> Table:
    # Alembic's own definition of its version table.
    return Table(
        "alembic_version",
        MetaData(),
        Column("version_num", String(32), nullable=False),
        PrimaryKeyConstraint("version_num", name="alembic_version_pkc"),
    )


def _lock_for_migrating(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        # Several checkers' first commands against a new desk database all migrate at
        # once; one at a time, and the later ones then find the schema at head. (SQLite's
        # BEGIN IMMEDIATE does the same there.)
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})


_opened: list[Engine] = []


@functools.cache
def _engine_for(url: str) -> Engine:
    engine = make_engine(url)
    try:
        ensure_schema(engine)
    except (DBAPIError, sqlite3.DatabaseError) as exc:
        raise DatabaseError(f"{describe(url)}: cannot open database ({_first_line(exc)})") from None
    _opened.append(engine)
    return engine


def get_engine(db: str | None = None) -> Engine:
    return _engine_for(resolve_url(db))


def close_engines() -> None:
    """Close every connection of the engines get_engine opened (they stay usable)."""
    for engine in list(_opened):
        engine.dispose()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One unit of work: committed on success, rolled back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


def _sqlstate(exc: BaseException) -> str | None:
    return getattr(getattr(exc, "orig", None), "sqlstate", None)


def is_locked_error(exc: BaseException) -> bool:
    """A failure that goes away when the whole transaction is run again."""
    if _sqlstate(exc) in _PG_RETRY_STATES:
        return True
    msg = str(exc).lower()
    return "database is locked" in msg or "database table is locked" in msg or "deadlock" in msg


def is_unique_race(exc: BaseException) -> bool:
    """Another session inserted the same unique row first (its work makes ours a no-op)."""
    if _sqlstate(exc) == _PG_UNIQUE_VIOLATION:
        return True
    return "unique constraint failed" in str(exc).lower()


def retry_locked(fn: Callable[[], T], attempts: int = 8, *, unique_races: bool = False) -> T:
    """Run a whole unit of work again if the database stayed locked past busy_timeout, or
    (PostgreSQL) the transaction was chosen as a deadlock or serialization victim. With
    unique_races, also when a concurrent session inserted the same unique row first: for
    work that looks before it inserts, the next run sees that row."""
    for attempt in range(attempts):
        try:
            return fn()
        except (OperationalError, IntegrityError) as exc:
            if isinstance(exc, IntegrityError):
                transient = unique_races and is_unique_race(exc)
            else:
                transient = is_locked_error(exc)
            if not transient or attempt == attempts - 1:
                raise
            time.sleep(0.05 * 2**attempt)
    raise AssertionError("unreachable")


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", exc)).splitlines()[0] if str(exc) else type(exc).__name__


def backup(engine: Engine, target: Path) -> None:
    """A consistent copy of a live SQLite database, through SQLite's online backup API."""
    if engine.dialect.name != "sqlite":
        raise DatabaseError("db backup: for PostgreSQL use pg_dump, which is made for it")
    target = Path(target).expanduser()
    if not target.parent.is_dir():
        raise DatabaseError(f"{target}: no such directory {target.parent}")
    tmp = target.with_name(f".{target.name}.partial")
    tmp.unlink(missing_ok=True)
    raw = engine.raw_connection()
    try:
        dest = sqlite3.connect(tmp)
        try:
            raw.driver_connection.backup(dest)  # type: ignore[union-attr]
        finally:
            dest.close()
    finally:
        raw.close()
    os.replace(tmp, target)


def error_line(exc: BaseException) -> str | None:
    """One line for a person when exc is a database failure, else None."""
    from sqlalchemy.exc import SQLAlchemyError

    if not isinstance(exc, SQLAlchemyError):
        return None
    return f"database error: {_first_line(exc)}"
