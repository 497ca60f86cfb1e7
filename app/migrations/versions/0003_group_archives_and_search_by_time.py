"""Group archive chats, each message's sender name, search by time, and an index of import ids.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=256), nullable=False),
        sa.Column("participants", sa.JSON(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("contact_id"),
    )
    # Plain ALTER TABLE ADD COLUMN (no batch copy): the message table may hold millions of rows.
    op.execute("ALTER TABLE message ADD COLUMN sender_name VARCHAR(256)")
    op.execute("ALTER TABLE message ADD COLUMN import_id VARCHAR(32)")
    op.execute(
        "UPDATE message SET import_id = json_extract(payload, '$.import.id') "
        "WHERE imported = 1 AND json_valid(payload)"
    )
    op.execute("CREATE INDEX ix_message_time ON message (sent_at, id)")
    op.execute("CREATE INDEX ix_message_import ON message (import_id) WHERE import_id IS NOT NULL")
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_message_import")
    op.execute("DROP INDEX IF EXISTS ix_message_time")
    op.execute("ALTER TABLE message DROP COLUMN import_id")
    op.execute("ALTER TABLE message DROP COLUMN sender_name")
    op.drop_table("conversation")
    op.execute("PRAGMA user_version = 2")
