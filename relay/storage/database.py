"""The relay's one engine: SQLite (WAL) or PostgreSQL, with the dialect details the tables share."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, Table, create_engine, event, text
from sqlalchemy.engine import Connection

from relay.storage.encoding import refuse_other_encodings
from relay.storage.schema import upgrade_schema
from relay.wakeups import CHANNEL


def now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def ms_to_dt(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, tz=UTC)


def dt_to_ms(value: datetime | None) -> int | None:
    return None if value is None else int(value.timestamp() * 1000)


# The advisory lock that makes PUT /v1/automations a compare-and-set across workers on PostgreSQL.
AUTOMATIONS_LOCK = 424242


def _use_wal(cur: sqlite3.Cursor) -> None:
    """Put the file in WAL mode (it stays so), waiting out another process doing the same.

    Turning a new file to WAL takes an exclusive lock, and SQLite answers "database is locked" at
    once, without its busy timeout, to a second connection trying it meanwhile: relays starting at
    once on one new file met that. The mode is the file's, so a retry usually finds it done.
    """
    deadline = time.monotonic() + 30
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")  # an in-memory database answers "memory": fine
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)


class Database:
    """The engine every table family uses; migrates the schema to the code's head on first use."""

    def __init__(self, url: str, *, sqlite_synchronous: str = "NORMAL", pool_size: int = 9) -> None:
        self.url = url
        self.pool_size = pool_size
        if sqlite_synchronous.upper() not in ("NORMAL", "FULL"):
            raise ValueError(f"RELAY_SQLITE_SYNCHRONOUS must be NORMAL or FULL, not {sqlite_synchronous!r}")
        self.sqlite_synchronous = sqlite_synchronous.upper()
        self.is_sqlite = url.startswith("sqlite")
        # Parameters carry customers' messages: keep them out of error texts and logs.
        kwargs: dict[str, Any] = {"hide_parameters": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            # A fixed pool, never above the worker's share of RELAY_DB_CONNECTIONS: a request that
            # finds every connection busy waits for one (pool_timeout) instead of opening one the
            # server may refuse ("remaining connection slots are reserved").
            kwargs["pool_size"] = pool_size
            kwargs["max_overflow"] = 0
            kwargs["pool_timeout"] = 60
        self.engine: Engine = create_engine(url, **kwargs)
        # Reads of one or two statements need no transaction: on PostgreSQL, autocommit spares
        # the BEGIN and ROLLBACK round trips around each (SQLite's reads stay as they are).
        self.reader: Engine = (
            self.engine if self.is_sqlite else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )
        if self.is_sqlite:
            self._configure_sqlite()
        # Each process, each connection looks for itself (a worker started again, a `serve` on
        # another machine): a database in SQL_ASCII is refused in one line, not met with a TypeError.
        refuse_other_encodings(self.engine)
        # Alembic, under a lock, so several workers starting at once migrate once.
        upgrade_schema(self.engine)

    def _configure_sqlite(self) -> None:
        @event.listens_for(self.engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA busy_timeout=30000")
            # WAL + synchronous=NORMAL: a committed webhook survives a crash of the relay process
            # (kill -9), the failure a relay meets most; only a power loss or kernel crash could
            # drop the last acknowledged transactions, which Meta would not send again. Hosts
            # without a dependable disk can choose FULL (one fsync per commit, group-committed).
            _use_wal(cur)
            cur.execute(f"PRAGMA synchronous={self.sqlite_synchronous}")
            cur.close()

        @event.listens_for(self.engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    def close(self) -> None:
        self.engine.dispose()

    def insert(self, table: Table) -> Any:
        """INSERT with ON CONFLICT support for this database."""
        if self.is_sqlite:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            return sqlite_insert(table)
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)

    def lock_until_commit(self, conn: Connection, key: int) -> None:
        """On PostgreSQL, one transaction at a time past this point (SQLite has one writer anyway)."""
        if not self.is_sqlite and self._first_in_transaction(conn, f"lock:{key}"):
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})

    def notify_workers(self, conn: Connection, payload: str) -> None:
        """On PostgreSQL, tell every relay worker's LISTEN (relay/wakeups.py), at commit."""
        if not self.is_sqlite and self._first_in_transaction(conn, f"notify:{payload}"):
            notify = text("SELECT pg_notify(:channel, :payload)")
            conn.execute(notify, {"channel": CHANNEL, "payload": payload})

    @staticmethod
    def _first_in_transaction(conn: Connection, what: str) -> bool:
        """True unless `what` was done in the transaction or savepoint now open, or one around it.

        The lock and the NOTIFY last until commit, so a group commit asks once; a savepoint rolled
        back takes them with it, so the next one asks again.
        """
        current = conn.get_nested_transaction() or conn.get_transaction()
        done = conn.info.setdefault("once_per_transaction", {})
        previous = done.get(what)
        if previous is not None and previous.is_active:
            return False
        done[what] = current
        return True
