"""The relay with nothing in front of it (its port open to the internet): what a client that
trickles, bloats or never finishes its request gets. Caddy would cut these off first; the relay
must not depend on it."""

from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.wire import RelayErrorCode
from relay.address_cap import PER_ADDRESS
from relay.bodies import HEAD_MAX_BYTES
from relay.http_protocol import HeadLimitedProtocol
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, inbound, run_relay

ATTACKER = "8.8.4.4"  # as the proxy in front says it (X-Forwarded-For, trusted from loopback)
OWNER = "1.1.1.1"
QUICK = 0.5  # the head deadline of these tests' relay (the relay's own: HEAD_TIMEOUT, 10 s)


class QuickHead(HeadLimitedProtocol):
    head_timeout = QUICK


@pytest.fixture
def open_relay(tmp_path: Path, graph: FakeGraph) -> Iterator[RunningRelay]:
    with run_relay(tmp_path, graph_url=graph.url, server_options={"http": QuickHead}) as running:
        yield running


def _connect(relay: RunningRelay) -> socket.socket:
    assert relay.port is not None
    return socket.create_connection(("127.0.0.1", relay.port), timeout=10)


def _trickle_until_closed(conn: socket.socket, limit: float) -> float:
    """Send one header byte each time the relay stays silent for 0.1 s; the seconds until it hung up."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        readable, _, _ = select.select([conn], [], [], 0.1)
        if readable:
            try:
                if conn.recv(4096) == b"":
                    return time.monotonic() - started
            except ConnectionResetError:
                return time.monotonic() - started
            continue
        try:
            conn.sendall(b"a")
        except (BrokenPipeError, ConnectionResetError):
            return time.monotonic() - started
    raise AssertionError(f"the relay still held the connection after {limit} s")


def test_a_client_trickling_its_headers_is_cut_off_and_everyone_else_is_served(
    open_relay: RunningRelay,
) -> None:
    with _connect(open_relay) as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: relay.example\r\nX-Slow: ")
        # Cut off while it still trickles (a byte every 0.1 s of silence): the deadline runs from
        # the first byte, and a byte does not renew it (renewed, the connection would never close).
        _trickle_until_closed(slow, limit=QUICK * 10)
    assert open_relay.client.get(f"{open_relay.url}/healthz").status_code == 200


def test_a_connection_that_never_sends_a_byte_is_closed(open_relay: RunningRelay) -> None:
    with _connect(open_relay) as idle:
        readable, _, _ = select.select([idle], [], [], QUICK * 10)
        assert readable and idle.recv(4096) == b""


def test_the_rest_of_a_body_the_relay_answered_without_reading_must_come_in_time(
    open_relay: RunningRelay,
) -> None:
    with _connect(open_relay) as slow:
        slow.sendall(b"GET /healthz HTTP/1.1\r\nHost: relay.example\r\nContent-Length: 100000\r\n\r\n")
        answer = slow.recv(4096)
        assert answer.startswith(b"HTTP/1.1 200")
        _trickle_until_closed(slow, limit=QUICK * 10)


def test_headers_over_64_kib_get_431_in_the_error_envelope(open_relay: RunningRelay) -> None:
    with _connect(open_relay) as bloated:
        bloated.sendall(b"GET /healthz HTTP/1.1\r\nHost: relay.example\r\nX-Big: " + b"a" * HEAD_MAX_BYTES)
        answer = bloated.recv(65536)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 431")
    assert b"connection: close" in head.lower()
    assert json.loads(body)["error"]["code"] == "too_large"


def test_a_head_just_under_the_cap_and_a_long_poll_are_served_whole(open_relay: RunningRelay) -> None:
    # Large but within the cap (a proxy's forwarded headers, a long token): answered.
    big = "a" * (HEAD_MAX_BYTES - 1024)
    answer = open_relay.client.get(f"{open_relay.url}/healthz", headers={"X-Big": big})
    assert answer.status_code == 200
    # The head deadline is for a request's head, never for an answer that takes its time.
    started = time.monotonic()
    polled = open_relay.client.get(
        f"{open_relay.url}/v1/events", params={"wait": QUICK * 3}, headers=open_relay.auth()
    )
    assert polled.status_code == 200 and time.monotonic() - started >= QUICK * 3
    # And a kept-alive connection carries a second request after the first one's answer.
    again = open_relay.client.get(f"{open_relay.url}/healthz")
    assert again.status_code == 200


def test_the_relay_runs_the_head_limited_protocol() -> None:
    from relay.server import SERVER_OPTIONS

    assert SERVER_OPTIONS["http"] is HeadLimitedProtocol


def _slow_webhooks(relay: RunningRelay, address: str, count: int) -> list[socket.socket]:
    """`count` webhooks from `address` (as the proxy in front says it) whose bodies never finish."""
    held = []
    for _ in range(count):
        conn = _connect(relay)
        conn.sendall(
            b"POST /webhook HTTP/1.1\r\nHost: relay.example\r\nContent-Type: application/json\r\n"
            + f"X-Forwarded-For: {address}\r\nContent-Length: 100000\r\n\r\n".encode()
            + b'{"object": '
        )
        held.append(conn)
    return held


def _healthz(relay: RunningRelay, address: str) -> httpx.Response:
    return relay.client.get(f"{relay.url}/healthz", headers={"X-Forwarded-For": address})


def test_one_address_holding_a_hundred_slow_requests_is_refused_more_and_no_one_else_is(
    tmp_path: Path, graph: FakeGraph
) -> None:
    # Through Caddy, a slow body reaches the relay as it comes: without a cap of its own, one
    # address with a thousand of them filled every connection the relay serves.
    with run_relay(tmp_path, graph_url=graph.url, body_idle_timeout=60, body_deadline=60) as relay:
        held = _slow_webhooks(relay, ATTACKER, PER_ADDRESS)
        try:
            waited = threading.Event()
            for _ in range(400):  # until the relay has begun reading every one of them
                refused = _healthz(relay, ATTACKER)
                if refused.status_code == 429:
                    break
                waited.wait(0.025)
            assert refused.status_code == 429
            assert refused.json()["error"]["code"] == RelayErrorCode.TOO_MANY_REQUESTS
            assert refused.json()["error"]["retryable"] is True and "retry-after" in refused.headers
            assert _healthz(relay, OWNER).status_code == 200
            assert relay.post_webhook(inbound("text", "still here")).status_code == 200
            # A desktop at that very address (the same router) bears the token: never capped.
            polled = relay.client.get(
                f"{relay.url}/v1/events", headers={**relay.auth(), "X-Forwarded-For": ATTACKER}
            )
            assert polled.status_code == 200
        finally:
            for conn in held:
                conn.close()
        for _ in range(400):  # the slow ones gone, the address is served again
            if _healthz(relay, ATTACKER).status_code == 200:
                break
            waited.wait(0.025)
        assert _healthz(relay, ATTACKER).status_code == 200


def test_a_proxy_that_hides_its_clients_addresses_is_never_capped(tmp_path: Path, graph: FakeGraph) -> None:
    with run_relay(tmp_path, graph_url=graph.url, body_idle_timeout=60, body_deadline=60) as relay:
        held = _slow_webhooks(relay, "127.0.0.1", PER_ADDRESS + 5)
        try:
            assert relay.client.get(f"{relay.url}/healthz").status_code == 200
        finally:
            for conn in held:
                conn.close()


def test_connections_on_the_socket_workers_share_answer_without_waiting_for_an_ack() -> None:
    """`serve --workers N`: uvicorn binds the listening socket itself (no protocol named), and
    asyncio's stock loop then left Nagle on for each connection: every answer waited on the
    client's delayed ACK (~40 ms), two workers took 165 webhooks a second where one process took
    1,300. The relay's protocol turns Nagle off on every TCP connection, whoever made the socket."""
    import uvicorn

    nodelay: list[int] = []

    class Watched(HeadLimitedProtocol):
        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            sock = transport.get_extra_info("socket")
            nodelay.append(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    config = uvicorn.Config(app, host="127.0.0.1", port=0, http=Watched, loop="asyncio", log_config=None)
    listening = config.bind_socket()  # as uvicorn's supervisor binds it before it starts the workers
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listening]}, daemon=True)
    thread.start()
    try:
        port = listening.getsockname()[1]
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            thread.join(0.05)
        assert server.started
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=10).text == "ok"
        assert nodelay and all(nodelay)
    finally:
        server.should_exit = True
        thread.join(10)
        listening.close()
