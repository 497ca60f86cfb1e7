"""Orders: where to ship (recipient, phone, 우편번호, address, detail, memo) and a cash-receipt number.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (
    ("recipient_name", "VARCHAR(64)"),
    ("recipient_phone", "VARCHAR(32)"),
    ("postcode", "VARCHAR(5)"),
    ("address", "VARCHAR(200)"),
    ("address_detail", "VARCHAR(200)"),
    ("delivery_memo", "VARCHAR(200)"),
    ("cash_receipt", "VARCHAR(20)"),
)


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN: no batch copy of the order table.
    for name, kind in COLUMNS:
        op.execute(f"ALTER TABLE \"order\" ADD COLUMN {name} {kind} DEFAULT '' NOT NULL")
    op.execute("PRAGMA user_version = 5")


def downgrade() -> None:
    for name, _kind in reversed(COLUMNS):
        op.execute(f'ALTER TABLE "order" DROP COLUMN {name}')
    op.execute("PRAGMA user_version = 4")
