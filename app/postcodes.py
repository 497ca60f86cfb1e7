"""A postcode written inside an address line, as British and American customers write theirs
("221B Baker Street, London NW1 6XE"; "350 Fifth Avenue, New York, NY 10118")."""

from __future__ import annotations

import re

# Royal Mail's outward code (area letters, district digits and an optional letter or digit) and
# inward code (a digit and two letters), with or without the space between; Girobank's GIR 0AA.
# Not "B2 2nd" of "Suite B2 2nd floor": an inward code is never an ordinal.
_BRITISH = re.compile(
    r"\b(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?(?!\d(?:st|nd|rd|th)\b)\d[A-Z]{2})\b", re.IGNORECASE
)
# A ZIP code after a state's two letters, as an American address ends: "NY 10118", "HI 96815-1234".
_AMERICAN = re.compile(r"\b[A-Z]{2},?\s+(\d{5}(?:-\d{4})?)\b")


def postcode_in_address(address: str) -> str:
    """The last postcode `address` names ("NW1 6XE", "10118"), upper-cased, a British one with its
    space; "" when it names none (a Korean address, whose 우편번호 is never written in it)."""
    british = _BRITISH.findall(address)
    if british:
        found = british[-1].upper().replace(" ", "")
        return f"{found[:-3]} {found[-3:]}"
    american = _AMERICAN.findall(address)
    return american[-1] if american else ""
