"""What a screen reader hears: interactive widgets of a window that have no accessible name."""

from __future__ import annotations

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QAbstractSpinBox,
    QComboBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
)


def _part_of_a_qt_control(widget: QWidget) -> bool:
    """A combo box's line edit, a spin box's, a tab bar's scroll arrows, a scroll bar: Qt names those."""
    parent = widget.parentWidget()
    if isinstance(widget, QScrollBar):
        return True
    if isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar | QLineEdit):  # e.g. a field's icon
        return True
    return type(widget).__name__.startswith("Q") and widget.objectName().startswith("qt_")


def spoken_name(widget: QWidget) -> str:
    """The name assistive technology reads: the accessible name, a button's text, a buddy label's."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    return (interface.text(QAccessible.Text.Name) or "").replace("&", "").strip()


def unnamed_widgets(window: QWidget) -> list[str]:
    """Every interactive widget a user can reach in `window` whose spoken name is empty."""
    found = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or _part_of_a_qt_control(widget):
            continue
        if not widget.isVisibleTo(window):
            continue
        if widget.focusPolicy() == 0 and not isinstance(widget, QAbstractButton):
            continue
        if not spoken_name(widget):
            found.append(f"{type(window).__name__}: {_describe(widget, window)}")
    return found


def _describe(widget: QWidget, window: QWidget) -> str:
    chain = []
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        chain.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    where = "/".join(reversed(chain))
    return f"{type(widget).__name__} {widget.objectName()!r} in {where} (tooltip {widget.toolTip()!r})"
