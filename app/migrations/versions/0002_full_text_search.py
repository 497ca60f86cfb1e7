"""Full-text search: trigram FTS5 over message bodies and a bigram FTS5 table for 2-character queries.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.schema_sql import BODY_ONLY_FTS_FILL, BODY_ONLY_FTS_TRIGGERS, FTS_CREATE, FTS_TRIGGER_NAMES
from app.text import bigram_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # Messages written before this revision have no grams yet: compute them in Python.
    rows = bind.execute(sa.text("SELECT id, body FROM message WHERE grams = ''")).fetchall()
    if rows:
        bind.execute(
            sa.text("UPDATE message SET grams = :g WHERE id = :id"),
            [{"g": bigram_text(body), "id": mid} for mid, body in rows],
        )
    for statement in FTS_CREATE:
        op.execute(statement)
    # The index of bodies alone, as it was until 0027 (which adds what interactive messages showed).
    for trigger in BODY_ONLY_FTS_TRIGGERS:
        op.execute(trigger)
    for statement in BODY_ONLY_FTS_FILL:
        op.execute(statement)
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    for name in FTS_TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS message_bigram")
    op.execute("DROP TABLE IF EXISTS message_fts")
    op.execute("PRAGMA user_version = 1")
