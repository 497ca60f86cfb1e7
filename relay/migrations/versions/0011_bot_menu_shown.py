"""The menu bot remembers the menu it last sent a chat: `bot_state.menu_shown`, `menu_other`, `menu_nudged`.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

A customer who types "3" after a menu chooses its third entry, and one whose reply to a menu chose
nothing is asked once to choose from it (app/rules.py `BotState`). NULL, as every chat stored before
this revision has it, means no menu remembered: the chat goes on as before.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns without a default: a plain ADD COLUMN on both dialects, no table copied.
    op.add_column("bot_state", sa.Column("menu_shown", sa.String(64)))
    op.add_column("bot_state", sa.Column("menu_other", sa.Boolean()))
    op.add_column("bot_state", sa.Column("menu_nudged", sa.Boolean()))


def downgrade() -> None:
    # Batch mode: SQLite copies the table without the columns.
    with op.batch_alter_table("bot_state") as batch:
        batch.drop_column("menu_nudged")
        batch.drop_column("menu_other")
        batch.drop_column("menu_shown")
