"""The shop's order settings: shipping fee, remote-area surcharge, free-shipping threshold, payment terms."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.orders import PAYMENT_DAYS, Charges, LineInput, clean_lines, order_totals
from app.settings import get_setting, put_setting

ORDER_SETTINGS_KEY = "orders"


@dataclass(frozen=True, slots=True)
class OrderSettings:
    """Defaults a new shop gets: 3,000 won shipping, +3,000 won to islands and mountains, free over 50,000."""

    shipping_minor: int = 3000
    remote_surcharge_minor: int = 3000  # 도서산간
    free_over_minor: int = 50000  # 0: never free
    payment_days: int = PAYMENT_DAYS  # 입금기한
    bank_account: str = ""  # "국민은행 123-45-678901 (서울리넨하우스)"
    # The message prepared for each state (OrderState value → text with {placeholders}); empty: the default.
    messages: dict[str, str] = field(default_factory=dict)
    # The same messages in another language (state → text), for a customer who writes in other
    # letters than the message above (app.rules.text_for); empty: that message goes as written.
    messages_other_language: dict[str, str] = field(default_factory=dict)
    # Outside the 24-hour window: the approved template the owner mapped to each state.
    templates: dict[str, str] = field(default_factory=dict)

    def replace(self, **changes: Any) -> OrderSettings:
        return dataclasses.replace(self, **changes)


def load_order_settings(session: Session) -> OrderSettings:
    stored = get_setting(session, ORDER_SETTINGS_KEY, {}) or {}
    known = {f.name for f in dataclasses.fields(OrderSettings)}
    return OrderSettings(**{k: v for k, v in stored.items() if k in known})


def save_order_settings(session: Session, settings: OrderSettings) -> None:
    put_setting(session, ORDER_SETTINGS_KEY, dataclasses.asdict(settings))


def shipping_waived(settings: OrderSettings, subtotal_minor: int) -> bool:
    """The shop's shipping fee is waived: the items reach the free-shipping amount (and there is a fee)."""
    return (
        settings.shipping_minor > 0
        and settings.free_over_minor > 0
        and subtotal_minor >= settings.free_over_minor
    )


def default_charges(
    settings: OrderSettings, subtotal_minor: int, *, remote: bool, discount_minor: int = 0
) -> Charges:
    """Shipping by the shop's rule: free over the threshold; the remote-area surcharge is always added."""
    return Charges(
        shipping_minor=0 if shipping_waived(settings, subtotal_minor) else settings.shipping_minor,
        surcharge_minor=settings.remote_surcharge_minor if remote else 0,
        discount_minor=discount_minor,
    )


def shop_charges(session: Session, lines: Sequence[LineInput], currency: str) -> Charges:
    """What a new order of these lines is charged by the shop's rule (`default_charges`), with no
    remote-area surcharge (no address yet): a customer's cart, or the demo's orders.

    The shop's fees are in its own `currency`; lines priced in another are charged none, since a
    fee cannot be converted. Raises OrderError for lines `create_order` would refuse.
    """
    clean = clean_lines(session, lines, currency)
    if clean[0].currency != currency.upper():
        return Charges()
    subtotal = order_totals(clean, Charges(), currency).subtotal_minor
    return default_charges(load_order_settings(session), subtotal, remote=False)
