"""Relay fixtures: the fake Graph and the real relay over HTTP on 127.0.0.1 (SQLite, or PostgreSQL too)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.fake_graph import FakeGraph, run_fake_graph
from tests.support.relay_server import RunningRelay, run_relay

PG_URL = os.environ.get("RELAY_TEST_PG_URL")


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with run_fake_graph() as fake:
        yield fake


def _fresh_pg(url: str) -> str:
    from sqlalchemy import create_engine

    from relay.store import metadata

    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def storage(request: pytest.FixtureRequest) -> str | None:
    if request.param == "postgresql":
        if not PG_URL:
            pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
        return _fresh_pg(PG_URL)
    return None


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph, storage: str | None) -> Iterator[RunningRelay]:
    with run_relay(tmp_path, graph_url=graph.url, database_url=storage) as running:
        yield running
