"""Campaign reads and changes for the campaigns window, in their own transactions; changes return Changes."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass

from app.campaign_recipients import CampaignReader, relay_campaign, with_relay_details
from app.campaign_send import CampaignClient, campaign_action, hand_over
from app.campaign_store import (
    CampaignDraft,
    CampaignReport,
    CampaignRow,
    campaign_report,
    campaign_rows,
    copy_campaign,
    delete_draft,
    load_draft,
    save_draft,
)
from app.campaigns import Audience, Resolved, as_sent_from, resolve_audience
from app.changes import Changes
from app.db import Database
from app.errors import ShopInboxError
from app.wire import Campaign

log = logging.getLogger(__name__)

CAMPAIGNS_CHANGED = Changes(campaigns=True)


def read_campaign_rows(db: Database) -> list[CampaignRow]:
    with db.read() as s:
        return campaign_rows(s)


def shop_time_zone(db: Database) -> str | None:
    """The shop's time zone (its business hours'): campaigns are scheduled on the shop's clock. None
    while the hours keep the wire's "UTC" (never set), as the orders read it: the UI then takes the
    zone the hours editor offers (ui.time_zones.shop_default_zone), not UTC for a shop in Seoul."""
    from app import automations_store

    with db.read() as s:
        return automations_store.shop_time_zone(s)


def read_draft(db: Database, campaign_id: int) -> CampaignDraft | None:
    with db.read() as s:
        return load_draft(s, campaign_id)


def read_report(
    db: Database, campaign_id: int, client: CampaignReader | None = None, known: Campaign | None = None
) -> tuple[CampaignReport | None, Campaign | None]:
    """The report from the chats, with each recipient's state on the relay: read through `client`
    when given, else as `known` (an earlier answer) had it. Also returns the relay's answer used."""
    with db.read() as s:
        report = campaign_report(s, campaign_id)
    if report is None:
        return None, None
    relay = relay_campaign(report, client) if client is not None else None
    relay = relay or known
    if relay is None or relay.id != report.uid:
        return report, None
    return with_relay_details(report, relay), relay


def audience_for(
    db: Database,
    audience: Audience,
    category: str,
    *,
    languages: bool = False,
    phone_number_id: str | None = None,
) -> Resolved:
    """Who the campaign would reach, and who is left out and why (and each one's language); sent
    from `phone_number_id`, each one's window with that number and how many never wrote to it."""
    with db.read() as s:
        resolved = resolve_audience(s, audience, category, languages=languages)
        if phone_number_id:
            met, strangers = as_sent_from(s, resolved.recipients, phone_number_id)
            resolved = dataclasses.replace(resolved, recipients=met, strangers=strangers)
        return resolved


def store_draft(db: Database, draft: CampaignDraft, campaign_id: int | None) -> tuple[int, Changes]:
    with db.write() as s:
        saved = save_draft(s, draft, campaign_id)
    return saved, CAMPAIGNS_CHANGED


def store_copy(db: Database, campaign_id: int, name: str) -> tuple[int | None, Changes]:
    """A new draft like the campaign, named `name` (see copy_campaign); None when it is gone."""
    with db.write() as s:
        copied = copy_campaign(s, campaign_id, name)
    return copied, CAMPAIGNS_CHANGED


def remove_draft(db: Database, campaign_id: int) -> Changes:
    with db.write() as s:
        delete_draft(s, campaign_id)
    return CAMPAIGNS_CHANGED


@dataclass(frozen=True, slots=True)
class SendOutcome:
    campaign_id: int  # the campaign the relay took, or the stored draft it refused
    # Why the draft was not sent (a code, or a header picture gone from the disk): it stays a draft.
    refused: ShopInboxError | OSError | None = None


def send_campaign(
    db: Database,
    client: CampaignClient,
    draft: CampaignDraft,
    campaign_id: int | None,
    confirmed: frozenset[int] | None = None,
) -> tuple[SendOutcome, Changes]:
    """Save the draft, then hand it to the relay, which sends it (to the `confirmed` contacts, the
    ones the owner said yes to, or to nobody: see hand_over).

    A draft that could not be saved raises; once saved, a refused hand-over comes back with the
    draft's id, so that the owner corrects and sends that draft, not a second copy of it.
    """
    saved, _ = store_draft(db, draft, campaign_id)
    try:
        hand_over(db, client, saved, confirmed=confirmed)
    except (ShopInboxError, OSError) as exc:
        log.warning("campaign %s not handed over: %s", saved, exc)
        return SendOutcome(saved, exc), CAMPAIGNS_CHANGED
    return SendOutcome(saved), CAMPAIGNS_CHANGED


def act_on_campaign(db: Database, client: CampaignClient, campaign_id: int, action: str) -> Changes:
    """Pause, resume or cancel it on the relay."""
    campaign_action(db, client, campaign_id, action)
    return CAMPAIGNS_CHANGED


def read_customer_choices(db: Database, limit: int = 5000) -> list[tuple[int, str, str]]:
    """(contact id, name, wa_id) of customers with a number, by name: to add one to a campaign by hand."""
    from sqlalchemy import select

    from app.models import Contact, Conversation

    with db.read() as s:
        rows = s.scalars(
            select(Contact)
            .where(Contact.wa_id.is_not(None), ~Contact.id.in_(select(Conversation.contact_id)))
            .limit(limit)
        )
        out = [(c.id, c.display_name, c.wa_id or "") for c in rows]
    out.sort(key=lambda r: (r[1].casefold(), r[0]))
    return out
