"""Prices: formatted the way a Korean or American shopper reads them, parsed from feeds and forms."""

from __future__ import annotations

import pytest

from app.errors import CurrencyDigitsParams, ErrorCode, InvalidInput, NoParams, ValueParams
from app.money import amount_to_minor, currency_marks, edit_amount, feed_price, format_price, parse_price


def test_won_has_no_minor_unit_and_shows_as_whole_won_in_korean() -> None:
    assert format_price(15000, "KRW", "ko_KR") == "15,000원"  # as Korean shops and banks write it
    assert format_price(1_250_000, "KRW", "ko_KR") == "1,250,000원"


def test_won_in_an_english_ui_is_still_whole_won() -> None:
    assert format_price(15000, "KRW", "en_US") == "₩15,000"


def test_dollars_keep_their_cents() -> None:
    assert format_price(1250, "USD", "en_US") == "$12.50"
    assert format_price(1250, "USD", "ko_KR") == "US$12.50"


def test_feed_prices_parse_to_minor_units() -> None:
    assert parse_price("15000 KRW") == (15000, "KRW")
    assert parse_price("12.50 USD") == (1250, "USD")
    assert parse_price("USD 12.5") == (1250, "USD")
    assert parse_price("15,000 krw") == (15000, "KRW")
    assert parse_price("39000", default_currency="KRW") == (39000, "KRW")
    # Excel's accounting format spaces the symbol off the amount.
    assert parse_price("₩ 39,000", default_currency="KRW") == (39000, "KRW")
    assert parse_price("39,000 ₩", default_currency="KRW") == (39000, "KRW")
    with pytest.raises(InvalidInput) as refused:
        parse_price("39 000", default_currency="KRW")  # two numbers are not read as one
    assert refused.value.code is ErrorCode.PRICE_UNREADABLE


@pytest.mark.parametrize(
    ("text", "code", "params"),
    [
        ("", ErrorCode.PRICE_EMPTY, NoParams()),
        ("15000", ErrorCode.PRICE_NO_CURRENCY, ValueParams("15000")),
        ("15000 XYZ", ErrorCode.CURRENCY_UNKNOWN, ValueParams("XYZ")),
        ("150.5 KRW", ErrorCode.PRICE_NOT_WHOLE, CurrencyDigitsParams("150.5", "KRW", 0)),
        ("1.234 USD", ErrorCode.PRICE_TOO_MANY_DECIMALS, CurrencyDigitsParams("1.234", "USD", 2)),
        ("abc KRW", ErrorCode.PRICE_NOT_A_NUMBER, CurrencyDigitsParams("abc", "KRW", 0)),
        ("-5 USD", ErrorCode.PRICE_NOT_A_NUMBER, CurrencyDigitsParams("-5", "USD", 2)),
        ("1 2 KRW", ErrorCode.PRICE_UNREADABLE, ValueParams("1 2 KRW")),
        (f"{10**16} KRW", ErrorCode.PRICE_TOO_LARGE, NoParams()),
    ],
)
def test_bad_prices_say_why(text: str, code: ErrorCode, params: object) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_price(text)
    assert (refused.value.code, refused.value.params) == (code, params)


def test_feed_price_round_trips() -> None:
    for minor, currency in [(15000, "KRW"), (1250, "USD"), (0, "KRW"), (5, "USD")]:
        assert parse_price(feed_price(minor, currency)) == (minor, currency)
    assert feed_price(15000, "KRW") == "15000 KRW"
    assert feed_price(1250, "USD") == "12.50 USD"


def test_form_amounts_accept_grouping() -> None:
    assert amount_to_minor("39,000", "KRW") == 39000
    assert amount_to_minor("12.5", "USD") == 1250


@pytest.mark.parametrize(
    ("typed", "currency", "minor"),
    [
        ("3,500원", "KRW", 3500),  # as a Korean owner writes a price
        ("3500 원", "KRW", 3500),
        ("₩3,500", "KRW", 3500),
        ("￦3,500", "KRW", 3500),  # the full-width won sign (CP949's own)
        ("\\3,500", "KRW", 3500),  # the ₩ of Korean Windows' keyboard and of Excel's CP949 CSV
        ("3,500 KRW", "KRW", 3500),
        ("$12.50", "USD", 1250),
        ("12.5달러", "USD", 1250),
        ("12.50 usd", "USD", 1250),
    ],
)
def test_form_amounts_accept_the_currency_written_beside_them(typed: str, currency: str, minor: int) -> None:
    assert amount_to_minor(typed, currency) == minor


@pytest.mark.parametrize(
    ("typed", "currency"),
    [("3,500달러", "KRW"), ("$3,500", "KRW"), ("원", "KRW"), ("3,500원원", "KRW"), ("\\12.50", "USD")],
)
def test_another_currency_or_no_amount_beside_the_mark_is_refused(typed: str, currency: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        amount_to_minor(typed, currency)
    assert refused.value.code == ErrorCode.PRICE_NOT_A_NUMBER


def test_an_unknown_locale_falls_back_to_english() -> None:
    assert format_price(15000, "KRW", "C") == "₩15,000"


def test_an_amount_shown_for_editing_is_grouped_as_read_and_reads_back_the_same() -> None:
    assert edit_amount(3000, "KRW") == "3,000"
    assert edit_amount(1_234_567, "KRW") == "1,234,567"
    assert edit_amount(123450, "USD") == "1,234.50"
    assert edit_amount(0, "KRW") == "0"
    for minor, currency in ((3000, "KRW"), (1_234_567, "KRW"), (123450, "USD"), (5, "USD")):
        assert amount_to_minor(edit_amount(minor, currency), currency) == minor


@pytest.mark.parametrize(
    ("typed", "minor"),
    [
        ("12,50", 1250),  # a German owner's decimal comma
        ("12,50 €", 1250),
        ("0,99€", 99),
        ("EUR 12,5", 1250),
        ("1.299,00", 129900),  # grouped with dots, as German Excel writes it
        ("1.299,00 €", 129900),
        ("1.299.000", 129900000),
        ("1,299.00", 129900),  # the English way still reads
    ],
)
def test_euro_prices_typed_the_german_way_are_read(typed: str, minor: int) -> None:
    assert amount_to_minor(typed, "EUR") == minor


def test_a_german_feed_price_with_a_decimal_comma_is_read() -> None:
    assert parse_price("12,50 EUR") == (1250, "EUR")
    assert parse_price("1.299,00 €", default_currency="EUR") == (129900, "EUR")


@pytest.mark.parametrize(
    ("minor", "currency", "locale", "shown"),
    [
        (129950, "EUR", "en_DE", "1.299,50"),
        (129950, "EUR", "de_DE", "1.299,50"),
        (129900, "KRW", "de_DE", "129.900"),  # one group of dots, in won: no decimals to mean
        (129950, "EUR", "fr_FR", "1\u202f299,50"),
        (129950, "CHF", "de_CH", "1'299.50"),
        (129950, "USD", "en_US", "1,299.50"),
        (39000, "KRW", "ko_KR", "39,000"),
    ],
)
def test_an_amount_shown_for_editing_in_a_locale_reads_back_the_same(
    minor: int, currency: str, locale: str, shown: str
) -> None:
    assert edit_amount(minor, currency, locale) == shown
    assert amount_to_minor(shown, currency) == minor


@pytest.mark.parametrize(
    ("currency", "locale", "marks"),
    [
        ("KRW", "ko_KR", ("", "원")),  # 3,000원, as Korean shops write it
        ("KRW", "en_US", ("₩", "")),
        ("GBP", "en_GB", ("£", "")),
        ("USD", "en_US", ("$", "")),
        ("EUR", "de_DE", ("", "€")),  # 12,50 €
        ("USD", "ko_KR", ("US$", "")),
    ],
)
def test_a_money_fields_currency_mark_stands_where_the_locales_prices_put_it(
    currency: str, locale: str, marks: tuple[str, str]
) -> None:
    assert currency_marks(currency, locale) == marks
