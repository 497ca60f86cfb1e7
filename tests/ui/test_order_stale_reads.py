"""An older read of the orders never shows over a newer one: the order form's stock counts after a
late search answer, and the board's Undo after a late look at the order it offers."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

import ui.order_form
import ui.order_move_back
from app.catalog import find_item_by_code
from app.changes import Changes
from app.orders import OrderState
from app.stock import set_stock
from tests.support.held_reads import hold_first_read
from tests.ui.test_order_form_stock import shirt_with_18_left
from tests.ui.test_order_move_back import minjis_order
from ui.ops import pending_ops
from ui.order_actions import OrderActions
from ui.order_form import StartOrderDialog


def test_a_late_search_answer_does_not_put_back_the_stock_a_newer_one_counted(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, dialogs: Any
) -> None:
    contact_id = shirt_with_18_left(window.ctx)
    dialog = StartOrderDialog(window.ctx, contact_id, "박서연", parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.settings_loaded and dialog.results_model.rowCount() == 2)
    qtbot.waitUntil(lambda: pending_ops() == 0)

    held = hold_first_read(monkeypatch, ui.order_form, "items_for_order")
    try:
        dialog.search.setText("린넨")  # counted while 18 are left, and slow to answer
        qtbot.waitUntil(held.read.is_set)
        with window.ctx.db.write() as s:  # sold in the shop meanwhile: 3 left after the two held
            shirt = find_item_by_code(s, "LINEN-OAT")
            assert shirt is not None
            set_stock(s, shirt.id, 5)
        dialog.search.setText("린넨 셔츠")
        qtbot.waitUntil(lambda: any("3 in stock" in text for text in dialog.results_model.stringList()))
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0)

    dialog.add_result(0)
    lines = dialog.lines
    try:
        assert lines.setData(lines.index(0, 2), 4, Qt.ItemDataRole.EditRole)
        assert dialog.stock_note.isVisible()
        assert dialog.stock_note.text() == "Only 3 of “린넨 셔츠 오트밀” left in stock; this order needs 4."
    finally:
        dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
        dialog.reject()  # closed unmade


def test_the_boards_undo_never_offers_again_a_move_the_order_has_left(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    order_id = minjis_order(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    strip = board.move_back.strip

    def move_on_the_board(state: OrderState) -> None:
        """The card's menu moves it; the order's window holds the move until the owner says (nothing
        can tell 김민지, who never wrote)."""
        card = next(
            model.summary(row)
            for model in board.columns.values()
            for row in range(model.rowCount())
            if model.summary(row).id == order_id
        )
        move = next(a for a in board.card_menu(card).actions() if a.objectName() == f"move_{state.value}")
        move.trigger()
        qtbot.waitUntil(lambda: order_id in actions.open_orders)
        button = actions.open_orders[order_id].message.unsent_button
        qtbot.waitUntil(button.isVisible)
        button.click()

    move_on_the_board(OrderState.AWAITING_PAYMENT)
    qtbot.waitUntil(lambda: strip.note.text() == "Order 2026-0001 moved to “Awaiting payment”.")
    qtbot.waitUntil(lambda: pending_ops() == 0)

    looked = hold_first_read(monkeypatch, ui.order_move_back, "latest_back_step")
    later = None
    try:
        window.ctx.publish(Changes(orders=frozenset({order_id})))  # its memo edited, say
        qtbot.waitUntil(looked.read.is_set)  # read while it awaits payment
        later = hold_first_read(monkeypatch, ui.order_move_back, "latest_back_step")
        move_on_the_board(OrderState.PAID)
        qtbot.waitUntil(lambda: strip.note.text() == "Order 2026-0001 moved to “Paid”.")
        qtbot.waitUntil(later.read.is_set)  # the look its own move started, held in turn
        looked.let_go()  # the older look answers first
        qtbot.waitUntil(lambda: pending_ops() == 1)
        assert strip.note.text() == "Order 2026-0001 moved to “Paid”."
        assert board.move_back.offer_of(order_id) is OrderState.PAID
    finally:
        looked.let_go()
        if later is not None:
            later.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0)
    assert strip.note.text() == "Order 2026-0001 moved to “Paid”."
