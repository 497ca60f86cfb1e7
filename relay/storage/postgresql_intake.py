"""PostgreSQL's group commits: two round trips a batch, in psycopg's pipeline on a kept connection."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

from relay.storage.contact_states import ContactRow
from relay.storage.database import Database, now_ms
from relay.storage.event_log import (
    INSERT_POSTGRESQL,
    event_json,
    postgresql_insert_params,
    postgresql_seqs,
    receipt_time,
    seqs_by_group,
)
from relay.storage.intake_batch import IntakeRows, dedupe_keys, new_events, plan_batch
from relay.storage.tables import contact_state

_COLUMNS = [column.name for column in contact_state.columns]
_TYPES = [column.type.compile(dialect=postgresql.dialect()) for column in contact_state.columns]
# Sent as they are for a stored row too (an upsert's row must be whole before it meets the stored one).
_NOT_NULL = {column.name for column in contact_state.columns if not column.nullable}
_STORED_KEYS = "SELECT dedupe_key FROM event WHERE dedupe_key = ANY(%s::text[])"
_ROWS_OF = f"SELECT {', '.join(_COLUMNS)} FROM contact_state WHERE wa_id = ANY(%s::text[])"


def _merged(column: str) -> str:
    """What an upsert leaves in `column` of a row that is there already: a time only moves forward
    (GREATEST skips NULL), any other value is replaced unless NULL (= not changed by this batch)."""
    if column.endswith("_ms"):
        return f"{column} = greatest(contact_state.{column}, EXCLUDED.{column})"
    return f"{column} = coalesce(EXCLUDED.{column}, contact_state.{column})"


# Every customer the batch moved, in one statement: new rows whole; for a stored row only the
# columns the batch changed (NULL elsewhere), compared in SQL, so a row another worker wrote or
# added meanwhile keeps its later times. `known` is never moved by a webhook.
_UPSERT_CONTACTS = (
    f"INSERT INTO contact_state ({', '.join(_COLUMNS)})"
    f" SELECT * FROM unnest({', '.join(f'%s::{kind}[]' for kind in _TYPES)})"
    " ON CONFLICT (wa_id) DO UPDATE SET "
    + ", ".join(_merged(column) for column in _COLUMNS if column not in ("wa_id", "known"))
)
# As MediaRows.add_job: a second webhook naming the same file adds nothing.
_ADD_MEDIA_JOBS = (
    "INSERT INTO media (id, state, mime, filename, attempts, created_ms)"
    " SELECT m.id, 'pending', m.mime, m.filename, 0, %s"
    " FROM unnest(%s::text[], %s::text[], %s::text[]) AS m(id, mime, filename)"
    " ON CONFLICT (id) DO NOTHING"
)

IntakeResult = tuple[list[int], dict[str, ContactRow | None]]


@dataclass(frozen=True, slots=True)
class StoredState:
    """What a batch found stored before it wrote: dedupe keys, and its customers' rows (times in ms)."""

    keys: set[str]
    rows: dict[str, dict[str, Any]]


class PostgresGroupCommit:
    """Writes a batch of webhooks in one transaction, in two round trips to the server.

    Through SQLAlchemy a batch took seven (BEGIN, the redelivery look, the customers' read, their
    insert, their updates, the events' insert, COMMIT), and on a busy machine each costs far more
    than the server's work: the writer thread waits for the server to be scheduled, then for the
    GIL. Here the two reads go out together, outside the transaction (READ COMMITTED reads no
    differently inside one); then BEGIN, the writes and COMMIT go out together in psycopg's pipeline.
    No write needs an answer before the next is sent: the customers' upsert compares in SQL, so a
    customer another worker added or moved meanwhile keeps its later times, as the replay did.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._checked_out: PoolProxiedConnection | None = None
        # One group commit runs at a time (the intake's writer thread); a lock for other callers.
        self._lock = threading.Lock()

    def close(self) -> None:
        with self._lock:
            self._drop()

    def write(self, batch: list[IntakeRows], notice: str) -> list[IntakeResult]:
        """Each webhook's new seqs and its senders' rows from before it (([], {}) for a redelivery),
        committed; raises what psycopg raised (wrapped as SQLAlchemy does), with nothing written."""
        return self.commit(batch, self.read(batch), notice)

    def read(self, batch: list[IntakeRows]) -> StoredState:
        """What the batch must know before it writes: its keys stored already (redeliveries) and its
        customers' rows (those of a redelivery too: read, never written), in one round trip."""
        keys = dedupe_keys(batch)
        wa_ids = sorted(
            {i[0] for item in batch for i in item.inbound} | {t[0] for item in batch for t in item.touches}
        )
        state = StoredState(set(), {})
        if not keys and not wa_ids:
            return state
        with self._connected() as con, con.pipeline():
            found_keys = con.execute(_STORED_KEYS, (keys,)) if keys else None
            found_rows = con.execute(_ROWS_OF, (wa_ids,)) if wa_ids else None
            if found_keys is not None:
                state.keys.update(row[0] for row in found_keys.fetchall())
            if found_rows is not None:
                for values in found_rows.fetchall():
                    state.rows[values[0]] = dict(zip(_COLUMNS, values, strict=True))
        return state

    def commit(self, batch: list[IntakeRows], stored: StoredState, notice: str) -> list[IntakeResult]:
        """Work out the batch from what `read` found, then write it in one transaction: BEGIN, the
        customers, media jobs, events and COMMIT in one round trip."""
        plan = plan_batch(batch, new_events(batch, stored.keys), stored.rows)
        moved = [
            [row[c] if before is None or c in _NOT_NULL or row[c] != before[c] else None for c in _COLUMNS]
            for wa_id, row in sorted(plan.rows.items())  # one order of row locks for every worker
            if (before := stored.rows.get(wa_id)) is None or row != before
        ]
        events = [event for new in plan.news for event in new]
        returned: list[tuple[int, str | None]] = []
        with self._connected() as con, con.pipeline():
            con.execute("BEGIN")
            if moved:
                con.execute(_UPSERT_CONTACTS, [list(column) for column in zip(*moved, strict=True)])
            if plan.media:
                media_ids, mimes, names = (list(column) for column in zip(*plan.media, strict=True))
                con.execute(_ADD_MEDIA_JOBS, (now_ms(), media_ids, mimes, names))
            inserted = None
            if events:
                at_text, at_ms = receipt_time()
                payloads = [event_json(event) for event in events]
                params = postgresql_insert_params(events, payloads, at_text, at_ms, notice)
                inserted = con.execute(INSERT_POSTGRESQL, params)
            con.execute("COMMIT")
            if inserted is not None:
                returned = inserted.fetchall()
        # Leaving the pipeline waited for COMMIT's answer: only now is the batch stored.
        seqs = postgresql_seqs(events, returned) if events else []
        return [
            (seqs, befores) if seqs else ([], {})
            for seqs, befores in zip(seqs_by_group(plan.news, seqs), plan.befores_each, strict=True)
        ]

    @contextlib.contextmanager
    def _connected(self) -> Iterator[psycopg.Connection[Any]]:
        """The kept connection, one caller at a time; on an error it is rolled back (or dropped),
        and psycopg's error is raised as SQLAlchemy wraps it (OperationalError, IntegrityError…),
        so storage_retryable tells a retry from refused data the same way for every path."""
        with self._lock:
            con = self._connection()
            try:
                yield con
            except psycopg.Error as exc:
                self._roll_back(con)
                raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc
            except BaseException:
                self._roll_back(con)
                raise

    def _connection(self) -> psycopg.Connection[Any]:
        if self._checked_out is None:
            checked_out = self.db.engine.raw_connection()
            con = checked_out.driver_connection
            assert isinstance(con, psycopg.Connection)
            con.autocommit = True  # BEGIN and COMMIT are sent in the pipeline with the statements
            self._checked_out = checked_out
        con = self._checked_out.driver_connection
        assert isinstance(con, psycopg.Connection)
        return con

    def _roll_back(self, con: psycopg.Connection[Any]) -> None:
        try:
            if con.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                con.execute("ROLLBACK")
        except psycopg.Error:
            # A connection that cannot roll back is not used again; the next batch opens another.
            self._drop(invalidate=True)

    def _drop(self, *, invalidate: bool = False) -> None:
        checked_out, self._checked_out = self._checked_out, None
        if checked_out is None:
            return
        if invalidate:
            checked_out.invalidate()
            return
        con = checked_out.driver_connection
        try:
            if isinstance(con, psycopg.Connection) and not con.closed:
                con.autocommit = False  # as the engine's other users expect it
        except psycopg.Error:
            checked_out.invalidate()
            return
        checked_out.close()  # back to the engine's pool, which closes it at dispose
