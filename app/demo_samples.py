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

from app.models import Order, OrderEvent, as_utc
from app.orders import OrderState
from app.sheet_files import write_sheet

SEOUL = ZoneInfo("Asia/Seoul")
LONDON = ZoneInfo("Europe/London")
PALO_ALTO = ZoneInfo("America/Los_Angeles")
# The file names as a Korean bank's and courier's downloads are often named, so the owner knows them.
BANK_FILE = "거래내역조회_예시.xlsx"
TRACKING_FILE = "운송장번호_예시.csv"
# A transfer nothing in the demo waits for, and the bank's own lines a statement always has.
STRANGER = ("홍길동", 15_000)
# CJ대한통운's numbers are 12 digits (app.orders.TRACKING_DIGITS); one for each paid order, in turn.
TRACKING_NUMBERS = ("685203947716", "685203947723", "685203947730")
NO_SUCH_ORDER = "2025-0999"  # a row of the courier's file that names no order of this shop


@dataclass(frozen=True, slots=True)
class SampleWords:
    """What a bank's and a courier's files say, in the demo shop's country."""

    currency: str
    bank_file: str
    tracking_file: str
    bank_title: str
    bank_header: tuple[str, ...]
    transfer: str  # the kind of an incoming transfer
    postage: str  # the courier's fee taken out, (kind, payee, amount in minor units)
    postage_payee: str
    postage_minor: int
    stranger: tuple[str, int]
    balance_minor: int
    date_format: str
    tracking_header: tuple[str, ...]
    courier: str
    tracking_numbers: tuple[str, ...]
    stranger_parcel: tuple[str, str]  # (recipient, tracking number) of the order the shop does not have


KOREAN = SampleWords(
    "KRW",
    BANK_FILE,
    TRACKING_FILE,
    "거래내역",
    ("거래일시", "적요", "보낸분/받는분", "출금액", "입금액", "잔액"),
    "타행이체",
    "택배비",
    "CJ대한통운",
    31_500,
    STRANGER,
    3_480_000,
    "%Y.%m.%d %H:%M:%S",
    ("주문번호", "받는분", "택배사", "운송장번호"),
    "CJ대한통운",
    TRACKING_NUMBERS,
    ("김철수", "685203947747"),
)
# The Brighton shop's (the demo run in English): a British bank's statement and Royal Mail's numbers.
BRITISH = SampleWords(
    "GBP",
    "bank_statement_example.xlsx",
    "tracking_numbers_example.csv",
    "Statement",
    ("Date", "Type", "Reference", "Paid out", "Paid in", "Balance"),
    "Faster Payment",
    "Card payment",
    "Royal Mail",
    3_150,
    ("J Smith", 1_500),
    348_000,
    "%d/%m/%Y %H:%M",
    ("Order number", "Recipient", "Courier", "Tracking number"),
    "Royal Mail",
    ("RT685203947GB", "RT685203948GB", "RT685203949GB"),
    ("Chris Taylor", "RT685203950GB"),
)


# The Palo Alto shop's (the demo run in American English): an American bank's download, its Zelle
# payments by the payer's name, and USPS's 22-digit numbers.
AMERICAN = SampleWords(
    "USD",
    "bank_statement_example.xlsx",
    "tracking_numbers_example.csv",
    "Account activity",
    ("Date", "Type", "Description", "Debit", "Credit", "Balance"),
    "Zelle payment",
    "Card purchase",
    "USPS",
    3_150,
    ("John Smith", 1_500),
    348_000,
    "%m/%d/%Y",
    ("Order number", "Recipient", "Carrier", "Tracking number"),
    "USPS",
    ("9400111899562039477160", "9400111899562039477177", "9400111899562039477184"),
    ("Chris Taylor", "9400111899562039477191"),
)


@dataclass(frozen=True, slots=True)
class DemoSamples:
    bank: Path
    tracking: Path


def write_demo_samples(
    session: Session, folder: Path, now: datetime | None = None, *, lang: str = "ko"
) -> DemoSamples:
    """The two sample files in `folder` (made if missing), from the orders as they are now:

    - the bank's transactions: each order awaiting payment paid in full under its depositor's name
      (ticked for the owner), each order paid lately by the owner's own hand paid again (found as
      that transfer), one transfer from a stranger (nothing waits for it), and a withdrawal;
    - the courier's tracking numbers: one for each paid order (they become Shipped), and one for an
      order number the shop does not have (said so).

    In Korean, a Korean bank's and CJ대한통운's files in won; in American English, an American
    bank's and USPS's, in dollars (the demo's Palo Alto shop); else a British bank's and Royal
    Mail's, in pounds (the demo's Brighton shop).
    """
    from app.demo_seed import demo_shop_country

    country = demo_shop_country(lang)
    words = {"KR": KOREAN, "US": AMERICAN}.get(country, BRITISH)
    now = (now or datetime.now(SEOUL)).astimezone({"KR": SEOUL, "US": PALO_ALTO}.get(country, LONDON))
    folder.mkdir(parents=True, exist_ok=True)
    paid_at = (
        select(OrderEvent.at)
        .where(OrderEvent.order_id == Order.id, OrderEvent.to_state == OrderState.PAID)
        .order_by(OrderEvent.at.desc())
        .limit(1)
        .scalar_subquery()
    )
    orders = session.execute(
        select(
            Order.number,
            Order.state,
            Order.customer_name,
            Order.depositor_name,
            Order.total_minor - Order.carried_minor,
            paid_at,
        )
        .where(
            Order.currency == words.currency, Order.state.in_((OrderState.AWAITING_PAYMENT, OrderState.PAID))
        )
        .order_by(Order.created_at, Order.id)
    ).all()
    # (when, 적요, name, out, in). A paid order's transfer came when it was paid, as its chat says
    # ("입금했습니다~"), days ago perhaps; those still awaited come in this last hour or so.
    lines = [(now - timedelta(minutes=20), words.postage, words.postage_payee, words.postage_minor, 0)]
    waiting = [
        (depositor or customer, total)
        for _n, state, customer, depositor, total, _p in orders
        if state == OrderState.AWAITING_PAYMENT
    ]
    lines += [
        (now - timedelta(minutes=35 + 47 * i), words.transfer, name, 0, amount)
        for i, (name, amount) in enumerate([*waiting, words.stranger])
    ]
    lines += [
        (as_utc(paid).astimezone(now.tzinfo), words.transfer, depositor or customer, 0, total)
        for _n, state, customer, depositor, total, paid in orders
        if state == OrderState.PAID and paid is not None
    ]
    balance = words.balance_minor  # before the oldest line
    rows: list[list[object]] = []

    def money(*amounts: int) -> list[object]:
        # Won have no minor unit; pounds and dollars are written with their pence and cents, as a bank does.
        return list(amounts) if words is KOREAN else [round(a / 100, 2) if a else "" for a in amounts]

    for at, kind, name, out, amount in sorted(lines):  # oldest first
        balance += amount - out
        rows.insert(0, [at.strftime(words.date_format), kind, name, *money(out, amount, balance)])
    bank: list[list[object]] = [list(words.bank_header), *rows]
    bank_path = folder / words.bank_file
    bank_path.write_bytes(write_sheet(bank, "xlsx", title=words.bank_title))

    tracking: list[list[object]] = [list(words.tracking_header)]
    paid = [(number, customer) for number, state, customer, _d, _t, _p in orders if state == OrderState.PAID]
    for (number, customer), code in zip(paid, words.tracking_numbers, strict=False):
        tracking.append([number, customer, words.courier, code])
    tracking.append([NO_SUCH_ORDER, words.stranger_parcel[0], words.courier, words.stranger_parcel[1]])
    tracking_path = folder / words.tracking_file
    tracking_path.write_bytes(write_sheet(tracking, "csv"))
    return DemoSamples(bank_path, tracking_path)
