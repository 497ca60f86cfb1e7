"""The menu bot's state per chat: `bot_state` keyed by (customer, business number).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

A shop with two numbers is two chats on the customer's phone, but the bot kept one state per
customer: handed to a person on the first branch, she was paused on the second too, and the menu
she was shown on one number took her typed "3" on the other. `bot_state` now has a row per
(wa_id, phone_number_id); '' stands for a number not known (a message stored without one): the
relay reads that row for any number of hers that has no row of its own.

Existing rows are carried over: a row with a pause goes to the number it was made on (the number of
her newest hand-off `contact` event among the kept events); otherwise (no pause, or the event is no
longer kept) to every number she has talked to (`contact_state`'s two numbers and `number_reply`'s),
as it stood for all of them before; a customer with no known number keeps it under ''. A shop with
one number thus keeps every row as it was, on that number.

Downgrade: one row per customer again, the one paused longest (a pause anywhere paused her everywhere
before this revision).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

_UNKNOWN_NUMBER = ""
_STATE_COLUMNS = (
    "paused_until_ms",
    "resumed_ms",
    "sent_recently_ms",
    "handoff_reason",
    "menu_shown",
    "menu_other",
    "menu_nudged",
)


def _state_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("paused_until_ms", sa.BigInteger),
        sa.Column("resumed_ms", sa.BigInteger),
        sa.Column("sent_recently_ms", sa.Text),
        sa.Column("handoff_reason", sa.String(16)),
        sa.Column("menu_shown", sa.String(64)),
        sa.Column("menu_other", sa.Boolean()),
        sa.Column("menu_nudged", sa.Boolean()),
    ]


def _stored(bind: sa.Connection, keys: tuple[str, ...]) -> list[dict[str, Any]]:
    columns = ", ".join((*keys, *_STATE_COLUMNS))
    return [dict(row._mapping) for row in bind.execute(sa.text(f"SELECT {columns} FROM bot_state"))]


def _pause_numbers(bind: sa.Connection) -> dict[str, str]:
    """Each customer's number of her newest hand-off among the kept `contact` events."""
    rows = bind.execute(
        sa.text(
            "SELECT phone_number_id, payload FROM event WHERE kind = 'contact'"
            " AND phone_number_id IS NOT NULL AND payload LIKE '%handoff_reason%' ORDER BY seq"
        )
    )
    made_on: dict[str, str] = {}
    for number, payload in rows:
        event: Any = json.loads(payload)
        if not isinstance(event, dict) or not event.get("bot_paused_until"):
            continue  # a resume, or another change of the contact
        contact = event.get("contact")
        wa_id = contact.get("wa_id") if isinstance(contact, dict) else None
        if isinstance(wa_id, str) and wa_id:
            made_on[wa_id] = number  # in seq order: the newest stays
    return made_on


def _talked_to(bind: sa.Connection) -> dict[str, set[str]]:
    """The business numbers each customer wrote to or was written from."""
    numbers: dict[str, set[str]] = {}
    found = bind.execute(
        sa.text(
            "SELECT wa_id, phone_number_id FROM contact_state WHERE phone_number_id IS NOT NULL"
            " UNION SELECT wa_id, other_number_id FROM contact_state WHERE other_number_id IS NOT NULL"
            " UNION SELECT wa_id, phone_number_id FROM number_reply"
        )
    )
    for wa_id, number in found:
        if number:
            numbers.setdefault(wa_id, set()).add(number)
    return numbers


def upgrade() -> None:
    bind = op.get_bind()
    old = _stored(bind, ("wa_id",))
    made_on = _pause_numbers(bind) if old else {}
    talked_to = _talked_to(bind) if old else {}
    op.drop_table("bot_state")
    table = op.create_table(
        "bot_state",
        sa.Column("wa_id", sa.String(32), primary_key=True),
        sa.Column("phone_number_id", sa.String(32), primary_key=True),
        *_state_columns(),
    )
    rows: list[dict[str, Any]] = []
    for row in old:
        wa_id = row["wa_id"]
        if row["paused_until_ms"] is not None and wa_id in made_on:
            numbers = {made_on[wa_id]}
        else:
            numbers = talked_to.get(wa_id) or {_UNKNOWN_NUMBER}
        rows.extend({**row, "phone_number_id": number} for number in sorted(numbers))
    if rows:
        op.bulk_insert(table, rows)


def downgrade() -> None:
    bind = op.get_bind()
    kept: dict[str, dict[str, Any]] = {}
    for row in _stored(bind, ("wa_id", "phone_number_id")):
        row.pop("phone_number_id")
        known = kept.get(row["wa_id"])
        if known is None or (row["paused_until_ms"] or 0) > (known["paused_until_ms"] or 0):
            kept[row["wa_id"]] = row
    op.drop_table("bot_state")
    table = op.create_table(
        "bot_state", sa.Column("wa_id", sa.String(32), primary_key=True), *_state_columns()
    )
    if kept:
        op.bulk_insert(table, list(kept.values()))
