"""The shop's answers from a number's WhatsApp Business phone app count in that number's chat.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

Revision 0014 keeps, per (customer, business number), the shop's last message from that number
(`number_reply`), written by the relay's own sends only. An answer the shop's staff typed on the
branch's phone (Meta's `smb_message_echoes`, and the shop's own messages in the phone app's history
backfill) moved the customer's times but not the number's: her reply there was greeted as the first
message of a new chat. Now the intake writes them too, in the transaction that stores the webhook.

On PostgreSQL that transaction is one call of `relay_intake_batch`: it takes three more arrays (each
chat's customer, number and newest time, one row each, in one order) and upserts them, a time only
moving forward. Existing rows are filled from the phone app's echoes among the `outbound` events
kept, as 0014 filled them from every kept outbound event (only moving a time forward, so what 0014
filled and what the relay wrote since stand).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from relay.migrations import earlier_revision

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_WINDOWS = "0013_window_per_number.py"
_MEDIA_ARGUMENT = "media_names text[],"
_REPLY_ARGUMENTS = " reply_wa_ids text[], reply_numbers text[], reply_ms bigint[],"
_BEFORE_MEDIA = "            -- As MediaRows.add_job"
_UPSERT_REPLIES = """\
            -- The chats the shop wrote in from a number's phone app (echoes, history): that
            -- number's last message to each customer, a time only moving forward (revision 0015).
            IF cardinality(reply_wa_ids) > 0 THEN
                INSERT INTO number_reply (wa_id, phone_number_id, last_outbound_ms)
                    SELECT r.wa_id, r.number, r.ms
                    FROM unnest(reply_wa_ids::varchar(32)[], reply_numbers::varchar(32)[], reply_ms)
                        AS r(wa_id, number, ms)
                    ON CONFLICT (wa_id, phone_number_id) DO UPDATE SET last_outbound_ms =
                        greatest(number_reply.last_outbound_ms, EXCLUDED.last_outbound_ms);
            END IF;
"""
# As relay/storage/sqlite_intake.py writes them (PostgreSQL takes the same statement).
_FILL = sa.text(
    "INSERT INTO number_reply (wa_id, phone_number_id, last_outbound_ms) VALUES (:wa_id, :number, :ms)"
    " ON CONFLICT (wa_id, phone_number_id) DO UPDATE SET last_outbound_ms = CASE"
    " WHEN number_reply.last_outbound_ms IS NULL OR number_reply.last_outbound_ms < excluded.last_outbound_ms"
    " THEN excluded.last_outbound_ms ELSE number_reply.last_outbound_ms END"
)


def _old_signature() -> str:
    return str(earlier_revision(_WINDOWS)._new_signature())


def _new_signature() -> str:
    media = "bigint, text[], text[], text[], text, "
    old = _old_signature()
    assert old.count(media) == 1
    return old.replace(media, "bigint, text[], text[], text[], text[], text[], bigint[], text, ")


def _intake_batch() -> str:
    text: str = earlier_revision(_WINDOWS)._intake_batch()
    assert text.count(_MEDIA_ARGUMENT) == 1 and text.count(_BEFORE_MEDIA) == 1
    text = text.replace(_MEDIA_ARGUMENT, _MEDIA_ARGUMENT + _REPLY_ARGUMENTS)
    return text.replace(_BEFORE_MEDIA, _UPSERT_REPLIES + _BEFORE_MEDIA)


def _echo_times(bind: sa.Connection) -> list[dict[str, Any]]:
    """Each (customer, number)'s newest phone-app echo among the kept events (WhatsApp's time, as
    the intake takes it; the relay's receipt time for an echo without one)."""
    rows = bind.execute(
        sa.text(
            "SELECT phone_number_id, at_ms, payload FROM event"
            " WHERE kind = 'outbound' AND phone_number_id IS NOT NULL AND payload LIKE '%phone_app%'"
        )
    )
    newest: dict[tuple[str, str], int] = {}
    for number, at_ms, payload in rows:
        outbound: Any = json.loads(payload)
        if not isinstance(outbound, dict) or outbound.get("sent_by") != "phone_app":
            continue
        to, echo = outbound.get("to"), outbound.get("body")
        if not isinstance(to, str) or not to:
            continue
        stamp = echo.get("timestamp") if isinstance(echo, dict) else None
        ms = int(stamp) * 1000 if isinstance(stamp, str) and stamp.isdigit() else int(at_ms)
        newest[(to, number)] = max(ms, newest.get((to, number), ms))
    return [{"wa_id": w, "number": n, "ms": ms} for (w, n), ms in sorted(newest.items())]


def _replace_intake_batch(signature: str, definition: str) -> None:
    """The procedure of `signature` dropped and `definition` created (PostgreSQL only)."""
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP PROCEDURE relay_intake_batch({signature})")
        op.execute(definition)


def upgrade() -> None:
    bind = op.get_bind()
    filled = _echo_times(bind)
    if filled:
        bind.execute(_FILL, filled)
    _replace_intake_batch(_old_signature(), _intake_batch())


def downgrade() -> None:
    # The rows stay: 0014's relay reads them as it reads its own.
    _replace_intake_batch(_new_signature(), earlier_revision(_WINDOWS)._intake_batch())
