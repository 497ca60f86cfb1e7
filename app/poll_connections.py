"""The long poll's connections to the relay, which a stop cuts at once instead of waiting them out,
and the uploads', each with a small send buffer.

Closing a socket from another thread does not wake a thread blocked reading it (Linux keeps the
read waiting until the relay answers, up to the poll's whole wait); shutting it down does. httpx
has no way to cancel a request in flight, so its transport is given this network backend
(httpcore's own extension point), which remembers every connection it opened.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterable
from typing import Any

import httpcore
import httpx


class _CuttableStream(httpcore.NetworkStream):
    """One connection, as httpcore's stream for it, that `cut()` shuts down from any thread."""

    def __init__(self, stream: httpcore.NetworkStream, owner: PollConnections) -> None:
        self._stream = stream
        self._owner = owner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, timeout)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, timeout)

    def close(self) -> None:
        self._owner.forget(self)
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        # TLS wraps the socket into a new one: cut that one from now on.
        self._stream = self._stream.start_tls(ssl_context, server_hostname, timeout)
        return self

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)

    def cut(self) -> None:
        sock = self._stream.get_extra_info("socket")
        if isinstance(sock, socket.socket):
            # socket.socket's own shutdown, also for a TLS socket: its read then ends (EOF) with
            # no TLS bookkeeping raced from this thread.
            with contextlib.suppress(OSError):  # closed meanwhile
                socket.socket.shutdown(sock, socket.SHUT_RDWR)


class PollConnections(httpcore.SyncBackend):
    """httpcore's network backend for the poll's client: `cut_all()` ends what is in flight on it
    (the caller gets a transport error at once) and refuses new connections from then on."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._open: set[_CuttableStream] = set()
        self.cut = False

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = _CuttableStream(
            super().connect_tcp(host, port, timeout, local_address, socket_options), self
        )
        with self._lock:
            if not self.cut:
                self._open.add(stream)
                return stream
        stream.close()
        # A poll asked again after the stop (httpx's retry of a connection closed unanswered).
        raise httpcore.ConnectError("the poll was stopped")

    def forget(self, stream: _CuttableStream) -> None:
        with self._lock:
            self._open.discard(stream)

    def cut_all(self) -> int:
        """Shut down every connection open now and refuse new ones: how many were cut."""
        with self._lock:
            self.cut = True
            streams = list(self._open)
        for stream in streams:
            stream.cut()
        return len(streams)


class SmallSendBuffer(httpcore.SyncBackend):
    """httpcore's network backend for the uploads' client: each socket, to the relay or to a proxy,
    holds at most `size` bytes ahead of the network (SO_SNDBUF)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        options = [*(socket_options or ()), (socket.SOL_SOCKET, socket.SO_SNDBUF, self.size)]
        return super().connect_tcp(host, port, timeout, local_address, options)


def with_network_backend(client: httpx.Client, backend: httpcore.NetworkBackend) -> httpx.Client:
    """`client`, its connections opened through `backend`: direct ones and those through a proxy
    that the environment sets (httpx mounts one transport per proxy)."""
    # httpx builds each httpcore pool without a way to pass its network backend; the pool takes one
    # (ConnectionPool(network_backend=...)) and reads it only when it opens a connection. An
    # explicit transport would do, but httpx then ignores the environment's proxies (an office's:
    # uploads built so could not reach a relay that everything else reached through it).
    for transport in (client._transport, *client._mounts.values()):
        if isinstance(transport, httpx.HTTPTransport):
            transport._pool._network_backend = backend
    return client
