"""A quick reply's shortcut field: it shows the one leading "/" the reply is saved with.

A new reply's field starts with "/", and an owner types "/hello" out of habit (the composer's "/"
is how she finds a reply): the field read "//hello" while the reply was saved as "/hello"
(app/quick_replies.py's clean_shortcut). Slashes typed or pasted in front are taken as one as she
types, and Ctrl+Z still takes back only her own typing.
"""

from __future__ import annotations

from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


def leading_slashes(text: str) -> int:
    return len(text) - len(text.lstrip("/"))


class ShortcutField(QLineEdit):
    """The shortcut as it is saved: "/" and the word, however many slashes were typed in front.

    Positions here are Qt's (UTF-16), which agree with Python's over the leading slashes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.textEdited.connect(self._keep_one_slash)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A "/" typed among the leading slash(es) steps over the one there: nothing is inserted, so
        # there is nothing to take back on Ctrl+Z either.
        lead = leading_slashes(self.text())
        if event.text() == "/" and not self.hasSelectedText() and lead and self.cursorPosition() <= lead:
            self.setCursorPosition(1)
            event.accept()
            return
        super().keyPressEvent(event)

    def _keep_one_slash(self, text: str) -> None:
        """A paste, a drop or the input method brought more slashes in front: the extra ones go, as
        an edit of the field (undoable), with the cursor staying where her next letter goes."""
        lead = leading_slashes(text)
        if lead <= 1:
            return
        at = self.cursorPosition()
        after = min(at, 1) if at <= lead else at - (lead - 1)
        self.setSelection(1, lead - 1)
        self.del_()
        self.setCursorPosition(after)
