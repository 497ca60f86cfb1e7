"""The campaign's message box: the approved template, its blanks, its header picture and the notes on it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)

from app.campaign_checks import greets_at, reply_buttons, template_text
from app.campaign_store import EditorChoices
from app.campaigns import MARKETING, ParameterSource, ParameterSpec
from app.sending import render_template
from app.template_versions import primary_language
from app.wire import Template
from ui.ad_law import law_label
from ui.korean_particles import with_particles
from ui.plain_tooltip import plain_tooltip
from ui.save_paths import Picked, open_file_name
from ui.template_picker import DETAIL_ROLE, TemplateItemDelegate
from ui.theme import problem_colour

PARAM_MAX = 200
BODY_SHOWN = 40  # characters of a template's body beside its name in the template list
TEMPLATE_LIST_MAX = 560  # px: the open template list may be wider than its box, up to this

translate = QCoreApplication.translate


def body_placeholders(template: Template) -> int:
    numbers = [int(n) for n in re.findall(r"\{\{(\d+)\}\}", template_text(template))]
    return max([0, *numbers])


def language_name(code: str) -> str:
    """A template language's name in the owner's language ("en_US" → "English"); Qt's own (in
    that language's words) for those the campaigns rarely see."""
    language = primary_language(code)
    names = {
        "ko": translate("CampaignEditor", "Korean"),
        "en": translate("CampaignEditor", "English"),
        "ja": translate("CampaignEditor", "Japanese"),
        "zh": translate("CampaignEditor", "Chinese"),
    }
    return names.get(language) or QLocale(language).nativeLanguageName() or code


def template_title(template: Template) -> str:
    """ "winter_sale — {{1}}님, 겨울 세일을 시작했어요! 쿠폰…": the name Meta's manager knows it by, then
    the start of what the message says, on one line (Meta's names alone did not say which is which)."""
    body = " ".join(render_template(template, ()).split())
    if len(body) > BODY_SHOWN:
        body = body[: BODY_SHOWN - 1].rstrip() + "…"
    return f"{template.name} — {body}" if body else template.name


def media_header(template: Template) -> str | None:
    """ "image" / "video" / "document" when the template's header is media, else None."""
    for c in template.components:
        if str(c.get("type", "")).upper() == "HEADER":
            fmt = str(c.get("format", "TEXT")).upper()
            return fmt.lower() if fmt in ("IMAGE", "VIDEO", "DOCUMENT") else None
    return None


class TemplateBox(QComboBox):
    """A combo box whose chosen line ends in "…" where it is cut, not in half a character."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, opt, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        font = self.label_font()
        painter.setFont(font)
        opt.currentText = QFontMetrics(font).elidedText(
            opt.currentText, Qt.TextElideMode.ElideRight, field.width() - 2
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)

    def label_font(self) -> QFont:
        """The chosen line's font: the open list's (its "{{2}}" after Hangul drawn as its "{{1}}")."""
        return TemplateItemDelegate.title_font(self.font())


class MessageBox(QGroupBox):
    """`fill_templates(choices)`, then the chosen template, its blanks (`parameters()`) and header.

    `template_changed` after its blanks are made again; `edited` when a blank or the header changes.
    The notes on it (versions, language, law) are the editor's to fill: they depend on the audience."""

    template_changed = Signal()
    edited = Signal()

    def __init__(self, catalog_dir: Path, parent: QWidget | None = None) -> None:
        # Alt+M: the template, the box's first field.
        super().__init__(self.tr("&Message"), parent)
        self.catalog_dir = catalog_dir
        self.choices: EditorChoices | None = None
        self.header_media: dict[str, str] | None = None
        self.template = TemplateBox(self)
        self.template.setObjectName("campaignTemplate")
        # Two lines a template in the open list: its name and body's start, then language and kind.
        self.template.setItemDelegate(TemplateItemDelegate(self.template))
        # The bodies make long lines: the box keeps the column's width and cuts them, the list shows more.
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template.setMinimumContentsLength(24)
        self.template_note = QLabel(self)
        self.template_note.setWordWrap(True)
        # A draft's template that is not approved now (Meta paused or turned it off, or it was
        # deleted): the box showed "Choose an approved template…" as if the draft never had one.
        self.gone_note = QLabel(self)
        self.gone_note.setObjectName("campaignTemplateGone")
        self.gone_note.setTextFormat(Qt.TextFormat.PlainText)
        self.gone_note.setWordWrap(True)
        self.gone_note.setStyleSheet(f"color: {problem_colour()};")
        self.gone_note.hide()
        # Which language's version of the template how many recipients get (one who writes English
        # gets the English one, when the shop has it approved with the same parameters).
        self.versions_note = QLabel(self)
        self.versions_note.setObjectName("campaignVersions")
        self.versions_note.setTextFormat(Qt.TextFormat.PlainText)
        self.versions_note.setWordWrap(True)
        # A template in another language than most recipients read (shipping_notice · en to Koreans).
        self.language_note = QLabel(self)
        self.language_note.setObjectName("campaignLanguageNote")
        self.language_note.setTextFormat(Qt.TextFormat.PlainText)
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet(f"color: {problem_colour()};")
        self.language_note.hide()
        # The template's quick-reply buttons ("쿠폰 받기"): whether the menu bot answers a tap on one.
        self.buttons_note = QLabel(self)
        self.buttons_note.setObjectName("campaignButtonsNote")
        self.buttons_note.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons_note.setWordWrap(True)
        self.buttons_note.hide()
        self.params_box = QWidget(self)
        self.params_form = QFormLayout(self.params_box)
        self.params_form.setContentsMargins(0, 0, 0, 0)
        self.param_rows: list[tuple[QComboBox, QLineEdit]] = []
        self.media_button = QPushButton(self.tr("Choose &header picture…"), self)
        self.catalogue_media_button = QPushButton(self.tr("From the catalo&gue…"), self)
        self.media_label = QLabel(self)
        self.media_label.setTextFormat(Qt.TextFormat.PlainText)
        self.law = law_label(self)
        self.law.setObjectName("campaignLawWarnings")
        ml = QVBoxLayout(self)
        ml.addWidget(self.template)
        ml.addWidget(self.gone_note)
        ml.addWidget(self.template_note)
        ml.addWidget(self.versions_note)
        ml.addWidget(self.language_note)
        ml.addWidget(self.buttons_note)
        ml.addWidget(self.params_box)
        media_row = QHBoxLayout()
        media_row.addWidget(self.media_button)
        media_row.addWidget(self.catalogue_media_button)
        media_row.addWidget(self.media_label, 1)
        ml.addLayout(media_row)
        ml.addWidget(self.law)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.media_button.clicked.connect(self._choose_media)
        self.catalogue_media_button.clicked.connect(self._choose_catalogue_media)

    # ----------------------------------------------------------------- templates
    def fill_templates(self, choices: EditorChoices) -> None:
        """The approved templates to choose from; none chosen yet (and no signal for it)."""
        self.choices = choices
        self.gone_note.hide()  # a draft shown next says again if its template is gone
        was = self.template.blockSignals(True)
        self.template.clear()
        self.template.addItem(self.tr("Choose an approved template…"), None)
        for t in choices.templates:
            self.template.addItem(template_title(t), t)
            last = self.template.count() - 1
            self.template.setItemData(
                last, f"{language_name(t.language)} · {self.category_name(t.category)}", DETAIL_ROLE
            )
            self.template.setItemData(
                last, plain_tooltip(" ".join(render_template(t, ()).split())), Qt.ItemDataRole.ToolTipRole
            )
        self.template.blockSignals(was)
        self._widen_template_list()

    def _widen_template_list(self) -> None:
        """The open list as wide as its longest line (within reason), so each body's start shows."""
        metrics = self.template.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.template.itemText(i)) for i in range(self.template.count())),
            default=0,
        )
        self.template.view().setMinimumWidth(min(widest + 40, TEMPLATE_LIST_MAX))

    def category_name(self, category: str) -> str:
        c = category.upper()
        if c == MARKETING:
            return self.tr("Marketing (paid)")
        if c == "UTILITY":
            return self.tr("Utility")
        return category

    def current_template(self) -> Template | None:
        t = self.template.currentData()
        return t if isinstance(t, Template) else None

    def show_message(
        self, template: Template | None, parameters: tuple[ParameterSpec, ...], header: dict[str, str] | None
    ) -> None:
        """A draft's template, with its blanks filled as they were, and its header picture."""
        found = False
        if template is not None:
            for i in range(1, self.template.count()):
                t: Template = self.template.itemData(i)
                if (t.name, t.language) == (template.name, template.language):
                    self.template.setCurrentIndex(i)
                    found = True
        self.show_template()
        if template is not None and not found:
            self.gone_note.setText(
                self.tr(
                    "This draft's template “{0}” ({1}) is not approved now: Meta may have paused or "
                    "turned it off, or it was deleted. Choose another template, or open the draft again "
                    "once WhatsApp Manager shows it approved."
                ).format(template.name, language_name(template.language))
            )
            self.gone_note.show()
        for (source, text), spec in zip(self.param_rows, parameters, strict=False):
            source.setCurrentIndex(max(0, source.findData(spec.source.value)))
            text.setText(spec.text)
        self.header_media = dict(header) if header else None
        self._show_media()

    def parameters(self) -> tuple[ParameterSpec, ...]:
        return tuple(
            ParameterSpec(ParameterSource(str(source.currentData())), text.text().strip()[:PARAM_MAX])
            for source, text in self.param_rows
        )

    def _template_chosen(self, *_: object) -> None:
        self.gone_note.hide()  # another template chosen, or a new campaign shown
        self.show_template()

    def show_template(self) -> None:
        """The chosen template's blanks (made again, empty), its notes and header buttons."""
        t = self.current_template()
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_rows = []
        if t is None:
            self.template_note.setText("")
            self.media_button.setVisible(False)
            self.catalogue_media_button.setVisible(False)
            self.media_label.setVisible(False)
        else:
            examples = {p.index: p.example for p in t.parameters if p.component.lower() == "body"}
            for i in range(1, body_placeholders(t) + 1):
                source = QComboBox(self.params_box)
                source.addItem(self.tr("Fixed text"), ParameterSource.TEXT.value)
                source.addItem(self.tr("First name"), ParameterSource.FIRST_NAME.value)
                source.addItem(self.tr("Name"), ParameterSource.NAME.value)
                text = QLineEdit(self.params_box)
                text.setMaxLength(PARAM_MAX)
                example = examples.get(i)
                if greets_at(t, i):
                    # "{{1}}님": the customer's name, not one fixed word every recipient gets.
                    source.setCurrentIndex(source.findData(ParameterSource.NAME.value))
                self._show_placeholder(source, text, example)
                source.currentIndexChanged.connect(
                    lambda _i, s=source, f=text, e=example: self._show_placeholder(s, f, e)
                )
                source.currentIndexChanged.connect(lambda _i: self.edited.emit())
                text.textChanged.connect(lambda _t: self.edited.emit())
                row = QHBoxLayout()
                row.addWidget(source)
                row.addWidget(text, 1)
                self.params_form.addRow(f"{{{{{i}}}}}", row)
                self.param_rows.append((source, text))
            self.template_note.setText(
                self.tr("Marketing: charged per delivered message; needs marketing consent.")
                if t.category.upper() == MARKETING
                else self.tr("Utility: free inside an open 24-hour window; needs the notifications opt-in.")
            )
            kind = media_header(t)
            self.media_button.setVisible(kind is not None)
            has_pictures = bool(self.choices and self.choices.item_pictures)
            self.catalogue_media_button.setVisible(kind == "image" and has_pictures)
            self.media_label.setVisible(kind is not None)
        self.show_buttons_note([t] if t is not None else [])
        self.template_changed.emit()

    def _show_placeholder(self, source: QComboBox, text: QLineEdit, example: str | None) -> None:
        """What the grey text of a {{n}}'s field says: the template's example, else what the field is
        for with the source chosen. "Text (also used when the field is empty)" was cut at the field's
        edge at the window's normal size, and said neither which field nor when."""
        if example:
            # "e.g. 20%": the example alone in grey read as a value already filled in.
            text.setPlaceholderText(self.tr("e.g. {0}").format(example))
        elif source.currentData() == ParameterSource.TEXT.value:
            text.setPlaceholderText(self.tr("Text for every customer"))
        else:
            text.setPlaceholderText(self.tr("Text if there is no name"))

    def show_buttons_note(self, versions: Sequence[Template]) -> None:
        """A tap on a quick-reply button nobody answers: say so, or that the menu bot answers it.
        `versions`: those the customers get (the editor knows who gets which), each button once."""
        bot = self.choices.bot if self.choices else None
        buttons = list(dict.fromkeys(b for t in versions for b in reply_buttons(t, bot)))
        if not buttons:
            self.buttons_note.hide()
            return
        unanswered = [text for text, answered in buttons if not answered]
        if unanswered:
            said = self.tr(
                "If a customer taps {buttons}, the menu bot does not answer. Make sure someone will."
            )
            shown = unanswered
        else:
            said = self.tr("If a customer taps {buttons}, the menu bot answers.")
            shown = [text for text, _answered in buttons]
        quoted = ", ".join(f"‘{text}’" for text in shown)
        self.buttons_note.setText(with_particles(said.format(buttons=quoted)))
        self.buttons_note.show()

    # ----------------------------------------------------------------- header picture
    def _choose_media(self) -> None:
        path = open_file_name(
            self, Picked.PICTURE, self.tr("Header picture"), self.tr("Pictures (*.jpg *.jpeg *.png)")
        )
        if path:
            self.header_media = {"kind": "image", "path": path}
            self._show_media()
            self.edited.emit()

    def _choose_catalogue_media(self) -> None:
        """A catalogue item's picture as the header: the new stock the campaign announces."""
        if self.choices is None or not self.choices.item_pictures:
            return
        names = {c.id: c.name for c in self.choices.items}
        offered = [(item_id, names.get(item_id, "")) for item_id in self.choices.item_pictures]
        labels = [name for _id, name in offered]
        chosen, ok = QInputDialog.getItem(self, self.tr("Header picture"), self.tr("Item"), labels, 0, False)
        if not ok or chosen not in labels:
            return
        item_id = offered[labels.index(chosen)][0]
        path = self.catalog_dir / self.choices.item_pictures[item_id]
        self.header_media = {"kind": "image", "path": str(path)}
        self._show_media()
        self.edited.emit()

    def _show_media(self) -> None:
        self.media_label.setText(Path(self.header_media["path"]).name if self.header_media else "")
