"""The business hours editor: each weekday closed, open all day or open in ranges, and the time zone."""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.automations_parts import AutomationsPart
from app.rules import overfull_filled_menus
from app.wire import INTERACTIVE_BODY_MAX, Automations, BusinessHours, DayHours, MenuBot
from ui.automation_dialog import AutomationDialog
from ui.automation_forms import WeekHoursEditor
from ui.closed_days import ClosedDaysEditor
from ui.formatting import count_text
from ui.korean_particles import with_particles
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
        # Under the days, where she changes them (the summary below the form is squeezed on a small
        # screen): the saved menus these hours would make too long for a menu.
        self.menu_note = QLabel()
        self.menu_note.setObjectName("hoursOutgrowMenu")
        self.menu_note.setWordWrap(True)
        self.menu_note.setTextFormat(Qt.TextFormat.PlainText)
        self.menu_note.hide()
        days_layout.addWidget(self.menu_note)
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
        warnings = self._overfull_menu_lines(shown)
        self.menu_note.setText("\n".join(warnings))
        self.menu_note.setVisible(bool(warnings))

    def _overfull_menu_lines(self, doc: Automations) -> list[str]:
        """Before Save: the saved menus whose text writes the hours and, with these hours filled in,
        outgrows what WhatsApp shows above a menu (the relay would send them as numbered text)."""
        now = datetime.now().astimezone()
        # Those too long with no hours at all (a long shop name) are the bot editor's to name: not
        # these hours' doing.
        closed = BusinessHours(timezone=doc.business_hours.timezone, week=[DayHours()] * 7)
        anyway = {where for _bot, where, _length in overfull_filled_menus(_with_hours(doc, closed), now)}
        found = [
            (bot, where) for bot, where, _length in overfull_filled_menus(doc, now) if where not in anyway
        ]
        lines = []
        for bot, where in found[:3]:
            # WhatsApp shows at most 1,024 characters above a menu: the relay sends such a menu whole,
            # as a text with its choices numbered, which the owner only saw in a chat.
            sentence = self.tr(
                "With these hours the menu “{0}” is longer than the {1} characters WhatsApp shows "
                "above a menu, so it will then be sent as plain numbered text: shorten it or the hours."
            ).format(_menu_name(bot, where) or self.tr("(no title yet)"), count_text(INTERACTIVE_BODY_MAX))
            lines.append(with_particles(sentence))
        return lines


def _with_hours(doc: Automations, hours: BusinessHours) -> Automations:
    return doc.model_copy(update={"business_hours": hours})


def _menu_name(bot: MenuBot, where: str) -> str:
    """The title the bot editor shows for menu node or keyword answer `where` ("" when it has none)."""
    node = next((n for n in bot.nodes if n.id == where), None)
    if node is not None:
        return node.title.strip()
    rule = next((r for r in bot.rules if r.id == where), None)
    return (rule.title or ", ".join(rule.keywords)) if rule is not None else ""
