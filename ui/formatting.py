"""Dates, times and message previews as people read them, in the UI language (QLocale)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from app import relay_clock
from app.locales import babel_locale
from app.text import without_direction_marks
from app.text_direction import numbers_read_in_order

# The shop's clock (Settings ▸ Business hours' time zone), once the main window has read it; None:
# none set, this computer's. One rule for every day and time shown: on a UTC laptop for a Seoul shop
# the chat list said "Yesterday" where the orders window, on the shop's clock, said "Saturday".
_shop_zone: tzinfo | None = None


def set_shop_zone(zone: tzinfo | None) -> None:
    """Show every time from now on on `zone`'s clock (the shop's), or this computer's for None."""
    global _shop_zone
    _shop_zone = zone


def shop_zone() -> tzinfo | None:
    """The shop's clock that times are shown on; None: this computer's."""
    return _shop_zone


def local(dt: datetime) -> datetime:
    """UTC inside, local at the edge: on the shop's clock when its zone is set, else this computer's."""
    return dt.astimezone(_shop_zone) if _shop_zone is not None else dt.astimezone()


def _qtime(dt: datetime) -> QTime:
    return QTime(dt.hour, dt.minute, dt.second)


def qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def from_qdate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


def month_first(locale: QLocale) -> bool:
    """Whether the locale writes the month before the day ("12/5/26" in the US), not after it
    ("05/12/2026" in the UK), as its own short date does."""
    short = locale.dateFormat(QLocale.FormatType.ShortFormat)
    month, day = short.find("M"), short.find("d")
    return month != -1 and (day == -1 or month < day)


def day_pattern(locale: QLocale, *, weekday: bool = False, year: bool = False) -> str:
    """A Qt pattern for a day with its month in words, in the order `locale` writes it: "12월 5일
    (토)", "Sat, Dec 5" (US), "Sat 5 Dec" (UK and the other English-speaking places)."""
    if locale.language() == QLocale.Language.Korean:
        pattern = "M월 d일 (ddd)" if weekday else "M월 d일"
        return f"yyyy년 {pattern}" if year else pattern
    if month_first(locale):
        pattern = "ddd, MMM d" if weekday else "MMM d"
        return f"{pattern}, yyyy" if year else pattern
    pattern = "ddd d MMM" if weekday else "d MMM"
    return f"{pattern} yyyy" if year else pattern


def display_locale() -> QLocale:
    """The UI's locale for dates and numbers; en_US's where Qt's default is "C" (LANG unset, C.UTF-8).

    Qt's "C" locale writes dates as '29 11 2026' and numbers without grouping: no shop reads that.
    """
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(babel_locale(locale.name()))
    return locale


WORD_JOINER = "\u2060"


def dash_kept(template: str) -> str:
    """A range's `template` ("{0}–{1}") with a word joiner either side of its en dash: Qt wraps a
    line after one, and a UK summary read "09:00–" over "18:00". (Korean's "{0}~{1}" needs none: Qt
    keeps a tilde with both its neighbours.) The joiner draws nothing; `plain_text` drops it."""
    return template.replace("–", f"{WORD_JOINER}–{WORD_JOINER}")


def shortcut_text(shortcut: str) -> str:
    """A quick reply's shortcut as running text shows it ("빠른 답장(/감사)이…", "Deleted /thanks."):
    a word joiner between its characters, so a narrow window never wraps it after the "/" or
    between two Hangul syllables (Qt may break a line at either), leaving "/" alone at a line's end.
    Nothing after the last character: `with_particles` reads the shortcut's final syllable."""
    return WORD_JOINER.join(shortcut)


NO_BREAK_SPACE = "\u00a0"

# The relay's commands a sentence tells the owner (or her server's admin) to run: `shop-inbox-relay
# token`, alone or with its subcommand.
_SUBCOMMANDS = "(?:token|setup|serve|check|move-database)"
_RELAY_COMMAND = re.compile(f"shop-inbox-relay(?: {_SUBCOMMANDS})?")


def command_kept_whole(sentence: str) -> str:
    """`sentence` with each relay command in it kept on one line however narrow the window: a word
    joiner after each hyphen and a no-break space before its subcommand. Qt wraps a line after a
    hyphen, and "…다시 확인해 주세요. shop-" over "inbox-relay token 명령이…" reads as two words to
    type. `plain_text` gives the command back as typed (ui/message_box.py's copied_without_joiners)."""
    return _RELAY_COMMAND.sub(
        lambda found: found.group().replace("-", f"-{WORD_JOINER}").replace(" ", NO_BREAK_SPACE), sentence
    )


def plain_text(shown: str) -> str:
    """Text as the owner copies it from a label or a box: without the word joiners that keep a
    shortcut or a command whole, and with plain spaces for the no-break ones that keep words on one
    line (a command's: pasted into a terminal, "shop-inbox-relay token" was one word, "command not
    found"; a Korean determiner's, "이 파일을", pasted into a chat or a search)."""
    return shown.replace(WORD_JOINER, "").replace(NO_BREAK_SPACE, " ")


def count_text(n: int) -> str:
    """A count in the UI locale's digits: "12,500" in English and Korean, "12.500" in German.

    Not Python's f"{n:,}", which writes the English comma in every language."""
    return display_locale().toString(n)


_TWO_DIGIT_YEAR = re.compile(r"(?<!y)yy(?!y)")


def date_edit_format(*, with_time: bool) -> str:
    """The owner's short date (and time) for a date edit: "2026. 12. 2. 오후 8:06", "12/2/2026 8:06 PM".

    The locale's own short form with the year in four digits: a two-digit year section reads a
    typed "27" as 1927."""
    locale = display_locale()
    short = QLocale.FormatType.ShortFormat
    fmt = locale.dateTimeFormat(short) if with_time else locale.dateFormat(short)
    return _TWO_DIGIT_YEAR.sub("yyyy", fmt)


def babel_locale_name() -> str:
    """The UI's locale as babel names it, for prices and dates formatted with babel."""
    return babel_locale(QLocale().name())


def amount_for_editing(minor: int, currency: str) -> str:
    """An amount in a price field, written as the UI's locale writes numbers ('1.299,50' in
    Germany, '1,299.50' in the US); app.money.amount_to_minor reads either back."""
    from app.money import edit_amount

    return edit_amount(minor, currency, babel_locale_name())


def on_clock(dt: datetime, zone: tzinfo | None = None) -> datetime:
    """`dt` on the shop's clock (`zone`, its business hours' time zone), else on this computer's."""
    return dt.astimezone(zone) if zone is not None else local(dt)


def clock_time(dt: datetime, zone: tzinfo | None = None) -> str:
    """'2:05 PM' or '오후 2:05' as the UI language writes short times (on `zone`'s clock when given)."""
    return display_locale().toString(_qtime(on_clock(dt, zone)), QLocale.FormatType.ShortFormat)


def wall_clock(hour: int, minute: int) -> str:
    """An hour on a wall clock as the owner reads every other time: the locale's own short time,
    "2:44 AM" in English, "오전 2:44" in Korean, as the chat list, the bubbles and the away banner
    write theirs (an away notice saying "내일 10:00" beside a chat list saying "오후 12:16" made her
    read two clocks)."""
    return display_locale().toString(QTime(hour, minute), QLocale.FormatType.ShortFormat)


def hours_time(text: str) -> str:
    """A business hours' "HH:MM" as every place that shows one writes it (the hours' summary, the
    away and greeting sentences; the editor's time boxes show `time_edit_format`, the same clock,
    and midnight by this name, ui/hours_time_edit.py):
    `wall_clock`'s "7:00 PM", "오후 7:00". The summary read "10:00~19:00" while the away banner said
    "오전 10:00". Midnight ("24:00", the day's end, or "00:00") is named, "midnight", "자정", on the
    12- and 24-hour clock alike (as app.rules writes it to customers): "6:00 PM–12:00 AM" read as
    noon to a shop owner, "오후 6:00~오전 12:00" as a range that ends before it starts."""
    hours, minutes = (int(part) for part in text.split(":"))
    if hours % 24 == 0 and minutes == 0:
        return QCoreApplication.translate("formatting", "midnight", "the end or start of business hours")
    return wall_clock(hours % 24, minutes)


def time_edit_format() -> str:
    """A time edit's display format for business hours: the locale's short time, "h:mm AP" in
    English, "AP h:mm" (오전/오후) in Korean, as `hours_time` writes the hours it edits."""
    return display_locale().timeFormat(QLocale.FormatType.ShortFormat)


def other_zone_name(zone: tzinfo | None, at: datetime | None = None) -> str:
    """The shop's zone's name ("Korean Time") when this computer's clock differs from it at `at`
    (now by default), else "": times on the shop's clock say whose clock they are on only where the
    owner's own clock would show another hour."""
    if zone is None:
        return ""
    at = at or datetime.now().astimezone()
    there = at.astimezone(zone)
    if there.utcoffset() == at.astimezone().utcoffset():
        return ""
    from ui.time_zones import zone_name  # (it names zones with this module's locale)

    key = getattr(zone, "key", None)
    return zone_name(key) if key else str(there.tzname())


def shop_clock_note(zone: tzinfo | None) -> str:
    """ "Times on the shop's clock (Korean Time)" where this computer's clock shows another hour than
    `zone`'s (the shop's), else "": the one sentence for whose clock times are on, beside the orders
    and in the chat list's and the chat's tooltips. A Seoul shop's owner on a UTC laptop read 8:30 AM
    for a message her laptop's clock called 23:30, and nothing said why."""
    name = other_zone_name(zone)
    if not name:
        return ""
    return QCoreApplication.translate("formatting", "Times on the shop's clock ({0})").format(name)


def _babel_date(d: date, fmt: str) -> str:
    from babel.core import UnknownLocaleError
    from babel.dates import format_date

    try:
        return str(format_date(d, format=fmt, locale=babel_locale_name()))
    except (ValueError, LookupError, UnknownLocaleError):
        return d.isoformat()


def _now() -> datetime:
    """The time now as WhatsApp stamps messages: this computer's clock set right by the relay's
    (relay_clock), which says what day it is here. On a laptop 7 minutes slow, a message stamped
    12:03 AM was a day ahead of its clock's "today" until 12:07, and read "Sunday", not its time."""
    return relay_clock.now()


def list_time(dt: datetime | None, now: datetime | None = None, zone: tzinfo | None = None) -> str:
    """Chat-list time: today's clock time, 'Yesterday', a weekday this week, else a short date; on
    `zone`'s clock when given (an order's time, on the shop's clock), else on this computer's."""
    if dt is None:
        return ""
    loc = on_clock(dt, zone)
    today = on_clock(now or _now(), zone).date()
    if loc.date() == today:
        return clock_time(dt, zone)
    if loc.date() == today - timedelta(days=1):
        return QCoreApplication.translate("formatting", "Yesterday")
    # A weekday is a day of the week just past: a day ahead of this computer's (its clock behind,
    # the relay not reached yet to set it right) is written as a date.
    if timedelta(0) < today - loc.date() < timedelta(days=7):
        return display_locale().dayName(loc.isoweekday(), QLocale.FormatType.LongFormat)
    # This year's day without its year ("11월 25일", "Nov 25"), as messengers write it; an older one
    # with its year in four digits ("2025. 11. 25.", "11/25/2025"): Qt's short date ("25. 11. 25.")
    # reads as a year, month and day nobody can tell apart. Qt's, not babel's, so that babel's
    # locale data is not loaded before the chat list's first paint.
    locale = display_locale()
    if loc.year == today.year:
        return locale.toString(qdate(loc.date()), day_pattern(locale))
    return locale.toString(qdate(loc.date()), date_edit_format(with_time=False))


def compact_list_time(dt: datetime | None, now: datetime | None = None, zone: tzinfo | None = None) -> str:
    """`list_time` for a narrow place (an order card on a small screen): a weekday abbreviated ("목",
    "Thu") and this year's day in numbers ("11/28", or "28/11" where the day comes first) instead of
    cut to "11월…"; today's time, yesterday and an older year's date as `list_time` says them."""
    if dt is None:
        return ""
    loc = on_clock(dt, zone)
    today = on_clock(now or _now(), zone).date()
    ago = today - loc.date()
    if ago <= timedelta(days=1) or loc.year != today.year:
        return list_time(dt, now, zone)
    locale = display_locale()
    if timedelta(0) < ago < timedelta(days=7):
        return locale.dayName(loc.isoweekday(), QLocale.FormatType.ShortFormat)
    # "11/28" as Korean shops write it too: "11. 28." was still cut on a 1366-pixel screen at 150 %.
    return f"{loc.month}/{loc.day}" if month_first(locale) else f"{loc.day}/{loc.month}"


def due_time(dt: datetime, now: datetime | None = None, zone: tzinfo | None = None) -> str:
    """A deadline in a list: today's clock time, else its day with the weekday, past or coming
    ("12월 4일 (금)", "Fri, Dec 4"; the year too when it is not this year's). A weekday alone, as
    `list_time` gives for the past week, cannot say whether a deadline was last Friday or is next.
    On `zone`'s clock when given (the shop's, which set the deadline), else on this computer's."""
    loc = on_clock(dt, zone)
    today = on_clock(now or datetime.now(UTC), zone).date()
    if loc.date() == today:
        return clock_time(dt, zone)
    locale = display_locale()
    return locale.toString(qdate(loc.date()), day_pattern(locale, weekday=True, year=loc.year != today.year))


def date_range(first: date, last: date) -> str:
    """Days from `first` to `last` as the owner's language writes them, weekdays included:
    "2026년 9월 24일 (목)~26일 (토)", "Thu, Sep 24 – Sat, Sep 26, 2026"; one day alone when equal."""
    from babel.core import UnknownLocaleError
    from babel.dates import format_interval

    try:
        return str(format_interval(first, last, "yMMMEd", locale=babel_locale_name()))
    except (ValueError, LookupError, UnknownLocaleError):
        return first.isoformat() if first == last else f"{first.isoformat()} – {last.isoformat()}"


def day_label(d: date, today: date | None = None) -> str:
    """Date separator in a chat: 'Today', 'Yesterday', else the full date."""
    today = today or local(_now()).date()
    if d == today:
        return QCoreApplication.translate("formatting", "Today")
    if d == today - timedelta(days=1):
        return QCoreApplication.translate("formatting", "Yesterday")
    return _babel_date(d, "full")


def _qdatetime(wall: datetime) -> QDateTime:
    return QDateTime(qdate(wall.date()), _qtime(wall))


def _short_datetime(wall: datetime) -> str:
    """A wall-clock date and time in the owner's short format, the year in four digits
    ("2026. 11. 30. 오후 2:17", not "26. 11. 30.", whose year, month and day cannot be told apart)."""
    return display_locale().toString(_qdatetime(wall), date_edit_format(with_time=True))


def short_date(d: date) -> str:
    """A day in the owner's short form, the year in four digits: "2024. 3. 8.", "3/8/2024"."""
    return display_locale().toString(qdate(d), date_edit_format(with_time=False))


def wall_datetime(wall: datetime) -> str:
    """A time as a clock on the wall showed it (naive: a phone's, read from a chat export), in the
    owner's short form: "2024. 3. 8. 오후 2:15"."""
    return _short_datetime(wall)


def full_datetime(dt: datetime) -> str:
    return _short_datetime(local(dt))


def long_datetime(dt: datetime) -> str:
    """A moment on this computer's clock with its month in words and its year, as the UI's language
    writes one in a sentence: "2026년 12월 7일 오후 3:04", "Dec 7, 2026 3:04 PM", "7 Dec 2026 15:04"
    (the short "2026. 12. 7." read as a file's listing, and "12/7/2026" as the wrong day in the UK)."""
    locale = display_locale()
    wall = local(dt)
    return f"{locale.toString(qdate(wall.date()), day_pattern(locale, year=True))} {clock_time(dt)}"


def customer_day(dt: datetime, language: str | None = None, zone: tzinfo | None = None) -> str:
    """A day written into a message to a customer (an order's payment deadline, the end of that
    day), on the shop's clock (`zone`, its business hours' time zone; None: this computer's), with
    the month and weekday in words: "12월 2일 (수)", "Wed, Dec 2", "Wed 2 Dec". A numeric date ("26. 12. 2.",
    "12/2/26") is the owner's short form; a customer abroad may read it the other way round.
    `language` ("ko", "en"): the message's, where it is not the owner's (an English message to a
    customer abroad)."""
    if language == "ko":
        locale = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    elif language == "en" and display_locale().language() != QLocale.Language.English:
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    else:
        locale = display_locale()  # an English-speaking owner's own: "Tue 8 Dec" in the UK
    wall = dt.astimezone(zone) if zone is not None else local(dt)
    return locale.toString(_qdatetime(wall), day_pattern(locale, weekday=True))


def weekday_name(d: date) -> str:
    """A day of the coming week by its name alone, as the owner's language says it: "Wed", "수요일"
    (a date beside it, "Wed, Dec 2 10:00 AM (British Time)", took the away notice to four lines)."""
    # The pattern is the translator's: Korean says the whole name ("수요일"; "수" alone reads as a
    # typing slip), English its short one.
    pattern = QCoreApplication.translate(
        "formatting", "ddd", "a Qt date pattern: the weekday alone, short (ddd) or in full (dddd)"
    )
    return display_locale().toString(qdate(d), pattern)


def shop_datetime(dt: datetime, zone: tzinfo) -> str:
    """A moment on the shop's clock (a campaign is scheduled on it), with the zone's name where this
    computer's clock differs: a laptop on another zone would otherwise show another hour."""
    text = _short_datetime(dt.astimezone(zone))
    if name := other_zone_name(zone, dt):
        text += f" ({name})"
    return text


def recent_datetime(at: datetime, now: datetime | None = None, zone: tzinfo | None = None) -> str:
    """A moment just past as the owner's locale writes a day and time: "오늘 오후 2:32", "2:32 PM
    yesterday", "12월 1일 (화) 오후 2:32", "Tue, Dec 1 2:32 PM" (the year too when it is not this
    year's), on this computer's clock (kept unsaved words are stamped on it), or on `zone`'s (the
    shop's) where the times around it are, with the zone's name where this computer's clock differs."""
    locale = display_locale()
    wall = on_clock(at, zone)
    # This computer's clock (or the shop's), not the relay's.
    today = on_clock(now or datetime.now(at.tzinfo), zone).date()
    # After a crash the words are most often minutes old: "12월 6일 (일) 오후 2:32" read as if a day
    # long gone, where the owner says "today".
    if wall.date() == today:
        text = QCoreApplication.translate("formatting", "{0} today").format(clock_time(at, zone))
    elif wall.date() == today - timedelta(days=1):
        text = QCoreApplication.translate("formatting", "{0} yesterday").format(clock_time(at, zone))
    else:
        day = locale.toString(
            qdate(wall.date()), day_pattern(locale, weekday=True, year=wall.year != today.year)
        )
        text = f"{day} {clock_time(at, zone)}"
    if name := other_zone_name(zone, at):
        text += f" ({name})"
    return text


def soon_datetime(dt: datetime, zone: tzinfo, now: datetime | None = None) -> str | None:
    """A moment today or tomorrow on the shop's clock as the owner says it: "오늘 오후 2:00",
    "2:00 PM tomorrow" (with the zone's name where this computer's clock differs); None on another day,
    which wants its date."""
    loc = dt.astimezone(zone)
    today = (now or _now()).astimezone(zone).date()
    if loc.date() == today:
        text = QCoreApplication.translate("formatting", "{0} today").format(clock_time(dt, zone))
    elif loc.date() == today + timedelta(days=1):
        text = QCoreApplication.translate("formatting", "{0} tomorrow").format(clock_time(dt, zone))
    else:
        return None
    if name := other_zone_name(zone, dt):
        text += f" ({name})"
    return text


def coming_time(dt: datetime, now: datetime | None = None) -> str:
    """A moment to come on this computer's clock, as short as it can be said: its time today
    ("9:40 PM", "오후 9:40"), "9:40 AM tomorrow" ("내일 오전 9:40"), else its day and time
    ("Tue, Dec 8 9:40 PM"; the year too when it is not this year's)."""
    wall = local(dt)
    today = local(now or _now()).date()
    if wall.date() == today:
        return clock_time(dt)
    if wall.date() == today + timedelta(days=1):
        return QCoreApplication.translate("formatting", "{0} tomorrow").format(clock_time(dt))
    locale = display_locale()
    day = locale.toString(qdate(wall.date()), day_pattern(locale, weekday=True, year=wall.year != today.year))
    return f"{day} {clock_time(dt)}"


def _days(n: int) -> str:
    # English needs its singular; Korean translates both the same way ("%n일").
    if n == 1:
        return QCoreApplication.translate("formatting", "%Ln day", "", n)
    return QCoreApplication.translate("formatting", "%Ln days", "", n)


def _hours(n: int) -> str:
    if n == 1:
        return QCoreApplication.translate("formatting", "%Ln hour", "", n)
    return QCoreApplication.translate("formatting", "%Ln hours", "", n)


def duration_short(delta: timedelta) -> str:
    """'1 h 12 min' / '25 min' for the 24-hour window countdown; '2 days 23 hours' from a day on (an
    order's three days to pay read as "71 h 53 min", then as "2 d 23 h", before)."""
    minutes = max(0, int(delta.total_seconds() // 60))
    hours, mins = divmod(minutes, 60)
    if hours >= 24:
        days, hours = divmod(hours, 24)
        if not hours:
            return _days(days)
        return f"{_days(days)} {_hours(hours)}"  # "3일 6시간" in Korean, in the same order
    if hours:
        return QCoreApplication.translate("formatting", "{0} h {1} min").format(hours, mins)
    return QCoreApplication.translate("formatting", "{0} min").format(mins)


def duration_coarse(delta: timedelta) -> str:
    """`duration_short` in its largest unit alone, for where that does not fit: "3 days" of "3 days
    14 hours" ("3일"), "5 hours" of "5 h 12 min" (rounded down: the time left is never overstated)."""
    minutes = max(0, int(delta.total_seconds() // 60))
    if minutes >= 24 * 60:
        return _days(minutes // (24 * 60))
    if minutes >= 60:
        return _hours(minutes // 60)
    return duration_short(delta)


KIND_ICONS = {
    "image": "image",
    "sticker": "sticker",
    "document": "document",
    "audio": "audio",
    "voice": "audio",
    "video": "video",
    "location": "location",
    "contacts": "contact",
    "template": "template",
}


# The list's kinds for WhatsApp notices said in the owner's words (app.conversation_rows).
NOTICE_KINDS = ("number_changed", "account_changed", "opened_chat")


def kind_label(kind: str) -> str:
    labels = {
        "image": QCoreApplication.translate("formatting", "Photo"),
        "sticker": QCoreApplication.translate("formatting", "Sticker"),
        "document": QCoreApplication.translate("formatting", "Document"),
        "audio": QCoreApplication.translate("formatting", "Audio"),
        # A customer's recorded voice note (app.conversation_rows.VOICE_KIND).
        "voice": QCoreApplication.translate("formatting", "Voice message"),
        "video": QCoreApplication.translate("formatting", "Video"),
        "location": QCoreApplication.translate("formatting", "Location"),
        "contacts": QCoreApplication.translate("formatting", "Contact card"),
        "order": QCoreApplication.translate("formatting", "Order"),
        "product": QCoreApplication.translate("formatting", "Product"),
        "template": QCoreApplication.translate("formatting", "Template"),
        "reaction": QCoreApplication.translate("formatting", "Reaction"),
        "system": QCoreApplication.translate("formatting", "System message"),
        # WhatsApp's notices (app.conversation_rows.NUMBER_CHANGED_KIND, ACCOUNT_CHANGED_KIND).
        "number_changed": QCoreApplication.translate("formatting", "Changed their phone number"),
        "account_changed": QCoreApplication.translate("formatting", "Their WhatsApp account changed"),
        "opened_chat": QCoreApplication.translate("formatting", "Opened a chat with you"),
        "unsupported": QCoreApplication.translate("formatting", "Unsupported message"),
        # A photo or file a phone export left out (app.conversation_rows.OMITTED_KIND).
        "omitted": QCoreApplication.translate("formatting", "Photo or file left out of the export"),
        # A message deleted on the phone, imported (app.conversation_rows.DELETED_KIND).
        "deleted": QCoreApplication.translate("formatting", "Deleted message"),
    }
    return labels.get(kind, "")


def is_voice_note(payload: dict[str, Any] | None) -> bool:
    """An audio message the customer recorded in WhatsApp (`audio.voice`), not a sound file."""
    audio = (payload or {}).get("audio")
    return isinstance(audio, dict) and audio.get("voice") is True


def tapped_text(payload: dict[str, Any] | None) -> str:
    """What the customer tapped for an interactive or button reply."""
    if not payload:
        return ""
    interactive = payload.get("interactive") or {}
    for key in ("button_reply", "list_reply"):
        reply = interactive.get(key)
        if isinstance(reply, dict) and reply.get("title"):
            return str(reply["title"])
    button = payload.get("button") or {}
    if isinstance(button, dict) and button.get("text"):
        return str(button["text"])
    return ""


def chat_preview(kind: str | None, body: str | None, direction: str | None) -> str:
    """A chat's last message in one line (the chat list, a notification). A customer's tapped list
    row is kept with its description below its title, for search: the line says the title, as the
    bubble does ("Talk to a person A person answers you" read as one garbled sentence)."""
    if direction == "in" and kind in ("interactive", "button") and body:
        body = body.strip().split("\n", 1)[0]
    if kind == "location" and body:
        # A place's name, then its address: "성수동 매장 · 서울 성동구 성수이로 88", not one run-on line.
        body = " · ".join(line.strip() for line in body.splitlines() if line.strip())
    # An Arabic line's "+971 50 123 4567" in its groups' order (app/text.py), as its bubble shows it.
    return numbers_read_in_order(preview_text(kind or "text", body))


def reaction_preview(reaction_from: str | None, emoji: str, kind: str | None, body: str | None) -> str:
    """A chat's newest reaction as its chat-list line says it, as WhatsApp's list does: "Reacted 👍 to
    “Your total is…”" (the customer's), "You reacted ❤️ to “…”" (the shop's own)."""
    from app.text_direction import isolated

    what = isolated(chat_preview(kind, body, None))
    if reaction_from == "out" and what:
        return QCoreApplication.translate("formatting", "You reacted {0} to “{1}”").format(emoji, what)
    if reaction_from == "out":
        return QCoreApplication.translate("formatting", "You reacted {0} to a message").format(emoji)
    if what:
        return QCoreApplication.translate("formatting", "Reacted {0} to “{1}”").format(emoji, what)
    return QCoreApplication.translate("formatting", "Reacted {0} to a message").format(emoji)


def preview_text(kind: str, body: str | None, payload: dict[str, Any] | None = None) -> str:
    """One line for the chat list and quotes: the text, or what kind of message it was."""
    body = (body or "").strip()
    if kind == "text":  # the chat list's usual case: no kind label to look up
        return " ".join(body.split())
    if kind in ("interactive", "button"):
        body = body or tapped_text(payload)
    if kind == "document" and not body and payload:
        body = str((payload.get("document") or {}).get("filename") or "")
    if kind == "document":  # a name written backwards ("사진\u202egpj.exe") reads as it is: "사진gpj.exe"
        body = without_direction_marks(body)
    if kind == "audio" and is_voice_note(payload):
        kind = "voice"
    if kind == "location" and not body and payload:
        loc = payload.get("location") or {}
        body = str(loc.get("name") or loc.get("address") or "")
    if kind in NOTICE_KINDS:
        return kind_label(kind)  # WhatsApp's English words for it are not the owner's
    label = kind_label(kind)
    text = " ".join(body.split())
    if kind == "text" or not label:
        return text
    return text or label


def business_number_text(number: str, shop_region: str) -> str:
    """One of the shop's own WhatsApp numbers (Meta's display number, "+82 2-555-0202" or
    "8225550202") written as the shop's people dial it: "02-555-0202" in Korea."""
    from app.phones import display_phone, e164_digits

    return display_phone(e164_digits(number, shop_region), shop_region)
