"""The demo shop's orders: one in every state, a cart that arrived as a message, and counted stock."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from app.demo_seed import (
    demo_customers,
    demo_rules,
    demo_shop_country,
    demo_shop_zone,
    demo_wamid,
    relay_answers,
    shop_open_on,
)
from app.models import CatalogItem, Contact, Message, Order, as_utc
from app.order_messages import CANCELLED_REFUND, REMINDER, RETURN_MESSAGE
from app.order_settings import OrderSettings, load_order_settings, save_order_settings, shop_charges
from app.orders import EXPIRED_MOVE, LineInput, OrderState, create_order, move_order, order_from_cart
from app.rules import ContactState, next_opening
from app.shipping_sheets import ShippingAddress, set_shipping_address
from app.stock import set_stock
from app.wire import SERVICE_WINDOW, BusinessHours

if TYPE_CHECKING:
    from app.db import Database

CART_HOURS_AGO = 26  # the cart message: older than the 24-hour window (see cart_moment)
BANK = "국민은행 123456-01-234567 (서울리넨하우스)"  # as the /계좌 quick reply and the bot say
# The English demo's shop, Brighton Linen House (app/demo_seed.py): a British account, as its chats
# and its /bank quick reply give it.
BANK_UK = "Sort code 04-00-04, account 12345678 (Brighton Linen House)"
# The American English demo's, Palo Alto Linen House: paid with Zelle, as its chats and /pay say.
BANK_US = "Zelle: pay@paloaltolinen.example (Palo Alto Linen House)"
# The demo's approved templates (relay/sandbox_cast.py TEMPLATES) chosen for the steps they fit, so an
# order moved after the customer's 24 hours still tells her (Order settings ▸ Messages). Each is
# approved in Korean and English under one name: a customer gets the version she reads, and the
# demo run in English shows the owner the English one first.
DEMO_TEMPLATES: dict[str, str] = {
    OrderState.AWAITING_PAYMENT.value: "order_payment",
    REMINDER: "order_payment",
    OrderState.PAID.value: "order_paid",
    OrderState.SHIPPED.value: "order_shipped",
    CANCELLED_REFUND: "order_refund",
    RETURN_MESSAGE: "order_return",
}


def demo_order_settings(lang: str) -> OrderSettings:
    """The demo shop's bank account, fees and templates: the Seoul shop's in Korean (3,000 won
    shipping, free over 50,000), the Palo Alto shop's in American English (Zelle, $5.95, free over
    $50), the Brighton shop's in any other language (£3.95, free over £50)."""
    country = demo_shop_country(lang)
    if country == "KR":
        return OrderSettings(bank_account=BANK, templates=dict(DEMO_TEMPLATES))
    if country == "US":
        return OrderSettings(
            bank_account=BANK_US,
            templates=dict(DEMO_TEMPLATES),
            shipping_minor=595,
            remote_surcharge_minor=0,
            free_over_minor=5000,
            currency="USD",
        )
    return OrderSettings(
        bank_account=BANK_UK,
        templates=dict(DEMO_TEMPLATES),
        shipping_minor=395,
        remote_surcharge_minor=0,
        free_over_minor=5000,
        currency="GBP",
    )


def rename_former_demo_templates(db: Database) -> bool:
    """A demo kept in a folder from before its order templates were one name in two languages: the
    English ones it chose ("order_payment_en") are named as now ("order_payment"), so its steps
    still tell customers outside the window. True when any was renamed."""
    former = {f"{name}_en": name for name in DEMO_TEMPLATES.values()}
    with db.write() as s:
        settings = load_order_settings(s)
        renamed = {step: former.get(name, name) for step, name in settings.templates.items()}
        if renamed == settings.templates:
            return False
        save_order_settings(s, settings.replace(templates=renamed))
        return True


# A moment of an order's story told by its chat: `hours` after the chat's message at `position` of
# its customer's script (before it when negative), so that what the chat says ("I ordered it last
# week", "paid just now", "sent it today") is what the order's history says, whatever the day and
# hour the demo starts.
At = tuple[int, float]
MINUTE = 1 / 60
WEEK = 7 * 24.0


@dataclass(frozen=True, slots=True)
class DemoOrder:
    """One of the demo's orders and what became of it."""

    wa_id: str
    lines: tuple[tuple[str, int, str], ...]  # (code, quantity, option)
    moves: tuple[OrderState, ...]  # after New
    # When it was placed, then when the shop made each of its moves (not the deadline's cancel).
    steps: tuple[At, ...]
    courier: str = ""
    tracking: str = ""  # as the chat quotes it, and as long as the courier's numbers are
    # Never paid: its cancellation is the payment deadline's (as the app makes it), not the owner's.
    unpaid: bool = False


# The same stories in both shops (their scripts in app/demo_seed.py line up message for message).
# Ordered in the chat ("I'll take one"), the account sent, paid ("Paid just now"), the payment confirmed.
ORDERED_AND_PAID: tuple[At, ...] = ((2, MINUTE), (3, 0), (5, 0))
# "The dress I ordered last week arrived": ordered the same weekday a week before (the week before,
# wherever a week begins), paid that afternoon, shipped the next day the shop is open
# (`open_day_moment`), done when the shop answers him.
ARRIVED: tuple[At, ...] = ((0, -WEEK), (0, -WEEK + 10 * MINUTE), (0, -WEEK + 3), (0, -WEEK + 24), (1, 0))
# "I'll order two", "I'll send you the order": the order and its account go out before "I'll pay tonight".
ASKED_TO_PAY: tuple[At, ...] = ((0, MINUTE), (1, 0))
# "Have you sent what I ordered yesterday?": ordered the afternoon or evening before her chat (its
# first message is sent 10:00 to 16:30), paid that evening, shipped as the shop answers "sent today".
SENT_TODAY: tuple[At, ...] = ((0, -20), (0, -20 + 10 * MINUTE), (0, -18), (1, 0))
# "I'll take the black one", "Your order: … please pay within 3 days": never paid.
NEVER_PAID: tuple[At, ...] = ((2, MINUTE), (3, 0))
# "L then, please": the owner writes it down a quarter of an hour after; it is still New.
TO_PICK_UP: tuple[At, ...] = ((2, 0.25),)

DEMO_ORDERS: tuple[DemoOrder, ...] = (
    # 김민지 ordered and paid in her chat.
    DemoOrder(
        "821055501234",
        (("LN-SH-IV", 1, "M"),),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID),
        ORDERED_AND_PAID,
    ),
    # 박서준's navy dress, ordered the week before he wrote that it arrived.
    DemoOrder(
        "821077703456",
        (("DR-SU-NV", 1, "M"), ("AC-SC-GR", 1, "")),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE),
        ARRIVED,
        courier="CJ대한통운",
        tracking="364201857913",
    ),
    # 이하은 asked for the trousers in her chat and said she would pay that evening; she has not yet.
    DemoOrder("821099907890", (("PT-LN-BE", 2, "S"),), (OrderState.AWAITING_PAYMENT,), ASKED_TO_PAY),
    # 정도윤 ordered the day before her chat, where the shop gives her the tracking number.
    DemoOrder(
        "821044405678",
        (("KN-CD-OA", 1, "M"), ("BG-TT-NT", 1, "")),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED),
        SENT_TODAY,
        courier="CJ대한통운",
        tracking="384917265031",
    ),
    # Amy Clarke ordered the black crossbody bag in her chat and never paid: the deadline cancelled it.
    DemoOrder(
        "447700900123",
        (("BG-CR-BK", 1, ""),),
        (OrderState.AWAITING_PAYMENT, OrderState.CANCELLED),
        NEVER_PAID,
        unpaid=True,
    ),
    # Daniel Ortiz asked for the trench coat in L yesterday, to pick up: the order is still New.
    DemoOrder("14155550123", (("OT-TR-BE", 1, "L"),), (), TO_PICK_UP),
)

# The English demo's (the Brighton shop's): the same stories, one order in every state.
UK_ORDERS: tuple[DemoOrder, ...] = (
    # Emily Hughes ordered and paid in her chat.
    DemoOrder(
        "447700900101",
        (("LN-SH-IV", 1, "M"),),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID),
        ORDERED_AND_PAID,
    ),
    # James Whitfield's navy dress, ordered the week before he wrote that it arrived.
    DemoOrder(
        "447700900202",
        (("DR-SU-NV", 1, "M"), ("AC-SC-GR", 1, "")),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE),
        ARRIVED,
        courier="Royal Mail",
        tracking="RT364201857GB",
    ),
    # Priya Shah asked for the trousers in her chat and said she would pay that evening; not yet.
    DemoOrder("447700900303", (("PT-LN-BE", 2, "S"),), (OrderState.AWAITING_PAYMENT,), ASKED_TO_PAY),
    # Tom Fletcher ordered the day before his chat, where the shop gives him the tracking number.
    DemoOrder(
        "447700900505",
        (("KN-CD-OA", 1, "M"), ("BG-TT-NT", 1, "")),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED),
        SENT_TODAY,
        courier="Royal Mail",
        tracking="RT482915736GB",
    ),
    # Megan Doyle ordered the black crossbody bag in her chat and never paid: the deadline cancelled it.
    DemoOrder(
        "12125550143",
        (("BG-CR-BK", 1, ""),),
        (OrderState.AWAITING_PAYMENT, OrderState.CANCELLED),
        NEVER_PAID,
        unpaid=True,
    ),
    # Daniel Ortiz asked for the trench coat in L yesterday, to pick up: the order is still New.
    DemoOrder("14155550123", (("OT-TR-BE", 1, "L"),), (), TO_PICK_UP),
)

# The American English demo's (the Palo Alto shop's): the same stories, one order in every state.
US_ORDERS: tuple[DemoOrder, ...] = (
    # Emily Johnson ordered and paid in her chat.
    DemoOrder(
        "16505550101",
        (("LN-SH-IV", 1, "M"),),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID),
        ORDERED_AND_PAID,
    ),
    # Michael Davis's navy dress, ordered the week before he wrote that it arrived.
    DemoOrder(
        "14155550102",
        (("DR-SU-NV", 1, "M"), ("AC-SC-GR", 1, "")),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE),
        ARRIVED,
        courier="USPS",
        tracking="9400111899562836420185",
    ),
    # Priya Shah asked for the pants in her chat and said she would pay that evening; not yet.
    DemoOrder("15105550103", (("PT-LN-BE", 2, "S"),), (OrderState.AWAITING_PAYMENT,), ASKED_TO_PAY),
    # Kevin Walsh ordered the day before his chat, where the shop gives him the tracking number.
    DemoOrder(
        "14085550105",
        (("KN-CD-OA", 1, "M"), ("BG-TT-NT", 1, "")),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED),
        SENT_TODAY,
        courier="USPS",
        tracking="9400111899564829157360",
    ),
    # Megan Doyle ordered the black crossbody bag in her chat and never paid: the deadline canceled it.
    DemoOrder(
        "14165550143",
        (("BG-CR-BK", 1, ""),),
        (OrderState.AWAITING_PAYMENT, OrderState.CANCELLED),
        NEVER_PAID,
        unpaid=True,
    ),
    # Daniel Ortiz asked for the trench coat in L yesterday, to pick up: the order is still New.
    DemoOrder("14155550123", (("OT-TR-BE", 1, "L"),), (), TO_PICK_UP),
)

# Where each customer's parcel goes: (우편번호, address, detail, delivery memo).
DEMO_ADDRESSES: dict[str, tuple[str, str, str, str]] = {
    "821055501234": ("06236", "서울 강남구 테헤란로 152", "1203호", "부재 시 경비실에 맡겨 주세요"),
    "821077703456": ("13529", "경기 성남시 분당구 판교역로 235", "B동 502호", "배송 전에 연락 주세요"),
    "821099907890": ("48058", "부산 해운대구 센텀중앙로 79", "2304호", "문 앞에 놓아 주세요"),
    "821044405678": ("61945", "광주 서구 상무중앙로 110", "801호", ""),
    "447700900123": ("", "221B Baker Street, London NW1 6XE, United Kingdom", "", ""),
    # The Brighton shop's (the English demo): (postcode, address, flat, delivery note).
    "447700900101": ("BN1 1AE", "12 Ship Street, Brighton", "Flat 3", "Leave with the neighbour at no. 14"),
    "447700900202": ("M1 1AD", "45 Oldham Street, Manchester", "", "Please ring before delivery"),
    "447700900303": ("EH1 1QS", "8 Cockburn Street, Edinburgh", "Flat 2F1", "Safe place: porch"),
    "447700900505": ("BS1 4DJ", "27 Park Street, Bristol", "", ""),
    "12125550143": ("NY 10118", "350 Fifth Avenue, New York, United States", "Suite 2100", ""),
    # The Palo Alto shop's (the American English demo): (ZIP code, address, apartment, delivery note).
    "16505550101": ("94301", "450 Lytton Avenue, Palo Alto, CA", "Apt 3", "Leave it with the front desk"),
    "14155550102": ("94110", "2780 Mission Street, San Francisco, CA", "", "Please call before delivery"),
    "15105550103": ("94612", "1 Kaiser Plaza, Oakland, CA", "Unit 2F", "Safe place: back porch"),
    "14085550105": ("95113", "55 South Market Street, San Jose, CA", "", ""),
    "14165550143": ("M5H 2N2", "100 Queen Street West, Toronto, ON, Canada", "", ""),
}


def _phone(wa_id: str) -> str:
    if wa_id.startswith("8210"):
        return "010-" + wa_id[-8:-4] + "-" + wa_id[-4:]
    if wa_id.startswith("1") and len(wa_id) == 11:  # as an American (or Canadian) writes it
        return f"({wa_id[1:4]}) {wa_id[4:7]}-{wa_id[7:]}"
    return "+" + wa_id


# A cart a customer sent from a product message (Cloud API `order` object), prices in major units.
DEMO_CART = {
    "catalog_id": "1502836640285533",
    "text": "S 사이즈로 부탁드려요. 선물 포장도 가능할까요?",
    "product_items": [
        {"product_retailer_id": "LN-BL-WH", "quantity": 1, "item_price": 42000, "currency": "KRW"},
        {"product_retailer_id": "AC-ER-GD", "quantity": 2, "item_price": 15000, "currency": "KRW"},
    ],
}
CART_CUSTOMER = "821033304567"
# The English demo's: its new customer's cart, in pounds.
UK_CART = {
    "catalog_id": "1502836640285533",
    "text": "Size S please. Could you gift-wrap them?",
    "product_items": [
        {"product_retailer_id": "LN-BL-WH", "quantity": 1, "item_price": 42, "currency": "GBP"},
        {"product_retailer_id": "AC-ER-GD", "quantity": 2, "item_price": 15, "currency": "GBP"},
    ],
}
UK_CART_CUSTOMER = "447700900404"
# The American English demo's: its new customer's cart, in dollars.
US_CART = {
    "catalog_id": "1502836640285533",
    "text": "Size S please. Could you gift-wrap them?",
    "product_items": [
        {"product_retailer_id": "LN-BL-WH", "quantity": 1, "item_price": 42, "currency": "USD"},
        {"product_retailer_id": "AC-ER-GD", "quantity": 2, "item_price": 15, "currency": "USD"},
    ],
}
US_CART_CUSTOMER = "16505550104"


def cart_moment(now: datetime, shop_zone: ZoneInfo) -> datetime:
    """When the demo's cart came: yesterday on the shop's clock, and outside the 24-hour window. 26
    hours before a demo started between midnight and 02:00 in Seoul was the day before yesterday,
    so its chat and order said a date where the story says yesterday; then it came just after the
    shop's midnight."""
    here = now.astimezone(shop_zone)
    yesterday = (here - timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    at = max(now - timedelta(hours=CART_HOURS_AGO), yesterday.astimezone(UTC))
    # A day of 23 hours (summer time begins) would otherwise let the window reach it.
    return min(at, now - SERVICE_WINDOW - timedelta(seconds=1))


def open_day_moment(hours: BusinessHours, at: datetime) -> datetime:
    """`at`, or the shop's next opening when `at` falls on a day it is closed: a parcel "sent the
    next day" after a Saturday order went on Monday, not on the shop's Sunday."""
    if shop_open_on(hours, as_utc(at).astimezone(ZoneInfo(hours.timezone)).date()):
        return at
    return next_opening(hours, at) or at


def first_timers(lang: str) -> set[str]:
    """The demo customers (wa_id) who first wrote to the shop in their story (app/demo_seed.py)."""
    return {c.wa_id for c in demo_customers(lang) if c.first_time}


def _chat_state(session: Session, contact: Contact, *, first_time: bool) -> ContactState:
    """The rules' inputs for her next message, from her chat as seeded so far. `first_time`: she was
    new to the shop when her story began (the relay does not count her a regular)."""

    def last(*where: ColumnElement[bool]) -> datetime | None:
        at = session.scalar(select(func.max(Message.sent_at)).where(Message.contact_id == contact.id, *where))
        return as_utc(at) if at is not None else None

    return ContactState(
        contact.wa_id or "",
        last(Message.direction == "in"),
        last(Message.direction == "out"),
        last(Message.direction == "out", Message.sent_by == "owner"),
        last(Message.direction == "out", Message.sent_by == "away"),
        known_contact=not first_time,
    )


def seed_demo_orders(session: Session, now: datetime | None = None, *, lang: str = "ko") -> int:
    """Orders for the demo's customers (after the catalogue and chats); how many were written.
    `lang`: the language the demo runs in, which its order settings are written in."""
    now = now or datetime.now(UTC)
    if session.scalar(select(Order.id).limit(1)) is not None:
        return 0
    demo_orders, demo_cart, cart_customer = {
        "KR": (DEMO_ORDERS, DEMO_CART, CART_CUSTOMER),
        "US": (US_ORDERS, US_CART, US_CART_CUSTOMER),
    }.get(demo_shop_country(lang), (UK_ORDERS, UK_CART, UK_CART_CUSTOMER))
    settings = demo_order_settings(lang)
    save_order_settings(session, settings)
    hours = demo_rules(lang).business_hours
    items = {
        code: item_id for item_id, code in session.execute(select(CatalogItem.id, CatalogItem.retailer_id))
    }
    for code, count in (("LN-SH-IV", 3), ("DR-SU-NV", 1), ("PT-LN-BE", 4), ("BG-CR-BK", 2), ("AC-HT-BK", 0)):
        if code in items:
            set_stock(session, items[code], count)
    contacts = {wa: cid for cid, wa in session.execute(select(Contact.id, Contact.wa_id))}
    written = 0
    for demo in demo_orders:
        wa_id = demo.wa_id
        if wa_id not in contacts or any(code not in items for code, _q, _o in demo.lines):
            continue
        sent = {
            wamid: as_utc(at)
            for wamid, at in session.execute(
                select(Message.wamid, Message.sent_at).where(Message.contact_id == contacts[wa_id])
            )
        }
        if any(demo_wamid(wa_id, position) not in sent for position, _hours in demo.steps):
            continue  # a chat that is not the demo's own
        when = [
            open_day_moment(hours, sent[demo_wamid(wa_id, position)] + timedelta(hours=hours_after))
            for position, hours_after in demo.steps
        ]
        at = when[0]
        order_lines = [LineInput(code, q, option=option) for code, q, option in demo.lines]
        order = create_order(
            session,
            contact_id=contacts[wa_id],
            lines=order_lines,
            source="chat",
            # Free over 50,000 won (or £50, or $50), as the shop says
            charges=shop_charges(session, order_lines, settings.currency),
            now=at,
        )
        if demo.moves and wa_id in DEMO_ADDRESSES:  # the shop asked where to send it
            postcode, address, detail, memo = DEMO_ADDRESSES[wa_id]
            set_shipping_address(
                session,
                order.id,
                ShippingAddress(
                    session.get(Contact, contacts[wa_id]).display_name,  # type: ignore[union-attr]
                    _phone(wa_id),
                    postcode,
                    address,
                    detail,
                    memo,
                ),
            )
        for step, state in enumerate(demo.moves, start=1):
            if state is OrderState.CANCELLED and demo.unpaid and order.payment_due_at is not None:
                move_order(session, order.id, state, now=as_utc(order.payment_due_at), kind=EXPIRED_MOVE)
                continue
            move_order(
                session,
                order.id,
                state,
                now=min(when[step], now - timedelta(minutes=len(demo.moves) - step)),  # never to come
                courier=demo.courier,
                tracking=demo.tracking,
            )
        written += 1
    if cart_customer in contacts:
        customer = session.get(Contact, contacts[cart_customer])
        assert customer is not None
        # Her chat as the relay knew it before the cart: the cart is no first message, and after
        # weeks of silence it is greeted again, as the relay greets anyone back (app/rules.py).
        before = _chat_state(session, customer, first_time=cart_customer in first_timers(lang))
        cart = Message(
            contact_id=contacts[cart_customer],
            wamid="wamid.DEMOCART0001",
            direction="in",
            kind="order",
            body=str(demo_cart["text"]),
            payload={"type": "order", "order": demo_cart},
            status="received",
            # Yesterday's: the demo's relay never saw this cart, so a reply to it would be refused
            # (outside the 24-hour window); the chat offers templates, and both sides agree.
            sent_at=cart_moment(now, demo_shop_zone(lang)),
            unread=True,
        )
        session.add(cart)
        # Out of the shop's hours (the early morning), the relay told her so, as to any message.
        for offset, (_way, body, sent_by, _new) in enumerate(
            relay_answers(
                demo_rules(lang),
                before,
                as_utc(cart.sent_at),
                customer.display_name,
                cart.body or "",
            ),
            start=1,
        ):
            session.add(
                Message(
                    contact_id=customer.id,
                    wamid=f"wamid.DEMOCART000{offset}A",
                    direction="out",
                    kind="text",
                    body=body,
                    status="read",
                    sent_by=sent_by,
                    sent_at=as_utc(cart.sent_at) + timedelta(seconds=2 * offset),
                )
            )
        # The cart is the customer's newest message: the window follows it, as a synced one's does.
        contact = session.get(Contact, contacts[cart_customer])
        if contact is not None and (
            contact.last_inbound_at is None or contact.last_inbound_at < cart.sent_at
        ):
            contact.last_inbound_at = cart.sent_at
        session.flush()
        order_from_cart(session, cart)
        written += 1
    return written
