"""GET /v1/events: the long poll over the event log."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import JSONResponse, Response

from app.wire import ErrorBody, HistoryGap, RelayErrorCode
from relay.errors import error
from relay.events import MAX_WAIT, events_page_json
from relay.routes.deps import authorised, current_relay
from relay.service import Relay

router = APIRouter(dependencies=[Depends(authorised)])


@router.get("/v1/events")
async def events(
    relay: Annotated[Relay, Depends(current_relay)], after: int = 0, wait: float = 0, limit: int = 500
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
    found = await relay.feed.wait_for_events(max(after, 0), wait, limit)
    next_seq = found[-1].seq if found else max(after, 0)
    # The events come as the wire's JSON already (made once per worker, not once per poll).
    return Response(
        events_page_json([event.body for event in found], next_seq), media_type="application/json"
    )
