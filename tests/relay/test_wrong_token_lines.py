"""A wrong relay token is said once per address and five minutes by a whole `serve --workers N`, as
one process says it: not once a worker, which read as twice the wrong tokens."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from relay.store import Store
from relay.wrong_tokens import SAID_FOR_MS
from tests.support.fake_graph import FakeGraph
from tests.support.relay_process import relay_env, serve_process, wait_until
from tests.support.servers import free_port

WRONG_TOKEN = "old-token-from-before-the-rotation"
T = 1_800_000_000_000  # ms


def test_a_line_claimed_by_one_worker_is_the_others_only_after_its_window_or_in_the_next_run(
    store: Store,
) -> None:
    claim = store.kv.claim_for_window
    address = "wrong_token:203.0.113.7"
    assert claim(address, "run-1", T, SAID_FOR_MS)
    assert not claim(address, "run-1", T + 1, SAID_FOR_MS)  # the other worker, a moment later
    assert not claim(address, "run-1", T + SAID_FOR_MS, SAID_FOR_MS)
    assert claim("wrong_token:198.51.100.9", "run-1", T + 1, SAID_FOR_MS)  # another address: its own
    assert claim(address, "run-1", T + SAID_FOR_MS + 1, SAID_FOR_MS)  # five minutes on: said again
    assert not claim(address, "run-1", T + SAID_FOR_MS + 2, SAID_FOR_MS)
    assert claim(address, "run-2", T + SAID_FOR_MS + 3, SAID_FOR_MS)  # serve started again

    # The hourly prune forgets claims a day old, so an address that tried once leaves no row.
    store.prune(timedelta(days=30), datetime.fromtimestamp((T + SAID_FOR_MS) / 1000, UTC) + timedelta(days=1))
    assert store.kv.get("said:wrong_token:198.51.100.9") is None
    assert store.kv.get(f"said:{address}") is not None


def _wrong_token(url: str) -> bool:
    """A desktop still presenting the relay's old token, on a connection of its own (any worker)."""
    headers = {"Authorization": f"Bearer {WRONG_TOKEN}"}
    return httpx.get(f"{url}/v1/events", headers=headers, timeout=30).status_code == 401


def _workers_that_said(log: str) -> set[str]:
    return {
        m.group(1)
        for line in log.splitlines()
        if "wrong relay token: address=127.0.0.1 " in line and (m := re.search(r" worker=(\S+) ", line))
    }


@pytest.mark.slow
@pytest.mark.postgresql
def test_a_wrong_token_is_one_warning_a_run_of_serve_not_one_a_worker(
    tmp_path: Path, graph: FakeGraph, pg: str
) -> None:
    env = relay_env(pg, graph.url, RELAY_LOG_LEVEL="DEBUG")  # the other worker's line at DEBUG
    for run in ("first", "second"):
        with serve_process(tmp_path / f"{run}.log", free_port(), env, workers=2) as serve:
            wait_until(
                lambda: _wrong_token(serve.url) and len(_workers_that_said(serve.log())) == 2,
                60,
                "both workers to refuse the wrong token",
            )
            log = serve.log()
        said = [line for line in log.splitlines() if "wrong relay token: address=127.0.0.1 " in line]
        warned = [line for line in said if "level=WARNING" in line]
        assert len(warned) == 1, said
        assert all("said at WARNING by another worker" in line for line in said if line not in warned)
        assert WRONG_TOKEN not in log
