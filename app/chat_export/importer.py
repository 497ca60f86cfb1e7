"""Writing a parsed export into the inbox: dedupe against what is there, batches, cancel, media.

Decision (issue 11), transactions: one transaction for a 200,000-line chat would hold the write
lock for many seconds, and the sync worker would wait behind it. So the import writes in batches
of about BATCH_ROWS messages, each its own short BEGIN IMMEDIATE transaction, and every row
carries the import's id in `payload.import.id`. The id is also recorded in the setting table
until the import finishes. Cancelling (or a crash, found by the next import) deletes every row
and every newly copied file of that id, so a cancelled import leaves nothing behind.

Decision, dedupe: an export has no message ids, and Android's times have no seconds. A message is
the same as one already stored when (contact, sent_at to the minute, direction, hash of the
normalised text) agree, counted as a multiset: three "ok" in one minute in the file and one
stored adds two. Media placeholders and attachments compare by their caption, so a live image
from the relay and the export's "<Media omitted>" for it are one message, and so are a photo with
its caption imported with media and the same chat's "<Media omitted>" and caption without.

Decision, order: Android exports have no seconds, so several messages share one timestamp. The
k-th message with the same local time gets k extra milliseconds (never visible, never leaving
its minute), so an older export that fills gaps later still sorts in the file's order.

Decision (issue 18), speed: each batch's transaction drops the per-row insert triggers (FTS and
the contact's last message) and stands in for them with set-based statements over the batch's new
rowid range, then re-creates them before commit, so a crash leaves no row without its FTS rows.
Rows are built before the write lock is taken, and in a different thread from the one that
writes: the importing thread parses and builds batch N+1 while a writer thread runs batch N's
transaction (SQLite lets go of the GIL while it steps), so on two free cores the import takes about
max(Python, SQLite) instead of their sum. An earlier attempt with the same overlap (the parse in
the second thread, fdd7903) was removed at load 2-12: with Python's 5 ms GIL switch interval the
writing side waited for the GIL after every SQLite call; the interval is now 0.2 ms while an import
runs, and the cyclic collector is held back (_import_pace). The rows go in as multi-row INSERTs
(one bind and one step per ROWS_PER_INSERT rows). A re-import of an export already imported whole,
into a chat that has lost nothing since, answers from what that import recorded.
An import given no preview reads the file once: it goes by a preview of the file's head and checks
it against what the parse gathered of the whole file at the end (_HeadMisled: undone, done again).

Measured (bench/import_rate.py, quiet machine, 2 cores): a 5,000-message batch holds the write lock
for ~75 ms (median; ~125 ms at most), so the sync worker waits at most that long.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import json
import logging
import queue
import sys
import threading
import time
import uuid
import zipfile
from collections import Counter
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import chain
from operator import attrgetter, itemgetter
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import text
from sqlalchemy.orm import Session

from app import thread_priority
from app.automations_store import shop_time_zone
from app.changes import Changes
from app.chat_export import media as media_files
from app.chat_export.contacts import (
    ContactMatch,
    contact_holding,
    match_contact,
    offset_in_chat,
    resolve_contact,
)
from app.chat_export.errors import ImportCancelled, NotAChatExport
from app.chat_export.groups import resolve_group_archive
from app.chat_export.parser import (
    ChatPreview,
    ExportFacts,
    ParsedMessage,
    ParseReport,
    UnreadableLine,
    parse_messages,
    scan_export,
    scan_head,
)
from app.conversation_rows import omitted_caption
from app.db import Database
from app.errors import ErrorCode, InvalidInput, NameParams, ValueParams
from app.first_page import UNFINISHED_IMPORT_KEY
from app.models import Contact, Direction, Media, MessageStatus
from app.schema_sql import CONTACT_TRIGGERS, FTS_INDEXED_TEXT, FTS_TRIGGERS
from app.settings import get_setting, put_setting
from app.text import bigram_texts, nfc

log = logging.getLogger(__name__)

# 5,000 rather than 2,000: each commit writes a new FTS5 segment of each table, and fewer, larger
# segments mean less merging; SQLite's part of a 200,000-line import 2.7 → 2.2 s of CPU, while a
# batch holds the write lock ~75 ms instead of ~35 ms (median, quiet machine; docs/PERFORMANCE.md).
BATCH_ROWS = 5000
# The first batch is smaller: the writer thread has nothing to do until it is built.
FIRST_BATCH_ROWS = 1000
# A cancel deletes in smaller steps: each deleted row also deletes its FTS entries one by one.
DELETE_ROWS = 2000
UNFINISHED_KEY = UNFINISHED_IMPORT_KEY  # start-up checks it with plain sqlite3 (app/first_page.py)
SENT_BY_PHONE = "phone_app"

# A row's values, bound for each message; the ones an import gives every row (contact, import id,
# not unread, imported) are written into the statement instead, since the writer thread binds with
# the GIL held. No value bound is None: sqlite3 binds None through its adapter look-ups, at 3-4 times
# the cost of a string (0.2-0.3 s for two per row of 177,777). So `sent_by` is bound as "" for NULL
# (nullif), and `sender_name`, kept for group archives only, is NULL in the statement otherwise.
_COLUMNS = ("direction", "kind", "body", "grams", "payload", "status", "sent_by", "sent_at")
_GROUP_COLUMNS = (*_COLUMNS, "sender_name")
_DIRECTION, _SENT_AT = _COLUMNS.index("direction"), _COLUMNS.index("sent_at")
_EXISTING_IN_RANGE = text(
    "SELECT sent_at, direction, body, json_extract(payload, '$.import.omitted'), sender_name "
    "FROM message WHERE contact_id = :c AND sent_at >= :lo AND sent_at < :hi"
)
# Rows a batch takes to the database at a time, as one multi-row INSERT each: binding a statement's
# values once and stepping it once costs a third less than executemany's bind-and-step per row.
# 500 rows of 9 values stay well below SQLite's default limit of 32,766 bound values. Tried: 100
# (fewer instructions for SQLite per row, and a cheaper compile after each batch's trigger DROP and
# CREATE), slower on a quiet machine: 54,500 against 60,500 lines/s, medians of 7 alternated pairs
# (docs/PERFORMANCE.md, the eighth pass): five times the statements, each a hand-over of the GIL.
ROWS_PER_INSERT = 500


@functools.lru_cache(maxsize=8)
def _insert_sql(rows: int, contact_id: int, import_id: str, group: bool) -> str:
    if not import_id.isalnum():  # a hex id of our own making; never text from the export
        raise ValueError(import_id)
    values = ["?"] * len(_COLUMNS)
    values[_COLUMNS.index("sent_by")] = "nullif(?, '')"
    one = f"({int(contact_id)}, '{import_id}', 0, 1, {', '.join(values)}, {'?' if group else 'NULL'})"
    columns = ", ".join(("contact_id", "import_id", "unread", "imported", *_GROUP_COLUMNS))
    return f"INSERT INTO message ({columns}) VALUES " + ", ".join([one] * rows)


def _insert_rows(
    s: Session, contact_id: int, import_id: str, group: bool, rows: list[tuple[Any, ...]]
) -> None:
    """Insert message rows with plain multi-row INSERTs (the ORM's bulk insert would issue one
    statement per row)."""
    cursor = s.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        for start in range(0, len(rows), ROWS_PER_INSERT):
            chunk = rows[start : start + ROWS_PER_INSERT]
            sql = _insert_sql(len(chunk), contact_id, import_id, group)
            cursor.execute(sql, list(chain.from_iterable(chunk)))
    finally:
        cursor.close()


@dataclass(slots=True)
class _Rows:
    """One batch made ready to write, before the write lock is taken."""

    messages: list[ParsedMessage]  # the batch's messages (the encryption notice left out)
    rows: list[tuple[Any, ...]]  # in _COLUMNS order (_GROUP_COLUMNS for a group), one per message
    stored: dict[int, media_files.StoredMedia]  # copied attachments by line number
    lo: int  # the batch's first and last minute, in ms (dedupe looks there)
    hi: int
    media: bool  # any attachment line
    lines: int  # lines of the file read when the batch was cut (progress)


FTS_INSERT_TRIGGER = "message_fts_ai"
# What that trigger indexes of each row, for the rows of a batch at once.
_INDEXED = FTS_INDEXED_TEXT.format(row="message")
CONTACT_INSERT_TRIGGER = "message_contact_ai"
DONE_KEY = "chat_import.done"
_OUT, _IN = str(Direction.OUT), str(Direction.IN)
_EPOCH = datetime(1970, 1, 1)  # naive: a local time less its UTC offset, from here, is UTC
_MILLISECOND = timedelta(milliseconds=1)
_NO_OFFSET = timedelta(0)
_SENT, _RECEIVED = str(MessageStatus.SENT), str(MessageStatus.RECEIVED)


def _squash(sql: str) -> str:
    return " ".join(sql.split())


def _known_trigger(db: Database, name: str, definitions: tuple[str, ...]) -> str | None:
    """The stored trigger's SQL when it is the one we know how to stand in for, else None."""
    with db.read() as s:
        stored = s.execute(
            text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"), {"n": name}
        ).scalar()
    expected = next((t for t in definitions if f" {name} " in t), None)
    if stored and expected and _squash(stored) == _squash(expected):
        return str(stored)
    return None


def _known_fts_trigger(db: Database) -> str | None:
    return _known_trigger(db, FTS_INSERT_TRIGGER, FTS_TRIGGERS)


Progress = Callable[[int, int], None]  # lines read so far, lines in the file

# Imports running in this process: never discarded as "unfinished" by a second import.
_running: set[str] = set()
_running_lock = threading.Lock()


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """What the owner chose in the preview."""

    path: Path
    shop_participant: str  # the participant who is the shop; the other one is the customer
    time_zone: str  # IANA name of the phone's time zone when the chat happened (the shop's)
    contact_id: int | None = None  # an existing contact picked by the owner
    new_contact: bool = False  # the owner chose "a new contact" over same-named ones
    phone: str | None = None  # the customer's number, when the export only shows a name
    region: str = "KR"


@dataclass(frozen=True, slots=True)
class ImportSummary:
    contact_id: int
    added: int
    already_there: int
    notices_skipped: int  # the encryption notice at the top of each export
    media_copied: int
    media_missing: int  # attachment lines whose file was not in the export
    lines: int
    unreadable: tuple[UnreadableLine, ...]
    unreadable_count: int
    unreadable_lines: int = 0  # the file's lines in those entries (a header and its continuation lines)


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise InvalidInput(code=ErrorCode.TIME_ZONE_UNKNOWN, params=ValueParams(name)) from exc


def dedupe_text(body: str) -> str:
    return " ".join(nfc(body).replace("\u200e", "").split())


def dedupe_key(minute: int, direction: str, body: str, sender: str | None = None) -> tuple[int, str, bytes]:
    text = dedupe_text(body) if sender is None else f"{sender}\x00{dedupe_text(body)}"
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return (minute, direction, digest)


def _key_body(m: ParsedMessage) -> str:
    return omitted_caption(m.body) if m.media_omitted else m.body


# --------------------------------------------------------------------------- unfinished imports


def _unfinished(session: Session) -> dict[str, Any]:
    value = get_setting(session, UNFINISHED_KEY) or {}
    return dict(value) if isinstance(value, dict) else {}


def _delete_import_rows(db: Database, import_id: str, after_id: int = 0) -> int:
    """Delete an import's messages in short transactions; returns how many.

    Its rows all have ids above `after_id` (the highest id before its first batch, recorded with
    that batch), so the walk reads only the rows written since it began, in id order: no index
    on the import's id is needed, and no row is read twice.
    """
    removed = 0
    while True:
        with db.write() as s:
            ids = (
                s.execute(
                    text(
                        "SELECT id FROM message WHERE id > :after AND import_id = :iid ORDER BY id LIMIT :n"
                    ),
                    {"after": after_id, "iid": import_id, "n": DELETE_ROWS},
                )
                .scalars()
                .all()
            )
            if not ids:
                return removed
            s.execute(text("DELETE FROM message WHERE id IN (SELECT value FROM json_each(:ids))"),
                      {"ids": "[" + ",".join(map(str, ids)) + "]"})  # fmt: skip
            removed += len(ids)
            after_id = ids[-1]


def _forget(db: Database, import_id: str, created_contact: int | None) -> None:
    with db.write() as s:
        if created_contact is not None:
            left = s.execute(
                text("SELECT count(*) FROM message WHERE contact_id = :c"), {"c": created_contact}
            ).scalar_one()
            if not left:
                contact = s.get(Contact, created_contact)
                if contact is not None:
                    s.delete(contact)
        pending = _unfinished(s)
        pending.pop(import_id, None)
        put_setting(s, UNFINISHED_KEY, pending)


def unfinished_import_exports(db: Database) -> list[Path]:
    """The exports whose imports a crash or a power cut stopped part-way (before
    `discard_unfinished_imports` removes what they wrote): the start tells the owner, who believed
    them imported. An import recorded by an older version, without its export, is not listed."""
    with db.read() as s:
        pending = _unfinished(s)
    with _running_lock:
        running = set(_running)
    found: list[Path] = []
    for import_id, info in pending.items():
        export = info.get("export") if isinstance(info, dict) else None
        if import_id not in running and isinstance(export, str) and export:
            found.append(Path(export))
    return found


def discard_unfinished_imports(db: Database) -> int:
    """Remove what an interrupted import (crash, killed app) left behind; returns messages removed."""
    with db.read() as s:
        pending = _unfinished(s)
    removed = 0
    for import_id, info in pending.items():
        with _running_lock:
            if import_id in _running:
                continue
        log.info("removing unfinished chat import %s", import_id)
        after = info.get("after_id") if isinstance(info, dict) else None
        removed += _delete_import_rows(db, import_id, after if isinstance(after, int) else 0)
        created = info.get("created_contact") if isinstance(info, dict) else None
        _forget(db, import_id, created if isinstance(created, int) else None)
    return removed


# --------------------------------------------------------------------------- imports already done

# Finished imports remembered for the re-import shortcut (the newest are kept).
DONE_KEPT = 50


def export_fingerprint(request: ImportRequest) -> str | None:
    """A digest of the export's bytes and of the owner's choices that decide where its lines go.

    Reading the bytes costs about what reading the lines does (0.03 s for 13 MB); parsing them
    costs fifty times more. None for "a new contact", which must create one every time.
    """
    if request.new_contact:
        return None
    digest = hashlib.blake2b(digest_size=16)
    try:
        with request.path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return None  # scan_export says why, in its own words
    choices = [request.shop_participant, request.time_zone, request.contact_id, request.phone, request.region]
    digest.update(json.dumps(choices).encode())
    return digest.hexdigest()


def _chat_unchanged_since(session: Session, done: dict[str, Any]) -> bool:
    """True when every message the chat had when that import ended is still in it."""
    contact_id, max_id, count = done.get("contact_id"), done.get("max_id"), done.get("messages")
    if not (isinstance(contact_id, int) and isinstance(max_id, int) and isinstance(count, int)):
        return False
    now = session.execute(
        text("SELECT count(*) FROM message WHERE contact_id = :c AND id <= :m"),
        {"c": contact_id, "m": max_id},
    ).scalar_one()
    return int(now) == count


def _already_imported(db: Database, fingerprint: str) -> ImportSummary | None:
    """The summary of a re-import of an export that was imported whole into a chat that has lost
    nothing since: every line of it is there, so nothing is parsed, hashed or written."""
    with db.read() as s:
        done = (get_setting(s, DONE_KEY) or {}).get(fingerprint)
        if not isinstance(done, dict) or not _chat_unchanged_since(s, done):
            return None
    return ImportSummary(
        contact_id=int(done["contact_id"]),
        added=0,
        already_there=int(done.get("in_file", 0)),
        notices_skipped=int(done.get("notices", 0)),
        media_copied=0,
        media_missing=0,
        lines=int(done.get("lines", 0)),
        unreadable=tuple(UnreadableLine(*u) for u in done.get("unreadable", ())),
        unreadable_count=int(done.get("unreadable_count", 0)),
        unreadable_lines=int(done.get("unreadable_lines") or done.get("unreadable_count") or 0),
    )


def _remember(db: Database, fingerprint: str, summary: ImportSummary) -> None:
    with db.write() as s:
        max_id, count = s.execute(
            text("SELECT coalesce(max(id), 0), count(*) FROM message WHERE contact_id = :c"),
            {"c": summary.contact_id},
        ).one()
        done = dict(get_setting(s, DONE_KEY) or {})
        done.pop(fingerprint, None)
        done[fingerprint] = {
            "contact_id": summary.contact_id,
            "max_id": int(max_id),
            "messages": int(count),
            "in_file": summary.added + summary.already_there,
            "notices": summary.notices_skipped,
            "lines": summary.lines,
            "unreadable": [[u.line_no, u.text, u.lines, u.in_message] for u in summary.unreadable],
            "unreadable_count": summary.unreadable_count,
            "unreadable_lines": summary.unreadable_lines,
        }
        put_setting(s, DONE_KEY, dict(list(done.items())[-DONE_KEPT:]))


# --------------------------------------------------------------------------- the import


def _batches(messages: Iterator[ParsedMessage], size: int, first: int) -> Iterator[list[ParsedMessage]]:
    """Lists of about `size` messages (the first of about `first`, when that is fewer), cut only
    where the minute changes (dedupe keys never straddle)."""
    batch: list[ParsedMessage] = []
    limit = min(first, size)
    for m in messages:
        if len(batch) >= limit and m.local_time.replace(second=0) != batch[-1].local_time.replace(second=0):
            yield batch
            batch, limit = [], size
        batch.append(m)
    if batch:
        yield batch


_sender_of = attrgetter("sender")

# An import given no preview reads the file once: what it needs of the whole file (the date order,
# who wrote, whether it is a group) is guessed from about this many lines at its head, gathered
# again while the messages are parsed, and checked at the end (_HeadMisled). Rarely wrong: a
# group's notice or a third member only late in the file, a date order the head cannot tell.
HEAD_LINES = 2000


class _HeadMisled(Exception):
    """The whole file says otherwise than its head did: the import is undone and done again with
    the whole file's preview."""


def _preview_or_guess(request: ImportRequest) -> tuple[ChatPreview, ExportFacts | None, int]:
    """The preview an import without one goes by, the facts to gather to check it (None when it is
    the whole file's), and the lines the file is thought to hold (progress)."""
    head, estimate = scan_head(request.path, HEAD_LINES)
    if estimate is None:
        return head, None, head.line_count
    names = {name for name, _ in head.participants}
    if head.is_group or len(names) != 2 or request.shop_participant not in names:
        # A group's members, or a chat whose head lacks the shop or the customer: the whole file decides.
        whole = scan_export(head.source)
        return whole, None, whole.line_count
    return head, ExportFacts(), estimate


class _Importer:
    def __init__(
        self,
        db: Database,
        media_dir: Path,
        request: ImportRequest,
        preview: ChatPreview,
        facts: ExportFacts | None = None,
        lines_total: int | None = None,
    ) -> None:
        self.db = db
        self.media_dir = media_dir
        self.request = request
        self.preview = preview
        self.facts = facts  # gathered while parsing, when the preview is a guess from the head
        self.lines_total = preview.line_count if lines_total is None else lines_total
        self.zone = _zone(request.time_zone)
        self.import_id = uuid.uuid4().hex[:16]
        self.plain_payload = json.dumps({"import": {"id": self.import_id}})
        self.report = ParseReport()
        self.created_files: list[Path] = []
        self.added = self.already = self.notices = self.copied = self.missing = 0
        self._last_local: datetime | None = None
        self.fts_trigger_sql = _known_fts_trigger(db)
        self.contact_trigger_sql = _known_trigger(db, CONTACT_INSERT_TRIGGER, CONTACT_TRIGGERS)
        self._same_time = 0
        self._last_ms = 0
        self.after_id: int | None = None  # the highest message id before the first batch
        # Group archives keep who wrote each message; the dedupe key includes it.
        self.group = preview.is_group

    def check_guess(self) -> None:
        """Raise _HeadMisled when the whole file, now read, is not what its head said: other
        senders, a group notice, or another date order."""
        facts = self.facts
        if facts is None:
            return
        names = {name for name, _ in self.preview.participants}
        if facts.senders() != names or facts.group_notice or facts.date_order() != self.preview.date_order:
            raise _HeadMisled()

    def copy_media(
        self, zf: zipfile.ZipFile | None, batch: list[ParsedMessage]
    ) -> dict[int, media_files.StoredMedia]:
        """Copy the batch's attachments before its transaction, so the write lock is never held for I/O."""
        stored: dict[int, media_files.StoredMedia] = {}
        for m in batch:
            if m.attachment is None:
                continue
            member = self.preview.source.media.get(m.attachment)
            if zf is None or member is None:
                continue
            try:
                item = media_files.store_member(zf, member, self.media_dir)
            except (OSError, ValueError, zipfile.BadZipFile) as exc:
                log.warning("could not copy %s from the export: %s", member, exc)
                continue
            if item.created:
                self.created_files.append(self.media_dir / item.cache_path)
            stored[m.line_no] = item
        return stored

    def prepare(self, batch: list[ParsedMessage], zf: zipfile.ZipFile | None, lines: int) -> _Rows:
        """A batch made ready to write: times, directions, rows (bigrams, payloads), media copied.

        Done before the batch's transaction, so none of it is under the write lock.
        """
        messages = [m for m in batch if not m.encryption_notice]
        self.notices += len(batch) - len(messages)
        if not messages:
            return _Rows([], [], {}, 0, 0, False, lines)
        rows, media = self.rows(messages)
        lo = min(map(itemgetter(_SENT_AT), rows)) // 60_000 * 60_000
        hi = (max(map(itemgetter(_SENT_AT), rows)) // 60_000 + 1) * 60_000
        stored = self.copy_media(zf, messages) if media else {}
        return _Rows(messages, rows, stored, lo, hi, media, lines)

    def write_batch(self, contact_id: int, batch: _Rows) -> None:
        if not batch.messages:
            return
        in_range = {"c": contact_id, "lo": batch.lo, "hi": batch.hi}
        with self.db.write() as s:
            existing: Counter[tuple[int, str, bytes]] = Counter()
            for sent_ms, direction, body, omitted, sender in s.execute(_EXISTING_IN_RANGE, in_range):
                key = dedupe_key(
                    sent_ms // 60_000,
                    direction,
                    omitted_caption(body or "") if omitted else body,
                    sender if self.group else None,
                )
                existing[key] += 1
            first_new_id = self.pause_triggers(s)
            if self.after_id is None:
                self.remember_start(s, first_new_id)
            if not existing and not batch.media:
                # The usual batch: plain SQL, all rows at once (the ORM's bulk insert would
                # issue a statement per row).
                _insert_rows(s, contact_id, self.import_id, self.group, batch.rows)
                self.added += len(batch.rows)
            else:
                self.insert_new(s, contact_id, batch.messages, batch.rows, existing, batch.stored)
            self.resume_triggers(s, first_new_id, contact_id)

    def insert_new(
        self,
        s: Session,
        contact_id: int,
        messages: list[ParsedMessage],
        built: list[tuple[Any, ...]],
        existing: Counter[tuple[int, str, bytes]],
        stored: dict[int, media_files.StoredMedia],
    ) -> None:
        """Insert the rows dedupe keeps (counted as a multiset per minute), media rows with theirs."""
        seen: Counter[tuple[int, str, bytes]] = Counter()
        plain: list[tuple[Any, ...]] = []
        for m, row in zip(messages, built, strict=True):
            if existing:
                sender = m.sender if self.group else None
                key = dedupe_key(row[_SENT_AT] // 60_000, row[_DIRECTION], _key_body(m), sender)
                seen[key] += 1
                if seen[key] <= existing[key]:
                    self.already += 1
                    continue
            self.added += 1
            if m.attachment is None:
                plain.append(row)
                continue
            # lastrowid: the desktop's database is SQLite, whose cursor names the one row just inserted.
            message_id = (
                s.connection()
                .exec_driver_sql(_insert_sql(1, contact_id, self.import_id, self.group), row)
                .lastrowid
            )
            self.add_media(s, message_id, m, stored.get(m.line_no))
        if plain:
            _insert_rows(s, contact_id, self.import_id, self.group, plain)

    def remember_start(self, s: Session, before_id: int | None) -> None:
        """Record, with the first batch, the highest message id before it: SQLite gives each new
        row the highest id + 1, so this import's rows lie above it, where a cancel or the next
        start looks for them."""
        if before_id is None:
            before_id = int(s.execute(text("SELECT coalesce(max(id), 0) FROM message")).scalar_one())
        self.after_id = before_id
        pending = _unfinished(s)
        pending.setdefault(self.import_id, {})["after_id"] = before_id
        put_setting(s, UNFINISHED_KEY, pending)

    def pause_triggers(self, s: Session) -> int | None:
        """Stand in for the per-row insert triggers with a few set-based statements per batch.

        The FTS trigger (two FTS inserts a row) and the contact trigger (an UPDATE of the contact a
        row) are dropped and re-created inside this BEGIN IMMEDIATE transaction: no other writer
        can run meanwhile, readers only ever see the schema with the triggers, and a crash rolls
        the drop back with the rows. Used only when the stored trigger is exactly the one
        app/schema_sql.py defines, so the statements in resume_triggers do exactly what it would.
        Returns the highest message id before the batch.
        """
        if self.fts_trigger_sql is None and self.contact_trigger_sql is None:
            return None
        if self.fts_trigger_sql is not None:
            s.execute(text(f"DROP TRIGGER {FTS_INSERT_TRIGGER}"))
        if self.contact_trigger_sql is not None:
            s.execute(text(f"DROP TRIGGER {CONTACT_INSERT_TRIGGER}"))
        return int(s.execute(text("SELECT coalesce(max(id), 0) FROM message")).scalar_one())

    def resume_triggers(self, s: Session, after_id: int | None, contact_id: int) -> None:
        if after_id is None:
            return
        if self.fts_trigger_sql is not None:
            s.execute(
                text(f"INSERT INTO message_fts(rowid, body) SELECT id, {_INDEXED} FROM message "
                     "WHERE id > :lo"),
                {"lo": after_id},
            )  # fmt: skip
            s.execute(
                text("INSERT INTO message_bigram(rowid, grams) SELECT id, grams FROM message WHERE id > :lo"),
                {"lo": after_id},
            )
            s.execute(text(self.fts_trigger_sql))
        if self.contact_trigger_sql is not None:
            # What the trigger leaves after its row-by-row updates: the newest row (the later id
            # among equal times) becomes the last message when it is not older than the current one.
            # The unread count stays: every row an import writes is read (_insert_sql's literal 0),
            # and the trigger adds each row's `unread`. `+contact_id` keeps SQLite on the batch's
            # rowid range: through the index on (contact_id, …) it walked the whole chat each batch.
            s.execute(
                text(
                    "UPDATE contact SET "
                    "last_message_id = CASE WHEN last_message_at IS NULL OR n.sent_at >= last_message_at "
                    "  THEN n.id ELSE last_message_id END, "
                    "last_message_at = CASE WHEN last_message_at IS NULL OR n.sent_at >= last_message_at "
                    "  THEN n.sent_at ELSE last_message_at END "
                    "FROM (SELECT id, sent_at FROM message WHERE id > :lo AND +contact_id = :c "
                    "      ORDER BY sent_at DESC, id DESC LIMIT 1) AS n "
                    "WHERE contact.id = :c"
                ),
                {"lo": after_id, "c": contact_id},
            )
            s.execute(text(self.contact_trigger_sql))

    def rows(self, messages: list[ParsedMessage]) -> tuple[list[tuple[Any, ...]], bool]:
        """Tuples in _COLUMNS order (_GROUP_COLUMNS for a group archive), ready to bind (no per-row
        dict to unpack), and whether any message has an attachment. One loop: it runs once for
        every message of an import."""
        grams = bigram_texts([m.body for m in messages])
        out: list[tuple[Any, ...]] = []
        append = out.append
        group, plain, zone = self.group, self.plain_payload, self.zone
        # "" (a group archive without the shop in it): no sender is the shop, system lines neither.
        shop: object = self.request.shop_participant or object()
        media = False
        # Rows are ordered by sent_at, then id: the k-th message with the same local time gets k
        # more milliseconds (at most 999), so an older export that fills gaps later still sorts in
        # the file's order. The UTC time is worked out once per distinct local time.
        last_local, same, last_ms = self._last_local, self._same_time, self._last_ms
        for m, gram_text in zip(messages, grams, strict=True):
            local = m.local_time
            if local == last_local:
                if same < 999:
                    same += 1
            else:
                last_local, same = local, 0
                # = round(local.replace(tzinfo=zone).timestamp() * 1000), in integers: a third of the
                # time (0.14 -> 0.04 s for the bench's 74,000 minutes); the same offset (fold 0).
                last_ms = (local - (zone.utcoffset(local) or _NO_OFFSET) - _EPOCH) // _MILLISECOND
            sender = m.sender
            # Most rows carry only the import's id: that payload is encoded once, not per row.
            if m.media_omitted or m.deleted or m.edited or m.attachment is not None:
                payload = self.payload(m)
                media = media or m.attachment is not None
            else:
                payload = plain
            if sender == shop:
                row = (_OUT, m.kind, m.body, gram_text, payload, _SENT, SENT_BY_PHONE, last_ms + same)
            else:
                row = (_IN, m.kind, m.body, gram_text, payload, _RECEIVED, "", last_ms + same)  # "": NULL
            append((*row, sender) if group else row)
        self._last_local, self._same_time, self._last_ms = last_local, same, last_ms
        return out, media

    def payload(self, m: ParsedMessage) -> str:
        meta: dict[str, Any] = {"id": self.import_id}
        if m.media_omitted:
            meta["omitted"] = True
        if m.deleted:
            meta["deleted"] = True
        if m.edited:
            meta["edited"] = True
        if m.attachment is not None:
            meta["file"] = m.attachment
        return json.dumps({"import": meta}, ensure_ascii=False)

    def add_media(
        self, s: Session, message_id: int, m: ParsedMessage, item: media_files.StoredMedia | None
    ) -> None:
        assert m.attachment is not None
        if item is None:
            if not m.media_omitted:  # an omitted document's name is all the export ever had
                self.missing += 1
            name = media_files.sanitise_filename(m.attachment)
            s.add(Media(message_id=message_id, mime=media_files.mime_for(name), filename=name))
            return
        self.copied += 1
        s.add(
            Media(
                message_id=message_id,
                mime=item.mime,
                filename=item.filename,
                size=item.size,
                sha256=item.sha256,
                cache_path=item.cache_path,
            )
        )


def import_chat(
    db: Database,
    media_dir: Path,
    request: ImportRequest,
    *,
    preview: ChatPreview | None = None,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    times: ThreadTimes | None = None,
) -> ImportSummary:
    """Import one exported chat. Raises NotAChatExport, AmbiguousContact, InvalidInput or
    ImportCancelled (after removing everything this import wrote).

    Re-importing an export already imported whole, into a chat that has lost nothing since,
    answers from what that import recorded (issue 18: ≤ 1 s for 200,000 lines); any other file,
    or a chat with messages removed since, goes through the dedupe below.
    """
    fingerprint = export_fingerprint(request)
    if fingerprint is not None:
        known = _already_imported(db, fingerprint)
        if known is not None:
            if progress is not None:
                progress(known.lines, max(known.lines, 1))
            return known
    facts: ExportFacts | None = None
    lines_total: int | None = None
    if preview is None:
        # No preview (the window always has one): one pass, on a guess from the file's head.
        preview, facts, lines_total = _preview_or_guess(request)
    try:
        summary = _import(db, media_dir, request, preview, facts, lines_total, progress, cancel, times)
    except _HeadMisled:
        log.info("chat import: the export's head misled its guess; importing again from a full scan")
        whole = scan_export(preview.source)
        summary = _import(db, media_dir, request, whole, None, None, progress, cancel, times)
    if fingerprint is not None:
        _remember(db, fingerprint, summary)
    return summary


def _import(
    db: Database,
    media_dir: Path,
    request: ImportRequest,
    preview: ChatPreview,
    facts: ExportFacts | None,
    lines_total: int | None,
    progress: Progress | None,
    cancel: threading.Event | None,
    times: ThreadTimes | None,
) -> ImportSummary:
    names = [name for name, _ in preview.participants]
    # A group's shop participant is optional (the owner may not be in it); "" means none.
    if preview.is_group and request.shop_participant and request.shop_participant not in names:
        raise InvalidInput(code=ErrorCode.CHAT_NOT_A_PARTICIPANT, params=NameParams(request.shop_participant))
    if not preview.is_group and request.shop_participant not in names and len(names) > 1:
        raise InvalidInput(code=ErrorCode.CHAT_NOT_A_PARTICIPANT, params=NameParams(request.shop_participant))
    others = [n for n in names if n != request.shop_participant]
    customer = others[0] if others else preview.title
    job = _Importer(db, media_dir, request, preview, facts, lines_total)
    with _running_lock:
        _running.add(job.import_id)
    try:
        discard_unfinished_imports(db)
        with db.write() as s:
            if preview.is_group:
                contact, created = resolve_group_archive(s, preview.title, names, request.region)
            else:
                contact, created = resolve_contact(
                    s,
                    customer,
                    contact_id=request.contact_id,
                    new_contact=request.new_contact,
                    phone=request.phone,
                    region=request.region,
                )
            pending = _unfinished(s)
            # The export's path: the next start names the import a crash cut short, and offers it again.
            pending[job.import_id] = {
                "created_contact": contact.id if created else None,
                "export": str(request.path),
            }
            put_setting(s, UNFINISHED_KEY, pending)
            contact_id = contact.id
        try:
            _run(job, contact_id, progress, cancel, times)
        except BaseException:
            log.info("chat import %s stopped; removing what it wrote", job.import_id)
            if job.after_id is not None:  # else no batch was written
                _delete_import_rows(db, job.import_id, job.after_id)
            for path in job.created_files:
                path.unlink(missing_ok=True)
            _forget(db, job.import_id, contact_id if created else None)
            raise
        _forget(db, job.import_id, None)
    finally:
        with _running_lock:
            _running.discard(job.import_id)
    report = job.report
    return ImportSummary(
        contact_id=contact_id,
        added=job.added,
        already_there=job.already,
        notices_skipped=job.notices,
        media_copied=job.copied,
        media_missing=job.missing,
        lines=report.lines,
        unreadable=tuple(report.unreadable),
        unreadable_count=report.unreadable_count,
        unreadable_lines=report.unreadable_lines,
    )


@dataclass(slots=True)
class ThreadTimes:
    """Where an import's time went in its writer thread, and what the importing thread (which
    parses and builds the batches; its CPU is `time.thread_time()` around `import_chat`) waited
    for it. On free cores the import takes about the larger of the two threads' CPU times plus
    the time that thread waited for the other (bench/import_rate.py prints them)."""

    building_waited: float = 0.0  # the importing thread, waiting for the batch before to be written
    writing_cpu: float = 0.0  # the writer thread: dedupe reads, inserts, FTS fill, commits
    writing_waited: float = 0.0  # the writer thread, waiting for the next batch to be built
    batches: int = 0  # batches written


_END = object()

# While an import's two threads run, the GIL changes hands every 0.2 ms instead of Python's 5 ms:
# each time one of the writer's SQLite calls returns, the writer needs the GIL back from the
# importing thread (busy in Python), and with 5 ms it waited for it 1.3-2.0 s over 200,000 lines
# (the importing thread then waited as long for the batch to be written); with 0.2 ms, 0.3-0.8 s.
SWITCH_INTERVAL = 0.0002
# And the cyclic collector's youngest generation is collected after this many new containers, not
# Python's 700: an import makes a tuple per row and a message per line that live until their batch
# is written and hold no cycles, so at 700 the collector ran ~370 times an import (and ~37 times
# over older generations) to free nothing: 0.17-0.25 s of the importing thread's 3.2-3.5 s for
# 200,000 lines (timed with gc.callbacks). An import's batches in hand stay below this, so the
# collector waits for the import's end, where the threshold is put back.
COLLECT_AFTER = 100_000
_held: dict[str, Any] = {"imports": 0, "switch": 0.0, "thresholds": (700, 10, 10)}


@contextlib.contextmanager
def _import_pace() -> Iterator[None]:
    """The process's GIL switch interval and collector threshold as an import wants them
    (process-wide: set by the first running import, put back by the last)."""
    with _running_lock:
        if _held["imports"] == 0:
            _held["switch"] = sys.getswitchinterval()
            _held["thresholds"] = gc.get_threshold()
            sys.setswitchinterval(min(SWITCH_INTERVAL, _held["switch"]))
            first, *older = _held["thresholds"]
            if first:  # 0: the collector is off, and stays off
                gc.set_threshold(max(first, COLLECT_AFTER), *older)
        _held["imports"] += 1
    try:
        yield
    finally:
        with _running_lock:
            _held["imports"] -= 1
            if _held["imports"] == 0:
                sys.setswitchinterval(_held["switch"])
                gc.set_threshold(*_held["thresholds"])


# Batches handed to the writer thread and not yet written, at most. With one, each thread waited for
# the other whenever one batch took longer on one side (an FTS merge in a commit, a batch of long
# messages): 0.4-0.6 s each over 200,000 lines with the two sides balanced. A second absorbs that,
# for one batch more in memory.
BATCHES_AHEAD = 2


class _Writer:
    """The thread that writes an import's batches, each in its own transaction, while the importing
    thread builds the next ones: SQLite lets go of the GIL while it steps (the FTS `INSERT … SELECT`
    is one long step), so on two free cores the parse and the bigram text overlap the SQLite work.

    At most BATCHES_AHEAD batches are handed over and unwritten, so memory stays bounded by the
    batch size. Only this thread touches the database until it is joined; an error in it is raised
    in the importing thread at the next hand-off. Once the importing thread stops (a cancel, an
    error, a crash of the caller), batches not yet begun are dropped: the import stops after the
    batch being written.
    """

    def __init__(self, job: _Importer, contact_id: int, cancel: threading.Event | None) -> None:
        self.job, self.contact_id, self.cancel = job, contact_id, cancel
        self.handoff: queue.Queue[object] = queue.Queue()  # bounded by wait_written
        self.state = threading.Condition()
        self.handed = self.done = 0  # batches handed over, and taken off the hand-off (written or dropped)
        self.stopped = False
        self.failure: BaseException | None = None
        self.written_lines = self.batches = 0
        self.cpu = self.waited = 0.0
        self.lowered = thread_priority.is_lowered()  # an import from the window runs below it
        self.thread = threading.Thread(target=self._write_all, name="chat-import-writer", daemon=True)
        self.thread.start()

    def _write_all(self) -> None:
        if self.lowered:
            thread_priority.keep_lowered()
        started = time.thread_time()
        try:
            while True:
                waiting = time.perf_counter()
                batch = self.handoff.get()
                self.waited += time.perf_counter() - waiting
                if batch is _END:
                    return
                assert isinstance(batch, _Rows)
                try:
                    if not (self.stopped or self.failure is not None or self._cancelled()):
                        self.job.write_batch(self.contact_id, batch)
                        self.written_lines = batch.lines
                        self.batches += 1
                except BaseException as exc:  # raised again in the importing thread
                    self.failure = exc
                finally:
                    with self.state:
                        self.done += 1
                        self.state.notify()
        finally:
            self.cpu = time.thread_time() - started

    def _cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    def wait_written(self) -> float:
        """Wait until another batch may be handed over (raising the writer's error); returns the
        seconds waited."""
        waiting = time.perf_counter()
        with self.state:
            while self.handed - self.done >= BATCHES_AHEAD:
                self.state.wait()
        waited = time.perf_counter() - waiting
        if self.failure is not None:
            raise self.failure
        return waited

    def hand_over(self, batch: _Rows) -> None:
        self.handed += 1
        self.handoff.put(batch)

    def stop(self) -> None:
        """Write no batch that is not begun yet."""
        self.stopped = True

    def finish(self) -> float:
        """Write what was handed over (unless stopped), end the thread (also after an error in the
        importing thread); returns the seconds waited. The caller raises `failure` when there is one."""
        waiting = time.perf_counter()
        self.handoff.put(_END)
        self.thread.join()
        return time.perf_counter() - waiting


def _run(
    job: _Importer,
    contact_id: int,
    progress: Progress | None,
    cancel: threading.Event | None,
    times: ThreadTimes | None = None,
) -> None:
    """Build batches in this thread while the writer thread writes the ones before (issue 18)."""
    source = job.preview.source
    total = max(job.lines_total, 1)
    zf = zipfile.ZipFile(source.path) if source.is_zip else None
    try:
        with _import_pace():
            writer = _Writer(job, contact_id, cancel)
            waited = 0.0
            ready = _prepared(job, zf)
            try:
                for batch in ready:
                    waited += writer.wait_written()
                    if progress is not None and writer.written_lines:
                        progress(min(writer.written_lines, total), total)
                    if cancel is not None and cancel.is_set():
                        raise ImportCancelled()
                    writer.hand_over(batch)
                if job.facts is not None:  # the preview was a guess from the head: check it
                    job.check_guess()
                    total = max(job.report.lines, 1)
            except BaseException:
                writer.stop()  # a cancel or an error: the batch being written is the last
                raise
            finally:
                ready.close()
                waited += writer.finish()  # after an error here too: cleanup must not race it
                if times is not None:
                    times.building_waited += waited
                    times.writing_cpu += writer.cpu
                    times.writing_waited += writer.waited
                    times.batches += writer.batches
        if writer.failure is not None:
            raise writer.failure
        if progress is not None and writer.written_lines:
            progress(min(writer.written_lines, total), total)
        if cancel is not None and cancel.is_set():
            raise ImportCancelled()
    except zipfile.BadZipFile as exc:
        raise NotAChatExport(ErrorCode.CHAT_EXPORT_DAMAGED, source.path.name, str(exc)) from exc
    finally:
        if zf is not None:
            zf.close()


def _prepared(job: _Importer, zf: zipfile.ZipFile | None) -> Generator[_Rows, None, None]:
    facts = job.facts
    messages = parse_messages(job.preview.source, job.preview.date_order, job.report, facts)
    try:
        for batch in _batches(messages, BATCH_ROWS, FIRST_BATCH_ROWS):
            if facts is not None:
                facts.names.update(map(_sender_of, batch))
            yield job.prepare(batch, zf, job.report.lines)
    finally:
        messages.close()


@dataclass(frozen=True, slots=True)
class ImportContext:
    """What the import preview needs from the inbox: who the export's people may be, the shop's name
    (to preselect the shop's participant) and the shop's time zone."""

    matches: dict[str, ContactMatch]
    shop_name: str
    time_zone: str | None
    # A participant matched by name → the one of those contacts whose chat already has the export's
    # opening messages (`contact_holding`): the same chat again, safe to preselect.
    holding: dict[str, int] = field(default_factory=dict)
    # A participant whose contact's chat has those messages already → minutes their times in the
    # export are ahead of UTC there (`offset_in_chat`): the zone to import with again.
    offsets: dict[str, int] = field(default_factory=dict)


def import_context(
    db: Database, names: Sequence[str], region: str, opening: Sequence[ParsedMessage] = ()
) -> ImportContext:
    """`opening`: the export's first messages (the preview's), to recognise a chat imported before."""
    from app.automations_store import load_state

    said = [m for m in opening if m.sender is not None and not (m.media_omitted or m.deleted)]
    texts = [m.body for m in said]
    with db.read() as session:
        matches = {name: match_contact(session, name, region) for name in names}
        holding = {
            name: found
            for name, match in matches.items()
            if match.by == "name" and (found := contact_holding(session, match.choices, texts)) is not None
        }
        known = {**{n: m.choices[0].contact_id for n, m in matches.items() if m.by == "phone"}, **holding}
        offsets = {
            name: ahead
            for name, contact_id in known.items()
            if (ahead := offset_in_chat(session, contact_id, [(m.local_time, m.body) for m in said]))
            is not None
        }
        return ImportContext(
            matches=matches,
            shop_name=load_state(session).doc.profile.name,
            time_zone=shop_time_zone(session),
            holding=holding,
            offsets=offsets,
        )


def imported_changes(summary: ImportSummary) -> Changes:
    """An import may create the chat (a new row) and adds its messages."""
    return Changes.for_contacts([summary.contact_id]) | Changes(all_contacts=True)
