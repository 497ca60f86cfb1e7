"""Export orders…: the owner picks the days whose orders go to the accounting sheet."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo

from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from ui.date_typing import typed_dates
from ui.formatting import date_edit_format, from_qdate, qdate


def _start_of(d: date, clock: tzinfo | None = None) -> datetime:
    """Midnight of a day on `clock` (None: this computer's), as the UTC time the database keeps."""
    if clock is None:
        return datetime.combine(d, time()).astimezone()
    return datetime.combine(d, time(), tzinfo=clock)


class OrderExportDialog(QDialog):
    """From and to (whole days on the shop's clock, both included); the sheet has one row per order
    line, its times on that clock too."""

    def __init__(
        self, first: date, last: date, parent: QWidget | None = None, *, clock: tzinfo | None = None
    ) -> None:
        super().__init__(parent)
        self.clock = clock  # the shop's time zone (None: this computer's)
        self.setObjectName("orderExportDialog")
        self.setWindowTitle(self.tr("Export orders"))
        fmt = date_edit_format(with_time=False)
        self.first = QDateEdit(qdate(first), self)
        self.last = QDateEdit(qdate(last), self)
        for edit, name in ((self.first, self.tr("From")), (self.last, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(fmt)
            edit.setAccessibleName(name)
            typed_dates(edit)
        self.first.dateChanged.connect(self._keep_order)
        self.last.dateChanged.connect(self._keep_order)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Orders placed on these days, one row per order line:"), self))
        form.addRow(self.tr("&From"), self.first)
        form.addRow(self.tr("&To"), self.last)
        form.addRow(buttons)

    def _keep_order(self) -> None:
        if self.first.date() > self.last.date():
            sender = self.sender()
            if sender is self.first:
                self.last.setDate(self.first.date())
            else:
                self.first.setDate(self.last.date())

    def days(self) -> tuple[date, date]:
        return from_qdate(self.first.date()), from_qdate(self.last.date())

    def period(self) -> tuple[datetime, datetime]:
        """[since, until): from the first day's midnight to the day after the last's, on the shop's
        clock. On this computer's, a laptop on another zone than the shop's put the 1st's early
        orders in last month's file, and the sheet's own times outside the days picked."""
        first, last = self.days()
        return _start_of(first, self.clock), _start_of(last + timedelta(days=1), self.clock)
