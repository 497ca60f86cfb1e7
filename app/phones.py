"""Phone numbers: E.164 digits inside, the shop's national format at the edge."""

from __future__ import annotations

import functools
import re

_DIGITS = re.compile(r"\D+")


def number_fragment(typed: str) -> str:
    """The digits of a phone number typed in any format, as a wa_id holds them ("010-5555-1234" →
    "1055551234": the national number without its trunk 0); "" for fewer than 3 digits, and for digits
    that start with 00 ('0004' is a part of the order number '2026-0004')."""
    digits = _DIGITS.sub("", typed)
    if digits.startswith("00"):
        return ""  # '0004' is an order's number (2026-0004); no phone number is typed so
    digits = digits.removeprefix("0")  # the trunk 0 of a national number
    return digits if len(digits) >= 3 else ""


def number_span(wa_id: str, shown: str, typed: str) -> tuple[int, int] | None:
    """Where in `shown`, the number `wa_id` as the window writes it ("010-3330-4567", "+44 7700
    900123"), the digits of a search that found it by number are ("3330", "010-3330", "+82 10 3330");
    None when the search did not find it by its number."""
    fragment = number_fragment(typed)
    at = wa_id.find(fragment) if fragment else -1
    if at < 0:
        return None
    places = [i for i, ch in enumerate(shown) if ch.isdigit()]
    # Both end with the national number: the shown one starts with a trunk 0 or the country code.
    offset = len(places) - len(wa_id)
    start, end = max(0, at + offset), at + len(fragment) + offset
    if end <= start or end > len(places):
        return None
    if start > 0 and _DIGITS.sub("", typed).startswith("0") and shown[places[start - 1]] == "0":
        start -= 1  # "010-3330" typed: its trunk 0 is marked too
    return places[start], places[end - 1] + 1


def e164_digits(raw: str, default_region: str = "KR") -> str:
    """'010-1234-5678' and '+82 10 1234 5678' both become '821012345678'.

    WhatsApp's wa_id is already E.164 without '+': those pass through unchanged.
    """
    raw = raw.strip()
    if not raw:
        return ""
    if not raw.startswith("+") and not raw.startswith("0"):
        return _DIGITS.sub("", raw)
    import phonenumbers

    try:
        number = phonenumbers.parse(raw, None if raw.startswith("+") else default_region)
    except phonenumbers.NumberParseException:
        return _DIGITS.sub("", raw)
    return f"{number.country_code}{number.national_number}"


def written_phone_digits(written: str, shop_region: str) -> str:
    """E.164 digits of a number as a shop in `shop_region` writes it, its national form included:
    "(415) 555-0132" from an American shop is "14155550132", not the "4155550132" `e164_digits`
    keeps of digits without a + or a trunk 0 (which it takes for a wa_id)."""
    text = written.strip()
    if not text or text.startswith(("+", "0")):
        return e164_digits(text, shop_region)
    import phonenumbers

    try:
        number = phonenumbers.parse(text, shop_region.upper())
    except phonenumbers.NumberParseException:
        return e164_digits(text, shop_region)
    if not phonenumbers.is_valid_number(number):
        return e164_digits(text, shop_region)  # a wa_id ("821012345678"), or no phone at all
    return f"{number.country_code}{number.national_number}"


def country_of(wa_id: str) -> str | None:
    """The ISO country of a WhatsApp number ("US", "CA", "KR"…), None when it cannot be told.

    +1 is shared by the US, Canada and the Caribbean: the area code decides, not the prefix.
    """
    if not wa_id:
        return None
    import phonenumbers

    try:
        number = phonenumbers.parse("+" + wa_id, None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(number)
    return str(region) if region and region != "ZZ" else None


@functools.lru_cache(maxsize=1024)
def number_name(wa_id: str) -> str:
    """The name of a contact known only by number, as WhatsApp itself names one ("+82 10-5555-1234"),
    not its bare digits ("+821055551234"). The same in every shop: no region needed where lists are
    built (app.conversation_rows, before the first paint, reads no preferences)."""
    import phonenumbers

    try:
        number = phonenumbers.parse("+" + wa_id, None)
    except phonenumbers.NumberParseException:
        return "+" + wa_id
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


def display_phone(wa_id: str, shop_region: str = "KR") -> str:
    """Format for people: national format for the shop's own country, international otherwise."""
    if not wa_id:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse("+" + wa_id, None)
    except phonenumbers.NumberParseException:
        return "+" + wa_id
    # At home is the shop's country calling code, not only its region: a British shop dials a +44
    # mobile that libphonenumber files under Guernsey or Jersey (+44 7911…) as 07911 123456, as it
    # does one of its own, and the demo's Olivia read "+44 7911 123456" in a shop in London.
    home = number.country_code == phonenumbers.country_code_for_region(shop_region.upper())
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if home or phonenumbers.region_code_for_number(number) == shop_region
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return str(phonenumbers.format_number(number, fmt))


def typed_phone_shown(typed: str, shop_region: str = "KR") -> str:
    """A phone number as someone typed or pasted it ("+447700900123", "07700900123") written as
    `display_phone` writes a WhatsApp number ("07700 900123" in a British shop); what is no possible
    number ("ask at the door") is left as typed."""
    import phonenumbers

    text = typed.strip()
    if not text or not any(ch.isdigit() for ch in text):
        return typed
    try:
        number = phonenumbers.parse(text, shop_region.upper())
    except phonenumbers.NumberParseException:
        return typed
    if not phonenumbers.is_possible_number(number):
        return typed
    return display_phone(f"{number.country_code}{number.national_number}", shop_region)
