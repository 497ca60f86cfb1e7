"""The menu bot's per-chat switch: POST /v1/bot/{wa_id}/resume, so every desktop agrees."""

from __future__ import annotations

import re
from functools import partial
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
async def resume(
    wa_id: str,
    relay: Annotated[Relay, Depends(current_relay)],
    phone_number_id: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:
    """Switch the bot back on in one chat (after a hand-off or the owner's own messages): the
    customer's chat on `phone_number_id`; without it (an older desktop), her chats on every number."""
    digits = re.sub(r"\D", "", wa_id)
    if not digits or len(digits) > 32:
        return error(400, RelayErrorCode.INVALID, "Send the customer's number as digits.")
    number = None
    if phone_number_id is not None:
        if not phone_number_id.isascii() or not phone_number_id.isdigit() or len(phone_number_id) > 32:
            return error(400, RelayErrorCode.INVALID, "Send the business number's phone_number_id as digits.")
        number = phone_number_id
    contact = await run_in_threadpool(relay.store.contacts.get, digits)
    last_number = contact.phone_number_id if contact else None
    resume = partial(relay.store.bots.resume, fallback=last_number)
    await run_in_threadpool(resume, digits, relay.clock(), number)
    await relay.feed.notify()
    return JSONResponse({"wa_id": digits, "phone_number_id": number, "bot_paused_until": None})


@router.get("/v1/bot/report")
async def report(
    relay: Annotated[Relay, Depends(current_relay)], days: Annotated[int, Query(ge=1, le=366)] = 30
) -> Response:
    """How often each keyword rule and menu node answered, and the hand-offs, over the last `days`."""
    found = await run_in_threadpool(relay.store.bots.report, relay.clock(), days)
    return JSONResponse(found.model_dump(mode="json"))
