"""Each order move prepares a message: free text in the 24-hour window, the mapped template outside it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, tzinfo

from app.catalog import ItemDraft, create_item
from app.order_messages import prepare_message
from app.order_queries import order_detail
from app.order_settings import OrderSettings, default_charges, load_order_settings, save_order_settings
from app.orders import LineInput, OrderState, create_order, move_order
from app.surcharge_areas import REMOTE
from app.wire import Template, TemplateParameter
from tests.support.factories import make_contact

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
SETTINGS = OrderSettings(
    bank_account="국민은행 123-45-678901 (서울리넨하우스)", templates={"shipped": "order_shipped"}
)
SHIPPED_TEMPLATE = Template(
    name="order_shipped",
    language="ko",
    category="UTILITY",
    components=[{"type": "BODY", "text": "{{1}}님, 주문 {{2}} ({{3}}) 발송: {{4}} {{5}}"}],
    parameters=[TemplateParameter(component="body", index=i) for i in range(1, 6)],
)


def an_order(db, *states: OrderState, courier: str = "CJ대한통운", tracking: str = "654321098765"):
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="김민지")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 2)], source="chat", now=NOW).id
        for state in states:
            move_order(s, order_id, state, now=NOW, courier=courier, tracking=tracking)
    with db.read() as s:
        return order_detail(s, order_id)


def in_korean_inside_the_window(order, settings: OrderSettings = SETTINGS):
    """The order's message to a Korean customer who wrote two hours ago, paying by 12월 2일 오전 9시."""
    return prepare_message(
        order,
        settings,
        language="ko",
        locale="ko_KR",
        deadline_text="12월 2일 오전 9시",
        last_inbound_at=NOW - timedelta(hours=2),
        now=NOW,
    )


def test_asking_for_payment_inside_the_window_prepares_polite_korean_payment_instructions(db) -> None:
    order = an_order(db, OrderState.AWAITING_PAYMENT)
    message = in_korean_inside_the_window(order)
    assert message is not None and message.inside_window and message.template is None
    assert message.text.startswith("김민지님, 주문해 주셔서 감사합니다.")
    assert "결제 금액: 58,000원" in message.text
    assert "입금 계좌: 국민은행 123-45-678901 (서울리넨하우스)" in message.text
    assert "입금자명: 김민지" in message.text and "12월 2일 오전 9시까지 입금해 주시면" in message.text


def test_shipping_inside_the_window_gives_the_courier_and_a_tracking_link_in_english(db) -> None:
    order = an_order(db, OrderState.PAID, OrderState.SHIPPED)
    message = prepare_message(
        order,
        SETTINGS,
        language="en",
        locale="en_US",
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=23),
        now=NOW,
    )
    assert message is not None and message.inside_window
    assert "Courier: CJ대한통운\nTracking number: 654321098765" in message.text
    assert "https://trace.cjlogistics.com/next/tracking.html?wblNo=654321098765" in message.text


def test_outside_the_window_the_mapped_utility_template_is_prepared_with_the_orders_values(db) -> None:
    order = an_order(db, OrderState.PAID, OrderState.SHIPPED)
    message = prepare_message(
        order,
        SETTINGS,
        language="ko",
        locale="ko_KR",
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=30),
        now=NOW,
        templates=[SHIPPED_TEMPLATE],
    )
    assert message is not None and not message.inside_window
    assert message.template == SHIPPED_TEMPLATE and not message.counts_against_limit
    assert message.text == f"김민지님, 주문 {order.number} (58,000원) 발송: CJ대한통운 654321098765"


def test_outside_the_window_without_a_mapped_template_nothing_can_go_and_the_owner_is_told(db) -> None:
    order = an_order(db, OrderState.AWAITING_PAYMENT)
    message = prepare_message(
        order, SETTINGS, language="ko", locale="ko_KR", deadline_text="", last_inbound_at=None, now=NOW
    )
    assert message is not None and message.template_missing and not message.inside_window


def test_a_template_with_more_values_than_the_step_fills_is_not_sent_and_the_owner_is_told(db) -> None:
    """The shipping template (five values) chosen for Paid, which fills three: Meta would refuse it
    for the two left blank, and the owner would learn it only from a failed message."""
    from app.order_messages import OrderMessage, template_fits
    from app.order_notices import NotToldReason, why_not_told

    order = an_order(db, OrderState.PAID)
    settings = dataclasses.replace(SETTINGS, templates={"paid": "order_shipped"})
    message = prepare_message(
        order,
        settings,
        language="ko",
        locale="ko_KR",
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=30),
        now=NOW,
        templates=[SHIPPED_TEMPLATE],
    )
    assert message is not None and not message.sendable and message.template is None
    assert message.unfit_template == "order_shipped"
    told = OrderMessage(order.id, order.number, order.customer, 1, message)
    assert why_not_told(told) is NotToldReason.TEMPLATE_UNFIT
    assert not template_fits("paid", SHIPPED_TEMPLATE) and template_fits("shipped", SHIPPED_TEMPLATE)


def test_shipping_is_free_over_the_threshold_and_remote_areas_pay_the_surcharge(db) -> None:
    rule = OrderSettings(shipping_minor=3000, remote_surcharge_minor=5000, free_over_minor=50000)
    assert default_charges(rule, 49000, currency="KRW").shipping_minor == 3000
    assert default_charges(rule, 50000, currency="KRW", area=REMOTE) == default_charges(
        rule, 60000, currency="KRW", area=REMOTE
    )
    assert default_charges(rule, 50000, currency="KRW", area=REMOTE).surcharge_minor == 5000
    with db.write() as s:
        save_order_settings(s, rule.replace(bank_account="신한 110-123-456789"))
    with db.read() as s:
        assert load_order_settings(s).bank_account == "신한 110-123-456789"


def test_a_payment_reminder_is_prepared_only_for_an_order_still_awaiting_payment(db) -> None:
    order = an_order(db, OrderState.AWAITING_PAYMENT)
    reminder = prepare_message(
        order,
        SETTINGS,
        language="ko",
        locale="ko_KR",
        deadline_text="12월 2일 오전 9시",
        last_inbound_at=NOW - timedelta(hours=3),
        now=NOW,
        reminder=True,
    )
    assert reminder is not None and reminder.state == "reminder"
    assert reminder.text.startswith(
        f"김민지님, 주문번호 {order.number}의 입금 기한은 12월 2일 오전 9시까지입니다."
    )
    with db.write() as s:
        move_order(s, order.id, OrderState.PAID, now=NOW)
    with db.read() as s:
        paid = order_detail(s, order.id)
    after = prepare_message(
        paid,
        SETTINGS,
        language="ko",
        locale="ko_KR",
        deadline_text="",
        last_inbound_at=None,
        now=NOW,
        reminder=True,
    )
    assert after is None


def test_an_order_shipped_without_a_tracking_number_is_told_without_empty_lines(db) -> None:
    shipped = (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED)
    order = an_order(db, *shipped, courier="직접 배송", tracking="")
    message = prepare_message(
        order,
        SETTINGS,
        language="ko",
        locale="ko_KR",
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=1),
        now=NOW,
    )
    assert message is not None
    # No "송장번호: " nor "배송 조회: " with nothing after them; the courier the owner named stays.
    assert (
        message.text
        == f"김민지님, 주문하신 상품이 발송되었습니다.\n주문번호: {order.number}\n택배사: 직접 배송"
    )


def test_the_shipping_message_names_the_order_so_a_customer_with_two_can_tell_which_shipped(db) -> None:
    shipped = (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED)
    order = an_order(db, *shipped, courier="CJ대한통운", tracking="654321098765")
    for language, line in (("ko", f"주문번호: {order.number}"), ("en", f"your order {order.number} is")):
        message = prepare_message(
            order,
            SETTINGS,
            language=language,
            locale="ko_KR",
            deadline_text="",
            last_inbound_at=NOW - timedelta(hours=1),
            now=NOW,
        )
        assert message is not None and line in message.text


def test_a_customer_who_writes_english_gets_the_default_messages_in_english_and_a_custom_one_as_written(
    db,
) -> None:
    from app.order_messages import customer_language, message_for_order
    from tests.support.factories import make_message

    with db.write() as s:
        save_order_settings(s, SETTINGS)
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=NOW - timedelta(hours=1))
        make_message(s, amy, "Hi! Do you ship to London?")
        make_message(s, amy, "OK 👍")
        make_message(
            s, amy, "린넨 셔츠 아이보리 × 1", kind="order"
        )  # a cart's words are the shop's, not hers
        order_id = create_order(
            s, contact_id=amy.id, lines=[LineInput("LINEN", 1)], source="chat", now=NOW
        ).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
    asked: list[str] = []

    def deadline(moment: datetime, language: str, _zone: tzinfo | None) -> str:
        asked.append(language)
        return "Wed, Dec 2, 9:00 AM" if language == "en" else "12월 2일 (수) 오전 9:00"

    def prepared() -> str:
        found = message_for_order(db, order_id, language="ko", locale="ko_KR", format_time=deadline, now=NOW)
        assert found is not None
        return found.prepared.text

    text = prepared()
    assert text.startswith("Thank you for your order, Amy Clarke!") and "by Wed, Dec 2, 9:00 AM" in text
    assert asked == ["en"]
    # A message the owner wrote in the order settings goes as written, its deadline in their language.
    with db.write() as s:
        own = dataclasses.replace(
            SETTINGS, messages={"awaiting_payment": "{name}님, {deadline}까지 입금 부탁드려요."}
        )
        save_order_settings(s, own)
    assert prepared() == "Amy Clarke님, 12월 2일 (수) 오전 9:00까지 입금 부탁드려요."
    # The Korean default itself, saved by an older settings dialog as if the owner wrote it, is still
    # the default: Amy gets it in English.
    from app.order_messages import DEFAULT_MESSAGES

    with db.write() as s:
        copied = dataclasses.replace(SETTINGS, messages=dict(DEFAULT_MESSAGES["ko"]))
        save_order_settings(s, copied)
    assert prepared().startswith("Thank you for your order, Amy Clarke!")
    # The owner's own message in another language goes to Amy, its deadline in English.
    with db.write() as s:
        both = dataclasses.replace(
            SETTINGS,
            messages={"awaiting_payment": "{name}님, {deadline}까지 입금 부탁드려요."},
            messages_other_language={"awaiting_payment": "{name}, please pay by {deadline}."},
        )
        save_order_settings(s, both)
    assert prepared() == "Amy Clarke, please pay by Wed, Dec 2, 9:00 AM."
    # Beside the default (not changed), the owner's English replaces the built-in English for her.
    with db.write() as s:
        save_order_settings(
            s, dataclasses.replace(both, messages={}, messages_other_language=both.messages_other_language)
        )
    assert prepared() == "Amy Clarke, please pay by Wed, Dec 2, 9:00 AM."
    # One "OK" among Korean messages is still a Korean customer; no letters at all: the owner's language.
    assert customer_language("ko", ["OK", "네 감사합니다 입금했어요"]) == "ko"
    assert customer_language("en", ["👍", "12,000"]) == "en"
    assert customer_language("ko", ["ありがとうございます"]) == "en"


def test_the_amount_is_written_as_the_customer_reads_it_whichever_language_the_owner_uses(db) -> None:
    """A Korean owner's English-writing customer read "Amount: 29,000원" (won in Hangul) in her
    English message; an English-speaking owner's Korean customer read "결제 금액: ₩29,000"."""
    from app.order_messages import message_for_order
    from tests.support.factories import make_message

    with db.write() as s:
        save_order_settings(s, SETTINGS)
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=NOW - timedelta(hours=1))
        make_message(s, amy, "Hi! Do you ship to London?")
        minji = make_contact(s, profile_name="김민지", last_inbound_at=NOW - timedelta(hours=1))
        make_message(s, minji, "입금 계좌 알려주세요")
        orders = [
            create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat", now=NOW).id
            for c in (amy, minji)
        ]
        for order_id in orders:
            move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)

    def text(order_id: int, language: str, locale: str) -> str:
        found = message_for_order(
            db,
            order_id,
            language=language,
            locale=locale,
            format_time=lambda _moment, lang, _zone: "Dec 2" if lang == "en" else "12월 2일",
            now=NOW,
        )
        assert found is not None
        return found.prepared.text

    to_amy, to_minji = orders
    assert "Amount: ₩29,000\n" in text(to_amy, "ko", "ko_KR")
    assert "결제 금액: 29,000원\n" in text(to_minji, "en", "en_US")
    # Each in the owner's own language, as before.
    assert "결제 금액: 29,000원\n" in text(to_minji, "ko", "ko_KR")
    assert "Amount: ₩29,000\n" in text(to_amy, "en", "en_US")
    # A message the owner wrote goes as written: its amount as the owner writes amounts.
    with db.write() as s:
        own = dataclasses.replace(
            SETTINGS, messages={"awaiting_payment": "{name}님, {total} 입금 부탁드려요."}
        )
        save_order_settings(s, own)
    assert text(to_amy, "ko", "ko_KR") == "Amy Clarke님, 29,000원 입금 부탁드려요."


def test_after_24_hours_a_korean_template_gets_its_amount_and_deadline_in_korean_whoever_reads_it(
    db,
) -> None:
    """Amy writes English; the shop's only payment template is Korean: its values are written as
    the template's words are ("29,000원", "12월 2일"), not "₩29,000" and "Dec 2" inside Korean."""
    from app.order_messages import message_for_order
    from app.sending import approved_templates
    from tests.support.factories import make_message

    asking = Template(
        name="order_payment",
        language="ko",
        category="UTILITY",
        components=[{"type": "BODY", "text": "{{1}}님, 주문 {{2}} 금액 {{3}}, 계좌 {{4}}, 기한 {{5}}"}],
        parameters=[TemplateParameter(component="body", index=i) for i in range(1, 6)],
    )
    approved_templates(db, lambda: [asking])
    with db.write() as s:
        save_order_settings(s, dataclasses.replace(SETTINGS, templates={"awaiting_payment": "order_payment"}))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=NOW - timedelta(hours=30))
        make_message(s, amy, "Hi! Do you ship to London?")
        order_id = create_order(
            s, contact_id=amy.id, lines=[LineInput("LINEN", 1)], source="chat", now=NOW
        ).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)

    found = message_for_order(
        db,
        order_id,
        language="ko",
        locale="ko_KR",
        format_time=lambda _moment, lang, _zone: "Dec 2" if lang == "en" else "12월 2일",
        now=NOW,
    )

    assert found is not None and found.prepared.template == asking
    name, number, total, bank, deadline = found.prepared.template_params
    assert (name, number, total, bank, deadline) == (
        "Amy Clarke",
        found.number,
        "29,000원",
        SETTINGS.bank_account,
        "12월 2일",
    )


def test_asking_for_payment_without_a_bank_account_set_says_so_to_the_owner(db) -> None:
    """A fresh shop has no account in its order settings: the message left its account line out
    without a word, and the customer was asked to pay without being told where."""
    order = an_order(db, OrderState.AWAITING_PAYMENT)
    no_account = dataclasses.replace(SETTINGS, bank_account="")
    inside = in_korean_inside_the_window(order, no_account)
    assert inside is not None and inside.bank_missing and "입금 계좌" not in inside.text
    told = in_korean_inside_the_window(order)
    assert told is not None and not told.bank_missing
    with db.write() as s:
        move_order(s, order.id, OrderState.PAID, now=NOW)
    with db.read() as s:
        paid = order_detail(s, order.id)
    thanks = in_korean_inside_the_window(paid, no_account)
    assert thanks is not None and not thanks.bank_missing  # a message that asks for nothing


def test_order_messages_sent_together_are_queued_together_or_not_at_all(db) -> None:
    """One message of a batch refused (outside the window, no template): none of the batch is queued,
    so the owner can send again without doubling the others."""
    import pytest
    from sqlalchemy import select

    from app.errors import OrderError
    from app.models import Message
    from app.order_actions import send_order_messages
    from app.order_messages import OrderMessage

    first = an_order(db, OrderState.AWAITING_PAYMENT)
    with db.write() as s:
        c = make_contact(s, profile_name="이하은")
        second_contact = c.id
        second_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat", now=NOW).id
        move_order(s, second_id, OrderState.AWAITING_PAYMENT, now=NOW)
    with db.read() as s:
        second = order_detail(s, second_id)
    can_go = in_korean_inside_the_window(first)
    cannot = prepare_message(
        second, SETTINGS, language="ko", locale="ko_KR", deadline_text="", last_inbound_at=None, now=NOW
    )
    assert can_go is not None and cannot is not None and not cannot.sendable
    batch = [
        OrderMessage(first.id, first.number, "김민지", first.contact_id, can_go),
        OrderMessage(second.id, second.number, "이하은", second_contact, cannot),
    ]
    with pytest.raises(OrderError):
        send_order_messages(db, batch)
    with db.read() as s:
        assert s.scalars(select(Message).where(Message.direction == "out")).all() == []
    send_order_messages(db, batch[:1])
    with db.read() as s:
        assert [m.body for m in s.scalars(select(Message).where(Message.direction == "out"))] == [can_go.text]


def test_two_orders_one_transfer_paid_are_told_in_one_message_in_the_customers_language(db) -> None:
    from app.order_messages import message_for_order
    from tests.support.factories import make_message

    with db.write() as s:
        save_order_settings(s, SETTINGS)
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=NOW - timedelta(hours=1))
        make_message(s, amy, "Sent the money for both, thanks!")
        ids = []
        for count in (1, 2):
            order = create_order(
                s, contact_id=amy.id, lines=[LineInput("LINEN", count)], source="chat", now=NOW
            )
            move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=NOW)
            move_order(s, order.id, OrderState.PAID, now=NOW)
            ids.append((order.id, order.number))
    [(first, one), (second, two)] = ids

    def told(*paid_with: int):
        found = message_for_order(
            db,
            first,
            language="ko",
            locale="ko_KR",
            format_time=lambda _m, _l, _z: "",
            now=NOW,
            paid_with=paid_with,
        )
        assert found is not None
        return found

    both = told(second)
    # The owner's list names them as her Korean does; the message lists them as English does.
    assert (both.number, both.order_ids) == (f"{one} 및 {two}", (first, second))
    # 29,000원 + 58,000원, written as she reads it (not the owner's "87,000원").
    assert both.prepared.text == (
        f"Thank you, Amy Clarke: your payment of ₩87,000 arrived. We are preparing orders {one} and {two} "
        "for you."
    )
    assert (
        told().prepared.text
        == f"Thank you, Amy Clarke: your payment arrived. We are preparing order {one} for you."
    )
    # The message the owner wrote for several orders goes as she wrote it, naming both and the sum,
    # listed as her Korean lists them; her single-order "paid" message is for one order only.
    with db.write() as s:
        save_order_settings(
            s,
            dataclasses.replace(
                SETTINGS,
                messages={
                    "paid": "{name}님 {number} 확인!",
                    "paid_together": "{name}님, {number} {total} 확인!",
                },
            ),
        )
    assert told(second).prepared.text == f"Amy Clarke님, {one} 및 {two} 87,000원 확인!"
    assert told().prepared.text == f"Amy Clarke님 {one} 확인!"


def test_after_24_hours_her_orders_go_in_the_korean_template_with_its_numbers_and_sum_written_in_korean(
    db,
) -> None:
    """Amy writes English, but the shop's approved template is Korean: its values read as Korean does."""
    from sqlalchemy import select

    from app.models import Order
    from app.order_messages import message_for_order
    from app.sending import approved_templates
    from tests.support.factories import make_message

    paid = Template(
        name="payment_received",
        language="ko",
        category="UTILITY",
        components=[{"type": "BODY", "text": "{{1}}님, 주문번호 {{2}}의 결제 금액 {{3}} 입금 확인"}],
        parameters=[TemplateParameter(component="body", index=i) for i in (1, 2, 3)],
    )
    approved_templates(db, lambda: [paid])
    with db.write() as s:
        save_order_settings(s, dataclasses.replace(SETTINGS, templates={"paid": "payment_received"}))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=NOW - timedelta(days=3))
        make_message(s, amy, "Sent the money for both, thanks!")
        ids = []
        for count in (1, 2):
            order = create_order(
                s, contact_id=amy.id, lines=[LineInput("LINEN", count)], source="chat", now=NOW
            )
            move_order(s, order.id, OrderState.AWAITING_PAYMENT, now=NOW)
            move_order(s, order.id, OrderState.PAID, now=NOW)
            ids.append(order.number)
        first, second = (o.id for o in s.scalars(select(Order).order_by(Order.id)))
    found = message_for_order(
        db, first, language="ko", locale="ko_KR", format_time=lambda *_a: "", now=NOW, paid_with=[second]
    )
    assert found is not None and found.prepared.template is not None
    assert found.prepared.template_params == ("Amy Clarke", f"{ids[0]} 및 {ids[1]}", "87,000원")
    assert (
        found.prepared.text == f"Amy Clarke님, 주문번호 {ids[0]} 및 {ids[1]}의 결제 금액 87,000원 입금 확인"
    )


def test_a_payment_request_for_an_order_without_an_address_asks_for_it_in_the_same_message(db) -> None:
    """Walk: 강다은's order from the chat had no address; the 입금 안내 went without asking for one,
    and the owner would learn it only with the parcel ready."""
    from app.shipping_sheets import ShippingAddress, set_shipping_address

    order = an_order(db, OrderState.AWAITING_PAYMENT)
    message = in_korean_inside_the_window(order)
    assert message is not None
    assert message.text.endswith(
        "바로 준비해 드리겠습니다.\n받으실 분 성함, 연락처, 배송 주소도 함께 알려 주세요."
    )
    own = dataclasses.replace(SETTINGS, messages={"awaiting_payment": "{name}님 {total} 입금 부탁드려요."})
    assert in_korean_inside_the_window(order, own).text == "김민지님 58,000원 입금 부탁드려요."  # type: ignore[union-attr]
    with db.write() as s:
        set_shipping_address(
            s, order.id, ShippingAddress("김민지", "010-5550-1234", "04799", "서울 성동구 성수이로 1")
        )
    with db.read() as s:
        addressed = order_detail(s, order.id)
    assert "주소" not in in_korean_inside_the_window(addressed).text  # type: ignore[union-attr]


def test_cancelling_an_order_she_paid_tells_her_the_money_comes_back_and_asks_where(db) -> None:
    """Walk: 이하은's paid order was cancelled with "주문이 취소되었습니다. 궁금하신 점은 언제든
    말씀해 주세요." and not a word of her 58,000원."""
    paid = an_order(db, OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.CANCELLED)
    message = in_korean_inside_the_window(paid)
    assert message is not None
    assert message.text.endswith(
        "취소되었습니다. 궁금하신 점은 언제든 말씀해 주세요.\n"
        "입금해 주신 58,000원은 환불해 드리겠습니다. 환불받으실 계좌를 알려 주세요."
    )
    with db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        c = make_contact(s, profile_name="박서준")
        unpaid_id = create_order(s, contact_id=c.id, lines=[LineInput("BAG", 1)], source="chat", now=NOW).id
        move_order(s, unpaid_id, OrderState.AWAITING_PAYMENT, now=NOW)
        move_order(s, unpaid_id, OrderState.CANCELLED, now=NOW)
    with db.read() as s:
        unpaid = order_detail(s, unpaid_id)
    assert "환불" not in in_korean_inside_the_window(unpaid).text  # type: ignore[union-attr]


CANCEL_TEMPLATE = Template(
    name="order_cancelled",
    language="ko",
    category="UTILITY",
    components=[{"type": "BODY", "text": "{{1}}님, 주문 {{2}}이 취소되었습니다."}],
    parameters=[TemplateParameter(component="body", index=i) for i in range(1, 3)],
)
REFUND_TEMPLATE = Template(
    name="order_refund",
    language="ko",
    category="UTILITY",
    components=[
        {
            "type": "BODY",
            "text": "{{1}}님, 주문 {{2}}이 취소되었습니다. 입금하신 {{3}}은 환불해 드리겠습니다.",
        }
    ],
    parameters=[TemplateParameter(component="body", index=i) for i in range(1, 4)],
)


def cancelled_after_a_day(order, settings: OrderSettings, language: str = "ko", locale: str = "ko_KR"):
    """The cancel message of an order whose customer last wrote 30 hours ago."""
    return prepare_message(
        order,
        settings,
        language=language,
        locale=locale,
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=30),
        now=NOW,
        templates=[CANCEL_TEMPLATE, REFUND_TEMPLATE],
    )


def test_after_24_hours_a_paid_orders_cancel_goes_as_the_refund_template_with_the_amount(db) -> None:
    paid = an_order(db, OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.CANCELLED)
    settings = OrderSettings(templates={"cancelled": "order_cancelled", "cancelled_refund": "order_refund"})
    message = cancelled_after_a_day(paid, settings, language="en", locale="en_US")
    assert message is not None and message.sendable and message.template == REFUND_TEMPLATE
    # The amount as the template's (Korean) words read it, whatever the owner's language.
    assert message.template_params == ("김민지", paid.number, "58,000원")
    assert message.text.endswith("입금하신 58,000원은 환불해 드리겠습니다.")
    assert not message.refund_left_out


def test_after_24_hours_without_a_refund_template_the_cancel_goes_and_the_owner_is_told_of_the_refund(
    db,
) -> None:
    paid = an_order(db, OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.CANCELLED)
    message = cancelled_after_a_day(paid, OrderSettings(templates={"cancelled": "order_cancelled"}))
    assert message is not None and message.sendable and message.template == CANCEL_TEMPLATE
    assert (message.refund_left_out, message.refund) == (True, "58,000원")
    assert "환불" not in message.text
    nothing = cancelled_after_a_day(paid, OrderSettings())
    assert nothing is not None and not nothing.sendable and nothing.refund_left_out


def test_after_24_hours_an_order_never_paid_is_cancelled_with_no_word_of_a_refund(db) -> None:
    unpaid = an_order(db, OrderState.AWAITING_PAYMENT, OrderState.CANCELLED)
    settings = OrderSettings(templates={"cancelled": "order_cancelled", "cancelled_refund": "order_refund"})
    message = cancelled_after_a_day(unpaid, settings)
    assert message is not None and message.template == CANCEL_TEMPLATE and not message.refund_left_out


def test_a_refund_template_without_a_place_for_the_amount_is_not_used_and_the_owner_is_told(db) -> None:
    paid = an_order(db, OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.CANCELLED)
    settings = OrderSettings(
        templates={"cancelled": "order_cancelled", "cancelled_refund": "order_cancelled"}
    )
    message = cancelled_after_a_day(paid, settings)
    assert message is not None and message.template == CANCEL_TEMPLATE and message.refund_left_out


def test_an_english_payment_request_names_the_transfer_not_a_depositor() -> None:
    """A British customer read "Depositor name: Olivia Brown" (Korea's 입금자명) and did not know it
    was the name her transfer should come under. Settings that saved the former words still follow
    the defaults."""
    from app.order_messages import DEFAULT_MESSAGES, FORMER_DEFAULTS, REMINDER, own_messages
    from app.order_settings import OrderSettings

    english = DEFAULT_MESSAGES["en"]
    for key in (OrderState.AWAITING_PAYMENT, REMINDER):
        assert "Name on the transfer: {depositor}" in english[key] and "Depositor" not in english[key]
    saved = OrderSettings(messages={"awaiting_payment": FORMER_DEFAULTS[0], "reminder": FORMER_DEFAULTS[1]})
    assert own_messages(saved).messages == {}


def test_a_british_or_american_shops_payment_request_and_reminder_ask_for_the_payment_reference(
    db,
) -> None:
    """A London shop's customer read "Name on the transfer: Amy Clarke" and paid under her own name,
    not the reference the shop matches transfers by. The default now asks for the reference; the
    default an older settings dialog saved keeps following it; the owner's own words stay hers."""
    from app.order_messages import DEFAULT_MESSAGES, REMINDER, message_for_order
    from app.settings import update_preferences
    from tests.support.factories import make_message

    with db.write() as s:
        save_order_settings(s, dataclasses.replace(SETTINGS, bank_account="Sort code 12-34-56, 12345678"))
        create_item(s, ItemDraft(name="Linen shirt", price_minor=4595, currency="GBP", retailer_id="LINEN"))
        amy = make_contact(s, profile_name="Amy Clarke", last_inbound_at=NOW - timedelta(hours=1))
        make_message(s, amy, "Hi! Do you ship to Leeds?")
        order_id = create_order(
            s, contact_id=amy.id, lines=[LineInput("LINEN", 1)], source="chat", now=NOW
        ).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)

    def prepared(*, reminder: bool = False) -> str:
        found = message_for_order(
            db,
            order_id,
            language="en",
            locale="en_GB",
            format_time=lambda *_: "Wed 2 Dec, 9:00 AM",
            now=NOW,
            reminder=reminder,
        )
        assert found is not None
        return found.prepared.text

    # A Korean shop's (the default country) English still names the transfer.
    assert "Name on the transfer: Amy Clarke" in prepared()
    for region in ("GB", "US"):
        update_preferences(db, shop_region=region)
        for text in (prepared(), prepared(reminder=True)):
            assert "Payment reference: Amy Clarke" in text and "Name on the transfer" not in text
    # The Korean shop's English default, saved as if the owner wrote it, follows the default too.
    with db.write() as s:
        english = DEFAULT_MESSAGES["en"]
        saved = {"awaiting_payment": english[OrderState.AWAITING_PAYMENT], "reminder": english[REMINDER]}
        save_order_settings(s, dataclasses.replace(load_order_settings(s), messages=saved))
    assert "Payment reference: Amy Clarke" in prepared(reminder=True)
    # Words the owner wrote are sent as written, "name on the transfer" and all.
    own = "Please pay {total} by {deadline}. Name on the transfer: {depositor}"
    with db.write() as s:
        save_order_settings(
            s, dataclasses.replace(load_order_settings(s), messages={"awaiting_payment": own})
        )
    assert prepared() == "Please pay £45.95 by Wed 2 Dec, 9:00 AM. Name on the transfer: Amy Clarke"


def test_a_korean_customer_of_a_british_shop_is_asked_for_the_reference_in_korean(db) -> None:
    from app.order_messages import REMINDER, default_messages

    korean, british = default_messages("ko", "KR"), default_messages("ko", "GB")
    for key in (OrderState.AWAITING_PAYMENT, REMINDER):
        assert "입금자명: {depositor}" in korean[key] and "입금 참조: {depositor}" in british[key]
    assert default_messages("en", "JP") == default_messages("en", "KR")  # Japan's banks name the payer


def test_a_customer_named_like_a_placeholder_is_greeted_by_her_name_not_by_her_orders_values(db) -> None:
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="{deadline} {total}")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 2)], source="chat", now=NOW).id
        move_order(s, order_id, OrderState.AWAITING_PAYMENT, now=NOW)
    with db.read() as s:
        order = order_detail(s, order_id)
    reminder = prepare_message(
        order,
        SETTINGS,
        language="ko",
        locale="ko_KR",
        deadline_text="12월 2일 오전 9시",
        last_inbound_at=NOW - timedelta(hours=3),
        now=NOW,
        reminder=True,
    )
    assert reminder is not None
    assert reminder.text.startswith(
        f"{{deadline}} {{total}}님, 주문번호 {order.number}의 입금 기한은 12월 2일 오전 9시까지입니다."
    )
    assert "입금자명: {deadline} {total}" in reminder.text


def test_a_template_message_to_a_customer_named_like_a_slot_shows_her_name_as_whatsapp_sends_it(db) -> None:
    with db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="{{4}}")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 2)], source="chat", now=NOW).id
        for state in (OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, now=NOW, courier="CJ대한통운", tracking="654321098765")
    with db.read() as s:
        order = order_detail(s, order_id)
    message = prepare_message(
        order,
        SETTINGS,
        language="ko",
        locale="ko_KR",
        deadline_text="",
        last_inbound_at=NOW - timedelta(hours=30),
        now=NOW,
        templates=[SHIPPED_TEMPLATE],
    )
    assert message is not None and message.template == SHIPPED_TEMPLATE
    # What the owner's chat keeps is what WhatsApp fills: her name as written, once.
    assert message.text == f"{{{{4}}}}님, 주문 {order.number} (58,000원) 발송: CJ대한통운 654321098765"
