"""Each customer's newest message to the shop's other number: WhatsApp's 24-hour window is per number.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06

`contact_state` kept one last inbound time (`last_inbound_ms`, of the number in `phone_number_id`),
so the relay judged a reply or a template from the shop's second number by her message to the first.
Two columns keep her newest message to a number other than that one (`other_number_id`,
`other_inbound_ms`): exact for a shop with two numbers; a third number last heard from her before
`other_inbound_ms`, which says enough once that is over 24 hours old.

They are written by the statements the intake already makes (the same row of the same upsert), so a
group commit sends two more arrays per customer and nothing more. Existing rows are filled from the
`message` events of the last two days (an older message opens no window, and a missing record and an
old one decide alike). On PostgreSQL the intake's procedure takes the two columns too: its upsert
moves `other_inbound_ms` forward only, and `other_number_id` with it.
"""

from __future__ import annotations

import json
import time
from typing import Any

import sqlalchemy as sa
from alembic import op

from relay.migrations import earlier_revision

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_BATCH = "0006_intake_batch.py"
_TURNS = "0009_commit_turns.py"
# Of a webhook's messages, those that are not a customer writing (relay/webhook.py NOT_ANSWERED, as
# it is when this revision is written): they moved no last inbound time, so they fill none.
_NOT_WRITTEN = ("system", "reaction", "unsupported", "edit", "revoke")
_FILLED_FROM_MS = 2 * 24 * 3600 * 1000
_NEW_COLUMNS = [("other_number_id", "varchar(32)"), ("other_inbound_ms", "bigint")]


def _contact_group() -> str:
    """0006's argument types of the customers' columns, as they appear twice in the signature."""
    batch = earlier_revision(_BATCH)
    return ", ".join(f"{kind.split('(')[0]}[]" for _, kind in batch._CONTACT_COLUMNS)


def _old_signature() -> str:
    return str(earlier_revision(_TURNS)._new_signature())


def _new_signature() -> str:
    old, group = _old_signature(), _contact_group()
    assert old.count(group) == 2
    added = ", ".join(f"{kind.split('(')[0]}[]" for _, kind in _NEW_COLUMNS)
    return old.replace(group, f"{group}, {added}")


def _replaced(text: str, old: str, new: str, count: int) -> str:
    assert text.count(old) == count, (old, text.count(old))
    return text.replace(old, new)


def _intake_batch() -> str:
    """0009's procedure with the two columns after `known`, in every list of the customers' columns."""
    batch = earlier_revision(_BATCH)
    text: str = earlier_revision(_TURNS)._intake_batch()
    for prefix in ("g_", "u_"):
        text = _replaced(
            text,
            f"{prefix}known boolean[]",
            f"{prefix}known boolean[], "
            + ", ".join(f"{prefix}{name} {kind.split('(')[0]}[]" for name, kind in _NEW_COLUMNS),
            1,
        )
        text = _replaced(
            text,
            f"{prefix}known::boolean[]",
            f"{prefix}known::boolean[], "
            + ", ".join(f"{prefix}{name}::{kind}[]" for name, kind in _NEW_COLUMNS),
            1,
        )
    text = _replaced(text, batch._NAMES, batch._NAMES + ", other_number_id, other_inbound_ms", 2)
    # The number goes with the time: a later time another worker stored keeps its own number.
    merged = (
        ", other_number_id = CASE WHEN EXCLUDED.other_inbound_ms < contact_state.other_inbound_ms"
        " THEN contact_state.other_number_id"
        " ELSE coalesce(EXCLUDED.other_number_id, contact_state.other_number_id) END"
        ", other_inbound_ms = greatest(contact_state.other_inbound_ms, EXCLUDED.other_inbound_ms)"
    )
    return _replaced(text, batch._MERGED, batch._MERGED + merged, 1)


def _newest_by_number(bind: sa.Connection) -> dict[str, dict[str, int]]:
    """Each customer's newest message time (ms) per business number, from the recent stored events."""
    now_ms = int(time.time() * 1000)
    rows = bind.execute(
        sa.text(
            "SELECT phone_number_id, at_ms, payload FROM event"
            " WHERE kind = 'message' AND at_ms >= :since AND phone_number_id IS NOT NULL"
        ),
        {"since": now_ms - _FILLED_FROM_MS},
    )
    newest: dict[str, dict[str, int]] = {}
    for number, at_ms, payload in rows:
        message: Any = json.loads(payload).get("message")
        if not isinstance(message, dict) or message.get("history"):
            continue  # history backfill moves no number's time (relay/webhook.py _history)
        sender, kind = message.get("from"), message.get("type")
        if not isinstance(sender, str) or not sender or kind in _NOT_WRITTEN:
            continue
        stamp = message.get("timestamp")
        ms = int(stamp) * 1000 if isinstance(stamp, str | int) and str(stamp).isdigit() else int(at_ms)
        by_number = newest.setdefault(sender, {})
        by_number[number] = max(ms, by_number.get(number, 0))
    return newest


def _fill(bind: sa.Connection) -> None:
    newest = _newest_by_number(bind)
    if not newest:
        return
    stored = bind.execute(
        sa.text("SELECT wa_id, phone_number_id FROM contact_state WHERE phone_number_id IS NOT NULL")
    )
    filled = []
    for wa_id, last_number in stored:
        others = [(ms, number) for number, ms in newest.get(wa_id, {}).items() if number != last_number]
        if others:
            ms, number = max(others)
            filled.append({"wa_id": wa_id, "number": number, "ms": ms})
    if filled:
        bind.execute(
            sa.text(
                "UPDATE contact_state SET other_number_id = :number, other_inbound_ms = :ms"
                " WHERE wa_id = :wa_id"
            ),
            filled,
        )


def upgrade() -> None:
    # Nullable columns without a default: a plain ADD COLUMN on both dialects, no table copied.
    op.add_column("contact_state", sa.Column("other_number_id", sa.String(32)))
    op.add_column("contact_state", sa.Column("other_inbound_ms", sa.BigInteger))
    bind = op.get_bind()
    _fill(bind)
    if bind.dialect.name == "postgresql":
        op.execute(f"DROP PROCEDURE relay_intake_batch({_old_signature()})")
        op.execute(_intake_batch())


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP PROCEDURE relay_intake_batch({_new_signature()})")
        op.execute(earlier_revision(_TURNS)._intake_batch())
    # Batch mode: SQLite copies the table without the columns.
    with op.batch_alter_table("contact_state") as batch:
        batch.drop_column("other_inbound_ms")
        batch.drop_column("other_number_id")
