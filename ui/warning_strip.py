"""The look of the strips above the chats that warn of something to see to: a sentence, one button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from ui.theme import warning_colour


def lay_out_warning_strip(strip: QFrame, text: QLabel, *buttons: QPushButton) -> None:
    """`text` (plain, wrapped) beside `buttons` in `strip`, framed in the warning colour. The frame
    is drawn for `strip`'s object name alone (set it first), not for the label inside it."""
    text.setWordWrap(True)
    text.setTextFormat(Qt.TextFormat.PlainText)
    layout = QHBoxLayout(strip)
    layout.setContentsMargins(8, 4, 8, 4)
    layout.addWidget(text, 1)
    for button in buttons:
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
    strip.setStyleSheet(
        f"#{strip.objectName()} {{ border: 1px solid {warning_colour()}; border-radius: 6px; }}"
    )
