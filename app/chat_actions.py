"""What the chat list's menu does to one chat: mark unread, delete (with a tombstone), block."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update

from app.changes import Changes
from app.db import Database
from app.models import ChatTombstone, Contact, Message
from app.queries import mark_read

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


def delete_chat(db: Database, contact_id: int, now: datetime) -> Changes:
    """Delete a chat's messages from this computer and remember the moment, so that syncing from the
    relay again (a new machine, a history-gap recovery) never brings them back. The contact stays
    (name, notes, labels); a new message from the customer starts the chat afresh."""
    with db.write() as s:
        newest = s.scalar(select(func.max(Message.sent_at)).where(Message.contact_id == contact_id))
        # A message stamped ahead of our clock (the customer's phone) is deleted too.
        before = max(now, newest) if newest is not None else now
        tomb = s.get(ChatTombstone, contact_id)
        if tomb is None:
            s.add(ChatTombstone(contact_id=contact_id, deleted_before=before))
        else:
            tomb.deleted_before = max(tomb.deleted_before, before)
        s.execute(delete(Message).where(Message.contact_id == contact_id))
        s.execute(update(Contact).where(Contact.id == contact_id).values(pinned=False, archived=False))
    return Changes.for_contacts({contact_id})


def whatsapp_can_block(last_inbound_at: datetime | None, now: datetime) -> bool:
    """Would Meta put this customer on the shop's block list (they wrote in the last 24 hours)?"""
    return last_inbound_at is not None and now - last_inbound_at <= WHATSAPP_BLOCK_WINDOW


def set_blocked(db: Database, contact_id: int, blocked: bool) -> Changes:
    """Block or unblock on this computer: no notifications, nothing can be sent."""
    with db.write() as s:
        s.execute(update(Contact).where(Contact.id == contact_id).values(blocked=blocked))
    return Changes.for_contacts({contact_id}, messages=False)
