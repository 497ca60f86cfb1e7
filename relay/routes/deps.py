"""What every route depends on: the running Relay, the bearer check, the error body."""

from __future__ import annotations

import secrets

from fastapi import Header, Request
from fastapi.responses import JSONResponse

from relay.service import Relay


class Unauthorised(Exception):
    """No or a wrong bearer token: answered 401 by the app's exception handler."""


def current_relay(request: Request) -> Relay:
    relay: Relay = request.app.state.relay
    return relay


def authorised(request: Request, authorization: str | None = Header(default=None)) -> None:
    relay = current_relay(request)
    presented = (authorization or "").removeprefix("Bearer ").strip()
    if not presented or not secrets.compare_digest(presented.encode(), relay.token.encode()):
        raise Unauthorised()


def error(
    status: int, code: str, message: str, *, graph_code: int | None = None, retryable: bool = False
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "graph_code": graph_code, "retryable": retryable}}
    return JSONResponse(body, status_code=status)
