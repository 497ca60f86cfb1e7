"""Order reads and changes for the order windows, each in its own transaction; changes return Changes."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.automations_store import follow_bank_account, shop_time_zone
from app.catalog import ItemRow, list_items
from app.changes import Changes
from app.db import Database
from app.deposits import (
    Deposit,
    DepositMatch,
    confirm_deposits,
    deposit_order_ids,
    leave_for_refund,
    match_deposits,
    read_bank_file,
    restore_for_deposit,
)
from app.item_options import sold_out_among
from app.models import Order
from app.order_back import BackStep, MovedBack, back_step, latest_move_back_step, move_back
from app.order_changes import OrderChange, change_order
from app.order_messages import EXCHANGE_MESSAGE, RETURN_MESSAGE, OrderMessage, order_outgoing
from app.order_notices import await_decision, why_not_told
from app.order_queries import (
    BoardPage,
    OrderDetail,
    OrderFilter,
    OrderStatus,
    OrderSummary,
    board_first_page,
    customers_without_number,
    order_detail,
    order_statuses,
    order_summaries,
    state_counts,
)
from app.order_returns import (
    ReturnOutcome,
    ReturnRequest,
    ReturnStart,
    carried_credit,
    exchange_number,
    exchange_origin,
    goods_arrived,
    note_return_told,
    record_return,
    refund_on_cancel,
    return_start,
)
from app.order_settings import OrderSettings, load_order_settings, save_order_settings
from app.orders import (
    UNSENT_MOVE,
    Charges,
    LineInput,
    OrderState,
    Told,
    create_order,
    expire_unpaid,
    move_order,
    note_told,
    reminders_due,
    set_line_option,
    set_memo,
    set_payment_details,
    set_tracking,
)
from app.rules import zone
from app.settings import load_preferences
from app.sheet_files import sheet_format, write_sheet
from app.shipping_sheets import (
    LeftOut,
    ShippingAddress,
    TrackingApplied,
    TrackingPlan,
    apply_ticked,
    courier_rows,
    order_sheet_rows,
    plan_tracking,
    read_tracking_file,
    set_shipping_address,
    ship_planned,
)
from app.stock import stock_left


def orders_changed(session: Session, order_ids: Iterable[int]) -> Changes:
    """These orders changed: their chats' rows (order labels) repaint, and stock may have moved."""
    ids = frozenset(order_ids)
    if not ids:
        return Changes()
    contacts = session.scalars(select(Order.contact_id).where(Order.id.in_(ids))).all()
    chats = frozenset(c for c in contacts if c is not None)
    return Changes(orders=ids, contacts=chats)


def _detail_changes(detail: OrderDetail) -> Changes:
    """The order changed (an exchange's new order: its first one too, whose history hears of it)."""
    chats = frozenset([detail.contact_id]) if detail.contact_id is not None else frozenset()
    origin = exchange_origin(detail.events)
    ids = frozenset([detail.id, *([origin] if origin is not None else [])])
    return Changes(orders=ids, contacts=chats)


def cancel_refund(db: Database, order_id: int) -> tuple[int, str]:
    """What cancelling the order now owes its customer (`refund_on_cancel`), and for an exchange's
    new order still holding money of its first order, that order's number ("" otherwise)."""
    detail = load_order(db, order_id)
    carried_from = exchange_number(detail.events) if carried_credit(detail.events) else ""
    return refund_on_cancel(detail.state, detail.due_minor, detail.events), carried_from


# ---------------------------------------------------------------- one order


def load_order(db: Database, order_id: int) -> OrderDetail:
    """The order, with the shop's time zone its times are shown on."""
    with db.read() as s:
        return dataclasses.replace(order_detail(s, order_id), time_zone=shop_time_zone(s))


@dataclass(frozen=True, slots=True)
class PaymentDetails:
    depositor: str  # the name the transfer comes under (입금자명)
    cash_receipt: str  # 현금영수증: a phone or business number, or empty


@dataclass(frozen=True, slots=True)
class TrackingEdit:
    courier: str
    number: str  # the tracking number as typed (spaces and dashes are dropped when stored)


@dataclass(frozen=True, slots=True)
class OrderEdits:
    """What the owner typed in an order's window and has not saved yet: None for a part left as stored."""

    address: ShippingAddress | None = None
    payment: PaymentDetails | None = None
    memo: str | None = None  # the owner's own memo (메모)
    tracking: TrackingEdit | None = None


def _store_edits(session: Session, order_id: int, edits: OrderEdits) -> None:
    """Raises OrderError (a bad 우편번호 or 현금영수증); the caller's transaction then writes nothing."""
    if edits.address is not None:
        set_shipping_address(session, order_id, edits.address)
    if edits.payment is not None:
        set_payment_details(session, order_id, edits.payment.depositor, edits.payment.cash_receipt)
    if edits.memo is not None:
        set_memo(session, order_id, edits.memo)
    if edits.tracking is not None:
        set_tracking(session, order_id, edits.tracking.courier, edits.tracking.number)


def move_order_to(
    db: Database,
    order_id: int,
    state: OrderState,
    *,
    courier: str | None,
    tracking: str | None,
    edits: OrderEdits = OrderEdits(),
    unsent: bool = False,
    unsent_reason: str = "",
) -> tuple[OrderDetail, Changes]:
    """Store the owner's unsaved `edits`, move the order (the payment deadline from the shop's
    settings) and read it back: one transaction, so edits refused leave the order where it was.

    `unsent`: the owner moved it knowing the customer's message for the step could not go (she told
    them by phone, say); the history says the move went without a message, and why it could not go
    (`unsent_reason`, a NotToldReason value)."""
    with db.write() as s:
        _move_with_edits(s, order_id, state, courier, tracking, edits, UNSENT_MOVE if unsent else "moved")
        if unsent:
            note_told(s, order_id, state, Told.COULD_NOT, unsent_reason)
    detail = load_order(db, order_id)
    return detail, _detail_changes(detail)


def _move_with_edits(
    s: Session,
    order_id: int,
    state: OrderState,
    courier: str | None,
    tracking: str | None,
    edits: OrderEdits,
    kind: str,
) -> None:
    _store_edits(s, order_id, edits)
    days = load_order_settings(s).payment_days
    move_order(s, order_id, state, courier=courier, tracking=tracking, payment_days=days, kind=kind)


@dataclass(frozen=True, slots=True)
class MoveOutcome:
    """What pressing a move did: the order as moved, or (`held`) nothing, as the customer's message
    for the step cannot go; the owner then moves it without the message or leaves it."""

    detail: OrderDetail | None
    changes: Changes
    held: OrderMessage | None = None


def move_when_message_can_go(
    db: Database,
    order_id: int,
    state: OrderState,
    *,
    message: Callable[[], OrderMessage | None],
    courier: str | None,
    tracking: str | None,
    edits: OrderEdits = OrderEdits(),
) -> MoveOutcome:
    """A move that tells the customer ("Ask for payment" sends the account to pay into) is made only
    when its `message` (as the order would be once moved: `message_for_order(moving_to=...)`) can be
    sent, or when the step tells nothing. When it cannot (the 24 hours passed and no approved
    template, no bank account), nothing changes: the order is not "awaiting payment" for a customer
    who was never asked. Nothing is held for a move that would be refused anyway: its refusal
    (OrderError) is raised as `move_order_to` raises it."""
    prepared = message()
    if prepared is not None and not prepared.prepared.sendable:
        # A move refused anyway (stock, a bad 우편번호 typed) says why first: tried, never kept.
        try:
            with db.write() as s:
                _move_with_edits(s, order_id, state, courier, tracking, edits, "moved")
                raise _TriedOnly
        except _TriedOnly:
            return MoveOutcome(None, Changes(), prepared)
    detail, changes = move_order_to(db, order_id, state, courier=courier, tracking=tracking, edits=edits)
    return MoveOutcome(detail, changes)


class _TriedOnly(Exception):
    """Rolls back a move tried only to learn whether it would be refused."""


def save_order_edits(db: Database, order_id: int, edits: OrderEdits) -> tuple[OrderDetail, Changes]:
    """The address, payment details, memo and tracking number typed in the order's window, stored
    together (or none)."""
    with db.write() as s:
        _store_edits(s, order_id, edits)
    detail = load_order(db, order_id)
    return detail, _detail_changes(detail)


def save_tracking(db: Database, order_id: int, courier: str, tracking: str) -> tuple[OrderDetail, Changes]:
    with db.write() as s:
        set_tracking(s, order_id, courier, tracking)
    detail = load_order(db, order_id)
    return detail, _detail_changes(detail)


def returnable(db: Database, order_id: int) -> ReturnStart:
    """What of the order can come back (raises OrderError when it cannot now)."""
    with db.read() as s:
        return return_start(s, order_id)


def save_return(
    db: Database, order_id: int, request: ReturnRequest
) -> tuple[OrderDetail, Changes, ReturnOutcome]:
    """Record a return or an exchange; both orders (the exchange's new one too) change."""
    with db.write() as s:
        outcome = record_return(s, order_id, request)
        ids = [order_id, *([outcome.exchange_id] if outcome.exchange_id is not None else [])]
        changes = orders_changed(s, ids)
    return load_order(db, order_id), changes, outcome


def save_goods_arrived(db: Database, order_id: int) -> tuple[OrderDetail, Changes]:
    """The returned goods still on their way arrived: their stock is back."""
    with db.write() as s:
        goods_arrived(s, order_id)
    detail = load_order(db, order_id)
    return detail, _detail_changes(detail)


def save_line_option(db: Database, order_id: int, position: int, option: str) -> tuple[OrderDetail, Changes]:
    """A line's option changed in the order's window (its price and the stock stay)."""
    with db.write() as s:
        set_line_option(s, order_id, position, option)
    detail = load_order(db, order_id)
    return detail, _detail_changes(detail)


def save_order_change(
    db: Database, order_id: int, lines: Sequence[LineInput], charges: Charges
) -> tuple[OrderDetail, Changes, OrderChange]:
    """The lines and charges of an unpaid order as the owner changed them (the stock it holds
    follows), and whether its customer was asked to pay the old amount."""
    with db.write() as s:
        change = change_order(s, order_id, lines, charges)
    detail = load_order(db, order_id)
    return detail, _detail_changes(detail), change


def start_order(
    db: Database,
    *,
    contact_id: int,
    lines: Sequence[LineInput],
    charges: Charges,
    note: str,
    currency: str,
    cart_message_id: int | None = None,
) -> tuple[int, Changes]:
    """An order the owner made from a chat, `note` her own memo on it; its id.

    `cart_message_id`: the customer's cart it was started from (one that never became an order, e.g.
    imported): the order is that cart's, its card in the chat then opens it, and it keeps what the
    customer wrote with the cart. A cart that became an order meanwhile stays that order's."""
    from app.carts import cart_note

    with db.write() as s:
        customer_note = cart_note(s, cart_message_id, contact_id)
        from_cart = customer_note is not None
        order_id = create_order(
            s,
            contact_id=contact_id,
            lines=lines,
            source="cart" if from_cart else "chat",
            charges=charges,
            message_id=cart_message_id if from_cart else None,
            note=customer_note or "",
            memo=note,
            currency=currency,
        ).id
        return order_id, orders_changed(s, [order_id])


def send_order_messages(db: Database, messages: Sequence[OrderMessage], text: str | None = None) -> Changes:
    """Queue prepared order messages for sending (`text`: the owner's edit of a single one); each
    order's move that the message is about says its customer was told. One transaction: every
    message with its history note, or (a refusal, a crash) none, so sending again doubles nothing."""
    from app.sending import stage_outgoing

    with db.write() as s:
        for message in messages:
            stage_outgoing(s, order_outgoing(message, text))
            if message.prepared.state in {state.value for state in OrderState}:  # not a reminder
                note_told(s, message.order_id, OrderState(message.prepared.state), Told.SENT)
            elif message.prepared.state in (RETURN_MESSAGE, EXCHANGE_MESSAGE):
                note_return_told(s, message.order_id)
    # The orders too: their history now says the customer was told, in any window showing them.
    told = frozenset(order_id for m in messages for order_id in m.order_ids)
    return Changes.for_contacts(m.contact_id for m in messages) | Changes(orders=told)


def note_message_not_sent(db: Database, message: OrderMessage) -> Changes:
    """The owner closed the order's message unsent (보내지 않기): the history of the move or return it
    was about says the customer was not told, as the owner chose (or, where it could not go, why)."""
    why = why_not_told(message)
    told, reason = (Told.CHOSE_NOT, "") if why is None else (Told.COULD_NOT, why.value)
    step = message.prepared.state
    with db.write() as s:
        if step in {state.value for state in OrderState}:  # not a reminder
            note_told(s, message.order_id, OrderState(step), told, reason)
        elif step in (RETURN_MESSAGE, EXCHANGE_MESSAGE):
            note_return_told(s, message.order_id, told, reason)
    return Changes(orders=frozenset({message.order_id}))


def numberless_customers(db: Database, order_ids: Sequence[int]) -> list[str]:
    """The names of these orders' customers whom no message can reach: they have no phone number."""
    with db.read() as s:
        return customers_without_number(s, order_ids)


# ---------------------------------------------------------------- the board


def board_page(db: Database, f: OrderFilter, states: Sequence[str], per_state: int) -> BoardPage:
    """The board's first cards, with the shop's time zone their times are shown on (as an order's
    window shows them: one order, one hour, wherever the owner looks)."""
    with db.read() as s:
        page = board_first_page(s, f, states, per_state)
        return dataclasses.replace(page, time_zone=shop_time_zone(s))


def column_page(
    db: Database, f: OrderFilter, state: str, after: tuple[datetime, int] | None, limit: int
) -> list[OrderSummary]:
    with db.read() as s:
        return order_summaries(s, f, state=state, after=after, limit=limit)


def table_page(
    db: Database, f: OrderFilter, *, sort: str, descending: bool, limit: int, offset: int = 0
) -> tuple[list[OrderSummary], int]:
    """A page of the order table, and how many orders the filter finds."""
    with db.read() as s:
        rows = order_summaries(s, f, sort=sort, descending=descending, limit=limit, offset=offset)
        return rows, sum(state_counts(s, f).values())


def move_order_with_settings(db: Database, order_id: int, state: OrderState) -> Changes:
    """A card moved on the board (the payment deadline from the shop's settings)."""
    with db.write() as s:
        days = load_order_settings(s).payment_days
        move_order(s, order_id, state, payment_days=days)
        return orders_changed(s, [order_id])


def order_back_step(db: Database, order_id: int) -> BackStep:
    """Where the order would go back to, and what it cannot take back (OrderError when it cannot)."""
    with db.read() as s:
        return back_step(s, order_id)


def latest_back_step(db: Database, order_id: int) -> BackStep | None:
    """Where the order's latest move would go back to (None: it was a move back, or cannot be)."""
    with db.read() as s:
        return latest_move_back_step(s, order_id)


def move_order_back(
    db: Database, order_id: int, expected: OrderState | None = None
) -> tuple[MovedBack, Changes]:
    """Undo the order's latest move (`app.order_back.move_back`; a fresh payment deadline, if one is
    due, from the shop's settings); what changed reaches the board, the chat and the relay's bot."""
    with db.write() as s:
        days = load_order_settings(s).payment_days
        moved = move_back(s, order_id, expected=expected, payment_days=days)
        # The orders its deposit pays still: their histories say its share is free.
        return moved, orders_changed(s, [order_id, *moved.paid_with_ids])


def paid_order_count(db: Database) -> int:
    """How many orders are paid and wait to be sent: the courier sheet's rows."""
    with db.read() as s:
        return s.scalar(select(func.count()).select_from(Order).where(Order.state == OrderState.PAID)) or 0


@dataclass(frozen=True, slots=True)
class CourierSheetSaved:
    """How many paid orders went into the courier sheet, and the ones left out for want of an address."""

    written: int
    left_out: tuple[LeftOut, ...]


def save_courier_sheet(db: Database, path: Path) -> CourierSheetSaved:
    """Write the paid orders' courier sheet, those with an address. With none, no file is written."""
    with db.read() as s:
        sheet = courier_rows(s)
    if len(sheet.rows) > 1:
        path.write_bytes(write_sheet(sheet.rows, sheet_format(path), title="택배"))
    return CourierSheetSaved(len(sheet.rows) - 1, sheet.left_out)


def save_orders_sheet(
    db: Database,
    path: Path,
    since: datetime | None,
    until: datetime | None,
    *,
    state_names: Mapping[str, str] | None = None,
    computer_zone: str = "UTC",
) -> tuple[int, int]:
    """Write the orders placed in [since, until) for accounting, one row per line (.xlsx or .csv by the
    name); (orders, lines) written. Times are on the shop's clock (its business hours' zone, else
    this computer's), states as `state_names` says them."""
    with db.read() as s:
        clock = zone(shop_time_zone(s) or computer_zone)
        rows = order_sheet_rows(s, since, until, state_names=state_names, zone=clock)
    path.write_bytes(write_sheet(rows, sheet_format(path), title="주문", header_tools=True))
    body = rows[1:]
    return len({row[0] for row in body}), len(body)


def tracking_plan(db: Database, path: Path, courier: str = "") -> TrackingPlan:
    """What a courier's file would do (nothing written): the orders it ships, the rows it cannot use;
    `courier` for the rows that name none (their numbers are checked against its shape)."""
    rows = read_tracking_file(path)
    with db.read() as s:
        return plan_tracking(s, rows, courier)


def apply_reviewed_tracking(
    db: Database, path: Path, courier: str, ticked: Mapping[int, int]
) -> tuple[TrackingApplied, Changes]:
    """The rows of a courier's file the owner ticked in its review (file row → the order it named),
    planned again in the write's own transaction: a row whose order changed meanwhile does nothing."""
    rows = read_tracking_file(path)
    with db.write() as s:
        applied = apply_ticked(s, plan_tracking(s, rows, courier), courier, ticked)
        return applied, orders_changed(s, [*applied.shipped, *applied.retracked])


def import_tracking(db: Database, path: Path, courier: str) -> tuple[TrackingPlan, Changes]:
    """Mark the orders in a courier's file shipped with their tracking numbers (`courier` for the rows
    that name none): what was shipped, and every row that was not, with why."""
    rows = read_tracking_file(path)
    with db.write() as s:
        plan = plan_tracking(s, rows, courier)
        order_ids = ship_planned(s, plan, courier)
        return plan, orders_changed(s, order_ids)


def cancel_overdue(db: Database) -> tuple[list[int], list[int], Changes]:
    """Cancel the orders whose payment deadline passed (stock released), and mark those due within
    a day for a reminder: (cancelled ids, ids to remind, what changed). The cancelled orders'
    messages wait for the owner's decision in the orders window (`app.order_notices`)."""
    with db.write() as s:
        order_ids = expire_unpaid(s)
        await_decision(s, order_ids)
        remind = reminders_due(s)
        return order_ids, remind, orders_changed(s, [*order_ids, *remind])


def statuses_for(db: Database, contact_id: int) -> list[OrderStatus]:
    with db.read() as s:
        return order_statuses(s, contact_id)


def statuses_for_orders(db: Database, order_ids: Iterable[int]) -> list[OrderStatus]:
    """The statuses of every customer these orders belong to (e.g. carts a synced batch made orders)."""
    with db.read() as s:
        contact_ids = s.scalars(
            select(Order.contact_id)
            .where(Order.id.in_(list(order_ids)), Order.contact_id.is_not(None))
            .distinct()
        ).all()
        return [
            status
            for contact_id in contact_ids
            if contact_id is not None
            for status in order_statuses(s, contact_id)
        ]


# ---------------------------------------------------------------- forms and settings


@dataclass(frozen=True, slots=True)
class ItemsForOrder:
    """Catalogue items the order form can add, which are sold out, and what is left of each."""

    rows: list[ItemRow]
    sold_out: frozenset[int]
    left: dict[tuple[int, str], int]  # see app.stock.stock_left


def order_form_start(
    db: Database, code: str, item_ids: Iterable[int] = ()
) -> tuple[OrderSettings, ItemsForOrder]:
    """The shop's order settings, and the item whose code the form opens with (if any); with what
    is left of `item_ids` too (the items of an order being changed)."""
    with db.read() as s:
        rows = list_items(s, code, rank_matches=True, limit=1) if code else []
        start = _items_for_order(s, rows)
        start.left.update(stock_left(s, item_ids))
        return load_order_settings(s), start


def items_for_order(db: Database, text: str, limit: int) -> ItemsForOrder:
    """The catalogue's items for the order form's search, which are sold out, and what is left."""
    with db.read() as s:
        return _items_for_order(s, list_items(s, text, include_hidden=False, rank_matches=True, limit=limit))


def _items_for_order(s: Session, rows: list[ItemRow]) -> ItemsForOrder:
    ids = {row.id for row in rows}
    return ItemsForOrder(rows, frozenset(sold_out_among(s, sorted(ids))), stock_left(s, ids))


def read_order_settings(db: Database) -> OrderSettings:
    with db.read() as s:
        return load_order_settings(s)


def store_order_settings(db: Database, settings: OrderSettings) -> Changes:
    """Save the order settings; a new bank account also waits to reach the relay's texts that give it
    (the bot's account answer): push the automations after a change that says `automations`."""
    with db.write() as s:
        before = load_order_settings(s).bank_account
        save_order_settings(s, settings)
        if settings.bank_account == before:
            return Changes(settings=True)
        follow_bank_account(s)
    return Changes(settings=True, automations=True)


def bank_file_matches(db: Database, path: Path) -> list[DepositMatch]:
    """The bank file's deposits, each with the awaiting order it most likely pays."""
    with db.read() as s:
        prefs = load_preferences(s)
    deposits = read_bank_file(path, prefs.currency)
    with db.read() as s:
        return match_deposits(s, deposits, currency=prefs.currency, country=prefs.shop_region)


def confirm_payments(db: Database, pairs: Sequence[tuple[int, Deposit]]) -> tuple[list[int], Changes]:
    with db.write() as s:
        order_ids = confirm_deposits(s, pairs)
        # The orders a deposit's free part pays with them: their histories say it was taken again.
        return order_ids, orders_changed(s, [*order_ids, *deposit_order_ids(s, [d for _i, d in pairs])])


def restore_paid_by_deposit(db: Database, order_id: int, deposit: Deposit) -> Changes:
    """A deposit after the payment deadline's cancel: the owner restores the order as paid."""
    with db.write() as s:
        restore_for_deposit(s, order_id, deposit)
        return orders_changed(s, [order_id, *deposit_order_ids(s, [deposit])])


def note_refund_due(db: Database, order_id: int, deposit: Deposit) -> Changes:
    """A deposit after the payment deadline's cancel: the owner leaves it for a refund."""
    with db.write() as s:
        leave_for_refund(s, order_id, deposit)
        return orders_changed(s, [order_id, *deposit_order_ids(s, [deposit])])
