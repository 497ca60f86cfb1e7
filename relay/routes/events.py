"""GET /v1/events: the long poll over the event log."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Coroutine
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from starlette.types import Receive

from app.wire import ErrorBody, HistoryGap, RelayErrorCode
from relay.errors import error
from relay.events import MAX_WAIT, events_page_json
from relay.routes.deps import authorised, current_relay
from relay.service import Relay

log = logging.getLogger(__name__)

router = APIRouter(dependencies=[Depends(authorised)])

T = TypeVar("T")
# What a poll whose client went away "answers": uvicorn sends nothing on a closed connection, so no
# one reads it (nginx's code for a request its client closed).
CLIENT_GONE = 499


@router.get("/v1/events")
async def events(
    request: Request,
    relay: Annotated[Relay, Depends(current_relay)],
    after: int = 0,
    wait: float = 0,
    limit: int = 500,
) -> Response:
    limit = max(1, min(limit, 1000))
    wait = max(0.0, min(wait, MAX_WAIT))
    gap = await relay.feed.history_gap(after)
    if gap is not None:
        body = HistoryGap(
            error=ErrorBody(
                code=RelayErrorCode.HISTORY_GAP,
                message="The relay no longer holds the events after this cursor.",
                params={"oldest_seq": gap.oldest_seq, "reason": gap.reason or "pruned"},
            ),
            oldest_seq=gap.oldest_seq,
        )
        return JSONResponse(body.model_dump(mode="json"), status_code=410)
    if wait > 0 and relay.feed.open_polls >= relay.settings.long_polls_per_token:
        # One desktop holds one poll; hundreds at once are a runaway client or an attack.
        return error(
            429,
            RelayErrorCode.TOO_MANY_POLLS,
            "Too many long polls are open with this token.",
            retryable=True,
            params={"limit": relay.settings.long_polls_per_token},
        )
    polled = relay.feed.wait_for_events(max(after, 0), wait, limit)
    if wait > 0:
        # A desktop that went away (closed, asleep, its hotspot gone) ends its poll at once: it
        # would otherwise hold a waiter and count against the cap above for the rest of `wait`.
        found = await _unless_client_leaves(request.receive, polled)
        if found is None:
            log.debug("long poll ended: its client went away")
            return Response(status_code=CLIENT_GONE)
    else:
        found = await polled
    next_seq = found[-1].seq if found else max(after, 0)
    # The events come as the wire's JSON already (made once per worker, not once per poll).
    return Response(
        events_page_json([event.body for event in found], next_seq), media_type="application/json"
    )


async def _disconnected(receive: Receive) -> None:
    """Returns when the client closed its connection (ASGI's `http.disconnect`; a GET's empty
    body is read and dropped on the way). Waiting for it is what makes uvicorn read the socket,
    so it sees the client's end of the connection while the route waits."""
    while (await receive())["type"] != "http.disconnect":
        pass


async def _unless_client_leaves(receive: Receive, work: Coroutine[Any, Any, T]) -> T | None:
    """`work`'s result; None when the client disconnects first (then `work` is cancelled)."""
    job = asyncio.ensure_future(work)
    gone = asyncio.ensure_future(_disconnected(receive))
    try:
        await asyncio.wait((job, gone), return_when=asyncio.FIRST_COMPLETED)
        if not job.done():
            gone.result()  # what the watch raised, if it failed; else the client went away
    finally:
        gone.cancel()
        if not job.done():
            job.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await job
    return job.result() if not job.cancelled() else None
