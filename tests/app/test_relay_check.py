"""RelayClient.check(), the first-run connection check, explains each failure: bad address, plain http, unreachable, not a relay."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app.relay_client import CheckOutcome, check_relay
from app.relay_url import is_web_address, normalise_relay_url
from relay.wrong_tokens import WRONG_TRIES
from tests.support.relay_front import relay_front
from tests.support.relay_server import RunningRelay


@pytest.fixture
def not_a_relay() -> Iterator[str]:
    """Some other web server on loopback (a router page, a blog)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b"<html>Welcome to nginx!</html>"
            self.send_response(200 if self.path == "/" else 404)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_bare_host_gets_https_and_trailing_slash_is_dropped() -> None:
    assert normalise_relay_url(" relay.myshop.com/ ") == "https://relay.myshop.com"


def test_a_bare_address_of_this_computer_gets_http_as_a_relay_tried_out_here_serves() -> None:
    assert normalise_relay_url("127.0.0.1:8765") == "http://127.0.0.1:8765"
    assert normalise_relay_url("localhost:8000/") == "http://localhost:8000"
    assert normalise_relay_url("[::1]:8000") == "http://[::1]:8000"
    assert normalise_relay_url("192.168.0.10:8000") == "https://192.168.0.10:8000"


@pytest.mark.parametrize("url", ["", "ftp://relay", "https://", "not a url at all"])
def test_something_that_is_not_a_web_address_is_explained(url: str) -> None:
    assert check_relay(url, "t").outcome is CheckOutcome.INVALID_URL


@pytest.mark.parametrize("typed", ["http://", "https://", "http:///", " https:// "])
def test_a_scheme_alone_is_not_an_address_however_often_it_is_normalised(typed: str) -> None:
    """The wizard normalises what was typed into the field, then the check normalises it again:
    "http://" became "http:", then "https://http:", and the owner read that a relay at "http:"
    could not be reached."""
    once = normalise_relay_url(typed)
    assert normalise_relay_url(once) == once
    assert check_relay(once, "t").outcome is CheckOutcome.INVALID_URL


@pytest.mark.parametrize(
    "typed",
    [
        "https//relay.myshop.com",
        "https:/relay.myshop.com",
        "https:relay.myshop.com",
        "https:///relay.myshop.com",
    ],
)
def test_a_scheme_typed_with_a_colon_or_slash_missing_is_mended(typed: str) -> None:
    # Not "https://https//relay.myshop.com", which asked a host called "https" and said "not reached".
    assert normalise_relay_url(typed) == "https://relay.myshop.com"
    assert normalise_relay_url("http//127.0.0.1:8765") == "http://127.0.0.1:8765"


@pytest.mark.parametrize(
    "typed",
    [
        "https://my shop relay",
        "relay .myshop.com",
        "https://relay.myshop,com",
        "https://relay..myshop.com",
        "https://relay.myshop.com:abc",
        "127.0.0.1:80800",
    ],
)
def test_an_address_with_a_typo_is_pointed_out_before_any_traffic(typed: str) -> None:
    # "could not be reached: check your internet connection" sent the owner to her router for a
    # space or a comma in what she typed.
    assert check_relay(typed, "t").outcome is CheckOutcome.INVALID_URL


def test_addresses_that_can_exist_are_still_web_addresses() -> None:
    for url in (
        "https://relay.myshop.com",
        "https://[::1]:8000",
        "https://릴레이.한국",
        "HTTPS://Relay.MyShop.com",
    ):
        assert is_web_address(normalise_relay_url(url)), url


def test_plain_http_to_a_remote_host_is_refused_before_any_traffic() -> None:
    # 203.0.113.0/24 is documentation space; the check must stop before connecting anywhere.
    result = check_relay("http://203.0.113.7:8080", "secret")
    assert result.outcome is CheckOutcome.INSECURE_REMOTE


def test_nothing_listening_is_unreachable() -> None:
    result = check_relay(f"http://127.0.0.1:{free_port()}", "t", timeout=2)
    assert result.outcome is CheckOutcome.UNREACHABLE


def test_another_web_server_is_not_a_relay(not_a_relay: str) -> None:
    assert check_relay(not_a_relay, "t").outcome is CheckOutcome.NOT_A_RELAY


def refused_each(url: str, tokens: list[str]) -> None:
    """The connection check, once with each token: each refused as a wrong token."""
    for token in tokens:
        assert check_relay(url, token).outcome is CheckOutcome.WRONG_TOKEN


def test_testing_a_mistyped_token_costs_one_of_the_relays_tries_whatever_the_check_asks(
    relay: RunningRelay,
) -> None:
    # The owner's computer on the internet, behind the relay's Caddy: an address the relay holds off
    # after WRONG_TRIES wrong tokens. "Test connection" asks /healthz and /v1/events, both with the
    # token; she tests one mistyped paste after another, and one of them again and again.
    with relay_front(relay.url, forwarded_for="1.1.1.1") as (front, url):
        refused_each(url, [f"mistyped-paste-{n}" for n in range(WRONG_TRIES - 1)])
        refused_each(url, ["mistyped-paste-0"] * 3)
        assert front.count("GET", "/healthz") == front.count("GET", "/v1/events") == WRONG_TRIES + 2
        # Not held off: the right token, pasted at last, passes the test.
        assert check_relay(url, relay.token).outcome is CheckOutcome.OK


def test_an_address_the_relay_holds_off_after_many_different_wrong_tokens_is_told_so(
    relay: RunningRelay,
) -> None:
    with relay_front(relay.url, forwarded_for="1.1.1.1") as (_front, url):
        refused_each(url, [f"guess-{n}" for n in range(WRONG_TRIES - 1)])
        # The last try's /healthz starts the hold, which its /v1/events meets; then even the right
        # token is refused for now: said so, not "the relay had a problem answering".
        assert check_relay(url, "guess-last").outcome is CheckOutcome.HELD_OFF
        assert check_relay(url, relay.token).outcome is CheckOutcome.HELD_OFF
