"""File sizes as people read them, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def human_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
