"""Changing an unpaid order's items in its window: the total follows, the history says it, the
customer who was sent the old amount is offered the new one; a paid order keeps its items."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox, QPushButton

from app.catalog import ItemDraft, create_item
from app.models import Order, utcnow
from app.order_settings import OrderSettings, save_order_settings
from app.orders import Charges, LineInput, OrderState, create_order
from tests.support.factories import make_contact
from ui.order_actions import OrderActions
from ui.order_form import StartOrderDialog
from ui.order_window import OrderWindow


def shirt_order(ctx: Any) -> int:
    """이하은 (she wrote just now) ordered one linen shirt, 39,000원 + 3,000원 shipping."""
    with ctx.db.write() as s:
        save_order_settings(s, OrderSettings(bank_account="국민은행 123-45-678901 (서울리넨하우스)"))
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="이하은", last_inbound_at=utcnow())
        lines, fee = [LineInput("LINEN", 1)], Charges(shipping_minor=3000)
        return create_order(s, contact_id=c.id, lines=lines, source="chat", charges=fee).id


def button(order_window: OrderWindow, qtbot: Any, name: str) -> QPushButton:
    """The window's button `name`, once shown (a layout shows a new button after the event loop turns)."""
    qtbot.waitUntil(
        lambda: (found := order_window.findChild(QPushButton, name)) is not None and found.isVisible()
    )
    found = order_window.findChild(QPushButton, name)
    assert found is not None
    return found


def change_form(order_window: OrderWindow, qtbot: Any) -> StartOrderDialog:
    button(order_window, qtbot, "changeOrder").click()
    form = order_window.change_items()  # clicked again: the same form, not a second one
    assert form is not None and form is order_window._change_form
    qtbot.waitUntil(lambda: form.settings_loaded and form.create_button.isEnabled())
    return form


def test_the_owner_changes_the_quantity_and_discount_after_asking_for_payment_and_resends_the_amount(
    window: Any, qtbot: Any
) -> None:
    order_id = shirt_order(window.ctx)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    button(
        order_window, qtbot, "move_awaiting_payment"
    ).click()  # 입금 요청: the account and 42,000원 go to her
    qtbot.waitUntil(lambda: order_window.message.send_button.isVisible())
    assert "42,000" in order_window.message.edit.toPlainText()
    with qtbot.waitSignal(order_window.message.sent):
        order_window.message.send_button.click()

    form = change_form(order_window, qtbot)
    assert form.windowTitle() == "Change order 2026-0001"
    assert form.create_button.text() == "&Save changes"
    assert [(line.code, line.quantity) for line in form.lines.lines] == [("LINEN", 1)]
    assert form.table.verticalHeader().count() == 1  # the table shows the line too
    assert form.total_label.text() == "₩42,000"
    form.lines.setData(form.lines.index(0, 2), 2)  # she wants two
    form.discount.setText("5,000")
    assert form.total_label.text() == "₩73,000"  # 78,000, free shipping over 50,000, −5,000
    with qtbot.waitSignal(form.changed):
        form.create_button.click()

    qtbot.waitUntil(lambda: order_window.total.text() == "₩73,000")
    assert order_window.history.stringList()[0].endswith(
        "items or charges changed: “린넨 셔츠” ×1 → ×2, shipping ₩3,000 → —, discount — → ₩5,000"
        " · total ₩42,000 → ₩73,000"
    )
    qtbot.waitUntil(lambda: "73,000" in order_window.message.edit.toPlainText())
    assert order_window.message.how.text().startswith(
        "The total changed from ₩42,000 to ₩73,000, and the customer was asked to pay ₩42,000."
    )
    assert order_window.message.send_button.isEnabled()
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and (order.state, order.total_minor) == (OrderState.AWAITING_PAYMENT, 73000)


def test_a_paid_order_offers_no_change_of_its_items(window: Any, qtbot: Any) -> None:
    order_id = shirt_order(window.ctx)
    with window.ctx.db.write() as s:
        from app.orders import move_order

        move_order(s, order_id, OrderState.PAID)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    button(order_window, qtbot, "move_shipped")  # the paid order's buttons are up
    assert order_window.findChild(QPushButton, "changeOrder") is None
    assert order_window.change_items() is None


def test_the_pieces_an_order_holds_count_as_its_own_when_its_quantity_changes(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Three shirts counted, two held for this order awaiting payment: three may be asked for, not four."""
    order_id = shirt_order(window.ctx)
    with window.ctx.db.write() as s:
        from app.catalog import find_item_by_code
        from app.orders import move_order
        from app.stock import set_stock

        item = find_item_by_code(s, "LINEN")
        assert item is not None
        set_stock(s, item.id, 3)
        order = s.get(Order, order_id)
        assert order is not None
        order.lines[0].quantity = 2
        move_order(s, order_id, OrderState.AWAITING_PAYMENT)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    form = change_form(order_window, qtbot)
    assert form.stock_note.isHidden()
    form.lines.setData(form.lines.index(0, 2), 3)
    assert form.stock_note.isHidden()
    form.lines.setData(form.lines.index(0, 2), 4)
    assert not form.stock_note.isHidden()
    assert form.stock_note.text() == "Only 3 of “린넨 셔츠” left in stock; this order needs 4."
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)  # closed unsaved: asked
    form.reject()
    assert len(asked.shown) == 1 and not form.isVisible()
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None and order.lines[0].quantity == 2
