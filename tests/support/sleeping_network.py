"""A loopback TCP proxy whose open connections can go dead without closing, as after a laptop slept."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class SleepingNetwork:
    """Forwards 127.0.0.1:`port` to `target_port`. `sleep()` makes every connection open now drop
    what it carries both ways and never close (a Wi-Fi changed, a NAT that forgot it); connections
    made after it work."""

    def __init__(self, target_port: int) -> None:
        self.target_port = target_port
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.listener.getsockname()[1])
        self.dead: set[socket.socket] = set()
        self.open: list[socket.socket] = []
        self.lock = threading.Lock()
        self.closed = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def sleep(self) -> None:
        with self.lock:
            self.dead.update(self.open)

    def close(self) -> None:
        self.closed.set()
        self.listener.close()
        with self.lock:
            for conn in self.open:
                conn.close()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            with self.lock:
                self.open += [client, upstream]
            for src, dst in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    def _pump(self, src: socket.socket, dst: socket.socket) -> None:
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                return
            if not data:
                with self.lock:
                    dead = src in self.dead
                if not dead:
                    try:
                        dst.shutdown(socket.SHUT_WR)
                    except OSError:
                        pass
                return
            with self.lock:
                dead = src in self.dead or dst in self.dead
            if dead:
                continue  # the bytes are lost on the way; neither end hears of it
            try:
                dst.sendall(data)
            except OSError:
                return


@contextmanager
def sleeping_network(target_port: int) -> Iterator[SleepingNetwork]:
    network = SleepingNetwork(target_port)
    try:
        yield network
    finally:
        network.close()
