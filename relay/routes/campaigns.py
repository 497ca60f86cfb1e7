"""Campaigns: POST /v1/campaigns, GET /v1/campaigns/{id}, pause/resume/cancel; owners' opt-outs."""

from __future__ import annotations

import hashlib
import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from app.wire import (
    CampaignReason,
    CampaignState,
    NewCampaign,
    OptOutReason,
    RelayErrorCode,
)
from relay.bodies import read_body
from relay.errors import error
from relay.routes.deps import authorised, current_relay
from relay.sending import unknown_number
from relay.service import Relay
from relay.storage.campaign_rows import ACTIVE, FINISHED

router = APIRouter(dependencies=[Depends(authorised)])

# 50,000 recipients with their parameters; the relay reads the whole list before answering.
MAX_CAMPAIGN_BYTES = 32 * 1024 * 1024


@router.post("/v1/campaigns")
async def create(request: Request, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    settings = relay.settings
    raw = await read_body(request, MAX_CAMPAIGN_BYTES, settings.body_idle_timeout, settings.upload_deadline)
    try:
        new = NewCampaign.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        return error(
            400, RelayErrorCode.INVALID, f"The campaign is not valid at {where}.", params={"at": where}
        )
    number = new.phone_number_id
    if number is not None and not await run_in_threadpool(relay.sender.serves_number, number):
        # A number of another account would fail every recipient at Graph: refused before any is queued.
        return JSONResponse(unknown_number(number), status_code=422)
    # A retried POST (same id, same campaign) answers the first; another campaign under the id is refused.
    outcome, campaign = await run_in_threadpool(
        relay.store.campaigns.create, new, request_digest(new), relay.campaigns.now_ms()
    )
    if outcome == "conflict":
        return error(
            409,
            RelayErrorCode.CAMPAIGN_CONFLICT,
            "Another campaign already has this id.",
            params={"id": new.id},
        )
    if outcome == "created":
        await relay.feed.notify()
        relay.campaigns.poke()
    return JSONResponse(campaign.model_dump(mode="json"), status_code=201 if outcome == "created" else 200)


def request_digest(new: NewCampaign) -> str:
    """What a retried POST of the same campaign must match (`campaign.request_sha256`).

    A recipient without a `language` is digested as before the field existed, so a POST retried
    across the relay's upgrade still finds the campaign the older relay stored, not a conflict.
    """
    unset = {i: {"language"} for i, r in enumerate(new.recipients) if r.language is None}
    return hashlib.sha256(new.model_dump_json(exclude={"recipients": unset}).encode()).hexdigest()


@router.get("/v1/campaigns/{campaign_id}")
async def get(
    campaign_id: str, relay: Annotated[Relay, Depends(current_relay)], recipients: bool = False
) -> Response:
    found = await run_in_threadpool(
        lambda: relay.store.campaigns.get(campaign_id, with_recipients=recipients)
    )
    if found is None:
        return error(404, RelayErrorCode.NOT_FOUND, "There is no campaign with this id.")
    return JSONResponse(found.model_dump(mode="json", exclude_none=not recipients))


@router.post("/v1/campaigns/{campaign_id}/pause")
async def pause(campaign_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    return await control(relay, campaign_id, "pause")


@router.post("/v1/campaigns/{campaign_id}/resume")
async def resume(campaign_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    return await control(relay, campaign_id, "resume")


@router.post("/v1/campaigns/{campaign_id}/cancel")
async def cancel(campaign_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    return await control(relay, campaign_id, "cancel")


async def control(relay: Relay, campaign_id: str, action: str) -> Response:
    row = await run_in_threadpool(relay.store.campaigns.row, campaign_id)
    if row is None:
        return error(404, RelayErrorCode.NOT_FOUND, "There is no campaign with this id.")
    campaigns = relay.store.campaigns
    now = relay.campaigns.now_ms()
    if action == "cancel":
        changed = await run_in_threadpool(
            lambda: campaigns.set_state(
                campaign_id,
                CampaignState.CANCELLED,
                CampaignReason.OWNER,
                only_from=(*ACTIVE, CampaignState.PAUSED),
                now_ms=now,
            )
        )
    elif row.state in FINISHED:
        return error(
            409, RelayErrorCode.CAMPAIGN_FINISHED, "This campaign has ended.", params={"state": row.state}
        )
    elif action == "pause":
        changed = await run_in_threadpool(
            lambda: campaigns.set_state(
                campaign_id, CampaignState.PAUSED, CampaignReason.OWNER, only_from=ACTIVE, now_ms=now
            )
        )
    else:
        state = CampaignState.SCHEDULED if row.start_ms > now else CampaignState.RUNNING
        changed = await run_in_threadpool(
            lambda: campaigns.set_state(
                campaign_id, state, None, only_from=(CampaignState.PAUSED,), now_ms=now
            )
        )
    if changed:
        await relay.feed.notify()
        relay.campaigns.poke()
    found = await run_in_threadpool(campaigns.get, campaign_id)
    assert found is not None
    return JSONResponse(found.model_dump(mode="json", exclude_none=True))


@router.post("/v1/contacts/{wa_id}/opt-out")
async def owner_opt_out(wa_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    """The owner records a customer's marketing opt-out (reason `owner`)."""
    return await marketing_choice(relay, wa_id, opted_out=True)


@router.post("/v1/contacts/{wa_id}/opt-in")
async def owner_opt_in(wa_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    """The owner clears a customer's marketing opt-out, whatever its reason."""
    return await marketing_choice(relay, wa_id, opted_out=False)


async def marketing_choice(relay: Relay, wa_id: str, *, opted_out: bool) -> Response:
    digits = re.sub(r"\D", "", wa_id)
    if not digits or len(digits) > 32:
        return error(400, RelayErrorCode.INVALID, "Send the customer's number as digits.")
    opt_outs = relay.store.opt_outs
    if opted_out:
        changed = await run_in_threadpool(
            opt_outs.opt_out, digits, OptOutReason.OWNER, relay.campaigns.now_ms()
        )
    else:
        changed = await run_in_threadpool(lambda: opt_outs.resume(digits, by_meta=False))
    if changed:
        await relay.feed.notify()
    reason = await run_in_threadpool(opt_outs.reason, digits)
    return JSONResponse({"wa_id": digits, "opted_out": reason is not None, "reason": reason})
