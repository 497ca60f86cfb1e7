"""Customers the shop blocked: automations skip them (POST /v1/contacts/{wa_id}/block).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blocked_contact",
        sa.Column("wa_id", sa.String(32), primary_key=True),
        sa.Column("blocked_ms", sa.BigInteger(), nullable=False),
        sa.Column("on_whatsapp", sa.Boolean(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("blocked_contact")
