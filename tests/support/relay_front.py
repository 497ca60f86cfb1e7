"""A reverse proxy in front of the test relay (nginx's place) that can answer chosen requests itself
with an error page (a 502/503 while the relay restarts) while every other request goes through."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx

from tests.support.servers import ThreadedServer

BUSY_PAGE = b"<html><head><title>503 Service Temporarily Unavailable</title></head><body>nginx</body></html>"
# Hop-by-hop headers a proxy does not pass on (uvicorn sets its own framing).
HOP_BY_HOP = {
    b"connection",
    b"keep-alive",
    b"transfer-encoding",
    b"content-length",
    b"host",
    b"date",
    b"server",
}


@dataclass
class Refusal:
    method: str
    path: str
    status: int
    body: bytes
    content_type: bytes
    times: int | None  # None: until `passing` is called


class RelayFront:
    """An ASGI app forwarding to `target` (the relay's URL); `refuse(...)` makes it answer some itself.

    `requests` counts what came in, by (method, path), refused or not. With `forwarded_for`, it tells
    the relay that every request came from that address (X-Forwarded-For, as Caddy in deploy/ does):
    a desktop on the internet."""

    def __init__(self, target: str, forwarded_for: str | None = None) -> None:
        self.target = target.rstrip("/")
        self.forwarded_for = forwarded_for
        self.lock = threading.Lock()
        self.refusals: list[Refusal] = []
        self.requests: dict[tuple[str, str], int] = {}
        self.refused: dict[tuple[str, str], int] = {}
        # Set on the server's loop as it stops: requests still waiting for the relay are dropped.
        self.closing: asyncio.Event | None = None

    def refuse(
        self,
        method: str,
        path: str,
        *,
        status: int = 503,
        times: int | None = 1,
        body: bytes = BUSY_PAGE,
        content_type: bytes = b"text/html",
    ) -> None:
        """Answer `method path` with `status` and `body` the next `times` times (None: every time)."""
        with self.lock:
            self.refusals.append(Refusal(method, path, status, body, content_type, times))

    def passing(self) -> None:
        """Every request goes through to the relay again."""
        with self.lock:
            self.refusals.clear()

    def count(self, method: str, path: str) -> int:
        with self.lock:
            return self.requests.get((method, path), 0)

    def refused_count(self, method: str, path: str) -> int:
        with self.lock:
            return self.refused.get((method, path), 0)

    def _refusal(self, method: str, path: str) -> Refusal | None:
        with self.lock:
            self.requests[(method, path)] = self.requests.get((method, path), 0) + 1
            for refusal in self.refusals:
                if refusal.method == method and refusal.path == path:
                    if refusal.times is not None:
                        refusal.times -= 1
                        if refusal.times <= 0:
                            self.refusals.remove(refusal)
                    self.refused[(method, path)] = self.refused.get((method, path), 0) + 1
                    return refusal
        return None

    async def drop_waiting(self) -> None:
        """The front stops: every request still waiting for the relay's answer (a desktop's long
        poll) is answered with the busy page now, as a proxy going away drops what it holds."""
        self._closing().set()

    def _closing(self) -> asyncio.Event:
        if self.closing is None:
            self.closing = asyncio.Event()
        return self.closing

    async def _forward(self, method: str, url: str, headers: list[Any], body: bytes) -> httpx.Response | None:
        """The relay's answer, or None when the front stopped first."""
        async with httpx.AsyncClient(timeout=None) as client:
            answer = asyncio.ensure_future(client.request(method, url, headers=headers, content=body))
            closing = asyncio.ensure_future(self._closing().wait())
            await asyncio.wait((answer, closing), return_when=asyncio.FIRST_COMPLETED)
            closing.cancel()
            if not answer.done():
                answer.cancel()
                return None
            return answer.result()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        refusal = self._refusal(scope["method"], scope["path"])
        if refusal is None and self._closing().is_set():
            refusal = Refusal(scope["method"], scope["path"], 503, BUSY_PAGE, b"text/html", None)
        if refusal is not None:
            headers = [(b"content-type", refusal.content_type)]
            await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
            await send({"type": "http.response.body", "body": refusal.body})
            return
        url = (
            self.target
            + scope["path"]
            + (("?" + scope["query_string"].decode()) if scope["query_string"] else "")
        )
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in HOP_BY_HOP]
        if self.forwarded_for is not None:
            headers.append((b"x-forwarded-for", self.forwarded_for.encode()))
        answer = await self._forward(scope["method"], url, headers, body)
        if answer is None:
            busy = [(b"content-type", b"text/html"), (b"connection", b"close")]
            await send({"type": "http.response.start", "status": 503, "headers": busy})
            await send({"type": "http.response.body", "body": BUSY_PAGE})
            return
        passed = [(k, v) for k, v in answer.headers.raw if k.lower() not in HOP_BY_HOP]
        await send({"type": "http.response.start", "status": answer.status_code, "headers": passed})
        await send({"type": "http.response.body", "body": answer.content})


@contextmanager
def relay_front(target: str, forwarded_for: str | None = None) -> Iterator[tuple[RelayFront, str]]:
    """The front on a free loopback port: (the front, its URL)."""
    front = RelayFront(target, forwarded_for)
    server = ThreadedServer(front, release=front.drop_waiting)
    url = server.start()
    try:
        yield front, url
    finally:
        server.stop()
