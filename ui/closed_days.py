"""Closed days in the business hours editor: holidays and vacations, when the shop is closed all day
whatever its week says (app/rules.py counts them: the away message answers, the bot says when the shop
opens again)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette, QTextCharFormat
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

from app import relay_clock
from app.public_holidays import HolidayPeriod, holiday_periods
from app.rules import zone
from app.wire import CLOSED_DAYS_MAX, CLOSED_NOTE_MAX, ClosedDays
from ui import message_box
from ui.date_typing import typed_dates
from ui.formatting import babel_locale_name, date_edit_format, date_range, from_qdate, qdate
from ui.ops import run_op

HOLIDAYS_AHEAD = timedelta(days=365)


def shop_today(time_zone: str) -> date:
    """Today on the shop's calendar (its business hours' zone; "": this computer's), where closed days
    are counted: a Seoul shop's owner in Los Angeles is a day behind it half the time."""
    now = relay_clock.now()
    return (now.astimezone(zone(time_zone)) if time_zone else now.astimezone()).date()


PERIOD_ROLE = Qt.ItemDataRole.UserRole


class ClosedDaysDialog(QDialog):
    """From, to and a note for one closed period; `to` never before `from`."""

    def __init__(
        self,
        period: ClosedDays | None = None,
        parent: QWidget | None = None,
        *,
        country: str = "",
        time_zone: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Closed days") if period is None else self.tr("Change closed days"))
        today = shop_today(time_zone)
        self.first = self._date_edit(period.first if period else today)
        self.last = self._date_edit(period.last if period else today)
        self.last.setMinimumDate(self.first.date())
        self.first.dateChanged.connect(self._first_moved)
        # The last day's calendar shows the days before the first one faded: Qt refuses them, but in
        # this style draws them as if they could be picked.
        self.last.calendarWidget().currentPageChanged.connect(lambda _y, _m: self._fade_before_first())
        self._fade_before_first()
        self.note = QLineEdit(period.note if period else "")
        self.note.setMaxLength(CLOSED_NOTE_MAX)
        self.note.setPlaceholderText(
            self.tr("For you, e.g. Chuseok or a family trip")
            if country.upper() in ("", "KR")
            # Chuseok is Korea's: a Berlin shop closes for Christmas, not for it.
            else self.tr("For you, e.g. a public holiday or a family trip")
        )
        self.note.setMinimumWidth(self.note.fontMetrics().horizontalAdvance(self.note.placeholderText()) + 24)
        form = QFormLayout()
        form.addRow(self.tr("&First day closed"), self.first)
        form.addRow(self.tr("&Last day closed"), self.last)
        form.addRow(self.tr("&Note"), self.note)
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
        typed_dates(edit)
        return edit

    def _first_moved(self, first: QDate) -> None:
        # A period moved later keeps its length: the last day follows the first.
        length = self.last.date().toJulianDay() - self.last.minimumDate().toJulianDay()
        self.last.setMinimumDate(first)
        self.last.setDate(first.addDays(max(length, 0)))
        self._fade_before_first()

    def _fade_before_first(self) -> None:
        calendar = self.last.calendarWidget()
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # the last page's fading goes
        faded = QTextCharFormat()
        faded.setForeground(calendar.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        shown = QDate(calendar.yearShown(), calendar.monthShown(), 1)
        day, first = shown.addDays(-7), self.last.minimumDate()  # a page starts up to a week before
        while day < first and day < shown.addDays(42):
            calendar.setDateTextFormat(day, faded)
            day = day.addDays(1)

    def value(self) -> ClosedDays:
        return ClosedDays(
            first=from_qdate(self.first.date()),
            last=from_qdate(self.last.date()),
            note=self.note.text().strip(),
        )


class PublicHolidaysDialog(QDialog):
    """The country's public holidays of the coming year, to tick the ones the shop closes on; those
    already among the closed days are shown ticked and cannot be added twice."""

    def __init__(
        self, periods: list[HolidayPeriod], closed: list[ClosedDays], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Public holidays"))
        self.periods = periods
        already = {(c.first, c.last) for c in closed}
        self.list = QListWidget(self)
        self.list.setSpacing(2)  # rows apart: the ticks stood edge to edge, one 13-pixel target each
        for period in periods:
            item = QListWidgetItem(f"{date_range(period.first, period.last)} · {period.name}")
            item.setData(PERIOD_ROLE, period)
            if (period.first, period.last) in already:
                item.setText(self.tr("{0} (added)").format(item.text()))
                item.setCheckState(Qt.CheckState.Checked)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        note = QLabel(self.tr("Tick the days the shop closes on. You can change or remove them after."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add ticked days"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(self.list.sizeHintForColumn(0) + 60, 420)

    def ticked(self) -> list[ClosedDays]:
        chosen = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            enabled = bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
            if enabled and item.checkState() == Qt.CheckState.Checked:
                period: HolidayPeriod = item.data(PERIOD_ROLE)
                chosen.append(
                    ClosedDays(first=period.first, last=period.last, note=period.name[:CLOSED_NOTE_MAX])
                )
        return chosen


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
        self.add_button = QPushButton(self.tr("&Add closed days…"))
        self.add_button.clicked.connect(self.add)
        self.change_button = QPushButton(self.tr("&Change…"))
        self.change_button.clicked.connect(self.change)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove)
        self.country = ""  # the shop's (ISO code): its public holidays are offered
        self.time_zone = ""  # the shop's (its business hours'): its days are over on its own calendar
        self.holidays_button = QPushButton(self.tr("Add &public holidays…"))
        self.holidays_button.clicked.connect(self.offer_holidays)
        self.holidays_dialog: PublicHolidaysDialog | None = None
        self._offering = False  # the holidays are being worked out for the dialog
        hint = QLabel(
            self.tr(
                "Holidays and vacations: the shop is closed all day, whatever the week says. The away "
                "message answers, and the menu bot says when the shop opens again."
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.holidays_button, self.change_button, self.remove_button):
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

    def set_time_zone(self, time_zone: str) -> None:
        """The shop's zone as the hours editor chose it: which periods are over is said on its calendar."""
        if time_zone != self.time_zone:
            self.time_zone = time_zone
            self._fill(select=self._current())

    def _current(self) -> ClosedDays | None:
        row = self.list.currentRow()
        return self.periods[row] if 0 <= row < len(self.periods) else None

    def _fill(self, select: ClosedDays | None = None) -> None:
        self.list.clear()
        today = shop_today(self.time_zone)
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
        self.holidays_button.setEnabled(len(self.periods) < CLOSED_DAYS_MAX)

    def add(self) -> None:
        self._ask(None)

    def change(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self._ask(self.periods[row])

    def _ask(self, period: ClosedDays | None) -> None:
        dialog = self.dialog = ClosedDaysDialog(period, self, country=self.country, time_zone=self.time_zone)
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

    def offer_holidays(self) -> None:
        """The coming year's public holidays of the shop's country, worked out off the GUI thread (the
        calendar's first use loads it: a quarter of a second)."""
        if self._offering:  # a second press while the first is worked out
            return
        today = shop_today(self.time_zone)
        country, language = self.country, babel_locale_name()
        # Not greyed out meanwhile: a disabled button hands the focus on (to Monday's first time,
        # the form scrolling to its top), and the owner came back from the list far from her holidays.
        self._offering = True

        def shown(periods: list[HolidayPeriod]) -> None:
            self._offering = False
            if not periods:  # a territory the calendar does not know (Ascension, Diego Garcia…)
                message_box.information(
                    self,
                    self.tr("Public holidays"),
                    self.tr("No public holidays are known for the shop's country in the coming year."),
                )
                return
            dialog = self.holidays_dialog = PublicHolidaysDialog(periods, self.periods, self)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.accepted.connect(lambda: self._holidays_ticked(dialog.ticked()))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

        def failed(_exc: BaseException) -> None:
            self._offering = False

        run_op(
            lambda: holiday_periods(country, today, today + HOLIDAYS_AHEAD, language),
            shown,
            parent=self,
            on_failure=failed,
        )

    def _holidays_ticked(self, chosen: list[ClosedDays]) -> None:
        self.holidays_dialog = None
        room = CLOSED_DAYS_MAX - len(self.periods)
        if not chosen or room <= 0:
            return
        added = chosen[:room]
        self.periods = sorted([*self.periods, *added], key=lambda p: (p.first, p.last))
        self._fill(select=min(added, key=lambda p: (p.first, p.last)))  # in sight, like one added by hand
        self.changed.emit()

    def remove(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.periods[row]
        self._fill()
        self.changed.emit()
