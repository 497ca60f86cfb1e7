"""The desktop's data model: SQLAlchemy 2.0 typed tables for contacts, messages, catalogue and settings."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

from app import interactive_text
from app.template_buttons import sent_template_buttons
from app.text import bigram_text


class UTCTimestamp(TypeDecorator[datetime]):
    """An aware UTC datetime stored as integer milliseconds since the epoch (fast to index and sort)."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column; use an aware datetime")
        return round(value.timestamp() * 1000)

    def process_result_value(self, value: int | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return datetime.fromtimestamp(value / 1000, tz=UTC)


def to_millis(value: datetime) -> int:
    """The integer stored by UTCTimestamp, for raw SQL."""
    return round(value.timestamp() * 1000)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(moment: datetime) -> datetime:
    """A stored moment made aware: SQLite hands a UTC datetime back without its zone."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Direction(enum.StrEnum):
    IN = "in"
    OUT = "out"


class MessageStatus(enum.StrEnum):
    """Outbound ticks move forward only: pending < sent < delivered < read; failed beats pending/sent."""

    RECEIVED = "received"  # inbound messages
    PENDING = "pending"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"


TICK_ORDER = {
    MessageStatus.PENDING: 0,
    MessageStatus.SENT: 1,
    MessageStatus.DELIVERED: 2,
    MessageStatus.READ: 3,
}

contact_label = Table(
    "contact_label",
    Base.metadata,
    Column("contact_id", ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True),
    Column("label_id", ForeignKey("label.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_contact_label_label", "label_id"),
)

catalog_item_collection = Table(
    "catalog_item_collection",
    Base.metadata,
    Column("item_id", ForeignKey("catalog_item.id", ondelete="CASCADE"), primary_key=True),
    Column("collection_id", ForeignKey("collection.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, nullable=False, server_default="0"),
)


class Contact(Base):
    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    wa_id: Mapped[str | None] = mapped_column(String(32), unique=True)
    user_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    phone_number_id: Mapped[str | None] = mapped_column(String(32))  # business number last used
    profile_name: Mapped[str | None] = mapped_column(String(256))
    saved_name: Mapped[str | None] = mapped_column(String(256))
    notes: Mapped[str] = mapped_column(Text, default="", server_default="")
    opted_in_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    last_inbound_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    blocked: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    archived: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)
    # Kept in step by triggers (app/schema_sql.py) so the chat list is one indexed query.
    last_message_id: Mapped[int | None] = mapped_column(Integer)
    last_message_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    unread_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The chat's newest reaction (either side's: "in" the customer's, "out" the shop's), on that
    # message, at that time: the chat list says it while nothing newer came (app/chat_reactions.py).
    # A customer's also moves last_message_at, which orders the list; the shop's own does not.
    reaction_message_id: Mapped[int | None] = mapped_column(Integer)
    reaction_from: Mapped[str | None] = mapped_column(String(3))
    reaction_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    # The relay's menu bot handed this chat (her chat on `phone_number_id`) to a person until then
    # (None: the bot runs there). Kept in step from BotPause by triggers (migration 0024).
    bot_paused_until: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    # Consents (migration 0007; app/consent.py): how each was given is a ConsentHow value.
    opted_in_how: Mapped[str] = mapped_column(String(16), default="", server_default="")
    marketing_consent_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    marketing_consent_how: Mapped[str] = mapped_column(String(16), default="", server_default="")
    night_consent_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)  # marketing 21:00–08:00
    # Opted out of marketing (an OptOutReason: keyword / button / meta_stop / owner); None: not opted out.
    opted_out_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    opted_out_reason: Mapped[str] = mapped_column(String(16), default="", server_default="")

    labels: Mapped[list[Label]] = relationship(secondary=contact_label, back_populates="contacts")

    __table_args__ = (
        Index("ix_contact_list", "archived", "pinned", "last_message_at"),
        # One business number's chats in the list's order (the chat list's number chip; migration 0019).
        Index("ix_contact_number_list", "phone_number_id", "archived", "pinned", "last_message_at"),
    )

    @property
    def display_name(self) -> str:
        return self.saved_name or self.profile_name or ("+" + self.wa_id if self.wa_id else "")


class BotPause(Base):
    """The menu bot's hand-off and resume in one chat: the customer on one business number (the
    relay's `contact` events)."""

    __tablename__ = "bot_pause"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    # '' for a chat on no known number (contact.phone_number_id NULL).
    phone_number_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    paused_until: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    # When "Resume bot" last switched it back on here (the relay's `contact` event's time): the
    # owner's messages before it no longer keep the bot quiet (app.rules.owner_pause_until).
    resumed_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)


class Message(Base):
    __tablename__ = "message"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"))
    wamid: Mapped[str | None] = mapped_column(String(128), unique=True)
    client_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    phone_number_id: Mapped[str | None] = mapped_column(String(32))
    direction: Mapped[str] = mapped_column(String(3))
    kind: Mapped[str] = mapped_column(String(16), default="text")
    body: Mapped[str] = mapped_column(Text, default="", server_default="")
    # What an interactive message showed besides its body (its buttons or list rows, header and
    # footer), worked out from payload, or a template's buttons, for search (app/interactive_text.py;
    # migrations 0027, 0028).
    extra_text: Mapped[str] = mapped_column(
        Text,
        default=lambda ctx: _extra_default(ctx.get_current_parameters(), ctx.connection),
        server_default="",
        deferred=True,
    )
    # Space-separated character bigrams of body and extra_text, computed in Python for the bigram FTS table.
    grams: Mapped[str] = mapped_column(
        Text,
        default=lambda ctx: _grams_default(ctx.get_current_parameters()),
        server_default="",
        deferred=True,
    )
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reply_to_wamid: Mapped[str | None] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(10), default=MessageStatus.RECEIVED)
    error_code: Mapped[str | None] = mapped_column(String(32))
    error_text: Mapped[str | None] = mapped_column(Text)
    sent_by: Mapped[str | None] = mapped_column(String(16))
    sent_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)
    # A reply of this desktop's: when the relay sent it (WhatsApp took it), by the relay's clock, as
    # its rules count it (the owner's last reply). Later than sent_at when it waited in the outbox;
    # None while it waits, and for every other message, whose sent_at is already the relay's or
    # WhatsApp's time (migration 0026).
    relayed_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    relay_seq: Mapped[int | None] = mapped_column(BigInteger)
    unread: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    imported: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    reaction_in: Mapped[str | None] = mapped_column(String(16))  # the customer's emoji on this message
    reaction_out: Mapped[str | None] = mapped_column(String(16))  # the shop's emoji on this message
    # Group archives: who wrote it, as the export names them (one-to-one chats leave it empty).
    sender_name: Mapped[str | None] = mapped_column(String(256))
    # The chat import that wrote the row, so a cancelled import is removed (found by its id range).
    import_id: Mapped[str | None] = mapped_column(String(32))
    # The campaign (its uid) that sent this message, from the relay's outbound event.
    campaign_id: Mapped[str | None] = mapped_column(String(64))

    contact: Mapped[Contact] = relationship()
    media: Mapped[list[Media]] = relationship(back_populates="message", cascade="all, delete-orphan")

    __table_args__ = (
        Index("ix_message_contact_time", "contact_id", "sent_at", "id"),
        Index("ix_message_unread", "contact_id", sqlite_where=text("unread = 1")),
        Index("ix_message_pending", "status", sqlite_where=text("status = 'pending'")),
        # Only rows that quote another have a reply_to_wamid: imports and most messages pay nothing.
        Index("ix_message_reply_to", "reply_to_wamid", sqlite_where=text("reply_to_wamid IS NOT NULL")),
        # Search ranks every hit by time, newest first, across chats.
        Index("ix_message_time", "sent_at", "id"),
        Index("ix_message_campaign", "campaign_id", sqlite_where=text("campaign_id IS NOT NULL")),
        # When a customer last wrote to each business number: its 24-hour window (app/service_window.py;
        # migration 0022). Her live messages only: the shop's replies and imported history pay nothing.
        Index(
            "ix_message_inbound_number",
            "contact_id",
            "phone_number_id",
            "sent_at",
            sqlite_where=text("direction = 'in' AND imported = 0"),
        ),
    )


class Reaction(Base):
    """One reaction event on a message, as WhatsApp sent it: a side's emoji set, or taken back (None).

    A message shows each side's newest (by `sent_at`, then arrival) in `Message.reaction_in`/`_out`;
    the rows before it stay, so an event read again (a relay started afresh) is known by its `wamid`
    and never applied or told twice, and a chat's earlier reaction still standing is found, with its
    time, when her newest is taken back (app/chat_reactions.py; migration 0021).
    """

    __tablename__ = "reaction"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(String(3))  # "in": the customer's; "out": the shop's
    emoji: Mapped[str | None] = mapped_column(String(16))
    sent_at: Mapped[datetime] = mapped_column(UTCTimestamp)
    # The reaction event's own WhatsApp id; None for one from before 0021 or sent with no answer.
    wamid: Mapped[str | None] = mapped_column(String(128), unique=True)

    __table_args__ = (Index("ix_reaction_message", "message_id", "direction", "sent_at"),)


class ConversationKind(enum.StrEnum):
    GROUP_ARCHIVE = "group_archive"


class Conversation(Base):
    """A chat that is not one customer: a group imported from a phone export, kept read-only.

    Its messages hang off `contact_id`, a contact row with no WhatsApp number that gives the
    archive its place in the chat list, chat view, search and export; nothing can be sent to it
    (no number) and automations never see it (the relay knows only numbers).
    """

    __tablename__ = "conversation"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(256))
    # [{"name": as the export writes it, "wa_id": digits or null, "contact_id": linked contact or null}]
    participants: Mapped[list[Any]] = mapped_column(default=list)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)

    contact: Mapped[Contact] = relationship()


class Media(Base):
    __tablename__ = "media"

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("message.id", ondelete="CASCADE"), index=True)
    mime: Mapped[str] = mapped_column(String(128), default="application/octet-stream")
    filename: Mapped[str | None] = mapped_column(String(255))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64))
    relay_media_id: Mapped[str | None] = mapped_column(String(128), index=True)
    cache_path: Mapped[str | None] = mapped_column(Text)  # relative to the media folder
    thumb_path: Mapped[str | None] = mapped_column(Text)

    message: Mapped[Message] = relationship(back_populates="media")


class OrphanStatus(Base):
    """A status that arrived before its message; applied when the message lands."""

    __tablename__ = "orphan_status"

    wamid: Mapped[str] = mapped_column(String(128), primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Label(Base):
    __tablename__ = "label"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    colour: Mapped[str] = mapped_column(String(9))  # "#RRGGBB"
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Which of DEFAULT_LABELS this is (its default English name), whatever the owner renamed it to:
    # orders find their labels by it (migration 0012). None for the owner's own labels.
    builtin: Mapped[str | None] = mapped_column(String(32), unique=True)

    contacts: Mapped[list[Contact]] = relationship(secondary=contact_label, back_populates="labels")


# WhatsApp Business's default labels and colours.
DEFAULT_LABELS: tuple[tuple[str, str], ...] = (
    ("New customer", "#3DA1F1"),
    ("New order", "#F5A623"),
    ("Pending payment", "#E45756"),
    ("Paid", "#9B59B6"),
    ("Shipped", "#2F80ED"),  # not WhatsApp's: orders move chats to it (migration 0004)
    ("Order complete", "#25D366"),
)


class QuickReply(Base):
    __tablename__ = "quick_reply"

    id: Mapped[int] = mapped_column(primary_key=True)
    shortcut: Mapped[str] = mapped_column(String(32), unique=True)  # "/thanks"
    text: Mapped[str] = mapped_column(Text, default="")
    media_path: Mapped[str | None] = mapped_column(Text)
    keywords: Mapped[list[Any]] = mapped_column(default=list)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # The same answer in another language, for a customer who writes in other letters ("" = none).
    text_other_language: Mapped[str] = mapped_column(Text, default="", server_default="")


class CatalogItem(Base):
    __tablename__ = "catalog_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    retailer_id: Mapped[str] = mapped_column(String(100), unique=True)  # SKU / item code
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="", server_default="")
    price_minor: Mapped[int] = mapped_column(BigInteger)  # integer minor units (KRW has none)
    currency: Mapped[str] = mapped_column(String(3))  # ISO 4217
    url: Mapped[str | None] = mapped_column(Text)
    images: Mapped[list[Any]] = mapped_column(default=list)  # paths relative to the catalogue folder
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow, onupdate=utcnow)

    collections: Mapped[list[Collection]] = relationship(
        secondary=catalog_item_collection, back_populates="items"
    )


class Collection(Base):
    __tablename__ = "collection"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    items: Mapped[list[CatalogItem]] = relationship(
        secondary=catalog_item_collection, back_populates="collections"
    )


class Setting(Base):
    """One JSON value per key: relay URL, business profile, hours, automations copy, preferences."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)


class SyncState(Base):
    """The relay cursor, written in the same transaction as the events it covers."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    relay_url: Mapped[str | None] = mapped_column(Text)
    cursor: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    updated_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    history_gap_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)


class ChatTombstone(Base):
    """A deleted chat: messages sent up to `deleted_before` never come back from the relay."""

    __tablename__ = "chat_tombstone"

    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    deleted_before: Mapped[datetime] = mapped_column(UTCTimestamp)


class Order(Base):
    """A customer's order, from a cart message or started by the owner; money in integer minor units."""

    __tablename__ = "order"

    id: Mapped[int] = mapped_column(primary_key=True)
    # "2026-0001": the shop's own number, per year (year and seq keep the numbering exact past 9999).
    number: Mapped[str] = mapped_column(String(16), unique=True)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    # An order outlives its chat: deleting a contact keeps the books (SET NULL).
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id", ondelete="SET NULL"))
    message_id: Mapped[int | None] = mapped_column(
        ForeignKey("message.id", ondelete="SET NULL"), unique=True
    )  # the cart message it came from
    source: Mapped[str] = mapped_column(String(8))  # "cart" | "chat"
    state: Mapped[str] = mapped_column(String(20))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    shipping_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    surcharge_minor: Mapped[int] = mapped_column(BigInteger, default=0)  # remote area (도서산간)
    # Where the surcharge is for (app.surcharge_areas; migration 0017): "" on orders stored before,
    # which were all charged the remote-area (도서산간) one.
    surcharge_area: Mapped[str] = mapped_column(String(32), default="", server_default="")
    discount_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    # What she owes for it: items + shipping + surcharge − discount (what the books call its sale).
    total_minor: Mapped[int] = mapped_column(BigInteger, default=0)
    # What another order's payment pays of it: an exchange's new order holds what her first order's
    # payment carried to it (migration 0017; before, it was written as a discount). She is asked
    # for the rest, `total_minor - carried_minor`.
    carried_minor: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    note: Mapped[str] = mapped_column(Text, default="", server_default="")  # the customer's, with her cart
    memo: Mapped[str] = mapped_column(Text, default="", server_default="")  # the owner's own (migration 0016)
    customer_name: Mapped[str] = mapped_column(String(256), default="", server_default="")
    depositor_name: Mapped[str] = mapped_column(String(64), default="", server_default="")
    payment_due_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    courier: Mapped[str] = mapped_column(String(64), default="", server_default="")
    tracking: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # Where to ship (migration 0005); the courier's upload sheet is made of these.
    recipient_name: Mapped[str] = mapped_column(String(64), default="", server_default="")
    recipient_phone: Mapped[str] = mapped_column(String(32), default="", server_default="")
    postcode: Mapped[str] = mapped_column(String(5), default="", server_default="")  # 우편번호, 5 digits
    address: Mapped[str] = mapped_column(String(200), default="", server_default="")
    address_detail: Mapped[str] = mapped_column(String(200), default="", server_default="")
    delivery_memo: Mapped[str] = mapped_column(String(200), default="", server_default="")
    cash_receipt: Mapped[str] = mapped_column(String(20), default="", server_default="")  # 현금영수증 number
    created_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)

    lines: Mapped[list[OrderLine]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderLine.position"
    )
    events: Mapped[list[OrderEvent]] = relationship(
        back_populates="order", cascade="all, delete-orphan", order_by="OrderEvent.id"
    )

    __table_args__ = (
        Index("ix_order_year_seq", "year", "seq", unique=True),
        Index("ix_order_state_created", "state", "created_at"),
        Index("ix_order_contact", "contact_id"),
    )


class OrderLine(Base):
    __tablename__ = "order_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("order.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    # The catalogue item the code matched; None for a code the catalogue does not know (kept as sent).
    item_id: Mapped[int | None] = mapped_column(ForeignKey("catalog_item.id", ondelete="SET NULL"))
    code: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(200))
    option: Mapped[str] = mapped_column(String(100), default="", server_default="")  # "아이보리/M"
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_minor: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    # What this line holds of the stock: "" (nothing) | "reserved" | "committed".
    stock: Mapped[str] = mapped_column(String(10), default="", server_default="")

    order: Mapped[Order] = relationship(back_populates="lines")

    __table_args__ = (Index("ix_order_line_order", "order_id", "position"),)


class OrderEvent(Base):
    """One step in an order's history: created, moved from one state to another, edited."""

    __tablename__ = "order_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("order.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)
    # "created" | "moved" | "moved_unsent" (moved without the customer's message, which could not go) |
    # "expired" (deadline) | "edited" | "reminded" | "option" (note: JSON of the line's item and its
    # option before and after) | "refund_due" (a deposit after the deadline's cancel, left to refund) |
    # "moved_back" (a move undone, `app.order_back`; note: {"undoes": the move's id, "tracking"…}).
    # A move's note is a JSON object (`app.orders.move_note`): the bank file's "deposit" that paid it,
    # whether the customer was "told" (and the "reason" not), "undone" once moved back; older moves
    # kept plain text there.
    kind: Mapped[str] = mapped_column(String(16))
    from_state: Mapped[str | None] = mapped_column(String(20))
    to_state: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="", server_default="")

    order: Mapped[Order] = relationship(back_populates="events")

    __table_args__ = (Index("ix_order_event_order", "order_id", "id"),)


class Stock(Base):
    """How many of an item (or one option of it, "아이보리/M") the shop has, and how many are promised."""

    __tablename__ = "stock"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_item.id", ondelete="CASCADE"))
    option: Mapped[str] = mapped_column(String(100), default="", server_default="")
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    reserved: Mapped[int] = mapped_column(Integer, default=0)  # held by orders awaiting payment

    __table_args__ = (Index("ix_stock_item_option", "item_id", "option", unique=True),)


class Campaign(Base):
    """A template sent to an audience; resolved here, run by the relay (POST /v1/campaigns)."""

    __tablename__ = "campaign"

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), unique=True)  # the id both sides use
    name: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(20))  # "draft", or the relay's CampaignState
    template_name: Mapped[str] = mapped_column(String(512), default="", server_default="")
    template_language: Mapped[str] = mapped_column(String(16), default="", server_default="")
    template_category: Mapped[str] = mapped_column(String(16), default="", server_default="")
    template: Mapped[dict[str, Any] | None] = mapped_column(JSON)  # the template as the relay listed it
    parameters: Mapped[list[Any]] = mapped_column(default=list)  # ParameterSpec per placeholder
    header_media: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    audience: Mapped[dict[str, Any]] = mapped_column(default=dict)  # an Audience, as JSON
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    pace: Mapped[int] = mapped_column(Integer, default=10, server_default="10")  # messages per second
    # The business number it goes out from (a phone_number_id; revision 0023); None: each customer's own.
    phone_number_id: Mapped[str | None] = mapped_column(String(32))
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)  # the relay's last progress counts
    # Why the relay paused or holds it (a CampaignReason, kept open: a newer relay may know more); "": none.
    reason: Mapped[str] = mapped_column(String(32), default="", server_default="")
    # Held for Meta's messaging limit: when the relay goes on by itself (from its campaign events).
    waiting_until: Mapped[datetime | None] = mapped_column(UTCTimestamp)
    sent_at: Mapped[datetime | None] = mapped_column(UTCTimestamp)  # handed to the relay
    created_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow, onupdate=utcnow)


class CampaignRecipient(Base):
    """One contact a campaign was handed to the relay for, with the parameters resolved for them."""

    __tablename__ = "campaign_recipient"

    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaign.id", ondelete="CASCADE"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    wa_id: Mapped[str] = mapped_column(String(32))
    parameters: Mapped[list[Any]] = mapped_column(default=list)


class RestockWaitlist(Base):
    """A customer who asked about a sold-out item, to be told when it is back."""

    __tablename__ = "restock_waitlist"

    item_id: Mapped[int] = mapped_column(ForeignKey("catalog_item.id", ondelete="CASCADE"), primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contact.id", ondelete="CASCADE"), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(UTCTimestamp, default=utcnow)


def message_extra_text(
    connection: Connection, kind: str | None, direction: str | None, payload: Any, campaign_id: str | None
) -> str:
    """A message's extra text (app/interactive_text.py): a template the shop sent has its buttons'
    titles, which its send body does not hold (app/template_buttons.py)."""
    buttons: tuple[str, ...] = ()
    if kind == "template" and direction == "out":
        buttons = sent_template_buttons(connection, payload, campaign_id)
    return interactive_text.extra_text(payload, buttons)


def _extra_default(values: dict[str, Any], connection: Connection) -> str:
    return message_extra_text(
        connection,
        values.get("kind"),
        values.get("direction"),
        values.get("payload"),
        values.get("campaign_id"),
    )


def _grams_default(values: dict[str, Any]) -> str:
    # extra_text's default ran first (its column comes first) and left its value among the row's.
    extra = values.get("extra_text")
    return bigram_text(interactive_text.search_text(values.get("body"), extra or ""))


def refresh_grams(mapper: Any, connection: Connection, target: Message) -> None:
    """Keep grams (and the extra text) in step when the ORM changes a message's body or payload."""
    from sqlalchemy import inspect

    attrs = inspect(target).attrs
    if attrs.body.history.has_changes() or attrs.payload.history.has_changes():
        extra = message_extra_text(
            connection, target.kind, target.direction, target.payload, target.campaign_id
        )
        target.extra_text = extra
        target.grams = bigram_text(interactive_text.search_text(target.body, extra))


def _install_listeners() -> None:
    from sqlalchemy import event

    event.listen(Message, "before_update", refresh_grams)


_install_listeners()

__all__ = [
    "DEFAULT_LABELS",
    "TICK_ORDER",
    "Base",
    "Campaign",
    "CampaignRecipient",
    "CatalogItem",
    "ChatTombstone",
    "Collection",
    "Contact",
    "Conversation",
    "ConversationKind",
    "Direction",
    "Label",
    "Media",
    "Message",
    "MessageStatus",
    "Order",
    "OrderEvent",
    "OrderLine",
    "OrphanStatus",
    "QuickReply",
    "RestockWaitlist",
    "Setting",
    "Stock",
    "SyncState",
    "to_millis",
    "utcnow",
]
