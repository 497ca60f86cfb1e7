"""The order window's lines: item, option, quantity, price and total, the option typed in until it ships."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QWidget

from app.order_queries import LineRow
from ui.order_text import money
from ui.plain_tooltip import plain_tooltip

AnyIndex = QModelIndex | QPersistentModelIndex

OPTION_COLUMN = 1


class LinesModel(QAbstractTableModel):
    """The order's lines: item, option, quantity, unit price, line total. Until the order ships, the
    option takes the size or colour the customer asked for (its price and the stock stay)."""

    option_edited = Signal(int, str)  # the line's position, the option typed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines: tuple[LineRow, ...] = ()
        self.currency = "KRW"
        self.options_editable = False

    def set_lines(self, lines: tuple[LineRow, ...], currency: str, *, options_editable: bool = False) -> None:
        self.beginResetModel()
        self._lines, self.currency, self.options_editable = lines, currency, options_editable
        self.endResetModel()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == OPTION_COLUMN and self.options_editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        line = self._lines[index.row()]
        option = " ".join(str(value).split())[:100]
        if option == line.option:
            return False
        # Shown at once; the window stores it and shows the order as stored (or the old option back).
        lines = list(self._lines)
        lines[index.row()] = dataclasses.replace(line, option=option)
        self._lines = tuple(lines)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole])
        self.option_edited.emit(line.position, option)
        return True

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Item"), self.tr("Option"), self.tr("Qty"), self.tr("Price"), self.tr("Total"))[
            section
        ]

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.EditRole and col == OPTION_COLUMN:
            return line.option
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return line.name if line.known else self.tr("{0} (not in catalogue)").format(line.name)
            return (
                None,
                line.option,
                str(line.quantity),
                money(line.unit_price_minor, line.currency),
                money(line.total_minor, line.currency),
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == 0:
            # The whole name (a long one is cut to two lines in the table), then the code.
            return plain_tooltip("\n".join(filter(None, (line.name, line.code))))
        if role == Qt.ItemDataRole.ToolTipRole and col == OPTION_COLUMN and self.options_editable:
            return self.tr("Double-click to change the size, colour or other option")
        return None
