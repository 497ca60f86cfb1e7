"""GET /v1/check: the relay's self-check for the desktop (the same lines as `shop-inbox-relay check`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from relay.check import check_relay
from relay.routes.deps import authorised, current_relay
from relay.service import Relay

router = APIRouter(dependencies=[Depends(authorised)])


@router.get("/v1/check")
async def check(relay: Annotated[Relay, Depends(current_relay)]) -> dict[str, Any]:
    report = await check_relay(relay.settings, relay.store)
    return report.model_dump(mode="json")
