"""A cheap HTTP/1.1 load generator (like wrk): prepared requests over keep-alive connections, one asyncio loop."""

from __future__ import annotations

import asyncio
import importlib.util
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast
from urllib.parse import urlsplit

# The whole point is that the sender costs little next to the server it measures: httpx spends about
# 1 ms of CPU per request, as much as the relay itself, on the same two cores. Here every request's
# bytes are built before the clock starts, and an answer is read as status line, headers and a
# Content-Length body, nothing more.

TIMEOUT_S = 30


@dataclass(frozen=True, slots=True)
class SendResult:
    ok: int  # answered 200
    answered: int  # answered at all (any status)
    seconds: float
    cpu_s: float  # the sender's own CPU (its thread), to show it is not the bottleneck

    @property
    def rate(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0


def request_bytes(
    url: str, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> bytes:
    """One complete HTTP/1.1 request, ready to write to a socket."""
    host = urlsplit(url).netloc
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body or method == "POST":
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value)
        if name.strip().lower() == b"transfer-encoding":
            raise ValueError("chunked answers are not expected from these routes")
    return 0


class _Connection(asyncio.Protocol):
    """One keep-alive connection that writes its requests one after another, each after the last answer."""

    def __init__(self, requests: list[bytes], on_status: Callable[[int], None]) -> None:
        self.requests = requests
        self.on_status = on_status
        self.sent = 0
        self.answered = 0
        self.buffer = bytearray()
        self.transport: asyncio.Transport | None = None
        self.closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports are not subclasses
        self._send_next()

    def _send_next(self) -> None:
        assert self.transport is not None
        if self.sent == len(self.requests):
            self.transport.close()
            return
        self.transport.write(self.requests[self.sent])
        self.sent += 1

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while True:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buffer[:end])
            size = end + 4 + _content_length(head)
            if len(self.buffer) < size:
                return
            del self.buffer[:size]
            self.answered += 1
            self.on_status(int(head[9:12]))
            self._send_next()

    def connection_lost(self, exc: Exception | None) -> None:
        # A request written but not answered (the relay was killed, or closed on us) is not acknowledged.
        if not self.closed.done():
            self.closed.set_result(None)


def send_all(
    url: str,
    requests: list[bytes],
    connections: int,
    *,
    when_ok: tuple[int, threading.Event] | None = None,
) -> SendResult:
    """Send every request over `connections` keep-alive connections (request i on connection i % n).

    `when_ok` = (n, event): the event is set once n requests were answered 200 (the kill -9 cue).
    A connection that fails or is closed stops sending: its unanswered requests count as not acknowledged.
    """
    counts = {"ok": 0, "answered": 0}

    def on_status(status: int) -> None:
        counts["answered"] += 1
        if status == 200:
            counts["ok"] += 1
            if when_ok is not None and counts["ok"] >= when_ok[0]:
                when_ok[1].set()

    split = urlsplit(url)
    host, port = split.hostname or "127.0.0.1", split.port or 80

    async def run() -> None:
        loop = asyncio.get_running_loop()

        async def one(i: int) -> None:
            try:
                _, protocol = await loop.create_connection(
                    lambda: _Connection(requests[i::connections], on_status), host, port
                )
            except OSError:
                return
            # A relay that stops answering (hung, not killed) must not hang the bench: give up on a
            # connection whose answer has not come for TIMEOUT_S, checked once a second.
            progress, since = -1, loop.time()
            while not protocol.closed.done():
                await asyncio.wait([protocol.closed], timeout=1)
                if protocol.answered != progress:
                    progress, since = protocol.answered, loop.time()
                elif loop.time() - since > TIMEOUT_S and protocol.transport is not None:
                    protocol.transport.abort()

        await asyncio.gather(*(one(i) for i in range(connections)))

    cpu_started = time.thread_time()
    started = time.perf_counter()
    if importlib.util.find_spec("uvloop"):
        import uvloop

        with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
            runner.run(run())
    else:
        asyncio.run(run())
    seconds = time.perf_counter() - started
    return SendResult(counts["ok"], counts["answered"], seconds, time.thread_time() - cpu_started)
