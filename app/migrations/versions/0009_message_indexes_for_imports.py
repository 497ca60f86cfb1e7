"""Message indexes an imported row no longer pays for: replies indexed only where there is a quote,
and no index on the import's id (a cancelled import's rows are found by their id range).

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain DROP/CREATE INDEX: the partial index over the few quoting rows reads the table once and
    # nothing else is rewritten (no batch-mode table copy).
    op.execute("DROP INDEX IF EXISTS ix_message_import")
    op.execute("DROP INDEX IF EXISTS ix_message_reply_to")
    op.execute(
        "CREATE INDEX ix_message_reply_to ON message (reply_to_wamid) WHERE reply_to_wamid IS NOT NULL"
    )
    op.execute("PRAGMA user_version = 9")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_message_reply_to")
    op.execute("CREATE INDEX ix_message_reply_to ON message (reply_to_wamid)")
    op.execute("CREATE INDEX ix_message_import ON message (import_id) WHERE import_id IS NOT NULL")
    op.execute("PRAGMA user_version = 8")
