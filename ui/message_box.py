"""Message boxes whose text is shown as written: what QMessageBox's static helpers do, in plain text.

`QMessageBox.warning(parent, title, text)` and its siblings show their text as Qt's `AutoText`: a
first line that looks like markup is read as HTML. The app's sentences carry file names ("Saved
<b>price</b>.csv"), customers' names and the relay's words, so a "<b>" or an "<img …>" in one of
them was bold or a broken picture instead of what the owner typed or received. These take the
static helpers' arguments and answer as they do (the button clicked; Esc gives the escape button).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


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
