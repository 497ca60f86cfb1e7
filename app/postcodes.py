"""A postcode written inside an address line, as British, American and Korean customers write theirs
("221B Baker Street, London NW1 6XE"; "350 Fifth Avenue, New York, NY 10118"; "(06236) 서울 강남구 …")."""

from __future__ import annotations

import re
import unicodedata

# Royal Mail's outward code (area letters, district digits and an optional letter or digit) and
# inward code (a digit and two letters), with or without the space between; Girobank's GIR 0AA.
# Not "B2 2nd" of "Suite B2 2nd floor": an inward code is never an ordinal.
_BRITISH = re.compile(
    r"\b(GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?(?!\d(?:st|nd|rd|th)\b)\d[A-Z]{2})\b", re.IGNORECASE
)
# A ZIP code after a state's two letters, as an American address ends: "NY 10118", "HI 96815-1234".
_AMERICAN = re.compile(r"\b[A-Z]{2},?\s+(\d{5}(?:-\d{4})?)\b")

_HANGUL = re.compile(r"[가-힣]")
# A 국가기초구역번호 (the 5-digit 우편번호 since 2015): its first two digits name the province, 01–08
# Seoul, 10–18 Gyeonggi, 21–63 the others to Jeju; 00, 09, 19, 20 and 64 up are nobody's. The old
# 6-digit "135-080" is not one. Standing alone: not part of a longer number, a phone ("010-1234-5678"),
# a lot ("737-32"), a decimal or a word ("12345동", "30000원").
_KOREAN_DIGITS = r"((?:0[1-8]|1[0-8]|2[1-9]|[3-5]\d|6[0-3])\d{3})(?![\w\-/~]|[.,]\d)"
_KOREAN_CODE = r"(?<![\w\-/#~])(?<!\d[.,])" + _KOREAN_DIGITS
# Said to be one, its word maybe written on to it: "우편번호 06236", "우편번호:06236", "(우)06236",
# "우) 06236", "ZIP 06236"; or in brackets of its own, as the 우편번호 search pages copy it:
# "(06236) 서울 …", "[06236] 서울 …".
_KOREAN_NAMED = re.compile(
    r"(?:우편\s*번호|(?<![가-힣])우\s*[):]|\bzip(?:\s*code)?|\bpost(?:al\s*)?code)\s*[:.]?\s*[\[(]?\s*"
    + _KOREAN_DIGITS,
    re.IGNORECASE,
)
_KOREAN_BRACKETED = re.compile(r"[\[(]\s*" + _KOREAN_CODE + r"\s*[\])]")
_KOREAN_BARE = re.compile(_KOREAN_CODE)
# A number right after these is the address's own, not a postcode: a building on its road
# ("테헤란로 152", "중앙로123번길 45"), a flat in its block ("101동 1203", "B동 502"), a basement or
# mountain lot ("지하 12", "산 12"), a lot ("123번지"), a P.O. box, a phone. After a 동, 리 or 가 of the
# old lot address ("역삼동 06236") it is the postcode: no lot there has five digits.
_NUMBERED_BY = re.compile(
    r"[가-힣\w](?:로|길|번지)$|(?:^|[^가-힣])[\dA-Za-z가나다라마바사아자차카타파하]동$"
    r"|^(?:지하|산|사서함|전화|연락처|휴대폰|핸드폰|tel|hp|☎)$"
)
# …nor one a word after says is a flat, a floor or a lot: "12345 호", "12345 번지".
_NUMBERS_WHAT = re.compile(r"\s*(?:호|동|층|번지|번|세대)(?![가-힣])")


def postcode_in_address(address: str) -> str:
    """The last postcode `address` names ("NW1 6XE", "10118", "06236"), upper-cased, a British one
    with its space; "" when it names none."""
    if _HANGUL.search(address) and (korean := _korean_postcode(address)):
        return korean
    british = _BRITISH.findall(address)
    if british:
        found = british[-1].upper().replace(" ", "")
        return f"{found[:-3]} {found[-3:]}"
    american = _AMERICAN.findall(address)
    return american[-1] if american else ""


def _korean_postcode(address: str) -> str:
    """The 5-digit 우편번호 a Korean address line names, "" for none: one said to be one, or in its
    own brackets, first; else a 5-digit number standing where no building, lot or flat number does
    ("서울 강남구 테헤란로 123 (역삼동) 06236", "06236 서울 …")."""
    text = unicodedata.normalize("NFKC", address)  # "（０６２３６）" typed on a full-width keyboard
    for pattern in (_KOREAN_NAMED, _KOREAN_BRACKETED):
        if named := pattern.findall(text):
            return str(named[-1])
    found = ""
    for match in _KOREAN_BARE.finditer(text):
        words_before = text[: match.start()].split()
        if words_before and _NUMBERED_BY.search(words_before[-1].rstrip(",:").lower()):
            continue
        if _NUMBERS_WHAT.match(text, match.end()):
            continue
        found = match.group(1)
    return found
