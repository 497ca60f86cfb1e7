"""A chat-list row as one sentence for a screen reader: who, how many unread, labels, the last
message and when (the chat list model's accessible text)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from app.conversation_rows import AUTOMATIC_SENDERS, ConversationRow
from ui.formatting import business_number_text, chat_preview, list_time, preview_text, reaction_preview
from ui.label_names import label_display_name

translate = QCoreApplication.translate


def unread_count(count: int) -> str:
    """The row's green badge in words, as the open chat's band above its first unread message says it."""
    if count == 1:
        return QCoreApplication.translate("ChatViewDelegate", "1 unread message")
    return QCoreApplication.translate("ChatViewDelegate", "%Ln unread messages", "", count)


def last_state(status: str | None) -> str:
    """The ticks of the chat's last message, when the owner sent it."""
    return {
        "pending": translate("SpokenChat", "Waiting to be sent"),
        "sent": translate("SpokenChat", "Sent"),
        "delivered": translate("SpokenChat", "Delivered"),
        "read": translate("SpokenChat", "Read"),
        "failed": translate("SpokenChat", "Not sent"),
    }.get(status or "", "")


def waiting_words(row: ConversationRow, now: datetime, shop_region: str = "KR") -> str | None:
    """Where her chats wait for a person, as the row's tooltip and spoken text say it: "Needs a
    person", on the row's number; "Needs a person on your numbers 02-555-0101, 02-555-0303", every
    other number she waits on, the newest hand-off first (with three numbers, the row named only the
    newest while she waited on two); None when nothing waits."""
    here = row.waits_for_person(now)
    elsewhere = row.waiting_elsewhere(now)
    if not here and not elsewhere:
        return None
    dialled = [business_number_text(h.number, shop_region) for h in elsewhere if h.number]
    numbers = ", ".join(dialled)
    if here and len(dialled) > 1:
        return translate("SpokenChat", "Needs a person here and on your numbers {0}").format(numbers)
    if here and dialled:
        return translate("SpokenChat", "Needs a person here and on your number {0}").format(numbers)
    if here:
        return translate("SpokenChat", "Needs a person")
    if len(dialled) > 1:
        return translate("SpokenChat", "Needs a person on your numbers {0}").format(numbers)
    if dialled:
        return translate("SpokenChat", "Needs a person on your number {0}").format(numbers)
    return translate("SpokenChat", "Needs a person on your other number")


def spoken_chat(
    row: ConversationRow, now: datetime, draft: str | None = None, shop_region: str = "KR"
) -> str:
    """What the row shows, read in order ("김민지, 2 unread messages, Labels: New order, 주문했어요,
    2:17 PM"): its name read alone said nothing of what waits there."""
    parts = [row.display_name]
    if row.group_archive:
        parts.append(translate("SpokenChat", "Group chat archive"))
    elif waiting := waiting_words(row, now, shop_region):
        parts.append(waiting)
    if row.business_number:  # a shop with two numbers: which one the customer wrote to
        number = business_number_text(row.business_number, shop_region)
        parts.append(translate("SpokenChat", "To your number {0}").format(number))
    if row.pinned:
        parts.append(translate("SpokenChat", "Pinned"))
    if row.blocked:
        parts.append(translate("SpokenChat", "Blocked"))
    if row.unread_count:
        parts.append(unread_count(row.unread_count))
    if row.labels:
        names = ", ".join(label_display_name(label.name) for label in row.labels)
        parts.append(translate("SpokenChat", "Labels: {0}").format(names))
    if draft:
        parts.append(translate("SpokenChat", "Draft: {0}").format(preview_text("text", draft)))
    elif row.reaction_emoji:  # the chat's newest is a reaction: said as the row shows it
        parts.append(
            reaction_preview(row.reaction_from, row.reaction_emoji, row.reaction_kind, row.reaction_body)
        )
    else:
        preview = chat_preview(row.last_kind, row.last_body, row.last_direction)
        if row.last_direction == "out" and preview and row.last_sent_by not in AUTOMATIC_SENDERS:
            preview = translate("SpokenChat", "You: {0}").format(preview)
        parts.append(preview)
        if row.last_direction == "out":
            parts.append(last_state(row.last_status))
    parts.append(list_time(row.last_message_at, now))
    return ", ".join(part for part in parts if part)
