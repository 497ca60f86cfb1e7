"""The catalogue picker's option (size, colour) box, when one item is chosen: its counted options offered."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

MAX_OPTION = 100  # as an order line's option (app.orders)


class OptionBox(QWidget):
    """An editable list of the item's counted options ("M", "L"); any other one can be typed (most
    shops count only the item, and the option is what the customer asked for)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(self)
        self.combo.setObjectName("pickOption")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
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

    def set_options(self, counts: Mapping[str, int] | None, keep: str) -> None:
        """Offer the counted options of the item now highlighted; the text typed (or `keep`) stays."""
        typed = self.combo.currentText() or keep
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItems(sorted(o for o in (counts or {}) if o))
        self.combo.setEditText(typed)
        self.combo.blockSignals(False)
        self.changed.emit()

    def option(self) -> str:
        return " ".join(self.combo.currentText().split())[:MAX_OPTION]
