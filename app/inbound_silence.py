"""Whether customers went unusually quiet: a broken webhook subscription looks exactly like silence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import BigInteger, distinct, func, select, type_coerce
from sqlalchemy.orm import Session

from app.models import Direction, Message

QUIET_DAYS = 7  # no customer message for this long…
LOOKBACK_DAYS = 28  # …after a shop that heard from customers on…
BUSY_DAYS = 14  # …at least this many of the 28 days before that
DAY_MS = 86_400_000


@dataclass(frozen=True, slots=True)
class InboundSilence:
    days: int  # whole days since the last customer message
    last_inbound_at: datetime


def unusual_silence(session: Session, now: datetime) -> InboundSilence | None:
    """The silence worth a look, or None: a quiet shop that is usually quiet is just a quiet shop.

    Imported history does not count: only messages the relay delivered show the webhook worked.
    """
    live_inbound = (Message.direction == Direction.IN, Message.imported.is_(False))
    last = session.scalar(select(func.max(Message.sent_at)).where(*live_inbound))
    if last is None or now - last < timedelta(days=QUIET_DAYS):
        return None
    since = last - timedelta(days=LOOKBACK_DAYS)
    day = type_coerce(Message.sent_at, BigInteger) / DAY_MS  # integer milliseconds: whole UTC days
    busy = session.scalar(select(func.count(distinct(day))).where(*live_inbound, Message.sent_at > since))
    if int(busy or 0) < BUSY_DAYS:
        return None
    return InboundSilence(days=(now - last).days, last_inbound_at=last)
