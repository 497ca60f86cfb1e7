"""Closing the main window closes the app's other windows, even when closing one deletes another."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QPoint
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QMenu, QWidget


class WindowWithMenu(QDialog):
    """A window whose open menu goes with it when it closes (deleted there and then)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.menu = QMenu(self)
        self.menu.addAction("Copy")

    def closeEvent(self, event: QCloseEvent) -> None:
        shiboken6.delete(self.menu)
        super().closeEvent(event)


def test_a_menu_deleted_by_the_window_closed_before_it_is_passed_over(window: Any, qtbot: Any) -> None:
    """Quitting with a menu open over another window: that window closed first and took its menu with
    it, and reaching the menu next raised "Internal C++ object already deleted" (seen as a test's
    teardown error), so the inbox did not close."""
    other = WindowWithMenu(window)
    other.show()
    qtbot.waitExposed(other)
    menu = other.menu
    menu.popup(other.mapToGlobal(QPoint(0, 0)))
    qtbot.waitUntil(menu.isVisible, timeout=5000)
    # Found after the window that owns it: it is deleted by the time the loop reaches it.
    found = window.findChildren(QWidget)
    assert found.index(other) < found.index(menu)

    assert window.close_other_windows()
    assert not shiboken6.isValid(menu) and not other.isVisible()
