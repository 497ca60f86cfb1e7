"""Messages of one second in the order the relay logged them: WhatsApp stamps whole seconds.

A chat is ordered by (sent_at, id). A customer's message carries WhatsApp's time, cut to the second,
while a reply sent from this computer or another one (and carried over by the relay, as the old
laptop's reply reaches the new one after a move) has its time to the millisecond. So her answer,
written 0.7 s into the second the reply went out in, would read before it. The relay's seq knows
which came first: a message that arrived in this batch is placed just after every message of its
chat and second that the relay logged before it. Nothing else moves, and never into the next second.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.chat_reactions import chats_retold

SECOND_MS = 1000

# Each new message, with the latest time in its own second of a message the relay logged before it.
_EARLIER_IN_ITS_SECOND = text(
    """
SELECT n.id, n.contact_id, n.sent_at, n.relay_seq,
       (SELECT max(m.sent_at) FROM message m
         WHERE m.contact_id = n.contact_id
           AND m.sent_at >= n.sent_at AND m.sent_at < n.sent_at - n.sent_at % 1000 + 1000
           AND m.relay_seq < n.relay_seq) AS earlier
  FROM message n
 WHERE n.wamid IN (SELECT value FROM json_each(:wamids)) AND n.relay_seq IS NOT NULL
 ORDER BY n.relay_seq
"""
)


def place_in_relay_order(session: Session, wamids: Iterable[str]) -> set[int]:
    """Move the messages just written (by their wamids, each with its relay seq) after what the
    relay logged before them within the same second; returns the chats whose order changed."""
    ids = sorted(set(wamids))
    if not ids:
        return set()
    moved: list[dict[str, int]] = []
    chats: set[int] = set()
    latest: dict[tuple[int, int], int] = {}  # (chat, second) → the latest time given so far, by seq
    # One parameter however many (json_each), so the rows come in the relay's order, all of them.
    for message_id, contact_id, sent_at, _seq, earlier in session.execute(
        _EARLIER_IN_ITS_SECOND, {"wamids": json.dumps(ids)}
    ):
        second = int(sent_at) - int(sent_at) % SECOND_MS
        key = (int(contact_id), second)
        after = max(int(earlier) if earlier is not None else -1, latest.get(key, -1))
        at = int(sent_at)
        if after >= at:
            at = min(after + 1, second + SECOND_MS - 1)  # a tie beyond it goes by id: it is newer
            moved.append({"id": int(message_id), "at": at})
            chats.add(int(contact_id))
        latest[key] = max(at, latest.get(key, at))
    if moved:
        session.execute(text("UPDATE message SET sent_at = :at WHERE id = :id"), moved)
        # The move trigger set each chat's last message from its messages alone; a reaction that is
        # the chat's newest line is told again.
        chats_retold(session, chats)
    return chats
