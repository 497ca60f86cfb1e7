"""Changing an unpaid order's lines, quantities and charges: amount owed, stock held and history follow."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import DiscountParams, ErrorCode, OrderCurrencyParams, OrderError, OrderStateParams
from app.models import Order, OrderEvent, utcnow
from app.orders import (
    MOVED_BACK,
    Charges,
    CleanLine,
    LineInput,
    OrderState,
    Told,
    clean_lines,
    move_note,
    order_lines,
    order_totals,
)
from app.stock import release_stock, reserve_stock
from app.surcharge_areas import stored_area

# Until the customer pays, what she is asked to pay can still follow what she asks for. Once she
# has paid, the amount she transferred is the order's: a change would be a refund or a second
# transfer that the bank file, the courier sheet and the accounts would never see.
CHANGEABLE_STATES = (OrderState.NEW, OrderState.AWAITING_PAYMENT)

# The history's kind of a change to the lines or charges (its note: `changed_facts`).
CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class OrderChange:
    """What a change did to the amount owed, and whether the customer was already asked to pay it."""

    total_before: int
    total_after: int
    currency: str
    payment_asked: bool  # the payment request (계좌 안내) went to the customer with the old amount


def change_order(
    session: Session,
    order_id: int,
    lines: Sequence[LineInput],
    charges: Charges,
    *,
    now: datetime | None = None,
) -> OrderChange:
    """Replace the lines and charges of an order that is new or awaiting payment. What an order
    awaiting payment holds of the stock follows its new lines; raises OrderError (paid or later,
    a bad line, not enough stock) and the caller's transaction then writes nothing.

    A line that stays keeps the price agreed on it: the caller passes it (`LineInput.price`)."""
    now = now or utcnow()
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    state = OrderState(order.state)
    if state not in CHANGEABLE_STATES:
        raise OrderError(ErrorCode.ORDER_LINES_LOCKED, OrderStateParams(order.number, state))
    clean = clean_lines(session, lines, order.currency)
    if clean[0].currency != order.currency:  # won and dollars make no sum
        raise OrderError(
            ErrorCode.ORDER_CURRENCY_OTHER,
            OrderCurrencyParams(clean[0].name, clean[0].currency, order.currency),
        )
    totals = order_totals(clean, charges, order.currency)
    facts = changed_facts(order, clean, charges)
    carried = order.carried_minor  # an exchange's: paid on her first order, it stays paid
    if not facts:
        due = order.total_minor - carried
        return OrderChange(due, due, order.currency, False)
    if totals.total_minor < carried:
        raise OrderError(
            ErrorCode.ORDER_CARRIED_OVER_TOTAL, DiscountParams(carried, totals.total_minor, order.currency)
        )
    total_before = order.total_minor
    held = state is OrderState.AWAITING_PAYMENT
    if held:
        release_stock(session, order)
    order.lines = order_lines(clean)
    session.flush()
    if held:
        reserve_stock(session, order)  # short: OrderError, and the old hold is rolled back with it
    order.subtotal_minor = totals.subtotal_minor
    order.shipping_minor = totals.shipping_minor
    order.surcharge_minor = totals.surcharge_minor
    order.surcharge_area = charges.surcharge_area[:32] if totals.surcharge_minor else ""
    order.discount_minor = totals.discount_minor
    order.total_minor = totals.total_minor
    order.updated_at = now
    facts["total"] = [total_before, totals.total_minor]
    facts["currency"] = order.currency
    order.events.append(OrderEvent(at=now, kind=CHANGED, note=json.dumps(facts, ensure_ascii=False)))
    session.flush()
    return OrderChange(
        total_before - carried,
        totals.total_minor - carried,
        order.currency,
        held and payment_asked(session, order),
    )


def changed_facts(order: Order, lines: Sequence[CleanLine], charges: Charges) -> dict[str, Any]:
    """What the history says of a change: lines added, taken out, their options, quantities and
    prices, and each charge that moved; {} when nothing did."""
    old = {(line.code, line.name, line.option): line for line in order.lines}
    new = {(line.code, line.name, line.option): line for line in lines}
    facts: dict[str, Any] = {}

    def named(key: tuple[str, str, str]) -> str:
        return f"{key[1]} {key[2]}".strip()

    # A line whose option alone changed (the blouse now "S") is that line with its new option, not
    # the product taken out and added again: one line of an item out and one in, nothing else of it.
    gone = [k for k in old if k not in new]
    came = [k for k in new if k not in old]
    was: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for k in came:
        same = [g for g in gone if g[:2] == k[:2]]
        if len(same) == 1 and len([c for c in came if c[:2] == k[:2]]) == 1:
            was[k] = same[0]
    prior = {k: old[was.get(k, k)] for k in new if k in old or k in was}
    added = [[named(k), line.quantity] for k, line in new.items() if k not in prior]
    removed = [named(k) for k in gone if k not in was.values()]
    options = [[k[1], was[k][2], k[2]] for k in came if k in was]
    quantity = [
        [named(k), prior[k].quantity, line.quantity]
        for k, line in new.items()
        if k in prior and prior[k].quantity != line.quantity
    ]
    price = [
        [named(k), prior[k].unit_price_minor, line.unit_price_minor]
        for k, line in new.items()
        if k in prior and prior[k].unit_price_minor != line.unit_price_minor
    ]
    for name, value in (
        ("added", added),
        ("removed", removed),
        ("option", options),
        ("quantity", quantity),
        ("price", price),
    ):
        if value:
            facts[name] = value
    charged = (
        ("shipping", order.shipping_minor, charges.shipping_minor),
        ("surcharge", order.surcharge_minor, charges.surcharge_minor),
        ("discount", order.discount_minor, charges.discount_minor),
    )
    for name, before, after in charged:
        if before != after:
            facts[name] = [before, after]
    # Where the surcharge is for and what it is, before and after ("" none), whenever either changed:
    # the history names the place (Highlands & Islands), and the same fee for another place is a
    # change too.
    area_before = stored_area(order.surcharge_area) if order.surcharge_minor else ""
    area_after = stored_area(charges.surcharge_area) if charges.surcharge_minor else ""
    if "surcharge" in facts or area_before != area_after:
        facts["surcharge_area"] = [area_before, area_after, order.surcharge_minor, charges.surcharge_minor]
    return facts


def payment_asked(session: Session, order: Order) -> bool:
    """Whether the customer's payment request for the order (its move to awaiting payment) went."""
    note = session.scalar(
        select(OrderEvent.note)
        .where(
            OrderEvent.order_id == order.id,
            OrderEvent.to_state == OrderState.AWAITING_PAYMENT,
            OrderEvent.kind != MOVED_BACK,  # back from Paid: the request that went is the move's before
        )
        .order_by(OrderEvent.id.desc())
        .limit(1)
    )
    return note is not None and move_note(note).get("told") == Told.SENT
