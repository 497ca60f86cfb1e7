"""A list is found by its opener ("메뉴 보기") and section titles, a template by its buttons.

WhatsApp shows a list as its body with a button under it; tapping it opens a sheet of the
sections' titles and rows. Schema 27 indexed the rows only, and the bubble showed only them: the
opener and the section titles are now part of `message.extra_text` (app/interactive_text.py).
A template the shop sent showed its buttons under its text ("▸ 수신 거부"), and its bubble did, but
they are in the template, not the send body: they are now part of its extra text too
(app/template_buttons.py). Only the shop's list and template messages are read and rewritten (other
kinds' words did not change); the FTS triggers that 0027 made take out each row's old text and put
in its new one.

Revision ID: 0028
Revises: 0027
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.interactive_text import search_text, stored_payload
from app.models import message_extra_text
from app.text import bigram_text

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None

_LISTS_AND_TEMPLATES = sa.text(
    "SELECT id, kind, body, payload, extra_text, campaign_id FROM message WHERE direction = 'out' AND ("
    "kind = 'template' OR kind = 'interactive' AND "
    "CASE WHEN json_valid(payload) THEN json_extract(payload, '$.interactive.type') END = 'list')"
)


def upgrade() -> None:
    bind = op.get_bind()
    changed = []
    for message_id, kind, body, stored, before, campaign_id in bind.execute(_LISTS_AND_TEMPLATES).fetchall():
        extra = message_extra_text(bind, kind, "out", stored_payload(stored), campaign_id)
        if extra != before:
            grams = bigram_text(search_text(body, extra))
            changed.append({"id": message_id, "extra": extra, "grams": grams})
    if changed:
        bind.execute(
            sa.text("UPDATE message SET extra_text = :extra, grams = :grams WHERE id = :id"), changed
        )
    op.execute("PRAGMA user_version = 28")


def downgrade() -> None:
    # The rows keep their longer text: the index holds what they hold (the triggers saw to it), and
    # the older app finds a list by its opener and sections and a template by its buttons as well.
    op.execute("PRAGMA user_version = 27")
