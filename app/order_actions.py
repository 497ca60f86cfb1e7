"""Order changes from the order window: each in its own transaction, returning the order as it now is."""

from __future__ import annotations

from app.db import Database
from app.order_queries import OrderDetail, order_detail
from app.order_settings import load_order_settings
from app.orders import OrderState, move_order, set_payment_details
from app.shipping_sheets import ShippingAddress, set_shipping_address


def load_order(db: Database, order_id: int) -> OrderDetail:
    with db.read() as s:
        return order_detail(s, order_id)


def move_order_to(
    db: Database, order_id: int, state: OrderState, *, courier: str | None, tracking: str | None
) -> OrderDetail:
    """Move the order (the payment deadline from the shop's settings) and read it back."""
    with db.write() as s:
        days = load_order_settings(s).payment_days
        move_order(s, order_id, state, courier=courier, tracking=tracking, payment_days=days)
    return load_order(db, order_id)


def save_payment_details(db: Database, order_id: int, depositor: str, cash_receipt: str) -> OrderDetail:
    with db.write() as s:
        set_payment_details(s, order_id, depositor, cash_receipt)
    return load_order(db, order_id)


def save_shipping_address(db: Database, order_id: int, where: ShippingAddress) -> OrderDetail:
    with db.write() as s:
        set_shipping_address(s, order_id, where)
    return load_order(db, order_id)
