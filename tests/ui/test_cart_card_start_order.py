"""A cart that never became an order (imported from the phone's history): its card starts one, or says it can't."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Order
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats, settle
from ui.order_actions import OrderActions
from ui.order_form import StartOrderDialog


def open_forms() -> list[StartOrderDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, StartOrderDialog) and w.isVisible()]


def carts_from_the_phone(ctx: Any) -> tuple[int, int, int]:
    """김민지's chat came from her phone's history: a cart of two shirts (at 27,000원 then, 29,000원
    now) and an item the catalogue no longer has, and a cart whose items came garbled. Neither
    became an order."""
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN-M"))
        c = make_contact(s, profile_name="김민지")
        good = make_message(
            s,
            c,
            "선물 포장 부탁드려요",
            kind="order",
            imported=True,
            unread=False,
            sent_at=BASE_TIME,
            payload={
                "type": "order",
                "order": {
                    "catalog_id": "1",
                    "text": "선물 포장 부탁드려요",
                    "product_items": [
                        {
                            "product_retailer_id": "LINEN-M",
                            "quantity": 2,
                            "item_price": 27000,
                            "currency": "KRW",
                        },
                        {
                            "product_retailer_id": "OLD-7",
                            "quantity": 1,
                            "item_price": 5000,
                            "currency": "KRW",
                        },
                    ],
                },
            },
        )
        garbled = make_message(
            s,
            c,
            "",
            kind="order",
            imported=True,
            unread=False,
            sent_at=BASE_TIME + timedelta(minutes=1),
            payload={
                "type": "order",
                "order": {"product_items": [{"product_retailer_id": "X", "quantity": "많이"}]},
            },
        )
        return c.id, good.id, garbled.id


def card_click(view: Any, row: int) -> tuple[Any, QPoint]:
    index = view.chat_model.index(row)
    view.scrollTo(index)
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    assert geo is not None and geo.card is not None
    return geo, (geo.card.rect.center() + view.visualRect(index).topLeft().toPointF()).toPoint()


def test_a_cart_that_never_became_an_order_starts_one_with_its_items_and_then_opens_it(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    contact_id, good, garbled = carts_from_the_phone(window.ctx)
    actions = OrderActions(window, window.ctx)
    load_chats(window, qtbot)
    assert window.chat_list.select_contact(contact_id)
    view = window.chat.view
    model = view.chat_model
    qtbot.waitUntil(lambda: model.contact_id == contact_id and model.rowCount() == 2)
    settle(qtbot)
    rows = {model.message_at(i).id: i for i in range(model.rowCount())}

    # The garbled cart says so on its card; clicking it starts nothing.
    geo, click = card_click(view, rows[garbled])
    assert geo.card.title == "Cart"
    assert geo.card.subtitle == "Its items can't be read: ask the customer to send it again"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click)
    settle(qtbot)
    assert open_forms() == []

    # The readable one lists what she chose and offers the order.
    geo, click = card_click(view, rows[good])
    assert geo.card.title.startswith("Cart · 2 item")  # "2 items": plurals come from the .qm
    assert geo.card.subtitle == "Not an order yet · Start order"
    assert "린넨 셔츠\u00a0×2   ₩54,000 (₩27,000\u00a0each)" in geo.text
    assert "OLD-7\u00a0×1 (not in catalogue)   ₩5,000" in geo.text
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click)
    qtbot.waitUntil(lambda: len(open_forms()) == 1)
    [form] = open_forms()
    qtbot.waitUntil(lambda: form.lines.rowCount() == 2)
    assert [(line.name, line.quantity, line.price_minor) for line in form.lines.lines] == [
        ("린넨 셔츠", 2, 27000),  # at the price she saw, as the card shows it
        ("OLD-7", 1, 5000),  # no longer in the catalogue: its code
    ]
    # Clicked again (the form went behind the window): the one form, nothing doubled.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=click)
    qtbot.waitUntil(lambda: ui_ops_idle())
    assert open_forms() == [form] and actions.new_orders[contact_id] is form
    assert [line.quantity for line in form.lines.lines] == [2, 1]

    qtbot.waitUntil(form.create_button.isEnabled)
    assert form.total_label.text() == "₩59,000"  # as the card says; free shipping: over ₩50,000
    with qtbot.waitSignal(form.created):
        form.create_button.click()
    with window.ctx.db.read() as s:
        [order] = s.scalars(select(Order)).all()
        assert (order.message_id, order.source, order.note) == (good, "cart", "선물 포장 부탁드려요")
        assert order.total_minor == 59000
        number = order.number
    # Its card now opens that order, as a cart that came in live does.
    qtbot.waitUntil(lambda: card_click(view, rows[good])[0].card.subtitle == "Open order")
    assert card_click(view, rows[good])[0].card.title.startswith(f"Order {number}")
    for top in QApplication.topLevelWidgets():  # the order window it opened
        if top.isVisible() and top is not window:
            top.close()


def ui_ops_idle() -> bool:
    from ui.ops import pending_ops

    return pending_ops() == 0
