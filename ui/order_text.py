"""Orders in the owner's words: state names, event lines and line summaries (plain text)."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QObject

from app.carts import CartCard
from app.order_queries import OrderCard, OrderSummary
from app.orders import BOARD_STATES, MOVES, OrderState, item_quantity
from app.shipping_sheets import AddressGap, LeftOut
from ui.formatting import business_number_text
from ui.korean_particles import with_particles
from ui.placeholder_buttons import placeholder_label
from ui.translations import ui_language

translate = QCoreApplication.translate


class _Counts(QObject):
    """Counts with plural forms. lupdate reads a plural's count only from `self.tr`, never from
    `QCoreApplication.translate`: there "%Ln item(s)" reached no English plural and read "2 item(s)"."""

    def items(self, n: int) -> str:
        return self.tr("%Ln item(s)", "", n)

    def more_items(self, n: int) -> str:
        return self.tr("+%Ln more item(s)", "", n)


@lru_cache(maxsize=1)
def counts() -> _Counts:
    return _Counts()


def state_names() -> dict[str, str]:
    """Each OrderState value as the board's column title says it."""
    return {
        "new": translate("Orders", "New"),
        "awaiting_payment": translate("Orders", "Awaiting payment"),
        "paid": translate("Orders", "Paid"),
        "shipped": translate("Orders", "Shipped"),
        "done": translate("Orders", "Done"),
        "cancelled": translate("Orders", "Cancelled"),
    }


def bank_missing_sentence() -> str:
    """Said where a message asking for a transfer is shown while the shop's account is not set."""
    return translate(
        "OrderText",
        "Your bank account is not set in Shop ▸ Order settings, so this message does not say where to "
        "transfer the money.",
    )


def goes_from_sentence(number: str | None, shop_region: str) -> str:
    """Above an order's message in a shop with two numbers: which of them it goes from (the
    `OrderMessage.goes_from`), as the chat's header writes it; "" in a one-number shop."""
    if not number:
        return ""
    return translate("OrderText", "Goes from your number {0}.").format(
        business_number_text(number, shop_region)
    )


def blank_values_sentence(names: tuple[str, ...]) -> str:
    """Said where a template cannot go because this order has none of some of its values (the
    tracking number of an order shipped without one): WhatsApp refuses an empty value."""
    named = ", ".join(f"“{placeholder_label(name)}”" for name in names)
    sentence = translate(
        "OrderText",
        "The template needs {0}, which this order does not have, and WhatsApp refuses a template with "
        "an empty value: add it to the order, or tell the customer by phone (copy the text below).",
    )
    return with_particles(sentence.format(named))


def refund_left_out_sentence(amount: str, *, never_wrote: bool = False) -> str:
    """Said before a paid order is cancelled (and with its message) when the customer's 24-hour window
    is closed and no refund template is chosen: she will not read that `amount` comes back.
    `never_wrote`: she has sent no message at all (her window never opened)."""
    if never_wrote:
        sentence = translate(
            "OrderText",
            "The customer will not be told that the {0} she paid comes back: she has not written to "
            "you on WhatsApp yet, so WhatsApp lets only an approved template through, and none is "
            "chosen for the refund. Choose one in Shop ▸ Order settings (Cancelled tab), or call her, "
            "or tell her when she writes.",
        )
    else:
        sentence = translate(
            "OrderText",
            "The customer will not be told that the {0} she paid comes back: she last wrote more than 24 "
            "hours ago, so WhatsApp lets only an approved template through, and none is chosen for the "
            "refund. Choose one in Shop ▸ Order settings (Cancelled tab), or call her, or tell her when "
            "she next writes.",
        )
    return with_particles(sentence.format(amount))  # "45,000원을", not "45,000원을(를)"


def missing_words(gaps: tuple[AddressGap, ...]) -> str:
    """What an order's address lacks, as a short note beside the order: "no address"."""
    if set(gaps) == {AddressGap.ADDRESS, AddressGap.POSTCODE}:
        return translate("OrderText", "no address or postcode")
    if AddressGap.ADDRESS in gaps:
        return translate("OrderText", "no address")
    return translate("OrderText", "no postcode")


def left_out_line(order: LeftOut) -> str:
    """An order left out of the courier sheet, named so the owner can find it: "2026-0007 · 김민지: no
    address"."""
    return translate("OrderText", "{number} · {customer}: {missing}").format(
        number=order.number, customer=order.customer, missing=missing_words(order.gaps)
    )


def state_name(state: str) -> str:
    return state_names().get(state, state)


def move_refusal(from_state: OrderState, to_state: OrderState) -> str:
    """Why a card dragged from `from_state` cannot be dropped on `to_state` (as app.orders.MOVES
    says), for the board's status line: a refused drop said nothing before."""
    if from_state is OrderState.DONE:  # an earlier column takes it back (ui.order_board.goes_back)
        return translate("OrderText", "A done order cannot be cancelled: record a return instead.")
    if from_state is OrderState.CANCELLED:
        return translate("OrderText", "A cancelled order cannot be marked done.")
    steps = [state for state in BOARD_STATES if state in MOVES[from_state]]
    sentence = translate("OrderText", "An order in “{0}” cannot go to “{1}”; it can go to: {2}.")
    # "“배송 중”으로", as the board's other lines say a step, not "“배송 중”(으)로"
    return with_particles(
        sentence.format(
            state_name(from_state), state_name(to_state), ", ".join(state_name(state) for state in steps)
        )
    )


def money(minor: int, currency: str) -> str:
    """'58,000원' or '₩58,000' in the UI's locale (babel, through app/money.py)."""
    from ui.formatting import babel_locale_name

    return _money(minor, currency, babel_locale_name())


def total_texts(summary: OrderSummary) -> tuple[str, ...]:
    """An order's money on the board, longest first: its total, and where part of it was paid on
    another order (an exchange's new order) what is left to pay, so the card and the table do not
    ask for the whole total again; where a return refunded part of it, what was refunded. A narrow
    card shows the first that fits."""
    total = money(summary.total_minor, summary.currency)
    left = summary.left_to_pay_minor
    if left is None:
        return refund_texts(summary) or (total,)
    due = money(left, summary.currency)
    return (
        translate("OrderText", "{0} · left to pay {1}").format(total, due),
        translate("OrderText", "{0} · {1} left").format(total, due),
        translate("OrderText", "Left to pay {0}").format(due),
        # The shortest, for a card that keeps its payment deadline beside it ("잔금 80,000원 3일 5시간").
        translate("OrderText", "{0} due").format(due),
    )


def refund_texts(summary: OrderSummary) -> tuple[str, ...]:
    """An order a return refunded (part or all of), longest first: "£45.95 · £30.00 refunded", else
    "£30.00 refunded" — the total alone read as if she had kept everything. () for none."""
    refunded = summary.refunded_minor
    if refunded <= 0:
        return ()
    total = money(summary.total_minor, summary.currency)
    if refunded >= summary.total_minor:
        return (
            translate("OrderText", "{0} · refunded in full").format(total),
            translate("OrderText", "{0} refunded").format(total),
        )
    back = money(refunded, summary.currency)
    return (
        translate("OrderText", "{0} · {1} refunded").format(total, back),
        translate("OrderText", "{0} refunded").format(back),
    )


@lru_cache(maxsize=4096)
def _money(minor: int, currency: str, locale: str) -> str:
    # A board repaints the same few totals over and over; babel takes ~0.1 ms for each.
    from app.money import format_price

    return format_price(minor, currency, locale)


NO_BREAK = "\u00a0"


def cart_text(card: OrderCard | CartCard, note: str) -> str:
    """The cart as plain text inside its bubble: one line per item with its total, then the total.

    An item reads as the orders table and the order messages write it (`item_quantity`: "린넨 셔츠
    2개", "Linen shirt ×2"), then what the line comes to and, for more than one, the price of each:
    "린넨 셔츠 2개   58,000원 (개당 29,000원)". A no-break space keeps the quantity with the name's
    last word and "개당" / "each" with its price, so a narrow bubble wraps only between the parts
    ("15,000원 × 2 = 30,000원" wrapped as "15,000원 ×" over "2 = 30,000원")."""
    language = ui_language()
    more = counts().more_items(card.more)
    rows = []
    for line in card.lines:
        name = f"{line.name} · {line.option}" if line.option else line.name
        named = item_quantity(name, line.quantity, language, space=NO_BREAK)
        if not line.known:
            named = translate("Orders", "{0} (not in catalogue)").format(named)
        price = money(line.total_minor, card.currency)
        if line.quantity > 1 and line.total_minor % line.quantity == 0:
            # The price of one beside what they come to: "58,000원" alone read as the price of one.
            each = money(line.total_minor // line.quantity, card.currency)
            said = translate("Orders", "{0} each", "the price of one item of a cart's line").format(each)
            price += f" ({said.replace(' ', NO_BREAK)})"
        rows.append(f"{named}   {price}")
    if card.more:
        rows.append(more)
    rows.append(translate("Orders", "Total {0}").format(money(card.total_minor, card.currency)))
    if note:
        rows.append("")
        rows.append(note)
    return "\n".join(rows)
