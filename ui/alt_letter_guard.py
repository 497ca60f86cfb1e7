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
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication


def alt_letter_typed(event: QKeyEvent) -> bool:
    """Whether `event` is a key press that would type a character because Alt was held with it."""
    modifiers = event.modifiers()
    if not modifiers & Qt.KeyboardModifier.AltModifier or modifiers & Qt.KeyboardModifier.ControlModifier:
        return False  # no Alt, or AltGr as Ctrl+Alt
    text = event.text()
    return bool(text) and text.isprintable()


class AltLetterGuard(QObject):
    """An event filter on each window the keyboard has been in: an Alt+printable key press reaches
    its widget without its text.

    A key press comes to the window the keyboard is in (its QWindow), which hands it to its focus
    widget or open popup: filtering there, Python runs for that window's own events only (keys,
    mouse, its paint requests), not for every event of every widget and timer, as an application
    filter did (bench/event_filters.py: typing into the composer took about 10 % longer)."""

    def watch(self, window: QWindow | None) -> None:
        """Filter the key presses `window` gets (the window the keyboard has just gone to)."""
        if window is not None:
            window.installEventFilter(self)  # once: installed again, Qt only moves it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
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
        # The window hands it on as it would the original: to its focus widget (or open popup), and
        # up to the parents while none takes it.
        QApplication.sendEvent(watched, silent)
        event.accept()
        return True


def install_alt_letter_guard(app: QApplication) -> AltLetterGuard | None:
    """The guard put on each window `app` gives the keyboard to (Linux and the like); None on macOS
    and Windows, where a character can come with Alt held (Option+O, Alt+numpad codes)."""
    if sys.platform in ("darwin", "win32"):
        return None
    guard = AltLetterGuard(app)
    app.focusWindowChanged.connect(guard.watch)
    guard.watch(app.focusWindow())
    return guard
