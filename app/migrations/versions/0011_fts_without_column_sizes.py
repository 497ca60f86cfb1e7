"""Both FTS5 tables rebuilt with columnsize=0: no per-message row of token counts, which only
ranking would read (search orders by time), so every message written costs two b-tree inserts fewer.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

from alembic import op

from app.schema_sql import (
    BODY_ONLY_FTS_FILL,
    BODY_ONLY_FTS_TRIGGERS,
    FTS_AUTOMERGE,
    FTS_CREATE,
    FTS_TABLES,
    FTS_TRIGGER_NAMES,
)

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

# The tables as 0002 created them (FTS5 cannot change a table's options: they are rebuilt).
_WITH_COLUMN_SIZES = (
    "CREATE VIRTUAL TABLE message_fts USING fts5("
    "body, content='message', content_rowid='id', tokenize='trigram')",
    "CREATE VIRTUAL TABLE message_bigram USING fts5("
    "grams, content='message', content_rowid='id', tokenize='unicode61 remove_diacritics 0', detail='none')",
)


def _rebuild(create: tuple[str, ...]) -> None:
    # Measured on the 1M-message database: 7 s wall, 4.9 s of CPU (docs/PERFORMANCE.md). The
    # triggers go first so no write meets a half-built table; all of it is one transaction.
    for name in FTS_TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in reversed(FTS_TABLES):
        op.execute(f"DROP TABLE IF EXISTS {table}")
    for statement in create:
        op.execute(statement)
    for table in FTS_TABLES:
        op.execute(f"INSERT INTO {table}({table}, rank) VALUES ('automerge', {FTS_AUTOMERGE})")
    # Bodies alone, as the index was until 0027.
    for statement in BODY_ONLY_FTS_FILL:
        op.execute(statement)
    for trigger in BODY_ONLY_FTS_TRIGGERS:
        op.execute(trigger)


def upgrade() -> None:
    _rebuild(FTS_CREATE)
    op.execute("PRAGMA user_version = 11")


def downgrade() -> None:
    _rebuild(_WITH_COLUMN_SIZES)
    op.execute("PRAGMA user_version = 10")
