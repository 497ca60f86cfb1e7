"""Campaigns on the desktop: drafts, what was handed to the relay, and the report read from the chats."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.business_numbers import BUSINESS_NUMBERS_KEY, NumberChoice, number_choices
from app.campaign_checks import Prices
from app.campaigns import Audience, Member, ParameterSpec, parameter_values
from app.errors import ErrorCode, InvalidInput
from app.models import Campaign, CampaignRecipient, Contact, Direction, Message, MessageStatus
from app.settings import get_setting
from app.ticks import UNKNOWN_OUTCOME
from app.wire import (
    CAMPAIGN_PACE_DEFAULT,
    CAMPAIGN_PACE_MAX,
    BusinessProfile,
    CampaignReason,
    CampaignState,
    MenuBot,
    RecipientState,
    Template,
)

if TYPE_CHECKING:
    from app.db import Database

NAME_MAX = 100
PACE_DEFAULT = CAMPAIGN_PACE_DEFAULT
PACE_MAX = CAMPAIGN_PACE_MAX
REPLY_WINDOW = timedelta(hours=72)  # a message from the recipient this soon after counts as a reply


# Before the relay has it, a campaign is a draft on this desktop; after, its state is the relay's
# (a CampaignState, or a newer one kept as it is).
DRAFT = "draft"


@dataclass(frozen=True, slots=True)
class CampaignDraft:
    name: str
    template: Template | None = None
    parameters: tuple[ParameterSpec, ...] = ()
    header_media: dict[str, Any] | None = None  # {"kind": "image", "link"/"id": …}
    audience: Audience = field(default_factory=Audience)
    scheduled_at: datetime | None = None  # None: now
    pace: int = PACE_DEFAULT
    # The business number it goes out from, in a shop with two or more (a phone_number_id); None:
    # each customer's own, the number they last wrote to (as every campaign went before the choice).
    phone_number_id: str | None = None


def new_uid() -> str:
    return uuid.uuid4().hex


def save_draft(session: Session, draft: CampaignDraft, campaign_id: int | None = None) -> int:
    """Create or update a draft; a campaign handed to the relay cannot be edited any more."""
    name = " ".join(draft.name.split())[:NAME_MAX]
    if not name:
        raise InvalidInput(code=ErrorCode.CAMPAIGN_NAME_EMPTY)
    if campaign_id is None:
        row = Campaign(uid=new_uid(), state=DRAFT, counts={})
        session.add(row)
    else:
        found = session.get(Campaign, campaign_id)
        if found is None or found.state != DRAFT:
            raise InvalidInput(code=ErrorCode.CAMPAIGN_NOT_EDITABLE)
        row = found
    t = draft.template
    row.name = name
    row.template_name = t.name if t else ""
    row.template_language = t.language if t else ""
    row.template_category = t.category.upper() if t else ""
    row.template = t.model_dump(mode="json") if t else None
    row.parameters = [p.to_json() for p in draft.parameters]
    row.header_media = draft.header_media
    row.audience = draft.audience.to_json()
    row.scheduled_at = draft.scheduled_at
    row.pace = max(1, min(PACE_MAX, draft.pace))
    row.phone_number_id = draft.phone_number_id or None
    session.flush()
    return row.id


def load_draft(session: Session, campaign_id: int) -> CampaignDraft | None:
    row = session.get(Campaign, campaign_id)
    if row is None:
        return None
    return CampaignDraft(
        name=row.name,
        template=Template.model_validate(row.template) if row.template else None,
        parameters=tuple(ParameterSpec.from_json(p) for p in row.parameters or []),
        header_media=row.header_media,
        audience=Audience.from_json(row.audience or {}),
        scheduled_at=row.scheduled_at,
        pace=row.pace,
        phone_number_id=row.phone_number_id,
    )


def copy_campaign(session: Session, campaign_id: int, name: str) -> int | None:
    """A new draft named `name` like the campaign (a draft, sent or cancelled): its audience,
    template, fields, header, pace and number, to send again. No schedule (its time has gone, or is the
    other's), and nothing of its report: who got it stays with the original. None: it is gone."""
    original = load_draft(session, campaign_id)
    if original is None:
        return None
    return save_draft(session, dataclasses.replace(original, name=name, scheduled_at=None))


def record_handed_over(
    session: Session, campaign_id: int, recipients: Sequence[Member], now: datetime | None = None
) -> list[tuple[Member, tuple[str, ...]]]:
    """Keep who the campaign goes to, with each one's parameters, as handed to the relay."""
    row = session.get(Campaign, campaign_id)
    if row is None or row.state != DRAFT:
        raise InvalidInput(code=ErrorCode.CAMPAIGN_NOT_EDITABLE)
    specs = [ParameterSpec.from_json(p) for p in row.parameters or []]
    # A hand-over the relay never answered left the last list: this one replaces it.
    session.execute(delete(CampaignRecipient).where(CampaignRecipient.campaign_id == campaign_id))
    out: list[tuple[Member, tuple[str, ...]]] = []
    for m in recipients:
        values = parameter_values(specs, m)
        session.add(
            CampaignRecipient(
                campaign_id=campaign_id,
                contact_id=m.contact_id,
                wa_id=m.wa_id or "",
                parameters=list(values),
            )
        )
        out.append((m, values))
    session.flush()
    return out


@dataclass(frozen=True, slots=True)
class Progressed:
    campaign_id: int  # the local id
    stopped: bool  # the relay has just paused it for a reason of Meta's, not the owner's


def set_progress(
    session: Session,
    uid: str,
    state: str,
    counts: dict[str, Any],
    reason: str | None,
    *,
    waiting_until: datetime | None = None,
    sent_at: datetime | None = None,
) -> Progressed | None:
    """The relay's state, why (a CampaignReason, or None), until when it waits for Meta's limit, and
    counts for a campaign (None when it is unknown here: another desktop's)."""
    row = session.scalar(select(Campaign).where(Campaign.uid == uid))
    if row is None:
        return None
    before = (row.state, row.reason)
    row.state = state[:20]
    row.reason = (reason or "")[:32]
    row.waiting_until = waiting_until if state == CampaignState.WAITING_FOR_LIMIT else None
    row.counts = dict(counts)
    if sent_at is not None and row.sent_at is None:
        row.sent_at = sent_at
    stopped = (
        row.state == CampaignState.PAUSED
        and row.reason not in ("", CampaignReason.OWNER)
        and before != (row.state, row.reason)
    )
    return Progressed(row.id, stopped)


def stopped_campaigns(session: Session, campaign_ids: Iterable[int]) -> list[tuple[int, str, str]]:
    """(id, name, reason) of those of the campaigns still paused by the relay, oldest first."""
    rows = session.execute(
        select(Campaign.id, Campaign.name, Campaign.reason)
        .where(
            Campaign.id.in_(list(campaign_ids)),
            Campaign.state == CampaignState.PAUSED,
            Campaign.reason.not_in(("", CampaignReason.OWNER)),
        )
        .order_by(Campaign.id)
    )
    return [(int(i), str(name), str(reason)) for i, name, reason in rows]


def delete_draft(session: Session, campaign_id: int) -> None:
    row = session.get(Campaign, campaign_id)
    if row is not None and row.state == DRAFT:
        session.delete(row)


# --------------------------------------------------------------------------- list


@dataclass(frozen=True, slots=True)
class CampaignRow:
    id: int
    uid: str
    name: str
    state: str
    template_name: str
    category: str
    recipients: int
    scheduled_at: datetime | None
    sent_at: datetime | None
    created_at: datetime
    reason: str = ""  # why the relay paused or holds it (a CampaignReason); "": none
    waiting_until: datetime | None = None  # waiting for Meta's messaging limit: when it goes on
    # The shop's number it goes (went) from, as people dial it (Meta's display number), in a shop with
    # two or more: None for each customer's own; "" for a number the shop no longer has.
    from_number: str | None = None


def _dialled_numbers(session: Session) -> dict[str, str]:
    """The shop's numbers, phone_number_id → as people dial it, when it has two or more."""
    return {
        c.phone_number_id: c.number for c in number_choices(get_setting(session, BUSINESS_NUMBERS_KEY, {}))
    }


def sent_from(numbers: dict[str, str], phone_number_id: str | None) -> str | None:
    """The number a campaign goes from as people dial it (see CampaignRow.from_number)."""
    return numbers.get(phone_number_id, "") if phone_number_id else None


def campaign_rows(session: Session) -> list[CampaignRow]:
    from sqlalchemy import func

    numbers = _dialled_numbers(session)
    counts = dict(
        session.execute(
            select(CampaignRecipient.campaign_id, func.count()).group_by(CampaignRecipient.campaign_id)
        ).all()
    )
    rows = session.scalars(select(Campaign).order_by(Campaign.created_at.desc(), Campaign.id.desc()))
    return [
        CampaignRow(
            r.id,
            r.uid,
            r.name,
            r.state,
            r.template_name,
            r.template_category,
            int(counts.get(r.id, 0)),
            r.scheduled_at,
            r.sent_at,
            r.created_at,
            r.reason,
            r.waiting_until,
            sent_from(numbers, r.phone_number_id),
        )
        for r in rows
    ]


# --------------------------------------------------------------------------- report


@dataclass(frozen=True, slots=True)
class RecipientRow:
    contact_id: int
    name: str
    wa_id: str
    state: RecipientState
    error_code: str | None
    sent_at: datetime | None
    replied: bool
    opted_out: bool
    # What only the relay knows (app/campaign_recipients.py): why it skipped or held this customer
    # (a SkipReason), or the name of a late failure; and until when a night-time hold lasts.
    reason: str | None = None
    held_until: datetime | None = None
    # The language of the template's version this customer was sent (app/template_versions.py), read
    # from the campaign message in their chat; None until it is sent.
    language: str | None = None


@dataclass(frozen=True, slots=True)
class CampaignReport:
    name: str
    state: str
    rows: list[RecipientRow]
    template_name: str = ""
    sent_at: datetime | None = None  # when it was handed to the relay
    # The relay's own counts by RecipientState (held until 08:00, skipped, queued…), from its events.
    relay_counts: dict[str, int] = field(default_factory=dict)
    uid: str = ""  # the campaign's id on the relay
    # Each recipient's state as the relay tells it was merged in (False: the chats' view only, e.g.
    # offline, so skipped and held customers show as waiting).
    relay_details: bool = False
    reason: str = ""  # why the relay paused or holds it (a CampaignReason); "": none
    scheduled_at: datetime | None = None  # the time the owner set it for (None: sent at once)
    waiting_until: datetime | None = None  # waiting for Meta's messaging limit: when it goes on
    from_number: str | None = None  # as CampaignRow.from_number
    # No number chosen in a shop with two or more: each customer gets it from the one they last wrote to.
    own_numbers: bool = False

    def count(self, *states: RecipientState) -> int:
        return sum(1 for r in self.rows if r.state in states)

    @property
    def sent(self) -> int:
        return self.count(RecipientState.SENT, RecipientState.DELIVERED, RecipientState.READ)

    @property
    def delivered(self) -> int:
        return self.count(RecipientState.DELIVERED, RecipientState.READ)

    @property
    def read(self) -> int:
        return self.count(RecipientState.READ)

    @property
    def replied(self) -> int:
        return sum(1 for r in self.rows if r.replied)

    @property
    def opted_out(self) -> int:
        return sum(1 for r in self.rows if r.opted_out)

    def failed_by_reason(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rows:
            if r.state == RecipientState.FAILED:
                key = r.error_code or ""
                out[key] = out.get(key, 0) + 1
        return out


def _recipient_state(status: str | None, error_code: str | None) -> RecipientState:
    """The state the chats show: queued until the relay's send arrives, then the message's ticks."""
    if status is None or status == MessageStatus.PENDING:
        return RecipientState.QUEUED
    if status == MessageStatus.FAILED:
        return RecipientState.UNKNOWN if error_code == UNKNOWN_OUTCOME else RecipientState.FAILED
    return RecipientState(status) if status in RecipientState.__members__.values() else RecipientState.SENT


def _sent_language(payload: object) -> str | None:
    """The template language a campaign message went in: its body's template.language.code."""
    template = payload.get("template") if isinstance(payload, dict) else None
    language = template.get("language") if isinstance(template, dict) else None
    code = language.get("code") if isinstance(language, dict) else None
    return code if isinstance(code, str) and code else None


def campaign_report(session: Session, campaign_id: int) -> CampaignReport | None:
    """Per recipient: the campaign message's ticks, a reply within 72 hours, an opt-out since."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        return None
    sends: dict[int, tuple[str, str | None, datetime]] = {}
    languages: dict[int, str] = {}
    for m in session.execute(
        select(Message.contact_id, Message.status, Message.error_code, Message.sent_at, Message.payload)
        .where(Message.campaign_id == campaign.uid)
        .order_by(Message.id)
    ):
        sends[int(m.contact_id)] = (m.status, m.error_code, m.sent_at)
        language = _sent_language(m.payload)
        if language:
            languages[int(m.contact_id)] = language
    rows: list[RecipientRow] = []
    recipients = session.execute(
        select(CampaignRecipient.contact_id, CampaignRecipient.wa_id, Contact)
        .join(Contact, Contact.id == CampaignRecipient.contact_id)
        .where(CampaignRecipient.campaign_id == campaign_id)
    ).all()
    for contact_id, wa_id, contact in recipients:
        send = sends.get(int(contact_id))
        status: str | None = send[0] if send else None
        error_code: str | None = send[1] if send else None
        sent_at: datetime | None = send[2] if send else None
        replied = False
        if sent_at is not None:
            replied = (
                session.scalar(
                    select(Message.id)
                    .where(
                        Message.contact_id == contact_id,
                        Message.direction == Direction.IN,
                        # WhatsApp's timestamps have 1 s resolution: a reply in the same second counts.
                        Message.sent_at >= sent_at.replace(microsecond=0),
                        Message.sent_at <= sent_at + REPLY_WINDOW,
                    )
                    .limit(1)
                )
                is not None
            )
        # Only one who was sent this campaign can have opted out because of it: a customer it skipped
        # or never reached, who opted out after a later campaign, counted here too.
        opted_out = (
            sent_at is not None and contact.opted_out_at is not None and contact.opted_out_at >= sent_at
        )
        rows.append(
            RecipientRow(
                int(contact_id),
                contact.display_name,
                wa_id,
                _recipient_state(status, error_code),
                error_code if status == MessageStatus.FAILED else None,
                sent_at,
                replied,
                opted_out,
                language=languages.get(int(contact_id)),
            )
        )
    rows.sort(key=lambda r: (r.name.casefold(), r.contact_id))
    relay_counts = {str(k): int(v) for k, v in (campaign.counts or {}).items() if isinstance(v, int)}
    numbers = _dialled_numbers(session)
    return CampaignReport(
        campaign.name,
        campaign.state,
        rows,
        campaign.template_name,
        campaign.sent_at,
        relay_counts,
        uid=campaign.uid,
        reason=campaign.reason,
        scheduled_at=campaign.scheduled_at,
        waiting_until=campaign.waiting_until,
        from_number=sent_from(numbers, campaign.phone_number_id),
        own_numbers=bool(numbers) and not campaign.phone_number_id,
    )


# --------------------------------------------------------------------------- what the editor offers


@dataclass(frozen=True, slots=True)
class Choice:
    id: int
    name: str


@dataclass(frozen=True, slots=True)
class EditorChoices:
    """Everything the campaign editor lists, read in one op."""

    labels: list[Choice]
    items: list[Choice]
    collections: list[Choice]
    waitlists: list[Choice]  # items someone waits for; name carries no count (the editor adds it)
    waiting: dict[int, int]
    templates: list[Template]
    profile: BusinessProfile
    time_zone: str | None  # the business hours' zone; None: never set (app.campaign_actions.shop_time_zone)
    prices: Prices
    # Catalogue items with a picture, and its path relative to the catalogue folder (a header image).
    item_pictures: dict[int, str] = field(default_factory=dict)
    # The names the shop goes by (app.campaign_checks.shop_names): an ad naming any of them names it.
    shop_names: tuple[str, ...] = ()
    # The menu bot: does it answer a template's quick-reply button (app.campaign_checks.reply_buttons)?
    bot: MenuBot | None = None
    # The shop's numbers to send from, when it has two or more (app.business_numbers.number_choices).
    numbers: tuple[NumberChoice, ...] = ()


def editor_choices(db: Database, fetch: Callable[[], list[Template]] | None) -> EditorChoices:
    """Labels, items, collections, waitlists, approved templates (from the relay when it answers)."""
    from app.automations_store import load_state, shop_time_zone
    from app.campaign_checks import load_prices, shop_names
    from app.campaigns import waitlisted_items
    from app.models import CatalogItem, Collection, Label
    from app.order_settings import load_order_settings
    from app.sending import approved_templates

    templates = [t for t in approved_templates(db, fetch) if t.status.upper() == "APPROVED"]
    with db.read() as s:
        labels = [Choice(r.id, r.name) for r in s.scalars(select(Label).order_by(Label.position, Label.id))]
        catalogue = list(s.scalars(select(CatalogItem).order_by(CatalogItem.name)))
        items = [Choice(r.id, r.name) for r in catalogue]
        pictures = {r.id: str(r.images[0]) for r in catalogue if r.images}
        collections = [
            Choice(r.id, r.name) for r in s.scalars(select(Collection).order_by(Collection.position))
        ]
        waitlists = waitlisted_items(s)
        doc = load_state(s).doc
        time_zone = shop_time_zone(s)
        prices = load_prices(s)
        names = shop_names(doc.profile, load_order_settings(s).bank_account)
        numbers = number_choices(get_setting(s, BUSINESS_NUMBERS_KEY, {}))
    return EditorChoices(
        labels,
        items,
        collections,
        [Choice(w.item_id, w.name) for w in waitlists],
        {w.item_id: w.waiting for w in waitlists},
        templates,
        doc.profile,
        time_zone,
        prices,
        pictures,
        names,
        doc.bot,
        numbers,
    )
