"""After the parcel has left: a return puts stock back only once the goods are back, refunds what she
paid for them, and an exchange makes a new order linked to the first, asking only the difference."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.catalog import ItemDraft, create_item
from app.errors import ErrorCode, OrderError
from app.models import Contact, Label, contact_label
from app.order_actions import load_order, returnable, save_goods_arrived, save_return
from app.order_messages import prepare_message
from app.order_queries import order_detail, order_statuses
from app.order_returns import EXCHANGE_FOR, RETURNED, ReturnLine, ReturnRequest, return_facts
from app.order_settings import OrderSettings
from app.orders import Charges, LineInput, OrderState, create_order, move_order
from app.stock import set_stock, stock_levels
from tests.support.factories import make_contact

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def shipped_order(db, *, discount: int = 0, shipping: int = 3000) -> tuple[int, int, dict[str, int]]:
    """김민지 bought 2 린넨 셔츠 (29,000원) and 1 에코백 (12,000원), both counted in stock; shipped."""
    with db.write() as s:
        items = {
            code: create_item(s, ItemDraft(name=name, price_minor=price, currency="KRW", retailer_id=code))
            for code, name, price in (
                ("LINEN", "린넨 셔츠", 29000),
                ("BAG", "에코백", 12000),
                ("SILK", "실크 셔츠", 41000),
            )
        }
        for item_id in items.values():
            set_stock(s, item_id, 10)
        c = make_contact(s, profile_name="김민지")
        order_id = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN", 2), LineInput("BAG", 1)],
            source="chat",
            charges=Charges(shipping_minor=shipping, discount_minor=discount),
        ).id
        for state in (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, courier="CJ대한통운", tracking="654321098765")
        return order_id, c.id, items


def on_hand(db, item_id: int) -> int:
    with db.read() as s:
        return next(level.on_hand for level in stock_levels(s, [item_id]))


def labels(db, contact_id: int) -> set[str]:
    with db.read() as s:
        rows = s.execute(
            Label.__table__.select()
            .with_only_columns(Label.builtin)
            .join_from(Label.__table__, contact_label, contact_label.c.label_id == Label.id)
            .where(contact_label.c.contact_id == contact_id)
        )
        return {r[0] for r in rows}


def korean_message(db, order_id: int):
    with db.read() as s:
        detail = order_detail(s, order_id)
    return prepare_message(
        detail,
        OrderSettings(),
        language="ko",
        locale="ko_KR",
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=1),
        now=NOW,
        returned=True,
    )


def test_a_returned_shirt_not_yet_back_refunds_its_price_and_its_stock_comes_back_only_when_it_arrives(
    db,
) -> None:
    order_id, contact_id, items = shipped_order(db)
    assert on_hand(db, items["LINEN"]) == 8
    detail, changes, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 1),), reason="사이즈가 작아요", goods_back=False)
    )
    assert outcome.refund_minor == 29000  # what she paid for one shirt
    assert order_id in changes.orders and contact_id in changes.contacts
    assert on_hand(db, items["LINEN"]) == 8  # not back on the shelf until the parcel arrives
    assert detail.state == OrderState.DONE  # her parcel reached her
    facts = return_facts(detail.events[-1].note)
    assert detail.events[-1].kind == RETURNED
    assert facts["lines"] == [[0, 1, "린넨 셔츠", ""]] and facts["reason"] == "사이즈가 작아요"
    assert returnable(db, order_id).waiting == 1
    detail, _changes = save_goods_arrived(db, order_id)
    assert on_hand(db, items["LINEN"]) == 9
    assert detail.events[-1].kind == "goods_back" and return_facts(detail.events[-2].note)["goods_back"]
    with pytest.raises(OrderError) as err:
        save_goods_arrived(db, order_id)
    assert err.value.code is ErrorCode.ORDER_RETURN_NONE_WAITING
    assert labels(db, contact_id) == {"Order complete"}


def test_the_return_message_carries_the_same_refund_line_as_a_paid_orders_cancel(db) -> None:
    order_id, _contact_id, _items = shipped_order(db)
    save_return(db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True, refund_minor=9000))
    message = korean_message(db, order_id)
    assert message is not None and message.state == "returned"
    assert message.text == (
        "김민지님, 주문번호 " + load_order(db, order_id).number + " 반품이 접수되었습니다.\n"
        "입금해 주신 9,000원은 환불해 드리겠습니다. 환불받으실 계좌를 알려 주세요."
    )


def test_everything_returned_cancels_the_order_refunds_the_whole_payment_and_the_bot_hears_it(db) -> None:
    order_id, contact_id, items = shipped_order(db, discount=5000)
    start = returnable(db, order_id)
    assert start.refundable_minor == 29000 * 2 + 12000 + 3000 - 5000
    detail, _changes, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 2), ReturnLine(1, 1)), goods_back=True)
    )
    assert outcome.refund_minor == 68000  # all she paid, shipping too, the discount off
    assert detail.state == OrderState.CANCELLED
    assert (detail.events[-1].from_state, detail.events[-1].to_state) == ("shipped", "cancelled")
    assert (on_hand(db, items["LINEN"]), on_hand(db, items["BAG"])) == (10, 10)
    assert labels(db, contact_id) == set()  # no open order, none completed
    with db.read() as s:
        assert [(st.number, st.state) for st in order_statuses(s, contact_id)] == [
            (detail.number, "cancelled")
        ]
    with pytest.raises(OrderError) as err:
        returnable(db, order_id)
    assert err.value.code is ErrorCode.ORDER_RETURN_REFUSED


def test_a_refund_over_what_she_paid_or_more_pieces_than_she_has_is_refused_and_nothing_is_written(
    db,
) -> None:
    order_id, _contact_id, items = shipped_order(db)
    for request, code in (
        (ReturnRequest((ReturnLine(0, 3),), goods_back=True), ErrorCode.ORDER_RETURN_QUANTITY),
        (
            ReturnRequest((ReturnLine(0, 1),), goods_back=True, refund_minor=10**6),
            ErrorCode.ORDER_REFUND_TOO_MUCH,
        ),
        (ReturnRequest(()), ErrorCode.ORDER_RETURN_QUANTITY),
    ):
        with pytest.raises(OrderError) as err:
            save_return(db, order_id, request)
        assert err.value.code is code
    detail = load_order(db, order_id)
    assert detail.state == OrderState.SHIPPED and detail.events[-1].kind != RETURNED
    assert on_hand(db, items["LINEN"]) == 8


def test_a_done_order_takes_a_return_for_a_month_and_not_after(db) -> None:
    order_id, _contact_id, _items = shipped_order(db)
    with db.write() as s:
        move_order(s, order_id, OrderState.DONE, now=datetime.now(UTC) - timedelta(days=31))
    with pytest.raises(OrderError) as err:
        returnable(db, order_id)
    assert err.value.code is ErrorCode.ORDER_RETURN_TOO_LATE


def test_an_exchange_for_the_same_price_makes_a_paid_linked_order_and_asks_no_payment(db) -> None:
    order_id, contact_id, items = shipped_order(db)
    request = ReturnRequest(
        (ReturnLine(0, 1),),
        reason="M으로 교환",
        goods_back=False,
        exchange=(LineInput("LINEN", 1, option="M"),),
    )
    detail, changes, outcome = save_return(db, order_id, request)
    assert outcome.exchange_id is not None and outcome.exchange_id in changes.orders
    assert (outcome.refund_minor, outcome.due_minor) == (0, 0)
    new = load_order(db, outcome.exchange_id)
    # Her first order's payment pays it: carried as paid, never as a discount (the books' 할인).
    assert new.state == OrderState.PAID and new.due_minor == 0 and new.discount_minor == 0
    assert (new.total_minor, new.carried_minor, new.carried_from) == (29000, 29000, detail.number)
    assert [(line.name, line.option, line.quantity) for line in new.lines] == [("린넨 셔츠", "M", 1)]
    assert new.events[1].kind == EXCHANGE_FOR and detail.number in new.events[1].note
    assert return_facts(detail.events[-1].note)["exchange"]["number"] == new.number
    assert (
        on_hand(db, items["LINEN"]) == 7
    )  # the replacement left the shelf; the returned one is not back yet
    assert labels(db, contact_id) == {"Paid"}  # the exchange order is the open one now
    message = korean_message(db, order_id)
    assert (
        message is not None and f"새 주문번호 {new.number}로" in message.text and "환불" not in message.text
    )


def test_a_dearer_exchange_asks_the_difference_and_a_cheaper_one_refunds_it(db) -> None:
    order_id, _contact_id, _items = shipped_order(db)
    _detail, _changes, dearer = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 1),), goods_back=True, exchange=(LineInput("SILK", 1),))
    )
    new = load_order(db, dearer.exchange_id)  # type: ignore[arg-type]
    assert (new.state, new.due_minor, dearer.due_minor) == (OrderState.NEW, 12000, 12000)
    assert (new.total_minor, new.carried_minor, new.discount_minor) == (41000, 29000, 0)
    message = korean_message(db, order_id)
    assert message is not None and "차액 12,000원의 입금 안내는 따로 보내드리겠습니다." in message.text

    _detail, _changes, cheaper = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 1),), goods_back=True, exchange=(LineInput("BAG", 1),))
    )
    assert (cheaper.refund_minor, cheaper.due_minor) == (17000, 0)
    assert load_order(db, cheaper.exchange_id).state == OrderState.PAID  # type: ignore[arg-type]
    message = korean_message(db, order_id)
    assert message is not None and "입금해 주신 17,000원은 환불해 드리겠습니다." in message.text


def test_a_paid_order_cannot_be_returned_it_is_cancelled(db) -> None:
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s)
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
        move_order(s, order_id, OrderState.PAID)
        assert s.get(Contact, c.id) is not None
    with pytest.raises(OrderError) as err:
        returnable(db, order_id)
    assert err.value.code is ErrorCode.ORDER_RETURN_REFUSED


def test_after_24_hours_the_return_message_cannot_go_but_still_shows_the_refund_to_say_by_phone(db) -> None:
    order_id, _contact_id, _items = shipped_order(db)
    save_return(db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True))
    with db.read() as s:
        detail = order_detail(s, order_id)
    message = prepare_message(
        detail,
        OrderSettings(),
        language="ko",
        locale="ko_KR",
        deadline_text="",
        last_inbound_at=NOW - timedelta(days=3),
        now=NOW,
        returned=True,
    )
    assert message is not None and not message.sendable and message.template_missing
    assert message.text.endswith("입금해 주신 12,000원은 환불해 드리겠습니다. 환불받으실 계좌를 알려 주세요.")


def test_the_accounting_sheet_says_what_a_return_refunded_beside_the_orders_total(db, tmp_path) -> None:
    from openpyxl import load_workbook

    from app.shipping_sheets import ORDER_COLUMNS, orders_sheet

    order_id, _contact_id, _items = shipped_order(db)
    save_return(db, order_id, ReturnRequest((ReturnLine(0, 1),), goods_back=True))
    save_return(db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True, refund_minor=10000))
    path = tmp_path / "orders.xlsx"
    with db.read() as s:
        path.write_bytes(orders_sheet(s, fmt="xlsx"))
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    refund = ORDER_COLUMNS.index("환불")
    assert ORDER_COLUMNS[refund - 1] == "합계"
    assert [r[refund] for r in rows[1:]] == [39000, None]  # once, on the order's first line


def test_the_relays_bot_hears_the_returned_order_cancelled_and_the_exchange_order_paid(db, relay) -> None:
    """What OrderActions pushes after a return (POST /v1/orders/status), read back from the real relay."""
    import httpx

    from app.order_actions import statuses_for
    from app.relay_client import RelayClient

    order_id, contact_id, _items = shipped_order(db)
    _d, _c, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True, exchange=(LineInput("BAG", 1),))
    )
    save_return(db, order_id, ReturnRequest((ReturnLine(0, 2),), goods_back=True))
    with RelayClient(relay.url, relay.token) as client:
        client.push_order_statuses(statuses_for(db, contact_id))
    with db.read() as s:
        wa_id = s.get(Contact, contact_id).wa_id  # type: ignore[union-attr]
    response = httpx.get(f"{relay.url}/v1/orders/status", params={"wa_id": wa_id}, headers=relay.auth())
    states = {o["number"]: o["state"] for o in response.json()["orders"]}
    assert states == {
        load_order(db, order_id).number: "done",  # an exchange keeps the first order: its goods went out
        outcome.exchange_number: "paid",
    }


def test_what_an_exchange_carried_to_its_new_order_is_never_refunded_again(db) -> None:
    order_id, _contact_id, _items = shipped_order(db)
    save_return(
        db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True, exchange=(LineInput("BAG", 1),))
    )
    assert (
        returnable(db, order_id).refundable_minor == 58000 + 3000
    )  # the bag's 12,000원 went to the new order
    _d, _c, rest = save_return(db, order_id, ReturnRequest((ReturnLine(0, 2),), goods_back=True))
    assert rest.refund_minor == 61000


def test_after_24_hours_a_whole_return_goes_as_the_paid_orders_refund_template_a_partial_one_does_not(
    db,
) -> None:
    """The same way a paid order's cancel tells of its refund outside the window (the refund template,
    {{3}} the amount), with what the return refunds; a partial return leaves the order standing, so a
    template that says "cancelled" is never sent for it."""
    from tests.app.test_order_messages import REFUND_TEMPLATE

    settings = OrderSettings(templates={"cancelled_refund": "order_refund"})

    def after_a_day(order_id: int):
        with db.read() as s:
            detail = order_detail(s, order_id)
        return prepare_message(
            detail,
            settings,
            language="ko",
            locale="ko_KR",
            deadline_text="",
            last_inbound_at=NOW - timedelta(hours=30),
            now=NOW,
            templates=[REFUND_TEMPLATE],
            returned=True,
        )

    order_id, _contact_id, _items = shipped_order(db)
    save_return(db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True))
    partial = after_a_day(order_id)
    assert partial is not None and partial.template is None and not partial.sendable
    save_return(db, order_id, ReturnRequest((ReturnLine(0, 2),), goods_back=True, refund_minor=55000))
    whole = after_a_day(order_id)
    number = load_order(db, order_id).number
    assert whole is not None and whole.sendable and whole.template == REFUND_TEMPLATE
    assert whole.template_params == ("김민지", number, "55,000원")


def cancel_message(db, order_id: int, *, hours_ago: float = 1):
    with db.read() as s:
        detail = order_detail(s, order_id)
    return prepare_message(
        detail,
        OrderSettings(),
        language="ko",
        locale="ko_KR",
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=hours_ago),
        now=NOW,
    )


def test_cancelling_a_free_exchange_order_refunds_the_money_carried_to_it_once_in_both_histories(
    db, tmp_path
) -> None:
    from openpyxl import load_workbook

    from app.order_actions import cancel_refund, move_order_to
    from app.order_returns import CARRIED_BACK
    from app.shipping_sheets import ORDER_COLUMNS, orders_sheet

    order_id, _contact_id, items = shipped_order(db)
    _d, _c, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True, exchange=(LineInput("BAG", 1),))
    )
    new_id = outcome.exchange_id
    first_number = load_order(db, order_id).number
    assert new_id is not None and load_order(db, new_id).due_minor == 0
    assert cancel_refund(db, new_id) == (12000, first_number)  # the bag she paid for in the first order
    detail, changes = move_order_to(db, new_id, OrderState.CANCELLED, courier=None, tracking=None)
    assert changes.orders == {order_id, new_id}  # the first order's window hears of it too
    assert detail.state == OrderState.CANCELLED and on_hand(db, items["BAG"]) == 10
    back = [return_facts(e.note) for e in detail.events if e.kind == CARRIED_BACK]
    assert [(f["refund"], f["side"], f["id"]) for f in back] == [(12000, "exchange", order_id)]
    first = load_order(db, order_id)
    back = [return_facts(e.note) for e in first.events if e.kind == CARRIED_BACK]
    assert [(f["refund"], f["side"], f["number"]) for f in back] == [(12000, "original", detail.number)]
    message = cancel_message(db, new_id)
    assert message is not None and message.text.endswith(
        "입금해 주신 12,000원은 환불해 드리겠습니다. 환불받으실 계좌를 알려 주세요."
    )
    # Never twice: the first order's returns still count the bag's money as spent.
    assert returnable(db, order_id).refundable_minor == 58000 + 3000
    _d, _c, rest = save_return(db, order_id, ReturnRequest((ReturnLine(0, 2),), goods_back=True))
    assert rest.refund_minor == 61000
    assert cancel_refund(db, new_id) == (0, "")  # cancelled: nothing more is owed by it
    # The books: the first order refunded all she paid (61,000 + 12,000), the new order nothing.
    path = tmp_path / "orders.xlsx"
    with db.read() as s:
        path.write_bytes(orders_sheet(s, fmt="xlsx"))
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    refund, number = ORDER_COLUMNS.index("환불"), ORDER_COLUMNS.index("주문번호")
    refunds = {r[number]: r[refund] for r in rows[1:] if r[refund]}
    assert refunds == {first.number: 73000}


def test_cancelling_a_dearer_exchange_order_refunds_the_carried_money_and_what_was_paid_for_it(db) -> None:
    from app.order_actions import cancel_refund, move_order_to

    order_id, _contact_id, _items = shipped_order(db)
    _d, _c, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 1),), goods_back=True, exchange=(LineInput("SILK", 1),))
    )
    new_id = outcome.exchange_id
    assert new_id is not None
    first_number = load_order(db, order_id).number
    assert cancel_refund(db, new_id) == (
        29000,
        first_number,
    )  # the difference not paid yet: only the shirt's money
    with db.write() as s:
        move_order(s, new_id, OrderState.PAID)  # she paid the 12,000원 difference
    assert cancel_refund(db, new_id) == (41000, first_number)
    move_order_to(db, new_id, OrderState.CANCELLED, courier=None, tracking=None)
    message = cancel_message(db, new_id)
    assert message is not None and "입금해 주신 41,000원은 환불해 드리겠습니다." in message.text


def test_an_unpaid_exchange_order_cancelled_outside_the_24_hours_says_the_carried_refund_is_left_out(
    db,
) -> None:
    from app.order_actions import move_order_to

    order_id, _contact_id, _items = shipped_order(db)
    _d, _c, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 1),), goods_back=True, exchange=(LineInput("SILK", 1),))
    )
    assert outcome.exchange_id is not None
    move_order_to(db, outcome.exchange_id, OrderState.CANCELLED, courier=None, tracking=None)
    message = cancel_message(db, outcome.exchange_id, hours_ago=48)
    assert message is not None and message.refund_left_out and message.refund == "29,000원"


def test_an_exchange_order_cancelled_by_its_deadline_then_paid_after_all_takes_back_the_carried_refund(
    db,
) -> None:
    from app.orders import restore_paid

    order_id, _contact_id, _items = shipped_order(db)
    _d, _c, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 1),), goods_back=True, exchange=(LineInput("SILK", 1),))
    )
    new_id = outcome.exchange_id
    assert new_id is not None
    with db.write() as s:
        move_order(s, new_id, OrderState.AWAITING_PAYMENT)
        move_order(s, new_id, OrderState.CANCELLED, kind="expired")  # the deadline passed
    first_number = load_order(db, order_id).number
    with db.write() as s:
        restore_paid(s, new_id)  # her 12,000원 came the next morning
    from app.order_actions import cancel_refund

    assert cancel_refund(db, new_id) == (12000 + 29000, first_number)  # the shirt's money pays again
    with db.read() as s:
        from app.order_returns import refunds_of

        assert refunds_of(s, [order_id, new_id]) == {}  # nothing refunded in the end


def test_returning_the_replacement_of_an_exchange_refunds_the_money_her_first_order_carried_to_it(db) -> None:
    from app.order_actions import cancel_refund

    order_id, _contact_id, items = shipped_order(db)
    _d, _c, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(1, 1),), goods_back=True, exchange=(LineInput("BAG", 1),))
    )
    new_id = outcome.exchange_id
    assert new_id is not None
    with db.write() as s:
        move_order(s, new_id, OrderState.SHIPPED, courier="CJ대한통운", tracking="654321098766")
    start = returnable(db, new_id)
    assert start.refundable_minor == 12000  # the bag cost her nothing more, but her first payment paid it
    _d, _c, back = save_return(db, new_id, ReturnRequest((ReturnLine(0, 1),), goods_back=True))
    assert back.refund_minor == 12000
    assert load_order(db, new_id).state == OrderState.CANCELLED
    assert on_hand(db, items["BAG"]) == 10
    assert cancel_refund(db, new_id)[0] == 0
    # And the first order still never refunds the bag's money: once, by the replacement's return.
    assert returnable(db, order_id).refundable_minor == 61000


def test_exchanging_every_piece_for_another_size_refunds_nothing_not_the_shipping_that_carried_them(
    db,
) -> None:
    """Every piece of her order swapped for another size: the owner's default refund was the 3,000원
    shipping (\"입금해 주신 3,000원은 환불해 드리겠습니다\"), though that shipping carried the goods she
    sends back. The exchange takes the goods' price; her shipping stays paid."""
    order_id, _contact_id, _items = shipped_order(db)
    request = ReturnRequest(
        (ReturnLine(0, 2), ReturnLine(1, 1)),
        goods_back=False,
        exchange=(LineInput("LINEN", 2, option="L"), LineInput("BAG", 1)),
    )
    _detail, _changes, outcome = save_return(db, order_id, request)
    assert (outcome.refund_minor, outcome.due_minor) == (0, 0)
    new = load_order(db, outcome.exchange_id)  # type: ignore[arg-type]
    assert new.state == OrderState.PAID and new.due_minor == 0 and new.discount_minor == 0
    assert new.carried_minor == new.total_minor == 70000
    message = korean_message(db, order_id)
    assert message is not None and "환불" not in message.text
    assert returnable(db, order_id).refundable_minor == 3000  # still hers to refund, if the owner decides


def test_an_exchanges_new_order_takes_the_name_her_first_transfer_came_under(db) -> None:
    """The new order of an exchange had an empty 입금자명 though the same customer paid the first
    one: a difference she transfers is matched by that name, so it carries over (still editable)."""
    from app.orders import set_payment_details

    order_id, _contact_id, _items = shipped_order(db)
    with db.write() as s:
        set_payment_details(s, order_id, "김민지엄마", "")
    _detail, _changes, outcome = save_return(
        db, order_id, ReturnRequest((ReturnLine(0, 1),), exchange=(LineInput("SILK", 1),))
    )
    assert outcome.exchange_id is not None and outcome.due_minor > 0  # she pays the difference
    new = load_order(db, outcome.exchange_id)
    assert new.depositor_name == "김민지엄마"
    with db.write() as s:
        set_payment_details(s, outcome.exchange_id, "박서준", "")
    assert load_order(db, outcome.exchange_id).depositor_name == "박서준"
    assert load_order(db, order_id).depositor_name == "김민지엄마"  # the first order's stays its own
