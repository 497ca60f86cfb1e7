"""How to export a chat from the WhatsApp phone app: the short help page the import dialog links to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget


def add_sections(layout: QVBoxLayout, sections: Sequence[tuple[str, str]]) -> None:
    """A help page's sections: a bold heading over plain text each (no markup from translations),
    the text selectable so a step or a command can be copied."""
    for title, text in sections:
        heading = QLabel(title)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(text)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)
        layout.addWidget(body)


def fill_help_page(dialog: QDialog, sections: Sequence[tuple[str, str]]) -> None:
    """A short help page: its sections over a Close button."""
    layout = QVBoxLayout(dialog)
    add_sections(layout, sections)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(480)


class ImportHelpDialog(QDialog):
    """Android and iOS steps, as plain text (no markup from translations or elsewhere)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export a chat from your phone"))
        sections = (
            (
                self.tr("Android"),
                self.tr(
                    "1. Open the chat in WhatsApp (or WhatsApp Business).\n"
                    "2. Tap ⋮ (More options) › More › Export chat.\n"
                    "3. Choose “Include media” to bring photos and files, or “Without media” for text only.\n"
                    "4. Send the file to yourself (e-mail, Google Drive, or a USB cable) and save it on this "
                    "computer."
                ),
            ),
            (
                self.tr("iPhone"),
                self.tr(
                    "1. Open the chat in WhatsApp (or WhatsApp Business).\n"
                    "2. Tap the customer's name at the top, scroll down and tap Export Chat.\n"
                    "3. Choose Attach Media or Without Media.\n"
                    "4. Save the .zip to Files, AirDrop it to a Mac, or mail it to yourself, and save it on "
                    "this computer."
                ),
            ),
            (
                self.tr("Then"),
                self.tr(
                    "Choose File › Import chat from phone… and pick the .zip (or .txt), or drop it on the "
                    "Shop Inbox window. Export one chat at a time; importing the same chat again later only "
                    "adds the messages that are new."
                ),
            ),
        )
        fill_help_page(self, sections)
