"""Orders: what an exchange's new order holds of her first order's payment is paid, not a discount.

An exchange made a new order whose discount was what her first order's payment carried to it, so the
order's window, its sheet for the books and its messages called that money 할인: the books showed
less sold and more given away than there was. It has a column of its own now, `carried_minor`, and the
order's total is what the order is worth again (she is asked for total − carried).

Each exchange's new order (history kind "exchange_for", its note's "credit" the carried money) moves
that credit out of its discount, as much of it as the discount holds (an owner who lowered the
discount afterwards lowered what it carried): discount + total before = discount + carried and total
after, so nothing is lost, and the downgrade puts it back.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def _credit(note: str) -> int:
    try:
        facts = json.loads(note) if note.startswith("{") else {}
    except ValueError:
        return 0
    credit = facts.get("credit", 0) if isinstance(facts, dict) else 0
    return credit if isinstance(credit, int) and not isinstance(credit, bool) and credit > 0 else 0


def upgrade() -> None:
    op.execute('ALTER TABLE "order" ADD COLUMN carried_minor BIGINT DEFAULT 0 NOT NULL')
    bind = op.get_bind()
    credits: dict[int, int] = {}
    for order_id, note in bind.execute(
        sa.text("SELECT order_id, note FROM order_event WHERE kind = 'exchange_for' ORDER BY id")
    ):
        credits[order_id] = credits.get(order_id, 0) + _credit(note or "")
    for order_id, credit in credits.items():
        if credit:
            bind.execute(
                sa.text(
                    'UPDATE "order" SET carried_minor = MIN(discount_minor, :credit), '
                    "total_minor = total_minor + MIN(discount_minor, :credit), "
                    "discount_minor = discount_minor - MIN(discount_minor, :credit) WHERE id = :id"
                ),
                {"credit": credit, "id": order_id},
            )
    op.execute("PRAGMA user_version = 17")


def downgrade() -> None:
    op.execute(
        'UPDATE "order" SET discount_minor = discount_minor + carried_minor, '
        "total_minor = total_minor - carried_minor WHERE carried_minor != 0"
    )
    op.execute('ALTER TABLE "order" DROP COLUMN carried_minor')
    op.execute("PRAGMA user_version = 16")
