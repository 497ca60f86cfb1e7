"""Orders, from a cart message or the owner: New → Awaiting payment → Paid → Shipped → Done, or Cancelled."""

from __future__ import annotations

import enum
import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import (
    DiscountParams,
    ErrorCode,
    LimitParams,
    NameParams,
    OrderAmountParams,
    OrderCurrencyParams,
    OrderError,
    OrderLineParams,
    OrderMoveParams,
    ValueParams,
)
from app.models import CatalogItem, Contact, Message, Order, OrderEvent, OrderLine, utcnow
from app.money import MAX_MINOR, currency_digits, is_currency
from app.rules import zone
from app.text import nfc

log = logging.getLogger(__name__)

# A WhatsApp cart holds at most 100 items; an owner's order far fewer. More is a mistake or an attack.
MAX_LINES = 200
MAX_QUANTITY = 99_999
MAX_NOTE = 2000  # a customer's note or the owner's memo
PAYMENT_DAYS = 3  # 입금기한: how long an order awaits a bank transfer before it is cancelled

# History kinds of a move (`OrderEvent.kind`) besides "moved": one made without the customer's
# message, which could not go; and a cancellation because the payment deadline passed.
UNSENT_MOVE = "moved_unsent"
EXPIRED_MOVE = "expired"
# A move back (`app.order_back`): note {"undoes": the forward move's event id, and the "courier" and
# "tracking" it took off}; the forward move's note says "undone".
MOVED_BACK = "moved_back"


def move_note(text: str) -> dict[str, Any]:
    """The facts a move's history note holds (a JSON object: "deposit", "told"…), or {} for an
    older note written as plain text, which the history still shows as it was."""
    if not text.startswith("{"):
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class Told(enum.StrEnum):
    """Whether a move's customer heard of it (a move's note, "told"; older moves say nothing)."""

    SENT = "sent"  # the customer's message for the step was queued
    CHOSE_NOT = "chose_not"  # it could have gone; the owner chose not to send it
    COULD_NOT = "could_not"  # it could not go ("reason": app.order_notices.NotToldReason)


def note_told(session: Session, order_id: int, state: OrderState, told: Told, reason: str = "") -> None:
    """Write on the order's latest move to `state` whether its customer was told (and why not)."""
    event = session.scalars(
        select(OrderEvent)
        .where(OrderEvent.order_id == order_id, OrderEvent.to_state == state, OrderEvent.kind != MOVED_BACK)
        .order_by(OrderEvent.id.desc())
        .limit(1)
    ).first()
    if event is None:
        return
    facts = move_note(event.note)
    if not facts and event.note:  # an older plain note is kept, as the history said it
        facts = {"expired": True} if event.note == EXPIRED_MOVE else {"text": event.note}
    facts["told"] = told.value
    if reason:
        facts["reason"] = reason
    else:
        facts.pop("reason", None)
    if told is not Told.SENT:  # moved without its message: still said as the deadline's, if it was
        if event.kind == EXPIRED_MOVE:
            facts["expired"] = True
        event.kind = UNSENT_MOVE
    event.note = json.dumps(facts, ensure_ascii=False)


class OrderState(enum.StrEnum):
    NEW = "new"
    AWAITING_PAYMENT = "awaiting_payment"
    PAID = "paid"
    SHIPPED = "shipped"
    DONE = "done"
    CANCELLED = "cancelled"


# Where each state may go. Cancelling a paid order (a refund) gives its items back to stock.
MOVES: dict[OrderState, frozenset[OrderState]] = {
    OrderState.NEW: frozenset({OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.CANCELLED}),
    OrderState.AWAITING_PAYMENT: frozenset({OrderState.PAID, OrderState.CANCELLED}),
    OrderState.PAID: frozenset({OrderState.SHIPPED, OrderState.CANCELLED}),
    OrderState.SHIPPED: frozenset({OrderState.DONE}),
    OrderState.DONE: frozenset(),
    OrderState.CANCELLED: frozenset(),
}
OPEN_STATES = (OrderState.NEW, OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED)
BOARD_STATES = (*OPEN_STATES, OrderState.DONE, OrderState.CANCELLED)


@dataclass(frozen=True, slots=True)
class LineInput:
    """One line as it arrives: a code, a quantity and, for a cart, the price the customer saw.

    quantity and price stay as sent (a cart is JSON) until `clean_lines` checks them; a price of
    None takes the catalogue's.
    """

    code: str
    quantity: object
    price: object = None  # in the currency's major unit, e.g. 12.5 USD or 29000 KRW
    currency: str | None = None
    option: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class Charges:
    """What the owner adds to or takes off the items, in the order's minor units."""

    shipping_minor: int = 0
    surcharge_minor: int = 0  # 도서산간: islands and mountain areas, or the shop's country's (below)
    discount_minor: int = 0
    surcharge_area: str = ""  # where the surcharge is for (app.surcharge_areas; "" the remote one)


@dataclass(frozen=True, slots=True)
class CleanLine:
    item_id: int | None
    code: str
    name: str
    option: str
    quantity: int
    unit_price_minor: int
    currency: str


# --------------------------------------------------------------------------- checking input


def major_to_minor(value: object, currency: str, *, line: int) -> int:
    """12.5 USD → 1250; 29000 KRW → 29000. Through Decimal(str(…)), never float arithmetic.

    A price with letters, a negative one, or one finer than the currency's smallest unit is refused.
    """
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise OrderError(ErrorCode.ORDER_PRICE_INVALID, OrderLineParams(line, repr(value)[:40], currency))
    text = str(value).strip().replace(",", "") if isinstance(value, str) else str(value)
    try:
        amount = Decimal(text)
    except InvalidOperation:
        amount = Decimal("NaN")
    minor = amount.scaleb(currency_digits(currency)) if amount.is_finite() else amount
    if not minor.is_finite() or minor < 0 or minor != minor.to_integral_value() or minor >= MAX_MINOR:
        raise OrderError(ErrorCode.ORDER_PRICE_INVALID, OrderLineParams(line, str(value)[:40], currency))
    return int(minor)


def _quantity(value: object, line: int) -> int:
    if isinstance(value, bool):
        raise OrderError(ErrorCode.ORDER_QUANTITY_INVALID, OrderLineParams(line, str(value)))
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if not isinstance(value, int) or not 1 <= value <= MAX_QUANTITY:
        raise OrderError(ErrorCode.ORDER_QUANTITY_INVALID, OrderLineParams(line, str(value)[:40]))
    return value


def clean_lines(session: Session, lines: Sequence[LineInput], default_currency: str) -> list[CleanLine]:
    """Match each line to the catalogue by code and check it; raises OrderError for the first bad line."""
    if not lines:
        raise OrderError(ErrorCode.ORDER_EMPTY)
    if len(lines) > MAX_LINES:
        raise OrderError(ErrorCode.ORDER_TOO_MANY_LINES, LimitParams(MAX_LINES))
    codes = {nfc(line.code).strip() for line in lines}
    items: dict[str, CatalogItem] = {}
    for chunk in _chunks(sorted(codes), 500):
        for found in session.scalars(select(CatalogItem).where(CatalogItem.retailer_id.in_(chunk))):
            items[found.retailer_id] = found
    out: list[CleanLine] = []
    for n, line in enumerate(lines, start=1):
        code = nfc(line.code).strip()[:100]
        item = items.get(code)
        currency = (line.currency or (item.currency if item else default_currency)).upper()
        if not is_currency(currency):
            raise OrderError(ErrorCode.ORDER_PRICE_INVALID, OrderLineParams(n, currency[:40], currency[:3]))
        quantity = _quantity(line.quantity, n)
        if line.price is not None:
            price = major_to_minor(line.price, currency, line=n)
        elif item is not None and item.currency == currency:
            price = item.price_minor
        else:
            raise OrderError(ErrorCode.ORDER_PRICE_INVALID, OrderLineParams(n, "", currency))
        name = nfc(line.name).strip() or (item.name if item is not None else code)
        out.append(
            CleanLine(
                item_id=item.id if item is not None else None,
                code=code,
                name=name[:200],
                option=nfc(line.option).strip()[:100],
                quantity=quantity,
                unit_price_minor=price,
                currency=currency,
            )
        )
    if len({line.currency for line in out}) > 1:
        raise OrderError(ErrorCode.ORDER_CURRENCY_MIXED)
    return out


def order_currency(line_currencies: Iterable[str], shop_currency: str) -> str:
    """The currency of an order with lines priced in `line_currencies`: theirs (an item keeps the
    currency it was priced in, whatever the shop's is now); the shop's while it has no line."""
    for currency in line_currencies:
        return currency.upper()
    return shop_currency.upper()


def check_line_currency(line_currencies: Iterable[str], name: str, currency: str) -> None:
    """Raises OrderError when the item `name`, priced in `currency`, would join lines priced in
    another currency: its price cannot be added to theirs (won and dollars make no sum)."""
    for existing in line_currencies:
        if existing.upper() != currency.upper():
            raise OrderError(
                ErrorCode.ORDER_CURRENCY_OTHER, OrderCurrencyParams(name, currency.upper(), existing.upper())
            )


def _chunks(values: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _check_amount(field: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_MINOR:
        raise OrderError(ErrorCode.ORDER_AMOUNT_INVALID, OrderAmountParams(field, str(value)))
    return value


@dataclass(frozen=True, slots=True)
class Totals:
    subtotal_minor: int
    shipping_minor: int
    surcharge_minor: int
    discount_minor: int
    total_minor: int


def order_totals(lines: Iterable[CleanLine], charges: Charges, currency: str) -> Totals:
    """Items + shipping + remote-area surcharge − discount, all in minor units of `currency`; never
    below zero."""
    subtotal = sum(line.quantity * line.unit_price_minor for line in lines)
    shipping = _check_amount("shipping", charges.shipping_minor)
    surcharge = _check_amount("surcharge", charges.surcharge_minor)
    discount = _check_amount("discount", charges.discount_minor)
    if discount > subtotal + shipping + surcharge:
        raise OrderError(
            ErrorCode.ORDER_DISCOUNT_OVER_TOTAL,
            DiscountParams(discount, subtotal + shipping + surcharge, currency),
        )
    total = subtotal + shipping + surcharge - discount
    if total >= MAX_MINOR:
        raise OrderError(ErrorCode.ORDER_AMOUNT_INVALID, OrderAmountParams("total", str(total)))
    return Totals(subtotal, shipping, surcharge, discount, total)


# --------------------------------------------------------------------------- creating


# An order number as `next_number` writes it, inside a customer's sentence ("주문번호 2026-0008 배송…").
ORDER_NUMBER = re.compile(r"(?<![\d-])(\d{4}-\d{4,6})(?![\d-])")  # not inside 010-1234-5678


def order_numbers_in(text: str) -> list[str]:
    """The order numbers a customer wrote, in the order written ("2026-0008"; digits of any script)."""
    return [
        "".join(str(int(c)) if c.isdigit() else c for c in found) for found in ORDER_NUMBER.findall(nfc(text))
    ]


# What an owner types into the search for an order a customer quotes: the whole number as written or
# without its dash ("2026-0007", "20260007"), or the part after the year as written ("0007"). A bare "7"
# is not taken for an order: it is in too many messages and amounts to mean one order.
# Typed with a space or another dash ("2026 0007", a Korean keyboard's full-width "２０２６－０００７"),
# after a "#", or with the zeros left out ("2026-7"), it is the same order.
_TYPED_NUMBER = re.compile(r"#?(20\d\d)(?:-?(\d{4,6})|-(\d{1,3}))")
_TYPED_TAIL = re.compile(r"\d{4,6}")
_TYPED_DASH = re.compile(r"\s*[-\u2010-\u2015\u2212\uff0d]\s*|\s+")


@dataclass(frozen=True, slots=True)
class TypedOrderNumber:
    """An order number as typed into a search: the whole number ("2026-0007"), or only its part
    after the year ("0007", any year's)."""

    number: str | None
    tail: str | None


def typed_order_number(word: str) -> TypedOrderNumber | None:
    """The order number `word` names, if it is written like one (digits of any script); else None."""
    typed = "".join(str(int(c)) if c.isdecimal() else c for c in nfc(word).strip())
    if whole := _TYPED_NUMBER.fullmatch(_TYPED_DASH.sub("-", typed)):
        return TypedOrderNumber(f"{whole[1]}-{int(whole[2] or whole[3]):04d}", None)
    if _TYPED_TAIL.fullmatch(typed):
        return TypedOrderNumber(None, typed)
    return None


def item_quantity(name: str, quantity: int, language: str, *, space: str = " ") -> str:
    """An item and how many of it as `language` ("ko", "en") writes it: "린넨 셔츠 2개", as Korean shops
    write it, else "Linen shirt ×2". The orders table, the order messages customers get, a cart's
    card in the chat and its export. `space` goes between the name and the quantity (the card's
    no-break space keeps "2개" on the line of the name's last word)."""
    return f"{name}{space}{quantity}개" if language == "ko" else f"{name}{space}×{quantity}"


# A quantity written after an item's name, as a customer's message says it and the owner copies it
# into the order form ("제육도시락 2개", "김밥 세트 x3", "Linen bag ×2"). A bare trailing number is
# left in the name: it is as often a size ("콜라 500", "Shirt 95"), and so is a code's "x2" ("BOX2").
_TYPED_QUANTITY = re.compile(
    r"(.*?\S)(?:\s*[×*]\s*(\d{1,5})|\s+x\s*(\d{1,5})|\s*(\d{1,5})\s*(?:개|인분|팩|박스|병|잔|세트|pcs|ea)\.?)",
    re.IGNORECASE,
)


def typed_quantity(text: str) -> tuple[str, int | None]:
    """What was typed split into the item's name and the quantity written after it ("제육도시락 2개"
    → ("제육도시락", 2)); (text, None) when no quantity is written (or it is 0 or too many)."""
    typed = " ".join(nfc(text).split())
    if (found := _TYPED_QUANTITY.fullmatch(typed)) is None:
        return typed, None
    quantity = int(found[2] or found[3] or found[4])
    if not 1 <= quantity <= MAX_QUANTITY:
        return typed, None
    return found[1], quantity


def next_number(session: Session, year: int) -> tuple[int, str]:
    """The next order number of `year`: (seq, "2026-0001"). Safe under the single writer (BEGIN IMMEDIATE)."""
    last = session.scalar(select(func.max(Order.seq)).where(Order.year == year))
    seq = (last or 0) + 1
    return seq, f"{year}-{seq:04d}"


def order_year(session: Session, now: datetime) -> int:
    """The year an order made at `now` is numbered in: the shop's calendar year (None set: this
    computer's). In UTC, an order taken in Seoul before 9 a.m. on 1 January got last year's number."""
    from app.automations_store import shop_time_zone  # (it reads the order settings, built on us)

    shop_zone = shop_time_zone(session)
    return now.astimezone(zone(shop_zone) if shop_zone else None).year


def create_order(
    session: Session,
    *,
    contact_id: int | None,
    lines: Sequence[LineInput],
    source: str,
    charges: Charges = Charges(),
    message_id: int | None = None,
    note: str = "",
    memo: str = "",
    currency: str = "KRW",
    now: datetime | None = None,
) -> Order:
    """A new order in state New, with its lines and a "created" event; raises OrderError, writing nothing.

    `note` is what the customer wrote with her cart, `memo` the owner's own."""
    now = now or utcnow()
    clean = clean_lines(session, lines, currency)
    totals = order_totals(clean, charges, currency)
    contact = session.get(Contact, contact_id) if contact_id is not None else None
    year = order_year(session, now)
    seq, number = next_number(session, year)
    order = Order(
        number=number,
        year=year,
        seq=seq,
        contact_id=contact_id,
        message_id=message_id,
        source=source,
        state=OrderState.NEW,
        currency=clean[0].currency,
        subtotal_minor=totals.subtotal_minor,
        shipping_minor=totals.shipping_minor,
        surcharge_minor=totals.surcharge_minor,
        surcharge_area=charges.surcharge_area[:32] if totals.surcharge_minor else "",
        discount_minor=totals.discount_minor,
        total_minor=totals.total_minor,
        note=nfc(note)[:MAX_NOTE],
        memo=nfc(memo)[:MAX_NOTE],
        customer_name=contact.display_name if contact is not None else "",
        created_at=now,
        updated_at=now,
    )
    order.lines = order_lines(clean)
    order.events = [OrderEvent(at=now, kind="created", to_state=OrderState.NEW)]
    if contact_id is not None:
        _ship_where_last_time(session, order, contact_id)
    session.add(order)
    session.flush()
    if contact_id is not None:
        from app.order_labels import refresh_order_labels

        refresh_order_labels(session, contact_id)
    return order


def order_lines(lines: Sequence[CleanLine]) -> list[OrderLine]:
    """An order's rows for its checked lines, in their order."""
    return [
        OrderLine(
            position=i,
            item_id=line.item_id,
            code=line.code,
            name=line.name,
            option=line.option,
            quantity=line.quantity,
            unit_price_minor=line.unit_price_minor,
            currency=line.currency,
        )
        for i, line in enumerate(lines)
    ]


# What a customer's next order takes from her last one that had an address: a repeat customer's
# parcel goes where the last one went until the owner changes it.
_SHIP_TO = ("recipient_name", "recipient_phone", "postcode", "address", "address_detail", "delivery_memo")


def _ship_where_last_time(session: Session, order: Order, contact_id: int) -> None:
    last = session.scalar(
        select(Order)
        .where(Order.contact_id == contact_id, Order.address != "")
        .order_by(Order.created_at.desc(), Order.id.desc())
        .limit(1)
    )
    if last is not None:
        for field in _SHIP_TO:
            setattr(order, field, getattr(last, field))


def cart_lines(order_part: Mapping[str, Any]) -> list[LineInput]:
    """The lines of a WhatsApp `order` message's `order` object (product_items), as sent."""
    items = order_part.get("product_items")
    if not isinstance(items, list):
        raise OrderError(ErrorCode.ORDER_EMPTY)
    if len(items) > MAX_LINES:
        raise OrderError(ErrorCode.ORDER_TOO_MANY_LINES, LimitParams(MAX_LINES))
    lines = []
    for item in items:
        part = item if isinstance(item, Mapping) else {}
        lines.append(
            LineInput(
                code=str(part.get("product_retailer_id") or ""),
                quantity=part.get("quantity"),
                price=part.get("item_price"),
                currency=str(part.get("currency") or "") or None,
            )
        )
    return lines


def order_from_cart(session: Session, message: Message, *, currency: str = "KRW") -> Order:
    """The order a customer's cart message becomes (raises OrderError for a cart that cannot be read).

    `currency` is the shop's. Shipping follows the shop's rule, as on an order the owner makes.
    """
    from app.order_settings import shop_charges  # it imports this module

    payload = message.payload or {}
    part = payload.get("order")
    if not isinstance(part, Mapping):
        raise OrderError(ErrorCode.ORDER_EMPTY)
    lines = cart_lines(part)
    return create_order(
        session,
        contact_id=message.contact_id,
        lines=lines,
        source="cart",
        charges=shop_charges(session, lines, currency),
        message_id=message.id,
        note=str(part.get("text") or ""),
        currency=currency,
        now=message.sent_at,
    )


def orders_from_new_carts(session: Session, wamids: Iterable[str]) -> list[int]:
    """Turn newly arrived cart messages into orders; a cart that cannot be read stays a message only.

    Each order is written in its own savepoint, so one bad cart never costs the batch it came in.
    """
    ids = sorted(wamids)
    created: list[int] = []
    for chunk in _chunks(ids, 500):
        messages = session.scalars(
            select(Message).where(
                Message.wamid.in_(chunk),
                Message.kind == "order",
                Message.direction == "in",
                Message.imported.is_(False),
            )
        ).all()
        for message in messages:
            try:
                with session.begin_nested():
                    created.append(order_from_cart(session, message).id)
            except OrderError as exc:
                log.warning("cart message %d did not become an order: %s", message.id, exc.code)
    return created


# --------------------------------------------------------------------------- moving


def payment_deadline(asked_at: datetime, days: int, shop_zone: tzinfo | None) -> datetime:
    """The end of the day (23:59:59 on the shop's clock; None: this computer's) `days` days after the
    order is asked to pay, in UTC. Korean shops say "12월 7일 (월)까지", the whole of that day: a
    deadline to the minute of the asking fell in the night ("오전 12:32", read as noon)."""
    wall = asked_at.astimezone(shop_zone) if shop_zone is not None else asked_at.astimezone()
    day = wall.date() + timedelta(days=days)
    end = datetime.combine(day, time(23, 59, 59))
    end = end.replace(tzinfo=shop_zone) if shop_zone is not None else end.astimezone()
    return end.astimezone(UTC)


def move_order(
    session: Session,
    order_id: int,
    to_state: OrderState,
    *,
    now: datetime | None = None,
    note: str = "",
    courier: str | None = None,
    tracking: str | None = None,
    payment_days: int = PAYMENT_DAYS,
    kind: str = "moved",
) -> Order:
    """Move an order one step; stock and the chat's labels follow. Raises OrderError, writing nothing."""
    from app.automations_store import shop_time_zone  # (it reads the order settings, built on us)
    from app.stock import commit_stock, release_stock, reserve_stock

    now = now or utcnow()
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    before = OrderState(order.state)
    if to_state not in MOVES[before]:
        raise OrderError(ErrorCode.ORDER_MOVE_REFUSED, OrderMoveParams(order.number, before, to_state))
    if to_state is OrderState.AWAITING_PAYMENT:
        reserve_stock(session, order)
        shop_zone = shop_time_zone(session)
        order.payment_due_at = payment_deadline(now, payment_days, zone(shop_zone) if shop_zone else None)
        if not order.depositor_name:
            order.depositor_name = order.customer_name[:64]
    elif to_state is OrderState.PAID:
        commit_stock(session, order)
    elif to_state is OrderState.CANCELLED:
        release_stock(session, order)
    if courier is not None:
        order.courier = _courier(courier)
    if tracking is not None:
        order.tracking = _tracking(tracking, order.courier)
    moved = _record_move(session, order, to_state, now, note, kind)
    if to_state is OrderState.CANCELLED:
        from app.order_returns import hand_back_carried  # (it builds on us)

        hand_back_carried(session, order, now)
    return moved


def _record_move(
    session: Session, order: Order, to_state: OrderState, now: datetime, note: str, kind: str
) -> Order:
    """The order is in `to_state` now: its history says so, and its chat's labels follow."""
    from app.order_labels import refresh_order_labels

    before = order.state
    order.state = to_state
    order.updated_at = now
    order.events.append(
        OrderEvent(at=now, kind=kind, from_state=before, to_state=to_state, note=nfc(note)[:2000])
    )
    session.flush()
    if order.contact_id is not None:
        refresh_order_labels(session, order.contact_id)
    return order


def restore_paid(session: Session, order_id: int, *, now: datetime | None = None, note: str = "") -> Order:
    """A cancelled order paid after all (its customer's transfer came after the payment deadline
    cancelled it): its items leave the shelf again, if enough are left; else OrderError
    ORDER_OUT_OF_STOCK, writing nothing (the caller's transaction rolls back)."""
    from app.stock import commit_stock

    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    if order.state != OrderState.CANCELLED:
        raise OrderError(
            ErrorCode.ORDER_MOVE_REFUSED, OrderMoveParams(order.number, order.state, OrderState.PAID)
        )
    from app.order_returns import take_back_carried  # (it builds on us)

    commit_stock(session, order)
    now = now or utcnow()
    moved = _record_move(session, order, OrderState.PAID, now, note, "moved")
    take_back_carried(session, order, now)  # an exchange's: what its cancel handed back pays again
    return moved


# How long before the payment deadline the reminder is prepared for the owner to send (or not).
REMINDER_LEAD = timedelta(hours=24)


def reminders_due(
    session: Session, now: datetime | None = None, lead: timedelta = REMINDER_LEAD
) -> list[int]:
    """Orders awaiting payment whose deadline is within `lead` and whose reminder was not yet
    prepared: each is marked "reminded" (in its history) so it is offered once; their ids."""
    now = now or utcnow()
    reminded = select(OrderEvent.order_id).where(OrderEvent.kind == "reminded")
    due = session.scalars(
        select(Order.id)
        .where(
            Order.state == OrderState.AWAITING_PAYMENT,
            Order.payment_due_at.is_not(None),
            Order.payment_due_at > now,
            Order.payment_due_at <= now + lead,
            Order.id.not_in(reminded),
        )
        .order_by(Order.payment_due_at, Order.id)
    ).all()
    for order_id in due:
        session.add(OrderEvent(order_id=order_id, at=now, kind="reminded", note=""))
    return list(due)


def expire_unpaid(session: Session, now: datetime | None = None) -> list[int]:
    """Cancel the orders whose payment deadline passed (stock released); their ids."""
    now = now or utcnow()
    due = session.scalars(
        select(Order.id).where(
            Order.state == OrderState.AWAITING_PAYMENT,
            Order.payment_due_at.is_not(None),
            Order.payment_due_at <= now,
        )
    ).all()
    for order_id in due:
        move_order(session, order_id, OrderState.CANCELLED, now=now, kind=EXPIRED_MOVE)
    return list(due)


# How many digits each Korean courier's tracking numbers (운송장번호) have. A number of another
# length is most likely mistyped: a digit missing, or the order number or a phone number pasted.
TRACKING_DIGITS: dict[str, tuple[int, ...]] = {
    "CJ대한통운": (10, 12),
    "우체국택배": (13,),
    "한진택배": (10, 12),
    "롯데택배": (12, 13),
    "로젠택배": (11,),
}


@dataclass(frozen=True)
class TrackingDoubt:
    """A tracking number that does not look like its courier's (asked about, never refused: a
    courier may start a new series)."""

    courier: str
    number: str
    lengths: tuple[int, ...]
    excel: bool = False  # Excel wrote it as a number in scientific notation: its digits are lost


# "6.86501E+11": a long number Excel saved in a CSV as a float. The digits past the sixth are gone,
# so no courier's number can be rebuilt from it.
_EXCEL_NUMBER = re.compile(r"\d+(?:[.,]\d+)?E\+?\d+", re.IGNORECASE)


def excel_mangled(tracking: str) -> bool:
    """True when `tracking` is a number Excel turned into scientific notation ("6.86501E+11")."""
    return _EXCEL_NUMBER.fullmatch("".join(nfc(tracking).split())) is not None


def tracking_doubt(courier: str, tracking: str) -> TrackingDoubt | None:
    """Why `tracking` does not look like a number of `courier` (one the app knows), or None. A number
    Excel mangled is doubted for any courier."""
    name = _courier(courier)
    lengths = TRACKING_DIGITS.get(name)
    number = _tracking(tracking, name)
    if number and excel_mangled(number):
        return TrackingDoubt(name, number, lengths or (), excel=True)
    if lengths is None or not number:
        return None
    if number.isascii() and number.isdigit() and len(number) in lengths:
        return None
    return TrackingDoubt(name, number, lengths)


def _courier(text: str) -> str:
    return nfc(text).strip()[:64]


def _tracking(text: str, courier: str | None = None) -> str:
    """A tracking number as stored: without the spaces it was typed with, and for a courier whose
    numbers are only digits, without the dashes either ("6543-2109-8765")."""
    number = "".join(nfc(text).split())
    if courier is not None and _courier(courier) in TRACKING_DIGITS:
        number = number.replace("-", "")
    return number[:64]


def set_tracking(session: Session, order_id: int, courier: str, tracking: str) -> None:
    """The courier and tracking number of an order already shipped or done (typed after it was
    marked shipped, or corrected): as `move_order` stores them."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    order.courier, order.tracking = _courier(courier), _tracking(tracking, courier)
    order.updated_at = utcnow()  # the relay's bot is told again (app.engine pushes what changed)


# Before it ships an order's lines can still take the size or colour the customer asked for.
OPTION_STATES = (OrderState.NEW, OrderState.AWAITING_PAYMENT, OrderState.PAID)


def set_line_option(session: Session, order_id: int, position: int, option: str) -> None:
    """Change a line's option ("S", "아이보리/M") while the order has not shipped; its price and the
    stock stay as they are. Raises OrderError when the order has shipped (or was cancelled), or when
    the line holds stock counted for its old option, which the new one would not give back."""
    from app.stock import stock_row

    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    if OrderState(order.state) not in OPTION_STATES:
        raise OrderError(ErrorCode.ORDER_OPTION_LOCKED)
    line = next((line for line in order.lines if line.position == position), None)
    if line is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    new = nfc(option).strip()[:100]
    if new == line.option:
        return
    if line.stock:
        held = stock_row(session, line.item_id, line.option)
        if held is not None and held is not stock_row(session, line.item_id, new):
            raise OrderError(ErrorCode.ORDER_OPTION_HOLDS_STOCK, NameParams(line.name))
    before, line.option = line.option, new
    now = utcnow()
    order.updated_at = now
    # In the order's history: which line, from what to what (the window says it in the owner's words).
    change = {"item": line.name, "from": before, "to": new}
    session.add(
        OrderEvent(order_id=order_id, at=now, kind="option", note=json.dumps(change, ensure_ascii=False))
    )


def set_memo(session: Session, order_id: int, memo: str) -> None:
    """The owner's own memo on an order (메모): for her, never sent to the customer."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    order.memo = nfc(memo).strip()[:MAX_NOTE]


def set_payment_details(session: Session, order_id: int, depositor_name: str, cash_receipt: str) -> None:
    """The name the transfer will come under (입금자명) and where a cash receipt goes (현금영수증:
    a phone number or a 10-digit business number, digits only; empty for none)."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    digits = "".join(ch for ch in cash_receipt if ch.isdigit())
    if cash_receipt.strip() and not (
        10 <= len(digits) <= 11 and len(digits) == len(cash_receipt.replace("-", "").replace(" ", ""))
    ):
        raise OrderError(ErrorCode.ORDER_CASH_RECEIPT_INVALID, ValueParams(cash_receipt[:20]))
    order.depositor_name = " ".join(nfc(depositor_name).split())[:64]
    order.cash_receipt = digits
