"""Which WhatsApp business numbers an inbox and a relay serve: another shop's relay is said before its
chats mix into this inbox."""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.models import Contact
from app.relay_client import RelayClient
from app.wire import UnknownEvent

# The relay's oldest kept events are enough to tell whose number it serves.
RELAY_SAMPLE = 200


def inbox_numbers(db: Database) -> frozenset[str]:
    """The business numbers (phone_number_id) this inbox's customers wrote to; none for an inbox
    filled only from phone exports."""
    with db.read() as session:
        found = session.scalars(
            select(Contact.phone_number_id).where(Contact.phone_number_id.is_not(None)).distinct()
        )
        return frozenset(number for number in found if number)


def relay_numbers(url: str, token: str, *, sample: int = RELAY_SAMPLE) -> frozenset[str]:
    """The business numbers in the relay's oldest kept events (blocking: off the GUI thread)."""
    with RelayClient(url, token) as client:
        page = client.events(0, wait=0.0, limit=sample)
    return frozenset(
        event.phone_number_id
        for event in page.events
        if not isinstance(event, UnknownEvent) and event.phone_number_id
    )


def another_shop(inbox: frozenset[str], relay: frozenset[str]) -> bool:
    """Both serve numbers and share none: the relay is another shop's. A shop's second number on its
    own relay shares the first with the inbox; a new relay with no events yet says nothing."""
    return bool(inbox) and bool(relay) and inbox.isdisjoint(relay)


def relay_is_another_shops(db: Database, url: str, token: str) -> bool:
    """`another_shop` for this inbox and the relay at `url` (blocking: off the GUI thread)."""
    mine = inbox_numbers(db)
    return bool(mine) and another_shop(mine, relay_numbers(url, token))
