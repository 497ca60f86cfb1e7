"""The one confirmation question, whose buttons say what they do ("삭제", "보내기", "취소")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.message_box import copied_without_joiners

Button = QMessageBox.StandardButton


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    verb: str,
    *,
    keep: str | None = None,
    warning: bool = False,
    enter_does_it: bool = False,
) -> bool:
    """Ask before an action; True when the owner chose `verb` (the action's own word: "Delete",
    "Send anyway"). The other button is `keep` ("Cancel" unless that word would read as the action
    itself: "Keep order" beside "Cancel order") and is the default, as Esc and the title bar's close
    are: a stray Enter never deletes or sends. A Yes/No pair made the owner read the question twice.

    The buttons are the Yes and No of a QMessageBox with their own words, so the answer is still
    Yes or No to anything that reads the box (screen readers, tests).

    `enter_does_it`: the verb is the default instead, for a question whose verb is the safe answer
    that keeps the owner working and whose other answer loses what she did; Esc still keeps."""
    icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Question
    box = QMessageBox(icon, title, text, Button.Yes | Button.No, parent)
    # The question often names the customer ("Delete the chat with {0}?"): a profile name is theirs,
    # and a QMessageBox would read "<b>…" or "<img …>" in its first line as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    # Laid out a line at a time (see ui/ad_law.py's law_label): a list's "•" each in the same font,
    # whatever language the line before it ended in; and the owner can copy the question.
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copied_without_joiners(box)  # "Delete /감사?" copied is "/감사", not "/\u2060감\u2060사"
    yes, no = box.button(Button.Yes), box.button(Button.No)
    yes.setText(verb)
    no.setText(keep or QCoreApplication.translate("Confirm", "&Cancel"))
    for button in (yes, no):  # the style's green and red Yes / No marks would say it again
        button.setIcon(QIcon())
    box.setDefaultButton(Button.Yes if enter_does_it else Button.No)
    box.setEscapeButton(Button.No)
    return box.exec() == Button.Yes
