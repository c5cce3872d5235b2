"""history is append-only: the database refuses to change or remove a status_change row

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MESSAGE = "status_change is append-only: history is never edited or deleted"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION claimtrack_history_append_only() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{MESSAGE}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER status_change_append_only BEFORE UPDATE OR DELETE ON status_change "
            "FOR EACH ROW EXECUTE FUNCTION claimtrack_history_append_only()"
        )
        return
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER status_change_no_{action.lower()} BEFORE {action} ON status_change "
            f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER status_change_append_only ON status_change")
        op.execute("DROP FUNCTION claimtrack_history_append_only()")
        return
    for action in ("update", "delete"):
        op.execute(f"DROP TRIGGER status_change_no_{action}")
