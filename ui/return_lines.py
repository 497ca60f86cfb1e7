"""The return dialog's lines: how many of each come back (typed), and for an exchange what goes instead."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget

from app.money import to_decimal
from app.order_returns import ReturnLine, ReturnStart
from app.orders import LineInput
from app.stock import left_for
from ui.catalog_picker import PickedItem
from ui.order_text import money
from ui.theme import problem_colour

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(slots=True)
class ReturnRow:
    position: int
    name: str
    option: str
    code: str
    bought: int
    returned: int
    unit_price_minor: int
    coming: int = 0  # pieces coming back now
    # An exchange: the item sent instead (the same one unless chosen from the catalogue), its
    # option, its price (the one she paid for the same item), and what is left of its options.
    new_code: str = ""
    new_option: str = ""
    new_name: str = ""
    new_price_minor: int = 0
    new_counts: Mapping[str, int] | None = None

    @property
    def same_item(self) -> bool:
        return self.new_code == self.code

    @property
    def new_left(self) -> int | None:
        """What is left of the replacement in its option; None when nobody counts it."""
        return left_for(self.new_counts, self.new_option)

    @property
    def left(self) -> int:
        return self.bought - self.returned


class ReturnLinesModel(QAbstractTableModel):
    """The order's lines; "Coming back" is typed (0 to what is left), and for an exchange the item and
    option sent instead."""

    picked = Signal()

    ITEM, BOUGHT, COMING, NEW_ITEM, NEW_OPTION = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ReturnRow] = []
        self.currency = "KRW"
        self.exchange = False
        self.item_ids: dict[int, int | None] = {}  # line position → its catalogue item

    def set_start(self, start: ReturnStart) -> None:
        self.beginResetModel()
        self.currency = start.currency
        self.rows = [
            ReturnRow(
                line.position,
                line.name,
                line.option,
                line.code,
                line.bought,
                line.returned,
                line.unit_price_minor,
                coming=line.left if len(start.lines) == 1 else 0,
                new_code=line.code,
                new_option=line.option,
                new_name=line.name,
                new_price_minor=line.unit_price_minor,
            )
            for line in start.lines
        ]
        self.item_ids = {line.position: line.item_id for line in start.lines}
        self.endResetModel()
        self.picked.emit()

    def set_counts(self, counts: Mapping[int, Mapping[str, int]]) -> None:
        """What is left of the returned items (read once the dialog opens), for the same item sent again."""
        for r in self.rows:
            item_id = self.item_ids.get(r.position)
            if r.same_item and item_id is not None:
                r.new_counts = counts.get(item_id)
        self.picked.emit()

    def set_replacement(self, row: int, picked: PickedItem) -> None:
        """The item chosen from the catalogue to send instead of row `row`'s (its own price)."""
        r = self.rows[row]
        r.new_code, r.new_option, r.new_counts = picked.code, picked.option, picked.counts
        if r.same_item:  # the same item again, in another option: at the price she paid
            r.new_name, r.new_price_minor = r.name, r.unit_price_minor
        else:
            r.new_name, r.new_price_minor = picked.name, picked.price_minor
        self.dataChanged.emit(self.index(row, self.NEW_ITEM), self.index(row, self.NEW_OPTION))
        self.picked.emit()

    def set_exchange(self, exchange: bool) -> None:
        self.exchange = exchange
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.COMING, self.COMING)
        if self.rows:
            self.dataChanged.emit(
                self.index(0, self.NEW_ITEM), self.index(len(self.rows) - 1, self.NEW_OPTION)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("Item"),
            self.tr("Bought"),
            # An exchange's pieces are exchanged, not returned (반품 reads as money back in Korean).
            self.tr("Exchanging") if self.exchange else self.tr("Coming back"),
            self.tr("Exchange for"),
            self.tr("Option"),
        )[section]

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self.rows[index.row()]
        column = index.column()
        if column == self.COMING and row.left > 0:
            flags |= Qt.ItemFlag.ItemIsEditable
        if column == self.NEW_OPTION and self.exchange and row.coming:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == self.ITEM:
                name = f"{r.name} · {r.option}" if r.option else r.name
                return f"{name} ({money(r.unit_price_minor, self.currency)})"
            if column == self.BOUGHT:
                if r.returned and role == Qt.ItemDataRole.DisplayRole:
                    return self.tr("{0} ({1} returned before)").format(r.bought, r.returned)
                return r.bought
            if column == self.COMING:
                return r.coming
            if column == self.NEW_ITEM:
                if not self.exchange or not r.coming:
                    return ""
                return f"{r.new_name} ({money(r.new_price_minor, self.currency)})"
            if not self.exchange or not r.coming:
                return "" if role == Qt.ItemDataRole.DisplayRole else r.new_option
            return r.new_option
        if role == Qt.ItemDataRole.ToolTipRole and column == self.NEW_ITEM and self.exchange and r.coming:
            return self.tr("Double-click (or Enter) to choose another item from the catalogue")
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.NEW_ITEM, self.NEW_OPTION):
            left = r.new_left if self.exchange and r.coming else None
            return QColor(problem_colour()) if left is not None and left < r.coming else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.BOUGHT, self.COMING):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        r = self.rows[index.row()]
        column = index.column()
        if column == self.COMING:
            try:
                r.coming = max(0, min(r.left, int(value)))
            except (TypeError, ValueError):
                return False
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 4))
        elif column == self.NEW_OPTION:
            r.new_option = str(value).strip()[:100]
        else:
            return False
        self.dataChanged.emit(index, index)
        self.picked.emit()
        return True

    def picks(self) -> tuple[ReturnLine, ...]:
        return tuple(ReturnLine(r.position, r.coming) for r in self.rows if r.coming)

    def replacements(self) -> tuple[LineInput, ...]:
        """What an exchange sends instead: the same item at the price she paid, or another item at
        the catalogue's price."""
        out = []
        for r in self.rows:
            if not r.coming:
                continue
            price = to_decimal(r.new_price_minor, self.currency)
            out.append(
                LineInput(
                    r.new_code, r.coming, price, self.currency, r.new_option, r.name if r.same_item else ""
                )
            )
        return tuple(out)

    def replacement_value(self) -> int:
        """What the items sent instead cost (the same item at the price she paid)."""
        return sum(r.coming * r.new_price_minor for r in self.rows if r.coming)

    def shortage(self) -> ReturnRow | None:
        """The first replacement with fewer pieces left than are to go out (counted ones only)."""
        for r in self.rows:
            left = r.new_left
            if r.coming and left is not None and left < r.coming:
                return r
        return None


class ComingDelegate(QStyledItemDelegate):
    """ "Coming back" is typed in a spin box bounded by what is left, and counts as she types: a number
    typed and confirmed at once (Record clicked while the cell is still open, Enter) is the one kept."""

    def __init__(self, model: ReturnLinesModel, view: QTableView) -> None:
        super().__init__(view)
        self.model = model
        self.view = view

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex) -> QWidget:
        if index.column() != ReturnLinesModel.COMING:
            return super().createEditor(parent, option, index)
        editor = QSpinBox(parent)
        editor.setFrame(False)
        editor.setRange(0, self.model.rows[index.row()].left)
        editor.setAlignment(Qt.AlignmentFlag.AlignCenter)
        editor.setAccessibleName(self.tr("Coming back"))
        editor.valueChanged.connect(lambda _value: self._typed(editor))
        return editor

    def _typed(self, editor: QSpinBox) -> None:
        if self.view.indexWidget(self.view.currentIndex()) is editor:  # not one closing
            self.commitData.emit(editor)

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        if isinstance(editor, QSpinBox):
            editor.interpretText()
            if model.data(index, Qt.ItemDataRole.EditRole) == editor.value():
                return  # nothing new: no refund retyped by a commit of the same number
        super().setModelData(editor, model, index)
