"""Contacts' consents and opt-out; campaigns, their recipients, restock waitlists; a message's campaign.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CONTACT_COLUMNS = (
    ("opted_in_how", "VARCHAR(16) DEFAULT '' NOT NULL"),
    ("marketing_consent_at", "BIGINT"),
    ("marketing_consent_how", "VARCHAR(16) DEFAULT '' NOT NULL"),
    ("night_consent_at", "BIGINT"),
    ("opted_out_at", "BIGINT"),
    ("opted_out_reason", "VARCHAR(16) DEFAULT '' NOT NULL"),
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN (UTC milliseconds, as UTCTimestamp stores): no batch copy.
    for name, kind in CONTACT_COLUMNS:
        op.execute(f"ALTER TABLE contact ADD COLUMN {name} {kind}")
    op.execute("ALTER TABLE message ADD COLUMN campaign_id VARCHAR(64)")
    op.execute("CREATE INDEX ix_message_campaign ON message (campaign_id) WHERE campaign_id IS NOT NULL")
    op.create_table(
        "campaign",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("template_name", sa.String(length=512), server_default="", nullable=False),
        sa.Column("template_language", sa.String(length=16), server_default="", nullable=False),
        sa.Column("template_category", sa.String(length=16), server_default="", nullable=False),
        sa.Column("template", sa.JSON(), nullable=True),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("header_media", sa.JSON(), nullable=True),
        sa.Column("audience", sa.JSON(), nullable=False),
        sa.Column("scheduled_at", sa.BigInteger(), nullable=True),
        sa.Column("pace", sa.Integer(), server_default="10", nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.Column("sent_at", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
    )
    op.create_table(
        "campaign_recipient",
        sa.Column("campaign_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("wa_id", sa.String(length=32), nullable=False),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("campaign_id", "contact_id"),
    )
    op.create_table(
        "restock_waitlist",
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["catalog_item.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("item_id", "contact_id"),
    )
    op.execute("PRAGMA user_version = 7")


def downgrade() -> None:
    op.drop_table("restock_waitlist")
    op.drop_table("campaign_recipient")
    op.drop_table("campaign")
    op.execute("DROP INDEX ix_message_campaign")
    op.execute("ALTER TABLE message DROP COLUMN campaign_id")
    for name, _kind in reversed(CONTACT_COLUMNS):
        op.execute(f"ALTER TABLE contact DROP COLUMN {name}")
    op.execute("PRAGMA user_version = 6")
