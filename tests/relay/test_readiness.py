"""/healthz says the relay process answers; /readyz says it can also store, and fails while its
database is down, so an uptime monitor or Docker's HEALTHCHECK sees the outage."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from relay.size_text import MIB, size_text
from tests.support.fake_graph import FakeGraph
from tests.support.private_postgresql import private_postgresql
from tests.support.relay_server import RunningRelay, run_relay


def test_a_working_relay_is_ready(relay: RunningRelay) -> None:
    answer = relay.client.get(f"{relay.url}/readyz")
    assert answer.status_code == 200
    assert answer.json()["database"] == "ok"
    assert relay.client.head(f"{relay.url}/readyz").status_code == 200
    assert relay.client.get(f"{relay.url}/healthz").status_code == 200


def test_readyz_fails_while_postgresql_is_stopped_and_recovers(tmp_path: Path, graph: FakeGraph) -> None:
    with (
        private_postgresql() as server,
        run_relay(tmp_path, graph_url=graph.url, database_url=server.url) as relay,
    ):
        # Monitors asking at once (Docker, Caddy, an uptime monitor; several workers) are all answered.
        with ThreadPoolExecutor(8) as pool:
            first = list(pool.map(lambda _: relay.client.get(f"{relay.url}/readyz").status_code, range(16)))
        assert first == [200] * 16

        server.stop()
        down = relay.client.get(f"{relay.url}/readyz")
        assert down.status_code == 503
        assert down.json()["error"]["code"] == "storage"
        assert down.json()["error"]["params"]["cause"] == "connection_lost"
        assert relay.client.head(f"{relay.url}/readyz").status_code == 503
        # Liveness stays: the desktop's "Test connection" still finds this relay and names the
        # storage problem from its requests, instead of calling it "not a relay".
        alive = relay.client.get(f"{relay.url}/healthz")
        assert alive.status_code == 200 and alive.json()["status"] == "ok"
        assert relay.client.get(f"{relay.url}/v1/events", headers=relay.auth()).status_code == 503

        server.start()
        assert relay.client.get(f"{relay.url}/readyz").status_code == 200


def test_readyz_fails_while_the_disk_it_writes_to_is_nearly_full_and_names_no_folder(
    tmp_path: Path, graph: FakeGraph, caplog: pytest.LogCaptureFixture
) -> None:
    """Under RELAY_MIN_FREE_DISK_MB (here more than any disk has) the monitor hears of it before the
    disk is full and webhooks stop being stored; the answer says how much is left, as people read
    it. Anyone may ask /readyz: the data folder's path is the operator's, in the log, never in the
    answer, whether the caller holds the token or not."""
    with (
        caplog.at_level(logging.WARNING, logger="relay.routes.health"),
        run_relay(tmp_path, graph_url=graph.url, min_free_disk_mb=10**12) as relay,
    ):
        low = relay.client.get(f"{relay.url}/readyz")
        assert low.status_code == 503
        body = low.json()["error"]
        assert body["params"] == {
            "cause": "disk_low",
            "free_mb": body["params"]["free_mb"],
            "min_free_mb": 10**12,
        }
        free = size_text(body["params"]["free_mb"] * MIB)
        assert body["message"].startswith(f"Only {free} free where the relay writes its data")
        assert str(tmp_path) not in low.text
        with_token = relay.client.get(f"{relay.url}/readyz", headers=relay.auth())
        assert with_token.status_code == 503 and str(tmp_path) not in with_token.text
        assert relay.client.head(f"{relay.url}/readyz").status_code == 503
        assert relay.client.get(f"{relay.url}/healthz").status_code == 200
    assert f"path={tmp_path}" in caplog.text  # the operator still learns where


def test_a_flood_of_readiness_probes_never_becomes_a_flood_of_writes(relay: RunningRelay) -> None:
    """Anyone may ask /readyz, and each probe writes a row: a hundred at once share a few."""
    kv = relay.relay.store.kv
    put = kv.put
    writes: list[str] = []

    def counted(key: str, value: str) -> None:  # the real write, counted
        writes.append(key)
        put(key, value)

    kv.put = counted
    with ThreadPoolExecutor(32) as pool:
        answers = list(pool.map(lambda _: relay.client.get(f"{relay.url}/readyz").status_code, range(100)))
    assert answers == [200] * 100
    assert 1 <= len(writes) <= 10, len(writes)
