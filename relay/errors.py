"""The relay's error answers, built from the wire's envelope: `{"error": {code, message, …, params}}`."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from app.wire import ErrorBody, ErrorEnvelope, RelayErrorCode
from relay.upstream import GraphError


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
