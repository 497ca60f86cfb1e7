"""The mouse wheel scrolls a form, not the combo box or number field that passes under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QScrollArea, QTabBar, QWidget


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


class WheelGuard(QObject):
    """On a small screen Settings, the order window, business hours and the campaign form scroll.
    Scrolling one with the wheel changed whatever choice or number passed under the pointer: the
    shop's country and currency, an opening time. In a scrolling form a combo box or spin box now
    takes the wheel only once clicked or tabbed into (as on macOS); otherwise the form scrolls.
    A tab bar too: scrolling the campaign form over "Recipients | Left out" switched the list."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QComboBox | QAbstractSpinBox | QTabBar):
            return False
        if event.type() == QEvent.Type.Polish and watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            # Qt gives a WheelFocus widget the focus before anyone sees the wheel: it would always
            # look clicked into. A click or Tab still gives it the focus.
            watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if event.type() != QEvent.Type.Wheel or watched.hasFocus():
            return False
        area = _scroll_area_of(watched)
        if area is None:
            return False
        QApplication.sendEvent(area.viewport(), event)  # the form scrolls, as if the field were not there
        return True


def install_wheel_guard(app: QApplication) -> WheelGuard:
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard
