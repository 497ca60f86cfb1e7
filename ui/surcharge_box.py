"""The new-order form's surcharge: a tick for a country with one (도서산간), a list for several (the UK's)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QWidget

from app.surcharge_areas import REMOTE
from ui.surcharge_names import as_label, surcharge_name, surcharge_places, surcharge_title


class SurchargeBox(QWidget):
    """Which surcharge the order pays: none, or one of `areas` (app.surcharge_areas). One area is a
    tick box, as Korean shops know 도서산간; several a list, as a UK shop picks Highlands & Islands
    or Northern Ireland."""

    changed = Signal()

    def __init__(self, areas: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.areas = tuple(dict.fromkeys(areas)) or (REMOTE,)
        self.check: QCheckBox | None = None
        self.combo: QComboBox | None = None
        # The list's label, for the form's label column (a tick box says it itself).
        self.label: QLabel | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if len(self.areas) == 1:
            area = self.areas[0]
            text = (
                self.tr("Re&mote area (islands, mountains): add the surcharge")
                if area == REMOTE
                else self.tr("Add the s&urcharge for {0}").format(as_label(surcharge_name(area)))
            )
            self.check = QCheckBox(text, self)
            self.check.setObjectName("surchargeArea")
            self.check.setToolTip(surcharge_places(area))
            self.check.toggled.connect(lambda _on: self.changed.emit())
            layout.addWidget(self.check)
            return
        self.combo = QComboBox(self)
        self.combo.setObjectName("surchargeArea")
        self.combo.addItem(self.tr("None"), "")
        for area in self.areas:
            self.combo.addItem(surcharge_title(area), area)
            tip = surcharge_places(area)
            self.combo.setItemData(self.combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        self.label = QLabel(self.tr("Surc&harge for"), self)
        self.label.setBuddy(self.combo)
        layout.addWidget(self.combo, 1)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def show_amounts(self, amounts: Mapping[str, str]) -> None:
        """Each listed area with its amount as Order settings set it ("Northern Ireland (£7.50)");
        an area with none set (or not in `amounts`) shows its name alone."""
        if self.combo is None:
            return
        for index in range(1, self.combo.count()):
            area = str(self.combo.itemData(index))
            amount = amounts.get(area, "")
            title = surcharge_title(area)
            self.combo.setItemText(index, self.tr("{0} ({1})").format(title, amount) if amount else title)

    def area(self) -> str:
        """The area chosen, "" for none."""
        if self.check is not None:
            return self.areas[0] if self.check.isChecked() else ""
        assert self.combo is not None
        return str(self.combo.currentData() or "")

    def set_area(self, area: str) -> None:
        """Choose `area` ("" none); one not offered is none."""
        if self.check is not None:
            self.check.setChecked(bool(area) and area == self.areas[0])
            return
        assert self.combo is not None
        self.combo.setCurrentIndex(max(0, self.combo.findData(area)))
