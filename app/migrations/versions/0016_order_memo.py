"""Orders: the owner's own memo (메모), apart from the note a customer sent with her cart.

Until now one `note` column held both: a cart's text ("S 사이즈로 부탁드려요") and what the owner typed
in the new-order form, which the order's window then called the customer's request. An order the owner
made (source "chat") takes its note over as her memo.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE \"order\" ADD COLUMN memo TEXT DEFAULT '' NOT NULL")
    op.execute("UPDATE \"order\" SET memo = note, note = '' WHERE source = 'chat' AND note != ''")
    op.execute("PRAGMA user_version = 16")


def downgrade() -> None:
    op.execute("UPDATE \"order\" SET note = memo WHERE source = 'chat' AND note = ''")
    op.execute('ALTER TABLE "order" DROP COLUMN memo')
    op.execute("PRAGMA user_version = 15")
