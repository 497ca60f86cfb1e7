"""A message of the open chat as one sentence for a screen reader: who wrote what, when, and what
became of it, in the words its bubble shows (the chat model's accessible text)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from app.carts import CartCard
from app.message_media import MediaInfo
from app.order_queries import OrderCard
from app.queries import MessageRow
from ui.bubble_layout import (
    automation_mark,
    body_text,
    bubble_note,
    edited_note,
    forwarded_note,
    make_card,
    order_card,
    quote_preview,
    referral_note,
    system_notice_text,
)
from ui.formatting import business_number_text, clock_time, day_label, local
from ui.korean_particles import with_particles
from ui.message_status import delivery_state
from ui.order_text import cart_text
from ui.quick_reactions import reaction_said
from ui.spoken_chat import unread_count

translate = QCoreApplication.translate


def spoken_message(
    row: MessageRow,
    *,
    customer: str,
    show_date: bool,
    divider: int,
    quote: MessageRow | None,
    order: OrderCard | CartCard | None,
    media: MediaInfo | None,
    today: date | None = None,
    chat_number: str | None = None,
    shop_region: str = "",
) -> str:
    """What the row shows, read in order: the day above it and the unread mark when it has them,
    then "who: what, time, state" ("김민지: 주문했어요, 오후 2:17" / "You: 네, 오후 2:20, Read"); a
    message on another of the shop's numbers than the chat's (`chat_number`) says which."""
    parts: list[str] = []
    if show_date:
        parts.append(day_label(local(row.sent_at).date(), today))
    if divider:
        parts.append(unread_count(divider))  # the band above it
    if row.kind == "system":
        parts.append(system_notice_text(row))
        parts.append(clock_time(row.sent_at))
        return ", ".join(parts)
    parts.append(
        translate("SpokenMessage", "{sender}: {message}").format(
            sender=sender(row, customer), message=said(row, quote, order, media)
        )
    )
    parts.append(clock_time(row.sent_at))
    parts.append(number_said(row, chat_number, shop_region))
    if state := delivery_state(row):
        parts.append(state.replace("\n", " "))
    parts.extend(reactions_said(row, customer))
    return ", ".join(part for part in parts if part)


def number_said(row: MessageRow, chat_number: str | None, shop_region: str) -> str:
    """The shop's number a message came in on or went from, when it is not the one the chat's
    header names (a customer who wrote to both branches); "" otherwise."""
    if not row.business_number or row.business_number == chat_number:
        return ""
    number = business_number_text(row.business_number, shop_region) if shop_region else row.business_number
    sentence = (
        translate("SpokenMessage", "Sent from your number {0}")
        if row.direction == "out"
        else translate("SpokenMessage", "Came in on your number {0}")
    )
    return with_particles(sentence.format(number))


def reactions_said(row: MessageRow, customer: str) -> list[str]:
    """Who reacted with what: "Reactions: 👍 🙏" did not say which was the customer's and which the
    shop's own, and 🙏 alone is a guess to an owner who does not know it."""
    said_: list[str] = []
    if row.reaction_in:
        who = customer or translate("SpokenMessage", "Customer")
        said_.append(
            translate("SpokenMessage", "{who} reacted {reaction}").format(
                who=who, reaction=reaction_said(row.reaction_in)
            )
        )
    if row.reaction_out:
        said_.append(translate("SpokenMessage", "You reacted {0}").format(reaction_said(row.reaction_out)))
    return said_


def sender(row: MessageRow, customer: str) -> str:
    """Who wrote it: the customer (a group archive's writer by name), the owner, or what sent it for
    her (a greeting, the menu bot, a campaign)."""
    if row.direction == "in":
        return row.sender_name or customer or translate("SpokenMessage", "Customer")
    if row.campaign_name:
        return QCoreApplication.translate("bubble", "Campaign · {0}").format(row.campaign_name)
    return automation_mark(row.sent_by) or QCoreApplication.translate("bubble", "You")


def said(
    row: MessageRow, quote: MessageRow | None, order: OrderCard | CartCard | None, media: MediaInfo | None
) -> str:
    """The bubble's contents in reading order: the quote it answers, its note, its card, its words."""
    parts: list[str] = []
    if row.reply_to_wamid:
        author, line = quote_preview(quote, row)
        quoted = f"{author}: {line}" if author else line
        parts.append(translate("SpokenMessage", "Replying to {0}").format(quoted))
    if note := bubble_note(row) or referral_note(row) or edited_note(row) or forwarded_note(row):
        parts.append(note)
    card = order_card(row, order) if row.kind == "order" else make_card(row, media, "")
    if card is not None:
        parts.append(" · ".join(x for x in (card.title, card.subtitle) if x))
    readable = isinstance(order, OrderCard) or (isinstance(order, CartCard) and order.readable)
    text = (
        cart_text(order, row.body)
        if order is not None and readable and row.kind == "order"
        else body_text(row)
    )
    if text := " ".join(text.split()):
        parts.append(text)
    return ", ".join(parts)
