"""A failed campaign recipient keeps which cause Graph meant: `campaign_recipient.graph_cause`.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05

Graph gives one code for causes that need different steps (131053: a file it could not fetch, one
too large, one of a type it refuses). The relay reads the cause from the refusal or the failed
status (app/wire.py `GraphCause`) and serves it with the recipient, so the campaign's report says
the one step that helps. NULL, as every recipient stored before this revision has it, means no
cause known: the report says the code's general sentence, as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A nullable column without a default: a plain ADD COLUMN on both dialects, no table copied.
    op.add_column("campaign_recipient", sa.Column("graph_cause", sa.String(32)))


def downgrade() -> None:
    # Batch mode: SQLite copies the table without the column (its indexes rebuilt as they were).
    with op.batch_alter_table("campaign_recipient") as batch:
        batch.drop_column("graph_cause")
