"""The relay suite's PostgreSQL test databases go away at the end even while autovacuum works in one,
as CI's role (no superuser, a member of pg_signal_backend: .ci/run) drops them."""

from __future__ import annotations

import os
import threading
import time
import warnings
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from tests.support.pg_databases import drop_test_database
from tests.support.private_postgresql import private_postgresql

pytestmark = pytest.mark.slow


@pytest.fixture
def server() -> Iterator[Engine]:
    """A private cluster whose autovacuum comes at once to a database with dead rows, and stays (its
    cost limit at its lowest): a worker caught in the act, as CI's encoding test met one after its
    pg_restore. Its superuser's engine; the tests' role `tester` as .ci/run makes `shopinbox`."""
    with private_postgresql() as cluster:
        admin = create_engine(cluster.url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                for setting in (
                    "autovacuum_naptime = '1s'",
                    "autovacuum_vacuum_cost_delay = '100ms'",
                    "autovacuum_vacuum_cost_limit = 1",
                ):
                    conn.execute(text(f"ALTER SYSTEM SET {setting}"))
                conn.execute(text("SELECT pg_reload_conf()"))
                conn.execute(text("CREATE ROLE tester LOGIN CREATEDB"))
            yield admin
        finally:
            admin.dispose()


def _as(admin: Engine, role: str, database: str) -> Engine:
    url = make_url(admin.url).set(username=role, database=database)
    return create_engine(url, isolation_level="AUTOCOMMIT")


def test_a_test_database_autovacuum_is_working_in_is_dropped_by_a_member_of_pg_signal_backend(
    server: Engine,
) -> None:
    name = f"relay_test_vacuumed_{os.getpid()}"
    tester = _as(server, "tester", "postgres")
    try:
        with tester.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        filled = _as(server, "tester", name)
        with filled.connect() as conn:
            conn.execute(text("CREATE TABLE t (n int)"))
            conn.execute(text("INSERT INTO t SELECT generate_series(1, 20000)"))
            conn.execute(text("DELETE FROM t"))  # dead rows: autovacuum's work
        filled.dispose()
        ticker, deadline = threading.Event(), time.monotonic() + 60
        with server.connect() as conn:
            while not conn.execute(
                text(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = :name AND backend_type = 'autovacuum worker'"
                ),
                {"name": name},
            ).scalar_one():
                assert time.monotonic() < deadline, "no autovacuum worker came"
                ticker.wait(0.1)
        # What CI printed: a role that is no superuser may not end the worker's session.
        with pytest.raises(DBAPIError) as refused, tester.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        assert "member of pg_signal_backend" in str(refused.value.orig)

        with server.connect() as conn:
            conn.execute(text("GRANT pg_signal_backend TO tester"))  # as .ci/run grants it
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "left behind" would fail the test
            drop_test_database(tester, name)
        with tester.connect() as conn:
            left = conn.execute(text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name})
            assert left.scalar_one() == 0
    finally:
        tester.dispose()
