"""An order's window, before it ships, takes the size the customer asked for and the owner's memo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPushButton

from app.catalog import ItemDraft, create_item
from app.models import Order
from app.orders import LineInput, OrderState, create_order, move_order
from tests.support.factories import make_contact
from tests.support.window_waits import settle
from ui.order_actions import OrderActions
from ui.order_lines import OPTION_COLUMN
from ui.order_window import OrderWindow


def cart_order(ctx: Any, *moves: OrderState) -> int:
    """최유진's cart: one white blouse, "S 사이즈로 부탁드려요" in her note."""
    with ctx.db.write() as s:
        create_item(
            s, ItemDraft(name="린넨 블라우스", price_minor=42000, currency="KRW", retailer_id="LN-BL-WH")
        )
        c = make_contact(s, profile_name="최유진")
        order_id = create_order(
            s, contact_id=c.id, lines=[LineInput("LN-BL-WH", 1)], source="cart", note="S 사이즈로 부탁드려요"
        ).id
        for state in moves:
            move_order(s, order_id, state)
        return order_id


def open_order(window: Any, qtbot: Any, order_id: int) -> OrderWindow:
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    return order_window


def stored(window: Any, order_id: int) -> Order:
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        _ = order.lines
        s.expunge(order)
        return order


def test_the_owner_types_the_customers_size_on_a_cart_orders_line(window: Any, qtbot: Any) -> None:
    order_id = cart_order(window.ctx, OrderState.AWAITING_PAYMENT)
    order_window = open_order(window, qtbot, order_id)
    assert order_window.note.text() == "Customer's note: S 사이즈로 부탁드려요"
    table = order_window.table
    cell = order_window.lines.index(0, OPTION_COLUMN)
    table.setCurrentIndex(cell)
    table.edit(cell)
    editor = table.viewport().findChild(QLineEdit)
    assert editor is not None
    qtbot.keyClicks(editor, "S")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: stored(window, order_id).lines[0].option == "S")
    order = stored(window, order_id)
    assert (order.lines[0].unit_price_minor, order.total_minor, order.state) == (
        42000,
        42000 + order.shipping_minor,
        OrderState.AWAITING_PAYMENT,
    )
    assert cell.data() == "S"
    # The order's history says it, as it says every other change.
    qtbot.waitUntil(lambda: len(order_window.history.stringList()) == 3)
    assert order_window.history.stringList()[0].endswith(": option of “린넨 블라우스” set to “S”")


def test_a_shipped_orders_options_stay_as_they_were_sent(window: Any, qtbot: Any) -> None:
    order_id = cart_order(window.ctx, OrderState.PAID, OrderState.SHIPPED)
    order_window = open_order(window, qtbot, order_id)
    cell = order_window.lines.index(0, OPTION_COLUMN)
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable


def test_the_owners_memo_is_saved_with_the_order_and_shown_when_it_opens_again(
    window: Any, qtbot: Any
) -> None:
    order_id = cart_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    save = order_window.findChild(QPushButton, "saveMemo")
    assert save is not None
    assert not save.isEnabled()  # nothing typed: nothing to save
    order_window.memo.setText("선물 포장 준비하기")
    assert order_window.has_unsaved_edits()
    assert save.isEnabled()
    save.click()
    qtbot.waitUntil(lambda: not order_window.has_unsaved_edits())
    # The click shows it saved: the button goes grey until the memo is typed again.
    assert not save.isEnabled()
    assert stored(window, order_id).memo == "선물 포장 준비하기"
    order_window.close()
    again = OrderWindow(window.ctx, order_id, window)
    qtbot.waitUntil(lambda: again.detail is not None)
    assert again.memo.text() == "선물 포장 준비하기"
    assert stored(window, order_id).note == "S 사이즈로 부탁드려요"
    again.deleteLater()


def test_saving_the_address_says_it_was_saved_until_the_owner_types_again(window: Any, qtbot: Any) -> None:
    order_id = cart_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    form = order_window.ship_to
    form.postcode.setText("04799")
    form.address.setText("서울 성동구 성수이로 113")
    assert form.saved_note.isHidden()
    form.save_button.click()
    qtbot.waitUntil(lambda: form.saved_note.isVisibleTo(order_window))
    assert form.saved_note.text() == "Saved"
    assert stored(window, order_id).address == "서울 성동구 성수이로 113"
    qtbot.keyClicks(form.detail, "3F")
    assert form.saved_note.isHidden()


def test_words_typed_in_the_memo_while_its_save_waits_stay_and_are_still_unsaved(
    window: Any, qtbot: Any
) -> None:
    """The memo stays open to typing while its save waits for the database: the save's answer put
    the stored memo back in the field, and what was typed meanwhile was gone."""
    import sqlite3

    order_id = cart_order(window.ctx)
    order_window = open_order(window, qtbot, order_id)
    order_window.memo.setText("선물 포장")
    save = order_window.findChild(QPushButton, "saveMemo")
    assert save is not None
    blocker = sqlite3.connect(window.ctx.paths.database, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # a sync chunk holds the database: the save waits its turn
    try:
        save.click()
        order_window.memo.setText("선물 포장 준비하기")  # typed on while it waits
    finally:
        blocker.execute("COMMIT")
        blocker.close()
    qtbot.waitUntil(lambda: stored(window, order_id).memo == "선물 포장", timeout=10_000)
    settle(qtbot)  # the window heard its save done
    assert order_window.memo.text() == "선물 포장 준비하기"
    assert order_window.has_unsaved_edits()
