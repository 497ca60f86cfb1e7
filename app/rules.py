"""Greeting, away, business-hours and menu-bot rules: pure functions the relay runs and the desktop shows."""

from __future__ import annotations

import bisect
import functools
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.wire import (
    CHOICE_PREFIX,
    INTERACTIVE_BODY_MAX,
    NIGHT_HOLD_END_HOUR,
    NIGHT_HOLD_START_HOUR,
    ORDER_CLOSED_STATES,
    TEXT_MAX,
    Automations,
    AwayRule,
    BotAnswer,
    BusinessHours,
    BusinessProfile,
    DayHours,
    HandoffReason,
    KeywordRule,
    MarketingOptOut,
    MenuBot,
    MenuNode,
    OptOutReason,
    OrderStatus,
    Recipients,
    TimeRange,
    whatsapp_length,
)

log = logging.getLogger(__name__)

# An away period with no start (schedule "always", or away around the whole week) begins here, so
# the away message goes once per contact; a reply from the owner after the last away message starts
# a new period for that contact (see away_due).
ALWAYS_PERIOD_START = datetime(1970, 1, 1, tzinfo=UTC)

_DAY = timedelta(days=1)
# An away period longer than this has no start: the schedule repeats weekly.
_LOOKBACK_DAYS = 8
_CLOSED_LOOKBACK_MAX = 800  # closed days counted at most (CLOSED_DAYS_MAX periods of a week each)
_DIGITS = re.compile(r"\D+")
# The fields' words as an owner may see or type them in their language ("{고객 이름}"): the editors
# show these and store the stable word, and a text that still holds them (typed by hand, or saved by
# an older editor) is filled all the same. The UI's own spellings must be among these
# (tests/ui/test_field_tokens.py checks the Korean translation against them).
FIELD_ALIASES: dict[str, str] = {
    "고객 이름": "first_name",
    "이름": "first_name",
    "전체 이름": "name",
    "가게 이름": "shop",
    "상점명": "shop",
    "전화번호": "phone",
    "다음 영업 시작": "opening",
    "영업시간": "hours",
}
FIELD_WORDS = ("name", "first_name", "phone", "shop", "opening", "hours")
_FIELD = re.compile(r"\{(" + "|".join(re.escape(w) for w in (*FIELD_WORDS, *FIELD_ALIASES)) + r")\}")
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


def runs_past_midnight(hours: TimeRange) -> bool:
    """Whether a day's range ends the next morning ("19:00"–"09:00"); "24:00" ends at the day's end."""
    return _minutes(hours.end) < _minutes(hours.start)


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


def has_hours(week: Sequence[DayHours]) -> bool:
    """Whether any day of `week` has hours: all day, or a range that does not end where it starts."""
    return any(
        day.mode == "all_day" or (day.mode == "open" and any(r.start != r.end for r in day.ranges))
        for day in week
    )


_WEEK_MINUTES = 7 * 24 * 60


@dataclass(frozen=True, slots=True)
class HoursOverlap:
    """Two ranges of a week's hours that cover the same time: `first` on `weekday`, `second` on
    `second_weekday` (the next day when `first` runs past midnight into it; 0 = Monday)."""

    weekday: int
    first: TimeRange
    second_weekday: int
    second: TimeRange


def overlapping_hours(week: Sequence[DayHours]) -> list[HoursOverlap]:
    """The ranges of `week` that overlap ("09:00"–"13:00" and "12:00"–"18:00" on one day, or a night
    running past midnight into the next day's first hours), each pair once, in the week's order.
    Ranges that only touch ("13:00"–"18:00" after "09:00"–"13:00") do not overlap; a day open all day
    is left out (the night before may well run into it)."""
    ranges: list[tuple[int, int, int, TimeRange]] = []  # start, end in minutes of the week; day; range
    for weekday, day in enumerate(week):
        if day.mode != "open":
            continue
        for r in day.ranges:
            start, end = _minutes(r.start), _minutes(r.end)
            if end == start:
                continue
            end += 24 * 60 if end < start else 0
            ranges.append((weekday * 24 * 60 + start, weekday * 24 * 60 + end, weekday, r))
    found = []
    for i, (start, end, weekday, first) in enumerate(ranges):
        for other_start, other_end, other_day, second in ranges[i + 1 :]:
            # Sunday's night runs into Monday: its range is seen a week earlier too.
            if any(
                start < other_end + shift and other_start + shift < end
                for shift in (0, -_WEEK_MINUTES, _WEEK_MINUTES)
            ):
                if other_day != weekday and runs_past_midnight(second):  # the night first
                    found.append(HoursOverlap(other_day, second, weekday, first))
                else:
                    found.append(HoursOverlap(weekday, first, other_day, second))
    return found


def _week_spans(
    week: list[DayHours], first: date, last: date, hours: BusinessHours | None = None
) -> list[Span]:
    """Merged spans of the days first..last (and the night before first running into it); with
    `hours`, its closed days (a holiday) have none."""
    closed = _closed_dates(hours, first - _DAY, last) if hours is not None else set()
    return _merged(
        span
        for offset in range(-1, (last - first).days + 1)
        for on in [first + timedelta(days=offset)]
        if on not in closed
        for span in _day_spans(week[on.weekday()], on)
    )


def _merged(spans: Iterable[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _closed_dates(hours: BusinessHours, first: date, last: date) -> set[date]:
    """The shop's closed days (holidays, a vacation) among first..last."""
    found: set[date] = set()
    for c in hours.closed_days:
        on, until = max(c.first, first), min(c.last, last)
        while on <= until:
            found.add(on)
            on += _DAY
    return found


def _closed_spans(hours: BusinessHours, first: date, last: date) -> list[Span]:
    """The shop's closed days among first..last, each a whole day."""
    midnights = (datetime.combine(on, time()) for on in _closed_dates(hours, first, last))
    return [(midnight, midnight + _DAY) for midnight in midnights]


def _lookback(hours: BusinessHours) -> int:
    """How many days back an away period may have begun: a week and a weekend, and every closed day
    (a two-week vacation is one period, not one that seems to have no start)."""
    closed = sum((c.last - c.first).days + 1 for c in hours.closed_days)
    return _LOOKBACK_DAYS + min(closed, _CLOSED_LOOKBACK_MAX)


def _away_spans(rule: AwayRule, hours: BusinessHours, first: date, last: date) -> list[Span]:
    if rule.schedule == "custom":  # the owner's away hours, and the days the shop is closed
        return _merged([*_week_spans(rule.custom, first, last), *_closed_spans(hours, first, last)])
    # Outside business hours: the gaps between open spans, from first 00:00 to the end of last.
    cursor, end_of_window = datetime.combine(first, time()), datetime.combine(last + _DAY, time())
    gaps: list[Span] = []
    for start, end in _week_spans(hours.week, first, last, hours):
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
    return _covers(_week_spans(hours.week, wall.date(), wall.date(), hours), wall)


def is_away(rule: AwayRule, hours: BusinessHours, now: datetime) -> bool:
    """Does the away schedule hold at `now` (whether or not the away message is switched on)?"""
    if rule.schedule == "always":
        return True
    if rule.schedule == "outside_hours":
        return not is_open(hours, now)
    wall = _wall(now, zone(hours.timezone))
    return _covers(_away_spans(rule, hours, wall.date(), wall.date()), wall)


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
    first = wall.date() - timedelta(days=_lookback(hours))
    for start, end in _away_spans(rule, hours, first, wall.date()):
        if start <= wall < end:
            if start <= datetime.combine(first, time()):
                return ALWAYS_PERIOD_START
            return _instant(start, tz)
    return ALWAYS_PERIOD_START  # unreachable: is_away said a span covers now


def away_period_end(rule: AwayRule, hours: BusinessHours, now: datetime) -> datetime | None:
    """UTC end of the away period containing `now`: when the schedule stops answering for the owner.
    None when not away, for "always", or when the period runs past as far as it looks (away all week)."""
    if rule.schedule == "always" or not is_away(rule, hours, now):
        return None
    tz = zone(hours.timezone)
    wall = _wall(now, tz)
    last = wall.date() + timedelta(days=_lookback(hours))
    for start, end in _away_spans(rule, hours, wall.date(), last):
        if start <= wall < end:
            return None if end >= datetime.combine(last + _DAY, time()) else _instant(end, tz)
    return None


def next_opening(hours: BusinessHours, now: datetime, horizon_days: int | None = None) -> datetime | None:
    """When the shop next opens (UTC), for previews like "We open again at 10:00"; None if never.
    Looks a week ahead, and past the closed days (a vacation) too."""
    if is_open(hours, now):
        return now
    tz = zone(hours.timezone)
    wall = _wall(now, tz)
    ahead = horizon_days if horizon_days is not None else _lookback(hours)
    for start, _end in _week_spans(hours.week, wall.date(), wall.date() + timedelta(days=ahead), hours):
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


def greeting_goes(doc: Automations, state: ContactState, now: datetime) -> bool:
    """The greeting is due and goes: not when the owner chose the away message alone
    (`skip_when_away`) and it is due too. The customer is answered by it, and their next message
    (the next morning) is no first one: `greeting_due` counts their own message as well."""
    if not greeting_due(doc, state, now):
        return False
    return not (doc.greeting.skip_when_away and away_due(doc, state, now))


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


def away_told(doc: Automations, state: ContactState, now: datetime) -> bool:
    """Whether this customer was sent the away message (or a hand-off that said the shop is closed)
    in the away period of `now`."""
    if not doc.away.enabled or state.last_away_sent_at is None:
        return False
    period = away_period_start(doc.away, doc.business_hours, now)
    return period is not None and state.last_away_sent_at >= period


# Letters by the script they are written in, for telling which language a customer writes in.
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0E00, 0x0E7F, "thai"),
    (0x1100, 0x11FF, "hangul"),
    (0x1E00, 0x1EFF, "latin"),  # Vietnamese
    (0x3040, 0x30FF, "kana"),
    (0x3130, 0x318F, "hangul"),
    (0x3400, 0x9FFF, "han"),
    (0xAC00, 0xD7A3, "hangul"),
)
_SCRIPT_STARTS = [start for start, _end, _name in _SCRIPTS]
# About how many Latin letters one character of a script is worth when its words are counted: a
# Hangul block is a whole syllable (있어요 is "isseoyo"), a kana one, a Chinese character a syllable
# and a meaning. Other scripts write a letter a character.
_LETTERS_PER_CHARACTER = {"hangul": 3, "kana": 2, "han": 3}


def writing_script(text: str) -> str | None:
    """The script most of a text is written in ("hangul", "latin", "kana"…); None for a text without
    letters (emoji, digits). Japanese is kana even where it uses more kanji.

    Characters are weighed by the letters each stands for (`_LETTERS_PER_CHARACTER`): a Hangul block
    is a syllable of two or three letters, so "린넨 셔츠 M size 있나요? 색상은 navy blue로요" is Korean,
    where one letter a character made the English words of a Korean customer's message outweigh it."""
    counts: dict[str, int] = {}
    for ch in text:
        if not ch.isalpha():
            continue
        at = bisect.bisect_right(_SCRIPT_STARTS, ord(ch)) - 1
        script = _SCRIPTS[at][2] if at >= 0 and ord(ch) <= _SCRIPTS[at][1] else "other"
        counts[script] = counts.get(script, 0) + _LETTERS_PER_CHARACTER.get(script, 1)
    if not counts:
        return None
    if counts.get("kana") and counts.get("han"):
        counts["kana"] += counts.pop("han")
    return max(counts, key=lambda k: counts[k])


# A placeholder in an owner's text ({name}, {first_name}, {deadline}…).
_FIELDS = re.compile(r"\{(?:[a-z_]+|" + "|".join(map(re.escape, FIELD_ALIASES)) + r")\}")

# Messages whose body the customer typed: a text, or a photo's, video's or document's caption (not a
# cart's item names or a tapped row's title, which are the shop's words).
TYPED_KINDS = ("text", "image", "video", "document")
# How many of a customer's newest typed messages tell their language together (one "OK" among
# Korean messages does not make a customer English).
RECENT_WORDS = 5


def text_for(main: str, other_language: str, customer_text: str | None) -> str:
    """An automatic message's text for this customer: `other_language` when it is set and the
    customer wrote in another script than `main` is written in, else `main`. A customer writing in a
    third script (Japanese to a shop with Korean and English texts) gets whichever text is in Latin
    letters, the one most customers abroad read. A message without letters (a photo, an emoji) gets
    `main`."""
    if not other_language.strip() or not customer_text:
        return main
    # A text's {fields} are not its words: "{name}님, {deadline}까지…" is Korean, not Latin.
    theirs, ours = writing_script(customer_text), writing_script(_FIELDS.sub("", main))
    if theirs is None or ours is None or theirs == ours:
        return main
    other = writing_script(_FIELDS.sub("", other_language))
    if theirs == other or other == "latin":
        return other_language
    return main


def shop_name_in(profile: BusinessProfile, text: str) -> str:
    """The shop's name as `text` writes {shop}: its name in another language
    (`name_other_language`, "Seoul Linen House") when the profile has one and `text` is written in
    that name's letters, not in its main name's (an English greeting of a Korean shop: "welcome to
    서울 리넨 하우스!" read as nothing to a customer abroad); else its name."""
    other = " ".join(profile.name_other_language.split())
    if not other:
        return profile.name
    theirs = writing_script(_FIELDS.sub("", text))
    if theirs is not None and theirs == writing_script(other) != writing_script(profile.name):
        return other
    return profile.name


# What a WhatsApp profile name may carry that nobody sees: direction marks, embeddings, overrides and
# isolates, zero-width spaces, joiners of words, soft hyphens. Put into the shop's greeting, an
# override left open ("Evil\u202eTSOP") turned the rest of the greeting around, for the customer and
# in the owner's chat. The joiners that build emoji (U+200D) and Persian words (U+200C) stay.
# (The desktop's names, app/text.py `one_line_name`, drop the same.)
_UNSEEN_IN_NAMES = re.compile("[\u00ad\u061c\u200b\u200e\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


# Letters only Vietnamese writes (đ, ư, ơ, ă and the vowels with a tone mark below or a hook above).
_VIETNAMESE = re.compile("[\u0110\u0111\u01a0\u01a1\u01af\u01b0\u0102\u0103\u1ea0-\u1ef9]")


def first_name(name: str) -> str:
    """The name a shop addresses a customer by ({first_name}): a name in Hangul, Chinese characters or
    kana whole ("김 민지": its first word is the family name, and "김님" would be rude; "王 小明", "佐藤
    健" alike), a Vietnamese name its last word ("Nguyễn Thị Hương" → "Hương": the family name comes
    first, and "Hello Nguyễn" greets two customers in five), else its first word ("Amy Clarke" → "Amy");
    a word of emoji only is not a name ("🌸 Amy 🌸" → "Amy")."""
    name = " ".join(name.split())
    if writing_script(name) in ("hangul", "han", "kana"):
        return name
    # Emoji around a name are decoration ("🌸 Amy 🌸" is Amy): the words with letters count.
    words = [word for word in name.split(" ") if any(ch.isalpha() for ch in word)] or name.split(" ")
    return words[-1] if _VIETNAMESE.search(name) else words[0]


def fill_fields(
    text: str,
    *,
    name: str | None,
    phone: str | None,
    shop: str | None,
    opening: str | None = None,
    hours: str | None = None,
) -> str:
    """Fill {name}, {first_name}, {phone}, {shop}, {opening} when `opening` is given (the
    greeting's and away message's: `opening_field`) and {hours} when `hours` is (the shop's business
    hours: `hours_field`); other {words} stay as typed.

    A field with no value disappears with the space before it ("Hello {name}, hi" → "Hello, hi") or,
    at the start of a line, the space after it; the rest of the text is left exactly as typed.
    {first_name} is the name a shop addresses the customer by: the first word of a name in Latin
    letters ("Amy Clarke" → "Amy"), but a name written in Hangul whole ("김 민지" → "김 민지"), as a
    Korean shop says "김민지님" and never "김님" (the first word of a Korean name is the family name).
    A field may be written in its Korean spelling too (`FIELD_ALIASES`: "{고객 이름}").
    """
    name = " ".join(_UNSEEN_IN_NAMES.sub("", name or "").split())
    digits = e164(phone or "")
    values = {
        "name": name,
        "first_name": first_name(name),
        "phone": f"+{digits}" if digits else "",
        "shop": " ".join((shop or "").split()),
    }
    if opening is not None:
        values["opening"] = opening
    if hours is not None:
        values["hours"] = hours
    out = ""
    pos = 0
    for match in _FIELD.finditer(text):
        field = FIELD_ALIASES.get(match.group(1), match.group(1))
        if field not in values:
            continue  # {opening} in a text that has no opening to say: as typed
        out += text[pos : match.start()]
        pos = match.end()
        value = values[field]
        if value:
            out += value
            continue
        if field in ("name", "first_name") and text.startswith(_HONORIFICS, pos):
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
    customer_text: str | None = None,
) -> list[AutoReply]:
    """What the relay sends when this customer writes now (`customer_text`: what they typed, which
    picks the text in their language): the greeting first, then the away message — or the away
    message alone, when the greeting gives way to it (`greeting_goes`)."""
    replies = []
    if greeting_goes(doc, state, now):
        chosen = text_for(doc.greeting.text, doc.greeting.text_other_language, customer_text)
        text = _filled(doc, chosen, now, name=contact_name, phone=state.wa_id)
        replies.append(AutoReply("greeting", text))
    if away_due(doc, state, now):
        chosen = text_for(doc.away.text, doc.away.text_other_language, customer_text)
        text = _filled(doc, chosen, now, name=contact_name, phone=state.wa_id)
        replies.append(AutoReply("away", text))
    return [r for r in replies if r.text.strip()]


def _filled(doc: Automations, text: str, now: datetime, *, name: str | None, phone: str) -> str:
    """A greeting's or away message's text with its fields filled, {opening} and {hours} too."""
    opening = opening_field(doc.business_hours, now, text, doc.shop_country)
    hours = hours_field(doc.business_hours, now, text, doc.shop_country)
    shop = shop_name_in(doc.profile, text)
    return fill_fields(text, name=name, phone=phone, shop=shop, opening=opening, hours=hours)


# --------------------------------------------------------------------------- menu bot
# One brain for the relay (which acts on it) and the desktop's simulator (which shows it): what the
# bot answers to one customer message, in one chat's state, at one moment. Order of checks on an
# inbound message (DESIGN.md): opt-out, then this, then greeting/away — when the bot answers, the
# greeting and away messages stay quiet.

BOT_WINDOW = timedelta(hours=1)  # the hourly cap counts the bot's messages in the last this-long
_LATIN_MAX = 0x024F  # Basic Latin through Latin Extended-B
_COMPILED_MAX = 8
# A hand-off phrase this long ("상담원 연결") is not an ordinary word: it also counts inside a longer
# message ("상담원 연결해 주세요"); shorter ones ("직원", "상담원") and single Latin words ("agent")
# only as the whole message.
_HANDOFF_PHRASE_MIN = 4


@dataclass(frozen=True, slots=True)
class BotState:
    """One chat's bot state, kept by the relay between messages."""

    paused_until: datetime | None = None  # handed to a person until then
    resumed_at: datetime | None = None  # the owner's messages before this no longer pause the bot
    # When the bot's messages of the last hour went out (oldest first; at most the hourly cap).
    sent_recently: tuple[datetime, ...] = ()
    # The menu node the bot last sent this chat, while its last message was that menu: a typed "3"
    # chooses its third entry. `menu_other`: it was the other-language bot's menu.
    menu_shown: str | None = None
    menu_other: bool = False
    menu_nudged: bool = False  # the customer was asked once to choose from that menu


@dataclass(frozen=True, slots=True)
class CustomerMessage:
    """What the bot reads of a customer's message: typed text, or a tapped row/button."""

    text: str = ""
    choice_id: str | None = None  # a list row's or reply button's id, or a template button's payload


@dataclass(frozen=True, slots=True)
class BotDecision:
    reply: dict[str, Any] | None  # a Graph message body without "to"; None: the bot sends nothing
    state: BotState  # the chat's state after this message
    answered: bool  # the bot took this message (greeting/away stay quiet), even when the cap held it
    matched: str | None = None  # the rule or node id that answered, for the report
    handoff: HandoffReason | None = None  # set when this message handed the chat to a person
    # The reply told the customer the shop is closed and when it opens (`handoff_closed_text`): it
    # stands for the away message of this away period, so the customer is not told twice.
    told_closed: bool = False
    # The menu (node id) whose text, its fields filled, went past what WhatsApp shows above a menu:
    # the reply is that text whole with the choices numbered (`_menu_body`); the relay says it in
    # its log (BotProblem.FILLED_TEXT_TOO_LONG).
    too_long: str | None = None


def _part(message: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    """`message[key]` when it is an object, as Meta sends it; {} for anything else (a signed webhook
    may carry a string or a list there: it is stored all the same, and the rules pass over it)."""
    part = message.get(key)
    return part if isinstance(part, Mapping) else {}


def customer_message(message: Mapping[str, Any]) -> CustomerMessage | None:
    """The part of a WhatsApp message the bot reads; None for media, reactions, locations…"""
    kind = message.get("type")
    if kind == "text":
        body = _part(message, "text").get("body")
        return CustomerMessage(text=body) if isinstance(body, str) else None
    if kind == "interactive":
        interactive = _part(message, "interactive")
        reply = _part(interactive, "list_reply") or _part(interactive, "button_reply")
        choice, title = reply.get("id"), reply.get("title")
        if isinstance(choice, str):
            return CustomerMessage(text=title if isinstance(title, str) else "", choice_id=choice)
        return None
    if kind == "button":  # a template's quick-reply button
        button = _part(message, "button")
        payload, title = button.get("payload"), button.get("text")
        if isinstance(payload, str) or isinstance(title, str):
            return CustomerMessage(
                text=title if isinstance(title, str) else "",
                choice_id=payload if isinstance(payload, str) else None,
            )
    return None


def customer_words(message: Mapping[str, Any]) -> str | None:
    """What the customer typed in a message, for telling their language: the text, or a photo's,
    video's or document's caption; None for anything else (a tapped row's title is the shop's words)."""
    kind = message.get("type")
    if kind == "text":
        body = _part(message, "text").get("body")
        return body if isinstance(body, str) and body else None
    if kind in ("image", "video", "document"):
        caption = _part(message, kind).get("caption")
        return caption if isinstance(caption, str) and caption else None
    return None


def match_key(text: str) -> str:
    """Text as keywords are compared: NFC, case-folded, without spaces, punctuation or symbols."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in "PSZC")


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", unicodedata.normalize("NFC", text).casefold()))


def _is_short(keyword: str) -> bool:
    """A keyword of one syllable (or character), or one Latin word: it would hit inside ordinary
    words ("돈" in "돈까스", "hi" in "this"), so it matches only a whole message."""
    key = match_key(keyword)
    if len(key) < 2:
        return True
    latin = all(ord(ch) <= _LATIN_MAX for ch in key)
    return latin and len(_words(keyword)) == 1


def whole_message_only(keyword: str) -> bool:
    """Does this keyword (without the whole-word option) match only a message that is exactly it?"""
    return _is_short(keyword)


@dataclass(frozen=True, slots=True)
class _Keyword:
    key: str
    words: tuple[str, ...]
    mode: Literal["word_start", "whole_message", "whole_word"]


def _keyword(text: str, whole_word: bool) -> _Keyword:
    if whole_word:
        return _Keyword(match_key(text), _words(text), "whole_word")
    return _Keyword(match_key(text), _words(text), "whole_message" if _is_short(text) else "word_start")


@dataclass(frozen=True, slots=True)
class _Said:
    """A customer's message as keywords are matched against it."""

    key: str  # match_key of the text
    words: tuple[str, ...]
    starts: frozenset[int]  # where in `key` a word of the message begins


def _said(text: str) -> _Said:
    key = match_key(text)
    words = _words(text)
    starts, at = set(), 0
    for word in words:
        # A word as `key` holds it: `_words` keeps "_" (a connector), `match_key` drops it.
        kept = match_key(word)
        found = key.find(kept, at) if kept else -1
        if found >= 0:
            starts.add(found)
            at = found + len(kept)
    return _Said(key, words, frozenset(starts))


def _has_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    n = len(run)
    return n > 0 and any(words[i : i + n] == run for i in range(len(words) - n + 1))


def _begins_run(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    """Do the words of `run` begin consecutive words of the message ("배송 언제" in "배송은 언제 와요")?"""
    n = len(run)
    return n > 0 and any(
        all(words[i + j].startswith(run[j]) for j in range(n)) for i in range(len(words) - n + 1)
    )


def _hits(keyword: _Keyword, said: _Said) -> bool:
    if not keyword.key:
        return False
    if keyword.mode == "word_start":
        # At the start of a word, with anything after it: Korean glues particles and endings on
        # ("배송이", "배송은요", "교환하고"), and a customer may leave out the spaces ("배송조회") —
        # but a word that merely contains it is another word ("무료배송", "해외배송").
        key = said.key
        if keyword.key in key:
            at = key.find(keyword.key)
            while at >= 0:
                if at in said.starts:
                    return True
                at = key.find(keyword.key, at + 1)
        # A phrase with particles between its words ("배송 언제" in "배송은 언제"). Each word is
        # looked for in the message's key first: the relay asks this of every keyword of every rule
        # for every message, and most keywords are not there at all.
        if len(keyword.words) < 2:
            return False
        for word in keyword.words:
            if word not in key:
                return False
        return _begins_run(said.words, keyword.words)
    if keyword.mode == "whole_message":
        return keyword.key == said.key
    return _has_run(said.words, keyword.words)


def keyword_hits(keyword: str, message: str, *, whole_word: bool = False) -> bool:
    """Does this rule keyword match this message? (The editor's preview and the tests ask this.)"""
    return _hits(_keyword(keyword, whole_word), _said(message))


@dataclass(frozen=True, slots=True)
class _CompiledBot:
    bot: MenuBot  # held so its id() is not reused while cached
    rules: tuple[tuple[KeywordRule, tuple[_Keyword, ...]], ...]
    handoff: frozenset[str]  # whole-message keys
    handoff_phrases: tuple[str, ...]  # keys that also count inside a message
    nodes: dict[str, MenuNode]
    parents: dict[str, str]
    # A node's title as keywords are compared (`match_key`) → the nodes of that title, in the
    # document's order: a customer who types a row's title gets it as if she had tapped it.
    titles: dict[str, tuple[str, ...]]


_compiled: dict[int, _CompiledBot] = {}


def _compile(bot: MenuBot) -> _CompiledBot:
    """Keywords normalised once per document (the relay keeps one document for many messages)."""
    cached = _compiled.get(id(bot))
    if cached is not None and cached.bot is bot:
        return cached
    rules = tuple((r, tuple(_keyword(k, r.whole_word) for k in r.keywords)) for r in bot.rules)
    nodes = {n.id: n for n in bot.nodes}
    parents = {c: n.id for n in bot.nodes if n.action == "menu" for c in n.choices}
    handoff = frozenset(match_key(k) for k in bot.handoff_keywords)
    phrases = tuple(
        match_key(k)
        for k in bot.handoff_keywords
        if len(match_key(k)) >= _HANDOFF_PHRASE_MIN and not _is_short(k)
    )
    titles: dict[str, tuple[str, ...]] = {}
    for node in bot.nodes:  # the home button's title is the top menu's too (see bot_decision)
        key = match_key(node.title)
        if key:
            titles[key] = (*titles.get(key, ()), node.id)
    compiled = _CompiledBot(bot, rules, handoff, phrases, nodes, parents, titles)
    if len(_compiled) >= _COMPILED_MAX:
        _compiled.clear()
    _compiled[id(bot)] = compiled
    return compiled


def owner_pause_until(bot: MenuBot, state: BotState, last_owner_reply_at: datetime | None) -> datetime | None:
    """When the owner's own last message stops keeping the bot quiet in this chat (`pause_hours`
    after it); None when she never wrote, or "Resume bot" came after her message. The desktop's
    chat header says this time, so it is the relay's rule itself."""
    if last_owner_reply_at is None:
        return None
    if state.resumed_at is not None and last_owner_reply_at <= state.resumed_at:
        return None
    return last_owner_reply_at + timedelta(hours=bot.pause_hours)


def bot_paused(bot: MenuBot, state: BotState, now: datetime, last_owner_reply_at: datetime | None) -> bool:
    """Handed to a person, or the owner wrote in this chat within the pause (since the last resume)."""
    if state.paused_until is not None and now < state.paused_until:
        return True
    until = owner_pause_until(bot, state, last_owner_reply_at)
    return until is not None and now < until


def _text_body(text: str) -> dict[str, Any] | None:
    text = text.strip()
    return {"type": "text", "text": {"body": text[:TEXT_MAX]}} if text else None


def _menu_body(menu: MenuNode, nodes: dict[str, MenuNode], text: str) -> dict[str, Any]:
    """A menu node as an interactive list or reply buttons; choice ids are "menu:<node id>".

    A text longer than WhatsApp shows above a menu (its fields filled: the hours, the shop's name)
    goes whole as a plain text with the choices numbered under it, never cut: the customer reads all
    of it and answers with a number (`_typed_choice`), as after any menu."""
    choices = [nodes[c] for c in menu.choices if c in nodes]
    text = text.strip()
    if whatsapp_length(text) > INTERACTIVE_BODY_MAX:
        numbered = [f"{n}. {choice.title}" for n, choice in enumerate(choices, 1)]
        return {"type": "text", "text": {"body": "\n".join([text, "", *numbered])[:TEXT_MAX]}}
    body = {"text": text}
    if menu.style == "buttons":
        buttons = [
            {"type": "reply", "reply": {"id": CHOICE_PREFIX + c.id, "title": c.title}} for c in choices
        ]
        return {
            "type": "interactive",
            "interactive": {"type": "button", "body": body, "action": {"buttons": buttons}},
        }
    sections: dict[str, list[dict[str, str]]] = {}
    for choice in choices:
        row = {"id": CHOICE_PREFIX + choice.id, "title": choice.title}
        if choice.description:
            row["description"] = choice.description
        sections.setdefault(choice.section, []).append(row)
    listed = [{"title": title, "rows": rows} if title else {"rows": rows} for title, rows in sections.items()]
    action = {"button": menu.button, "sections": listed}
    return {"type": "interactive", "interactive": {"type": "list", "body": body, "action": action}}


def _fits_above(top: MenuNode | None, lead: str, fill: Callable[[str], str]) -> bool:
    """Whether a menu led by this text still fits the body WhatsApp shows above a menu. A greeting
    too long for it goes alone, whole, as without the welcome menu: cut, it stopped mid-sentence
    and the customer never saw its end."""
    if top is None or top.action != "menu":
        return False
    return (
        whatsapp_length(f"{lead}\n\n{fill(top.text)}".strip()) <= INTERACTIVE_BODY_MAX
    )  # as `menu` joins them


def filled_for_check(doc: Automations, text: str, now: datetime) -> str:
    """`text` with the fields filled that the settings know now ({hours}, {shop}) and a phone number
    as long as any: what the editor measures a menu's text by before Save. A customer's name is not
    known before she writes; the relay's answer to a text that grows past the limit is `_menu_body`'s."""
    hours = hours_field(doc.business_hours, now, text, doc.shop_country) if "{" in text else None
    shop = shop_name_in(doc.profile, text)
    return fill_fields(text, name=None, phone="1" * 15, shop=shop, hours=hours)


def overfull_filled_menus(doc: Automations, now: datetime) -> list[tuple[MenuBot, str, int]]:
    """The menus (node id) and keyword answers that show one (rule id) whose text, filled as
    `filled_for_check` fills it now, goes past what WhatsApp shows above a menu, with that length,
    in the main bot and the other language's."""
    found = []
    for bot in (doc.bot, *([doc.bot.other_language] if doc.bot.other_language else [])):
        nodes = {node.id: node for node in bot.nodes}
        for node in bot.nodes:
            if node.action == "menu":
                length = whatsapp_length(filled_for_check(doc, node.text, now).strip())
                if length > INTERACTIVE_BODY_MAX:
                    found.append((bot, node.id, length))
        for rule in bot.rules:
            target = nodes.get(rule.answer.menu or "")
            lead = rule.answer.text.strip()
            if rule.answer.kind != "menu" or target is None or target.action != "menu" or not lead:
                continue
            joined = f"{filled_for_check(doc, lead, now)}\n\n{filled_for_check(doc, target.text, now)}"
            length = whatsapp_length(joined.strip())
            if length > INTERACTIVE_BODY_MAX:
                found.append((bot, rule.id, length))
    return found


def overlong_menu_leads(bot: MenuBot) -> list[KeywordRule]:
    """The keyword answers that show a menu after a text of their own whose text and the menu's
    together go past what WhatsApp shows above a menu (`menu` joins them; the relay would cut the end)."""
    nodes = {node.id: node for node in bot.nodes}
    found = []
    for rule in bot.rules:
        target = nodes.get(rule.answer.menu or "")
        lead = rule.answer.text.strip()
        if rule.answer.kind != "menu" or target is None or not lead:
            continue
        if whatsapp_length(f"{lead}\n\n{target.text.strip()}") > INTERACTIVE_BODY_MAX:
            found.append(rule)
    return found


HOME_BUTTON_KOREAN = "처음으로"
HOME_BUTTON_OTHER = "Main menu"


def home_button_title(bot: MenuBot) -> str:
    """The title of the button back to the top menu: the bot's own, else its word in the letters it writes."""
    if bot.home_button_title is not None:
        return bot.home_button_title
    return HOME_BUTTON_KOREAN if writing_script(_voice(bot)) == "hangul" else HOME_BUTTON_OTHER


def _answer_body(text: str, bot: MenuBot, nodes: dict[str, MenuNode], button: bool) -> dict[str, Any] | None:
    """A text answer; with `button`, as a reply-button message whose one button shows the top menu.

    An answer longer than an interactive body goes whole as plain text, as before the button: the
    bot sends one message per customer message (one send key, one count against the hourly cap),
    and a customer who reads a long answer can still type "메뉴"."""
    text = text.strip()
    top = nodes.get(bot.top_menu or "")
    if not button or top is None or top.action != "menu" or whatsapp_length(text) > INTERACTIVE_BODY_MAX:
        return _text_body(text)
    if not text:
        return None
    home = {"type": "reply", "reply": {"id": CHOICE_PREFIX + top.id, "title": home_button_title(bot)}}
    return {
        "type": "interactive",
        "interactive": {"type": "button", "body": {"text": text}, "action": {"buttons": [home]}},
    }


def _closed_note(bot: MenuBot, hours: BusinessHours, now: datetime, country: str | None) -> str | None:
    """The line a hand-off adds while the shop is closed: when it opens, as the shop's `country`
    writes dates (None while open)."""
    if is_open(hours, now):
        return None
    opening = next_opening(hours, now)
    if opening is None or not bot.handoff_closed_text.strip():
        return None
    local = opening.astimezone(zone(hours.timezone))
    when = opening_text(local, bot.handoff_closed_text, now, country)
    return bot.handoff_closed_text.replace("{opening}", when)


_HANGUL = re.compile("[\uac00-\ud7a3]")

# The sentence of the default hand-off replies that promises an answer soon: said while the shop is
# closed, it contradicts the line telling when someone answers, so it is left out then (only that
# sentence: the rest of an owner's own reply is sent as written).
_WAITING = re.compile(r"[ \t]*(?:잠시만 기다려 주세요\.?|Please wait a moment\.?)[ \t]*")


def _without_waiting(text: str) -> str:
    return _WAITING.sub(" ", text).strip() or text


# Month and weekday names for a sentence in English or Korean, whatever the machine's C locale.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_WEEKDAYS_KO = "월화수목금토일"
# The shops' countries whose English writes the day before the month ("Tue 8 Dec"), as the desktop
# writes dates there (ui.translations.english_locale on a computer with no English of its own; the
# relay has no Qt to ask, so tests/ui/test_english_dates_follow_the_shop.py keeps the two the same).
# Every other country, and a document without one, writes the US's "Tue, Dec 8".
DAY_FIRST_ENGLISH = frozenset(
    {
        "AE", "AG", "AI", "AT", "AU", "BB", "BE", "BM", "BS", "BW", "BZ", "CC", "CH", "CK", "CM", "CX",
        "CY", "CZ", "DE", "DK", "DM", "EE", "ER", "ES", "FI", "FJ", "FK", "FM", "FR", "GB", "GD", "GE",
        "GG", "GH", "GI", "GM", "GY", "HK", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IT", "JE", "JM",
        "KE", "KI", "KN", "KY", "LC", "LR", "LS", "LT", "LV", "MG", "MO", "MS", "MT", "MU", "MV", "MW",
        "MY", "NA", "NF", "NG", "NL", "NO", "NR", "NU", "NZ", "PG", "PK", "PL", "PT", "PW", "RO", "RW",
        "SB", "SC", "SD", "SG", "SH", "SI", "SK", "SL", "SS", "SX", "SZ", "TC", "TK", "TO", "TT", "TV",
        "TZ", "UA", "UG", "VC", "VG", "VU", "WS", "ZM", "ZW",
    }
)  # fmt: skip


def opening_text(
    local: datetime, sentence: str, now: datetime | None = None, country: str | None = None
) -> str:
    """When the shop opens, as the sentence around it writes dates: "12월 2일 (수) 오전 10:00" in a
    Korean one (a Korean customer reads "12/02" as a stranger's form, and "14:00" as a timetable's);
    in an English one as the shop's `country` writes them, "Wed 2 Dec, 10:00" in the UK and "Wed, Dec
    2, 10:00 AM" in the US (and for no country), never "12/02", which a British customer reads as the
    12th of February and an American one as the 2nd of December. The hours are written as `_clock`
    writes them. The weekday: a customer told "12월 4일" on a Tuesday still wonders whether that is
    this week's Friday.

    Later today or tomorrow (on the shop's clock, `now` given) is said so, as people and Korean apps
    say it: "오늘 오전 11:00", "내일 오전 10:00", "today at 11:00 AM", "tomorrow at 10:00 AM".
    "12월 5일 (토) 11:00부터" sent on Saturday the 5th left the customer to work out that it meant
    this morning."""
    korean = bool(_HANGUL.search(sentence))
    clock = _clock(f"{local:%H:%M}", korean, country)
    if now is not None:
        days = (local.date() - now.astimezone(local.tzinfo).date()).days
        if days in (0, 1):
            if korean:
                return f"{('오늘', '내일')[days]} {clock}"
            return f"{('today', 'tomorrow')[days]} at {clock}"
    on = _date_text(local.date(), korean, country)
    return f"{on} {clock}" if korean else f"{on}, {clock}"


def opening_field(hours: BusinessHours, now: datetime, sentence: str, country: str | None = None) -> str:
    """{opening} of a greeting or away message: when the shop next opens, as `opening_text` writes
    it for this sentence (and the shop's `country`); empty while the shop is open (nothing to wait
    for) or when its hours never open it (no open day, or closed days as far as it looks)."""
    if is_open(hours, now):
        return ""
    opening = next_opening(hours, now)
    if opening is None:
        return ""
    return opening_text(opening.astimezone(zone(hours.timezone)), sentence, now, country)


# How far ahead {hours} names the shop's closed days (a holiday, a vacation), and how many at most.
HOURS_CLOSED_AHEAD_DAYS = 60
HOURS_CLOSED_SHOWN = 3


# The shops' countries whose English writes the 24-hour clock ("14:00"), as the desktop writes times
# there (ui.translations.english_locale's short time format on a computer with no English of its own;
# tests/ui/test_english_dates_follow_the_shop.py keeps the two the same). Every other country, and a
# document without one, writes the US's "2:00 PM".
TWENTY_FOUR_HOUR_ENGLISH = frozenset(
    {
        "AI", "AT", "BE", "BI", "BW", "BZ", "CC", "CH", "CK", "CM", "CX", "CZ", "DE", "DK", "EE", "ES",
        "FI", "FK", "FR", "GB", "GE", "GG", "GI", "HU", "ID", "IE", "IL", "IM", "IO", "IT", "JE", "JP",
        "KE", "LT", "LV", "MG", "MS", "MT", "MU", "MV", "NF", "NG", "NL", "NO", "NR", "NU", "PL", "PT",
        "RO", "RW", "SC", "SE", "SH", "SI", "SK", "SX", "TK", "TV", "TZ", "UA", "UG", "ZA", "ZW",
    }
)  # fmt: skip


def _clock(hhmm: str, korean: bool, country: str | None = None) -> str:
    """ "14:00" as a sentence in this language writes it: "오후 2:00" in Korean (as Korean phones and
    the desktop's Korean write times; "14:00" reads as a timetable's), in English as the shop's
    `country` writes it: "14:00" in the UK, "2:00 PM" in the US (and for no country)."""
    hours, minutes = (int(part) for part in hhmm.split(":"))
    if not korean and (country or "").upper() in TWENTY_FOUR_HOUR_ENGLISH:
        return f"{hours:02d}:{minutes:02d}"
    twelve = f"{hours % 12 or 12}:{minutes:02d}"
    afternoon = hours % 24 >= 12
    if korean:
        return f"{'오후' if afternoon else '오전'} {twelve}"
    return f"{twelve} {'PM' if afternoon else 'AM'}"


def _hours_clock(hhmm: str, korean: bool, country: str | None = None) -> str:
    """A business hours' start or end as `_clock` writes it, midnight ("24:00", the day's end, or
    "00:00") named: "자정", "midnight", in the UK too (as the desktop's hours read): "오후 6:00~오전
    12:00" read as a range that ends before it starts, "6:00 PM–12:00 AM" as one that ends at noon."""
    if hhmm in ("00:00", "24:00"):
        return "자정" if korean else "midnight"
    return _clock(hhmm, korean, country)


def _day_hours_text(day: DayHours, korean: bool, country: str | None = None) -> str:
    if day.mode == "all_day":
        return "24시간" if korean else "open 24 hours"
    ranges = [r for r in day.ranges if r.start != r.end] if day.mode == "open" else []
    if not ranges:
        return "휴무" if korean else "closed"
    dash = "~" if korean else "–"
    return ", ".join(
        _hours_clock(r.start, korean, country) + dash + _hours_clock(r.end, korean, country) for r in ranges
    )


def _date_text(on: date, korean: bool, country: str | None) -> str:
    if korean:
        return f"{on.month}월 {on.day}일 ({_WEEKDAYS_KO[on.weekday()]})"
    weekday, month = _WEEKDAYS[on.weekday()], _MONTHS[on.month - 1]
    if (country or "").upper() in DAY_FIRST_ENGLISH:
        return f"{weekday} {on.day} {month}"
    return f"{weekday}, {month} {on.day}"


def hours_field(hours: BusinessHours, now: datetime, sentence: str, country: str | None = None) -> str:
    """{hours}: the shop's business hours, a line per run of days alike ("월~금 오전 10:00~오후 1:00,
    오후 2:00~오후 7:00", "Sat 11:00 AM–5:00 PM", "일 휴무"), then its closed days in the next two months
    ("12월 25일 (금) 휴무": a holiday, a vacation), in the language of the sentence around it (as
    `opening_text` tells it) and, in English, as the shop's `country` writes dates. An English one
    ends with the shop's time zone ("Seoul time"): a customer abroad reads the hours on her own clock."""
    korean = bool(_HANGUL.search(_FIELDS.sub("", sentence)))  # "{영업시간}" is no Korean sentence
    names = _WEEKDAYS_KO if korean else _WEEKDAYS
    texts = [_day_hours_text(day, korean, country) for day in hours.week]
    lines = []
    first = 0
    while first < 7:
        last = first
        while last + 1 < 7 and texts[last + 1] == texts[first]:
            last += 1
        if first == last:
            days = names[first]
        else:
            days = f"{names[first]}~{names[last]}" if korean else f"{names[first]}–{names[last]}"
        lines.append(f"{days} {texts[first]}" if korean else f"{days}: {texts[first]}")
        first = last + 1
    today = _wall(now, zone(hours.timezone)).date()
    until = today + timedelta(days=HOURS_CLOSED_AHEAD_DAYS)
    closed = sorted(
        (c for c in hours.closed_days if c.last >= today and c.first <= until), key=lambda c: c.first
    )
    for c in closed[:HOURS_CLOSED_SHOWN]:
        start = _date_text(max(c.first, today), korean, country)
        end = _date_text(c.last, korean, country)
        span = start if c.last <= max(c.first, today) else f"{start}{' ~ ' if korean else ' – '}{end}"
        lines.append(f"{span} 휴무" if korean else f"Closed {span}")
    if not korean and "/" in hours.timezone:
        lines.append(f"All times are {hours.timezone.rsplit('/', 1)[1].replace('_', ' ')} time.")
    return "\n".join(lines)


def hours_written(text: str, hours: BusinessHours, now: datetime, country: str | None = None) -> str:
    """The text with its {hours} field (or {영업시간}) written out as `hours_field` gives it now, the
    other fields left as typed: what the desktop sends a relay that cannot fill it itself."""
    if "{" not in text:
        return text

    def written(match: re.Match[str]) -> str:
        if FIELD_ALIASES.get(match.group(1), match.group(1)) != "hours":
            return match.group(0)
        return hours_field(hours, now, text, country)

    return _FIELD.sub(written, text)


def _voice(bot: MenuBot) -> str:
    """Words of the bot that tell which letters it writes in: its top menu's text, else its hand-off reply."""
    top = _compile(bot).nodes.get(bot.top_menu or "")
    return top.text if top is not None and top.text.strip() else bot.handoff_text


def _titles(bot: MenuBot, node: MenuNode) -> set[str]:
    """The titles a tap on this node comes with: its row's or button's, and for the top menu the
    home button's."""
    return {node.title, home_button_title(bot)} if node.id == bot.top_menu else {node.title}


def bot_for(bot: MenuBot, message: CustomerMessage) -> MenuBot:
    """The bot that answers this message: `bot.other_language` for a customer who typed in other
    letters than `bot` writes in (as `text_for` picks a greeting), or who tapped a row or button of
    the other-language menu (its id there, its title as that menu shows it); else `bot`."""
    other = bot.other_language
    if other is None or not (other.nodes or other.rules):
        return bot
    if message.choice_id is not None and message.choice_id.startswith(CHOICE_PREFIX):
        node_id = message.choice_id[len(CHOICE_PREFIX) :]
        theirs, ours = _compile(other).nodes.get(node_id), _compile(bot).nodes.get(node_id)
        if theirs is not None and (
            ours is None
            or (message.text in _titles(other, theirs) and message.text not in _titles(bot, ours))
        ):
            return other
        return bot
    main, translated = _voice(bot), _voice(other)
    if main != translated and text_for(main, translated, message.text) == translated:
        return other
    return bot


def bot_decision(
    doc: Automations,
    state: BotState,
    message: CustomerMessage | None,
    now: datetime,
    *,
    wa_id: str,
    last_owner_reply_at: datetime | None = None,
    contact_name: str | None = None,
    echo: bool = False,
    orders: Sequence[OrderStatus] = (),
    greeting: str | None = None,
    closed_told: bool = False,
) -> BotDecision:
    """What the bot answers to one inbound message: at most one message, never to an echo, never
    while the chat is with a person, at most `hourly_cap` per chat per hour.

    `greeting` is the greeting text when it goes now (`greeting_goes`): with `welcome_menu`, a message no rule
    answers gets the top menu led by the greeting, in place of the greeting alone.
    `closed_told`: the away message already told this customer the shop is closed in this away
    period (`away_told`), so a hand-off does not say it again.
    """
    # The owner's switches (on, pause, hourly cap, welcome menu) are the main bot's; what is said,
    # the keywords heard and the menus shown are those of the bot in the customer's language.
    main = doc.bot
    quiet = BotDecision(None, state, answered=False)
    if echo or message is None or not main.enabled or bot_paused(main, state, now, last_owner_reply_at):
        return quiet
    picked = _typed_choice(main, state, message)
    if picked is not None:  # "3" or "3번" right after a menu: its third row or button
        message = picked
    bot = bot_for(main, message)
    compiled = _compile(bot)
    # The menu this reply shows (the chat's state remembers it for a typed number), and whether the
    # reply is the one reminder to choose from it.
    shown: str | None = None
    shown_other = False
    nudged = False
    too_long: str | None = None
    said_text = message.text

    def fill(text: str) -> str:
        hours = hours_field(doc.business_hours, now, text, doc.shop_country) if "{" in text else None
        shop = shop_name_in(doc.profile, text)
        return fill_fields(text, name=contact_name, phone=wa_id, shop=shop, hours=hours)

    def menu(node_id: str | None, lead: str = "") -> dict[str, Any] | None:
        nonlocal shown, shown_other, too_long
        node = compiled.nodes.get(node_id or "")
        if node is None or node.action != "menu":
            return _text_body(lead)
        shown, shown_other = node.id, bot is not main
        text = f"{fill(lead)}\n\n{fill(node.text)}" if lead else fill(node.text)
        body = _menu_body(node, compiled.nodes, text)
        if body["type"] == "text":
            too_long = node.id
        return body

    def text_answer(said: str) -> dict[str, Any] | None:
        return _answer_body(said, bot, compiled.nodes, main.home_button)

    def handoff(text: str, reason: HandoffReason, matched: str) -> BotDecision:
        paused = replace(state, paused_until=now + timedelta(hours=main.pause_hours))
        closed = None if closed_told else _closed_note(bot, doc.business_hours, now, doc.shop_country)
        said = fill(text or bot.handoff_text)
        if not is_open(doc.business_hours, now):
            said = _without_waiting(said)  # nobody answers "in a moment" at night
        reply = _text_body(f"{said}\n{closed}".strip() if closed else said)
        decision = _capped(main, paused, reply, now, matched, reason)
        return replace(decision, told_closed=closed is not None and decision.reply is not None)

    def nudge() -> BotDecision:
        """Once per menu shown: a reply that is no choice ("ㅁㄴㅇㄹ", "👍", "7") is asked to
        choose, with the menu again, in the language the menu was shown in."""
        nonlocal bot, compiled, nudged
        if state.menu_other and main.other_language is not None:
            bot, compiled = main.other_language, _compile(main.other_language)
        reply = menu(state.menu_shown, choose_text(bot))
        if shown is None:  # the menu has since been edited away
            return quiet
        nudged = True
        return _capped(main, state, reply, now, "choose", None)

    def order_answer(matched: str) -> BotDecision:
        named = order_numbers_named(said_text)
        if named and not any(_same_order(n, o.number) for n in named for o in orders):
            said = unknown_order_text(bot).replace("{number}", named[0])
            return handoff(said, HandoffReason.NO_ORDER, matched)
        lines = _order_lines(bot, orders)
        if not lines:
            return handoff(bot.no_order_text, HandoffReason.NO_ORDER, matched)
        reply = text_answer("\n".join([fill(bot.orders_text), *lines]))
        return _capped(main, state, reply, now, matched, None)

    def tapped(node_id: str) -> BotDecision:
        node = compiled.nodes.get(node_id)
        if node is None:  # a tap on a menu that has since been edited away
            return _capped(main, state, menu(bot.top_menu, bot.changed_text), now, "changed", None)
        if node.action == "handoff":
            return handoff(node.text, HandoffReason.MENU, node.id)
        if node.action == "menu":
            return _capped(main, state, menu(node.id), now, node.id, None)
        if node.action == "orders":
            return order_answer(node.id)
        if node.action == "back":
            parent = compiled.parents.get(node.id)
            above = compiled.parents.get(parent or "")
            return _capped(main, state, menu(above or bot.top_menu), now, node.id, None)
        return _capped(main, state, text_answer(fill(node.text)), now, node.id, None)

    def decide() -> BotDecision:
        text = message.text
        if message.choice_id is not None and message.choice_id.startswith(CHOICE_PREFIX):
            return tapped(message.choice_id[len(CHOICE_PREFIX) :])
        if message.choice_id is not None and not text:
            text = message.choice_id  # a template button of ours carries only its payload
        key = match_key(text)
        if key and (key in compiled.handoff or any(p in key for p in compiled.handoff_phrases)):
            return handoff(bot.handoff_text, HandoffReason.KEYWORD, "handoff")
        said = _said(text)
        for rule, keywords in compiled.rules:
            if any(_hits(k, said) for k in keywords):
                answer: BotAnswer = rule.answer
                if answer.kind == "handoff":
                    return handoff(answer.text, HandoffReason.KEYWORD, rule.id)
                if answer.kind == "orders":
                    return order_answer(rule.id)
                reply = (
                    menu(answer.menu, answer.text)
                    if answer.kind == "menu"
                    else text_answer(fill(answer.text))
                )
                return _capped(main, state, reply, now, rule.id, None)
        if message.choice_id is None:
            # A row's or button's title typed out ("배송 안내", "배송안내"), after the owner's keywords.
            ours = state.menu_other == (bot is not main)  # the menu last shown was this bot's
            titled = _titled(compiled, key, state.menu_shown if ours else None)
            if titled is None and bot.top_menu is not None and key == match_key(home_button_title(bot)):
                titled = bot.top_menu
            if titled is not None:
                return tapped(titled)
        if (
            greeting is not None
            and greeting.strip()
            and main.welcome_menu
            and _fits_above(compiled.nodes.get(bot.top_menu or ""), fill(greeting), fill)
        ):
            return _capped(main, state, menu(bot.top_menu, greeting), now, "welcome", None)
        if (
            message.choice_id is None
            and state.menu_shown is not None
            and not state.menu_nudged
            and _not_words(text)
        ):
            return nudge()
        return quiet

    decision = decide()
    if decision.reply is None:
        return decision
    remembered = replace(decision.state, menu_shown=shown, menu_other=shown_other, menu_nudged=nudged)
    return replace(decision, state=remembered, too_long=too_long)


CHOOSE_KOREAN = "메뉴에서 골라 주세요. 번호로 답하셔도 돼요."
CHOOSE_OTHER = "Please choose from the menu. You can also reply with a number."

# A typed choice: "3", "3번", "3번이요", "３.", "3)".
_TYPED_NUMBER = re.compile(r"^\s*(\d{1,2})\s*(?:번\s*(?:이요|요)?)?\s*[.)!]*\s*$")
_HANGUL_JAMO = re.compile("[\u1100-\u11ff\u3130-\u318f]")


def _titled(compiled: _CompiledBot, key: str, shown_menu: str | None) -> str | None:
    """The node whose title is exactly this message (`match_key`: case, spacing and punctuation
    aside): of several so titled, a choice of the menu the chat was shown last, else the first."""
    found = compiled.titles.get(key, ()) if key else ()
    if not found:
        return None
    shown = compiled.nodes.get(shown_menu or "")
    if shown is not None:
        for node_id in found:
            if node_id in shown.choices:
                return node_id
    return found[0]


def choose_text(bot: MenuBot) -> str:
    """The line before a menu shown again to a reply that chose nothing: the bot's own, else its
    default in the letters the bot writes."""
    if bot.choose_text is not None and bot.choose_text.strip():
        return bot.choose_text
    return CHOOSE_KOREAN if writing_script(_voice(bot)) == "hangul" else CHOOSE_OTHER


def _typed_choice(main: MenuBot, state: BotState, message: CustomerMessage) -> CustomerMessage | None:
    """A typed number 1..N right after a menu, as a tap on that choice of the menu shown (in the
    language it was shown in); None for anything else."""
    if message.choice_id is not None or state.menu_shown is None:
        return None
    found = _TYPED_NUMBER.match(unicodedata.normalize("NFKC", message.text))
    bot = main.other_language if state.menu_other and main.other_language is not None else main
    nodes = _compile(bot).nodes
    menu = nodes.get(state.menu_shown)
    if found is None or menu is None or menu.action != "menu":
        return None
    choices = [c for c in menu.choices if c in nodes]
    number = int(found.group(1))
    if not 1 <= number <= len(choices):
        return None
    node = nodes[choices[number - 1]]
    return CustomerMessage(text=node.title, choice_id=CHOICE_PREFIX + node.id)


def _not_words(text: str) -> bool:
    """A reply with no word in it — digits, loose jamo ("ㅁㄴㅇㄹ"), emoji, marks — or a number
    out of the menu's range: a customer trying to choose, not asking something of her own."""
    if _TYPED_NUMBER.match(unicodedata.normalize("NFKC", text)):
        return True
    return not any(ch.isalpha() and not _HANGUL_JAMO.match(ch) for ch in text)


UNKNOWN_ORDER_KOREAN = "주문번호 {number}의 주문을 찾지 못했어요. 상담원에게 연결해 드릴게요."
UNKNOWN_ORDER_OTHER = "We couldn't find order {number}. We'll connect you with a person."

# An order number as a customer writes it: "2026-0001", "20260001", "20931" — four to nine digits
# (a phone or tracking number is longer), not an amount or a date ("30,000원", "3000원", "2026년").
_ORDER_NUMBER = re.compile(
    r"(?<![\d,.\-])(\d{4}-\d{1,6}|\d{4,9})(?![\d,.\-])(?!\s*(?:원|만|천|개|년|월|일|시|분|명|%|won\b))"
)


def order_numbers_named(text: str) -> list[str]:
    """The order numbers a customer's message names, as written (full-width digits as ASCII)."""
    return _ORDER_NUMBER.findall(unicodedata.normalize("NFKC", text))


def _same_order(written: str, number: str) -> bool:
    """Is the number a customer wrote this order's? Digits compared; the end of it is enough
    ("0001" for "2026-0001")."""
    theirs, ours = e164(written), e164(number)
    return bool(theirs) and (theirs == ours or (len(theirs) >= 4 and ours.endswith(theirs)))


def unknown_order_text(bot: MenuBot) -> str:
    """The reply to an order number the bot cannot find: the bot's own, else its default in the
    letters the bot writes."""
    if bot.unknown_order_text is not None and bot.unknown_order_text.strip():
        return bot.unknown_order_text
    return UNKNOWN_ORDER_KOREAN if writing_script(_voice(bot)) == "hangul" else UNKNOWN_ORDER_OTHER


def _order_lines(bot: MenuBot, orders: Sequence[OrderStatus]) -> list[str]:
    """One line per open order (newest first, as the relay keeps them), with tracking when shipped."""
    lines = []
    for order in orders:
        if order.state in ORDER_CLOSED_STATES:
            continue
        state = bot.order_states.get(order.state, order.state)
        lines.append(bot.order_line.replace("{number}", order.number).replace("{state}", state))
        if order.tracking:
            tracking = bot.tracking_line.replace("{courier}", order.courier).replace(
                "{tracking}", order.tracking
            )
            lines.append(" ".join(tracking.split()))
        if order.tracking_url:
            lines.append(bot.tracking_url_line.replace("{url}", order.tracking_url))
    return lines


def _capped(
    bot: MenuBot,
    state: BotState,
    reply: dict[str, Any] | None,
    now: datetime,
    matched: str,
    handoff: HandoffReason | None,
) -> BotDecision:
    """Count the reply in the last hour (a sliding window); over the cap the bot stays silent."""
    recent = tuple(t for t in state.sent_recently if timedelta(0) <= now - t < BOT_WINDOW)
    if reply is None or len(recent) >= bot.hourly_cap:
        return BotDecision(
            None, replace(state, sent_recently=recent), answered=True, matched=matched, handoff=handoff
        )
    state = replace(state, sent_recently=(*recent, now))
    return BotDecision(reply, state, answered=True, matched=matched, handoff=handoff)


def resumed_bot_state(state: BotState, now: datetime) -> BotState:
    """The chat's state after "Resume bot": no pause, and the owner's earlier messages no longer count."""
    return replace(state, paused_until=None, resumed_at=now, menu_shown=None, menu_nudged=False)


@dataclass(frozen=True, slots=True)
class KeywordOverlap:
    """One rule's keyword is inside another rule's: a message with the longer one hits both rules,
    and the earlier rule wins (the editor warns)."""

    rule_id: str
    keyword: str
    other_rule_id: str
    other_keyword: str


def keyword_overlaps(bot: MenuBot) -> list[KeywordOverlap]:
    """Every pair of rules where a keyword of one matches a message that is a keyword of the other."""
    keys = [
        (rule.id, keyword, _keyword(keyword, rule.whole_word), _said(keyword))
        for rule in bot.rules
        for keyword in rule.keywords
    ]
    return [
        KeywordOverlap(rule_id, keyword, other_id, other_keyword)
        for rule_id, keyword, matcher, _ in keys
        for other_id, other_keyword, _, other_said in keys
        if rule_id != other_id and _hits(matcher, other_said)
    ]


# --------------------------------------------------------------------------- campaigns

# Meta's own marketing opt-out quick-reply button on a template, as its tap arrives (`button.text`).
META_OPT_OUT_BUTTON_KEYS = frozenset({"stoppromotions"})


def opt_out_key(text: str) -> str:
    """A whole message as opt-out keywords compare it: NFC, case-folded, only letters and digits
    (no spaces, punctuation, symbols, emoji or their variation selectors)."""
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    # str.isalnum is exactly the letters and numbers (categories L* and N*, every code point
    # checked), in C: the relay asks for every customer message, and the per-character
    # category look of match_key and then this took ~10 µs of a webhook.
    return "".join(filter(str.isalnum, folded))


@functools.lru_cache(maxsize=16)
def _opt_out_keys(keywords: tuple[str, ...]) -> frozenset[str]:
    """The keywords as opt_out_key compares them (the relay asks for every customer message)."""
    return frozenset(opt_out_key(k) for k in keywords) - {""}


def opt_out_reason(message: Mapping[str, Any], settings: MarketingOptOut) -> OptOutReason | None:
    """The marketing opt-out this customer's message makes, if any (checked before bot and away).

    A typed message opts out when its whole text is a keyword ("STOP!!" and "수신 거부" are; "그만큼
    좋아요" and "stop by tomorrow" are not); a template's button when its payload is listed or its
    title is Meta's opt-out button or a keyword.
    """
    said = customer_message(message)
    if said is None:
        return None
    keywords = _opt_out_keys(tuple(settings.keywords))
    kind = message.get("type")
    if kind == "button":
        if said.choice_id is not None and said.choice_id in settings.button_payloads:
            return OptOutReason.BUTTON
        title = opt_out_key(said.text)
        return OptOutReason.BUTTON if title in META_OPT_OUT_BUTTON_KEYS | keywords else None
    if kind == "text" and opt_out_key(said.text) in keywords:
        return OptOutReason.KEYWORD
    return None


def night_hold_until(now: datetime, tz: tzinfo) -> datetime | None:
    """When a held marketing send may go (08:00 local), if `now` is in Korea's quiet hours 21:00-08:00."""
    local = now.astimezone(tz)
    if NIGHT_HOLD_END_HOUR <= local.hour < NIGHT_HOLD_START_HOUR:
        return None
    day = local.date() if local.hour < NIGHT_HOLD_END_HOUR else local.date() + _DAY
    wall = datetime.combine(day, time(NIGHT_HOLD_END_HOUR))
    return _instant(wall, tz).astimezone(UTC)


# --------------------------------------------------------------------------- one inbound message


@dataclass(frozen=True, slots=True)
class InboundAnswer:
    """What the shop's automations do with one customer message, in DESIGN.md's order: an opt-out
    takes it (`opt_out`), else the bot when it answers (`bot`), else the greeting and away message
    (`replies`, maybe none). `away`: the away message was due, which a bot hand-off that said the
    shop is closed stands for."""

    opt_out: OptOutReason | None = None
    bot: BotDecision | None = None
    replies: tuple[AutoReply, ...] = ()
    away: bool = False


def answer_inbound(
    doc: Automations,
    state: ContactState,
    bot_state: BotState,
    message: Mapping[str, Any],
    now: datetime,
    *,
    contact_name: str | None,
    orders: Sequence[OrderStatus] = (),
) -> InboundAnswer:
    """The one decision for a customer's message (a Cloud API message object): the relay runs it
    on every inbound message and the bot editor's simulator on what the owner types as a customer,
    so "안녕하세요" gets there exactly what it gets on a phone."""
    opt_out = opt_out_reason(message, doc.opt_out)
    if opt_out is not None:
        return InboundAnswer(opt_out=opt_out)
    typed = customer_words(message)  # picks the greeting and away text in their language
    # The bot's welcome menu is the greeting: when the greeting gives way to the away message
    # (`skip_when_away`), so does the menu, and the away message goes alone below.
    greeting = (
        text_for(doc.greeting.text, doc.greeting.text_other_language, typed)
        if greeting_goes(doc, state, now)
        else None
    )
    away = away_due(doc, state, now)
    if doc.bot.enabled:
        decision = bot_decision(
            doc,
            bot_state,
            customer_message(message),
            now,
            wa_id=state.wa_id,
            last_owner_reply_at=state.last_owner_reply_at,
            contact_name=contact_name,
            orders=orders,
            greeting=greeting,
            closed_told=away_told(doc, state, now),
        )
        if decision.answered:  # a message the bot takes gets no greeting or away message
            return InboundAnswer(bot=decision, away=away)
    replies = replies_for_inbound(doc, state, now, contact_name=contact_name, customer_text=typed)
    return InboundAnswer(replies=tuple(replies), away=away)
