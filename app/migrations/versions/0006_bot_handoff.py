"""Contacts: until when the relay's menu bot has handed the chat to a person ("Needs a person").

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN (UTC milliseconds, as UTCTimestamp stores): no batch copy.
    op.execute("ALTER TABLE contact ADD COLUMN bot_paused_until BIGINT")
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    op.execute("ALTER TABLE contact DROP COLUMN bot_paused_until")
    op.execute("PRAGMA user_version = 5")
