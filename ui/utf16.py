"""Offsets into text as Python counts them (code points) and as Qt does (UTF-16 code units).

An emoji, and any other character beyond U+FFFF, is one character in a Python `str` and two in a
`QString`: every position Qt hands back (a text layout's cursor, a text cursor's position) or takes
(a format range) is past one more unit for each such character before it. Customers' messages are
full of emoji, so a Python offset given to Qt as it is marks, links or copies the wrong letters.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from PySide6.QtGui import QBrush, QColor, QTextCharFormat, QTextLayout

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def to_qt(text: str, index: int) -> int:
    """Qt's position of the character at Python's `index` in `text`."""
    return index + sum(1 for _ in _ASTRAL.finditer(text, 0, index))


def from_qt(text: str, position: int) -> int:
    """Python's index of Qt's `position` in `text`; a position inside a pair counts as its character's."""
    shift = 0
    for match in _ASTRAL.finditer(text):
        at = match.start() + shift  # the character's Qt position
        if at >= position:
            break
        if at + 1 == position:
            return match.start()
        shift += 1
    return max(0, min(len(text), position - shift))


def qt_length(text: str) -> int:
    """`text`'s length as Qt counts it."""
    return to_qt(text, len(text))


def to_qt_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) spans of Python indexes in `text` as Qt's positions (one pass over `text`)."""
    astral = [match.start() for match in _ASTRAL.finditer(text)]
    return [(start + bisect_left(astral, start), end + bisect_left(astral, end)) for start, end in spans]


def marked_ranges(
    text: str, spans: list[tuple[int, int]], background: QColor, foreground: QColor | None = None
) -> list[QTextLayout.FormatRange]:
    """A text layout's format ranges marking Python's `spans` of `text` (a search's matches)."""
    ranges = []
    for start, end in to_qt_spans(text, spans):
        mark = QTextLayout.FormatRange()
        mark.start, mark.length = start, end - start
        fmt = QTextCharFormat()
        fmt.setBackground(QBrush(background))
        if foreground is not None:
            fmt.setForeground(QBrush(foreground))
        mark.format = fmt
        ranges.append(mark)
    return ranges
