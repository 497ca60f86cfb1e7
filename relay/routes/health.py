"""GET /healthz."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from relay.check import NONCE_PREFIX
from relay.routes.deps import current_relay
from relay.service import Relay, relay_version

router = APIRouter()


@router.get("/healthz")
async def healthz(relay: Annotated[Relay, Depends(current_relay)], nonce: str = "") -> dict[str, Any]:
    answer: dict[str, Any] = {
        "status": "ok",
        "version": relay_version(),
        "upstream": relay.upstream.name,
        # What this relay fills itself (app.wire.RELAY_FEATURES): the desktop fills what it does not.
        "features": list(relay.features),
    }
    if nonce:
        # The check's one-time nonce: proof that its public URL reaches this relay, not another.
        # A running check's key exists only while it waits for this answer; a guess finds nothing.
        known = len(nonce) <= 64 and bool(await run_in_threadpool(relay.store.kv.get, NONCE_PREFIX + nonce))
        answer["nonce"] = "match" if known else "unknown"
    return answer


@router.head("/healthz", include_in_schema=False)
async def healthz_head() -> Response:
    """Uptime monitors ask with HEAD by default: a 405 would read as "the relay is down"."""
    return Response()
