"""File sizes as people read them, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from ui.formatting import display_locale


def human_size(size: int) -> str:
    return display_locale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)
