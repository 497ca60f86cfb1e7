"""One contact as the contact panel shows and edits it: names, notes, consent."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from app.db import Database

from app.consent import ContactConsent, consent_of
from app.errors import ChatParams, ErrorCode, InvalidInput, LimitParams
from app.models import Contact, Conversation, contact_label
from app.phones import e164_digits, number_name

NOTES_MAX = 10_000
NAME_MAX = 256


@dataclass(frozen=True, slots=True)
class GroupMember:
    """A member of a group archive; `contact_name` when their number is one of the shop's contacts."""

    name: str
    wa_id: str | None
    contact_name: str | None


@dataclass(frozen=True, slots=True)
class ContactDetails:
    id: int
    wa_id: str | None
    profile_name: str | None
    saved_name: str | None
    notes: str
    opted_in_at: datetime | None
    blocked: bool
    archived: bool
    pinned: bool
    label_ids: frozenset[int]
    # A group archive's members (None for a customer's own chat).
    group_members: tuple[GroupMember, ...] | None = None
    consent: ContactConsent = field(default_factory=ContactConsent)

    @property
    def display_name(self) -> str:
        return self.saved_name or self.profile_name or (number_name(self.wa_id) if self.wa_id else "")


def contact_details(session: Session, contact_id: int) -> ContactDetails | None:
    c = session.get(Contact, contact_id)
    if c is None:
        return None
    label_ids = frozenset(
        session.scalars(select(contact_label.c.label_id).where(contact_label.c.contact_id == contact_id))
    )
    return ContactDetails(
        c.id,
        c.wa_id,
        c.profile_name,
        c.saved_name,
        c.notes or "",
        c.opted_in_at,
        c.blocked,
        c.archived,
        c.pinned,
        label_ids,
        _group_members(session, contact_id),
        consent_of(c),
    )


def _group_members(session: Session, contact_id: int) -> tuple[GroupMember, ...] | None:
    group = session.scalars(select(Conversation).where(Conversation.contact_id == contact_id)).first()
    if group is None:
        return None
    # The linked contacts in one query (a group may have a thousand members).
    ids = [p["contact_id"] for p in group.participants if p.get("contact_id")]
    linked = {c.id: c.display_name for c in session.scalars(select(Contact).where(Contact.id.in_(ids)))}
    return tuple(
        GroupMember(str(p["name"]), p.get("wa_id"), linked.get(p.get("contact_id")))
        for p in group.participants
    )


def _contact(session: Session, contact_id: int) -> Contact:
    c = session.get(Contact, contact_id)
    if c is None:
        raise InvalidInput(code=ErrorCode.CONVERSATION_GONE)
    return c


def set_notes(session: Session, contact_id: int, notes: str) -> None:
    if len(notes) > NOTES_MAX:
        raise InvalidInput(code=ErrorCode.NOTES_TOO_LONG, params=LimitParams(NOTES_MAX))
    _contact(session, contact_id).notes = notes


def save_phone_number(db: Database, contact_id: int, raw: str, region: str) -> str:
    """`set_phone_number` in a transaction of its own (for the UI's op)."""
    with db.write() as s:
        return set_phone_number(s, contact_id, raw, region)


def set_phone_number(session: Session, contact_id: int, raw: str, region: str) -> str:
    """Give a customer known only from a phone export their number; returns it as E.164 digits."""
    import phonenumbers

    wa_id = e164_digits(raw, region)
    try:
        valid = phonenumbers.is_valid_number(phonenumbers.parse("+" + wa_id, None))
    except phonenumbers.NumberParseException:
        valid = False
    if not wa_id or not valid:
        raise InvalidInput(code=ErrorCode.CUSTOMER_NUMBER_INVALID)
    other = session.scalars(select(Contact).where(Contact.wa_id == wa_id, Contact.id != contact_id)).first()
    if other is not None:
        raise InvalidInput(code=ErrorCode.CUSTOMER_NUMBER_TAKEN, params=ChatParams(other.display_name))
    _contact(session, contact_id).wa_id = wa_id
    return wa_id


def set_saved_name(session: Session, contact_id: int, name: str) -> None:
    name = " ".join(name.split())[:NAME_MAX]
    _contact(session, contact_id).saved_name = name or None
