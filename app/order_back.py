"""Moving an order back a step it was moved by mistake, and putting back what that step did.

Moves go forward (`app.orders.MOVES`); a move back undoes the order's latest move that is not undone
yet, to the state it came from, as its own history entry (kind "moved_back", the forward entry is
kept and marked undone). What the forward move did is put back:

- stock: back to New (or Cancelled) the order holds nothing; back to Awaiting payment it holds its
  items reserved again (a paid order's pieces go back on the shelf, then are reserved); back from
  Cancelled to Paid, Shipped or Done its items leave the shelf again (ORDER_OUT_OF_STOCK when too
  few are left, writing nothing);
- the payment deadline: back to New there is none (nor the transfer name asking for payment filled
  in from the customer's); back to Awaiting payment it is the one the
  customer was given, or, when that has passed meanwhile, a fresh one from now (or the deadline
  would cancel the order at once);
- the courier and tracking number: a shipped order moved back has them taken off (the relay's bot
  would give the customer a tracking link of a parcel that is not hers), named in the history entry;
- a bank deposit matched to it on Paid: unmatched, so the bank file can match it again (its
  move back's entry says so, `freed`: how many deposits); one that
  paid it with other orders pays those still, and only this order's part of it is free to match
  (their histories say so, SHARE_FREED: the line of their payment stays as it was written; so
  too when one of her parts that paid it was such a deposit's free share);
- an exchange's money handed back by a cancel: carried to the order again (and the other way round);
- the relay's copy: the order's `updated_at` is the move back's moment, so its status is pushed
  (`ui.order_actions`) and the relay keeps it over the forward one (`changed_at`).

A message the forward move sent to the customer cannot be unsent: the move back says so
(`MovedBack.told`) and sends no correction of its own.

What is not moved back (OrderError, writing nothing):
- a new order, or one a return brought where it is (ORDER_BACK_NONE: nothing of ours to undo);
- a cancellation by the payment deadline (ORDER_BACK_EXPIRED): the customer never paid; a transfer
  that came after it is taken with Match bank deposits, which restores the order as paid;
- an order with a return or exchange recorded since the move (ORDER_BACK_AFTER_RETURN): its goods
  and money went their way;
- Done or Cancelled for longer than `BACK_DAYS` (ORDER_BACK_TOO_LATE): the books are closed; a
  return, an exchange or a new order is the way from there;
- for Undo, an order moved again since it was offered (ORDER_BACK_MOVED).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.deposits import SHARE_FREED, deposit_share, paid_with, parts_paid_with
from app.errors import BackDaysParams, ErrorCode, OrderError, OrderStateParams
from app.models import Order, OrderEvent, utcnow
from app.order_returns import GOODS_BACK, RETURNED, hand_back_carried, take_back_carried
from app.orders import (
    EXPIRED_MOVE,
    MOVED_BACK,
    PAYMENT_DAYS,
    UNSENT_MOVE,
    OrderState,
    Told,
    move_note,
    payment_deadline,
)
from app.rules import zone

if TYPE_CHECKING:
    from app.order_queries import EventRow

# The forward moves a move back can undo (`app.orders.move_order`'s kinds, `restore_paid`'s).
FORWARD_KINDS = frozenset({"moved", UNSENT_MOVE, EXPIRED_MOVE})
# How long a Done or Cancelled order can still be moved back: a slip noticed within two weeks is
# mended; after that the month's books are closed and a return or a new order is the way.
BACK_DAYS = 14
CLOSED_STATES = (OrderState.DONE, OrderState.CANCELLED)


@dataclass(frozen=True, slots=True)
class BackStep:
    """Where the order's latest move would go back to, and what moving back cannot take back."""

    order_id: int
    number: str
    state: OrderState  # where it is now
    to_state: OrderState  # where it goes back to
    told: bool  # the customer was sent the forward move's message ("paid", "shipped"…)
    deposit: bool  # a bank deposit paid it, which moving back unmatches
    tracking: str  # the tracking number moving back takes off ("" none)
    # The other orders that deposit paid with it, which it pays still (its part alone is freed).
    paid_with: tuple[str, ...] = ()


def back_step(session: Session, order_id: int, now: datetime | None = None) -> BackStep:
    """Where order `order_id` would go back to; raises OrderError (the codes above) when it cannot."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    event = _undoable_move(order, now or utcnow())
    facts = move_note(event.note)
    to_state = OrderState(event.from_state or OrderState.NEW)
    return BackStep(
        order_id=order.id,
        number=order.number,
        state=OrderState(order.state),
        to_state=to_state,
        told=facts.get("told") == Told.SENT,
        deposit=isinstance(facts.get("deposit"), dict),
        tracking=order.tracking if _unships(OrderState(order.state), to_state) else "",
        paid_with=paid_with(session, facts, order.number),
    )


def latest_move_back_step(session: Session, order_id: int, now: datetime | None = None) -> BackStep | None:
    """Where order `order_id`'s latest move would go back to, for an Undo offered for it to follow
    that move whoever made it; None when it cannot be moved back, or when its latest move was
    itself a move back (Undo would then take back an older move nobody asked about)."""
    order = session.get(Order, order_id)
    if order is None:
        return None
    moves = [e for e in order.events if e.to_state is not None and e.to_state != e.from_state]
    if moves and max(moves, key=lambda e: e.id).kind == MOVED_BACK:
        return None
    try:
        return back_step(session, order_id, now)
    except OrderError:
        return None


def _unships(state: OrderState, to_state: OrderState) -> bool:
    """The move back takes a shipped order back before shipping: the courier and number it was
    shipped with go (the number the move to Shipped stored)."""
    return state is OrderState.SHIPPED and to_state in (
        OrderState.NEW,
        OrderState.AWAITING_PAYMENT,
        OrderState.PAID,
    )


def _undoable_move(order: Order, now: datetime) -> OrderEvent:
    """The order's latest forward move not undone, which brought it where it is; OrderError if none."""
    state = OrderState(order.state)
    refused = OrderStateParams(order.number, state)
    events = sorted(order.events, key=lambda e: e.id)
    for event in reversed(events):
        if event.kind == MOVED_BACK or move_note(event.note).get("undone"):
            continue
        if event.kind in _RETURN_KINDS:
            raise OrderError(ErrorCode.ORDER_BACK_AFTER_RETURN, refused)
        if event.kind in FORWARD_KINDS and event.to_state == state:
            facts = move_note(event.note)
            if event.kind == EXPIRED_MOVE or facts.get("expired") or event.note == EXPIRED_MOVE:
                raise OrderError(ErrorCode.ORDER_BACK_EXPIRED, refused)
            if state in CLOSED_STATES and now - event.at > timedelta(days=BACK_DAYS):
                raise OrderError(
                    ErrorCode.ORDER_BACK_TOO_LATE, BackDaysParams(order.number, state, BACK_DAYS)
                )
            return event
        if event.to_state is not None and event.to_state != event.from_state:
            break  # it came here another way (made so, or by a return): no move of ours to undo
    raise OrderError(ErrorCode.ORDER_BACK_NONE, refused)


_RETURN_KINDS = frozenset({RETURNED, GOODS_BACK})


def came_back(events: Sequence[EventRow], state: str) -> bool:
    """Whether the order's history (oldest first) ends in a move back to `state`, where it is: what
    changed it while its window waited was a slip put back, not a step forward."""
    return bool(events) and events[-1].kind == MOVED_BACK and events[-1].to_state == state


@dataclass(frozen=True, slots=True)
class MovedBack:
    """A move back made: from where to where, and what the customer had already been told."""

    order_id: int
    number: str
    from_state: OrderState
    to_state: OrderState
    told: bool  # she was sent the forward move's message, which no move back unsends
    deposit: bool  # the deposit that paid it is unmatched (the bank file can match it again)
    paid_with: tuple[str, ...] = ()  # the other orders that deposit paid with it, and pays still
    paid_with_ids: tuple[int, ...] = ()  # their ids: their histories say its share is free


def move_back(
    session: Session,
    order_id: int,
    *,
    expected: OrderState | None = None,
    now: datetime | None = None,
    payment_days: int = PAYMENT_DAYS,
) -> MovedBack:
    """Undo order `order_id`'s latest move (see the module's docstring); raises OrderError, writing
    nothing. `expected`: the state an Undo offered to take it back from; an order moved since
    (ORDER_BACK_MOVED) stays where it is, or Undo would take back a move it did not offer to."""
    from app.automations_store import shop_time_zone  # (it reads the order settings, built on us)
    from app.order_labels import refresh_order_labels
    from app.stock import commit_stock, release_stock, reserve_stock

    now = now or utcnow()
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    before = OrderState(order.state)
    if expected is not None and before is not expected:
        raise OrderError(ErrorCode.ORDER_BACK_MOVED, OrderStateParams(order.number, before))
    forward = _undoable_move(order, now)
    to_state = OrderState(forward.from_state or OrderState.NEW)
    facts = move_note(forward.note)
    others = paid_with(session, facts, order.number)

    if to_state in (OrderState.NEW, OrderState.CANCELLED):
        release_stock(session, order)
    elif to_state is OrderState.AWAITING_PAYMENT:
        release_stock(session, order)  # a paid order's pieces back on the shelf, then held again
        reserve_stock(session, order)
    else:
        commit_stock(session, order)  # from Cancelled: its items leave the shelf again
    if to_state is OrderState.NEW:
        order.payment_due_at = None
        # Asking for payment named the transfer after the customer; that default goes with it (a
        # name the owner typed stays). Asked again, it is filled the same way.
        if order.depositor_name == order.customer_name[:64]:
            order.depositor_name = ""
    elif to_state is OrderState.AWAITING_PAYMENT and (
        order.payment_due_at is None or order.payment_due_at <= now
    ):
        shop_zone = shop_time_zone(session)
        order.payment_due_at = payment_deadline(now, payment_days, zone(shop_zone) if shop_zone else None)
    back_note: dict[str, object] = {"undoes": forward.id}
    other_ids: tuple[int, ...] = ()
    shared = [(others, deposit_share(facts, order.total_minor - order.carried_minor))] if others else []
    # Her part that was the free share of a deposit paying other orders: theirs say it is free again.
    shared += parts_paid_with(session, facts, order.number)
    for numbers, share in shared:
        freed = json.dumps(
            {"number": order.number, "share": share, "currency": order.currency}, ensure_ascii=False
        )
        other_orders = session.scalars(select(Order).where(Order.number.in_(numbers))).all()
        for other in other_orders:
            other.events.append(OrderEvent(at=now, kind=SHARE_FREED, note=freed))
        other_ids += tuple(other.id for other in other_orders)
    if others:  # its history says the deposit pays them still, and theirs say its share is free
        back_note["paid_with"] = list(others)
    elif isinstance(facts.get("deposit"), dict):  # its history says the deposit (or her parts) match again
        parts = facts.get("parts")
        back_note["freed"] = len(parts) if isinstance(parts, list) and parts else 1
    if _unships(before, to_state) and (order.courier or order.tracking):
        back_note["courier"], back_note["tracking"] = order.courier, order.tracking
        order.courier, order.tracking = "", ""
    if before is OrderState.CANCELLED:
        take_back_carried(session, order, now)
    elif to_state is OrderState.CANCELLED:
        hand_back_carried(session, order, now)

    # The forward entry stays in the history, marked undone: its deposit is free to match again.
    if not facts and forward.note:
        facts = {"text": forward.note}
    facts["undone"] = True
    forward.note = json.dumps(facts, ensure_ascii=False)

    order.state = to_state
    order.updated_at = now  # the relay keeps this over the forward move's status (`changed_at`)
    order.events.append(
        OrderEvent(
            at=now,
            kind=MOVED_BACK,
            from_state=before,
            to_state=to_state,
            note=json.dumps(back_note, ensure_ascii=False),
        )
    )
    session.flush()
    if order.contact_id is not None:
        refresh_order_labels(session, order.contact_id)
    return MovedBack(
        order_id=order.id,
        number=order.number,
        from_state=before,
        to_state=to_state,
        told=facts.get("told") == Told.SENT,
        deposit=isinstance(facts.get("deposit"), dict),
        paid_with=others,
        paid_with_ids=other_ids,
    )
