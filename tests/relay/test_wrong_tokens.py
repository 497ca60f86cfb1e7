"""Someone guessing the relay token: their address is held off after 20 wrong tries, the owner's
desktop elsewhere is never, and the log names the address, never a token."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import httpx
import pytest

from app.wire import RelayErrorCode
from relay.wrong_tokens import HOLD, WRONG_TRIES, WrongTokens, address_key
from tests.support.fake_graph import FakeGraph
from tests.support.relay_server import RunningRelay, run_relay

ATTACKER = "8.8.4.4"  # what the proxy in front says (X-Forwarded-For, trusted from loopback)
OWNER = "1.1.1.1"
GUESS = "guess-0123456789"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(relay: RunningRelay) -> Clock:
    fake = Clock()
    relay.relay.wrong_tokens = WrongTokens(clock=fake)
    return fake


def _poll(relay: RunningRelay, token: str, address: str | None) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"}
    if address is not None:
        headers["X-Forwarded-For"] = address
    return relay.client.get(f"{relay.url}/v1/events", headers=headers)


def _guess(relay: RunningRelay, times: int, address: str | None = ATTACKER) -> list[int]:
    return [_poll(relay, f"{GUESS}{n}", address).status_code for n in range(times)]


def test_an_address_that_keeps_guessing_is_held_off_and_learns_nothing_even_from_the_right_token(
    relay: RunningRelay, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="relay.wrong_tokens"):
        assert _guess(relay, WRONG_TRIES) == [401] * WRONG_TRIES
        held = _poll(relay, relay.token, ATTACKER)  # even a right guess now
    assert held.status_code == 429
    assert held.json()["error"]["code"] == RelayErrorCode.TOO_MANY_ATTEMPTS
    assert held.json()["error"]["retryable"] is True
    assert int(held.headers["retry-after"]) == held.json()["error"]["params"]["retry_after"] == HOLD
    # The owner's desktop, at its own address, is served all along.
    assert _poll(relay, relay.token, OWNER).status_code == 200
    # The log says who and where, once when it began and once for the hold; never a token.
    lines = [r.getMessage() for r in caplog.records]
    assert lines == [
        f"wrong relay token: address={ATTACKER} path=/v1/events",
        f"address held off for {HOLD:.0f} s after {WRONG_TRIES} wrong relay tokens in 300 s: address={ATTACKER}",
    ]
    assert not any(GUESS in line or relay.token in line for line in caplog.text.splitlines())
    # The hold ends by itself.
    clock.now += HOLD + 1
    assert _poll(relay, relay.token, ATTACKER).status_code == 200


def test_a_few_mistyped_pastes_before_the_right_token_never_add_up(relay: RunningRelay, clock: Clock) -> None:
    assert _guess(relay, WRONG_TRIES - 1, OWNER) == [401] * (WRONG_TRIES - 1)
    assert _poll(relay, relay.token, OWNER).status_code == 200
    assert _guess(relay, WRONG_TRIES - 1, OWNER) == [401] * (WRONG_TRIES - 1)
    assert _poll(relay, relay.token, OWNER).status_code == 200
    # Slow guessing, a few an hour, is never held either: the count covers the last 5 minutes.
    for _ in range(3):
        clock.now += 400
        assert _guess(relay, WRONG_TRIES - 1) == [401] * (WRONG_TRIES - 1)
    assert _poll(relay, relay.token, ATTACKER).status_code == 200


def test_the_same_refused_token_again_is_no_new_guess_and_costs_no_further_try(
    relay: RunningRelay, clock: Clock
) -> None:
    # A desktop whose token was replaced on the relay keeps presenting the old one; the desktop's
    # "Test connection" presents it to /healthz and /v1/events. Neither is a guess of its own.
    stale = {"Authorization": f"Bearer {GUESS}", "X-Forwarded-For": ATTACKER}
    for _ in range(WRONG_TRIES * 2):
        assert relay.client.get(f"{relay.url}/healthz", headers=stale).status_code == 200
        assert _poll(relay, GUESS, ATTACKER).status_code == 401
    # Still one try spent: WRONG_TRIES - 2 new guesses leave the address one short of the hold.
    assert _guess(relay, WRONG_TRIES - 2) == [401] * (WRONG_TRIES - 2)
    assert _poll(relay, GUESS, ATTACKER).status_code == 401  # an old one again: still no hold
    assert _poll(relay, "one-more-new-guess", ATTACKER).status_code == 401  # the WRONG_TRIES-th
    assert _poll(relay, relay.token, ATTACKER).status_code == 429
    # Its count starts afresh after the window: the same token then is a try again.
    clock.now += HOLD + 1
    assert _guess(relay, WRONG_TRIES - 1) == [401] * (WRONG_TRIES - 1)
    assert _poll(relay, GUESS, ATTACKER).status_code == 401
    assert _poll(relay, relay.token, ATTACKER).status_code == 429


def test_a_proxy_that_hides_its_clients_addresses_never_gets_everyone_held_off(
    relay: RunningRelay, clock: Clock
) -> None:
    # No X-Forwarded-For: every client looks like 127.0.0.1 (the owner too), so it is never held.
    assert _guess(relay, WRONG_TRIES * 2, address=None) == [401] * (WRONG_TRIES * 2)
    assert _poll(relay, relay.token, None).status_code == 200
    # Nor a private address: a proxy on the relay's own network, or a computer there.
    assert _guess(relay, WRONG_TRIES * 2, address="10.0.0.5") == [401] * (WRONG_TRIES * 2)
    assert _poll(relay, relay.token, "10.0.0.5").status_code == 200


def test_a_request_without_any_token_is_not_a_guess(relay: RunningRelay, clock: Clock) -> None:
    for _ in range(WRONG_TRIES * 2):
        answer = relay.client.get(f"{relay.url}/v1/events", headers={"X-Forwarded-For": ATTACKER})
        assert answer.status_code == 401
    assert _poll(relay, relay.token, ATTACKER).status_code == 200


def test_an_ipv6_guesser_is_counted_by_its_slash_64_and_a_v4_mapped_one_as_its_v4_address() -> None:
    first = address_key("2001:db8:1234:5678::1")
    assert first == address_key("2001:db8:1234:5678:ffff:ffff:ffff:ffff") == "2001:db8:1234:5678::/64"
    assert address_key("2001:db8:1234:5679::1") != first
    assert address_key("::ffff:8.8.4.4") == "8.8.4.4"
    assert address_key(None) == "unknown"
    assert address_key("8.8.8.8 level=ERROR") == "not_an_address"


def test_a_flood_from_many_addresses_keeps_a_bounded_memory() -> None:
    from relay import wrong_tokens

    guard = WrongTokens(clock=Clock())
    for n in range(wrong_tokens.ADDRESSES_KEPT + 500):
        guard.wrong(f"9.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}", "/v1/events", b"guess")
    assert len(guard._tries) == wrong_tokens.ADDRESSES_KEPT


def test_a_short_token_the_operator_chose_is_said_at_start_without_saying_it(
    tmp_path: Path, graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "short").mkdir()
    (tmp_path / "long").mkdir()
    (tmp_path / "sandbox").mkdir()
    with caplog.at_level(logging.WARNING, logger="relay.server"):
        with run_relay(tmp_path / "short", graph_url=graph.url, client_token="shop1234"):
            pass
        with run_relay(tmp_path / "long", graph_url=graph.url, client_token=secrets.token_urlsafe(32)):
            pass
        # The demo's relay: simulated customers, a fixed token, nothing to guard.
        with run_relay(tmp_path / "sandbox", upstream="sandbox", client_token="demo-token-not-secret"):
            pass
    said = [r.getMessage() for r in caplog.records if "RELAY_CLIENT_TOKEN" in r.getMessage()]
    assert len(said) == 1 and said[0].startswith("RELAY_CLIENT_TOKEN is only 8 characters")
    assert "shop1234" not in caplog.text


def test_a_path_built_to_forge_a_log_line_is_logged_quoted(
    relay: RunningRelay, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="relay.wrong_tokens"):
        forged = relay.client.get(
            f"{relay.url}/v1/media/1%0Alevel=ERROR%20logger=relay.server%20forged",
            headers={"Authorization": f"Bearer {GUESS}", "X-Forwarded-For": ATTACKER},
        )
    assert forged.status_code == 401
    [line] = [r.getMessage() for r in caplog.records]
    assert "\n" not in line and " logger=relay.server" not in line and "level=ERROR" not in line
    assert line.startswith(f"wrong relay token: address={ATTACKER} path=/v1/media/1")
