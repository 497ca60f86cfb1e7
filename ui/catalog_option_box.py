"""The catalogue picker's option (size, colour) box, when one item is chosen: every option it is known in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from app.item_options import ItemOption
from ui.formatting import count_text

MAX_OPTION = 100  # as an order line's option (app.orders)

AnyIndex = QModelIndex | QPersistentModelIndex


class OptionsModel(QAbstractListModel):
    """The item's options as the list shows them ("M · 2 in stock", "L · not counted", a sold-out one
    unavailable) while the box's text, once one is picked, is the option alone ("M")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options: tuple[ItemOption, ...] = ()

    def set_options(self, options: Sequence[ItemOption]) -> None:
        self.beginResetModel()
        self.options = tuple(options)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.options)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.options[index.row()].sold_out:
            return Qt.ItemFlag.NoItemFlags  # shown, greyed: it cannot be sent
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        o = self.options[index.row()]
        if role == Qt.ItemDataRole.EditRole:  # what an editable box's text becomes
            return o.option
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{o.option} · {self.stock_words(o)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if o.sold_out:
                return self.tr("Sold out: none left of the stock you count, so it cannot be sent.")
            if o.left is None:
                return self.tr("You do not count the stock of this option: it can always be chosen.")
            if o.shared:
                return self.tr("What is left of the item, all its options together.")
        return None

    def stock_words(self, o: ItemOption) -> str:
        if o.left is None:
            return self.tr("not counted")
        if o.sold_out:
            return self.tr("sold out (unavailable)")
        if o.shared:
            return self.tr("{0} in stock (all options)").format(count_text(o.left))
        return self.tr("{0} in stock").format(count_text(o.left))


class OptionBox(QWidget):
    """An editable list of every option the item is known in ("M", "L"), counted or not; any other
    one can be typed (the option is what the customer asked for)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("pickOption")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.model = OptionsModel(self.combo)
        self.combo.setModel(self.model)
        line = self.combo.lineEdit()
        assert line is not None
        line.setMaxLength(MAX_OPTION)
        line.setPlaceholderText(self.tr("none"))
        self.combo.setAccessibleName(self.tr("Option or size"))
        label = QLabel(self.tr("O&ption / size:"), self)
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        self.combo.currentTextChanged.connect(lambda _text: self.changed.emit())

    def set_options(self, options: Sequence[ItemOption], keep: str) -> None:
        """Offer the options of the item now highlighted; the text typed (or `keep`) stays."""
        typed = self.combo.currentText() or keep
        self.combo.blockSignals(True)
        self.model.set_options(options)
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText(typed)
        self.combo.blockSignals(False)
        self.changed.emit()

    def option(self) -> str:
        return " ".join(self.combo.currentText().split())[:MAX_OPTION]
