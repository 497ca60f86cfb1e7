"""The chat list says a reaction: the chat's newest reaction, which message it is on, whose and when.

WhatsApp's chat list shows "Reacted 👍 to "Your total is…"" while a reaction is the newest thing in
a chat, and a customer's raises her chat to the top. A message kept only each side's emoji
(reaction_in, reaction_out), not when it was set, and the list is one indexed query over `contact`:
so the contact row keeps its newest reaction (the list's preview joins its message by primary key).
A customer's reaction also moves `last_message_at`, the list's order and time (app/chat_reactions.py).
Three nullable columns added in place: no table is copied.

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE contact ADD COLUMN reaction_message_id INTEGER")
    op.execute("ALTER TABLE contact ADD COLUMN reaction_from VARCHAR(3)")
    op.execute("ALTER TABLE contact ADD COLUMN reaction_at BIGINT")
    op.execute("PRAGMA user_version = 20")


def downgrade() -> None:
    op.execute("ALTER TABLE contact DROP COLUMN reaction_at")
    op.execute("ALTER TABLE contact DROP COLUMN reaction_from")
    op.execute("ALTER TABLE contact DROP COLUMN reaction_message_id")
    op.execute("PRAGMA user_version = 19")
