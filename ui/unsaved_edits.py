"""The Save / Discard / Cancel question a window asks before the owner's unsaved edits would be lost."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QCloseEvent, QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from ui import message_box

Button = QMessageBox.StandardButton
# Starts saving and runs the callable once the save delivered; False when the form refused its own
# fields at once (the window stays and shows why).
SaveThen = Callable[[Callable[[], None]], bool]

# While the app quits, what carries the quit on once a window's "Save" delivered (the main window's
# close). A save that fails never runs its `then`, so a failed save leaves the app open and nothing
# of the quit lingers to close it later.
_quit_resume: Callable[[], object] | None = None


@contextmanager
def quitting(resume: Callable[[], object]) -> Iterator[None]:
    """Windows asked to close inside this block and answered with "Save" run `resume` once saved."""
    global _quit_resume
    previous, _quit_resume = _quit_resume, resume
    try:
        yield
    finally:
        _quit_resume = previous


def then_quit_goes_on(then: Callable[[], None]) -> Callable[[], None]:
    """`then`, and after it the quit under way (if any): for what runs once a save delivered."""
    resume = _quit_resume
    if resume is None:
        return then

    def then_resume() -> None:
        then()
        resume()

    return then_resume


def ask_about_edits(
    parent: QWidget, question: str, save_text: str | None = None, discard_text: str | None = None
) -> Button:
    """Save, Discard or Cancel: `question` names what holds the edits ("Save the changes to this item?").
    `save_text`: the Save button in the window's own word for saving ("Save draft" where the window's
    button says so: a plain "Save" beside it read as another action). `discard_text`: the Discard
    button where the edits are not dropped but left out of what comes next ("Export without saving":
    the words stay on the form)."""
    title = QCoreApplication.translate("UnsavedEdits", "Unsaved changes")
    buttons = Button.Save | Button.Discard | Button.Cancel
    if save_text is None and discard_text is None:
        return message_box.question(parent, title, question, buttons, Button.Save)
    box = message_box.plain_box(message_box.Icon.Question, parent, title, question, buttons)
    if save_text is not None:
        box.button(Button.Save).setText(save_text)
    if discard_text is not None:
        discard = box.button(Button.Discard)
        discard.setText(discard_text)
        discard.setIcon(QIcon())  # the bin says "thrown away", which these words are not
    box.setDefaultButton(Button.Save)
    box.setEscapeButton(Button.Cancel)
    return Button(box.exec())


def leave_edits(
    parent: QWidget,
    question: str,
    *,
    dirty: bool,
    save_then: SaveThen,
    then: Callable[[], None],
    save_text: str | None = None,
    discard_text: str | None = None,
) -> bool:
    """Unsaved edits are saved, dropped or kept as the owner says, then `then()` runs.

    With "Save", `then` runs once the save delivered (a refused save keeps the edits as typed and
    `then` never runs). False means the owner stays on the edits.
    """
    if not dirty:
        then()
        return True
    answer = ask_about_edits(parent, question, save_text, discard_text)
    if answer == Button.Save:
        return save_then(then_quit_goes_on(then))
    if answer == Button.Discard:
        then()
        return True
    return False


def may_close(
    window: QWidget,
    event: QCloseEvent,
    question: str,
    *,
    dirty: bool,
    save_then: SaveThen,
    save_text: str | None = None,
) -> bool:
    """For closeEvent: True when the window may close now (no edits, or "Discard").

    Otherwise the close is ignored: "Save" closes the window once the save delivered (and a quit
    under way goes on), a refused save keeps it open with the edits, "Cancel" keeps both.
    """
    if not dirty:
        return True
    answer = ask_about_edits(window, question, save_text)
    if answer == Button.Discard:
        return True
    if answer == Button.Save:
        save_then(then_quit_goes_on(lambda: _close(window)))
    event.ignore()
    return False


def _close(window: QWidget) -> None:
    window.close()  # closeEvent again: the edits are saved now, so it closes
