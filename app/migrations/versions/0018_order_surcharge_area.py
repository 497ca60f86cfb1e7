"""Orders: which area the surcharge was charged for (Highlands & Islands, Alaska & Hawaii, 도서산간).

Until now an order's surcharge was always the remote-area one (도서산간), a Korean idea; a shop in
the UK or the US charges for other places, several of them. Orders stored before keep "" and read as
the remote-area surcharge they were.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("ALTER TABLE \"order\" ADD COLUMN surcharge_area VARCHAR(32) DEFAULT '' NOT NULL")
    op.execute("PRAGMA user_version = 18")


def downgrade() -> None:
    op.execute('ALTER TABLE "order" DROP COLUMN surcharge_area')
    op.execute("PRAGMA user_version = 17")
