"""The campaign's schedule box: now or at a time on the shop's clock, its pace, the night wait, the cost."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from app import relay_clock
from app.campaign_store import PACE_DEFAULT, PACE_MAX
from ui.ad_law import night_end_text, night_start_text
from ui.campaign_audience import spin_box
from ui.campaign_cost import CostNote
from ui.date_typing import typed_dates
from ui.formatting import date_edit_format, display_locale
from ui.time_zones import zone_name


class ScheduleBox(QGroupBox):
    """`set_time_zone()` once the shop's zone is known; `scheduled_at()` is None for "Send now"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Schedule"), parent)
        self._time_zone = "UTC"
        self.now = QRadioButton(self.tr("Send no&w"), self)
        self.at = QRadioButton(self.tr("Send a&t"), self)
        self.now.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.now)
        group.addButton(self.at)
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setLocale(display_locale())
        self.when.setDisplayFormat(date_edit_format(with_time=True))
        typed_dates(self.when)
        self.when.setEnabled(False)
        self.zone = QLabel(self)
        # A zone's name runs to 45 characters ("St. Helena, Ascension & Tristan da Cunha Time"): it
        # wraps beside the time rather than run past the group's right edge, cut off.
        self.zone.setWordWrap(True)
        self.zone.setTextFormat(Qt.TextFormat.PlainText)
        self.pace = spin_box(
            self, 1, PACE_MAX, PACE_DEFAULT, self.tr(" message per second"), self.tr(" messages per second")
        )
        self.cost_note = CostNote(self)
        sl = QFormLayout(self)
        # "Send at" and its time on a line of their own: on one line with "Send now" the column was
        # a pixel too wide for a 1366-pixel screen, and the form scrolled sideways.
        sl.addRow(self.now)
        at_row = QHBoxLayout()
        at_row.addWidget(self.at)
        at_row.addWidget(self.when)
        at_row.addWidget(self.zone, 1)
        sl.addRow(at_row)
        sl.addRow(self.tr("&Pace"), self.pace)
        # The night-time wait is the law on ads only: a utility template goes out at once.
        self.night_note = QLabel(
            self.tr(
                "Marketing to Korean numbers waits until {0} between {1} and {0}, "
                "except for customers who agreed to night-time messages."
            ).format(night_end_text(), night_start_text()),
            self,
        )
        self.night_note.setObjectName("campaignNightNote")
        self.night_note.setWordWrap(True)
        self.night_note.setVisible(False)
        sl.addRow(self.night_note)
        sl.addRow(self.cost_note)
        self.at.toggled.connect(self.when.setEnabled)

    def set_time_zone(self, time_zone: str) -> None:
        """The shop's clock, named beside the time; "Send at" starts an hour from now on it."""
        self._time_zone = time_zone
        self.zone.setText(zone_name(time_zone))
        self.zone.setToolTip(time_zone)
        # An hour from now on the shop's clock (the zone beside it), not this computer's; "now" as
        # the relay, which sends it, reads it (a laptop's clock may be off).
        self.when.setDateTime(self.shown(relay_clock.now() + timedelta(hours=1)))

    def time_zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self._time_zone)
        except (ValueError, KeyError):
            return ZoneInfo("UTC")

    def shown(self, moment: datetime) -> QDateTime:
        """`moment` as the schedule field shows it: on the shop's clock, to the minute."""
        local = moment.astimezone(self.time_zone())
        return QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")

    def show_schedule(self, scheduled_at: datetime | None, pace: int) -> None:
        # Each way, not only when it has a time: a new campaign opened after a scheduled draft
        # showed that draft's "Send at".
        if scheduled_at is not None:
            self.at.setChecked(True)
            self.when.setDateTime(self.shown(scheduled_at))
        else:
            self.now.setChecked(True)
        self.pace.setValue(pace)

    def scheduled_at(self) -> datetime | None:
        if not self.at.isChecked():
            return None
        text = self.when.dateTime().toString("yyyy-MM-dd HH:mm")
        local = datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=self.time_zone())
        return local.astimezone(UTC)
