"""Greeting, away and business-hours rules: pure functions the relay runs and the desktop previews."""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.wire import Automations, AwayRule, BusinessHours, DayHours, Recipients

log = logging.getLogger(__name__)

# An away period with no start (schedule "always", or away around the whole week) begins here, so
# the away message goes once per contact; a reply from the owner after the last away message starts
# a new period for that contact (see away_due).
ALWAYS_PERIOD_START = datetime(1970, 1, 1, tzinfo=UTC)

_DAY = timedelta(days=1)
# An away period longer than this has no start: the schedule repeats weekly.
_LOOKBACK_DAYS = 8
_DIGITS = re.compile(r"\D+")
_FIELD = re.compile(r"\{(name|first_name|phone|shop)\}")
# Characters after an emptied field that make the space before it superfluous: "Hello {name}, hi".
_CLOSES = frozenset(" \t\r\n,.!?;:)…")
# A Korean honorific glued to a name goes with it when the name is unknown: "{name}님," → ",".
_HONORIFICS = ("님", "씨")

Span = tuple[datetime, datetime]  # [start, end) in naive local wall-clock time


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


# --------------------------------------------------------------------------- time zones and spans


@functools.lru_cache(maxsize=64)
def zone(name: str) -> tzinfo:
    """The shop's time zone; an unknown name falls back to UTC (logged once per name)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        log.warning("unknown time zone %r; using UTC", name)
        return UTC


def _wall(now: datetime, tz: tzinfo) -> datetime:
    """`now` as naive local wall-clock time; a naive `now` is a caller's bug, not UTC by guess."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("rules need aware datetimes (UTC)")
    return now.astimezone(tz).replace(tzinfo=None)


def _instant(wall: datetime, tz: tzinfo) -> datetime:
    """The first UTC instant at which the local clock shows `wall` or later.

    An ambiguous time (the repeated hour in autumn) is its first occurrence; a time the clock skips
    (the lost hour in spring) is the moment of the jump.
    """
    utc = wall.replace(tzinfo=tz, fold=0).astimezone(UTC)
    if utc.astimezone(tz).replace(tzinfo=None) == wall:
        return utc
    bounds = sorted((utc, wall.replace(tzinfo=tz, fold=1).astimezone(UTC)))
    lo, hi = int(bounds[0].timestamp()), int(bounds[1].timestamp())
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, tz).replace(tzinfo=None) >= wall:
            hi = mid
        else:
            lo = mid
    return datetime.fromtimestamp(hi, UTC)


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _day_spans(day: DayHours, on: date) -> list[Span]:
    """The day's ranges as wall-clock spans; a range ending before it starts ("22:00"–"02:00")
    runs into the next morning, "24:00" is the day's end and a range that ends where it starts is empty."""
    midnight = datetime.combine(on, time())
    if day.mode == "all_day":
        return [(midnight, midnight + _DAY)]
    if day.mode == "closed":
        return []
    spans = []
    for r in day.ranges:
        start, end = _minutes(r.start), _minutes(r.end)
        if end == start:
            continue
        if end < start:
            end += 24 * 60
        spans.append((midnight + timedelta(minutes=start), midnight + timedelta(minutes=end)))
    return spans


def _week_spans(week: list[DayHours], first: date, last: date) -> list[Span]:
    """Merged spans of the days first..last (and the night before first running into it)."""
    spans = sorted(
        span
        for offset in range(-1, (last - first).days + 1)
        for on in [first + timedelta(days=offset)]
        for span in _day_spans(week[on.weekday()], on)
    )
    merged: list[Span] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _away_spans(rule: AwayRule, hours: BusinessHours, first: date, last: date) -> list[Span]:
    if rule.schedule == "custom":
        return _week_spans(rule.custom, first, last)
    # Outside business hours: the gaps between open spans, from first 00:00 to the end of last.
    cursor, end_of_window = datetime.combine(first, time()), datetime.combine(last + _DAY, time())
    gaps: list[Span] = []
    for start, end in _week_spans(hours.week, first, last):
        if start > cursor:
            gaps.append((cursor, min(start, end_of_window)))
        cursor = max(cursor, end)
    if cursor < end_of_window:
        gaps.append((cursor, end_of_window))
    return gaps


def _covers(spans: list[Span], wall: datetime) -> bool:
    return any(start <= wall < end for start, end in spans)


# --------------------------------------------------------------------------- schedules


def is_open(hours: BusinessHours, now: datetime) -> bool:
    """Is the shop open at `now`, by its weekly hours on its own wall clock?"""
    wall = _wall(now, zone(hours.timezone))
    return _covers(_week_spans(hours.week, wall.date(), wall.date()), wall)


def is_away(rule: AwayRule, hours: BusinessHours, now: datetime) -> bool:
    """Does the away schedule hold at `now` (whether or not the away message is switched on)?"""
    if rule.schedule == "always":
        return True
    if rule.schedule == "outside_hours":
        return not is_open(hours, now)
    wall = _wall(now, zone(hours.timezone))
    return _covers(_week_spans(rule.custom, wall.date(), wall.date()), wall)


def away_period_start(rule: AwayRule, hours: BusinessHours, now: datetime) -> datetime | None:
    """UTC start of the away period containing `now`, or None when not away.

    Periods are wall-clock spans of the schedule: Friday 19:00 until Monday 10:00 is one period
    even across a DST change (and the repeated autumn hour does not split it). "Always", or a
    schedule away around the whole week, has no start: ALWAYS_PERIOD_START.
    """
    if not is_away(rule, hours, now):
        return None
    if rule.schedule == "always":
        return ALWAYS_PERIOD_START
    tz = zone(hours.timezone)
    wall = _wall(now, tz)
    first = wall.date() - timedelta(days=_LOOKBACK_DAYS)
    for start, end in _away_spans(rule, hours, first, wall.date()):
        if start <= wall < end:
            if start <= datetime.combine(first, time()):
                return ALWAYS_PERIOD_START
            return _instant(start, tz)
    return ALWAYS_PERIOD_START  # unreachable: is_away said a span covers now


def next_opening(hours: BusinessHours, now: datetime, horizon_days: int = 8) -> datetime | None:
    """When the shop next opens (UTC), for previews like "We open again at 10:00"; None if never."""
    if is_open(hours, now):
        return now
    tz = zone(hours.timezone)
    wall = _wall(now, tz)
    for start, _end in _week_spans(hours.week, wall.date(), wall.date() + timedelta(days=horizon_days)):
        if start > wall:
            return _instant(start, tz)
    return None


# --------------------------------------------------------------------------- who gets what


def e164(number: str) -> str:
    """A phone number as E.164 digits: "+82 10-1234-5678" → "821012345678"."""
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
    """First message ever, or the first after `silence_days` without a message either way."""
    rule = doc.greeting
    if not rule.enabled or not rule.text.strip() or state.known_contact:
        return False
    if not recipient_allowed(rule.recipients, state.wa_id):
        return False
    last = _latest(state.last_inbound_at, state.last_outbound_at)
    # Zero days of silence would greet every message: a day is the least that means "returning".
    return last is None or now - last >= timedelta(days=max(rule.silence_days, 1))


def away_due(doc: Automations, state: ContactState, now: datetime) -> bool:
    """Away by the schedule, not just answered by the owner, and not yet sent in this away period."""
    rule = doc.away
    if not rule.enabled or not rule.text.strip():
        return False
    if not recipient_allowed(rule.recipients, state.wa_id):
        return False
    grace = timedelta(minutes=max(rule.owner_reply_grace_minutes, 0))
    if state.last_owner_reply_at is not None and now - state.last_owner_reply_at < grace:
        return False
    period = away_period_start(rule, doc.business_hours, now)
    if period is None:
        return False
    if state.last_away_sent_at is None or state.last_away_sent_at < period:
        return True
    # A period with no start can last weeks: the owner answering after the away message ends it
    # for this contact, so their next message is told again that the shop is away.
    return (
        period == ALWAYS_PERIOD_START
        and state.last_owner_reply_at is not None
        and state.last_owner_reply_at > state.last_away_sent_at
    )


def fill_fields(text: str, *, name: str | None, phone: str | None, shop: str | None) -> str:
    """Fill {name}, {first_name}, {phone}, {shop}; other {words} stay as typed.

    A field with no value disappears with the space before it ("Hello {name}, hi" → "Hello, hi") or,
    at the start of a line, the space after it; the rest of the text is left exactly as typed.
    {first_name} is the first word: a Korean name written without spaces ("김민지") stays whole,
    which is also how a shop addresses a customer politely ("김민지님").
    """
    name = " ".join((name or "").split())
    digits = e164(phone or "")
    values = {
        "name": name,
        "first_name": name.split(" ")[0] if name else "",
        "phone": f"+{digits}" if digits else "",
        "shop": " ".join((shop or "").split()),
    }
    out = ""
    pos = 0
    for match in _FIELD.finditer(text):
        out += text[pos : match.start()]
        pos = match.end()
        value = values[match.group(1)]
        if value:
            out += value
            continue
        if match.group(1) in ("name", "first_name") and text.startswith(_HONORIFICS, pos):
            pos += 1
        following = text[pos : pos + 1]
        if out.endswith((" ", "\t")) and (following == "" or following in _CLOSES):
            out = out.rstrip(" \t")
        elif out == "" or out.endswith("\n"):
            while pos < len(text) and text[pos] in " \t":
                pos += 1
    return out + text[pos:]


def replies_for_inbound(
    doc: Automations,
    state: ContactState,
    now: datetime,
    *,
    contact_name: str | None,
    shop_name: str | None = None,
) -> list[AutoReply]:
    """What the relay sends when this customer writes now: the greeting first, then the away message."""
    shop = shop_name if shop_name is not None else doc.profile.name
    replies = []
    if greeting_due(doc, state, now):
        text = fill_fields(doc.greeting.text, name=contact_name, phone=state.wa_id, shop=shop)
        replies.append(AutoReply("greeting", text))
    if away_due(doc, state, now):
        text = fill_fields(doc.away.text, name=contact_name, phone=state.wa_id, shop=shop)
        replies.append(AutoReply("away", text))
    return [r for r in replies if r.text.strip()]
