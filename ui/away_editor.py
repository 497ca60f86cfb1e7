"""The away message editor: on/off, text, schedule (always, weekly, outside hours), recipients, preview."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QButtonGroup, QFormLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from app.automations_parts import AutomationsPart
from app.rules import zone
from app.wire import Automations, AwayRule
from ui.automation_forms import WeekHoursEditor
from ui.formatting import other_zone_name
from ui.message_rule_editor import MessageRuleEditor
from ui.screen_fit import resize_within_screen
from ui.time_zones import with_shop_zone

log = logging.getLogger(__name__)

SCHEDULES = ("always", "custom", "outside_hours")


class _ScheduleColumn(QWidget):
    """The schedule's radios over the weekly hours, as wide as those hours with a day open whether
    they are shown or not. Sized by what was shown, the editor opened 620 pixels wide, or 688 where
    the stored schedule was weekly (English), depending on whether the document was read before the
    window was first laid out or after; and it widened when the owner chose the weekly schedule."""

    week: WeekHoursEditor | None = None

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.week is None:
            return hint
        margins = self.contentsMargins()
        wide = self.week.minimumSizeHint().width() + margins.left() + margins.right()
        return QSize(max(hint.width(), wide), hint.height())


class AwayEditor(MessageRuleEditor):
    """Edits `Automations.away`; the preview uses the stored business hours and app.rules."""

    PART = AutomationsPart.AWAY

    def labels(self) -> tuple[str, str, str]:
        return (
            self.tr("Away message"),
            self.tr("Send an a&way message"),
            self.tr("Thanks for your message! We're closed now and will answer soon."),
        )

    def add_rows(self, form: QFormLayout) -> None:
        self.schedule = QButtonGroup(self)
        box = _ScheduleColumn()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        names = {
            "always": self.tr("&Always"),
            "custom": self.tr("Custom weekly sc&hedule"),
            "outside_hours": self.tr("Outside &business hours"),
        }
        for i, key in enumerate(SCHEDULES):
            button = QRadioButton(names[key])
            self.schedule.addButton(button, i)
            column.addWidget(button)
        self.custom = box.week = WeekHoursEditor(
            (self.tr("Not away"), self.tr("Away at"), self.tr("Away all day"))
        )
        # Whose 19:00: an owner abroad typed her away hours on her laptop's clock, and the relay
        # keeps them on the shop's. Said above the hours, where the two clocks differ.
        self.zone_note = QLabel()
        self.zone_note.setObjectName("awayZoneNote")
        self.zone_note.setWordWrap(True)
        column.addWidget(self.zone_note)
        column.addWidget(self.custom)
        self._shop_zone = ""
        # The radios carry the Alt letters: the label names the group, no field of its own.
        form.addRow(QLabel(self.tr("Schedule")), box)
        self.schedule.idToggled.connect(self._schedule_changed)
        self.custom.changed.connect(self.edited)
        resize_within_screen(self, QSize(620, 680))

    def _schedule_changed(self, _id: int, checked: bool) -> None:
        if checked:
            self.custom.setVisible(self.schedule.checkedId() == SCHEDULES.index("custom"))
            self._show_zone_note()
            self.edited()

    def _show_zone_note(self) -> None:
        """ "Times on the shop's clock (Korean Time)" under the weekly hours, when this computer's
        clock shows another hour than the shop's."""
        name = other_zone_name(zone(self._shop_zone)) if self._shop_zone else ""
        self.zone_note.setText(
            self.tr("Times on the shop's clock ({0}), as in Business hours.").format(name) if name else ""
        )
        self.zone_note.setVisible(bool(name) and self.schedule.checkedId() == SCHEDULES.index("custom"))

    def load(self, doc: Automations) -> None:
        rule = doc.away
        self.enabled.setChecked(rule.enabled)
        self.show_message(rule.text, rule.text_other_language)
        self.custom.set_value(list(rule.custom))
        self.schedule.button(SCHEDULES.index(rule.schedule)).setChecked(True)
        self.custom.setVisible(rule.schedule == "custom")
        self.recipients.set_value(rule.recipients)

    def apply(self, doc: Automations) -> Automations:
        checked = self.schedule.checkedId()
        text, other = self.message()
        rule = AwayRule(
            enabled=self.enabled.isChecked(),
            text=text,
            text_other_language=other,
            schedule=SCHEDULES[checked] if checked >= 0 else doc.away.schedule,
            custom=self.custom.value(),
            recipients=self.recipients.value(),
            owner_reply_grace_minutes=doc.away.owner_reply_grace_minutes,
        )
        return doc.model_copy(update={"away": rule}, deep=True)

    def refresh_summary(self, doc: Automations) -> None:
        # The hours' zone as a save keeps it (a shop that never saved its hours gets its own zone).
        hours = with_shop_zone(doc, self.ctx.shop_region).business_hours
        if hours.timezone != self._shop_zone:
            self._shop_zone = hours.timezone
            self._show_zone_note()
        self.summary.setText(self.summaries.away(doc.away, hours))
        super().refresh_summary(doc)

    def problem(self) -> str:
        custom = self.schedule.checkedId() == SCHEDULES.index("custom")
        return (custom and self.custom.overlap_problem()) or super().problem()

    def sent_while_open(self, doc: Automations) -> bool:
        return doc.away.schedule == "always"
