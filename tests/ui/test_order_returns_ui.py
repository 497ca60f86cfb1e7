"""The owner records a return or exchange from a shipped order's window, as a customer sends goods back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.catalog import ItemDraft, create_item
from app.models import Contact
from app.order_actions import load_order
from app.order_queries import EventRow
from app.order_returns import RETURNED
from app.orders import LineInput, OrderState, create_order, move_order
from app.stock import set_stock, stock_levels
from tests.support.factories import make_contact
from ui.order_actions import OrderActions
from ui.order_history import event_text
from ui.return_dialog import ReturnDialog
from ui.return_lines import ReturnLinesModel


def shipped(ctx: Any) -> tuple[int, int]:
    """김민지 (wrote just now) bought 2 린넨 셔츠 (29,000원, counted: 10 before); shipped."""
    with ctx.db.write() as s:
        item = create_item(
            s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN")
        )
        set_stock(s, item, 10)
        c = make_contact(s, profile_name="김민지")
        s.get(Contact, c.id).last_inbound_at = datetime.now(UTC)  # type: ignore[union-attr]
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 2)], source="chat").id
        for state in (OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, courier="CJ대한통운", tracking="654321098765")
        return order_id, item


def on_hand(ctx: Any, item_id: int) -> int:
    with ctx.db.read() as s:
        return stock_levels(s, [item_id])[0].on_hand


def open_return(window: Any, qtbot: Any, dialogs: Any, order_id: int) -> tuple[Any, ReturnDialog]:
    actions = OrderActions(window, window.ctx)
    order_window = actions.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    button = order_window.findChild(QPushButton, "returnOrder")
    assert button is not None
    qtbot.waitUntil(button.isVisible)
    dialogs.expect("modal")
    button.click()
    dialog = order_window.findChild(ReturnDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.start is not None)
    return actions, dialog


def test_a_return_not_yet_back_prepares_the_refund_message_and_stock_waits_for_the_parcel(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, item = shipped(window.ctx)
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    order_window = actions.open_orders[order_id]
    model = dialog.model
    # One line: all of it is offered back, and with it all she paid.
    assert model.rows[0].coming == 2 and dialog.save_button.isEnabled()
    assert dialog.refund.text() == "58,000"
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    assert dialog.refund.text() == "29,000"  # what she paid for one shirt
    dialog.reason.setText("사이즈가 작아요")
    assert not dialog.goods_back.isChecked()
    dialog.save_button.click()
    pane = order_window.message
    qtbot.waitUntil(lambda: pane.isVisible() and pane.prepared is not None)
    assert pane.edit.toPlainText().endswith(
        "\nThe ₩29,000 you paid will be refunded: please send us the bank account to refund it to."
    )
    assert order_window.detail.state == OrderState.DONE
    assert (
        "returned: “린넨 셔츠” ×1 (사이즈가 작아요) · refund ₩29,000 · goods not back yet"
        in order_window.history.stringList()[0]
    )
    assert on_hand(window.ctx, item) == 8  # not on the shelf until it arrives
    with qtbot.waitSignal(pane.sent):
        pane.send_button.click()
    qtbot.waitUntil(lambda: "(customer told)" in order_window.history.stringList()[0])

    def arrived() -> QPushButton | None:
        """The button shown: each reload of the order makes its buttons again (the one found
        before may be gone by the time it is clicked)."""
        buttons = order_window.findChildren(QPushButton, "returnArrived")
        return next((b for b in buttons if b.isVisible()), None)

    qtbot.waitUntil(lambda: arrived() is not None)
    button = arrived()
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: on_hand(window.ctx, item) == 9)
    qtbot.waitUntil(lambda: order_window.findChild(QPushButton, "returnArrived") is None)
    assert "back in stock" in order_window.history.stringList()[0]


def test_the_order_window_says_what_its_returns_refunded_as_the_books_sheet_does(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Its total stays what she bought; under it, what came back to her, the sheet's Refund."""
    from PySide6.QtWidgets import QLabel

    from app.order_returns import refunds_of

    order_id, _item = shipped(window.ctx)
    order_window = record_a_return(window, qtbot, dialogs, order_id)
    refunded = order_window.findChild(QLabel, "orderRefunded")
    assert refunded is not None
    qtbot.waitUntil(refunded.isVisible)
    assert refunded.text() == "₩29,000"
    assert order_window.total.text() == "₩58,000"
    with window.ctx.db.read() as s:
        assert refunds_of(s, [order_id]) == {order_id: 29000}


def test_an_order_nothing_was_returned_of_shows_no_refund(window: Any, qtbot: Any) -> None:
    from PySide6.QtWidgets import QLabel

    order_id, _item = shipped(window.ctx)
    order_window = OrderActions(window, window.ctx).open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    refunded = order_window.findChild(QLabel, "orderRefunded")
    assert refunded is not None and refunded.isHidden()


def record_a_return(window: Any, qtbot: Any, dialogs: Any, order_id: int) -> Any:
    """One of the two shirts comes back (사이즈가 작아요); the window then offers her message."""
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    order_window = actions.open_orders[order_id]
    dialog.model.setData(dialog.model.index(0, ReturnLinesModel.COMING), 1)
    dialog.reason.setText("사이즈가 작아요")
    dialog.save_button.click()
    pane = order_window.message
    qtbot.waitUntil(lambda: pane.isVisible() and pane.prepared is not None)
    return order_window


def test_dont_send_on_a_return_message_writes_that_the_customer_was_not_told(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, _item = shipped(window.ctx)
    order_window = record_a_return(window, qtbot, dialogs, order_id)
    assert "(you chose not to" not in order_window.history.stringList()[0]
    order_window.message.skip_button.click()
    qtbot.waitUntil(
        lambda: order_window.history.stringList()[0].endswith(
            "goods not back yet (you chose not to send the customer the message)"
        )
    )
    assert order_window.message.isHidden()
    assert "(사이즈가 작아요)" in order_window.history.stringList()[0]  # her reason stays hers


def test_a_return_message_that_could_not_go_says_why_in_the_history(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, _item = shipped(window.ctx)
    with window.ctx.db.write() as s:  # she last wrote two days ago, and no return template is chosen
        order = load_order(window.ctx.db, order_id)
        contact = s.get(Contact, order.contact_id)
        assert contact is not None
        contact.last_inbound_at = datetime.now(UTC) - timedelta(days=2)
    order_window = record_a_return(window, qtbot, dialogs, order_id)
    assert not order_window.message.send_button.isEnabled()
    order_window.message.skip_button.click()
    qtbot.waitUntil(
        lambda: order_window.history.stringList()[0].endswith(
            "(the message could not be sent: no message from them in the last 24 hours, and no template "
            "for this step)"
        )
    )


def test_an_exchange_for_another_size_opens_the_new_paid_order_and_asks_nothing(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, item = shipped(window.ctx)
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    model.setData(model.index(0, ReturnLinesModel.NEW_OPTION), "L")
    assert dialog.refund.text() == "0"
    assert "no payment is asked" in dialog.summary.text()
    dialog.goods_back.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(actions.open_orders) == 2)
    new_id = next(oid for oid in actions.open_orders if oid != order_id)
    new = load_order(window.ctx.db, new_id)
    assert (
        new.state == OrderState.PAID and new.due_minor == 0 and new.carried_minor == new.total_minor == 29000
    )
    assert [(line.option, line.quantity) for line in new.lines] == [("L", 1)]
    assert on_hand(window.ctx, item) == 8  # one shirt back, the L one gone out
    original = load_order(window.ctx.db, order_id)
    assert original.events[-1].kind == RETURNED and new.number in original.events[-1].note
    for w in actions.open_orders.values():
        w.message.discard()


def test_the_history_says_a_return_and_an_exchange_in_korean(korean: None, korean_locale: None) -> None:
    at = datetime(2026, 12, 4, 6, 3, tzinfo=UTC)
    note = (
        '{"lines": [[0, 1, "린넨 셔츠", "M"]], "reason": "사이즈가 작아요", "goods_back": false, '
        '"currency": "KRW", "refund": 29000}'
    )
    text = event_text(EventRow(at, RETURNED, "shipped", "done", note), "Asia/Seoul")
    assert text.endswith(
        ": 반품: “린넨 셔츠 M” 1개 (사이즈가 작아요) · 환불 29,000원 · 상품이 아직 돌아오지 않음"
    )
    exchange = note.replace(
        '"refund": 29000', '"refund": 0, "exchange": {"id": 9, "number": "2026-0009"}, "due": 12000'
    )
    assert event_text(EventRow(at, RETURNED, None, None, exchange), "Asia/Seoul").endswith(
        ": 교환: “린넨 셔츠 M” 1개, 새\u00a0주문 2026-0009로 보냄 (사이즈가 작아요) · 새\u00a0주문에서 받을 금액 12,000원 · 상품이 아직 돌아오지 않음"
    )


def test_a_tracking_number_the_courier_file_replaced_reads_with_the_right_particles(
    korean: None, korean_locale: None
) -> None:
    from app.shipping_sheets import RETRACKED

    at = datetime(2026, 12, 4, 6, 3, tzinfo=UTC)
    note = '{"from": "384917265031", "to": "384917265099", "courier": "CJ대한통운"}'
    assert event_text(EventRow(at, RETRACKED, None, None, note), "Asia/Seoul").endswith(
        ": 택배사 파일로 송장번호 384917265031을 384917265099로 바꿈"
    )


def test_a_shipped_card_on_the_board_offers_the_return_and_a_paid_one_does_not(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from dataclasses import replace

    from PySide6.QtGui import QAction

    order_id, _item = shipped(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    card = board.columns[OrderState.SHIPPED].summary(0)
    menu = board.card_menu(card)
    back = menu.findChild(QAction, "returnOrder")
    assert back is not None
    dialogs.expect("modal")
    back.trigger()
    dialog = actions.open_orders[order_id].findChild(ReturnDialog)
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.start is not None)
    assert [row.name for row in dialog.model.rows] == ["린넨 셔츠"]
    dialog.reject()
    assert board.card_menu(replace(card, state="paid")).findChild(QAction, "returnOrder") is None


def two_lines_shipped(ctx: Any) -> int:
    """김민지 bought 2 린넨 셔츠 and 1 면 바지 (35,000원); shipped."""
    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=29000, currency="KRW", retailer_id="LINEN"))
        create_item(s, ItemDraft(name="면 바지", price_minor=35000, currency="KRW", retailer_id="PANTS"))
        c = make_contact(s, profile_name="김민지")
        s.get(Contact, c.id).last_inbound_at = datetime.now(UTC)  # type: ignore[union-attr]
        lines = [LineInput("LINEN", 2), LineInput("PANTS", 1)]
        order_id = create_order(s, contact_id=c.id, lines=lines, source="chat").id
        for state in (OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, courier="CJ대한통운", tracking="654321098765")
        return order_id


def type_in_cell(qtbot: Any, dialog: ReturnDialog, row: int, text: str) -> Any:
    """Start editing "Coming back" of `row` as a double-click does, type `text` over it; the editor."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    index = dialog.model.index(row, ReturnLinesModel.COMING)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, text)
    return editor


def recorded_lines(ctx: Any, order_id: int) -> list[list[Any]]:
    import json

    lines: list[list[Any]] = json.loads(load_order(ctx.db, order_id).events[-1].note)["lines"]
    return lines


def test_a_quantity_typed_and_confirmed_with_enter_is_the_one_recorded(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from PySide6.QtCore import Qt

    order_id, _item = shipped(window.ctx)
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    # She types 1 over the 2 offered; Enter ends the typing, Enter again records, never leaving the cell.
    editor = type_in_cell(qtbot, dialog, 0, "1")
    assert dialog.refund.text() == "29,000"  # what she typed counts at once
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.hasFocus())
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    pane = actions.open_orders[order_id].message
    qtbot.waitUntil(lambda: pane.prepared is not None)
    assert recorded_lines(window.ctx, order_id) == [[0, 1, "린넨 셔츠", ""]]
    assert "₩29,000" in pane.edit.toPlainText()
    pane.discard()


def test_a_quantity_typed_then_record_clicked_at_once_is_the_one_recorded(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from PySide6.QtCore import Qt

    order_id = two_lines_shipped(window.ctx)
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    assert not dialog.save_button.isEnabled()  # two lines: nothing picked yet
    # The trousers come back: typed, and Record clicked while the cell is still being edited.
    type_in_cell(qtbot, dialog, 1, "1")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    pane = actions.open_orders[order_id].message
    qtbot.waitUntil(lambda: pane.prepared is not None)
    assert recorded_lines(window.ctx, order_id) == [[1, 1, "면 바지", ""]]
    pane.discard()


def test_a_quantity_above_what_is_left_cannot_be_typed(window: Any, qtbot: Any, dialogs: Any) -> None:
    order_id, _item = shipped(window.ctx)
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    editor = type_in_cell(qtbot, dialog, 0, "5")
    assert editor.text() != "5" and dialog.model.rows[0].coming <= 2
    dialog.reject()


def test_cancelling_the_exchange_order_offers_the_refund_of_the_carried_money_in_both_histories(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.support.window_waits import settle

    order_id, item = shipped(window.ctx)
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    model.setData(model.index(0, ReturnLinesModel.NEW_OPTION), "L")
    dialog.goods_back.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(actions.open_orders) == 2)
    first = actions.open_orders[order_id]
    new_id = next(oid for oid in actions.open_orders if oid != order_id)
    new_window = actions.open_orders[new_id]
    qtbot.waitUntil(lambda: new_window.detail is not None)
    first.message.discard()
    cancel = new_window.findChild(QPushButton, "move_cancelled")
    assert cancel is not None
    qtbot.waitUntil(cancel.isVisible)
    number = load_order(window.ctx.db, order_id).number
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    cancel.click()
    qtbot.waitUntil(lambda: bool(asked.texts))
    # The new order cost her nothing more, yet the shirt she paid for in the first one is owed back.
    assert "The customer paid ₩29,000 for it: transfer it back to her yourself." in asked.texts[0]
    assert f"(It includes what she paid for order {number} that the exchange carried here.)" in asked.texts[0]
    qtbot.waitUntil(lambda: new_window.detail is not None and new_window.detail.state == OrderState.CANCELLED)
    settle(qtbot)
    assert any(
        f"refund ₩29,000 that order {number} paid and the exchange carried here" in line
        for line in new_window.history.stringList()
    )
    pane = new_window.message
    qtbot.waitUntil(lambda: pane.prepared is not None)
    assert pane.edit.toPlainText().endswith(
        "The ₩29,000 you paid will be refunded: please send us the bank account to refund it to."
    )
    new_number = load_order(window.ctx.db, new_id).number
    qtbot.waitUntil(
        lambda: any(
            f"exchange order {new_number} cancelled: the ₩29,000 carried to it is refunded" in line
            for line in first.history.stringList()
        )
    )
    assert on_hand(window.ctx, item) == 9  # the L shirt is back on the shelf, the returned one too
    pane.discard()


def test_an_exchange_chooses_the_replacement_from_the_catalogue_and_its_price_asks_the_difference(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from PySide6.QtCore import Qt

    order_id, _item = shipped(window.ctx)
    with window.ctx.db.write() as s:
        silk = create_item(
            s, ItemDraft(name="실크 블라우스", price_minor=41000, currency="KRW", retailer_id="SILK-BL")
        )
        set_stock(s, silk, 0, "M")
        set_stock(s, silk, 2, "L")
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    assert dialog.choose_button.isVisible() or not dialog.isVisible()
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    seen: dict[str, Any] = {}

    def choose(picker: Any) -> None:
        # She searches by name, not code; the silk blouse's sizes are offered with what is left.
        picker.search.setText("실크")  # (QTest types no Hangul)
        qtbot.waitUntil(lambda: picker.is_loaded() and picker.model.rowCount() == 1)
        combo = picker.option_box.combo
        seen["sizes"] = [combo.itemText(i) for i in range(combo.count())]
        combo.setEditText("M")
        seen["M"] = (picker.hint.text(), picker.send.isEnabled())
        combo.setCurrentIndex(seen["sizes"].index("L"))
        seen["L"] = (picker.hint.text(), picker.send.isEnabled())
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)  # Enter in the size box chooses

    picker = dialogs.expect("modal", answer=choose)
    dialog.choose_button.click()
    assert [shown.widget for shown in picker.shown] == ["CatalogPicker"]
    assert seen["sizes"] == ["M", "L"]  # as a shop lists sizes, not by the alphabet
    assert seen["M"] == ("“실크 블라우스 M” is out of stock: choose another option or item.", False)
    assert seen["L"] == ("“실크 블라우스 L”: ₩41,000 each · 2 in stock", True)
    assert model.data(model.index(0, ReturnLinesModel.NEW_ITEM)) == "실크 블라우스 (₩41,000)"
    assert model.data(model.index(0, ReturnLinesModel.NEW_OPTION)) == "L"
    # Dearer than the ₩29,000 shirt she sends back: the new order asks the difference, nothing refunded.
    assert "it asks the customer for the difference of ₩12,000." in dialog.summary.text()
    assert dialog.refund.text() == "0" and dialog.save_button.isEnabled()
    dialog.goods_back.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(actions.open_orders) == 2)
    new_id = next(oid for oid in actions.open_orders if oid != order_id)
    new = load_order(window.ctx.db, new_id)
    assert [(line.name, line.option, line.unit_price_minor) for line in new.lines] == [
        ("실크 블라우스", "L", 41000)
    ]
    assert (new.total_minor, new.carried_minor, new.due_minor) == (41000, 29000, 12000)
    # Her shirt's payment is paid on the new order, not a discount the shop gave.
    new_window = actions.open_orders[new_id]
    qtbot.waitUntil(lambda: new_window.detail is not None and new_window.detail.id == new_id)
    first_number = load_order(window.ctx.db, order_id).number
    assert new_window.discount.text() == "—"
    assert new_window.total.text() == "₩41,000"
    assert new_window.carried_label.text() == f"Paid on order {first_number}"
    assert new_window.carried.text() == "₩29,000" and new_window.carried.isVisible()
    assert new_window.due.text() == "₩12,000" and new_window.due.isVisible()
    assert not actions.open_orders[order_id].carried.isVisible()  # the first order carried nothing in
    for w in actions.open_orders.values():
        w.message.discard()


def test_a_replacement_out_of_stock_is_said_before_the_exchange_is_recorded(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, item = shipped(window.ctx)
    with window.ctx.db.write() as s:
        set_stock(s, item, 0)  # the last shirts went to other customers
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    model.setData(model.index(0, ReturnLinesModel.NEW_OPTION), "L")
    qtbot.waitUntil(lambda: not dialog.stock_note.isHidden())
    assert dialog.stock_note.text() == (
        "“린넨 셔츠 L” is out of stock: choose another option or item to send instead."
    )
    assert not dialog.save_button.isEnabled()
    dialog.kind_return.setChecked(True)  # a plain return takes nothing from the shelf
    assert dialog.stock_note.isHidden() and dialog.save_button.isEnabled()
    dialog.reject()


def test_a_cheaper_replacement_says_what_of_her_payment_comes_back(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from app.catalog_edits import picker_page
    from ui.catalog_picker import PickedItem

    order_id, _item = shipped(window.ctx)
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="에코백", price_minor=12000, currency="KRW", retailer_id="BAG"))
    [bag] = picker_page(window.ctx.db, "에코백", 5).rows
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    model.set_replacement(0, PickedItem(bag.id, "BAG", "에코백", "", 12000, "KRW", None))
    assert dialog.refund.text() == "17,000"
    assert dialog.summary.text().endswith("The rest of what she paid, ₩17,000, is hers to get back.")
    dialog.reject()


def test_in_korean_the_replacement_out_of_stock_reads_with_its_particle(
    window: Any, qtbot: Any, dialogs: Any, korean: None
) -> None:
    order_id, item = shipped(window.ctx)
    with window.ctx.db.write() as s:
        set_stock(s, item, 0)
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    model.setData(model.index(0, ReturnLinesModel.NEW_OPTION), "L")
    qtbot.waitUntil(lambda: not dialog.stock_note.isHidden())
    assert (
        dialog.stock_note.text() == "“린넨 셔츠 L”은 품절이에요. 대신 보낼 다른 옵션이나 상품을 골라 주세요."
    )
    dialog.reject()


def test_in_korean_an_exchange_counts_the_pieces_exchanged_and_a_return_those_returned(
    window: Any, qtbot: Any, dialogs: Any, korean: None
) -> None:
    """반품 reads as money back: choosing 교환 names the column of pieces sent back 교환 수량."""
    order_id, _item = shipped(window.ctx)
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    header = dialog.table.model().headerData
    horizontal = Qt.Orientation.Horizontal
    assert header(ReturnLinesModel.COMING, horizontal) == "반품 수량"
    dialog.kind_exchange.setChecked(True)
    assert header(ReturnLinesModel.COMING, horizontal) == "교환 수량"
    dialog.kind_return.setChecked(True)
    assert header(ReturnLinesModel.COMING, horizontal) == "반품 수량"
    dialog.reject()


def test_the_history_says_in_korean_what_a_cancelled_exchange_order_hands_back(
    korean: None, korean_locale: None
) -> None:
    from app.order_returns import CARRIED_BACK

    at = datetime(2026, 12, 4, 6, 3, tzinfo=UTC)

    def line(side: str, refund: int, restored: bool = False) -> str:
        number = "2026-0004" if side == "exchange" else "2026-0008"
        note = f'{{"id": 4, "number": "{number}", "refund": {refund}, "currency": "KRW", "side": "{side}"' + (
            ', "restored": true}' if restored else "}"
        )
        return event_text(EventRow(at, CARRIED_BACK, None, None, note), "Asia/Seoul")

    assert line("original", 39000).endswith(
        ": 교환 주문 2026-0008이 취소되어 그\u00a0주문으로 넘긴 39,000원을 환불함"
    )
    assert line("exchange", 39000).endswith(": 주문 2026-0004에서 결제하고 교환으로 넘어온 39,000원 환불")
    assert line("original", -39000, restored=True).endswith(
        ": 교환 주문 2026-0008이 결국 결제되어 그\u00a0주문으로 넘긴 39,000원은 환불하지 않음"
    )


def test_cancelling_an_exchange_card_on_the_board_asks_with_the_carried_refund(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from app.order_actions import save_return
    from app.order_returns import ReturnLine, ReturnRequest
    from tests.support.window_waits import settle
    from ui.order_board import OrderBoard

    order_id, _item = shipped(window.ctx)
    request = ReturnRequest(
        (ReturnLine(0, 1),), goods_back=True, exchange=(LineInput("LINEN", 1, option="L"),)
    )
    _d, _c, outcome = save_return(window.ctx.db, order_id, request)
    assert outcome.exchange_id is not None
    board = OrderBoard(window.ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    kept = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    board.move_card(outcome.exchange_id, OrderState.CANCELLED)
    settle(qtbot)
    number = load_order(window.ctx.db, order_id).number
    assert "The customer paid ₩29,000 for it" in kept.texts[0]  # the card itself says 0원
    assert f"order {number} that the exchange carried here" in kept.texts[0]
    assert load_order(window.ctx.db, outcome.exchange_id).state == OrderState.PAID


def test_enter_on_exchange_for_opens_the_catalogue_and_records_nothing_by_itself(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from PySide6.QtCore import Qt

    order_id, _item = shipped(window.ctx)
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    dialog.table.setCurrentIndex(model.index(0, ReturnLinesModel.NEW_ITEM))
    dialog.table.setFocus()

    def choose(picker: Any) -> None:
        qtbot.waitUntil(lambda: picker.is_loaded() and picker.send.isEnabled())
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # the shirt she sent back, in the same size

    picker = dialogs.expect("modal", answer=choose)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert [shown.widget for shown in picker.shown] == ["CatalogPicker"]
    assert dialog.isVisible() and len(actions.open_orders) == 1  # chosen, not recorded yet
    assert load_order(window.ctx.db, order_id).state == OrderState.SHIPPED
    dialog.reject()


def test_the_catalogue_for_an_exchange_starts_on_the_piece_sent_back_in_its_size(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """An exchange is mostly another size of the same piece: the picker opened on the catalogue's
    first item (a bag), and Enter chose it. It starts on the shirt she sends back, in her size."""
    from PySide6.QtCore import Qt

    order_id, _item = shipped(window.ctx)
    with window.ctx.db.write() as s:
        for name, code in (("가죽 가방", "BAG"), ("실크 블라우스", "SILK-BL")):
            create_item(s, ItemDraft(name=name, price_minor=41000, currency="KRW", retailer_id=code))
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    seen: dict[str, Any] = {}

    def choose(picker: Any) -> None:
        qtbot.waitUntil(lambda: picker.is_loaded() and picker.send.isEnabled())
        seen["first row"] = picker.model.item(0).name
        seen["chosen"] = picker.chosen_item().name
        picker.option_box.combo.setEditText("L")
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)

    picker = dialogs.expect("modal", answer=choose)
    dialog.choose_button.click()
    assert [shown.widget for shown in picker.shown] == ["CatalogPicker"]
    assert seen["first row"] != "린넨 셔츠"  # not simply the top of the list
    assert seen["chosen"] == "린넨 셔츠"
    assert model.data(model.index(0, ReturnLinesModel.NEW_ITEM)) == "린넨 셔츠 (₩29,000)"
    assert model.data(model.index(0, ReturnLinesModel.NEW_OPTION)) == "L"
    assert dialog.isVisible() and len(actions.open_orders) == 1
    dialog.reject()


def test_an_exchange_of_the_whole_order_offers_no_refund_of_its_shipping(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """The demo's 김민지 swapped her one shirt (39,000원 + 3,000원 shipping) for another size, and the
    dialog offered 3,000원 back: the shipping that carried the shirt she returns."""
    from app.orders import Charges

    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="김민지")
        order_id = create_order(
            s,
            contact_id=c.id,
            lines=[LineInput("LINEN", 1, option="M")],
            source="chat",
            charges=Charges(shipping_minor=3000),
        ).id
        for state in (OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, courier="CJ대한통운", tracking="654321098765")
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    assert model.data(model.index(0, ReturnLinesModel.NEW_ITEM)) == "린넨 셔츠 (₩39,000)"
    assert dialog.refund.text() == "0"
    summary = dialog.summary.text()
    assert summary.endswith("A new order is made and marked paid: no payment is asked.")
    assert "get back" not in summary
    dialog.reject()


def test_after_an_exchange_the_new_order_opens_beside_and_the_originals_message_stays_in_front(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Walk: the exchange's new order opened over the original's window and hid its 고객에게 보낼
    메시지 (what comes back and what goes out), the step the owner had next."""
    order_id, _item = shipped(window.ctx)
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    original = actions.open_orders[order_id]
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    model.setData(model.index(0, ReturnLinesModel.NEW_OPTION), "L")
    dialog.goods_back.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(actions.open_orders) == 2)
    new = next(w for oid, w in actions.open_orders.items() if oid != order_id)
    qtbot.waitUntil(lambda: new.isVisible() and original.message.isVisible())
    qtbot.waitUntil(lambda: original.message.send_button.isEnabled())
    assert original.message.edit.toPlainText()  # the exchange's message, ready to send
    assert original.isActiveWindow() and not new.isActiveWindow()  # in front, not under the new order
    screen = original.screen().availableGeometry()
    assert screen.contains(original.frameGeometry()) and screen.contains(new.frameGeometry())
    if original.frameGeometry().width() + new.frameGeometry().width() <= screen.width():
        assert not new.frameGeometry().intersects(original.frameGeometry())  # both whole on screen
    else:  # a narrow screen: as far beside as it goes, the original over it
        assert new.frameGeometry().left() > original.frameGeometry().left()
    for w in actions.open_orders.values():
        w.message.discard()


def test_a_replacement_priced_in_another_currency_is_refused_not_read_as_pence(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """A shop moved from Korea to the UK exchanged a £12 gift box for a ₩22,000 cap from its old
    catalogue: the cap went in as £220.00 and the new order asked her for £208."""
    with window.ctx.db.write() as s:
        create_item(s, ItemDraft(name="Gift box", price_minor=1200, currency="GBP", retailer_id="GIFT"))
        create_item(s, ItemDraft(name="Baseball cap", price_minor=22000, currency="KRW", retailer_id="CAP"))
        amy = make_contact(s, profile_name="Amy Clarke")
        order_id = create_order(
            s, contact_id=amy.id, lines=[LineInput("GIFT", 1)], source="chat", currency="GBP"
        ).id
        for state in (OrderState.PAID, OrderState.SHIPPED):
            move_order(s, order_id, state, courier="Royal Mail", tracking="AB123456789GB")
    _actions, dialog = open_return(window, qtbot, dialogs, order_id)
    # Any customer's reason, in words that assume nobody's gender.
    assert dialog.reason.placeholderText() == "e.g. too small, damaged in delivery, changed their mind"
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)

    def choose_the_cap(picker: Any) -> None:
        picker.search.setText("CAP")
        qtbot.waitUntil(lambda: picker.is_loaded() and picker.model.rowCount() == 1)
        picker.accept()

    dialogs.expect("modal", answer=choose_the_cap)
    dialog.choose_button.click()
    assert dialog.error.isVisible() or not dialog.isVisible()
    assert dialog.error.text() == (
        "“Baseball cap” is priced in KRW, but this order's items are in GBP: all items of an order must "
        "be in the same currency."
    )
    assert model.data(model.index(0, ReturnLinesModel.NEW_ITEM)) == "Gift box (£12.00)"  # still the same
    assert "£220.00" not in dialog.summary.text() and "difference" not in dialog.summary.text()


def test_the_exchanged_orders_history_says_it_moved_to_done_closed_by_the_exchange(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """Walk: after the exchange the original went from Shipped to Done, and its history, which has a
    line for every other step, had none for that one. The new order's payment name is hers too."""
    order_id, _item = shipped(window.ctx)
    with window.ctx.db.write() as s:
        from app.orders import set_payment_details

        set_payment_details(s, order_id, "김민지엄마", "")
    actions, dialog = open_return(window, qtbot, dialogs, order_id)
    original = actions.open_orders[order_id]
    dialog.kind_exchange.setChecked(True)
    model = dialog.model
    model.setData(model.index(0, ReturnLinesModel.COMING), 1)
    model.setData(model.index(0, ReturnLinesModel.NEW_OPTION), "L")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(actions.open_orders) == 2)
    new_id = next(oid for oid in actions.open_orders if oid != order_id)
    new = actions.open_orders[new_id]
    number = load_order(window.ctx.db, new_id).number
    qtbot.waitUntil(lambda: original.detail is not None and original.detail.state == OrderState.DONE)
    history = original.history.stringList()
    assert "exchanged:" in history[0]  # the exchange's own line, and under it the step it made
    assert history[1].endswith(f": Shipped → Done, closed by the exchange to order {number}")
    qtbot.waitUntil(lambda: new.detail is not None)
    assert new.depositor.text() == "김민지엄마"  # the name her transfer came under, hers to change
    for w in actions.open_orders.values():
        w.message.discard()


def test_the_history_says_in_korean_the_step_a_return_or_exchange_moved_the_order_to(
    korean: None, korean_locale: None
) -> None:
    from ui.order_history import history_lines

    at = datetime(2026, 12, 4, 6, 3, tzinfo=UTC)
    exchange = (
        '{"lines": [[0, 1, "린넨 셔츠", "M"]], "reason": "", "goods_back": false, "currency": "KRW", '
        '"refund": 0, "exchange": {"id": 9, "number": "2026-0009"}, "due": 0}'
    )
    created = EventRow(at - timedelta(days=2), "created", None, "new", "")
    lines = history_lines([created, EventRow(at, RETURNED, "shipped", "done", exchange)], "Asia/Seoul")
    assert len(lines) == 3 and lines[-1].endswith(": 주문 접수")
    assert lines[1].endswith(": 배송 중 → 완료, 주문 2026-0009로 교환되어 마무리됨")
    assert lines[0].endswith(
        ": 교환: “린넨 셔츠 M” 1개, 새\u00a0주문 2026-0009로 보냄 · 상품이 아직 돌아오지 않음"
    )
    whole = exchange.replace(', "exchange": {"id": 9, "number": "2026-0009"}, "due": 0', "")
    back = history_lines([EventRow(at, RETURNED, "shipped", "cancelled", whole)], "Asia/Seoul")
    assert back[1].endswith(": 배송 중 → 취소, 모든 상품이 반품됨")
    done = history_lines([EventRow(at, RETURNED, "shipped", "done", whole)], "Asia/Seoul")
    assert done[1].endswith(": 배송 중 → 완료, 반품으로 마무리됨")
    # A second return of an order already done moved nothing: its one line only.
    assert len(history_lines([EventRow(at, RETURNED, None, None, whole)], "Asia/Seoul")) == 1
