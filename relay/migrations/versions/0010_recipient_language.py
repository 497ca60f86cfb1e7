"""A campaign's recipient may be sent their own version of the template: `campaign_recipient.language`.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

The desktop names, for a customer who writes another language than the campaign's template, the
same template in that language (`CampaignRecipient.language` in app/wire.py). NULL, as every
recipient stored before this revision has it, means the campaign's `template.language`: a campaign
already running goes on exactly as it was posted.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column without a default: a plain ADD COLUMN on both dialects, no table copied.
    op.add_column("campaign_recipient", sa.Column("language", sa.String(15)))


def downgrade() -> None:
    # Batch mode: SQLite copies the table without the column (its indexes rebuilt as they were).
    with op.batch_alter_table("campaign_recipient") as batch:
        batch.drop_column("language")
