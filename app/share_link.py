"""A wa.me link that opens a chat with the shop (with prefilled text), and its QR code (segno)."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from urllib.parse import quote

from app.changes import Changes
from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.phones import display_phone, e164_digits
from app.settings import get_setting, put_setting
from app.text import nfc

log = logging.getLogger(__name__)

SHARE_PHONE_SETTING = "share_phone"
SHARE_TEXT_SETTING = "share_text"
# wa.me links stay well below browsers' URL limits; prefilled text longer than this is cut.
MAX_PREFILLED = 1000


def wa_me_link(phone: str, text: str = "", default_region: str = "KR") -> str:
    """'https://wa.me/821012345678?text=…' for '010-1234-5678' (national numbers use the shop's region)."""
    digits = e164_digits(phone, default_region)
    if not (8 <= len(digits) <= 15) or not digits.isdigit():
        raise InvalidInput(code=ErrorCode.PHONE_NUMBER_INVALID)
    link = f"https://wa.me/{digits}"
    message = nfc(text).strip()[:MAX_PREFILLED]
    if message:
        link += "?text=" + quote(message, safe="")
    return link


def qr_png(link: str, *, scale: int = 8, border: int = 4) -> bytes:
    """The QR code of `link` as PNG bytes (medium error correction survives a smudged print)."""
    import segno

    buffer = io.BytesIO()
    segno.make(link, error="m", micro=False).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


def save_qr(link: str, target: Path, *, scale: int = 10) -> Path:
    """Write the QR code to `target`: SVG for print shops when the name ends in .svg, else PNG."""
    import segno

    qr = segno.make(link, error="m", micro=False)
    if target.suffix.lower() == ".svg":
        qr.save(str(target), kind="svg", scale=scale, border=4)
    else:
        target.write_bytes(qr_png(link, scale=scale))
    log.info("saved share QR code to %s", target)
    return target


def read_share_phone(db: Database, region: str) -> str:
    """The shop number the share dialog used last ("" before the first time), written as the shop's
    country `region` writes it: national for a number of that country, else with its country code."""
    with db.read() as session:
        stored = str(get_setting(session, SHARE_PHONE_SETTING, "") or "")
    if stored.startswith("+"):
        digits = e164_digits(stored, region)
        if digits.isdigit() and 8 <= len(digits) <= 15:
            return display_phone(digits, region)
    return stored  # kept as typed by an earlier version, or not a number


def save_share_phone(db: Database, phone: str, region: str) -> Changes:
    """Kept with its country code (+8225550100): a national number typed for the shop's country
    `region` still names the same phone once the shop's country is changed in Settings (it became
    a German number)."""
    kept = international(phone, region)
    with db.write() as session:
        put_setting(session, SHARE_PHONE_SETTING, kept)
    return Changes(settings=True)


def international(phone: str, region: str) -> str:
    """'+8225550100' for '02-555-0100' in KR; the text as it is when it is not a possible number."""
    import phonenumbers

    try:
        number = phonenumbers.parse(phone, None if phone.strip().startswith("+") else region)
    except phonenumbers.NumberParseException:
        return phone
    if not phonenumbers.is_possible_number(number):
        return phone
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def remember_business_number(db: Database, number: str | None) -> Changes:
    """The shop's number as WhatsApp gives it (the relay's check), kept for the share link when the
    owner has not given one: the dialog then opens with it filled in."""
    number = (number or "").strip()
    if not number:
        return Changes()
    with db.write() as session:
        if get_setting(session, SHARE_PHONE_SETTING, ""):
            return Changes()
        put_setting(session, SHARE_PHONE_SETTING, number)
    return Changes(settings=True)
