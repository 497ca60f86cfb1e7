"""Campaigns: why the relay paused or holds one (its `reason`), so the owner sees "Meta paused the template".

The relay's campaign events carried the reason and the desktop dropped it: a campaign Meta's news
paused showed only "Paused", like one the owner paused, with a Resume button and no word of why.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE campaign ADD COLUMN reason TEXT NOT NULL DEFAULT ''")
    op.execute("PRAGMA user_version = 14")


def downgrade() -> None:
    op.execute("ALTER TABLE campaign DROP COLUMN reason")
    op.execute("PRAGMA user_version = 13")
