"""What the app hands to the system to open (a file's program, the file manager), caught in a test.

`QDesktopServices.setUrlHandler("file", opened, "open")` routes every `openUrl` of a file here instead
of starting a program; `unsetUrlHandler("file")` after.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Slot


class Opened(QObject):
    """Receives what QDesktopServices would hand to the system."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)
