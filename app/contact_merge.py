"""A customer who changed her number keeps what the owner kept on her: labels, orders, notes, flags."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, insert, literal, select, update
from sqlalchemy.orm import Session

from app.bot_pauses import carry_bot_pauses
from app.drafts import DRAFT_FILES_KEY, DRAFTS_KEY
from app.models import Contact, Order, RestockWaitlist, contact_label
from app.order_labels import refresh_order_labels
from app.settings import get_setting, put_setting


def carry_over_contact(session: Session, old_id: int, new_id: int) -> None:
    """Give the contact `new_id` what the owner kept on `old_id`, the same person's previous number,
    in the caller's transaction (the one that moves her messages). Her messages, and with them her
    unread count and last line, are the caller's; the old row stays, emptied, under the old number.

    - labels: both contacts' (the owner put each on her on purpose); the order labels then follow
      her orders, which all move to the new contact;
    - saved name, profile name, notes, business number: the new contact's when it has one, else
      the old's (what the owner wrote about the new number is the newer word);
    - pinned, blocked: either contact's (she stays where the owner put her); archived: only when
      both were (a chat the owner still reads is not hidden by the merge);
    - consents: the new contact's when given, else the old's with how it was given; a marketing
      opt-out of either number stands (she said stop, whatever number she writes from);
    - last inbound (the 24-hour window) and each chat's (business number's) bot hand-off: the later;
    - a restock wait: the item's earliest wait;
    - a draft or attached files: the one typed in the new chat, else the old chat's.
    Campaign recipients stay as they were sent (who was sent what, under which number), and a
    deleted chat's tombstone stays on the old number it guards against a re-sync.
    """
    old = session.get(Contact, old_id)
    new = session.get(Contact, new_id)
    if old is None or new is None or old_id == new_id:
        return
    if new.user_id is None and old.user_id is not None:
        # Meta's id of the person, not of the number: her events keyed by it belong to the new
        # chat. Unique, so the old row lets go of it first.
        new_user_id, old.user_id = old.user_id, None
        session.flush()
        new.user_id = new_user_id
    _carry_fields(old, new)
    session.flush()
    session.expire(old)  # the sync writes these rows with plain statements after this
    session.expire(new)
    carry_bot_pauses(session, old_id, new_id)

    session.execute(
        insert(contact_label).from_select(
            ["contact_id", "label_id"],
            select(literal(new_id), contact_label.c.label_id).where(
                contact_label.c.contact_id == old_id,
                contact_label.c.label_id.not_in(
                    select(contact_label.c.label_id).where(contact_label.c.contact_id == new_id)
                ),
            ),
        )
    )
    session.execute(delete(contact_label).where(contact_label.c.contact_id == old_id))
    if session.scalar(select(Order.id).where(Order.contact_id == old_id).limit(1)) is not None:
        session.execute(update(Order).where(Order.contact_id == old_id).values(contact_id=new_id))
        refresh_order_labels(session, new_id)  # one order label: her most urgent open order's

    _carry_waits(session, old_id, new_id)
    _carry_drafts(session, old_id, new_id)


def _carry_fields(old: Contact, new: Contact) -> None:
    for name in ("saved_name", "profile_name", "phone_number_id"):
        if not getattr(new, name) and getattr(old, name):
            setattr(new, name, getattr(old, name))
    if not (new.notes or "").strip() and (old.notes or "").strip():
        new.notes = old.notes
    new.pinned = new.pinned or old.pinned
    new.blocked = new.blocked or old.blocked
    new.archived = new.archived and old.archived
    if new.opted_in_at is None and old.opted_in_at is not None:
        new.opted_in_at, new.opted_in_how = old.opted_in_at, old.opted_in_how
    if new.marketing_consent_at is None and old.marketing_consent_at is not None:
        new.marketing_consent_at, new.marketing_consent_how = (
            old.marketing_consent_at,
            old.marketing_consent_how,
        )
    if new.night_consent_at is None:
        new.night_consent_at = old.night_consent_at
    if new.opted_out_at is None and old.opted_out_at is not None:
        new.opted_out_at, new.opted_out_reason = old.opted_out_at, old.opted_out_reason
    new.last_inbound_at = _later(new.last_inbound_at, old.last_inbound_at)


def _later(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b)


def _carry_waits(session: Session, old_id: int, new_id: int) -> None:
    olds = {
        w.item_id: w
        for w in session.scalars(select(RestockWaitlist).where(RestockWaitlist.contact_id == old_id))
    }
    if not olds:
        return
    news = {
        w.item_id: w
        for w in session.scalars(
            select(RestockWaitlist).where(
                RestockWaitlist.contact_id == new_id, RestockWaitlist.item_id.in_(list(olds))
            )
        )
    }
    for item_id, wait in olds.items():
        if item_id in news:
            news[item_id].added_at = min(news[item_id].added_at, wait.added_at)
        else:
            session.add(RestockWaitlist(item_id=item_id, contact_id=new_id, added_at=wait.added_at))
    session.flush()
    session.execute(delete(RestockWaitlist).where(RestockWaitlist.contact_id == old_id))


def _carry_drafts(session: Session, old_id: int, new_id: int) -> None:
    for key in (DRAFTS_KEY, DRAFT_FILES_KEY):
        stored = get_setting(session, key, {})
        if not isinstance(stored, dict) or str(old_id) not in stored:
            continue
        kept = dict(stored)
        # A quoted message moved with her messages: its id still names it, now in the new chat.
        kept.setdefault(str(new_id), kept.pop(str(old_id)))
        put_setting(session, key, kept)
