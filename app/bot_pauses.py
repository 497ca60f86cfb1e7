"""The menu bot's hand-offs per chat (customer, business number), as the relay's `contact` events say them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.models import BotPause, Contact

# The number of a chat on no known number (Contact.phone_number_id None).
NO_NUMBER = ""


def record_bot_pause(session: Session, contact_id: int, number: str | None, until: datetime | None) -> None:
    """The relay paused (or, `until` None, resumed) the bot in her chat on `number`. A resume that
    names no number (an older relay's) is for every chat of hers; a pause that names none is for the
    chat her row is on. The chat list's `Contact.bot_paused_until` follows by triggers."""
    if until is None and number is None:
        session.execute(delete(BotPause).where(BotPause.contact_id == contact_id))
        return
    if number is None:
        number = session.scalar(select(Contact.phone_number_id).where(Contact.id == contact_id))
    stmt = insert(BotPause).values(
        contact_id=contact_id, phone_number_id=number or NO_NUMBER, paused_until=until
    )
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=[BotPause.contact_id, BotPause.phone_number_id], set_={"paused_until": until}
        )
    )


def carry_bot_pauses(session: Session, old_id: int, new_id: int) -> None:
    """Her chats' hand-offs move with her to her new number's contact (the later pause of a chat wins)."""
    for number, until in session.execute(
        select(BotPause.phone_number_id, BotPause.paused_until).where(BotPause.contact_id == old_id)
    ).all():
        kept = session.scalar(
            select(BotPause.paused_until).where(
                BotPause.contact_id == new_id, BotPause.phone_number_id == number
            )
        )
        if kept is None or (until is not None and until > kept):
            record_bot_pause(session, new_id, number, until)
    session.execute(delete(BotPause).where(BotPause.contact_id == old_id))
