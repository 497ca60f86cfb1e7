"""Where everything in one chat-view row goes: date pill, bubble, quote, card, text lines, time, reactions.

Computed once per (message, width) and cached; sizeHint, paint and mouse hit-testing share it.
Text is laid out with QTextLayout, which never interprets markup: a customer's `<b>` stays `<b>`.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextLine, QTextOption

from app.carts import CartCard
from app.cloud_messages import RELAY_UNREADABLE, WELCOME_REQUEST, file_name_only
from app.conversation_rows import DELETED_KIND, PERSON_SENDERS, omitted_caption
from app.graphemes import cut_to
from app.interactive_text import shown_text
from app.message_media import MediaInfo
from app.order_queries import OrderCard
from app.phones import e164_digits, international_phone
from app.queries import MessageRow
from app.text_direction import numbers_read_in_order, right_to_left
from ui.error_sentences import failed_message_sentence
from ui.formatting import clock_time, is_voice_note, kind_label, preview_text, tapped_text
from ui.korean_particles import with_particles
from ui.order_text import cart_text, counts, state_name
from ui.theme import font_for_text
from ui.utf16 import qt_length, to_qt_spans

URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}'\"…"

# Laying out a 5 MB paste would freeze the window; the rest is one click away ("Copy").
MAX_LAYOUT_CHARS = 20_000

SIDE = 56.0  # free space on the far side of a bubble
EDGE = 14.0  # space on the near side
PAD_X = 9.0
PAD_Y = 6.0
HEADER_H = 30.0
HEADER_GAP = 8.0
CARD_H = 54.0
CART_TARGET = "cart:"  # a card's target: start an order from the cart message with this id
QUOTE_H = 46.0
IMAGE_PLACEHOLDER = (240.0, 150.0)
REACTION_H = 22.0
TICK = 16.0


def find_links(text: str) -> list[tuple[int, int, str]]:
    """(start, end, url) of each web address, without trailing punctuation."""
    links = []
    for m in URL_RE.finditer(text):
        start, end = m.start(), m.end()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        url = text[start:end]
        if url.lower().startswith("www."):
            url = "https://" + url
        links.append((start, end, url))
    return links


# Sender colours of group chats (readable on light and dark bubbles), picked by the name.
SENDER_COLOURS = ("#1F7AEC", "#C2185B", "#2E7D32", "#E65100", "#6A1B9A", "#00838F", "#AD1457", "#5D4037")


def sender_colour(name: str) -> str:
    """The same colour for the same sender, in every session (not Python's salted hash)."""
    return SENDER_COLOURS[zlib.crc32(name.encode()) % len(SENDER_COLOURS)]


def automation_mark(sent_by: str | None) -> str:
    """The label over an outgoing bubble for who or what sent it ("" for the owner typing here)."""
    return {
        "greeting": QCoreApplication.translate("bubble", "Greeting"),
        "away": QCoreApplication.translate("bubble", "Away message"),
        "keyword": QCoreApplication.translate("bubble", "Automatic reply"),
        "bot": QCoreApplication.translate("bubble", "Menu bot"),
        "opt_out": QCoreApplication.translate("bubble", "Opt-out confirmation"),
        "phone_app": QCoreApplication.translate("bubble", "Sent from phone"),
    }.get(sent_by or "", "")


@dataclass(slots=True)
class Card:
    kind: str  # image | file | location | contact | order
    rect: QRectF
    title: str = ""
    subtitle: str = ""
    icon: str = ""
    target: str = ""  # a URL or file path opened on click
    image_path: str = ""


@dataclass(slots=True)
class BubbleGeometry:
    height: float
    bubble: QRectF
    outgoing: bool
    system: bool = False
    date_rect: QRectF | None = None
    date_text: str = ""
    divider_rect: QRectF | None = None
    mark_rect: QRectF | None = None
    mark_text: str = ""
    mark_automatic: bool = True  # drawn with ⚡ in the automation colour; False: the owner's own (phone)
    sender_rect: QRectF | None = None  # a group archive's sender name, above the text
    sender_text: str = ""
    quote_rect: QRectF | None = None
    card: Card | None = None
    text: str = ""
    text_layout: QTextLayout | None = None
    text_origin: QPointF = field(default_factory=QPointF)
    links: list[tuple[int, int, str]] = field(default_factory=list)  # Qt positions in `text` (ui/utf16.py)
    meta_rect: QRectF = field(default_factory=QRectF)
    time_text: str = ""
    reaction_rect: QRectF | None = None
    reactions: str = ""
    # What happened to a photo the phone's export left out, above its caption: a note, not its words.
    note_text: str = ""
    note_layout: QTextLayout | None = None
    note_origin: QPointF = field(default_factory=QPointF)
    # Why an outgoing message was not sent, under its text, in the owner's language.
    failure_text: str = ""
    failure_layout: QTextLayout | None = None
    failure_origin: QPointF = field(default_factory=QPointF)

    def char_at(self, pos: QPointF, *, on_character: bool = False) -> int | None:
        """Qt's position (UTF-16, ui/utf16.py) under `pos` (row coordinates), for links and selection."""
        layout = self.text_layout
        if layout is None:
            return None
        local_y = pos.y() - self.text_origin.y()
        local_x = pos.x() - self.text_origin.x()
        mode = (
            QTextLine.CursorPosition.CursorOnCharacter
            if on_character
            else QTextLine.CursorPosition.CursorBetweenCharacters
        )
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            if line.y() <= local_y < line.y() + line.height():
                if on_character and not line.x() <= local_x <= line.x() + line.naturalTextWidth():
                    return None
                return int(line.xToCursor(local_x, mode))
        if on_character:
            return None
        if local_y < 0:
            return 0
        return qt_length(layout.text())  # the end of what is laid out (a long text is cut)

    def link_at(self, pos: QPointF) -> str | None:
        offset = self.char_at(pos, on_character=True)
        if offset is None:
            return None
        for start, end, url in self.links:
            if start <= offset < end:
                return url
        return None


# Kinds shown as a file card (icon, name, size or what became of the file).
FILE_CARD_KINDS = ("document", "audio", "video")


def system_notice_text(row: MessageRow) -> str:
    """The centred line of a system row: WhatsApp's own text, or the desktop's notice in words."""
    system = (row.payload or {}).get("system")
    if isinstance(system, dict) and system.get("type") == RELAY_UNREADABLE:
        return QCoreApplication.translate(
            "bubble", "A message from this customer reached the relay but could not be read (event #%1)."
        ).replace("%1", str(system.get("seq", "?")))
    if (row.payload or {}).get("type") == WELCOME_REQUEST:
        return QCoreApplication.translate(
            "bubble", "The customer opened a chat with you for the first time and has not written yet."
        )
    if isinstance(system, dict) and system.get("type") in ("user_changed_number", "customer_changed_number"):
        new = e164_digits(str(system.get("wa_id") or system.get("new_wa_id") or ""))
        if new:
            changed = QCoreApplication.translate(
                "bubble",
                "The customer changed their phone number to %1. This chat goes on with the new number.",
            )
            return with_particles(changed.replace("%1", international_phone(new)))
        return QCoreApplication.translate(
            "bubble", "The customer changed their phone number. This chat goes on with the new number."
        )
    if isinstance(system, dict) and system.get("type") in (
        "user_changed_user_id",
        "customer_identity_changed",
    ):
        return QCoreApplication.translate(
            "bubble",
            "The customer's WhatsApp account changed (a new phone, say). This chat goes on as before.",
        )
    return row.body or QCoreApplication.translate("bubble", "System message")


def left_out(row: MessageRow) -> bool:
    """Whether `row` is a photo or file a phone's export left out ("<미디어 없음>", "<Media omitted>")."""
    imported = (row.payload or {}).get("import")
    return isinstance(imported, dict) and bool(imported.get("omitted"))


def deleted_placeholder(row: MessageRow) -> bool:
    """Whether `row` is the phone's own line for a deleted message ("This message was deleted", "이
    메시지는 삭제되었습니다"), as an imported export wrote it (app.chat_export.markers.DELETED_RE)."""
    if row.kind == DELETED_KIND:  # the customer deleted it on WhatsApp (app.sync_apply's `revoke`)
        return True
    imported = (row.payload or {}).get("import")
    return isinstance(imported, dict) and bool(imported.get("deleted"))


def bubble_note(row: MessageRow) -> str:
    """What the bubble notes instead of, or above, its words, in the owner's language: a photo the
    phone's export left out (its "<미디어 없음>" line means it; a voice note's or file's card says it,
    make_card), a message deleted on the phone (its own words for it, in the phone's language); ""
    for every other message."""
    if deleted_placeholder(row):
        if row.direction == "out":
            return QCoreApplication.translate("bubble", "You deleted this message")
        return QCoreApplication.translate("bubble", "This message was deleted")
    if not left_out(row) or row.kind in FILE_CARD_KINDS:
        return ""
    return QCoreApplication.translate("bubble", "A photo or file the phone left out of its export")


def referral_note(row: MessageRow) -> str:
    """Where a customer's first message came from when she tapped the shop's Click-to-WhatsApp ad or
    post (the message's `referral`): which ad, by its headline, so the owner knows what she saw."""
    referral = (row.payload or {}).get("referral") if row.direction == "in" else None
    if not isinstance(referral, dict):
        return ""
    headline = cut_to(" ".join(str(referral.get("headline") or referral.get("body") or "").split()), 120)
    if referral.get("source_type") == "post":
        if headline:
            return QCoreApplication.translate("bubble", "Sent from your post: %1").replace("%1", headline)
        return QCoreApplication.translate("bubble", "Sent from your post")
    if headline:
        return QCoreApplication.translate("bubble", "Sent from your ad: %1").replace("%1", headline)
    return QCoreApplication.translate("bubble", "Sent from your ad")


def edited_note(row: MessageRow) -> str:
    """ "Edited" above the words of a message changed after it was sent (by the customer, or by the
    owner on the phone app)."""
    if isinstance((row.payload or {}).get("edited"), dict):
        return QCoreApplication.translate("bubble", "Edited")
    return ""


def unsupported_text(row: MessageRow) -> str:
    """A message without words to show: one WhatsApp does not pass on to apps like this one (Meta's
    `unsupported` type, often a poll or a view-once photo: what to ask the customer), or a kind this
    version does not know yet (kept, for a later one)."""
    payload = row.payload or {}
    # "unknown": what Meta's older webhooks called the same thing.
    if payload.get("type") not in ("unsupported", "unknown") or row.direction != "in":
        return QCoreApplication.translate("bubble", "This kind of message can't be shown here yet.")
    part = payload.get("unsupported")
    sent = str(part.get("type") or "") if isinstance(part, dict) else ""
    if sent.startswith("poll"):
        return QCoreApplication.translate(
            "bubble",
            "The customer sent a poll, which WhatsApp doesn't pass on to this app. "
            "Ask them to write their answer.",
        )
    if sent.startswith("view_once"):
        return QCoreApplication.translate(
            "bubble",
            "The customer sent a view-once photo or video, which WhatsApp doesn't pass on to this app. "
            "Ask them to send it as a normal photo or video.",
        )
    return QCoreApplication.translate(
        "bubble",
        "The customer sent something WhatsApp doesn't pass on to this app. "
        "Ask them to send it again as text, a photo or a file.",
    )


def forwarded_note(row: MessageRow) -> str:
    """ "Forwarded" above a message the customer forwarded from another chat (her words may not be
    hers), "Forwarded many times" as WhatsApp marks one passed along again and again."""
    context = (row.payload or {}).get("context") if row.direction == "in" else None
    if not isinstance(context, dict):
        return ""
    if context.get("frequently_forwarded"):
        return QCoreApplication.translate("bubble", "Forwarded many times")
    if context.get("forwarded"):
        return QCoreApplication.translate("bubble", "Forwarded")
    return ""


def more_people(row: MessageRow) -> str:
    """A shared contact card's people after the first (whom its card shows): a line each, name and
    number, so none of several shared at once goes unseen."""
    people = (row.payload or {}).get("contacts")
    if not isinstance(people, list):
        return ""
    lines = []
    for person in people[1:]:
        if not isinstance(person, dict):
            continue
        name = str((person.get("name") or {}).get("formatted_name") or "")
        phones = person.get("phones") or []
        phone = str(phones[0].get("phone", "")) if phones and isinstance(phones[0], dict) else ""
        if line := " · ".join(part for part in (name, phone) if part):
            lines.append(f"▸ {line}")
    return "\n".join(lines)


def body_text(row: MessageRow) -> str:
    """The words shown inside the bubble (caption, tapped reply, or text)."""
    if deleted_placeholder(row):
        return ""  # the phone's words for it, in its language: `bubble_note` says it in the owner's
    if left_out(row):
        return omitted_caption(row.body or "")  # the caption the photo had; `bubble_note` says the rest
    if row.kind in ("interactive", "button"):
        if row.direction == "out":
            # Its header, buttons or list rows and footer around the body, as the customer saw them:
            # the words a search finds it by (app/interactive_text.py).
            return shown_text(row.body, row.payload)
        return tapped_text(row.payload) or row.body
    if row.kind == "reaction":
        emoji = ((row.payload or {}).get("reaction") or {}).get("emoji") or row.body
        return QCoreApplication.translate("bubble", "Reacted {0}").format(emoji)
    if row.kind == "unsupported" and not row.body:
        return unsupported_text(row)
    if row.kind == "contacts":
        return more_people(row)
    if row.kind == "location":
        return ""
    if file_name_only(row.kind, row.body, row.payload):
        return ""  # its card names the file (made safe to show): not a second time, as written
    if row.kind == "template" and row.template_buttons:
        # Its buttons under it, as the phone shows them: "tap the button below" has one to read.
        return "\n".join([row.body, *(f"▸ {title}" for title in row.template_buttons)])
    return row.body


def media_file(media_dir: str, stored: str) -> str:
    """Files in the media folder (received, or the copies attachments are sent from) are stored
    relative to it; an attachment queued by an older version keeps the owner's own path."""
    return str(Path(media_dir) / stored)


def order_card(row: MessageRow, order: OrderCard | CartCard | None) -> Card:
    """A cart message's card: the order it became (click: Open order); a cart that never became one
    (imported from the phone's history, say), its items read (click: Start order with them) or not
    (said, nothing to click); the cart as it came while that is being read."""
    if isinstance(order, OrderCard):
        return Card(
            "order",
            QRectF(),
            QCoreApplication.translate("bubble", "Order {0} · {1}").format(
                order.number, state_name(order.state)
            ),
            QCoreApplication.translate("bubble", "Open order"),
            "cart",
            f"order:{order.order_id}",
        )
    items = (row.payload or {}).get("order", {}).get("product_items") or []
    count = len(items) if isinstance(items, list) else 0
    cart = QCoreApplication.translate("bubble", "Cart")
    if order is None:
        return Card("order", QRectF(), cart, counts().items(count), "cart")
    if not order.readable:
        return Card(
            "order",
            QRectF(),
            cart,
            QCoreApplication.translate(
                "bubble", "Its items can't be read: ask the customer to send it again"
            ),
            "cart",
        )
    return Card(
        "order",
        QRectF(),
        f"{cart} · {counts().items(len(order.lines) + order.more)}",
        QCoreApplication.translate("bubble", "Not an order yet · Start order"),
        "cart",
        f"{CART_TARGET}{row.id}",
    )


def file_type_label(name: str, mime: str) -> str:
    """The short type a file card shows beside its size: its name's suffix ("DOCX", "WAV"), else a
    plain media subtype ("OGG"). The subtype itself read "X-WAV", "OGG; CODECS=OPUS" or a Word file's
    "VND.OPENXMLFORMATS-OFFICEDOCUMENT.WORDPROCESSINGML.DOCUMENT", wider than the bubble."""
    suffix = Path(name).suffix.lstrip(".")
    if suffix.isalnum() and len(suffix) <= 5 and not suffix.isdigit():
        return suffix.upper()
    sub = mime.split("/")[-1].split(";")[0].strip().removeprefix("x-")
    return sub.upper() if sub.isalnum() and len(sub) <= 5 else ""


def make_card(row: MessageRow, media: MediaInfo | None, media_dir: str) -> Card | None:
    payload = row.payload or {}
    if row.kind in ("image", "sticker"):
        path = ""
        if media and (media.thumb_path or media.cache_path):
            path = media_file(media_dir, media.thumb_path or media.cache_path or "")
        target = media_file(media_dir, media.cache_path) if media and media.cache_path else ""
        # A grey box says why it shows no picture, before anyone clicks it: WhatsApp no longer has
        # it, the phone's export left it out, or it is not here yet (the relay away, a slow line).
        if path or left_out(row):  # a left-out photo: its note above the caption says so (bubble_note)
            why = ""
        elif isinstance(payload.get("import"), dict):
            why = QCoreApplication.translate("bubble", "Not in the phone's export")
        elif media is not None and media.gone:
            why = QCoreApplication.translate("bubble", "No longer on WhatsApp")
        else:
            why = QCoreApplication.translate("bubble", "Not downloaded yet")
        return Card("image", QRectF(), kind_label(row.kind), why, "image", target, path)
    if row.kind in FILE_CARD_KINDS:
        part = payload.get(row.kind) or {}
        kind = "voice" if row.kind == "audio" and is_voice_note(payload) else row.kind
        name = (media.filename if media else None) or part.get("filename") or kind_label(kind)
        size = ""
        if media and media.size:
            from ui.size_text import human_size

            size = human_size(media.size)
        mime = (media.mime if media else None) or part.get("mime_type") or ""
        sub = " · ".join(x for x in (size, file_type_label(str(name), mime)) if x)
        target = media_file(media_dir, media.cache_path) if media and media.cache_path else ""
        icon = {"document": "document", "audio": "audio", "video": "video"}[row.kind]
        if not target and isinstance(payload.get("import"), dict):
            # Imported from the phone without its file (left out, or not in the zip): nothing
            # will ever download it.
            sub = QCoreApplication.translate("bubble", "Not in the phone's export")
        elif not target and media is not None and media.gone:
            sub = QCoreApplication.translate("bubble", "No longer on WhatsApp")
        elif not target:
            sub = sub or QCoreApplication.translate("bubble", "Not downloaded yet")
        return Card("file", QRectF(), str(name), sub, icon, target)
    if row.kind == "location":
        loc = payload.get("location") or {}
        lat, lon = loc.get("latitude"), loc.get("longitude")
        title = str(loc.get("name") or QCoreApplication.translate("bubble", "Location"))
        sub = str(loc.get("address") or (f"{lat}, {lon}" if lat is not None else ""))
        url = (
            f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
            if lat is not None
            else ""
        )
        return Card("location", QRectF(), title, sub, "location", url)
    if row.kind == "contacts":
        people = payload.get("contacts") or [{}]
        first: dict[str, Any] = people[0] if isinstance(people, list) and people else {}
        name = str(
            (first.get("name") or {}).get("formatted_name")
            or QCoreApplication.translate("bubble", "Contact card")
        )
        phones = first.get("phones") or []
        phone = str(phones[0].get("phone", "")) if phones and isinstance(phones[0], dict) else ""
        return Card("contact", QRectF(), name, phone, "contact", "")
    return None


@dataclass(slots=True)
class Fonts:
    body: QFont
    small: QFont
    bold_small: QFont

    def __post_init__(self) -> None:
        self.note = QFont(self.small)
        self.note.setItalic(True)
        self.body_fm = QFontMetricsF(self.body)
        self.small_fm = QFontMetricsF(self.small)
        self.bold_fm = QFontMetricsF(self.bold_small)

    note: QFont = field(init=False)  # a note about the message (italic small), not its words
    body_fm: QFontMetricsF = field(init=False)
    small_fm: QFontMetricsF = field(init=False)
    bold_fm: QFontMetricsF = field(init=False)


def layout_text(text: str, font: QFont, width: float) -> tuple[QTextLayout, float, float, float]:
    """Wrap plain `text` to `width`; returns (layout, natural width, height, last line width)."""
    if len(text) > MAX_LAYOUT_CHARS:
        text = text[:MAX_LAYOUT_CHARS] + " …"
    # QTextLayout breaks lines only at U+2028, never at "\n"; one character for one keeps offsets.
    text = text.replace("\r\n", " \u2028").replace("\n", "\u2028").replace("\r", "\u2028")
    text = numbers_read_in_order(text)  # "+971 50 123 4567" in its groups' order, not theirs reversed
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    layout.beginLayout()
    y = 0.0
    natural = 0.0
    last_w = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
        last_w = line.naturalTextWidth()
        natural = max(natural, last_w)
    layout.endLayout()
    return layout, natural, y, last_w


def align_right(layout: QTextLayout, width: float) -> None:
    """Set each of `layout`'s lines against the right edge of `width` (a right-to-left text's)."""
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        line.setPosition(QPointF(max(0.0, width - line.naturalTextWidth()), line.y()))


def compute(
    row: MessageRow,
    width: float,
    fonts: Fonts,
    *,
    show_date: str,
    divider: int,
    first_of_group: bool,
    quote: MessageRow | None,
    media: MediaInfo | None,
    media_dir: str,
    order: OrderCard | CartCard | None = None,
    number_tag: str = "",
    failure_reason: str = "",
) -> BubbleGeometry:
    """Geometry of one row, in row coordinates (0, 0 at the row's top-left). `number_tag`: the
    shop's number the message came in on or went from, beside its time ("0101 · 14:02").
    `failure_reason`: why a failed message was not sent, when its code alone does not tell it
    (ui/message_status.py's `failure_reason`)."""
    y = 2.0
    geo = BubbleGeometry(height=0, bubble=QRectF(), outgoing=row.direction == "out")
    if show_date:
        w = fonts.small_fm.horizontalAdvance(show_date) + 24
        geo.date_rect = QRectF((width - w) / 2, y + 6, w, HEADER_H - 6)
        geo.date_text = show_date
        y += HEADER_H + HEADER_GAP
    if divider:
        geo.divider_rect = QRectF(0, y + 2, width, HEADER_H - 4)
        y += HEADER_H + HEADER_GAP
    y += 4.0 if first_of_group else 0.0

    if row.kind == "system":
        text = system_notice_text(row)
        inner = min(width - 2 * SIDE, 480.0)
        layout, natural, h, _ = layout_text(text, fonts.small, inner)
        bw = natural + 2 * PAD_X
        geo.system = True
        geo.bubble = QRectF((width - bw) / 2, y, bw, h + 2 * PAD_Y)
        geo.text, geo.text_layout = text, layout
        geo.text_origin = QPointF(geo.bubble.left() + PAD_X, y + PAD_Y)
        geo.height = geo.bubble.bottom() + 4
        return geo

    max_w = max(120.0, min(width - SIDE - EDGE, 620.0, width * 0.78))
    inner_max = max_w - 2 * PAD_X
    parts_h = PAD_Y
    content_w = 0.0

    if row.sender_name and not geo.outgoing:
        # Group archives: every incoming bubble says who wrote it, as in a WhatsApp group.
        geo.sender_text = row.sender_name
        sw = min(inner_max, fonts.bold_fm.horizontalAdvance(row.sender_name) + 2)
        geo.sender_rect = QRectF(0, parts_h, sw, fonts.bold_fm.height())
        parts_h += fonts.bold_fm.height() + 3
        content_w = max(content_w, sw)

    mark = automation_mark(row.sent_by)
    if row.campaign_name:
        name = row.campaign_name if len(row.campaign_name) <= 40 else cut_to(row.campaign_name, 39) + "…"
        mark = QCoreApplication.translate("bubble", "Campaign · {0}").format(name)
    if row.kind == "template":
        mark = mark or QCoreApplication.translate("bubble", "Template")
    if mark:
        geo.mark_text = mark
        # "Sent from phone" says how the owner sent it themselves, not that an automation did: no ⚡.
        geo.mark_automatic = not (row.sent_by in PERSON_SENDERS and mark == automation_mark(row.sent_by))
        mw = fonts.bold_fm.horizontalAdvance(mark) + (20 if geo.mark_automatic else 4)
        geo.mark_rect = QRectF(0, parts_h, mw, fonts.bold_fm.height())
        parts_h += fonts.bold_fm.height() + 3
        content_w = max(content_w, mw)

    if row.reply_to_wamid:
        geo.quote_rect = QRectF(0, parts_h, 0, QUOTE_H)
        parts_h += QUOTE_H + 5
        content_w = max(content_w, min(inner_max, 220.0))

    card = order_card(row, order) if row.kind == "order" else make_card(row, media, media_dir)
    if card is not None:
        if card.kind == "image":
            cw, ch = IMAGE_PLACEHOLDER
            if card.image_path:
                from ui.image_cache import image_size

                size = image_size(card.image_path)
                if size is not None and size[0] > 0 and size[1] > 0:
                    scale = min(1.0, 280.0 / size[0], 280.0 / size[1])
                    cw, ch = max(80.0, size[0] * scale), max(60.0, size[1] * scale)
            cw = min(cw, inner_max)
        else:
            wide = fonts.body_fm.horizontalAdvance(card.title)
            if card.kind == "order":  # what the cart card says it does is read whole where it fits
                wide = max(wide, fonts.small_fm.horizontalAdvance(card.subtitle))
            cw = min(inner_max, max(230.0, wide + 70))
            ch = CARD_H
        card.rect = QRectF(0, parts_h, cw, ch)
        geo.card = card
        parts_h += ch + 4
        content_w = max(content_w, cw)

    geo.time_text = " · ".join(filter(None, [number_tag, clock_time(row.sent_at)]))
    meta_w = fonts.small_fm.horizontalAdvance(geo.time_text) + (TICK + 4 if geo.outgoing else 0) + 4
    meta_h = fonts.small_fm.height()

    note_last_w = 0.0
    if note := bubble_note(row) or referral_note(row) or edited_note(row) or forwarded_note(row):
        # Small and italic (the delegate draws it muted): what became of the message, not its words.
        geo.note_text = note
        layout, natural, h, note_last_w = layout_text(note, fonts.note, inner_max)
        geo.note_layout = layout
        geo.note_origin = QPointF(PAD_X, parts_h)
        content_w = max(content_w, natural)
        parts_h += h + 2

    readable = isinstance(order, OrderCard) or (isinstance(order, CartCard) and order.readable)
    text = (
        cart_text(order, row.body)
        if order is not None and readable and row.kind == "order"
        else body_text(row)
    )
    geo.text = text
    rtl = False
    beside_time = 0.0
    if text:
        # A caption wraps to its picture's width, as on the phone.
        wrap = (
            max(200.0, geo.card.rect.width())
            if geo.card is not None and geo.card.kind == "image"
            else inner_max
        )
        font = font_for_text(fonts.body, text[:2000])  # Japanese in one font, not two (its start tells)
        layout, natural, h, last_w = layout_text(text, font, min(wrap, inner_max))
        geo.text_layout = layout
        laid_out = text[:MAX_LAYOUT_CHARS]
        found = find_links(laid_out)
        if found:  # (most bubbles have none: no second pass over their text)
            spans = to_qt_spans(laid_out, [(start, end) for start, end, _url in found])
            geo.links = [(a, b, url) for (a, b), (_s, _e, url) in zip(spans, found, strict=True)]
        text_top = parts_h
        content_w = max(content_w, natural)
        # A right-to-left message's lines end at the bubble's right edge, the time under them: beside
        # its last line the time would sit where that line ends (one line still has it beside).
        rtl = right_to_left(text)
        if last_w + meta_w + 10 <= min(wrap, inner_max) and not (rtl and layout.lineCount() > 1):
            # Time sits on the last line, WhatsApp style.
            content_w = max(content_w, last_w + meta_w + 10)
            parts_h += h
            meta_y = parts_h - meta_h
            beside_time = meta_w + 10
        else:
            parts_h += h
            meta_y = parts_h
            parts_h += meta_h
        geo.text_origin = QPointF(PAD_X, text_top)
    elif geo.note_layout is not None and note_last_w + meta_w + 10 <= inner_max:
        # A left-out photo without a caption: the time on its note's last line.
        parts_h -= 2
        content_w = max(content_w, note_last_w + meta_w + 10)
        meta_y = parts_h - meta_h
    else:
        content_w = max(content_w, meta_w)
        meta_y = parts_h
        parts_h += meta_h
    if geo.outgoing and row.status == "failed":
        reason = failure_reason or failed_message_sentence(row.error_code, row.error_text)
        geo.failure_text = QCoreApplication.translate("bubble", "Not sent: {0}").format(reason)
        layout, natural, h, _ = layout_text(geo.failure_text, fonts.small, inner_max)
        geo.failure_layout = layout
        geo.failure_origin = QPointF(PAD_X, parts_h + 3)
        content_w = max(content_w, natural)
        parts_h += h + 3
    parts_h += PAD_Y
    if rtl and geo.text_layout is not None:
        align_right(geo.text_layout, content_w - beside_time)

    bw = content_w + 2 * PAD_X
    bx = width - EDGE - bw if geo.outgoing else EDGE
    geo.bubble = QRectF(bx, y, bw, parts_h)
    # Shift everything inside the bubble to its position.
    if geo.mark_rect is not None:
        geo.mark_rect.translate(bx + PAD_X, y)
    if geo.sender_rect is not None:
        geo.sender_rect.translate(bx + PAD_X, y)
    if geo.quote_rect is not None:
        geo.quote_rect = QRectF(bx + PAD_X, y + geo.quote_rect.top(), content_w, QUOTE_H)
    if geo.card is not None:
        geo.card.rect.translate(bx + PAD_X, y)
        if geo.card.kind != "image":
            geo.card.rect.setWidth(content_w)
    geo.text_origin = QPointF(bx + geo.text_origin.x(), y + geo.text_origin.y())
    geo.failure_origin = QPointF(bx + geo.failure_origin.x(), y + geo.failure_origin.y())
    geo.note_origin = QPointF(bx + geo.note_origin.x(), y + geo.note_origin.y())
    geo.meta_rect = QRectF(geo.bubble.right() - PAD_X - meta_w, y + meta_y, meta_w, meta_h)
    bottom = geo.bubble.bottom()

    reactions = " ".join(e for e in (row.reaction_in, row.reaction_out) if e)
    if reactions:
        rw = fonts.body_fm.horizontalAdvance(reactions) + 16
        rx = geo.bubble.right() - rw - 8 if geo.outgoing else geo.bubble.left() + 8
        geo.reaction_rect = QRectF(rx, bottom - 4, rw, REACTION_H)
        geo.reactions = reactions
        bottom = geo.reaction_rect.bottom()
    geo.height = bottom + 2
    return geo


def quotes_the_shop(reply: MessageRow | None) -> bool:
    """Whether a customer's message quotes someone other than herself: the shop, on WhatsApp."""
    payload = (reply.payload or {}) if reply is not None and reply.direction == "in" else {}
    context = payload.get("context")
    if not isinstance(context, dict) or not context.get("from") or not payload.get("from"):
        return False
    return e164_digits(str(context["from"])) != e164_digits(str(payload["from"]))


def quote_preview(quote: MessageRow | None, reply: MessageRow | None = None) -> tuple[str, str]:
    """(author, one line) for a quoted message, or a note when it is not in this database. A quoted
    message this inbox never had is still the shop's ("You") when the customer's `reply` says it
    quotes another sender than herself (its `context.from`: the shop's number, say a template sent
    from another tool or the phone)."""
    if quote is None:
        missing = QCoreApplication.translate("bubble", "Original message not available")
        author = QCoreApplication.translate("bubble", "You") if quotes_the_shop(reply) else ""
        return author, missing
    author = QCoreApplication.translate("bubble", "You") if quote.direction == "out" else ""
    # A bot question quoted by its answer: the question alone (its choices would crowd the one line).
    bot_question = quote.direction == "out" and quote.kind == "interactive"
    # A contact card quoted: every name it shared (its body), not the lines under its card.
    shown = quote.body if bot_question or quote.kind == "contacts" else body_text(quote)
    if note := bubble_note(quote):
        shown = f"{note}\n{shown}" if shown else note
    return author, preview_text(quote.kind, shown or quote.body, quote.payload)
