"""When the relay sent a reply of this desktop's (`message.relayed_at`), by the relay's clock.

The relay's bot stays quiet for `pause_hours` after the owner's reply counted from when the relay
sent it (app.rules.owner_pause_until); a reply that waited in the outbox while the laptop was offline
went hours after the owner pressed send (`sent_at`). The chat header's "Resume bot" counts from this
moment too (app.owner_pause). Replies sent before this revision say no time: null, and their sent_at
stands in, as before.

Revision ID: 0026
Revises: 0025
"""

from __future__ import annotations

from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE message ADD COLUMN relayed_at INTEGER")
    op.execute("PRAGMA user_version = 26")


def downgrade() -> None:
    op.execute("ALTER TABLE message DROP COLUMN relayed_at")
    op.execute("PRAGMA user_version = 25")
