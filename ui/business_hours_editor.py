"""The business hours editor: each weekday closed, open all day or open in ranges, and the time zone."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFormLayout, QGroupBox, QVBoxLayout, QWidget

from app.automations_parts import AutomationsPart
from app.wire import Automations, BusinessHours
from ui.automation_dialog import AutomationDialog
from ui.automation_forms import WeekHoursEditor
from ui.closed_days import ClosedDaysEditor
from ui.screen_fit import resize_within_screen, scrolling
from ui.time_zones import TimeZoneBox, shop_default_zone, zone_city

log = logging.getLogger(__name__)


class BusinessHoursEditor(AutomationDialog):
    """Edits `Automations.business_hours` (used by "outside business hours" away messages)."""

    PART = AutomationsPart.HOURS

    fills_shop_zone = False  # the zone is the owner's choice here, "UTC" included

    def start_in(self) -> QWidget:
        # The week, not the time zone above it: the owner comes to change her hours, and a key
        # typed into the zone's box would start rewriting the zone.
        return self.week

    def build(self) -> None:
        self.setWindowTitle(self.tr("Business hours"))
        self.timezone = TimeZoneBox()
        self._chosen_zone = shop_default_zone(self.ctx.shop_region)
        self.week = WeekHoursEditor()
        self.closed = ClosedDaysEditor()
        self.closed.country = self.ctx.shop_region
        closed_box = QGroupBox(self.tr("Closed days"))
        QVBoxLayout(closed_box).addWidget(self.closed)
        form = QFormLayout()
        form.addRow(self.tr("Time &zone"), self.timezone)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        # The week (a day may hold several ranges) and the closed days scroll on a small screen
        # rather than push Save past its edge.
        days = QWidget()
        days_layout = QVBoxLayout(days)
        days_layout.setContentsMargins(0, 0, 0, 0)
        days_layout.addWidget(self.week)
        days_layout.addWidget(closed_box)
        days_layout.addStretch(1)
        layout.addWidget(scrolling(days, whole_width=True), 1)
        self.timezone.currentTextChanged.connect(self.edited)
        # Which closed days are over is said on the shop's calendar, in the zone chosen above.
        self.timezone.currentTextChanged.connect(
            lambda _text: self.closed.set_time_zone(self.timezone.zone() or self._chosen_zone)
        )
        self.week.changed.connect(self.edited)
        self.closed.changed.connect(self.edited)
        resize_within_screen(self, QSize(600, 680))

    def load(self, doc: Automations) -> None:
        hours = doc.business_hours
        # A shop that never set its hours gets its own zone rather than UTC: this computer's, or its
        # country's when the computer's is not one of them.
        zone = (
            hours.timezone
            if doc.revision or hours.timezone != "UTC"
            else shop_default_zone(self.ctx.shop_region)
        )
        self.timezone.set_zone(zone)
        self._chosen_zone = zone
        self.week.set_value(list(hours.week))
        self.closed.set_time_zone(zone)
        self.closed.set_value(list(hours.closed_days))

    def choose_zone_afresh(self) -> None:
        """The shop moved to a country of several zones: the box emptied and focused, for the owner
        to type her city (Save says to choose one until she has)."""
        self.timezone.setEditText("")
        self.timezone.setFocus()
        self.edited()

    def apply(self, doc: Automations) -> Automations:
        zone = self.timezone.zone()
        if zone is not None:
            self._chosen_zone = zone
        # While a city is half typed, the summary and preview keep the last zone chosen (problem()
        # says to choose one, and nothing is saved until then).
        hours = BusinessHours(
            timezone=zone or self._chosen_zone, week=self.week.value(), closed_days=self.closed.value()
        )
        return doc.model_copy(update={"business_hours": hours}, deep=True)

    def problem(self) -> str:
        if self.timezone.zone() is None:
            return self.tr("Choose a time zone from the list: type its city, like {0}.").format(
                zone_city("Asia/Seoul")
            )
        return self.week.overlap_problem()

    def refresh_summary(self, doc: Automations) -> None:
        # What Save keeps, as the form shows it: a shop that never set its hours is stored on UTC,
        # and the summary said "· UTC" under the box showing the shop's own zone.
        shown = self.apply(doc)
        self.summary.setText(self.tr("Open: {0}").format(self.summaries.hours(shown.business_hours)))
