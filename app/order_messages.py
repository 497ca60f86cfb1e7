"""The message an order move prepares for the customer: free text in the 24-hour window, else a template."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import replace as dataclasses_replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from app.graphemes import cut_to
from app.money import format_price
from app.order_queries import OrderDetail
from app.order_returns import RETURNED, carried_to
from app.order_settings import OrderSettings
from app.orders import OrderState, item_quantity, move_note
from app.queries import has_written
from app.rules import RECENT_WORDS, TYPED_KINDS, text_for, writing_script, zone
from app.surcharge_areas import area_name
from app.template_versions import version_named
from app.transfer_names import transfers_named
from app.wire import SERVICE_WINDOW, Template

if TYPE_CHECKING:
    from app.db import Database
    from app.sending import Outgoing
    from app.service_window import NumberWindow

# Tracking pages of the couriers Korean shops use most, then of those British and American shops and
# shops sending abroad use; {tracking} is the number.
COURIER_TRACKING = {
    "CJ대한통운": "https://trace.cjlogistics.com/next/tracking.html?wblNo={tracking}",
    "우체국택배": "https://service.epost.go.kr/trace.RetrieveDomRigiTraceList.comm?sid1={tracking}",
    "한진택배": "https://www.hanjin.com/kor/CMS/DeliveryMgr/WaybillResult.do?mCode=MN038&wblnum={tracking}",
    "롯데택배": "https://www.lotteglogis.com/home/reservation/tracking/linkView?InvNo={tracking}",
    "로젠택배": "https://www.ilogen.com/web/personal/trace/{tracking}",
    "Royal Mail": "https://www.royalmail.com/track-your-item#/tracking-results/{tracking}",
    "USPS": "https://tools.usps.com/go/TrackConfirmAction?tLabels={tracking}",
    "UPS": "https://www.ups.com/track?tracknum={tracking}",
    "FedEx": "https://www.fedex.com/fedextrack/?trknbr={tracking}",
    "DHL": "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id={tracking}",
}
# The couriers a shop's country uses most, offered first (the first is the one a shipped order gets
# unless the owner picks another): a shop in London was offered CJ대한통운, and its English message
# told the customer "Courier: CJ대한통운". A country not named here starts with the international ones.
HOME_COURIERS: dict[str, tuple[str, ...]] = {
    "KR": ("CJ대한통운", "우체국택배", "한진택배", "롯데택배", "로젠택배"),
    "GB": ("Royal Mail", "DHL", "UPS", "FedEx"),
    "US": ("USPS", "UPS", "FedEx", "DHL"),
}
INTERNATIONAL_COURIERS = ("DHL", "UPS", "FedEx")


def couriers_for(shop_region: str) -> tuple[str, ...]:
    """Every courier whose tracking page a message can link, the shop's country's first."""
    first = HOME_COURIERS.get(shop_region.upper(), INTERNATIONAL_COURIERS)
    return first + tuple(name for name in COURIER_TRACKING if name not in first)


# The reminder an order awaiting payment can send before its deadline (a message key, not a state).
REMINDER = "reminder"
# One bank transfer that paid several of a customer's orders: one "payment confirmed" message for all
# of them, {number} their numbers (joined as the message's language lists things) and {total} the sum
# (a message key, not a state: the orders are Paid).
PAID_TOGETHER = "paid_together"
# Outside the 24 hours, the message for several orders goes as a template with exactly these values,
# {{1}} {{2}} {{3}}: who, every order number, the total. One with fewer places would drop numbers or
# the sum, one with more would be refused by Meta for the values left blank.
SEVERAL_ORDERS_VALUES = ("name", "number", "total")

# What a payment request adds when the order has no delivery address yet (the customer sends the
# order from a cart or a chat, rarely with her address): asked in the same message, so the address
# arrives with the transfer, not after the owner has the parcel in hand. Only with the default
# words: the owner's own message goes as she wrote it.
ADDRESS_REQUEST = {
    "ko": "받으실 분 성함, 연락처, 배송 주소도 함께 알려 주세요.",
    "en": "Please also send us the name, phone number and address to deliver to.",
}
ADDRESS_WORDS = ("주소", "address")
# What the cancel message adds for an order she had paid: the money is coming back, and where to.
# Only with the default words, as above.
REFUND_PROMISE = {
    "ko": "입금해 주신 {total}은 환불해 드리겠습니다. 환불받으실 계좌를 알려 주세요.",
    "en": "The {total} you paid will be refunded: please send us the bank account to refund it to.",
}

# Outside the 24 hours the refund line cannot ride on a free-form message: the cancel of an order she
# had paid goes as the template the owner chose for it under this key (a message key, not a state),
# with BASIC_VALUES: who, which order, and {{3}} the amount to refund. Without one, the Cancelled
# template goes without the refund line, and the owner is told so before she cancels.
CANCELLED_REFUND = "cancelled_refund"

# The messages of a return and of an exchange (message keys, not states: the order's history says
# which, `app.order_returns`): {exchange} is the new order's number. The refund and the difference to
# pay are lines of their own, added when there is one. Outside the 24 hours a return that refunds
# something goes as the template the owner chose under RETURN_MESSAGE, with BASIC_VALUES ({{3}} what
# this return refunds), or, for a return of the whole order, as the CANCELLED_REFUND one when chosen;
# an exchange has no template.
RETURN_MESSAGE = "returned"
EXCHANGE_MESSAGE = "exchanged"
# What an exchange's message adds when the replacement costs more: the new order asks for it.
# Under an exchange's new order's amount to pay: what her first order's payment already paid of it
# (paid, never called a discount: it is her money).
CARRIED_PAID = {
    "ko": "원래 주문 {number}에서 옮긴 결제: {amount} (결제 금액에서 뺐습니다)",
    "en": "Paid on order {number}: {amount} (taken off the amount to pay)",
}


def carried_line(language: str, number: str, amount: str) -> str:
    """The line that tells a customer what her first order's payment paid of her exchange's order."""
    return fill(CARRIED_PAID.get(language, CARRIED_PAID["en"]), {"number": number, "amount": amount})


# Under the amount to pay of an order charged a surcharge: which area it is for and how much of the
# amount it is, so a customer in Belfast sees why the total is £7.50 more than the items and postage.
SURCHARGE_INCLUDED = {
    "ko": "{area} 추가 배송비 {amount} 포함",
    "en": "Includes a {amount} delivery surcharge for {area}",
}


def surcharge_line(language: str, area: str, amount: str) -> str:
    """The line that tells a customer what part of her amount to pay is the surcharge, and for where."""
    said = SURCHARGE_INCLUDED.get(language, SURCHARGE_INCLUDED["en"])
    return fill(said, {"area": area_name(area, "ko" if language == "ko" else "en"), "amount": amount})


DUE_PROMISE = {
    "ko": "교환 상품과의 차액 {due}의 입금 안내는 따로 보내드리겠습니다.",
    "en": "We will send you the details to pay the difference of {due} for the new item.",
}


def refund_line(language: str, amount: str) -> str:
    """The line that tells a customer her money is coming back (a paid order cancelled, goods
    returned): the amount, and the question where to send it."""
    return fill(REFUND_PROMISE.get(language, REFUND_PROMISE["en"]), {"total": amount})


def last_return(events: Sequence[Any]) -> dict[str, Any] | None:
    """The facts of the order's latest return or exchange (`app.order_returns`), or None."""
    from app.orders import move_note

    for event in reversed(events):
        if event.kind == RETURNED:
            return move_note(event.note)
    return None


def _with_money_lines(text: str, came_back: dict[str, Any], language: str, locale: str, currency: str) -> str:
    """A return's message with the same refund line as a paid order's cancel (what this return gives
    back), and an exchange's with the difference its new order asks for."""
    currency = str(came_back.get("currency") or currency)
    if refund := int(came_back.get("refund", 0)):
        text = f"{text.rstrip()}\n{refund_line(language, format_price(refund, currency, locale))}"
    if due := int(came_back.get("due", 0)):
        owed = fill(
            DUE_PROMISE.get(language, DUE_PROMISE["en"]), {"due": format_price(due, currency, locale)}
        )
        text = f"{text.rstrip()}\n{owed}"
    return text


def _after_amount(text: str, amount: str, line: str) -> str:
    """`line` put under the line of `text` that says `amount` (at its end when none does)."""
    rows = text.split("\n")
    at = next((i for i, row in enumerate(rows) if amount in row), len(rows) - 1)
    return "\n".join([*rows[: at + 1], line, *rows[at + 1 :]])


# Defaults in 존댓말 and in English; the owner can replace each in the order settings.
DEFAULT_MESSAGES: dict[str, dict[str, str]] = {
    "ko": {
        OrderState.AWAITING_PAYMENT: (
            "{name}님, 주문해 주셔서 감사합니다.\n주문번호: {number}\n주문 상품: {items}\n"
            "결제 금액: {total}\n입금 계좌: {bank}\n입금자명: {depositor}\n"
            "{deadline}까지 입금해 주시면 바로 준비해 드리겠습니다."
        ),
        OrderState.PAID: (
            "{name}님, 입금 확인되었습니다. 감사합니다!\n"
            "주문번호 {number} 상품을 정성껏 준비해서 보내드리겠습니다."
        ),
        PAID_TOGETHER: (
            "{name}님, 보내주신 {total} 입금 확인되었습니다. 감사합니다!\n"
            "주문번호 {number} 상품을 함께 정성껏 준비해서 보내드리겠습니다."
        ),
        OrderState.SHIPPED: (
            "{name}님, 주문하신 상품이 발송되었습니다.\n주문번호: {number}\n택배사: {courier}\n"
            "송장번호: {tracking}\n배송 조회: {tracking_url}"
        ),
        OrderState.DONE: "{name}님, 상품은 잘 받으셨나요? 이용해 주셔서 감사합니다. 또 찾아 주세요!",
        REMINDER: (
            "{name}님, 주문번호 {number}의 입금 기한은 {deadline}까지입니다.\n결제 금액: {total}\n"
            "입금 계좌: {bank}\n입금자명: {depositor}\n기한이 지나면 주문이 자동으로 취소되니 참고해 주세요."
        ),
        OrderState.CANCELLED: (
            "{name}님, 주문번호 {number} 주문이 취소되었습니다. 궁금하신 점은 언제든 말씀해 주세요."
        ),
        RETURN_MESSAGE: "{name}님, 주문번호 {number} 반품이 접수되었습니다.",
        EXCHANGE_MESSAGE: (
            "{name}님, 주문번호 {number} 교환이 접수되었습니다.\n교환 상품은 새 주문번호 {exchange}로 "
            "준비해서 보내드리겠습니다."
        ),
    },
    "en": {
        OrderState.AWAITING_PAYMENT: (
            "Thank you for your order, {name}!\nOrder: {number}\nItems: {items}\nAmount: {total}\n"
            "Bank account: {bank}\n"
            "Name on the transfer: {depositor}\nPlease transfer by {deadline} and we will get it ready right "
            "away."
        ),
        OrderState.PAID: "Thank you, {name}: your payment arrived. We are preparing order {number} for you.",
        PAID_TOGETHER: (
            "Thank you, {name}: your payment of {total} arrived. We are preparing orders {number} for you."
        ),
        OrderState.SHIPPED: (
            "Good news, {name}: your order {number} is on its way.\nCourier: {courier}\n"
            "Tracking number: {tracking}\n"
            "Track it: {tracking_url}"
        ),
        OrderState.DONE: "Did everything arrive well, {name}? Thank you for shopping with us!",
        REMINDER: (
            "A reminder, {name}: please transfer {total} for order {number} by {deadline}.\n"
            "Bank account: {bank}\nName on the transfer: {depositor}\n"
            "After the deadline the order is cancelled."
        ),
        OrderState.CANCELLED: (
            "{name}, order {number} was cancelled. Write to us any time if you have a question."
        ),
        RETURN_MESSAGE: "{name}, we have recorded the return for order {number}.",
        EXCHANGE_MESSAGE: (
            "{name}, we have recorded the exchange for order {number}.\nThe new item goes to you as "
            "order {exchange}."
        ),
    },
}


# A shop whose country's transfers carry a reference, not the payer's name (app/transfer_names.py),
# asks for that: a British customer told "Name on the transfer" gave her own name, not the order's.
# In Korean as the order window says it to such a shop's owner (입금 참조).
REFERENCE_LINES = {
    "Name on the transfer: {depositor}": "Payment reference: {depositor}",
    "입금자명: {depositor}": "입금 참조: {depositor}",
}


def default_messages(language: str, shop_region: str = "KR") -> dict[str, str]:
    """The default messages in `language` (English when there are none in it) for a shop in
    `shop_region`: a British or American shop's ask for the payment reference, not the payer's name."""
    defaults = DEFAULT_MESSAGES.get(language, DEFAULT_MESSAGES["en"])
    if transfers_named(shop_region):
        return defaults
    referenced = {}
    for key, text in defaults.items():
        for named, reference in REFERENCE_LINES.items():
            text = text.replace(named, reference)
        referenced[key] = text
    return referenced


@dataclass(frozen=True, slots=True)
class PreparedMessage:
    """What the owner sees before anything is sent: the text, and how it would go."""

    state: str
    text: str
    inside_window: bool
    template: Template | None = None  # outside the window: the mapped, approved template
    template_params: tuple[str, ...] = ()
    template_missing: bool = False  # outside the window and no approved template mapped to this state
    # The message asks for a transfer but the order settings hold no bank account: its account line
    # is left out (a template's would be empty), and the owner is told before anything is sent.
    bank_missing: bool = False
    # It tells of several orders one transfer paid (`PAID_TOGETHER`): outside the window only a
    # template with places for every number and the total can carry it (`several_orders_template`).
    several_orders: bool = False
    # The approved template chosen for the step has more places than the step has values (a template
    # made for another step): not sent, and the owner is told to choose another.
    unfit_template: str = ""
    # A cancel of a paid order outside the window with no approved refund template (CANCELLED_REFUND):
    # whatever goes, the customer is not told of the refund; `refund` is the amount she paid.
    refund_left_out: bool = False
    refund: str = ""
    # Outside the window because the customer has sent no message at all, not because her last one
    # is more than 24 hours old: what the owner reads says she has not written yet.
    never_wrote: bool = False
    # The template's values this order has none of (PLACEHOLDERS' names: "tracking", "tracking_url"
    # of an order shipped without a tracking number), the bank account aside (`bank_missing`): Meta
    # refuses a template sent with an empty value, so it is not sent.
    blank_values: tuple[str, ...] = ()

    @property
    def sendable(self) -> bool:
        """Inside the 24 hours anything goes; outside, a template with every value (Meta refuses a
        blank one, such as an account the order settings do not hold)."""
        return self.inside_window or (
            self.template is not None and not self.bank_missing and not self.blank_values
        )

    @property
    def counts_against_limit(self) -> bool:
        """A marketing template outside the window counts in the messaging-limit ledger (and is paid)."""
        return self.template is not None and self.template.category.upper() != "UTILITY"


def tracking_url(courier: str, tracking: str) -> str:
    pattern = COURIER_TRACKING.get(courier.strip())
    return pattern.format(tracking=tracking) if pattern and tracking else ""


# What an order message can name, in the order the settings offer them: each is filled by `placeholders`.
PLACEHOLDERS: tuple[str, ...] = (
    "name",
    "number",
    "items",
    "total",
    "bank",
    "depositor",
    "deadline",
    "courier",
    "tracking",
    "tracking_url",
)


def placeholders(
    order: OrderDetail, settings: OrderSettings, locale: str, deadline_text: str, language: str
) -> dict[str, str]:
    """The value of each of `PLACEHOLDERS` for `order`, for a text written in `language`."""
    return {
        "name": order.customer or "",
        "number": order.number,
        "items": items_line(order, language),
        # What she is asked for: an exchange's new order less what her first order's payment paid.
        "total": format_price(order.due_minor, order.currency, locale),
        "bank": settings.bank_account,
        "depositor": order.depositor_name or order.customer,
        "deadline": deadline_text,
        "courier": order.courier,
        "tracking": order.tracking,
        "tracking_url": tracking_url(order.courier, order.tracking),
    }


ITEMS_LINE_MAX = 1000  # of a message's 4,096 characters: an order of 200 lines is cut, not refused


def items_line(order: OrderDetail, language: str) -> str:
    """What she ordered, as her message in `language` gets it: "제육도시락 2개, 김밥 세트 (참치) 1개",
    "Linen shirt ×2" (`item_quantity`, as the orders table writes it)."""
    text = ", ".join(
        item_quantity(f"{line.name} ({line.option})" if line.option else line.name, line.quantity, language)
        for line in order.lines
    )
    return text if len(text) <= ITEMS_LINE_MAX else cut_to(text, ITEMS_LINE_MAX - 1).rstrip(", ") + "…"


def fill(text: str, values: dict[str, str]) -> str:
    """Replace {placeholders}; an unknown one or a stray brace is left as typed, never an error.

    A line whose every placeholder is empty is left out ("Tracking number: " of an order shipped
    without one), so the customer never reads a label with nothing after it."""
    # One pass over the owner's text: a value is never read again for placeholders, so a customer
    # whose name is "{total}" is greeted by that name, not by her order's amount.
    field = re.compile("|".join(re.escape("{" + key + "}") for key in values)) if values else None
    lines = []
    for line in text.split("\n"):
        named = [key for key in values if "{" + key + "}" in line]
        if named and not any(values[key] for key in named):
            continue
        if named and field is not None:
            line = field.sub(lambda m: values[m.group(0)[1:-1]], line)
        lines.append(line)
    return "\n".join(lines)


# {{1}}… of a step's template, in this order: who, which order, how much, then the step's own values.
TEMPLATE_VALUES: dict[str, tuple[str, ...]] = {
    OrderState.AWAITING_PAYMENT.value: ("name", "number", "total", "bank", "deadline"),
    REMINDER: ("name", "number", "total", "bank", "deadline"),
    OrderState.SHIPPED.value: ("name", "number", "total", "courier", "tracking", "tracking_url"),
}
BASIC_VALUES = ("name", "number", "total")


def template_places(template: Template) -> int:
    """How many values ({{1}}, {{2}}…) the template's body has."""
    return len([p for p in template.parameters if p.component == "body"])


def template_fits(step: str, template: Template) -> bool:
    """The step's message fills every place of the template: Meta refuses a template sent with fewer
    values than it has places. One with fewer places takes the first values."""
    if step == PAID_TOGETHER:
        return can_name_several_orders(template)
    if step in (CANCELLED_REFUND, RETURN_MESSAGE):
        # Its point is the amount: {{3}}. One with fewer places would tell of a refund of nothing.
        return template_places(template) == len(BASIC_VALUES)
    return template_places(template) <= len(TEMPLATE_VALUES.get(step, BASIC_VALUES))


def template_params(step: str, template: Template, values: Mapping[str, str]) -> tuple[str, ...]:
    """The values the step's template goes with, {{1}} first: the step's own (`TEMPLATE_VALUES`;
    who, which order, how much for the others), as many as the template has places."""
    wanted = TEMPLATE_VALUES.get(step, BASIC_VALUES)
    return tuple(values[k] for k in wanted[: template_places(template)])


# The sample order a template is shown with where the owner chooses it for a step (Order settings):
# the customer's name in the template's language, the courier Korean shops use most.
SAMPLE_CUSTOMER = {"ko": "김민지", "en": "Amy Clarke"}
SAMPLE_NUMBERS = ("2026-0001", "2026-0002")  # the second: the one message for several orders
SAMPLE_COURIER, SAMPLE_TRACKING = "CJ대한통운", "685203947716"


def template_preview(
    step: str, template: Template, *, bank_account: str, currency: str, deadline_for: Callable[[str], str]
) -> str:
    """The template as a customer would read it for a sample order at `step`, with the values
    `prepare_message` sends it with (in the template's language): a shipping template chosen for a
    refund reads "송장번호: 42,000원", which the owner sees at once. `deadline_for(language)`: a
    payment deadline written in that language ("ko", "en")."""
    from babel.lists import format_list
    from babel.numbers import get_currency_precision

    from app.locales import babel_locale
    from app.sending import render_template

    spoken = template.language.replace("-", "_").split("_", 1)[0].lower()
    locale = babel_locale(template.language)
    numbers = list(SAMPLE_NUMBERS if step == PAID_TOGETHER else SAMPLE_NUMBERS[:1])
    precision = get_currency_precision(currency.upper())
    each = 42_000 if precision == 0 else 42 * 10**precision  # 42,000원, $42.00
    name = SAMPLE_CUSTOMER.get(spoken, SAMPLE_CUSTOMER["en"])
    values = {
        "name": name,
        "number": format_list(numbers, locale=locale),
        "total": format_price(each * len(numbers), currency, locale),
        "bank": bank_account,
        "depositor": name,
        "deadline": deadline_for(spoken),
        "courier": SAMPLE_COURIER,
        "tracking": SAMPLE_TRACKING,
        "tracking_url": tracking_url(SAMPLE_COURIER, SAMPLE_TRACKING),
    }
    return render_template(template, template_params(step, template, values))


def can_name_several_orders(template: Template) -> bool:
    """The template has a place for each of `SEVERAL_ORDERS_VALUES` in its body, and no other."""
    return template_places(template) == len(SEVERAL_ORDERS_VALUES)


def several_orders_template(
    settings: OrderSettings, templates: Sequence[Template], reads: str | None = None, shop_language: str = ""
) -> Template | None:
    """Outside the window, the approved template for one message about several orders: the one the
    owner chose for it, else the Paid one when it has the places (no new template to ask Meta for);
    None when neither can name every order and the total. Each in the customer's language
    (`step_template`)."""
    for key in (PAID_TOGETHER, OrderState.PAID.value):
        template = step_template(settings, key, templates, reads, shop_language)
        if template is not None and can_name_several_orders(template):
            return template
    return None


def step_template(
    settings: OrderSettings, step: str, templates: Sequence[Template], reads: str | None, shop_language: str
) -> Template | None:
    """The approved template the owner chose for `step` (by name), in the version a customer who
    reads `reads` gets: theirs when that translation is approved, else the shop's language's
    (`app.template_versions.version_named`, as a campaign picks it)."""
    return version_named(settings.templates.get(step, ""), templates, reads, shop_language)


def prepare_message(
    order: OrderDetail,
    settings: OrderSettings,
    *,
    language: str,
    locale: str,
    deadline_text: str,
    last_inbound_at: datetime | None,
    now: datetime,
    templates: list[Template] = [],  # noqa: B006 (read only)
    reminder: bool = False,
    paid_together: bool = False,
    numbers: Sequence[str] = (),
    deadline_for: Callable[[str], str] | None = None,
    returned: bool = False,
    reads: str | None = None,
    shop_language: str = "",
    shop_region: str = "KR",
) -> PreparedMessage | None:
    """The message for the order's current state (or its payment reminder; `returned`: its latest
    return or exchange), or None for a state that tells the customer nothing. `paid_together`:
    `order` stands for several orders one transfer paid (their total; `numbers` theirs), told in one
    message. `deadline_for`: the payment deadline written
    in a language ("ko", "en"), for a template whose language is not the message's.

    Outside the window a step's template goes in the version of the language the customer reads
    (`reads`, `app.template_versions.customer_language`) when the shop has it approved, else in the
    shop's (`shop_language`, the owner's; `language` when not given). A default message is worded
    for the shop's country (`shop_region`, `default_messages`)."""
    shop_language = shop_language or language

    def chosen_for(step: str) -> Template | None:
        return step_template(settings, step, templates, reads, shop_language)

    if reminder and order.state != OrderState.AWAITING_PAYMENT:
        return None
    came_back = last_return(order.events) if returned else None
    if returned and came_back is None:
        return None
    state = REMINDER if reminder else order.state
    if came_back is not None:
        state = EXCHANGE_MESSAGE if came_back.get("exchange") else RETURN_MESSAGE
    several = paid_together and state == OrderState.PAID
    key = PAID_TOGETHER if several else state
    defaults = default_messages(language, shop_region)
    text = settings.messages.get(key) or defaults.get(key)
    if not text:
        return None
    # The owner's own words are in the shop's language, a default in the message's.
    values = placeholders(
        order, settings, locale, deadline_text, shop_language if settings.messages.get(key) else language
    )
    if came_back is not None:
        values["exchange"] = str((came_back.get("exchange") or {}).get("number", ""))
    inside = last_inbound_at is not None and now - last_inbound_at < SERVICE_WINDOW
    carried = carried_to(order.events) if state == OrderState.CANCELLED else 0
    refund_due = state == OrderState.CANCELLED and (was_paid(order) or bool(carried))
    refund_minor = 0
    if carried:
        # An exchange's new order: the refund is what she paid for it and what her first order's
        # payment carried to it, the amount the refund line and the refund template's {{3}} say.
        refund_minor = (order.due_minor if was_paid(order) else 0) + carried
        values["total"] = format_price(refund_minor, order.currency, locale)
    wanted = TEMPLATE_VALUES.get(state, BASIC_VALUES)
    asks_for_bank = "{bank}" in text if inside else "bank" in wanted
    bank_missing = asks_for_bank and not values["bank"].strip()
    if inside:
        filled = fill(text, values)
        if (
            state == OrderState.AWAITING_PAYMENT
            and not settings.messages.get(key)  # her own words are sent as she wrote them
            and not order.ship_to.address.strip()
            and not any(word in filled.casefold() for word in ADDRESS_WORDS)
        ):
            ask = ADDRESS_REQUEST.get(language, ADDRESS_REQUEST["en"])
            filled = f"{filled.rstrip()}\n{ask}"
        if refund_due and not settings.messages.get(key):
            filled = f"{filled.rstrip()}\n{refund_line(language, values['total'])}"
        if (
            state in (OrderState.AWAITING_PAYMENT, REMINDER)
            and order.carried_minor
            and not settings.messages.get(key)
        ):
            paid = carried_line(
                language, order.carried_from, format_price(order.carried_minor, order.currency, locale)
            )
            filled = _after_amount(filled, values["total"], paid)
        if (
            state in (OrderState.AWAITING_PAYMENT, REMINDER)
            and order.surcharge_minor
            and not settings.messages.get(key)
        ):
            area = surcharge_line(
                language, order.surcharge_area, format_price(order.surcharge_minor, order.currency, locale)
            )
            filled = _after_amount(filled, values["total"], area)
        if came_back is not None and not settings.messages.get(key):
            filled = _with_money_lines(filled, came_back, language, locale, order.currency)
        return PreparedMessage(state, filled, True, bank_missing=bank_missing, several_orders=several)
    if several:
        chosen = several_orders_template(settings, templates, reads, shop_language)
        if chosen is None:
            return PreparedMessage(
                state, fill(text, values), False, template_missing=True, several_orders=True
            )
        # The template's words are in its own language: the numbers listed and the sum written in
        # it too ("2026-0008 및 2026-0009", "60,000원" in a Korean one), whoever it goes to.
        from babel.lists import format_list

        from app.locales import babel_locale
        from app.sending import render_template

        spoken = babel_locale(chosen.language)
        listed = format_list(list(numbers), locale=spoken) if numbers else values["number"]
        several_values = (values["name"], listed, format_price(order.due_minor, order.currency, spoken))
        return PreparedMessage(
            state, render_template(chosen, several_values), False, chosen, several_values, several_orders=True
        )
    if came_back is not None and (whole := _whole_return_template(order, came_back, chosen_for)):
        # Every piece back and refunded: the order is cancelled, and the customer hears it as a paid
        # order's cancel outside the window, through the refund template, {{3}} what this return refunds.
        from app.locales import babel_locale
        from app.sending import render_template

        refund_text = format_price(
            int(came_back["refund"]),
            str(came_back.get("currency") or order.currency),
            babel_locale(whole.language),
        )
        whole_params = (values["name"], values["number"], refund_text)
        return PreparedMessage(state, render_template(whole, whole_params), False, whole, whole_params)
    template = chosen_for(state)
    if came_back is not None and not (template is not None and _partial_return_template(came_back, template)):
        # A return's template tells of its refund ({{3}}); an exchange, or a return refunding
        # nothing, has none to go as.
        template = None
    refund_left_out = refund_due
    if refund_due:
        refund_template = chosen_for(CANCELLED_REFUND)
        if refund_template is not None and template_fits(CANCELLED_REFUND, refund_template):
            # One message: the refund template stands for the cancel's, never both.
            template, refund_left_out = refund_template, False
    refund = values["total"] if refund_left_out else ""
    if template is None:
        shown = fill(text, values)
        if came_back is not None and not settings.messages.get(key):  # what she is to hear, by phone
            shown = _with_money_lines(shown, came_back, language, locale, order.currency)
        return PreparedMessage(
            state,
            shown,
            False,
            template_missing=True,
            bank_missing=bank_missing,
            refund_left_out=refund_left_out,
            refund=refund,
        )
    count = template_places(template)
    if not template_fits(state, template):
        # More places than the step has values: Meta would refuse it, with the owner told only then.
        return PreparedMessage(
            state,
            fill(text, values),
            False,
            template_missing=True,
            unfit_template=template.name,
            refund_left_out=refund_left_out,
            refund=refund,
        )
    # The template's words are in its own language: its amount and deadline written in it too
    # ("58,000원" in a Korean one, not the "₩58,000" of the English message it stands for).
    from app.locales import babel_locale

    spoken = template.language.replace("-", "_").split("_", 1)[0].lower()
    deadline = deadline_for(spoken) if deadline_for is not None else deadline_text
    in_its_language = placeholders(order, settings, babel_locale(template.language), deadline, spoken)
    if carried:
        in_its_language["total"] = format_price(refund_minor, order.currency, babel_locale(template.language))
    if came_back is not None:  # the return template's {{3}}: what this return refunds
        in_its_language["total"] = format_price(
            int(came_back["refund"]),
            str(came_back.get("currency") or order.currency),
            babel_locale(template.language),
        )
    params = template_params(state, template, in_its_language)
    from app.sending import render_template

    bank_missing = bank_missing and count > 3  # the template's fourth value is the bank account
    named = TEMPLATE_VALUES.get(state, BASIC_VALUES)[:count]
    blank = tuple(
        key for key, value in zip(named, params, strict=False) if key != "bank" and not value.strip()
    )
    return PreparedMessage(
        state,
        render_template(template, params),
        False,
        template,
        params,
        bank_missing=bank_missing,
        refund_left_out=refund_left_out,
        refund=refund,
        blank_values=blank,
    )


def _whole_return_template(
    order: OrderDetail, came_back: dict[str, Any], chosen_for: Callable[[str], Template | None]
) -> Template | None:
    """The refund template (`CANCELLED_REFUND`) when the latest return cancelled the order with a
    refund, none exchanged: the same message a paid order's cancel sends outside the window."""
    if (
        order.state != OrderState.CANCELLED
        or not int(came_back.get("refund", 0))
        or came_back.get("exchange")
    ):
        return None
    chosen = chosen_for(CANCELLED_REFUND)
    return chosen if chosen is not None and template_fits(CANCELLED_REFUND, chosen) else None


def _partial_return_template(came_back: dict[str, Any], template: Template) -> bool:
    """The return template (`RETURN_MESSAGE`) can tell of this return: it refunds something (its
    {{3}}) and sends nothing instead (an exchange has no template)."""
    return (
        bool(int(came_back.get("refund", 0)))
        and not came_back.get("exchange")
        and template_fits(RETURN_MESSAGE, template)
    )


def was_paid(order: OrderDetail) -> bool:
    """The order was Paid at some point: cancelling it owes the customer a refund. A move to Paid
    that was moved back (a mistake, `app.order_back`) took no money."""
    paid = (event for event in order.events if event.to_state == OrderState.PAID)
    return any(not move_note(event.note).get("undone") for event in paid)


@dataclass(frozen=True, slots=True)
class OrderMessage:
    """A prepared message with the order and chat it belongs to."""

    order_id: int
    number: str
    customer: str
    contact_id: int
    prepared: PreparedMessage
    # The other orders this one message tells of (one transfer paid them all); `number` names them all.
    together: tuple[int, ...] = ()
    # In a shop with two numbers, the other number it goes from: her 24-hour window is closed on the
    # chat's number and open on this one (app/service_window.py). None: from the chat's number.
    sends_from: NumberWindow | None = None
    # In a shop with two numbers, the one it goes from (as people dial it: the webhook's display
    # number), `sends_from`'s or the chat's own; None in a one-number shop, which need not be told.
    goes_from: str | None = None
    # What the owner's list names beside the customer and number: what is left to pay (all the
    # orders' together) and by when, on the shop's clock (`shop_zone`: its business hours' zone,
    # None: this computer's).
    amount_minor: int = 0
    currency: str = ""
    due_at: datetime | None = None
    shop_zone: str | None = None

    @property
    def order_ids(self) -> tuple[int, ...]:
        return (self.order_id, *self.together)


# The English defaults' words before "Depositor name" (Korea's 입금자명, which an English customer did
# not know to be the name her transfer should come under) became "Name on the transfer": still defaults.
FORMER_DEFAULTS = (
    "Thank you for your order, {name}!\nOrder: {number}\nAmount: {total}\nBank account: {bank}\n"
    "Depositor name: {depositor}\nPlease transfer by {deadline} and we will get it ready right away.",
    "A reminder, {name}: please transfer {total} for order {number} by {deadline}.\n"
    "Bank account: {bank}\nDepositor name: {depositor}\nAfter the deadline the order is cancelled.",
)


# The lines the payment request's defaults gained to tell the customer what she ordered.
ITEMS_LINES = ("\n주문 상품: {items}", "\nItems: {items}")


def _without_items(text: str) -> str:
    for line in ITEMS_LINES:
        text = text.replace(line, "")
    return text


def own_messages(settings: OrderSettings) -> OrderSettings:
    """The settings with only the messages the owner wrote: one in a default's very words (an older
    settings dialog saved the defaults it showed, `FORMER_DEFAULTS` too, and a shop's country words
    them its way) is the default again, in each customer's language and as the shop's country
    words it now."""
    defaults = {
        text.strip()
        for language in DEFAULT_MESSAGES
        for region in ("KR", "GB")  # named transfers, and transfers with a reference
        for text in default_messages(language, region).values()
    }
    defaults |= {text.strip() for text in FORMER_DEFAULTS}
    defaults |= {_without_items(text) for text in defaults}  # the defaults before they named the items
    written = {k: v for k, v in settings.messages.items() if v.strip() and v.strip() not in defaults}
    return settings if written == settings.messages else settings.replace(messages=written)


def customer_language(owner_language: str, their_words: Sequence[str]) -> str:
    """The language of the default messages for a customer: Korean for one who writes Korean,
    English for one who writes in other letters (a Korean shop's customers abroad), the owner's
    language when they wrote nothing with letters. Their recent messages together decide, so a
    Korean customer's one "OK" does not turn the next message English."""
    script = writing_script(" ".join(their_words))
    if script is None:
        return owner_language
    wanted = "ko" if script == "hangul" else "en"
    return wanted if wanted in DEFAULT_MESSAGES else owner_language


def message_for_order(
    db: Database,
    order_id: int,
    *,
    language: str,
    locale: str,
    format_time: Callable[[datetime, str, tzinfo | None], str],
    now: datetime,
    reminder: bool = False,
    moving_to: OrderState | None = None,
    courier: str | None = None,
    tracking: str | None = None,
    paid_with: Sequence[int] = (),
    returned: bool = False,
) -> OrderMessage | None:
    """Gather what an order's message needs (settings, the chat's window, approved templates) and
    prepare it; None for a chat nobody can be told in (a group archive, a deleted chat).

    `language` is the owner's; a default message (one the owner did not write in the order settings)
    is in the customer's language instead (`customer_language`), its amount and its deadline (written
    with `format_time(moment, language, zone)`) in that language too, on the shop's clock: `zone` is its
    business hours' time zone (None when it has set none: this computer's clock). A customer reads
    the deadline as the shop's day, whatever the clock of the computer preparing the message.

    `moving_to`: the message the order *would* get once moved there (with the deadline the move
    would set, and the `courier` and `tracking` typed for it), read before the move is made, so a
    move whose message cannot go is not made behind the owner's back. Nothing is written.

    `paid_with`: the customer's other orders the same bank transfer paid: one message tells of them
    all (`PAID_TOGETHER`: every order number, listed as the message's language lists things, and the
    total received).

    Outside the window the step's template goes in the language the customer reads (their words,
    else their number's country: `app.template_versions.customer_language`, as campaigns choose)
    when the shop has that version approved, else in the owner's `language`."""
    from babel.lists import format_list
    from sqlalchemy import select

    from app.automations_store import shop_time_zone
    from app.models import Contact, Message
    from app.order_queries import order_detail
    from app.order_settings import load_order_settings
    from app.sending import approved_templates
    from app.service_window import number_windows, reply_window
    from app.settings import load_preferences
    from app.template_versions import customer_language as template_reader

    with db.read() as s:
        detail = order_detail(s, order_id)
        others = [order_detail(s, other) for other in paid_with if other != order_id]
        numbers = [o.number for o in (detail, *others)]
        if others:
            detail = dataclasses_replace(
                detail,
                total_minor=sum(o.due_minor for o in (detail, *others)),
                carried_minor=0,
                carried_from="",
            )
        settings = load_order_settings(s)
        shop_zone = shop_time_zone(s)
        shop_region = load_preferences(s).shop_region
        if moving_to is not None:
            detail = _as_moved(detail, moving_to, settings, shop_zone, now, courier, tracking)
        contact = s.get(Contact, detail.contact_id) if detail.contact_id is not None else None
        if contact is None or not contact.wa_id:
            return None
        contact_id, last_inbound, wa_id = contact.id, contact.last_inbound_at, contact.wa_id
        never_wrote = last_inbound is None and not has_written(s, contact_id)
        # WhatsApp's window is per business number: the one the message goes from decides, the chat's,
        # or the shop's other number when only hers with it is open (it then goes from that one).
        windows = number_windows(s, contact_id)
        chat_number = contact.phone_number_id
        window_opened, sends_from = reply_window(windows, chat_number, last_inbound, now)
        their_words = list(
            s.scalars(
                select(Message.body)
                .where(
                    Message.contact_id == contact_id,
                    Message.direction == "in",
                    Message.kind.in_(TYPED_KINDS),  # what they typed, not a cart's or a tapped row's words
                    Message.body != "",
                )
                .order_by(Message.sent_at.desc(), Message.id.desc())
                .limit(RECENT_WORDS)
            )
        )
    came_back = last_return(detail.events) if returned else None
    key = (
        REMINDER
        if reminder
        else (EXCHANGE_MESSAGE if came_back.get("exchange") else RETURN_MESSAGE)
        if came_back is not None
        else PAID_TOGETHER
        if others and detail.state == OrderState.PAID
        else detail.state
    )
    owner_language, owner_locale = language, locale
    settings = own_messages(settings)
    written = settings.messages.get(key)
    translated = settings.messages_other_language.get(key, "").strip()
    if translated:
        # The owner gave this message in another language: it goes to a customer who writes in other
        # letters than the message (the owner's, or the default in the owner's language), its
        # deadline written in that language too.
        main = written or default_messages(language, shop_region).get(key, "")
        if text_for(main, translated, " ".join(their_words) or None) == translated != main:
            settings = settings.replace(messages={**settings.messages, key: translated})
            language = customer_language(language, their_words)
    elif not written:
        language = customer_language(language, their_words)
    if language != owner_language:
        # The message is in the customer's language: so is its amount ("Amount: ₩29,000" to a
        # customer who writes English, not the owner's "29,000원").
        locale = language
    if others:
        # "2026-0001 및 2026-0002", "2026-0001 and 2026-0002": one value, so a template's one place
        # for the order number carries them all.
        detail = dataclasses_replace(detail, number=format_list(numbers, locale=locale))
    prepared = prepare_message(
        detail,
        settings,
        language=language,
        locale=locale,
        deadline_text=(
            format_time(detail.payment_due_at, language, zone(shop_zone) if shop_zone else None)
            if detail.payment_due_at
            else ""
        ),
        last_inbound_at=window_opened,
        now=now,
        templates=approved_templates(db, None),
        reminder=reminder,
        returned=returned,
        reads=template_reader(" ".join(their_words) or None, wa_id),
        shop_language=owner_language,
        shop_region=shop_region,
        paid_together=bool(others),
        numbers=numbers if others else (),
        deadline_for=(
            (lambda lang: format_time(due, lang, zone(shop_zone) if shop_zone else None))
            if (due := detail.payment_due_at) is not None
            else None
        ),
    )
    if prepared is None:
        return None
    if never_wrote and not prepared.inside_window:
        prepared = dataclasses_replace(prepared, never_wrote=True)
    together = tuple(o.id for o in others)
    # The owner's list names the orders in her own words ("2026-0010 및 2026-0011"), whatever the
    # customer's message says.
    label = format_list(numbers, locale=owner_locale) if others else detail.number
    if not prepared.inside_window:
        sends_from = None
    goes_from = next((w.number for w in windows if w.phone_number_id == chat_number), None)
    if sends_from is not None:
        goes_from = sends_from.number
    return OrderMessage(
        order_id,
        label,
        detail.customer,
        contact_id,
        prepared,
        together,
        sends_from,
        goes_from,
        amount_minor=detail.due_minor,
        currency=detail.currency,
        due_at=detail.payment_due_at,
        shop_zone=shop_zone,
    )


def _as_moved(
    detail: OrderDetail,
    state: OrderState,
    settings: OrderSettings,
    shop_zone: str | None,
    now: datetime,
    courier: str | None,
    tracking: str | None,
) -> OrderDetail:
    """The order as `move_order` would leave it in `state` (its deadline, courier and tracking)."""
    import dataclasses

    from app.orders import payment_deadline

    due = detail.payment_due_at
    if state is OrderState.AWAITING_PAYMENT:
        due = payment_deadline(now, settings.payment_days, zone(shop_zone) if shop_zone else None)
    return dataclasses.replace(
        detail,
        state=state.value,
        payment_due_at=due,
        courier=detail.courier if courier is None else courier.strip(),
        tracking=detail.tracking if tracking is None else tracking.strip(),
    )


def order_outgoing(message: OrderMessage, text: str | None = None) -> Outgoing:
    """What the outbox sends for it: the (edited) text inside the window, else the template.
    Raises OrderError for a message that cannot go (outside the window, no template)."""
    from app.sending import Outgoing

    p = message.prepared
    if p.inside_window:
        from_number = message.sends_from.phone_number_id if message.sends_from is not None else None
        return Outgoing(message.contact_id, text=p.text if text is None else text, from_number=from_number)
    if p.template is not None:
        return Outgoing(message.contact_id, template=p.template, template_params=p.template_params)
    from app.errors import ErrorCode, OrderError, RefusalParams

    raise OrderError(ErrorCode.OUTSIDE_WINDOW, RefusalParams("outside_window"))
