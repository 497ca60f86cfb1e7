"""A desktop's request that meets the relay's database away is answered 503 `storage` naming what it
comes down to (locked, unreachable, out of connections…), so the desktop can say it: it named none,
and every one read as "the disk may be full"."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.wire import StorageCause
from tests.relay.test_connection_refusals import PG_URL, no_new_connections
from tests.relay.test_upload_write_check import _on_each_new_connection, _upload
from tests.support.relay_process import wait_until
from tests.support.relay_server import RunningRelay


def _error(answer: Any) -> dict[str, Any]:
    assert answer.status_code == 503, answer.text
    error: dict[str, Any] = answer.json()["error"]
    assert (error["code"], error["retryable"]) == ("storage", True)
    return error


def _automations(relay: RunningRelay) -> Any:
    """A desktop's read of the automations: a read of the database each time."""
    return relay.client.get(f"{relay.url}/v1/automations", headers=relay.auth())


@contextmanager
def sqlite_locked(relay: RunningRelay, tmp_path: Path) -> Iterator[None]:
    """Another program holding the SQLite file's write lock, past the relay's wait for it (made 0 here
    rather than waiting out its 30 s)."""
    _on_each_new_connection(relay, "busy_timeout=0")
    try:
        with closing(sqlite3.connect(tmp_path / "relay.db", isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            try:
                yield
            finally:
                other.execute("ROLLBACK")
    finally:
        _on_each_new_connection(relay, None)


def test_a_write_that_meets_the_sqlite_file_locked_by_another_program_says_locked(
    relay: RunningRelay, storage: str | None, tmp_path: Path
) -> None:
    if storage is not None:
        pytest.skip("SQLite's own lock")
    with sqlite_locked(relay, tmp_path):
        error = _error(_upload(relay))
        assert error["params"] == {"cause": StorageCause.LOCKED}
        # Named by the wire's fixed word alone: not the database's text, nor the file's path.
        assert str(tmp_path) not in str(error)
    assert _upload(relay).status_code == 200  # the lock let go: the same request goes


def test_requests_while_postgresql_takes_no_connection_say_connection_lost_then_too_many_connections(
    relay: RunningRelay, storage: str | None
) -> None:
    if storage is None:
        pytest.skip("PostgreSQL's connections")
    assert _automations(relay).status_code == 200  # a session pooled, ended under the relay next
    causes: list[str] = []
    with no_new_connections(relay.settings.database_url, end_sessions=True):
        for _ in range(5):
            error = _error(_automations(relay))
            causes.append(error["params"]["cause"])
            assert str(make_url(relay.settings.database_url).host) not in str(error)  # no host named
    # A pooled session that ended under the relay may be met first; every new one is refused.
    assert set(causes) <= {StorageCause.CONNECTION_LOST, StorageCause.TOO_MANY_CONNECTIONS}, causes
    assert causes[-1] == StorageCause.TOO_MANY_CONNECTIONS, causes
    wait_until(lambda: _automations(relay).status_code == 200, 30, "the automations read again")


def test_a_request_on_a_postgresql_session_ended_under_the_relay_says_connection_lost(
    relay: RunningRelay, storage: str | None
) -> None:
    """PostgreSQL restarted (or its sessions ended by its operator): the relay's pooled session is
    gone, and the request that meets it names a lost connection; the next one connects again."""
    if storage is None:
        pytest.skip("PostgreSQL's connections")
    name = make_url(relay.settings.database_url).database
    admin = create_engine(PG_URL or "", isolation_level="AUTOCOMMIT")
    answers: list[Any] = []

    def ended_then_asked() -> bool:
        assert _automations(relay).status_code == 200  # a session pooled (again)
        with admin.connect() as conn:
            conn.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"),
                {"name": name},
            )
        answers.append(_automations(relay))
        return answers[-1].status_code == 503

    try:
        # The relay's own loops may meet the ended session first and open a new one for the
        # request: end them again until a request is the one that meets it.
        wait_until(ended_then_asked, 30, "a request meeting its ended session")
    finally:
        admin.dispose()
    assert _error(answers[-1])["params"] == {"cause": StorageCause.CONNECTION_LOST}
    wait_until(lambda: _automations(relay).status_code == 200, 30, "the automations read again")
