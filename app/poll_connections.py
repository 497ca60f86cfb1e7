"""The long poll's connections to the relay, which a stop cuts at once instead of waiting them out,
and the uploads', each with a small send buffer.

Closing a socket from another thread does not wake a thread blocked reading it (Linux keeps the
read waiting until the relay answers, up to the poll's whole wait); shutting it down does. httpx
has no way to cancel a request in flight, nor to pass its connection pools a network backend
without building the transports itself (and then it ignores the environment's proxies: an
office's). httpcore's `trace` request extension, a public one, hands a callback each connection's
network stream as it opens (`connect_tcp`) and as TLS wraps it (`start_tls`): straight to the relay,
through an HTTP proxy or its CONNECT tunnel, or a SOCKS proxy alike. A request hook of the client
(`watch_connections`) puts the callback on every request it sends.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import weakref
from typing import Any

import httpcore
import httpx


def _socket(stream: httpcore.NetworkStream) -> socket.socket | None:
    sock = stream.get_extra_info("socket")
    return sock if isinstance(sock, socket.socket) else None


class ConnectionWatch:
    """What a client's requests open, told to `opened(stream)` (and `opening()` just before)."""

    def __init__(self) -> None:
        self.seen = False  # a connection was reported: the trace works (see `_trace`)

    def on_request(self, request: httpx.Request) -> None:
        """httpx's request hook: every request of the client carries the trace."""
        request.extensions["trace"] = self._trace

    def opening(self) -> None:
        """A connection is about to open (raise httpcore.ConnectError to refuse it)."""

    def opened(self, stream: httpcore.NetworkStream) -> None:
        """A connection (or TLS over it) opened: `stream` is httpcore's for it."""

    def _trace(self, event: str, info: dict[str, Any]) -> None:
        if event.endswith(".connect_tcp.started"):
            self.opening()
        elif event.endswith((".connect_tcp.complete", ".start_tls.complete")):
            stream = info["return_value"]
            if isinstance(stream, httpcore.NetworkStream):
                self.seen = True
                self.opened(stream)
        elif event.endswith(".send_request_headers.started") and not self.seen:
            # Every request's first connection opens before it is sent: no report of one means
            # httpcore's trace changed, and a stop could no longer cut the poll (a quit would wait
            # out its whole wait). Said at the first request, not found as a hang.
            raise RuntimeError(
                "httpcore's trace reported no connection opening: connections cannot be watched"
            )


class PollConnections(ConnectionWatch):
    """The poll's client's connections: `cut_all()` ends what is in flight on them (the caller
    gets a transport error at once) and refuses new connections from then on."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        # Held as long as httpcore holds the connection: a closed one goes with it.
        self._streams: weakref.WeakSet[httpcore.NetworkStream] = weakref.WeakSet()
        self.cut = False

    def opening(self) -> None:
        if self.cut:
            # A poll asked again after the stop (httpx's retry of a connection closed unanswered).
            raise httpcore.ConnectError("the poll was stopped")

    def opened(self, stream: httpcore.NetworkStream) -> None:
        with self._lock:
            if not self.cut:
                self._streams.add(stream)
                return
        _shut_down(stream)  # opened as the stop came: cut as well

    def cut_all(self) -> int:
        """Shut down every connection open now and refuse new ones: how many were cut."""
        with self._lock:
            self.cut = True
            streams = list(self._streams)
        return sum(_shut_down(stream) for stream in streams)


def _shut_down(stream: httpcore.NetworkStream) -> bool:
    """socket.socket's own shutdown, also for a TLS socket: its read then ends (EOF) with no TLS
    bookkeeping raced from this thread. False for one closed meanwhile (or wrapped in TLS since:
    its TLS stream is shut down instead)."""
    sock = _socket(stream)
    if sock is None:
        return False
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)
        return True
    return False


class SmallSendBuffer(ConnectionWatch):
    """The uploads' client's connections, to the relay or to a proxy: each socket holds at most
    `size` bytes ahead of the network (SO_SNDBUF, set as it opens, before anything is sent)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def opened(self, stream: httpcore.NetworkStream) -> None:
        sock = _socket(stream)
        if sock is not None:
            # One closed meanwhile fails its next write, as httpx's own error: not an OSError here.
            with contextlib.suppress(OSError):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.size)


def watch_connections(watch: ConnectionWatch) -> dict[str, list[Any]]:
    """httpx.Client's `event_hooks` for a client whose connections `watch` sees."""
    return {"request": [watch.on_request]}
