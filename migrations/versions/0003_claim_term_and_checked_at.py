"""the checker's word index (claim_term) and document.checked_at

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Documents already stored count as checked (ingest checked each one as it landed), so nothing is
compared again needlessly; their claims' terms are worked out here, so that the next new
document finds its candidates among them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "claim_term",
        sa.Column("term", sa.String(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["claim_id"], ["claim.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("term", "claim_id"),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("claim_term", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_term_claim_id"), ["claim_id"], unique=False)
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("checked_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.create_index(batch_op.f("ix_document_checked_at"), ["checked_at"], unique=False)
    document = sa.table("document", sa.column("checked_at", sa.DateTime(timezone=True)))
    op.execute(document.update().values(checked_at=sa.func.current_timestamp()))
    # The terms are the checker's own working (stemming, block keys): computed by its code,
    # as a new document's are, rather than by a copy of it frozen here.
    from claimtrack.check.terms import index_all_claims

    index_all_claims(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_document_checked_at"))
        batch_op.drop_column("checked_at")
    with op.batch_alter_table("claim_term", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_term_claim_id"))
    op.drop_table("claim_term")
