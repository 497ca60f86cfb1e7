"""Group chats from phone exports: one read-only archive conversation, its participants, no sending."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.chat_export.parser import looks_like_phone
from app.models import Contact, Conversation, ConversationKind
from app.phones import e164_digits


def participant(session: Session, name: str, region: str) -> dict[str, Any]:
    """How a group member is kept: a number is normalised and linked to the contact with that
    number; a name is kept as written and never matched to a contact (two people share names)."""
    if not looks_like_phone(name):
        return {"name": name, "wa_id": None, "contact_id": None}
    digits = e164_digits(name, region)
    contact_id = (
        session.scalars(select(Contact.id).where(Contact.wa_id == digits)).first() if digits else None
    )
    return {"name": name, "wa_id": digits or None, "contact_id": contact_id}


def resolve_group_archive(
    session: Session, title: str, names: list[str], region: str
) -> tuple[Contact, bool]:
    """The archive's chat-list contact for a group export, and whether it was created now.

    Importing the same group again finds its archive by name and adds members it did not know.
    """
    existing = session.scalars(
        select(Conversation)
        .where(Conversation.kind == ConversationKind.GROUP_ARCHIVE, Conversation.name == title)
        .order_by(Conversation.id)
    ).first()
    if existing is not None:
        known = {p["name"] for p in existing.participants}
        added = [participant(session, n, region) for n in names if n not in known]
        if added:
            existing.participants = [*existing.participants, *added]
        return existing.contact, False
    # No number: the relay can never address it, so neither sending nor automations reach it.
    holder = Contact(wa_id=None, profile_name=title)
    session.add(holder)
    session.flush()
    session.add(
        Conversation(
            kind=ConversationKind.GROUP_ARCHIVE,
            name=title,
            participants=[participant(session, n, region) for n in names],
            contact_id=holder.id,
        )
    )
    session.flush()
    return holder, True


def is_group_archive(session: Session, contact_id: int) -> bool:
    """True when the chat of `contact_id` is a group archive (read-only)."""
    return (
        session.scalars(
            select(Conversation.id).where(
                Conversation.contact_id == contact_id, Conversation.kind == ConversationKind.GROUP_ARCHIVE
            )
        ).first()
        is not None
    )


def group_archive(session: Session, contact_id: int) -> Conversation | None:
    return session.scalars(select(Conversation).where(Conversation.contact_id == contact_id)).first()
