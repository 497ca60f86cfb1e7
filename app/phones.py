"""Phone numbers: E.164 digits inside, the shop's national format at the edge."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass

_DIGITS = re.compile(r"\D+")


def ascii_digits(typed: str) -> str:
    """`typed` with digits of any script written 0–9: a Korean IME in full-width mode types
    "０１０－１２３４－５６７８" for 010-1234-5678 (its "－" is no digit, and goes with the separators)."""
    return "".join(str(int(c)) if c.isdecimal() else c for c in typed)


def number_fragment(typed: str) -> str:
    """The digits of a phone number typed in any format, as a wa_id holds them ("010-5555-1234" →
    "1055551234": the national number without its trunk 0, "+82 010-5555-1234" → "821055551234";
    full-width digits too); "" for fewer than 3 digits, and for digits that start with 00 ('0004' is
    a part of the order number '2026-0004')."""
    phone = typed_phone(typed)
    if phone is not None and phone.country:
        # "+82 010-5555-1234", "+82 (0)10…": the trunk 0 many keep after the country code is no
        # digit of the number (its digits as typed, "8201055551234", are in no wa_id).
        return phone.country + phone.national
    digits = _DIGITS.sub("", ascii_digits(typed))
    if digits.startswith("00") and len(digits) >= 2 + PHONE_MIN_DIGITS and digits[2] != "0":
        return digits[2:]  # "0049 171 2345678": Europe's 00 for the + of an international number
    if digits.startswith("00"):
        return ""  # '0004' is an order's number (2026-0004); no phone number is typed so
    digits = digits.removeprefix("0")  # the trunk 0 of a national number
    return digits if len(digits) >= 3 else ""


def number_tail(typed: str) -> str:
    """The last four digits of a phone number (a Korean owner's 뒷자리) typed alone, where
    `number_fragment` takes none: "0003" is also the end of 010-1234-0003; "" for anything else."""
    digits = ascii_digits(typed.strip())
    if len(digits) == 4 and digits.isdecimal() and digits.startswith("00"):
        return digits
    return ""


def number_span(wa_id: str, shown: str, typed: str) -> tuple[int, int] | None:
    """Where in `shown`, the number `wa_id` as the window writes it ("010-3330-4567", "+44 7700
    900123"), the digits of a search that found it by number are ("3330", "010-3330", "+82 10 3330");
    None when the search did not find it by its number."""
    fragment = number_fragment(typed)
    at = wa_id.find(fragment) if fragment else -1
    if not fragment and (fragment := number_tail(typed)) and wa_id.endswith(fragment):
        at = len(wa_id) - len(fragment)  # found by its last four digits
    if at < 0:
        return None
    places = [i for i, ch in enumerate(shown) if ch.isdigit()]
    # Both end with the national number: the shown one starts with a trunk 0 or the country code.
    offset = len(places) - len(wa_id)
    start, end = max(0, at + offset), at + len(fragment) + offset
    if end <= start or end > len(places):
        return None
    if start > 0 and _DIGITS.sub("", ascii_digits(typed)).startswith("0") and shown[places[start - 1]] == "0":
        start -= 1  # "010-3330" typed: its trunk 0 is marked too
    return places[start], places[end - 1] + 1


def e164_digits(raw: str, default_region: str = "KR") -> str:
    """'010-1234-5678' and '+82 10 1234 5678' both become '821012345678'.

    WhatsApp's wa_id is already E.164 without '+': those pass through unchanged.
    """
    raw = raw.strip()
    if not raw:
        return ""
    # The area code in brackets, as German and Korean cards write it: "(0171) 234 56 78", "(02) 123-4567".
    if not raw.startswith("+") and not raw.lstrip("( ").startswith("0"):
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
    if not text or text.lstrip("( ").startswith(("+", "0")):
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


def example_number(region: str) -> str:
    """A mobile number in the shop's own format, for an example ("010-1234-5678", "01512 3456789")."""
    import phonenumbers

    if region.upper() == "KR":
        return "010-1234-5678"  # the number every Korean form shows (libphonenumber's is 010-2000-0000)
    example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
    if example is None:
        return "+82 10-1234-5678"
    return display_phone(f"{example.country_code}{example.national_number}", region)


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


def international_phone(wa_id: str) -> str:
    """A number as anyone dials it from anywhere ("+82 10-9999-0016"): no shop country at hand."""
    import phonenumbers

    try:
        number = phonenumbers.parse("+" + wa_id, None)
    except phonenumbers.NumberParseException:
        return "+" + wa_id
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL))


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


# A phone number as people type and write it: digits, an optional leading +, and spaces, dashes, dots,
# slashes or parentheses between them ("+82 10-9876-5432", "010.9876.5432", "(010) 9876-5432",
# "82 10 9876 5432", the German "0171/2345678").
_PHONE_TYPED = re.compile(r"\+?[\d\s\-./()]+")
_PHONE_SEPARATORS = re.compile(r"[\s\-./()]+")
PHONE_MIN_DIGITS = 9  # "02-123-4567", a Seoul number, is the shortest written with its trunk 0
PHONE_MAX_DIGITS = 15  # E.164's longest
# Between two digits of a number written for people: a separator or two ("10) 9876", "+82 (0)10").
_BETWEEN = r"[\s\-./()]{0,3}"
_INTERNATIONAL_00 = re.compile(r"00[1-9]")


@dataclass(frozen=True, slots=True)
class TypedPhone:
    """A phone number typed in a search: its country calling code ("" when typed nationally, with its
    trunk 0), its national number's digits, and the ways that number is grouped when written."""

    country: str
    national: str
    groupings: tuple[tuple[str, ...], ...]


@functools.lru_cache(maxsize=64)  # asked for each term, each hit's marks, each painted bubble
def typed_phone(query: str, region: str | None = None) -> TypedPhone | None:
    """The phone number a search query is, written in any common form: international ("+82
    10-9876-5432", "82 10 9876 5432") or national ("010 9876 5432", "010.9876.5432", "(010)
    9876-5432", "01098765432"); None for anything else (an amount, a tracking number "6543-2109-8765",
    an order's number). With the shop's `region`, a national number is also grouped as that
    country writes it ("01098765432" → 10 9876 5432), so that it finds "+82 10-9876-5432". Typed
    full-width ("０１０－９８７６－５４３２", a Korean IME's full-width mode), it is that number too."""
    text = unicodedata.normalize("NFKC", query).strip()
    if not _PHONE_TYPED.fullmatch(text):
        return None
    if _INTERNATIONAL_00.match(text):
        # "0049 171 2345678": the 00 Europe dials (and writes) for the + of an international number.
        import phonenumbers

        plus = "+" + text[2:].lstrip()
        try:
            valid = phonenumbers.is_valid_number(phonenumbers.parse(plus, None))
        except phonenumbers.NumberParseException:
            valid = False
        if valid:
            return typed_phone(plus, region)
    digits = _DIGITS.sub("", text)
    if not PHONE_MIN_DIGITS <= len(digits) <= PHONE_MAX_DIGITS or not digits.isascii():
        return None
    parts = [p for p in _PHONE_SEPARATORS.split(text.lstrip("+")) if p]
    import phonenumbers

    if not text.startswith("+") and not digits.startswith("0") and _international(digits, parts) is None:
        # "1012345678", "10 1234 5678": a Korean mobile number typed without its trunk 0 (as its
        # wa_id holds it after the 82), which customers write "010-1234-5678".
        if not _MOBILE_WITHOUT_TRUNK.fullmatch(digits):
            return None
        national = digits
        typed = _grouped(parts, national)
        number = phonenumbers.parse("+82" + national, None)
        country = ""
    elif text.startswith("+") or not digits.startswith("0"):
        try:
            number = phonenumbers.parse("+" + digits, None)
        except phonenumbers.NumberParseException:
            return None
        country = str(number.country_code)
        if text.startswith("+") and not phonenumbers.is_possible_number(number):
            return None
        national = digits[len(country) :].removeprefix("0")  # "+82 (0)10…"
        typed = _grouped(parts[1:], national) if len(parts) > 1 else None
    elif digits.startswith("0") and not digits.startswith("00"):
        country, national = "", digits[1:]
        typed = _grouped(parts, national)
        number = None
        if region:
            try:
                number = phonenumbers.parse(text, region.upper())
            except phonenumbers.NumberParseException:
                number = None
    else:
        return None
    groupings = [typed] if typed else []
    if number is not None:
        written = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        standard = _grouped([p for p in _DIGITS.split(written) if p][1:], national)
        if standard and standard not in groupings:
            groupings.append(standard)
    return TypedPhone(country, national, tuple(groupings))


# A Korean mobile number's national digits (010 without its 0), which an owner copies from a wa_id.
_MOBILE_WITHOUT_TRUNK = re.compile(r"10[1-9]\d{7}")


def _international(digits: str, parts: list[str]) -> str | None:
    """The calling code of a number typed without its + ("82 10 9876 5432", "821098765432"): a valid
    number whose first group, typed in groups, is that code ("6543-2109-8765" is no phone); None."""
    import phonenumbers

    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    country = str(number.country_code)
    if not phonenumbers.is_valid_number(number) or (len(parts) > 1 and parts[0] != country):
        return None
    return country


def _grouped(parts: list[str], national: str) -> tuple[str, ...] | None:
    """`parts` (groups of digits as written) as groups of the national number: its trunk 0 or the
    "(0)" before it left out; None when they are not the national number in two to six groups."""
    groups = [p for p in parts if p]
    if groups and groups[0] == "0":
        groups = groups[1:]
    elif groups and groups[0].startswith("0") and "".join(groups)[1:] == national:
        groups[0] = groups[0][1:]
    if "".join(groups) != national or not 2 <= len(groups) <= 6 or not all(groups):
        return None
    return tuple(groups)


def phone_phrases(phone: TypedPhone) -> list[str]:
    """What the search index is asked for to find a typed phone number written any common way: its
    national number's digits in each of its groupings, spaced, dashed or dotted (mixed too), and
    with a ")" after the area code; each is inside the national ("010 9876 5432") and international
    ("+82 10-9876-5432") forms alike. A candidate is confirmed with `phone_pattern`."""
    found = [phone.national]
    for groups in phone.groupings:
        first, rest = groups[0], groups[1:]
        for seps in _separators(len(rest)):
            found.append(first + "".join(sep + group for sep, group in zip(seps, rest, strict=True)))
        for opening in (")", ") "):  # "(010) 9876-5432", "(02)123-4567"
            for seps in _separators(len(rest) - 1):
                tail = "".join(sep + group for sep, group in zip(seps, rest[1:], strict=True))
                found.append(first + opening + rest[0] + tail)
    return list(dict.fromkeys(found))


def _separators(places: int) -> list[tuple[str, ...]]:
    """The separators written between `places` + 1 groups: mixed up to two places ("10 9876-5432",
    WhatsApp's own), the same one throughout beyond (a French "6 12 34 56 78": 3 phrases, not 81).
    A slash after the area code too, as Germans write a number: "0171/2345678", "030/123 456 78"."""
    if places <= 2:
        # Or none at one place: "010-12345678", "0101234 5678" (both none: the national digits).
        found = list(itertools.product(("", " ", "-", "."), repeat=places))
    else:
        found = [(sep,) * places for sep in " -."]
    return found + [("/", *rest) for rest in _separators(places - 1)] if places else found


def phone_pattern(phone: TypedPhone) -> re.Pattern[str]:
    """Where the typed number is in a text, written in any common form: with its trunk 0 or its
    country's calling code (any country's, for a number typed nationally), any separators."""
    country = re.escape(phone.country) if phone.country else r"\d{1,3}"
    prefix = rf"(?:(?:\+|00)?{country}{_BETWEEN}(?:\(0\){_BETWEEN})?|\(?0{_BETWEEN})"
    if phone.country == "1":  # North America writes its numbers without a trunk 0: "(415) 555-0132"
        prefix = rf"(?:\+?1{_BETWEEN}|\()?"
    number = _BETWEEN.join(phone.national)
    return re.compile(rf"(?<![\d+]){prefix}{number}(?!\d)")
