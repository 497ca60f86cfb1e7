"""A cart, its order or a catalogue message as the text lines an export writes: items, prices, total."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import OrderError
from app.models import CatalogItem, Message, Order, OrderLine
from app.money import format_price
from app.orders import CleanLine, cart_lines, clean_lines, item_quantity
from app.surcharge_areas import stored_area

# Catalogue messages the shop sent that name their items by code only (the names are in the body).
_CATALOGUE_KINDS = ("product", "product_list")


def item_texts(
    session: Session, messages: Sequence[Message], words: Mapping[str, str], locale: str, language: str
) -> dict[int, str]:
    """Message id → what its bubble shows of items, in `words` (markers.EXPORT_WORDS of `language`)
    with prices in `locale`: for a cart, the order it became ("Order 2026-0007") or "Cart", one line
    per item with its quantity and price, the charges and the total; for a catalogue message the
    shop sent, each item and its price. Other messages are absent."""
    carts = [m for m in messages if m.kind == "order"]
    offers = {m.id: codes for m in messages if (codes := _offered_codes(m))}
    if not carts and not offers:
        return {}
    texts: dict[int, str] = {}
    orders = {
        o.message_id: o
        for o in session.scalars(select(Order).where(Order.message_id.in_([m.id for m in carts])))
        if o.message_id is not None
    }
    lines: dict[int, list[OrderLine]] = {}
    for line in session.scalars(
        select(OrderLine)
        .where(OrderLine.order_id.in_([o.id for o in orders.values()]))
        .order_by(OrderLine.order_id, OrderLine.position)
    ):
        lines.setdefault(line.order_id, []).append(line)
    for message in carts:
        order = orders.get(message.id)
        if order is not None:
            texts[message.id] = _order_text(order, lines.get(order.id, []), words, locale, language)
        elif (cart := _cart_text(session, message, words, locale, language)) is not None:
            texts[message.id] = cart
    if offers:
        items = _items(session, [code for codes in offers.values() for code in codes])
        for message_id, codes in offers.items():
            found = [items[code] for code in codes if code in items]
            if found:
                texts[message_id] = "\n".join(
                    f"{item.name}   {format_price(item.price_minor, item.currency, locale)}" for item in found
                )
    return texts


def _line(line: CleanLine | OrderLine, words: Mapping[str, str], locale: str, language: str) -> str:
    """One item as a cart's bubble shows it (`item_quantity`): "린넨 블라우스 화이트 · S 1개   42,000원",
    and for more than one the price of each: "진주 드롭 귀걸이 2개   30,000원 (개당 15,000원)"."""
    name = f"{line.name} · {line.option}" if line.option else line.name
    named = item_quantity(name, line.quantity, language)
    price = format_price(line.unit_price_minor * line.quantity, line.currency, locale)
    if line.quantity > 1:
        each = words["each"].format(price=format_price(line.unit_price_minor, line.currency, locale))
        price += f" ({each})"
    return f"{named}   {price}"


def _order_text(
    order: Order, lines: Iterable[OrderLine], words: Mapping[str, str], locale: str, language: str
) -> str:
    rows = [words["order"].format(number=order.number)]
    rows += [_line(line, words, locale, language) for line in lines]
    # Named for its area ("Northern Ireland £7.50"); one stored before areas was the remote one.
    surcharge = words.get(f"surcharge:{stored_area(order.surcharge_area)}", words["surcharge"])
    for sentence, minor in (
        (words["shipping"], order.shipping_minor),
        (surcharge, order.surcharge_minor),
        (words["discount"], -order.discount_minor),
    ):
        if minor:
            rows.append(sentence.format(amount=format_price(minor, order.currency, locale)))
    rows.append(words["total"].format(total=format_price(order.total_minor, order.currency, locale)))
    return "\n".join(rows)


def _cart_text(
    session: Session, message: Message, words: Mapping[str, str], locale: str, language: str
) -> str | None:
    """A cart that did not become an order: its items as sent, named from the catalogue."""
    part = (message.payload or {}).get("order")
    if not isinstance(part, Mapping):
        return None
    try:
        clean: list[CleanLine] = clean_lines(session, cart_lines(part), "KRW")
    except OrderError:
        return None  # a cart that cannot be read: its note alone, as before
    rows = [words["cart"]]
    rows += [_line(c, words, locale, language) for c in clean]
    total = sum(c.quantity * c.unit_price_minor for c in clean)
    rows.append(words["total"].format(total=format_price(total, clean[0].currency, locale)))
    return "\n".join(rows)


def _offered_codes(message: Message) -> list[str]:
    """The item codes of a single- or multi-product message the shop sent (app/catalog_messages.py)."""
    interactive: Any = (message.payload or {}).get("interactive")
    if message.direction != "out" or not isinstance(interactive, Mapping):
        return []
    if interactive.get("type") not in _CATALOGUE_KINDS:
        return []
    action = interactive.get("action") or {}
    if interactive.get("type") == "product":
        code = action.get("product_retailer_id")
        return [str(code)] if code else []
    return [
        str(product.get("product_retailer_id"))
        for section in action.get("sections") or []
        if isinstance(section, Mapping)
        for product in section.get("product_items") or []
        if isinstance(product, Mapping) and product.get("product_retailer_id")
    ]


def _items(session: Session, codes: list[str]) -> dict[str, CatalogItem]:
    found: dict[str, CatalogItem] = {}
    unique = sorted(set(codes))
    for start in range(0, len(unique), 500):  # below SQLite's bound-parameter limit
        for item in session.scalars(
            select(CatalogItem).where(CatalogItem.retailer_id.in_(unique[start : start + 500]))
        ):
            found[item.retailer_id] = item
    return found
