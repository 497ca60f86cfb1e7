"""Thumbnails read from the media folder once, kept scaled in memory."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader


@lru_cache(maxsize=512)
def image_size(path: str) -> tuple[int, int] | None:
    """Pixel size from the file header (no decoding)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return None
    return size.width(), size.height()


@lru_cache(maxsize=128)
def thumbnail(path: str, width: int, height: int) -> QImage | None:
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    if reader.size().isValid():
        reader.setScaledSize(reader.size().scaled(QSize(width, height), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image
