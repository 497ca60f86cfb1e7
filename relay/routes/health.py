"""GET /healthz."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from relay.routes.deps import current_relay
from relay.service import Relay, relay_version

router = APIRouter()


@router.get("/healthz")
async def healthz(relay: Annotated[Relay, Depends(current_relay)]) -> dict[str, str]:
    return {"status": "ok", "version": relay_version(), "upstream": relay.upstream.name}
