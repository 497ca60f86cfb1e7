"""Handing a campaign to the relay (POST /v1/campaigns) and pausing, resuming or cancelling it there."""

from __future__ import annotations

import logging
import mimetypes
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from app import relay_clock
from app.campaign_store import DRAFT, record_handed_over, set_progress
from app.campaigns import Audience, blank_names, empty_values, resolve_audience
from app.db import Database
from app.errors import ErrorCode, InvalidInput, RecipientsChangedParams, ValueParams
from app.models import Campaign as CampaignRow
from app.phones import country_of
from app.sending import approved_templates
from app.template_versions import version_for, versions_of
from app.wire import (
    Campaign,
    CampaignRecipient,
    CampaignTemplate,
    MediaUploaded,
    NewCampaign,
    RecipientConsent,
    Template,
)

log = logging.getLogger(__name__)


class CampaignClient(Protocol):
    """What hand-over needs of app/relay_client.RelayClient."""

    def upload_media(self, source: Path | bytes, mime: str, filename: str | None = None) -> MediaUploaded: ...

    def create_campaign(self, campaign: NewCampaign) -> Campaign: ...

    def campaign_action(self, campaign_id: str, action: str) -> Campaign: ...


def _components(values: tuple[str, ...], header_media_id: str | None, kind: str) -> list[dict[str, Any]]:
    components: list[dict[str, Any]] = []
    if header_media_id:
        components.append({"type": "header", "parameters": [{"type": kind, kind: {"id": header_media_id}}]})
    if values:
        components.append({"type": "body", "parameters": [{"type": "text", "text": v} for v in values]})
    return components


def _their_version(versions: list[Template], language: str | None) -> str | None:
    """The language of a recipient's version when it is not the campaign's own (None: the campaign's)."""
    if len(versions) < 2:
        return None
    version = version_for(versions, language)
    return None if version is versions[0] else version.language


def hand_over(
    db: Database,
    client: CampaignClient,
    campaign_id: int,
    now: datetime | None = None,
    *,
    confirmed: frozenset[int] | None = None,
) -> Campaign:
    """Resolve the audience now, keep the recipients, post the campaign; the relay's answer is kept.

    `confirmed`: the contacts the owner was asked about ("Send to 9 customers?"). Resolved otherwise
    now (one opted out, or asked for a person, while the question was open), nothing is sent and
    CAMPAIGN_RECIPIENTS_CHANGED says both counts: she never says yes to 9 and sends to 8 unawares.

    The uid is the campaign's id on the relay: posting again after a lost answer is one campaign,
    so a retry never sends twice.
    """
    now = now or relay_clock.now()
    # The copy of the approved templates kept from the relay (the editor fetched it): the chosen
    # template's other languages, for recipients who read them.
    templates = approved_templates(db, None)
    with db.read() as s:
        row = s.get(CampaignRow, campaign_id)
        if row is None or row.state != DRAFT:
            raise InvalidInput(code=ErrorCode.CAMPAIGN_NOT_EDITABLE)
        if not row.template_name:
            raise InvalidInput(code=ErrorCode.CAMPAIGN_NO_TEMPLATE)
        header = dict(row.header_media) if row.header_media else None
        chosen = next(
            (t for t in templates if (t.name, t.language) == (row.template_name, row.template_language)), None
        )
        versions = versions_of(chosen, templates) if chosen is not None else []
        # Each customer's language, worked out here rather than in the write below (a fraction of a
        # millisecond each: seconds for a campaign to tens of thousands, which sync's writes would wait
        # for); a customer the audience gains meanwhile gets the chosen version.
        languages = (
            resolve_audience(
                s, Audience.from_json(row.audience or {}), row.template_category, now, languages=True
            ).languages
            if len(versions) > 1
            else {}
        )
    media_id: str | None = None
    header_kind = "image"
    if header and header.get("path"):
        path = Path(str(header["path"]))
        header_kind = str(header.get("kind") or "image")
        mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        media_id = client.upload_media(path, mime).id
    with db.write() as s:
        row = s.get(CampaignRow, campaign_id)
        if row is None or row.state != DRAFT:
            raise InvalidInput(code=ErrorCode.CAMPAIGN_NOT_EDITABLE)
        resolved = resolve_audience(s, Audience.from_json(row.audience or {}), row.template_category, now)
        if not resolved.recipients:
            raise InvalidInput(code=ErrorCode.CAMPAIGN_NO_RECIPIENTS)
        if confirmed is not None and {m.contact_id for m in resolved.recipients} != confirmed:
            changed = RecipientsChangedParams(len(confirmed), len(resolved.recipients))
            raise InvalidInput(code=ErrorCode.CAMPAIGN_RECIPIENTS_CHANGED, params=changed)
        handed = record_handed_over(s, campaign_id, resolved.recipients, now)
        if empty := empty_values(values for _m, values in handed):
            blanks = ValueParams(blank_names(empty))
            raise InvalidInput(code=ErrorCode.CAMPAIGN_PARAMETER_EMPTY, params=blanks)
        request = NewCampaign(
            id=row.uid,
            name=row.name,
            template=CampaignTemplate(
                name=row.template_name, language=row.template_language, category=row.template_category
            ),
            recipients=[
                CampaignRecipient(
                    wa_id=m.wa_id or "",
                    country=country_of(m.wa_id or ""),
                    components=_components(values, media_id, header_kind),
                    language=_their_version(versions, languages.get(m.contact_id)),
                    consent=RecipientConsent(
                        notifications=m.consent.opted_in_at is not None,
                        marketing=m.consent.marketing_at is not None and m.consent.opted_out_at is None,
                        night=m.consent.night_at is not None,
                    ),
                )
                for m, values in handed
            ],
            phone_number_id=row.phone_number_id,
            start_at=row.scheduled_at,
            pace_per_second=row.pace,
        )
    answer = client.create_campaign(request)
    with db.write() as s:
        row = s.get(CampaignRow, campaign_id)
        reason: str | None
        if row is not None and row.state != DRAFT:
            # The relay began at once and its campaign events were applied while its answer was on the
            # way: they are newer than the answer, which would put the report back at "running".
            state, counts, reason, waiting = row.state, dict(row.counts or {}), row.reason, row.waiting_until
        else:
            state, counts, reason, waiting = answer.state, answer.counts, answer.reason, answer.waiting_until
        set_progress(s, answer.id, state, counts, reason, waiting_until=waiting, sent_at=now)
    log.info("campaign %s handed to the relay: %d recipients", answer.id, len(request.recipients))
    return answer


def campaign_action(db: Database, client: CampaignClient, campaign_id: int, action: str) -> Campaign:
    """Pause, resume or cancel a campaign on the relay; its answer is kept."""
    with db.read() as s:
        row = s.get(CampaignRow, campaign_id)
        if row is None:
            raise InvalidInput(code=ErrorCode.CAMPAIGN_NOT_EDITABLE)
        uid = row.uid
    answer = client.campaign_action(uid, action)
    with db.write() as s:
        set_progress(
            s, answer.id, answer.state, answer.counts, answer.reason, waiting_until=answer.waiting_until
        )
    return answer
