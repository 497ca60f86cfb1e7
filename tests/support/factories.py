"""Row factories for tests and benchmarks: contacts and messages with sensible defaults."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.models import Contact, Message

_numbers = itertools.count(1)
BASE_TIME = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


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
