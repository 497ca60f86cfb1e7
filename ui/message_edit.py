"""The composer's text box: Enter sends (configurable), and never while a Hangul syllable is composing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QInputMethodEvent, QKeyEvent, QResizeEvent, QTextLayout
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.bounded_text import MAX_CHARS, BoundedTextEdit
from ui.theme import ui_font

MAX_LINES = 6


class MessageEdit(BoundedTextEdit):
    """Grows from one to six lines; emits `submitted` on the send key."""

    submitted = Signal()
    # Ctrl+V of a picture (a screenshot, a photo copied in a browser) or of a file copied in the file
    # manager: attached, as WhatsApp does, instead of nothing (a plain text box takes only text).
    picture_pasted = Signal(QImage)
    files_pasted = Signal(list)  # list[Path]: every file copied, not only the first

    def __init__(self, parent: QWidget | None = None, *, enter_sends: bool = True) -> None:
        super().__init__(parent)
        self.enter_sends = enter_sends
        self.preedit = ""
        self.setObjectName("messageEdit")
        self.setFont(ui_font(1))
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.document().setDocumentMargin(6)
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasImage() or bool(local_files(source)) or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:
        paths = local_files(source)
        if paths:
            self.files_pasted.emit(paths)
        elif source.hasImage() and not source.hasText():
            image = source.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.picture_pasted.emit(image)
        else:
            super().insertFromMimeData(source)  # text: only what the box keeps (BoundedTextEdit)

    def _fit(self) -> None:
        if self.document().characterCount() > MAX_CHARS:
            cursor = self.textCursor()
            cursor.setPosition(MAX_CHARS)
            cursor.movePosition(cursor.MoveOperation.End, cursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        fm = self.fontMetrics()
        height = self.wrapped_lines() * fm.lineSpacing() + 2 * self.document().documentMargin() + 6
        self.setFixedHeight(int(height))

    def wrapped_lines(self) -> int:
        """Lines the text takes at the box's width, 1 to MAX_LINES.

        Laid out here: the document's own layout counts a block's wrapped lines only once it is
        painted, so after an insert or a paste it reports one line until the next key press.
        """
        width = self.viewport().width() - 2 * self.document().documentMargin()
        if width <= 0:
            return 1
        lines = 0
        block = self.document().firstBlock()
        while block.isValid() and lines < MAX_LINES:
            layout = QTextLayout(block.text(), self.font())
            layout.setTextOption(self.document().defaultTextOption())
            layout.beginLayout()
            while lines < MAX_LINES:
                line = layout.createLine()
                if not line.isValid():
                    break
                line.setLineWidth(width)
                lines += 1
            layout.endLayout()
            block = block.next()
        return max(1, min(MAX_LINES, lines))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()  # narrower: the same text wraps into more lines

    def sizeHint(self) -> QSize:
        return QSize(200, self.height())

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        # The syllable being composed (e.g. '한' before the next jamo arrives) lives here, not in the
        # document, until the input method commits it.
        self.preedit = event.preeditString()
        super().inputMethodEvent(event)

    def is_composing(self) -> bool:
        return bool(self.preedit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            mods = event.modifiers()
            if self.is_composing():
                # Enter finishes the syllable; it must neither send nor drop it. Ask the input
                # method to commit; the owner presses Enter again to send.
                QGuiApplication.inputMethod().commit()
                event.accept()
                return
            send_key = (
                not (mods & Qt.KeyboardModifier.ShiftModifier)
                if self.enter_sends
                else bool(mods & Qt.KeyboardModifier.ControlModifier)
            )
            if send_key:
                event.accept()
                self.submitted.emit()
                return
            if mods & Qt.KeyboardModifier.ControlModifier:
                # Ctrl+Enter is not a line break in a plain-text edit by default.
                self.insertPlainText("\n")
                return
            self.insertPlainText("\n")
            return
        super().keyPressEvent(event)


def local_files(source: QMimeData) -> list[Path]:
    """The local files among copied or dropped URLs (files copied in Explorer or Finder), in order;
    web addresses are left out. Folders are kept, for the composer to refuse by name: a folder of
    product photos dropped or pasted was silently left out, and one alone did nothing at all."""
    if not source.hasUrls():
        return []
    found = [Path(url.toLocalFile()) for url in source.urls() if url.isLocalFile()]
    return [path for path in dict.fromkeys(found) if path.is_file() or path.is_dir()]
