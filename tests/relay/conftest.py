"""Relay fixtures: the fake Graph and the real relay over HTTP on 127.0.0.1 (SQLite, or PostgreSQL too)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from relay.store import Store
from tests.support.fake_graph import FakeGraph, run_fake_graph
from tests.support.relay_server import RunningRelay, run_relay

PG_URL = os.environ.get("RELAY_TEST_PG_URL")


@pytest.fixture
def graph() -> Iterator[FakeGraph]:
    with run_fake_graph() as fake:
        yield fake


def _fresh_pg(url: str) -> str:
    from sqlalchemy import MetaData, create_engine

    # Every table there, the schema version's included: the relay migrates it from nothing.
    engine = create_engine(url)
    metadata = MetaData()
    metadata.reflect(engine)
    metadata.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str | None]:
    """A database of this test run's own, so two runs on one server never share tables."""
    if not PG_URL:
        yield None
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from relay.storage.database_drop import drop_database
    from tests.support.pg_databases import drop_left_behind, drop_test_database

    name = f"relay_test_{os.getpid()}"
    drop_left_behind(PG_URL)  # what runs killed, or refused their drop, left
    # Pinged before use: its connection, idle for the whole run, may have been ended meanwhile.
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    drop_database(admin, name)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        # Someone else's session on it (another role's psql) cannot be ended by ours: the database
        # is left for the next run's sweep, and the tests stand.
        drop_test_database(admin, name)
        admin.dispose()


@pytest.fixture
def pg(pg_database: str | None) -> Iterator[str]:
    """This run's PostgreSQL database, emptied: for tests of relay processes sharing it."""
    if not PG_URL or pg_database is None:
        pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
    yield _fresh_pg(pg_database)


@pytest.fixture(
    params=["sqlite", pytest.param("postgresql", marks=[pytest.mark.slow, pytest.mark.postgresql])]
)
def storage(request: pytest.FixtureRequest) -> str | None:
    if request.param == "postgresql":
        if not PG_URL:
            pytest.skip("RELAY_TEST_PG_URL not set (bash .ci/run starts PostgreSQL)")
        url = request.getfixturevalue("pg_database")
        return _fresh_pg(url)
    return None


@pytest.fixture
def store(tmp_path: Path, storage: str | None) -> Iterator[Store]:
    """A relay store on the suite's database (SQLite, or PostgreSQL in its run), closed after the test."""
    opened = Store(storage or f"sqlite:///{tmp_path / 'relay.db'}", pool_size=2)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def relay(tmp_path: Path, graph: FakeGraph, storage: str | None) -> Iterator[RunningRelay]:
    with run_relay(tmp_path, graph_url=graph.url, database_url=storage) as running:
        yield running
