"""Applying one batch of relay events to the desktop database: contacts, messages, ticks, reactions.

Everything here runs inside the caller's write transaction together with the new cursor, so a crash
at any point leaves either the whole batch and its cursor, or neither. Statements are batched (one
query per kind of lookup, executemany for inserts): about 15 ms per 100 new messages.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, or_, select, text, update
from sqlalchemy.orm import Session

from app.bot_pauses import record_bot_pause
from app.business_numbers import remember_business_numbers
from app.changes import AppliedReaction, Changes
from app.chat_reactions import (
    ReactionEvent,
    ReactionSet,
    chats_retold,
    keep_reaction_events,
    last_message_pointed,
    note_reactions,
    reactions_seen,
    shown_since,
)
from app.cloud_messages import (
    AMEND_KINDS,
    RELAY_UNREADABLE,
    contact_key,
    media_row,
    message_body,
    message_kind,
    whatsapp_time,
)
from app.consent import apply_remote_opt_out
from app.contact_merge import carry_over_contact
from app.conversation_rows import DELETED_KIND
from app.interactive_text import extra_text, search_text
from app.models import (
    ChatTombstone,
    Contact,
    Media,
    Message,
    MessageStatus,
    OrphanStatus,
    SyncState,
    to_millis,
)
from app.orders import orders_from_new_carts
from app.phones import e164_digits
from app.relay_order import place_in_relay_order
from app.settings import load_preferences
from app.text import bigram_text, nfc, one_line_name
from app.ticks import STATUS_RANK, UNKNOWN_OUTCOME, apply_status, is_unknown_outcome, keep_orphan
from app.wire import (
    CampaignEvent,
    ContactEvent,
    Event,
    MessageEvent,
    OutboundEvent,
    SentBy,
    SettingsEvent,
    StatusEvent,
    UnknownEvent,
    UnreadableEvent,
)

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

# An outbound message another computer or the phone's app sent on the owner's own word: the owner read
# the chat there. The relay's automatic answers and campaigns read nothing.
ANSWERED_BY_A_PERSON = frozenset({SentBy.OWNER, SentBy.QUICK_REPLY, SentBy.PHONE_APP})

# One executemany for every customer of a batch: name, business number, and the 24-hour window's
# start, which only ever moves forward (a late old message must not shorten the window). Her number
# follows her newest message, not the last one to arrive: Meta redelivers a webhook hours late, and a
# morning message to one branch must not move her chat off the branch she wrote to a minute ago.
# (SQLite's UPDATE reads every column as it was before the row changed.)
_PROFILE_UPDATE = text(
    """
    UPDATE contact SET
      profile_name = coalesce(:name, profile_name),
      phone_number_id = CASE WHEN :pnid IS NOT NULL AND (last_inbound_at IS NULL OR last_inbound_at <= :pnat)
                             THEN :pnid ELSE phone_number_id END,
      last_inbound_at = CASE WHEN :last IS NOT NULL AND (last_inbound_at IS NULL OR last_inbound_at < :last)
                             THEN :last ELSE last_inbound_at END
    WHERE id = :id
    """
)


_MESSAGE_COLUMNS = (
    "contact_id, wamid, phone_number_id, direction, kind, body, extra_text, grams, payload, reply_to_wamid, "
    "status, sent_by, sent_at, relay_seq, unread, imported"
)
_ROW_MARKS = f"({', '.join('?' * len(_MESSAGE_COLUMNS.split(',')))})"
_INSERT_MESSAGES = f"INSERT INTO message ({_MESSAGE_COLUMNS}) VALUES"
# 500 rows × 16 values stay far below SQLite's 32,766 bound variables.
_ROWS_PER_INSERT = 500


def _message_tuple(row: dict[str, Any]) -> tuple[Any, ...]:
    """A new message's row as _INSERT_MESSAGES binds it: what the ORM's column types would store."""
    body = row["body"]
    payload = row["payload"]
    # An echo of an interactive message the phone's app sent showed its buttons (app/interactive_text.py).
    extra = extra_text(payload)
    return (
        row["contact_id"],
        row["wamid"],
        row["phone_number_id"],
        row["direction"],
        row["kind"],
        body,
        extra,
        bigram_text(search_text(body, extra)),
        None if payload is None else json.dumps(payload, ensure_ascii=False, separators=(",", ":")),
        row["reply_to_wamid"],
        str(row["status"]),
        row["sent_by"],
        to_millis(row["sent_at"]),
        row["relay_seq"],
        int(row["unread"]),
        int(row["imported"]),
    )


# An outbound event's own message, found by client_id or wamid.
_OWN_SEND = select(
    Message.id,
    Message.wamid,
    Message.status,
    Message.error_code,
    Message.contact_id,
    Message.phone_number_id,
    Message.relay_seq,
    Message.relayed_at,
)


@dataclass(frozen=True, slots=True)
class _Profile:
    """What a batch's messages say of one customer: her name, her newest message that opens the
    24-hour window, and the business number of her newest live message (and when she sent it)."""

    name: str | None = None
    last_in: datetime | None = None
    number: str | None = None
    number_at: datetime | None = None


@dataclass
class BatchResult:
    changed: set[int] = field(default_factory=set)
    applied: int = 0
    skipped: int = 0
    orders: list[int] = field(default_factory=list)  # orders created from carts in this batch
    campaigns: bool = False  # a campaign's progress moved
    campaigns_stopped: set[int] = field(default_factory=set)  # paused by the relay for Meta's reason
    automations: bool = False  # a `settings` event replaced the automations document
    numbers: bool = False  # the shop's business numbers changed: every chat row says its own anew
    labels: bool = False  # labels went from one chat to another (a changed number): their counts anew
    merged: set[tuple[int, int]] = field(default_factory=set)  # (old, new): a changed number's chats
    # Reactions set or taken off, by (message id, direction): a later chunk's replaces an earlier's.
    reactions: dict[tuple[int, str], AppliedReaction] = field(default_factory=dict)
    written: set[int] = field(default_factory=set)  # chats whose customer sent a new (unread) message

    def add(self, other: BatchResult) -> None:
        """Take in another chunk's result (a page applied in several transactions)."""
        self.changed |= other.changed
        self.applied += other.applied
        self.skipped += other.skipped
        self.orders += other.orders
        self.campaigns |= other.campaigns
        self.campaigns_stopped |= other.campaigns_stopped
        self.automations |= other.automations
        self.numbers |= other.numbers
        self.labels |= other.labels
        self.merged |= other.merged
        self.reactions.update(other.reactions)
        self.written |= other.written

    def changes(self) -> Changes:
        """What the window repaints after this batch."""
        return Changes(
            contacts=frozenset(self.changed),
            messages=frozenset(self.changed),
            orders=frozenset(self.orders),
            automations=self.automations,
            all_contacts=self.numbers,
            labels=self.labels,
            chats_merged=frozenset(self.merged),
            written=frozenset(self.written),
            campaigns=self.campaigns,
            campaigns_stopped=frozenset(self.campaigns_stopped),
            # A customer's message and her reaction in one batch: the message is told, as WhatsApp does.
            reactions=frozenset(
                replace(r, with_message=True) if r.from_customer() and r.contact_id in self.written else r
                for r in self.reactions.values()
            ),
            from_sync=True,
        )


# --------------------------------------------------------------------------- reading message objects


@dataclass(frozen=True, slots=True)
class _Reaction:
    """A reaction as an event brought it, before it is put on its message (_Batch.apply_reactions)."""

    target: str  # the wamid of the message reacted to
    emoji: str | None  # None: taken back
    direction: str  # "in": the customer's; "out": the shop's
    at: datetime
    wamid: str | None  # the reaction's own WhatsApp id: one already kept is not applied again
    news: bool = True  # not history backfill: reported in BatchResult.reactions


class _Batch:
    def __init__(self, session: Session) -> None:
        self.s = session
        self.result = BatchResult()
        self.contacts: dict[tuple[str, str], int] = {}
        self.new_wamids: set[str] = set()
        # Live messages this batch wrote (not history): placed in the relay's order within a second.
        self.arrived: list[str] = []
        self.campaign_templates: dict[str, dict[str, Any] | None] = {}
        self.template_copies: dict[tuple[str, str], dict[str, Any]] | None = None
        self.new_carts: set[str] = set()  # wamids of new inbound `order` messages: orders to create
        self.reactions: list[_Reaction] = []  # in the order they came, applied after every message
        # Deleted chats (app/chat_actions.py): contact id → messages up to then stay deleted.
        tombs = session.execute(select(ChatTombstone.contact_id, ChatTombstone.deleted_before))
        self.tombstones: dict[int, datetime] = {int(cid): when for cid, when in tombs}

    def deleted(self, contact_id: int, sent_at: datetime) -> bool:
        """A message of a chat the owner deleted, from before the deletion: a re-sync (a new
        machine, a history-gap recovery) must not bring it back."""
        before = self.tombstones.get(contact_id)
        return before is not None and sent_at <= before

    # ---------------------------------------------------------------- contacts
    def load_contacts(self, keys: Iterable[tuple[str, str]]) -> None:
        wa = {v for k, v in keys if k == "wa"}
        users = {v for k, v in keys if k == "user"}
        if wa:
            for cid, wa_id in self.s.execute(select(Contact.id, Contact.wa_id).where(Contact.wa_id.in_(wa))):
                self.contacts[("wa", str(wa_id))] = cid
        if users:
            rows = self.s.execute(
                select(Contact.id, Contact.user_id, Contact.wa_id).where(Contact.user_id.in_(users))
            )
            for cid, user_id, wa_id in rows:
                self.contacts[("user", str(user_id))] = cid
                if wa_id:
                    self.contacts.setdefault(("wa", wa_id), cid)

    def create_contacts(self, messages: list[MessageEvent], outbound: list[OutboundEvent]) -> None:
        """One executemany for every customer first seen in this batch (the common catch-up case)."""
        new: dict[tuple[str, str], dict[str, Any]] = {}
        now = datetime.now(UTC)
        wanted: list[tuple[tuple[str, str] | None, str | None, str | None]] = [
            (
                contact_key(
                    m.contact.wa_id if m.contact else m.message.get("from"),
                    m.contact.user_id if m.contact else None,
                ),
                m.contact.user_id if m.contact else None,
                m.phone_number_id,
            )
            for m in messages
        ] + [(contact_key(o.to, None), None, o.phone_number_id) for o in outbound]
        for key, user_id, pnid in wanted:
            if key is None or key in self.contacts or key in new:
                continue
            if user_id and ("user", user_id) in self.contacts:
                continue  # known by its business-scoped id: contact_id() merges
            row: dict[str, Any] = {"wa_id": None, "user_id": None, "phone_number_id": pnid, "created_at": now}
            row["wa_id" if key[0] == "wa" else "user_id"] = key[1]
            if key[0] == "wa" and user_id and not any(r["user_id"] == user_id for r in new.values()):
                row["user_id"] = user_id
            new[key] = row
        if not new:
            return
        rows = self.s.execute(
            insert(Contact).returning(Contact.id, Contact.wa_id, Contact.user_id), list(new.values())
        ).all()
        for cid, wa_id, user_id in rows:
            if wa_id:
                self.contacts[("wa", str(wa_id))] = int(cid)
            if user_id:
                self.contacts[("user", str(user_id))] = int(cid)

    def contact_id(self, key: tuple[str, str], user_id: str | None = None, pnid: str | None = None) -> int:
        cid = self.contacts.get(key)
        if cid is None and user_id and ("user", user_id) in self.contacts:
            cid = self.contacts[("user", user_id)]
            if key[0] == "wa":  # the business-scoped id arrived first; now we learn the number
                self.s.execute(update(Contact).where(Contact.id == cid).values(wa_id=key[1]))
                self.contacts[key] = cid
        if cid is None:
            values: dict[str, Any] = {"phone_number_id": pnid, "created_at": datetime.now(UTC)}
            if key[0] == "wa":
                values["wa_id"] = key[1]
                if user_id:
                    values["user_id"] = user_id
            else:
                values["user_id"] = key[1]
            cid = int(self.s.execute(insert(Contact).values(**values).returning(Contact.id)).scalar_one())
            self.contacts[key] = cid
            if user_id:
                self.contacts[("user", user_id)] = cid
        return cid

    # ---------------------------------------------------------------- apply
    def run(self, events: Sequence[Event]) -> BatchResult:
        messages: list[MessageEvent] = []
        outbound: list[OutboundEvent] = []
        statuses: list[StatusEvent] = []
        settings: list[SettingsEvent] = []
        contact_events: list[ContactEvent] = []
        unreadable: list[UnreadableEvent] = []
        campaigns: list[CampaignEvent] = []
        for event in events:
            if isinstance(event, UnknownEvent):
                # A kind from a newer relay, or one this version cannot read: moved past.
                log.warning("skipping relay event %s (%s): %s", event.seq, event.kind, event.problem)
                self.result.skipped += 1
                continue
            if isinstance(event, CampaignEvent):
                # Progress goes to the campaign's row (state, counts), not to any chat: its
                # per-recipient sends arrive as `outbound` events.
                campaigns.append(event)
                continue
            if isinstance(event, MessageEvent):
                messages.append(event)
            elif isinstance(event, OutboundEvent):
                outbound.append(event)
            elif isinstance(event, StatusEvent):
                statuses.append(event)
            elif isinstance(event, SettingsEvent):
                settings.append(event)
            elif isinstance(event, ContactEvent):
                contact_events.append(event)
            elif isinstance(event, UnreadableEvent):
                unreadable.append(event)
            else:  # a dict or anything else: parse at the edge (app.wire.read_event / EventsPage)
                raise TypeError(f"not a wire event model: {type(event).__name__}")
            self.result.applied += 1
        keys: set[tuple[str, str]] = set()
        for m in messages:
            c = m.contact
            key = contact_key(c.wa_id if c else m.message.get("from"), c.user_id if c else None)
            if key:
                keys.add(key)
            if c and c.user_id:
                keys.add(("user", c.user_id))
        for o in outbound:
            key = contact_key(o.to, None)
            if key:
                keys.add(key)
        for u in unreadable:
            key = contact_key(u.wa_id, None)
            if key:
                keys.add(key)
        for ce in contact_events:
            for key in (
                contact_key(ce.contact.wa_id, ce.contact.user_id),
                contact_key(ce.previous_wa_id, None),
            ):
                if key:
                    keys.add(key)
        self.load_contacts(keys)
        self.create_contacts(messages, outbound)
        self.apply_messages(messages)
        if messages:
            self.result.numbers = remember_business_numbers(
                self.s, {(m.phone_number_id, m.display_phone_number) for m in messages}
            )
        self.apply_outbound(outbound)
        # A customer's whole-second time must not put her answer before the reply she answered.
        self.result.changed |= place_in_relay_order(self.s, self.arrived)
        # After the messages and the shop's own: a customer's 👍 to a reply sent from the phone comes
        # in the same batch as the reply's echo after a night offline, and must find it.
        self.apply_reactions()
        self.apply_statuses(statuses)
        self.apply_unreadable(unreadable)
        self.apply_orphans()
        # After the messages: the relay logs the "changed number" notice (from the old number) before
        # the contact event, so the notice lands in the old chat, which then moves to the new number.
        for ce in contact_events:
            self.apply_contact_event(ce)
        for se in settings:
            from app.automations_store import apply_remote

            apply_remote(self.s, se.automations)
            self.result.automations = True
        if campaigns:
            from app.campaign_store import set_progress

            for ce_ in campaigns:
                progressed = set_progress(
                    self.s,
                    ce_.campaign_id,
                    ce_.state,
                    ce_.counts,
                    ce_.reason,
                    waiting_until=ce_.waiting_until,
                )
                if progressed is None:
                    self.result.skipped += 1  # another desktop's campaign: nothing here to update
                else:
                    self.result.applied += 1
                    self.result.campaigns = True
                    if progressed.stopped:
                        self.result.campaigns_stopped.add(progressed.campaign_id)
        return self.result

    def apply_unreadable(self, events: list[UnreadableEvent]) -> None:
        """The relay kept an event it cannot serve: a notice in that customer's chat, then move on."""
        rows: list[dict[str, Any]] = []
        for e in events:
            key = contact_key(e.wa_id, None)
            log.warning("relay event %d is unreadable (%s)", e.seq, e.reason)
            if key is None:
                continue  # no chat to show it in; the cursor still moves past it
            cid = self.contact_id(key, None, e.phone_number_id)
            if self.deleted(cid, e.at):
                continue
            self.result.changed.add(cid)
            notice = {"type": RELAY_UNREADABLE, "seq": e.seq, "reason": e.reason}
            rows.append(
                {
                    "contact_id": cid,
                    "wamid": None,
                    "phone_number_id": e.phone_number_id,
                    "direction": "in",
                    "kind": "system",
                    "body": "",
                    "payload": {"type": "system", "system": notice},
                    "reply_to_wamid": None,
                    "status": MessageStatus.RECEIVED,
                    "sent_by": None,
                    "sent_at": e.at,
                    "relay_seq": e.seq,
                    "unread": False,
                    "imported": False,
                }
            )
        if rows:
            self.s.execute(insert(Message), rows)

    def apply_contact_event(self, event: ContactEvent) -> None:
        new_key = contact_key(event.contact.wa_id, event.contact.user_id)
        old_key = contact_key(event.previous_wa_id, None)
        if new_key is None:
            return
        old_id = self.contacts.get(old_key) if old_key else None
        new_id = self.contacts.get(new_key)
        if old_id is not None and new_id is None and new_key[0] == "wa":
            self.s.execute(update(Contact).where(Contact.id == old_id).values(wa_id=new_key[1]))
            self.contacts[new_key] = old_id
            new_id = old_id
        elif old_id is not None and new_id is not None and old_id != new_id:
            # Both numbers were known: the old conversation moves to the new number, her reactions
            # with it (the move trigger sets both rows from their messages alone).
            self.s.execute(update(Message).where(Message.contact_id == old_id).values(contact_id=new_id))
            chats_retold(self.s, (old_id, new_id))
            carry_over_contact(self.s, old_id, new_id)  # her labels, orders, notes…: she is one customer
            self.result.labels = True
            self.result.merged.add((old_id, new_id))
            user_id = self.s.scalar(select(Contact.user_id).where(Contact.id == new_id))
            if user_id:
                self.contacts[("user", user_id)] = new_id
            self._told_in(old_id, new_id)
            self.result.changed.add(old_id)
        if new_id is None:
            new_id = self.contact_id(new_key, event.contact.user_id, event.phone_number_id)
        name = event.contact.profile.name if event.contact.profile else None
        if one_line_name(name):
            self.s.execute(
                update(Contact).where(Contact.id == new_id).values(profile_name=one_line_name(name))
            )
        if "opted_out_at" in event.model_fields_set:  # a marketing opt-out, or Meta's resume
            contact = self.s.get(Contact, new_id)
            if contact is not None:
                apply_remote_opt_out(contact, event.opted_out_at, event.reason)
        if "bot_paused_until" in event.model_fields_set:  # a hand-off to a person, or the bot resumed
            # In her chat on the event's number: a shop with two numbers pauses each chat alone.
            record_bot_pause(self.s, new_id, event.phone_number_id, event.bot_paused_until, event.at)
        self.result.changed.add(new_id)

    def _told_in(self, old_id: int, new_id: int) -> None:
        """This batch's news of the chat `old_id`, now merged into `new_id`, is the new chat's: her
        reaction's notification opens the chat its message is in."""
        for key, reaction in self.result.reactions.items():
            if reaction.contact_id == old_id:
                self.result.reactions[key] = replace(reaction, contact_id=new_id)
        if old_id in self.result.written:
            self.result.written = (self.result.written - {old_id}) | {new_id}

    def _existing_wamids(self, wamids: set[str]) -> set[str]:
        found: set[str] = set()
        ids = list(wamids)
        for i in range(0, len(ids), 500):
            found.update(self.s.scalars(select(Message.wamid).where(Message.wamid.in_(ids[i : i + 500]))))
        return found

    def apply_messages(self, events: list[MessageEvent]) -> None:
        wamids = {str(e.message.get("id")) for e in events if e.message.get("id")}
        existing = self._existing_wamids(wamids)
        rows: list[dict[str, Any]] = []
        media: dict[str, dict[str, Any]] = {}
        # A customer's edit or deletion of her earlier message (Meta's `edit`, `revoke`).
        amends: list[tuple[str, str, Any, int]] = []  # (edit | revoke, target wamid, new message, contact)
        profiles: dict[int, _Profile] = {}
        for e in events:
            obj = e.message
            wamid = str(obj.get("id") or "")
            c = e.contact
            key = contact_key(c.wa_id if c else obj.get("from"), c.user_id if c else None)
            if key is None:
                log.warning("message event %d names no customer; skipped", e.seq)
                continue
            cid = self.contact_id(key, c.user_id if c else None, e.phone_number_id)
            self.result.changed.add(cid)
            history = bool(obj.get("history"))
            sent_at = whatsapp_time(obj.get("timestamp"), e.at)
            sender = e164_digits(str(obj.get("from") or "")) if obj.get("from") else None
            inbound = not history or sender is None or key == ("wa", sender)
            name = c.profile.name if c and c.profile else None
            old = profiles.get(cid, _Profile())
            last_in = old.last_in
            if inbound and not history and obj.get("type") not in ("system",):
                last_in = sent_at if last_in is None or sent_at > last_in else last_in
            # Her chat's number is the one she last wrote to, as the relay's sender takes it: history
            # from the phone app (an old chat on the shop's other number) does not move it there, nor
            # does a message older than one already read (a webhook Meta delivered late).
            number, number_at = old.number, old.number_at
            if not history and e.phone_number_id and (number_at is None or sent_at >= number_at):
                number, number_at = e.phone_number_id, sent_at
            profiles[cid] = _Profile(one_line_name(name) or old.name, last_in, number, number_at)
            if obj.get("type") == "reaction":
                part = obj.get("reaction") or {}
                if part.get("message_id"):
                    # History backfill is the past: kept on its message, never news.
                    self.reactions.append(
                        _Reaction(
                            str(part["message_id"]),
                            part.get("emoji") or None,
                            "in" if inbound else "out",
                            sent_at,
                            wamid or None,
                            news=not history,
                        )
                    )
                continue
            if obj.get("type") in AMEND_KINDS:
                part = obj.get(str(obj["type"])) or {}
                if isinstance(part, dict) and part.get("original_message_id"):
                    amends.append(
                        (str(obj["type"]), str(part["original_message_id"]), part.get("message"), cid)
                    )
                continue  # not a new message: it changes one already in the chat
            if not wamid or wamid in existing:
                continue  # Graph redelivers for days: dedupe on wamid
            existing.add(wamid)
            status: str = MessageStatus.RECEIVED
            if not inbound:
                ctx = obj.get("history_context") or {}
                told = str(ctx.get("status") or "")
                status = told if told in STATUS_RANK else MessageStatus.SENT
            context = obj.get("context") or {}
            rows.append(
                {
                    "contact_id": cid,
                    "wamid": wamid,
                    "phone_number_id": e.phone_number_id,
                    "direction": "in" if inbound else "out",
                    "kind": message_kind(obj),
                    "body": message_body(obj),
                    "payload": obj,
                    "reply_to_wamid": context.get("id") if isinstance(context, dict) else None,
                    "status": status,
                    "sent_by": None if inbound else "phone_app",
                    "sent_at": sent_at,
                    "relay_seq": e.seq,
                    # WhatsApp's notices (a changed number) are shown, not waiting for a reply.
                    "unread": inbound and not history and message_kind(obj) != "system",
                    "imported": history,
                }
            )
            m = media_row(obj)
            if m:
                media[wamid] = m
        self._update_profiles(profiles)
        self._insert_messages(rows, media)
        self._apply_amends(amends)

    def _update_profiles(self, profiles: dict[int, _Profile]) -> None:
        params = [
            {
                "id": cid,
                "name": p.name,
                "pnid": p.number,
                "pnat": None if p.number_at is None else to_millis(p.number_at),
                "last": None if p.last_in is None else to_millis(p.last_in),
            }
            for cid, p in profiles.items()
        ]
        if params:
            self.s.connection().execute(_PROFILE_UPDATE, params)

    def _insert_messages(self, rows: list[dict[str, Any]], media: dict[str, dict[str, Any]]) -> None:
        if self.tombstones:
            rows = [r for r in rows if not self.deleted(r["contact_id"], r["sent_at"])]
        if not rows:
            return
        # One multi-row INSERT of plain values: SQLite does every row (the FTS and contact triggers
        # included) in a single step with the GIL released. Not executemany: it steps row by row and
        # takes the GIL back after each, which costs wake-ups while the window wants it too.
        for first in range(0, len(rows), _ROWS_PER_INSERT):
            part = rows[first : first + _ROWS_PER_INSERT]
            values = tuple(v for r in part for v in _message_tuple(r))
            marks = ", ".join([_ROW_MARKS] * len(part))
            self.s.connection().exec_driver_sql(f"{_INSERT_MESSAGES} {marks}", values)
        self._unarchive_written_to(rows)
        last_message_pointed(self.s, {r["contact_id"] for r in rows})
        wamids = [str(r["wamid"]) for r in rows]
        self.new_wamids.update(wamids)
        self.arrived.extend(str(r["wamid"]) for r in rows if not r["imported"])
        self.new_carts.update(str(r["wamid"]) for r in rows if r["kind"] == "order")
        if media:
            found = self.s.execute(
                select(Message.id, Message.wamid).where(Message.wamid.in_(list(media)))
            ).all()
            media_rows = [{"message_id": int(i), **media[str(w)]} for i, w in found]
            if media_rows:
                self.s.execute(insert(Media), media_rows)

    def _unarchive_written_to(self, rows: list[dict[str, Any]]) -> None:
        """A customer's new message brings an archived chat back to the inbox, as in WhatsApp
        Business: archived, it showed nowhere the owner looks (no count, no notification). Only what
        the customer sends now: not the shop's own messages, not imported history, not notices."""
        written = {r["contact_id"] for r in rows if r["unread"] and r["kind"] != "system"}
        self.result.written |= written
        if not written:
            return
        if load_preferences(self.s).keep_archived:
            return
        self.s.execute(
            update(Contact)
            .where(Contact.id.in_(written), Contact.archived.is_(True))
            .values(archived=False)
            .execution_options(synchronize_session=False)
        )

    def _apply_amends(self, amends: list[tuple[str, str, Any, int]], direction: str = "in") -> None:
        """A customer's edit replaces her message's words (its payload keeps what she wrote first and
        the edit); her deletion leaves "deleted" in its place, its words gone and nothing unread, as
        her phone and WhatsApp's own apps show it. Only her own inbound messages are changed; the
        owner's edits and deletions on the phone app (echoes, `direction` "out") change only hers."""
        for what, target, new, contact_id in amends:
            found = self.s.execute(
                select(Message.id, Message.payload).where(
                    Message.wamid == target, Message.direction == direction, Message.contact_id == contact_id
                )
            ).first()
            if found is None:
                log.info("%s of a message this desktop does not have; ignored", what)
                continue
            payload = dict(found.payload) if isinstance(found.payload, dict) else {}
            values: dict[str, Any]
            if what == "revoke":
                values = {
                    "kind": DELETED_KIND,
                    "body": "",
                    "extra_text": "",
                    "payload": {**payload, "revoked": True},
                    "unread": False,
                }
            else:
                body = message_body(new) if isinstance(new, dict) else ""
                if not body:
                    log.info("edit without words this desktop can read; ignored")
                    continue
                values = {"body": body, "payload": {**payload, "edited": new}}
            if "body" in values:
                values["grams"] = bigram_text(values["body"])
            self.s.execute(update(Message).where(Message.id == found.id).values(values))
            self.result.changed.add(contact_id)

    def apply_reactions(self) -> None:
        """Put the batch's reactions on their messages: the last of each side's on a message wins (a
        customer's 👍 then ❤️ leaves ❤️), an empty emoji takes it off. Each is kept by its wamid:
        one kept before (the feed read again, from an earlier point or in other pages) changes
        nothing and is not reported, nor is one older than what its message shows."""
        events = self.reactions[:]
        self.reactions.clear()
        seen = reactions_seen(self.s, (r.wamid for r in events if r.wamid))
        events = [r for r in events if not r.wamid or r.wamid not in seen]
        if not events:
            return
        targets = sorted({r.target for r in events})
        found: dict[str, Any] = {}
        for i in range(0, len(targets), 500):
            for hit in self.s.execute(
                select(
                    Message.id, Message.wamid, Message.contact_id, Message.reaction_in, Message.reaction_out
                ).where(Message.wamid.in_(targets[i : i + 500]))
            ):
                found[str(hit.wamid)] = hit
        since = shown_since(self.s, (int(row.id) for row in found.values()))
        kept: list[ReactionEvent] = []
        last: dict[tuple[int, str], tuple[str | None, _Reaction]] = {}
        for reaction in events:
            row = found.get(reaction.target)
            if row is None:
                log.info("reaction to a message this desktop does not have; ignored")
                continue
            if reaction.wamid:
                if reaction.wamid in seen:
                    continue  # twice in this batch
                seen.add(reaction.wamid)
            emoji = nfc(reaction.emoji) if reaction.emoji else None
            key = (int(row.id), reaction.direction)
            kept.append(ReactionEvent(key[0], key[1], emoji, reaction.at, reaction.wamid))
            at = to_millis(reaction.at)
            # In whole seconds, WhatsApp's resolution: a reaction this computer sent is kept at the
            # millisecond, and taken back on the phone in the same second, it must still go.
            if at // 1000 < since.get(key, at) // 1000:
                continue  # sent before the one the message shows (which replaced it)
            since[key] = at
            last[key] = (emoji, reaction)
        keep_reaction_events(self.s, kept)
        rows_by_id = {int(row.id): row for row in found.values()}
        updates: dict[str, list[dict[str, Any]]] = {"in": [], "out": []}
        rows: list[ReactionSet] = []  # for the chats' rows (app/chat_reactions.py)
        for (message_id, direction), (emoji, reaction) in last.items():
            row = rows_by_id[message_id]
            if emoji == (row.reaction_in if direction == "in" else row.reaction_out):
                continue
            updates[direction].append({"id": message_id, "emoji": emoji})
            contact_id = int(row.contact_id)
            self.result.changed.add(contact_id)
            rows.append(ReactionSet(contact_id, message_id, direction, emoji, reaction.at))
            if reaction.news:
                self.result.reactions[(message_id, direction)] = AppliedReaction(
                    contact_id, message_id, direction, emoji, reaction.at
                )
        for column, params in (("reaction_in", updates["in"]), ("reaction_out", updates["out"])):
            if params:  # by primary key, one executemany
                self.s.execute(update(Message), [{"id": p["id"], column: p["emoji"]} for p in params])
        note_reactions(self.s, rows)

    # ---------------------------------------------------------------- outbound
    def apply_outbound(self, events: list[OutboundEvent]) -> None:
        for e in events:
            body = e.body or {}
            kind = str(body.get("type") or "text")
            if kind == "reaction":
                part = body.get("reaction") or {}
                if part.get("message_id"):
                    at = whatsapp_time(body.get("timestamp"), e.at)
                    own = e.wamid or (str(body["id"]) if body.get("id") else None)
                    self.reactions.append(
                        _Reaction(str(part["message_id"]), part.get("emoji") or None, "out", at, own)
                    )
                continue
            if kind in AMEND_KINDS:  # the owner edited or deleted a message on the phone app
                part = body.get(kind) or {}
                to = contact_key(e.to, None)
                if isinstance(part, dict) and part.get("original_message_id") and to is not None:
                    cid = self.contact_id(to, None, e.phone_number_id)
                    self._apply_amends(
                        [(kind, str(part["original_message_id"]), part.get("message"), cid)], "out"
                    )
                continue
            row = None
            if e.client_id:
                row = self.s.execute(_OWN_SEND.where(Message.client_id == e.client_id)).first()
            if row is None and e.wamid:
                row = self.s.execute(_OWN_SEND.where(Message.wamid == e.wamid)).first()
            if row is not None:
                values: dict[str, Any] = {}
                if e.phone_number_id and not row.phone_number_id:
                    # Retried without a number (the relay refused the one it was to go from): the
                    # relay's choice is the number it went from.
                    values["phone_number_id"] = e.phone_number_id
                if e.wamid and not row.wamid:
                    values["wamid"] = e.wamid
                    self.new_wamids.add(e.wamid)
                if row.relay_seq is None:  # where the relay logged it: what came after reads after it
                    values["relay_seq"] = e.seq
                if e.wamid and e.client_id and row.relayed_at is None:
                    # Sent through the relay, whose answer this desktop never saved (a timeout, a
                    # quit): the event's time is when it went, the moment the bot's pause counts from.
                    values["relayed_at"] = e.at
                if e.wamid and (
                    row.status == MessageStatus.PENDING or is_unknown_outcome(row.status, row.error_code)
                ):
                    values.update(status=MessageStatus.SENT, error_code=None, error_text=None)
                if row.status == MessageStatus.PENDING and not e.wamid:
                    values.update(
                        status=MessageStatus.FAILED,
                        error_code=UNKNOWN_OUTCOME,
                        error_text=None,
                    )
                if values:
                    self.s.execute(update(Message).where(Message.id == row.id).values(**values))
                self.result.changed.add(int(row.contact_id))
                continue
            key = contact_key(e.to, None)
            if key is None:
                continue
            cid = self.contact_id(key, None, e.phone_number_id)
            obj = {**body, "type": kind}
            sent_at = whatsapp_time(body.get("timestamp"), e.at)
            if self.deleted(cid, sent_at):
                continue
            context = body.get("context") or {}
            message_id = self.s.execute(
                insert(Message)
                .values(
                    contact_id=cid,
                    wamid=e.wamid,
                    client_id=e.client_id,
                    phone_number_id=e.phone_number_id,
                    direction="out",
                    kind=message_kind(obj),
                    body=self.campaign_text(e.campaign_id, body) or message_body(obj),
                    payload=body,
                    reply_to_wamid=(context.get("message_id") or context.get("id"))
                    if isinstance(context, dict)
                    else None,
                    status=MessageStatus.SENT if e.wamid else MessageStatus.FAILED,
                    error_code=None if e.wamid else UNKNOWN_OUTCOME,
                    error_text=None,
                    sent_by=e.sent_by,
                    sent_at=sent_at,
                    relay_seq=e.seq,
                    unread=False,
                    campaign_id=e.campaign_id,
                )
                .returning(Message.id)
            ).scalar_one()
            # A photo or file another computer sent (or this one before its inbox was replaced): the
            # relay keeps the upload, so it downloads and opens here as a customer's does, instead
            # of a grey box that never fills.
            media = media_row(obj)
            if media is not None and media["relay_media_id"]:
                self.s.execute(insert(Media), [{"message_id": int(message_id), **media}])
            if e.wamid:
                self.new_wamids.add(e.wamid)
                self.arrived.append(e.wamid)
            if e.sent_by in ANSWERED_BY_A_PERSON:
                self._read_up_to(cid, sent_at, e.seq)
            self.result.changed.add(cid)

    def _read_up_to(self, contact_id: int, sent_at: datetime, seq: int) -> None:
        """The owner answered this chat elsewhere (another computer, the phone's app): what the
        customer wrote before that answer has been read there, and stops counting as unread here, as
        WhatsApp's own apps do. What came after it stays unread: also what she wrote within the
        same second that the relay logged after the answer (app/relay_order.py)."""
        self.s.execute(
            update(Message)
            .where(
                Message.contact_id == contact_id,
                Message.unread.is_(True),
                Message.sent_at <= sent_at,
                or_(Message.relay_seq.is_(None), Message.relay_seq < seq),
            )
            .values(unread=False)
            .execution_options(synchronize_session=False)
        )

    def campaign_text(self, campaign_id: str | None, body: dict[str, Any]) -> str:
        """A campaign send as its recipient reads it: the campaign's template with their parameters."""
        if not campaign_id:
            return ""
        if campaign_id not in self.campaign_templates:
            from app.models import Campaign

            raw = self.s.scalar(select(Campaign.template).where(Campaign.uid == campaign_id))
            self.campaign_templates[campaign_id] = raw if isinstance(raw, dict) else None
        raw = self.campaign_templates[campaign_id]
        if raw is None:
            return ""
        from app.campaign_checks import template_text
        from app.wire import Template

        sent = body.get("template") or {}
        language = (sent.get("language") or {}).get("code") if isinstance(sent, dict) else None
        if isinstance(language, str) and language != raw.get("language"):
            # This recipient got another language's version (app/template_versions.py).
            raw = self.template_version(str(raw.get("name") or ""), language)
            if raw is None:
                return ""
        params: list[str] = []
        for component in sent.get("components") or []:
            if isinstance(component, dict) and str(component.get("type", "")).lower() == "body":
                params = [
                    str(p.get("text", "")) for p in component.get("parameters") or [] if isinstance(p, dict)
                ]
        try:
            return nfc(template_text(Template.model_validate(raw), params))
        except ValueError:
            return ""

    def template_version(self, name: str, language: str) -> dict[str, Any] | None:
        """A template's version in `language`, from the copy of the approved templates kept."""
        if self.template_copies is None:
            from app.sending import TEMPLATES_SETTING
            from app.settings import get_setting

            stored = get_setting(self.s, TEMPLATES_SETTING, []) or []
            self.template_copies = {
                (str(t.get("name")), str(t.get("language"))): t for t in stored if isinstance(t, dict)
            }
        return self.template_copies.get((name, language))

    # ---------------------------------------------------------------- statuses
    def apply_statuses(self, events: list[StatusEvent]) -> None:
        for e in events:
            st = e.status
            wamid = str(st.get("id") or "")
            if not wamid:
                continue
            contact_id = apply_status(
                self.s, wamid, st, client_id=st.get("biz_opaque_callback_data"), cause=e.graph_cause
            )
            if contact_id is None:
                keep_orphan(self.s, wamid, st)
            else:
                self.result.changed.add(contact_id)

    def apply_orphans(self) -> None:
        if not self.new_wamids:
            return
        # Statuses almost never wait for their message: one cheap look instead of a lookup per wamid.
        if self.s.execute(select(OrphanStatus.wamid).limit(1)).first() is None:
            return
        wamids = list(self.new_wamids)
        for i in range(0, len(wamids), 500):
            orphans = self.s.scalars(select(OrphanStatus).where(OrphanStatus.wamid.in_(wamids[i : i + 500])))
            for orphan in list(orphans):
                contact_id = apply_status(self.s, orphan.wamid, orphan.payload or {"status": orphan.status})
                if contact_id is not None:
                    self.result.changed.add(contact_id)
                self.s.delete(orphan)


def apply_events(session: Session, events: Sequence[Event], next_cursor: int | None = None) -> BatchResult:
    """Apply one batch of wire events (app/wire.py models) and, when given, the new cursor — same
    transaction."""
    batch = _Batch(session)
    result = batch.run(events)
    # A customer's cart becomes an order in the same transaction as its message.
    result.orders = orders_from_new_carts(session, batch.new_carts) if batch.new_carts else []
    if next_cursor is not None:
        set_cursor(session, next_cursor)
    return result


def set_cursor(session: Session, cursor: int, *, relay_url: str | None = None) -> None:
    state = session.get(SyncState, 1)
    if state is None:
        session.add(SyncState(id=1, cursor=cursor, relay_url=relay_url, updated_at=datetime.now(UTC)))
        session.flush()
        return
    state.cursor = cursor
    state.updated_at = datetime.now(UTC)
    if relay_url is not None:
        state.relay_url = relay_url


def current_cursor(session: Session) -> int:
    state = session.get(SyncState, 1)
    return int(state.cursor) if state is not None else 0


def start_counting_on(db: Database, relay_url: str) -> Changes:
    """The relay's address changed: its events are read from its start. The cursor counted the old
    relay's events, so on another relay it skipped that many of the new one's first events without
    a word (or, ahead of them all, read them as a "relay started afresh"). Events are matched by
    WhatsApp's ids, so the same relay at a new address doubles nothing."""
    with db.write() as session:
        set_cursor(session, 0, relay_url=relay_url)
    return Changes()
