"""The menu bot's hand-offs per chat (customer, business number), as the relay's `contact` events say them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.models import BotPause, Contact

# The number of a chat on no known number (Contact.phone_number_id None).
NO_NUMBER = ""


def record_bot_pause(
    session: Session,
    contact_id: int,
    number: str | None,
    until: datetime | None,
    at: datetime | None = None,
) -> None:
    """The relay paused (or, `until` None, resumed at `at`) the bot in her chat on `number`. A
    resume that names no number (an older relay's) is for every chat of hers; a pause that names
    none is for the chat her row is on. The chat list's `Contact.bot_paused_until` follows by
    triggers. A resume keeps its time: the owner's messages before it no longer quiet the bot."""
    resumed = {"resumed_at": at} if until is None else {}
    if until is None and number is None:
        session.execute(
            update(BotPause)
            .where(BotPause.contact_id == contact_id)
            .values(paused_until=None, **resumed)
            .execution_options(synchronize_session=False)
        )
    if number is None:
        number = session.scalar(select(Contact.phone_number_id).where(Contact.id == contact_id))
    stmt = insert(BotPause).values(
        contact_id=contact_id, phone_number_id=number or NO_NUMBER, paused_until=until, **resumed
    )
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=[BotPause.contact_id, BotPause.phone_number_id],
            set_={"paused_until": until, **resumed},
        )
    )


def chat_resumed_at(session: Session, contact_id: int, number: str | None) -> datetime | None:
    """When "Resume bot" last switched the bot back on in her chat on `number` (None: never, as far
    as this inbox heard)."""
    return session.scalar(
        select(BotPause.resumed_at).where(
            BotPause.contact_id == contact_id, BotPause.phone_number_id == (number or NO_NUMBER)
        )
    )


def carry_bot_pauses(session: Session, old_id: int, new_id: int) -> None:
    """Her chats' hand-offs and resumes move with her to her new number's contact (the later pause
    of a chat wins, and its later resume)."""
    for number, until, resumed_at in session.execute(
        select(BotPause.phone_number_id, BotPause.paused_until, BotPause.resumed_at).where(
            BotPause.contact_id == old_id
        )
    ).all():
        kept = session.execute(
            select(BotPause.paused_until, BotPause.resumed_at).where(
                BotPause.contact_id == new_id, BotPause.phone_number_id == number
            )
        ).first()
        kept_until, kept_resumed = (kept.paused_until, kept.resumed_at) if kept is not None else (None, None)
        if kept is None or (until is not None and (kept_until is None or until > kept_until)):
            record_bot_pause(session, new_id, number, until)
        if resumed_at is not None and (kept_resumed is None or resumed_at > kept_resumed):
            session.execute(
                update(BotPause)
                .where(BotPause.contact_id == new_id, BotPause.phone_number_id == number)
                .values(resumed_at=resumed_at)
                .execution_options(synchronize_session=False)
            )
    session.execute(delete(BotPause).where(BotPause.contact_id == old_id))
