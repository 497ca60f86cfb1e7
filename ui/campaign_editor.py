"""The campaign editor: name, audience, message and schedule side by side, the preview, law checks, send."""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QMargins, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.campaign_actions import audience_for, read_customer_choices
from app.campaign_checks import (
    LawProblem,
    Prices,
    has_opt_out_button,
    law_problems,
    needs_law_check,
    night_wait,
    read_prices,
    shop_names,
    template_buttons,
)
from app.campaign_store import CampaignDraft, EditorChoices, editor_choices
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
from app.template_versions import language_most_lack, version_for, versions_of
from app.wire import Template, fill_template_slots
from ui import message_box
from ui.ad_law import law_lines, night_hours, send_anyway
from ui.campaign_audience import AudienceBox
from ui.campaign_message import MessageBox, language_name, media_header
from ui.campaign_models import moment_text
from ui.campaign_number import SendFromBox
from ui.campaign_preview import PhonePreview, PreviewGivesWay
from ui.campaign_schedule import ScheduleBox
from ui.confirm import confirm
from ui.context import AppContext
from ui.error_sentences import code_sentence
from ui.formatting import count_text
from ui.korean_particles import with_particles
from ui.ops import Newest, run_op
from ui.theme import fine_colour, problem_colour
from ui.time_zones import shop_default_zone, zone_name

log = logging.getLogger(__name__)


class CampaignEditor(QWidget):
    """Edits one draft. `draft()` is what the form says; `save_requested` / `send_requested` carry it."""

    save_requested = Signal(object)  # CampaignDraft
    edited = Signal()  # the name, the message's fields, the template or the audience changed
    # The CampaignDraft, and the contacts the owner confirmed it for (a frozenset of contact ids).
    send_requested = Signal(object, object)
    prices_requested = Signal(str)  # "marketing" or "utility": the price Settings should open at

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("campaignEditor")
        self.ctx = ctx
        self.choices: EditorChoices | None = None
        self.resolved = Resolved()
        self._pending_draft: CampaignDraft | None = None
        self._pending_saved: CampaignDraft | None = None
        self._loads = 0  # which load() the choices arriving answer: only the last one's are shown
        # Prices read again at each settings change: one read before her next save that answered
        # after it put the old cost back. A late answer for an older look never replaces a newer one.
        self._price_reads = Newest()
        self._loaded = 0
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

        # In a shop with two numbers: which one it goes from (its row hidden in a one-number shop),
        # made before the audience so that Tab goes from the name to it, as they stand.
        self.send_from = SendFromBox(ctx.shop_region, self)
        self.send_from.changed.connect(self.edited)
        self.send_from.changed.connect(self._audience_changed)  # who never wrote to it, counted again
        self.send_from.changed.connect(self._update_preview)

        self.audience_box = AudienceBox(ctx.shop_region, self)
        self.audience_box.changed.connect(self._audience_changed)
        self.audience_box.changed.connect(self.edited)
        self.name.textChanged.connect(self.edited)
        self.audience_box.add_customer_requested.connect(self._add_customer)

        self.message = MessageBox(ctx.paths.catalog_dir, self)
        self.message.template_changed.connect(self.edited)
        self.message.edited.connect(self.edited)
        self.message.template_changed.connect(self._template_changed)
        self.message.edited.connect(self._update_preview)
        self.schedule = ScheduleBox(self)
        self.schedule.cost_note.prices_requested.connect(self.prices_requested)

        self.save_button = QPushButton(self.tr("Save dra&ft"), self)
        self.save_button.setObjectName("campaignSave")
        self.send_button = QPushButton(self.tr("&Send…"), self)
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
        name_row.addRow(self.tr("N&ame"), self.name)
        # Alt+O: "Send now" gave up its O for W, which "Wrote to you in the last" gave up for Y (every
        # other letter of "Send from" is the form's or the list's: Delete draft's D, Save draft's F…).
        send_from_label = QLabel(self.tr("Send fr&om"), self)
        send_from_label.setBuddy(self.send_from.choice)
        name_row.addRow(send_from_label, self.send_from)
        name_row.setRowVisible(self.send_from, False)
        self._name_row = name_row
        who.addLayout(name_row)
        who.addWidget(self.audience_box, 1)
        what = QVBoxLayout()
        what.addWidget(self.message)
        what.addWidget(self.schedule)
        what.addStretch(1)
        fl.addLayout(who, 1)
        fl.addLayout(what, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form)
        self.form_scroll = scroll

        self.preview_for = QComboBox(self)
        self.preview_for.setObjectName("campaignPreviewFor")
        self.preview_for.setAccessibleName(self.tr("Preview for"))
        self.preview = PhonePreview(self)
        # The number the customer previewed gets it from (a shop with two numbers).
        self.preview_from = QLabel(self)
        self.preview_from.setObjectName("campaignPreviewFrom")
        self.preview_from.setTextFormat(Qt.TextFormat.PlainText)
        self.preview_from.hide()
        right = QVBoxLayout()
        preview_label = QLabel(self.tr("Prev&iew for"), self)
        preview_label.setBuddy(self.preview_for)
        right.addWidget(preview_label)
        right.addWidget(self.preview_for)
        right.addWidget(self.preview_from)
        right.addWidget(self.preview, 1)
        # Save and Send stay out of the scrolling form (on a small laptop's screen they were scrolled
        # out of view, below or beside the audience), under the preview: a row of their own below
        # everything took the form 40 pixels, and at 1280×720 it scrolled for its recipients.
        right.addLayout(buttons)
        columns = QHBoxLayout()
        columns.addWidget(scroll, 1)
        columns.addLayout(right)
        self.gives_way = PreviewGivesWay(self.preview, scroll, fl)  # then the form's two columns stack
        self._columns = columns
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.refresh_audience)
        self.preview_for.currentIndexChanged.connect(self._update_preview)
        self.schedule.at.toggled.connect(self._name_send_button)
        self.save_button.clicked.connect(lambda: self.save_requested.emit(self.draft()))
        self.send_button.clicked.connect(self._send)
        ctx.hub.changed.connect(self._changed_elsewhere)
        form.installEventFilter(self)  # what the form shows changes the least width it needs

    def minimumSizeHint(self) -> QSize:
        """At least the form's width with its columns one below the other beside the narrowest
        preview: in a narrow window (a 1366×768 laptop at 150 % gives 910 pixels) the campaign list
        gives way first, instead of the form scrolling sideways with its right edge cut off."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        margins = layout.contentsMargins() if layout is not None else QMargins()
        least = self.gives_way.least_width() + self._columns.spacing() + margins.left() + margins.right()
        return QSize(max(hint.width(), least), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.form_scroll.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    # ----------------------------------------------------------------- loading
    def load(self, draft: CampaignDraft | None = None, *, saved: CampaignDraft | None = None) -> None:
        """Read the editor's choices (templates from the relay when it answers), then show `draft`;
        `saved`: what is stored, when the form shows other words (kept through a crash), unsaved."""
        self._pending_draft = draft
        self._pending_saved = saved
        self._baseline = None  # what was typed is replaced once the choices arrive
        # Another campaign starts at its top, its name: the form stayed scrolled to where the last one
        # was left (its schedule), and a click meant for the name landed in the recipients' table.
        self.form_scroll.verticalScrollBar().setValue(0)
        sync = self.ctx.sync
        fetch = sync.templates if sync is not None and sync.engine is not None else None
        db = self.ctx.db
        self._loads += 1
        this_load = self._loads
        run_op(
            lambda: editor_choices(db, fetch),
            lambda choices: self._choices_loaded(choices, this_load),
            parent=self,
        )

    def is_loaded(self) -> bool:
        return (
            self.choices is not None
            and self._loaded == self._loads
            and self._shown_generation == self._generation
        )

    def _choices_loaded(self, choices: EditorChoices, this_load: int) -> None:
        if this_load != self._loads:
            # An earlier load's choices, come after a later one's (each is read in its own op): shown,
            # they emptied the template of the draft the owner had just opened.
            return
        self._loaded = this_load
        self.choices = choices
        self.audience_box.fill_choices(choices)
        self.send_from.fill_numbers(choices.numbers)
        self._name_row.setRowVisible(self.send_from, self.send_from.offered())
        self.message.fill_templates(choices)
        # Hours never set keep the wire's "UTC": the shop's zone then, as the hours editor offers it
        # ("UTC" beside the time for a shop in Seoul, and its 22:00 sent at 07:00 there).
        self.schedule.set_time_zone(choices.time_zone or shop_default_zone(self.ctx.shop_region))
        if self._pending_draft is not None:
            self.show_draft(self._pending_draft)  # its template's blanks, filled as it had them
            self._pending_draft = None
        else:  # blanks made again after show_draft were empty: a reopened draft lost its texts
            self.message.show_template()
        self._baseline = self.draft()
        if self._pending_saved is not None:
            self._baseline, self._pending_saved = self._pending_saved, None
        self.refresh_audience()

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

    def show_draft(self, draft: CampaignDraft) -> None:
        self.name.setText(draft.name)
        self.send_from.show_number(draft.phone_number_id)
        self.audience_box.show_audience(draft.audience)
        self.message.show_message(draft.template, draft.parameters, draft.header_media)
        self.schedule.show_schedule(draft.scheduled_at, draft.pace)

    # ----------------------------------------------------------------- the draft
    def current_template(self) -> Template | None:
        return self.message.current_template()

    def audience(self) -> Audience:
        return self.audience_box.audience()

    def parameters(self) -> tuple[ParameterSpec, ...]:
        return self.message.parameters()

    def scheduled_at(self) -> datetime | None:
        return self.schedule.scheduled_at()

    def draft(self) -> CampaignDraft:
        return CampaignDraft(
            name=self.name.text(),
            template=self.current_template(),
            parameters=self.parameters(),
            header_media=self.message.header_media,
            audience=self.audience(),
            scheduled_at=self.scheduled_at(),
            pace=self.schedule.pace.value(),
            phone_number_id=self.send_from.phone_number_id(),
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
        number = self.send_from.phone_number_id() if self.send_from.offered() else None

        def work() -> Resolved:
            return audience_for(db, audience, category, languages=languages, phone_number_id=number)

        def show(resolved: Resolved) -> None:
            if generation == self._generation:
                self._show_audience(resolved)
                self._shown_generation = generation

        run_op(work, show, parent=self)

    def _show_audience(self, resolved: Resolved) -> None:
        self.resolved = resolved
        self.audience_box.show_resolved(resolved)
        self.send_from.show_recipients(resolved.recipients, resolved.strangers)
        current = self.preview_for.currentData()
        self.preview_for.blockSignals(True)
        self.preview_for.clear()
        for m in resolved.recipients[:200]:
            self.preview_for.addItem(m.name, m.contact_id)
        self.preview_for.setCurrentIndex(max(0, self.preview_for.findData(current)))
        self.preview_for.blockSignals(False)
        self._update_preview()
        self._update_cost()
        self._update_night_note()
        self._update_language_note()

    def _update_night_note(self) -> None:
        """Korea's night-time wait, said for an ad when some recipient has a Korean number (or none is
        known yet): a London shop's ad to UK customers read "Marketing to Korean numbers waits…"."""
        t = self.current_template()
        recipients = self.resolved.recipients
        korean = not recipients or any((m.wa_id or "").startswith("82") for m in recipients)
        self.schedule.night_note.setVisible(t is not None and t.category.upper() == MARKETING and korean)

    def _update_language_note(self) -> None:
        versions = self.versions()
        recipients = self.resolved.recipients
        lacking = (
            language_most_lack(versions, [self.resolved.languages.get(m.contact_id) for m in recipients])
            if versions
            else None
        )
        if lacking is None:
            self.message.language_note.hide()
            return
        said = self.tr("Most recipients read {their}. This template is in {template}.")
        their, template = language_name(lacking), language_name(versions[0].language)
        self.message.language_note.setText(with_particles(said.format(their=their, template=template)))
        self.message.language_note.show()

    # ----------------------------------------------------------------- message
    def _template_changed(self) -> None:
        """The template's blanks were made again: the night wait (ads only), who may get it, the preview."""
        self._update_night_note()
        self._audience_changed()
        self._update_preview()

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
        # Only versions someone gets: the chosen English one with none of the label's customers
        # writing English read "영어 0명, 한국어 2명". Said when all get one version other than the
        # chosen one, too: the owner picked the English entry and everyone gets the Korean.
        used = {language: got for language, got in self._by_version().items() if got[1]}
        chosen = self.current_template()
        # The buttons the customers get: the chosen English entry's "Get coupon", where all get the
        # Korean version's "쿠폰 받기".
        self.message.show_buttons_note([v for v, _members in used.values()] or self.versions()[:1])
        if not used or (len(used) == 1 and chosen is not None and chosen.language in used):
            self.message.versions_note.setText("")
            return
        # The languages by name and the customers counted ("한국어 3명, 영어 1명"), not Meta's codes
        # ("ko × 3, en × 1"), which a Korean owner had to decode.
        counts = ", ".join(
            self.tr("{0} × {1}", "a language, then how many customers get that version").format(
                language_name(language), len(members)
            )
            for language, (_v, members) in used.items()
        )
        self.message.versions_note.setText(
            self.tr("Each customer gets the version in their language: {0}.").format(counts)
        )

    def _update_preview(self, *_: object) -> None:
        chosen = self.current_template()
        shop = self.choices.profile.name if self.choices else ""
        self._update_preview_from(self._preview_member())
        if chosen is None:
            self.preview.show_message(shop, "", self.tr("Choose a template to see the message."), "", [])
            self.message.law.setText("")
            self.message.versions_note.setText("")
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
            text = fill_template_slots(str(c.get("text", "") or ""), shown)
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

    def sent_from_text(self, member: Member | None) -> str:
        """The number `member` gets it from, as dialled ("" when it is not known here: one number,
        or a customer who never wrote, whom the relay reaches from its own)."""
        chosen = self.send_from.phone_number_id()
        if not self.send_from.offered():
            return ""
        return self.send_from.number_text(chosen or (member.phone_number_id if member is not None else None))

    def _update_preview_from(self, member: Member | None) -> None:
        number = self.sent_from_text(member)
        self.preview_from.setText(
            with_particles(self.tr("From your number {0}").format(number)) if number else ""
        )
        self.preview_from.setVisible(bool(number))

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
            self.message.law.setStyleSheet(f"color: {problem_colour()};")
            self.message.law.setText(
                self.tr("Korean law for advertising messages:")
                + "\n"
                + law_lines(problems, self.shop_names())
            )
        elif self.choices is not None and self._law_applies():
            self.message.law.setStyleSheet(f"color: {fine_colour()};")
            note = self.tr("The opt-out button counts as the free opt-out.") if has_opt_out_button(t) else ""
            self.message.law.setText(
                self.tr("✓ (광고), the shop's name and contact, and a free opt-out are there.") + " " + note
            )
        else:
            self.message.law.setText("")

    def _update_cost(self) -> None:
        t = self.current_template()
        if t is None or self.choices is None:
            self.schedule.cost_note.clear()
            return
        self.schedule.cost_note.show_cost(
            t,
            self.resolved.recipients,
            self.choices.prices,
            relay_clock.now(),
            shop_region=self.ctx.shop_region,
        )

    def _read_prices(self) -> None:
        """Prices saved in Settings (opened from the link, or the menu): the cost follows them."""
        db = self.ctx.db

        def show(prices: Prices) -> None:
            if self.choices is not None:
                self.choices = dataclasses.replace(self.choices, prices=prices)
                self._update_cost()

        self._price_reads.run_op(lambda: read_prices(db), show, parent=self)

    def _zone(self) -> ZoneInfo:
        return self.schedule.time_zone()

    # ----------------------------------------------------------------- send
    def _name_send_button(self, scheduled: bool) -> None:
        """ "Schedule…" with a time chosen: "Send…" read as if it went out at once."""
        self.send_button.setText(self.tr("&Schedule…") if scheduled else self.tr("&Send…"))

    def _send(self) -> None:
        when = self.scheduled_at()
        # On the relay's clock, which sends it: a laptop two hours slow let 15:00 be chosen at 16:00,
        # and the relay sent at once what the owner was told would go at 15:00.
        # Titled as the button the owner pressed: "Send campaign" answered her "Schedule…".
        title = self._send_title(when)
        if when is not None and when <= relay_clock.now():
            # The relay would send it at once: not what "send at" means.
            message_box.warning(
                self,
                title,
                with_particles(
                    self.tr("{0} ({1}) has passed. Set a later time, or choose Send now.").format(
                        self.schedule.when.text(), zone_name(self._zone().key)
                    )
                ),
            )
            return
        # What the send would be refused for is said before the law's question, not after the owner
        # said yes to it: a campaign nobody may get, a blank {{n}} WhatsApp refuses.
        refusal = self._refusal()
        if refusal is not None:
            sentence, field = refusal
            message_box.warning(self, title, sentence)
            if field is not None:  # where to put it right: the owner need not look for it
                field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not send_anyway(self, self.law_problems(), self.shop_names(), scheduled=when is not None):
            return
        confirmed = self.confirm_send(when)
        if confirmed is None:
            return
        self.send_requested.emit(self.draft(), confirmed)

    def _refusal(self) -> tuple[str, QWidget | None] | None:
        """Why the send would be refused as the form stands (as app.campaign_send refuses it), and the
        field that would put it right (none for an audience nobody may get), or None."""
        if not self.name.text().strip():
            return code_sentence(ErrorCode.CAMPAIGN_NAME_EMPTY, {}), self.name
        if self.current_template() is None:
            return code_sentence(ErrorCode.CAMPAIGN_NO_TEMPLATE, {}), self.message.template
        if self.is_loaded() and not self.resolved.recipients:
            return code_sentence(ErrorCode.CAMPAIGN_NO_RECIPIENTS, {}), None
        blanks = empty_blanks(self.parameters(), self.resolved.recipients)
        if blanks:
            sentence = code_sentence(ErrorCode.CAMPAIGN_PARAMETER_EMPTY, {"value": blank_names(blanks)})
            return sentence, self.message.param_rows[blanks[0] - 1][1]
        return None

    def confirm_send(self, when: datetime | None) -> frozenset[int] | None:
        """The last look before the relay has it, asked even after the law's question: how many
        get it, what it may cost, and who waits for the morning. Cancel is the default (None).

        Returns the contacts the owner said yes to. The form goes on refreshing behind the question
        (a customer opts out, or asks for a person): when who gets it changed meanwhile, the question
        is asked again with the new count, so "9" confirmed is never 8 sent unawares. What changes
        after the last answer, the hand-over refuses (app.campaign_send.hand_over)."""
        changed_from: int | None = None
        while True:
            asked = frozenset(m.contact_id for m in self.resolved.recipients)
            if not self._ask_to_send(when, changed_from):
                return None
            now = frozenset(m.contact_id for m in self.resolved.recipients)
            if now == asked:
                return asked
            if not now:  # nobody left to ask about: said as Send says it
                message_box.warning(
                    self, self._send_title(when), code_sentence(ErrorCode.CAMPAIGN_NO_RECIPIENTS, {})
                )
                return None
            changed_from = len(asked)

    def _send_title(self, when: datetime | None) -> str:
        return self.tr("Send campaign") if when is None else self.tr("Schedule campaign")

    def _ask_to_send(self, when: datetime | None, changed_from: int | None) -> bool:
        """The question itself; `changed_from`: the count the owner was last asked about, which
        changed while she read it."""
        recipients = self.resolved.recipients
        # The moment itself, on the shop's clock: "at the time you set" left the owner to look back
        # at the field to be sure of the day.
        at = moment_text(when, self._zone()) if when is not None else ""
        if len(recipients) == 1:  # a campaign tried on one customer: "to 1 customer", not "1 customers"
            question = (
                self.tr("Send “{0}” to 1 customer now? The relay sends it, even with this computer off.")
                if when is None
                else self.tr(
                    "Send “{0}” to 1 customer at {2}? The relay sends it then, even with this computer off."
                )
            )
        else:
            question = (
                self.tr("Send “{0}” to {1} customers now? The relay sends it, even with this computer off.")
                if when is None
                else self.tr(
                    "Send “{0}” to {1} customers at {2}? The relay sends it then, "
                    "even with this computer off."
                )
            )
        lines = [with_particles(question.format(self.name.text(), count_text(len(recipients)), at))]
        if changed_from is not None:
            changed = (
                # As many, but not the same ones: "from 8 to 8" read as no change at all.
                self.tr("Who gets it changed while you were deciding: some customers are not the same.")
                if changed_from == len(recipients)
                else self.tr(
                    "Who gets it changed while you were deciding: from {0} to {1} customers."
                ).format(count_text(changed_from), count_text(len(recipients)))
            )
            lines.insert(0, changed)
        if self.send_from.offered():
            chosen = self.send_from.phone_number_id()
            lines.append(
                with_particles(
                    self.tr("It goes from your number {0}.").format(self.send_from.number_text(chosen))
                )
                if chosen
                else self.tr("Each customer gets it from the number they last wrote to.")
            )
        t = self.current_template()
        if t is not None and self.choices is not None:
            start = when or relay_clock.now()
            # What Meta charges, said even without a price set (the question said nothing of it then).
            lines.append(
                self.schedule.cost_note.cost_text(
                    t, recipients, self.choices.prices, start, shop_region=self.ctx.shop_region
                )
            )
            wait = night_wait(t.category, recipients, start)
            if wait.held and wait.until is not None:
                if wait.at_start == 0:  # not "0 get it now"
                    split = self.tr("They all get it at {2}.")
                elif wait.at_start == 1:  # "1 gets it", not "1 get it"
                    split = (
                        self.tr("1 gets it now, {1} at {2}.")
                        if when is None
                        else self.tr("1 gets it at {3}, {1} at {2}.")
                    )
                else:
                    split = (
                        self.tr("{0} get it now, {1} at {2}.")
                        if when is None
                        else self.tr("{0} get it at {3}, {1} at {2}.")
                    )
                held_until = moment_text(wait.until, self._zone())
                lines.append(
                    split.format(count_text(wait.at_start), count_text(wait.held), held_until, at)
                    + " "
                    # On the owner's clock face: "9:00 PM–8:00 AM" in the US, "오후 9:00~오전 8:00" in Korea.
                    + night_hours(
                        self.tr(
                            "Korean law: ads at night ({0}–{1}) only go to customers who agreed "
                            "to night-time messages."
                        )
                    )
                )
        return confirm(
            self,
            self._send_title(when),
            "\n\n".join(lines),
            self.tr("&Send") if when is None else self.tr("&Schedule"),
        )
