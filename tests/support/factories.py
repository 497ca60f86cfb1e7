"""Row factories for tests and benchmarks: contacts and messages with sensible defaults."""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.models import Contact, Message

_numbers = itertools.count(1)
BASE_TIME = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def earlier_today(now: datetime, ago: timedelta) -> datetime:
    """`ago` before `now`, kept on now's day on this computer's clock (at its first second at the
    earliest): "five minutes ago" in a test run at 00:04 was yesterday, and the chat said "Yesterday"
    or drew a day's line where the test expected a clock time."""
    start_of_day = now.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    return max(now - ago, start_of_day)


def local_noon() -> datetime:
    """Noon of today on this computer's clock, as an aware UTC moment. A test that pins the app's clock
    there (relay_clock.local_time) and writes its messages minutes before says "Today" at any hour it
    runs: one begun a few seconds before midnight read its messages as "Yesterday" once it looked."""
    return datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0).astimezone(UTC)


def make_contact(session: Session, **fields: Any) -> Contact:
    n = next(_numbers)
    fields.setdefault("wa_id", f"8210{n:08d}")
    fields.setdefault("profile_name", f"Customer {n}")
    contact = Contact(**fields)
    session.add(contact)
    session.flush()
    return contact


def make_message(session: Session, contact: Contact, body: str = "hello", **fields: Any) -> Message:
    n = next(_numbers)
    fields.setdefault("direction", "in")
    fields.setdefault("kind", "text")
    fields.setdefault("sent_at", BASE_TIME + timedelta(minutes=n))
    fields.setdefault("wamid", f"wamid.TEST{n:010d}")
    if fields["direction"] == "in":
        fields.setdefault("unread", True)
        fields.setdefault("status", "received")
    else:
        fields.setdefault("status", "sent")
    message = Message(contact_id=contact.id, body=body, **fields)
    session.add(message)
    session.flush()
    return message


def older_inbox(
    path: Path, bodies: Sequence[str], *, contact_id: int = 1, preferences: dict[str, Any] | None = None
) -> Path:
    """An inbox file as the first version (schema 1) left it: one customer (id 1) and `bodies` as
    their messages, written for `contact_id` (another id: messages whose customer is gone, which the
    update's reference check refuses); `preferences` stored as the app stores them."""
    from app.db import upgrade
    from app.first_page import PREFERENCES_KEY

    path.parent.mkdir(parents=True, exist_ok=True)
    upgrade(path, "0001")
    con = sqlite3.connect(path)
    con.execute("INSERT INTO contact(wa_id, profile_name, created_at) VALUES ('821011112222', '김민지', 0)")
    con.executemany(
        "INSERT INTO message(contact_id, direction, kind, body, status, sent_at) "
        "VALUES (?, 'in', 'text', ?, 'received', ?)",
        [(contact_id, body, 1000 + i) for i, body in enumerate(bodies)],
    )
    if preferences is not None:
        con.execute(
            "INSERT INTO setting(key, value) VALUES (?, ?)", (PREFERENCES_KEY, json.dumps(preferences))
        )
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


def make_order_the_deadline_cancelled(session: Session, *, asked_at: datetime, on_hand: int) -> int:
    """김민지's linen shirt (42,000원 with shipping; `on_hand` of it counted in stock), asked to pay
    at `asked_at` and cancelled when its payment deadline passed, four days later; its id."""
    from app.catalog import ItemDraft, create_item
    from app.orders import Charges, LineInput, OrderState, create_order, expire_unpaid, move_order
    from app.stock import set_stock

    item = create_item(
        session, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN")
    )
    set_stock(session, item, on_hand)
    minji = make_contact(session, profile_name="김민지")
    order_id = create_order(
        session,
        contact_id=minji.id,
        lines=[LineInput("LINEN", 1)],
        source="chat",
        charges=Charges(3000),
        now=asked_at,
    ).id
    move_order(session, order_id, OrderState.AWAITING_PAYMENT, now=asked_at)
    assert expire_unpaid(session, asked_at + timedelta(days=4)) == [order_id]
    return order_id
