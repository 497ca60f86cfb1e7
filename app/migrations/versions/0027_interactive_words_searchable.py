"""Interactive messages are found by every word they showed (`message.extra_text`), not their body alone.

The menu bot's menus ("▸ 배송 조회"), its answers' buttons and the catalogue's lists showed the customer
buttons or list rows, a header and a footer that the body does not hold; searching "배송" found the
customer's tap and not the menu she tapped it in. Those words are worked out from each message's
payload (app/interactive_text.py) and indexed after its body (app/schema_sql.SEARCH_TEXT).

The triggers are replaced first: an update's 'delete' then takes out what the old ones indexed (the
body alone, the new column being '' until the row is updated), and its insert puts in the whole text.
Only interactive messages are read and rewritten (the shop's own: a few per chat).

Revision ID: 0027
Revises: 0026
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from app.interactive_text import extra_text, search_text, stored_payload
from app.schema_sql import BODY_ONLY_FTS_TRIGGERS, FTS_TRIGGER_NAMES, FTS_TRIGGERS
from app.text import bigram_text

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None

_INTERACTIVE = sa.text(
    "SELECT id, body, payload FROM message WHERE kind = 'interactive' AND payload IS NOT NULL"
)


def upgrade() -> None:
    op.execute("ALTER TABLE message ADD COLUMN extra_text TEXT NOT NULL DEFAULT ''")
    for name in FTS_TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for trigger in FTS_TRIGGERS:
        op.execute(trigger)
    bind = op.get_bind()
    changed = []
    for message_id, body, stored in bind.execute(_INTERACTIVE):
        payload = stored_payload(stored)
        extra = extra_text(payload)
        if extra:
            grams = bigram_text(search_text(body, extra))
            changed.append({"id": message_id, "extra": extra, "grams": grams})
    if changed:
        bind.execute(
            sa.text("UPDATE message SET extra_text = :extra, grams = :grams WHERE id = :id"), changed
        )
    op.execute("PRAGMA user_version = 27")


def downgrade() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, body FROM message WHERE extra_text != ''")).fetchall()
    # The new triggers take each row's whole text out and put its body alone back in.
    if rows:
        bind.execute(
            sa.text("UPDATE message SET extra_text = '', grams = :grams WHERE id = :id"),
            [{"id": message_id, "grams": bigram_text(body)} for message_id, body in rows],
        )
    for name in FTS_TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("ALTER TABLE message DROP COLUMN extra_text")
    for trigger in BODY_ONLY_FTS_TRIGGERS:
        op.execute(trigger)
    op.execute("PRAGMA user_version = 26")
