"""Money: integer minor units plus an ISO 4217 currency, formatted and parsed with babel."""

from __future__ import annotations

import logging
import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from app.errors import CurrencyDigitsParams, ErrorCode, InvalidInput, ValueParams
from app.locales import babel_locale

log = logging.getLogger(__name__)

# Larger than any real shop price (about 90 trillion won), small enough for SQLite's integer.
MAX_MINOR = 10**15

_GROUPED = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+(\.\d+)?$")
# How German, French, Spanish… owners (and their Excel) write an amount: a decimal comma ('12,50'),
# grouped with dots ('1.299,00', '1.299.000'). A lone '1.234' stays a decimal point, as in English.
_DECIMAL_COMMA = re.compile(r"^(\d+|\d{1,3}(\.\d{3})+),\d+$")
_DOT_GROUPED = re.compile(r"^\d{1,3}(\.\d{3}){2,}$")
_DOT_GROUP = re.compile(r"^\d{1,3}\.\d{3}$")


@lru_cache(maxsize=1)
def _known_currencies() -> frozenset[str]:
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def is_currency(code: str) -> bool:
    """True for an ISO 4217 code babel knows ('KRW', 'USD'…)."""
    return code in _known_currencies()


def currency_digits(currency: str) -> int:
    """Digits after the decimal point: 0 for KRW and JPY, 2 for USD, 3 for BHD."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


def to_decimal(minor: int, currency: str) -> Decimal:
    return Decimal(minor).scaleb(-currency_digits(currency))


def format_price(minor: int, currency: str, locale: str = "ko_KR") -> str:
    """'15,000원' for (15000, 'KRW', 'ko_KR'); '₩15,000' for (15000, 'KRW', 'en_US'); '$12.50' for
    (1250, 'USD', 'en_US')."""
    from babel.numbers import format_currency

    name = babel_locale(locale)
    if currency == "KRW" and name.split("_", 1)[0] == "ko":
        # Korean shops and their customers write won after the amount ("39,000원"), as every Korean
        # shop and bank does, not CLDR's "₩39,000".
        return f"{edit_amount(minor, currency)}원"
    try:
        return str(format_currency(to_decimal(minor, currency), currency, locale=name))
    except (ValueError, LookupError) as exc:
        log.debug("cannot format %s in locale %s: %s", currency, locale, exc)
        return f"{feed_amount(minor, currency)} {currency}"


def currency_marks(currency: str, locale: str = "ko_KR") -> tuple[str, str]:
    """What stands before and after an amount in `locale`'s prices of `currency`, as `format_price`
    writes them: ("", "원") for KRW in Korean, ("£", "") for GBP and ("$", "") for USD in English,
    ("", "€") for EUR in German; the code after it where the locale cannot write the currency."""
    shown = format_price(0, currency, locale)
    number = edit_amount(0, currency, locale)
    before, found, after = shown.partition(number)
    if not found:
        return "", currency
    return before.strip(" \u00a0\u202f"), after.strip(" \u00a0\u202f")


def feed_amount(minor: int, currency: str) -> str:
    """The amount as Meta's feed writes it: '15000' for KRW, '12.50' for USD (no grouping)."""
    digits = currency_digits(currency)
    return f"{to_decimal(minor, currency):.{digits}f}"


def edit_amount(minor: int, currency: str, locale: str | None = None) -> str:
    """The amount in a field the owner may edit: grouped as prices are read, without a symbol
    ('15,000' for KRW, '1,234.50' for USD; '1.234,50' for EUR in a German `locale`);
    amount_to_minor reads it back."""
    digits = currency_digits(currency)
    # (Three decimals, as the dinars have, stay written the English way: '1,234' is a thousand.)
    if locale is not None and digits != 3:
        from babel.numbers import format_decimal

        pattern = "#,##0" + ("." + "0" * digits if digits else "")
        return str(format_decimal(to_decimal(minor, currency), format=pattern, locale=babel_locale(locale)))
    return f"{to_decimal(minor, currency):,.{digits}f}"


def feed_price(minor: int, currency: str) -> str:
    """'15000 KRW', '12.50 USD': the price column of a Commerce Manager data feed."""
    return f"{feed_amount(minor, currency)} {currency}"


@lru_cache(maxsize=32)
def _currency_marks(currency: str) -> tuple[str, ...]:
    """How an owner may write the currency beside an amount, longest first: its code, its symbols
    ('₩', 'US$', '$'), and the unit its name ends in, in Korean and English ('원', '달러', 'won')."""
    from babel.numbers import get_currency_name, get_currency_symbol

    marks = {currency.casefold()}
    for locale in ("ko_KR", "en_US"):
        marks.add(get_currency_symbol(currency, locale=locale).casefold())
        marks.add(get_currency_name(currency, locale=locale).split()[-1].casefold())
    if currency == "KRW":
        # The full-width ￦ Korean text (and CP949) writes, and the backslash that stands for ₩ in
        # Korean Windows: its ₩ key types it, and Excel's "CSV (쉼표로 분리)" saves ₩12,000 as \12,000.
        marks.update(("\uffe6", "\\"))
    # (A retired currency's name ends in its years, "Turkish Lira (1922–2005)": no mark.)
    return tuple(sorted((m for m in marks if m and not any(c.isdigit() for c in m)), key=len, reverse=True))


def _without_currency(text: str, currency: str) -> str:
    """The amount with one mark of its currency taken off either end: '3,500원', '₩3,500', 'KRW3500'."""
    folded = text.casefold()
    for mark in _currency_marks(currency):
        if folded.endswith(mark):
            return text[: -len(mark)]
        if folded.startswith(mark):
            return text[len(mark) :]
    return text


def amount_to_minor(amount: str, currency: str) -> int:
    """'15,000', '15000', '15,000원' or '₩15,000' → 15000 for KRW; '12.5' or '$12.50' → 1250 for
    USD; '12,50 €' → 1250 and '1.299,00' → 129900 for EUR. Raises InvalidInput."""
    # Spaces (plain, no-break, narrow: French and Swedish group so) and apostrophes (Swiss) group digits.
    text = re.sub("[ \u00a0\u202f'’]", "", amount.strip())
    if not text:
        raise InvalidInput(code=ErrorCode.PRICE_EMPTY)
    text = _without_currency(text, currency)
    digits = currency_digits(currency)
    if _GROUPED.match(text):
        text = text.replace(",", "")
    elif _DECIMAL_COMMA.match(text) or _DOT_GROUPED.match(text) or (digits == 0 and _DOT_GROUP.match(text)):
        # ('1.500' won: a currency without decimals has no decimal point to mean.)
        text = text.replace(".", "").replace(",", ".")
    # The currency goes with the refusal, so its example is a price it can have (no "12.50" for KRW).
    params = CurrencyDigitsParams(amount.strip(), currency, digits)
    if not _PLAIN.match(text):
        raise InvalidInput(code=ErrorCode.PRICE_NOT_A_NUMBER, params=params)
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise InvalidInput(code=ErrorCode.PRICE_NOT_A_NUMBER, params=params) from exc
    minor = value.scaleb(digits)
    if minor != minor.to_integral_value():
        if digits == 0:
            raise InvalidInput(code=ErrorCode.PRICE_NOT_WHOLE, params=params)
        raise InvalidInput(code=ErrorCode.PRICE_TOO_MANY_DECIMALS, params=params)
    result = int(minor)
    if result >= MAX_MINOR:
        raise InvalidInput(code=ErrorCode.PRICE_TOO_LARGE)
    return result


def _no_digits(text: str) -> bool:
    return not any(c.isdigit() for c in text)


def parse_price(text: str, default_currency: str | None = None) -> tuple[int, str]:
    """'15000 KRW' → (15000, 'KRW'); '12.50 USD' → (1250, 'USD'); 'USD 12.50' is accepted too.

    A bare amount takes `default_currency` when one is given. Raises InvalidInput with the reason.
    """
    parts = text.strip().split()
    if not parts:
        raise InvalidInput(code=ErrorCode.PRICE_EMPTY)
    currency: str | None = None
    if len(parts) == 2:
        first, second = parts
        if second.isalpha():
            amount, currency = first, second.upper()
        elif first.isalpha():
            currency, amount = first.upper(), second
        elif default_currency is not None and (_no_digits(first) or _no_digits(second)):
            # A symbol spaced off its amount, as Excel's accounting format writes it: "₩ 12,000".
            amount, currency = first + second, default_currency
        else:
            raise InvalidInput(code=ErrorCode.PRICE_UNREADABLE, params=ValueParams(text.strip()))
    elif len(parts) == 1:
        amount = parts[0]
        currency = default_currency
        if currency is None:
            raise InvalidInput(code=ErrorCode.PRICE_NO_CURRENCY, params=ValueParams(text.strip()))
    else:
        raise InvalidInput(code=ErrorCode.PRICE_UNREADABLE, params=ValueParams(text.strip()))
    if not is_currency(currency):
        raise InvalidInput(code=ErrorCode.CURRENCY_UNKNOWN, params=ValueParams(currency))
    return amount_to_minor(amount, currency), currency
