"""Baseline: the relay's tables as create_all made them up to turn 2.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

from alembic import op

from relay.migrations.baseline import baseline_metadata

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    # checkfirst: a relay database that create_all built (before migrations existed) already holds
    # some or all of these; relay/storage/schema.py checked their columns match before getting here.
    baseline_metadata().create_all(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    baseline_metadata().drop_all(op.get_bind())
