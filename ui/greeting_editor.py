"""The greeting message editor: on/off, text with fields, days of silence, recipients, summary, preview."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QSpinBox

from app.automations_parts import AutomationsPart
from app.wire import Automations, GreetingRule
from ui.message_rule_editor import MessageRuleEditor
from ui.screen_fit import resize_within_screen
from ui.spin_units import counted_suffix

log = logging.getLogger(__name__)


class GreetingEditor(MessageRuleEditor):
    """Edits `Automations.greeting`."""

    PART = AutomationsPart.GREETING

    def labels(self) -> tuple[str, str, str]:
        return (
            self.tr("Greeting message"),
            self.tr("Send a &greeting message"),
            self.tr("Hello {name}, thanks for writing to {shop}! How can we help?"),
        )

    def add_rows(self, form: QFormLayout) -> None:
        self.silence = QSpinBox()
        self.silence.setRange(1, 365)
        counted_suffix(self.silence, self.tr(" day"), self.tr(" days"))
        self.silence.valueChanged.connect(self.edited)
        form.addRow(self.tr("&Again after silence of"), self.silence)
        # One automatic message, not the greeting and then the away message a second later.
        self.only_away = QCheckBox(self.tr("&While you are away, send only the away message"))
        self.only_away.setObjectName("onlyAwayMessage")
        self.only_away.toggled.connect(self.edited)
        # Said under the box while the away message is off, when the choice changes nothing.
        self.only_away_note = QLabel(
            self.tr("Your away message is off, so this changes nothing. Switch it on in Away message.")
        )
        self.only_away_note.setObjectName("onlyAwayNote")
        self.only_away_note.setWordWrap(True)
        self.only_away_note.setTextFormat(Qt.TextFormat.PlainText)
        self.only_away_note.hide()
        form.addRow("", self.only_away)
        form.addRow("", self.only_away_note)
        resize_within_screen(self, QSize(560, 640))

    def load(self, doc: Automations) -> None:
        rule = doc.greeting
        self.enabled.setChecked(rule.enabled)
        self.show_message(rule.text, rule.text_other_language)
        self.silence.setValue(rule.silence_days)
        self.only_away.setChecked(rule.skip_when_away)
        self.recipients.set_value(rule.recipients)
        self.show_away_switch(doc)

    def apply(self, doc: Automations) -> Automations:
        text, other = self.message()
        rule = GreetingRule(
            enabled=self.enabled.isChecked(),
            text=text,
            text_other_language=other,
            silence_days=self.silence.value(),
            recipients=self.recipients.value(),
            skip_when_away=self.only_away.isChecked(),
        )
        return doc.model_copy(update={"greeting": rule}, deep=True)

    def refresh_summary(self, doc: Automations) -> None:
        self.summary.setText(self.summaries.greeting(doc.greeting, doc.away))
        self.show_away_switch(doc)
        super().refresh_summary(doc)

    def show_away_switch(self, doc: Automations) -> None:
        """ "Only the away message" means something only while the away message is on: greyed out,
        with the reason under it, while it is off (the choice is kept for when it is on again)."""
        away_on = doc.away.enabled
        self.only_away.setEnabled(away_on)
        self.only_away_note.setVisible(not away_on)
        self.only_away.setToolTip(
            self.tr(
                "A customer who writes for the first time while you are away gets your away message "
                "alone, not the greeting and then the away message. They are not greeted later either: "
                "they have had an answer."
            )
            if away_on
            else self.only_away_note.text()
        )
