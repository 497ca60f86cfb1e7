"""A strip above the chat saying when the relay is offline, reconnecting or refusing the token."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ui import icons


class ConnectionBanner(QFrame):
    """Hidden while online; chats stay browsable whatever it says."""

    retry_requested = Signal()
    settings_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectionBanner")
        self.state = "online"
        self.icon = QLabel(self)
        self.icon.setPixmap(icons.icon("offline").pixmap(20, 20))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.retry = QPushButton(self.tr("Retry"), self)
        self.retry.clicked.connect(self.retry_requested)
        self.settings = QPushButton(self.tr("Settings"), self)
        self.settings.clicked.connect(self.settings_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry)
        layout.addWidget(self.settings)
        self.hide()

    def set_state(self, state: str) -> None:
        """Show the sentence for 'offline', 'reconnecting', 'unauthorised', 'history_gap'…; hide otherwise."""
        self.state = state
        messages = {
            "offline": self.tr(
                "Offline: new messages arrive when the connection is back. Saved chats stay available."
            ),
            "reconnecting": self.tr("Connection lost. Reconnecting to your relay…"),
            "unauthorised": self.tr("Your relay refused the access token. Check it in Settings."),
            "unauthorized": self.tr("Your relay refused the access token. Check it in Settings."),
            "history_gap": self.tr(
                "Some older messages were no longer kept by the relay and could not be loaded."
            ),
            "not_configured": self.tr("Not connected to a relay: you are browsing saved chats."),
        }
        text = messages.get(state)
        if text is None:
            self.hide()
            return
        self.setProperty("severity", "error" if state.startswith("unauth") else "warning")
        self.style().unpolish(self)
        self.style().polish(self)
        self.text.setText(text)
        self.retry.setVisible(state in ("offline", "reconnecting", "unauthorised", "unauthorized"))
        self.show()
