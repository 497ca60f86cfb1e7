"""Labels: which built-in label a row is (`builtin`), so orders find theirs whatever the owner calls it.

Orders move a chat between the built-in labels New order … Order complete, found until now by their
stored English name: an owner who renamed "Shipped" (or only pressed OK in the rename dialog of a
Korean interface, which stored "배송 중") silently stopped orders labelling chats. Each built-in
label now keeps its default English name in `builtin`, set here for the labels still called so.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# app.models.DEFAULT_LABELS' names, as this revision knows them.
BUILTIN_NAMES = ("New customer", "New order", "Pending payment", "Paid", "Shipped", "Order complete")


def upgrade() -> None:
    op.execute("ALTER TABLE label ADD COLUMN builtin VARCHAR(32)")
    op.execute("CREATE UNIQUE INDEX ix_label_builtin ON label (builtin)")
    for name in BUILTIN_NAMES:
        # lower() folds ASCII only, as these names are; the oldest label of the name if several.
        op.execute(
            f"UPDATE label SET builtin = '{name}' WHERE id = "
            f"(SELECT id FROM label WHERE lower(name) = lower('{name}') ORDER BY id LIMIT 1)"
        )
    op.execute("PRAGMA user_version = 12")


def downgrade() -> None:
    op.execute("DROP INDEX ix_label_builtin")
    op.execute("ALTER TABLE label DROP COLUMN builtin")
    op.execute("PRAGMA user_version = 11")
