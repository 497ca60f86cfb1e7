"""The menu bot's report: answers and hand-offs per day and rule/node (GET /v1/bot/report).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
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
        "bot_tally",
        sa.Column("day", sa.String(10), primary_key=True),
        sa.Column("matched", sa.String(80), primary_key=True),
        sa.Column("fired", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("handoffs", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    op.drop_table("bot_tally")
