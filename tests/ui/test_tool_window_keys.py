"""Esc and Ctrl+W close the tool windows (Catalogue, Quick replies, Labels, Orders), and each has a Close button."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QKeyCombination, Qt, QThreadPool
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget


def build(name: str, ctx: Any) -> QWidget:
    if name == "catalogue":
        from ui.catalog_window import CatalogWindow

        return CatalogWindow(ctx)
    if name == "quick replies":
        from ui.quick_reply_manager import QuickReplyManager

        return QuickReplyManager(ctx)
    if name == "orders":
        from ui.order_board import OrderBoard

        return OrderBoard(ctx)
    from ui.labels_manager import LabelsManager

    return LabelsManager(ctx)


def press(qtbot: Any, widget: QWidget, keys: str) -> None:
    sequence = QKeySequence(keys)
    combo: QKeyCombination = sequence[0]  # type: ignore[index]  # Qt's operator[]: PySide6 has it, its stubs do not
    qtbot.keyClick(widget.focusWidget() or widget, combo.key(), combo.keyboardModifiers())


@pytest.mark.parametrize("keys", ["Ctrl+W", "Esc"])
@pytest.mark.parametrize("name", ["catalogue", "quick replies", "labels", "orders"])
def test_a_tool_window_closes_with_the_keyboard(name: str, keys: str, qtbot: Any, ctx: Any) -> None:
    window = build(name, ctx)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):  # shortcuts work in the active window
        window.show()
        window.activateWindow()
    press(qtbot, window, keys)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    QThreadPool.globalInstance().waitForDone(5000)  # the catalogue prunes pictures as it closes


@pytest.mark.parametrize("name", ["catalogue", "quick replies", "labels", "orders"])
def test_a_tool_window_has_a_close_button_inside_it(name: str, qtbot: Any, ctx: Any) -> None:
    window = build(name, ctx)
    qtbot.addWidget(window)
    window.show()
    # Without a window manager's title bar (a kiosk, some remote desktops) this is the way out.
    closers = [
        b
        for b in window.findChildren(QAbstractButton)
        if b.isVisible() and b.text().replace("&", "") in ("Close", "닫기")
    ]
    assert closers, f"{name} has no visible Close button"
    qtbot.mouseClick(closers[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    QThreadPool.globalInstance().waitForDone(5000)
