"""One new-order form per chat: the chat header's cart clicked again brings up the form already open."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QMessageBox, QToolButton
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Order
from tests.support.factories import make_contact, make_message
from ui.order_form import StartOrderDialog


def open_forms() -> list[StartOrderDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, StartOrderDialog) and w.isVisible()]


def test_clicking_the_chats_cart_twice_brings_up_the_one_form_and_makes_one_order(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        contact = make_contact(s, profile_name="최유진")
        make_message(s, contact, "에코백 하나 주문할게요")
        contact_id = contact.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)
    cart = window.chat.header.findChild(QToolButton, "startOrderButton")

    cart.click()
    [form] = open_forms()
    form.search.setText("BAG")
    form.search.returnPressed.emit()
    qtbot.waitUntil(lambda: form.lines.rowCount() == 1)
    cart.click()  # the owner lost the form behind the main window and clicks the cart again
    assert open_forms() == [form]
    assert form.lines.rowCount() == 1  # what she typed is still there

    qtbot.waitUntil(form.create_button.isEnabled)
    with qtbot.waitSignal(form.created):
        form.create_button.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    with ctx.db.read() as s:
        assert len(s.scalars(select(Order)).all()) == 1
    for top in QApplication.topLevelWidgets():  # the order window it opened
        if top.isVisible() and top is not window:
            top.close()

    cart.click()  # that order is made: the cart starts the next one
    [second] = open_forms()
    assert second is not form and second.lines.rowCount() == 0
    second.close()


def test_start_order_on_a_second_list_reply_adds_its_item_to_the_form_already_open(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """The customer tapped 에코백, then 머그컵 in the shop's list: "Start order" on each brings up the
    one form with both items. Clicking the same reply again adds no second piece."""
    from ui.order_actions import OrderActions

    def list_reply(code: str, title: str) -> dict[str, Any]:
        return {
            "type": "interactive",
            "interactive": {"type": "list_reply", "list_reply": {"id": f"item:{code}", "title": title}},
        }

    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
        create_item(s, ItemDraft(name="머그컵", price_minor=9000, currency="KRW", retailer_id="MUG"))
        contact = make_contact(s, profile_name="최유진")
        make_message(
            s, contact, "에코백", kind="interactive", payload=list_reply("BAG", "에코백"), unread=False
        )
        make_message(
            s, contact, "머그컵", kind="interactive", payload=list_reply("MUG", "머그컵"), unread=False
        )
        contact_id = contact.id
    actions = OrderActions(window, ctx)
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: model.contact_id == contact_id and model.rowCount() >= 2, timeout=5000)
    bag, mug = (model.message_at(row) for row in (model.rowCount() - 2, model.rowCount() - 1))

    actions._start_from_message(bag)
    [form] = open_forms()
    qtbot.waitUntil(lambda: form.lines.rowCount() == 1)
    actions._start_from_message(mug)
    assert open_forms() == [form]
    qtbot.waitUntil(lambda: form.lines.rowCount() == 2)
    assert [line.name for line in form.lines.lines] == ["에코백", "머그컵"]
    actions._start_from_message(mug)  # clicked again
    qtbot.waitUntil(lambda: actions.new_orders[contact_id] is form)
    qtbot.waitUntil(lambda: ui_ops_idle())
    assert [line.quantity for line in form.lines.lines] == [1, 1]
    dialogs.expect("modal", answer=lambda box: box.done(QMessageBox.StandardButton.Yes))  # Discard order
    form.close()
    assert open_forms() == []


def ui_ops_idle() -> bool:
    from ui.ops import pending_ops

    return pending_ops() == 0
