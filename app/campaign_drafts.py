"""The campaign being written and not saved as a draft yet (its name, message fields, audience,
schedule), kept through a crash (app/editor_drafts.py) and offered again while it differs from the
draft as saved."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from app.campaign_store import DRAFT, NAME_MAX, PACE_MAX, CampaignDraft, load_draft
from app.campaigns import Audience, ParameterSpec
from app.editor_drafts import forget_editor_draft, keep_editor_draft, read_editor_draft
from app.models import Campaign
from app.wire import Template

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

EDITOR = "campaign"


@dataclass(frozen=True, slots=True)
class UnsavedCampaign:
    """`campaign_id`: the stored draft the words were typed over (None: a campaign never saved)."""

    at: datetime
    campaign_id: int | None
    draft: CampaignDraft


def _json(draft: CampaignDraft) -> dict[str, Any]:
    at = draft.scheduled_at
    return {
        "name": draft.name,
        "template": draft.template.model_dump(mode="json") if draft.template else None,
        "parameters": [p.to_json() for p in draft.parameters],
        "header_media": draft.header_media,
        "audience": draft.audience.to_json(),
        "scheduled_at": at.isoformat() if at is not None else None,
        "pace": draft.pace,
        "phone_number_id": draft.phone_number_id,
    }


def _draft(content: dict[str, Any]) -> CampaignDraft | None:
    try:
        at = content.get("scheduled_at")
        template = content.get("template")
        return CampaignDraft(
            name=str(content["name"]),
            template=Template.model_validate(template) if template else None,
            parameters=tuple(ParameterSpec.from_json(p) for p in content.get("parameters") or []),
            header_media=content.get("header_media"),
            audience=Audience.from_json(content.get("audience") or {}),
            scheduled_at=datetime.fromisoformat(at) if isinstance(at, str) else None,
            pace=int(content.get("pace") or 1),
            phone_number_id=str(number) if (number := content.get("phone_number_id")) else None,
        )
    except (KeyError, TypeError, ValueError, ValidationError):
        log.info("kept campaign not readable by this version: left out")
        return None


def keep_campaign_draft(db: Database, campaign_id: int | None, draft: CampaignDraft) -> None:
    keep_editor_draft(db, EDITOR, {"campaign_id": campaign_id, "draft": _json(draft)})


def forget_campaign_draft(db: Database) -> None:
    forget_editor_draft(db, EDITOR)


def _as_saved(draft: CampaignDraft) -> dict[str, Any]:
    """`draft` as save_draft would store it (its name's spaces and its pace tidied)."""
    name = " ".join(draft.name.split())[:NAME_MAX]
    return _json(dataclasses.replace(draft, name=name, pace=max(1, min(PACE_MAX, draft.pace))))


def unsaved_campaign(db: Database) -> UnsavedCampaign | None:
    """The kept campaign, when it differs from its draft as saved (or was never saved). A draft
    deleted or sent since comes back as a new campaign: her words are what matters."""
    kept = read_editor_draft(db, EDITOR)
    content = kept.content if kept is not None else None
    if kept is None or not isinstance(content, dict) or not isinstance(content.get("draft"), dict):
        return None
    draft = _draft(content["draft"])
    if draft is None:
        return None
    campaign_id = content.get("campaign_id")
    saved: CampaignDraft | None = None
    if isinstance(campaign_id, int) and not isinstance(campaign_id, bool):
        with db.read() as session:
            row = session.get(Campaign, campaign_id)
            saved = load_draft(session, campaign_id) if row is not None and row.state == DRAFT else None
    if saved is None:
        if not draft.name.strip() and not any(p.text.strip() for p in draft.parameters):
            return None  # an empty new campaign: nothing typed
        return UnsavedCampaign(kept.at, None, draft)
    return None if _as_saved(draft) == _json(saved) else UnsavedCampaign(kept.at, campaign_id, draft)
