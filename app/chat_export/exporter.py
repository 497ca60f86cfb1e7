"""Writing a chat back out in WhatsApp's own export format (.txt, or .zip with the media)."""

from __future__ import annotations

import io
import logging
import shutil
import stat
import threading
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import IO, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.chat_export import markers
from app.chat_export.errors import ExportCancelled
from app.chat_export.items import item_texts
from app.chat_export.media import sanitise_filename
from app.cloud_messages import file_name_only
from app.conversation_rows import DELETED_KIND
from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.models import Contact, Direction, Media, Message
from app.wire import MEDIA_KINDS

log = logging.getLogger(__name__)

ExportLanguage = Literal["en", "ko"]
PAGE = 2000

_LOCALE_BY_LANGUAGE: dict[str, str] = {"en": "en_US", "ko": "ko_KR"}
_SUFFIX_BY_MIME = {v: k for k, v in reversed(list(markers.MIME_BY_SUFFIX.items()))}
_SUFFIX_BY_KIND = {"image": ".jpg", "video": ".mp4", "audio": ".ogg", "sticker": ".webp"}


@dataclass(frozen=True, slots=True)
class ExportProgress:
    """How far an export is: its messages written, then its photos and files added to the zip."""

    messages: int
    messages_total: int
    files: int = 0
    files_total: int = 0


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    messages: int
    media_files: int
    media_missing: int  # media messages whose file is not on this computer (named, not included)


def header(when: datetime, language: ExportLanguage, *, month_first: bool = False) -> str:
    """iOS's layout, which keeps seconds: "[05/01/2024, 15:41:22] ", "[2024. 1. 5. 오후 3:41:22] ", or
    with `month_first` as an American iPhone writes it, "[1/5/24, 3:41:22 PM] "."""
    hour = when.hour % 12 or 12
    if language == "ko":
        half = "오후" if when.hour >= 12 else "오전"
        return f"[{when.year}. {when.month}. {when.day}. {half} {hour}:{when:%M:%S}] "
    if month_first:
        # "05/12/2026" reads as May 12 to an American; the parser tells this order by its AM/PM.
        half = "PM" if when.hour >= 12 else "AM"
        return f"[{when.month}/{when.day}/{when:%y}, {hour}:{when:%M:%S} {half}] "
    # Day first with a four-digit year and a 24-hour clock: how UK phones write it, and how the
    # parser reads a file whose days never pass 12.
    return f"[{when:%d/%m/%Y, %H:%M:%S}] "


def _entry(name: str, when: datetime) -> zipfile.ZipInfo:
    """A zip member dated `when` (local time, as zip keeps it) and readable by all, as a phone's export
    is: a member opened by name is dated 1980-01-01 and readable by its owner only (rw-------)."""
    entry = zipfile.ZipInfo(name, date_time=(max(when.year, 1980), *when.timetuple()[1:6]))
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry.external_attr = (stat.S_IFREG | 0o644) << 16
    return entry


def _media_name(message: Message, media: Media | None) -> str:
    if media is not None and media.filename:
        return sanitise_filename(media.filename)
    suffix = _SUFFIX_BY_MIME.get(media.mime if media else "", "") or _SUFFIX_BY_KIND.get(message.kind, ".bin")
    return f"{message.kind}-{message.id}{suffix}"


def _has_file(message: Message, media: Media | None) -> bool:
    """A message that carried a file (a placeholder the export already showed as text does not)."""
    meta = (message.payload or {}).get("import") or {}
    if isinstance(meta, dict) and meta.get("omitted"):
        return False
    return media is not None or message.kind in MEDIA_KINDS


def _unique(name: str, used: set[str]) -> str:
    stem, suffix = PurePosixPath(name).stem, PurePosixPath(name).suffix
    n = 1
    while name in used:
        n += 1
        name = f"{stem}-{n}{suffix}"
    used.add(name)
    return name


def _body_lines(message: Message, words: dict[str, str], attached: str | None, items: str | None) -> str:
    # A file sent without a caption is named by its "<attached: …>" line alone, as the phone writes it.
    body = "" if file_name_only(message.kind, message.body, message.payload) else message.body or ""
    meta = (message.payload or {}).get("import") or {}
    if items is not None:
        # A cart's text is the customer's note, under its items; a catalogue message's is the names.
        body = items + ("\n" + body if body and message.kind == "order" else "")
    if attached is not None:
        marker = markers.LRM + words["attached"].format(file=attached)
        body = marker + ("\n" + body if body else "")
    elif message.kind == DELETED_KIND:
        body = words["deleted"]
    elif not body and message.kind not in ("text", "system"):
        body = f"<{message.kind}>"
    edited_here = isinstance((message.payload or {}).get("edited"), dict)  # on WhatsApp (app.sync_apply)
    if (isinstance(meta, dict) and meta.get("edited")) or edited_here:
        body += " " + markers.LRM + words["edited"]
    return body


def export_chat(
    db: Database,
    media_dir: Path,
    contact_id: int,
    target: Path,
    *,
    time_zone: str,
    shop_name: str,
    language: ExportLanguage = "en",
    month_first: bool = False,
    locale: str | None = None,
    progress: Callable[[ExportProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> ExportResult:
    """Write the chat with `contact_id` to `target`: a .zip (text + media) or a .txt (text only).
    Prices (a cart's items) are written in `locale` (babel's name; by default the language's); English
    dates with the month first when `month_first` (a US owner's), else the day.
    `progress` hears after each page of messages and each file; `cancel` set stops the export
    (ExportCancelled), the half-written file removed and `target` untouched."""
    prices = locale or _LOCALE_BY_LANGUAGE[language]
    zone = ZoneInfo(time_zone)
    words = markers.EXPORT_WORDS[language]
    with db.read() as s:
        contact = s.get(Contact, contact_id)
        if contact is None:
            raise InvalidInput(code=ErrorCode.CONVERSATION_GONE)
        customer = contact.display_name or "Customer"
        total = (
            s.scalar(select(func.count()).select_from(Message).where(Message.contact_id == contact_id)) or 0
        )
    shop = shop_name.strip() or "Shop"
    if shop == customer:
        shop = f"{shop} (shop)"
    as_zip = target.suffix.lower() == ".zip"
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    count = included = missing = 0
    media_to_add: list[tuple[str, Path]] = []
    used: set[str] = {"_chat.txt"}
    zf: zipfile.ZipFile | None = None
    try:
        raw: IO[bytes]
        if as_zip:
            zf = zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED)
            raw = zf.open(_entry("_chat.txt", datetime.now(zone)), "w")
        else:
            raw = tmp.open("wb")
        with io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as out:
            last: tuple[int, int] | None = None
            while True:
                with db.read() as s:
                    stmt = select(Message).where(Message.contact_id == contact_id)
                    if last is not None:
                        # Keyset paging on (sent_at, id): memory stays flat for any chat length.
                        stmt = stmt.where(
                            (Message.sent_at > datetime.fromtimestamp(last[0] / 1000, zone))
                            | (
                                (Message.sent_at == datetime.fromtimestamp(last[0] / 1000, zone))
                                & (Message.id > last[1])
                            )
                        )
                    page = list(s.scalars(stmt.order_by(Message.sent_at, Message.id).limit(PAGE)))
                    media = {
                        m.message_id: m
                        for m in s.scalars(
                            select(Media)
                            .where(Media.message_id.in_([p.id for p in page]))
                            .order_by(Media.id.desc())
                        )
                    }
                    items = item_texts(s, page, words, prices, language)
                    s.expunge_all()  # the rows stay readable after this short read session
                if not page:
                    break
                if cancel is not None and cancel.is_set():
                    raise ExportCancelled
                for message in page:
                    attached: str | None = None
                    item = media.get(message.id)
                    if _has_file(message, item):
                        attached = _unique(_media_name(message, item), used)
                        file = media_dir / item.cache_path if item is not None and item.cache_path else None
                        if as_zip and file is not None and file.is_file():
                            media_to_add.append((attached, file))
                            included += 1
                        else:
                            missing += 1
                    when = message.sent_at.astimezone(zone)
                    if message.kind == "system":
                        line = header(when, language, month_first=month_first) + markers.LRM + message.body
                    else:
                        # A group archive keeps each sender's name; a one-to-one chat has two sides.
                        sender = message.sender_name or (
                            shop if message.direction == Direction.OUT else customer
                        )
                        line = (
                            header(when, language, month_first=month_first)
                            + f"{sender}: "
                            + _body_lines(message, words, attached, items.get(message.id))
                        )
                    out.write(line + "\n")
                    count += 1
                last = (round(page[-1].sent_at.timestamp() * 1000), page[-1].id)
                if progress is not None:
                    progress(ExportProgress(count, max(total, count), 0, len(media_to_add)))
        if zf is not None:
            for done, (name, file) in enumerate(media_to_add, 1):
                if cancel is not None and cancel.is_set():
                    raise ExportCancelled
                # The photo's own date, and a file anyone may read (a cache file can be the owner's only).
                entry = _entry(name, datetime.fromtimestamp(file.stat().st_mtime, zone))
                with file.open("rb") as src, zf.open(entry, "w") as dst:
                    shutil.copyfileobj(src, dst)
                if progress is not None:
                    progress(ExportProgress(count, max(total, count), done, len(media_to_add)))
            zf.close()
            zf = None
        tmp.replace(target)
    finally:
        if zf is not None:
            zf.close()
        tmp.unlink(missing_ok=True)
    return ExportResult(target, count, included, missing)


@dataclass(frozen=True, slots=True)
class ExportContext:
    """What an export needs besides the messages: the chat's name (for the file), the shop's name
    (the owner's side of the chat) and the shop's time zone (None: the computer's)."""

    name: str
    shop_name: str
    time_zone: str | None


def export_context(db: Database, contact_id: int) -> ExportContext:
    from app.automations_store import load_state, shop_time_zone

    with db.read() as session:
        contact = session.get(Contact, contact_id)
        return ExportContext(
            name=contact.display_name if contact is not None else "",
            shop_name=load_state(session).doc.profile.name,
            time_zone=shop_time_zone(session),
        )
