"""The campaign editor: its audience box, template and parameters, preview, law checks, schedule and cost."""

from __future__ import annotations

import dataclasses
import html
import logging
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.campaign_actions import audience_for, read_customer_choices
from app.campaign_checks import (
    LawProblem,
    Prices,
    estimate_cost,
    greets_at,
    has_opt_out_button,
    law_problems,
    needs_law_check,
    night_wait,
    read_prices,
    reply_buttons,
    shop_names,
    template_buttons,
    template_text,
)
from app.campaign_store import PACE_DEFAULT, PACE_MAX, CampaignDraft, EditorChoices, editor_choices
from app.campaigns import (
    MARKETING,
    Audience,
    Member,
    ParameterSource,
    ParameterSpec,
    Resolved,
    blank_names,
    empty_blanks,
    parameter_values,
)
from app.changes import Changes
from app.errors import ErrorCode
from app.money import format_price
from app.sending import render_template
from app.template_versions import language_most_lack, primary_language, version_for, versions_of
from app.wire import Template
from ui.ad_law import law_lines, send_anyway
from ui.campaign_audience import AudienceBox, spin_box
from ui.campaign_models import moment_text
from ui.campaign_preview import PhonePreview
from ui.context import AppContext
from ui.date_typing import typed_dates
from ui.error_sentences import code_sentence
from ui.formatting import babel_locale_name, date_edit_format, display_locale, wall_clock
from ui.korean_particles import with_particles
from ui.ops import run_op
from ui.save_paths import Picked, open_folder, remember_pick
from ui.template_picker import DETAIL_ROLE, TemplateItemDelegate
from ui.time_zones import zone_name

log = logging.getLogger(__name__)

PARAM_MAX = 200
BODY_SHOWN = 40  # characters of a template's body beside its name in the template list
TEMPLATE_LIST_MAX = 560  # px: the open template list may be wider than its box, up to this


def body_placeholders(template: Template) -> int:
    numbers = [int(n) for n in re.findall(r"\{\{(\d+)\}\}", template_text(template))]
    return max([0, *numbers])


translate = QCoreApplication.translate


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


class CampaignEditor(QWidget):
    """Edits one draft. `draft()` is what the form says; `save_requested` / `send_requested` carry it."""

    save_requested = Signal(object)  # CampaignDraft
    send_requested = Signal(object)  # CampaignDraft
    prices_requested = Signal(str)  # "marketing" or "utility": the price Settings should open at

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignEditor")
        self.ctx = ctx
        self.choices: EditorChoices | None = None
        self.resolved = Resolved()
        self.header_media: dict[str, str] | None = None
        self._pending_draft: CampaignDraft | None = None
        # The draft as last loaded or saved, read back from the form: edits are what differs from it.
        self._baseline: CampaignDraft | None = None
        self._generation = 0
        self._shown_generation = -1
        # A contact changed while the editor was hidden (closed window, a report shown): counted on show.
        self._audience_stale = False

        self.name = QLineEdit(self)
        self.name.setObjectName("campaignName")
        self.name.setMaxLength(100)
        self.name.setPlaceholderText(self.tr("e.g. Winter sale"))

        self.audience_box = AudienceBox(ctx.shop_region, self)
        self.audience_box.changed.connect(self._audience_changed)
        self.audience_box.add_customer_requested.connect(self._add_customer)

        # ----- message
        self.template = QComboBox(self)
        self.template.setObjectName("campaignTemplate")
        # Two lines a template in the open list: its name and body's start, then language and kind.
        self.template.setItemDelegate(TemplateItemDelegate(self.template))
        # The bodies make long lines: the box keeps the column's width and cuts them, the list shows more.
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.template.setMinimumContentsLength(24)
        self.template_note = QLabel(self)
        self.template_note.setWordWrap(True)
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
        self.language_note.setStyleSheet("color: #b3261e;")
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
        self.media_button = QPushButton(self.tr("Choose header picture…"), self)
        self.catalogue_media_button = QPushButton(self.tr("From the catalogue…"), self)
        self.media_label = QLabel(self)
        self.media_label.setTextFormat(Qt.TextFormat.PlainText)
        self.law = QLabel(self)
        self.law.setObjectName("campaignLawWarnings")
        self.law.setTextFormat(Qt.TextFormat.PlainText)
        self.law.setWordWrap(True)
        message = QGroupBox(self.tr("Message"), self)
        ml = QVBoxLayout(message)
        ml.addWidget(self.template)
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

        # ----- schedule and pace
        self.now = QRadioButton(self.tr("Send now"), self)
        self.at = QRadioButton(self.tr("Send at"), self)
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
        self.pace = spin_box(self, 1, PACE_MAX, PACE_DEFAULT, self.tr(" messages per second"))
        self.cost = QLabel(self)
        self.cost.setObjectName("campaignCost")
        self.cost.setWordWrap(True)
        # No price set: a link to the very field in Settings, not a sentence to go and find it.
        self.price_link = QLabel(self)
        self.price_link.setObjectName("campaignPriceLink")
        self.price_link.setTextFormat(Qt.TextFormat.RichText)
        self.price_link.setWordWrap(True)
        self.price_link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.price_link.setText(
            '<a href="prices">'
            + html.escape(self.tr("Enter your price per message in Settings to see the cost."))
            + "</a>"
        )
        self.price_link.setToolTip(self.tr("Opens Settings at the campaign prices"))
        self.price_link.linkActivated.connect(lambda _href: self._ask_for_prices())
        self.price_link.hide()
        schedule = QGroupBox(self.tr("Schedule"), self)
        sl = QFormLayout(schedule)
        # "Send at" and its time on a line of their own: on one line with "Send now" the column was
        # a pixel too wide for a 1366-pixel screen, and the form scrolled sideways.
        sl.addRow(self.now)
        at_row = QHBoxLayout()
        at_row.addWidget(self.at)
        at_row.addWidget(self.when)
        at_row.addWidget(self.zone)
        at_row.addStretch(1)
        sl.addRow(at_row)
        sl.addRow(self.tr("Pace"), self.pace)
        # The night-time wait is the law on ads only: a utility template goes out at once.
        self.night_note = QLabel(
            self.tr(
                "Marketing to Korean numbers waits until {0} between {1} and {0}, "
                "except for customers who agreed to night-time messages."
            ).format(wall_clock(8, 0), wall_clock(21, 0)),
            self,
        )
        self.night_note.setObjectName("campaignNightNote")
        self.night_note.setWordWrap(True)
        self.night_note.setVisible(False)
        sl.addRow(self.night_note)
        sl.addRow(self.cost)
        sl.addRow(self.price_link)

        self.save_button = QPushButton(self.tr("Save draft"), self)
        self.save_button.setObjectName("campaignSave")
        self.send_button = QPushButton(self.tr("Send…"), self)
        self.send_button.setObjectName("campaignSend")
        self.send_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.send_button)

        # Two columns: who (name, audience) beside what and when (message, schedule), so the
        # audience's reasons, the law checks and the preview are all in view at once.
        form = QWidget(self)
        fl = QHBoxLayout(form)
        who = QVBoxLayout()
        name_row = QFormLayout()
        name_row.addRow(self.tr("Name"), self.name)
        who.addLayout(name_row)
        who.addWidget(self.audience_box, 1)
        what = QVBoxLayout()
        what.addWidget(message)
        what.addWidget(schedule)
        what.addStretch(1)
        fl.addLayout(who, 1)
        fl.addLayout(what, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)

        self.preview_for = QComboBox(self)
        self.preview_for.setObjectName("campaignPreviewFor")
        self.preview_for.setAccessibleName(self.tr("Preview for"))
        self.preview = PhonePreview(self)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Preview for"), self))
        right.addWidget(self.preview_for)
        right.addWidget(self.preview, 1)
        columns = QHBoxLayout()
        columns.addWidget(scroll, 1)
        columns.addLayout(right)
        # Save and Send stay below the scrolling form: on a small laptop's screen they were
        # scrolled out of view, below or beside the audience.
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh_audience)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.preview_for.currentIndexChanged.connect(self._update_preview)
        self.at.toggled.connect(self.when.setEnabled)
        self.at.toggled.connect(self._name_send_button)
        self.media_button.clicked.connect(self._choose_media)
        self.catalogue_media_button.clicked.connect(self._choose_catalogue_media)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.draft()))
        self.send_button.clicked.connect(self._send)
        ctx.hub.changed.connect(self._changed_elsewhere)

    # ----------------------------------------------------------------- building
    # ----------------------------------------------------------------- loading
    def load(self, draft: CampaignDraft | None = None) -> None:
        """Read the editor's choices (templates from the relay when it answers), then show `draft`."""
        self._pending_draft = draft
        self._baseline = None  # what was typed is replaced once the choices arrive
        sync = self.ctx.sync
        fetch = sync.templates if sync is not None and sync.engine is not None else None
        db = self.ctx.db
        run_op(lambda: editor_choices(db, fetch), self._choices_loaded, parent=self)

    def is_loaded(self) -> bool:
        return self.choices is not None and self._shown_generation == self._generation

    def _choices_loaded(self, choices: EditorChoices) -> None:
        self.choices = choices
        self.audience_box.fill_choices(choices)
        was = self.template.blockSignals(True)
        self.template.clear()
        self.template.addItem(self.tr("Choose an approved template…"), None)
        for t in choices.templates:
            self.template.addItem(template_title(t), t)
            last = self.template.count() - 1
            self.template.setItemData(
                last, f"{language_name(t.language)} · {self._category(t.category)}", DETAIL_ROLE
            )
            self.template.setItemData(
                last, " ".join(render_template(t, ()).split()), Qt.ItemDataRole.ToolTipRole
            )
        self.template.blockSignals(was)
        self._widen_template_list()
        self.zone.setText(zone_name(choices.time_zone))
        self.zone.setToolTip(choices.time_zone)
        # An hour from now on the shop's clock (the zone beside it), not this computer's.
        self.when.setDateTime(self._shown(datetime.now(UTC) + timedelta(hours=1)))
        if self._pending_draft is not None:
            self.show_draft(self._pending_draft)  # its template's blanks, filled as it had them
            self._pending_draft = None
        else:  # blanks made again after show_draft were empty: a reopened draft lost its texts
            self._template_changed()
        self._baseline = self.draft()
        self.refresh_audience()

    def _widen_template_list(self) -> None:
        """The open list as wide as its longest line (within reason), so each body's start shows."""
        metrics = self.template.fontMetrics()
        widest = max(
            (metrics.horizontalAdvance(self.template.itemText(i)) for i in range(self.template.count())),
            default=0,
        )
        self.template.view().setMinimumWidth(min(widest + 40, TEMPLATE_LIST_MAX))

    def is_dirty(self) -> bool:
        """True when the form holds edits that were neither saved nor sent since it was loaded."""
        return self._baseline is not None and self.draft() != self._baseline

    def mark_saved(self, draft: CampaignDraft) -> None:
        """`draft` is stored now: only what differs from it counts as unsaved."""
        self._baseline = draft

    def discard_edits(self) -> None:
        """Show the draft as last loaded or saved again."""
        if self._baseline is not None:
            self.load(self._baseline)

    def _category(self, category: str) -> str:
        c = category.upper()
        if c == MARKETING:
            return self.tr("Marketing (paid)")
        if c == "UTILITY":
            return self.tr("Utility")
        return category

    def show_draft(self, draft: CampaignDraft) -> None:
        self.name.setText(draft.name)
        self.audience_box.show_audience(draft.audience)
        if draft.template is not None:
            for i in range(1, self.template.count()):
                t: Template = self.template.itemData(i)
                if (t.name, t.language) == (draft.template.name, draft.template.language):
                    self.template.setCurrentIndex(i)
        self._template_changed()
        for (source, text), spec in zip(self.param_rows, draft.parameters, strict=False):
            source.setCurrentIndex(max(0, source.findData(spec.source.value)))
            text.setText(spec.text)
        self.header_media = dict(draft.header_media) if draft.header_media else None
        self._show_media()
        # Each way, not only when it has a time: a new campaign opened after a scheduled draft
        # showed that draft's "Send at".
        if draft.scheduled_at is not None:
            self.at.setChecked(True)
            self.when.setDateTime(self._shown(draft.scheduled_at))
        else:
            self.now.setChecked(True)
        self.pace.setValue(draft.pace)

    # ----------------------------------------------------------------- the draft
    def current_template(self) -> Template | None:
        t = self.template.currentData()
        return t if isinstance(t, Template) else None

    def audience(self) -> Audience:
        return self.audience_box.audience()

    def parameters(self) -> tuple[ParameterSpec, ...]:
        return tuple(
            ParameterSpec(ParameterSource(str(source.currentData())), text.text().strip()[:PARAM_MAX])
            for source, text in self.param_rows
        )

    def _zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.choices.time_zone if self.choices else "UTC")
        except (ValueError, KeyError):
            return ZoneInfo("UTC")

    def _shown(self, moment: datetime) -> QDateTime:
        """`moment` as the schedule field shows it: on the shop's clock, to the minute."""
        local = moment.astimezone(self._zone())
        return QDateTime.fromString(local.strftime("%Y-%m-%d %H:%M"), "yyyy-MM-dd HH:mm")

    def scheduled_at(self) -> datetime | None:
        if not self.at.isChecked():
            return None
        text = self.when.dateTime().toString("yyyy-MM-dd HH:mm")
        local = datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=self._zone())
        return local.astimezone(UTC)

    def draft(self) -> CampaignDraft:
        return CampaignDraft(
            name=self.name.text(),
            template=self.current_template(),
            parameters=self.parameters(),
            header_media=self.header_media,
            audience=self.audience(),
            scheduled_at=self.scheduled_at(),
            pace=self.pace.value(),
        )

    # ----------------------------------------------------------------- audience
    def _audience_changed(self, *_: object) -> None:
        self._generation += 1
        self._timer.start()

    def _changed_elsewhere(self, changes: Changes) -> None:
        """A contact's consent, labels or block changed in the main window (or a sync brought a
        message, an opt-out): who gets the campaign may have changed, so count again, off the GUI
        thread as always. The tester saw 0 recipients until she ticked the label again."""
        if changes.settings and self.choices is not None:
            self._read_prices()
        if not (changes.contacts or changes.all_contacts or changes.labels) or self.choices is None:
            return
        if not self.isVisible():
            self._audience_stale = True
            return
        self._generation += 1  # a count already running is of the old contacts: not shown
        if not self._timer.isActive():  # a busy sync does not keep pushing the count back
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        if self._audience_stale and self.choices is not None:
            self._audience_stale = False
            self._audience_changed()
        super().showEvent(event)

    def _add_customer(self) -> None:
        db, region = self.ctx.db, self.ctx.shop_region
        run_op(
            lambda: read_customer_choices(db),
            lambda customers: self.audience_box.choose_customer(customers, region),
            parent=self,
        )

    def refresh_audience(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation = self._generation
        audience = self.audience()
        t = self.current_template()
        category = t.category if t else MARKETING
        db = self.ctx.db
        # Who reads which language: which version each gets, and whether most read none of them.
        languages = t is not None

        def work() -> Resolved:
            return audience_for(db, audience, category, languages=languages)

        def show(resolved: Resolved) -> None:
            if generation == self._generation:
                self._show_audience(resolved)
                self._shown_generation = generation

        run_op(work, show, parent=self)

    def _show_audience(self, resolved: Resolved) -> None:
        self.resolved = resolved
        self.audience_box.show_resolved(resolved)
        current = self.preview_for.currentData()
        self.preview_for.blockSignals(True)
        self.preview_for.clear()
        for m in resolved.recipients[:200]:
            self.preview_for.addItem(m.name, m.contact_id)
        self.preview_for.setCurrentIndex(max(0, self.preview_for.findData(current)))
        self.preview_for.blockSignals(False)
        self._update_preview()
        self._update_cost()
        self._update_language_note()

    def _update_language_note(self) -> None:
        versions = self.versions()
        recipients = self.resolved.recipients
        lacking = (
            language_most_lack(versions, [self.resolved.languages.get(m.contact_id) for m in recipients])
            if versions
            else None
        )
        if lacking is None:
            self.language_note.hide()
            return
        said = self.tr("Most recipients read {their}. This template is in {template}.")
        their, template = language_name(lacking), language_name(versions[0].language)
        self.language_note.setText(with_particles(said.format(their=their, template=template)))
        self.language_note.show()

    # ----------------------------------------------------------------- message
    def _template_changed(self, *_: object) -> None:
        t = self.current_template()
        while self.params_form.rowCount():
            self.params_form.removeRow(0)
        self.param_rows = []
        self.night_note.setVisible(t is not None and t.category.upper() == MARKETING)
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
                # "e.g. 20%": the example alone in grey read as a value already filled in.
                example = examples.get(i)
                text.setPlaceholderText(
                    self.tr("e.g. {0}").format(example)
                    if example
                    else self.tr("Text (also used when the field is empty)")
                )
                if greets_at(t, i):
                    # "{{1}}님": the customer's name, not one fixed word every recipient gets.
                    source.setCurrentIndex(source.findData(ParameterSource.NAME.value))
                source.currentIndexChanged.connect(self._update_preview)
                text.textChanged.connect(self._update_preview)
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
        self._update_buttons_note(t)
        self._audience_changed()
        self._update_preview()

    def _update_buttons_note(self, t: Template | None) -> None:
        """A tap on a quick-reply button nobody answers: say so, or that the menu bot answers it."""
        buttons = reply_buttons(t, self.choices.bot if self.choices else None) if t is not None else []
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

    def _choose_media(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Header picture"),
            open_folder(Picked.PICTURE),
            self.tr("Pictures (*.jpg *.jpeg *.png)"),
        )
        if path:
            remember_pick(Picked.PICTURE, path)
            self.header_media = {"kind": "image", "path": path}
            self._show_media()
            self._update_preview()

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
        path = self.ctx.paths.catalog_dir / self.choices.item_pictures[item_id]
        self.header_media = {"kind": "image", "path": str(path)}
        self._show_media()
        self._update_preview()

    def _show_media(self) -> None:
        self.media_label.setText(Path(self.header_media["path"]).name if self.header_media else "")

    def _preview_member(self) -> Member | None:
        contact_id = self.preview_for.currentData()
        return next((m for m in self.resolved.recipients if m.contact_id == contact_id), None)

    def versions(self) -> list[Template]:
        """The chosen template first, then its other languages that recipients who write them get."""
        t = self.current_template()
        if t is None:
            return []
        return versions_of(t, self.choices.templates) if self.choices is not None else [t]

    def version_of(self, member: Member | None, versions: list[Template]) -> Template:
        """The version `member` gets: the one in the language they write (their number's, before they
        wrote), else the chosen one."""
        language = self.resolved.languages.get(member.contact_id) if member is not None else None
        return version_for(versions, language)

    def _by_version(self) -> dict[str, tuple[Template, list[Member]]]:
        """Each version in use (by language), with the recipients who get it; the chosen one first."""
        versions = self.versions()
        out: dict[str, tuple[Template, list[Member]]] = {v.language: (v, []) for v in versions[:1]}
        for m in self.resolved.recipients:
            v = self.version_of(m, versions)
            out.setdefault(v.language, (v, []))[1].append(m)
        return out

    def _update_versions_note(self) -> None:
        used = self._by_version()
        if len(used) < 2:
            self.versions_note.setText("")
            return
        counts = ", ".join(f"{language} × {len(members)}" for language, (_v, members) in used.items())
        self.versions_note.setText(
            self.tr("Each customer gets the version in their language: {0}.").format(counts)
        )

    def _update_preview(self, *_: object) -> None:
        chosen = self.current_template()
        shop = self.choices.profile.name if self.choices else ""
        if chosen is None:
            self.preview.show_message(shop, "", self.tr("Choose a template to see the message."), "", [])
            self.law.setText("")
            self.versions_note.setText("")
            return
        member = self._preview_member()
        t = self.version_of(member, self.versions())  # what this customer reads
        specs = self.parameters()
        filled = parameter_values(specs, member) if member is not None else tuple(s.text for s in specs)
        # A parameter still empty shows as its placeholder to the law checks, so they see what is missing.
        values = tuple(v or f"{{{{{i}}}}}" for i, v in enumerate(filled, start=1))
        # A blank still empty shows as a marked blank, never the template's example: a sample name
        # ("민지님") read as if it were the message (the empty field still stops the send).
        shown = tuple(
            v or self._blank_mark(i, spec)
            for i, (v, spec) in enumerate(zip(filled, specs, strict=True), start=1)
        )
        header = body = footer = ""
        for c in t.components:
            kind = str(c.get("type", "")).upper()
            text = str(c.get("text", "") or "")
            for i, v in enumerate(shown, start=1):
                text = text.replace("{{" + str(i) + "}}", v)
            if kind == "HEADER":
                header = text
            elif kind == "BODY":
                body = text
            elif kind == "FOOTER":
                footer = text
        buttons = [str(b.get("text", "")) for b in template_buttons(t)]
        self.preview.show_message(shop, header, body, footer, buttons, has_media=media_header(t) is not None)
        self._update_versions_note()
        self._update_law(chosen, values)

    def _blank_mark(self, number: int, spec: ParameterSpec) -> str:
        """What the preview shows for a blank nothing fills yet: what fills it, or its number."""
        if spec.source == ParameterSource.NAME:
            return self.tr("[customer's name]")
        if spec.source == ParameterSource.FIRST_NAME:
            return self.tr("[customer's first name]")
        return self.tr("[blank {0}]").format(number)

    def law_problems(self) -> list[LawProblem]:
        """What Korean law asks of an ad that any version going to Korean numbers (or in Korean) lacks."""
        if self.current_template() is None or self.choices is None:
            return []
        member = self._preview_member()
        values = (
            parameter_values(self.parameters(), member)
            if member
            else tuple(s.text for s in self.parameters())
        )
        problems: list[LawProblem] = []
        for version, members in self._by_version().values():
            if needs_law_check(version, [m.wa_id for m in members]):
                problems += [
                    p
                    for p in law_problems(version, values, self.choices.profile, self.choices.shop_names)
                    if p not in problems
                ]
        return problems

    def shop_names(self) -> tuple[str, ...]:
        """The names the law check looked for: the shop's known names, else its profile's name."""
        if self.choices is None:
            return ()
        return self.choices.shop_names or shop_names(self.choices.profile)

    def _law_applies(self) -> bool:
        return any(needs_law_check(v, [m.wa_id for m in ms]) for v, ms in self._by_version().values())

    def _update_law(self, t: Template, _values: tuple[str, ...]) -> None:
        problems = self.law_problems()
        if problems:
            self.law.setStyleSheet("color: #B3261E;")
            self.law.setText(
                self.tr("Korean law for advertising messages:")
                + "\n"
                + law_lines(problems, self.shop_names())
            )
        elif self.choices is not None and self._law_applies():
            self.law.setStyleSheet("color: #1E7D32;")
            note = self.tr("The opt-out button counts as the free opt-out.") if has_opt_out_button(t) else ""
            self.law.setText(
                self.tr("✓ (광고), the shop's name and contact, and a free opt-out are there.") + " " + note
            )
        else:
            self.law.setText("")

    def _update_cost(self) -> None:
        t = self.current_template()
        if t is None or self.choices is None:
            self.cost.setText("")
            self.price_link.hide()
            return
        self.cost.setText(self._cost_text(t, datetime.now(UTC), ask_for_price=False))
        self.price_link.setVisible(self._price_of(t) is None)

    def _price_of(self, t: Template) -> int | None:
        assert self.choices is not None
        prices = self.choices.prices
        return prices.marketing_minor if t.category.upper() == MARKETING else prices.utility_minor

    def _ask_for_prices(self) -> None:
        t = self.current_template()
        self.prices_requested.emit(
            "utility" if t is not None and t.category.upper() != MARKETING else "marketing"
        )

    def _read_prices(self) -> None:
        """Prices saved in Settings (opened from the link, or the menu): the cost follows them."""
        db = self.ctx.db

        def show(prices: Prices) -> None:
            if self.choices is not None:
                self.choices = dataclasses.replace(self.choices, prices=prices)
                self._update_cost()

        run_op(lambda: read_prices(db), show, parent=self)

    def _cost_text(self, t: Template, start: datetime, *, ask_for_price: bool = True) -> str:
        """What Meta charges for the campaign starting at `start`, and the price when one is set."""
        assert self.choices is not None
        estimate = estimate_cost(t.category, self.resolved.recipients, self.choices.prices, start)
        if t.category.upper() == MARKETING:
            text = self.tr("Meta charges up to {0} marketing messages (each one delivered).").format(
                estimate.charged
            )
        else:
            text = self.tr("Meta charges {0} utility messages; {1} go inside an open window, free.").format(
                estimate.charged, estimate.free
            )
        total = estimate.total_minor
        if total is not None:
            price = format_price(total, estimate.currency, babel_locale_name())
            text += " " + self.tr("Estimated cost: {0}.").format(price)
        elif ask_for_price:  # the editor shows it as a link of its own (price_link)
            text += " " + self.tr("Enter your price per message in Settings to see the cost.")
        return text

    # ----------------------------------------------------------------- send
    def _name_send_button(self, scheduled: bool) -> None:
        """ "Schedule…" with a time chosen: "Send…" read as if it went out at once."""
        self.send_button.setText(self.tr("Schedule…") if scheduled else self.tr("Send…"))

    def _send(self) -> None:
        when = self.scheduled_at()
        if when is not None and when <= datetime.now(UTC):
            # The relay would send it at once: not what "send at" means.
            QMessageBox.warning(
                self,
                self.tr("Send campaign"),
                with_particles(
                    self.tr("{0} ({1}) has passed. Set a later time, or choose Send now.").format(
                        self.when.text(), zone_name(self._zone().key)
                    )
                ),
            )
            return
        # What the send would be refused for is said before the law's question, not after the owner
        # said yes to it: a campaign nobody may get, a blank {{n}} WhatsApp refuses.
        refusal = self._refusal()
        if refusal is not None:
            sentence, field = refusal
            QMessageBox.warning(self, self.tr("Send campaign"), sentence)
            if field is not None:  # where to put it right: the owner need not look for it
                field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not send_anyway(self, self.law_problems(), self.shop_names()):
            return
        if not self.confirm_send(when):
            return
        self.send_requested.emit(self.draft())

    def _refusal(self) -> tuple[str, QWidget | None] | None:
        """Why the send would be refused as the form stands (as app.campaign_send refuses it), and the
        field that would put it right (none for an audience nobody may get), or None."""
        if not self.name.text().strip():
            return code_sentence(ErrorCode.CAMPAIGN_NAME_EMPTY, {}), self.name
        if self.current_template() is None:
            return code_sentence(ErrorCode.CAMPAIGN_NO_TEMPLATE, {}), self.template
        if self.is_loaded() and not self.resolved.recipients:
            return code_sentence(ErrorCode.CAMPAIGN_NO_RECIPIENTS, {}), None
        blanks = empty_blanks(self.parameters(), self.resolved.recipients)
        if blanks:
            sentence = code_sentence(ErrorCode.CAMPAIGN_PARAMETER_EMPTY, {"value": blank_names(blanks)})
            return sentence, self.param_rows[blanks[0] - 1][1]
        return None

    def confirm_send(self, when: datetime | None) -> bool:
        """The last look before the relay has it, asked even after the law's question: how many
        get it, what it may cost, and who waits for the morning. Cancel is the default."""
        recipients = self.resolved.recipients
        # The moment itself, on the shop's clock: "at the time you set" left the owner to look back
        # at the field to be sure of the day.
        at = moment_text(when, self._zone()) if when is not None else ""
        question = (
            self.tr("Send “{0}” to {1} customers now? The relay sends it, even with this computer off.")
            if when is None
            else self.tr(
                "Send “{0}” to {1} customers on {2}? The relay sends it then, even with this computer off."
            )
        )
        lines = [with_particles(question.format(self.name.text(), len(recipients), at))]
        t = self.current_template()
        if t is not None and self.choices is not None:
            start = when or datetime.now(UTC)
            # What Meta charges, said even without a price set (the question said nothing of it then).
            lines.append(self._cost_text(t, start))
            wait = night_wait(t.category, recipients, start)
            if wait.held and wait.until is not None:
                split = (
                    self.tr("{0} get it now, {1} at {2}.")
                    if when is None
                    else self.tr("{0} get it on {3}, {1} at {2}.")
                )
                lines.append(
                    split.format(wait.at_start, wait.held, moment_text(wait.until, self._zone()), at)
                    + " "
                    + self.tr(
                        "Korean law: ads at night (21:00–08:00) only go to customers who agreed "
                        "to night-time messages."
                    )
                )
        answer = QMessageBox.question(
            self,
            self.tr("Send campaign") if when is None else self.tr("Schedule campaign"),
            "\n\n".join(lines),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes
