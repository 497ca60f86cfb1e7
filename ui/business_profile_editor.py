"""The business profile editor: name (and in another language), category, about, description, address,
email, websites."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from app.automations_parts import AutomationsPart
from app.wire import Automations, BusinessProfile
from ui.automation_dialog import AutomationDialog
from ui.bounded_text import BoundedTextEdit
from ui.field_tokens import shown_field
from ui.korean_particles import with_particles
from ui.label_names import without_mnemonic
from ui.screen_fit import resize_within_screen

log = logging.getLogger(__name__)

# WhatsApp Business's own limits for these fields.
LIMITS = {
    "name": 75,
    "name_other_language": 75,
    "about": 139,
    "description": 512,
    "address": 256,
    "email": 128,
    "category": 100,
}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class BusinessProfileEditor(AutomationDialog):
    """Edits `Automations.profile`; its name fills `{shop}` in quick replies and automatic messages."""

    PART = AutomationsPart.PROFILE

    def build(self) -> None:
        self.setWindowTitle(self.tr("Business profile"))
        self.name = QLineEdit()
        self.name_other_language = QLineEdit()
        # Translators: an example of a shop's name written in English letters.
        self.name_other_language.setPlaceholderText(self.tr("e.g. Seoul Linen House"))
        self.name_other_language.setToolTip(
            self.tr(
                "Messages written in another language (an English greeting) fill {0} with this name."
            ).format(shown_field("shop"))
        )
        self.category = QLineEdit()
        self.about = QLineEdit()
        self.description = BoundedTextEdit()
        self.description.setMaximumHeight(100)
        self.address = QLineEdit()
        self.email = QLineEdit()
        self.websites = BoundedTextEdit()
        self.websites.setMaximumHeight(60)
        self.websites.setPlaceholderText(self.tr("One address per line, at most two"))
        for field, limit in LIMITS.items():
            widget = getattr(self, field)
            if isinstance(widget, QLineEdit):
                widget.setMaxLength(limit)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Shop &name"), self.name)
        form.addRow(self.tr("Name in another lan&guage"), self.name_other_language)
        form.addRow(self.tr("&Category"), self.category)
        form.addRow(self.tr("&About"), self.about)
        form.addRow(self.tr("&Description"), self.description)
        form.addRow(self.tr("Add&ress"), self.address)
        form.addRow(self.tr("&Email"), self.email)
        form.addRow(self.tr("&Websites"), self.websites)
        for edit in (
            self.name,
            self.name_other_language,
            self.category,
            self.about,
            self.address,
            self.email,
        ):
            edit.textChanged.connect(self.edited)
        self.description.textChanged.connect(self.edited)
        self.websites.textChanged.connect(self.edited)
        resize_within_screen(self, QSize(520, 520))

    def _websites(self) -> list[str]:
        return [line.strip() for line in self.websites.toPlainText().splitlines() if line.strip()]

    def load(self, doc: Automations) -> None:
        p = doc.profile
        self.name.setText(p.name)
        self.name_other_language.setText(p.name_other_language)
        self.category.setText(p.category)
        self.about.setText(p.about)
        self.description.setPlainText(p.description)
        self.address.setText(p.address)
        self.email.setText(p.email)
        self.websites.setPlainText("\n".join(p.websites))

    def apply(self, doc: Automations) -> Automations:
        profile = BusinessProfile(
            name=self.name.text().strip(),
            name_other_language=self.name_other_language.text().strip(),
            category=self.category.text().strip(),
            about=self.about.text().strip(),
            description=self.description.toPlainText().strip()[: LIMITS["description"]],
            address=self.address.text().strip(),
            email=self.email.text().strip(),
            websites=self._websites(),
        )
        return doc.model_copy(update={"profile": profile}, deep=True)

    def unsaved_changes(self) -> list[str]:
        """Each field the owner changed, by its label: the summary's one line named only the name."""
        saved, edited = self.state.doc.profile, self.apply(self.state.doc).profile
        form = self.form.layout()
        assert isinstance(form, QFormLayout)
        lines = []
        for field in (
            "name",
            "name_other_language",
            "category",
            "about",
            "description",
            "address",
            "email",
            "websites",
        ):
            before, after = getattr(saved, field), getattr(edited, field)
            if before == after:
                continue
            label = form.labelForField(getattr(self, field))
            name = label.text() if isinstance(label, QLabel) else field
            value = ", ".join(after) if isinstance(after, list) else after
            lines.append(f"{without_mnemonic(name)}: {one_line(value) or '—'}")
        return lines

    def problem(self) -> str:
        if not self.name.text().strip():
            # Translators: {0} is the shop-name field as the message editors show it ({가게 이름}).
            return self.tr("The shop needs a name: customers see it, and {0} is filled with it.").format(
                shown_field("shop")
            )
        email = self.email.text().strip()
        if email and not _EMAIL.match(email):
            return with_particles(self.tr("“{0}” does not look like an email address.").format(email))
        sites = self._websites()
        if len(sites) > 2:
            return self.tr("WhatsApp shows at most two websites.")
        for site in sites:
            if not site.startswith(("http://", "https://")):
                return self.tr("Websites start with https://, like https://myshop.com")
        return ""

    def refresh_summary(self, doc: Automations) -> None:
        if not doc.profile.name.strip():
            # A new shop's empty name read "Customers see “…”", as if a name were cut off.
            # Translators: {0} is the shop-name field as the message editors show it ({가게 이름}).
            empty = self.tr("No shop name yet: quick replies and automatic messages leave {0} empty.")
            self.summary.setText(with_particles(empty.format(shown_field("shop"))))
            return
        # Translators: {1} is the shop-name field as the message editors show it ({가게 이름}).
        sentence = self.tr("Customers see “{0}”; quick replies fill {1} with it.")
        self.summary.setText(with_particles(sentence.format(doc.profile.name, shown_field("shop"))))


def one_line(text: str, limit: int = 80) -> str:
    """A field's text on one line of a question, cut with "…" past `limit` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
