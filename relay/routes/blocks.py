"""Blocking a customer: POST|DELETE /v1/contacts/{wa_id}/block, through Graph's Block Users API."""

from __future__ import annotations

import logging
import re
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from app.wire import BlockAnswer, RelayErrorCode
from relay.errors import error, graph_failure
from relay.routes.deps import authorised, current_relay
from relay.service import Relay
from relay.storage.database import dt_to_ms
from relay.upstream import GraphError

log = logging.getLogger(__name__)

router = APIRouter(dependencies=[Depends(authorised)])


def _digits(wa_id: str) -> str | None:
    digits = re.sub(r"\D", "", wa_id)
    return digits if digits and len(digits) <= 32 else None


async def _graph_block(relay: Relay, wa_id: str, *, block: bool) -> tuple[bool, int | None] | Response:
    """(on WhatsApp's list, Meta's refusal code), or the error to answer when a retry may help."""
    contact = await run_in_threadpool(relay.store.contacts.get, wa_id)
    pnid = (contact.phone_number_id if contact else None) or relay.settings.phone_number_id
    try:
        return await relay.upstream.block_users(pnid, [wa_id], block=block), None
    except GraphError as exc:
        if exc.transient:
            return graph_failure(exc, "the block" if block else "the unblock")
        # Meta refuses for good (e.g. no message from the customer in the last 24 hours): the relay
        # still blocks on its own, so no automation answers them.
        log.info("Graph refused to %s a customer (code %s)", "block" if block else "unblock", exc.code)
        return False, exc.code


@router.post("/v1/contacts/{wa_id}/block")
async def block(wa_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    digits = _digits(wa_id)
    if digits is None:
        return error(400, RelayErrorCode.INVALID, "Send the customer's number as digits.")
    outcome = await _graph_block(relay, digits, block=True)
    if isinstance(outcome, Response):
        return outcome
    on_whatsapp, graph_code = outcome
    now_ms = dt_to_ms(relay.clock()) or 0
    await run_in_threadpool(lambda: relay.store.blocked.block(digits, now_ms, on_whatsapp=on_whatsapp))
    answer = BlockAnswer(wa_id=digits, blocked=True, on_whatsapp=on_whatsapp, graph_code=graph_code)
    return JSONResponse(answer.model_dump(mode="json"))


@router.delete("/v1/contacts/{wa_id}/block")
async def unblock(wa_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    digits = _digits(wa_id)
    if digits is None:
        return error(400, RelayErrorCode.INVALID, "Send the customer's number as digits.")
    outcome = await _graph_block(relay, digits, block=False)
    if isinstance(outcome, Response):
        return outcome
    await run_in_threadpool(relay.store.blocked.unblock, digits)
    answer = BlockAnswer(wa_id=digits, blocked=False, on_whatsapp=outcome[0], graph_code=outcome[1])
    return JSONResponse(answer.model_dump(mode="json"))
