"""Sending: POST /v1/messages, read receipts, and the approved templates."""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from pydantic import ValidationError

from app.wire import RelayErrorCode, Template, TemplatesPage
from relay.bodies import read_body
from relay.errors import error, graph_failure
from relay.routes.deps import authorised, current_relay
from relay.service import Relay
from relay.upstream import GraphError

log = logging.getLogger(__name__)

router = APIRouter(dependencies=[Depends(authorised)])

TEMPLATES_TTL = 600.0
_PARAM = re.compile(r"\{\{(\d+)\}\}")


@router.post("/v1/messages")
async def send(
    request: Request,
    relay: Annotated[Relay, Depends(current_relay)],
    idempotency_key: str | None = Header(default=None),
) -> Response:
    if not idempotency_key or len(idempotency_key) > 200:
        return error(
            400, RelayErrorCode.INVALID, "An Idempotency-Key header (up to 200 characters) is required."
        )
    settings = relay.settings
    raw = await read_body(
        request, settings.max_json_bytes, settings.body_idle_timeout, settings.body_deadline
    )
    try:
        body = json.loads(raw)
    except ValueError:
        return error(400, RelayErrorCode.INVALID, "The body is not JSON.")
    if not isinstance(body, dict):
        return error(400, RelayErrorCode.INVALID, "The message must be a JSON object.")
    status, answer = await relay.sender.send(
        body, idempotency_key, sent_by="owner", client_id=idempotency_key
    )
    return JSONResponse(answer, status_code=status)


@router.post("/v1/messages/{wamid}/read")
async def mark_read(wamid: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    received_on = await run_in_threadpool(relay.store.events.phone_number_of_message, wamid)
    try:
        await relay.upstream.mark_read(received_on or relay.settings.phone_number_id, wamid)
    except GraphError as exc:
        return graph_failure(exc)
    return JSONResponse({"ok": True})


@router.get("/v1/templates")
async def templates(relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    cached = relay.templates_cache
    if cached is None or time.monotonic() - cached[0] > TEMPLATES_TTL:
        try:
            raw = await relay.upstream.list_templates()
        except GraphError as exc:
            return graph_failure(exc, "the request for the templates")
        relay.templates_cache = cached = (time.monotonic(), raw)
    approved: list[Template] = []
    for raw_template in cached[1]:
        if raw_template.get("status", "APPROVED") != "APPROVED":
            continue
        try:
            approved.append(Template.model_validate(template_summary(raw_template)))
        except ValidationError:
            # One odd template from Graph must not hide the others (nor answer 500).
            log.warning("template skipped: name=%s", str(raw_template.get("name"))[:100])
    return JSONResponse(TemplatesPage(templates=approved).model_dump(mode="json"))


def template_summary(template: dict[str, Any]) -> dict[str, Any]:
    """Graph's template object plus the {{n}} parameters each component needs."""
    parameters = []
    for component in template.get("components") or []:
        kind = str(component.get("type", "")).lower()
        examples = ((component.get("example") or {}).get("body_text") or [[]])[0] if kind == "body" else []
        for match in _PARAM.finditer(str(component.get("text") or "")):
            index = int(match.group(1))
            example = examples[index - 1] if 0 < index <= len(examples) else None
            parameters.append({"component": kind, "index": index, "example": example})
    return {
        "name": template.get("name"),
        "language": template.get("language"),
        "category": template.get("category", "UTILITY"),
        "status": template.get("status", "APPROVED"),
        "components": template.get("components") or [],
        "parameters": parameters,
    }
