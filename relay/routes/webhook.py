"""Meta's webhook: the verification handshake and signed deliveries."""

from __future__ import annotations

import hmac
import logging
import weakref
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.routing import Route

from app.wire import RelayErrorCode
from relay.bodies import BodyTooLarge, read_body
from relay.check import record_handshake
from relay.errors import error, storage_conflict_error
from relay.failure_streak import FailureStreak
from relay.intake import read_webhook
from relay.routes.deps import current_relay
from relay.service import Relay
from relay.store import CONFLICT_CAUSE, storage_cause, storage_conflict, storage_retryable
from relay.webhook import UNSIGNED, MalformedWebhook, signature_problem
from relay.worker_process import serve_run

log = logging.getLogger(__name__)

router = APIRouter()

# A body larger than this (a history sync of thousands of messages: ~0.9 s to read at 4 MiB) is
# read in a worker thread, so the event loop keeps answering long polls and other webhooks
# meanwhile; a usual webhook (a few KB, well under a millisecond) is read right here.
READ_IN_A_THREAD = 256 * 1024


@router.get("/webhook")
@router.get("/webhook/", include_in_schema=False)
async def verify(request: Request, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    params = request.query_params
    presented = params.get("hub.verify_token", "").encode("utf-8", "surrogatepass")
    expected = relay.settings.verify_token.encode()
    if params.get("hub.mode") == "subscribe" and expected and hmac.compare_digest(presented, expected):
        await record_handshake(relay.store, verified=True)
        return PlainTextResponse(params.get("hub.challenge", ""))
    if params.get("hub.mode") == "subscribe":
        await record_handshake(relay.store, verified=False)
        # The line an admin looks for when Meta's "Verify and save" fails; never either token.
        if expected:
            log.warning("webhook verification refused: the verify token does not match WHATSAPP_VERIFY_TOKEN")
        else:
            log.warning("webhook verification refused: WHATSAPP_VERIFY_TOKEN is not set")
    return PlainTextResponse("verification failed", status_code=403)


@router.post("/webhook")
async def webhook(request: Request) -> Response:
    relay: Relay = request.app.state.relay  # as current_relay, without solving a dependency per webhook
    settings = relay.settings
    try:
        raw = await read_body(
            request, settings.max_webhook_bytes, settings.body_idle_timeout, settings.body_deadline
        )
    except BodyTooLarge as exc:
        # Meta retries a refused webhook for a while, then drops it: a message lost unless the
        # operator raises the limit, so this says so at WARNING (never the body).
        log.warning(
            "webhook refused as too large: size=%d bytes limit=%d bytes (RELAY_MAX_WEBHOOK_BYTES)",
            exc.size,
            exc.limit,
        )
        raise
    problem = signature_problem(settings.app_secret, raw, request.headers.get("x-hub-signature-256"))
    if problem == UNSIGNED:
        await _refused_unsigned(relay)
        return error(401, RelayErrorCode.BAD_SIGNATURE, "Signature check failed.")
    if problem:
        log.warning("webhook refused: %s", problem)
        return error(401, RelayErrorCode.BAD_SIGNATURE, "Signature check failed.")
    try:
        if len(raw) > READ_IN_A_THREAD:
            payload, intake = await run_in_threadpool(read_webhook, raw)
        else:
            payload, intake = read_webhook(raw)
    except MalformedWebhook as exc:
        return _refused(exc.reason)
    try:
        await relay.intake.ingest(payload, intake)
    except Exception as exc:
        conflict = storage_conflict(exc)
        if conflict:
            # A unique or foreign-key violation: a row another worker stored at the same moment
            # (or a bug), not the body. Delivered again, the write reads that row and goes past it.
            cause = f"cause={CONFLICT_CAUSE} error={type(exc).__name__}"
        elif not storage_retryable(exc):
            # The database will never take it (a value out of a column's range…): redelivery
            # would fail the same way for a week, so it is refused like any malformed body.
            return _refused(f"unstorable_{type(exc).__name__}")
        else:
            cause = f"cause={storage_cause(exc)} error={type(exc).__name__}"
        # 503 makes Meta deliver it again, for hours: an outage is said as a streak (its first
        # failure with the cause, a reminder a minute with the count, a new cause at once, and its
        # end), not a line a delivery. The traceback of each (its SQL parameters: a customer's
        # number) is there at DEBUG only.
        _failures(relay).failed(cause)
        log.debug("webhook not stored", exc_info=exc)
        if conflict:
            return storage_conflict_error("The relay could not store this webhook.")
        return error(503, RelayErrorCode.STORAGE, "The relay could not store this webhook.", retryable=True)
    streak = _streaks.get(relay)
    if streak is not None:
        streak.succeeded()
    return PlainTextResponse("ok")


# How many unsigned POSTs each relay has refused (two relays may share a process).
_unsigned: weakref.WeakKeyDictionary[Relay, int] = weakref.WeakKeyDictionary()

# The kv row through which the workers of one `serve --workers N` say the line below once between them.
UNSIGNED_SAID_KEY = "unsigned_webhook_said"


async def _refused_unsigned(relay: Relay) -> None:
    """A POST without a signature: internet scanners send them to every address they find, a line
    at WARNING each, which read as trouble and buried the lines that are. The first one a relay
    refuses says why it is harmless and when it is not; the rest go to DEBUG, counted. The relay is
    all the workers of one `serve` (each counts its own): the first of them to refuse one claims the
    line in their shared database, so the operator reads it once, not once a worker."""
    count = _unsigned[relay] = _unsigned.get(relay, 0) + 1
    if count == 1 and await _first_of_the_workers(relay):
        log.warning(
            "webhook refused: %s. Harmless: Meta signs every webhook it delivers, so this came from "
            "elsewhere (usually an internet scanner); more of these are logged at DEBUG only. It "
            "matters only if Meta's own deliveries fail: send a WhatsApp message to the shop's "
            "number, and if it never reaches the desktops while these lines appear, something in "
            "front of the relay (a proxy) drops the header from Meta's webhooks",
            UNSIGNED,
        )
    else:
        log.debug("webhook refused: %s (unsigned request %d; harmless, as said at WARNING)", UNSIGNED, count)


async def _first_of_the_workers(relay: Relay) -> bool:
    """Whether this worker is the first of its `serve` to refuse an unsigned POST (a relay alone
    always is). With the database away it says so: the line twice is better than never."""
    if relay.settings.workers <= 1:
        return True
    try:
        return await run_in_threadpool(relay.store.kv.claim_for_run, UNSIGNED_SAID_KEY, serve_run())
    except SQLAlchemyError as exc:
        log.debug("unsigned webhook: the other workers were not asked (%s)", storage_cause(exc))
        return True


# Each relay's streak of webhooks not stored (two relays may share a process).
_streaks: weakref.WeakKeyDictionary[Relay, FailureStreak] = weakref.WeakKeyDictionary()


def _failures(relay: Relay) -> FailureStreak:
    streak = _streaks.get(relay)
    if streak is None:
        streak = _streaks[relay] = FailureStreak(log, "webhook not stored", level=logging.ERROR)
    return streak


# What serves `POST /webhook`: plain Starlette routes that relay/server.py puts ahead of every
# FastAPI route. FastAPI's own handling of a request (matching through the included routers, two
# AsyncExitStacks, solving the dependencies of a route that has none) cost ~0.1 ms of CPU per
# webhook, a quarter of the whole. The route above stays for the OpenAPI document (the contract);
# a POST never reaches it. `/webhook/` is served the same: Meta does not follow a redirect for a
# webhook, so a callback URL pasted with a trailing slash (or a proxy that adds one) would lose
# every message on a 307.
fast_routes = [
    Route(path, webhook, methods=["POST"], include_in_schema=False) for path in ("/webhook", "/webhook/")
]


def _refused(reason: str) -> Response:
    log.warning("webhook refused: status=400 reason=%s", reason)
    return error(
        400, RelayErrorCode.MALFORMED, "The body is not a WhatsApp webhook.", params={"reason": reason}
    )
