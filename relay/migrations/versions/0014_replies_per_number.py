"""What the shop last sent each customer from each business number: automations count per number.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

A shop with two numbers is two chats on the customer's phone. The greeting's silence ("no message
either way for N days") and the away message's once-a-period were counted per customer, so a
customer of the first branch writing to the second for the first time got no greeting there, and
one told at night by the first branch heard nothing from the second. `number_reply` keeps, per
(customer, business number), the shop's last message and last away message from that number; her
own messages per number are `contact_state`'s already (revision 0013).

Existing rows are filled from the `outbound` events kept (the retention period): each one that
reached WhatsApp (it has a wamid; the phone app's echoes too) counts for the number it went from,
and an away message for that number's away too. Nothing else writes the table from the intake, so
the PostgreSQL intake procedure is unchanged.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _newest_replies(bind: sa.Connection) -> dict[tuple[str, str], dict[str, int]]:
    """Each (customer, number)'s newest outbound and away message times (ms), from the events kept."""
    rows = bind.execute(
        sa.text(
            "SELECT phone_number_id, at_ms, payload FROM event"
            " WHERE kind = 'outbound' AND phone_number_id IS NOT NULL"
        )
    )
    newest: dict[tuple[str, str], dict[str, int]] = {}
    for number, at_ms, payload in rows:
        outbound: Any = json.loads(payload)
        if not isinstance(outbound, dict) or not outbound.get("wamid"):
            continue  # never reached WhatsApp, or its fate is unknown: the relay did not count it either
        to = outbound.get("to")
        if not isinstance(to, str) or not to:
            continue
        times = newest.setdefault((to, number), {})
        columns = ["last_outbound_ms"] + (["last_away_sent_ms"] if outbound.get("sent_by") == "away" else [])
        for column in columns:
            times[column] = max(int(at_ms), times.get(column, 0))
    return newest


def upgrade() -> None:
    table = op.create_table(
        "number_reply",
        sa.Column("wa_id", sa.String(32), primary_key=True),
        sa.Column("phone_number_id", sa.String(32), primary_key=True),
        sa.Column("last_outbound_ms", sa.BigInteger()),
        sa.Column("last_away_sent_ms", sa.BigInteger()),
    )
    newest = _newest_replies(op.get_bind())
    if newest:
        filled = [
            {
                "wa_id": wa_id,
                "phone_number_id": number,
                "last_outbound_ms": times.get("last_outbound_ms"),
                "last_away_sent_ms": times.get("last_away_sent_ms"),
            }
            for (wa_id, number), times in newest.items()
        ]
        op.bulk_insert(table, filled)


def downgrade() -> None:
    op.drop_table("number_reply")
