"""What the routes depend on: the running Relay and the bearer check."""

from __future__ import annotations

import hmac

from fastapi import Request

from relay.service import Relay


class Unauthorised(Exception):
    """No or a wrong bearer token: answered 401 by the app's exception handler."""


# Both are `async def` although they never wait: FastAPI runs a plain `def` dependency in its thread
# pool, a hand-off to another thread and back on every request for a dictionary lookup.


async def current_relay(request: Request) -> Relay:
    relay: Relay = request.app.state.relay
    return relay


async def authorised(request: Request) -> None:
    """`Authorization: Bearer <token>`, compared as bytes in constant time (any header bytes welcome)."""
    relay: Relay = request.app.state.relay
    raw = request.headers.raw
    presented = next((value for name, value in raw if name.lower() == b"authorization"), b"")
    scheme, _, token = presented.partition(b" ")
    if scheme.lower() != b"bearer" or not token.strip():
        raise Unauthorised()
    if not hmac.compare_digest(token.strip(), relay.token.encode()):
        raise Unauthorised()
