"""A contact's consents: notifications opt-in, marketing, night-time marketing, opt-out and block."""

from __future__ import annotations

import calendar
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Literal, Protocol

from sqlalchemy.orm import Session

from app import relay_clock
from app.changes import Changes
from app.errors import ErrorCode, InvalidInput, RelayError
from app.models import Contact
from app.wire import OptOutReason

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from app.db import Database

ConsentKind = Literal["notifications", "marketing", "night", "opt_out"]

# Korea's information-and-communications law asks to re-confirm marketing consent every two years;
# a consent older than this is treated as lapsed (a utility template can ask again).
CONSENT_MAX_AGE = timedelta(days=23 * 30)


class ConsentHow(StrEnum):
    """How a customer gave a consent (kept with its date, as the law asks the shop to show)."""

    CHAT = "chat"  # asked and agreed in a WhatsApp chat
    WEBSITE = "website"  # a form on the shop's site
    IN_STORE = "in_store"  # in person, at the shop or a market stall
    PHONE = "phone"
    PAPER = "paper"  # a signed form
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class ContactConsent:
    opted_in_at: datetime | None = None
    opted_in_how: str = ""
    marketing_at: datetime | None = None
    marketing_how: str = ""
    night_at: datetime | None = None
    opted_out_at: datetime | None = None
    opted_out_reason: str = ""
    blocked: bool = False

    def marketing_lapsed(self, now: datetime) -> bool:
        """The marketing consent is older than the two years Korean law allows without re-confirming."""
        return self.marketing_at is not None and now - self.marketing_at > CONSENT_MAX_AGE


def reconsent_applies(shop_region: str, wa_id: str | None = None) -> bool:
    """Korea's two-year re-confirmation binds a Korean shop, and any shop's ads to a Korean (+82)
    number; a British or American shop's own customers are not left out of its campaigns by it."""
    return shop_region.upper() == "KR" or (wa_id or "").startswith("82")


def calendar_months(start: date, end: date) -> int:
    """Whole calendar months from `start` to `end`: 2024-12-03 → 2026-12-03 is 24, → 2026-12-02 is 23.
    A start late in a month counts its month full on the last day of a shorter one (01-31 → 02-28).
    The consent's age as the owner reads it; 30-day months fell a month short over two years."""
    months = (end.year - start.year) * 12 + end.month - start.month
    last_day = calendar.monthrange(end.year, end.month)[1]
    if end.day < start.day and end.day < last_day:
        months -= 1
    return max(0, months)


def consent_of(c: Contact) -> ContactConsent:
    return ContactConsent(
        c.opted_in_at,
        c.opted_in_how or "",
        c.marketing_consent_at,
        c.marketing_consent_how or "",
        c.night_consent_at,
        c.opted_out_at,
        c.opted_out_reason or "",
        bool(c.blocked),
    )


def _contact(session: Session, contact_id: int) -> Contact:
    c = session.get(Contact, contact_id)
    if c is None:
        raise InvalidInput(code=ErrorCode.CONVERSATION_GONE)
    return c


def _how(how: str) -> str:
    return ConsentHow(how).value if how else ""


def set_notifications_consent(
    session: Session, contact_id: int, on: bool, how: str = "", *, now: datetime | None = None
) -> None:
    """Record (or withdraw) the opt-in Meta requires before any business-initiated template."""
    c = _contact(session, contact_id)
    if on:
        if c.opted_in_at is None:
            c.opted_in_at = now or relay_clock.now()
        c.opted_in_how = _how(how)
    else:
        c.opted_in_at = None
        c.opted_in_how = ""


def set_marketing_consent(
    session: Session, contact_id: int, on: bool, how: str = "", *, now: datetime | None = None
) -> None:
    """Record marketing consent; giving it again (re-confirming) renews its date and ends an opt-out."""
    c = _contact(session, contact_id)
    if on:
        c.marketing_consent_at = now or relay_clock.now()
        c.marketing_consent_how = _how(how)
        c.opted_out_at = None
        c.opted_out_reason = ""
    else:
        c.marketing_consent_at = None
        c.marketing_consent_how = ""
        c.night_consent_at = None


def set_night_consent(session: Session, contact_id: int, on: bool, *, now: datetime | None = None) -> None:
    """The separate consent Korean law asks for marketing sent 21:00–08:00."""
    c = _contact(session, contact_id)
    c.night_consent_at = (c.night_consent_at or now or relay_clock.now()) if on else None


def set_opted_out(
    session: Session,
    contact_id: int,
    on: bool,
    reason: str = OptOutReason.OWNER,
    *,
    now: datetime | None = None,
) -> None:
    """Opt a contact out of marketing (or clear an opt-out the owner recorded by mistake)."""
    c = _contact(session, contact_id)
    if on:
        c.opted_out_at = now or relay_clock.now()
        c.opted_out_reason = OptOutReason(reason).value
    else:
        c.opted_out_at = None
        c.opted_out_reason = ""


def apply_remote_opt_out(c: Contact, opted_out_at: datetime | None, reason: str | None) -> None:
    """A relay `contact` event: an opt-out (any reason) or a resume (which clears only `meta_stop`)."""
    if opted_out_at is not None:
        c.opted_out_at = opted_out_at
        c.opted_out_reason = (reason or "")[:16]
    elif c.opted_out_reason == OptOutReason.META_STOP:
        # Meta's "marketing messages resumed" undoes only its own stop, never a keyword or owner one.
        c.opted_out_at = None
        c.opted_out_reason = ""


def load_consent(session: Session, contact_id: int) -> ContactConsent | None:
    c = session.get(Contact, contact_id)
    return consent_of(c) if c is not None else None


# ---------------------------------------------------------------- one transaction each, for the UI's ops


def read_consent(db: Database, contact_id: int) -> ContactConsent | None:
    with db.read() as session:
        return load_consent(session, contact_id)


def record_consent(
    db: Database,
    contact_id: int,
    kind: ConsentKind,
    on: bool,
    how: str = "",
) -> Changes:
    """The owner ticked or cleared one consent (or recorded an opt-out) in the contact panel."""
    with db.write() as session:
        if kind == "notifications":
            set_notifications_consent(session, contact_id, on, how)
        elif kind == "marketing":
            set_marketing_consent(session, contact_id, on, how)
        elif kind == "night":
            set_night_consent(session, contact_id, on)
        else:
            set_opted_out(session, contact_id, on, OptOutReason.OWNER)
    return Changes.for_contacts([contact_id], messages=False)


class OptOutClient(Protocol):
    def record_opt_out(self, wa_id: str, opted_out: bool) -> None: ...


def tell_relay_opt_out(db: Database, client: OptOutClient, contact_id: int, opted_out: bool) -> bool:
    """Let the relay hold the owner's opt-out too (it then refuses marketing even in a hand-built request).

    Best effort: offline, the next campaign still carries this contact's consent flags, which the
    relay obeys. Returns whether the relay took it.
    """
    with db.read() as session:
        c = session.get(Contact, contact_id)
        wa_id = c.wa_id if c is not None else None
    if not wa_id:
        return False
    try:
        client.record_opt_out(wa_id, opted_out)
    except RelayError as exc:
        log.warning("the relay did not take the owner's opt-out: %s", exc.code)
        return False
    return True
