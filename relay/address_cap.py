"""A cap on the requests one client address may have open at once (nginx's `limit_conn`, in the relay).

Caddy has no per-address cap without a plugin (docs/relay.md), and passes a slow body on to the
relay as it comes: one address opening a thousand requests that each trickle a webhook's body
(held up to the relay's 30 s body deadline) would fill the relay's 1000 connections, and every
webhook and desktop after it would be answered 503. Past PER_ADDRESS open requests, an address is
answered 429 `too_many_requests` at once (Meta delivers a webhook again), unless the request bears
the relay token: a shop's desktops behind one router, a long poll each, are never capped. As with wrong
tokens, a loopback or private address is never capped: it is a proxy that does not pass the
client's address on (every client would share its count) or a computer on the relay's own network.
"""

from __future__ import annotations

import json
import logging

from starlette.types import ASGIApp, Receive, Scope, Send

from app.wire import RelayErrorCode
from relay.errors import error_body
from relay.routes.deps import bearer_token, is_relay_token
from relay.service import Relay
from relay.wrong_tokens import address_key, on_the_internet

log = logging.getLogger(__name__)

PER_ADDRESS = 100  # as docs/relay.md's nginx `limit_conn addr 100`


class AddressCap:
    """Pure ASGI (no per-request object of Starlette's): a count per address, up on entry, down on exit."""

    def __init__(self, app: ASGIApp, relay: Relay, per_address: int = PER_ADDRESS) -> None:
        self.app = app
        self.relay = relay
        self.per_address = per_address
        self.open: dict[str, int] = {}
        self._warned: set[str] = set()
        self._refusal = json.dumps(
            error_body(
                RelayErrorCode.TOO_MANY_REQUESTS,
                "Too many requests are open from this address at once.",
                retryable=True,
                params={"limit": per_address},
            )
        ).encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        client = scope.get("client")
        key = address_key(client[0] if client else None)
        count = self.open.get(key, 0)
        if count >= self.per_address and on_the_internet(key) and not self._bears_token(scope):
            if key not in self._warned:  # once each time it reaches the cap, never per refusal
                self._warned.add(key)
                log.warning("too many open requests from one address: address=%s limit=%d", key, count)
            await self._refuse(send)
            return
        self.open[key] = count + 1
        try:
            await self.app(scope, receive, send)
        finally:
            left = self.open[key] - 1
            if left:
                self.open[key] = left
            else:
                del self.open[key]  # a flood from many addresses leaves nothing behind
            if left < self.per_address:
                self._warned.discard(key)

    def _bears_token(self, scope: Scope) -> bool:
        """The relay token: a desktop (many behind one router, a long poll each) is never capped."""
        token = bearer_token(scope["headers"])
        return token is not None and is_relay_token(self.relay, token)

    async def _refuse(self, send: Send) -> None:
        await send(
            {
                "type": "http.response.start",
                "status": 429,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(self._refusal)).encode()),
                    (b"retry-after", b"5"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": self._refusal})
