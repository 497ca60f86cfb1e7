"""The menu bot's hand-off per chat: `bot_pause`, one row per (contact, business number).

A shop with two WhatsApp numbers is two chats on the customer's phone, and the relay pauses its bot
in one of them (relay revision 0016): a `contact` event's `phone_number_id` names the chat. The chat
list shows one row per customer, on the number she last wrote to, so `contact.bot_paused_until` is
now the pause of that number's chat, kept in step by triggers from `bot_pause` whichever code writes
a pause or moves her to another number.

A pause kept before this revision does not say its number: it goes to every number she has messages
on (and her current one; '' when none is known), as it stood for all of them.

Revision ID: 0024
Revises: 0023
"""

from __future__ import annotations

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

# '' as phone_number_id: a chat on no known number (contact.phone_number_id NULL).
TRIGGERS = (
    """
    CREATE TRIGGER bot_pause_ai AFTER INSERT ON bot_pause BEGIN
      UPDATE contact SET bot_paused_until = new.paused_until
       WHERE id = new.contact_id AND coalesce(phone_number_id, '') = new.phone_number_id;
    END
    """,
    """
    CREATE TRIGGER bot_pause_au AFTER UPDATE ON bot_pause BEGIN
      UPDATE contact SET bot_paused_until = new.paused_until
       WHERE id = new.contact_id AND coalesce(phone_number_id, '') = new.phone_number_id;
    END
    """,
    """
    CREATE TRIGGER bot_pause_ad AFTER DELETE ON bot_pause BEGIN
      UPDATE contact SET bot_paused_until = NULL
       WHERE id = old.contact_id AND coalesce(phone_number_id, '') = old.phone_number_id;
    END
    """,
    # She wrote to the other number: the chat row is that number's now, and so is its pause.
    """
    CREATE TRIGGER contact_number_bot_pause AFTER UPDATE OF phone_number_id ON contact
    WHEN new.phone_number_id IS NOT old.phone_number_id BEGIN
      UPDATE contact SET bot_paused_until = (
        SELECT p.paused_until FROM bot_pause p
         WHERE p.contact_id = new.id AND p.phone_number_id = coalesce(new.phone_number_id, ''))
       WHERE id = new.id;
    END
    """,
)
TRIGGER_NAMES = ("bot_pause_ai", "bot_pause_au", "bot_pause_ad", "contact_number_bot_pause")


def upgrade() -> None:
    op.execute(
        """
        CREATE TABLE bot_pause (
          contact_id INTEGER NOT NULL REFERENCES contact (id) ON DELETE CASCADE,
          phone_number_id VARCHAR(32) NOT NULL,
          paused_until INTEGER,
          PRIMARY KEY (contact_id, phone_number_id)
        )
        """
    )
    op.execute(
        """
        INSERT INTO bot_pause (contact_id, phone_number_id, paused_until)
        SELECT id, coalesce(phone_number_id, ''), bot_paused_until FROM contact
         WHERE bot_paused_until IS NOT NULL
        UNION
        SELECT c.id, m.phone_number_id, c.bot_paused_until FROM contact c
          JOIN message m ON m.contact_id = c.id
         WHERE c.bot_paused_until IS NOT NULL AND m.phone_number_id IS NOT NULL
        """
    )
    for trigger in TRIGGERS:
        op.execute(trigger)
    op.execute("PRAGMA user_version = 24")


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER {name}")
    op.execute("DROP TABLE bot_pause")
    op.execute("PRAGMA user_version = 23")
