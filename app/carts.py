"""Carts that never became an order: what their card in the chat says, and an order started from one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ErrorCode, OrderError
from app.models import Message, Order
from app.order_queries import CARD_LINES, CardLine, OrderCard, order_cards
from app.orders import CleanLine, cart_lines, clean_lines
from app.settings import load_preferences

if TYPE_CHECKING:
    from app.catalog import ItemRow
    from app.db import Database


@dataclass(frozen=True, slots=True)
class CartCard:
    """A cart that did not become an order (imported from a phone's history, or not readable when it
    came): its lines as the customer sent them, or `readable` False when they cannot be read, so the
    card says so instead of offering an order. Hashable: it keys the chat's layout cache."""

    readable: bool
    currency: str = ""
    total_minor: int = 0
    lines: tuple[CardLine, ...] = ()
    more: int = 0  # lines not listed


def cart_items(session: Session, payload: Mapping[str, Any] | None, currency: str) -> list[CleanLine]:
    """The lines of a cart message's payload, each matched to the catalogue by code, at the price the
    customer saw, as `order_from_cart` reads them; raises OrderError for a cart that cannot be read.
    `currency`: the shop's, for a line that names none."""
    part = (payload or {}).get("order")
    if not isinstance(part, Mapping):
        raise OrderError(ErrorCode.ORDER_EMPTY)
    return clean_lines(session, cart_lines(part), currency)


def cart_cards(session: Session, carts: Mapping[int, Mapping[str, Any] | None]) -> dict[int, CartCard]:
    """Message id → its card, for these cart messages (id → payload) that no order came from."""
    if not carts:
        return {}
    ordered = set(session.scalars(select(Order.message_id).where(Order.message_id.in_(list(carts)))).all())
    currency = load_preferences(session).currency
    found: dict[int, CartCard] = {}
    for message_id, payload in carts.items():
        if message_id in ordered:
            continue
        try:
            lines = cart_items(session, payload, currency)
        except OrderError:
            found[message_id] = CartCard(readable=False)
            continue
        found[message_id] = CartCard(
            readable=True,
            currency=lines[0].currency,
            total_minor=sum(line.quantity * line.unit_price_minor for line in lines),
            lines=tuple(
                CardLine(
                    line.name,
                    line.option,
                    line.quantity,
                    line.quantity * line.unit_price_minor,
                    line.item_id is not None,
                )
                for line in lines[:CARD_LINES]
            ),
            more=max(0, len(lines) - CARD_LINES),
        )
    return found


def chat_cards(
    session: Session, carts: Mapping[int, Mapping[str, Any] | None]
) -> dict[int, OrderCard | CartCard]:
    """Message id → what the card of each of these cart messages (id → payload) shows: the order it
    became, else the cart itself (two or three queries for a page)."""
    found: dict[int, OrderCard | CartCard] = {}
    found.update(order_cards(session, carts))
    found.update(cart_cards(session, {i: p for i, p in carts.items() if i not in found}))
    return found


@dataclass(frozen=True, slots=True)
class CartLineStart:
    """One line of a cart, for the order form: the catalogue's item when it has the code, else the
    code; at the price the customer saw in the cart, as a cart that came in live becomes an order."""

    item: ItemRow | None
    name: str
    quantity: int
    price_minor: int
    currency: str


@dataclass(frozen=True, slots=True)
class CartStart:
    """What the order form starts with from a cart message."""

    message_id: int
    lines: tuple[CartLineStart, ...]
    left: dict[tuple[int, str], int]  # what is left of the catalogue items (app.stock.stock_left)


def cart_start(db: Database, message_id: int) -> CartStart:
    """The order form's lines from the cart message `message_id`; raises OrderError for a cart that
    cannot be read (or a message that is no cart)."""
    from app.catalog import find_item_by_code  # the catalogue's imports wait for the first cart started
    from app.stock import stock_left

    with db.read() as s:
        message = s.get(Message, message_id)
        if message is None or message.kind != "order":
            raise OrderError(ErrorCode.ORDER_EMPTY)
        lines = cart_items(s, message.payload, load_preferences(s).currency)
        starts = []
        for line in lines:
            item = find_item_by_code(s, line.code) if line.item_id is not None else None
            starts.append(CartLineStart(item, line.name, line.quantity, line.unit_price_minor, line.currency))
        left = stock_left(s, {line.item.id for line in starts if line.item is not None})
        return CartStart(message_id, tuple(starts), left)


def cart_note(session: Session, message_id: int | None, contact_id: int) -> str | None:
    """What the customer `contact_id` wrote with her cart `message_id`, when an order can still come
    from it (no order did yet); None otherwise."""
    if message_id is None:
        return None
    message = session.get(Message, message_id)
    if message is None or message.kind != "order" or message.contact_id != contact_id:
        return None
    if session.scalar(select(Order.id).where(Order.message_id == message_id)) is not None:
        return None
    part = (message.payload or {}).get("order")
    return str(part.get("text") or "") if isinstance(part, Mapping) else ""
