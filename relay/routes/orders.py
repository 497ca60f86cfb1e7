"""Order statuses the desktop pushes (POST) so the menu bot can answer "where is my order" (GET)."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from app.wire import OrderStatuses, RelayErrorCode
from relay.bodies import read_body
from relay.errors import error
from relay.routes.deps import authorised, current_relay
from relay.service import Relay

router = APIRouter(dependencies=[Depends(authorised)])


@router.post("/v1/orders/status")
async def push_statuses(request: Request, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    settings = relay.settings
    raw = await read_body(
        request, settings.max_json_bytes, settings.body_idle_timeout, settings.body_deadline
    )
    try:
        payload = OrderStatuses.model_validate_json(raw)
    except ValidationError:
        return error(400, RelayErrorCode.INVALID, 'Send {"orders": [{"number", "state", "wa_id", ...}]}.')
    statuses = []
    for status in payload.orders:
        wa_id = re.sub(r"\D", "", status.wa_id)
        if wa_id:
            statuses.append({**status.model_dump(mode="json"), "wa_id": wa_id})
    kept = await run_in_threadpool(relay.store.orders.put_many, statuses)
    return JSONResponse({"kept": kept})


@router.get("/v1/orders/status")
async def customer_statuses(wa_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    digits = re.sub(r"\D", "", wa_id)[:32]
    orders = await run_in_threadpool(relay.store.orders.for_customer, digits)
    return JSONResponse({"orders": orders})
