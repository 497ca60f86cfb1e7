"""The shop's order settings: shipping fee, surcharges by area, free-shipping threshold, payment terms."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from app.orders import PAYMENT_DAYS, Charges, LineInput, clean_lines, order_totals
from app.settings import get_setting, load_preferences, put_setting
from app.surcharge_areas import REMOTE

ORDER_SETTINGS_KEY = "orders"


@dataclass(frozen=True, slots=True)
class OrderSettings:
    """The shop's order settings; as they stand, what a shop in won gets (default_order_settings):
    3,000 won shipping, +3,000 won to islands and mountains, free over 50,000."""

    shipping_minor: int = 3000
    remote_surcharge_minor: int = 3000  # 도서산간 (app.surcharge_areas REMOTE)
    free_over_minor: int = 50000  # 0: never free
    # The currency of the three amounts above. They keep it when the shop's currency changes (a fee
    # is not converted), and are charged only to orders in it.
    currency: str = "KRW"
    payment_days: int = PAYMENT_DAYS  # 입금기한
    bank_account: str = ""  # "국민은행 123-45-678901 (서울리넨하우스)"
    # The message prepared for each state (OrderState value → text with {placeholders}); empty: the default.
    messages: dict[str, str] = field(default_factory=dict)
    # The same messages in another language (state → text), for a customer who writes in other
    # letters than the message above (app.rules.text_for); empty: that message goes as written.
    messages_other_language: dict[str, str] = field(default_factory=dict)
    # Outside the 24-hour window: the approved template the owner mapped to each state.
    templates: dict[str, str] = field(default_factory=dict)
    # The surcharges of the other areas (app.surcharge_areas: Highlands & Islands, Alaska &
    # Hawaii…), area → amount in `currency`; the remote one (도서산간) is `remote_surcharge_minor`,
    # as settings stored before areas have it.
    area_surcharges: dict[str, int] = field(default_factory=dict)

    def replace(self, **changes: Any) -> OrderSettings:
        return dataclasses.replace(self, **changes)


def default_order_settings(currency: str) -> OrderSettings:
    """What a new shop gets: in won, the fees every Korean shop knows; in another currency no fee
    until the owner sets one (3,000 won read as dollars would be $30.00)."""
    if currency.upper() == "KRW":
        return OrderSettings()
    return OrderSettings(
        shipping_minor=0, remote_surcharge_minor=0, free_over_minor=0, currency=currency.upper()
    )


def load_order_settings(session: Session) -> OrderSettings:
    stored = get_setting(session, ORDER_SETTINGS_KEY, {}) or {}
    shop_currency = load_preferences(session).currency
    if not stored:
        return default_order_settings(shop_currency)
    known = {f.name for f in dataclasses.fields(OrderSettings)}
    values = {k: v for k, v in stored.items() if k in known}
    if "currency" not in values:
        values["currency"] = _unnamed_currency(OrderSettings(**values), shop_currency)
    return OrderSettings(**values)


def _unnamed_currency(settings: OrderSettings, shop_currency: str) -> str:
    """The currency of amounts saved before the settings named it: the shop's when they were saved,
    which is its currency now (`name_amounts_currency` names it before the shop's changes). Only
    the won defaults, unchanged, are won whatever the shop's currency: every shop was given them."""
    won = OrderSettings()
    amounts = (settings.shipping_minor, settings.remote_surcharge_minor, settings.free_over_minor)
    if amounts == (won.shipping_minor, won.remote_surcharge_minor, won.free_over_minor):
        return "KRW"
    return shop_currency.upper()


def name_amounts_currency(session: Session) -> None:
    """Before the shop's currency changes: order settings saved without naming their amounts'
    currency name the one they were read in until now, so they keep meaning what they meant."""
    stored = get_setting(session, ORDER_SETTINGS_KEY, {}) or {}
    if stored and "currency" not in stored:
        save_order_settings(session, load_order_settings(session))


def save_order_settings(session: Session, settings: OrderSettings) -> None:
    put_setting(session, ORDER_SETTINGS_KEY, dataclasses.asdict(settings))


def surcharge_for(settings: OrderSettings, area: str) -> int:
    """The shop's surcharge for `area` (app.surcharge_areas), in the settings' currency; 0 for none."""
    if not area:
        return 0
    if area == REMOTE:
        return settings.remote_surcharge_minor
    return max(0, int(settings.area_surcharges.get(area, 0)))


def has_surcharges(settings: OrderSettings) -> bool:
    return bool(settings.remote_surcharge_minor or any(settings.area_surcharges.values()))


def shipping_waived(settings: OrderSettings, subtotal_minor: int, currency: str) -> bool:
    """The shop's shipping fee is waived for an order of `subtotal_minor` in `currency`: the items
    reach the free-shipping amount (and there is a fee, in the order's currency)."""
    return (
        settings.currency == currency.upper()
        and settings.shipping_minor > 0
        and settings.free_over_minor > 0
        and subtotal_minor >= settings.free_over_minor
    )


def default_charges(
    settings: OrderSettings, subtotal_minor: int, *, currency: str, area: str = "", discount_minor: int = 0
) -> Charges:
    """Shipping by the shop's rule for an order in `currency`: free over the threshold; the
    surcharge of `area` (app.surcharge_areas; "" none) is always added. The rule's amounts are
    charged only to an order in their own currency: a fee is not converted, and read in another it
    would be 100 times too much or too little.

    Items that come to nothing (an order with no lines yet) are charged no shipping either: an empty
    new order read "합계 3,000원". The owner can still type a fee, e.g. for a free gift sent alone."""
    if settings.currency != currency.upper() or subtotal_minor <= 0:
        return Charges(discount_minor=discount_minor)
    return Charges(
        shipping_minor=0 if shipping_waived(settings, subtotal_minor, currency) else settings.shipping_minor,
        surcharge_minor=surcharge_for(settings, area),
        discount_minor=discount_minor,
        surcharge_area=area,
    )


def shop_charges(session: Session, lines: Sequence[LineInput], currency: str) -> Charges:
    """What a new order of these lines is charged by the shop's rule (`default_charges`), with no
    remote-area surcharge (no address yet): a customer's cart, or the demo's orders.

    `currency` is the shop's, for lines that name none. The order is in its lines' currency, and is
    charged the shop's fees only when they are in it. Raises OrderError for lines `create_order`
    would refuse.
    """
    clean = clean_lines(session, lines, currency)
    order_currency = clean[0].currency
    subtotal = order_totals(clean, Charges(), order_currency).subtotal_minor
    return default_charges(load_order_settings(session), subtotal, currency=order_currency)
