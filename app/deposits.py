"""Bank transfers (무통장입금): read the bank's transactions and match deposits to orders awaiting payment."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ErrorCode, FileParams, OrderError
from app.models import Order
from app.orders import OrderState, move_order
from app.sheet_files import find_column, read_sheet
from app.text import nfc

log = logging.getLogger(__name__)

HEADER_SEARCH_ROWS = 20  # banks put the account's name and period above the table

# Column titles Korean banks use in their transaction downloads (and a few English ones).
AMOUNT_COLUMNS = ("입금액", "입금금액", "맡기신금액", "입금(원)", "deposit", "credit", "amount in")
# Titles that name the depositor, before the generic ones: KB's "보낸분/받는분" beside its "적요" (the
# kind of transaction, "타행이체") must win, though only "적요" matches a title exactly.
NAME_COLUMNS = ("입금자명", "입금자", "보낸분", "보내는분", "의뢰인", "기재내용", "depositor")
GENERIC_NAME_COLUMNS = ("내용", "적요", "description")
DATE_COLUMNS = ("거래일시", "거래일자", "거래일", "일시", "날짜", "date")


@dataclass(frozen=True, slots=True)
class Deposit:
    row: int  # the line in the file, 1-based, as a spreadsheet shows it
    at: str  # as the bank wrote it
    name: str
    amount: int  # won (KRW has no minor unit)


class MatchKind:
    NAME_AND_AMOUNT = "name_and_amount"  # the depositor name and the amount both agree
    AMOUNT_ONLY = "amount_only"  # one order awaits exactly this amount, under another name


@dataclass(frozen=True, slots=True)
class DepositMatch:
    deposit: Deposit
    order_id: int | None
    number: str
    customer: str
    depositor_name: str  # what the order expects
    kind: str | None  # MatchKind, or None when nothing waits for this deposit


def _amount(text: str) -> int:
    digits = re.sub(r"[,\s원₩]", "", text)
    if not re.fullmatch(r"\d+(\.0+)?", digits):
        return 0
    return int(digits.split(".")[0])


def _header(rows: list[list[str]]) -> tuple[int, int, int, int | None] | None:
    """(row, amount column, name column, date column) of the table's title row, if there is one."""
    for start, header in enumerate(rows[:HEADER_SEARCH_ROWS]):
        amount_col = find_column(header, AMOUNT_COLUMNS)
        name_col = find_column(header, NAME_COLUMNS)
        if name_col is None:
            name_col = find_column(header, GENERIC_NAME_COLUMNS)
        if amount_col is not None and name_col is not None and amount_col != name_col:
            return start, amount_col, name_col, find_column(header, DATE_COLUMNS)
    return None


def read_bank_file(path: Path) -> list[Deposit]:
    """The deposits in a bank's transaction download (CSV in UTF-8 or CP949, or .xlsx); raises
    OrderError for another format (the old binary .xls included)."""
    rows = read_sheet(path)
    found = _header(rows)
    if found is None:
        raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(path.name))
    start, amount_col, name_col, date_col = found
    deposits = []
    for offset, row in enumerate(rows[start + 1 :], start=start + 2):
        if len(row) <= max(amount_col, name_col):
            continue
        amount = _amount(row[amount_col])
        if amount <= 0:
            continue  # a withdrawal, a total line, or an empty row
        at = row[date_col].strip() if date_col is not None and date_col < len(row) else ""
        deposits.append(Deposit(offset, at, nfc(row[name_col]).strip()[:64], amount))
    return deposits


def _same_name(a: str, b: str) -> bool:
    fold = lambda s: re.sub(r"\s+", "", s).casefold()  # noqa: E731
    return bool(a) and bool(b) and fold(a) == fold(b)


def match_deposits(session: Session, deposits: Sequence[Deposit]) -> list[DepositMatch]:
    """Pair each deposit with an order awaiting payment: name and amount first, then amount alone.

    An order is offered for one deposit only. "Amount only" is offered when exactly one waiting order
    has that amount: the customer may have paid under another name (입금자명이 달라요); the owner decides.
    """
    waiting = session.execute(
        select(Order.id, Order.number, Order.customer_name, Order.depositor_name, Order.total_minor)
        .where(Order.state == OrderState.AWAITING_PAYMENT, Order.currency == "KRW")
        .order_by(Order.payment_due_at, Order.id)
    ).all()
    taken: set[int] = set()
    found: dict[int, DepositMatch] = {}
    for d in deposits:
        for order_id, number, customer, depositor, total in waiting:
            if order_id not in taken and total == d.amount and _same_name(d.name, depositor or customer):
                taken.add(order_id)
                found[d.row] = DepositMatch(
                    d, order_id, number, customer, depositor, MatchKind.NAME_AND_AMOUNT
                )
                break
    for d in deposits:
        if d.row in found:
            continue
        same_amount = [w for w in waiting if w[0] not in taken and w[4] == d.amount]
        if len(same_amount) == 1:
            order_id, number, customer, depositor, _total = same_amount[0]
            taken.add(order_id)
            found[d.row] = DepositMatch(d, order_id, number, customer, depositor, MatchKind.AMOUNT_ONLY)
        else:
            found[d.row] = DepositMatch(d, None, "", "", "", None)
    return [found[d.row] for d in deposits]


def confirm_deposits(
    session: Session, confirmed: Sequence[tuple[int, Deposit]], now: datetime | None = None
) -> list[int]:
    """The owner confirmed these (order, deposit) pairs: each order takes the bank's depositor name
    and moves to Paid. All or nothing: one that cannot move (paid meanwhile) raises, writing nothing."""
    moved = []
    for order_id, deposit in confirmed:
        order = session.get(Order, order_id)
        if order is None:
            raise OrderError(ErrorCode.ORDER_GONE)
        if deposit.name and not _same_name(order.depositor_name, deposit.name):
            order.depositor_name = deposit.name
        note = f"{deposit.at} {deposit.name} {deposit.amount}".strip()
        move_order(session, order_id, OrderState.PAID, now=now, note=note)
        moved.append(order_id)
    return moved
