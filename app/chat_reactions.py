"""A chat's newest reaction as its chat-list row tells it: "Reacted 👍 to "Your total is…"".

WhatsApp shows a reaction as a chat's last line while it is the newest thing in the chat: a
customer's raises her chat to the top (it is news), the shop's own only changes the line. Neither is
an unread message. Taken back, the line is the chat's newest reaction still standing, or its last
message again.

Every reaction event is kept (`reaction`, app/models.py): a message shows each side's newest, and
the rows say when each was set, so the chat's newest one still standing is found when a newer one is
taken back. The contact row keeps the newest (`reaction_message_id`, `reaction_from`,
`reaction_at`); the chat list's query shows it while it is newer than the last message
(app/conversation_rows.py). A customer's moves `last_message_at`, the list's order and time, which
the message triggers (app/schema_sql.py) then compare a new message with: `last_message_pointed()`
keeps the last message right when one older than her reaction comes late. A changed number moves
her old chat's messages into her new chat; `chats_retold()` then tells both rows anew.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session


def _millis(at: datetime) -> int:
    return round(at.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class ReactionSet:
    """One side's reaction put on a chat's message (`emoji` None: taken back)."""

    contact_id: int
    message_id: int
    direction: str  # "in": the customer's; "out": the shop's
    emoji: str | None
    at: datetime


# A newer reaction is the chat's newest (in WhatsApp's whole seconds: one sent from here is kept at
# the millisecond); a customer's moves the chat's time (never back).
_SET_SQL = text(
    """
UPDATE contact SET
  reaction_message_id = :message, reaction_from = :direction, reaction_at = :at,
  last_message_at = CASE WHEN :direction = 'in' AND (last_message_at IS NULL OR last_message_at < :at)
                         THEN :at ELSE last_message_at END
WHERE id = :contact AND (reaction_at IS NULL OR reaction_at / 1000 <= :at / 1000)
"""
)


@dataclass(frozen=True, slots=True)
class ReactionEvent:
    """One reaction as WhatsApp sent it, kept in `reaction` (`emoji` None: taken back)."""

    message_id: int
    direction: str
    emoji: str | None
    at: datetime
    wamid: str | None  # the reaction's own WhatsApp id (None: the relay did not say it)


def reactions_seen(session: Session, wamids: Iterable[str]) -> set[str]:
    """Those of `wamids` already kept: reactions applied before (the feed read again)."""
    ids = sorted(set(wamids))
    seen: set[str] = set()
    for i in range(0, len(ids), 500):
        part = json.dumps(ids[i : i + 500])
        seen.update(
            session.scalars(
                text("SELECT wamid FROM reaction WHERE wamid IN (SELECT value FROM json_each(:w))"),
                {"w": part},
            )
        )
    return seen


# Each side's newest reaction event on these messages: what the message shows, and since when. Newest
# by whole seconds, WhatsApp's resolution (this computer's own are kept at the millisecond), then
# as they came.
_NEWEST_SQL = text(
    """
SELECT r.message_id, r.direction, r.sent_at FROM reaction r
 WHERE r.message_id IN (SELECT value FROM json_each(:ids))
   AND r.id = (SELECT x.id FROM reaction x WHERE x.message_id = r.message_id AND x.direction = r.direction
                ORDER BY x.sent_at / 1000 DESC, x.id DESC LIMIT 1)
"""
)


def shown_since(session: Session, message_ids: Iterable[int]) -> dict[tuple[int, str], int]:
    """(message id, direction) → when (ms) the reaction each side's message shows was set or taken back."""
    ids = json.dumps(sorted(set(message_ids)))
    return {(int(m), str(d)): int(at) for m, d, at in session.execute(_NEWEST_SQL, {"ids": ids})}


def keep_reaction_events(session: Session, events: Iterable[ReactionEvent]) -> None:
    """Keep reaction events (in the order they came) beside the messages they are on."""
    rows = [
        {
            "message": e.message_id,
            "direction": e.direction,
            "emoji": e.emoji,
            "at": _millis(e.at),
            "wamid": e.wamid,
        }
        for e in events
    ]
    if rows:
        session.execute(
            text(
                "INSERT INTO reaction (message_id, direction, emoji, sent_at, wamid) "
                "VALUES (:message, :direction, :emoji, :at, :wamid)"
            ),
            rows,
        )


# The chat's reactions still standing (each side's newest event on a message, not a taking back),
# newest first.
_STANDING_SQL = text(
    """
SELECT r.message_id, r.direction, r.sent_at FROM reaction r JOIN message m ON m.id = r.message_id
 WHERE m.contact_id = :contact AND r.emoji IS NOT NULL
   AND r.id = (SELECT x.id FROM reaction x WHERE x.message_id = r.message_id AND x.direction = r.direction
                ORDER BY x.sent_at / 1000 DESC, x.id DESC LIMIT 1)
 ORDER BY r.sent_at DESC, r.id DESC
"""
)

_NEWEST_MESSAGE_SQL = text(
    "SELECT id, sent_at FROM message WHERE contact_id = :contact ORDER BY sent_at DESC, id DESC LIMIT 1"
)

# A reaction was taken back: the row tells the chat's newest reaction still standing (either side's),
# or none; its time is its last message's, or a customer's reaction still standing that is newer.
_RETOLD_SQL = text(
    """
UPDATE contact SET
  reaction_message_id = :message, reaction_from = :direction, reaction_at = :at,
  last_message_id = :last_id, last_message_at = :last_at
WHERE id = :contact
"""
)


def _retold(session: Session, contact_id: int) -> None:
    """The chat's row after a reaction in it was taken back: its newest still standing, if any."""
    standing = session.execute(_STANDING_SQL, {"contact": contact_id}).all()
    newest = standing[0] if standing else None
    hers = next((int(r.sent_at) for r in standing if r.direction == "in"), None)
    last = session.execute(_NEWEST_MESSAGE_SQL, {"contact": contact_id}).first()
    last_id, last_at = (None, None) if last is None else (int(last.id), int(last.sent_at))
    if hers is not None and (last_at is None or hers > last_at):
        last_at = hers
    session.execute(
        _RETOLD_SQL,
        {
            "contact": contact_id,
            "message": None if newest is None else int(newest.message_id),
            "direction": None if newest is None else str(newest.direction),
            "at": None if newest is None else int(newest.sent_at),
            "last_id": last_id,
            "last_at": last_at,
        },
    )


def chats_retold(session: Session, contact_ids: Iterable[int]) -> None:
    """After messages moved from one chat to another (a customer's changed number merges her old
    chat into her new one): each chat's row tells its newest reaction still standing, and its time
    is its last message's or her newer reaction's. The move trigger (app/schema_sql.py), which knows
    messages alone, has just set the rows from their messages."""
    for contact_id in sorted(set(contact_ids)):
        _retold(session, contact_id)


def note_reactions(session: Session, reactions: Iterable[ReactionSet]) -> None:
    """Tell the chats' rows of reactions just put on their messages or taken off them (oldest first);
    the reactions' events are kept already (keep_reaction_events)."""
    for r in sorted(reactions, key=lambda r: (r.at, r.message_id)):
        if r.emoji is None:
            _retold(session, r.contact_id)
        else:
            params = {"contact": r.contact_id, "message": r.message_id, "direction": r.direction}
            session.execute(_SET_SQL, {**params, "at": _millis(r.at)})


# Chats whose time is a customer's reaction: a message sent before it that arrives after it (the
# phone was offline) is their last message, which the insert trigger, comparing with the reaction's
# time, did not make it.
_POINT_SQL = text(
    """
UPDATE contact SET last_message_id = (SELECT m.id FROM message m WHERE m.contact_id = contact.id
                                      ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)
WHERE id IN (SELECT value FROM json_each(:ids))
  AND reaction_from = 'in' AND reaction_at = last_message_at
"""
)


def last_message_pointed(session: Session, contact_ids: Iterable[int]) -> None:
    """After messages were written to these chats: each one's last message is its newest."""
    ids = sorted(set(contact_ids))
    if ids:
        session.execute(_POINT_SQL, {"ids": json.dumps(ids)})
