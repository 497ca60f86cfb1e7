"""Orders moved in bulk (a bank file, a courier's file, payment deadlines): tell their customers, or not.

A bulk change is a fact the owner did not make order by order: the bank says the money came, the
courier says the parcel left, the deadline passed. The status change stands whatever is decided
here; what is decided, once for the whole batch, is whether each customer gets the message the
single step would have sent them (`app.order_messages`), through the same outbox.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.changes import Changes
from app.models import Contact, Order, OrderEvent
from app.order_messages import OrderMessage, message_for_order, order_outgoing
from app.orders import OrderState, Told, move_note, note_told
from app.settings import get_setting, put_setting

if TYPE_CHECKING:
    from app.db import Database


class BulkMove(enum.StrEnum):
    """Where a batch of moves came from; each moves its orders to one state."""

    BANK_FILE = "bank_file"  # deposits matched: Awaiting payment → Paid
    COURIER_FILE = "courier_file"  # tracking numbers read back: Paid → Shipped
    EXPIRY = "expiry"  # the payment deadline passed: Awaiting payment → Cancelled

    @property
    def state(self) -> OrderState:
        return {
            BulkMove.BANK_FILE: OrderState.PAID,
            BulkMove.COURIER_FILE: OrderState.SHIPPED,
            BulkMove.EXPIRY: OrderState.CANCELLED,
        }[self]


class NotToldReason(enum.StrEnum):
    """Why a customer's message cannot go (ui/ says it in the owner's words)."""

    NO_NUMBER = "no_number"  # a chat from a phone export, or the chat was deleted
    OUTSIDE_WINDOW = "outside_window"  # 24 hours since they wrote, no approved template for the step
    NO_BANK_ACCOUNT = "no_bank_account"  # the step's template needs the account the settings lack
    # 24 hours since they wrote, and no approved template can name every order one transfer paid and
    # the total (app.order_messages.several_orders_template)
    NO_TEMPLATE_FOR_SEVERAL = "no_template_for_several"
    # 24 hours since they wrote, and the step's template has more places than the step has values
    # (one made for another step): Meta would refuse it (app.order_messages.template_fits)
    TEMPLATE_UNFIT = "template_unfit"
    # The step's template names something this order has none of (the tracking number of an order
    # shipped without one): Meta refuses a template with an empty value
    TEMPLATE_VALUE_MISSING = "template_value_missing"
    # Written by earlier versions, which held a bulk notice back while no relay was set up; kept so
    # those orders' history still reads. Now the messages wait in the outbox, as a single step's do.
    NO_RELAY = "no_relay"


@dataclass(frozen=True, slots=True)
class NotTold:
    order_id: int
    number: str
    customer: str
    reason: NotToldReason
    text: str = ""  # the message that would have gone (the owner may tell them another way); "" for none


@dataclass(frozen=True, slots=True)
class BulkNotice:
    """A batch of orders moved to `move.state`: who can be told (their messages prepared), who
    cannot, and why."""

    move: BulkMove
    to_tell: tuple[OrderMessage, ...]
    not_told: tuple[NotTold, ...]
    # False: no relay is set up yet, so the messages wait in the outbox until one is connected.
    relay_ready: bool = True

    @property
    def order_ids(self) -> list[int]:
        return [i for m in self.to_tell for i in m.order_ids] + [n.order_id for n in self.not_told]

    def __len__(self) -> int:
        """How many orders moved (one message may tell of several)."""
        return len(self.order_ids)


def prepare_notice(
    db: Database,
    move: BulkMove,
    order_ids: Iterable[int],
    *,
    language: str,
    locale: str,
    format_time: Callable[[datetime, str, tzinfo | None], str],
    now: datetime,
    relay_ready: bool,
) -> BulkNotice:
    """Each order's message for its new state, as the order's own window would prepare it
    (`message_for_order`). An order no longer in that state (moved on since) is left out: its
    message would tell something that is no longer so. `relay_ready`: a relay is set up; without
    one the messages are queued all the same (the outbox sends them once it is connected, as it does
    a single order's message), and the notice says so.

    Orders of one customer that one bank transfer paid together get one message naming them all."""
    with db.read() as s:
        orders = _orders_in_state(s, order_ids, move.state)
        together = _paid_together(s, [o[0] for o in orders]) if move is BulkMove.BANK_FILE else {}
    to_tell: list[OrderMessage] = []
    not_told: list[NotTold] = []
    told_with: set[int] = set()  # orders a message already prepared tells of
    names = {order_id: (number, customer) for order_id, number, customer, _wa_id in orders}
    for order_id, _number, _customer, wa_id in orders:
        if order_id in told_with:
            continue
        group = together.get(order_id, (order_id,))
        told_with.update(group)
        message = (
            message_for_order(
                db,
                order_id,
                language=language,
                locale=locale,
                format_time=format_time,
                now=now,
                paid_with=group[1:],
            )
            if wa_id
            else None
        )
        reason = why_not_told(message)
        if message is not None and reason is None:
            to_tell.append(message)
            continue
        text = message.prepared.text if message is not None else ""
        for one in group:
            not_told.append(NotTold(one, *names[one], reason or NotToldReason.NO_NUMBER, text))
    return BulkNotice(move, tuple(to_tell), tuple(not_told), relay_ready)


def _paid_together(s: Session, order_ids: Sequence[int]) -> dict[int, tuple[int, ...]]:
    """Each of these orders that one bank transfer paid along with others of them, of the same
    customer: the ids of all those orders (its own first, in the given order)."""
    events = s.execute(
        select(OrderEvent.order_id, OrderEvent.note, Order.contact_id)
        .join(Order, Order.id == OrderEvent.order_id)
        .where(OrderEvent.order_id.in_(list(order_ids)), OrderEvent.to_state == OrderState.PAID)
        .order_by(OrderEvent.id)
    ).all()
    latest = {order_id: (note, contact_id) for order_id, note, contact_id in events}  # the last move wins
    groups: dict[tuple[object, str], list[int]] = {}
    for order_id in order_ids:
        note, contact_id = latest.get(order_id, ("", None))
        deposit = move_note(note).get("deposit")
        if contact_id is not None and isinstance(deposit, dict) and deposit.get("orders"):
            key = (contact_id, json.dumps(deposit, sort_keys=True, ensure_ascii=False))
            groups.setdefault(key, []).append(order_id)
    found: dict[int, tuple[int, ...]] = {}
    for ids in groups.values():
        if len(ids) > 1:
            for order_id in ids:
                found[order_id] = (order_id, *(i for i in ids if i != order_id))
    return found


def _orders_in_state(
    s: Session, order_ids: Iterable[int], state: OrderState
) -> list[tuple[int, str, str, str | None]]:
    rows = s.execute(
        select(Order.id, Order.number, Order.customer_name, Contact.wa_id)
        .outerjoin(Contact, Contact.id == Order.contact_id)
        .where(Order.id.in_(list(order_ids)), Order.state == state)
        .order_by(Order.year, Order.seq)
    )
    return [(r.id, r.number, r.customer_name, r.wa_id) for r in rows]


def why_not_told(message: OrderMessage | None) -> NotToldReason | None:
    """Why a prepared message cannot go (None: it can). A missing relay is no reason: the outbox
    keeps the message and sends it once the relay is connected."""
    if message is None:
        return NotToldReason.NO_NUMBER
    prepared = message.prepared
    if prepared.sendable:
        return None
    if prepared.template is not None and prepared.blank_values:
        return NotToldReason.TEMPLATE_VALUE_MISSING
    if prepared.template is not None:  # a template chosen, but the bank account it names is missing
        return NotToldReason.NO_BANK_ACCOUNT
    if prepared.several_orders:
        return NotToldReason.NO_TEMPLATE_FOR_SEVERAL
    if prepared.unfit_template:
        return NotToldReason.TEMPLATE_UNFIT
    return NotToldReason.OUTSIDE_WINDOW


def tell_customers(db: Database, notice: BulkNotice, left_out: Collection[int] = ()) -> Changes:
    """보내기: queue each message that can go, except those of the orders in `left_out` (the owner
    unticked them: their history says she chose not to send, as 보내지 않기 does), and write in the
    history of each order whose customer cannot be told that its move went without a message
    (`moved_unsent`, as a single step the owner made without its message). One transaction: all of
    it, or (a refusal, a crash) none, so the owner can decide again. A batch already decided (an
    expiry notice answered in another window) queues nothing twice."""
    left = set(left_out)
    with db.write() as s:
        open_ids = _still_undecided(s, notice)
        for message in notice.to_tell:
            if message.order_id in open_ids and message.order_id in left:
                for order_id in message.order_ids:
                    note_told(s, order_id, notice.move.state, Told.CHOSE_NOT)
            elif message.order_id in open_ids:
                from app.sending import stage_outgoing

                stage_outgoing(s, order_outgoing(message))
                for order_id in message.order_ids:
                    note_told(s, order_id, notice.move.state, Told.SENT)
        for untold in notice.not_told:
            if untold.order_id in open_ids:
                note_told(s, untold.order_id, notice.move.state, Told.COULD_NOT, untold.reason.value)
        _decided(s, notice)
    told = {m.contact_id for m in notice.to_tell if m.order_id in open_ids and m.order_id not in left}
    return Changes.for_contacts(told) | Changes(orders=frozenset(open_ids))


def keep_quiet(db: Database, notice: BulkNotice) -> Changes:
    """보내지 않기: nothing is sent; each order's history says the owner chose not to tell the customers
    who could have been told (and why the others could not). An expiry notice is answered: it is not
    offered again."""
    with db.write() as s:
        open_ids = _still_undecided(s, notice)
        for message in notice.to_tell:
            if message.order_id in open_ids:
                for order_id in message.order_ids:
                    note_told(s, order_id, notice.move.state, Told.CHOSE_NOT)
        for untold in notice.not_told:
            if untold.order_id in open_ids:
                note_told(s, untold.order_id, notice.move.state, Told.COULD_NOT, untold.reason.value)
        _decided(s, notice)
    return Changes(orders=frozenset(open_ids))


# ---------------------------------------------------------------- expiry, decided later

# Orders the deadline cancelled whose customers' messages wait for the owner's decision. Expiry runs
# on a timer, so the decision waits for the orders window rather than interrupting her work; kept in
# the database, so it is offered after a restart too, and once only.
EXPIRED_UNDECIDED = "orders.expired_undecided"


def await_decision(s: Session, order_ids: Sequence[int]) -> None:
    """In the transaction that cancelled them: these orders' messages wait for the owner."""
    if order_ids:
        waiting = _undecided_ids(s)
        put_setting(s, EXPIRED_UNDECIDED, sorted(waiting | set(order_ids)))


def expired_undecided(db: Database) -> list[int]:
    """The cancelled orders whose customers the owner has not yet decided to tell or not."""
    with db.read() as s:
        waiting = _undecided_ids(s)
        if not waiting:
            return []
        cancelled = s.scalars(
            select(Order.id).where(Order.id.in_(waiting), Order.state == OrderState.CANCELLED)
        )
        return sorted(cancelled)


def _undecided_ids(s: Session) -> set[int]:
    stored = get_setting(s, EXPIRED_UNDECIDED, [])
    return {int(i) for i in stored if isinstance(i, int)} if isinstance(stored, list) else set()


def _still_undecided(s: Session, notice: BulkNotice) -> set[int]:
    ids = set(notice.order_ids)
    return ids & _undecided_ids(s) if notice.move is BulkMove.EXPIRY else ids


def _decided(s: Session, notice: BulkNotice) -> None:
    if notice.move is BulkMove.EXPIRY:
        put_setting(s, EXPIRED_UNDECIDED, sorted(_undecided_ids(s) - set(notice.order_ids)))
