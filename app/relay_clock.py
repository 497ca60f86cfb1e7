"""This computer's clock, set right by the relay's: a laptop whose clock is off still files its replies
in their place.

A reply is stamped with "now" when it is written (WhatsApp's own time only comes back for the
customer's messages). On a laptop a few minutes slow, the owner's answer to a question that had just
arrived was stamped before it and shown above it; on one an hour fast, after the customer's next
messages. Every answer of the relay carries its clock in the HTTP `Date` header (a server whose clock
the relay's check holds within 60 s of WhatsApp's): the difference, once it is more than a few
seconds, is added to this computer's clock wherever a time is written that WhatsApp's would be
compared with.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from datetime import UTC, datetime, timedelta

log = logging.getLogger(__name__)

# Below this the difference is the `Date` header's whole seconds and the network, not a clock that is off.
NOTICEABLE_SECONDS = 5.0

local_time = time.time  # this computer's clock (tests set it off)
# A `Date` is never ahead of the relay's clock, only behind it: the network's delay, or a relay busy
# for a moment writing a stale one (one poll read 13 s behind). The largest of the last few
# differences is the best guess, and one stale answer does not move the clock.
KEPT = 8
_differences: deque[float] = deque(maxlen=KEPT)
_offset = 0.0  # seconds to add to this computer's clock to read the relay's


def observe(date_header: str | None, received_at: float | None = None) -> None:
    """The relay answered at `received_at` (this computer's clock) with `Date: date_header`."""
    global _offset
    if not date_header:
        return
    from email.utils import parsedate_to_datetime  # not at start: the window paints first

    try:
        relay_time = parsedate_to_datetime(date_header).timestamp()
    except (TypeError, ValueError, IndexError):
        return
    received = local_time() if received_at is None else received_at
    # `Date` is cut to the whole second: the relay's clock read somewhere in the second after it.
    _differences.append(relay_time + 0.5 - received)
    difference = max(_differences)
    offset = difference if abs(difference) >= NOTICEABLE_SECONDS else 0.0
    if abs(offset - _offset) >= NOTICEABLE_SECONDS or (offset == 0.0) != (_offset == 0.0):
        log.info("this computer's clock differs from the relay's by %.0f s", difference)
    _offset = offset


def offset() -> timedelta:
    return timedelta(seconds=_offset)


def now() -> datetime:
    """The time now as the relay (and WhatsApp) see it, in UTC."""
    return datetime.fromtimestamp(local_time(), UTC) + offset()


def forget() -> None:
    """Back to this computer's own clock (another relay, a test)."""
    global _offset
    _offset = 0.0
    _differences.clear()
