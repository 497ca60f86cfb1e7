"""Media: POST /v1/media (upload for sending), GET /v1/media/{id} (received files)."""

from __future__ import annotations

import hashlib
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import FileResponse, JSONResponse, Response

from app.wire import RelayErrorCode
from relay.errors import error
from relay.limits import MEDIA_LIMITS, media_family
from relay.routes.deps import authorised, current_relay
from relay.service import Relay
from relay.upstream import GraphError

router = APIRouter(dependencies=[Depends(authorised)])


@router.post("/v1/media")
async def upload(request: Request, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    mime = request.headers.get("content-type", "application/octet-stream").split(";")[0].strip()
    filename = request.headers.get("x-filename")
    limit = MEDIA_LIMITS[media_family(mime)]
    data = b""
    async for chunk in request.stream():
        data += chunk
        if len(data) > limit:
            return error(
                413,
                RelayErrorCode.TOO_LARGE,
                f"WhatsApp accepts {media_family(mime)} files up to {limit // (1024 * 1024) or 0.5} MB.",
            )
    if not data:
        return error(400, RelayErrorCode.INVALID, "The upload is empty.")
    try:
        media_id = await relay.upstream.upload_media(relay.settings.phone_number_id, data, mime, filename)
    except GraphError as exc:
        return error(
            502 if exc.transient else 422,
            RelayErrorCode.GRAPH_ERROR,
            exc.sentence(),
            graph_code=exc.code,
            retryable=exc.transient,
        )
    path = relay.media.path(media_id)
    await run_in_threadpool(path.write_bytes, data)
    digest = hashlib.sha256(data).hexdigest()
    await run_in_threadpool(relay.store.media.add_ready, media_id, mime, len(data), digest, filename)
    return JSONResponse({"id": media_id, "mime_type": mime, "size": len(data), "sha256": digest})


@router.get("/v1/media/{media_id}")
async def download(media_id: str, relay: Annotated[Relay, Depends(current_relay)]) -> Response:
    row = await run_in_threadpool(relay.store.media.row, media_id)
    if row is None:
        return error(404, RelayErrorCode.NOT_FOUND, "No such media.")
    if not await relay.media.fetch_now(media_id):
        return error(
            502,
            RelayErrorCode.MEDIA_UNAVAILABLE,
            "WhatsApp did not hand over this file (yet).",
            retryable=True,
        )
    row = await run_in_threadpool(relay.store.media.row, media_id)
    return FileResponse(
        relay.media.path(media_id),
        media_type=row.mime or "application/octet-stream",
        headers={"X-SHA256": row.sha256 or ""},
    )
