"""Bank transfers (무통장입금): read the bank's transactions and match deposits to orders awaiting payment."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from app.errors import ErrorCode, FileParams, OrderError
from app.models import Order, OrderEvent, as_utc, utcnow
from app.orders import EXPIRED_MOVE, MOVED_BACK, OPEN_STATES, OrderState, move_note, move_order, restore_paid
from app.sheet_files import find_column, read_sheet
from app.text import nfc

log = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 20  # banks put the account's name and period above the table

# Column titles Korean banks use in their transaction downloads (and a few English ones).
# A British or American bank's download names them otherwise ("Paid in", "Credit Amount"), or has one
# "Amount" column, money in above zero and money out below (read last: a bank's own in-column first).
AMOUNT_COLUMNS = (
    "입금액", "입금금액", "맡기신금액", "입금(원)", "deposit", "credit", "amount in", "paid in", "money in",
    "amount",
)  # fmt: skip
# Titles that name the depositor, before the generic ones: KB's "보낸분/받는분" beside its "적요" (the
# kind of transaction, "타행이체") must win, though only "적요" matches a title exactly.
NAME_COLUMNS = (
    "입금자명", "입금자", "보낸분", "보내는분", "의뢰인", "기재내용", "depositor", "counter party", "payer",
    "name",
)  # fmt: skip
GENERIC_NAME_COLUMNS = ("내용", "적요", "description", "reference")
DATE_COLUMNS = ("거래일시", "거래일자", "거래일", "일시", "날짜", "date")
# Some banks (신한) give the time in a column of its own: without it, two transfers of one name and
# amount on one day could not be told apart when a file is read again.
TIME_COLUMNS = ("거래시간", "시간", "time")


@dataclass(frozen=True, slots=True)
class Deposit:
    row: int  # the line in the file, 1-based, as a spreadsheet shows it
    at: str  # as the bank wrote it
    name: str
    amount: int  # in the minor unit of the shop's currency (won; pence, cents), as orders' totals


class MatchKind:
    NAME_AND_AMOUNT = "name_and_amount"  # the depositor name and the amount both agree
    AMOUNT_ONLY = "amount_only"  # one order awaits exactly this amount, under another name
    # A new order (no payment asked for yet) of this amount: the customer paid before being asked.
    # Less sure than an order awaiting payment; the owner ticks it.
    BEFORE_REQUEST = "before_request"
    ALREADY_APPLIED = "already_applied"  # this very deposit already paid an order (`number`)
    # This very deposit came late and restored order `number`, which the payment deadline had
    # cancelled, as paid: said so, not as if it had paid an order that was waiting.
    RESTORED_PAID = "restored_paid"
    # One transfer under the customer's name for the sum of several of her orders awaiting payment
    # (`together`): paid together, ticked like a name-and-amount match.
    SEVERAL_ORDERS = "several_orders"
    # Her orders awaiting payment add up to the amount in more than one way (`choices`): only the
    # owner can tell which, so nothing is offered to tick.
    SEVERAL_ORDERS_UNSURE = "several_orders_unsure"
    # The depositor's order of this amount was cancelled when its payment deadline passed
    # (`cancelled_at`): she paid late. The owner restores it as paid or leaves the money for a refund.
    AFTER_CANCEL = "after_cancel"
    REFUND_NOTED = "refund_noted"  # this very deposit was left for a refund on order `number`
    # More orders awaiting payment of this name and amount than the file has such deposits (two
    # customers called 김민지, each owing 42,000원): which one paid only the owner can tell
    # (`choices`: each order's number), so nothing is offered to tick.
    SAME_NAME_UNSURE = "same_name_unsure"
    # Nothing waits for it, but the owner marked an order of this name and amount paid by hand
    # lately (`number`; she saw the transfer in her banking app): this is likely that transfer.
    MARKED_PAID = "marked_paid"
    # Nothing waits for this amount, but an order awaiting payment (`number`, its total `expected`)
    # is under the depositor's name: she paid part of it, or too much. Nothing to tick: the owner
    # asks her for the rest or refunds the difference, and marks it paid in its window.
    NAME_OTHER_AMOUNT = "name_other_amount"
    # Nothing else waits for it, and the order of its name and amount (`number`) was placed after
    # the deposit was made (`placed_at`): money sent before the order cannot be its payment.
    PLACED_AFTER = "placed_after"


# How long after the payment deadline cancelled an order a deposit of its name and amount is offered
# to it (a customer who pays a day or a weekend late, not one who orders again next month).
LATE_DEPOSIT_DAYS = 14
# An order's history kind: a deposit that came after the order was cancelled, left for the owner to
# refund (its note is the deposit, as `deposit_note` writes it).
REFUND_DUE = "refund_due"
# An order's history kind: another order one deposit paid with it was moved back, and that order's
# share of the deposit is free again; this order stays paid by it. Its note: the moved-back order's
# `number`, its `share` and the `currency` (the paying move's own line stays as it was written).
SHARE_FREED = "share_freed"
# An order's history kind: that freed share was taken again (SHARE_FREED's line, as written, said it
# was free). Its note: the order that took it (`number`), what it took (`share`, `currency`), and
# how (`how`: a TAKEN_* below).
SHARE_TAKEN = "share_taken"
TAKEN_PAID = "paid"  # it paid that order (the moved-back one again, or another, whole or in part)
TAKEN_RESTORED = "restored"  # it restored that order, which the payment deadline had cancelled
TAKEN_REFUND = "refund"  # it was left to be refunded on that (cancelled) order


# A customer with more orders awaiting payment than this has only her earliest ones tried as sets.
MAX_ORDERS_TOGETHER = 10


@dataclass(frozen=True, slots=True)
class DepositMatch:
    deposit: Deposit
    # The order to mark paid (AFTER_CANCEL: the cancelled order to restore; NAME_OTHER_AMOUNT: hers,
    # which this deposit does not pay); None when there is none.
    order_id: int | None
    number: str
    customer: str
    depositor_name: str  # what the order expects
    kind: str | None  # MatchKind, or None when nothing waits for this deposit
    same_name: bool = False  # for BEFORE_REQUEST: the depositor's name agrees too
    # For a deposit matched to nothing: how many open orders have its amount (0: none at all; else
    # they are paid already, or several wait and only the owner can tell which).
    open_with_amount: int = 0
    together: tuple[tuple[int, str], ...] = ()  # SEVERAL_ORDERS: (id, number) of each order it pays
    choices: tuple[tuple[str, ...], ...] = ()  # SEVERAL_ORDERS_UNSURE: the numbers of each possible set
    cancelled_at: datetime | None = None  # AFTER_CANCEL: when the deadline cancelled the order (UTC)
    expected: int = 0  # NAME_OTHER_AMOUNT: the total of the depositor's order awaiting payment
    # NAME_OTHER_AMOUNT: how many of the file's deposits under her name, this one with them, add up
    # to `expected` exactly (she paid in parts: 50,000 + 40,000 for 90,000); 0 when they do not.
    # MARKED_PAID: how many of hers add up to the order she marked paid by hand; 0: this one alone.
    parts: int = 0
    # When the order offered (or PLACED_AFTER's, or SAME_NAME_UNSURE's nearest) was placed, on the
    # shop's clock (the bank's: aware, in the shop's zone, else this computer's): the owner sees why
    # it is offered, beside the deposit's time as the bank wrote it. SAME_NAME_UNSURE: when each of
    # `choices` was, in their order (the one placed nearest before the deposit first; it is
    # `order_id`, proposed, never ticked).
    placed_at: datetime | None = None
    choices_placed: tuple[datetime, ...] = field(default=())
    # A deposit that paid several orders, one of them moved back since: the orders it still pays
    # (their numbers) and the part of it now free (`free`), which alone was matched.
    paid_already: tuple[str, ...] = ()
    free: int = 0
    # RESTORED_PAID: the other orders the deposit pays (its restored order took its free part).
    also_pays: tuple[str, ...] = ()
    # ALREADY_APPLIED, RESTORED_PAID, REFUND_NOTED: the order the deposit is recorded on (the first,
    # of several), which the owner may open; never one to tick (`order_ids`).
    recorded_id: int | None = None

    def matched_amount(self) -> int:
        """The money this match is about: the deposit's, or the part of it still free."""
        return self.free if self.paid_already else self.deposit.amount

    def order_to_open(self) -> int | None:
        """The order this row is about, which the owner may open to see it (or mark it paid there):
        the first of several it pays, the one offered or proposed, or the one it is recorded on."""
        if self.together:
            return self.together[0][0]
        return self.order_id if self.order_id is not None else self.recorded_id

    def order_ids(self) -> tuple[int, ...]:
        """The orders that ticking this match marks paid."""
        if self.together:
            return tuple(order_id for order_id, _number in self.together)
        if self.kind == MatchKind.NAME_OTHER_AMOUNT and self.parts and self.order_id is not None:
            return (self.order_id,)  # with her other parts: ticked together, they pay it
        if self.order_id is None or self.kind in (
            MatchKind.AFTER_CANCEL,
            MatchKind.NAME_OTHER_AMOUNT,
            MatchKind.MARKED_PAID,
            MatchKind.SAME_NAME_UNSURE,
            MatchKind.PLACED_AFTER,
        ):
            return ()  # the owner's choice instead, or in the order's own window
        return (self.order_id,)


def _amount(text: str, currency: str = "KRW") -> int:
    """A deposit's amount in the currency's minor unit ("42,000원" → 42000, "£42.50" → 4250); 0 for
    money out ("-12.00", "(12.00)"), a total line's text, or pence a won account cannot have."""
    from decimal import Decimal, InvalidOperation

    from babel.numbers import get_currency_precision

    digits = re.sub(r"[,\s원₩£$€]|\b[A-Z]{3}\b", "", text.strip())
    if not re.fullmatch(r"\+?\d+(\.\d+)?", digits):
        return 0
    try:
        minor = Decimal(digits) * 10 ** get_currency_precision(currency.upper())
    except InvalidOperation:
        return 0
    return int(minor) if minor == minor.to_integral_value() else 0


def _header(rows: list[list[str]]) -> tuple[int, int, int, int | None, int | None] | None:
    """(row, amount column, name column, date column, time column) of the table's title row, if
    there is one."""
    for start, header in enumerate(rows[:HEADER_SEARCH_ROWS]):
        amount_col = find_column(header, AMOUNT_COLUMNS)
        name_col = find_column(header, NAME_COLUMNS)
        if name_col is None:
            name_col = find_column(header, GENERIC_NAME_COLUMNS)
        if amount_col is not None and name_col is not None and amount_col != name_col:
            date_col, time_col = find_column(header, DATE_COLUMNS), find_column(header, TIME_COLUMNS)
            return start, amount_col, name_col, date_col, time_col if time_col != date_col else None
    return None


def read_bank_file(path: Path, currency: str = "KRW") -> list[Deposit]:
    """The deposits in a bank's transaction download (CSV in UTF-8 or CP949, or .xlsx), amounts in
    `currency` (the shop's, the account's); raises OrderError for another format (the old binary .xls
    included)."""
    rows = read_sheet(path)
    found = _header(rows)
    if found is None:
        raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(path.name))
    start, amount_col, name_col, date_col, time_col = found
    deposits = []
    for offset, row in enumerate(rows[start + 1 :], start=start + 2):
        if len(row) <= max(amount_col, name_col):
            continue
        amount = _amount(row[amount_col], currency)
        if amount <= 0:
            continue  # a withdrawal, a total line, or an empty row
        cell = lambda col, row=row: row[col].strip() if col is not None and col < len(row) else ""  # noqa: E731
        at = " ".join(part for part in (cell(date_col), cell(time_col)) if part)
        deposits.append(Deposit(offset, at, nfc(row[name_col]).strip()[:64], amount))
    return deposits


# Countries whose banks write a date month first ("05/12/2026" is 12 May); elsewhere a date that ends in
# its year is day first ("05/12/2026" is 5 December), as British banks write it.
MONTH_FIRST = frozenset({"US", "PR", "GU", "VI", "AS", "MP", "UM", "PH", "FM", "MH", "PW"})
# Countries whose banks write the year first only: "26.12.05" there is never read as the 26th.
YEAR_FIRST = frozenset({"KR"})
_YEAR_FIRST = re.compile(r"\s*(\d{4})[.\-/년\s]*(\d{1,2})[.\-/월\s]*(\d{1,2})[일.]?")
_YEAR_LAST = re.compile(r"\s*(\d{1,2})([.\-/])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")


def split_deposit_at(at: str, country: str = "KR") -> tuple[date | None, str]:
    """A deposit's moment as the bank wrote it: its day, and what follows the day (its time, if any);
    (None, `at`) when it starts with no date. The year first is read everywhere ("2026.12.04
    14:03:22", "2026-12-04", "20261204"); a date ending in its year ("05/12/2026 14:03") is read in
    the order of the shop's `country`: month first in the US, day first in the UK and most places."""
    found = _YEAR_FIRST.match(at)
    if found is not None:
        year, month, day = (int(part) for part in found.groups())
    elif country.upper() not in YEAR_FIRST and (found := _YEAR_LAST.match(at)) is not None:
        first, _, second, year_text = found.groups()
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        month_first = country.upper() in MONTH_FIRST
        month, day = (int(first), int(second)) if month_first else (int(second), int(first))
    else:
        return None, at
    try:
        return date(year, month, day), at[found.end() :]
    except ValueError:
        return None, at


def deposit_day(at: str, country: str = "KR") -> date | None:
    """The day of a deposit as the bank wrote it, in the shop's `country`'s order (`split_deposit_at`)."""
    return split_deposit_at(at, country)[0]


_O = TypeVar("_O", bound=Sequence[Any])  # an order row as the matcher reads it, its id first
_CLOCK = re.compile(r"[\sT,]*(\d{1,2}):?(\d{2})(?::?(\d{2}))?")


def deposit_moment(at: str, country: str = "KR", shop_zone: tzinfo | None = None) -> datetime | None:
    """When a deposit was made, as the bank wrote it, on the shop's clock (`shop_zone`; None: this
    computer's), in UTC: its day's end when the bank gave no time; None when it gave no date."""
    day, rest = split_deposit_at(at, country)
    if day is None:
        return None
    clock = _CLOCK.match(rest)
    wall = time(23, 59, 59)
    if clock is not None and int(clock[1]) < 24 and int(clock[2]) < 60 and int(clock[3] or 0) < 60:
        wall = time(int(clock[1]), int(clock[2]), int(clock[3] or 0))
    moment = datetime.combine(day, wall)
    return (moment.replace(tzinfo=shop_zone) if shop_zone is not None else moment.astimezone()).astimezone(
        UTC
    )


@dataclass(frozen=True, slots=True)
class _Dates:
    """When each deposit was made and each order placed, on the shop's calendar: a deposit made on a
    day before its order's cannot be its payment. Days, not hours: the owner types in an order she
    took in the chat after the customer's transfer, and a bank's clock is not ours."""

    country: str
    shop_zone: tzinfo | None
    placed: dict[int, datetime]  # order id → placed (UTC)

    def _day(self, moment: datetime) -> date:
        zone = self.shop_zone
        return moment.astimezone(zone).date() if zone is not None else moment.astimezone().date()

    def on_clock(self, moment: datetime) -> datetime:
        """`moment` on the shop's clock (aware: the same instant)."""
        return moment.astimezone(self.shop_zone) if self.shop_zone is not None else moment.astimezone()

    def made(self, d: Deposit) -> datetime | None:
        return deposit_moment(d.at, self.country, self.shop_zone)

    def could_pay(self, d: Deposit, order_id: int) -> bool:
        """False when the deposit was made on a day before the order was placed."""
        made, placed = self.made(d), self.placed.get(order_id)
        return made is None or placed is None or self._day(made) >= self._day(placed)

    def same_day_after(self, d: Deposit, order_id: int) -> bool:
        """True when the deposit was made on the order's day, once it was placed."""
        made, placed = self.made(d), self.placed.get(order_id)
        if made is None or placed is None:
            return False
        return made >= placed and self._day(made) == self._day(placed)

    def placed_after(self, d: Deposit, order_id: int) -> bool:
        """True when the order was placed after the deposit was made."""
        made, placed = self.made(d), self.placed.get(order_id)
        return made is not None and placed is not None and placed > made

    def nearness(self, d: Deposit, order_id: int) -> tuple[int, float]:
        """Sorts the orders a deposit could pay: placed before it first, the nearest before it first
        (then those placed later that day); as they were when either date is unknown."""
        made, placed = self.made(d), self.placed.get(order_id)
        if made is None or placed is None:
            return (0, 0.0)
        gap = (made - placed).total_seconds()
        return (0, gap) if gap >= 0 else (1, -gap)

    def nearest_first(self, d: Deposit, orders: Iterable[_O]) -> list[_O]:
        """`orders` (id first) as `nearness` sorts them for `d`."""
        return sorted(orders, key=lambda o: self.nearness(d, o[0]))


def _same_name(a: str, b: str) -> bool:
    fold = lambda s: re.sub(r"\s+", "", s).casefold()  # noqa: E731
    return bool(a) and bool(b) and fold(a) == fold(b)


def _deposit_key(at: str, name: str, amount: int) -> tuple[str, str, int]:
    return " ".join(at.split()), re.sub(r"\s+", "", name).casefold(), amount


def _facts(deposit: Deposit) -> dict[str, object]:
    return {"at": deposit.at, "name": deposit.name, "amount": deposit.amount}


def deposit_note(
    deposit: Deposit,
    together: Sequence[str] = (),
    *,
    restored: bool = False,
    parts: Sequence[Deposit] = (),
    share: int | None = None,
    used: Mapping[Deposit, int] | None = None,
) -> str:
    """The history note of a move to Paid that `deposit` made: what the bank file said, the
    numbers of all the orders it paid when it paid several together (and `share`, what of it
    this order took), whether it restored an order the payment deadline had cancelled, and, when
    several deposits paid the order in parts (`parts`, `deposit` the first of them), each of them,
    with what of it this order took when that was only its free part (`used`: a deposit that
    pays other orders too, one it paid with them moved back since)."""
    facts = _facts(deposit)
    if len(together) > 1:
        facts["orders"] = list(together)
    note: dict[str, object] = {"deposit": facts}
    if len(together) > 1 and share is not None:
        note["share"] = share  # beside the deposit, which reads the same on each order it paid
    if len(parts) > 1:
        note["parts"] = [
            _facts(d) | ({"used": used[d]} if used and d in used and used[d] < d.amount else {})
            for d in parts
        ]
    if restored:
        note["restored"] = True
    return json.dumps(note, ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class DepositUse:
    """What a bank file's deposit pays now, as the orders' histories record it."""

    numbers: tuple[str, ...]  # the orders it pays (their moves to Paid not moved back)
    # The part no order takes now, when an order it paid with others was moved back: the bank
    # file matches it again (0 when it pays all it paid).
    free: int = 0


def deposit_uses(session: Session) -> dict[object, DepositUse]:
    """The deposits recorded on orders' moves to Paid (by date and time, name and amount; older
    notes by their plain text, "2026.11.29 11:40:55 김민지 42000"), each with the orders it pays.
    One that paid several orders together, some moved back since, pays the others still, and the
    moved-back orders' part of it is free; one whose every order was moved back is not here."""
    rows = session.execute(
        select(OrderEvent.note, Order.number, Order.total_minor - Order.carried_minor)
        .join(Order, Order.id == OrderEvent.order_id)
        .where(OrderEvent.to_state == OrderState.PAID, OrderEvent.note != "")
        .order_by(OrderEvent.id)
    ).all()
    paying: dict[object, list[str]] = {}
    taken: dict[object, int] = {}
    amounts: dict[object, int] = {}
    freed: set[object] = set()
    for note, number, due in rows:
        facts = move_note(note)
        deposit = facts.get("deposit")
        if not facts:
            paying.setdefault(note, []).append(number)  # an older plain note: that order's alone
            continue
        if not isinstance(deposit, dict):
            continue
        parts = facts.get("parts")
        for one in [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else [deposit]:
            amount = int(one.get("amount", 0))
            key = _deposit_key(str(one.get("at", "")), str(one.get("name", "")), amount)
            amounts[key] = amount
            paying.setdefault(key, [])
            if facts.get("undone"):  # the order was moved back from Paid: its part matches again
                freed.add(key)
                continue
            # One of her parts: all of it, or its free part that this order took; else its share.
            share = int(one.get("used", amount)) if one is not deposit else deposit_share(facts, due)
            paying[key].append(number)
            taken[key] = taken.get(key, 0) + share
    uses: dict[object, DepositUse] = {}
    for paid_key, numbers in paying.items():
        if numbers:
            freed_part = paid_key in freed and paid_key in amounts
            free = max(amounts[paid_key] - taken[paid_key], 0) if freed_part else 0
            uses[paid_key] = DepositUse(tuple(dict.fromkeys(numbers)), free)
    return uses


def deposit_share(facts: dict[str, Any], due: int) -> int:
    """What of the deposit a move to Paid names (its note's `facts`) that order took: all of it when
    it paid the order alone; its share when it paid several, as written since shares are (before,
    the order's total to pay, `due`)."""
    deposit = facts.get("deposit")
    amount = int(deposit.get("amount", 0)) if isinstance(deposit, dict) else 0
    orders = deposit.get("orders") if isinstance(deposit, dict) else None
    if not (isinstance(orders, list) and len(orders) > 1):
        return amount  # it paid this order alone
    return int(facts.get("share", due))


def _say_share_taken(
    session: Session, use: DepositUse, order: Order, taken: int, how: str, now: datetime | None
) -> None:
    """Each order the deposit of `use` pays still hears that its free part was taken again (`taken`
    of it, by `order`, `how`): its last word on that deposit said the part was free."""
    note = json.dumps(
        {"number": order.number, "share": taken, "currency": order.currency, "how": how}, ensure_ascii=False
    )
    others = [n for n in use.numbers if n != order.number]
    for other in session.scalars(select(Order).where(Order.number.in_(others))).all():
        other.events.append(OrderEvent(at=now or utcnow(), kind=SHARE_TAKEN, note=note))


def deposit_order_ids(session: Session, deposits: Iterable[Deposit]) -> list[int]:
    """The ids of the orders these deposits pay, as the histories record it now (an open window of
    one of them reads its history again after a deposit's free part was taken)."""
    uses = deposit_uses(session)
    keys = {_deposit_key(d.at, d.name, d.amount) for d in deposits if d.at}
    numbers = {n for key in keys if (use := uses.get(key)) is not None for n in use.numbers}
    return list(session.scalars(select(Order.id).where(Order.number.in_(numbers)))) if numbers else []


def paid_with(session: Session, facts: dict[str, Any], number: str) -> tuple[str, ...]:
    """The orders besides order `number` that the deposit a move to Paid names (its note's `facts`)
    pays still: moving that order back leaves them paid by it, and frees its part alone."""
    deposit = facts.get("deposit")
    if not isinstance(deposit, dict) or isinstance(facts.get("parts"), list):
        return ()
    together = deposit.get("orders")
    if not isinstance(together, list) or len(together) < 2:
        return ()  # it paid this order alone (or in parts): no other order to read of
    key = _deposit_key(
        str(deposit.get("at", "")), str(deposit.get("name", "")), int(deposit.get("amount", 0))
    )
    use = deposit_uses(session).get(key)
    return tuple(n for n in use.numbers if n != number) if use is not None else ()


def parts_paid_with(
    session: Session, facts: dict[str, Any], number: str
) -> list[tuple[tuple[str, ...], int]]:
    """Of her parts that paid order `number` (a move to Paid's note, `facts`), those that were the free
    part of a deposit paying other orders still: each with those orders' numbers and what of it this
    order took (moving it back frees that part alone, and their histories say so)."""
    parts = facts.get("parts")
    if not isinstance(parts, list):
        return []
    uses = deposit_uses(session)
    shared = []
    for part in parts:
        if not isinstance(part, dict) or not isinstance(part.get("used"), int):
            continue
        key = _deposit_key(str(part.get("at", "")), str(part.get("name", "")), int(part.get("amount", 0)))
        use = uses.get(key)
        others = tuple(n for n in use.numbers if n != number) if use is not None else ()
        if others:
            shared.append((others, int(part["used"])))
    return shared


def _recorded_deposits(session: Session, which: ColumnElement[bool]) -> dict[object, str]:
    """The deposits the history events `which` name, each with the number of its order (or orders)."""
    rows = session.execute(
        select(OrderEvent.note, Order.number)
        .join(Order, Order.id == OrderEvent.order_id)
        .where(which, OrderEvent.note != "")
    ).all()
    applied: dict[object, str] = {}
    for note, number in rows:
        facts = move_note(note)
        if facts.get("undone"):  # the order was moved back from Paid: its deposit matches again
            continue
        deposit = facts.get("deposit")
        if isinstance(deposit, dict):
            parts = facts.get("parts")
            for one in [p for p in parts if isinstance(p, dict)] if isinstance(parts, list) else [deposit]:
                key = _deposit_key(
                    str(one.get("at", "")), str(one.get("name", "")), int(one.get("amount", 0))
                )
                orders = deposit.get("orders")
                if facts.get("restored"):  # the order it restored (its other orders are said apart)
                    applied[key] = number
                else:
                    applied[key] = (
                        ", ".join(map(str, orders)) if isinstance(orders, list) and orders else number
                    )
        else:
            applied[note] = number
    return applied


# What a deposit is matched against: (id, number, customer, depositor, total to pay). An exchange's
# new order is paid in part by her first order's payment: her transfer is for the rest.
_ORDER_FIVE = (
    Order.id,
    Order.number,
    Order.customer_name,
    Order.depositor_name,
    (Order.total_minor - Order.carried_minor).label("due_minor"),
)


def _marked_paid_by_hand(session: Session, now: datetime, currency: str = "KRW") -> list[_Open]:
    """Orders the owner marked paid herself (no bank file's deposit in the move's note) in the
    last LATE_DEPOSIT_DAYS, paid or later still: (id, number, customer, depositor, total)."""
    rows = session.execute(
        select(*_ORDER_FIVE, OrderEvent.note)
        .join(OrderEvent, OrderEvent.order_id == Order.id)
        .where(
            Order.state.in_((OrderState.PAID, OrderState.SHIPPED, OrderState.DONE)),
            Order.currency == currency.upper(),
            OrderEvent.to_state == OrderState.PAID,
            OrderEvent.kind != MOVED_BACK,  # back from Shipped: its move to Paid is counted already
            OrderEvent.at >= now - timedelta(days=LATE_DEPOSIT_DAYS),
        )
        .order_by(OrderEvent.at.desc())
    ).all()
    return [tuple(r[:5]) for r in rows if not isinstance(move_note(r[5]).get("deposit"), dict)]  # type: ignore[misc]


def _expired_orders(
    session: Session, now: datetime, currency: str = "KRW"
) -> list[tuple[int, str, str, str, int, datetime]]:
    """The orders the payment deadline cancelled in the last LATE_DEPOSIT_DAYS, and still cancelled:
    (id, number, customer, depositor, total, when cancelled), the latest first."""
    expired = or_(
        OrderEvent.kind == EXPIRED_MOVE,
        OrderEvent.note == EXPIRED_MOVE,  # written so before the history kept "told"
        OrderEvent.note.like('%"expired": true%'),  # moved without its message (`note_told`)
    )
    rows = session.execute(
        select(*_ORDER_FIVE, OrderEvent.at)
        .join(OrderEvent, OrderEvent.order_id == Order.id)
        .where(
            Order.state == OrderState.CANCELLED,
            Order.currency == currency.upper(),
            OrderEvent.to_state == OrderState.CANCELLED,
            OrderEvent.at >= now - timedelta(days=LATE_DEPOSIT_DAYS),
            expired,
        )
        .order_by(OrderEvent.at.desc(), Order.id.desc())
    ).all()
    return [tuple(row) for row in rows]  # type: ignore[misc]


def _match_after_cancel(
    deposits: Sequence[Deposit],
    cancelled: Sequence[tuple[int, str, str, str, int, datetime]],
    taken: set[int],
    found: dict[int, DepositMatch],
    dates: _Dates,
) -> None:
    """Pair each deposit still unmatched with its depositor's order of its amount that the payment
    deadline cancelled (she paid late), in `found` as AFTER_CANCEL."""
    for d in deposits:
        if d.row in found:
            continue
        for order_id, number, customer, depositor, total, at in cancelled:
            if (
                order_id not in taken
                and total == d.amount
                and _same_name(d.name, depositor or customer)
                and dates.could_pay(d, order_id)
            ):
                taken.add(order_id)
                found[d.row] = DepositMatch(
                    d,
                    order_id,
                    number,
                    customer,
                    depositor,
                    MatchKind.AFTER_CANCEL,
                    same_name=True,
                    cancelled_at=at,
                )
                break


def match_deposits(
    session: Session,
    deposits: Sequence[Deposit],
    now: datetime | None = None,
    *,
    currency: str = "KRW",
    country: str = "KR",
) -> list[DepositMatch]:
    """Pair each deposit with an order awaiting payment, of orders in `currency` (the bank file's, the
    shop's): name and amount first, then several of the
    depositor's orders whose totals add up to the amount, then amount alone;
    then with a new order not yet asked for payment (the customer paid first), which the owner ticks.

    An order is offered for one deposit only. "Amount only" is offered when exactly one waiting order
    has that amount: the customer may have paid under another name (입금자명이 달라요); the owner decides.
    A deposit the shop already recorded (the same file, or an overlapping download, read again) is
    said to be applied, with its order, and offers nothing. A deposit of the name and amount of an
    order the payment deadline cancelled lately (before "amount only") is offered to it, for the
    owner to restore it or refund the money.

    A deposit made on a day before an order was placed is never offered to it (its day as the bank
    wrote it, read in the order of the shop's `country`, against the order's on the shop's clock).
    Of her deposits of the amount on an order's day, one made once it was placed pays it first.
    When several orders could take one deposit, the one placed nearest before it is offered first;
    when which one paid stays unsure, it is only proposed (SAME_NAME_UNSURE), never ticked. Every
    offered order comes with when it was placed (`placed_at`).
    """
    from app.automations_store import shop_time_zone  # (it reads the order settings, built on orders)
    from app.rules import zone

    now = now or utcnow()
    open_orders = session.execute(
        select(*_ORDER_FIVE, Order.state)
        .where(Order.state.in_(OPEN_STATES), Order.currency == currency.upper())
        .order_by(Order.payment_due_at, Order.created_at, Order.id)
    ).all()
    waiting = [o[:5] for o in open_orders if o[5] == OrderState.AWAITING_PAYMENT]
    new = [o[:5] for o in open_orders if o[5] == OrderState.NEW]
    expired = _expired_orders(session, now, currency)
    marked = _marked_paid_by_hand(session, now, currency)
    shop_zone = shop_time_zone(session)
    dates = _Dates(
        country,
        zone(shop_zone) if shop_zone else None,
        _placed(session, {o[0] for o in open_orders} | {o[0] for o in expired} | {o[0] for o in marked}),
    )
    taken: set[int] = set()
    found: dict[int, DepositMatch] = {}
    restored = and_(OrderEvent.to_state == OrderState.PAID, OrderEvent.note.like('%"restored": true%'))
    uses = deposit_uses(session)
    applied = {key: ", ".join(use.numbers) for key, use in uses.items() if not use.free}
    recorded = (  # the first that knows a deposit names it
        (_recorded_deposits(session, restored), MatchKind.RESTORED_PAID),
        (applied, MatchKind.ALREADY_APPLIED),
        (_recorded_deposits(session, OrderEvent.kind == REFUND_DUE), MatchKind.REFUND_NOTED),
    )
    # A deposit that paid several orders, one moved back since: its free part alone is matched.
    rest: dict[int, tuple[Deposit, DepositUse]] = {}
    for d in deposits:
        old_note = f"{d.at} {d.name} {d.amount}".strip()
        for recorded_map, recorded_kind in recorded:
            # Without its date and time a deposit cannot be told from another of the same name and amount.
            number = (
                recorded_map.get(_deposit_key(d.at, d.name, d.amount)) or recorded_map.get(old_note)
                if d.at
                else None
            )
            if number is not None and d.row not in found:
                found[d.row] = DepositMatch(d, None, number, "", "", recorded_kind)
                use = uses.get(_deposit_key(d.at, d.name, d.amount))
                if recorded_kind == MatchKind.RESTORED_PAID and use is not None:
                    also = tuple(n for n in use.numbers if n != number)
                    found[d.row] = replace(found[d.row], also_pays=also)
                elif recorded_kind == MatchKind.REFUND_NOTED and use is not None and use.free:
                    # Its free part is the refund's: the rest pays its orders still.
                    found[d.row] = replace(found[d.row], paid_already=use.numbers, free=use.free)
        use = uses.get(_deposit_key(d.at, d.name, d.amount)) if d.at else None
        if d.row not in found and use is not None and use.free:
            rest[d.row] = (d, use)
    deposits = [replace(d, amount=rest[d.row][1].free) if d.row in rest else d for d in deposits]
    # The earliest deposit first: it can pay the fewest orders, so a later one never takes its order.
    by_day = sorted(deposits, key=lambda d: (dates.made(d) is None, dates.made(d) or now))
    for orders, before_request in ((waiting, False), (new, True)):
        if not before_request:
            _same_name_unsure(deposits, orders, found, dates)
        # First the deposits made on an order's day once it was placed: of two of her transfers of
        # the amount that day, the one made before the order is not the one that pays it. (One made
        # that morning still pays an order typed in that afternoon when no later one does.)
        for same_day_after in (True, False):
            for d in by_day:
                if d.row in found:
                    continue
                fits = [
                    o
                    for o in orders
                    if o[0] not in taken
                    and o[4] == d.amount
                    and _same_name(d.name, o[3] or o[2])
                    and dates.could_pay(d, o[0])
                    and (not same_day_after or dates.same_day_after(d, o[0]))
                ]
                if fits:
                    order_id, number, customer, depositor, _total = dates.nearest_first(d, fits)[0]
                    taken.add(order_id)
                    kind = MatchKind.BEFORE_REQUEST if before_request else MatchKind.NAME_AND_AMOUNT
                    found[d.row] = DepositMatch(
                        d, order_id, number, customer, depositor, kind, same_name=True
                    )
        if not before_request:
            _match_orders_together(deposits, orders, taken, found, dates)
            _match_after_cancel(deposits, expired, taken, found, dates)
        for d in deposits:
            if d.row in found:
                continue
            same_amount = [
                w for w in orders if w[0] not in taken and w[4] == d.amount and dates.could_pay(d, w[0])
            ]
            if len(same_amount) == 1:
                order_id, number, customer, depositor, _total = same_amount[0]
                taken.add(order_id)
                kind = MatchKind.BEFORE_REQUEST if before_request else MatchKind.AMOUNT_ONLY
                found[d.row] = DepositMatch(d, order_id, number, customer, depositor, kind)
    for d in deposits:
        if d.row in found:
            continue
        hers = [
            o
            for o in waiting
            if o[0] not in taken and _same_name(d.name, o[3] or o[2]) and dates.could_pay(d, o[0])
        ]
        if len(hers) == 1:  # one order could be what she meant: said, never ticked
            order_id, number, customer, depositor, total = hers[0]
            found[d.row] = DepositMatch(
                d,
                order_id,
                number,
                customer,
                depositor,
                MatchKind.NAME_OTHER_AMOUNT,
                same_name=True,
                expected=total,
            )
    for d in deposits:
        if d.row in found:
            continue
        by_hand = next(
            (
                o
                for o in marked
                if o[4] == d.amount and _same_name(d.name, o[3] or o[2]) and dates.could_pay(d, o[0])
            ),
            None,
        )
        if by_hand is not None:
            marked.remove(by_hand)
            found[d.row] = DepositMatch(
                d, by_hand[0], by_hand[1], by_hand[2], by_hand[3], MatchKind.MARKED_PAID
            )
    for order_id, number, customer, depositor, total in marked:
        # Her transfers in parts (50,000 + 40,000) for an order she marked paid by hand (double-clicked
        # from here, as the part payment's row says): all hers in the file add up to it.
        transfers = [
            d
            for d in deposits
            if d.row not in found
            and _same_name(d.name, depositor or customer)
            and dates.could_pay(d, order_id)
        ]
        if len(transfers) > 1 and sum(d.amount for d in transfers) == total:
            for d in transfers:
                found[d.row] = DepositMatch(
                    d, order_id, number, customer, depositor, MatchKind.MARKED_PAID, parts=len(transfers)
                )
    partial = [m for m in found.values() if m.kind == MatchKind.NAME_OTHER_AMOUNT]
    for number in {m.number for m in partial}:
        pieces = [m for m in partial if m.number == number]
        if len(pieces) > 1 and sum(m.deposit.amount for m in pieces) == pieces[0].expected:
            for m in pieces:
                found[m.deposit.row] = replace(m, parts=len(pieces))
    for d in deposits:
        if d.row in found:
            continue
        later = [  # (or placed after it that day and paid by her later transfer)
            o
            for o in open_orders
            if o[5] in (OrderState.NEW, OrderState.AWAITING_PAYMENT)
            and o[4] == d.amount
            and _same_name(d.name, o[3] or o[2])
            and (not dates.could_pay(d, o[0]) or (o[0] in taken and dates.placed_after(d, o[0])))
        ]
        if later:  # hers, of this amount, but placed after the money came: said why it is not offered
            order_id, number, customer, depositor, _total = dates.nearest_first(d, later)[0][:5]
            found[d.row] = DepositMatch(d, order_id, number, customer, depositor, MatchKind.PLACED_AFTER)
            continue
        others = sum(
            1 for o in open_orders if o[4] == d.amount and o[0] not in taken and dates.could_pay(d, o[0])
        )
        found[d.row] = DepositMatch(d, None, "", "", "", None, open_with_amount=others)
    _with_recorded_ids(session, found)
    matches = [_with_placed(found[d.row], dates) for d in deposits]
    return [
        replace(
            m,
            deposit=rest[m.deposit.row][0],
            paid_already=rest[m.deposit.row][1].numbers,
            free=m.deposit.amount,
        )
        if m.deposit.row in rest
        else m
        for m in matches
    ]


def _with_recorded_ids(session: Session, found: dict[int, DepositMatch]) -> None:
    """Each match of a deposit already recorded on an order, in `found`, with that order's id (the
    first of "2026-0003, 2026-0008"), for the owner to open it."""
    recorded = (MatchKind.ALREADY_APPLIED, MatchKind.RESTORED_PAID, MatchKind.REFUND_NOTED)
    first = {row: m.number.split(",")[0].strip() for row, m in found.items() if m.kind in recorded}
    if not first:
        return
    numbers = set(first.values())
    rows = session.execute(select(Order.number, Order.id).where(Order.number.in_(numbers))).all()
    ids = {number: order_id for number, order_id in rows}
    for row, number in first.items():
        if number in ids:
            found[row] = replace(found[row], recorded_id=ids[number])


def _placed(session: Session, order_ids: set[int]) -> dict[int, datetime]:
    """Order id → when it was placed (UTC)."""
    placed: dict[int, datetime] = {}
    ids = sorted(order_ids)
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Order.id, Order.created_at).where(Order.id.in_(ids[start : start + 500]))
        )
        placed.update((order_id, as_utc(at)) for order_id, at in rows)
    return placed


def _with_placed(match: DepositMatch, dates: _Dates) -> DepositMatch:
    """The match with when its order was placed, for the owner to see why it is offered."""
    order_id = match.together[0][0] if match.together else match.order_id
    if order_id is None or order_id not in dates.placed:
        return match
    return replace(match, placed_at=dates.on_clock(dates.placed[order_id]))


# An open order as the matcher reads it: id, number, customer, depositor name, total.
_Open = tuple[int, str, str, str, int]


def _same_name_unsure(
    deposits: Sequence[Deposit], orders: Sequence[_Open], found: dict[int, DepositMatch], dates: _Dates
) -> None:
    """Mark SAME_NAME_UNSURE each deposit still unmatched whose name and amount more orders it could
    pay (placed by its day) await than the file has deposits of that name and amount: the one
    placed nearest before it is proposed (`order_id`), the rest follow in `choices`."""
    fold = lambda name: re.sub(r"\s+", "", name).casefold()  # noqa: E731
    for d in deposits:
        if d.row in found:
            continue
        alike = dates.nearest_first(
            d,
            (
                o
                for o in orders
                if o[4] == d.amount and _same_name(d.name, o[3] or o[2]) and dates.could_pay(d, o[0])
            ),
        )
        paying = [
            e
            for e in deposits
            if e.row not in found and e.amount == d.amount and fold(e.name) == fold(d.name)
        ]
        if len(alike) > len(paying):
            choices = tuple((o[1],) for o in alike)
            found[d.row] = DepositMatch(
                d,
                alike[0][0],
                alike[0][1],
                alike[0][2],
                alike[0][3],
                MatchKind.SAME_NAME_UNSURE,
                same_name=True,
                choices=choices,
                choices_placed=tuple(
                    dates.on_clock(dates.placed[o[0]]) for o in alike if o[0] in dates.placed
                ),
            )


def _match_orders_together(
    deposits: Sequence[Deposit],
    orders: Sequence[_Open],
    taken: set[int],
    found: dict[int, DepositMatch],
    dates: _Dates,
) -> None:
    """Pair each deposit still unmatched with several of its depositor's orders awaiting payment
    whose totals add up to its amount (one transfer for two orders): in `found`, as SEVERAL_ORDERS
    when one set of her orders does, SEVERAL_ORDERS_UNSURE when more than one could."""
    for d in deposits:
        if d.row in found:
            continue
        hers = [
            o
            for o in orders
            if o[0] not in taken and _same_name(d.name, o[3] or o[2]) and dates.could_pay(d, o[0])
        ]
        hers = hers[:MAX_ORDERS_TOGETHER]
        sets = [
            group
            for size in range(2, len(hers) + 1)
            for group in combinations(hers, size)
            if sum(o[4] for o in group) == d.amount
        ]
        if not sets:
            continue
        first = sets[0][0]
        if len(sets) == 1:
            taken.update(o[0] for o in sets[0])
            found[d.row] = DepositMatch(
                d,
                first[0],
                first[1],
                first[2],
                first[3],
                MatchKind.SEVERAL_ORDERS,
                same_name=True,
                together=tuple((o[0], o[1]) for o in sets[0]),
            )
        else:
            choices = tuple(tuple(o[1] for o in group) for group in sets)
            found[d.row] = DepositMatch(
                d,
                None,
                "",
                first[2],
                first[3],
                MatchKind.SEVERAL_ORDERS_UNSURE,
                same_name=True,
                choices=choices,
            )


def confirm_deposits(
    session: Session, confirmed: Sequence[tuple[int, Deposit]], now: datetime | None = None
) -> list[int]:
    """The owner confirmed these (order, deposit) pairs: each order moves to Paid, its history
    naming the deposit (and the orders it paid together, if several). The depositor name the owner
    typed stays (a different one is what the bank file says, in the history); an order with none
    takes the bank's. Several deposits for one order (she paid in parts) move it once, its history
    naming each. All or nothing: one that cannot move (paid meanwhile) raises, writing nothing."""
    parts: dict[int, list[Deposit]] = {}
    for order_id, deposit in confirmed:
        parts.setdefault(order_id, []).append(deposit)
    confirmed = [(order_id, deposits[0]) for order_id, deposits in parts.items()]
    orders = []
    for order_id, _deposit in confirmed:
        order = session.get(Order, order_id)
        if order is None:
            raise OrderError(ErrorCode.ORDER_GONE)
        orders.append(order)
    uses = deposit_uses(session)
    numbers: dict[Deposit, list[str]] = {}
    for order, (_order_id, deposit) in zip(orders, confirmed, strict=True):
        # The rest of a deposit that pays other orders still (one it paid with them was moved back).
        use = uses.get(_deposit_key(deposit.at, deposit.name, deposit.amount)) if deposit.at else None
        already = list(use.numbers) if use is not None and use.free else []
        numbers.setdefault(deposit, already).append(order.number)
    # Her parts of an order, one of them such a rest: the order took its free part, not all of it.
    free = {
        d: use.free
        for d in {d for ds in parts.values() for d in ds}
        if d.at and (use := uses.get(_deposit_key(d.at, d.name, d.amount))) is not None and use.free
    }
    moved = []
    for order, (order_id, deposit) in zip(orders, confirmed, strict=True):
        if deposit.name and not order.depositor_name.strip():
            order.depositor_name = deposit.name
        share = order.total_minor - order.carried_minor
        note = deposit_note(deposit, numbers[deposit], parts=parts[order_id], share=share, used=free)
        move_order(session, order_id, OrderState.PAID, now=now, note=note)
        for d in parts[order_id]:
            use = uses.get(_deposit_key(d.at, d.name, d.amount)) if d in free else None
            if use is not None:  # one of her parts took all its free part; alone, this order's total of it
                taken = free[d] if len(parts[order_id]) > 1 else min(free[d], share)
                _say_share_taken(session, use, order, taken, TAKEN_PAID, now)
        moved.append(order_id)
    return moved


def restore_for_deposit(
    session: Session, order_id: int, deposit: Deposit, now: datetime | None = None
) -> None:
    """The owner takes `deposit`, which came after the payment deadline cancelled the order, as its
    payment: the order is paid again, its items taken from stock (OrderError ORDER_OUT_OF_STOCK,
    writing nothing, when too few are left). A deposit that pays other orders still (one it paid
    with them was moved back, its part free) pays this order with that part: its note names them
    all and this order's share, as a deposit that paid them together."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    use = (
        deposit_uses(session).get(_deposit_key(deposit.at, deposit.name, deposit.amount))
        if deposit.at
        else None
    )
    if use is not None and use.free:
        together = [*use.numbers, order.number]
        share = order.total_minor - order.carried_minor
        note = deposit_note(deposit, together, restored=True, share=share)
    else:
        note = deposit_note(deposit, restored=True)
    restore_paid(session, order_id, now=now, note=note)
    if use is not None and use.free:
        _say_share_taken(session, use, order, min(use.free, share), TAKEN_RESTORED, now)


def leave_for_refund(session: Session, order_id: int, deposit: Deposit, now: datetime | None = None) -> None:
    """The owner leaves `deposit`, which came after the payment deadline cancelled the order, to be
    refunded: the order stays cancelled, its history names the deposit. Of a deposit that pays
    other orders still (one it paid with them was moved back), only its free part is refunded:
    the note says how much (`refund`) and which orders the rest pays (`paid_with`)."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    note = deposit_note(deposit)
    use = (
        deposit_uses(session).get(_deposit_key(deposit.at, deposit.name, deposit.amount))
        if deposit.at
        else None
    )
    if use is not None and use.free:
        facts = json.loads(note) | {"refund": use.free, "paid_with": list(use.numbers)}
        note = json.dumps(facts, ensure_ascii=False)
        _say_share_taken(session, use, order, use.free, TAKEN_REFUND, now)
    order.events.append(OrderEvent(at=now or utcnow(), kind=REFUND_DUE, note=note))
    session.flush()
