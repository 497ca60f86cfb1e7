"""Bank deposits (무통장입금): a CP949 bank file matched to orders awaiting payment, confirmed by the owner."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.deposits import Deposit, MatchKind, confirm_deposits, match_deposits, read_bank_file
from app.errors import ErrorCode, OrderError
from app.models import Order
from app.orders import Charges, LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact, make_order_the_deadline_cancelled

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
# When the orders were placed: before the bank files' deposits were made (money sent on a day
# before its order was placed cannot pay it).
PLACED = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)

BANK_CSV = """\
국민은행 거래내역조회
계좌번호,123-45-678901
조회기간,2026.11.27 ~ 2026.11.29

거래일시,적요,기재내용,찾으신금액,맡기신금액,잔액,취급점
2026.11.29 10:12:01,타행이체,김민지,0,"42,000","1,042,000",인터넷
2026.11.29 11:40:55,타행이체,박지훈엄마,0,"93,000","1,135,000",모바일
2026.11.29 12:00:00,체크카드,택배비,"30,000",0,"1,105,000",
2026.11.29 13:05:10,타행이체,홍길동,0,"15,000","1,120,000",인터넷
"""


def waiting_orders(db) -> tuple[int, int]:
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        create_item(s, ItemDraft(name="와이드 팬츠", price_minor=45000, currency="KRW", retailer_id="PANTS"))
        minji = make_contact(s, profile_name="김민지")
        haeun = make_contact(s, profile_name="이하은")
        a = create_order(
            s,
            contact_id=minji.id,
            lines=[LineInput("LINEN", 1)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        ).id
        b = create_order(
            s,
            contact_id=haeun.id,
            lines=[LineInput("PANTS", 2)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        ).id
        move_order(s, a, OrderState.AWAITING_PAYMENT, now=NOW)
        move_order(s, b, OrderState.AWAITING_PAYMENT, now=NOW)
        return a, b


def test_a_cp949_bank_file_matches_deposits_and_the_owner_confirms_a_different_depositor(
    db, tmp_path: Path
) -> None:
    minji_order, haeun_order = waiting_orders(db)
    bank = tmp_path / "거래내역.csv"
    bank.write_bytes(BANK_CSV.encode("cp949"))
    deposits = read_bank_file(bank)
    assert [(d.name, d.amount) for d in deposits] == [
        ("김민지", 42000),
        ("박지훈엄마", 93000),
        ("홍길동", 15000),
    ]
    with db.read() as s:
        matches = match_deposits(s, deposits)
    assert [(m.deposit.name, m.order_id, m.kind) for m in matches] == [
        ("김민지", minji_order, MatchKind.NAME_AND_AMOUNT),
        ("박지훈엄마", haeun_order, MatchKind.AMOUNT_ONLY),  # paid under her son's name: the owner decides
        ("홍길동", None, None),
    ]
    with db.write() as s:
        confirm_deposits(s, [(m.order_id, m.deposit) for m in matches[:2] if m.order_id is not None], NOW)
    with db.read() as s:
        orders = {o.id: o for o in s.scalars(select(Order))}
        assert orders[minji_order].state == orders[haeun_order].state == "paid"
        assert (
            orders[haeun_order].depositor_name == "이하은"
        )  # the owner's, kept; the bank's is in the history
        assert '"name": "박지훈엄마"' in orders[haeun_order].events[-1].note


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("statement.xlsx", b"PK\x03\x04 a damaged spreadsheet"),
        ("statement.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)),
        ("notes.csv", "주문 메모\n린넨 셔츠 2장\n".encode()),
        ("latin1.csv", b"\xff\xfe\x00garbage\x81\x82"),
    ],
    ids=["damaged xlsx", "old binary xls", "not a bank list", "unreadable bytes"],
)
def test_a_file_of_another_format_gets_a_clear_error_and_moves_nothing(
    db, tmp_path: Path, name: str, content: bytes
) -> None:
    waiting_orders(db)
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(OrderError) as err:
        read_bank_file(path)
    assert err.value.code in (ErrorCode.DEPOSIT_FILE_UNKNOWN_FORMAT, ErrorCode.DEPOSIT_FILE_UNREADABLE)
    assert err.value.param_values() == {"name": name}
    with db.read() as s:
        assert {o.state for o in s.scalars(select(Order))} == {"awaiting_payment"}


def test_a_banks_xlsx_download_matches_like_its_csv(db, tmp_path: Path) -> None:
    from datetime import datetime as wall

    from openpyxl import Workbook

    minji_order, _haeun_order = waiting_orders(db)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["신한은행 거래내역"])
    sheet.append([])
    sheet.append(["거래일시", "적요", "출금(원)", "입금(원)", "내용", "잔액(원)"])
    sheet.append([wall(2026, 11, 29, 10, 12, 1), "타행이체", 0, 42000, "김민지", 1042000])
    sheet.append([wall(2026, 11, 29, 12, 0, 0), "체크카드", 30000, 0, "택배비", 1012000])
    path = tmp_path / "거래내역.xlsx"
    book.save(path)
    deposits = read_bank_file(path)
    assert [(d.name, d.amount, d.at) for d in deposits] == [("김민지", 42000, "2026-11-29 10:12:01")]
    with db.read() as s:
        (match,) = match_deposits(s, deposits)
    assert (match.order_id, match.kind) == (minji_order, MatchKind.NAME_AND_AMOUNT)


def test_kbs_download_reads_the_depositor_from_its_sender_column_not_the_transaction_kind(
    db, tmp_path: Path
) -> None:
    """KB국민은행 names the sender in "보낸분/받는분" and the kind of transfer in "적요"."""
    minji_order, _haeun_order = waiting_orders(db)
    bank = tmp_path / "kb.csv"
    bank.write_text(
        "거래일시,적요,보낸분/받는분,송금메모,출금액(원),입금액(원),잔액(원),거래점\n"
        '2026.11.29 10:12:01,타행이체,김민지,,0,"42,000","1,042,000",인터넷\n',
        encoding="utf-8",
    )
    deposits = read_bank_file(bank)
    assert [(d.name, d.amount) for d in deposits] == [("김민지", 42000)]
    with db.read() as s:
        (match,) = match_deposits(s, deposits)
    assert (match.order_id, match.kind) == (minji_order, MatchKind.NAME_AND_AMOUNT)


BANK_HTML_XLS = """\
<html><head><meta http-equiv="Content-Type" content="application/vnd.ms-excel; charset=euc-kr">
<style>td { mso-number-format:"\\@"; }</style></head>
<body><table border="1">
<tr><td colspan="6">하나은행 거래내역조회 &nbsp;계좌번호 123-456789-01234</td></tr>
<tr><th>거래일시</th><th>적요</th><th>출금액</th><th>입금액</th><th>거래후잔액</th><th>의뢰인/수취인</th></tr>
<tr><td>2026-11-29<br>10:12:01</td><td>타행이체</td><td>0</td><td>42,000</td><td>1,042,000</td><td> 김민지 </td></tr>
<tr><td>2026-11-29 12:00:00</td><td>체크카드</td><td>30,000</td><td>0</td><td>1,012,000</td><td>택배비</td></tr>
<tr><td>2026-11-29 13:05:10</td><td>타행이체</td><td>0</td><td>15,000</td><td>1,027,000</td><td>홍길동 &amp; 아들</td>
</table></body></html>
"""


def test_a_banks_excel_download_that_is_an_html_table_matches_like_its_csv(db, tmp_path: Path) -> None:
    # Many Korean banks' "엑셀 저장" saves an HTML page named .xls (EUC-KR): read as the table it holds.
    minji_order, _haeun_order = waiting_orders(db)
    path = tmp_path / "거래내역조회_20261129.xls"
    path.write_bytes(BANK_HTML_XLS.encode("cp949"))
    deposits = read_bank_file(path)
    assert [(d.name, d.amount, d.at) for d in deposits] == [
        ("김민지", 42000, "2026-11-29 10:12:01"),
        ("홍길동 & 아들", 15000, "2026-11-29 13:05:10"),
    ]
    with db.read() as s:
        first = match_deposits(s, deposits)[0]
    assert (first.order_id, first.kind) == (minji_order, MatchKind.NAME_AND_AMOUNT)


# The tester's bank download (신한은행, CP949): 이하온 paid order 2026-0003 (its depositor typed as 이하은);
# 박서준 paid before being asked (his order still new); 최유나's amount is on no open order.
SHINHAN_CSV = """\
신한은행 입출금내역
거래일자,거래시간,적요,출금(원),입금(원),내용,잔액(원),거래점명
2026-12-04,14:03:22,타행이체,,"61,000",이하온,"1,061,000",인터넷
2026-12-04,15:10:05,타행이체,,"42,000",박서준,"1,103,000",모바일
2026-12-04,16:00:00,타행이체,,"7,700",최유나,"1,110,700",모바일
"""


def orders_like_the_testers(db) -> tuple[int, int]:
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        create_item(s, ItemDraft(name="와이드 팬츠", price_minor=58000, currency="KRW", retailer_id="PANTS"))
        haeun = create_order(
            s,
            contact_id=make_contact(s, profile_name="이하은").id,
            lines=[LineInput("PANTS", 1)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        ).id
        move_order(s, haeun, OrderState.AWAITING_PAYMENT, now=NOW)
        seojun = create_order(
            s,
            contact_id=make_contact(s, profile_name="박서준").id,
            lines=[LineInput("LINEN", 1)],
            source="chat",
            charges=Charges(3000),
            now=PLACED,
        ).id  # still 새 주문: the payment request was never sent
        return haeun, seojun


def test_a_payment_before_the_request_matches_the_new_order_for_the_owner_to_tick(db, tmp_path: Path) -> None:
    haeun, seojun = orders_like_the_testers(db)
    bank = tmp_path / "신한은행_입출금내역.csv"
    bank.write_bytes(SHINHAN_CSV.encode("cp949"))
    with db.read() as s:
        matches = match_deposits(s, read_bank_file(bank))
    assert [(m.deposit.name, m.order_id, m.kind, m.same_name) for m in matches] == [
        ("이하온", haeun, MatchKind.AMOUNT_ONLY, False),
        ("박서준", seojun, MatchKind.BEFORE_REQUEST, True),
        ("최유나", None, None, False),
    ]
    assert matches[2].open_with_amount == 0  # no open order of this amount at all


def test_a_deposit_keeps_the_typed_depositor_and_the_history_names_the_bank_files_deposit(
    db, tmp_path: Path
) -> None:
    from app.deposits import deposit_day
    from app.models import OrderEvent
    from app.orders import move_note

    haeun, seojun = orders_like_the_testers(db)
    bank = tmp_path / "신한은행_입출금내역.csv"
    bank.write_bytes(SHINHAN_CSV.encode("cp949"))
    with db.read() as s:
        matches = match_deposits(s, read_bank_file(bank))
    with db.write() as s:
        confirm_deposits(s, [(m.order_id, m.deposit) for m in matches[:2] if m.order_id is not None], NOW)
    with db.read() as s:
        orders = {o.id: o for o in s.scalars(select(Order))}
        assert orders[haeun].depositor_name == "이하은"  # what the owner typed stays
        assert orders[seojun].depositor_name == "박서준"  # empty before: the bank's name fills it
        assert orders[seojun].state == "paid"
        paid = s.scalars(
            select(OrderEvent).where(OrderEvent.order_id == haeun, OrderEvent.to_state == "paid")
        ).one()
        deposit = move_note(paid.note)["deposit"]
    assert deposit == {
        "at": "2026-12-04 14:03:22",
        "name": "이하온",
        "amount": 61000,
    }  # 신한: its own time column
    assert str(deposit_day(deposit["at"])) == "2026-12-04"


def test_the_same_bank_file_read_again_says_each_deposit_is_already_applied(db, tmp_path: Path) -> None:
    haeun, seojun = orders_like_the_testers(db)
    bank = tmp_path / "신한은행_입출금내역.csv"
    bank.write_bytes(SHINHAN_CSV.encode("cp949"))
    with db.read() as s:
        matches = match_deposits(s, read_bank_file(bank))
    with db.write() as s:
        confirm_deposits(s, [(m.order_id, m.deposit) for m in matches[:2] if m.order_id is not None], NOW)
        numbers = {o.id: o.number for o in s.scalars(select(Order))}
    with db.read() as s:
        again = match_deposits(s, read_bank_file(bank))
    assert [(m.kind, m.order_id, m.number) for m in again[:2]] == [
        (MatchKind.ALREADY_APPLIED, None, numbers[haeun]),
        (MatchKind.ALREADY_APPLIED, None, numbers[seojun]),
    ]
    assert again[2].kind is None


def test_an_unmatched_deposit_of_an_amount_open_orders_have_does_not_say_no_order_has_it(db) -> None:
    from app.deposits import Deposit

    haeun, _ = orders_like_the_testers(db)
    with db.write() as s:
        move_order(s, haeun, OrderState.PAID, now=NOW)
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "2026-12-05 09:00", "김철수", 61000)])
    assert match.kind is None and match.open_with_amount == 1


def test_a_deposit_recorded_before_the_history_named_it_is_still_recognised(db) -> None:
    """Orders paid from a bank file before this change carry the plain note "2026.11.29 11:40:55 김민지 42000"."""
    from app.deposits import Deposit

    minji_order, _ = waiting_orders(db)
    with db.write() as s:
        move_order(s, minji_order, OrderState.PAID, now=NOW, note="2026.11.29 10:12:01 김민지 42000")
        number = s.get(Order, minji_order).number  # type: ignore[union-attr]
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(6, "2026.11.29 10:12:01", "김민지", 42000)])
    assert (match.kind, match.number) == (MatchKind.ALREADY_APPLIED, number)


def two_orders_of_one_customer(db, *, third: int | None = None) -> list[int]:
    """김민지 awaits payment for a coat (90,000원 with shipping) and a shirt (42,000원); `third`: the
    total of a third order of hers, if any."""
    with db.write() as s:
        create_item(s, ItemDraft(name="울 코트", price_minor=87000, currency="KRW", retailer_id="COAT"))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        minji = make_contact(s, profile_name="김민지")
        lines = [LineInput("COAT", 1), LineInput("LINEN", 1)]
        if third is not None:
            create_item(
                s, ItemDraft(name="양말", price_minor=third - 3000, currency="KRW", retailer_id="SOCKS")
            )
            lines.append(LineInput("SOCKS", 1))
        ids = []
        for line in lines:
            order_id = create_order(
                s, contact_id=minji.id, lines=[line], source="chat", charges=Charges(3000), now=PLACED
            ).id
            move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
            ids.append(order_id)
        return ids


def test_one_transfer_for_two_orders_of_the_same_customer_pays_both_when_confirmed(db) -> None:
    from app.deposits import Deposit

    coat, shirt = two_orders_of_one_customer(db)
    deposit = Deposit(2, "2026-12-04 14:03:22", "김 민지", 132000)
    with db.read() as s:
        [match] = match_deposits(s, [deposit])
        numbers = [s.get(Order, i).number for i in (coat, shirt)]  # type: ignore[union-attr]
    assert match.kind == MatchKind.SEVERAL_ORDERS
    assert match.order_ids() == (coat, shirt)
    assert [number for _id, number in match.together] == numbers
    with db.write() as s:
        confirm_deposits(s, [(order_id, match.deposit) for order_id in match.order_ids()], NOW)
    with db.read() as s:
        orders = [s.get(Order, i) for i in (coat, shirt)]
        assert [o.state for o in orders] == ["paid", "paid"]  # type: ignore[union-attr]
        assert f'"orders": ["{numbers[0]}", "{numbers[1]}"]' in orders[1].events[-1].note  # type: ignore[union-attr]
        [again] = match_deposits(s, [deposit])
    assert (again.kind, again.number) == (MatchKind.ALREADY_APPLIED, ", ".join(numbers))


def test_a_transfer_that_several_sets_of_her_orders_add_up_to_is_only_a_suggestion(db) -> None:
    from app.deposits import Deposit

    # A third order of 42,000원: the coat with the shirt, or the coat with the socks.
    coat, shirt, socks = two_orders_of_one_customer(db, third=42000)
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "2026-12-04 14:03:22", "김민지", 132000)])
        numbers = {i: s.get(Order, i).number for i in (coat, shirt, socks)}  # type: ignore[union-attr]
    assert match.kind == MatchKind.SEVERAL_ORDERS_UNSURE
    assert match.order_ids() == ()  # nothing to tick: the owner decides which
    assert match.choices == ((numbers[coat], numbers[shirt]), (numbers[coat], numbers[socks]))


def test_orders_of_another_name_are_never_added_up(db) -> None:
    from app.deposits import Deposit

    two_orders_of_one_customer(db)
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "2026-12-04 14:03:22", "박서준", 132000)])
    assert match.kind is None


def an_order_the_deadline_cancelled(db, *, on_hand: int = 5) -> int:
    """Asked to pay on NOW, cancelled by its deadline four days later."""
    with db.write() as s:
        return make_order_the_deadline_cancelled(s, asked_at=NOW, on_hand=on_hand)


LATE = Deposit(2, "2026-12-04 09:12:00", "김민지", 42000)


def test_a_deposit_a_day_after_the_deadline_cancelled_the_order_is_offered_to_restore_it(db) -> None:
    from app.deposits import restore_for_deposit
    from app.stock import item_stock

    order_id = an_order_the_deadline_cancelled(db)
    with db.read() as s:
        [match] = match_deposits(s, [LATE], NOW + timedelta(days=5))
    assert (match.kind, match.order_id) == (MatchKind.AFTER_CANCEL, order_id)
    assert match.cancelled_at == NOW + timedelta(days=4)
    assert match.order_ids() == ()  # not ticked with the others: the owner chooses
    with db.write() as s:
        restore_for_deposit(s, order_id, LATE, NOW + timedelta(days=5))
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == "paid"
        assert '"restored": true' in order.events[-1].note
        level = item_stock(s, order.lines[0].item_id)  # type: ignore[arg-type]
        assert level is not None and (level.on_hand, level.reserved) == (4, 0)  # taken again
        [again] = match_deposits(s, [LATE], NOW + timedelta(days=5))
        assert (again.kind, again.number) == (MatchKind.RESTORED_PAID, order.number)


def test_restoring_a_cancelled_order_whose_last_piece_sold_meanwhile_is_refused_and_writes_nothing(
    db,
) -> None:
    from app.deposits import restore_for_deposit
    from app.stock import set_stock

    order_id = an_order_the_deadline_cancelled(db)
    with db.write() as s:
        set_stock(s, s.get(Order, order_id).lines[0].item_id, 0)  # type: ignore[arg-type, union-attr]
    with pytest.raises(OrderError) as err, db.write() as s:
        restore_for_deposit(s, order_id, LATE, NOW + timedelta(days=5))
    assert err.value.code is ErrorCode.ORDER_OUT_OF_STOCK
    assert err.value.param_values() == {"name": "린넨 셔츠", "wanted": 1, "available": 0}
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == "cancelled" and len(order.events) == 3


def test_a_late_deposit_left_for_a_refund_is_noted_on_the_cancelled_order(db) -> None:
    from app.deposits import REFUND_DUE, leave_for_refund

    order_id = an_order_the_deadline_cancelled(db)
    with db.write() as s:
        leave_for_refund(s, order_id, LATE, NOW + timedelta(days=5))
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == "cancelled"
        assert order.events[-1].kind == REFUND_DUE and '"amount": 42000' in order.events[-1].note
        [again] = match_deposits(s, [LATE], NOW + timedelta(days=5))
        assert (again.kind, again.number, again.order_ids()) == (MatchKind.REFUND_NOTED, order.number, ())


def test_only_an_order_the_deadline_cancelled_lately_is_offered_to_a_deposit(db) -> None:
    order_id = an_order_the_deadline_cancelled(db)
    with db.read() as s:
        [long_after] = match_deposits(s, [LATE], NOW + timedelta(days=30))
        [other_name] = match_deposits(s, [Deposit(2, "2026-12-04 09:12:00", "박서준", 42000)], NOW)
    assert long_after.kind is None and other_name.kind is None
    with db.write() as s:
        c = s.get(Order, order_id).contact_id  # type: ignore[union-attr]
        owners = create_order(
            s, contact_id=c, lines=[LineInput("LINEN", 1)], source="chat", charges=Charges(3000), now=PLACED
        )
        move_order(s, owners.id, OrderState.CANCELLED, now=NOW)  # the owner cancelled it: not a late payer's
        s.get(Order, order_id).state = "paid"  # type: ignore[union-attr]
    with db.read() as s:
        [match] = match_deposits(s, [LATE], NOW + timedelta(days=5))
    assert match.kind is None


def test_a_transfer_short_of_her_order_names_it_and_the_difference_but_offers_nothing_to_tick(db) -> None:
    """Walk: 이하은 sent 50,000원 for her 93,000원 order; the window said "no order has this amount"."""
    _minji, haeun = waiting_orders(db)
    deposits = [
        Deposit(2, "2026-12-05 11:02:10", "이하은", 50000),
        Deposit(3, "2026-12-05 11:09", "이하은", 99000),
    ]
    with db.read() as s:
        short, over = match_deposits(s, deposits)
        number = s.get(Order, haeun).number
    assert (short.kind, short.number, short.customer, short.expected) == (
        MatchKind.NAME_OTHER_AMOUNT,
        number,
        "이하은",
        93000,
    )
    assert short.order_ids() == () and over.order_ids() == ()
    assert (over.kind, over.expected) == (MatchKind.NAME_OTHER_AMOUNT, 93000)


def test_a_name_with_two_orders_waiting_and_neither_amount_is_left_to_the_owner(db) -> None:
    two_orders_of_one_customer(db)
    with db.read() as s:
        [match] = match_deposits(s, [Deposit(2, "2026-12-04 14:03:22", "김민지", 50000)])
    assert match.kind is None


def test_two_transfers_under_her_name_that_add_up_to_her_order_say_so(db) -> None:
    """Walk: 이하은 paid 93,000원 as 50,000원 in the morning and 43,000원 at noon; each row said only
    that it was short, and the owner added them up herself."""
    _minji, haeun = waiting_orders(db)
    deposits = [
        Deposit(2, "2026-12-05 11:02:10", "이하은", 50000),
        Deposit(3, "2026-12-05 11:40:03", "유진엄마", 7000),
        Deposit(4, "2026-12-05 12:10:44", "이하은", 43000),
    ]
    with db.read() as s:
        first, other, second = match_deposits(s, deposits)
    assert (first.kind, first.parts, second.kind, second.parts) == (
        MatchKind.NAME_OTHER_AMOUNT,
        2,
        MatchKind.NAME_OTHER_AMOUNT,
        2,
    )
    # Ticked together they pay her order, once; the file read again says both are applied to it.
    assert first.order_ids() == second.order_ids() == (haeun,) and other.kind is None
    with db.write() as s:
        assert confirm_deposits(s, [(haeun, first.deposit), (haeun, second.deposit)]) == [haeun]
    with db.read() as s:
        order = s.get(Order, haeun)
        assert order is not None and order.state == OrderState.PAID
        assert sum(1 for e in order.events if e.to_state == OrderState.PAID) == 1
        number = order.number
        again = match_deposits(s, deposits)
    assert [(m.kind, m.number) for m in again] == [
        (MatchKind.ALREADY_APPLIED, number),
        (None, ""),
        (MatchKind.ALREADY_APPLIED, number),
    ]


def test_two_customers_of_one_name_waiting_for_one_amount_are_not_guessed_between(db) -> None:
    """Two 김민지 (two phones) each await 42,000원; one transfer from "김민지" came. Matching it to the
    first would mark the wrong customer paid and tell her so: the owner picks, in the order's window."""
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        ids = []
        for phone in ("821055501234", "821099990000"):
            c = make_contact(s, profile_name="김민지", wa_id=phone)
            order = create_order(
                s,
                contact_id=c.id,
                lines=[LineInput("LINEN", 1)],
                source="chat",
                charges=Charges(3000),
                now=PLACED,
            )
            move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=NOW)
            ids.append((order.id, order.number))
    with db.read() as s:
        [one] = match_deposits(s, [Deposit(2, "2026-12-05 10:00", "김민지", 42000)])
        both = match_deposits(
            s,
            [
                Deposit(2, "2026-12-05 10:00", "김민지", 42000),
                Deposit(3, "2026-12-05 10:30", "김민지", 42000),
            ],
        )
    assert one.kind == MatchKind.SAME_NAME_UNSURE and one.order_ids() == ()
    assert one.choices == ((ids[0][1],), (ids[1][1],))
    # Two transfers for the two orders: whichever pays which, both are paid.
    assert [m.kind for m in both] == [MatchKind.NAME_AND_AMOUNT, MatchKind.NAME_AND_AMOUNT]
    assert {m.order_id for m in both} == {ids[0][0], ids[1][0]}


def test_a_transfer_the_owner_already_marked_paid_by_hand_is_named_not_called_unknown(db) -> None:
    """Walk: she saw 김민지's 42,000원 in her banking app and marked the order paid; the evening's
    bank file then said "이 금액의 주문이 없어요" of that very transfer."""
    minji, _haeun = waiting_orders(db)
    with db.write() as s:
        move_order(s, minji, OrderState.PAID, now=NOW)
        number = s.get(Order, minji).number
    with db.read() as s:
        [match, other] = match_deposits(
            s,
            [
                Deposit(2, "2026-11-29 10:12:01", "김민지", 42000),
                Deposit(3, "2026-11-29 10:13", "김민지", 42000),
            ],
            now=NOW,
        )
    assert (match.kind, match.number, match.order_ids()) == (MatchKind.MARKED_PAID, number, ())
    assert other.kind is None  # one order marked paid accounts for one transfer
    with db.read() as s:
        [late] = match_deposits(
            s, [Deposit(2, "2026-12-20 10:12", "김민지", 42000)], now=NOW + timedelta(days=20)
        )
    assert late.kind is None


def test_her_part_transfers_for_an_order_marked_paid_by_hand_are_named_not_called_unknown(db) -> None:
    """Walk: 이하은 paid 93,000원 in two transfers; the owner double-clicked the row and marked the order
    paid in its window; the same bank file read again said "이 금액의 주문이 없어요" of both."""
    _minji, haeun = waiting_orders(db)
    with db.write() as s:
        move_order(s, haeun, OrderState.PAID, now=NOW)
        number = s.get(Order, haeun).number
    parts = [
        Deposit(2, "2026-11-29 11:02:10", "이하은", 50000),
        Deposit(3, "2026-11-29 12:10:44", "이하은", 43000),
    ]
    with db.read() as s:
        first, second = match_deposits(s, parts, now=NOW)
        [alone] = match_deposits(s, parts[:1], now=NOW)
    assert [(m.kind, m.number, m.order_ids()) for m in (first, second)] == [
        (MatchKind.MARKED_PAID, number, ()),
        (MatchKind.MARKED_PAID, number, ()),
    ]
    assert alone.kind is None  # one part alone does not make her order


def test_a_deposit_is_read_in_the_minor_unit_of_the_shops_currency() -> None:
    """A British bank writes £42.50 and money out below zero; a Korean one whole won."""
    from app.deposits import _amount

    assert _amount("42.50", "GBP") == 4250
    assert _amount("£1,042.50", "GBP") == 104250
    assert _amount("$7", "USD") == 700
    assert _amount("-12.00", "GBP") == 0 and _amount("(12.00)", "GBP") == 0
    assert _amount("42,000원", "KRW") == 42000 and _amount("42000.00", "KRW") == 42000
    assert _amount("42000.5", "KRW") == 0  # no 전 in a won account: not an amount
