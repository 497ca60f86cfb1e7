"""WhatsApp's 24-hour customer-service window per business number: when the customer last wrote to each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.business_numbers import BUSINESS_NUMBERS_KEY, number_choices
from app.conversation_rows import from_millis
from app.wire import SERVICE_WINDOW


@dataclass(frozen=True, slots=True)
class NumberWindow:
    """One of the shop's numbers and when this customer last wrote to it (None: never, that we kept)."""

    phone_number_id: str
    number: str  # as people dial it (the webhook's display_phone_number)
    last_inbound_at: datetime | None

    def left(self, now: datetime) -> timedelta:
        """Time left in this number's window with her (zero when closed)."""
        return window_left(self.last_inbound_at, now)


def window_left(last_inbound_at: datetime | None, now: datetime) -> timedelta:
    """Time left in a 24-hour window opened by a message at `last_inbound_at` (zero when closed)."""
    if last_inbound_at is None:
        return timedelta(0)
    return max(timedelta(0), last_inbound_at + SERVICE_WINDOW - now)


# Her newest live message to one number (history backfill and WhatsApp's own notices open no window),
# walked backwards on ix_message_inbound_number: the newest row is nearly always the one.
_LAST_WRITTEN_SQL = text(
    """
    SELECT m.sent_at FROM message m
     WHERE m.contact_id = :contact AND m.phone_number_id = :number AND m.direction = 'in'
       AND m.imported = 0 AND m.kind != 'system'
     ORDER BY m.sent_at DESC LIMIT 1
    """
)


def number_windows(session: Session, contact_id: int) -> tuple[NumberWindow, ...]:
    """Each of the shop's numbers with when this customer last wrote to it, in a shop with two or
    more (WhatsApp's window is per business number: a reply from a number she has not written to in
    24 hours is refused, 131047, whatever she wrote to the other); () in a one-number shop."""
    from app.settings import get_setting

    choices = number_choices(get_setting(session, BUSINESS_NUMBERS_KEY, {}))
    windows = []
    for choice in choices:
        millis = session.execute(
            _LAST_WRITTEN_SQL, {"contact": contact_id, "number": choice.phone_number_id}
        ).scalar()
        windows.append(NumberWindow(choice.phone_number_id, choice.number, from_millis(millis)))
    return tuple(windows)


def open_elsewhere(
    windows: tuple[NumberWindow, ...], phone_number_id: str | None, now: datetime
) -> NumberWindow | None:
    """The number other than `phone_number_id` whose window with her is open (the one she wrote to
    last, of several), when that number's own is closed; None when it is open or none other is."""
    own = next((w for w in windows if w.phone_number_id == phone_number_id), None)
    if own is None or own.left(now) > timedelta(0):
        return None
    others = [w for w in windows if w is not own and w.left(now) > timedelta(0)]
    return max(others, key=lambda w: w.left(now), default=None)


def reply_window(
    windows: tuple[NumberWindow, ...],
    chat_number: str | None,
    last_inbound_at: datetime | None,
    now: datetime,
) -> tuple[datetime | None, NumberWindow | None]:
    """When the window a message to her would go in opened, and the other number it goes from when
    only that one's is open (None: the chat's own). In a one-number shop (no `windows`), or when her
    last message at all is newer than every one read (they are out of date), that last message's
    time; else her last message to the chat's number, or to the number whose window is open."""
    own = next((w for w in windows if w.phone_number_id == chat_number), None)
    newest = max((w.last_inbound_at for w in windows if w.last_inbound_at), default=None)
    stale = last_inbound_at is not None and (newest is None or last_inbound_at > newest)
    if own is None or stale:
        return last_inbound_at, None
    elsewhere = open_elsewhere(windows, chat_number, now)
    if elsewhere is not None:
        return elsewhere.last_inbound_at, elsewhere
    return own.last_inbound_at, None
