"""Where Qt wraps a sentence in a label's font at a given width, for tests of words kept whole."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel


def line_starts(label: QLabel, text: str, width: int) -> list[int]:
    """Where each line after the first begins when `text` wraps at `width` in `label`'s font."""
    layout = QTextLayout(text, QFont(label.font()))
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WordWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    starts = []
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        starts.append(line.textStart())
    layout.endLayout()
    return starts[1:]
