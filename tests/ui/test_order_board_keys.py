"""The orders board as the owner works it: Enter or a double-click opens a card, and the bank file is a
button away."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QToolButton

from tests.ui.test_orders_ui import some_orders
from ui.deposit_dialog import DepositDialog
from ui.order_actions import OrderActions
from ui.order_board import OrderBoard


def open_board(window: Any, qtbot: Any) -> tuple[OrderActions, OrderBoard]:
    some_orders(window.ctx)
    actions = OrderActions(window, window.ctx)
    board = actions.open_board()
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    return actions, board


def test_the_board_opens_the_bank_file_matching_as_the_shop_menu_does(window: Any, qtbot: Any) -> None:
    _actions, board = open_board(window, qtbot)
    button = board.findChild(QToolButton, "matchDeposits")
    assert button is not None and button.isVisible() and button.text() == "Match bank deposits…"
    button.click()
    dialog = next(w for w in board.findChildren(DepositDialog) if w.isVisible())
    qtbot.addWidget(dialog)
    assert dialog.parent() is board  # over the board the owner works in, not behind it


def test_a_board_without_order_windows_has_no_bank_file_button(qtbot: Any, ctx: Any) -> None:
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    board.show()
    qtbot.waitUntil(lambda: board.loaded_once)
    button = board.findChild(QToolButton, "matchDeposits")
    assert button is not None and not button.isVisible()
