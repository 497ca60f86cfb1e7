"""Both FTS5 tables merge their segments eight at a time instead of four: less merging on every
commit (an import's batches, the sync's pages), no slower search (docs/PERFORMANCE.md).

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

from app.schema_sql import FTS_AUTOMERGE, FTS_TABLES

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A setting in each table's %_config row: nothing is rewritten, instant on a 1M-message database.
    for table in FTS_TABLES:
        op.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', {FTS_AUTOMERGE})")
    op.execute("PRAGMA user_version = 10")


def downgrade() -> None:
    for table in FTS_TABLES:
        op.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', 4)")
    op.execute("PRAGMA user_version = 9")
