"""Shipping sheets: the courier sheet opens in a spreadsheet with Korean intact; tracking numbers come back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.errors import ErrorCode, OrderError
from app.models import Order
from app.orders import Charges, LineInput, OrderState, create_order, move_order
from app.shipping_sheets import (
    ORDER_COLUMNS,
    AddressGap,
    LeftOut,
    ShippingAddress,
    address_gaps,
    apply_tracking,
    courier_rows,
    courier_sheet,
    gaps_before_shipping,
    orders_sheet,
    read_tracking_file,
    set_shipping_address,
)
from tests.support.factories import make_contact


def paid_orders(db) -> list[int]:
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        ids = []
        for name, phone, postcode in (
            ("김민지", "010-5550-1234", "04799"),
            ("이하은", "010-9990-7890", "63309"),
        ):
            c = make_contact(s, profile_name=name)
            order_id = create_order(
                s, contact_id=c.id, lines=[LineInput("LINEN", 1, option="M")], source="chat"
            ).id
            move_order(s, order_id, OrderState.PAID)
            set_shipping_address(
                s,
                order_id,
                ShippingAddress(name, phone, postcode, "서울 성동구 성수이로 1", "101동 202호", "문 앞"),
            )
            ids.append(order_id)
        return ids


def test_the_courier_sheet_opens_in_a_spreadsheet_with_korean_intact(db) -> None:
    paid_orders(db)
    with db.read() as s:
        data = courier_sheet(s)
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Korean Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["주문번호", "받는분", "전화번호", "우편번호", "주소", "상세주소", "배송메모", "상품"]
    assert rows[1][1:] == [
        "김민지",
        "010-5550-1234",
        "04799",
        "서울 성동구 성수이로 1",
        "101동 202호",
        "문 앞",
        "린넨 셔츠 M x1",
    ]
    assert len(rows) == 3


def test_a_british_shops_courier_sheet_and_books_have_english_columns_and_the_courier_file_comes_back(
    db, tmp_path: Path
) -> None:
    """A shop in London saved its courier sheet and read 주문번호, 받는분, 우편번호, 주소."""
    from app.settings import update_preferences

    update_preferences(db, shop_region="GB", currency="GBP")
    [minji, _] = paid_orders(db)
    with db.read() as s:
        rows = list(csv.reader(io.StringIO(courier_sheet(s).decode("utf-8-sig"))))
        books = list(csv.reader(io.StringIO(orders_sheet(s).decode("utf-8-sig"))))
        number = s.get(Order, minji).number  # type: ignore[union-attr]
    assert rows[0] == [
        "Order number", "Recipient", "Phone", "Postcode", "Address", "Address line 2", "Delivery note", "Items",
    ]  # fmt: skip
    assert (
        books[0][:4] == ["Order number", "Ordered at", "State", "Customer"] and "Tracking number" in books[0]
    )
    assert not any("\uac00" <= ch <= "\ud7a3" for title in rows[0] + books[0] for ch in title)
    # The courier's file comes back with the numbers in a column of its own, read by the same titles.
    back = tmp_path / "from-courier.csv"
    with back.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([[*rows[0], "Tracking number"], [*rows[1], "AB123456789GB"]])
    found = read_tracking_file(back)
    assert [(r.number, r.tracking) for r in found] == [(number, "AB123456789GB")]


def test_a_postcode_that_is_not_five_digits_is_refused(db) -> None:
    [order_id, _] = paid_orders(db)
    with pytest.raises(OrderError) as err, db.write() as s:
        set_shipping_address(s, order_id, ShippingAddress("김민지", "010", "1234", "서울"))
    assert err.value.code is ErrorCode.ORDER_POSTCODE_INVALID
    with db.read() as s:
        assert s.get(Order, order_id).postcode == "04799"  # type: ignore[union-attr]


def test_a_postcode_abroad_or_in_a_shop_outside_korea_is_kept_as_written() -> None:
    """Only a Korean shop's digits must be 5 (a typo); a British postcode is kept, upper-cased, by a
    Korean shop sending abroad too, and an American shop's ZIP+4 is a postcode."""
    from app.shipping_sheets import clean_postcode

    assert clean_postcode(" 04799 ", "KR") == "04799"
    assert clean_postcode("nw1  6xe", "KR") == "NW1 6XE"
    assert clean_postcode("nw1 6xe", "GB") == "NW1 6XE"
    assert clean_postcode("94103-1234", "US") == "94103-1234"
    assert clean_postcode("2000", "AU") == "2000"
    assert clean_postcode("", "KR") == ""
    with pytest.raises(OrderError):
        clean_postcode("94103-1234", "KR")


def test_bulk_tracking_import_by_order_number_or_phone_moves_orders_to_shipped(db, tmp_path: Path) -> None:
    minji, haeun = paid_orders(db)
    with db.read() as s:
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    returned = tmp_path / "cj.csv"
    returned.write_bytes(
        (
            "주문번호,받는분,받는분전화번호,운송장번호\n"
            f"{numbers[minji]},김민지,010-5550-1234,6543-2109-8765\n"
            ",이하은,010 9990 7890,6865 0123 4567\n"
            "2026-9999,모르는분,010-0000-0000,111122223333\n"
        ).encode("cp949")
    )
    rows = read_tracking_file(returned)
    with db.write() as s:
        assert apply_tracking(s, rows, "CJ대한통운") == [minji, haeun]
    with db.read() as s:
        shipped = {o.id: (o.state, o.courier, o.tracking) for o in s.scalars(select(Order))}
    assert shipped[minji] == ("shipped", "CJ대한통운", "654321098765")
    assert shipped[haeun] == ("shipped", "CJ대한통운", "686501234567")


def test_orders_for_accounting_have_one_row_per_line(db) -> None:
    paid_orders(db)
    with db.read() as s:
        rows = list(csv.reader(io.StringIO(orders_sheet(s).decode("utf-8-sig"))))
    assert rows[0][:3] == ["주문번호", "주문일시", "상태"]
    total = ORDER_COLUMNS.index("합계")
    assert [(r[5], r[7], r[9], r[total]) for r in rows[1:]] == [("린넨 셔츠", "1", "39000", "39000")] * 2


def test_the_accounting_sheets_totals_add_up_for_an_order_of_two_items(db, tmp_path: Path) -> None:
    """The owner's accountant summed the 합계 column: an order of a shirt and a bag counted twice."""
    from openpyxl import load_workbook

    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        create_item(s, ItemDraft(name="캔버스 토트백", price_minor=25000, currency="KRW", retailer_id="TOTE"))
        c = make_contact(s, profile_name="김민지")
        create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN", 2), LineInput("TOTE", 1)],
            source="chat",
            charges=Charges(shipping_minor=3000, discount_minor=5000),
        )
        alone = make_contact(s, profile_name="이하은")
        create_order(s, contact_id=alone.id, lines=[LineInput("TOTE", 1)], source="chat")
    with db.read() as s:
        data = orders_sheet(s, fmt="xlsx")
    path = tmp_path / "orders.xlsx"
    path.write_bytes(data)
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)][1:]
    numbers = lambda col: [v for v in (r[col] for r in rows) if isinstance(v, int | float)]  # noqa: E731
    assert sum(numbers(9)) == 78000 + 25000 + 25000  # 금액: every line's
    column = ORDER_COLUMNS.index
    assert sum(numbers(column("배송비"))) == 3000 and sum(numbers(column("할인"))) == 5000  # once per order
    assert sum(numbers(column("합계"))) == 101000 + 25000  # each order's total once
    assert len(rows) == 3


def test_the_accounting_sheet_keeps_the_customers_request_and_the_owners_memo(db) -> None:
    """A size asked for in the cart, and the owner's memo, were in the order window only."""
    [minji, _] = paid_orders(db)
    with db.write() as s:
        order = s.get(Order, minji)
        assert order is not None
        order.note, order.memo = "S 사이즈로 부탁드려요", "선물 포장"
    with db.read() as s:
        rows = list(csv.reader(io.StringIO(orders_sheet(s).decode("utf-8-sig"))))
    asked, memo = ORDER_COLUMNS.index("고객 요청사항"), ORDER_COLUMNS.index("메모")
    assert (rows[0][asked], rows[0][memo]) == ("고객 요청사항", "메모")
    assert (rows[1][asked], rows[1][memo]) == ("S 사이즈로 부탁드려요", "선물 포장")
    assert (rows[2][asked], rows[2][memo]) == ("", "")


def test_the_courier_sheet_as_xlsx_keeps_leading_zeros_and_a_customers_formula_as_text(
    db, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    [minji, _] = paid_orders(db)
    with db.write() as s:
        set_shipping_address(
            s, minji, ShippingAddress('=HYPERLINK("x")', "010-5550-1234", "04799", "서울 성동구 성수이로 1")
        )
    with db.read() as s:
        data = courier_sheet(s, fmt="xlsx")
    path = tmp_path / "courier.xlsx"
    path.write_bytes(data)
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ["주문번호", "받는분", "전화번호", "우편번호"]
    assert rows[1][1] == '=HYPERLINK("x")' and sheet["B2"].data_type == "s"  # shown, never run
    assert rows[1][3] == "04799"  # a postcode keeps its leading zero
    assert rows[2][1] == "이하은"


def test_tracking_numbers_come_back_from_an_xlsx_with_numbers_as_cells(db, tmp_path: Path) -> None:
    from openpyxl import Workbook

    minji, haeun = paid_orders(db)
    with db.read() as s:
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["주문번호", "받는분", "운송장번호"])
    sheet.append([numbers[minji], "김민지", 654321098765])  # Excel keeps a tracking number as a number
    sheet.append([numbers[haeun], "이하은", "6865-0123-4567"])
    path = tmp_path / "cj.xlsx"
    book.save(path)
    with db.write() as s:
        assert apply_tracking(s, read_tracking_file(path), "CJ대한통운") == [minji, haeun]
    with db.read() as s:
        assert {o.tracking for o in s.scalars(select(Order))} == {"654321098765", "686501234567"}


def test_orders_for_accounting_as_xlsx_have_amounts_as_numbers(db, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    paid_orders(db)
    with db.read() as s:
        data = orders_sheet(s, fmt="xlsx")
    path = tmp_path / "orders.xlsx"
    path.write_bytes(data)
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[1][5] == "린넨 셔츠" and rows[1][7] == 1 and rows[1][ORDER_COLUMNS.index("합계")] == 39000


def test_an_order_without_a_phone_goes_to_the_customers_own_number_and_comes_back_by_it(
    db, tmp_path: Path
) -> None:
    """A courier refuses a parcel without a phone: the sheet gives the customer's WhatsApp number
    (as it gives the customer's name for an empty recipient), and its tracking finds the order by it."""
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="한지민", wa_id="821024681357")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
        move_order(s, order_id, OrderState.PAID)
        set_shipping_address(s, order_id, ShippingAddress("", "", "04799", "서울 성동구 성수이로 1"))
    with db.read() as s:
        rows = list(csv.reader(io.StringIO(courier_sheet(s).decode("utf-8-sig"))))
    assert rows[1][1:4] == ["한지민", "010-2468-1357", "04799"]
    returned = tmp_path / "cj.csv"
    returned.write_text(
        "받는분,받는분전화번호,운송장번호\n한지민,010-2468-1357,6543-2109-8765\n", encoding="utf-8"
    )
    with db.write() as s:
        assert apply_tracking(s, read_tracking_file(returned), "CJ대한통운") == [order_id]


def test_a_tracking_file_names_every_row_it_could_not_use_and_why(db, tmp_path: Path) -> None:
    """A row for an order the shop does not have, one not paid yet, one without a tracking number and
    one repeated: none ships anything, and each comes back with its reason; nothing is dropped."""
    from app.order_actions import import_tracking
    from app.shipping_sheets import SkipReason

    minji, haeun = paid_orders(db)
    with db.write() as s:
        waiting = create_order(s, contact_id=make_contact(s).id, lines=[LineInput("LINEN", 1)], source="chat")
        move_order(s, waiting.id, OrderState.AWAITING_PAYMENT)
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    returned = tmp_path / "cj.csv"
    returned.write_bytes(
        (
            "주문번호,운송장번호\n"
            f"{numbers[minji]},654321098765\n"
            "2026-9999,111122223333\n"
            f"{numbers[waiting.id]},222233334444\n"
            f"{numbers[haeun]},\n"
            f"{numbers[minji]},999988887777\n"
        ).encode("cp949")
    )
    plan, _changes = import_tracking(db, returned, "CJ대한통운")
    assert [(m.number, m.row.row) for m in plan.matches] == [(numbers[minji], 2)]
    assert [(s.row.row, s.row.number, s.reason, s.state) for s in plan.skipped] == [
        (3, "2026-9999", SkipReason.NO_ORDER, ""),
        (4, numbers[waiting.id], SkipReason.NOT_PAID, "awaiting_payment"),
        (5, numbers[haeun], SkipReason.NO_TRACKING, ""),
        (6, numbers[minji], SkipReason.REPEATED, ""),
    ]
    with db.read() as s:
        states = {o.id: (o.state, o.tracking) for o in s.scalars(select(Order))}
    assert states[minji] == ("shipped", "654321098765")
    assert states[haeun] == ("paid", "")
    assert states[waiting.id] == ("awaiting_payment", "")


def test_a_tracking_file_says_who_each_parcel_goes_to_as_couriers_title_it(tmp_path: Path) -> None:
    """The shop's own 받는분, a courier's 받는분성명 beside 받는분전화번호 and 받는분주소 (never read for the
    name), and an English sheet's Recipient; a file with no such column names nobody."""
    from app.shipping_sheets import read_tracking_file

    def recipients(name: str, text: str) -> list[str]:
        path = tmp_path / name
        path.write_bytes(text.encode("cp949"))
        return [r.recipient for r in read_tracking_file(path)]

    assert recipients(
        "shop.csv", "주문번호,받는분,택배사,운송장번호\n2025-0999,김철수,CJ대한통운,685203947747\n"
    ) == ["김철수"]
    cj = "받는분전화번호,받는분주소,받는분성명,운송장번호\n010-5550-1234,서울 성동구 1,이하은,685203947747\n"
    assert recipients("cj.csv", cj) == ["이하은"]
    phone_only = "받는분전화번호,받는분주소,운송장번호\n010-5550-1234,서울 성동구 1,685203947747\n"
    assert recipients("no-name.csv", phone_only) == [""]
    english = "Order number,Recipient,Tracking number\n2026-0001,Olivia Brown,685203947747\n"
    assert recipients("en.csv", english) == ["Olivia Brown"]


def test_the_courier_a_tracking_file_names_is_used_and_the_asked_one_only_where_it_names_none(
    db, tmp_path: Path
) -> None:
    from app.order_actions import tracking_plan

    minji, haeun = paid_orders(db)
    with db.write() as s:
        third = create_order(s, contact_id=make_contact(s).id, lines=[LineInput("LINEN", 1)], source="chat")
        move_order(s, third.id, OrderState.PAID)
        set_shipping_address(
            s, third.id, ShippingAddress("박서연", "010-2222-3333", "06236", "서울 강남구 1")
        )
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    returned = tmp_path / "mixed.csv"
    returned.write_text(
        "주문번호,택배사,송장번호\n"
        f"{numbers[minji]},CJ 대한통운,654321098765\n"
        f"{numbers[haeun]},우체국,6865012345678\n"
        f"{numbers[third.id]},,1234567890\n",
        encoding="utf-8",
    )
    plan = tracking_plan(db, returned)
    assert plan.without_courier == 1  # only the third row needs the owner to name a courier
    with db.write() as s:
        assert apply_tracking(s, read_tracking_file(returned), "한진택배") == [minji, haeun, third.id]
    with db.read() as s:
        couriers = {o.id: o.courier for o in s.scalars(select(Order))}
    assert couriers == {minji: "CJ대한통운", haeun: "우체국택배", third.id: "한진택배"}


def test_with_no_paid_orders_no_courier_sheet_is_written(db, tmp_path: Path) -> None:
    from app.order_actions import paid_order_count, save_courier_sheet

    sheet = tmp_path / "courier.xlsx"
    assert paid_order_count(db) == 0
    assert save_courier_sheet(db, sheet).written == 0
    assert not sheet.exists()


def test_orders_for_accounting_say_the_state_in_the_owners_words_at_the_shops_time(
    db, tmp_path: Path
) -> None:
    """주문일시 on the shop's clock (Seoul is UTC+9) as a date-time the sheet can sort, 상태 as the app
    names the state, not "paid" and "2026-12-01T07:07:37+00:00"."""
    from datetime import UTC, datetime

    from openpyxl import load_workbook

    from app.order_actions import save_orders_sheet

    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        placed = datetime(2026, 12, 1, 7, 7, 37, tzinfo=UTC)
        order = create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("LINEN", 1)], source="chat", now=placed
        )
        move_order(s, order.id, OrderState.PAID)
    names = {"paid": "결제 완료", "new": "새 주문"}
    table = tmp_path / "orders.csv"
    save_orders_sheet(db, table, None, None, state_names=names, computer_zone="Asia/Seoul")
    rows = list(csv.reader(io.StringIO(table.read_bytes().decode("utf-8-sig"))))
    assert rows[1][1:3] == ["2026-12-01 16:07", "결제 완료"]

    workbook = tmp_path / "orders.xlsx"
    save_orders_sheet(db, workbook, None, None, state_names=names, computer_zone="Asia/Seoul")
    sheet = load_workbook(workbook).active
    assert sheet is not None
    assert sheet["B2"].value == datetime(2026, 12, 1, 16, 7, 37)  # a date-time cell, not text
    assert sheet["B2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["C2"].value == "결제 완료"


def test_the_courier_sheet_leaves_out_an_order_with_no_address_and_names_it(db) -> None:
    """A paid order with no address went into the courier's file as a row of blanks: the upload
    failed, or the parcel went nowhere. It is left out, and named for the owner to fill in."""
    _minji, haeun = paid_orders(db)
    with db.write() as s:
        set_shipping_address(s, haeun, ShippingAddress("이하은", "010-9990-7890", "", ""))
        number = s.get(Order, haeun).number  # type: ignore[union-attr]
    with db.read() as s:
        sheet = courier_rows(s)
    assert [row[1] for row in sheet.rows[1:]] == ["김민지"]
    assert sheet.left_out == (LeftOut(number, "이하은", (AddressGap.ADDRESS, AddressGap.POSTCODE)),)
    assert address_gaps("04799", " ") == (AddressGap.ADDRESS,)
    assert address_gaps("", "서울 성동구 성수이로 1") == (AddressGap.POSTCODE,)


def test_a_courier_file_checks_each_row_as_the_order_window_checks_one_order(db, tmp_path: Path) -> None:
    """Excel saved the file (CP949) and turned one tracking number into 6.86501E+11; another row has
    a number too short for CJ; a third order has no address. Only the good row ships; the others are
    left as they were and come back with their reasons."""
    from app.order_actions import import_tracking
    from app.shipping_sheets import AddressGap, SkipReason

    minji, haeun = paid_orders(db)
    with db.write() as s:
        bare = create_order(s, contact_id=make_contact(s).id, lines=[LineInput("LINEN", 1)], source="chat")
        move_order(s, bare.id, OrderState.PAID)
        short = create_order(s, contact_id=make_contact(s).id, lines=[LineInput("LINEN", 1)], source="chat")
        move_order(s, short.id, OrderState.PAID)
        set_shipping_address(
            s, short.id, ShippingAddress("박서연", "010-2222-3333", "06236", "서울 강남구 1")
        )
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    saved = tmp_path / "CJ_엑셀저장.csv"
    saved.write_bytes(
        (
            "주문번호,받는분,운송장번호\r\n"
            f"{numbers[minji]},김민지,6.86501E+11\r\n"
            f"{numbers[haeun]},이하은,654321098765\r\n"
            f"{numbers[bare.id]},최유나,111122223333\r\n"
            f"{numbers[short.id]},박서연,12345678\r\n"
        ).encode("cp949")
    )
    plan, _changes = import_tracking(db, saved, "CJ대한통운")
    assert [m.order_id for m in plan.matches] == [haeun]
    reasons = [(s.row.row, s.reason) for s in plan.skipped]
    assert reasons == [
        (2, SkipReason.BAD_TRACKING),
        (4, SkipReason.NO_ADDRESS),
        (5, SkipReason.BAD_TRACKING),
    ]
    excel, no_address, too_short = plan.skipped
    assert excel.doubt is not None and excel.doubt.excel and excel.doubt.number == "6.86501E+11"
    assert no_address.gaps == (AddressGap.ADDRESS, AddressGap.POSTCODE)
    assert too_short.doubt is not None and not too_short.doubt.excel and too_short.doubt.lengths == (10, 12)
    with db.read() as s:
        states = {o.id: (o.state, o.tracking) for o in s.scalars(select(Order))}
    assert states[minji] == ("paid", "")
    assert states[haeun] == ("shipped", "654321098765")
    assert states[bare.id] == ("paid", "")
    assert states[short.id] == ("paid", "")


def test_a_number_excel_mangled_is_refused_before_the_owner_names_a_courier(db, tmp_path: Path) -> None:
    from app.order_actions import tracking_plan
    from app.shipping_sheets import SkipReason

    minji, _ = paid_orders(db)
    with db.read() as s:
        number = s.get(Order, minji).number  # type: ignore[union-attr]
    saved = tmp_path / "cj.csv"
    saved.write_text(f"주문번호,운송장번호\n{number},6.86501e+11\n", encoding="utf-8")
    plan = tracking_plan(db, saved)
    assert plan.without_courier == 0  # nothing to ask: the row cannot ship whatever the courier
    assert [s.reason for s in plan.skipped] == [SkipReason.BAD_TRACKING]


def test_the_same_courier_file_read_again_says_already_registered_not_failed(db, tmp_path: Path) -> None:
    from app.order_actions import import_tracking

    minji, haeun = paid_orders(db)
    with db.read() as s:
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    returned = tmp_path / "cj.csv"
    returned.write_bytes(
        (
            "주문번호,받는분전화번호,운송장번호\n"
            f"{numbers[minji]},010-5550-1234,654321098765\n"
            ",010-9990-7890,686501234567\n"
        ).encode("cp949")
    )
    first, _ = import_tracking(db, returned, "CJ대한통운")
    assert [m.order_id for m in first.matches] == [minji, haeun]
    again, _ = import_tracking(db, returned, "CJ대한통운")
    assert again.matches == () and again.skipped == ()
    assert [(m.order_id, m.row.row) for m in again.already] == [(minji, 2), (haeun, 3)]


def test_a_courier_file_ships_an_order_missing_only_its_postcode_and_still_skips_one_without_an_address(
    db, tmp_path: Path
) -> None:
    """The courier's tracking number says it took the parcel: 이하은's order, whose address lacks only
    the postcode, gets its number and is shipped. 최유나's has no address at all: where did it go? It
    waits for the owner, with the reason."""
    from app.order_actions import import_tracking
    from app.shipping_sheets import SkipReason

    minji, haeun = paid_orders(db)
    with db.write() as s:
        set_shipping_address(
            s, haeun, ShippingAddress("이하은", "010-9990-7890", "", "부산 해운대구 센텀중앙로 79")
        )
        bare = create_order(s, contact_id=make_contact(s).id, lines=[LineInput("LINEN", 1)], source="chat")
        move_order(s, bare.id, OrderState.PAID)
        set_shipping_address(s, bare.id, ShippingAddress("최유나", "010-1111-2222", "04799", ""))
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    returned = tmp_path / "cj.csv"
    returned.write_bytes(
        (
            "주문번호,운송장번호\r\n"
            f"{numbers[minji]},654321098764\r\n"
            f"{numbers[haeun]},654321098765\r\n"
            f"{numbers[bare.id]},654321098766\r\n"
        ).encode("cp949")
    )
    plan, _changes = import_tracking(db, returned, "CJ대한통운")
    assert [m.order_id for m in plan.matches] == [minji, haeun]
    assert [(s.row.row, s.reason, s.gaps) for s in plan.skipped] == [
        (4, SkipReason.NO_ADDRESS, (AddressGap.ADDRESS,))
    ]
    with db.read() as s:
        states = {o.id: (o.state, o.tracking) for o in s.scalars(select(Order))}
    assert states[haeun] == ("shipped", "654321098765")
    assert states[bare.id] == ("paid", "")
    assert gaps_before_shipping("", "서울 성동구 성수이로 1", "") == (AddressGap.POSTCODE,)  # no number yet


def test_a_doubtful_row_names_its_order_and_ships_only_when_the_owner_ticks_it(db, tmp_path: Path) -> None:
    """Excel mangled 김민지's number: the plan names her order but leaves it for the owner; applied
    without her tick nothing happens to it, ticked it ships with the number as she accepted it."""
    from app.order_actions import apply_reviewed_tracking, tracking_plan
    from app.shipping_sheets import SkipReason

    minji, haeun = paid_orders(db)
    with db.read() as s:
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    saved = tmp_path / "cj.csv"
    saved.write_bytes(
        (f"주문번호,운송장번호\n{numbers[minji]},6.86501E+11\n{numbers[haeun]},654321098765\n").encode(
            "cp949"
        )
    )
    plan = tracking_plan(db, saved, "CJ대한통운")
    [doubtful] = plan.skipped
    assert (doubtful.reason, doubtful.order_id, doubtful.customer, doubtful.tickable) == (
        SkipReason.BAD_TRACKING,
        minji,
        "김민지",
        True,
    )
    applied, _ = apply_reviewed_tracking(db, saved, "CJ대한통운", {3: haeun})
    assert applied.shipped == (haeun,)
    with db.read() as s:
        assert (s.get(Order, minji).state, s.get(Order, minji).tracking) == ("paid", "")  # type: ignore[union-attr]
    applied, _ = apply_reviewed_tracking(db, saved, "CJ대한통운", {2: minji})
    assert applied.shipped == (minji,)
    with db.read() as s:
        assert s.get(Order, minji).state == "shipped"  # type: ignore[union-attr]


def test_a_shipped_orders_other_number_is_replaced_only_when_ticked_and_the_history_says_so(
    db, tmp_path: Path
) -> None:
    from app.order_actions import apply_reviewed_tracking, load_order, tracking_plan
    from app.shipping_sheets import RETRACKED, SkipReason

    minji, _haeun = paid_orders(db)
    with db.write() as s:
        move_order(s, minji, OrderState.SHIPPED, courier="CJ대한통운", tracking="111122223333")
        number = s.get(Order, minji).number  # type: ignore[union-attr]
    fixed = tmp_path / "cj.csv"
    fixed.write_text(f"주문번호,운송장번호\n{number},654321098765\n", encoding="utf-8")
    plan = tracking_plan(db, fixed, "CJ대한통운")
    [other] = plan.skipped
    assert (other.reason, other.order_id, other.tracking_before) == (
        SkipReason.OTHER_TRACKING,
        minji,
        "111122223333",
    )
    applied, _ = apply_reviewed_tracking(db, fixed, "CJ대한통운", {})
    assert applied.retracked == () and load_order(db, minji).tracking == "111122223333"
    applied, changes = apply_reviewed_tracking(db, fixed, "CJ대한통운", {2: minji})
    detail = load_order(db, minji)
    assert applied.retracked == (minji,) and minji in changes.orders
    assert (detail.state, detail.tracking) == ("shipped", "654321098765")
    assert detail.events[-1].kind == RETRACKED and "111122223333" in detail.events[-1].note


def test_a_ticked_row_whose_order_changed_after_the_review_does_nothing(db, tmp_path: Path) -> None:
    from app.order_actions import apply_reviewed_tracking

    minji, haeun = paid_orders(db)
    with db.read() as s:
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    returned = tmp_path / "cj.csv"
    returned.write_text(f"주문번호,운송장번호\n{numbers[minji]},654321098765\n", encoding="utf-8")
    # The owner ticked row 2 for 김민지's order, but it names another order now (e.g. a file edited).
    applied, _ = apply_reviewed_tracking(db, returned, "CJ대한통운", {2: haeun})
    assert applied.shipped == ()
    with db.read() as s:
        assert {o.state for o in s.scalars(select(Order))} == {"paid"}


def test_amounts_in_the_accounting_workbook_show_thousands_separators_as_the_books_do(
    db, tmp_path: Path
) -> None:
    """The accountant opened the workbook and read 39000 and 42000: amounts show as 39,000 (cents
    kept for a currency that has them), and stay numbers the books can add up."""
    from decimal import Decimal

    from openpyxl import load_workbook

    from app.sheet_files import write_sheet

    paid_orders(db)
    with db.read() as s:
        data = orders_sheet(s, fmt="xlsx")
    path = tmp_path / "orders.xlsx"
    path.write_bytes(data)
    sheet = load_workbook(path).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    total = sheet.cell(row=2, column=header.index("합계") + 1)
    assert total.value == 39000 and total.number_format == "#,##0"
    assert sheet.cell(row=2, column=header.index("주문번호") + 1).number_format == "General"  # text

    dollars = tmp_path / "usd.xlsx"
    dollars.write_bytes(write_sheet([["Total"], [Decimal("1234.50")]], "xlsx"))
    cell = load_workbook(dollars).active.cell(row=2, column=1)  # type: ignore[union-attr]
    assert cell.value == 1234.5 and cell.number_format == "#,##0.00"


def test_the_accounting_workbooks_columns_are_wide_enough_to_read_dates_and_names(db, tmp_path: Path) -> None:
    """Excel's default column is 8 characters: the order time showed as "########" and the product
    names were cut. Each column is as wide as what it holds (Hangul takes two widths)."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    paid_orders(db)
    with db.read() as s:
        data = orders_sheet(s, fmt="xlsx")
    path = tmp_path / "orders.xlsx"
    path.write_bytes(data)
    sheet = load_workbook(path).active
    assert sheet is not None
    header = [c.value for c in sheet[1]]

    def width(title: str) -> float:
        return sheet.column_dimensions[get_column_letter(header.index(title) + 1)].width

    assert width("주문일시") >= len("2026-12-02 16:32")
    assert width("상품명") >= 2 * len("린넨 셔츠")


def test_columns_added_to_the_books_sheet_come_after_the_ones_an_owners_spreadsheet_already_reads() -> None:
    """A formula that reads 합계 as column O (or Total as O in English) keeps reading it: what the
    sheet gained later (the surcharge's area, the payment carried from an exchanged order, where an
    exchanged order's payment went) is last, in the order it was added."""
    from app.shipping_sheets import ORDER_COLUMNS, ORDER_COLUMNS_EN

    first_korean = (
        "주문번호",
        "주문일시",
        "상태",
        "고객",
        "상품코드",
        "상품명",
        "옵션",
        "수량",
        "단가",
        "금액",
    )
    assert ORDER_COLUMNS[:10] == first_korean
    assert ORDER_COLUMNS.index("합계") == 14 and ORDER_COLUMNS.index("메모") == 21
    assert ORDER_COLUMNS_EN.index("Total") == 14 and ORDER_COLUMNS_EN.index("Memo") == 21
    assert ORDER_COLUMNS[22:] == (
        "추가 배송비 지역",
        "원래 주문에서 옮긴 결제",
        "결제를 옮긴 주문",
        "새 주문으로 옮긴 결제",
    )
    assert ORDER_COLUMNS_EN[22:] == (
        "Surcharge area",
        "Paid on the original order",
        "Payment moved to order",
        "Moved to the new order",
    )


def test_the_books_workbook_keeps_its_header_in_view_and_filters_every_column_the_csv_as_before(
    db, tmp_path: Path
) -> None:
    """Owners scroll hundreds of rows of the books: its header row stayed at the top of the file,
    out of view, and no column could be filtered. The header is frozen and every column has a
    filter, columns where they were; the CSV is the same rows, nothing more."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from app.order_actions import save_orders_sheet

    paid_orders(db)
    workbook = tmp_path / "orders.xlsx"
    save_orders_sheet(db, workbook, None, None, computer_zone="Asia/Seoul")
    sheet = load_workbook(workbook).active
    assert sheet is not None
    assert sheet.freeze_panes == "A2"  # row 1 stays, every column scrolls sideways as before
    last = get_column_letter(len(ORDER_COLUMNS))
    assert sheet.auto_filter.ref == f"A1:{last}3"  # the header and both orders' rows
    assert tuple(c.value for c in sheet[1]) == ORDER_COLUMNS
    assert sheet["F2"].value == "린넨 셔츠"

    table = tmp_path / "orders.csv"
    save_orders_sheet(db, table, None, None, computer_zone="Asia/Seoul")
    rows = list(csv.reader(io.StringIO(table.read_bytes().decode("utf-8-sig"))))
    assert tuple(rows[0]) == ORDER_COLUMNS and len(rows) == 3


def test_the_courier_workbook_has_no_frozen_row_or_filter_for_the_couriers_upload(db) -> None:
    """The courier's system reads its upload sheet cell by cell: it is left as it was."""
    from openpyxl import load_workbook

    paid_orders(db)
    with db.read() as s:
        data = courier_sheet(s, fmt="xlsx")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    assert sheet.freeze_panes is None and not sheet.auto_filter.ref


@pytest.mark.parametrize(
    ("region", "typed", "wa_id", "written"),
    [
        ("GB", "+447700900123", "447911123456", ("07700 900123", "07911 123456")),
        ("US", "+1 415-555-0132", "12125550147", ("(415) 555-0132", "(212) 555-0147")),
    ],
)
def test_a_british_or_american_shops_courier_sheet_writes_phones_as_the_country_does_and_finds_them_back(
    db, tmp_path: Path, region: str, typed: str, wa_id: str, written: tuple[str, str]
) -> None:
    """A London shop's courier sheet gave its courier "+447700900123" as pasted and "+44 7911 123456"
    for a customer's own number, where the order window reads "07700 900123": the sheet now writes
    them as the window does, and the courier's file, which gives them back so, finds the orders."""
    from app.settings import update_preferences

    update_preferences(db, shop_region=region)
    with db.write() as s:
        create_item(s, ItemDraft(name="Linen shirt", price_minor=4595, currency="GBP", retailer_id="LINEN"))
        ids = []
        for name, phone, contact in (("Amy Clarke", typed, "447700900999"), ("Olivia Brown", "", wa_id)):
            c = make_contact(s, profile_name=name, wa_id=contact)
            order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
            move_order(s, order_id, OrderState.PAID)
            set_shipping_address(s, order_id, ShippingAddress(name, phone, "NW1 6XE", "221B Baker Street"))
            ids.append(order_id)
    with db.read() as s:
        rows = list(csv.reader(io.StringIO(courier_sheet(s).decode("utf-8-sig"))))
    assert (rows[1][2], rows[2][2]) == written
    returned = tmp_path / "courier.csv"
    with returned.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["Phone", "Tracking number"], [written[0], "AB1"], [written[1], "AB2"]])
    with db.write() as s:
        assert sorted(apply_tracking(s, read_tracking_file(returned), "Royal Mail")) == sorted(ids)


def test_a_korean_shops_courier_sheet_keeps_a_phone_as_typed() -> None:
    from app.shipping_sheets import _sheet_phone

    assert _sheet_phone("+82 10-5550-1234", "", "KR", True) == "+82 10-5550-1234"
    assert _sheet_phone("", "821024681357", "KR", True) == "010-2468-1357"


@pytest.mark.parametrize(
    "name", ['=HYPERLINK("http://evil.example","클릭")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(1+1)", "=1+1"]
)
def test_a_customer_whose_name_is_a_formula_is_text_in_the_courier_csv_never_run_by_excel(
    db, name: str
) -> None:
    [minji, _] = paid_orders(db)
    with db.write() as s:
        set_shipping_address(
            s, minji, ShippingAddress(name, "+82 10-5550-1234", "04799", "서울 성동구 성수이로 1")
        )
    with db.read() as s:
        rows = list(csv.reader(io.StringIO(courier_sheet(s).decode("utf-8-sig"))))
    # A ' before it: Excel shows her name whole, as text, and runs nothing.
    assert rows[1][1] == "'" + name
    assert rows[1][2] == "+82 10-5550-1234"  # a phone number is not a formula and stays as it is
    assert rows[2][1] == "이하은"
