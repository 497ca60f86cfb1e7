"""Placeholder main window; the inbox issue replaces it with the chat list and chat view."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from ui.context import AppContext


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("Shop Inbox"))
        self.setCentralWidget(QLabel(self.tr("Inbox")))

    def first_page_loaded(self) -> bool:
        return True
