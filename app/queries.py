"""Read queries the UI needs: the chat list, pages of a chat, unread counts, labels; and mark-as-read."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import and_, or_, select, text, update
from sqlalchemy.orm import Session, object_session

from app import relay_clock
from app.conversation_rows import (
    AUTOMATIC_SENDERS_SQL,
    CONVERSATIONS_SQL,
    PREVIEW_BODY_SQL,
    PREVIEW_KIND_SQL,
    ConversationFilter,
    ConversationRow,
    LabelRow,
    any_archived_sql,
    conversation_row,
    conversation_where,
    from_millis,
)
from app.models import Campaign, Contact, Label, Message, contact_label
from app.template_buttons import sent_template_buttons
from app.thread_priority import window_first


@dataclass(frozen=True, slots=True)
class MessageRow:
    """One message as a chat view shows it."""

    id: int
    contact_id: int
    wamid: str | None
    client_id: str | None
    direction: str
    kind: str
    body: str
    payload: dict[str, Any] | None
    reply_to_wamid: str | None
    status: str
    error_code: str | None
    error_text: str | None
    sent_by: str | None
    sent_at: datetime
    unread: bool
    imported: bool
    reaction_in: str | None
    reaction_out: str | None
    sender_name: str | None = None  # who wrote it, in a group archive
    campaign_name: str | None = None  # the campaign that sent it (its bubble is tagged with the name)
    # An outgoing template's buttons, as the customer sees them under it ("주문하기"): the template's
    # own, from the campaign that sent it or the copy of the approved templates kept.
    template_buttons: tuple[str, ...] = ()
    # A shop with two numbers: the one the message came in on or went from, as people dial it (a
    # customer who wrote to both branches has one chat with both); None in a one-number shop.
    business_number: str | None = None


def conversations_page(
    session: Session,
    *,
    kind: ConversationFilter = "all",
    label_id: int | None = None,
    number: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[ConversationRow]:
    """The chat list in one query: pinned first, then most recent; with last message and labels.
    With `number` (a phone_number_id), only the chats to that business number."""
    where, params = conversation_where(kind, label_id, contact_ids=False, number=number)
    sql = text(CONVERSATIONS_SQL.format(where=where))
    rows = session.execute(sql, {**params, "limit": limit, "offset": offset}).all()
    return [conversation_row(r) for r in rows]


def conversations_by_id(
    session: Session, contact_ids: set[int] | frozenset[int] | list[int]
) -> list[ConversationRow]:
    """Fresh chat-list rows for the contacts a sync batch changed."""
    if not contact_ids:
        return []
    where, _ = conversation_where("all", None, contact_ids=True)
    sql = text(CONVERSATIONS_SQL.format(where=where))
    params = {"ids": json.dumps(sorted(contact_ids)), "limit": len(contact_ids), "offset": 0}
    rows: list[ConversationRow] = []
    for part in session.execute(sql, params).partitions(ROWS_BETWEEN_PAUSES):
        window_first()  # a catch-up re-reads hundreds: the window's scroll goes first
        rows.extend(conversation_row(r) for r in part)
    return with_arrived_messages(session, rows)


# Each chat's last unread message to arrive (ix_message_unread holds the ids), as a preview shows it.
# PREVIEW_*_SQL double their braces for a .format(): undone here.
_ARRIVED_SQL = f"""
SELECT j.value, m.phone_number_id, {PREVIEW_KIND_SQL}, {PREVIEW_BODY_SQL}
  FROM json_each(:ids) j
  JOIN message m ON m.id = (SELECT max(u.id) FROM message u WHERE u.contact_id = j.value AND u.unread = 1)
 WHERE :numbers OR m.id != (SELECT c.last_message_id FROM contact c WHERE c.id = j.value)
""".format()


def with_arrived_messages(session: Session, rows: list[ConversationRow]) -> list[ConversationRow]:
    """The rows, each unread one carrying its customer's last message to arrive, which a
    notification tells: not the shop's greeting, away or bot reply after it, not the chat's newest
    message when it came late; and in a shop with two numbers the number it came to."""
    unread = [r.contact_id for r in rows if r.unread_count]
    if not unread:
        return rows
    numbers = _numbers_by_id(session)  # a chat imported or kept from before may have no number
    # Most often the last message to arrive is the chat's last one, which the row has already: only
    # the others are read (and every one in a shop with two numbers, to say which it came to).
    found = session.execute(text(_ARRIVED_SQL), {"ids": json.dumps(unread), "numbers": bool(numbers)})
    arrived = {
        int(cid): (kind, body, numbers.get(str(pnid)) if pnid else None) for cid, pnid, kind, body in found
    }
    if not arrived:
        return rows
    return [
        replace(
            r,
            arrived_kind=arrived[r.contact_id][0],
            arrived_body=arrived[r.contact_id][1],
            arrived_number=arrived[r.contact_id][2],
        )
        if r.contact_id in arrived
        else r
        for r in rows
    ]


class Arrival(NamedTuple):
    """A changed chat the list does not show whose customer wrote last and is waiting (unread)."""

    contact_id: int
    unread_count: int
    last_message_at: datetime | None


@dataclass(frozen=True, slots=True)
class ChangedConversations:
    rows: list[ConversationRow]  # the changed chats the list shows or could show, in its order
    elsewhere: list[Arrival]  # the other changed chats with an unread message from their customer
    gone: frozenset[int] = frozenset()  # chats the list shows that changed and cannot stay in it


# Fewer arrivals than this outside the list are read as whole rows: a notification names each one.
ARRIVALS_NAMED = 3
# A re-read of hundreds of chats steps aside for the window's scroll this often (window_first).
ROWS_BETWEEN_PAUSES = 50

_ARRIVALS_SQL = f"""
SELECT c.id, c.unread_count, c.last_message_at, coalesce(c.bot_paused_until > :now, 0)
  FROM contact c
  LEFT JOIN message m ON m.id = c.last_message_id
 WHERE c.id IN (SELECT value FROM json_each(:ids))
   AND ((c.unread_count > 0
         AND (m.direction = 'in' OR m.sent_by IN ({AUTOMATIC_SENDERS_SQL})
              OR c.id IN (SELECT value FROM json_each(:written)))
         AND c.blocked = 0 AND c.archived = 0)
        OR c.bot_paused_until > :now)
 ORDER BY c.pinned DESC, c.last_message_at DESC, c.id DESC
"""


def changed_conversations(
    session: Session,
    contact_ids: set[int] | frozenset[int],
    *,
    shown: set[int] | frozenset[int],
    room: int,
    kind: ConversationFilter = "all",
    label_id: int | None = None,
    number: str | None = None,
    keep_shown: bool = False,
    also: set[int] | frozenset[int] = frozenset(),
    written: set[int] | frozenset[int] = frozenset(),
) -> ChangedConversations:
    """Fresh rows for the changed chats that a list keeping `room` rows, showing `shown`, will show
    after them; for every other changed chat only whether its customer is waiting.

    A catch-up changes thousands of chats while the list keeps a few hundred: only the `room`
    first of the changed chats that pass the list's filter can be among its rows afterwards, and
    a shown chat that changed and is not among them leaves the list (`gone`). With `keep_shown`
    (the list is holding its order still) every shown chat that changed is read whole. Chats in
    `also` (the open chat), chats handed to a person by the menu bot and a few arrivals are read
    whole too: the chat pane shows the first, and a notification names the others. A chat in
    `written` (a customer wrote to it in the batch) is waiting whatever its last message: hers may
    have come late, before the shop's reply.
    """
    ids = set(contact_ids)
    if len(ids) <= room:
        return ChangedConversations(conversations_by_id(session, ids), [])
    where, params = conversation_where(kind, label_id, contact_ids=False, number=number)
    candidates = ids - set(shown) if keep_shown else ids
    first = session.execute(
        text(
            "SELECT c.id FROM contact c LEFT JOIN message m ON m.id = c.last_message_id "
            f"WHERE {where} AND c.id IN (SELECT value FROM json_each(:ids)) "
            "ORDER BY c.pinned DESC, c.last_message_at DESC, c.id DESC LIMIT :room"
        ),
        {**params, "ids": json.dumps(sorted(candidates)), "room": room},
    ).scalars()
    whole = set(first) | (ids & set(also))
    if keep_shown:
        whole |= ids & set(shown)
    gone = frozenset((ids & set(shown)) - whole)
    rest = ids - whole
    waiting: list[Any] = []  # (contact id, unread, last message at, handed to a person)
    arrivals = session.execute(
        # A hand-off's end is the relay's time: compared on this computer's clock set right by it.
        text(_ARRIVALS_SQL),
        {
            "ids": json.dumps(sorted(rest)),
            "written": json.dumps(sorted(rest & set(written))),
            "now": int(relay_clock.now().timestamp() * 1000),
        },
    )
    for part in arrivals.partitions(ROWS_BETWEEN_PAUSES):
        window_first()
        waiting.extend(part)
    elsewhere = [Arrival(r[0], int(r[1]), from_millis(r[2])) for r in waiting if not r[3]]
    handed = {r[0] for r in waiting if r[3]}
    if len(elsewhere) < ARRIVALS_NAMED:
        handed.update(a.contact_id for a in elsewhere)
        elsewhere = []
    whole |= handed
    return ChangedConversations(conversations_by_id(session, whole), elsewhere, gone - handed)


@dataclass(frozen=True, slots=True)
class UnreadCounts:
    chats: int  # chats with at least one unread message (the Unread filter's badge)
    messages: int  # unread messages in all chats, to every number (window title, tray)
    # Archived chats with unread messages (the Archived filter's badge), of the number the list shows.
    archived_chats: int = 0
    # Unread messages (archived chats left out) to each business number (phone_number_id) that has
    # any, in the numbers' order: a shop with two numbers is told which one a message is waiting on.
    by_number: tuple[tuple[str, int], ...] = ()
    # Whether any chat (of the number the list shows) is archived: an inbox left empty by archiving
    # every chat says where they are, not "no chats yet".
    any_archived: bool = False


def unread_counts(session: Session, number: str | None = None) -> UnreadCounts:
    """Archived chats are left out of the inbox's counts, and counted apart: with `number` (the
    phone_number_id whose chats the list shows) only its archived chats, as its Archived filter lists.
    The messages are counted to every number: one to the other number must not go unseen."""
    # One pass over the chats with unread messages, grouped by number and archived.
    groups = session.execute(
        text(
            "SELECT phone_number_id, archived != 0, count(*), sum(unread_count) FROM contact "
            "WHERE unread_count > 0 GROUP BY phone_number_id, archived != 0"
        )
    ).all()
    chats = messages = archived = 0
    by_number: dict[str, int] = {}
    for pnid, is_archived, chat_count, unread in groups:
        if is_archived:
            archived += chat_count if number is None or pnid == number else 0
            continue
        chats += chat_count
        messages += unread
        if pnid is not None:
            by_number[str(pnid)] = by_number.get(str(pnid), 0) + int(unread)
    any_archived = session.scalar(
        text(any_archived_sql(number is not None)), {"number": number} if number is not None else {}
    )
    return UnreadCounts(
        chats=int(chats),
        messages=int(messages),
        archived_chats=int(archived),
        by_number=tuple(sorted(by_number.items())),
        any_archived=bool(any_archived),
    )


def _numbers_by_id(session: Session) -> dict[str, str]:
    """{phone_number_id: display number} of a shop with two numbers or more; {} with one."""
    from app.business_numbers import BUSINESS_NUMBERS_KEY, number_choices
    from app.settings import get_setting

    choices = number_choices(get_setting(session, BUSINESS_NUMBERS_KEY, {}))
    return {c.phone_number_id: c.number for c in choices}


def _message_row(m: Message, numbers: dict[str, str]) -> MessageRow:
    return MessageRow(
        id=m.id,
        contact_id=m.contact_id,
        wamid=m.wamid,
        client_id=m.client_id,
        direction=m.direction,
        kind=m.kind,
        body=m.body,
        payload=m.payload,
        reply_to_wamid=m.reply_to_wamid,
        status=m.status,
        error_code=m.error_code,
        error_text=m.error_text,
        sent_by=m.sent_by,
        sent_at=m.sent_at,
        unread=m.unread,
        imported=m.imported,
        reaction_in=m.reaction_in,
        reaction_out=m.reaction_out,
        sender_name=m.sender_name,
        campaign_name=_campaign_name(m),
        template_buttons=_template_buttons(m),
        business_number=numbers.get(m.phone_number_id) if m.phone_number_id else None,
    )


def _campaign_name(m: Message) -> str | None:
    if not m.campaign_id:
        return None
    session = object_session(m)
    if session is None:
        return None
    return session.scalar(select(Campaign.name).where(Campaign.uid == m.campaign_id))


def _template_buttons(m: Message) -> tuple[str, ...]:
    """The titles of the buttons of the template an outgoing message was sent with
    (app/template_buttons.py); () for other messages, or a template no longer known."""
    session = object_session(m)
    if m.kind != "template" or m.direction != "out" or session is None:
        return ()
    return sent_template_buttons(session, m.payload, m.campaign_id)


def messages_page(
    session: Session,
    contact_id: int,
    *,
    before_id: int | None = None,
    after_id: int | None = None,
    limit: int = 50,
) -> list[MessageRow]:
    """Up to `limit` messages of a chat in display order (oldest first).

    With neither anchor: the newest page. `before_id`: the page just older than that message.
    `after_id`: the page just newer. Order is (sent_at, id), as DESIGN.md fixes it.
    """
    stmt = select(Message).where(Message.contact_id == contact_id)
    if before_id is not None or after_id is not None:
        anchor = session.get(Message, before_id if before_id is not None else after_id)
        if anchor is None:
            return []
        # Spelled out (not a row-value tuple) so the bound time goes through UTCTimestamp.
        same_time = Message.sent_at == anchor.sent_at
        if before_id is not None:
            stmt = stmt.where(or_(Message.sent_at < anchor.sent_at, and_(same_time, Message.id < anchor.id)))
        else:
            stmt = stmt.where(or_(Message.sent_at > anchor.sent_at, and_(same_time, Message.id > anchor.id)))
    if after_id is not None:
        stmt = stmt.order_by(Message.sent_at, Message.id).limit(limit)
        rows = list(session.scalars(stmt))
    else:
        stmt = stmt.order_by(Message.sent_at.desc(), Message.id.desc()).limit(limit)
        rows = list(session.scalars(stmt))
        rows.reverse()
    numbers = _numbers_by_id(session)
    return [_message_row(m, numbers) for m in rows]


def message_ids_between(session: Session, contact_id: int, first_id: int, last_id: int) -> list[int]:
    """Ids of a chat's messages from `first_id` to `last_id` in display order, both included. A
    message that came late (WhatsApp redelivered it hours on, with its own earlier time) sorts in
    among messages already shown: an open chat finds it here."""
    first, last = session.get(Message, first_id), session.get(Message, last_id)
    if first is None or last is None:
        return []
    stmt = select(Message.id).where(
        Message.contact_id == contact_id,
        or_(Message.sent_at > first.sent_at, and_(Message.sent_at == first.sent_at, Message.id >= first.id)),
        or_(Message.sent_at < last.sent_at, and_(Message.sent_at == last.sent_at, Message.id <= last.id)),
    )
    return list(session.scalars(stmt.order_by(Message.sent_at, Message.id)))


def messages_around(
    session: Session, message_id: int, *, before: int = 25, after: int = 25
) -> list[MessageRow]:
    """The window of a chat around one message (jump to a quoted message or a search hit)."""
    target = session.get(Message, message_id)
    if target is None:
        return []
    older = messages_page(session, target.contact_id, before_id=message_id, limit=before)
    newer = messages_page(session, target.contact_id, after_id=message_id, limit=after)
    return [*older, _message_row(target, _numbers_by_id(session)), *newer]


def has_written(session: Session, contact_id: int) -> bool:
    """The customer sent this shop at least one message, imported history included. One who never
    did is not "outside the 24 hours since she last wrote": WhatsApp lets the shop start only with an
    approved template, and the closed-window sentences say she has not written yet."""
    found = session.scalar(
        select(Message.id).where(Message.contact_id == contact_id, Message.direction == "in").limit(1)
    )
    return found is not None


def has_saved_chats(session: Session) -> bool:
    """Whether any chat is kept on this computer (a message in either direction, imported or synced)."""
    return session.scalar(select(Message.id).limit(1)) is not None


def message_by_wamid(session: Session, wamid: str) -> MessageRow | None:
    m = session.scalar(select(Message).where(Message.wamid == wamid))
    return None if m is None else _message_row(m, _numbers_by_id(session))


def messages_by_ids(session: Session, ids: list[int]) -> list[MessageRow]:
    """Fresh rows for messages whose ticks or reactions changed."""
    if not ids:
        return []
    numbers = _numbers_by_id(session)
    return [_message_row(m, numbers) for m in session.scalars(select(Message).where(Message.id.in_(ids)))]


def mark_read(session: Session, contact_id: int) -> list[str]:
    """Mark a chat's inbound messages read; returns the wamids to send read receipts for.

    WhatsApp marks everything before a message read when that one is, so only the newest wamid
    is returned (at most one receipt per chat opening).
    """
    newest = session.execute(
        select(Message.wamid)
        .where(Message.contact_id == contact_id, Message.unread.is_(True))
        .order_by(Message.sent_at.desc(), Message.id.desc())
        .limit(1)
    ).scalar_one_or_none()
    session.execute(
        update(Message).where(Message.contact_id == contact_id, Message.unread.is_(True)).values(unread=False)
    )
    return [newest] if newest else []


def labels(session: Session) -> list[LabelRow]:
    return [
        LabelRow(label.id, label.name, label.colour)
        for label in session.scalars(select(Label).order_by(Label.position, Label.id))
    ]


def contacts_by_label(session: Session, label_id: int) -> list[Contact]:
    stmt = (
        select(Contact)
        .join(contact_label, contact_label.c.contact_id == Contact.id)
        .where(contact_label.c.label_id == label_id)
        .order_by(Contact.saved_name, Contact.profile_name, Contact.wa_id)
    )
    return list(session.scalars(stmt))


def set_label(session: Session, contact_id: int, label_id: int, on: bool) -> None:
    """Toggle one label on a contact."""
    if on:
        session.execute(
            text("INSERT OR IGNORE INTO contact_label(contact_id, label_id) VALUES (:c, :l)"),
            {"c": contact_id, "l": label_id},
        )
    else:
        session.execute(
            contact_label.delete().where(
                contact_label.c.contact_id == contact_id, contact_label.c.label_id == label_id
            )
        )


def set_flags(
    session: Session,
    contact_id: int,
    *,
    pinned: bool | None = None,
    archived: bool | None = None,
    blocked: bool | None = None,
) -> None:
    values = {
        k: v for k, v in {"pinned": pinned, "archived": archived, "blocked": blocked}.items() if v is not None
    }
    if values:
        session.execute(update(Contact).where(Contact.id == contact_id).values(**values))
