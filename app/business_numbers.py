"""The shop's WhatsApp business numbers as people dial them, by phone_number_id: a shop with two
numbers (two branches) sees which one each chat is on."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.conversation_rows import BUSINESS_NUMBERS_KEY

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# BUSINESS_NUMBERS_KEY: a setting (app.models.Setting), {phone_number_id: display number} learnt from the
# relay's events; app/conversation_rows.py reads it in SQL.
__all__ = ["BUSINESS_NUMBERS_KEY", "remember_business_numbers", "shop_numbers"]


def remember_business_numbers(session: Session, seen: Iterable[tuple[str | None, str | None]]) -> bool:
    """Keep the display number of each (phone_number_id, display number) seen; True when the shop's
    numbers changed (every chat's row then says its number anew)."""
    from app.settings import get_setting, put_setting

    known = get_setting(session, BUSINESS_NUMBERS_KEY, {})
    numbers = dict(known) if isinstance(known, dict) else {}
    for pnid, display in seen:
        if pnid and display:
            numbers[pnid] = display
    if numbers == known:
        return False
    put_setting(session, BUSINESS_NUMBERS_KEY, numbers)
    return True


def shop_numbers(session: Session) -> tuple[str, ...]:
    """The shop's business numbers as people dial them when it has two or more, else ()."""
    from app.settings import get_setting

    known = get_setting(session, BUSINESS_NUMBERS_KEY, {})
    numbers = sorted(str(n) for n in known.values()) if isinstance(known, dict) else []
    return tuple(numbers) if len(numbers) > 1 else ()
