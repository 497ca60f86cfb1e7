"""The demo shop's orders: one in every state, a cart that arrived as a message, and counted stock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import CatalogItem, Contact, Message, Order
from app.order_settings import OrderSettings, save_order_settings, shop_charges
from app.orders import LineInput, OrderState, create_order, move_order, order_from_cart
from app.shipping_sheets import ShippingAddress, set_shipping_address
from app.stock import set_stock

CART_HOURS_AGO = 26  # the cart message: older than the 24-hour window (see seed_demo_orders)
BANK = "국민은행 123456-01-234567 (서울리넨하우스)"  # as the /계좌 quick reply and the bot say

# (customer wa_id, lines (code, quantity, option), the moves after New, hours ago, courier, tracking)
DEMO_ORDERS: tuple[
    tuple[str, tuple[tuple[str, int, str], ...], tuple[OrderState, ...], int, str, str], ...
] = (
    ("821055501234", (("LN-SH-IV", 1, "M"),), (OrderState.AWAITING_PAYMENT, OrderState.PAID), 70, "", ""),
    (
        "821077703456",
        (("DR-SU-NV", 1, "M"), ("AC-SC-GR", 1, "")),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED, OrderState.DONE),
        24 * 9,
        "CJ대한통운",
        "654321098765",
    ),
    ("821099907890", (("PT-LN-BE", 2, "S"),), (OrderState.AWAITING_PAYMENT,), 20, "", ""),
    (
        "821044405678",
        (("KN-CD-OA", 1, "M"), ("BG-TT-NT", 1, "")),
        (OrderState.AWAITING_PAYMENT, OrderState.PAID, OrderState.SHIPPED),
        48,
        "우체국택배",
        "6865012345678",
    ),
    (
        "447700900123",
        (("BG-CR-BK", 1, ""),),
        (OrderState.AWAITING_PAYMENT, OrderState.CANCELLED),
        24 * 12,
        "",
        "",
    ),
    ("14155550123", (("OT-TR-BE", 1, "L"),), (), 5, "", ""),
)

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


def seed_demo_orders(session: Session, now: datetime | None = None) -> int:
    """Orders for the demo's customers (after the catalogue and chats); how many were written."""
    now = now or datetime.now(UTC)
    if session.scalar(select(Order.id).limit(1)) is not None:
        return 0
    save_order_settings(session, OrderSettings(bank_account=BANK))
    items = {
        code: item_id for item_id, code in session.execute(select(CatalogItem.id, CatalogItem.retailer_id))
    }
    for code, count in (("LN-SH-IV", 3), ("DR-SU-NV", 1), ("PT-LN-BE", 4), ("BG-CR-BK", 2), ("AC-HT-BK", 0)):
        if code in items:
            set_stock(session, items[code], count)
    contacts = {wa: cid for cid, wa in session.execute(select(Contact.id, Contact.wa_id))}
    written = 0
    for wa_id, lines, moves, hours_ago, courier, tracking in DEMO_ORDERS:
        if wa_id not in contacts or any(code not in items for code, _q, _o in lines):
            continue
        at = now - timedelta(hours=hours_ago)
        order_lines = [LineInput(code, q, option=option) for code, q, option in lines]
        order = create_order(
            session,
            contact_id=contacts[wa_id],
            lines=order_lines,
            source="chat",
            charges=shop_charges(session, order_lines, "KRW"),  # free over 50,000 won, as the shop says
            now=at,
        )
        if moves:  # the shop asked where to send it
            set_shipping_address(
                session,
                order.id,
                ShippingAddress(
                    session.get(Contact, contacts[wa_id]).display_name,  # type: ignore[union-attr]
                    "010-" + wa_id[-8:-4] + "-" + wa_id[-4:],
                    "04799",
                    "서울 성동구 성수이로 113",
                    "3층",
                    "문 앞에 놓아 주세요",
                ),
            )
        for step, state in enumerate(moves, start=1):
            move_order(
                session,
                order.id,
                state,
                now=at + timedelta(hours=step * 5),
                courier=courier,
                tracking=tracking,
            )
        written += 1
    if CART_CUSTOMER in contacts:
        cart = Message(
            contact_id=contacts[CART_CUSTOMER],
            wamid="wamid.DEMOCART0001",
            direction="in",
            kind="order",
            body=str(DEMO_CART["text"]),
            payload={"type": "order", "order": DEMO_CART},
            status="received",
            # Yesterday's: the demo's relay never saw this cart, so a reply to it would be refused
            # (outside the 24-hour window); the chat offers templates, and both sides agree.
            sent_at=now - timedelta(hours=CART_HOURS_AGO),
            unread=True,
        )
        session.add(cart)
        # The cart is the customer's newest message: the window follows it, as a synced one's does.
        contact = session.get(Contact, contacts[CART_CUSTOMER])
        if contact is not None and (
            contact.last_inbound_at is None or contact.last_inbound_at < cart.sent_at
        ):
            contact.last_inbound_at = cart.sent_at
        session.flush()
        order_from_cart(session, cart)
        written += 1
    return written
