"""A table header whose sort arrow points the way the rows run: ▼ for newest or largest first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QWidget

# Styles that already turn Qt's header order into the platform's own arrow (Windows: ▼ descending).
NATIVE_ARROW_STYLES = frozenset({"windowsvista", "windows11"})


class SortHeader(QHeaderView):
    """Qt marks a descending sort `SortUp`, which Fusion draws as ▲ over rows that run from the
    newest down; here a descending sort is drawn ▼ and an ascending one ▲."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logicalIndex: int) -> None:
        super().initStyleOptionForIndex(option, logicalIndex)
        if option.sortIndicator == QStyleOptionHeader.SortIndicator.None_:
            return
        if self.style().name() in NATIVE_ARROW_STYLES:
            return
        descending = self.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        option.sortIndicator = (
            QStyleOptionHeader.SortIndicator.SortDown
            if descending
            else QStyleOptionHeader.SortIndicator.SortUp
        )
