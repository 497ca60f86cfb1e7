"""Who the other side of an exported chat is: matched to a contact by phone number, else by name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.chat_export.errors import AmbiguousContact, ContactChoice
from app.chat_export.parser import looks_like_phone
from app.errors import ErrorCode, InvalidInput
from app.models import Contact, Message
from app.phones import e164_digits
from app.text import nfc


@dataclass(frozen=True, slots=True)
class ContactMatch:
    """Existing contacts the participant may be; `by` says how they were found."""

    participant: str
    phone: str | None  # E.164 digits when the export names the participant by number
    by: Literal["phone", "name", "none"]
    choices: tuple[ContactChoice, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.choices) > 1


def _choice(c: Contact) -> ContactChoice:
    return ContactChoice(contact_id=c.id, name=c.display_name, wa_id=c.wa_id)


def match_contact(session: Session, participant: str, region: str = "KR") -> ContactMatch:
    name = nfc(participant).strip()
    if looks_like_phone(name):
        digits = e164_digits(name, region)
        found = session.scalars(select(Contact).where(Contact.wa_id == digits)).all()
        return ContactMatch(name, digits, "phone" if found else "none", tuple(_choice(c) for c in found))
    lowered = name.lower()
    found = session.scalars(
        select(Contact)
        .where(
            or_(
                Contact.saved_name == name,
                Contact.profile_name == name,
                func.lower(Contact.saved_name) == lowered,
                func.lower(Contact.profile_name) == lowered,
            )
        )
        .order_by(Contact.id)
    ).all()
    return ContactMatch(name, None, "name" if found else "none", tuple(_choice(c) for c in found))


# The export's opening texts a contact's chat must already have to be taken for the same chat: a
# "네" or "감사합니다" alone is in many chats.
OPENING_TEXTS = 2
OPENING_CHARS = 12


def contact_holding(session: Session, choices: Sequence[ContactChoice], opening: Sequence[str]) -> int | None:
    """The one contact among `choices` whose chat already has every text of `opening` (the export's
    first messages): this chat, imported before or received through the relay, so importing it
    again only fills in what is missing. None when the texts are too few or too short to tell, or
    when more than one contact has them all."""
    texts = {nfc(t).strip() for t in opening if t and t.strip()}
    if len(texts) < OPENING_TEXTS or sum(len(t) for t in texts) < OPENING_CHARS or not choices:
        return None
    holding = [
        choice.contact_id
        for choice in choices
        if session.scalar(
            select(func.count(func.distinct(Message.body))).where(
                Message.contact_id == choice.contact_id, Message.body.in_(texts)
            )
        )
        == len(texts)
    ]
    return holding[0] if len(holding) == 1 else None


def offset_in_chat(session: Session, contact_id: int, opening: Sequence[tuple[datetime, str]]) -> int | None:
    """Minutes by which the export's local times (`opening`: its first messages' times and texts)
    are ahead of the times those messages already have in this chat: the time zone it was imported
    with before, or the phone's own for messages that came through the relay. None when none of them
    is there. Importing again with another zone would add every message a second time."""
    for local, body in opening:
        text = nfc(body).strip()
        if not text:
            continue
        sent = session.scalar(
            select(Message.sent_at)
            .where(Message.contact_id == contact_id, Message.body == text)
            .order_by(Message.sent_at)
            .limit(1)
        )
        if sent is not None:
            ahead = local - sent.astimezone(UTC).replace(tzinfo=None)
            return round(ahead.total_seconds() / 900) * 15  # zones are whole quarter hours
    return None


def resolve_contact(
    session: Session,
    participant: str,
    *,
    contact_id: int | None,
    new_contact: bool,
    phone: str | None,
    region: str,
) -> tuple[Contact, bool]:
    """The contact the chat goes to, and whether it was created now.

    Raises AmbiguousContact when a contact carries the name (one or several) and the owner has not
    chosen: only a number identifies a customer, two people may share a name, and a chat filed under
    the wrong one cannot be taken apart again. The import preview never preselects such a contact
    either (ui/import_dialog.py); an import without it asks the same question.
    """
    if contact_id is not None:
        chosen = session.get(Contact, contact_id)
        if chosen is None:
            raise InvalidInput(code=ErrorCode.CHAT_CONTACT_GONE)
        return chosen, False
    match = match_contact(session, participant, region)
    wa_id = match.phone or (e164_digits(phone, region) if phone and phone.strip() else None)
    if wa_id:
        existing = session.scalars(select(Contact).where(Contact.wa_id == wa_id)).first()
        if existing is not None:
            return existing, False
    if match.by == "name" and not new_contact and not wa_id:
        raise AmbiguousContact(participant, list(match.choices))
    contact = Contact(wa_id=wa_id or None, profile_name=None if match.phone else match.participant)
    session.add(contact)
    session.flush()
    return contact, True
