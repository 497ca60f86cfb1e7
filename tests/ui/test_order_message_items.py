"""The payment request tells the customer what she ordered, as well as how much ("주문 상품: 제육도시락 2개"),
with how many of each as the orders table writes it in the message's language."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace
from typing import Any, cast

from app.catalog import ItemDraft, create_item
from app.models import utcnow
from app.order_messages import ITEMS_LINE_MAX, items_line, own_messages
from app.order_queries import LineRow, OrderDetail
from app.order_settings import OrderSettings, save_order_settings
from app.orders import LineInput, OrderState, create_order
from tests.support.factories import make_contact
from tests.ui.test_order_payment_request import button, open_order


def payment_request(
    window: Any, qtbot: Any, bank: str, customer: str, items: list[tuple[str, str, int, str, int, str]]
) -> str:
    """The message the order window offers when an order of `items` (name, SKU, price, currency,
    how many, option) from `customer`, who wrote 5 minutes ago, is asked for payment."""
    with window.ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account=bank))
        for name, sku, price, currency, _quantity, _option in items:
            create_item(s, ItemDraft(name=name, price_minor=price, currency=currency, retailer_id=sku))
        c = make_contact(s, profile_name=customer, last_inbound_at=utcnow() - timedelta(minutes=5))
        lines = [LineInput(sku, quantity, option=option) for _n, sku, _p, _c, quantity, option in items]
        order_id = create_order(s, contact_id=c.id, lines=lines, source="chat").id
    order_window = open_order(window, qtbot, order_id)
    with qtbot.waitSignal(order_window.moved):
        button(order_window, "move_awaiting_payment").click()
    qtbot.waitUntil(button(order_window, "sendOrderMessage").isVisible)
    return str(order_window.message.edit.toPlainText())


def test_the_payment_request_lists_the_lunchboxes_she_ordered(
    korean: None, korean_locale: None, window: Any, qtbot: Any
) -> None:
    """이준호's customer wrote "제육도시락 2개, 김밥 하나 참치로": the message asked her for 25,000원
    without saying for what, and she could not check her order."""
    lunch = [("제육도시락", "DS-JY", 9500, "KRW", 2, ""), ("김밥 세트", "DS-GB", 6000, "KRW", 1, "참치")]
    text = payment_request(window, qtbot, "국민은행 123456-01-234567", "김민지", lunch)
    # "2개" as Korean shops write it, and as the orders table says it (it read "제육도시락 ×2").
    assert "\n주문 상품: 제육도시락 2개, 김밥 세트 (참치) 1개\n결제 금액: 25,000원\n" in text


def test_an_english_payment_request_counts_the_items_the_english_way(window: Any, qtbot: Any) -> None:
    linen = [("Linen shirt", "LS-1", 3900, "GBP", 2, ""), ("Eco bag", "EB-1", 1200, "GBP", 1, "Green")]
    text = payment_request(window, qtbot, "Monzo 12-34-56 12345678", "Emma Clarke", linen)
    assert "\nItems: Linen shirt ×2, Eco bag (Green) ×1\n" in text and "개" not in text


def test_a_shop_that_saved_the_former_default_gets_the_one_with_the_items() -> None:
    """An older settings dialog saved the defaults it showed: those words are still the default."""
    former = (
        "{name}님, 주문해 주셔서 감사합니다.\n주문번호: {number}\n결제 금액: {total}\n"
        "입금 계좌: {bank}\n입금자명: {depositor}\n{deadline}까지 입금해 주시면 바로 준비해 드리겠습니다."
    )
    settings = OrderSettings(messages={OrderState.AWAITING_PAYMENT.value: former})
    assert own_messages(settings).messages == {}
    own = OrderSettings(messages={OrderState.AWAITING_PAYMENT.value: former + " 😊"})
    assert own_messages(own).messages == own.messages


def test_an_order_of_two_hundred_lines_is_named_within_a_message() -> None:
    lines = tuple(
        LineRow(f"C{n}", "아주 긴 이름의 도시락 " * 8, "", 1, 9500, "KRW", True, None, "", n)
        for n in range(200)
    )
    text = items_line(cast(OrderDetail, SimpleNamespace(lines=lines)), "ko")
    assert len(text) <= ITEMS_LINE_MAX and text.endswith("…")


def test_a_long_order_of_thai_items_is_cut_between_whole_letters() -> None:
    """Cut at a set count of code points, the last name could lose a tone mark ("น้ำ" → "น้")."""
    lines = tuple(LineRow(f"C{n}", "ก" + "น้ำ" * 50, "", 1, 900, "THB", True, None, "", n) for n in range(10))
    text = items_line(cast(OrderDetail, SimpleNamespace(lines=lines)), "ko")
    last = text.removesuffix("…").rsplit(", ", 1)[-1]
    assert text.endswith("…") and len(last) % 3 == 1  # "ก" and whole "น้ำ"s only
