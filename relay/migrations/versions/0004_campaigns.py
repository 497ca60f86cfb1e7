"""Campaigns the relay runs, the messaging-limit ledger and marketing opt-outs.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("template", sa.Text(), nullable=False),
        sa.Column("request_sha256", sa.String(64), nullable=False),
        sa.Column("phone_number_id", sa.String(32)),
        sa.Column("pace", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(32)),
        sa.Column("created_ms", sa.BigInteger(), nullable=False),
        sa.Column("start_ms", sa.BigInteger(), nullable=False),
        sa.Column("finished_ms", sa.BigInteger()),
        sa.Column("waiting_until_ms", sa.BigInteger()),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("runner", sa.String(200)),
        sa.Column("runner_started_ms", sa.BigInteger()),
        sa.Column("runner_until_ms", sa.BigInteger()),
    )
    op.create_table(
        "campaign_recipient",
        sa.Column("campaign_id", sa.String(64), primary_key=True),
        sa.Column("wa_id", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("components", sa.Text(), nullable=False),
        sa.Column("consent_notifications", sa.Boolean(), nullable=False),
        sa.Column("consent_marketing", sa.Boolean(), nullable=False),
        sa.Column("consent_night", sa.Boolean(), nullable=False),
        sa.Column("country", sa.String(2)),
        sa.Column("timezone", sa.String(64)),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("wamid", sa.String(256)),
        sa.Column("error_code", sa.Integer()),
        sa.Column("reason", sa.String(32)),
        sa.Column("sent_ms", sa.BigInteger()),
        sa.Column("held_until_ms", sa.BigInteger()),
    )
    op.create_index("ix_campaign_recipient_wamid", "campaign_recipient", ["wamid"])
    op.create_index("ix_campaign_recipient_next", "campaign_recipient", ["campaign_id", "state", "position"])
    op.create_table(
        "messaging_ledger",
        sa.Column("wa_id", sa.String(32), primary_key=True),
        sa.Column("sent_ms", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_messaging_ledger_sent_ms", "messaging_ledger", ["sent_ms"])
    op.create_table(
        "marketing_opt_out",
        sa.Column("wa_id", sa.String(32), primary_key=True),
        sa.Column("reason", sa.String(16), nullable=False),
        sa.Column("opted_out_ms", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    for table in ("marketing_opt_out", "messaging_ledger", "campaign_recipient", "campaign"):
        op.drop_table(table)
