"""Chat tombstones: a deleted chat's messages up to a time never come back from a re-sync.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "chat_tombstone",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("deleted_before", sa.BigInteger(), nullable=False),  # UTC milliseconds
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("contact_id"),
    )
    op.execute("PRAGMA user_version = 8")


def downgrade() -> None:
    op.drop_table("chat_tombstone")
    op.execute("PRAGMA user_version = 7")
