"""GET /healthz (the process answers) and GET /readyz (it can also store: the database takes a write)."""

from __future__ import annotations

import asyncio
import logging
import weakref
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from app.wire import RelayErrorCode
from relay.check import NONCE_PREFIX
from relay.errors import error
from relay.failure_streak import FailureStreak
from relay.routes.deps import current_relay
from relay.service import Relay, relay_version
from relay.store import storage_cause

log = logging.getLogger(__name__)

router = APIRouter()

READY_PROBE_KEY = "ready_probe_at"
# A database that takes longer than this for one small write is not serving webhooks either; the
# probe answers before a monitor's own timeout (Docker's is 10 s) so its answer says why.
READY_TIMEOUT = 5.0
# A monitor asks every 30 s or so: an hour's outage logs its first failure, a reminder a minute, its end.
_streaks: weakref.WeakKeyDictionary[Relay, FailureStreak] = weakref.WeakKeyDictionary()


@router.get("/healthz")
async def healthz(relay: Annotated[Relay, Depends(current_relay)], nonce: str = "") -> dict[str, Any]:
    """Liveness: the relay process answers. It never asks the database (see /readyz), so the
    desktop's "Test connection" and `check`'s public_url step still find this relay while its
    database is down, and then name the database instead of "not a relay"."""
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


async def _database_cause(relay: Relay) -> str | None:
    """None when the database takes a small write now; else what is wrong (storage_cause's words)."""
    stamp = datetime.now(UTC).isoformat()
    try:
        await asyncio.wait_for(asyncio.to_thread(relay.store.kv.stamp, READY_PROBE_KEY, stamp), READY_TIMEOUT)
    except TimeoutError:
        return "timeout"
    except Exception as exc:  # any storage failure is the answer, not a crash of the probe
        return storage_cause(exc)
    return None


async def _ready(relay: Relay) -> tuple[int, str | None]:
    cause = await _database_cause(relay)
    streak = _streaks.setdefault(relay, FailureStreak(log, "readyz: the database takes no writes"))
    if cause is not None:
        streak.failed(f"cause={cause}")
        return 503, cause
    streak.succeeded()
    return 200, None


@router.get("/readyz")
async def readyz(relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    """Readiness: the relay can store what it receives (its database takes a write). 503 with the
    cause while it cannot: what an uptime monitor and Docker's HEALTHCHECK ask."""
    status, cause = await _ready(relay)
    if cause is not None:
        message = f"The relay's database takes no writes right now ({cause})."
        return error(status, RelayErrorCode.STORAGE, message, retryable=True, params={"cause": cause})
    return JSONResponse({"status": "ok", "database": "ok", "version": relay_version()})


@router.head("/readyz", include_in_schema=False)
async def readyz_head(relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    status, _cause = await _ready(relay)
    return Response(status_code=status)
