"""Campaigns: the business number a campaign goes out from, in a shop with two WhatsApp numbers.

Null (every campaign before this revision, and every one of a one-number shop): each customer gets it
from their own number, the one they last wrote to, as the relay always sent them.

Revision ID: 0023
Revises: 0022
"""

from __future__ import annotations

from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE campaign ADD COLUMN phone_number_id VARCHAR(32)")
    op.execute("PRAGMA user_version = 23")


def downgrade() -> None:
    op.execute("ALTER TABLE campaign DROP COLUMN phone_number_id")
    op.execute("PRAGMA user_version = 22")
