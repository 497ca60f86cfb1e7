"""Alt and a letter that no menu or button answers types nothing: it is a missed Alt letter, not text.

On Linux Qt takes a key press that carries a printable character as typing whatever modifiers came
with it: Alt+Y, when nothing has the Alt letter Y, put "y" in the order form's catalogue search, the
composer or any other field, where the owner meant a button. Qt's shortcuts (Alt letters, menu keys)
are matched before the key reaches a widget, so whatever arrives here nobody took. The key still goes
to the widget, as a key with no text: one that acts on Alt and a key itself still sees it.

Left as they are: AltGr's characters (Linux reports AltGr as its own modifier, and Windows, or a
remote desktop from it, as Ctrl+Alt, so a European "@" or "€" is typed), the input method's text
(Korean comes as input method events, not key presses), macOS, where Option and a letter is how "ø" or
"©" is typed, and Windows, where Alt+numpad codes (Alt+0169 for "©") type while Alt is held and the
stray letters were never seen (the report and the check are Linux's).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def alt_letter_typed(event: QKeyEvent) -> bool:
    """Whether `event` is a key press that would type a character because Alt was held with it."""
    modifiers = event.modifiers()
    if not modifiers & Qt.KeyboardModifier.AltModifier or modifiers & Qt.KeyboardModifier.ControlModifier:
        return False  # no Alt, or AltGr as Ctrl+Alt
    text = event.text()
    return bool(text) and text.isprintable()


class AltLetterGuard(QObject):
    """An application event filter: an Alt+printable key press reaches its widget without its text."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(watched, QWidget)
            or not isinstance(event, QKeyEvent)
            or not alt_letter_typed(event)
        ):
            return False
        silent = QKeyEvent(
            event.type(),
            event.key(),
            event.modifiers(),
            event.nativeScanCode(),
            event.nativeVirtualKey(),
            event.nativeModifiers(),
            "",
            event.isAutoRepeat(),
            event.count(),
        )
        QApplication.sendEvent(watched, silent)  # passed on to the parents as a key press is
        # Delivered, parents included: the original must not be passed up to them a second time.
        event.accept()
        return True


def install_alt_letter_guard(app: QApplication) -> AltLetterGuard | None:
    """The guard put on `app` (Linux and the like); None on macOS and Windows, where a character can
    come with Alt held (Option+O, Alt+numpad codes)."""
    if sys.platform in ("darwin", "win32"):
        return None
    guard = AltLetterGuard(app)
    app.installEventFilter(guard)
    return guard
