"""What the chat list's menu does to one chat: mark unread, delete (with a tombstone), block."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from app import relay_clock
from app.changes import Changes
from app.chat_export.media import IMPORT_FOLDER
from app.chat_reactions import (
    ReactionEvent,
    ReactionSet,
    keep_reaction_events,
    note_reactions,
    reactions_seen,
)
from app.db import Database
from app.errors import (
    ChatParams,
    ErrorCode,
    InvalidInput,
    RelayBusy,
    RelayError,
    RelayUnreachable,
    Unauthorised,
)
from app.media_cache import RECEIVED_DIR, SENT_DIR, safe_target
from app.models import ChatTombstone, Contact, Media, Message
from app.queries import mark_read
from app.settings import get_setting, put_setting
from app.text import nfc

if TYPE_CHECKING:
    from app.relay_client import RelayClient

log = logging.getLogger(__name__)

# Meta's Block Users API takes only customers who wrote in the last 24 hours.
WHATSAPP_BLOCK_WINDOW = timedelta(hours=24)
# {wa_id: blocked} made on this computer that the relay has not taken yet.
BLOCKS_FOR_THE_RELAY = "blocks_for_the_relay"


def send_reaction(db: Database, client: RelayClient, contact_id: int, wamid: str, emoji: str) -> Changes:
    """React to a message of the chat with `emoji` ("" takes the owner's reaction back), through the
    relay at once: a reaction is not queued, so the owner sees it sent or the reason it was not.
    Raises what the relay's client raises (outside the 24-hour window, unreachable…)."""
    with db.read() as s:
        contact = s.get(Contact, contact_id)
        if contact is None:
            raise InvalidInput(code=ErrorCode.CONVERSATION_GONE)
        to, name = contact.wa_id, contact.display_name
    if not to:  # WhatsApp sends to phone numbers only
        raise InvalidInput(code=ErrorCode.NO_PHONE_NUMBER, params=ChatParams(name))
    body = {
        "messaging_product": "whatsapp",
        "to": to,
        "type": "reaction",
        "reaction": {"message_id": wamid, "emoji": emoji},
    }
    sent = client.send_message(body, f"reaction:{uuid.uuid4()}")
    with db.write() as s:  # the relay's outbound event says the same when it comes back
        message_id = s.scalar(select(Message.id).where(Message.wamid == wamid))
        if sent.wamid and reactions_seen(s, [sent.wamid]):
            return Changes.for_contacts({contact_id})  # that event was synced first: all is told
        s.execute(update(Message).where(Message.wamid == wamid).values(reaction_out=nfc(emoji) or None))
        if message_id is not None:  # the chat list's line says it ("You reacted 👍 to …")
            reacted = ReactionSet(contact_id, int(message_id), "out", nfc(emoji) or None, relay_clock.now())
            # Kept by its wamid, so its outbound event, when it comes back, changes nothing.
            keep_reaction_events(
                s, [ReactionEvent(reacted.message_id, "out", reacted.emoji, reacted.at, sent.wamid)]
            )
            note_reactions(s, [reacted])
    return Changes.for_contacts({contact_id})


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
        s.execute(
            update(Contact)
            .where(Contact.id == contact_id)
            .values(pinned=False, archived=False)
            .values(reaction_message_id=None, reaction_from=None, reaction_at=None)  # its line goes too
        )
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
    """The chat's files that Shop Inbox itself put in the media folder (downloads, sent copies, imports)."""
    rows = s.execute(
        select(Media.cache_path, Media.thumb_path)
        .join(Message, Message.id == Media.message_id)
        .where(Message.contact_id == contact_id)
    )
    ours = (f"{RECEIVED_DIR}/", f"{SENT_DIR}/", f"{IMPORT_FOLDER}/")
    return {p for row in rows for p in row if p and p.startswith(ours)}


def _remove_files(media_dir: Path, files: set[str]) -> None:
    for relative in sorted(files):
        try:
            path = safe_target(media_dir, *PurePosixPath(relative).parts)
            path.unlink(missing_ok=True)
            if path.parent.parent.name in (RECEIVED_DIR, SENT_DIR) and not any(path.parent.iterdir()):
                path.parent.rmdir()  # received/<media id>/ (or sent/<random>/) held only this file
        except (OSError, InvalidInput) as exc:  # in use (Windows) or odd: the chat is gone anyway
            log.warning("a deleted chat's file was kept: %s", type(exc).__name__)


def whatsapp_can_block(last_inbound_at: datetime | None, now: datetime) -> bool:
    """Would Meta put this customer on the shop's block list (they wrote in the last 24 hours)?"""
    return last_inbound_at is not None and now - last_inbound_at <= WHATSAPP_BLOCK_WINDOW


def set_blocked(db: Database, contact_id: int, blocked: bool) -> Changes:
    """Block or unblock on this computer: no notifications, nothing can be sent. The relay is told
    by `tell_relay_about_blocks`; until it has answered, the change waits here (a relay down or a
    laptop offline does not lose it)."""
    with db.write() as s:
        s.execute(update(Contact).where(Contact.id == contact_id).values(blocked=blocked))
        wa_id = s.scalar(select(Contact.wa_id).where(Contact.id == contact_id))
        if wa_id:
            waiting = dict(get_setting(s, BLOCKS_FOR_THE_RELAY, {}))
            waiting[wa_id] = blocked
            put_setting(s, BLOCKS_FOR_THE_RELAY, waiting)
    return Changes.for_contacts({contact_id}, messages=False)


def blocks_waiting(db: Database) -> bool:
    """Whether a block or unblock made here waits for the relay to take it."""
    with db.read() as s:
        return bool(get_setting(s, BLOCKS_FOR_THE_RELAY, {}))


def tell_relay_about_blocks(db: Database, client: RelayClient) -> int:
    """Hand the relay every block and unblock it has not taken yet (blocking: off the GUI thread).

    Returns how many it took. A relay that cannot be reached (or is busy) leaves the rest waiting
    for the next time it answers; one it refuses outright (a number it cannot know) is dropped,
    since asking again would get the same answer.
    """
    with db.read() as s:
        waiting: dict[str, bool] = dict(get_setting(s, BLOCKS_FOR_THE_RELAY, {}))
    told: dict[str, bool] = {}
    for wa_id, blocked in waiting.items():
        try:
            client.block(wa_id, blocked)
        except (RelayUnreachable, RelayBusy, Unauthorised):
            break  # the others would fail the same way: the next time the relay answers
        except RelayError as exc:
            log.warning("the relay refused a block: %s", exc.code)
        told[wa_id] = blocked
    if told:
        with db.write() as s:
            now_waiting = dict(get_setting(s, BLOCKS_FOR_THE_RELAY, {}))
            for wa_id, blocked in told.items():
                if now_waiting.get(wa_id) == blocked:  # not changed again meanwhile
                    del now_waiting[wa_id]
            put_setting(s, BLOCKS_FOR_THE_RELAY, now_waiting)
    return len(told)
