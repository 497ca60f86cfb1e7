"""Enter does what the field (or list, or button) it is pressed in does, and stops there.

A focused tool button, or a push button outside a dialog, answers Space only: Enter passes to its
parent, where nothing happens, so a keyboard user who Tabs to the chat header's ⓘ saw Enter do
nothing. A button given `click_on_enter` is clicked by Enter as by Space.

In a dialog Qt passes an Enter that a line edit or a list view has handled on to the dialog, which
clicks its default button, or the first button made when none is set. So Enter after a catalogue
search added the item *and* created the order, and Enter in a payment field clicked a button of
another row. A field given `keep_enter` handles Enter itself (a line edit's `returnPressed`, a
list's `activated`), and the dialog never sees the key.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class _KeepsEnter(QObject):
    def __init__(self, widget: QWidget, action: Callable[[], object] | None) -> None:
        super().__init__(widget)
        self.action = action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and isinstance(watched, QWidget)
        ):
            if self.action is not None:
                self.action()
            else:
                watched.event(event)  # the widget's own Enter: returnPressed, activated…
            # …and nothing more. Qt passes a key event on to the parent while it is not accepted,
            # even one a filter has eaten: accepted, the dialog's buttons never see it.
            event.accept()
            return True
        return False


def keep_enter(*widgets: QWidget, action: Callable[[], object] | None = None) -> None:
    """Enter in each of these widgets is theirs alone (each is given one filter, owned by it); with
    `action`, Enter does that instead (a list whose double click already has a handler, which
    `activated` would run a second time)."""
    for widget in widgets:
        widget.installEventFilter(_KeepsEnter(widget, action))


class _ClicksOnEnter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and isinstance(watched, QAbstractButton)
        ):
            if not event.isAutoRepeat():  # a held key clicks once, as Space does
                watched.click()
            event.accept()
            return True
        return False


def click_on_enter(*buttons: QAbstractButton) -> None:
    """Enter (Return, or the keypad's Enter) on each of these buttons, focused, clicks it."""
    for button in buttons:
        button.installEventFilter(_ClicksOnEnter(button))
