"""The menu bot's resume per chat: when "Resume bot" last switched it back on (`bot_pause.resumed_at`).

The relay's bot stays quiet in a chat for `pause_hours` after the owner's own message there, unless
she resumed it since (app.rules.owner_pause_until). The desktop keeps the resume's time from the
relay's `contact` event, so the chat header can say whether the owner's last message still keeps
the bot quiet. A resume kept before this revision says no time: null, as if none came.

Revision ID: 0025
Revises: 0024
"""

from __future__ import annotations

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE bot_pause ADD COLUMN resumed_at INTEGER")
    op.execute("PRAGMA user_version = 25")


def downgrade() -> None:
    op.execute("ALTER TABLE bot_pause DROP COLUMN resumed_at")
    op.execute("PRAGMA user_version = 24")
