"""Run an ASGI app with uvicorn in a thread on a free loopback port, for tests and benchmarks."""

from __future__ import annotations

import socket
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _ReleasingServer(uvicorn.Server):
    """A uvicorn.Server that lets the requests still waiting go before its graceful shutdown waits."""

    def __init__(self, config: uvicorn.Config, release: Callable[[], Awaitable[None]] | None) -> None:
        super().__init__(config)
        self.release = release

    async def shutdown(self, sockets: list[socket.socket] | None = None) -> None:
        if self.release is not None:
            await self.release()
        await super().shutdown(sockets)


class ThreadedServer:
    """uvicorn.Server in a daemon thread; start() returns once the socket listens.

    `release` (a coroutine function, run on the server's loop as it stops) answers or drops the
    requests that would otherwise wait out their whole time (a desktop's long poll): a stop then
    takes milliseconds, not the graceful shutdown's second."""

    def __init__(
        self,
        app: Any,
        port: int | None = None,
        *,
        release: Callable[[], Awaitable[None]] | None = None,
        **options: Any,
    ) -> None:
        self.app = app
        self.release = release
        self.options = options  # more uvicorn.Config settings (the relay's SERVER_OPTIONS)
        self.port = port or free_port()
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> str:
        # A waiting request nobody released would hold a graceful shutdown for its whole wait.
        config = uvicorn.Config(
            self.app,
            host="127.0.0.1",
            port=self.port,
            log_config=None,
            log_level="warning",
            timeout_graceful_shutdown=1,
            **self.options,
        )
        self.server = _ReleasingServer(config, self.release)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        ticker = threading.Event()
        for _ in range(400):  # up to ~10 s
            if self.server.started or not self.thread.is_alive():
                break
            ticker.wait(0.025)
        if not self.server.started:
            raise RuntimeError("test server did not start")
        return self.url

    def stop(self) -> None:
        if self.server is not None and self.thread is not None:
            self.server.should_exit = True
            self.thread.join(timeout=10)
        self.server = None
        self.thread = None


@contextmanager
def serve_in_thread(app: Any, **options: Any) -> Iterator[str]:
    """`options` are uvicorn.Config settings, e.g. date_header=False where the app sets its own Date."""
    server = ThreadedServer(app, **options)
    url = server.start()
    try:
        yield url
    finally:
        server.stop()
