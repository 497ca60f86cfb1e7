"""A wa.me link that opens a chat with the shop (with prefilled text), and its QR code (segno)."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from urllib.parse import quote

from app.changes import Changes
from app.db import Database
from app.errors import ErrorCode, InvalidInput
from app.phones import e164_digits
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


def read_share_phone(db: Database) -> str:
    """The shop number the share dialog used last ("" before the first time)."""
    with db.read() as session:
        return str(get_setting(session, SHARE_PHONE_SETTING, "") or "")


def save_share_phone(db: Database, phone: str) -> Changes:
    with db.write() as session:
        put_setting(session, SHARE_PHONE_SETTING, phone)
    return Changes(settings=True)


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
