"""An order's moves as its buttons name them, and the questions asked before a move or a close."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from app.order_back import BACK_DAYS
from app.orders import OrderState, TrackingDoubt
from app.shipping_sheets import AddressGap
from ui.confirm import confirm
from ui.korean_particles import with_particles
from ui.order_text import refund_left_out_sentence

translate = QCoreApplication.translate


def move_label(state: OrderState) -> str:
    """The button that moves an order to `state`."""
    return {
        OrderState.AWAITING_PAYMENT: translate("OrderWindow", "Ask for payment"),
        OrderState.PAID: translate("OrderWindow", "Mark paid"),
        OrderState.SHIPPED: translate("OrderWindow", "Mark shipped"),
        OrderState.DONE: translate("OrderWindow", "Mark done"),
        OrderState.CANCELLED: translate("OrderWindow", "Cancel order"),
        OrderState.NEW: translate("OrderWindow", "Back to new"),
    }[state]


def move_button_text(state: OrderState) -> str:
    """`move_label` with its Alt letter, for the order window's buttons (each letter once in the
    row with "Change items…" and "Payment reminder…", and apart from the Note's N and the Payment's
    Y under them)."""
    return {
        OrderState.AWAITING_PAYMENT: translate("OrderWindow", "Ask &for payment"),
        OrderState.PAID: translate("OrderWindow", "Mark &paid"),
        OrderState.SHIPPED: translate("OrderWindow", "Mark &shipped"),
        OrderState.DONE: translate("OrderWindow", "Mark &done"),
        OrderState.CANCELLED: translate("OrderWindow", "Cance&l order"),
        OrderState.NEW: translate("OrderWindow", "&Back to new"),
    }[state]


def unsent_move_label(state: OrderState) -> str:
    """The button that makes a move whose message to the customer cannot go, without it."""
    return {
        OrderState.AWAITING_PAYMENT: translate("OrderWindow", "Mark as awaiting payment &without sending"),
        OrderState.PAID: translate("OrderWindow", "Mark paid &without sending"),
        OrderState.SHIPPED: translate("OrderWindow", "Mark shipped &without sending"),
        OrderState.DONE: translate("OrderWindow", "Mark done &without sending"),
        OrderState.CANCELLED: translate("OrderWindow", "Cancel order &without sending"),
    }.get(state, translate("OrderWindow", "Move &without sending"))


def confirm_cancel(
    parent: QWidget,
    number: str | None,
    paid: str = "",
    *,
    refund_untold: bool = False,
    never_wrote: bool = False,
    carried_from: str = "",
) -> bool:
    """Ask before order `number` is cancelled (moving it back takes its items from stock again, and
    only for `BACK_DAYS`); "No" (keep it) is the default.
    `paid`: the amount the customer transferred for it ("90,000원"), which she is to get back: the app
    moves no money, the owner does. `refund_untold`: her message cannot say so (outside the 24-hour
    window, no refund template), said here, before the owner decides; `never_wrote`: the window is
    closed because she has sent no message at all. `carried_from`: the number of the order whose
    payment an exchange carried to this one (part or all of `paid`)."""
    question = (
        translate("OrderWindow", "Cancel order {0}? It can be moved back for {1} days.").format(
            number, BACK_DAYS
        )
        if number
        else translate("OrderWindow", "Cancel this order? It can be moved back for {0} days.").format(
            BACK_DAYS
        )
    )
    if paid:
        question += "\n\n" + translate(
            "OrderWindow", "The customer paid {0} for it: transfer it back to her yourself."
        ).format(paid)
        if carried_from:
            question += " " + translate(
                "OrderWindow", "(It includes what she paid for order {0} that the exchange carried here.)"
            ).format(carried_from)
        if refund_untold:
            question += "\n\n" + refund_left_out_sentence(paid, never_wrote=never_wrote)
    return confirm(
        parent,
        translate("OrderWindow", "Cancel order"),
        with_particles(question),  # "주문 2026-0007을 취소할까요?": the particle after the number
        translate("OrderWindow", "Ca&ncel order"),
        # A "Cancel" button would read as cancelling the order, the opposite of keeping it.
        keep=translate("OrderWindow", "&Keep order"),
    )


def confirm_no_address(parent: QWidget, number: str | None, gaps: tuple[AddressGap, ...]) -> bool:
    """Ask before an order with no address (or postcode) is marked shipped: no courier can deliver
    it, and the customer is told it is on its way. "No" (go back and fill it in) is the default."""
    if set(gaps) == {AddressGap.ADDRESS, AddressGap.POSTCODE}:
        missing = translate("OrderWindow", "Order {0} has no address or postcode.")
    elif AddressGap.ADDRESS in gaps:
        missing = translate("OrderWindow", "Order {0} has no address.")
    else:
        missing = translate("OrderWindow", "Order {0} has no postcode.")
    question = (
        missing.format(number or "")
        + " "
        + translate("OrderWindow", "A courier cannot deliver a parcel without it.")
        + "\n\n"
        + translate("OrderWindow", "Mark it shipped anyway?")
    )
    return confirm(parent, move_label(OrderState.SHIPPED), question, move_button_text(OrderState.SHIPPED))


def confirm_tracking(parent: QWidget, doubt: TrackingDoubt) -> bool:
    """Ask before a tracking number unlike its courier's is saved (the customer's link would lead
    nowhere); "No" (correct it) is the default."""
    lengths = [str(n) for n in doubt.lengths]
    if doubt.excel or not lengths:
        question = translate(
            "OrderWindow",
            "{number} is a number Excel changed into a short form: its last digits are lost. "
            "Copy the tracking number from the courier's original file.\n\nSave it anyway?",
        ).format(number=doubt.number)
        question = with_particles(question)
    else:
        digits = (
            translate("OrderWindow", "{0} or {1}").format(", ".join(lengths[:-1]), lengths[-1])
            if len(lengths) > 1
            else lengths[0]
        )
        question = translate(
            "OrderWindow",
            "{courier} tracking numbers have {digits} digits. "
            "Please check the number you typed ({number}).\n\nSave it anyway?",
        ).format(courier=doubt.courier, digits=digits, number=doubt.number)
    return confirm(
        parent,
        translate("OrderWindow", "Tracking number"),
        question,
        translate("OrderWindow", "&Save anyway"),
    )


def confirm_close_unsent(parent: QWidget, customer: str | None) -> bool:
    """True when the owner closes the order window without sending the prepared message to
    `customer` (the move is made, and she was not told); the default keeps the window open with the
    message, as Esc there does. Esc here closed the window and dropped the bank details the customer
    was waiting for, unsaid."""
    text = (
        translate("OrderWindow", "The message to {0} has not been sent. Close without sending it?").format(
            customer
        )
        if customer
        else translate(
            "OrderWindow", "The message to the customer has not been sent. Close without sending it?"
        )
    )
    box = QMessageBox(
        QMessageBox.Icon.Question, translate("OrderWindow", "Message not sent"), text, parent=parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)  # the customer's profile name is hers, not markup
    close = box.addButton(QMessageBox.StandardButton.Discard)
    close.setText(translate("OrderWindow", "&Close without sending"))
    keep = box.addButton(QMessageBox.StandardButton.Cancel)
    keep.setText(translate("OrderWindow", "&Back to the message"))
    for button in (close, keep):  # the style's bin and red cross would mark "Back" as a danger
        button.setIcon(QIcon())
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is close
