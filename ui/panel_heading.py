"""A section's heading in the contact panel, in the accent colour of the current light or dark palette."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ui.theme import colours, ui_font


class PanelHeading(QLabel):
    """WhatsApp's teal, the lighter one on a dark palette: the light theme's #008069 read at 3:1 on
    a dark panel. `tint()` again after a switch between light and dark (macOS's "Auto" at sunset):
    a label with its own style sheet hears nothing of the application's new palette."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setObjectName("panelHeading")
        self.setFont(ui_font(-0.5, bold=True))
        self.tint()

    def tint(self) -> None:
        sheet = f"color: {colours().accent.name()};"
        if self.styleSheet() != sheet:  # setting it changes the palette again: once is enough
            self.setStyleSheet(sheet)
