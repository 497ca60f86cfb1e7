"""The relay's error answers, built from the wire's envelope: `{"error": {code, message, …, params}}`."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from app.wire import ErrorBody, ErrorEnvelope, RelayErrorCode


def error_body(
    code: RelayErrorCode,
    message: str,
    *,
    graph_code: int | None = None,
    retryable: bool = False,
    params: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The error envelope as JSON-ready data (also what an idempotent send stores as its answer)."""
    body = ErrorBody(
        code=code, message=message, graph_code=graph_code, retryable=retryable, params=params or {}
    )
    return ErrorEnvelope(error=body).model_dump(mode="json")


def error(
    status: int,
    code: RelayErrorCode,
    message: str,
    *,
    graph_code: int | None = None,
    retryable: bool = False,
    params: dict[str, Any] | None = None,
) -> JSONResponse:
    body = error_body(code, message, graph_code=graph_code, retryable=retryable, params=params)
    return JSONResponse(body, status_code=status)
