"""The greeting message editor: on/off, text with fields, days of silence, recipients, summary, preview."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QCheckBox, QFormLayout, QPlainTextEdit, QSpinBox, QVBoxLayout, QWidget

from app.contact_lookup import ContactDirectory
from app.quick_replies import TEXT_LIMIT
from app.wire import Automations, GreetingRule
from ui.automation_dialog import AutomationDialog, ClientProvider
from ui.automation_forms import FieldButtons, RecipientsPicker
from ui.context import AppContext
from ui.reply_preview import ReplyPreview

log = logging.getLogger(__name__)


class GreetingEditor(AutomationDialog):
    """Edits `Automations.greeting`."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        client_provider: ClientProvider | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, client_provider=client_provider, parent=parent)
        self.setWindowTitle(self.tr("Greeting message"))
        self.enabled = QCheckBox(self.tr("Send a greeting message"))
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Hello {name}, thanks for writing to {shop}! How can we help?"))
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(120)
        self.silence = QSpinBox()
        self.silence.setRange(1, 365)
        self.silence.setSuffix(self.tr(" days"))
        self.recipients = RecipientsPicker(ContactDirectory(ctx.db))
        self.preview = ReplyPreview(ctx)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("Message"), self.text)
        form.addRow("", FieldButtons(self.text))
        form.addRow(self.tr("Again after silence of"), self.silence)
        form.addRow(self.tr("Send to"), self.recipients)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        for signal in (
            self.enabled.toggled,
            self.text.textChanged,
            self.silence.valueChanged,
            self.recipients.changed,
        ):
            signal.connect(self.edited)
        self.resize(560, 600)
        self.start()

    def load(self, doc: Automations) -> None:
        rule = doc.greeting
        self.enabled.setChecked(rule.enabled)
        self.text.setPlainText(rule.text)
        self.silence.setValue(rule.silence_days)
        self.recipients.set_value(rule.recipients)

    def apply(self, doc: Automations) -> Automations:
        rule = GreetingRule(
            enabled=self.enabled.isChecked(),
            text=self.text.toPlainText().strip(),
            silence_days=self.silence.value(),
            recipients=self.recipients.value(),
        )
        return doc.model_copy(update={"greeting": rule}, deep=True)

    def problem(self) -> str:
        text = self.text.toPlainText().strip()
        if self.enabled.isChecked() and not text:
            return self.tr("Write the greeting, or switch it off.")
        if len(text) > TEXT_LIMIT:
            return self.tr("The greeting can be at most {0} characters.").format(TEXT_LIMIT)
        return ""

    def refresh_summary(self, doc: Automations) -> None:
        self.summary.setText(self.summaries.greeting(doc.greeting))
        self.preview.show_for(doc)
