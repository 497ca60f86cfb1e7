"""The bot report counts the menus sent as numbered text: `bot_tally.sent_as_text`.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-08

A menu whose text outgrew the 1,024 characters WhatsApp shows above a menu once its fields were
filled in (BotProblem.FILLED_TEXT_TOO_LONG) is sent whole as a text with its choices numbered; the
relay only logged it, so the owner learnt it from a chat. Each such send is now counted per day and
menu, beside the answers, and the desktop's bot report names the menu. Days stored before this
revision count none (the server default), as nothing was counted then.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NOT NULL with a server default: a plain ADD COLUMN on both dialects, no table copied.
    op.add_column(
        "bot_tally", sa.Column("sent_as_text", sa.Integer, nullable=False, server_default=sa.text("0"))
    )


def downgrade() -> None:
    # Batch mode: SQLite copies the table without the column.
    with op.batch_alter_table("bot_tally") as batch:
        batch.drop_column("sent_as_text")
