"""A note under a window's work that says which file was just saved, where, with a button to its folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from ui.announce import announce
from ui.icon_buttons import keys_tip
from ui.theme import warning_colour


class SavedFileNote(QFrame):
    """Stays until the owner closes it or saves again: a status line is rewritten by every reload
    (a demo customer writing, a card moved elsewhere), and the owner read nothing of the save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("savedFileNote")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.folder: Path | None = None
        self.text = QLabel(self)
        self.text.setObjectName("savedFileText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)  # a file name is text, never markup
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.where = QLabel(self)
        self.where.setObjectName("savedFileFolder")
        self.where.setTextFormat(Qt.TextFormat.PlainText)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open folder"), self)
        self.open_button.setObjectName("openSavedFolder")
        self.open_button.clicked.connect(self.open_folder)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(keys_tip(self.tr("Close"), "Esc"))  # the orders window's Esc, before itself
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        lines = QVBoxLayout()
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(2)
        lines.addWidget(self.text)
        lines.addWidget(self.where)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addLayout(lines, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_saved(self, text: str, path: Path) -> None:
        """`text` says what was saved; the note adds the file's name and folder, and offers the folder."""
        self.folder = path.parent
        self.text.setStyleSheet("")
        self.text.setText(text)
        self.where.setText(self.tr("File: {0} · Folder: {1}").format(path.name, str(path.parent)))
        self.where.show()
        self.open_button.show()
        self.show()
        announce(self, f"{text} {self.where.text()}")  # a Tab away from the work, unread otherwise

    def show_problem(self, text: str) -> None:
        """Nothing saved (why in `text`): no folder to open."""
        self.folder = None
        self.text.setStyleSheet(f"color: {warning_colour()}")
        self.text.setText(text)
        self.where.hide()
        self.open_button.hide()
        self.show()
        announce(self, text)

    def show_note(self, text: str) -> None:
        """What a file read did (a courier's tracking numbers applied, or not): no folder to open."""
        self.show_problem(text)
        self.text.setStyleSheet("")

    def open_folder(self) -> None:
        if self.folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))
