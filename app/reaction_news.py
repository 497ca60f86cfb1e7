"""Customers' new reactions with their chats and the messages they answer: what a notification tells."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.changes import AppliedReaction
from app.conversation_rows import PREVIEW_BODY_SQL, PREVIEW_KIND_SQL, ConversationRow
from app.queries import conversations_by_id


@dataclass(frozen=True, slots=True)
class ReactionNews:
    """A customer's reaction to a message of her chat ("👍" to "Your total is ₩45,000…")."""

    row: ConversationRow  # her chat, as the chat list shows it (name, number, blocked, archived)
    emoji: str
    kind: str  # the reacted-to message's kind as a preview names it (image, voice, deleted…)
    body: str  # its words, cut as the chat list's preview is
    at: datetime
    message_id: int  # the message she reacted to (a click on the notification opens the chat there)


# The reacted-to messages and the reaction each shows now (.format()ted: the parts double their braces).
_REACTED_SQL = f"""
SELECT m.id, m.reaction_in, {PREVIEW_KIND_SQL}, {PREVIEW_BODY_SQL}
  FROM message m
 WHERE m.id IN (SELECT value FROM json_each(:ids))
""".format()


def reaction_news(session: Session, reactions: Iterable[AppliedReaction]) -> list[ReactionNews]:
    """The customers' new reactions among `reactions`, oldest first, each with its chat and what it
    answers. One the customer changed or took back since (a later batch, read before this) is left
    out: only what her message shows now is told; so is one whose batch also brought her message
    (AppliedReaction.with_message: that message's notification tells the chat)."""
    wanted = sorted((r for r in reactions if r.told_alone()), key=lambda r: (r.at, r.message_id))
    if not wanted:
        return []
    ids = json.dumps(sorted({r.message_id for r in wanted}))
    messages = {
        int(mid): (emoji, kind, body)
        for mid, emoji, kind, body in session.execute(text(_REACTED_SQL), {"ids": ids})
    }
    rows = {row.contact_id: row for row in conversations_by_id(session, {r.contact_id for r in wanted})}
    news: list[ReactionNews] = []
    for reaction in wanted:
        shown = messages.get(reaction.message_id)
        row = rows.get(reaction.contact_id)
        if shown is None or row is None or shown[0] != reaction.emoji:
            continue
        news.append(
            ReactionNews(
                row,
                reaction.emoji or "",
                str(shown[1] or "text"),
                shown[2] or "",
                reaction.at,
                reaction.message_id,
            )
        )
    return news
