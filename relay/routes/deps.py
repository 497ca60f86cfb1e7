"""What the routes depend on: the running Relay and the bearer check."""

from __future__ import annotations

import hmac
from collections.abc import Iterable

from fastapi import Request

from relay.service import Relay


class Unauthorised(Exception):
    """No or a wrong bearer token: answered 401 by the app's exception handler."""


class HeldOff(Exception):
    """This client's address sent too many wrong tokens lately (relay/wrong_tokens.py): 429."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seconds = seconds


# Both are `async def` although they never wait: FastAPI runs a plain `def` dependency in its thread
# pool, a hand-off to another thread and back on every request for a dictionary lookup.


async def current_relay(request: Request) -> Relay:
    relay: Relay = request.app.state.relay
    return relay


async def authorised(request: Request) -> None:
    """`Authorization: Bearer <token>`, compared as bytes in constant time (any header bytes welcome)."""
    relay: Relay = request.app.state.relay
    host = request.client.host if request.client else None
    held = relay.wrong_tokens.held_for(host)
    if held:
        raise HeldOff(held)  # before the comparison: a guess made meanwhile learns nothing
    token = bearer_token(request.headers.raw)
    if token is None:
        raise Unauthorised()  # no token at all (a browser, a scanner): not a guess
    if not is_relay_token(relay, token):
        relay.wrong_tokens.wrong(host, request.url.path, token)
        raise Unauthorised()
    relay.wrong_tokens.right(host)


def bearer_token(raw_headers: Iterable[tuple[bytes, bytes]]) -> bytes | None:
    """The token of `Authorization: Bearer <token>`, as bytes (any header bytes welcome); else None."""
    presented = next((value for name, value in raw_headers if name.lower() == b"authorization"), b"")
    scheme, _, token = presented.partition(b" ")
    if scheme.lower() != b"bearer" or not token.strip():
        return None
    return token.strip()


def is_relay_token(relay: Relay, token: bytes) -> bool:
    """Compared in constant time; none matches while the relay has no token (its stored one is not text)."""
    return relay.token is not None and hmac.compare_digest(token, relay.token.encode())
