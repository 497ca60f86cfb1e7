"""When a customer last wrote to each business number: an index for the 24-hour window per number.

WhatsApp's customer-service window is per (business number, customer): a reply from a number she has
not written to in 24 hours is refused (131047) though she wrote to the shop's other number an hour
ago. The composer asks, for the open chat, her newest live message to each number
(app/service_window.py). Without the index that walks every message of the chat back to the first
for a number she never wrote to; with it, one short descent per number. Partial: her live messages
only, so the shop's replies and imported history add nothing to it.

Revision ID: 0022
Revises: 0021
"""

from __future__ import annotations

from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain CREATE INDEX: the message table is read once, nothing is rewritten (no batch-mode copy).
    op.execute(
        "CREATE INDEX IF NOT EXISTS ix_message_inbound_number "
        "ON message (contact_id, phone_number_id, sent_at) WHERE direction = 'in' AND imported = 0"
    )
    op.execute("PRAGMA user_version = 22")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_message_inbound_number")
    op.execute("PRAGMA user_version = 21")
