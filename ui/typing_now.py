"""Whether the owner is in the middle of typing: a notice that opens then leaves her the keyboard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from ui.message_edit import MessageEdit


def typing_in(widget: QWidget | None) -> bool:
    """`widget` has the keyboard and holds words being written: a field with text in it, or a
    Hangul syllable still composing (its text may be empty until the syllable is done)."""
    if isinstance(widget, MessageEdit) and widget.is_composing():
        return True
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and bool(widget.text())
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return not widget.isReadOnly() and not widget.document().isEmpty()
    return False


def typing_now() -> bool:
    """The owner is writing somewhere in the app (a reply, a search, a note)."""
    return typing_in(QApplication.focusWidget())


class _KeyboardKept(QObject):
    """Gives the keyboard back to `typing` when the window system activates `window` as it shows,
    before its first paint; an activation after that (her click, Alt+Tab) is hers and stands."""

    def __init__(self, window: QWidget, typing: QWidget) -> None:
        super().__init__(window)
        self.typing = typing
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.WindowActivate:
            # Once Qt has made it the active window (while it does, another cannot be asked for).
            QTimer.singleShot(0, self.typing, self.give_back)
        elif event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
        return False

    def give_back(self) -> None:
        if self.typing.isVisible():
            self.typing.window().activateWindow()
            self.typing.setFocus(Qt.FocusReason.ActiveWindowFocusReason)


def show_beside_typing(window: QWidget) -> None:
    """Show `window` without taking the keyboard from the field being typed in, and mark it in the
    taskbar. Where the window system activates a new window all the same (offscreen, some
    compositors), the keyboard goes back to the field before a key of hers can reach the window."""
    typing = QApplication.focusWidget()
    window.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    if typing is not None:
        _KeyboardKept(window, typing)
    window.show()
    QApplication.alert(window)
