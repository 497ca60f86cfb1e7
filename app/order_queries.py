"""Reading orders for the board, the order window and the chat's cart card: plain frozen rows."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, union_all
from sqlalchemy.orm import Session, aliased

from app.errors import ErrorCode, OrderError
from app.models import Contact, Order, OrderLine
from app.order_returns import exchange_number, refunds_of
from app.orders import typed_order_number
from app.phones import number_fragment, number_tail
from app.text import like_pattern, needs_casefold
from app.wire import ORDER_STATUSES_PER_CUSTOMER, OrderStatus

SUMMARY_ITEMS = 3  # lines named on a board card; the rest become "+N"


@dataclass(frozen=True, slots=True)
class OrderSummary:
    """One card on the board (and one row of its table)."""

    id: int
    number: str
    state: str
    contact_id: int | None
    customer: str
    items: tuple[tuple[str, int], ...]  # the first lines' (name, quantity)
    line_count: int
    quantity: int
    total_minor: int
    currency: str
    created_at: datetime
    updated_at: datetime
    payment_due_at: datetime | None
    tracking: str
    # Of `total_minor`, what another order's payment pays (an exchange's new order: her first order's).
    carried_minor: int = 0
    # What its returns refunded (a partial return: part refunded, the rest kept), as its window says.
    refunded_minor: int = 0

    @property
    def left_to_pay_minor(self) -> int | None:
        """What she is still asked to pay where part of the total was paid on another order and this
        one waits for the rest (None otherwise: the total is what it costs her, or it is settled)."""
        if not self.carried_minor or self.state not in ("new", "awaiting_payment"):
            return None
        return max(0, self.total_minor - self.carried_minor)


@dataclass(frozen=True, slots=True)
class LineRow:
    code: str
    name: str
    option: str
    quantity: int
    unit_price_minor: int
    currency: str
    known: bool  # matched a catalogue item
    item_id: int | None
    stock: str
    position: int = 0  # which line of its order (set_line_option's key)

    @property
    def total_minor(self) -> int:
        return self.quantity * self.unit_price_minor


@dataclass(frozen=True, slots=True)
class EventRow:
    at: datetime
    kind: str
    from_state: str | None
    to_state: str | None
    note: str


@dataclass(frozen=True, slots=True)
class ShipTo:
    recipient_name: str
    recipient_phone: str
    postcode: str
    address: str
    address_detail: str
    delivery_memo: str


@dataclass(frozen=True, slots=True)
class OrderDetail:
    id: int
    number: str
    state: str
    source: str
    contact_id: int | None
    message_id: int | None
    customer: str
    wa_id: str | None
    currency: str
    subtotal_minor: int
    shipping_minor: int
    surcharge_minor: int
    discount_minor: int
    total_minor: int
    note: str  # the customer's, with her cart
    memo: str  # the owner's own
    depositor_name: str
    cash_receipt: str
    payment_due_at: datetime | None
    courier: str
    tracking: str
    created_at: datetime
    lines: tuple[LineRow, ...]
    events: tuple[EventRow, ...]
    ship_to: ShipTo
    # The shop's clock (its business hours' zone; None: this computer's), on which the customer is
    # told its times: the owner sees them on it too.
    time_zone: str | None = None
    surcharge_area: str = ""  # app.surcharge_areas ("" on orders stored before: the remote one)
    # Of `total_minor`, what another order's payment pays (an exchange's new order: her first
    # order's), and that order's number: paid, not a discount.
    carried_minor: int = 0
    carried_from: str = ""

    @property
    def due_minor(self) -> int:
        """What she is asked to pay for it: its total less what was carried to it."""
        return self.total_minor - self.carried_minor


def _first_lines() -> list[Any]:
    """The first SUMMARY_ITEMS lines, one outer join each on (order_id, position): names on the card."""
    return [aliased(OrderLine, name=f"line{k}") for k in range(SUMMARY_ITEMS)]


def _items(row: Sequence[Any]) -> tuple[tuple[str, int], ...]:
    """(name, quantity) pairs from the row's trailing line columns, skipping the lines it has not got."""
    return tuple((row[k], row[k + 1]) for k in range(0, len(row), 2) if row[k] is not None)


@dataclass(frozen=True, slots=True)
class OrderFilter:
    """What the board's filter bar asks for; the same filter drives counts, columns and the table."""

    states: tuple[str, ...] | None = None
    text: str = ""
    since: datetime | None = None
    until: datetime | None = None


# Table columns the owner can sort by (ui/order_board_model.Column names them).
SORT_KEYS = ("number", "customer", "items", "total", "state", "ordered", "due")
# The payment deadline the table shows: only an order awaiting payment still has one to meet.
_DUE = case((Order.state == "awaiting_payment", Order.payment_due_at), else_=None)
_STATE_RANK = case(
    {"new": 0, "awaiting_payment": 1, "paid": 2, "shipped": 3, "done": 4, "cancelled": 5},
    value=Order.state,
    else_=6,
)


def _line_count() -> Any:
    # Correlated, so a page of 40 cards counts 40 orders' lines, not the whole table's.
    return select(func.count()).where(OrderLine.order_id == Order.id).scalar_subquery()


def _quantity() -> Any:
    return (
        select(func.coalesce(func.sum(OrderLine.quantity), 0))
        .where(OrderLine.order_id == Order.id)
        .scalar_subquery()
    )


def _filtered(stmt: Any, f: OrderFilter) -> Any:
    if f.states is not None:
        stmt = stmt.where(Order.state.in_(list(f.states)))
    if f.since is not None:
        stmt = stmt.where(Order.created_at >= f.since)
    if f.until is not None:
        stmt = stmt.where(Order.created_at < f.until)
    needle = " ".join(f.text.split())[:100]
    if needle:
        like = like_pattern(needle)
        # Names are matched with their spaces taken out as well ("린넨셔츠" finds 린넨 셔츠: Korean is
        # often typed without its spaces), a phone number by its digits in any format.
        bare = like_pattern(needle.replace(" ", ""))

        def named(column: Any) -> Any:
            if needs_casefold(needle):  # 'müller' finds "MÜLLER": LIKE folds ASCII letters only
                folded = func.casefold(column)
                return or_(
                    folded.like(like_pattern(needle.casefold()), escape="\\"),
                    func.replace(folded, " ", "").like(
                        like_pattern(needle.replace(" ", "").casefold()), escape="\\"
                    ),
                )
            return or_(column.like(like, escape="\\"), func.replace(column, " ", "").like(bare, escape="\\"))

        has_line = select(OrderLine.id).where(
            OrderLine.order_id == Order.id,
            or_(named(OrderLine.name), OrderLine.code.like(like, escape="\\")),
        )
        matches = [
            Order.number.like(like, escape="\\"),
            named(Order.customer_name),
            named(Order.recipient_name),  # a gift's 받는 분, who calls about her parcel
            named(Contact.saved_name),
            named(Contact.profile_name),
            Order.tracking.like(like, escape="\\"),
            has_line.exists(),
        ]
        if tracking := re.sub(r"[\s-]", "", needle):
            # As a label prints it ("6543-2109-8765"): a known courier's number is stored bare.
            matches.append(Order.tracking.like(like_pattern(tracking), escape="\\"))
        if (typed := typed_order_number(needle)) is not None and typed.number is not None:
            # "20260003", "2026 0003", "2026-3" as the owner types a number the slip prints 2026-0003.
            matches.append(Order.number == typed.number)
        elif typed is not None and typed.tail and not needle.isascii():
            # "０００３" typed full-width finds what "0003" does with the LIKE above (digits: no escape).
            matches.append(Order.number.like(f"%{typed.tail}%"))
        if digits := number_fragment(needle):  # a phone number, in any format ("0004" is none)
            matches.append(Contact.wa_id.like(f"%{digits}%"))  # only digits: nothing to escape
            typed_phone = func.replace(func.replace(Order.recipient_phone, "-", ""), " ", "")
            matches.append(typed_phone.like(f"%{digits}%"))  # the 받는 분's, as the owner typed it
        elif tail := number_tail(needle):
            # "0003" names order 2026-0003 and is also the 뒷자리 a Korean owner knows a customer by
            # (as in the chat search, app.search.search_contacts): both are found.
            matches.append(func.substr(Contact.wa_id, -4) == tail)
        stmt = stmt.where(or_(*matches))
    return stmt


def order_summaries(
    session: Session,
    f: OrderFilter = OrderFilter(),
    *,
    state: str | None = None,
    after: tuple[datetime, int] | None = None,
    limit: int | None = None,
    sort: str = "ordered",
    descending: bool = True,
    offset: int = 0,
    order_ids: Iterable[int] | Select[Any] | None = None,
) -> list[OrderSummary]:
    """Orders as board cards, newest first (or by `sort`), filtered; paged by `after` or `offset`.

    A board column pages with `after` = the last card's (created_at, id): an index walk on
    (state, created_at), however many orders the shop has.
    """
    ids = order_ids if order_ids is None or isinstance(order_ids, Select) else tuple(order_ids)
    stmt = _summaries_select(f, state, after, limit, sort, descending, offset, ids)
    return _summaries(session, session.connection().execute(stmt).all())


def _summaries_select(
    f: OrderFilter,
    state: str | None,
    after: tuple[datetime, int] | None,
    limit: int | None,
    sort: str,
    descending: bool,
    offset: int,
    order_ids: tuple[int, ...] | Select[Any] | None,
) -> Select[Any]:
    """One query for the cards: each row carries its line count, quantity and first lines' names."""
    quantity = _quantity()
    lines = _first_lines()
    customer = func.coalesce(Contact.saved_name, Contact.profile_name, Order.customer_name)
    stmt = select(
        Order.id,
        Order.number,
        Order.state,
        Order.contact_id,
        customer,
        _line_count(),
        quantity,
        Order.total_minor,
        Order.currency,
        Order.created_at,
        Order.updated_at,
        Order.payment_due_at,
        Order.tracking,
        Order.carried_minor,
        # The size or colour with the name ("린넨 블라우스 화이트 S"), as the courier sheet says.
        *(column for line in lines for column in (func.rtrim(line.name + " " + line.option), line.quantity)),
    ).outerjoin(Contact, Contact.id == Order.contact_id)
    for position, line in enumerate(lines):
        stmt = stmt.outerjoin(line, and_(line.order_id == Order.id, line.position == position))
    stmt = _filtered(stmt, f)
    if state is not None:
        stmt = stmt.where(Order.state == state)
    if order_ids is not None:
        stmt = stmt.where(Order.id.in_(order_ids if isinstance(order_ids, Select) else list(order_ids)))
    if after is not None:
        at, last_id = after
        stmt = stmt.where(or_(Order.created_at < at, and_(Order.created_at == at, Order.id < last_id)))
    key = {
        "number": (Order.year, Order.seq),
        "customer": (customer,),
        "items": (quantity,),
        "total": (Order.total_minor,),
        "state": (_STATE_RANK,),
        "ordered": (Order.created_at,),
        "due": (_DUE,),
    }[sort]
    columns = (*key, Order.created_at, Order.id) if sort != "ordered" else (Order.created_at, Order.id)
    # Orders with no deadline to meet come after the rest, whichever way the deadlines run.
    nothing_due = (_DUE.is_(None).asc(),) if sort == "due" else ()
    stmt = stmt.order_by(*nothing_due, *(c.desc() if descending else c.asc() for c in columns))
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    return stmt


def _summaries(session: Session, rows: Sequence[Any]) -> list[OrderSummary]:
    refunds = refunds_of(session, [r[0] for r in rows]) if rows else {}
    return [
        OrderSummary(
            id=r[0],
            number=r[1],
            state=r[2],
            contact_id=r[3],
            customer=r[4] or "",
            items=_items(r[14:]),
            line_count=int(r[5]),
            quantity=int(r[6]),
            total_minor=r[7],
            currency=r[8],
            created_at=r[9],
            updated_at=r[10],
            payment_due_at=r[11],
            tracking=r[12],
            carried_minor=r[13] or 0,
            refunded_minor=refunds.get(r[0], 0),
        )
        for r in rows
    ]


def state_counts(session: Session, f: OrderFilter = OrderFilter()) -> dict[str, int]:
    """How many orders the filter lets through, per state (the board's column titles)."""
    return _counts_and_money(session, f)[0]


def _counts_and_money(session: Session, f: OrderFilter) -> tuple[dict[str, int], dict[str, int]]:
    """Per state, how many orders the filter lets through; per currency, what those not cancelled
    come to (the day's takings under the board), in one query."""
    counts: dict[str, int] = {}
    money: dict[str, int] = {}
    for state, currency, n, total in session.connection().execute(_counts_select(f)):
        counts[str(state)] = counts.get(str(state), 0) + int(n)
        if state != "cancelled":
            money[str(currency)] = money.get(str(currency), 0) + int(total or 0)
    return counts, money


@lru_cache(maxsize=8)
def _counts_select(f: OrderFilter) -> Select[Any]:
    stmt = select(Order.state, Order.currency, func.count(), func.sum(Order.total_minor)).select_from(Order)
    if f.text.strip():  # the text filter looks at the customer's names too
        stmt = stmt.outerjoin(Contact, Contact.id == Order.contact_id)
    return _filtered(stmt, f).group_by(Order.state, Order.currency)


@dataclass(frozen=True, slots=True)
class BoardPage:
    counts: dict[str, int]
    columns: dict[str, list[OrderSummary]]
    time_zone: str | None = None  # the shop's clock the cards' times are shown on (None: this computer's)
    # What the orders the filter lets through come to, per currency, cancelled ones left out.
    money: dict[str, int] = field(default_factory=dict)


def board_first_page(session: Session, f: OrderFilter, states: Sequence[str], per_state: int) -> BoardPage:
    """What the board paints first: each column's count, then every column's newest cards in one query.

    The cards' query picks each column's page with one index seek on (state, created_at) per column,
    and brings each card's line count, quantity and first items along: no query per card or column.
    """
    counts, money = _counts_and_money(session, f)
    columns: dict[str, list[OrderSummary]] = {state: [] for state in states}
    for summary in _summaries(
        session, session.connection().execute(_first_page_select(f, tuple(states), per_state)).all()
    ):
        columns[summary.state].append(summary)
    return BoardPage(counts, columns, money=money)


@lru_cache(maxsize=8)
def _first_page_select(f: OrderFilter, states: tuple[str, ...], per_state: int) -> Select[Any]:
    """Built once per filter: composing this statement costs more than SQLite takes to run it."""
    newest = []
    for state in states:
        q = select(Order.id).where(Order.state == state)
        if f.text.strip():
            q = q.outerjoin(Contact, Contact.id == Order.contact_id)
        q = _filtered(q, f).order_by(Order.created_at.desc(), Order.id.desc()).limit(per_state)
        newest.append(select(q.subquery().c.id))
    ids = select(union_all(*newest).subquery().c.id)
    return _summaries_select(f, None, None, None, "ordered", True, 0, ids)


def order_detail(session: Session, order_id: int) -> OrderDetail:
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    contact = session.get(Contact, order.contact_id) if order.contact_id is not None else None
    return OrderDetail(
        id=order.id,
        number=order.number,
        state=order.state,
        source=order.source,
        contact_id=order.contact_id,
        message_id=order.message_id,
        customer=(contact.display_name if contact is not None else "") or order.customer_name,
        wa_id=contact.wa_id if contact is not None else None,
        currency=order.currency,
        subtotal_minor=order.subtotal_minor,
        shipping_minor=order.shipping_minor,
        surcharge_minor=order.surcharge_minor,
        surcharge_area=order.surcharge_area,
        discount_minor=order.discount_minor,
        total_minor=order.total_minor,
        carried_minor=order.carried_minor,
        carried_from=exchange_number(order.events) if order.carried_minor else "",
        note=order.note,
        memo=order.memo,
        depositor_name=order.depositor_name,
        cash_receipt=order.cash_receipt,
        payment_due_at=order.payment_due_at,
        courier=order.courier,
        tracking=order.tracking,
        created_at=order.created_at,
        lines=tuple(
            LineRow(
                line.code,
                line.name,
                line.option,
                line.quantity,
                line.unit_price_minor,
                line.currency,
                line.item_id is not None,
                line.item_id,
                line.stock,
                line.position,
            )
            for line in order.lines
        ),
        events=tuple(EventRow(e.at, e.kind, e.from_state, e.to_state, e.note) for e in order.events),
        ship_to=ShipTo(
            order.recipient_name,
            order.recipient_phone,
            order.postcode,
            order.address,
            order.address_detail,
            order.delivery_memo,
        ),
    )


def order_for_messages(session: Session, message_ids: Iterable[int]) -> dict[int, tuple[int, str, str]]:
    """For cart messages: message id → (order id, number, state), so the chat's card can open it."""
    ids = list(message_ids)
    if not ids:
        return {}
    rows = session.execute(
        select(Order.message_id, Order.id, Order.number, Order.state).where(Order.message_id.in_(ids))
    )
    return {int(m): (int(i), str(n), str(st)) for m, i, n, st in rows if m is not None}


def orders_of_contact(session: Session, contact_id: int) -> list[OrderSummary]:
    return order_summaries(session, order_ids=select(Order.id).where(Order.contact_id == contact_id))


CARD_LINES = 6  # lines a cart card in the chat lists; the rest become "+N more"


@dataclass(frozen=True, slots=True)
class CardLine:
    name: str
    option: str
    quantity: int
    total_minor: int
    known: bool


@dataclass(frozen=True, slots=True)
class OrderCard:
    """What a cart message's bubble shows of the order it became (hashable: it keys layout caches)."""

    order_id: int
    number: str
    state: str
    currency: str
    total_minor: int
    lines: tuple[CardLine, ...]
    more: int  # lines not listed


def order_cards(session: Session, message_ids: Iterable[int]) -> dict[int, OrderCard]:
    """Message id → the order its cart became, for the chat's cart cards (one page: two queries)."""
    ids = list(message_ids)
    if not ids:
        return {}
    orders = session.execute(
        select(
            Order.message_id, Order.id, Order.number, Order.state, Order.currency, Order.total_minor
        ).where(Order.message_id.in_(ids))
    ).all()
    if not orders:
        return {}
    lines: dict[int, list[CardLine]] = {}
    counts: dict[int, int] = {}
    rows = session.execute(
        select(
            OrderLine.order_id,
            OrderLine.position,
            OrderLine.name,
            OrderLine.option,
            OrderLine.quantity,
            OrderLine.unit_price_minor,
            OrderLine.item_id,
        )
        .where(OrderLine.order_id.in_([o[1] for o in orders]))
        .order_by(OrderLine.order_id, OrderLine.position)
    )
    for order_id, position, name, option, quantity, price, item_id in rows:
        counts[order_id] = counts.get(order_id, 0) + 1
        if position < CARD_LINES:
            lines.setdefault(order_id, []).append(
                CardLine(name, option, quantity, quantity * price, item_id is not None)
            )
    return {
        int(message_id): OrderCard(
            order_id,
            number,
            state,
            currency,
            total,
            tuple(lines.get(order_id, ())),
            max(0, counts.get(order_id, 0) - CARD_LINES),
        )
        for message_id, order_id, number, state, currency, total in orders
        if message_id is not None
    }


def order_statuses(
    session: Session, contact_id: int, limit: int = ORDER_STATUSES_PER_CUSTOMER
) -> list[OrderStatus]:
    """A customer's newest orders as the relay's bot needs them (none for a chat without a number)."""
    from app.order_messages import tracking_url

    wa_id = session.scalar(select(Contact.wa_id).where(Contact.id == contact_id))
    if not wa_id:
        return []
    rows = session.execute(
        select(Order.number, Order.state, Order.courier, Order.tracking, Order.updated_at)
        .where(Order.contact_id == contact_id)
        .order_by(Order.created_at.desc(), Order.id.desc())
        .limit(limit)
    )
    return [
        OrderStatus(
            number=number,
            state=state,
            wa_id=wa_id,
            courier=courier,
            tracking=tracking,
            tracking_url=tracking_url(courier, tracking),
            changed_at=changed_at,
        )
        for number, state, courier, tracking, changed_at in rows
    ]


def statuses_for_bot(session: Session, changed_since: datetime) -> list[list[OrderStatus]]:
    """Every customer's newest orders as the relay's bot needs them, one list per customer, for the
    customers with an open order or an order changed since `changed_since`: all the relay must know,
    whatever pushes were missed (orders made before the bot, or moved while the relay was away)."""
    from app.orders import OPEN_STATES

    customers = (
        select(Order.contact_id)
        .where(
            Order.contact_id.is_not(None),
            or_(Order.state.in_([s.value for s in OPEN_STATES]), Order.updated_at >= changed_since),
        )
        .distinct()
    )
    contact_ids = session.scalars(
        select(Contact.id).where(Contact.id.in_(customers), Contact.wa_id.is_not(None)).order_by(Contact.id)
    ).all()
    return [statuses for cid in contact_ids if (statuses := order_statuses(session, cid))]


@dataclass(frozen=True, slots=True)
class OrderCustomer:
    """The customer of one order, as the menu bot would see them: who writes and their orders."""

    wa_id: str
    name: str
    orders: tuple[OrderStatus, ...]


def customers_without_number(session: Session, order_ids: Sequence[int]) -> list[str]:
    """The names of these orders' customers who have no phone number (chats from a phone export):
    no order message can reach them until the owner adds it."""
    rows = session.execute(
        select(Contact)
        .join(Order, Order.contact_id == Contact.id)
        .where(Order.id.in_(order_ids), or_(Contact.wa_id.is_(None), Contact.wa_id == ""))
        .distinct()
        .order_by(Contact.id)
    ).scalars()
    return [contact.display_name for contact in rows]


def customer_of_order(session: Session, number: str) -> OrderCustomer | None:
    """The customer of order `number` ("2026-0008") and their newest orders; None when no such order
    or its customer has no WhatsApp number."""
    row = session.execute(
        select(Contact.id, Contact.wa_id)
        .join(Order, Order.contact_id == Contact.id)
        .where(Order.number == number.strip())
    ).first()
    if row is None or not row.wa_id:
        return None
    contact = session.get(Contact, row.id)
    name = contact.display_name if contact is not None else ""
    return OrderCustomer(row.wa_id, name, tuple(order_statuses(session, row.id)))
