"""The away message editor: on/off, text, schedule (always, weekly, outside hours), recipients, preview."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.contact_lookup import ContactDirectory
from app.quick_replies import TEXT_LIMIT
from app.wire import Automations, AwayRule
from ui.automation_dialog import AutomationDialog, ClientProvider
from ui.automation_forms import FieldButtons, RecipientsPicker, WeekHoursEditor
from ui.context import AppContext
from ui.reply_preview import ReplyPreview

log = logging.getLogger(__name__)

SCHEDULES = ("always", "custom", "outside_hours")


class AwayEditor(AutomationDialog):
    """Edits `Automations.away`; the preview uses the stored business hours and app.rules."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        client_provider: ClientProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, client_provider=client_provider, parent=parent)
        self.setWindowTitle(self.tr("Away message"))
        self.enabled = QCheckBox(self.tr("Send an away message"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr("Thanks for your message! We're closed now and will answer soon.")
        )
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(120)
        self.schedule = QButtonGroup(self)
        schedule_box = QWidget()
        schedule_layout = QVBoxLayout(schedule_box)
        schedule_layout.setContentsMargins(0, 0, 0, 0)
        labels = {
            "always": self.tr("Always"),
            "custom": self.tr("Custom weekly schedule"),
            "outside_hours": self.tr("Outside business hours"),
        }
        for i, key in enumerate(SCHEDULES):
            button = QRadioButton(labels[key])
            self.schedule.addButton(button, i)
            schedule_layout.addWidget(button)
        self.custom = WeekHoursEditor((self.tr("Not away"), self.tr("Away at"), self.tr("Away all day")))
        schedule_layout.addWidget(self.custom)
        self.recipients = RecipientsPicker(ContactDirectory(ctx.db))
        self.preview = ReplyPreview(ctx)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Message"), self.text)
        form.addRow("", FieldButtons(self.text))
        form.addRow(self.tr("Schedule"), schedule_box)
        form.addRow(self.tr("Send to"), self.recipients)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        self.schedule.idToggled.connect(self._schedule_changed)
        changes = (self.enabled.toggled, self.text.textChanged, self.custom.changed, self.recipients.changed)
        for signal in changes:
            signal.connect(self.edited)
        self.resize(620, 680)
        self.start()

    def _schedule_changed(self, _id: int, checked: bool) -> None:
        if checked:
            self.custom.setVisible(self.schedule.checkedId() == SCHEDULES.index("custom"))
            self.edited()

    def load(self, doc: Automations) -> None:
        rule = doc.away
        self.enabled.setChecked(rule.enabled)
        self.text.setPlainText(rule.text)
        self.custom.set_value(list(rule.custom))
        button = self.schedule.button(SCHEDULES.index(rule.schedule))
        button.setChecked(True)
        self.custom.setVisible(rule.schedule == "custom")
        self.recipients.set_value(rule.recipients)

    def apply(self, doc: Automations) -> Automations:
        checked = self.schedule.checkedId()
        rule = doc.away.model_copy(
            update={
                "enabled": self.enabled.isChecked(),
                "text": self.text.toPlainText().strip(),
                "schedule": SCHEDULES[checked] if checked >= 0 else doc.away.schedule,
                "custom": self.custom.value(),
                "recipients": self.recipients.value(),
            },
            deep=True,
        )
        return doc.model_copy(update={"away": AwayRule.model_validate(rule.model_dump())}, deep=True)

    def problem(self) -> str:
        text = self.text.toPlainText().strip()
        if self.enabled.isChecked() and not text:
            return self.tr("Write the away message, or switch it off.")
        if len(text) > TEXT_LIMIT:
            return self.tr("The away message can be at most {0} characters.").format(TEXT_LIMIT)
        return ""

    def refresh_summary(self, doc: Automations) -> None:
        self.summary.setText(self.summaries.away(doc.away, doc.business_hours))
        self.preview.show_for(doc)
