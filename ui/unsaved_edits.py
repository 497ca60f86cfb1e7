"""The Save / Discard / Cancel question a window asks before the owner's unsaved edits would be lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton
# Starts saving and runs the callable once the save delivered; False when the form refused its own
# fields at once (the window stays and shows why).
SaveThen = Callable[[Callable[[], None]], bool]


def ask_about_edits(parent: QWidget, question: str) -> Button:
    """Save, Discard or Cancel: `question` names what holds the edits ("Save the changes to this item?")."""
    return QMessageBox.question(
        parent,
        QCoreApplication.translate("UnsavedEdits", "Unsaved changes"),
        question,
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    )


def leave_edits(
    parent: QWidget, question: str, *, dirty: bool, save_then: SaveThen, then: Callable[[], None]
) -> bool:
    """Unsaved edits are saved, dropped or kept as the owner says, then `then()` runs.

    With "Save", `then` runs once the save delivered (a refused save keeps the edits as typed and
    `then` never runs). False means the owner stays on the edits.
    """
    if not dirty:
        then()
        return True
    answer = ask_about_edits(parent, question)
    if answer == Button.Save:
        return save_then(then)
    if answer == Button.Discard:
        then()
        return True
    return False


def may_close(
    window: QWidget, event: QCloseEvent, question: str, *, dirty: bool, save_then: SaveThen
) -> bool:
    """For closeEvent: True when the window may close now (no edits, or "Discard").

    Otherwise the close is ignored: "Save" closes the window once the save delivered, a refused save
    keeps it open with the edits, "Cancel" keeps both.
    """
    if not dirty:
        return True
    answer = ask_about_edits(window, question)
    if answer == Button.Discard:
        return True
    if answer == Button.Save:
        save_then(lambda: _close(window))
    event.ignore()
    return False


def _close(window: QWidget) -> None:
    window.close()  # closeEvent again: the edits are saved now, so it closes
