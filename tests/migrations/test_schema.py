"""Alembic owns the schema: the scripts reach the models, and the start-up shortcut is right."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from claimtrack.migrations import HEAD_REVISION, alembic_config
from sqlalchemy import inspect
from sqlmodel import SQLModel

import claimtrack.models  # noqa: F401
from claimtrack.db import current_revision


def test_head_constant_is_the_scripts_head() -> None:
    script = ScriptDirectory.from_config(alembic_config())
    assert script.get_heads() == [HEAD_REVISION]


def test_empty_database_is_created_at_head(engine) -> None:  # type: ignore[no-untyped-def]
    assert current_revision(engine) == HEAD_REVISION
    tables = set(inspect(engine).get_table_names())
    assert {"document", "claim", "source", "status_change", "conflict", "conflict_claim"} <= tables


def test_migrations_match_the_models(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(ctx, SQLModel.metadata)
    # Full-text search tables and triggers are backend-specific and not in the models.
    diff = [d for d in diff if "fts" not in repr(d).lower()]
    assert diff == []
