"""The shop's WhatsApp business numbers as people dial them, by phone_number_id: a shop with two
numbers (two branches) sees which one each chat is on, and may list one number's chats alone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.conversation_rows import BUSINESS_NUMBERS_KEY

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.db import Database

# BUSINESS_NUMBERS_KEY: a setting (app.models.Setting), {phone_number_id: display number} learnt from the
# relay's events; app/conversation_rows.py reads it in SQL.
__all__ = [
    "BUSINESS_NUMBERS_KEY",
    "CHAT_LIST_NUMBER_KEY",
    "NO_NUMBERS",
    "ChatListNumbers",
    "NumberChoice",
    "chat_list_numbers",
    "has_several_numbers",
    "number_choices",
    "number_tags",
    "remember_business_numbers",
    "shop_numbers",
    "show_number",
    "shown_number",
]

# The business number (a phone_number_id) whose chats alone the chat list shows, as the owner last
# chose it: "the chats to the Gangnam number", kept across restarts. Absent or null: every chat.
# Read with plain sqlite3 at start-up too (app/first_page.py), so this module imports no SQLAlchemy.
CHAT_LIST_NUMBER_KEY = "chat_list.number"


@dataclass(frozen=True, slots=True)
class NumberChoice:
    """One of the shop's business numbers, as the chat list's number filter offers it."""

    phone_number_id: str
    number: str  # as people dial it (the webhook's display_phone_number)


@dataclass(frozen=True, slots=True)
class ChatListNumbers:
    """What the chat list's number filter offers and shows."""

    choices: tuple[NumberChoice, ...]  # the shop's numbers when it has two or more, else ()
    shown: str | None  # the phone_number_id whose chats the list shows; None: every chat
    # Every number's phone_number_id, a one-number shop's too: which number is new when a second comes.
    every: frozenset[str] = frozenset()


# A one-number shop's (or one not read yet): no choice, every chat.
NO_NUMBERS = ChatListNumbers((), None)


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


def has_several_numbers(db: Database) -> bool:
    """The shop has heard from two numbers or more, in a short read session of its own (the demo's
    start asks it before any window: a demo kept in a folder goes on with both numbers)."""
    with db.read() as session:
        return bool(shop_numbers(session))


def number_choices(numbers: Any) -> tuple[NumberChoice, ...]:
    """The stored {phone_number_id: display number} as choices, in the numbers' order, when there are
    two or more (a one-number shop has nothing to choose); () for a value of another shape."""
    if not isinstance(numbers, dict) or len(numbers) < 2:
        return ()
    choices = (NumberChoice(str(pnid), str(display)) for pnid, display in numbers.items())
    return tuple(sorted(choices, key=lambda c: (c.number, c.phone_number_id)))


TAG_DIGITS = 4  # a number's tag in a chat's row: its last four digits


def number_tags(numbers: Iterable[str]) -> dict[str, str]:
    """Each of the shop's numbers (as people dial them) → its short tag for a chat's row: its last
    four digits ("0101"), or as many more as tell it from the shop's other numbers ("50101" beside
    "60101"). Meta keeps no branch name for a number, so its digits are the name the owner knows."""
    digits = {number: "".join(ch for ch in number if ch.isdigit()) for number in numbers}
    longest = max((len(d) for d in digits.values()), default=0)
    size = TAG_DIGITS
    while size < longest and len({d[-size:] for d in digits.values()}) < len(set(digits.values())):
        size += 1
    return {number: d[-size:] or number for number, d in digits.items()}


def shown_number(chosen: Any, numbers: Any) -> str | None:
    """The number whose chats the list shows: the stored choice `chosen` while it is one of the shop's
    stored `numbers` and the shop has two or more; else None, every chat."""
    if not isinstance(chosen, str):
        return None
    return chosen if any(c.phone_number_id == chosen for c in number_choices(numbers)) else None


def chat_list_numbers(session: Session) -> ChatListNumbers:
    """The shop's numbers for the chat list's number filter, and the one it shows."""
    from app.settings import get_setting

    numbers = get_setting(session, BUSINESS_NUMBERS_KEY, {})
    return stored_chat_list_numbers(numbers, get_setting(session, CHAT_LIST_NUMBER_KEY))


def stored_chat_list_numbers(numbers: Any, shown: Any) -> ChatListNumbers:
    """The chat list's numbers from the stored {phone_number_id: display number} and the number it
    was left showing (values as stored, of any shape)."""
    every = frozenset(str(pnid) for pnid in numbers) if isinstance(numbers, dict) else frozenset()
    return ChatListNumbers(number_choices(numbers), shown_number(shown, numbers), every)


def show_number(session: Session, phone_number_id: str | None) -> None:
    """Remember the number whose chats the list shows (None: every chat) for the next start."""
    from app.settings import put_setting

    put_setting(session, CHAT_LIST_NUMBER_KEY, phone_number_id)
