"""A list message is found by the button that opened it ("메뉴 보기") and its section titles too.

WhatsApp shows a list as its body with a button under it; tapping it opens a sheet of the
sections' titles and rows. Schema 27 indexed the rows only, and the bubble showed only them: the
opener and the section titles are now part of `message.extra_text` (app/interactive_text.py).
Only the shop's list messages are read and rewritten (other kinds' words did not change); the FTS
triggers that 0027 made take out each row's old text and put in its new one.

Revision ID: 0028
Revises: 0027
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from app.interactive_text import extra_text, search_text
from app.text import bigram_text

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

_LISTS = sa.text(
    "SELECT id, body, payload, extra_text FROM message WHERE kind = 'interactive' AND "
    "CASE WHEN json_valid(payload) THEN json_extract(payload, '$.interactive.type') END = 'list'"
)


def upgrade() -> None:
    bind = op.get_bind()
    changed = []
    for message_id, body, stored, before in bind.execute(_LISTS):
        payload = json.loads(stored)
        extra = extra_text(payload if isinstance(payload, dict) else None)
        if extra != before:
            grams = bigram_text(search_text(body, payload))
            changed.append({"id": message_id, "extra": extra, "grams": grams})
    if changed:
        bind.execute(
            sa.text("UPDATE message SET extra_text = :extra, grams = :grams WHERE id = :id"), changed
        )
    op.execute("PRAGMA user_version = 28")


def downgrade() -> None:
    # The rows keep their longer text: the index holds what they hold (the triggers saw to it), and
    # the older app finds a list by its opener and sections as well, which is no harm.
    op.execute("PRAGMA user_version = 27")
