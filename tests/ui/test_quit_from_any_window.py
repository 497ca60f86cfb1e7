"""Quitting (Ctrl+Q) from any window of the shop, with an order's unsaved edits asked about first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.models import Order
from tests.ui.test_order_window_edits import new_order, type_address
from ui.menus import install_menus
from ui.order_window import OrderWindow

Button = QMessageBox.StandardButton


def stored_address(window: Any, order_id: int) -> str:
    with window.ctx.db.read() as s:
        order = s.get(Order, order_id)
        assert order is not None
        return order.address


def open_typed_order(window: Any, qtbot: Any) -> tuple[int, OrderWindow]:
    install_menus(window, window.ctx)
    order_id = new_order(window.ctx)
    order_window = window.orders.open_order(order_id)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    type_address(order_window)
    return order_id, order_window


def press_quit(qtbot: Any, widget: Any) -> None:
    with qtbot.waitActive(widget):  # the shortcut goes to the active window
        widget.activateWindow()
    qtbot.keyClick(widget, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_save_on_quitting_stores_the_order_edits_and_the_app_quits_without_a_second_ctrl_q(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, order_window = open_typed_order(window, qtbot)
    asked = dialogs.expect("question", answer=Button.Save)
    window.close()
    assert len(asked.shown) == 1
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert not order_window.isVisible()
    assert stored_address(window, order_id) == "부산 해운대구 우동 1234"


def test_cancel_on_quitting_keeps_every_window_and_the_typing(window: Any, qtbot: Any, dialogs: Any) -> None:
    order_id, order_window = open_typed_order(window, qtbot)
    dialogs.expect("question", answer=Button.Cancel)
    window.close()
    assert window.isVisible() and order_window.isVisible()
    assert order_window.ship_to.address.text() == "부산 해운대구 우동 1234"
    assert stored_address(window, order_id) == ""


def test_a_refused_save_on_quitting_keeps_the_app_open_and_says_why(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, order_window = open_typed_order(window, qtbot)
    order_window.ship_to.postcode.setText("4809")
    dialogs.expect("question", answer=Button.Save)
    window.close()
    qtbot.waitUntil(lambda: order_window.error.isVisible(), timeout=5000)
    assert "4809" in order_window.error.text()
    assert window.isVisible() and order_window.isVisible()
    # Fixed and saved later, the order window closes alone: the quit the save refused stays off.
    order_window.ship_to.postcode.setText("48094")
    dialogs.expect("question", answer=Button.Save)
    order_window.close()
    qtbot.waitUntil(lambda: not order_window.isVisible(), timeout=5000)
    assert window.isVisible()
    assert stored_address(window, order_id) == "부산 해운대구 우동 1234"


def test_ctrl_q_in_an_order_window_asks_about_its_edits_and_quits(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    order_id, order_window = open_typed_order(window, qtbot)
    asked = dialogs.expect("question", answer=Button.Save)
    press_quit(qtbot, order_window)
    assert len(asked.shown) == 1
    qtbot.waitUntil(lambda: not window.isVisible() and not order_window.isVisible(), timeout=5000)
    assert stored_address(window, order_id) == "부산 해운대구 우동 1234"


def test_ctrl_q_on_the_orders_board_quits_the_app(window: Any, qtbot: Any) -> None:
    install_menus(window, window.ctx)
    board = window.orders.open_board()
    qtbot.waitExposed(board)
    press_quit(qtbot, board)
    qtbot.waitUntil(lambda: not window.isVisible() and not board.isVisible(), timeout=5000)


def test_quitting_while_an_editor_saves_quits_once_it_is_stored_without_asking(
    window: Any, qtbot: Any
) -> None:
    """Save in the greeting editor, then quit at once: the editor asked about the edits it was
    saving; now it closes once they are stored, and the quit goes on by itself."""
    from app.automations_store import AutomationsStore
    from ui.greeting_editor import GreetingEditor

    editor = GreetingEditor(window.ctx, client_provider=lambda: None, parent=window)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_busy(), timeout=5000)
    editor.enabled.setChecked(True)
    editor.text.setPlainText("Welcome!")
    editor.save()
    window.close()  # no question declared: asking would fail the test
    qtbot.waitUntil(lambda: not window.isVisible() and not editor.isVisible(), timeout=5000)
    assert AutomationsStore(window.ctx.db).state().doc.greeting.text == "Welcome!"
