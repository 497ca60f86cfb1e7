"""Greeting, away and business-hours rules: pure functions the relay runs and the desktop previews."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.wire import Automations, AwayRule, BusinessHours, DayHours, Recipients

log = logging.getLogger(__name__)

# "always" away has no period boundaries: the away message goes once per contact, ever, until the
# owner replies (a reply after the last away message starts a new period for that contact).
ALWAYS_PERIOD_START = datetime(1970, 1, 1, tzinfo=UTC)

_DIGITS = re.compile(r"\D+")
_FIELD = re.compile(r"\{(name|first_name|phone|shop)\}")


@dataclass(frozen=True, slots=True)
class ContactState:
    wa_id: str
    last_inbound_at: datetime | None  # before the message being judged
    last_outbound_at: datetime | None
    last_owner_reply_at: datetime | None
    last_away_sent_at: datetime | None
    known_contact: bool


@dataclass(frozen=True, slots=True)
class AutoReply:
    sent_by: Literal["greeting", "away"]
    text: str


def zone(name: str) -> tzinfo:
    """The shop's time zone; an unknown name falls back to UTC (and is logged)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r; using UTC", name)
        return UTC


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _day_covers(day: DayHours, minute: int) -> bool:
    if day.mode == "all_day":
        return True
    if day.mode == "closed":
        return False
    return any(_minutes(r.start) <= minute < _minutes(r.end) for r in day.ranges)


def _week_covers(week: list[DayHours], local: datetime) -> bool:
    """Is the local wall-clock time inside the week's ranges? Ranges ending before they start
    ("22:00"–"02:00") run overnight into the next day."""
    minute = local.hour * 60 + local.minute
    today = week[local.weekday()]
    if _day_covers(today, minute):
        return True
    if today.mode == "open":
        for r in today.ranges:
            start, end = _minutes(r.start), _minutes(r.end)
            if end < start and minute >= start:
                return True
    yesterday = week[(local.weekday() - 1) % 7]
    if yesterday.mode == "open":
        for r in yesterday.ranges:
            start, end = _minutes(r.start), _minutes(r.end)
            if end < start and minute < end:
                return True
    return False


def is_open(hours: BusinessHours, now: datetime) -> bool:
    """Is the shop open at `now` (aware), by its weekly hours in its own time zone?"""
    return _week_covers(hours.week, now.astimezone(zone(hours.timezone)))


def is_away(rule: AwayRule, hours: BusinessHours, now: datetime) -> bool:
    if rule.schedule == "always":
        return True
    if rule.schedule == "outside_hours":
        return not is_open(hours, now)
    return _week_covers(rule.custom, now.astimezone(zone(hours.timezone)))


def away_period_start(rule: AwayRule, hours: BusinessHours, now: datetime) -> datetime | None:
    """UTC start of the away period containing `now`, or None when not away.

    Walks back in 5-minute steps, then minute by minute, in UTC so the answer follows wall-clock
    time across DST changes. (An open gap shorter than 5 minutes may be stepped over.)
    """
    if not is_away(rule, hours, now):
        return None
    if rule.schedule == "always":
        return ALWAYS_PERIOD_START
    probe = now.astimezone(UTC).replace(second=0, microsecond=0)
    coarse, fine = timedelta(minutes=5), timedelta(minutes=1)
    for _ in range(8 * 24 * 12):
        if not is_away(rule, hours, probe - coarse):
            break
        probe -= coarse
    else:
        return ALWAYS_PERIOD_START  # away all week long: one period
    while is_away(rule, hours, probe - fine):
        probe -= fine
    return probe


def e164(number: str) -> str:
    return _DIGITS.sub("", number)


def recipient_allowed(recipients: Recipients, wa_id: str) -> bool:
    listed = {e164(n) for n in recipients.wa_ids}
    if recipients.mode == "except":
        return e164(wa_id) not in listed
    if recipients.mode == "only":
        return e164(wa_id) in listed
    return True


def _latest(*moments: datetime | None) -> datetime | None:
    present = [m for m in moments if m is not None]
    return max(present) if present else None


def greeting_due(doc: Automations, state: ContactState, now: datetime) -> bool:
    rule = doc.greeting
    if not rule.enabled or not rule.text.strip() or state.known_contact:
        return False
    if not recipient_allowed(rule.recipients, state.wa_id):
        return False
    last = _latest(state.last_inbound_at, state.last_outbound_at)
    return last is None or now - last >= timedelta(days=rule.silence_days)


def away_due(doc: Automations, state: ContactState, now: datetime) -> bool:
    rule = doc.away
    if not rule.enabled or not rule.text.strip():
        return False
    if not recipient_allowed(rule.recipients, state.wa_id):
        return False
    if state.last_owner_reply_at is not None and now - state.last_owner_reply_at < timedelta(
        minutes=rule.owner_reply_grace_minutes
    ):
        return False
    period = away_period_start(rule, doc.business_hours, now)
    if period is None:
        return False
    if state.last_away_sent_at is None:
        return True
    if state.last_away_sent_at < period:
        return True
    # "Always": a reply from the owner after the last away message starts a new period.
    return bool(
        rule.schedule == "always"
        and state.last_owner_reply_at is not None
        and state.last_owner_reply_at > state.last_away_sent_at
    )


def fill_fields(text: str, *, name: str | None, phone: str | None, shop: str | None) -> str:
    """Fill {name}, {first_name}, {phone}, {shop}; other {words} stay as typed."""
    name = (name or "").strip()
    values = {
        "name": name,
        "first_name": name.split()[0] if name else "",
        "phone": f"+{e164(phone)}" if phone and e164(phone) else "",
        "shop": (shop or "").strip(),
    }
    filled = _FIELD.sub(lambda m: values[m.group(1)], text)
    # An empty field must not leave "Hello , thanks" or double spaces behind.
    filled = re.sub(r"[ \t]{2,}", " ", filled)
    filled = re.sub(r"[ \t]+([,.!?])", r"\1", filled)
    return filled.strip()


def replies_for_inbound(
    doc: Automations,
    state: ContactState,
    now: datetime,
    *,
    contact_name: str | None,
    shop_name: str | None = None,
) -> list[AutoReply]:
    """What the relay sends when this customer writes now: greeting first, then away."""
    shop = shop_name if shop_name is not None else doc.profile.name
    replies = []
    if greeting_due(doc, state, now):
        text = fill_fields(doc.greeting.text, name=contact_name, phone=state.wa_id, shop=shop)
        replies.append(AutoReply("greeting", text))
    if away_due(doc, state, now):
        text = fill_fields(doc.away.text, name=contact_name, phone=state.wa_id, shop=shop)
        replies.append(AutoReply("away", text))
    return replies


def next_opening(hours: BusinessHours, now: datetime, horizon_days: int = 8) -> datetime | None:
    """When the shop next opens (UTC), for previews like "We open again at 10:00"."""
    if is_open(hours, now):
        return now
    tz = zone(hours.timezone)
    local = now.astimezone(tz).replace(second=0, microsecond=0)
    for day in range(horizon_days):
        date = (local + timedelta(days=day)).date()
        week_day = hours.week[date.weekday()]
        starts = (
            [time(0, 0)]
            if week_day.mode == "all_day"
            else [time.fromisoformat(r.start) for r in week_day.ranges]
            if week_day.mode == "open"
            else []
        )
        for start in sorted(starts):
            moment = datetime.combine(date, start, tzinfo=tz)
            if moment > local:
                return moment.astimezone(UTC)
    return None
