"""A brand-new database gets the head schema in one step (the models' tables, the history
triggers, Alembic's version row) instead of running every migration script: the result must
be the very schema the scripts build, on SQLite and on PostgreSQL."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from claimtrack.migrations import HEAD_REVISION
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import SQLModel

import claimtrack.models  # noqa: F401
from claimtrack.db import create_if_empty, current_revision, make_engine, resolve_url, upgrade
from tests.pgserver import PostgresServer


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def two_new_databases(request: pytest.FixtureRequest, tmp_path: Any) -> Iterator[list[Engine]]:
    if request.param == "sqlite":
        urls = [str(tmp_path / "migrated.db"), str(tmp_path / "created.db")]
    else:
        server: PostgresServer = request.getfixturevalue("pg_server")
        urls = [server.create_database(), server.create_database()]
    engines = [make_engine(resolve_url(u)) for u in urls]
    yield engines
    for engine in engines:
        engine.dispose()


def _table_items(sql: str) -> tuple[str, list[str]]:
    """A CREATE TABLE statement as its head and its column and constraint items, sorted: the
    scripts and the models may list foreign keys in another order or wrap lines otherwise."""
    sql = " ".join(sql.split())
    head, _, body = sql.partition("(")
    body = body.rsplit(")", 1)[0]
    items, depth, item = [], 0, ""
    for ch in body:
        depth += (ch == "(") - (ch == ")")
        if ch == "," and depth == 0:
            items.append(item.strip())
            item = ""
        else:
            item += ch
    items.append(item.strip())
    return head.strip(), sorted(items)


def _sqlite_schema(conn: Connection) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for kind, name, table, sql in conn.exec_driver_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master"
    ):
        described: Any = " ".join(sql.split()) if sql else None
        if kind == "table":
            described = (
                _table_items(sql),
                conn.exec_driver_sql(f'PRAGMA table_xinfo("{name}")').all(),
                # Without the key's number, which follows the order the keys were listed in.
                sorted(r[1:] for r in conn.exec_driver_sql(f'PRAGMA foreign_key_list("{name}")')),
            )
        elif kind == "index":
            described = (
                described,
                conn.exec_driver_sql(f'PRAGMA index_xinfo("{name}")').all(),
            )
        found[f"{kind} {name} on {table}"] = described
    return found


_PG_QUERIES = {
    "columns": """SELECT table_name, ordinal_position, column_name, data_type,
        character_maximum_length, is_nullable, column_default
        FROM information_schema.columns WHERE table_schema = 'public'""",
    "indexes": "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'",
    "constraints": """SELECT t.relname, c.conname, c.contype, pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'""",
    "triggers": """SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t
        WHERE NOT t.tgisinternal""",
    "functions": """SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'""",
    "sequences": """SELECT sequence_name, data_type, start_value, increment
        FROM information_schema.sequences WHERE sequence_schema = 'public'""",
}


def _pg_schema(conn: Connection) -> dict[str, Any]:
    # Sequences and constraints carry the database's own object names, not its oid: the two
    # databases are comparable as they are.
    return {key: sorted(map(tuple, conn.execute(text(sql)))) for key, sql in _PG_QUERIES.items()}


def _schema(engine: Engine) -> dict[str, Any]:
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            return _sqlite_schema(conn)
        return _pg_schema(conn)


def test_a_new_database_created_in_one_step_is_the_migrated_schema(
    two_new_databases: list[Engine],
) -> None:
    migrated, created = two_new_databases
    upgrade(migrated)
    assert create_if_empty(created) is True
    assert current_revision(created) == current_revision(migrated) == HEAD_REVISION
    schema = _schema(migrated)
    assert len(schema) > 5
    assert _schema(created) == schema
    # And both are what the models say (the scripts reach the models).
    for engine in (migrated, created):
        with engine.connect() as conn:
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(ctx, SQLModel.metadata) == []


def test_the_history_triggers_of_a_created_database_refuse_edits(
    two_new_databases: list[Engine],
) -> None:
    _, created = two_new_databases
    assert create_if_empty(created)
    with created.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO document (id, title, sha256, text, ingested_at) "
                "VALUES (1, 'A ferry timetable', :sha, 'Ferries leave at noon.', CURRENT_TIMESTAMP)"
            ),
            {"sha": "f" * 64},
        )
        conn.execute(
            text(
                'INSERT INTO claim (id, document_id, kind, text, span, start, "end", status) '
                "VALUES (1, 1, 'date', 'Ferries leave at noon.', 'noon', 17, 21, 'unverified')"
            )
        )
        conn.execute(
            text(
                'INSERT INTO status_change (claim_id, old_status, new_status, "by", at) '
                "VALUES (1, 'unverified', 'verified', 'ana', CURRENT_TIMESTAMP)"
            )
        )
    for statement in ("UPDATE status_change SET note = 'rewritten'", "DELETE FROM status_change"):
        with pytest.raises(DBAPIError, match="append-only"), created.begin() as conn:
            conn.execute(text(statement))


def test_a_database_holding_tables_is_left_to_the_migrations(
    two_new_databases: list[Engine],
) -> None:
    engine, _ = two_new_databases
    upgrade(engine, "0001")  # an old database: its tables, no newer revision yet
    assert create_if_empty(engine) is False
    assert current_revision(engine) == "0001"
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE kept_aside (n INTEGER)"))
        conn.execute(text("DROP TABLE alembic_version"))
    # Not empty and not stamped: still nothing created over what is there.
    assert create_if_empty(engine) is False
    assert current_revision(engine) is None
    assert re.fullmatch(r"\d{4}", HEAD_REVISION)
