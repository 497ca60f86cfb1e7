"""Files a newcomer can try the demo's order tools with: a bank's transactions and a courier's
tracking numbers, made from the demo's own orders so that opening them matches something.

A real shop gets these from its bank's and its courier's websites; the demo shop has neither, so
without them "Match bank deposits…" and "Import tracking numbers…" could only be looked at.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Order
from app.orders import OrderState
from app.sheet_files import write_sheet

SEOUL = ZoneInfo("Asia/Seoul")
# The file names as a Korean bank's and courier's downloads are often named, so the owner knows them.
BANK_FILE = "거래내역조회_예시.xlsx"
TRACKING_FILE = "운송장번호_예시.csv"
# A transfer nothing in the demo waits for, and the bank's own lines a statement always has.
STRANGER = ("홍길동", 15_000)
# CJ대한통운's numbers are 12 digits (app.orders.TRACKING_DIGITS); one for each paid order, in turn.
TRACKING_NUMBERS = ("685203947716", "685203947723", "685203947730")
NO_SUCH_ORDER = "2025-0999"  # a row of the courier's file that names no order of this shop


@dataclass(frozen=True, slots=True)
class DemoSamples:
    bank: Path
    tracking: Path


def write_demo_samples(session: Session, folder: Path, now: datetime | None = None) -> DemoSamples:
    """The two sample files in `folder` (made if missing), from the orders as they are now:

    - the bank's transactions: each order awaiting payment paid in full under its depositor's name
      (ticked for the owner), each order paid lately by the owner's own hand paid again (found as
      that transfer), one transfer from a stranger (nothing waits for it), and a withdrawal;
    - the courier's tracking numbers: one for each paid order (they become Shipped), and one for an
      order number the shop does not have (said so).
    """
    now = (now or datetime.now(SEOUL)).astimezone(SEOUL)
    folder.mkdir(parents=True, exist_ok=True)
    orders = session.execute(
        select(
            Order.number,
            Order.state,
            Order.customer_name,
            Order.depositor_name,
            Order.total_minor - Order.carried_minor,
        )
        .where(Order.currency == "KRW", Order.state.in_((OrderState.AWAITING_PAYMENT, OrderState.PAID)))
        .order_by(Order.created_at, Order.id)
    ).all()
    transfers = [(depositor or customer, total) for _n, _s, customer, depositor, total in orders]
    # (minutes ago, 적요, name, out, in): the newest first, as a bank lists them.
    lines = [(20, "택배비", "CJ대한통운", 31_500, 0)]
    lines += [
        (35 + 47 * i, "타행이체", name, 0, amount) for i, (name, amount) in enumerate([*transfers, STRANGER])
    ]
    balance = 3_480_000  # before the oldest line
    rows: list[list[object]] = []
    for minutes_ago, kind, name, out, amount in sorted(lines, reverse=True):  # oldest first
        balance += amount - out
        at = (now - timedelta(minutes=minutes_ago)).strftime("%Y.%m.%d %H:%M:%S")
        rows.insert(0, [at, kind, name, out, amount, balance])
    bank: list[list[object]] = [["거래일시", "적요", "보낸분/받는분", "출금액", "입금액", "잔액"], *rows]
    bank_path = folder / BANK_FILE
    bank_path.write_bytes(write_sheet(bank, "xlsx", title="거래내역"))

    tracking: list[list[object]] = [["주문번호", "받는분", "택배사", "운송장번호"]]
    paid = [(number, customer) for number, state, customer, _d, _t in orders if state == OrderState.PAID]
    for (number, customer), code in zip(paid, TRACKING_NUMBERS, strict=False):
        tracking.append([number, customer, "CJ대한통운", code])
    tracking.append([NO_SUCH_ORDER, "김철수", "CJ대한통운", "685203947747"])
    tracking_path = folder / TRACKING_FILE
    tracking_path.write_bytes(write_sheet(tracking, "csv"))
    return DemoSamples(bank_path, tracking_path)
