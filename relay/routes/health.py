"""GET /healthz (the process answers) and GET /readyz (it can also store: the database takes a write
and the disk has room)."""

from __future__ import annotations

import asyncio
import logging
import math
import shutil
import time
import weakref
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from app.wire import RelayErrorCode
from relay.check import NONCE_PREFIX, data_folder
from relay.errors import error
from relay.failure_streak import FailureStreak
from relay.routes.deps import HeldOff, Unauthorised, authorised, current_relay
from relay.service import Relay, relay_version
from relay.size_text import MIB, size_text
from relay.store import storage_cause

log = logging.getLogger(__name__)

router = APIRouter()

READY_PROBE_KEY = "ready_probe_at"
# A database that takes longer than this for one small write is not serving webhooks either; the
# probe answers before a monitor's own timeout (Docker's is 10 s) so its answer says why.
READY_TIMEOUT = 5.0
PROBE_SHARED = 0.1
# A monitor asks every 30 s or so: an hour's outage logs its first failure, a reminder a minute, its end.
_streaks: weakref.WeakKeyDictionary[Relay, FailureStreak] = weakref.WeakKeyDictionary()


@router.get("/healthz")
async def healthz(
    request: Request, relay: Annotated[Relay, Depends(current_relay)], nonce: str = ""
) -> dict[str, Any]:
    """Liveness: the relay process answers. It never asks the database (see /readyz), so the
    desktop's "Test connection" still finds this relay while its database is down, and reports the
    relay's error instead of "this is not a relay". With the relay token, also how many long polls
    wait on this worker now (`long_polls`): for the operator, and not for anyone else, as it tells
    when the shop's desktops are on."""
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
    if request.headers.get("authorization"):
        try:
            await authorised(request)  # a wrong token here is a guess as anywhere else
        except (Unauthorised, HeldOff):
            pass  # answered as to anyone: the relay is alive
        else:
            answer["long_polls"] = relay.feed.open_polls
    return answer


@router.head("/healthz", include_in_schema=False)
async def healthz_head() -> Response:
    """Uptime monitors ask with HEAD by default: a 405 would read as "the relay is down"."""
    return Response()


async def _database_cause(relay: Relay) -> str | None:
    """None when the database takes a small write now; else what is wrong (storage_cause's words)."""
    stamp = datetime.now(UTC).isoformat()
    try:
        await asyncio.wait_for(asyncio.to_thread(relay.store.kv.put, READY_PROBE_KEY, stamp), READY_TIMEOUT)
    except TimeoutError:
        return "timeout"
    except Exception as exc:  # any storage failure is the answer, not a crash of the probe
        return storage_cause(exc)
    return None


def _low_disk(relay: Relay) -> tuple[int, str] | None:
    """(free bytes, folder) where the relay writes, when under RELAY_MIN_FREE_DISK_MB (as `check`);
    the folder is for the log only."""
    where = data_folder(relay.settings)
    free = shutil.disk_usage(where).free
    return (free, str(where)) if free < relay.settings.min_free_disk_mb * MIB else None


@dataclass
class _Probes:
    """One relay's readiness probes: one at a time, and its answer shared for PROBE_SHARED seconds."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    at: float = -math.inf
    refusal: tuple[str, dict[str, Any]] | None = None


_probes: weakref.WeakKeyDictionary[Relay, _Probes] = weakref.WeakKeyDictionary()


async def _not_ready(relay: Relay) -> JSONResponse | None:
    """None when ready; else the 503 to answer, with the cause.

    Anyone may ask /readyz, and each probe is a write: a flood of them shares one probe at a time
    and its answer for PROBE_SHARED seconds, so it never becomes a flood of writes beside the
    webhooks' own (monitors ask every few seconds; a tenth of a second late is still news)."""
    probes = _probes.setdefault(relay, _Probes())
    async with probes.lock:
        if time.monotonic() - probes.at >= PROBE_SHARED:
            probes.refusal = await _probe(relay)
            probes.at = time.monotonic()
        refusal = probes.refusal
    if refusal is None:
        return None
    message, params = refusal
    return error(503, RelayErrorCode.STORAGE, message, retryable=True, params=params)


async def _probe(relay: Relay) -> tuple[str, dict[str, Any]] | None:
    """None when ready; else the refusal's message and params (logged as a streak)."""
    streak = _streaks.setdefault(relay, FailureStreak(log, "readyz: not ready"))
    cause = await _database_cause(relay)
    if cause is not None:
        streak.failed(f"the database takes no writes: cause={cause}")
        return f"The relay's database takes no writes right now ({cause}).", {"cause": cause}
    low = await asyncio.to_thread(_low_disk, relay)
    if low is not None:
        free, where = low
        # The folder is said in the log, for the operator, and never in the answer: anyone may ask
        # /readyz, and a path on the relay's machine is not for anonymous callers. A monitor needs
        # the cause and the numbers; nothing that holds the token reads /readyz for the path.
        streak.failed(f"disk low: free={size_text(free)} path={where}")
        minimum = relay.settings.min_free_disk_mb
        message = (
            f"Only {size_text(free)} free where the relay writes its data (less than"
            f" {size_text(minimum * MIB)}): webhooks will stop being stored when it is full."
        )
        return message, {"cause": "disk_low", "free_mb": free // MIB, "min_free_mb": minimum}
    streak.succeeded()
    return None


@router.get("/readyz")
async def readyz(relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    """Readiness: the relay can store what it receives (its database takes a write, and the disk it
    writes to has RELAY_MIN_FREE_DISK_MB free). 503 with the cause while it cannot: what an uptime
    monitor and Docker's HEALTHCHECK ask."""
    refusal = await _not_ready(relay)
    if refusal is not None:
        return refusal
    return JSONResponse({"status": "ok", "database": "ok", "version": relay_version()})


@router.head("/readyz", include_in_schema=False)
async def readyz_head(relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    refusal = await _not_ready(relay)
    return Response(status_code=200 if refusal is None else refusal.status_code)
