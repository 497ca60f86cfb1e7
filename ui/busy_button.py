"""A button greyed out while its work runs, that keeps the keyboard's place for when it is back."""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QWidget

# A greyed-out button that had the focus: where Qt put it then (None: nowhere), and whether the
# owner was using the keyboard (the focus frame shows then).
_handed_to: weakref.WeakKeyDictionary[QAbstractButton, tuple[weakref.ref[QWidget] | None, bool]] = (
    weakref.WeakKeyDictionary()
)
KEYBOARD = Qt.WidgetAttribute.WA_KeyboardFocusChange


def set_busy(button: QAbstractButton, busy: bool) -> None:
    """Grey `button` out while its work runs (`busy`) and bring it back after.

    Qt hands the focus of a button it greys out to the next widget, and there it stayed: after
    Back up now the next Enter asked for a backup to restore, after Restore's check a Space ticked
    "Back up every day", after a refused Save Enter pressed Cancel and the changes were gone. The
    button takes the focus back, unless the owner has moved it somewhere else meanwhile.
    """
    window = button.window()
    if busy:
        had_focus = window.focusWidget() is button
        keyboard = window.testAttribute(KEYBOARD)
        button.setEnabled(False)
        if had_focus:
            took_it = window.focusWidget()
            _handed_to[button] = (weakref.ref(took_it) if took_it is not None else None, keyboard)
        return
    button.setEnabled(True)
    if button not in _handed_to:
        return
    handed_ref, keyboard = _handed_to.pop(button)
    handed = handed_ref() if handed_ref is not None else None
    now = window.focusWidget()
    if (now is None or now is handed) and button.isVisible():
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        if keyboard:  # greying out forgot it, and with it the focus frame the owner follows
            window.setAttribute(KEYBOARD, True)
            button.update()
