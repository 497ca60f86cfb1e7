"""uvicorn's HTTP protocol with the limits a relay on an open port needs on a request's head.

uvicorn reads a request line and headers without a deadline, and its httptools parser (the one
`uvicorn[standard]` brings, so the one a deployed relay runs) without a size cap:
`h11_max_incomplete_event_size` binds only the h11 parser. A client straight on the relay's port
could hold a connection for ever by trickling a header (1000 such connections and every other
request, Meta's webhooks included, is answered 503), or make the relay hold a 200 MB header in
memory. Caddy's `read_header` and `max_header_size` stop both in front of it (deploy/Caddyfile);
this is the relay's own floor for when nothing is in front.
"""

from __future__ import annotations

import asyncio
import json
import logging
import socket
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.wire import RelayErrorCode
from relay.bodies import HEAD_MAX_BYTES, HEAD_TIMEOUT
from relay.errors import error_body

log = logging.getLogger(__name__)
# While a head is still coming, the parser is fed this much at a time, so the bytes of the head
# are counted within this of the truth even when a read brings a head and a body together.
_HEAD_SLICE = 4096


def _too_large_answer() -> bytes:
    body = json.dumps(
        error_body(
            RelayErrorCode.TOO_LARGE,
            "The request line and headers are too large.",
            params={"limit": HEAD_MAX_BYTES},
        )
    ).encode()
    head = (
        "HTTP/1.1 431 Request Header Fields Too Large\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class HeadLimitedProtocol(HttpToolsProtocol):
    """A request's line and headers must arrive within HEAD_TIMEOUT of its first byte (or of the
    connection, when it sends nothing) and hold at most HEAD_MAX_BYTES; else the connection is
    closed (431 for one too large). So must the rest of a body the relay answered without reading.
    A request being answered (a long poll waiting, a body the route reads with its own deadlines,
    relay/bodies.py) is never cut."""

    # The relay's own; a test subclasses it with a shorter deadline (tests/relay/test_open_port.py).
    head_timeout = HEAD_TIMEOUT
    head_max_bytes = HEAD_MAX_BYTES

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # From the connection's start, or one request's end, until the next one's headers are in.
        self._awaiting_head = True
        self._head_bytes = 0
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        # `serve --workers N` listens on a socket uvicorn binds itself, made without naming TCP, so
        # asyncio's stock loop left Nagle on for its connections (uvloop turns it off, asyncio only
        # for sockets it made): each answer waited on the client's delayed ACK, ~40 ms, and two
        # workers took 165 webhooks a second where one process took 1,300 (bench/relay_intake.py).
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_overdue)

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_head_timer()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if not self._awaiting_head:
            super().data_received(data)
            return
        if self._head_timer is None:  # the first byte of the next request on a kept-alive connection
            self._head_timer = self.loop.call_later(self.head_timeout, self._head_overdue)
        offset = 0
        while offset < len(data) and self._awaiting_head:
            room = self.head_max_bytes - self._head_bytes
            if room <= 0:
                self._refuse_head()
                return
            piece = data[offset : offset + min(room, _HEAD_SLICE)]
            offset += len(piece)
            self._head_bytes += len(piece)
            super().data_received(piece)
            if self.transport.is_closing():
                return
        if offset < len(data):
            super().data_received(data[offset:])

    # Parser callbacks: where one request's head ends, and where the next one's may begin.
    def on_headers_complete(self) -> None:
        self._awaiting_head = False
        self._head_bytes = 0
        self._cancel_head_timer()
        super().on_headers_complete()

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._awaiting_head = True

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self._awaiting_head and not self.transport.is_closing():
            # Answered before its body ended (a body the route never reads): the rest of it is
            # held to the same deadline, or a trickled body would keep the connection for ever.
            self._cancel_head_timer()
            self._head_timer = self.loop.call_later(self.head_timeout, self._head_overdue)

    def _cancel_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_overdue(self) -> None:
        self._head_timer = None
        answered = self.cycle is not None and self.cycle.response_complete
        if (self._awaiting_head or answered) and not self.transport.is_closing():
            log.info("request too slow: connection closed after %.0f s", self.head_timeout)
            self.transport.close()

    def _refuse_head(self) -> None:
        log.info("request head too large: status=431 limit=%d bytes", self.head_max_bytes)
        self._cancel_head_timer()
        self.transport.write(_too_large_answer())
        self.transport.close()
