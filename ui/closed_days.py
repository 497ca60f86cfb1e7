"""Closed days in the business hours editor: holidays and vacations, when the shop is closed all day
whatever its week says (app/rules.py counts them: the away message answers, the bot says when the shop
opens again)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.wire import CLOSED_DAYS_MAX, CLOSED_NOTE_MAX, ClosedDays
from ui.formatting import date_edit_format, date_range, from_qdate, qdate

PERIOD_ROLE = Qt.ItemDataRole.UserRole


class ClosedDaysDialog(QDialog):
    """From, to and a note for one closed period; `to` never before `from`."""

    def __init__(self, period: ClosedDays | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Closed days") if period is None else self.tr("Change closed days"))
        today = datetime.now().astimezone().date()
        self.first = self._date_edit(period.first if period else today)
        self.last = self._date_edit(period.last if period else today)
        self.last.setMinimumDate(self.first.date())
        self.first.dateChanged.connect(self._first_moved)
        self.note = QLineEdit(period.note if period else "")
        self.note.setMaxLength(CLOSED_NOTE_MAX)
        self.note.setPlaceholderText(self.tr("For you, e.g. Chuseok or a family trip"))
        self.note.setMinimumWidth(self.note.fontMetrics().horizontalAdvance(self.note.placeholderText()) + 24)
        form = QFormLayout()
        form.addRow(self.tr("First day closed"), self.first)
        form.addRow(self.tr("Last day closed"), self.last)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _date_edit(self, value: date) -> QDateEdit:
        edit = QDateEdit(qdate(value))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_edit_format(with_time=False))
        return edit

    def _first_moved(self, first: QDate) -> None:
        # A period moved later keeps its length: the last day follows the first.
        length = self.last.date().toJulianDay() - self.last.minimumDate().toJulianDay()
        self.last.setMinimumDate(first)
        self.last.setDate(first.addDays(max(length, 0)))

    def value(self) -> ClosedDays:
        return ClosedDays(
            first=from_qdate(self.first.date()),
            last=from_qdate(self.last.date()),
            note=self.note.text().strip(),
        )


class ClosedDaysEditor(QWidget):
    """The closed periods, soonest first; Add…, Change… (or a double-click) and Remove."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.periods: list[ClosedDays] = []
        self.dialog: ClosedDaysDialog | None = None  # the one open, for tests and to keep one at a time
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Closed days"))
        self.list.setMaximumHeight(self.list.fontMetrics().height() * 6)
        self.list.itemDoubleClicked.connect(lambda _item: self.change())
        self.list.currentRowChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("Add closed days…"))
        self.add_button.clicked.connect(self.add)
        self.change_button = QPushButton(self.tr("Change…"))
        self.change_button.clicked.connect(self.change)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove)
        hint = QLabel(
            self.tr(
                "Holidays and vacations: the shop is closed all day, whatever the week says. The away "
                "message answers, and the menu bot says when the shop opens again."
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.change_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self._update_buttons()

    def value(self) -> list[ClosedDays]:
        return list(self.periods)

    def set_value(self, periods: list[ClosedDays]) -> None:
        self.periods = sorted(periods, key=lambda p: (p.first, p.last))
        self._fill()

    def _fill(self, select: ClosedDays | None = None) -> None:
        self.list.clear()
        today = datetime.now().astimezone().date()
        faded = self.palette().color(QPalette.ColorRole.PlaceholderText)
        for period in self.periods:
            text = date_range(period.first, period.last)
            if period.note:
                text = f"{text} · {period.note}"
            item = QListWidgetItem(text)
            item.setData(PERIOD_ROLE, period)
            if period.last < today:  # over: kept, shown faded
                item.setText(self.tr("{0} (past)").format(text))
                item.setForeground(faded)
            self.list.addItem(item)
            if period is select:
                self.list.setCurrentItem(item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.list.currentRow() >= 0
        self.change_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
        self.add_button.setEnabled(len(self.periods) < CLOSED_DAYS_MAX)

    def add(self) -> None:
        self._ask(None)

    def change(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._ask(self.periods[row])

    def _ask(self, period: ClosedDays | None) -> None:
        dialog = self.dialog = ClosedDaysDialog(period, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._answered(period, dialog.value()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _answered(self, old: ClosedDays | None, new: ClosedDays) -> None:
        self.dialog = None
        kept = [p for p in self.periods if p is not old]
        self.periods = sorted([*kept, new], key=lambda p: (p.first, p.last))
        self._fill(select=new)
        self.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.periods[row]
        self._fill()
        self.changed.emit()
