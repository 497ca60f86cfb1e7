"""The menu bot's quiet in a chat after the owner's own message there, as the relay's rule has it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.automations_store import AutomationsState, load_state
from app.away_status import relay_copy
from app.bot_pauses import chat_resumed_at
from app.models import Message, MessageStatus
from app.rules import BotState, owner_pause_until
from app.wire import MenuBot, SentBy

# The shop's messages the relay counts as the owner's reply (its `last_owner_reply_at`): whatever
# a desktop sent through POST /v1/messages (typed, a quick reply, a catalogue entry, a template: the
# relay records each as "owner"; an older desktop kept its quick replies as "quick_reply"), and the
# phone app's echoes. Not the relay's automatic answers, campaigns, nor history from the phone.
OWNER_REPLY_SENDERS = frozenset({SentBy.OWNER, SentBy.QUICK_REPLY, SentBy.PHONE_APP})
# The relay counts a send once Graph took it: not one still waiting here, nor one that failed.
_SENT = (MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ)
# The longest pause the bot's settings allow (app.wire.MenuBot.pause_hours): older replies never count.
_LONGEST_PAUSE = timedelta(hours=24 * 30)
# How long before the relay sent it a reply may have been written (waiting in the outbox) and still
# count: a laptop offline for a month is looked past.
_LONGEST_WAIT = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class OwnerPause:
    """What the relay's rule reads to keep the bot quiet in one chat after the owner wrote there:
    the bot it runs, her last reply to the customer (on any of the shop's numbers: one owner answers
    them all, as the relay counts it) and the last "Resume bot" in this chat."""

    bot: MenuBot
    last_owner_reply_at: datetime | None
    resumed_at: datetime | None

    def until(self, now: datetime) -> datetime | None:
        """When the bot answers this customer again by itself; None when it is not quiet because of
        the owner's message (the bot is off, she has not written within the pause, or the bot was
        resumed since)."""
        if not self.bot.enabled:
            return None
        state = BotState(resumed_at=self.resumed_at)
        end = owner_pause_until(self.bot, state, self.last_owner_reply_at)
        return end if end is not None and now < end else None


def bot_on_relay(state: AutomationsState) -> MenuBot:
    """The menu bot the relay runs: the copy here once it is there; while a change waits, the
    relay's as last heard (none before the first change lands)."""
    if not state.pending and state.conflict is None:
        return state.doc.bot
    theirs = relay_copy(state)
    if theirs is not None:
        return theirs.bot
    return MenuBot() if state.relay_has_none else state.doc.bot


def last_owner_reply(session: Session, contact_id: int, now: datetime) -> datetime | None:
    """When the shop last sent this customer a message the relay counts as the owner's reply
    (OWNER_REPLY_SENDERS, sent through it), within the longest pause: from when the relay sent it, as
    the relay counts, not from when she pressed send (a reply that waited offline went later)."""
    went = func.coalesce(Message.relayed_at, Message.sent_at)
    return session.scalar(
        select(func.max(went)).where(
            Message.contact_id == contact_id,
            # sent_at (indexed) is never after the relay's sending: the longest pause after it
            # narrows the rows to read; `went` says whether the reply still counts.
            Message.sent_at >= now - _LONGEST_PAUSE - _LONGEST_WAIT,
            went >= now - _LONGEST_PAUSE,
            Message.direction == "out",
            Message.sent_by.in_([str(s) for s in OWNER_REPLY_SENDERS]),
            Message.status.in_([str(s) for s in _SENT]),
            Message.imported.is_(False),
            # One the relay has heard of: sent from here (its idempotency key) or synced from it. Not
            # the demo's made-up past, which the demo's relay never saw.
            or_(Message.client_id.is_not(None), Message.relay_seq.is_not(None)),
        )
    )


def owner_pause(session: Session, contact_id: int, number: str | None, now: datetime) -> OwnerPause:
    """The facts of OwnerPause for her chat on business number `number` (the chat row's)."""
    return OwnerPause(
        bot=bot_on_relay(load_state(session)),
        last_owner_reply_at=last_owner_reply(session, contact_id, now),
        resumed_at=chat_resumed_at(session, contact_id, number),
    )
