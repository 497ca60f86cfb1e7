"""Meta's webhook: the verification handshake and signed deliveries."""

from __future__ import annotations

import json
import logging
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import PlainTextResponse, Response

from relay.routes.deps import current_relay, error
from relay.service import Relay
from relay.webhook import MalformedWebhook, parse_webhook, signature_ok

log = logging.getLogger(__name__)

router = APIRouter()


@router.get("/webhook")
async def verify(request: Request, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    params = request.query_params
    if params.get("hub.mode") == "subscribe" and secrets.compare_digest(
        params.get("hub.verify_token", ""), relay.settings.verify_token
    ):
        return PlainTextResponse(params.get("hub.challenge", ""))
    return PlainTextResponse("verification failed", status_code=403)


@router.post("/webhook")
async def webhook(request: Request, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    settings = relay.settings
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_webhook_bytes:
        return error(413, "too_large", "Webhook body over 1 MB.")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > settings.max_webhook_bytes:
            return error(413, "too_large", "Webhook body over 1 MB.")
    if not signature_ok(settings.app_secret, body, request.headers.get("x-hub-signature-256")):
        log.warning("webhook with a bad or missing signature refused")
        return error(401, "bad_signature", "Signature check failed.")
    try:
        payload = json.loads(body)
        intake = parse_webhook(payload)
    except (ValueError, MalformedWebhook):
        return error(400, "malformed", "The body is not a WhatsApp webhook.")
    try:
        await relay.intake.ingest(payload, intake)
    except Exception as exc:
        # Only storage can fail here; 503 makes Meta deliver it again.
        log.error("webhook not stored: error=%s", type(exc).__name__, exc_info=exc)
        return error(503, "storage", "The relay could not store this webhook.", retryable=True)
    return PlainTextResponse("ok")
