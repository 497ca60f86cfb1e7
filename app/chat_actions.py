"""What the chat list's menu does to one chat: mark unread, delete (with a tombstone), block."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from app.changes import Changes
from app.chat_export.media import IMPORT_FOLDER
from app.db import Database
from app.errors import InvalidInput
from app.media_cache import RECEIVED_DIR, safe_target
from app.models import ChatTombstone, Contact, Media, Message
from app.queries import mark_read

log = logging.getLogger(__name__)

# Meta's Block Users API takes only customers who wrote in the last 24 hours.
WHATSAPP_BLOCK_WINDOW = timedelta(hours=24)


def mark_unread(db: Database, contact_id: int) -> Changes:
    """The chat shows as unread again: its newest message from the customer (or its newest at all)."""
    with db.write() as s:
        newest = s.scalar(
            select(Message.id)
            .where(Message.contact_id == contact_id)
            .order_by((Message.direction == "in").desc(), Message.sent_at.desc(), Message.id.desc())
            .limit(1)
        )
        if newest is not None:
            s.execute(update(Message).where(Message.id == newest).values(unread=True))
    return Changes.for_contacts({contact_id})


def mark_chat_read(db: Database, contact_id: int) -> tuple[list[str], Changes]:
    """The chat's unread messages are read; returns their wamids (for read receipts) and the change."""
    with db.write() as s:
        wamids = mark_read(s, contact_id)
    return wamids, Changes.for_contacts({contact_id})


def delete_chat(db: Database, contact_id: int, now: datetime, media_dir: Path | None = None) -> Changes:
    """Delete a chat's messages from this computer and remember the moment, so that syncing from the
    relay again (a new machine, a history-gap recovery) never brings them back. The contact stays
    (name, notes, labels); a new message from the customer starts the chat afresh.

    With `media_dir`, the pictures and files received in the chat (or imported with it) leave the
    disk too, once committed, unless another message still shows the same file. Files the owner
    sent from their own folders and catalogue pictures are never touched.
    """
    with db.write() as s:
        newest = s.scalar(select(func.max(Message.sent_at)).where(Message.contact_id == contact_id))
        # A message stamped ahead of our clock (the customer's phone) is deleted too.
        before = max(now, newest) if newest is not None else now
        tomb = s.get(ChatTombstone, contact_id)
        if tomb is None:
            s.add(ChatTombstone(contact_id=contact_id, deleted_before=before))
        else:
            tomb.deleted_before = max(tomb.deleted_before, before)
        files = _chat_files(s, contact_id) if media_dir is not None else set()
        s.execute(delete(Message).where(Message.contact_id == contact_id))
        s.execute(update(Contact).where(Contact.id == contact_id).values(pinned=False, archived=False))
        if files:
            others = select(Media.cache_path, Media.thumb_path).join(Message, Message.id == Media.message_id)
            for cache, thumb in s.execute(
                others.where(or_(Media.cache_path.in_(files), Media.thumb_path.in_(files)))
            ):
                files -= {cache, thumb}
    if media_dir is not None:
        _remove_files(media_dir, files)
    return Changes.for_contacts({contact_id})


def _chat_files(s: Session, contact_id: int) -> set[str]:
    """The chat's files that Shop Inbox itself put in the media folder (downloads, imports)."""
    rows = s.execute(
        select(Media.cache_path, Media.thumb_path)
        .join(Message, Message.id == Media.message_id)
        .where(Message.contact_id == contact_id)
    )
    ours = (f"{RECEIVED_DIR}/", f"{IMPORT_FOLDER}/")
    return {p for row in rows for p in row if p and p.startswith(ours)}


def _remove_files(media_dir: Path, files: set[str]) -> None:
    for relative in sorted(files):
        try:
            path = safe_target(media_dir, *PurePosixPath(relative).parts)
            path.unlink(missing_ok=True)
            if path.parent.parent.name == RECEIVED_DIR and not any(path.parent.iterdir()):
                path.parent.rmdir()  # received/<media id>/ held only this file
        except (OSError, InvalidInput) as exc:  # in use (Windows) or odd: the chat is gone anyway
            log.warning("a deleted chat's file was kept: %s", type(exc).__name__)


def whatsapp_can_block(last_inbound_at: datetime | None, now: datetime) -> bool:
    """Would Meta put this customer on the shop's block list (they wrote in the last 24 hours)?"""
    return last_inbound_at is not None and now - last_inbound_at <= WHATSAPP_BLOCK_WINDOW


def set_blocked(db: Database, contact_id: int, blocked: bool) -> Changes:
    """Block or unblock on this computer: no notifications, nothing can be sent."""
    with db.write() as s:
        s.execute(update(Contact).where(Contact.id == contact_id).values(blocked=blocked))
    return Changes.for_contacts({contact_id}, messages=False)
