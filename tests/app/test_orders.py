"""Orders: numbers per year, totals in minor units, the state machine, stock, labels, and bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.automations_store import AutomationsStore
from app.catalog import ItemDraft, create_item
from app.errors import ErrorCode, OrderError
from app.labels import add_label, rename_label
from app.models import Label, Order, OrderEvent, OrderLine, contact_label
from app.orders import (
    MAX_LINES,
    Charges,
    LineInput,
    OrderState,
    create_order,
    expire_unpaid,
    major_to_minor,
    move_order,
    order_numbers_in,
    tracking_doubt,
)
from app.stock import set_stock, stock_levels
from app.wire import Automations, BusinessHours
from tests.support.factories import make_contact

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
SEOUL = ZoneInfo("Asia/Seoul")


def shop_in_seoul(db) -> None:
    """The shop's business hours on Seoul's clock, whatever this computer's."""
    AutomationsStore(db).save(Automations(business_hours=BusinessHours(timezone="Asia/Seoul")))


def labels_of(s, contact_id: int) -> set[str]:
    return set(
        s.scalars(
            select(Label.name)
            .join(contact_label, contact_label.c.label_id == Label.id)
            .where(contact_label.c.contact_id == contact_id)
        )
    )


def shirt(s, code: str = "LINEN-IV-M", price: int = 29000) -> int:
    return create_item(
        s, ItemDraft(name="린넨 셔츠 아이보리 M", price_minor=price, currency="KRW", retailer_id=code)
    )


def count_orders(db) -> int:
    with db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Order)) or 0)


def test_orders_are_numbered_per_year_from_0001(db) -> None:
    with db.write() as s:
        shirt(s)
        c = make_contact(s)
        first = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat", now=NOW)
        second = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 2)], source="chat", now=NOW)
        next_year = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN-IV-M", 1)],
            source="chat",
            now=NOW + timedelta(days=40),
        )
        assert (first.number, second.number, next_year.number) == ("2026-0001", "2026-0002", "2027-0001")


def test_an_order_taken_on_new_years_morning_in_seoul_is_numbered_in_the_new_year(db) -> None:
    shop_in_seoul(db)
    new_years_eve = datetime(2026, 12, 31, 23, 50, tzinfo=SEOUL)
    new_years_morning = datetime(2027, 1, 1, 8, 30, tzinfo=SEOUL)  # still 2026 in UTC
    with db.write() as s:
        shirt(s)
        c = make_contact(s)
        lines = [LineInput("LINEN-IV-M", 1)]
        last = create_order(s, contact_id=c.id, lines=lines, source="chat", now=new_years_eve.astimezone(UTC))
        first = create_order(
            s, contact_id=c.id, lines=lines, source="chat", now=new_years_morning.astimezone(UTC)
        )
        assert (last.number, first.number) == ("2026-0001", "2027-0001")
        assert first.year == 2027


def test_a_chat_order_totals_items_shipping_remote_area_fee_and_discount_in_won(db) -> None:
    with db.write() as s:
        shirt(s)
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="김민지")
        order = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN-IV-M", 2, option="아이보리/M"), LineInput("BAG", 1)],
            source="chat",
            charges=Charges(shipping_minor=3000, surcharge_minor=5000, discount_minor=2000),
        )
        assert (order.subtotal_minor, order.total_minor) == (70000, 76000)
        assert order.customer_name == "김민지"
        assert [(line.name, line.option, line.quantity) for line in order.lines] == [
            ("린넨 셔츠 아이보리 M", "아이보리/M", 2),
            ("에코백", "", 1),
        ]
        assert labels_of(s, c.id) == {"New order"}


def test_cart_prices_convert_exactly_from_major_units() -> None:
    assert major_to_minor(12.1, "USD", line=1) == 1210  # 12.1 * 100 in float is 1209.9999…
    assert major_to_minor("0.29", "USD", line=1) == 29
    assert major_to_minor(29000, "KRW", line=1) == 29000
    assert major_to_minor("1.234", "BHD", line=1) == 1234
    for bad, currency in (("12.5", "KRW"), ("12.345", "USD"), ("12a", "KRW"), (-1, "KRW"), ("NaN", "USD")):
        with pytest.raises(OrderError) as err:
            major_to_minor(bad, currency, line=3)
        assert err.value.code is ErrorCode.ORDER_PRICE_INVALID
        assert err.value.param_values()["line"] == 3


@pytest.mark.parametrize(
    ("lines", "code"),
    [
        ([LineInput("LINEN-IV-M", -1)], ErrorCode.ORDER_QUANTITY_INVALID),
        ([LineInput("LINEN-IV-M", "두 개")], ErrorCode.ORDER_QUANTITY_INVALID),
        ([LineInput("LINEN-IV-M", 1, price="29,000원")], ErrorCode.ORDER_PRICE_INVALID),
        ([LineInput("LINEN-IV-M", 1)] * (MAX_LINES * 50), ErrorCode.ORDER_TOO_MANY_LINES),
        ([], ErrorCode.ORDER_EMPTY),
        (
            [LineInput("LINEN-IV-M", 1), LineInput("X", 1, price=3, currency="USD")],
            ErrorCode.ORDER_CURRENCY_MIXED,
        ),
    ],
    ids=[
        "negative quantity",
        "quantity in words",
        "price with letters",
        "10,000 lines",
        "empty",
        "two currencies",
    ],
)
def test_bad_orders_get_a_clear_code_and_save_nothing(db, lines: list[LineInput], code: ErrorCode) -> None:
    with db.write() as s:
        shirt(s)
        contact_id = make_contact(s).id
    with pytest.raises(OrderError) as err, db.write() as s:
        create_order(s, contact_id=contact_id, lines=lines, source="chat")
    assert err.value.code is code
    assert count_orders(db) == 0
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(OrderLine)) == 0
        assert labels_of(s, contact_id) == set()


def test_a_discount_larger_than_the_order_is_refused(db) -> None:
    with db.write() as s:
        shirt(s)
        contact_id = make_contact(s).id
    with pytest.raises(OrderError) as err, db.write() as s:
        create_order(
            s,
            contact_id=contact_id,
            lines=[LineInput("LINEN-IV-M", 1)],
            source="chat",
            charges=Charges(discount_minor=50000),
        )
    assert err.value.code is ErrorCode.ORDER_DISCOUNT_OVER_TOTAL  # not "0 or more": it is too large
    assert err.value.param_values() == {"discount_minor": 50000, "before_minor": 29000, "currency": "KRW"}
    assert count_orders(db) == 0


def test_an_order_walks_to_done_with_its_history_and_the_chat_label_follows(db) -> None:
    shop_in_seoul(db)
    with db.write() as s:
        shirt(s)
        c = make_contact(s, profile_name="이서준")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat").id
    expected = {
        OrderState.AWAITING_PAYMENT: {"Pending payment"},
        OrderState.PAID: {"Paid"},
        OrderState.SHIPPED: {"Shipped"},
        OrderState.DONE: {"Order complete"},
    }
    for step, (state, labels) in enumerate(expected.items()):
        with db.write() as s:
            order = move_order(
                s,
                order_id,
                state,
                now=NOW + timedelta(hours=step),
                courier="CJ대한통운",
                tracking="6543 2109 8765",
            )
            assert labels_of(s, c.id) == labels, state
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        assert (order.depositor_name, order.tracking) == ("이서준", "654321098765")
        # NOW is 18:00 on 29 November in Seoul: due by the end of 2 December there.
        assert order.payment_due_at == datetime(2026, 12, 2, 23, 59, 59, tzinfo=SEOUL)
        history = s.scalars(
            select(OrderEvent).where(OrderEvent.order_id == order_id).order_by(OrderEvent.id)
        ).all()
        assert [(e.kind, e.from_state, e.to_state) for e in history] == [
            ("created", None, "new"),
            ("moved", "new", "awaiting_payment"),
            ("moved", "awaiting_payment", "paid"),
            ("moved", "paid", "shipped"),
            ("moved", "shipped", "done"),
        ]


def test_a_move_the_state_machine_does_not_allow_is_refused(db) -> None:
    with db.write() as s:
        shirt(s)
        c = make_contact(s)
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat").id
    with pytest.raises(OrderError) as err, db.write() as s:
        move_order(s, order_id, OrderState.SHIPPED)
    assert err.value.code is ErrorCode.ORDER_MOVE_REFUSED
    assert err.value.param_values() == {"number": "2026-0001", "from_state": "new", "to_state": "shipped"}


def test_the_most_urgent_open_order_labels_the_chat_and_a_cancelled_one_takes_its_label_off(db) -> None:
    with db.write() as s:
        shirt(s)
        c = make_contact(s)
        first = create_order(
            s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat", now=NOW
        ).id
        second = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN-IV-M", 1)],
            source="chat",
            now=NOW + timedelta(minutes=1),
        ).id
        move_order(s, first, OrderState.AWAITING_PAYMENT)
        assert labels_of(s, c.id) == {"Pending payment"}  # beats the newer order's "New order"
        move_order(s, first, OrderState.CANCELLED)
        assert labels_of(s, c.id) == {"New order"}
        move_order(s, second, OrderState.CANCELLED)
        assert labels_of(s, c.id) == set()


def test_reservation_keeps_two_customers_from_both_paying_for_the_last_shirt(db) -> None:
    with db.write() as s:
        item_id = shirt(s)
        set_stock(s, item_id, 1, option="아이보리/M")
        a, b = make_contact(s), make_contact(s)
        line = [LineInput("LINEN-IV-M", 1, option="아이보리/M")]
        first = create_order(s, contact_id=a.id, lines=line, source="chat").id
        second = create_order(s, contact_id=b.id, lines=line, source="chat").id
    with db.write() as s:
        move_order(s, first, OrderState.AWAITING_PAYMENT)
    with pytest.raises(OrderError) as err, db.write() as s:
        move_order(s, second, OrderState.AWAITING_PAYMENT)
    assert err.value.code is ErrorCode.ORDER_OUT_OF_STOCK
    assert err.value.param_values()["available"] == 0
    with db.read() as s:
        assert s.get(Order, second).state == "new"  # type: ignore[union-attr]
        assert labels_of(s, b.id) == {"New order"}
        [level] = stock_levels(s)
        assert (level.on_hand, level.reserved, level.sold_out) == (1, 1, True)
    with db.write() as s:
        move_order(s, first, OrderState.PAID)
        [level] = stock_levels(s)
        assert (level.on_hand, level.reserved) == (0, 0)
        move_order(s, first, OrderState.CANCELLED)  # refunded: the shirt is back on the shelf
        [level] = stock_levels(s)
        assert (level.on_hand, level.reserved) == (1, 0)
        move_order(s, second, OrderState.AWAITING_PAYMENT)


def test_the_payment_deadline_is_the_end_of_a_day_on_the_shops_clock(db) -> None:
    """Asked to pay at 00:32 on Friday 4 December (Seoul), the customer was told "12월 7일 (월)
    오전 12:32까지": a minute in the night, read as noon. It is the whole of Monday 7 December."""
    from app.orders import payment_deadline

    shop_in_seoul(db)
    with db.write() as s:
        shirt(s)
        c = make_contact(s)
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat").id
        asked = datetime(2026, 12, 4, 0, 32, tzinfo=SEOUL)
        order = move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=asked, payment_days=3)
        assert order.payment_due_at == datetime(2026, 12, 7, 23, 59, 59, tzinfo=SEOUL)
    # With no shop time zone set, the end of the day on this computer's clock.
    due = payment_deadline(asked, 3, None).astimezone()
    assert due.date() == asked.astimezone().date() + timedelta(days=3)
    assert (due.hour, due.minute, due.second) == (23, 59, 59)


def test_the_payment_deadline_cancels_the_order_and_releases_its_stock(db) -> None:
    shop_in_seoul(db)
    with db.write() as s:
        item_id = shirt(s)
        set_stock(s, item_id, 2)
        c = make_contact(s)
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 2)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
    with db.write() as s:
        # Due by the end of 2 December in Seoul (asked on 29 November, 18:00 there): not a minute before.
        assert expire_unpaid(s, NOW + timedelta(days=2)) == []
        assert expire_unpaid(s, datetime(2026, 12, 2, 23, 59, tzinfo=SEOUL)) == []
        assert expire_unpaid(s, datetime(2026, 12, 3, 0, 0, tzinfo=SEOUL)) == [order_id]
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.state == "cancelled"
        assert order.events[-1].kind == "expired"
        [level] = stock_levels(s)
        assert (level.on_hand, level.reserved) == (2, 0)
        assert labels_of(s, c.id) == set()


def test_a_payment_reminder_is_prepared_once_a_day_before_the_deadline(db) -> None:
    from app.orders import reminders_due

    shop_in_seoul(db)

    with db.write() as s:
        shirt(s)
        c = make_contact(s)
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat").id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)  # due by the end of 2 December
    with db.write() as s:
        assert reminders_due(s, NOW + timedelta(days=1)) == []  # two days left: not yet
        assert reminders_due(s, datetime(2026, 12, 2, 0, 30, tzinfo=SEOUL)) == [order_id]
        assert reminders_due(s, datetime(2026, 12, 2, 1, 30, tzinfo=SEOUL)) == []  # offered once
    with db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.events[-1].kind == "reminded"
        assert order.state == "awaiting_payment"


def test_an_item_whose_last_one_is_promised_is_out_of_stock_in_the_meta_feed(db) -> None:
    import csv
    import io

    from app.catalog_csv import export_feed

    with db.write() as s:
        item_id = shirt(s)
        set_stock(s, item_id, 1)
        c = make_contact(s)
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat").id

    def availability() -> str:
        with db.read() as s:
            rows = list(csv.DictReader(io.StringIO(export_feed(s).decode("utf-8-sig"))))
        return rows[0]["availability"]

    assert availability() == "in stock"
    with db.write() as s:
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    assert availability() == "out of stock"
    with db.write() as s:
        move_order(s, order_id, OrderState.CANCELLED)
    assert availability() == "in stock"


def test_orders_keep_labelling_chats_with_a_built_in_label_the_owner_renamed(db) -> None:
    with db.write() as s:
        shirt(s)
        c = make_contact(s, profile_name="이서준")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat").id
        shipped = s.scalar(select(Label).where(Label.name == "Shipped"))
        assert shipped is not None
        rename_label(s, shipped.id, "택배 발송")
        # A label of the owner's own called as a built-in label was: not the one orders use.
        add_label(s, "Paid later", "#000000")
    for step, state in enumerate((OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED)):
        with db.write() as s:
            move_order(
                s, order_id, state, now=NOW + timedelta(hours=step), courier="CJ대한통운", tracking="1"
            )
    with db.read() as s:
        assert labels_of(s, c.id) == {"택배 발송"}


def test_an_order_number_is_read_inside_a_customers_sentence_but_not_inside_a_phone_number() -> None:
    assert order_numbers_in("주문번호 2026-0008 배송 언제 오나요?") == ["2026-0008"]
    assert order_numbers_in("2026-0008이랑 2026-0010 둘 다요") == ["2026-0008", "2026-0010"]
    assert order_numbers_in("010-1234-5678로 연락 주세요") == []
    assert order_numbers_in("주문번호 20931 입니다") == []


def test_a_repeat_customers_new_order_goes_where_her_last_parcel_went(db) -> None:
    from app.shipping_sheets import ShippingAddress, set_shipping_address

    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="SHIRT"))
        minji, other = make_contact(s, profile_name="김민지"), make_contact(s, profile_name="박서준")
        first = create_order(s, contact_id=minji.id, lines=[LineInput("SHIRT", 1)], source="chat")
        where = ShippingAddress(
            "김민지", "010-5550-1234", "48094", "부산 해운대구 우동 1234", "101동 202호", "문 앞"
        )
        set_shipping_address(s, first.id, where)
        again = create_order(s, contact_id=minji.id, lines=[LineInput("SHIRT", 2)], source="cart")
        stranger = create_order(s, contact_id=other.id, lines=[LineInput("SHIRT", 1)], source="chat")
        assert (again.postcode, again.address, again.address_detail, again.delivery_memo) == (
            "48094",
            "부산 해운대구 우동 1234",
            "101동 202호",
            "문 앞",
        )
        assert (again.recipient_name, again.recipient_phone) == ("김민지", "010-5550-1234")
        assert (stranger.address, stranger.postcode) == ("", "")  # another customer's address never


@pytest.mark.parametrize(
    ("courier", "typed", "doubtful"),
    [
        ("CJ대한통운", "6543-2109-8765", False),  # 12 digits, as the courier prints them
        ("CJ대한통운", "654321098", True),  # a digit or three missing
        ("우체국택배", "6070 1234 5678 9", False),
        ("우체국택배", "010-1234-5678", True),  # the customer's phone number pasted
        ("로젠택배", "2026-0007", True),  # the order number
        ("한진택배", "12345678901a", True),
        ("UPS", "1Z999AA10123456784", False),  # a courier the app does not know: taken as typed
        ("CJ대한통운", "", False),  # shipped without one (added later)
    ],
)
def test_a_tracking_number_unlike_its_couriers_is_doubted(courier: str, typed: str, doubtful: bool) -> None:
    doubt = tracking_doubt(courier, typed)
    assert (doubt is not None) == doubtful
    if doubt is not None:
        assert doubt.courier == courier and doubt.lengths


def test_a_known_couriers_number_is_stored_without_its_dashes(db) -> None:
    with db.write() as s:
        shirt(s)
        contact_id = make_contact(s).id
        order_id = create_order(
            s, contact_id=contact_id, lines=[LineInput("LINEN-IV-M", 1)], source="chat"
        ).id
        for state in (OrderState.AWAITING_PAYMENT, OrderState.PAID):
            move_order(s, order_id, state)
        move_order(s, order_id, OrderState.SHIPPED, courier="CJ대한통운", tracking="6543-2109-8765")
        assert s.get(Order, order_id).tracking == "654321098765"


def test_the_board_finds_an_order_by_its_tracking_number_as_the_label_prints_it(db) -> None:
    """A customer asks about "6543-2109-8765", as CJ's label prints it: the board's search found
    nothing, the number being stored without its dashes."""
    from app.order_queries import OrderFilter, order_summaries

    with db.write() as s:
        shirt(s)
        order_id = create_order(
            s, contact_id=make_contact(s).id, lines=[LineInput("LINEN-IV-M", 1)], source="chat"
        ).id
        move_order(s, order_id, OrderState.PAID)
        move_order(s, order_id, OrderState.SHIPPED, courier="CJ대한통운", tracking="654321098765")
    with db.read() as s:
        for typed in ("6543-2109-8765", "6543 2109 8765", "2109-8765", "654321098765"):
            assert [o.id for o in order_summaries(s, OrderFilter(text=typed))] == [order_id], typed


def test_the_form_finds_the_count_an_order_wants_more_of_than_is_left_as_asking_for_payment_would() -> None:
    from app.errors import StockParams
    from app.orders import CleanLine
    from app.stock import first_shortage

    def line(option: str, quantity: int, item_id: int | None = 1) -> CleanLine:
        return CleanLine(item_id, "LINEN", "린넨 셔츠", option, quantity, 39000, "KRW")

    left = {(1, ""): 5, (1, "아이보리/M"): 2}
    assert first_shortage(left, [line("아이보리/M", 2), line("", 5), line("", 9, item_id=None)]) is None
    # An option nobody counts draws on the item's own count, together with the plain line.
    assert first_shortage(left, [line("블랙/L", 3), line("", 3)]) == StockParams("린넨 셔츠 블랙/L", 6, 5)
    assert first_shortage(left, [line("아이보리/M", 3)]) == StockParams("린넨 셔츠 아이보리/M", 3, 2)
    assert first_shortage({(1, ""): -1}, [line("", 1)]) == StockParams("린넨 셔츠", 1, 0)


def test_cancelling_a_new_order_leaves_the_order_complete_label_an_older_order_earned(db) -> None:
    """강다은's 2026-0008 was done; her 2026-0009 asked for payment, then was cancelled."""
    with db.write() as s:
        shirt(s)
        c = make_contact(s, profile_name="강다은")
        done = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat", now=NOW).id
        for state in (OrderState.PAID, OrderState.SHIPPED, OrderState.DONE):
            move_order(s, done, state)
        assert labels_of(s, c.id) == {"Order complete"}
        newer = create_order(
            s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat", now=NOW + timedelta(days=1)
        ).id
        move_order(s, newer, OrderState.AWAITING_PAYMENT)
        assert labels_of(s, c.id) == {"Pending payment"}
        move_order(s, newer, OrderState.CANCELLED)
        assert labels_of(s, c.id) == {"Order complete"}


def test_a_tracking_number_excel_turned_into_scientific_notation_is_doubted_for_any_courier() -> None:
    doubt = tracking_doubt("CJ대한통운", "6.86501E+11")
    assert doubt is not None and doubt.excel and doubt.lengths == (10, 12)
    unknown = tracking_doubt("동네택배", "6.86501e+11")
    assert unknown is not None and unknown.excel and unknown.lengths == ()
    assert tracking_doubt("CJ대한통운", "686501234567") is None


def test_the_board_finds_a_gift_by_its_recipients_name_or_phone(db) -> None:
    """The parcel's recipient (not the customer) called about it: the board found neither her name
    nor her number."""
    from app.order_queries import OrderFilter, order_summaries
    from app.shipping_sheets import ShippingAddress, set_shipping_address

    with db.write() as s:
        shirt(s)
        c = make_contact(s, profile_name="김민지", wa_id="821055501234")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat").id
        where = ShippingAddress("박지호", "010-4444-5555", "04799", "서울 성동구 성수이로 1")
        set_shipping_address(s, order_id, where)
    with db.read() as s:
        for typed in ("박지호", "010-4444-5555", "01044445555", "4444-5555"):
            assert [o.id for o in order_summaries(s, OrderFilter(text=typed))] == [order_id], typed


def test_the_board_finds_an_order_by_its_number_however_the_owner_types_it(db) -> None:
    """The packing slip prints 2026-0003; the owner typed "20260003" and the board found nothing."""
    from app.order_queries import OrderFilter, order_summaries

    with db.write() as s:
        shirt(s)
        c = make_contact(s, profile_name="최유진", wa_id="821033304567")
        ids = [
            create_order(s, contact_id=c.id, lines=[LineInput("LINEN-IV-M", 1)], source="chat", now=NOW).id
            for _ in range(3)
        ]
        assert s.get(Order, ids[2]).number == "2026-0003"
    with db.read() as s:
        for typed in (
            "2026-0003",
            "20260003",
            "2026 0003",
            " 2026 - 0003 ",
            "2026-3",
            "#2026-0003",
            "２０２６－０００３",
        ):
            assert [o.id for o in order_summaries(s, OrderFilter(text=typed))] == [ids[2]], typed
        assert [o.id for o in order_summaries(s, OrderFilter(text="2026-0004"))] == []
        # Her phone number as she gives it, with or without its dashes: all her orders.
        for typed in ("010-3330-4567", "01033304567", "010 3330 4567", "+82 10-3330-4567", "3330-4567"):
            assert sorted(o.id for o in order_summaries(s, OrderFilter(text=typed))) == ids, typed


def test_a_boards_card_names_each_lines_option_as_the_courier_sheet_does(db) -> None:
    """Walk: the blouse set to "S" read "린넨 블라우스 화이트 ×1" on the board, the size only in its window."""
    from app.catalog import ItemDraft, create_item
    from app.order_queries import order_summaries
    from app.orders import LineInput, create_order
    from tests.support.factories import make_contact

    with db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 블라우스 화이트", price_minor=42000, currency="KRW", retailer_id="BL")
        )
        create_item(
            s, ItemDraft(name="진주 드롭 귀걸이", price_minor=15000, currency="KRW", retailer_id="EAR")
        )
        c = make_contact(s, profile_name="최유진")
        lines = [LineInput("BL", 1, option="S"), LineInput("EAR", 2)]
        create_order(s, contact_id=c.id, lines=lines, source="cart")
    with db.read() as s:
        [card] = order_summaries(s)
    assert card.items == (("린넨 블라우스 화이트 S", 1), ("진주 드롭 귀걸이", 2))


def test_the_board_finds_an_order_by_a_name_with_umlauts_in_any_case(db) -> None:
    """WhatsApp names come in capitals too: 'müller' finds the order of "JÜRGEN MÜLLER"."""
    from app.order_queries import OrderFilter, order_summaries

    with db.write() as s:
        shirt(s)
        contact_id = make_contact(s, wa_id="491712345678", profile_name="JÜRGEN MÜLLER").id
        order_id = create_order(
            s, contact_id=contact_id, lines=[LineInput("LINEN-IV-M", 1)], source="chat"
        ).id
    with db.read() as s:
        for typed in ("müller", "Jürgen Müller", "JÜRGEN"):
            assert [o.id for o in order_summaries(s, OrderFilter(text=typed))] == [order_id], typed
