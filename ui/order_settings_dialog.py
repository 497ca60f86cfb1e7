"""Shop ▸ Order settings: shipping fee and rules, payment terms, bank account, each step's message."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.changes import Changes
from app.errors import ShopInboxError
from app.models import utcnow
from app.money import amount_to_minor
from app.order_actions import read_order_settings, store_order_settings
from app.order_messages import (
    CANCELLED_REFUND,
    PAID_TOGETHER,
    REMINDER,
    RETURN_MESSAGE,
    default_messages,
    own_messages,
    template_fits,
    template_preview,
)
from app.order_settings import OrderSettings, surcharge_for
from app.orders import OrderState, payment_deadline
from app.sending import approved_templates
from app.surcharge_areas import (
    GB_HIGHLANDS,
    GB_NORTHERN_IRELAND,
    GB_OFFSHORE,
    REMOTE,
    US_ALASKA_HAWAII,
    US_TERRITORIES,
    surcharge_areas,
)
from app.template_versions import named_versions
from app.wire import Template
from ui.automation_dialog import push_automations_now
from ui.bounded_text import BoundedTextEdit
from ui.campaign_message import language_name
from ui.context import AppContext
from ui.field_tokens import shown_order_fields, stored_order_fields
from ui.formatting import amount_for_editing, customer_day
from ui.korean_particles import with_particles
from ui.ops import Op, failure_sentence
from ui.order_text import state_name
from ui.placeholder_buttons import PlaceholderButtons
from ui.price_preview import PricePreview
from ui.screen_fit import resize_within_screen
from ui.shortcuts_dialog import plain
from ui.spin_units import counted_suffix
from ui.surcharge_names import as_label, surcharge_places, surcharge_title
from ui.theme import muted_colour, problem_colour, warning_colour
from ui.translations import ui_language
from ui.unsaved_edits import leave_edits
from ui.window_keys import save_with_keys

log = logging.getLogger(__name__)

# The messages the owner can reword: one per state that tells the customer, the payment reminder,
# the one "payment confirmed" for several orders one bank transfer paid, and a return's.
MESSAGE_STATES: tuple[str, ...] = (
    OrderState.AWAITING_PAYMENT.value,
    REMINDER,
    OrderState.PAID.value,
    PAID_TOGETHER,
    OrderState.SHIPPED.value,
    OrderState.DONE.value,
    OrderState.CANCELLED.value,
    RETURN_MESSAGE,
)
# Templates chosen for a step that has no message tab of its own: the refund one, on the Cancelled tab.
TEMPLATE_KEYS: tuple[str, ...] = (*MESSAGE_STATES, CANCELLED_REFUND)


# A note's words start under the row above: a form gives a tab's spare height to its last wrapped
# label, and centred in it the Return tab's note sat under an empty gap once no template was chosen.
TOP_LEFT = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft


def _names(templates: list[Template]) -> list[tuple[str, str]]:
    return [(t.name, t.language) for t in templates]


class OrderSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("orderSettings")
        self.setWindowTitle(self.tr("Order settings"))
        resize_within_screen(self, QSize(640, 660))
        self.settings = OrderSettings()
        self._shown: tuple[object, ...] | None = None  # the form as the stored settings filled it
        self._saving = False  # Save is storing the form (it closes the dialog once stored)
        self.templates: list[Template] = []
        self._fetched: list[Template] | None = None  # the relay's list, once it answered
        # The currency the amounts are shown and saved in: theirs (set when the shop had another
        # currency, they are kept in it) until the owner types one, then the shop's.
        self.amounts_currency = ctx.currency.upper()

        self.shipping = QLineEdit(self)
        # One amount for each surcharge the shop's country charges (도서산간; the UK's Highlands &
        # Islands, Northern Ireland, offshore islands; the US's Alaska & Hawaii, territories).
        self.surcharges = {area: QLineEdit(self) for area in surcharge_areas(ctx.shop_region)}
        for area, field in self.surcharges.items():
            field.setToolTip(surcharge_places(area))
        self.free_over = QLineEdit(self)
        self.days = QSpinBox(self)
        self.days.setRange(1, 30)
        counted_suffix(self.days, self.tr(" day"), self.tr(" days"))
        self.bank = QLineEdit(self)
        self.bank.setMaxLength(200)
        self.bank.setPlaceholderText(
            self.tr("e.g. KB Kookmin 123-45-678901 (Seoul Linen House)")
            if ctx.shop_region.upper() == "KR"
            # A Korean bank was the example a Berlin shop saw: elsewhere, what an account is written with.
            else self.tr("e.g. your bank, account number or IBAN, and the account holder")
        )
        general = QWidget(self)
        form = QFormLayout(general)
        # Amounts set in the shop's old currency: said, with what typing one does.
        self.currency_note = QLabel(general)
        self.currency_note.setObjectName("amountsCurrencyNote")
        self.currency_note.setWordWrap(True)
        self.currency_note.setTextFormat(Qt.TextFormat.PlainText)
        self.currency_note.setStyleSheet(f"color: {warning_colour()}")
        self.currency_note.hide()
        form.addRow(self.currency_note)
        # Each amount also as customers read a price (3,000원), like the catalogue's price field.
        self.money_previews: dict[QLineEdit, PricePreview] = {}
        amounts = [
            (self.tr("Shipping &fee"), self.shipping),
            *((self._surcharge_label(area), field) for area, field in self.surcharges.items()),
            (self.tr("Free shipping fro&m (0: never)"), self.free_over),
        ]
        for label, field in amounts:
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setAccessibleName(plain(label))  # its row is a layout: the form gives it no buddy
            row = QHBoxLayout()
            row.addWidget(field, 1)
            self.money_previews[field] = preview = PricePreview(field, lambda: self.amounts_currency, general)
            row.addWidget(preview)
            form.addRow(label, row)
            row_label = form.labelForField(row)
            if isinstance(row_label, QLabel):
                row_label.setBuddy(field)  # Alt+letter: the row's own layout takes no focus
            field.textEdited.connect(lambda _text, typed=field: self._amount_typed(typed))
        form.addRow(self.tr("Payment &deadline"), self.days)
        form.addRow(self.tr("&Bank account"), self.bank)

        self.messages: dict[str, QPlainTextEdit] = {}
        self.other_messages: dict[str, QPlainTextEdit] = {}
        self.template_choice: dict[str, QComboBox] = {}
        # Under each list: the chosen template as a customer reads it for a sample order at that step.
        self.template_previews: dict[str, QLabel] = {}
        messages = QWidget(self)
        ml = QVBoxLayout(messages)
        hint = QLabel(
            self.tr(
                "Outside the 24-hour window only the chosen approved template can go; "
                "a template Meta files as marketing is paid and counts toward your messaging limit. "
                "A message you have not changed goes in English to a customer who writes in letters "
                "other than Korean (and in Korean to one who writes Korean); one you change goes as you "
                "wrote it, or as you wrote it in another language to a customer who writes in that one."
            ),
            messages,
        )
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        ml.addWidget(hint)
        self.placeholders = PlaceholderButtons(messages, shop_region=ctx.shop_region)
        self.placeholders.chosen.connect(self.insert_placeholder)
        ml.addWidget(self.placeholders)
        self._last_edit: QPlainTextEdit | None = None  # the message the owner last typed in
        self.message_tabs = tabs = QTabWidget(messages)
        for state in MESSAGE_STATES:
            # A tab's previews can be long (a template in two languages, twice on Cancelled): it scrolls.
            scroll = QScrollArea(tabs)
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            page = QWidget(scroll)
            pl = QFormLayout(page)
            edit = BoundedTextEdit(page)
            other = BoundedTextEdit(page)
            other.setPlaceholderText(
                self.tr(
                    "Optional. Sent instead to a customer who writes in another language than the "
                    "message above, e.g. the same words in Korean."
                )
            )
            other.setMaximumHeight(90)
            edit.setMaximumHeight(130)  # the template and its preview below stay in sight
            combo = QComboBox(page)
            if state == PAID_TOGETHER:
                about = QLabel(
                    self.tr(
                        "Sent once when one bank transfer paid several orders of a customer: {number} "
                        "is every order number, {total} what they sent. Outside the 24-hour window it "
                        "needs an approved template with three values: {{1}} the name, {{2}} the order "
                        "numbers, {{3}} the total. With none chosen, the Paid template goes if it has "
                        "those three."
                    ),
                    page,
                )
                about.setObjectName("paidTogetherNote")
                about.setWordWrap(True)
                about.setAlignment(TOP_LEFT)
                about.setTextFormat(Qt.TextFormat.PlainText)
                pl.addRow(about)
            pl.addRow(self.tr("&Message"), edit)
            pl.addRow(self.tr("In another &language"), other)
            pl.addRow(self.tr("&Template outside the window"), combo)
            pl.addRow(self._preview_label(state, page))
            if state == OrderState.CANCELLED:
                refund = QComboBox(page)
                refund.setObjectName("refundTemplate")
                pl.addRow(self.tr("… for a paid order (re&fund)"), refund)
                pl.addRow(self._preview_label(CANCELLED_REFUND, page))
                refund_note = QLabel(
                    self.tr(
                        "Inside the 24-hour window the cancel of a paid order says the money comes back "
                        "and asks where to. Outside it only a template can go: this one, with {{1}} the "
                        "name, {{2}} the order number and {{3}} the amount to refund, goes instead of "
                        "the one above. With none chosen, the customer is not told of the refund, and "
                        "you are warned before you cancel."
                    ),
                    page,
                )
                refund_note.setWordWrap(True)
                refund_note.setAlignment(TOP_LEFT)
                refund_note.setTextFormat(Qt.TextFormat.PlainText)
                pl.addRow(refund_note)
                self.template_choice[CANCELLED_REFUND] = refund
            if state == RETURN_MESSAGE:
                return_note = QLabel(
                    self.tr(
                        "Outside the 24-hour window a return that refunds part of an order goes as the "
                        "template above, with {{1}} the name, {{2}} the order number and {{3}} the amount "
                        "this return refunds. A return of the whole order goes as the Cancelled tab's "
                        "refund template when one is chosen. An exchange has no template: tell the "
                        "customer by phone, or once they write again."
                    ),
                    page,
                )
                return_note.setObjectName("returnTemplateNote")
                return_note.setWordWrap(True)
                return_note.setAlignment(TOP_LEFT)
                return_note.setTextFormat(Qt.TextFormat.PlainText)
                pl.addRow(return_note)
            scroll.setWidget(page)
            tabs.addTab(scroll, self.message_title(state))
            self.messages[state] = edit
            self.other_messages[state] = other
            for e in (edit, other):
                e.installEventFilter(self)  # which one the owner is in: see insert_placeholder
            self.template_choice[state] = combo
        ml.addWidget(tabs)

        for key, choice in self.template_choice.items():
            choice.currentIndexChanged.connect(lambda _i, step=key: self.show_preview(step))
        # The account and the deadline are values of the payment templates: shown as typed.
        self.bank.textChanged.connect(self.show_previews)
        self.days.valueChanged.connect(self.show_previews)

        self.pages = outer = QTabWidget(self)
        outer.addTab(general, self.tr("Shipping and &payment"))
        outer.addTab(messages, self.tr("Messa&ges"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {problem_colour()}")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # Until the stored settings arrive, Save would write defaults over them.
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        # Ctrl+S saves, as in the greeting's editor: Enter in a message's text starts a new line,
        # and Save had no other key.
        save_with_keys(self, self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(outer, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._load()

    def _preview_label(self, step: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName("templatePreview")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # a template's words are never markup
        label.setAlignment(TOP_LEFT)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setStyleSheet(f"color: {muted_colour()}")
        label.hide()
        self.template_previews[step] = label
        return label

    def show_previews(self) -> None:
        for step in self.template_previews:
            self.show_preview(step)

    def show_preview(self, step: str) -> None:
        """Under the step's list: its chosen template filled with a sample order's values, as that
        step sends it, so a template made for another step reads wrong before it is ever sent."""
        label = self.template_previews[step]
        versions = self.versions(str(self.template_choice[step].currentData() or ""))
        if not versions:
            label.hide()
            label.clear()
            return
        due = payment_deadline(utcnow(), self.days.value(), None)

        def preview(template: Template) -> str:
            return template_preview(
                step,
                template,
                bank_account=" ".join(self.bank.text().split()),
                currency=self.ctx.currency,  # the orders'
                deadline_for=lambda language: customer_day(due, language),
            )

        if len(versions) == 1:
            label.setText(self.tr("A customer reads, for a sample order:\n{0}").format(preview(versions[0])))
        else:
            # Every language the template goes in, the shop's first: each customer gets their own.
            each = "\n\n".join(f"{language_name(t.language)}:\n{preview(t)}" for t in versions)
            label.setText(
                self.tr(
                    "Each customer gets the version in the language they write, and anyone else the {0} "
                    "one. For a sample order:\n{1}"
                ).format(language_name(versions[0].language), each)
            )
        label.show()

    def versions(self, name: str) -> list[Template]:
        """The approved languages of the template called `name`, the owner's first (what a customer
        who writes none of the others gets): as an order's message picks them."""
        return named_versions(name, self.templates, ui_language())

    def message_title(self, state: str) -> str:
        """The tab of a message: its step's name, or what the messages of no step of their own are."""
        if state == REMINDER:
            return self.tr("Payment reminder")
        if state == PAID_TOGETHER:
            return self.tr("Paid, several orders")
        if state == RETURN_MESSAGE:
            return self.tr("Return")
        return state_name(state)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, QPlainTextEdit):
            self._last_edit = watched
        return super().eventFilter(watched, event)

    def insert_placeholder(self, placeholder: str) -> None:
        """Put `placeholder` at the cursor of the message being edited: the one last typed in on the
        tab shown, else the tab's own message."""
        state = MESSAGE_STATES[self.message_tabs.currentIndex()]
        on_tab = (self.messages[state], self.other_messages[state])
        edit = self._last_edit if self._last_edit in on_tab else self.messages[state]
        assert edit is not None
        edit.insertPlainText(shown_order_fields(placeholder))
        edit.setFocus()

    def _load(self) -> None:
        db = self.ctx.db

        def work() -> tuple[OrderSettings, list[Template]]:
            return read_order_settings(db), approved_templates(db, None)

        Op(work, parent=self).success(lambda r: self.show_settings(*r)).failure(self._failed).run()
        sync = self.ctx.sync
        if sync is not None:
            # The copy kept from the last fetch shows at once; the relay's list follows (a new
            # shop, or the demo, has kept none yet: its templates would never be offered here).
            fetch = sync.templates
            fetched = Op(lambda: approved_templates(db, fetch), parent=self).success(self._show_fetched)
            fetched.failure(
                lambda exc: log.warning("order settings: templates not read (%s)", type(exc).__name__)
            )
            fetched.run()

    def _show_fetched(self, templates: list[Template]) -> None:
        """The relay's templates in each step's list, the owner's choice kept (what she had not
        touched stays unchanged for the question on closing)."""
        self._fetched = templates
        if self._shown is None or _names(templates) == _names(self.templates):
            return  # not shown yet (show_settings takes it), or nothing new
        untouched = self._typed() == self._shown
        chosen = {
            state: str(self.template_choice[state].currentData() or self.settings.templates.get(state, ""))
            for state in TEMPLATE_KEYS
        }
        self.templates = templates
        self._fill_templates(chosen)
        if untouched:
            self._shown = self._typed()

    def _surcharge_label(self, area: str) -> str:
        """The area's field label with its own Alt letter (an "&" of its name written "&&")."""
        labels = {
            REMOTE: self.tr("&Remote-area surcharge"),
            GB_HIGHLANDS: self.tr("Surcharge: &Highlands && Islands"),
            GB_NORTHERN_IRELAND: self.tr("Surcharge: &Northern Ireland"),
            GB_OFFSHORE: self.tr("Surcharge: &Offshore islands"),
            US_ALASKA_HAWAII: self.tr("Surcharge: &Alaska && Hawaii"),
            US_TERRITORIES: self.tr("Surcharge: US &territories"),
        }
        # An area a later version knows: named, without a letter of its own.
        return labels.get(area) or self.tr("Surcharge: {0}").format(as_label(surcharge_title(area)))

    def _failed(self, exc: BaseException) -> None:
        self.problem.setText(failure_sentence(exc))
        self.problem.show()

    def show_settings(self, settings: OrderSettings, templates: list[Template]) -> None:
        self.settings, self.templates = settings, templates if self._fetched is None else self._fetched
        self.save_button.setEnabled(True)
        # As they were entered, in their own currency: never re-read in the shop's new one.
        self.amounts_currency = currency = settings.currency
        self.shipping.setText(amount_for_editing(settings.shipping_minor, currency))
        for area, field in self.surcharges.items():
            field.setText(amount_for_editing(surcharge_for(settings, area), currency))
        self.free_over.setText(amount_for_editing(settings.free_over_minor, currency))
        shop = self.ctx.currency.upper()
        if currency != shop:
            note = self.tr(
                "These amounts were set in {0}, before your shop's currency became {1}, and stay "
                "in {0}: orders in {1} are charged none of them. Type the amounts in {1} and "
                "save to charge them on orders in {1}."
            )
            self.currency_note.setText(with_particles(note.format(currency, shop)))
        self.currency_note.setVisible(currency != shop)
        self.days.setValue(settings.payment_days)
        self.bank.setText(settings.bank_account)
        language = ui_language()
        defaults = default_messages(language, self.ctx.shop_region)
        # A message saved in a default's words (the former ones too) is shown as the default now reads.
        written = own_messages(settings).messages
        for state in MESSAGE_STATES:
            # Placeholders in the owner's words ("{주문 번호}"), saved back as the stable ones.
            self.messages[state].setPlainText(
                shown_order_fields(written.get(state) or defaults.get(state, ""))
            )
            self.other_messages[state].setPlainText(
                shown_order_fields(settings.messages_other_language.get(state, ""))
            )
        self._fill_templates(settings.templates)
        self._shown = self._typed()

    def _fill_templates(self, chosen: Mapping[str, str]) -> None:
        """Each step's list of the approved templates that fit it, by name with every language it
        goes in (a customer gets hers), `chosen` selected."""
        names = list(dict.fromkeys(t.name for t in self.templates))
        offered = [versions for name in names if (versions := self.versions(name))]
        for state in TEMPLATE_KEYS:
            combo = self.template_choice[state]
            combo.clear()
            combo.addItem(self.tr("None"), "")
            for versions in offered:
                first = versions[0]
                if not template_fits(state, first):
                    continue  # more places than the step has values (Meta would refuse it), or for
                    # several orders no place for every number and the total
                languages = ", ".join(language_name(t.language) for t in versions)
                combo.addItem(f"{first.name} ({languages} · {first.category.lower()})", first.name)
            index = combo.findData(chosen.get(state, ""))
            combo.setCurrentIndex(max(0, index))

    def _typed(self) -> tuple[object, ...]:
        """Everything the owner can change in the dialog, as it now reads."""
        return (
            self.shipping.text(),
            *(field.text() for field in self.surcharges.values()),
            self.free_over.text(),
            self.days.value(),
            self.bank.text(),
            *(self.messages[state].toPlainText() for state in MESSAGE_STATES),
            *(self.other_messages[state].toPlainText() for state in MESSAGE_STATES),
            *(self.template_choice[state].currentData() for state in TEMPLATE_KEYS),
        )

    def has_unsaved_edits(self) -> bool:
        return self._shown is not None and self._typed() != self._shown

    def reject(self) -> None:
        """Cancel, Esc and the title bar's close: changes typed and not saved are saved, dropped or
        kept as the owner says (Cancel closed without a word, a new account number lost)."""
        if self._saving:
            return  # Save closes it once stored; a refused save keeps it open and says why

        def save_then(_then: object) -> bool:
            self.save()  # closes the dialog once stored; a refusal says why and keeps it open
            return True

        leave_edits(
            self,
            self.tr("Save the changes to the order settings?"),
            dirty=self.has_unsaved_edits(),
            save_then=save_then,
            then=super().reject,
        )

    def _amount_typed(self, typed: QLineEdit) -> None:
        """The owner types an amount while they are in the shop's old currency: all three are now
        in the shop's, and the two not typed yet are emptied rather than read as the new currency
        (3,000 won is not 3,000 dollars)."""
        shop = self.ctx.currency.upper()
        if self.amounts_currency == shop:
            return
        self.amounts_currency = shop
        for field in self.money_previews:
            if field is not typed:
                field.clear()
            self.money_previews[field].update_text()
        self.currency_note.setText(
            self.tr("The amounts are now in {0}: type each one (an empty one is not charged).").format(shop)
        )

    def _written_messages(self) -> dict[str, str]:
        """The messages the owner wrote: one still as the default shows it stays the default (kept
        empty), so it goes in each customer's language and follows the app's own wording."""
        defaults = default_messages(ui_language(), self.ctx.shop_region)
        written = {}
        for state in MESSAGE_STATES:
            text = stored_order_fields(self.messages[state].toPlainText().strip())
            if text != defaults.get(state, "").strip():
                written[state] = text
        return written

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return  # not loaded yet, or already saving
        currency = self.amounts_currency
        try:
            typed = {area: amount_to_minor(f.text() or "0", currency) for area, f in self.surcharges.items()}
            # The other areas' amounts (a country the shop was in before) stay as they were.
            others = {**self.settings.area_surcharges, **{a: v for a, v in typed.items() if a != REMOTE}}
            settings = self.settings.replace(
                shipping_minor=amount_to_minor(self.shipping.text() or "0", currency),
                remote_surcharge_minor=typed.get(REMOTE, self.settings.remote_surcharge_minor),
                area_surcharges=others,
                free_over_minor=amount_to_minor(self.free_over.text() or "0", currency),
                currency=currency,
                payment_days=self.days.value(),
                bank_account=" ".join(self.bank.text().split()),
                messages=self._written_messages(),
                messages_other_language={
                    state: stored_order_fields(text)
                    for state in MESSAGE_STATES
                    if (text := self.other_messages[state].toPlainText().strip())
                },
                templates={
                    state: str(self.template_choice[state].currentData() or "") for state in TEMPLATE_KEYS
                },
            )
        except ShopInboxError as exc:
            self.problem.setText(failure_sentence(exc))
            self.problem.show()
            return
        db = self.ctx.db

        def saved(changes: Changes) -> None:
            self._saving = False
            self.ctx.publish(changes)
            if changes.automations:
                self._send_account_to_relay()
            self.accept()

        def refused(exc: BaseException) -> None:
            self._saving = False
            self.pages.setEnabled(True)
            self.save_button.setEnabled(True)  # what was typed stays, to try again
            self._failed(exc)

        self.save_button.setEnabled(False)
        # The fields Save took are held until it ends: a change typed meanwhile was not part of it,
        # and was gone when the dialog closed (as Settings holds its own).
        self._saving = True
        self.pages.setEnabled(False)

        Op(lambda: store_order_settings(db, settings), parent=self).success(saved).failure(refused).run()

    def _send_account_to_relay(self) -> None:
        """The bank account changed: the bot's answers that give it ({bank}) reach the relay with the
        new one now (without a relay, once it answers: the sync engine pushes on connecting)."""
        push_automations_now(self.ctx, "the new bank account")
