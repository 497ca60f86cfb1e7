"""Cloud API send bodies for catalogue items, and reading a customer's choice back.

How an item is sent (`plan_catalog_send`):
- one item, no Meta catalogue: an image with a caption (name, price, description, link); the image is
  uploaded to the relay first and its media id goes into the body (`CatalogSend.with_media_id`). An
  item without a usable image goes as a text message with the same words.
- one item, Meta catalogue id set (Setting "meta_catalog_id"): a single-product message.
- several items, Meta catalogue id set: a multi-product message (≤ 30 items).
- several items, no Meta catalogue: an interactive list, "Which one would you like?" — ≤ 10 rows whose
  ids are `item:<retailer_id>`; `item_for_reply()` maps the customer's list_reply back to the item.
Hidden items are refused. Texts are cut to WhatsApp's limits with an ellipsis.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sqlalchemy.orm import Session

from app.catalog import ItemRow, find_item_by_code, get_item
from app.catalog_images import image_file, is_remote, is_sendable, mime_of
from app.errors import ErrorCode, InvalidInput, LimitParams, NameParams
from app.graphemes import cut_to
from app.item_options import sold_out_among
from app.money import format_price
from app.settings import get_setting
from app.wire import (
    CAPTION_MAX,
    FOOTER_MAX,
    HEADER_TEXT_MAX,
    INTERACTIVE_BODY_MAX,
    LIST_BUTTON_MAX,
    LIST_ROWS_MAX,
    PRODUCT_LIST_MAX,
    ROW_DESCRIPTION_MAX,
    ROW_ID_MAX,
    ROW_TITLE_MAX,
    SECTION_TITLE_MAX,
)

log = logging.getLogger(__name__)

META_CATALOG_SETTING = "meta_catalog_id"
ROW_ID_PREFIX = "item:"
ELLIPSIS = "…"

SendKind = Literal["image", "text", "product", "product_list", "list"]


class HiddenItem(InvalidInput):
    """A hidden item cannot be sent to customers."""


class SoldOutItem(InvalidInput):
    """An item whose counted stock is all promised is not offered (the orders issue's stock)."""


@dataclass(frozen=True, slots=True)
class ListTexts:
    """The words around a list or multi-product message; ui/ passes them in the owner's language."""

    body: str = "Which one would you like?"
    button: str = "Choose"
    header: str = ""
    footer: str = ""
    section: str = "Items"


@dataclass(frozen=True, slots=True)
class CatalogSend:
    """One message to queue: its Cloud API body and, for an image, the local file to upload first."""

    kind: SendKind
    body: dict[str, Any]
    item_ids: tuple[int, ...]
    preview: str  # what the shop's own chat shows for it
    upload: Path | None = None
    upload_mime: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_media_id(self, media_id: str) -> dict[str, Any]:
        """The body with the relay's media id of the uploaded image."""
        if self.kind != "image" or self.upload is None:
            return self.body
        image = {k: v for k, v in self.body["image"].items() if k != "link"}
        return {**self.body, "image": {"id": media_id, **image}}


def cut(text: str, limit: int) -> str:
    """`text` within `limit` characters, ending in an ellipsis when it had to be shortened."""
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    if len(text) <= limit:
        return text
    # Between whole characters: a Thai name's tone mark or an emoji's skin tone is not left behind.
    return cut_to(text, limit - 1).rstrip() + ELLIPSIS


def _one_line(text: str) -> str:
    return " ".join(text.split())


def caption_for(item: ItemRow, locale: str, limit: int = CAPTION_MAX) -> str:
    """Name, price, description and link; the description is shortened first when it is too long."""
    head = f"{item.name}\n{format_price(item.price_minor, item.currency, locale)}"
    tail = f"\n\n{item.url}" if item.url and len(item.url) < limit // 2 else ""
    room = limit - len(head) - len(tail) - 2
    description = item.description.strip()
    middle = ""
    if description and room > 1:
        middle = "\n\n" + (
            description if len(description) <= room else cut_to(description, room - 1).rstrip() + ELLIPSIS
        )
    return cut(head + middle + tail, limit)


def row_id_for(item: ItemRow) -> str:
    return (ROW_ID_PREFIX + item.retailer_id)[:ROW_ID_MAX]


def _envelope(to: str, kind: str, payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": kind,
        kind: payload,
    }


def image_body(to: str, item: ItemRow, locale: str, *, link: str | None = None) -> dict[str, Any]:
    """An image message with the item's caption; `link` for a public image, else the id is added later."""
    image: dict[str, Any] = {"caption": caption_for(item, locale)}
    if link:
        image = {"link": link, **image}
    return _envelope(to, "image", image)


def text_body(to: str, item: ItemRow, locale: str) -> dict[str, Any]:
    return _envelope(to, "text", {"body": caption_for(item, locale), "preview_url": bool(item.url)})


def product_body(to: str, item: ItemRow, catalog_id: str, texts: ListTexts | None = None) -> dict[str, Any]:
    """WhatsApp's single-product message (needs the item in the shop's Meta catalogue)."""
    interactive: dict[str, Any] = {
        "type": "product",
        "action": {"catalog_id": catalog_id, "product_retailer_id": item.retailer_id},
    }
    if texts is not None and texts.body:
        interactive["body"] = {"text": cut(texts.body, INTERACTIVE_BODY_MAX)}
    if texts is not None and texts.footer:
        interactive["footer"] = {"text": cut(texts.footer, FOOTER_MAX)}
    return _envelope(to, "interactive", interactive)


def product_list_body(
    to: str, items: Sequence[ItemRow], catalog_id: str, texts: ListTexts = ListTexts()
) -> dict[str, Any]:
    """WhatsApp's multi-product message: one section of up to 30 items."""
    if not items:
        raise InvalidInput(code=ErrorCode.NOTHING_CHOSEN)
    if len(items) > PRODUCT_LIST_MAX:
        raise InvalidInput(code=ErrorCode.TOO_MANY_ITEMS, params=LimitParams(PRODUCT_LIST_MAX))
    interactive: dict[str, Any] = {
        "type": "product_list",
        "header": {"type": "text", "text": cut(texts.header or texts.section, HEADER_TEXT_MAX)},
        "body": {"text": cut(texts.body, INTERACTIVE_BODY_MAX)},
        "action": {
            "catalog_id": catalog_id,
            "sections": [
                {
                    "title": cut(texts.section, SECTION_TITLE_MAX),
                    "product_items": [{"product_retailer_id": i.retailer_id} for i in items],
                }
            ],
        },
    }
    if texts.footer:
        interactive["footer"] = {"text": cut(texts.footer, FOOTER_MAX)}
    return _envelope(to, "interactive", interactive)


def list_row(item: ItemRow, locale: str) -> dict[str, str]:
    price = format_price(item.price_minor, item.currency, locale)
    description = price
    if item.description.strip():
        description = f"{price} · {_one_line(item.description)}"
    return {
        "id": row_id_for(item),
        "title": cut(_one_line(item.name), ROW_TITLE_MAX),
        "description": cut(description, ROW_DESCRIPTION_MAX),
    }


def list_body(
    to: str, items: Sequence[ItemRow], locale: str, texts: ListTexts = ListTexts()
) -> dict[str, Any]:
    """An interactive list the customer taps to choose one item (≤ 10 rows)."""
    if not items:
        raise InvalidInput(code=ErrorCode.NOTHING_CHOSEN)
    if len(items) > LIST_ROWS_MAX:
        raise InvalidInput(code=ErrorCode.TOO_MANY_ITEMS, params=LimitParams(LIST_ROWS_MAX))
    interactive: dict[str, Any] = {
        "type": "list",
        "body": {"text": cut(texts.body, INTERACTIVE_BODY_MAX)},
        "action": {
            "button": cut(texts.button, LIST_BUTTON_MAX),
            "sections": [{"rows": [list_row(item, locale) for item in items]}],
        },
    }
    if texts.header:
        interactive["header"] = {"type": "text", "text": cut(texts.header, HEADER_TEXT_MAX)}
    if texts.footer:
        interactive["footer"] = {"text": cut(texts.footer, FOOTER_MAX)}
    return _envelope(to, "interactive", interactive)


def meta_catalog_id(session: Session) -> str | None:
    value = get_setting(session, META_CATALOG_SETTING)
    return str(value).strip() or None if value else None


def _sendable_image(item: ItemRow, catalog_dir: Path) -> tuple[Path | None, str | None]:
    """(local file to upload, or None) and (public link, or None) for the item's picture."""
    for entry in item.images:
        if not is_remote(entry) and is_sendable(catalog_dir, entry):
            return image_file(catalog_dir, entry), None
    for entry in item.images:
        if is_remote(entry):
            return None, entry
    return None, None


def plan_catalog_send(
    session: Session,
    item_ids: Sequence[int],
    *,
    to: str,
    catalog_dir: Path,
    locale: str,
    texts: ListTexts = ListTexts(),
    use_meta_catalog: bool = True,
) -> CatalogSend:
    """Decide how to send these items to `to` and build the body.

    Raises HiddenItem / InvalidInput. Sold-out items are left out of a message offering several;
    offering only sold-out items raises SoldOutItem, so nobody is invited to buy what is not there.
    """
    ids = tuple(dict.fromkeys(item_ids))
    if not ids:
        raise InvalidInput(code=ErrorCode.NOTHING_CHOSEN)
    items = [get_item(session, item_id) for item_id in ids]
    hidden = [item.name for item in items if item.hidden]
    if hidden:
        raise HiddenItem(code=ErrorCode.ITEM_HIDDEN, params=NameParams(hidden[0]))
    sold_out = sold_out_among(session, ids)
    if sold_out.intersection(ids):
        left = [item for item in items if item.id not in sold_out]
        if not left:
            raise SoldOutItem(code=ErrorCode.ITEM_SOLD_OUT, params=NameParams(items[0].name))
        items, ids = left, tuple(item.id for item in left)
    catalog_id = meta_catalog_id(session) if use_meta_catalog else None
    names = ", ".join(item.name for item in items)
    if len(items) == 1:
        item = items[0]
        if catalog_id:
            return CatalogSend("product", product_body(to, item, catalog_id), ids, preview=item.name)
        caption = caption_for(item, locale)
        upload, link = _sendable_image(item, catalog_dir)
        if upload is not None:
            first = next(e for e in item.images if image_file(catalog_dir, e) == upload)
            return CatalogSend(
                "image", image_body(to, item, locale), ids, caption, upload=upload, upload_mime=mime_of(first)
            )
        if link is not None:
            return CatalogSend("image", image_body(to, item, locale, link=link), ids, caption)
        return CatalogSend("text", text_body(to, item, locale), ids, caption)
    if catalog_id:
        return CatalogSend("product_list", product_list_body(to, items, catalog_id, texts), ids, names)
    return CatalogSend("list", list_body(to, items, locale, texts), ids, f"{texts.body}\n{names}")


def _reply_object(message: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The list_reply (or button_reply) inside a Cloud API message object or given directly."""
    if "id" in message and "interactive" not in message and "title" in message:
        return message
    interactive = message.get("interactive")
    if not isinstance(interactive, Mapping):
        return None
    reply = interactive.get("list_reply") or interactive.get("button_reply")
    return reply if isinstance(reply, Mapping) else None


def retailer_id_from_reply(message: Mapping[str, Any]) -> str | None:
    reply = _reply_object(message)
    row_id = str(reply.get("id", "")) if reply else ""
    if not row_id.startswith(ROW_ID_PREFIX):
        return None
    return row_id[len(ROW_ID_PREFIX) :] or None


def item_for_reply(session: Session, message: Mapping[str, Any]) -> ItemRow | None:
    """The catalogue item a customer's list reply names, or None (not ours, or since deleted)."""
    code = retailer_id_from_reply(message)
    return None if code is None else find_item_by_code(session, code)


def items_for_order(session: Session, message: Mapping[str, Any]) -> list[tuple[ItemRow | None, int]]:
    """(item, quantity) for each line of a customer's cart (`order` message from a product message)."""
    order = message.get("order") if "order" in message else message
    lines = order.get("product_items", []) if isinstance(order, Mapping) else []
    result: list[tuple[ItemRow | None, int]] = []
    for line in lines:
        try:
            quantity = int(line.get("quantity", 1))
        except (TypeError, ValueError):
            quantity = 1
        result.append((find_item_by_code(session, str(line.get("product_retailer_id", ""))), quantity))
    return result


def describe_reply(session: Session, message: Mapping[str, Any], locale: str) -> str | None:
    """What the chat shows for a customer's list reply: the item it names, with its price."""
    item = item_for_reply(session, message)
    if item is None:
        return None
    return f"{item.name} · {format_price(item.price_minor, item.currency, locale)} ({item.retailer_id})"
