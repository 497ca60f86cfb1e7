"""Reading a WhatsApp export's lines into messages: headers, the file's date order, markers.

Two passes over a stream, never the whole file in memory: `scan_export()` reads every header to
learn the date order (a "05/01/2024" is only readable once a later "13/01/2024" shows days come
first), participants and size; `parse_messages()` then yields one `ParsedMessage` at a time. An
import given no preview makes it one pass: `scan_head()` reads the head, and `parse_messages()`
gathers the same facts of the whole file (`ExportFacts`) for the importer to check its guess.
"""

from __future__ import annotations

import enum
import functools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from app.chat_export import markers
from app.chat_export.errors import NotAChatExport
from app.chat_export.source import ExportSource, open_blocks, open_source, text_bytes
from app.errors import ErrorCode
from app.text import nfc

log = logging.getLogger(__name__)
_normalize = unicodedata.normalize  # NFC (app.text.nfc) without a call more for every message

# Spaces WhatsApp puts in headers: plain, no-break (U+00A0), narrow no-break (U+202F, iOS/Android 14+).
_SP = "[ \u00a0\u202f\u2009]"
# Invisible marks (byte-order mark, direction marks and isolates) may stand anywhere a header starts.
_MK = f"[{markers.MARKS}]*"
HEADER_RE = re.compile(
    rf"""
    {_MK}\[?{_MK}
    (?P<d1>\d{{1,4}})(?P<sep>[./-]){_SP}?(?P<d2>\d{{1,2}})[./-]{_SP}?(?P<d3>\d{{1,4}})\.?
    (?:,{_SP}*|{_SP}+){_MK}
    (?:(?P<pre>오전|오후){_SP}?)?
    (?P<h>\d{{1,2}}):(?P<mi>\d{{2}})(?::(?P<s>\d{{2}}))?
    (?:{_SP}?(?P<post>[AaPp]\.?{_SP}?[Mm]\.?))?{_MK}
    (?:(?P<ios>\]){_SP}?|{_SP}[-–]{_SP})
    """,
    re.VERBOSE,
)
# The same header at the start of any line of a block, with the rest of its line: one regex pass
# finds a block's headers, and the lines between two of them are never looked at one by one.
_LINE_RE = re.compile(r"(?m)^(?P<head>" + HEADER_RE.pattern + r")(?P<rest>[^\n]*)", re.VERBOSE)

# How many lines may pass before the first chat line before we decide this is not an export.
_SNIFF_LINES = 200
# Unreadable entries listed in the summary (all are counted).
UNREADABLE_LISTED = 200


class DateOrder(enum.StrEnum):
    DMY = "day-month-year"
    MDY = "month-day-year"
    YMD = "year-month-day"


@dataclass(frozen=True, slots=True)
class UnreadableLine:
    """Lines that could not be read: a header whose date or time makes no sense (with the lines
    that continue it) or text before the first message — never imported, never part of another
    message; or a line with bytes that are not text (`in_message`: kept in its message)."""

    line_no: int
    text: str  # the first line, cut to 200 characters
    lines: int = 1
    in_message: bool = False


@dataclass(slots=True)
class ParseReport:
    """Filled while parsing: what could not be read."""

    unreadable: list[UnreadableLine] = field(default_factory=list)
    unreadable_count: int = 0  # entries (a header that cannot be read and the lines continuing it: one)
    unreadable_lines: int = 0  # lines of the file in those entries
    lines: int = 0

    def add(self, line_no: int, text: str, lines: int = 1, *, in_message: bool = False) -> None:
        self.unreadable_count += 1
        self.unreadable_lines += lines
        if len(self.unreadable) < UNREADABLE_LISTED:
            self.unreadable.append(UnreadableLine(line_no, text[:200], lines, in_message))


@dataclass(slots=True)
class ParsedMessage:
    """One message (or system line) of the export, in the phone's local time (naive).

    Not frozen: one is built per message of an import, and a frozen dataclass's `__init__` costs
    five times as much (one `object.__setattr__` per field). Nothing changes one once built.
    """

    line_no: int
    local_time: datetime
    sender: str | None  # None for system lines
    # NFC; markers removed (attachment line, edited marker); a placeholder kept as written, with the
    # photo's caption after it on the next lines (app.conversation_rows.omitted_caption)
    body: str
    kind: str = "text"  # text, image, video, audio, document, sticker, contacts, system
    attachment: str | None = None  # file name as the export gives it
    media_omitted: bool = False
    deleted: bool = False
    edited: bool = False
    encryption_notice: bool = False
    lines: int = 1  # lines of the file the message spans, from line_no

    @property
    def is_system(self) -> bool:
        return self.sender is None


@dataclass(frozen=True, slots=True)
class ChatPreview:
    """What the owner sees before anything is written."""

    source: ExportSource
    platform: str  # "Android" or "iOS"
    language: str  # "English (US)", "Korean", …
    clock: str  # "12-hour" or "24-hour"
    date_order: DateOrder
    participants: tuple[tuple[str, int], ...]  # name, messages; most active first
    message_count: int  # messages with a sender (system lines not counted)
    system_lines: int
    line_count: int
    first_time: datetime | None
    last_time: datetime | None
    first_messages: tuple[ParsedMessage, ...]
    attachments: int  # attachment lines
    attachments_present: int  # … whose file is in the zip
    group_notices: int = 0  # "… created group", "… added …", "… left": lines only groups have
    # What an import of the file adds (before duplicates are skipped): messages and system lines,
    # not the encryption notice nor lines that cannot be read; -1: not counted (built by hand).
    to_import: int = -1
    unreadable_lines: int = 0  # lines an import reports as unreadable (ParseReport.unreadable_lines)

    @property
    def is_group(self) -> bool:
        return len(self.participants) > 2 or self.group_notices > 0

    @property
    def title(self) -> str:
        return self.source.chat_title


# --------------------------------------------------------------------------- date order


@dataclass(slots=True)
class _OrderEvidence:
    """Counts over the whole file; decided once at the end (never per line)."""

    ymd: int = 0
    first_over_12: int = 0  # "13/01/24": the first field is a day
    second_over_12: int = 0  # "01/13/24": the second field is a day
    dmy_backwards: int = 0  # times read as D/M/Y would go back in time
    mdy_backwards: int = 0
    dots: int = 0
    us_ampm: int = 0
    lines: int = 0
    _prev: tuple[int, int, int] | None = None
    # The last date fed, as written, and what it says: a chat's runs share their date for hours.
    _date: tuple[str, str, str] = ("", "", "")
    _year_first: bool = False
    _first_over: bool = False
    _second_over: bool = False

    def feed(self, m: re.Match[str], n: int = 1) -> None:
        """Count `n` consecutive lines with the header `m` (the same minute: no time goes back)."""
        self.feed_fields(m.group(*_ORDER_FIELDS), n)

    def feed_fields(self, fields: tuple[str, ...], n: int) -> None:
        """`feed` of a header's _ORDER_FIELDS: consecutive lines that agree on them may be fed as one
        run (the same date never goes back)."""
        self.lines += n
        d1, d2, d3, sep, post = fields
        if (d1, d2, d3) != self._date:
            # A new date: what it says, and whether it goes back (the same date never does).
            self._date = (d1, d2, d3)
            self._year_first = len(d1) == 4
            if not self._year_first:
                a, b, c = int(d1), int(d2), int(d3)
                self._first_over, self._second_over = a > 12, b > 12
                if self._prev is not None:
                    pa, pb, pc = self._prev
                    if (c, b, a) < (pc, pb, pa):
                        self.dmy_backwards += 1
                    if (c, a, b) < (pc, pa, pb):
                        self.mdy_backwards += 1
                self._prev = (a, b, c)
        if self._year_first:
            self.ymd += n
            return
        if self._first_over:
            self.first_over_12 += n
        if self._second_over:
            self.second_over_12 += n
        if sep == ".":
            self.dots += n
        if post and post.isupper() and post.isalpha():
            # "PM" is the US phones' way; en-GB writes "pm", Spanish "p. m.": both put days first.
            self.us_ampm += n

    def decide(self) -> DateOrder:
        if self.ymd * 2 > self.lines:
            return DateOrder.YMD
        if self.first_over_12 != self.second_over_12:
            return DateOrder.DMY if self.first_over_12 > self.second_over_12 else DateOrder.MDY
        if self.dmy_backwards != self.mdy_backwards:
            # A chat runs forward in time: the reading that goes backwards less often is right.
            return DateOrder.DMY if self.dmy_backwards < self.mdy_backwards else DateOrder.MDY
        # No evidence at all (e.g. one day's chat): the convention of the clock and separator.
        if self.dots * 2 > self.lines:
            return DateOrder.DMY
        return DateOrder.MDY if self.us_ampm * 2 > self.lines else DateOrder.DMY


@dataclass(slots=True)
class ExportFacts:
    """What the import needs of the whole file, gathered by `parse_messages` as it reads it, the
    same way `scan_export` does: the date order's evidence, who wrote, and whether a group notice
    is there. An import without a preview guesses these from the file's head and checks them here
    at the end, so the file is read once (issue 18)."""

    evidence: _OrderEvidence = field(default_factory=_OrderEvidence)
    # Senders (None: system lines) of the messages parsed, added by the caller (once a batch, in C);
    # a header line that cannot be read is nobody's message, as in `scan_export`.
    names: set[str | None] = field(default_factory=set)
    group_notice: bool = False

    def date_order(self) -> DateOrder:
        return self.evidence.decide()

    def senders(self) -> set[str]:
        return {name for name in self.names if name is not None}


# A header's fields the date order's evidence reads, then those its time needs too (one `group` call).
_ORDER_FIELDS = ("d1", "d2", "d3", "sep", "post")
_HEAD_FIELDS = (*_ORDER_FIELDS, "h", "mi", "s", "pre")


def header_time(m: re.Match[str], order: DateOrder) -> datetime:
    """The header's local time; ValueError when the fields make no date in this file's order."""
    return _fields_time(m.group(*_HEAD_FIELDS), order)


def _fields_time(fields: tuple[str, ...], order: DateOrder) -> datetime:
    raw1, raw2, raw3, _sep, post, raw_h, mi, sec, pre = fields
    return datetime(*_date_of(raw1, raw2, raw3, order), *_clock_of(raw_h, mi, sec, pre, post))


# A chat's headers repeat their dates all day and their clock times every day: each is read once.
@functools.lru_cache(maxsize=4096)
def _date_of(raw1: str, raw2: str, raw3: str, order: DateOrder) -> tuple[int, int, int]:
    d1, d2, d3 = int(raw1), int(raw2), int(raw3)
    if order is DateOrder.YMD or len(raw1) == 4:
        year, month, day = d1, d2, d3
    elif order is DateOrder.DMY:
        day, month, year = d1, d2, d3
    else:
        month, day, year = d1, d2, d3
    if year < 100:
        year += 2000
    return year, month, day


@functools.lru_cache(maxsize=4096)
def _clock_of(
    raw_h: str, mi: str, sec: str | None, pre: str | None, post: str | None
) -> tuple[int, int, int]:
    hour = int(raw_h)
    if pre or post:
        pm = pre == "오후" or (post or "")[:1] in ("p", "P")
        # Some locales write midnight as "00:04 AM" (and "00:08 a. m."): hour 0 is 12.
        if not 0 <= hour <= 12:
            raise ValueError("12-hour clock out of range")
        hour = hour % 12 + (12 if pm else 0)
    return hour, int(mi), int(sec or 0)


# --------------------------------------------------------------------------- line bodies

_PHONE_RE = re.compile(r"^\+?[\d \u00a0\u202f()\-–]{7,}$")


@functools.lru_cache(maxsize=4096)  # a chat has few senders and many lines
def clean_name(raw: str) -> str:
    """A sender as people read it: marks removed, iOS's "~ " for unsaved numbers dropped, NFC."""
    name = markers.strip_marks(raw).replace("\u202f", " ").replace("\u00a0", " ").strip()
    if name.startswith("~"):
        name = name[1:].strip()
    return nfc(name)


def looks_like_phone(name: str) -> bool:
    return bool(_PHONE_RE.match(name)) and sum(ch.isdigit() for ch in name) >= 7


_QUOTES_RE = re.compile('["“”«»]')


def _plausible_name(name: str) -> bool:
    # Android system lines have no sender but may quote text with a colon in it.
    return 0 < len(name) <= 80 and not _QUOTES_RE.search(name)


def split_sender(rest: str) -> tuple[str | None, str]:
    """("Name", "text") for a message line, (None, text) for a system line."""
    if rest.startswith(markers.LRM):
        # iOS marks system text right after the header (groups: "[…] ‎You created group …").
        return None, rest
    name, sep, body = rest.partition(": ")
    if not sep:
        if rest.endswith(":") and _plausible_name(rest[:-1].strip()):
            return clean_name(rest[:-1]), ""  # "Carol:" — a view-once photo, or an empty message
        return None, rest
    sender = _senders[name]
    if sender is None:
        return None, rest
    if body[:1].casefold() in markers.NOTICE_FIRST and markers.is_encryption_notice(body):
        # Written as a "message" from the chat's name, with or without a mark in front.
        return None, body
    if body.startswith(markers.LRM) and markers.SYSTEM_RE.match(body.lstrip(markers.LRM)):
        return None, body  # iOS writes system notices as "Chat name: ‎notice"
    return sender, body


class _Senders(dict[str, str | None]):
    """The text before a line's ": " → the sender it names, or None when it cannot be a name.

    Worked out once per distinct text: a chat has few senders and many lines."""

    def __missing__(self, raw: str) -> str | None:
        if len(self) >= 4096:
            self.clear()
        sender = clean_name(raw) if _plausible_name(raw.strip()) else None
        self[raw] = sender
        return sender


_senders = _Senders()


def build_message(line_no: int, when: datetime, sender: str | None, lines: list[str]) -> ParsedMessage:
    """Turn the text of one message (all its lines) into a ParsedMessage, reading its markers."""
    span = len(lines)
    text = _normalize("NFC", lines[0] if span == 1 else "\n".join(lines))
    stripped = text.lstrip(markers.MARKS)
    if sender is None:
        return ParsedMessage(
            line_no,
            when,
            None,
            stripped,
            kind="system",
            encryption_notice=bool(markers.ENCRYPTION_RE.search(stripped)),
            lines=span,
        )
    # A placeholder is a message's first line: a caption the photo had follows it on the next lines.
    head = stripped if span == 1 else stripped.partition("\n")[0]
    if (
        "<" not in stripped  # no edited marker, no iOS attachment, no Android placeholder
        and ")" not in stripped  # no Android attachment, "… (file attached)"
        and not (stripped[:1] in markers.DELETED_FIRST and markers.DELETED_RE.match(stripped))
        and not (
            markers.PLACEHOLDER_END[head[-1:]]
            and markers.may_be_placeholder(head)
            and markers.match_placeholder(markers.strip_marks(head).strip())
        )
    ):
        return ParsedMessage(line_no, when, sender, stripped, lines=span)  # most messages: plain text
    edited = False
    em = markers.EDITED_RE.search(stripped)
    if em:
        edited = True
        stripped = stripped[: em.start()].rstrip(markers.MARKS)
    if markers.DELETED_RE.match(stripped):
        return ParsedMessage(line_no, when, sender, stripped, deleted=True, edited=edited, lines=span)
    first, _, caption = stripped.partition("\n")
    first = markers.strip_marks(first).strip()
    om = markers.match_placeholder(first)
    if om:
        # The placeholder as written, and the caption after it (a bare placeholder: no caption).
        kind = markers.omitted_kind(om) or "text"
        name = markers.omitted_file(om)
        if name is not None:
            name = PurePosixPath(name.replace("\\", "/")).name
        body = f"{first}\n{caption}" if caption.strip() else first
        return ParsedMessage(line_no, when, sender, body, kind=kind, attachment=name,
                             media_omitted=True, edited=edited, lines=span)  # fmt: skip
    attachment: str | None = None
    am = markers.ATTACHED_ANDROID_RE.match(first)
    if am:
        attachment = am.group("file")
    else:
        im = markers.ATTACHED_IOS_RE.search(first)
        if im:
            attachment = im.group("file").strip()
    if attachment is not None:
        name = PurePosixPath(attachment.replace("\\", "/")).name
        kind = markers.KIND_BY_SUFFIX.get(PurePosixPath(name).suffix.lower(), "document")
        if kind == "sticker" and not name.upper().startswith("STK"):
            kind = "image"
        return ParsedMessage(
            line_no, when, sender, caption, kind=kind, attachment=name, edited=edited, lines=span
        )
    return ParsedMessage(line_no, when, sender, stripped, edited=edited, lines=span)


# --------------------------------------------------------------------------- the two passes


def parse_messages(
    source: ExportSource,
    order: DateOrder,
    report: ParseReport | None = None,
    facts: ExportFacts | None = None,
) -> Generator[ParsedMessage, None, None]:
    """Every message of the export in file order.

    Lines that are not a header continue the message before them. A line that looks like a header
    but whose date or time cannot be read in this file's order starts an unreadable entry (with the
    lines that continue it): reported, never appended to someone else's message. Text before the
    first message is one unreadable entry too.

    One pass of `_LINE_RE` over each block finds the header lines; the text between two headers is
    handled as a whole (split into lines only when it is kept). With `facts`, what `scan_export`
    learns of the whole file is gathered in the same pass (a run of lines with the same header
    counted once, as there), but for the senders of the messages yielded: the caller adds those.
    """
    report = report if report is not None else ParseReport()
    # The message being read: its first line, time and sender (no time: none being read).
    at, when_at, sender_at = 0, None, None
    lines: list[str] = []
    # An unreadable entry being collected: first line number, first line, how many lines.
    stray: list[str] = []
    stray_at = 0
    # Lines of the same minute share a header: its time is read once.
    prev_head, prev_when = "", None
    line_no = 0  # lines read before the one at hand
    finditer = _LINE_RE.finditer
    head_rest = _LINE_RE.groupindex["head"], _LINE_RE.groupindex["rest"]
    # With facts: the run of lines whose headers agree on what the date order's evidence reads (a
    # day's, mostly), and its length; fed once it ends.
    run: tuple[str, ...] | None = None
    run_lines = 0
    feed = facts.evidence.feed_fields if facts is not None else None
    head_fields = tuple(_LINE_RE.groupindex[name] for name in _HEAD_FIELDS)
    n_order = len(_ORDER_FIELDS)
    with open_blocks(source) as blocks:
        for block in blocks:
            pos = 0
            for m in finditer(block):
                start, end = m.span()
                if start > pos:
                    # Lines without a header: they continue the message (or the unreadable entry).
                    between = block[pos : start - 1].split("\n")
                    if when_at is not None and not stray:
                        if "\ufffd" in block[pos:start]:
                            _report_replaced(report, line_no, between)
                        lines += between
                    else:
                        if not stray:
                            stray_at = line_no + 1
                        stray += between
                    line_no += len(between)
                line_no += 1
                pos = end + 1
                head, rest = m.group(*head_rest)
                if head == prev_head:
                    when = prev_when
                    run_lines += 1
                else:
                    fields = m.group(*head_fields)
                    try:
                        when = _fields_time(fields, order)
                    except ValueError:
                        when = None
                    prev_head, prev_when = head, when
                    if feed is not None:
                        key = fields[:n_order]
                        if key == run:
                            run_lines += 1
                        else:
                            if run is not None:
                                feed(run, run_lines)
                            run, run_lines = key, 1
                if when is None:
                    # A header-looking line that cannot be read.
                    if facts is not None:
                        # Its group notice counts (as in `scan_export`), its sender does not: the
                        # line is not imported, so it is nobody's message.
                        stray_sender, stray_body = split_sender(rest)
                        if stray_sender is None:
                            _note_sender(facts, None, stray_body)
                    if stray and any(t.strip() for t in stray):
                        report.add(stray_at, stray[0], len(stray))
                    if when_at is not None:
                        report.lines = line_no
                        yield build_message(at, when_at, sender_at, lines)
                        when_at, lines = None, []
                    stray, stray_at = [block[start:end]], line_no
                    continue
                if stray:
                    if any(t.strip() for t in stray):
                        report.add(stray_at, stray[0], len(stray))
                    stray = []
                if when_at is not None:
                    report.lines = line_no
                    yield build_message(at, when_at, sender_at, lines)
                sender_at, body = split_sender(rest)
                if sender_at is None and facts is not None:
                    _note_sender(facts, None, body)
                at, when_at = line_no, when
                lines = [body]
            if pos < len(block):
                tail = block[pos:]
                between = (tail[:-1] if tail.endswith("\n") else tail).split("\n")
                if when_at is not None and not stray:
                    if "\ufffd" in tail:
                        _report_replaced(report, line_no, between)
                    lines += between
                else:
                    if not stray:
                        stray_at = line_no + 1
                    stray += between
                line_no += len(between)
    report.lines = line_no
    if feed is not None and run is not None:
        feed(run, run_lines)
    if stray and any(t.strip() for t in stray):
        report.add(stray_at, stray[0], len(stray))
    if when_at is not None:
        yield build_message(at, when_at, sender_at, lines)


def _note_sender(facts: ExportFacts, sender: str | None, body: str) -> None:
    """A header line's sender, or its group notice (the same test as `scan_export`'s)."""
    facts.names.add(sender)
    if sender is None and markers.GROUP_NOTICE_RE.match(markers.strip_marks(body)):
        facts.group_notice = True


def _report_replaced(report: ParseReport, before: int, lines: list[str]) -> None:
    """Continuation lines with bytes that were not text (U+FFFD): kept in their message, reported."""
    for i, line in enumerate(lines, start=before + 1):
        if "\ufffd" in line:
            report.add(i, line, in_message=True)


# Words only WhatsApp writes (system lines, placeholders, markers), most telling first: Italian,
# Dutch and Indonesian notices say "end-to-end" too, so English is tried last.
_LANGUAGE_WORDS = {
    "Korean": re.compile(r"[가-힣]{2}"),
    "Japanese": re.compile(r"[ぁ-んァ-ヶ]{2}"),
    "German": re.compile(
        r"verschlüsselt|weggelassen|ausgelassen|ausgeschlossen|angehängt|gelöscht|Anhang"
        r"|Gruppe|hinzugefügt"
    ),
    "Spanish": re.compile(r"cifrad|omitid|adjunto|eliminó|Multimedia|creó|añadió"),
    "French": re.compile(r"chiffrés|omise?s?\b|joint|supprimé|a créé|a ajouté"),
    "Portuguese": re.compile(r"criptografia|ocultad|oculta>|anexado|apagada|criou|adicionou"),
    "Italian": re.compile(r"crittografati|omess|allegato|eliminato|ha creato|ha aggiunto"),
    "Dutch": re.compile(r"versleuteld|weggelaten|bijgevoegd|verwijderd|toegevoegd|aangemaakt"),
    "Indonesian": re.compile(r"terenkripsi|tidak disertakan|terlampir|dihapus|menambahkan|membuat grup"),
    "Turkish": re.compile(r"şifreli|dahil edilmedi|eklendi|silindi|oluşturdu|ekledi"),
    "English": re.compile(r"encrypted|omitted|attached|deleted|created|added|changed|left\b"),
}


_WHATSAPP_STARTS = ("<", *markers.MARKS)
# Lines in WhatsApp's own words enough to tell the language; later lines are not probed.
_LANGUAGE_PROBES = 500


def _says_whatsapp(sender: str | None, body: str) -> bool:
    """True for text WhatsApp wrote (a system line, a placeholder, an attachment marker)."""
    return (
        sender is None
        or body.startswith(_WHATSAPP_STARTS)
        or "(" in body
        or (markers.PLACEHOLDER_END[body[-1:]] and bool(markers.match_placeholder(body)))
    )


def _day_key(d1: str, d2: str, d3: str, order: DateOrder) -> tuple[int, int, int] | None:
    """(year, month, day) of a header's date in `order`, or None when it is no date."""
    year, month, day = _date_of(d1, d2, d3, order)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def _clock_key(m: re.Match[str]) -> tuple[int, int, int]:
    """The header's time of day; an hour of 24 or more, or minutes or seconds of 60 or more, when it
    is none (as `_clock_of`, which reads it on import, would refuse it)."""
    h, mi, sec, pre, post = m.group("h", "mi", "s", "pre", "post")
    hour = int(h)
    if (pre or post) and hour > 12:
        hour = 24
    elif pre == "오후" or (post and post[0] in "pP"):
        hour = hour % 12 + 12
    elif pre or post:
        hour %= 12
    return hour, int(mi), int(sec or 0)


def _time_range(
    days: dict[tuple[str, str, str], list[tuple[int, int, int]]], order: DateOrder
) -> tuple[datetime | None, datetime | None]:
    """The earliest and the latest time in the file (not its first and last lines: phones that
    changed clock or time zone write lines out of order)."""
    lo: datetime | None = None
    hi: datetime | None = None
    for raw, (first, last) in days.items():
        day = _day_key(*raw, order)
        if day is None:
            continue
        try:
            a = datetime(*day, *first)
            b = datetime(*day, *last)
        except ValueError:
            continue
        lo = a if lo is None or a < lo else lo
        hi = b if hi is None or b > hi else hi
    return lo, hi


def scan_export(path_or_source: ExportSource | Path) -> ChatPreview:
    """Read the whole export once (streamed) and describe it; writes nothing."""
    source = path_or_source if isinstance(path_or_source, ExportSource) else open_source(path_or_source)
    return _scan(source, None)[0]


def scan_head(path: Path, lines: int) -> tuple[ChatPreview, int | None]:
    """`scan_export` of the file's first blocks (at least `lines` lines, whole blocks), and the
    lines the whole file holds, estimated from their bytes; None when the head was the whole file
    (the preview is then the whole file's). The same errors as `scan_export` for a file that is
    no chat export: those are decided within its first lines."""
    source = open_source(path)
    preview, head_bytes = _scan(source, lines)
    if head_bytes is None:
        return preview, None
    estimate = preview.line_count * text_bytes(source) // max(head_bytes, 1)
    return preview, max(estimate, preview.line_count)


def _scan(source: ExportSource, head_lines: int | None) -> tuple[ChatPreview, int | None]:
    """The preview, of the whole file or (head_lines) of its first blocks; with head_lines, the
    bytes the blocks read held, or None when they were the whole file."""
    head_bytes = 0
    cut = False
    evidence = _OrderEvidence()
    senders: Counter[str] = Counter()
    languages: Counter[str] = Counter()
    ios = android = korean_ampm = latin_ampm = 0
    attachments = present = 0
    # Each date's earliest and latest time (dates are few; lines are many).
    days: dict[tuple[str, str, str], list[tuple[int, int, int]]] = {}
    probes = _LANGUAGE_PROBES
    group_notices = notices = 0
    line_count = 0
    # Whether a line may be unreadable (text before the first message, a time or date that is no
    # time, bytes that are not text): then the parse finds out which, as the import will.
    doubtful = False
    # A run of consecutive lines with the same header (the same minute) is counted once, at its end.
    run: re.Match[str] | None = None
    run_head = ""
    run_lines = 0

    def count_run() -> None:
        nonlocal ios, android, korean_ampm, latin_ampm
        assert run is not None
        evidence.feed(run, run_lines)
        if run.group("ios"):
            ios += run_lines
        else:
            android += run_lines
        if run.group("pre"):
            korean_ampm += run_lines
        elif run.group("post"):
            latin_ampm += run_lines

    with open_blocks(source) as blocks:
        for block in blocks:
            for m in _LINE_RE.finditer(block):
                head, rest = m.group("head", "rest")
                if head == run_head:
                    run_lines += 1
                else:
                    if run is None:
                        # Only text before the first chat line so far: give up after _SNIFF_LINES.
                        before = line_count + block.count("\n", 0, m.start())
                        if before >= _SNIFF_LINES:
                            break
                        doubtful = doubtful or before > 0
                    else:
                        count_run()
                    run, run_head, run_lines = m, head, 1
                    clock = _clock_key(m)
                    if clock[0] > 23 or clock[1] > 59 or clock[2] > 59:
                        doubtful = True
                    day: tuple[str, str, str] = m.group("d1", "d2", "d3")  # type: ignore[assignment]
                    span = days.get(day)
                    if span is None:
                        days[day] = [clock, clock]
                    elif clock < span[0]:
                        span[0] = clock
                    elif clock > span[1]:
                        span[1] = clock
                sender, body = split_sender(rest)
                if sender is not None:
                    senders[sender] += 1
                    body = body.lstrip(markers.MARKS)
                    # Android's marker ends with ")", iOS's has a "<": most lines have neither.
                    fm = (")" in body or "<" in body) and (
                        markers.ATTACHED_ANDROID_RE.match(body) or markers.ATTACHED_IOS_RE.search(body)
                    )
                    if fm:
                        attachments += 1
                        if PurePosixPath(fm.group("file").strip()).name in source.media:
                            present += 1
                elif markers.GROUP_NOTICE_RE.match(markers.strip_marks(body)):
                    group_notices += 1
                elif markers.is_encryption_notice(body):
                    notices += 1
                # Language from what WhatsApp itself wrote: system lines, placeholders, markers.
                if probes and _says_whatsapp(sender, body):
                    for language, words in _LANGUAGE_WORDS.items():
                        if words.search(body):
                            languages[language] += 1
                            probes -= 1
                            break
            else:
                line_count += block.count("\n") + (not block.endswith("\n"))
                doubtful = doubtful or "\ufffd" in block
                if run is None and line_count >= _SNIFF_LINES:
                    break
                if head_lines is not None:
                    head_bytes += len(block.encode(source.encoding))
                    if line_count >= head_lines and run is not None:
                        cut = True
                        break
                continue
            break  # no chat line in the first _SNIFF_LINES lines
    if run is not None:
        count_run()
    if evidence.lines == 0:
        raise NotAChatExport(ErrorCode.CHAT_EXPORT_NO_CHAT_LINES, source.path.name)
    order = evidence.decide()
    to_import = evidence.lines - notices
    unreadable_lines = 0
    if doubtful or any(not _valid_day(raw, order) for raw in days):
        # Some header lines may not be read: the messages are counted as the import will find them,
        # each person's too (a line that cannot be read is said apart, not in anyone's count).
        report = ParseReport()
        senders = Counter()
        to_import = 0
        for message in parse_messages(source, order, report):
            if not message.encryption_notice:
                to_import += 1
                if message.sender is not None:
                    senders[message.sender] += 1
        unreadable_lines = report.unreadable_lines
    first = tuple(_first_messages(source, order, 6))
    first_time, last_time = _time_range(days, order)
    if korean_ampm:
        language = "Korean"  # 오전/오후 in the header
    elif languages:
        language = languages.most_common(1)[0][0]
    else:
        language = ""  # no word WhatsApp wrote: dots or a year first say nothing of the language
    if language == "English":
        language = "English (US)" if order is DateOrder.MDY else "English (UK)"
    preview = ChatPreview(
        source=source,
        platform="iOS" if ios > android else "Android",
        language=language,
        clock="12-hour" if korean_ampm + latin_ampm > evidence.lines // 2 else "24-hour",
        date_order=order,
        participants=tuple(senders.most_common()),
        message_count=sum(senders.values()),
        system_lines=to_import + notices - sum(senders.values()),
        line_count=line_count,
        first_time=first_time,
        last_time=last_time,
        first_messages=first,
        attachments=attachments,
        attachments_present=present,
        group_notices=group_notices,
        to_import=to_import,
        unreadable_lines=unreadable_lines,
    )
    return preview, head_bytes if cut else None


def _valid_day(raw: tuple[str, str, str], order: DateOrder) -> bool:
    day = _day_key(*raw, order)
    if day is None:
        return False
    try:
        datetime(*day)
    except ValueError:
        return False
    return True


def _first_messages(source: ExportSource, order: DateOrder, n: int) -> Iterator[ParsedMessage]:
    shown = 0
    for message in parse_messages(source, order):
        if message.encryption_notice:
            continue
        yield message
        shown += 1
        if shown >= n:
            return
