"""The order window's message to its customer: prepared by a move, shown, edited, then sent or dropped."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import relay_clock
from app.changes import Changes
from app.order_actions import note_message_not_sent, send_order_messages
from app.order_messages import (
    EXCHANGE_MESSAGE,
    RETURN_MESSAGE,
    OrderMessage,
    PreparedMessage,
    message_for_order,
)
from app.order_notices import why_not_told
from app.order_queries import OrderDetail
from app.orders import OrderState
from ui.bounded_text import BoundedTextEdit
from ui.campaign_message import language_name
from ui.context import AppContext
from ui.formatting import babel_locale_name, business_number_text, customer_day
from ui.korean_particles import with_particles
from ui.ops import Op
from ui.order_moves import unsent_move_label
from ui.order_text import (
    bank_missing_sentence,
    blank_values_sentence,
    goes_from_sentence,
    refund_left_out_sentence,
)
from ui.translations import ui_language

translate = QCoreApplication.translate  # its sentences are the order window's ("OrderWindow" in the .ts)


class OrderMessagePane(QWidget):
    """The order window's box for the customer's message: hidden until a move prepares one.

    The window owns it (`OrderWindow.message`), tells it the order as last shown (`detail`), and
    shows or hides it when asked (`open_requested` / `close_requested`), growing or shrinking itself.
    """

    sent = Signal(int, object)  # order id, contact id (or None): the message went
    failed = Signal(object)  # an op's exception, for the window to say
    number_saved = Signal(int)  # contact id: the customer's number was added
    open_requested = Signal()
    close_requested = Signal()

    def __init__(self, ctx: AppContext, order_id: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.order_id = order_id
        self.detail: OrderDetail | None = None  # the order as the window last showed it
        self.setObjectName("orderMessage")
        self.how = QLabel(self)
        self.how.setWordWrap(True)
        self.how.setTextFormat(Qt.TextFormat.PlainText)
        self.edit = BoundedTextEdit(self)
        self.edit.setMaximumHeight(130)
        # Three lines where the order's lines and totals need the height; the rest scrolls.
        lines = 3 * self.edit.fontMetrics().lineSpacing() + 2 * self.edit.frameWidth() + 8
        self.edit.setMinimumHeight(lines)
        self.send_button = QPushButton(translate("OrderWindow", "Send to custo&mer"), self)
        self.send_button.setObjectName("sendOrderMessage")
        self.skip_button = QPushButton(translate("OrderWindow", "Don'&t send"), self)
        self.skip_button.setObjectName("skipOrderMessage")
        self.send_button.clicked.connect(self.send)
        self.skip_button.clicked.connect(self.skip)
        # A customer from a phone export has no number: WhatsApp cannot send until it is added.
        self.add_number_button = QPushButton(translate("OrderWindow", "Add p&hone number…"), self)
        self.add_number_button.setObjectName("addPhoneNumber")
        self.add_number_button.clicked.connect(self.ask_for_number)
        self.add_number_button.hide()
        self._reminder = False  # what the message last prepared is: prepared again once a number is added
        self._returned = False
        self._lead = ""  # why the message shown is offered (an order's new amount), or nothing
        # The field whose Enter took the step the message tells of (the tracking number): its
        # typing is done, so it gives the keyboard to Send as a button would.
        self._typed_in: QWidget | None = None
        # Shown instead of Send when a move was held because its message cannot go: the owner makes
        # the move without it (she asked by phone), or Cancel leaves the order as it is.
        self.unsent_button = QPushButton(self)
        self.unsent_button.setObjectName("moveWithoutMessage")
        self.unsent_button.hide()
        # Shown when the order moved elsewhere while its message waited: her text, to copy.
        self.copy_button = QPushButton(translate("OrderWindow", "Copy my te&xt"), self)
        self.copy_button.setObjectName("copyOrderMessage")
        self.copy_button.clicked.connect(self.copy_text)
        self.copy_button.hide()
        # The move held (its state, courier and tracking as typed), until the owner chooses.
        self.held: tuple[OrderState, str | None, str | None] | None = None
        self.held_reason = ""  # why the held move's message cannot go (a NotToldReason value)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        box.addWidget(QLabel(translate("OrderWindow", "Message to the customer"), self))
        box.addWidget(self.how)
        box.addWidget(self.edit)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.copy_button)
        row.addWidget(self.skip_button)
        row.addWidget(self.add_number_button)
        row.addWidget(self.unsent_button)
        row.addWidget(self.send_button)
        box.addLayout(row)
        self.hide()
        self.prepared: OrderMessage | None = None
        # The prepare whose message is shown when it comes (0: none). A newer prepare, a move of the
        # order or the box put to another use meanwhile drops it: on a busy laptop a "payment
        # confirmed" asked for before a move back came up after it, with Send.
        self._asked = 0
        self._awaited = 0

    def prepare(
        self,
        *,
        reminder: bool = False,
        lead: str = "",
        returned: bool = False,
        typed_in: QWidget | None = None,
    ) -> None:
        """Prepare the message for the order's state (or its payment reminder; `returned`: its latest
        return or exchange) and show it; nothing goes until Send. `lead`: why it is offered, said
        before how it would go. `typed_in`: the field whose typing made the step (Send takes the
        keyboard from it)."""
        self._lead = lead
        self._typed_in = typed_in
        work = self.message_work(reminder=reminder, returned=returned)
        self._asked += 1
        asked = self._awaited = self._asked
        Op(work, parent=self).success(lambda message: self._prepared(asked, message)).failure(
            self.failed.emit
        ).run()

    def _prepared(self, asked: int, message: OrderMessage | None) -> None:
        if asked == self._awaited:
            self._awaited = 0
            self.show_message(message)

    def order_moved(self) -> None:
        """The order moved (here or elsewhere): a message still being prepared was for the step it
        left, and never comes up. The owner never saw it, so nothing is said of it either."""
        self._awaited = 0

    def prepare_again(self) -> None:
        """The message shown, prepared anew from the order as it now is (its new amount)."""
        if not self.isHidden() and self.held is None and self.prepared is not None:
            self.prepare(reminder=self._reminder, lead=self._lead, returned=self._returned)

    def message_work(
        self,
        *,
        reminder: bool = False,
        moving_to: OrderState | None = None,
        courier: str | None = None,
        tracking: str | None = None,
        returned: bool = False,
    ) -> Callable[[], OrderMessage | None]:
        """A read (for an op's thread) of the order's message, in the languages of this moment."""
        db, order_id = self.ctx.db, self.order_id
        language = ui_language()
        locale = babel_locale_name()
        self._reminder = reminder
        self._returned = returned

        # A lambda, handed on: it runs on the op's thread that calls it.
        return lambda: message_for_order(
            db,
            order_id,
            language=language,
            locale=locale,
            format_time=customer_day,
            now=relay_clock.now(),  # the 24-hour window is WhatsApp's clock
            reminder=reminder,
            moving_to=moving_to,
            courier=courier,
            tracking=tracking,
            returned=returned,
        )

    def _message_mode(self, held: tuple[OrderState, str | None, str | None] | None) -> None:
        """The message's buttons: Send and Don't send, or (a held move) the move without it and Cancel."""
        self.held = held
        self.copy_button.hide()
        self.send_button.setVisible(held is None)
        self.unsent_button.setVisible(held is not None)
        if held is None:
            self.skip_button.setText(translate("OrderWindow", "Don'&t send"))
            return
        self.unsent_button.setText(unsent_move_label(held[0]))
        # "Cancel" beside "Cancel order without sending" would read as cancelling the order.
        self.skip_button.setText(
            translate("OrderWindow", "&Keep the order")
            if held[0] is OrderState.CANCELLED
            else translate("OrderWindow", "Cancel")
        )

    def show_held_move(
        self, state: OrderState, courier: str | None, tracking: str | None, message: OrderMessage
    ) -> None:
        """A move not made, as its message cannot go: why, the message that would have gone, and the
        owner's two ways on (move without it, or leave the order as it is)."""
        self._awaited = 0
        self.prepared = None
        self._message_mode((state, courier, tracking))
        why = why_not_told(message)
        self.held_reason = why.value if why is not None else ""
        self.edit.show()  # (hidden while a customer without a number was being asked for one)
        self.add_number_button.hide()
        prepared = message.prepared
        self.edit.setPlainText(prepared.text)
        self.edit.setReadOnly(True)
        unchanged = translate("OrderWindow", "Nothing has changed yet: the order keeps its status.")
        how = self._how_it_goes(prepared) + " " + unchanged
        self.how.setText(with_particles(how))
        self.open_requested.emit()
        self.unsent_button.setFocus()

    def show_message(self, message: OrderMessage | None) -> None:
        self.prepared = message
        self._message_mode(None)
        detail = self.detail
        if message is None and detail is not None and detail.contact_id is not None and not detail.wa_id:
            self._show_number_needed(detail.customer)
            return
        if message is None:
            self.close_requested.emit()
            return
        self.edit.show()
        self.send_button.show()
        self.add_number_button.hide()
        prepared = message.prepared
        self.edit.setPlainText(prepared.text)
        how = self._how_it_goes(prepared)
        if message.sends_from is not None:
            # The chat's number's window with her is closed, the other number's open: it goes from that.
            how = translate(
                "OrderWindow",
                "The customer wrote to your number {0} within 24 hours (not to this chat's number): this "
                "goes from it as a normal message. Edit it as you like.",
            ).format(business_number_text(message.sends_from.number, self.ctx.shop_region))
            if prepared.bank_missing:
                how += " " + bank_missing_sentence()
                how += " " + translate("OrderWindow", "Add it there, or type it in the message.")
        elif number := goes_from_sentence(message.goes_from, self.ctx.shop_region):
            how += " " + number  # a shop with two numbers: from the chat's, as its header says
        self.how.setText(with_particles(f"{self._lead} {how}" if self._lead else how))
        self.edit.setReadOnly(not prepared.inside_window)
        self.send_button.setEnabled(prepared.sendable)
        if not prepared.sendable:
            # Nothing can go now: the words are there to tell her another way.
            self.copy_button.setText(translate("OrderWindow", "Copy te&xt"))
            self.copy_button.show()
        self.open_requested.emit()
        # Offered after a move or "Payment reminder…" pressed from the keyboard: Send is the next
        # step (Shift+Tab reaches the text); a field the owner is typing in keeps the focus.
        focus = self.window().focusWidget()
        typed_in, self._typed_in = self._typed_in, None
        if prepared.sendable and (focus is None or isinstance(focus, QAbstractButton) or focus is typed_in):
            self.send_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _how_it_goes(self, prepared: PreparedMessage) -> str:
        """How the message would go (a message or a template), or why it cannot."""
        if prepared.inside_window:
            how = translate(
                "OrderWindow",
                "The customer wrote within 24 hours: this goes as a normal message. Edit it as you like.",
            )
        elif prepared.template is not None:
            # Which language's version goes: the customer's when the shop has it approved, else the
            # shop's (app.order_messages.step_template); the name alone did not say which.
            language = language_name(prepared.template.language)
            if prepared.never_wrote:
                how = translate(
                    "OrderWindow", "The customer has not written yet: this goes as the template “{0}” ({1})."
                ).format(prepared.template.name, language)
            else:
                how = translate(
                    "OrderWindow",
                    "More than 24 hours since the customer wrote: this goes as the template “{0}” ({1}).",
                ).format(prepared.template.name, language)
            if prepared.counts_against_limit:
                how += " " + translate(
                    "OrderWindow",
                    "Meta files it as {0}, not utility: it is paid and counts toward your messaging limit.",
                ).format(prepared.template.category.lower())
        elif prepared.state == EXCHANGE_MESSAGE:
            how = translate(
                "OrderWindow",
                "More than 24 hours since the customer wrote, so WhatsApp takes only an approved template, "
                "and an exchange has none. The exchange is recorded: tell the customer by phone (copy the "
                "text below), or send it once they write again.",
            )
        elif prepared.state == RETURN_MESSAGE:
            how = translate(
                "OrderWindow",
                "More than 24 hours since the customer wrote, so WhatsApp takes only an approved template, "
                "and none is chosen for a return in Shop ▸ Order settings ▸ Return (it tells of the refund: "
                "a return that refunds nothing has none). The return is recorded: tell the customer by "
                "phone (copy the text below), or send it once they write again.",
            )
        elif prepared.unfit_template and prepared.never_wrote:
            how = translate(
                "OrderWindow",
                "The customer has not written yet, and the template “{0}” chosen for this step has more "
                "values than the step fills, so WhatsApp would refuse it. Choose another in Shop ▸ Order "
                "settings.",
            ).format(prepared.unfit_template)
        elif prepared.unfit_template:
            how = translate(
                "OrderWindow",
                "More than 24 hours since the customer wrote, and the template “{0}” chosen for this step "
                "has more values than the step fills, so WhatsApp would refuse it. Choose another in "
                "Shop ▸ Order settings.",
            ).format(prepared.unfit_template)
        elif prepared.never_wrote:
            how = translate(
                "OrderWindow",
                "The customer has not written yet, and no approved template is chosen for this step, so "
                "nothing can be sent now. Choose one in Shop ▸ Order settings.",
            )
        else:
            how = translate(
                "OrderWindow",
                "More than 24 hours since the customer wrote, and no approved template is chosen for this "
                "step, so nothing can be sent now. Choose one in Shop ▸ Order settings.",
            )
        if prepared.template is not None and prepared.counts_against_limit:
            how += " " + translate(
                "OrderWindow",
                "Meta files it as {0}, not utility: it is paid and counts toward your messaging limit.",
            ).format(prepared.template.category.lower())
        if prepared.refund_left_out and prepared.template is not None:
            # The cancel template goes, without the refund line. (With nothing to send, the
            # sentence above says it all: the cancel question said the rest.)
            how += " " + refund_left_out_sentence(prepared.refund, never_wrote=prepared.never_wrote)
        if prepared.blank_values and prepared.template is not None:
            how += " " + blank_values_sentence(prepared.blank_values)
        if prepared.bank_missing:
            how += " " + bank_missing_sentence()
            if prepared.inside_window:
                how += " " + translate("OrderWindow", "Add it there, or type it in the message.")
        return how

    def _show_number_needed(self, name: str) -> None:
        """The move's message cannot go: said where it would be shown, with the way to add the number."""
        self.how.setText(
            translate(
                "OrderWindow",
                "{0} has no phone number in this inbox (the chat came from a phone export), so WhatsApp "
                "cannot send them this order's message. Add their number to send it; the order is kept "
                "either way.",
            ).format(name or translate("OrderWindow", "This customer"))
        )
        self.edit.hide()
        self.send_button.hide()
        self.add_number_button.show()
        self.open_requested.emit()

    def ask_for_number(self) -> None:
        """Ask for the customer's number (ui/phone_number_prompt.py); once saved, the message is prepared."""
        detail = self.detail
        if detail is None or detail.contact_id is None:
            return
        from ui.phone_number_prompt import ask_for_phone_number

        reminder, returned = self._reminder, self._returned

        def saved(contact_id: int) -> None:
            self.ctx.publish(Changes.for_contacts({contact_id}, messages=False))
            self.number_saved.emit(contact_id)  # the window's customer line shows the number now

        ask_for_phone_number(
            self,
            self.ctx,
            detail.contact_id,
            detail.customer,
            lambda: self.prepare(reminder=reminder, returned=returned),
            saved,
        )

    def send(self) -> None:
        message, detail = self.prepared, self.detail
        if message is None or detail is None:
            return
        text, db = self.edit.toPlainText(), self.ctx.db

        def done(changes: Changes) -> None:
            self.discard()
            self.ctx.publish(changes)
            if self.ctx.sync is not None:
                self.ctx.sync.wake_sender()
            self.sent.emit(detail.id, message.contact_id)

        Op(lambda: send_order_messages(db, [message], text), parent=self).success(done).failure(
            self.failed.emit
        ).run()

    def showing_text(self) -> bool:
        """A message (or a held move's) is shown in the box, not the request for a number."""
        return (
            not self.isHidden()
            and not self.edit.isHidden()
            and (self.prepared is not None or self.held is not None)
        )

    def show_dropped(self, state: str, *, back: bool = False, here: bool = False) -> None:
        """The order moved to `state` elsewhere while its message waited (`back`: moved back there, a
        slip put back on the board; `here`: moved back by this window's own button): nothing goes,
        and the box says why, keeping the text she may have edited to copy, until she closes it."""
        self._awaited = 0
        self._message_mode(None)
        self.prepared = None
        self.send_button.hide()
        self.add_number_button.hide()
        self.copy_button.setText(translate("OrderWindow", "Copy my te&xt"))
        self.copy_button.show()
        self.skip_button.setText(translate("OrderWindow", "Close"))
        self.edit.setReadOnly(True)
        why = (
            translate(
                "OrderWindow",
                "The order was moved back to {0}, so this message was not sent. Your text is kept below "
                "to copy.",
            )
            if back and here
            else translate(
                "OrderWindow",
                "The order was moved back to {0} meanwhile, so this message was not sent. Your text is "
                "kept below to copy.",
            )
            if back
            else translate(
                "OrderWindow",
                "The order moved to {0} meanwhile (bank file or another window), so this message was "
                "not sent. Your text is kept below to copy.",
            )
        )
        self.how.setText(with_particles(why.format(state)))
        self.open_requested.emit()

    def copy_text(self) -> None:
        QApplication.clipboard().setText(self.edit.toPlainText())
        self.copy_button.setText(translate("OrderWindow", "Copied"))

    def skip(self) -> None:
        """Don't send (or the window closed without it): the message is dropped, and the history of
        the step or return it was about says the customer was not told. A held move's Cancel, or a
        message the order has left behind, notes nothing: nothing happened to tell."""
        message = self.prepared if self.held is None else None
        if message is not None:
            db = self.ctx.db
            Op(lambda: note_message_not_sent(db, message), parent=self).success(self.ctx.publish).failure(
                self.failed.emit
            ).run()
        self.discard()

    def discard(self) -> None:
        """Don't send, or Cancel of a held move: nothing goes, and the order stays as it is."""
        self._awaited = 0
        self._message_mode(None)
        self.prepared = None
        self.close_requested.emit()
