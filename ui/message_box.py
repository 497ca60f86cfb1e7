"""Message boxes whose text is shown as written: what QMessageBox's static helpers do, in plain text.

`QMessageBox.warning(parent, title, text)` and its siblings show their text as Qt's `AutoText`: a
first line that looks like markup is read as HTML. The app's sentences carry file names ("Saved
<b>price</b>.csv"), customers' names and the relay's words, so a "<b>" or an "<img …>" in one of
them was bold or a broken picture instead of what the owner typed or received. These take the
static helpers' arguments and answer as they do (the button clicked; Esc gives the escape button).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget

from ui.formatting import plain_text

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon

# Each of Qt's buttons with its Alt letter, as the app's own buttons have theirs ("취소(&C)"): Qt
# gives only Yes and No one ("OK", "Save", "Cancel"), and qtbase_ko none but 예(&Y) and 아니요(&N).
_LETTERED: dict[Button, object] = {  # QT_TRANSLATE_NOOP's texts, for lupdate
    Button.Ok: QT_TRANSLATE_NOOP("MessageBox", "&OK"),
    Button.Save: QT_TRANSLATE_NOOP("MessageBox", "&Save"),
    Button.SaveAll: QT_TRANSLATE_NOOP("MessageBox", "Save &all"),
    Button.Open: QT_TRANSLATE_NOOP("MessageBox", "&Open"),
    Button.Yes: QT_TRANSLATE_NOOP("MessageBox", "&Yes"),
    Button.YesToAll: QT_TRANSLATE_NOOP("MessageBox", "Yes to &all"),
    Button.No: QT_TRANSLATE_NOOP("MessageBox", "&No"),
    Button.NoToAll: QT_TRANSLATE_NOOP("MessageBox", "N&o to all"),
    Button.Abort: QT_TRANSLATE_NOOP("MessageBox", "A&bort"),
    Button.Retry: QT_TRANSLATE_NOOP("MessageBox", "&Retry"),
    Button.Ignore: QT_TRANSLATE_NOOP("MessageBox", "&Ignore"),
    Button.Close: QT_TRANSLATE_NOOP("MessageBox", "C&lose"),
    Button.Cancel: QT_TRANSLATE_NOOP("MessageBox", "&Cancel"),
    Button.Discard: QT_TRANSLATE_NOOP("MessageBox", "&Discard"),
    Button.Help: QT_TRANSLATE_NOOP("MessageBox", "&Help"),
    Button.Apply: QT_TRANSLATE_NOOP("MessageBox", "A&pply"),
    Button.Reset: QT_TRANSLATE_NOOP("MessageBox", "R&eset"),
    Button.RestoreDefaults: QT_TRANSLATE_NOOP("MessageBox", "Restore &defaults"),
}


def letter_buttons(box: QMessageBox) -> None:
    """Give each of Qt's own buttons of `box` its text with an Alt letter, in the app's language
    whether or not Qt's own translation is installed: before any is given words of its own."""
    for button in box.buttons():
        text = _LETTERED.get(box.standardButton(button))
        if text is not None:
            button.setText(QCoreApplication.translate("MessageBox", str(text)))


def letter_dialog_buttons(box: QDialogButtonBox) -> None:
    """`letter_buttons` for a dialog's own row of Qt's buttons (its Close, OK, Cancel…)."""
    for button in box.buttons():
        text = _LETTERED.get(Button(box.standardButton(button).value))
        if text is not None:
            button.setText(QCoreApplication.translate("MessageBox", str(text)))


class _CopiedWithoutJoiners(QObject):
    """What the owner copies from a box (or a page of sentences) while it is up (the whole box,
    which Ctrl+C copies on Windows, or the words she selected) reaches the clipboard as plain text
    (ui/formatting.py's plain_text): without the word joiners that keep a shortcut ("/감사") or a
    relay command on one line, which pasted into WhatsApp Web were invisible characters in her
    message, and with a command's plain space. A child of the box: it goes with it.

    It finds the box as its parent and keeps no reference to it: PySide hands a box to Python once
    its exec() returns, and a reference here made box and helper a cycle, so the box (hidden, and
    still Qt's active window for a moment) lived on until a garbage collection instead of going
    when the code that showed it let go of it."""

    def __init__(self, box: QWidget) -> None:
        super().__init__(box)
        QGuiApplication.clipboard().dataChanged.connect(self._strip)

    @Slot()
    def _strip(self) -> None:
        clipboard = QGuiApplication.clipboard()
        text = clipboard.text()
        box = self.parent()
        plain = plain_text(text)
        if isinstance(box, QWidget) and box.isVisible() and plain != text:
            clipboard.setText(plain)


def copied_without_joiners(box: QWidget) -> None:
    """Text copied while `box` (a message box, or a widget of sentences) shows is copied as plain
    text (see above)."""
    _CopiedWithoutJoiners(box)


def plain_box(
    icon: Icon,
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    """A message box showing `text` as plain text (not shown yet)."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    letter_buttons(box)
    copied_without_joiners(box)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def _ask(
    icon: Icon, parent: QWidget | None, title: str, text: str, buttons: Button, default: Button
) -> Button:
    box = plain_box(icon, parent, title, text, buttons, default)
    answer = Button(box.exec())
    if (
        parent is not None
        and QApplication.activeWindow() is not parent.window()
        and parent.window().isVisible()
    ):
        # The window the box was over takes the keyboard back, where its code put the cursor after
        # the box ("A campaign needs a name." → the name field): not every platform hands it back.
        parent.window().activateWindow()
    return answer


def information(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> Button:
    return _ask(Icon.Information, parent, title, text, buttons, default)


def warning(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> Button:
    return _ask(Icon.Warning, parent, title, text, buttons, default)


def critical(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> Button:
    return _ask(Icon.Critical, parent, title, text, buttons, default)


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    default: Button = Button.NoButton,
) -> Button:
    return _ask(Icon.Question, parent, title, text, buttons, default)
