"""Shipping sheets: the courier's upload sheet of paid orders, tracking numbers back, orders for the books."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from enum import StrEnum
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ErrorCode, FileParams, OrderError, ValueParams
from app.models import Contact, Order, OrderEvent, OrderLine, as_utc, utcnow
from app.money import to_decimal
from app.order_messages import COURIER_TRACKING
from app.orders import OrderState, TrackingDoubt, move_order, set_tracking, tracking_doubt
from app.phones import display_phone, typed_phone_shown, written_phone_digits
from app.postcodes import postcode_in_address
from app.settings import load_preferences
from app.sheet_files import SheetFormat, find_column, read_sheet, write_sheet
from app.surcharge_areas import area_name
from app.text import nfc
from app.transfer_names import transfers_named

COURIER_COLUMNS = ("주문번호", "받는분", "전화번호", "우편번호", "주소", "상세주소", "배송메모", "상품")
ORDER_COLUMNS = (
    "주문번호", "주문일시", "상태", "고객", "상품코드", "상품명", "옵션", "수량", "단가", "금액", "통화",
    "배송비", "추가 배송비", "할인", "합계", "환불", "입금자명", "현금영수증", "택배사", "송장번호",
    "고객 요청사항", "메모",
    # Added after the sheet's first version: last, so a spreadsheet reading the ones above by
    # position still finds them where they were.
    "추가 배송비 지역", "원래 주문에서 옮긴 결제", "결제를 옮긴 주문", "새 주문으로 옮긴 결제",
)  # fmt: skip
# The same columns for a shop outside Korea: a shop in London opened its courier sheet and its orders
# for the books and read 주문번호, 받는분, 우편번호. Korea's couriers and accountants take the Korean.
COURIER_COLUMNS_EN = (
    "Order number", "Recipient", "Phone", "Postcode", "Address", "Address line 2", "Delivery note", "Items",
)  # fmt: skip
ORDER_COLUMNS_EN = (
    "Order number", "Ordered at", "State", "Customer", "Item code", "Item", "Option", "Quantity",
    "Unit price", "Amount", "Currency", "Shipping", "Surcharge", "Discount", "Total", "Refund",
    "Name on the transfer", "Cash receipt", "Courier", "Tracking number", "Customer's note", "Memo",
    "Surcharge area", "Paid on the original order", "Payment moved to order", "Moved to the new order",
)  # fmt: skip


def order_columns_en(shop_region: str) -> tuple[str, ...]:
    """The books sheet's English header for a shop in `shop_region`: where transfers carry a
    reference (Britain, America), the depositor's column says so, in the same place."""
    if transfers_named(shop_region):
        return ORDER_COLUMNS_EN
    return tuple("Payment reference" if c == "Name on the transfer" else c for c in ORDER_COLUMNS_EN)


NUMBER_COLUMNS = ("주문번호", "order number", "order")
TRACKING_COLUMNS = ("운송장번호", "송장번호", "운송장", "tracking number", "tracking")
CARRIER_COLUMNS = ("택배사", "택배회사", "배송업체", "운송사", "courier", "carrier")
# Who the parcel goes to, as couriers' files and the shop's own courier sheet title it ("받는분").
RECIPIENT_COLUMNS = (
    "받는분성명", "받는분이름", "받는분", "받는사람", "수하인명", "수하인", "수취인명", "수취인",
    "수령인", "수령자", "고객명", "recipient name", "recipient", "customer name",
)  # fmt: skip
# Titles that say a recipient's other details ("받는분전화번호", "받는분주소"), never her name.
_NOT_A_NAME = ("전화", "휴대", "연락", "주소", "우편", "메모", "phone", "address", "postcode", "zip", "note")
PHONE_COLUMNS = ("받는분전화번호", "받는분전화", "전화번호", "휴대폰", "연락처", "phone")


@dataclass(frozen=True, slots=True)
class ShippingAddress:
    recipient_name: str
    recipient_phone: str
    postcode: str
    address: str
    address_detail: str = ""
    delivery_memo: str = ""


class AddressGap(StrEnum):
    """A part of an address a courier cannot take a parcel without."""

    ADDRESS = "address"
    POSTCODE = "postcode"


def address_gaps(postcode: str, address: str) -> tuple[AddressGap, ...]:
    """What an order's address lacks for a courier (empty: it can go). No order is picked up or
    delivered by hand here: every order that ships goes by courier."""
    no_postcode = not postcode.strip() and not postcode_in_address(address)  # "…London NW1 6XE" has one
    gaps = (AddressGap.ADDRESS, not address.strip()), (AddressGap.POSTCODE, no_postcode)
    return tuple(gap for gap, missing in gaps if missing)


def gaps_before_shipping(postcode: str, address: str, tracking: str) -> tuple[AddressGap, ...]:
    """What an order's address lacks that stops it being marked shipped with `tracking` (empty: it
    can be). The order window asks the owner about these; a courier's file, which cannot ask, skips
    the row. A tracking number is the courier's word that it took the parcel: a missing postcode no
    longer matters then (the courier found the address without it), a missing address still does."""
    gaps = address_gaps(postcode, address)
    if tracking.strip() and AddressGap.ADDRESS not in gaps:
        return ()
    return gaps


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An order the courier sheet leaves out, and what its address lacks."""

    number: str
    customer: str
    gaps: tuple[AddressGap, ...]


@dataclass(frozen=True, slots=True)
class CourierRows:
    """The courier sheet's rows (its header first) and the orders left out of it for want of an
    address: a row with none made the courier's upload fail, or a parcel go nowhere."""

    rows: list[Sequence[object]]
    left_out: tuple[LeftOut, ...] = ()


POSTCODE_LENGTH = 10  # the longest a country writes one: "94103-1234", "SW1A 1AA", "1012 AB"


def clean_postcode(typed: str, shop_region: str) -> str:
    """The postcode as kept. A Korean shop's 우편번호 is 5 digits (one digit more or less is a typo,
    refused with ORDER_POSTCODE_INVALID). A postcode with letters, a British "NW1 6XE" or a Canadian
    "K1A 0B1" a Korean shop ships to as well, and every other country's shop's, is kept as typed:
    upper-cased, spaces collapsed (a British owner's own postcodes were refused as not 5 digits)."""
    if not typed.strip():
        return ""
    if shop_region.upper() == "KR" and not re.search(r"[^\W\d_]", typed):
        digits = re.sub(r"\D", "", typed)
        if len(digits) != 5:
            raise OrderError(ErrorCode.ORDER_POSTCODE_INVALID, ValueParams(typed[:20]))
        return digits
    return " ".join(nfc(typed).upper().split())[:POSTCODE_LENGTH]


def set_shipping_address(session: Session, order_id: int, where: ShippingAddress) -> None:
    """Store where an order goes; the postcode as `clean_postcode` keeps it (raises OrderError,
    writing nothing)."""
    order = session.get(Order, order_id)
    if order is None:
        raise OrderError(ErrorCode.ORDER_GONE)
    # A British customer's address line carries its postcode: kept in the postcode too, for the
    # courier's file and the order window.
    typed = where.postcode if where.postcode.strip() else postcode_in_address(where.address)
    postcode = clean_postcode(typed, load_preferences(session).shop_region)
    clean = lambda text, n: " ".join(nfc(text).split())[:n]  # noqa: E731
    order.recipient_name = clean(where.recipient_name, 64)
    order.recipient_phone = clean(where.recipient_phone, 32)
    order.postcode = postcode
    order.address = clean(where.address, 200)
    order.address_detail = clean(where.address_detail, 200)
    order.delivery_memo = clean(where.delivery_memo, 200)


def _items(session: Session, order_ids: Sequence[int]) -> dict[int, list[OrderLine]]:
    lines: dict[int, list[OrderLine]] = {}
    for line in session.scalars(
        select(OrderLine)
        .where(OrderLine.order_id.in_(list(order_ids)))
        .order_by(OrderLine.order_id, OrderLine.position)
    ):
        lines.setdefault(line.order_id, []).append(line)
    return lines


def _own_numbers(session: Session, orders: Sequence[Order]) -> dict[int | None, str]:
    """contact id → WhatsApp number of the customers of `orders` whose phone the owner left empty.

    Such an order goes to the customer's own number, as its recipient goes to the customer's name:
    a courier refuses a parcel without a phone."""
    ids = {o.contact_id for o in orders if not o.recipient_phone and o.contact_id is not None}
    if not ids:
        return {}
    known = select(Contact.id, Contact.wa_id).where(Contact.id.in_(ids))
    return {contact_id: wa_id for contact_id, wa_id in session.execute(known) if wa_id}


def courier_sheet(
    session: Session, order_ids: Sequence[int] | None = None, fmt: SheetFormat = "csv"
) -> bytes:
    """The courier's upload sheet (CSV in UTF-8 with BOM, or .xlsx): one row per paid order, or per
    given order. Postcodes and phone numbers stay text, so their leading zeros survive."""
    korean = _korean_shop(session)
    return write_sheet(courier_rows(session, order_ids).rows, fmt, title="택배" if korean else "Courier")


def _korean_shop(session: Session) -> bool:
    """The shop is in Korea: its sheets have the Korean columns its couriers and accountants know."""
    return load_preferences(session).shop_region.upper() == "KR"


def courier_rows(session: Session, order_ids: Sequence[int] | None = None) -> CourierRows:
    """The courier sheet's rows, its header first; an order with no address or postcode is left out."""
    stmt = select(Order).order_by(Order.created_at, Order.id)
    stmt = (
        stmt.where(Order.id.in_(list(order_ids)))
        if order_ids is not None
        else stmt.where(Order.state == OrderState.PAID)
    )
    orders = session.scalars(stmt).all()
    items = _items(session, [o.id for o in orders])
    wa_ids = _own_numbers(session, orders)
    region = load_preferences(session).shop_region
    korean = region.upper() == "KR"
    rows: list[Sequence[object]] = [COURIER_COLUMNS if korean else COURIER_COLUMNS_EN]
    left_out: list[LeftOut] = []
    for o in orders:
        if gaps := address_gaps(o.postcode, o.address):
            left_out.append(LeftOut(o.number, o.customer_name, gaps))
            continue
        goods = ", ".join(
            f"{line.name}{' ' + line.option if line.option else ''} x{line.quantity}"
            for line in items.get(o.id, [])
        )
        rows.append(
            (
                o.number,
                o.recipient_name or o.customer_name,
                _sheet_phone(o.recipient_phone, wa_ids.get(o.contact_id) or "", region, korean),
                o.postcode or postcode_in_address(o.address),
                o.address,
                o.address_detail,
                o.delivery_memo,
                goods,
            )
        )
    return CourierRows(rows, tuple(left_out))


def _sheet_phone(typed: str, wa_id: str, region: str, korean: bool) -> str:
    """The recipient's phone as the shop's country writes it ("07700 900123" in a British shop, as
    its order window shows it), the customer's own WhatsApp number when none was typed. A Korean
    shop's sheet keeps the number as it was typed, as its couriers have always been sent it."""
    if not typed:
        return display_phone(wa_id, region)
    return typed if korean else typed_phone_shown(typed, region)


def orders_sheet(
    session: Session,
    since: datetime | None = None,
    until: datetime | None = None,
    fmt: SheetFormat = "csv",
    *,
    state_names: Mapping[str, str] | None = None,
    zone: tzinfo = UTC,
) -> bytes:
    """Orders for accounting (CSV in UTF-8 with BOM, or .xlsx): one row per line, amounts in the
    currency's unit (numbers in the workbook, so the books can add them up)."""
    rows = order_sheet_rows(session, since, until, state_names=state_names, zone=zone)
    return write_sheet(rows, fmt, title="주문" if _korean_shop(session) else "Orders", header_tools=True)


def order_sheet_rows(
    session: Session,
    since: datetime | None = None,
    until: datetime | None = None,
    *,
    state_names: Mapping[str, str] | None = None,
    zone: tzinfo = UTC,
) -> list[Sequence[object]]:
    """The accounting sheet's rows, header first: one per order line, orders placed in [since, until);
    the order's shipping, surcharge (and the area it was for: 도서산간, Northern Ireland…), discount
    and total on its first line, so columns add up.

    Each order's time is the shop's wall-clock time in `zone` (a date-time the sheet can sort), and
    its state is said as `state_names` gives it (the owner's language; the ui/ passes it in). 환불 is
    what its returns refunded (the books take it off 합계), beside its total; an exchange's new order
    has what her first order's payment paid of its 합계 under 원래 주문에서 옮긴 결제 (paid, never 할인:
    what she transferred for it is 합계 less that), and the exchanged order the new order's number
    under 결제를 옮긴 주문 with that money under 새 주문으로 옮긴 결제. Both orders' 합계 count it as
    sold, so the books take 새 주문으로 옮긴 결제 off too: 합계 − 환불 − 새 주문으로 옮긴 결제, added
    up, is what the shop was paid (a cancelled new order's carried money is in its first order's 환불,
    not moved)."""
    from app.order_returns import payments_moved, refunds_of

    names = state_names or {}
    stmt = select(Order).order_by(Order.created_at, Order.id)
    if since is not None:
        stmt = stmt.where(Order.created_at >= since)
    if until is not None:
        stmt = stmt.where(Order.created_at < until)
    orders = session.scalars(stmt).all()
    items = _items(session, [o.id for o in orders])
    refunds = refunds_of(session, [o.id for o in orders])
    moved = payments_moved(session, [o.id for o in orders])
    region = load_preferences(session).shop_region
    language = "ko" if region.upper() == "KR" else "en"
    rows: list[Sequence[object]] = [ORDER_COLUMNS if language == "ko" else order_columns_en(region)]
    for o in orders:
        refund = refunds.get(o.id)
        went = moved.get(o.id)
        money = lambda minor, o=o: to_decimal(minor, o.currency)  # noqa: E731
        for position, line in enumerate(items.get(o.id, [])):
            # The order's own amounts on its first line only: repeated on each line, a SUM of the
            # 합계 column counted an order of two items twice.
            whole = position == 0
            rows.append(
                (
                    o.number,
                    as_utc(o.created_at).astimezone(zone).replace(tzinfo=None, microsecond=0),
                    names.get(o.state, o.state),
                    o.customer_name,
                    line.code,
                    line.name,
                    line.option,
                    line.quantity,
                    money(line.unit_price_minor),
                    money(line.unit_price_minor * line.quantity),
                    o.currency,
                    money(o.shipping_minor) if whole else None,
                    money(o.surcharge_minor) if whole else None,
                    money(o.discount_minor) if whole else None,
                    money(o.total_minor) if whole else None,
                    money(refund) if whole and refund else None,
                    o.depositor_name,
                    o.cash_receipt,
                    o.courier,
                    o.tracking,
                    o.note,  # the customer's words on her cart ("S 사이즈로 부탁드려요")
                    o.memo,  # the owner's own
                    # Columns added after the sheet's first version go last, so a spreadsheet that
                    # reads the columns above by position still finds them where they were.
                    area_name(o.surcharge_area, language) if whole and o.surcharge_minor else None,
                    money(o.carried_minor) if whole and o.carried_minor else None,
                    ", ".join(went.to) if whole and went else None,
                    money(went.amount) if whole and went and went.amount else None,
                )
            )
    return rows


@dataclass(frozen=True, slots=True)
class TrackingRow:
    row: int  # the line in the file, 1-based, as a spreadsheet shows it
    number: str
    phone: str
    tracking: str  # "" when the row has none
    courier: str = ""  # the known courier the row names (its usual spelling), else ""
    recipient: str = ""  # who the row says the parcel goes to (its 받는분), else ""


class SkipReason(StrEnum):
    """Why a row of the courier's file moved no order."""

    NO_TRACKING = "no_tracking"  # the row has an order or phone but no tracking number
    NO_ORDER = "no_order"  # no order has this number, and no paid order goes to this phone
    NOT_PAID = "not_paid"  # the order is in another state (awaiting payment, shipped already…)
    SAME_PHONE = "same_phone"  # several paid orders go to this phone: only a number tells them apart
    REPEATED = "repeated"  # an earlier row of the file already gave this order its tracking number
    # The checks the order's window asks about, which a file cannot ask: the row waits for the owner.
    BAD_TRACKING = "bad_tracking"  # not a number of its courier's shape, or mangled by Excel
    NO_ADDRESS = "no_address"  # the order has no address (a postcode alone missing is no reason)
    # The order was shipped already with another tracking number (or none): the file's would replace
    # it, which only the owner's tick in the review does (a corrected number, or a wrong row).
    OTHER_TRACKING = "other_tracking"


# An order's history kind: a courier's file gave a shipped order another tracking number (note: JSON
# "from", "to", "courier").
RETRACKED = "retracked"

# The rows the owner may still tick in the review of a courier's file: they name one order, and only
# her word decides (a doubtful number shipped anyway, an order's number replaced).
TICKABLE = frozenset({SkipReason.BAD_TRACKING, SkipReason.OTHER_TRACKING})


@dataclass(frozen=True, slots=True)
class SkippedRow:
    row: TrackingRow
    reason: SkipReason
    state: str = ""  # the order's OrderState value, for NOT_PAID
    doubt: TrackingDoubt | None = None  # for BAD_TRACKING
    gaps: tuple[AddressGap, ...] = ()  # for NO_ADDRESS
    # The order the row names, when it names one the owner may tick (`TICKABLE`), and what it has.
    order_id: int | None = None
    customer: str = ""
    courier_before: str = ""  # for OTHER_TRACKING: the courier and number the order carries now
    tracking_before: str = ""

    @property
    def tickable(self) -> bool:
        return self.order_id is not None and self.reason in TICKABLE


@dataclass(frozen=True, slots=True)
class TrackingMatch:
    row: TrackingRow
    order_id: int
    number: str
    customer: str = ""


@dataclass(frozen=True, slots=True)
class TrackingPlan:
    """What a courier's file does: the paid orders it ships, and every row it cannot use, with why."""

    matches: tuple[TrackingMatch, ...]
    skipped: tuple[SkippedRow, ...]
    # Rows whose order already carries this very tracking number (the same file read twice): done.
    already: tuple[TrackingMatch, ...] = ()

    @property
    def without_courier(self) -> int:
        """How many of the orders it ships have no courier in the file (the owner names one)."""
        return sum(1 for m in self.matches if not m.row.courier)


def _fold(text: str) -> str:
    return re.sub(r"[\s()㈜]", "", nfc(text)).casefold()


# Other ways a courier's own file or an owner's sheet names the couriers of COURIER_TRACKING.
_COURIER_ALIASES = {
    "CJ대한통운": ("대한통운", "cj", "cj택배", "cj대한통운택배", "cjlogistics"),
    "우체국택배": ("우체국", "우편", "epost", "koreapost"),
    "한진택배": ("한진", "hanjin"),
    "롯데택배": ("롯데", "롯데글로벌로지스", "lotte", "lotteglogis"),
    "로젠택배": ("로젠", "logen", "ilogen"),
}


def known_courier(text: str) -> str | None:
    """The courier `text` names ("CJ 대한통운", "우체국"…) as the app spells it, or None."""
    key = _fold(text)
    if not key:
        return None
    for name in COURIER_TRACKING:
        if key == _fold(name) or key in _COURIER_ALIASES.get(name, ()):
            return name
    return None


def _tracking_header(rows: list[list[str]]) -> tuple[int, int, int | None, int | None, int | None] | None:
    for start, header in enumerate(rows[:20]):
        tracking_col = find_column(header, TRACKING_COLUMNS)
        number_col, phone_col = find_column(header, NUMBER_COLUMNS), find_column(header, PHONE_COLUMNS)
        if tracking_col is not None and (number_col is not None or phone_col is not None):
            return start, tracking_col, number_col, phone_col, find_column(header, CARRIER_COLUMNS)
    return None


def _recipient_column(header: list[str], taken: set[int | None]) -> int | None:
    """The column naming the parcel's recipient: not one already read for something else, nor
    one of her other details ("받는분전화번호" contains "받는분")."""
    names = [
        i
        for i, title in enumerate(header)
        if i not in taken and not any(w in re.sub(r"\s+", "", title).casefold() for w in _NOT_A_NAME)
    ]
    found = find_column([header[i] for i in names], RECIPIENT_COLUMNS)
    return None if found is None else names[found]


def read_tracking_file(path: Path) -> list[TrackingRow]:
    """The courier's returned sheet (CSV in UTF-8 or CP949, or .xlsx): tracking numbers by order
    number or phone, and the courier and the recipient when columns name them. A row with an order
    or a phone but no tracking number is kept, so the owner hears of it."""
    rows = read_sheet(path)
    header = _tracking_header(rows)
    if header is None:
        raise OrderError(ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, FileParams(path.name))
    start, tracking_col, number_col, phone_col, courier_col = header
    recipient_col = _recipient_column(rows[start], {tracking_col, number_col, phone_col, courier_col})
    found = []
    for offset, row in enumerate(rows[start + 1 :], start=start + 2):
        cell = lambda col, row=row: row[col].strip() if col is not None and col < len(row) else ""  # noqa: E731
        tracking = re.sub(r"[\s-]", "", cell(tracking_col))
        number, phone = cell(number_col)[:32], cell(phone_col)[:32]
        if tracking or number or phone:
            courier = known_courier(cell(courier_col)) or ""
            recipient = nfc(cell(recipient_col))[:64]
            found.append(TrackingRow(offset, number, phone, tracking[:64], courier, recipient))
    return found


def plan_tracking(session: Session, rows: Sequence[TrackingRow], courier: str = "") -> TrackingPlan:
    """Find each row's paid order by its number (else, with no number the shop knows, by the
    recipient's phone); a row that finds none is kept with the reason. A row is checked as the order's
    window checks one order (`tracking_doubt`, `gaps_before_shipping`), with `courier` for rows naming none
    (before the owner named one, only what no courier allows: a number Excel mangled)."""
    paid = session.scalars(select(Order).where(Order.state == OrderState.PAID)).all()
    trackings = {r.tracking for r in rows if r.tracking}
    carried = select(Order).where(Order.tracking.in_(trackings), Order.state != OrderState.PAID)
    by_tracking = {o.tracking: o for o in session.scalars(carried)} if trackings else {}
    by_number = {o.number: o for o in paid}
    numbers = {r.number for r in rows if r.number and r.number not in by_number}
    others = session.scalars(select(Order).where(Order.number.in_(numbers))).all() if numbers else []
    other_states = {o.number: o for o in others}
    own = _own_numbers(session, paid)  # the phone the courier sheet gave an order without one
    # Numbers written as the shop's country writes them ("07700 900123", as its courier sheet does).
    region = load_preferences(session).shop_region
    by_phone: dict[str, list[Order]] = {}
    for o in paid:
        if o.recipient_phone:
            by_phone.setdefault(
                written_phone_digits(o.recipient_phone, region) or o.recipient_phone, []
            ).append(o)
        elif own.get(o.contact_id):
            by_phone.setdefault(own[o.contact_id], []).append(o)
    matches: list[TrackingMatch] = []
    skipped: list[SkippedRow] = []
    already: list[TrackingMatch] = []
    taken: set[int] = set()
    for r in rows:
        if not r.tracking:
            skipped.append(SkippedRow(r, SkipReason.NO_TRACKING))
            continue
        carrier = by_tracking.get(r.tracking)
        if carrier is not None and (not r.number or r.number == carrier.number):
            already.append(TrackingMatch(r, carrier.id, carrier.number, carrier.customer_name))
            continue
        doubt = tracking_doubt(r.courier or courier, r.tracking)
        order = by_number.get(r.number)
        shipped = other_states.get(r.number) if order is None else None
        if shipped is not None and shipped.state in (OrderState.SHIPPED, OrderState.DONE):
            # Shipped with another number (or none): replaced only when the owner ticks it.
            skipped.append(
                SkippedRow(
                    r,
                    SkipReason.OTHER_TRACKING,
                    shipped.state,
                    doubt=doubt,
                    order_id=shipped.id,
                    customer=shipped.customer_name,
                    courier_before=shipped.courier,
                    tracking_before=shipped.tracking,
                )
            )
            continue
        if order is None and shipped is None and r.phone:
            candidates = by_phone.get(written_phone_digits(r.phone, region) or r.phone, [])
            if len(candidates) > 1 and doubt is None:  # two parcels to one phone: by number only
                skipped.append(SkippedRow(r, SkipReason.SAME_PHONE))
                continue
            order = candidates[0] if len(candidates) == 1 else None
        if doubt is not None:
            # Asked about, as the order's window asks about one number: unticked until she says so.
            named = order if order is not None and order.id not in taken else None
            skipped.append(
                SkippedRow(
                    r,
                    SkipReason.BAD_TRACKING,
                    doubt=doubt,
                    order_id=named.id if named is not None else None,
                    customer=named.customer_name if named is not None else "",
                )
            )
            continue
        if shipped is not None:
            skipped.append(SkippedRow(r, SkipReason.NOT_PAID, shipped.state))
        elif order is None:
            skipped.append(SkippedRow(r, SkipReason.NO_ORDER))
        elif order.id in taken:
            skipped.append(SkippedRow(r, SkipReason.REPEATED))
        elif gaps := gaps_before_shipping(order.postcode, order.address, r.tracking):
            skipped.append(SkippedRow(r, SkipReason.NO_ADDRESS, gaps=gaps))
        else:
            taken.add(order.id)
            matches.append(TrackingMatch(r, order.id, order.number, order.customer_name))
    return TrackingPlan(tuple(matches), tuple(skipped), tuple(already))


def ship_planned(session: Session, plan: TrackingPlan, courier: str) -> list[int]:
    """Move the plan's orders to Shipped with their tracking numbers; `courier` for the rows that
    name none. Their ids."""
    for m in plan.matches:
        move_order(
            session, m.order_id, OrderState.SHIPPED, courier=m.row.courier or courier, tracking=m.row.tracking
        )
    return [m.order_id for m in plan.matches]


@dataclass(frozen=True, slots=True)
class TrackingApplied:
    """What the owner's ticks did: orders moved to Shipped, and shipped orders given another number."""

    shipped: tuple[int, ...]
    retracked: tuple[int, ...]


def apply_ticked(
    session: Session, plan: TrackingPlan, courier: str, ticked: Mapping[int, int]
) -> TrackingApplied:
    """Apply the rows the owner ticked in the review (`ticked`: the file's row → the order it named
    when she looked); a row that names another order now (the orders changed meanwhile) does nothing.
    A ticked doubtful number ships as she said; a shipped order's number is replaced. Nothing else."""
    shipped: list[int] = []
    retracked: list[int] = []
    done: set[int] = set()
    candidates: list[tuple[TrackingRow, int, SkipReason | None]] = [
        (m.row, m.order_id, None) for m in plan.matches
    ]
    candidates += [
        (s.row, s.order_id, s.reason) for s in plan.skipped if s.tickable and s.order_id is not None
    ]
    for row, order_id, reason in sorted(candidates, key=lambda c: c[0].row):
        if ticked.get(row.row) != order_id or order_id in done:
            continue
        done.add(order_id)
        if reason is SkipReason.OTHER_TRACKING:
            order = session.get(Order, order_id)
            before = (order.courier, order.tracking) if order is not None else ("", "")
            set_tracking(session, order_id, row.courier or courier, row.tracking)
            # In the order's history: the number it had, and the file's that replaced it.
            change = {"from": before[1], "to": row.tracking, "courier": row.courier or courier}
            session.add(
                OrderEvent(
                    order_id=order_id,
                    at=utcnow(),
                    kind=RETRACKED,
                    note=json.dumps(change, ensure_ascii=False),
                )
            )
            retracked.append(order_id)
        else:
            move_order(
                session, order_id, OrderState.SHIPPED, courier=row.courier or courier, tracking=row.tracking
            )
            shipped.append(order_id)
    return TrackingApplied(tuple(shipped), tuple(retracked))


def apply_tracking(session: Session, rows: Sequence[TrackingRow], courier: str) -> list[int]:
    """Paid orders found by number (else by the recipient's phone) move to Shipped with their tracking."""
    return ship_planned(session, plan_tracking(session, rows, courier), courier)
