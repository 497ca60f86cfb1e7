"""A loopback TCP proxy that behaves like a market stall's phone hotspot: slow, cutting connections
short, or a captive portal answering every request with its own HTML sign-in page. As an office's web
proxy (HTTP_PROXY / HTTPS_PROXY) it forwards plain requests, and tunnels `CONNECT` (https://) ones."""

from __future__ import annotations

import enum
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager

PORTAL_PAGE = (
    b"<!DOCTYPE html><html><head><title>Hotspot sign-in</title></head>"
    b"<body><h1>Welcome to Market Wi-Fi</h1><form action='/login'>Sign in to continue</form></body></html>"
)


CONNECT = b"CONNECT "


class Mode(enum.StrEnum):
    PASS = "pass"  # forward everything (after `latency` seconds per chunk)
    CUT = "cut"  # forward, then drop each connection once `cut_after` bytes came back from the relay
    PORTAL_200 = "portal_200"  # answer every request with the sign-in page itself
    PORTAL_302 = "portal_302"  # answer every request with a redirect to the sign-in page
    REFUSE = "refuse"  # accept, then close at once (no route to the relay)
    # Pass the first answer on a connection, then close it as the next request comes: a server's
    # keep-alive timeout that ran out while the request was on its way over a slow link.
    STALE_KEEP_ALIVE = "stale_keep_alive"


class BadNetwork:
    """Forwards 127.0.0.1:`port` to 127.0.0.1:`target_port`, misbehaving as `mode` says. The mode
    and its settings may change at any time; each new connection follows them as they are then."""

    def __init__(self, target_port: int, *, port: int = 0, tls: ssl.SSLContext | None = None) -> None:
        self.target_port = target_port
        # With a server context, the proxy is the relay's HTTPS front (Caddy's place): it answers
        # TLS with that context's certificate and passes plain HTTP on to the relay.
        self.tls = tls
        self.mode = Mode.PASS
        self.latency = 0.0  # seconds before each chunk is passed on, both ways
        self.cut_after = 0  # bytes of the relay's answer passed before a CUT connection is dropped
        self.connections = 0  # connections accepted, in any mode
        self.portal_answers = 0  # requests the captive portal answered
        self.stale_closes = 0  # requests met by a keep-alive connection closed (STALE_KEEP_ALIVE)
        # The `host:port` of each CONNECT tunnelled (every name leads to the relay: the proxy
        # resolves it, and only it could reach a name like relay.example.invalid).
        self.tunnels: list[str] = []
        self.to_relay = 0  # bytes passed on towards the relay, all connections together
        self.listener = socket.create_server(("127.0.0.1", port))
        # A slow link holds little in flight: loopback's buffers of megabytes would swallow a whole
        # upload at once, however slowly the proxy passes it on.
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 64 * 1024)
        self.port = int(self.listener.getsockname()[1])
        self.lock = threading.Lock()
        self.open: list[socket.socket] = []
        self.closed = threading.Event()
        threading.Thread(target=self._accept, name="bad-network", daemon=True).start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def drop_all(self) -> None:
        """Cut every connection open now (the hotspot changed its mind); new ones follow the mode."""
        with self.lock:
            dropped, self.open = self.open, []
        for conn in dropped:
            _close(conn)

    def close(self) -> None:
        self.closed.set()
        self.listener.close()
        self.drop_all()

    def _accept(self) -> None:
        while not self.closed.is_set():
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            with self.lock:
                self.connections += 1
                self.open.append(client)
            threading.Thread(target=self._serve, args=(client, self.mode), daemon=True).start()

    def _serve(self, client: socket.socket, mode: Mode) -> None:
        if self.tls is not None and mode is not Mode.REFUSE:
            try:
                client = self.tls.wrap_socket(client, server_side=True)
            except (OSError, ssl.SSLError):  # the client refused the certificate
                _close(client)
                return
            with self.lock:
                self.open.append(client)
        if mode is Mode.REFUSE:
            _close(client)
        elif mode in (Mode.PORTAL_200, Mode.PORTAL_302):
            self._portal(client, mode)
        else:
            try:
                first = self._tunnel_or_first_bytes(client)
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                _close(client)
                return
            with self.lock:
                self.open.append(upstream)
            if first:
                if self.latency:
                    self.closed.wait(self.latency)  # as the pump delays every other chunk
                try:
                    upstream.sendall(first)
                except OSError:
                    _close(client)
                    _close(upstream)
                    return
            cut = self.cut_after if mode is Mode.CUT else None
            answered = threading.Event() if mode is Mode.STALE_KEEP_ALIVE else None
            for args in ((client, upstream, True, None, answered), (upstream, client, False, cut, answered)):
                threading.Thread(target=self._pump, args=args, daemon=True).start()

    def _tunnel_or_first_bytes(self, client: socket.socket) -> bytes:
        """The bytes read to tell a CONNECT from a request to pass on: a CONNECT's head is read and
        answered (the tunnel is open: what follows is the client's TLS, passed on as it comes), a
        request's first bytes are returned to go first to the relay."""
        buffer = b""
        while CONNECT.startswith(buffer[: len(CONNECT)]) and (
            len(buffer) < len(CONNECT) or b"\r\n\r\n" not in buffer
        ):
            data = client.recv(65536)
            if not data:
                raise OSError("the client closed before a request")
            buffer += data
        if not buffer.startswith(CONNECT):
            return buffer
        head, _, rest = buffer.partition(b"\r\n\r\n")
        with self.lock:
            self.tunnels.append(head.split(b"\r\n", 1)[0].split()[1].decode("ascii"))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        return rest

    def _portal(self, client: socket.socket, mode: Mode) -> None:
        """Read each request's head (and body) and answer it with the portal's page, keep-alive."""
        buffer = b""
        try:
            while True:
                while b"\r\n\r\n" not in buffer:
                    data = client.recv(65536)
                    if not data:
                        return
                    buffer += data
                head, _, buffer = buffer.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                while len(buffer) < length:
                    data = client.recv(65536)
                    if not data:
                        return
                    buffer += data
                buffer = buffer[length:]
                if self.latency:
                    self.closed.wait(
                        self.latency
                    )  # the hotspot's delay; a proxy closed meanwhile stops at once
                with self.lock:
                    self.portal_answers += 1
                if mode is Mode.PORTAL_302:
                    status = b"302 Found"
                    extra = b"Location: http://login.hotspot.example/portal?continue=1\r\n"
                else:
                    status = b"200 OK"
                    extra = b""
                # A hotspot box's clock is often years out: its Date says so.
                client.sendall(
                    b"HTTP/1.1 " + status + b"\r\n" + extra + b"Date: Sat, 01 Jan 2000 00:00:00 GMT\r\n"
                    b"Content-Type: text/html; charset=utf-8\r\n"
                    b"Content-Length: " + str(len(PORTAL_PAGE)).encode() + b"\r\n\r\n" + PORTAL_PAGE
                )
        except OSError:
            return
        finally:
            _close(client)

    def _pump(
        self,
        src: socket.socket,
        dst: socket.socket,
        towards_relay: bool,
        cut: int | None,
        answered: threading.Event | None,
    ) -> None:
        """Copy src to dst; `answered` (STALE_KEEP_ALIVE) is set once the relay's answer went back."""
        passed = 0
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    dst.shutdown(socket.SHUT_WR)
                    return
                if answered is not None and towards_relay and answered.is_set():
                    self.stale_closes += 1
                    _close(src)
                    _close(dst)
                    return
                if self.latency:
                    self.closed.wait(
                        self.latency
                    )  # the hotspot's delay; a proxy closed meanwhile stops at once
                if cut is not None and passed + len(data) >= cut:
                    dst.sendall(data[: max(0, cut - passed)])
                    _close(src)
                    _close(dst)
                    return
                passed += len(data)
                if towards_relay:
                    with self.lock:
                        self.to_relay += len(data)
                if answered is not None and not towards_relay:
                    # Before passing the answer on: a client quick to ask again could otherwise send its
                    # next request before this thread marked the answer as gone (a request let through).
                    answered.set()
                dst.sendall(data)
        except OSError:
            _close(src)
            _close(dst)


def _close(conn: socket.socket) -> None:
    try:
        conn.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    conn.close()


@contextmanager
def bad_network(target_port: int, *, tls: ssl.SSLContext | None = None) -> Iterator[BadNetwork]:
    network = BadNetwork(target_port, tls=tls)
    try:
        yield network
    finally:
        network.close()
