"""Campaigns: until when the relay holds one for Meta's messaging limit (its `waiting_until`).

A campaign to more customers than a new number may message in 24 hours (250 at first) waits for the
oldest counted send to age out; the owner read "Waiting for the messaging limit" and not until when.

Revision ID: 0015
Revises: 0014
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE campaign ADD COLUMN waiting_until INTEGER")  # UTC milliseconds, as every time
    op.execute("PRAGMA user_version = 15")


def downgrade() -> None:
    op.execute("ALTER TABLE campaign DROP COLUMN waiting_until")
    op.execute("PRAGMA user_version = 14")
