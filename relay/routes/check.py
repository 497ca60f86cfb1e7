"""GET /v1/check: the relay's self-check for the desktop (the same lines as `shop-inbox-relay check`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from app.wire import CheckReport
from relay.check import check_relay
from relay.routes.deps import authorised, current_relay
from relay.service import Relay

router = APIRouter(dependencies=[Depends(authorised)])


@router.get("/v1/check", response_model=CheckReport)
async def check(relay: Annotated[Relay, Depends(current_relay)]) -> CheckReport:
    return await check_relay(relay.settings, relay.store)
