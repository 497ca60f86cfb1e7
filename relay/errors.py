"""The relay's error answers, built from the wire's envelope: `{"error": {code, message, …, params}}`."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from app.wire import ErrorBody, ErrorEnvelope, RelayErrorCode
from relay.store import CONFLICT_CAUSE
from relay.upstream import GraphError

# Seconds a client waits to ask again after its write met another worker's row: that write is
# committed by then, and the same request reads it and goes past it.
CONFLICT_RETRY_AFTER = 1


def error_body(
    code: RelayErrorCode,
    message: str,
    *,
    graph_code: int | None = None,
    graph_cause: str | None = None,
    retryable: bool = False,
    params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The error envelope as JSON-ready data (also what an idempotent send stores as its answer).

    `graph_cause` is written only when known, so every other answer keeps its turn-1 shape."""
    body = ErrorBody(
        code=code,
        message=message,
        graph_code=graph_code,
        graph_cause=graph_cause,
        retryable=retryable,
        params=params or {},
    )
    answer = ErrorEnvelope(error=body).model_dump(mode="json")
    if graph_cause is None:
        del answer["error"]["graph_cause"]
    return answer


def error(
    status: int,
    code: RelayErrorCode,
    message: str,
    *,
    graph_code: int | None = None,
    graph_cause: str | None = None,
    retryable: bool = False,
    params: dict[str, Any] | None = None,
) -> JSONResponse:
    body = error_body(
        code, message, graph_code=graph_code, graph_cause=graph_cause, retryable=retryable, params=params
    )
    return JSONResponse(body, status_code=status)


def graph_failure(exc: GraphError, subject: str = "the request") -> JSONResponse:
    """A Graph call other than a send that failed: `graph_unreachable` (503) when Graph was never
    reached (the relay's network, DNS or WHATSAPP_GRAPH_URL), as a send's answer says it, so the
    desktop tells the owner the relay cannot reach WhatsApp; else Graph's refusal or failure."""
    if exc.unreachable:
        return error(
            503,
            RelayErrorCode.GRAPH_UNREACHABLE,
            f"The relay cannot reach WhatsApp right now; {subject} was not made.",
            retryable=True,
        )
    return error(
        502 if exc.transient else 422,
        RelayErrorCode.GRAPH_ERROR,
        exc.sentence(subject),
        graph_code=exc.code,
        graph_cause=exc.cause,
        retryable=exc.transient,
    )


def storage_error(message: str, cause: str | None, *, retry_after: int | None = None) -> JSONResponse:
    """503 `storage`, retryable, naming its `cause` (None: none the desktop could word, as an
    older relay said every one); with `retry_after` (seconds) also the header and
    `params.retry_after`, for a hiccup the same request made again a moment later goes past."""
    params: dict[str, Any] = {} if cause is None else {"cause": cause}
    if retry_after is not None:
        params["retry_after"] = retry_after
    response = error(503, RelayErrorCode.STORAGE, message, retryable=True, params=params)
    if retry_after is not None:
        response.headers["Retry-After"] = str(retry_after)
    return response


def storage_conflict_error(message: str) -> JSONResponse:
    """A write that met a unique or foreign-key violation (relay/store.storage_conflict): a row
    another worker wrote (or removed) at the same moment, which the same request made again reads
    and goes past. 503 `storage`, retryable, with `cause` and Retry-After, so a desktop asks again
    at once (a 500 had it give up a campaign, and a send's `unknown` is final)."""
    return storage_error(message, CONFLICT_CAUSE, retry_after=CONFLICT_RETRY_AFTER)
