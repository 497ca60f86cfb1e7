"""Returns and exchanges after the parcel has left: lines come back, stock once the goods do, refunds."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from app.errors import (
    ErrorCode,
    OrderError,
    OrderLineParams,
    OrderStateParams,
    RefundParams,
    ReturnDaysParams,
)
from app.models import Order, OrderEvent, Stock, as_utc, utcnow
from app.orders import (
    MOVES,
    LineInput,
    OrderState,
    Told,
    clean_lines,
    create_order,
    move_note,
    move_order,
)
from app.text import nfc

# How long after an order is marked done its customer's return or exchange is still recorded: a
# Korean online shop takes a change of mind within 7 days of delivery (전자상거래법) and a fault
# within 3 months of it; a month past "done" covers the first and most of the second's late finds.
RETURN_DAYS = 30
MAX_REASON = 500

# History kinds (`OrderEvent.kind`). A return's note is a JSON object: "lines" ([position, quantity,
# name, option] each), "reason", "goods_back" (the goods arrived: their stock is back), "refund" and
# "currency", and for an exchange "exchange" ({"id", "number"} of the new order) and "due" (what the
# new order asks her to pay). Whether the customer was told is written on it as on a move ("told").
RETURNED = "returned"
GOODS_BACK = "goods_back"  # goods of an earlier return arrived: note {"returns": [event ids]}
EXCHANGE_FOR = "exchange_for"  # on the new order: note {"id", "number", "credit"} of the original
# The exchange's new order was cancelled: what her first order's payment carried to it ("credit") is
# hers again, refunded with the cancel. On both orders, note {"id", "number"} of the other one,
# "refund" (the carried money), "currency", and "side": "exchange" on the new order, "original" on
# the first. The first order's returns keep counting that money as spent (`refunded`), so it is
# refunded here once and never by a later return of the first order.
CARRIED_BACK = "carried_back"
# (The return's message to the customer is keyed by `app.order_messages.RETURN_MESSAGE`.)

RETURN_STATES = (OrderState.SHIPPED, OrderState.DONE)


@dataclass(frozen=True, slots=True)
class ReturnLine:
    position: int  # the order line (`OrderLine.position`)
    quantity: int


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    """What the owner recorded: the lines coming back, why, whether they are back already, and the
    refund (None: what was paid for them); `exchange`: the lines to send instead (an exchange)."""

    lines: tuple[ReturnLine, ...]
    reason: str = ""
    goods_back: bool = False
    refund_minor: int | None = None
    exchange: tuple[LineInput, ...] = ()


@dataclass(frozen=True, slots=True)
class ReturnOutcome:
    order_id: int
    refund_minor: int
    exchange_id: int | None = None
    exchange_number: str = ""
    due_minor: int = 0  # what the exchange order asks her to pay (the replacement costs more)


@dataclass(frozen=True, slots=True)
class ReturnableLine:
    position: int
    code: str
    name: str
    option: str
    item_id: int | None
    bought: int
    returned: int  # by earlier returns
    unit_price_minor: int

    @property
    def left(self) -> int:
        return self.bought - self.returned


@dataclass(frozen=True, slots=True)
class ReturnStart:
    """What the return dialog opens with: the lines that can still come back, and the money."""

    order_id: int
    number: str
    state: str
    currency: str
    lines: tuple[ReturnableLine, ...]
    refundable_minor: int  # paid and not refunded yet
    waiting: int = 0  # earlier returns whose goods have not arrived
    subtotal_minor: int = 0
    discount_minor: int = 0


def credit_for(
    lines: Sequence[ReturnableLine],
    subtotal: int,
    discount: int,
    left: int,
    picks: Sequence[ReturnLine],
    *,
    exchange: bool = False,
) -> int:
    """What the customer paid for the picked pieces: their prices less their share of the order's
    discount; all that is left of her payment (`left`: shipping too) when they are its last pieces
    and the sale is undone. Exchanged, they count for their goods only: the first order's shipping
    carried the goods she had, and a size swapped is no shipping fee to give back."""
    prices = {line.position: line.unit_price_minor for line in lines}
    value = sum(prices.get(p.position, 0) * p.quantity for p in picks)
    back = {line.position: line.returned for line in lines}
    for p in picks:
        back[p.position] = back.get(p.position, 0) + p.quantity
    if not exchange and all(back.get(line.position, 0) >= line.bought for line in lines):
        return max(0, left)
    share = discount * value // subtotal if subtotal else 0
    return max(0, min(left, value - share))


def start_credit(start: ReturnStart, picks: Sequence[ReturnLine], *, exchange: bool = False) -> int:
    """`credit_for` the order `start` describes."""
    return credit_for(
        start.lines,
        start.subtotal_minor,
        start.discount_minor,
        start.refundable_minor,
        picks,
        exchange=exchange,
    )


def waiting_returns(events: Sequence[Any]) -> int:
    """How many of the order's returns (events with `kind` and `note`) wait for their goods."""
    return sum(1 for e in events if e.kind == RETURNED and not return_facts(e.note).get("goods_back"))


def return_facts(note: str) -> dict[str, Any]:
    """A return event's note as its facts ({} for none)."""
    return move_note(note)


def _returns(order: Order) -> list[tuple[OrderEvent, dict[str, Any]]]:
    return [(e, return_facts(e.note)) for e in order.events if e.kind == RETURNED]


def returned_quantities(order: Order) -> dict[int, int]:
    """Line position → pieces returned so far."""
    back: dict[int, int] = {}
    for _event, facts in _returns(order):
        for position, quantity, *_rest in facts.get("lines", []):
            back[position] = back.get(position, 0) + quantity
    return back


def refunded(order: Order) -> int:
    """What of her payment is spent: refunded, or carried to an exchange's new order ("credit")."""
    return sum(int(facts.get("refund", 0)) + int(facts.get("credit", 0)) for _e, facts in _returns(order))


def carried_credit(events: Sequence[Any]) -> int:
    """What an exchange's new order holds of its first order's payment (events with `kind` and
    `note`): what it was carried, less what its cancel already handed back (0 for other orders)."""
    carried = carried_to(events)
    back = sum(int(return_facts(e.note).get("refund", 0)) for e in events if e.kind == CARRIED_BACK)
    return max(0, carried - back)


def carried_to(events: Sequence[Any]) -> int:
    """All an exchange's new order was carried of its first order's payment (0 for other orders)."""
    return sum(int(return_facts(e.note).get("credit", 0)) for e in events if e.kind == EXCHANGE_FOR)


def exchange_origin(events: Sequence[Any]) -> int | None:
    """The id of the order an exchange's new order was made for (None for other orders)."""
    for e in events:
        if e.kind == EXCHANGE_FOR and isinstance(order_id := return_facts(e.note).get("id"), int):
            return order_id
    return None


def exchange_number(events: Sequence[Any]) -> str:
    """The number of the order an exchange's new order was made for ("" for other orders)."""
    for e in events:
        if e.kind == EXCHANGE_FOR:
            return str(return_facts(e.note).get("number", ""))
    return ""


def refund_on_cancel(state: str, due_minor: int, events: Sequence[Any]) -> int:
    """What cancelling the order owes its customer: what she paid for it (`due_minor`, its total
    less what was carried to it) when it is paid, and for an exchange's new order what her first
    order's payment carried to it (paid or not)."""
    if OrderState.CANCELLED not in MOVES[OrderState(state)]:
        return 0  # shipped, done or cancelled: not cancelled now (returns refund what is owed)
    paid = due_minor if state == OrderState.PAID else 0
    return paid + carried_credit(events)


def hand_back_carried(session: Session, order: Order, now: datetime) -> int:
    """`order` is being cancelled: when it is an exchange's new order, what its first order's payment
    carried to it is refunded with the cancel, written in both orders' histories. The amount (0 for
    other orders, and for one whose carried money was handed back already)."""
    amount = carried_credit(order.events)
    origin_id = exchange_origin(order.events)
    origin = session.get(Order, origin_id) if origin_id is not None else None
    if not amount or origin is None:
        return 0
    for on, other, side in ((order, origin, "exchange"), (origin, order, "original")):
        note = {
            "id": other.id,
            "number": other.number,
            "refund": amount,
            "currency": order.currency,
            "side": side,
        }
        on.events.append(OrderEvent(at=now, kind=CARRIED_BACK, note=json.dumps(note, ensure_ascii=False)))
    origin.updated_at = now
    session.flush()
    return amount


def take_back_carried(session: Session, order: Order, now: datetime) -> int:
    """`order`, an exchange's new order whose cancel handed back what was carried to it, is paid
    after all (`app.orders.restore_paid`): that money pays for it again and is not refunded, written
    in both orders' histories (a "carried_back" of minus the amount, "restored"). The amount."""
    back = sum(int(return_facts(e.note).get("refund", 0)) for e in order.events if e.kind == CARRIED_BACK)
    origin_id = exchange_origin(order.events)
    origin = session.get(Order, origin_id) if origin_id is not None else None
    if back <= 0 or origin is None:
        return 0
    for on, other, side in ((order, origin, "exchange"), (origin, order, "original")):
        note = {
            "id": other.id,
            "number": other.number,
            "refund": -back,
            "currency": order.currency,
            "side": side,
            "restored": True,
        }
        on.events.append(OrderEvent(at=now, kind=CARRIED_BACK, note=json.dumps(note, ensure_ascii=False)))
    origin.updated_at = now
    session.flush()
    return back


def refunds_of(session: Session, order_ids: Sequence[int]) -> dict[int, int]:
    """Order id → what its returns refunded in all, with what its exchange's cancelled new order
    handed back of it (orders with none are absent): one read for a sheet of many orders."""
    from sqlalchemy import select

    found: dict[int, int] = {}
    ids = list(order_ids)
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(OrderEvent.order_id, OrderEvent.kind, OrderEvent.note).where(
                OrderEvent.kind.in_((RETURNED, CARRIED_BACK)),
                OrderEvent.order_id.in_(ids[start : start + 500]),
            )
        )
        for order_id, kind, note in rows:
            if refund := event_refund(kind, note):
                found[order_id] = found.get(order_id, 0) + refund
    return {order_id: refund for order_id, refund in found.items() if refund}  # (one taken back: none)


@dataclass(frozen=True, slots=True)
class MovedPayment:
    """What of an order's payment its exchanges' new orders hold (`amount`, less what a cancelled
    new order handed back: that is in its refunds) and their numbers, in the order they were made."""

    amount: int
    to: tuple[str, ...]


def payments_moved(session: Session, order_ids: Sequence[int]) -> dict[int, MovedPayment]:
    """Order id → where its payment went by exchanges (orders never exchanged are absent): one read
    for a sheet of many orders, as `refunds_of`."""
    from sqlalchemy import select

    amounts: dict[int, int] = {}
    numbers: dict[int, list[str]] = {}
    ids = list(order_ids)
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(OrderEvent.order_id, OrderEvent.kind, OrderEvent.note)
            .where(
                OrderEvent.kind.in_((RETURNED, CARRIED_BACK)),
                OrderEvent.order_id.in_(ids[start : start + 500]),
            )
            .order_by(OrderEvent.at, OrderEvent.id)
        )
        for order_id, kind, note in rows:
            facts = return_facts(note)
            if kind == CARRIED_BACK:
                if facts.get("side") == "original":  # handed back (or, restored, taken again)
                    amounts[order_id] = amounts.get(order_id, 0) - int(facts.get("refund", 0))
                continue
            exchange = facts.get("exchange")
            if isinstance(exchange, dict) and exchange.get("number"):
                numbers.setdefault(order_id, []).append(str(exchange["number"]))
                amounts[order_id] = amounts.get(order_id, 0) + int(facts.get("credit", 0))
    return {
        order_id: MovedPayment(max(0, amounts.get(order_id, 0)), tuple(to))
        for order_id, to in numbers.items()
    }


def event_refund(kind: str, note: str) -> int:
    """What one event of an order's history refunded of its payment: a return's refund, or what its
    exchange's cancelled new order handed back (0 for other events)."""
    if kind not in (RETURNED, CARRIED_BACK):
        return 0
    facts = return_facts(note)
    if kind == CARRIED_BACK and facts.get("side") != "original":
        return 0  # the exchange's own line: the money was the first order's
    return int(facts.get("refund", 0))


def refunded_in(events: Sequence[Any]) -> int:
    """What an order's returns refunded in all (events with `kind` and `note`), as its books sheet's
    Refund column says it."""
    return sum(event_refund(e.kind, e.note) for e in events)


def check_returnable(order: Order, now: datetime) -> None:
    """Raises OrderError unless the order's goods can come back now: it shipped, and was not marked
    done more than RETURN_DAYS ago."""
    state = OrderState(order.state)
    if state not in RETURN_STATES:
        raise OrderError(ErrorCode.ORDER_RETURN_REFUSED, OrderStateParams(order.number, state))
    if state is OrderState.DONE:
        done_at = max(
            (as_utc(e.at) for e in order.events if e.to_state == OrderState.DONE),
            default=as_utc(order.updated_at),
        )
        if now - done_at > timedelta(days=RETURN_DAYS):
            raise OrderError(ErrorCode.ORDER_RETURN_TOO_LATE, ReturnDaysParams(order.number, RETURN_DAYS))


def return_start(session: Session, order_id: int, now: datetime | None = None) -> ReturnStart:
    """The lines of the order that can still come back (raises OrderError when none can now)."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    check_returnable(order, now or utcnow())
    return ReturnStart(
        order.id,
        order.number,
        order.state,
        order.currency,
        _lines(order),
        _unrefunded(order),
        sum(1 for _e, facts in _returns(order) if not facts.get("goods_back")),
        order.subtotal_minor,
        _discount(order),
    )


def _lines(order: Order) -> tuple[ReturnableLine, ...]:
    back = returned_quantities(order)
    return tuple(
        ReturnableLine(
            line.position,
            line.code,
            line.name,
            line.option,
            line.item_id,
            line.quantity,
            back.get(line.position, 0),
            line.unit_price_minor,
        )
        for line in order.lines
    )


def paid_for(order: Order, picks: Sequence[ReturnLine], *, exchange: bool = False) -> int:
    """`credit_for` an order as stored."""
    return credit_for(
        _lines(order), order.subtotal_minor, _discount(order), _unrefunded(order), picks, exchange=exchange
    )


def _unrefunded(order: Order) -> int:
    """What she paid for the order and has not had back: an exchange's new order counts what her
    first order's payment carried to it as paid (her goods sent back paid it), so returning the
    replacement refunds that too."""
    return order.total_minor - order.carried_minor + carried_credit(order.events) - refunded(order)


def _discount(order: Order) -> int:
    """The order's discount (what an exchange's new order was carried is apart, `carried_minor`)."""
    return order.discount_minor


def _checked_picks(order: Order, request: ReturnRequest) -> list[ReturnLine]:
    by_position = {line.position: line for line in order.lines}
    back = returned_quantities(order)
    picks = [p for p in request.lines if p.quantity]
    if not picks:
        raise OrderError(ErrorCode.ORDER_RETURN_QUANTITY, OrderLineParams(1, "0"))
    for p in picks:
        line = by_position.get(p.position)
        if line is None or not 0 < p.quantity <= line.quantity - back.get(p.position, 0):
            raise OrderError(
                ErrorCode.ORDER_RETURN_QUANTITY, OrderLineParams(p.position + 1, str(p.quantity))
            )
    return picks


def _stock_back(session: Session, order: Order, picks: Sequence[tuple[int, int]]) -> None:
    """The returned pieces are on the shelf again: counted items' stock goes up (lines that took
    stock when paid only; a line nobody counts has nothing to give back)."""
    from app.stock import stock_row

    by_position = {line.position: line for line in order.lines}
    for position, quantity in picks:
        line = by_position.get(position)
        if line is None or line.stock != "committed":
            continue
        row = stock_row(session, line.item_id, line.option)
        if row is None:
            continue
        session.execute(
            update(Stock)
            .where(Stock.id == row.id)
            .values(on_hand=Stock.on_hand + quantity)
            .execution_options(synchronize_session=False)
        )
        session.refresh(row)


def record_return(
    session: Session, order_id: int, request: ReturnRequest, now: datetime | None = None
) -> ReturnOutcome:
    """Record a return (or, with `request.exchange`, an exchange) of a shipped or done order.

    Stock comes back only when `goods_back`. The whole order returned without an exchange is
    cancelled (the sale is undone); otherwise a shipped order is done (its parcel reached her). An
    exchange makes a new order for the replacement, its price less what she paid for the returned
    pieces: at no cost it is paid at once (its stock taken), else it waits for the difference to be
    asked; a cheaper replacement refunds the rest. Raises OrderError, the caller's transaction then
    writes nothing."""
    from app.order_labels import refresh_order_labels

    now = now or utcnow()
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    check_returnable(order, now)
    picks = _checked_picks(order, request)
    credit = paid_for(order, picks, exchange=bool(request.exchange))
    most = _unrefunded(order)
    facts: dict[str, Any] = {
        "lines": [
            [p.position, p.quantity, line.name, line.option]
            for p in picks
            for line in order.lines
            if line.position == p.position
        ],
        "reason": nfc(request.reason).strip()[:MAX_REASON],
        "goods_back": request.goods_back,
        "currency": order.currency,
    }
    exchange: Order | None = None
    due = 0
    if request.exchange:
        clean = clean_lines(session, request.exchange, order.currency)
        value = sum(line.quantity * line.unit_price_minor for line in clean)
        exchange = create_order(
            session,
            contact_id=order.contact_id,
            lines=request.exchange,
            source="chat",
            currency=order.currency,
            now=now,
        )
        # The same customer pays any difference from the same account: the transfer's name carries
        # over (the owner can still change it on the new order).
        exchange.depositor_name = order.depositor_name
        # Her first order's payment pays for it (up to its worth): paid, not a discount.
        exchange.carried_minor = min(credit, value)
        note = {
            "id": order.id,
            "number": order.number,
            "credit": min(credit, value),
            "currency": order.currency,
        }
        exchange.events.append(
            OrderEvent(at=now, kind=EXCHANGE_FOR, note=json.dumps(note, ensure_ascii=False))
        )
        due = exchange.total_minor - exchange.carried_minor
        if due == 0:  # paid by the goods she sent back: no payment asked
            move_order(
                session, exchange.id, OrderState.PAID, now=now, note=json.dumps({"exchange": order.number})
            )
        refund = max(0, credit - value) if request.refund_minor is None else request.refund_minor
        facts["exchange"] = {"id": exchange.id, "number": exchange.number}
        facts["due"] = due
        facts["credit"] = min(credit, value)  # of her payment, now the new order's
    else:
        refund = credit if request.refund_minor is None else request.refund_minor
    carried = int(facts.get("credit", 0))  # what the exchange's new order takes of her payment
    if isinstance(refund, bool) or not 0 <= refund <= most - carried:
        raise OrderError(
            ErrorCode.ORDER_REFUND_TOO_MUCH, RefundParams(refund, max(0, most - carried), order.currency)
        )
    facts["refund"] = refund
    if request.goods_back:
        _stock_back(session, order, [(p.position, p.quantity) for p in picks])
    before = OrderState(order.state)
    back = returned_quantities(order)
    for p in picks:
        back[p.position] = back.get(p.position, 0) + p.quantity
    whole = all(back.get(line.position, 0) >= line.quantity for line in order.lines)
    # Every piece back and none exchanged: the sale is undone. Part of it exchanged, her payment
    # still pays for the new order: the first stays, done.
    exchanged = exchange is not None or any(facts.get("exchange") for _e, facts in _returns(order))
    after = OrderState.CANCELLED if whole and not exchanged else OrderState.DONE
    moved = after is not before
    order.events.append(
        OrderEvent(
            at=now,
            kind=RETURNED,
            from_state=before if moved else None,
            to_state=after if moved else None,
            note=json.dumps(facts, ensure_ascii=False),
        )
    )
    order.state = after
    order.updated_at = now  # the relay's bot is told again (app.engine pushes what changed)
    session.flush()
    if order.contact_id is not None:
        refresh_order_labels(session, order.contact_id)
    return ReturnOutcome(
        order.id, refund, exchange.id if exchange else None, exchange.number if exchange else "", due
    )


def goods_arrived(session: Session, order_id: int, now: datetime | None = None) -> list[int]:
    """The goods of the order's returns still on their way are back: their stock goes up, each
    return says so, and the history has a line for it. The returns' event ids; raises OrderError
    when none was waiting."""
    now = now or utcnow()
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    waiting = [(e, facts) for e, facts in _returns(order) if not facts.get("goods_back")]
    if not waiting:
        raise OrderError(ErrorCode.ORDER_RETURN_NONE_WAITING)
    for event, facts in waiting:
        _stock_back(session, order, [(int(p), int(q)) for p, q, *_rest in facts.get("lines", [])])
        facts["goods_back"] = True
        event.note = json.dumps(facts, ensure_ascii=False)
    ids = [e.id for e, _f in waiting]
    order.events.append(OrderEvent(at=now, kind=GOODS_BACK, note=json.dumps({"returns": ids})))
    order.updated_at = now
    session.flush()
    return ids


def note_return_told(session: Session, order_id: int, told: Told = Told.SENT, why: str = "") -> None:
    """Whether the latest return's customer was sent its message: sent ("customer told"), the owner
    chose not to, or it could not go (`why`, a NotToldReason value, kept apart from her reason
    for the return)."""
    order = session.get(Order, order_id)
    if order is None:
        return
    returns = _returns(order)
    if returns:
        event, facts = returns[-1]
        facts["told"] = told.value
        if why:
            facts["told_reason"] = why
        else:
            facts.pop("told_reason", None)
        event.note = json.dumps(facts, ensure_ascii=False)
