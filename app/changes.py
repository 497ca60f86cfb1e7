"""What an operation or a synced batch changed: one value every view reads to refresh only what it shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime


@dataclass(frozen=True, slots=True)
class AppliedReaction:
    """A reaction a synced batch put on one of a chat's messages, or took off it (`emoji` None).

    `direction` "in" is the customer's; "out" the shop's own (this desktop, another one, or the
    phone's WhatsApp Business app). Only reactions that changed what the message shows are
    reported: the same event applied again (a relay started afresh) reports nothing.
    """

    contact_id: int
    message_id: int
    direction: str
    emoji: str | None
    at: datetime  # when it was sent (WhatsApp's time)
    # She also wrote a new message in the same synced batch: that message's notification tells her
    # chat, and a second one for the reaction would only repeat that she is there.
    with_message: bool = False

    def from_customer(self) -> bool:
        """The customer's new reaction: often her answer ("👍" to the total), news for the owner."""
        return self.direction == "in" and self.emoji is not None

    def told_alone(self) -> bool:
        """The customer's new reaction, and nothing else she sent in its batch tells her chat."""
        return self.from_customer() and not self.with_message


@dataclass(frozen=True, slots=True)
class Changes:
    """Sets of ids that changed, and flags for documents that changed as a whole.

    `contacts`: chat-list rows (name, labels, flags, unread, last message) to repaint.
    `messages`: contact ids whose message list changed (new, edited, ticks, reactions).
    `reactions`: reactions a synced batch set or took off (notifications tell the customers' new ones).
    `written`: chats a customer wrote to in a synced batch (notifications tell them).
    `from_sync`: the change came from the relay (notifications may sound), not from the owner.
    Combine with `|`; an empty value is falsy, and publishing it does nothing.
    """

    contacts: frozenset[int] = field(default_factory=frozenset)
    messages: frozenset[int] = field(default_factory=frozenset)
    all_contacts: bool = False  # e.g. an import or a deletion: the chat list reloads its page
    catalog: frozenset[int] = field(default_factory=frozenset)
    all_catalog: bool = False
    collections: bool = False
    labels: bool = False
    quick_replies: bool = False
    automations: bool = False  # greeting, away, bot rules and the shop's profile (its name)
    settings: bool = False
    # An editor's unsaved words were kept or forgotten (saved, discarded): the offer above the chats
    # reads them again, so it never offers what a window opened from the menu has just saved.
    kept_edits: bool = False
    orders: frozenset[int] = field(default_factory=frozenset)
    campaigns: bool = False  # a campaign was saved, handed to the relay, or its progress moved
    # Campaigns the relay has just stopped for a reason of Meta's (a template paused, the number's
    # quality): the owner is told, since nothing else brings them to the campaign window.
    campaigns_stopped: frozenset[int] = field(default_factory=frozenset)
    reactions: frozenset[AppliedReaction] = field(default_factory=frozenset)
    # (old, new) contact ids: a customer changed number and her old chat became the new one's
    # (app/contact_merge.py); what the window holds for the old chat (a draft) goes to the new.
    chats_merged: frozenset[tuple[int, int]] = field(default_factory=frozenset)
    # Chats whose customer sent a new message in a synced batch, though it may sort in above a reply
    # of the shop's (it came late) or arrive with a number the shop had not heard from: news for the
    # owner whatever the chat's row says last (ui/notifications.py).
    written: frozenset[int] = field(default_factory=frozenset)
    from_sync: bool = False

    @classmethod
    def for_contacts(cls, ids: Iterable[int], *, messages: bool = True, from_sync: bool = False) -> Changes:
        """The usual change: these chats' rows, and (by default) their messages."""
        ids = frozenset(ids)
        return cls(contacts=ids, messages=ids if messages else frozenset(), from_sync=from_sync)

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, object] = {}
        for f in fields(self):
            a, b = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = a | b
        return Changes(**merged)  # type: ignore[arg-type]

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self) if f.name != "from_sync")

    def touches_contact(self, contact_id: int | None) -> bool:
        """Does this change concern the given chat (its row or its messages)?"""
        if contact_id is None:
            return False
        return self.all_contacts or contact_id in self.contacts or contact_id in self.messages


NOTHING = Changes()
