"""Thumbnails read from the media folder once, kept scaled in memory."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader


def _turned(reader: QImageReader) -> bool:
    """True when the picture is stored on its side and shown turned a quarter (EXIF orientation 5–8:
    a phone held upright). The reader's size() is the size as stored, before the turn."""
    return bool(reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90)


@lru_cache(maxsize=512)
def image_size(path: str) -> tuple[int, int] | None:
    """Pixel size as the picture is shown (turned as its EXIF says), from the file header (no decoding)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    size = reader.size()
    if not size.isValid():
        return None
    if _turned(reader):
        return size.height(), size.width()
    return size.width(), size.height()


@lru_cache(maxsize=128)
def thumbnail(path: str, width: int, height: int) -> QImage | None:
    """The picture as shown, scaled to fit width × height."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    stored = reader.size()
    if stored.isValid():
        # The scaled size is applied before the turn: a picture stored on its side fits a box on its side.
        box = QSize(height, width) if _turned(reader) else QSize(width, height)
        reader.setScaledSize(stored.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image
