"""The mouse wheel scrolls a form, not the combo box or number field that passes under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent, QWindow
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QScrollArea,
    QTabBar,
    QWidget,
)


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def _field_at(widget: QWidget | None) -> QComboBox | QAbstractSpinBox | QTabBar | None:
    """The combo box, spin box or tab bar a wheel over `widget` goes to (`widget` may be a part of
    one: a spin box's line edit, a tab bar's scroll button); None where a list or text view on the
    way takes the wheel itself, or where there is none."""
    while widget is not None:
        if isinstance(widget, QComboBox | QAbstractSpinBox | QTabBar):
            return widget
        if isinstance(widget, QAbstractScrollArea) or widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None


class WheelGuard(QObject):
    """On a small screen Settings, the order window, business hours and the campaign form scroll.
    Scrolling one with the wheel changed whatever choice or number passed under the pointer: the
    shop's country and currency, an opening time. In a scrolling form a combo box or spin box now
    takes the wheel only once clicked or tabbed into (as on macOS); otherwise the form scrolls.
    A tab bar too: scrolling the campaign form over "Recipients | Left out" switched the list.

    A filter on each window the owner has been in, as ui/alt_letter_guard.py's: the platform gives
    a wheel to the window under the pointer, which hands it to the widget there. It was an
    application filter, and Python ran for every event of every object (bench/event_filters.py)."""

    def watch(self, window: QWindow | None) -> None:
        """Filter the wheel `window` gets (the window the keyboard has just gone to)."""
        if window is not None:
            window.installEventFilter(self)  # once: installed again, Qt only moves it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.Wheel
            or not isinstance(event, QWheelEvent)
            or QApplication.activePopupWidget() is not None  # an open list takes the wheel itself
        ):
            return False
        root = next((top for top in QApplication.topLevelWidgets() if top.windowHandle() is watched), None)
        if root is None:
            return False
        field = _field_at(root.childAt(event.position().toPoint()))
        if field is None or field.hasFocus():
            return False
        if field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # Qt gives a WheelFocus widget the focus before it sees the wheel: the wheel would have
            # clicked into the field (and the next wheel changed it). A click or Tab still does.
            field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        area = _scroll_area_of(field)
        if area is None:
            return False
        QApplication.sendEvent(area.viewport(), event)  # the form scrolls, as if the field were not there
        return True


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """The guard put on each window `app` gives the keyboard to."""
    guard = WheelGuard(app)
    app.focusWindowChanged.connect(guard.watch)
    guard.watch(app.focusWindow())
    return guard
