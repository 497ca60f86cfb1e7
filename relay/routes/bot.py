"""The menu bot's per-chat switch: POST /v1/bot/{wa_id}/resume, so every desktop agrees."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from app.wire import RelayErrorCode
from relay.errors import error
from relay.routes.deps import authorised, current_relay
from relay.service import Relay

router = APIRouter(dependencies=[Depends(authorised)])


@router.post("/v1/bot/{wa_id}/resume")
async def resume(wa_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    """Switch the bot back on in one chat (after a hand-off or the owner's own messages)."""
    digits = re.sub(r"\D", "", wa_id)
    if not digits or len(digits) > 32:
        return error(400, RelayErrorCode.INVALID, "Send the customer's number as digits.")
    contact = await run_in_threadpool(relay.store.contacts.get, digits)
    pnid = contact.phone_number_id if contact else None
    await run_in_threadpool(relay.store.bots.resume, digits, relay.clock(), pnid)
    await relay.feed.notify()
    return JSONResponse({"wa_id": digits, "bot_paused_until": None})


@router.get("/v1/bot/report")
async def report(
    relay: Annotated[Relay, Depends(current_relay)], days: Annotated[int, Query(ge=1, le=366)] = 30
) -> Response:
    """How often each keyword rule and menu node answered, and the hand-offs, over the last `days`."""
    found = await run_in_threadpool(relay.store.bots.report, relay.clock(), days)
    return JSONResponse(found.model_dump(mode="json"))
