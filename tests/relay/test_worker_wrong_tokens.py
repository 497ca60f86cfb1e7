"""Someone guessing the relay token of a `serve --workers 2` is held off after as many guesses as by
one relay, whichever worker answers each: the workers count together, and both refuse the hold."""

from __future__ import annotations

import re
from contextlib import ExitStack
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from relay.store import Store
from relay.wrong_tokens import HOLD, WINDOW, WRONG_TRIES
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import relay_env, serve_process, wait_until
from tests.support.relay_server import CLIENT_TOKEN
from tests.support.servers import free_port

ATTACKER = "8.8.4.4"  # as the proxy in front says (X-Forwarded-For, trusted from loopback)
SCOUT = "9.9.9.9"  # another address, whose guesses only find out which worker a connection reached
T = 1_800_000_000_000  # ms


def _counted(log: str, address: str) -> list[tuple[str, int]]:
    """(worker, tries) of each wrong token from `address` that the workers counted together."""
    pattern = re.compile(
        rf" worker=(\S+) .*counted by the workers together: address={re.escape(address)} tries=(\d+)"
    )
    return [(m.group(1), int(m.group(2))) for line in log.splitlines() if (m := pattern.search(line))]


def _ask(client: httpx.Client, url: str, token: str, address: str) -> int:
    headers = {"Authorization": f"Bearer {token}", "X-Forwarded-For": address}
    return client.get(f"{url}/v1/events", headers=headers).status_code


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_guesser_is_held_after_the_same_guesses_by_two_workers_as_by_one(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    env = relay_env(pg, graph.url, RELAY_CLIENT_TOKEN=CLIENT_TOKEN, RELAY_LOG_LEVEL="DEBUG")
    with serve_process(tmp_path / "serve.log", free_port(), env, workers=2) as serve, ExitStack() as stack:
        # One kept-alive connection to each worker: a scout's guess on a new connection says which
        # worker took it (a guesser's connections land wherever the kernel puts them).
        connections: dict[str, httpx.Client] = {}
        scouted = 0
        while len(connections) < 2:
            assert scouted < WRONG_TRIES - 1, "every new connection reached the same worker"
            client = stack.enter_context(httpx.Client(timeout=30))
            assert _ask(client, serve.url, f"scout-{scouted}", SCOUT) == 401
            scouted += 1
            wait_until(
                lambda n=scouted: len(_counted(serve.log(), SCOUT)) == n, 30, "the scout's guess counted"
            )
            worker = _counted(serve.log(), SCOUT)[-1][0]
            connections.setdefault(worker, client)
        first, second = connections.values()

        # Guesses alternate between the workers: each sees half of them.
        answers = [
            _ask(first if n % 2 else second, serve.url, f"guess-{n}", ATTACKER) for n in range(WRONG_TRIES)
        ]
        assert answers == [401] * WRONG_TRIES  # never held before the last guess
        counted = _counted(serve.log(), ATTACKER)
        assert [tries for _, tries in counted] == list(range(1, WRONG_TRIES + 1))
        assert {worker for worker, _ in counted} == set(connections)

        # Held by both workers now, even from the right token; the other address is not.
        wait_until(
            lambda: f"held off as the workers hold it: address={ATTACKER} " in serve.log(),
            30,
            "the other worker to hear of the hold",
        )
        assert _ask(first, serve.url, CLIENT_TOKEN, ATTACKER) == 429
        assert _ask(second, serve.url, CLIENT_TOKEN, ATTACKER) == 429
        assert _ask(second, serve.url, CLIENT_TOKEN, SCOUT) == 200
        log = serve.log()
    held = [line for line in log.splitlines() if f"held off for {HOLD:.0f} s after" in line]
    assert len(held) == 1 and f"address={ATTACKER}" in held[0], held
    said = [line for line in log.splitlines() if f"wrong relay token: address={ATTACKER} " in line]
    assert len(said) == 1 and "level=WARNING" in said[0]  # once for the whole serve, as one relay says it
    assert "guess-" not in log and CLIENT_TOKEN not in log


def test_the_same_wrong_token_counts_once_and_the_count_lapses_after_its_window(store: Store) -> None:
    rows = store.wrong_tokens
    limits = {"tries": 3, "window_ms": int(WINDOW * 1000), "hold_ms": int(HOLD * 1000)}
    first = rows.count("203.0.113.7", 1, T, **limits)
    assert (first.tries, first.first, first.held_ms) == (1, True, 0)
    again = rows.count("203.0.113.7", 1, T + 1, **limits)  # the same token again: no new guess
    assert (again.tries, again.first) == (1, False)
    assert rows.count("198.51.100.9", 2, T + 2, **limits).first  # another address: its own count
    later = rows.count("203.0.113.7", 2, T + int(WINDOW * 1000) + 10, **limits)
    assert (later.tries, later.first) == (1, True)  # the window went by: counted afresh
    rows.count("203.0.113.7", 3, T + int(WINDOW * 1000) + 11, **limits)
    third = rows.count("203.0.113.7", 4, T + int(WINDOW * 1000) + 12, **limits)
    assert third.new_hold and third.held_ms == HOLD * 1000
    assert rows.holds(T + int(WINDOW * 1000) + 13) == {"203.0.113.7": HOLD * 1000 - 1}

    # The hourly prune forgets what lapsed: an address that tried once leaves no row.
    store.prune(timedelta(days=30), datetime.fromtimestamp(T / 1000, UTC) + timedelta(days=1))
    assert rows.holds(T) == {}
    assert rows.count("198.51.100.9", 2, T + 3, **limits).first
