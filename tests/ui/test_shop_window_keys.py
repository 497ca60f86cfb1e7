"""The shop's window keys work from its other windows: Ctrl+Shift+K from the order board opens the
catalogue (to check stock while taking an order), Ctrl+Shift+O from the catalogue brings the board."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.catalog_window import CatalogWindow
from ui.menus import install_menus
from ui.order_board import OrderBoard

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def shown(kind: type) -> list[Any]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def test_ctrl_shift_k_in_the_order_board_opens_the_catalogue_and_ctrl_shift_o_goes_back(
    window: Any, qtbot: Any
) -> None:
    install_menus(window, window.ctx)
    board = window.orders.open_board()
    assert isinstance(board, OrderBoard)
    qtbot.addWidget(board)
    qtbot.waitUntil(lambda: board.loaded_once)
    with qtbot.waitActive(board):
        board.activateWindow()
    assert not shown(CatalogWindow)

    qtbot.keyClick(board, Qt.Key.Key_K, CTRL_SHIFT)
    qtbot.waitUntil(lambda: len(shown(CatalogWindow)) == 1)
    catalogue = shown(CatalogWindow)[0]
    qtbot.addWidget(catalogue)

    board.hide()
    with qtbot.waitActive(catalogue):
        catalogue.activateWindow()
    qtbot.keyClick(catalogue, Qt.Key.Key_O, CTRL_SHIFT)
    qtbot.waitUntil(board.isVisible)
