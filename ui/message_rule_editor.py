"""What the greeting and away editors share: on/off, a message with fields, recipients, the live preview."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QVBoxLayout

from app.automations_store import SyncStatus
from app.away_status import relay_copy
from app.bank_field import as_written
from app.errors import ShopInboxError
from app.rules import next_opening
from app.wire import TEXT_MAX, Automations
from ui.automation_dialog import AutomationDialog
from ui.automation_forms import FieldButtons, RecipientsPicker
from ui.bounded_text import BoundedTextEdit
from ui.field_tokens import shown_fields, stored_fields, unknown_fields
from ui.formatting import business_number_text
from ui.korean_particles import with_particles
from ui.reply_preview import RelayRuns, ReplyPreview
from ui.time_zones import with_shop_zone

log = logging.getLogger(__name__)

OPENING = "{opening}"  # when the shop next opens: app.rules.opening_field
SHOP = "{shop}"  # the business profile's name: app.rules.replies_for_inbound


class MessageRuleEditor(AutomationDialog):
    """An automatic message's editor; a subclass names it and adds its own rows with `add_rows`."""

    def labels(self) -> tuple[str, str, str]:
        """(window title, "send it" check box, example message) in the owner's language."""
        raise NotImplementedError

    def add_rows(self, form: QFormLayout) -> None:
        """Rows between the message and the recipients (days of silence, schedule…)."""

    def build(self) -> None:
        title, switch, self.example = self.labels()
        self.setWindowTitle(title)
        self.enabled = QCheckBox(switch)
        # Its fields in the owner's words, as the owner reads and types them ("{고객 이름}").
        self.example = shown_fields(self.example)
        self.text = BoundedTextEdit()
        # Marked as an example: the grey text alone read as the message itself, and Save then
        # refused the box as empty.
        self.text.setPlaceholderText(self.tr("For example: {example}").format(example=self.example))
        self.text.setMinimumHeight(70)
        self.text.setMaximumHeight(120)
        # The same message in a second language, for customers who write in another one.
        self.other_text = BoundedTextEdit()
        self.other_text.setObjectName("otherLanguageText")
        self.other_text.setPlaceholderText(
            self.tr(
                "Optional. Sent instead to customers who write in another language than the message "
                "above, e.g. the same words in Korean."
            )
        )
        self.other_text.setMinimumHeight(50)
        self.other_text.setMaximumHeight(90)
        self.recipients = RecipientsPicker(self.ctx)
        self.preview = ReplyPreview(self.ctx)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow(self.tr("&Message"), self.text)
        form.addRow(self.tr("In another &language"), self.other_text)
        fields = ("{name}", "{first_name}", SHOP, OPENING)
        form.addRow("", FieldButtons(self.text, self.other_text, fields=fields, in_owner_words=True))

        def note(name: str, text: str = "") -> QLabel:
            """A plain sentence under the field buttons, shown only when it applies."""
            label = QLabel(text)
            label.setObjectName(name)
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.hide()
            form.addRow("", label)
            return label

        self.opening_note = note(
            "openingNote",
            self.tr(
                "Your business hours never open the shop, so “Next opening” stays empty. "
                "Set your opening days in Business hours."
            ),
        )
        # {shop} is the business profile's name, which a new shop has not given yet: the example
        # greeting then reached customers as "김민지님, 에 연락 주셔서 감사해요!".
        self.shop_note = note(
            "shopNameNote",
            self.tr(
                "Your shop has no name yet, so “Shop name” stays empty. Give it one in "
                "Shop ▸ Business profile."
            ),
        )
        # A field typed by hand and misspelt ("{고객명}") reaches the customer as typed: said here.
        self.field_note = note("unknownFieldNote")
        # A shop with two numbers (two branches): the one message answers on both.
        self.numbers_note = note("numbersNote")
        self.add_rows(form)
        send_to = QLabel(self.tr("Send &to"))
        send_to.setBuddy(self.recipients.mode)  # Alt+T to the choice, the picker's first field
        form.addRow(send_to, self.recipients)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        # A window made taller keeps its rows together, the room below them: spread between them,
        # the radio buttons of the schedule drifted a line apart from one another.
        layout.addStretch(1)
        self.enabled.toggled.connect(self._example_when_switched_on)
        # The example just put in is selected for typing over; the owner's next move is a click in
        # the box, which dropped that selection, and what she typed went after the example: "…곧 답장
        # 드릴게요.메시지 감사합니다!…" saved twice over. That first click keeps it selected.
        self._example_selected = False
        self.text.textChanged.connect(self._example_typed_over)
        self.text.viewport().installEventFilter(self)
        signals = (self.enabled.toggled, self.text.textChanged, self.other_text.textChanged)
        for signal in (*signals, self.recipients.changed):
            signal.connect(self.edited)

    def _example_when_switched_on(self, on: bool) -> None:
        """Switched on with no message: the example becomes the message, as real text the owner can
        keep or change; it is selected, so typing replaces it."""
        if not on or self._loading or self.text.toPlainText().strip():
            return
        self.text.setPlainText(self.example)
        self.text.selectAll()
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
        self._example_selected = True

    def _example_typed_over(self) -> None:
        if self.text.toPlainText() != self.example:
            self._example_selected = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The first click in the message box while the example the switch put in is still whole
        and selected keeps it selected, as a browser's address bar does, so what is typed next
        replaces it; the next click places the cursor as usual."""
        kinds = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease)
        if not self._example_selected or watched is not self.text.viewport() or event.type() not in kinds:
            return super().eventFilter(watched, event)
        cursor = self.text.textCursor()
        end = self.text.document().characterCount() - 1  # in UTF-16 units, as the cursor counts
        whole = cursor.selectionStart() == 0 and cursor.selectionEnd() == end
        if event.type() == QEvent.Type.MouseButtonRelease or not whole:
            self._example_selected = False  # this click was the first: the next one is the box's own
            return whole
        self.text.setFocus(Qt.FocusReason.MouseFocusReason)
        return True

    def show_message(self, text: str, other: str) -> None:
        """The stored message and its other language, their fields in the owner's words."""
        self.text.setPlainText(shown_fields(text))
        self.other_text.setPlainText(shown_fields(other))

    def message(self) -> tuple[str, str]:
        """The message and its other language as they are stored: each field as its stable word
        ("{first_name}"), which the relay and older copies of the app fill (ui/field_tokens.py)."""
        return (
            stored_fields(self.text.toPlainText().strip()),
            stored_fields(self.other_text.toPlainText().strip()),
        )

    def message_problem(self) -> str:
        text, other = self.message()
        if self.enabled.isChecked() and not text:
            return self.tr("Write the message, or switch it off.")
        if max(len(text), len(other)) > TEXT_MAX:
            return self.tr("A message can be at most {0} characters.").format(TEXT_MAX)
        return ""

    def problem(self) -> str:
        return self.message_problem()

    def switched_off(self) -> bool:
        return not self.enabled.isChecked()

    def show_preview(self, doc: Automations) -> None:
        """The preview of `doc`, naming the shop's numbers when it has two or more."""
        self.preview.numbers = tuple(
            business_number_text(n, self.ctx.shop_region) for n in self.state.business_numbers
        )
        self.preview.show_for(doc, self.relay_runs())

    def refresh_summary(self, doc: Automations) -> None:
        self.show_preview(doc)
        texts = self.message()  # the stable words, however the owner spelled the field
        # {opening} is empty while the shop is open: said when the hours never open it, or when this
        # message goes out in open hours too (an away message "at all hours": "…부터 답변드릴게요"
        # then lost its date).
        used = any(OPENING in t for t in texts)
        never_opens = (
            next_opening(with_shop_zone(doc, self.ctx.shop_region).business_hours, self.preview.clock())
            is None
        )
        if never_opens:
            self.opening_note.setText(
                self.tr(
                    "Your business hours never open the shop, so “Next opening” stays empty. "
                    "Set your opening days in Business hours."
                )
            )
        elif self.sent_while_open(doc):
            self.opening_note.setText(
                self.tr(
                    "This message also goes out while the shop is open, and then “Next opening” is empty: "
                    "write the sentence so that it reads well without it."
                )
            )
        self.opening_note.setVisible(used and (never_opens or self.sent_while_open(doc)))
        self.shop_note.setVisible(any(SHOP in t for t in texts) and not doc.profile.name.strip())
        unknown = list(dict.fromkeys(word for t in texts for word in unknown_fields(t)))
        if unknown:
            self.field_note.setText(
                with_particles(
                    self.tr(
                        "No field fills “{0}”: customers get it as written. Put fields in with the "
                        "buttons above."
                    ).format("”, “".join(unknown[:3]))
                )
            )
        self.field_note.setVisible(bool(unknown))
        numbers = self.state.business_numbers
        if numbers:
            written = ", ".join(business_number_text(n, self.ctx.shop_region) for n in numbers)
            self.numbers_note.setText(
                self.tr(
                    "Customers of all your numbers ({0}) get this same message, from the number they "
                    "wrote to: one who writes to two of them gets it in each chat. Write it so it fits "
                    "every branch (one message per number is not possible yet)."
                ).format(written)
            )
        self.numbers_note.setVisible(bool(numbers))

    def sent_while_open(self, doc: Automations) -> bool:
        """Whether this message may go out in business hours, when {opening} is empty."""
        return False

    def relay_runs(self) -> RelayRuns | None:
        """While a change waits for the relay or was refused: the rules it runs meanwhile, for the
        preview (it showed the rules here, which customers did not get); None while it runs these,
        a save is on its way (it lands within the second, or the banner says it is sending), or its
        copy is not known here."""
        state = self.state
        status = state.status
        if self._sending or status not in (SyncStatus.PENDING, SyncStatus.REFUSED):
            return None
        refused = status is SyncStatus.REFUSED
        if state.relay_has_none:
            return RelayRuns(Automations(), refused=refused, has_none=True)
        theirs = relay_copy(state)
        return None if theirs is None else RelayRuns(as_written(theirs), refused=refused)

    def _show_state(self) -> None:
        """The preview follows what the relay runs: a change that lands, waits or is refused."""
        super()._show_state()
        if self.loaded:
            try:
                doc = self.apply(self.state.doc)
            except ShopInboxError:
                return  # a field the form cannot take as it is: the preview waits for the next edit
            self.show_preview(doc)
