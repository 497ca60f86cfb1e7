"""Reactions kept per event: each one's WhatsApp id and time, not only the emoji a message shows.

A message kept each side's emoji and the contact its newest reaction, so a reaction taken back left
nothing to say which earlier one still stood (the chat list fell back to the last message), and an
event read again after the relay started afresh looked new (its 👍 was told again). The new
`reaction` table keeps every reaction event with its `wamid` (app/models.py: Reaction).

Old rows: each emoji a message shows becomes one row without a wamid, at the contact's reaction time
when it is the chat's newest, else at its message's time (a reaction is never older than its message,
and nothing stored when it was set). Two reads through `message`; no table is copied.

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "reaction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("message_id", sa.Integer(), nullable=False),
        sa.Column("direction", sa.String(length=3), nullable=False),
        sa.Column("emoji", sa.String(length=16), nullable=True),
        sa.Column("sent_at", sa.BigInteger(), nullable=False),  # UTC milliseconds
        sa.Column("wamid", sa.String(length=128), nullable=True),
        sa.ForeignKeyConstraint(["message_id"], ["message.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("wamid"),
    )
    op.create_index("ix_reaction_message", "reaction", ["message_id", "direction", "sent_at"])
    for direction, column in (("in", "reaction_in"), ("out", "reaction_out")):
        op.execute(
            f"""
            INSERT INTO reaction (message_id, direction, emoji, sent_at)
            SELECT m.id, '{direction}', m.{column},
                   CASE WHEN c.reaction_message_id = m.id AND c.reaction_from = '{direction}'
                             AND c.reaction_at IS NOT NULL
                        THEN max(c.reaction_at, m.sent_at) ELSE m.sent_at END
              FROM message m JOIN contact c ON c.id = m.contact_id
             WHERE m.{column} IS NOT NULL
            """
        )
    op.execute("PRAGMA user_version = 21")


def downgrade() -> None:
    op.drop_index("ix_reaction_message", table_name="reaction")
    op.drop_table("reaction")
    op.execute("PRAGMA user_version = 20")
