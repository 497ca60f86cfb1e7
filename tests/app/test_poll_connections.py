"""The poll's and uploads' connections are watched through httpcore's public `trace` extension: a
stop cuts a parked poll at once, and should httpcore ever stop reporting connections, the first
request says so instead of a quit silently waiting out the poll."""

from __future__ import annotations

import contextlib
import threading
from typing import Any

import httpx
import pytest

from app.poll_connections import PollConnections, watch_connections
from tests.support.bad_network import bad_network
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay


@pytest.mark.parametrize("route", ["straight", "HTTP_PROXY", "ALL_PROXY"])
def test_a_stop_cuts_the_parked_poll_at_once_and_refuses_the_next(
    relay: RunningRelay, monkeypatch: pytest.MonkeyPatch, route: str
) -> None:
    """Straight to the relay, or through an office proxy that httpx mounts from the environment."""
    assert relay.port is not None
    polls = PollConnections()
    outcome: list[BaseException] = []
    with contextlib.ExitStack() as stack:
        url = relay.url
        if route != "straight":
            proxy = stack.enter_context(bad_network(relay.port))
            monkeypatch.setenv(route, proxy.url)
            url = "http://relay.example.invalid"  # only the proxy reaches it
        client = stack.enter_context(
            httpx.Client(timeout=60, headers=relay.auth(), event_hooks=watch_connections(polls))
        )

        def poll() -> None:
            try:
                client.get(f"{url}/v1/events", params={"wait": 30})
            except httpx.TransportError as exc:
                outcome.append(exc)

        thread = threading.Thread(target=poll)
        thread.start()
        wait_until(lambda: relay.relay.feed.open_polls == 1, 10, "the poll to wait on the relay")
        assert polls.cut_all() == 1
        # Cut, not answered: the poll ends with a transport error, long before its 30 s (a bound of
        # seconds guards that hang and leaves a busy machine its scheduling).
        thread.join(timeout=10)
        assert not thread.is_alive() and len(outcome) == 1
        with pytest.raises(httpx.ConnectError):
            client.get(f"{url}/v1/events", params={"wait": 30})


def test_connections_httpcore_no_longer_reports_are_an_error_at_the_first_request(
    relay: RunningRelay,
) -> None:
    polls = PollConnections()

    def renamed_events(request: httpx.Request) -> None:
        """httpcore's trace as a future version might name it: no `connect_tcp` nor `start_tls`."""
        trace = request.extensions["trace"]

        def renamed(event: str, info: dict[str, Any]) -> None:
            trace(event.replace("connect_tcp", "open_socket").replace("start_tls", "wrap_tls"), info)

        request.extensions["trace"] = renamed

    hooks = {"request": [*watch_connections(polls)["request"], renamed_events]}
    with httpx.Client(timeout=5, event_hooks=hooks) as client, pytest.raises(RuntimeError, match="trace"):
        client.get(f"{relay.url}/healthz")
