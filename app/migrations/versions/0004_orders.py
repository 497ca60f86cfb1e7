"""Orders: order, order_line and order_event tables, stock per item option, and a "Shipped" label.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "order",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=16), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("message_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("subtotal_minor", sa.BigInteger(), nullable=False),
        sa.Column("shipping_minor", sa.BigInteger(), nullable=False),
        sa.Column("surcharge_minor", sa.BigInteger(), nullable=False),
        sa.Column("discount_minor", sa.BigInteger(), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("customer_name", sa.String(length=256), server_default="", nullable=False),
        sa.Column("depositor_name", sa.String(length=64), server_default="", nullable=False),
        sa.Column("payment_due_at", sa.BigInteger(), nullable=True),
        sa.Column("courier", sa.String(length=64), server_default="", nullable=False),
        sa.Column("tracking", sa.String(length=64), server_default="", nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["message_id"], ["message.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("number"),
        sa.UniqueConstraint("message_id"),
    )
    op.create_index("ix_order_year_seq", "order", ["year", "seq"], unique=True)
    op.create_index("ix_order_state_created", "order", ["state", "created_at"])
    op.create_index("ix_order_contact", "order", ["contact_id"])
    op.create_table(
        "order_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("code", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("option", sa.String(length=100), server_default="", nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_price_minor", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("stock", sa.String(length=10), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["catalog_item.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["order_id"], ["order.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_order_line_order", "order_line", ["order_id", "position"])
    op.create_table(
        "order_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.BigInteger(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("from_state", sa.String(length=20), nullable=True),
        sa.Column("to_state", sa.String(length=20), nullable=True),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["order.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_order_event_order", "order_event", ["order_id", "id"])
    op.create_table(
        "stock",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("option", sa.String(length=100), server_default="", nullable=False),
        sa.Column("on_hand", sa.Integer(), nullable=False),
        sa.Column("reserved", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["item_id"], ["catalog_item.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_stock_item_option", "stock", ["item_id", "option"], unique=True)
    # Orders move chats to a "Shipped" label: added after "Paid" (or last) unless the owner has one.
    op.execute(
        """
        CREATE TEMP TABLE shipped_at AS SELECT coalesce(
          (SELECT position + 1 FROM label WHERE name = 'Paid'),
          (SELECT coalesce(max(position), -1) + 1 FROM label)) AS position
        """
    )
    op.execute(
        "UPDATE label SET position = position + 1 WHERE position >= (SELECT position FROM shipped_at) "
        "AND NOT EXISTS (SELECT 1 FROM label WHERE lower(name) = 'shipped')"
    )
    op.execute(
        "INSERT INTO label (name, colour, position) SELECT 'Shipped', '#2F80ED', position FROM shipped_at "
        "WHERE NOT EXISTS (SELECT 1 FROM label WHERE lower(name) = 'shipped')"
    )
    op.execute("DROP TABLE shipped_at")
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    op.drop_table("stock")
    op.drop_table("order_event")
    op.drop_table("order_line")
    op.drop_table("order")
    op.execute("PRAGMA user_version = 3")
