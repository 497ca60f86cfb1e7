"""The greeting message editor: on/off, text with fields, days of silence, recipients, summary, preview."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFormLayout, QSpinBox

from app.wire import Automations, GreetingRule
from ui.message_rule_editor import MessageRuleEditor
from ui.screen_fit import resize_within_screen

log = logging.getLogger(__name__)


class GreetingEditor(MessageRuleEditor):
    """Edits `Automations.greeting`."""

    def labels(self) -> tuple[str, str, str]:
        return (
            self.tr("Greeting message"),
            self.tr("Send a greeting message"),
            self.tr("Hello {name}, thanks for writing to {shop}! How can we help?"),
        )

    def add_rows(self, form: QFormLayout) -> None:
        self.silence = QSpinBox()
        self.silence.setRange(1, 365)
        self.silence.setSuffix(self.tr(" days"))
        self.silence.valueChanged.connect(self.edited)
        form.addRow(self.tr("Again after silence of"), self.silence)
        resize_within_screen(self, QSize(560, 600))

    def load(self, doc: Automations) -> None:
        rule = doc.greeting
        self.enabled.setChecked(rule.enabled)
        self.text.setPlainText(rule.text)
        self.other_text.setPlainText(rule.text_other_language)
        self.silence.setValue(rule.silence_days)
        self.recipients.set_value(rule.recipients)

    def apply(self, doc: Automations) -> Automations:
        rule = GreetingRule(
            enabled=self.enabled.isChecked(),
            text=self.text.toPlainText().strip(),
            text_other_language=self.other_text.toPlainText().strip(),
            silence_days=self.silence.value(),
            recipients=self.recipients.value(),
        )
        return doc.model_copy(update={"greeting": rule}, deep=True)

    def refresh_summary(self, doc: Automations) -> None:
        self.summary.setText(self.summaries.greeting(doc.greeting))
        super().refresh_summary(doc)
