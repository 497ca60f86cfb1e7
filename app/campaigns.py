"""Who a campaign goes to: labels, recent chats, purchases, restock waitlists — minus who may not get it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, exists, func, or_, select, text
from sqlalchemy.orm import Session

from app import relay_clock
from app.consent import ContactConsent, consent_of, reconsent_applies
from app.conversation_rows import WAITING_SQL, from_millis
from app.models import (
    CatalogItem,
    Contact,
    Conversation,
    Order,
    OrderLine,
    RestockWaitlist,
    catalog_item_collection,
    contact_label,
    to_millis,
)
from app.orders import OrderState
from app.phones import country_of
from app.rules import first_name as name_to_address
from app.settings import load_preferences
from app.template_versions import customer_languages

MARKETING = "MARKETING"
# Meta has not delivered marketing templates to US numbers since April 2025 (Canada's +1 numbers are
# not affected: the area code tells them apart, app/phones.py country_of).
NO_MARKETING_COUNTRIES = frozenset({"US"})


class LeftOutReason(StrEnum):
    """Why a contact the audience matched will not get the campaign (most serious first)."""

    BLOCKED = "blocked"
    NO_NUMBER = "no_number"  # known only by a user id, or a group archive
    OPTED_OUT = "opted_out"  # stopped marketing messages
    # What consent is missing, named exactly: an ad needs both the notifications opt-in (Meta's) and
    # marketing consent (Korean law's), and an owner who ticked one read "no consent" as a bug.
    NO_CONSENT = "no_consent"  # no notifications opt-in (all a utility template needs)
    NO_MARKETING_CONSENT = "no_marketing_consent"  # an ad: opted in to notifications, not to marketing
    NO_NOTIFICATIONS_CONSENT = "no_notifications_consent"  # an ad: agreed to marketing, not notifications
    NO_CONSENTS = "no_consents"  # an ad: neither
    CONSENT_LAPSED = "consent_lapsed"  # marketing consent older than 23 months
    US_NUMBER = "us_number"  # +1: Meta delivers no marketing templates there
    REMOVED = "removed"  # the owner took them out by hand
    # Marked "Needs a person": the bot handed their chat over and nobody has answered yet. An ad is
    # no answer to their question (the owner may keep them in: Audience.keep_waiting).
    WAITING_FOR_PERSON = "waiting_for_person"


@dataclass(frozen=True, slots=True)
class Audience:
    """Who a campaign is meant for. Chosen criteria narrow each other; none chosen means every customer."""

    label_ids: tuple[int, ...] = ()
    all_labels: bool = False  # every chosen label (True) or any of them (False)
    wrote_within_days: int | None = None
    bought_item_ids: tuple[int, ...] = ()
    bought_collection_ids: tuple[int, ...] = ()
    bought_within_months: int | None = None
    waitlist_item_id: int | None = None
    added: tuple[int, ...] = ()  # contacts added by hand (still subject to consent)
    removed: tuple[int, ...] = ()  # contacts taken out by hand
    # Send to customers waiting for a person too (off: they are left out, LeftOutReason.WAITING_FOR_PERSON).
    keep_waiting: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "label_ids": list(self.label_ids),
            "all_labels": self.all_labels,
            "wrote_within_days": self.wrote_within_days,
            "bought_item_ids": list(self.bought_item_ids),
            "bought_collection_ids": list(self.bought_collection_ids),
            "bought_within_months": self.bought_within_months,
            "waitlist_item_id": self.waitlist_item_id,
            "added": list(self.added),
            "removed": list(self.removed),
            "keep_waiting": self.keep_waiting,
        }

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> Audience:
        def ids(key: str) -> tuple[int, ...]:
            return tuple(int(v) for v in value.get(key) or ())

        def opt(key: str) -> int | None:
            v = value.get(key)
            return int(v) if v is not None else None

        return cls(
            label_ids=ids("label_ids"),
            all_labels=bool(value.get("all_labels", False)),
            wrote_within_days=opt("wrote_within_days"),
            bought_item_ids=ids("bought_item_ids"),
            bought_collection_ids=ids("bought_collection_ids"),
            bought_within_months=opt("bought_within_months"),
            waitlist_item_id=opt("waitlist_item_id"),
            added=ids("added"),
            removed=ids("removed"),
            keep_waiting=bool(value.get("keep_waiting", False)),
        )


@dataclass(frozen=True, slots=True)
class Member:
    """One contact the audience matched, with what the campaign needs to know about them."""

    contact_id: int
    wa_id: str | None
    name: str
    consent: ContactConsent
    last_inbound_at: datetime | None
    # The shop's number they last wrote to (a phone_number_id): a campaign with no number chosen
    # reaches them from it.
    phone_number_id: str | None = None

    @property
    def first_name(self) -> str:
        return name_to_address(self.name)


@dataclass(frozen=True, slots=True)
class LeftOut:
    member: Member
    reason: LeftOutReason


@dataclass(frozen=True, slots=True)
class Resolved:
    recipients: list[Member] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    # Each recipient's language, where it can be told (app.template_versions.customer_languages):
    # which language's version of the template they get.
    languages: dict[int, str] = field(default_factory=dict)
    # How many the audience matched (and may get it) wait for a person: left out, or kept in by the owner.
    waiting: int = 0
    # With a number to send from: how many recipients never wrote to it (as_sent_from).
    strangers: int = 0

    def counts(self) -> dict[LeftOutReason, int]:
        out: dict[LeftOutReason, int] = {}
        for lo in self.left_out:
            out[lo.reason] = out.get(lo.reason, 0) + 1
        return out


def _months_ago(now: datetime, months: int) -> datetime:
    return now - timedelta(days=30 * months)


def matching_contact_ids(session: Session, audience: Audience, now: datetime) -> set[int]:
    """Contacts the criteria select (before consent, blocks and the owner's removals)."""
    stmt = select(Contact.id).where(
        ~exists().where(Conversation.contact_id == Contact.id)  # never a group archive
    )
    if audience.label_ids:
        if audience.all_labels:
            for label_id in audience.label_ids:
                stmt = stmt.where(
                    exists().where(
                        and_(contact_label.c.contact_id == Contact.id, contact_label.c.label_id == label_id)
                    )
                )
        else:
            stmt = stmt.where(
                exists().where(
                    and_(
                        contact_label.c.contact_id == Contact.id,
                        contact_label.c.label_id.in_(audience.label_ids),
                    )
                )
            )
    if audience.wrote_within_days is not None:
        since = now - timedelta(days=audience.wrote_within_days)
        stmt = stmt.where(Contact.last_inbound_at >= since)
    if audience.bought_item_ids or audience.bought_collection_ids or audience.bought_within_months:
        bought = (
            select(Order.contact_id)
            .join(OrderLine, OrderLine.order_id == Order.id)
            .where(Order.state != OrderState.CANCELLED, Order.contact_id.is_not(None))
        )
        if audience.bought_within_months is not None:
            bought = bought.where(Order.created_at >= _months_ago(now, audience.bought_within_months))
        item_filters = []
        if audience.bought_item_ids:
            item_filters.append(OrderLine.item_id.in_(audience.bought_item_ids))
        if audience.bought_collection_ids:
            in_collection = select(catalog_item_collection.c.item_id).where(
                catalog_item_collection.c.collection_id.in_(audience.bought_collection_ids)
            )
            item_filters.append(OrderLine.item_id.in_(in_collection))
        if item_filters:
            bought = bought.where(or_(*item_filters))
        stmt = stmt.where(Contact.id.in_(bought))
    if audience.waitlist_item_id is not None:
        stmt = stmt.where(
            Contact.id.in_(
                select(RestockWaitlist.contact_id).where(RestockWaitlist.item_id == audience.waitlist_item_id)
            )
        )
    return set(session.scalars(stmt))


def _members(session: Session, ids: Iterable[int]) -> list[Member]:
    out: list[Member] = []
    chunk: list[int] = []
    all_ids = sorted(set(ids))
    for i in range(0, len(all_ids), 500):
        chunk = all_ids[i : i + 500]
        for c in session.scalars(select(Contact).where(Contact.id.in_(chunk))):
            out.append(
                Member(c.id, c.wa_id, c.display_name, consent_of(c), c.last_inbound_at, c.phone_number_id)
            )
    out.sort(key=lambda m: (m.name.casefold(), m.contact_id))
    return out


def left_out_reason(
    member: Member, category: str, now: datetime, *, shop_region: str = "KR"
) -> LeftOutReason | None:
    """Why this contact may not get a template of `category` now; None when they may. `shop_region`:
    the shop's country, which decides whether Korea's two-year re-consent applies (reconsent_applies)."""
    consent = member.consent
    marketing = category.upper() == MARKETING
    if consent.blocked:
        return LeftOutReason.BLOCKED
    if not member.wa_id:
        return LeftOutReason.NO_NUMBER
    if marketing and consent.opted_out_at is not None:
        return LeftOutReason.OPTED_OUT
    if missing := missing_consent(consent, marketing):
        return missing
    if marketing and consent.marketing_lapsed(now) and reconsent_applies(shop_region, member.wa_id):
        return LeftOutReason.CONSENT_LAPSED
    if marketing and country_of(member.wa_id) in NO_MARKETING_COUNTRIES:
        return LeftOutReason.US_NUMBER
    return None


def missing_consent(consent: ContactConsent, marketing: bool) -> LeftOutReason | None:
    """Which consent a template needs that the contact has not given (an ad needs both)."""
    notifications = consent.opted_in_at is not None
    if not marketing:
        return None if notifications else LeftOutReason.NO_CONSENT
    if consent.marketing_at is None:
        return LeftOutReason.NO_MARKETING_CONSENT if notifications else LeftOutReason.NO_CONSENTS
    return None if notifications else LeftOutReason.NO_NOTIFICATIONS_CONSENT


def resolve_audience(
    session: Session,
    audience: Audience,
    category: str,
    now: datetime | None = None,
    *,
    languages: bool = False,
) -> Resolved:
    """The recipients and, for everyone else the audience matched, why they are left out; with
    `languages`, each recipient's language too (for a template approved in several). `now` by default
    is the relay's (a consent's two years and the 24-hour window are counted on WhatsApp's clock)."""
    now = now or relay_clock.now()
    ids = matching_contact_ids(session, audience, now) | set(audience.added)
    removed = set(audience.removed)
    waiting_ids = waiting_for_person(session, ids, now)
    recipients: list[Member] = []
    left_out: list[LeftOut] = []
    waiting = 0
    shop_region = load_preferences(session).shop_region
    for member in _members(session, ids):
        reason = left_out_reason(member, category, now, shop_region=shop_region)
        if reason is None and member.contact_id in removed:
            reason = LeftOutReason.REMOVED
        if reason is None and member.contact_id in waiting_ids:
            waiting += 1
            if not audience.keep_waiting:
                reason = LeftOutReason.WAITING_FOR_PERSON
        if reason is None:
            recipients.append(member)
        else:
            left_out.append(LeftOut(member, reason))
    if not languages:
        return Resolved(recipients, left_out, waiting=waiting)
    return Resolved(
        recipients,
        left_out,
        customer_languages(session, ((m.contact_id, m.wa_id) for m in recipients)),
        waiting,
    )


# Each of a list of contacts with their newest live message to the business number (history backfill
# and WhatsApp's own notices open no window), one short descent of ix_message_inbound_number each.
_LAST_WRITTEN_SQL = text(
    """
    SELECT j.value, (
      SELECT m.sent_at FROM message m
       WHERE m.contact_id = j.value AND m.phone_number_id = :number AND m.direction = 'in'
         AND m.imported = 0 AND m.kind != 'system'
       ORDER BY m.sent_at DESC LIMIT 1)
      FROM json_each(:ids) j
    """
)


def as_sent_from(
    session: Session, recipients: Sequence[Member], phone_number_id: str
) -> tuple[list[Member], int]:
    """`recipients` as a campaign from the business number meets them: each one's last message to
    that number (WhatsApp's 24-hour window, which decides a utility template's price, is per number),
    and how many never wrote to it (it reaches them from a number they may not know, and their
    replies open a chat with it, not the one they have)."""
    written: dict[int, datetime | None] = {}
    wanted = sorted({m.contact_id for m in recipients})
    for i in range(0, len(wanted), 500):
        chunk = json.dumps(wanted[i : i + 500])
        for contact_id, millis in session.execute(
            _LAST_WRITTEN_SQL, {"ids": chunk, "number": phone_number_id}
        ):
            written[int(contact_id)] = from_millis(millis)
    met = [dataclasses.replace(m, last_inbound_at=written.get(m.contact_id)) for m in recipients]
    return met, sum(1 for m in met if m.last_inbound_at is None)


def waiting_for_person(session: Session, ids: Iterable[int], now: datetime) -> set[int]:
    """Of `ids`, the contacts whose chat is marked "Needs a person" (ConversationRow.waits_for_person)."""
    wanted = sorted(set(ids))
    out: set[int] = set()
    sql = text(
        "SELECT c.id FROM contact c LEFT JOIN message m ON m.id = c.last_message_id "
        f"WHERE c.id IN (SELECT value FROM json_each(:ids)) AND {WAITING_SQL}"
    )
    for i in range(0, len(wanted), 500):
        chunk = json.dumps(wanted[i : i + 500])
        out.update(session.scalars(sql, {"ids": chunk, "now": to_millis(now)}))
    return out


# --------------------------------------------------------------------------- parameters


class ParameterSource(StrEnum):
    FIRST_NAME = "first_name"
    NAME = "name"
    TEXT = "text"  # fixed text: a coupon code, a deadline


@dataclass(frozen=True, slots=True)
class ParameterSpec:
    """Where one {{n}} of the template's body comes from; `text` is the fixed text or the fallback."""

    source: ParameterSource = ParameterSource.TEXT
    text: str = ""

    def to_json(self) -> dict[str, str]:
        return {"source": self.source.value, "text": self.text}

    @classmethod
    def from_json(cls, value: dict[str, Any]) -> ParameterSpec:
        return cls(ParameterSource(str(value.get("source", "text"))), str(value.get("text", "")))


def parameter_values(specs: Sequence[ParameterSpec], member: Member) -> tuple[str, ...]:
    """The parameters for one recipient; a field they lack falls back to the spec's text."""
    values = []
    for spec in specs:
        if spec.source == ParameterSource.FIRST_NAME:
            value = member.first_name
        elif spec.source == ParameterSource.NAME:
            value = member.name
        else:
            value = ""
        values.append((value or spec.text).strip())
    return tuple(values)


def empty_blanks(specs: Sequence[ParameterSpec], members: Sequence[Member]) -> tuple[int, ...]:
    """The numbers n of the {{n}} some recipient would get empty (WhatsApp refuses the send); with
    nobody to send to yet, those left without text."""
    if not members:
        unfilled = (s.source == ParameterSource.TEXT and not s.text.strip() for s in specs)
        return tuple(i for i, empty in enumerate(unfilled, 1) if empty)
    return empty_values(parameter_values(specs, m) for m in members)


def empty_values(rows: Iterable[Sequence[str]]) -> tuple[int, ...]:
    """The numbers n of the {{n}} empty in any of the recipients' `rows` of values."""
    return tuple(sorted({i for values in rows for i, v in enumerate(values, 1) if not v}))


def blank_names(numbers: Sequence[int]) -> str:
    """'{{1}}, {{2}}': the blanks of a template as the owner sees them in it."""
    return ", ".join(f"{{{{{n}}}}}" for n in numbers)


# --------------------------------------------------------------------------- restock waitlist


def add_to_waitlist(session: Session, item_id: int, contact_id: int, now: datetime | None = None) -> bool:
    """Put a customer on an item's restock waitlist; False when they already were."""
    if session.get(RestockWaitlist, (item_id, contact_id)) is not None:
        return False
    session.add(RestockWaitlist(item_id=item_id, contact_id=contact_id, added_at=now or datetime.now(UTC)))
    session.flush()
    return True


def remove_from_waitlist(session: Session, item_id: int, contact_id: int) -> None:
    row = session.get(RestockWaitlist, (item_id, contact_id))
    if row is not None:
        session.delete(row)


@dataclass(frozen=True, slots=True)
class WaitlistItem:
    item_id: int
    name: str
    waiting: int


def waitlisted_items(session: Session) -> list[WaitlistItem]:
    """Items someone waits for, most awaited first (the audience builder offers these)."""
    rows = session.execute(
        select(CatalogItem.id, CatalogItem.name, func.count(RestockWaitlist.contact_id))
        .join(RestockWaitlist, RestockWaitlist.item_id == CatalogItem.id)
        .group_by(CatalogItem.id)
        .order_by(func.count(RestockWaitlist.contact_id).desc(), CatalogItem.name)
    )
    return [WaitlistItem(int(i), str(n), int(c)) for i, n, c in rows]
