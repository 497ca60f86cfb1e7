"""Finding contacts by name or number for pickers (e.g. a greeting's "everyone except…" list)."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.models import Contact
from app.text import has_initials, is_initials_query, like_pattern, needs_casefold, nfc

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

PATTERN_LIMIT = 100


@dataclass(frozen=True, slots=True)
class ContactChoice:
    wa_id: str
    name: str  # saved name, else profile name, else ""


def _choice(c: Contact) -> ContactChoice:
    return ContactChoice(wa_id=c.wa_id or "", name=c.saved_name or c.profile_name or "")


def find_contacts(session: Session, pattern: str, limit: int = 50) -> list[ContactChoice]:
    """Contacts with a phone number whose name or number contains `pattern`, most recent chats first."""
    pattern = nfc(pattern[:PATTERN_LIMIT]).strip()
    stmt = select(Contact).where(Contact.wa_id.is_not(None))
    if is_initials_query(pattern):  # 'ㄱㅁㅈ' for 김민지: the names' initials, worked out here
        newest = session.scalars(stmt.order_by(Contact.last_message_at.desc().nulls_last(), Contact.id))
        found = (c for c in newest if has_initials(pattern, c.saved_name, c.profile_name))
        return [_choice(c) for c in itertools.islice(found, limit)]
    if pattern:
        like = like_pattern(pattern)
        digits = "".join(ch for ch in pattern if ch.isdigit())
        if needs_casefold(pattern):  # 'müller' finds "MÜLLER": LIKE folds ASCII letters only
            folded = like_pattern(pattern.casefold())
            conditions = [
                func.casefold(Contact.saved_name).like(folded, escape="\\"),
                func.casefold(Contact.profile_name).like(folded, escape="\\"),
            ]
        else:
            conditions = [
                Contact.saved_name.like(like, escape="\\"),
                Contact.profile_name.like(like, escape="\\"),
            ]
        if digits:
            conditions.append(Contact.wa_id.like(f"%{digits}%"))
        stmt = stmt.where(or_(*conditions))
    stmt = stmt.order_by(Contact.last_message_at.desc().nulls_last(), Contact.id).limit(limit)
    return [_choice(c) for c in session.scalars(stmt)]


def contacts_by_wa_ids(session: Session, wa_ids: Iterable[str]) -> list[ContactChoice]:
    """Names for stored numbers, in the given order; a number no longer in the inbox keeps name ""."""
    ids = list(dict.fromkeys(wa_ids))
    if not ids:
        return []
    found = {c.wa_id: _choice(c) for c in session.scalars(select(Contact).where(Contact.wa_id.in_(ids)))}
    return [found.get(w, ContactChoice(wa_id=w, name="")) for w in ids]


class ContactDirectory:
    """Contact look-ups for the UI's ops (never on the GUI thread): each call is one short read session."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def find(self, pattern: str, limit: int = 50) -> list[ContactChoice]:
        with self.db.read() as s:
            return find_contacts(s, pattern, limit)

    def by_wa_ids(self, wa_ids: Iterable[str]) -> list[ContactChoice]:
        with self.db.read() as s:
            return contacts_by_wa_ids(s, wa_ids)
