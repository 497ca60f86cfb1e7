"""Media attached to messages, as the chat view and the contact panel show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Media, Message


@dataclass(frozen=True, slots=True)
class MediaInfo:
    message_id: int
    mime: str
    filename: str | None
    size: int | None
    cache_path: str | None  # relative to the media folder (or absolute for files we sent); None until fetched
    thumb_path: str | None
    id: int = 0  # the Media row, for fetching it (SyncEngine.fetch_media)
    # The relay said WhatsApp no longer has the file (kept a while only): no download brings it.
    gone: bool = False


def _info(m: Media) -> MediaInfo:
    return MediaInfo(m.message_id, m.mime, m.filename, m.size, m.cache_path, m.thumb_path, m.id)


def media_for_messages(session: Session, message_ids: list[int]) -> dict[int, MediaInfo]:
    """The first media row of each given message (a WhatsApp message carries at most one)."""
    if not message_ids:
        return {}
    out: dict[int, MediaInfo] = {}
    for m in session.scalars(select(Media).where(Media.message_id.in_(message_ids)).order_by(Media.id)):
        out.setdefault(m.message_id, _info(m))
    return out


@dataclass(frozen=True, slots=True)
class SharedItem:
    """One photo, video, document or audio of a chat: `title` is a document's file name, or the
    caption of a photo or video (empty when it has none: the stored file name is a content hash)."""

    message_id: int
    kind: str
    title: str
    media: MediaInfo | None
    sent_at: datetime | None = None


def shared_media(session: Session, contact_id: int, *, limit: int = 60) -> list[SharedItem]:
    """Photos, videos, documents and audio of one chat, newest first (the contact panel's list)."""
    stmt = (
        select(Message)
        .where(Message.contact_id == contact_id, Message.kind.in_(("image", "video", "document", "audio")))
        .order_by(Message.sent_at.desc(), Message.id.desc())
        .limit(limit)
    )
    messages = list(session.scalars(stmt))
    media = media_for_messages(session, [m.id for m in messages])
    items = []
    for m in messages:
        info = media.get(m.id)
        payload_part = (m.payload or {}).get(m.kind) or {}
        if m.kind == "document":
            title = (info.filename if info else None) or payload_part.get("filename") or m.body or ""
        else:
            title = m.body or ""
        items.append(SharedItem(m.id, m.kind, str(title), info, m.sent_at))
    return items


def shared_media_of(db: Database, contact_id: int, *, limit: int = 60) -> list[SharedItem]:
    """`shared_media` in a read transaction of its own (for an op off the GUI thread)."""
    with db.read() as s:
        return shared_media(s, contact_id, limit=limit)
