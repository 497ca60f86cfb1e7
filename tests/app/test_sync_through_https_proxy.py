"""A shop's computer reaches the web only through its office proxy (HTTPS_PROXY), and its relay serves
https:// with a certificate from an authority of its own, which the computer is told to trust
(SSL_CERT_FILE: the one way the app takes one). Customers' messages arrive through the proxy's
tunnel, replies go out through it, and a quit still cuts the poll waiting in it at once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Contact
from app.sending import queue_text
from tests.support.bad_network import bad_network
from tests.support.certificates import make_ca, server_certificate
from tests.support.engine_probe import EngineProbe, bodies, message_status, running_engine
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay, inbound, run_relay

RELAY_NAME = "relay.example.invalid"  # no name server answers for it: only the proxy reaches it


@pytest.fixture
def https_relay(tmp_path: Path, graph: FakeGraph, monkeypatch: pytest.MonkeyPatch) -> Iterator[RunningRelay]:
    """The real relay, serving TLS itself with a certificate for its name (and 127.0.0.1, for the
    test's own webhooks) from an authority this computer trusts."""
    authority = make_ca(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(authority.cert_file))
    cert, key = server_certificate(authority, tmp_path, RELAY_NAME, "127.0.0.1")
    tls = {"ssl_certfile": str(cert), "ssl_keyfile": str(key)}
    with run_relay(tmp_path, graph_url=graph.url, server_options=tls) as relay:
        relay.client = httpx.Client(timeout=30)  # made now: it trusts the authority too
        yield relay
        relay.client.close()


def parked_polls(relay: RunningRelay) -> int:
    answer = relay.client.get(f"{relay.url}/healthz", headers=relay.auth())
    return int(answer.json()["long_polls"])


def test_messages_come_and_go_through_the_office_proxy_to_an_https_relay(
    db: Database,
    https_relay: RunningRelay,
    graph: FakeGraph,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    relay = https_relay
    assert relay.port is not None
    probe = EngineProbe()
    with bad_network(relay.port) as proxy:
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        url = f"https://{RELAY_NAME}:{relay.port}"
        with running_engine(db, relay, tmp_path / "media", probe, url=url, poll_wait=30.0) as engine:
            probe.wait_until(lambda: "online" in probe.state_names)
            assert relay.post_webhook(inbound(content="택배 언제 와요?", name="김민지")).status_code == 200
            probe.wait_until(lambda: bodies(db) == ["택배 언제 와요?"])

            with db.write() as s:
                contact_id = s.scalars(select(Contact.id)).one()
                reply = queue_text(s, contact_id, "내일 도착 예정이에요").id
            engine.wake_sender()
            probe.wait_until(lambda: message_status(db, reply) == "sent")
            assert graph.sent[-1]["text"]["body"] == "내일 도착 예정이에요"

            # Nothing more to say: the relay holds the desktop's poll, inside the tunnel.
            wait_until(lambda: parked_polls(relay) == 1, 10, "the desktop's poll to wait on the relay")
            quit_at = time.monotonic()
            engine.stop()
            assert time.monotonic() - quit_at < 10  # far under the poll's 30 s, room for a busy machine
        # The cut poll is gone from the relay too, long before its 30 s.
        wait_until(lambda: parked_polls(relay) == 0, 10, "the relay to see the poll cut")
    # Every connection went through a tunnel, to the relay's name: none went round the proxy.
    assert proxy.tunnels and set(proxy.tunnels) == {f"{RELAY_NAME}:{relay.port}"}
    assert proxy.connections == len(proxy.tunnels)
