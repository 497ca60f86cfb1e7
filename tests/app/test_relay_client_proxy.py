"""An office computer has a proxy set for the web (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY): a relay on this
computer (the demo's, one tried out) is reached directly, since no proxy can reach this computer's own
loopback address; other addresses still go through the proxy."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ErrorCode, RelayUnreachable
from app.relay_client import RelayClient
from tests.support.bad_network import Mode, bad_network
from tests.support.relay_server import RunningRelay
from tests.support.servers import free_port


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY", "http_proxy"])
def test_a_relay_on_this_computer_is_reached_directly_whatever_proxy_is_set(
    relay: RunningRelay, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv(variable, f"http://127.0.0.1:{free_port()}")  # an office proxy, out of reach
    for url in (relay.url, relay.url.replace("127.0.0.1", "localhost")):
        with RelayClient(url, relay.token) as client:
            assert client.events(0, wait=0).next >= 0
            assert client.upload_media(b"\xff\xd8\xff" + bytes(64), "image/jpeg", "a.jpg").id


def test_a_relay_elsewhere_still_goes_through_the_proxy(
    relay: RunningRelay, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert relay.port is not None
    with bad_network(relay.port) as proxy:  # a forwarding "proxy" for plain HTTP: it counts
        monkeypatch.setenv("HTTP_PROXY", proxy.url)
        with RelayClient("http://relay.example.invalid", relay.token) as client:
            # Only through the proxy can that name be reached (it passes everything to the relay).
            assert client.events(0, wait=0).next >= 0
        assert proxy.connections == 1


def test_a_proxy_refusing_the_relay_is_its_own_error_and_nothing_was_sent(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with bad_network(free_port()) as proxy:
        proxy.mode = Mode.PORTAL_302  # the office proxy answers CONNECT with its own page
        monkeypatch.setenv("HTTPS_PROXY", proxy.url)
        client = RelayClient("https://relay.example.invalid", "token")
        with client, pytest.raises(RelayUnreachable) as caught:
            client.events(0, wait=0)
        assert caught.value.code is ErrorCode.RELAY_PROXY_REFUSED
        assert not caught.value.request_sent


@pytest.mark.parametrize("variable", ["HTTP_PROXY", "ALL_PROXY"])
def test_a_photo_for_a_relay_elsewhere_goes_through_the_proxy_too(
    relay: RunningRelay, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, variable: str
) -> None:
    """Uploads have connections of their own (a small send buffer): a shop behind an office proxy
    chatted, and its photos could not reach the relay."""
    assert relay.port is not None
    photo = b"\xff\xd8\xff" + bytes(300_000)  # several pieces, each counted as it goes
    sent: list[int] = []
    with bad_network(relay.port) as proxy:
        monkeypatch.setenv(variable, proxy.url)
        with RelayClient("http://relay.example.invalid", relay.token) as client:
            uploaded = client.upload_media(
                photo, "image/jpeg", "가방.jpg", on_progress=lambda done, _total: sent.append(done)
            )
        assert proxy.connections == 1
    assert uploaded.id and sent[-1] > 0
    with RelayClient(relay.url, relay.token) as direct:
        direct.download_media(uploaded.id, tmp_path / "back.jpg")
    assert (tmp_path / "back.jpg").read_bytes() == photo


@pytest.mark.parametrize("route", ["straight", "HTTP_PROXY"])
def test_a_photos_progress_says_what_the_network_carried_not_what_the_computer_buffered(
    relay: RunningRelay, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    """On a slow link the OS would take megabytes into the socket at once: the bar would jump to
    the end while the photo still crawled, and a cancel would not stop what was buffered. Straight
    to the relay and through an office proxy alike, it runs ahead by the small send buffer at most."""
    assert relay.port is not None
    photo = b"\xff\xd8\xff" + bytes(3_000_000)
    ahead: list[int] = []
    with bad_network(relay.port) as link:
        link.latency = 0.02  # a slow hotspot: 64 KiB at a time
        url = link.url
        if route == "HTTP_PROXY":
            monkeypatch.setenv(route, link.url)
            url = "http://relay.example.invalid"
        with RelayClient(url, relay.token) as client:
            uploaded = client.upload_media(
                photo,
                "image/jpeg",
                "a.jpg",
                on_progress=lambda done, _total: ahead.append(done - link.to_relay),
            )
    assert uploaded.id
    assert max(ahead) < 1024 * 1024  # ~0.4 MiB measured; ~2.8 MiB with the OS's own buffer
