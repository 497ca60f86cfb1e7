"""PostgreSQL's group commits on a kept connection: most in one call of one function, one round trip."""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import PoolProxiedConnection

from relay.storage import encoding
from relay.storage.binary_arrays import array_of, bigint_array, register_arrays, text_array
from relay.storage.contact_states import ContactRow
from relay.storage.database import Database, now_ms
from relay.storage.event_log import (
    READ_PAGE,
    EventsRead,
    StoredEvent,
    event_json,
    postgresql_seqs,
    receipt_time,
    seqs_by_group,
)
from relay.storage.intake_batch import IntakeRows, dedupe_keys, new_events, plan_batch
from relay.storage.tables import contact_state
from relay.wakeups import CHANNEL, conninfo

log = logging.getLogger(__name__)

_COLUMNS = [column.name for column in contact_state.columns]
_TYPES = [column.type.compile(dialect=postgresql.dialect()) for column in contact_state.columns]
_ARRAYS = [array_of(column.type) for column in contact_state.columns]
# Sent as they are for a stored row too (an upsert's row must be whole before it meets the stored one).
_NOT_NULL = {column.name for column in contact_state.columns if not column.nullable}
_STORED_KEYS = "SELECT dedupe_key FROM event WHERE dedupe_key = ANY(%b::text[])"
_ROWS_OF = f"SELECT {', '.join(_COLUMNS)} FROM contact_state WHERE wa_id = ANY(%b::text[])"


# A batch in one statement (relay revision 0006): the check of a guessed stored state, the customers'
# upsert, the media jobs, the chats the shop wrote in from its phone app (revision 0015), the events'
# insert with its NOTIFY, COMMIT and, when asked, the read of the events the worker may serve. Sent
# in autocommit; its one row answers after the COMMIT (and the read).
_INTAKE_BATCH = (
    "CALL relay_intake_batch(%s::integer, %b::text[], %b::text[], "
    + ", ".join(f"%b::{kind.split('(')[0]}[]" for kind in _TYPES * 2)
    + ", %s::bigint, %b::text[], %b::text[], %b::text[], %b::text[], %b::text[], %b::bigint[],"
    " %s::text, %s::text, %s::text, %s::bigint,"
    " %b::text[], %b::text[], %b::text[], %b::text[], %s::bigint, %s::integer, %s::boolean"
    + ", NULL" * 11
    + ")"
)
# Group commits of workers sharing the database take turns (relay revision 0009): the turn's lock
# keys, how long a worker waits for a turn (a batch takes ~1 ms; a holder this late is stuck), and
# how long after a wait that ran out it commits without taking turns.
_TURN_KEYS = (1397247824, 1414877774)
TURN_WAIT_MS = 100
TURNS_PAUSED_AFTER_WAIT = 1.0
# What the call checks before it writes: nothing (the batch's stored state was read), that every
# customer is new and no dedupe key stored, or that the customers' rows are those guessed.
_UNCHECKED, _CHECK_NEW, _CHECK_GUESS = 0, 1, 2
_NO_COLUMNS: list[None] = [None] * len(_COLUMNS)
# Customers whose rows a worker remembers (each ~1 KB); others are guessed new.
REMEMBERED = 20_000
# Batches that read before guessing again, after a wrong guess (doubling while guesses stay wrong).
_MOST_READS_AFTER_A_MISS = 32

IntakeResult = tuple[list[int], dict[str, ContactRow | None]]


@dataclass(frozen=True, slots=True)
class StoredState:
    """What a batch found stored before it wrote: dedupe keys, and its customers' rows (times in ms)."""

    keys: set[str]
    rows: dict[str, dict[str, Any]]


class GuessMissed(Exception):
    """The stored state a batch guessed was not what its transaction found (nothing was written)."""


class PostgresGroupCommit:
    """Writes a batch of webhooks in one transaction, in one round trip to the server when the
    stored state it guessed holds (three when it does not, two while it reads instead of guessing).

    Through SQLAlchemy a batch took seven (BEGIN, the redelivery look, the customers' read, their
    insert, their updates, the events' insert, COMMIT), and on a busy machine each costs far more
    than the server's work: the writer waits for the server to be scheduled. `read` sends the two
    reads together, outside the transaction (READ COMMITTED reads no differently inside one);
    `commit` sends one `CALL relay_intake_batch(…)` (relay revision 0006) in autocommit, which
    writes the customers, the media jobs and the events, commits, then reads for the worker's
    polls when asked; in psycopg's pipeline, six statements a batch cost the relay more CPU than
    the server's work.
    No write needs an answer before the next: the customers' upsert compares in SQL, so a customer
    another worker added or moved meanwhile keeps its later times, as the replay did.

    Most batches skip the read: the writer remembers each customer's row as its last commit or
    read left it (a customer it never saw is guessed new, no dedupe key stored), and the
    call checks that guess before it writes (`_CHECK_GUESS`). A guess the check refuses
    (another worker or another path moved the customer, a redelivery, a customer stored before
    this process started) costs a round trip that wrote nothing, then the batch is read and written as
    before; after a miss the writer reads for a few batches before it guesses again.

    The relay's intake writes through `write_async`, on the event loop and a connection of its own:
    in a thread, every wait for the server handed the GIL to the loop and back (~7 context switches
    a batch), which cost the loop more CPU than the writer's own work. `write` (blocking, on one
    of the engine's connections) does the same for other callers.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._checked_out: PoolProxiedConnection | None = None
        # One group commit runs at a time (the intake's writer task); a lock for other callers.
        self._lock = threading.Lock()
        # wa_id -> the customer's stored row (times in ms), None = not stored; least recent first.
        self._remembered: OrderedDict[str, dict[str, Any] | None] = OrderedDict()
        self._reads_before_guess = 0
        self._reads_after_miss = 0
        self._async: psycopg.AsyncConnection[Any] | None = None
        # Whether this writer holds the turn of the workers' group commits (`take_turn`), and until
        # when it takes none after a wait for one ran out.
        self._turn = False
        self._no_turns_until = 0.0
        self.turns_taken = 0

    def close(self) -> None:
        with self._lock:
            self._drop()

    def _guessing(self) -> bool:
        """Whether this batch's senders' rows are guessed (after a miss the next few are read first)."""
        if self._reads_before_guess > 0:
            self._reads_before_guess -= 1
            return False
        return True

    def _guess_missed(self) -> None:
        """A guess was wrong: read the next batches' rows, twice as many after each miss in a row."""
        self._reads_after_miss = min(max(1, 2 * self._reads_after_miss), _MOST_READS_AFTER_A_MISS)
        self._reads_before_guess = self._reads_after_miss

    def write(self, batch: list[IntakeRows], notice: str) -> list[IntakeResult]:
        """Each webhook's new seqs and its senders' rows from before it (([], {}) for a redelivery),
        committed; raises what psycopg raised (wrapped as SQLAlchemy does), with nothing written."""
        try:
            if self._guessing():
                try:
                    results = self.commit(batch, self._guess(batch), notice, checked=True)
                except GuessMissed:
                    self._guess_missed()
                else:
                    self._reads_after_miss = 0
                    return results
            return self.commit(batch, self.read(batch), notice)
        except BaseException:
            self._remembered.clear()  # what was written is unsure: read the next batches' rows
            raise

    def _guess(self, batch: list[IntakeRows]) -> StoredState:
        """The batch's stored state as this writer last left it: no key stored, remembered rows."""
        rows: dict[str, dict[str, Any]] = {}
        for wa_id in _wa_ids(batch):
            row = self._remembered.get(wa_id)
            if row is not None:
                rows[wa_id] = row
        return StoredState(set(), rows)

    def _remember(self, rows: dict[str, dict[str, Any] | None]) -> None:
        for wa_id, row in rows.items():
            self._remembered.pop(wa_id, None)
            self._remembered[wa_id] = row
        while len(self._remembered) > REMEMBERED:
            self._remembered.popitem(last=False)

    def read(self, batch: list[IntakeRows]) -> StoredState:
        """What the batch must know before it writes: its keys stored already (redeliveries) and its
        customers' rows (those of a redelivery too: read, never written), in one round trip."""
        keys = dedupe_keys(batch)
        wa_ids = _wa_ids(batch)
        state = StoredState(set(), {})
        if not keys and not wa_ids:
            return state
        with self._connected() as con, con.pipeline():
            found_keys = con.execute(_STORED_KEYS, (text_array(keys),)) if keys else None
            found_rows = con.execute(_ROWS_OF, (text_array(wa_ids),)) if wa_ids else None
            if found_keys is not None:
                state.keys.update(row[0] for row in found_keys.fetchall())
            if found_rows is not None:
                for values in found_rows.fetchall():
                    state.rows[values[0]] = dict(zip(_COLUMNS, values, strict=True))
        self._remember({wa_id: state.rows.get(wa_id) for wa_id in wa_ids})
        return state

    def commit(
        self, batch: list[IntakeRows], stored: StoredState, notice: str, *, checked: bool = False
    ) -> list[IntakeResult]:
        """Work out the batch from what `read` found (or what it guessed, `checked`: raises
        GuessMissed, nothing written, when the stored state differs), then write it in one
        transaction: one call of `relay_intake_batch`, in autocommit."""
        written = _Written(batch, stored, notice, checked)
        with self._connected() as con:
            answer = con.execute(_INTAKE_BATCH, written.params(None, False), binary=True).fetchone()
        # The call's answer came after its COMMIT: only now is the batch stored.
        returned, _ = written.answered(answer)
        return self._committed(written, returned)

    async def write_async(
        self, batch: list[IntakeRows], notice: str, read_above: int | None = None
    ) -> tuple[list[IntakeResult], EventsRead | None]:
        """`write` on the event loop, on a connection of its own (`open_async`): the waits for the
        server are the loop's, so no thread hands the GIL back and forth at each of them.

        With `read_above`, the events that may be served after that seq are read too, right after
        the COMMIT in the same statement (a worker's waiting polls are answered from them), and
        returned; None when the read failed (the batch is stored all the same) or was not asked for.
        """
        try:
            if self._guessing():
                try:
                    written = _Written(batch, self._guess(batch), notice, True)
                    results = await self._commit_async(written, read_above)
                except GuessMissed:
                    self._guess_missed()
                else:
                    self._reads_after_miss = 0
                    return results
            stored = await self._read_async(batch)
            return await self._commit_async(_Written(batch, stored, notice, False), read_above)
        except BaseException:
            self._remembered.clear()  # what was written is unsure: read the next batches' rows
            raise

    async def take_turn(self) -> bool:
        """Wait for the other workers' group commit in flight, if any, before this worker forms its
        batch: the webhooks that arrive meanwhile join it (relay revision 0009). The next
        `write_async` gives the turn back right after its COMMIT; `give_turn_back` when the batch
        goes no further. False, holding nothing, when the holder kept it more than TURN_WAIT_MS
        (then no turn is taken for TURNS_PAUSED_AFTER_WAIT) or the server could not be asked."""
        if self._turn:
            return True
        if time.monotonic() < self._no_turns_until:
            return False
        try:
            async with self._async_connected() as con:
                cursor = await con.execute("SELECT relay_take_turn(%s)", (TURN_WAIT_MS,))
                row = await cursor.fetchone()
        except DBAPIError as exc:
            # The batch is written all the same; should the server be gone, its call says so.
            log.debug("no turn taken: %s", type(exc.orig).__name__)
            return False
        self._turn = bool(row and row[0])
        self.turns_taken += self._turn
        if not self._turn:
            log.warning("group commits without turns for a while: turn held over wait_ms=%d", TURN_WAIT_MS)
            self._no_turns_until = time.monotonic() + TURNS_PAUSED_AFTER_WAIT
        return self._turn

    async def give_turn_back(self) -> None:
        """The turn `take_turn` took, when no call of `write_async` gave it back (the batch failed, or
        is written webhook by webhook); a connection that cannot is closed, which gives it back."""
        if not self._turn:
            return
        self._turn = False
        con = self._async
        if con is None or con.closed:
            return
        try:
            await con.execute("SELECT pg_advisory_unlock(%s, %s)", _TURN_KEYS)
        except psycopg.Error:
            await self.close_async()

    async def _read_async(self, batch: list[IntakeRows]) -> StoredState:
        keys = dedupe_keys(batch)
        wa_ids = _wa_ids(batch)
        state = StoredState(set(), {})
        if not keys and not wa_ids:
            return state
        async with self._async_connected() as con, con.pipeline():
            found_keys = await con.execute(_STORED_KEYS, (text_array(keys),)) if keys else None
            found_rows = await con.execute(_ROWS_OF, (text_array(wa_ids),)) if wa_ids else None
            if found_keys is not None:
                state.keys.update(row[0] for row in await found_keys.fetchall())
            if found_rows is not None:
                for values in await found_rows.fetchall():
                    state.rows[values[0]] = dict(zip(_COLUMNS, values, strict=True))
        self._remember({wa_id: state.rows.get(wa_id) for wa_id in wa_ids})
        return state

    async def _commit_async(
        self, written: _Written, read_above: int | None
    ) -> tuple[list[IntakeResult], EventsRead | None]:
        async with self._async_connected() as con:
            cursor = await con.execute(_INTAKE_BATCH, written.params(read_above, self._turn), binary=True)
            answer = await cursor.fetchone()
        # The call's answer came after its COMMIT (and gave the turn back): only now is the batch
        # stored. A missed guess wrote nothing and kept the turn for the call that follows.
        returned, read = written.answered(answer)
        self._turn = False
        return self._committed(written, returned), read

    async def open_async(self) -> None:
        """Open the connection `write_async` writes on (outside the engine's pool: the relay's
        share of connections counts it as the writer's)."""
        if self._async is None or self._async.closed:
            con = await psycopg.AsyncConnection.connect(
                conninfo(self.db.engine.url.render_as_string(hide_password=False)), autocommit=True
            )
            # Outside the pool, so outside its check of each new connection: a database recreated
            # in SQL_ASCII under the relay is refused here too (the server says its encoding as the
            # connection starts, no statement asked).
            refused = encoding.refusal(con.info.parameter_status("server_encoding"), self.db.engine)
            if refused is not None:
                await con.close()
                raise refused
            register_arrays(con.adapters)
            self._async = con

    async def close_async(self) -> None:
        con, self._async = self._async, None
        if con is not None:
            with contextlib.suppress(psycopg.Error):
                await con.close()

    @contextlib.asynccontextmanager
    async def _async_connected(self) -> AsyncIterator[psycopg.AsyncConnection[Any]]:
        """`_connected` for `write_async`: errors rolled back (or the connection dropped, to be opened
        again by the next batch) and raised as SQLAlchemy wraps them."""
        try:
            await self.open_async()
        except psycopg.Error as exc:  # e.g. "too many clients": refused as any other statement would be
            raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc
        con = self._async
        assert con is not None
        try:
            yield con
        except psycopg.Error as exc:
            await self._roll_back_async(con)
            raise DBAPIError.instance(None, None, exc, psycopg.Error) from exc
        except BaseException:
            await self._roll_back_async(con)
            raise

    async def _roll_back_async(self, con: psycopg.AsyncConnection[Any]) -> None:
        try:
            if con.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                await con.execute("ROLLBACK")
        except psycopg.Error:
            await self.close_async()

    def _committed(self, written: _Written, returned: list[tuple[int, str | None]]) -> list[IntakeResult]:
        batch, stored, plan = written.batch, written.stored, written.plan
        self._remember({wa_id: stored.rows.get(wa_id) for wa_id in _wa_ids(batch)})
        self._remember({wa_id: _after(stored.rows.get(wa_id), row) for wa_id, row in plan.rows.items()})
        seqs = postgresql_seqs(written.events, returned) if written.events else []
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
            con.autocommit = True  # a batch is one call, its own transaction
            register_arrays(con.adapters)
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


class _Written:
    """A batch worked out from a stored state, and the call of `relay_intake_batch` that writes it."""

    def __init__(self, batch: list[IntakeRows], stored: StoredState, notice: str, checked: bool) -> None:
        self.batch, self.stored, self.checked = batch, stored, checked
        self.plan = plan = plan_batch(batch, new_events(batch, stored.keys), stored.rows)
        moved = [
            [row[c] if before is None or c in _NOT_NULL or row[c] != before[c] else None for c in _COLUMNS]
            for wa_id, row in sorted(plan.rows.items())  # one order of row locks for every worker
            if (before := stored.rows.get(wa_id)) is None or row != before
        ]
        self.events = events = [event for new in plan.news for event in new]
        check = _UNCHECKED if not checked else _CHECK_GUESS if stored.rows else _CHECK_NEW
        guessed = (
            [
                array([row[c] for row in stored.rows.values()])
                for c, array in zip(_COLUMNS, _ARRAYS, strict=True)
            ]
            if check == _CHECK_GUESS
            else None
        )
        media = [text_array(column) for column in zip(*plan.media, strict=True)] if plan.media else [None] * 3
        replies: list[Any] = [None] * 3
        if plan.replies:
            wa_ids, numbers, times = zip(*plan.replies, strict=True)
            replies = [text_array(wa_ids), text_array(numbers), bigint_array(times)]
        at_text, at_ms = receipt_time() if events else (None, None)
        # Arrays made here, in one pass each (relay/storage/binary_arrays.py), sent as they are.
        self._params: list[Any] = [
            check,
            text_array(_wa_ids(batch)) if checked else None,
            text_array(dedupe_keys(batch)) if checked else None,
            *(guessed or _NO_COLUMNS),
            *(
                [array(column) for column, array in zip(zip(*moved, strict=True), _ARRAYS, strict=True)]
                if moved
                else _NO_COLUMNS
            ),
            now_ms() if plan.media else None,
            *media,
            *replies,
            CHANNEL,
            notice,
            at_text,
            at_ms,
            text_array([item.kind for item in events]) if events else None,
            text_array([item.phone_number_id for item in events]) if events else None,
            text_array([item.dedupe_key for item in events]) if events else None,
            text_array([event_json(event) for event in events]) if events else None,
        ]

    def params(self, read_above: int | None, release_turn: bool) -> list[Any]:
        """The call's parameters; with `read_above`, it also reads the events after that seq, and
        with `release_turn` it gives the workers' turn back after its COMMIT."""
        return [*self._params, read_above, READ_PAGE, release_turn]

    def answered(
        self, answer: tuple[Any, ...] | None
    ) -> tuple[list[tuple[int, str | None]], EventsRead | None]:
        """The inserted events' (seq, dedupe_key) and the read (None when not asked, or when it failed
        after the COMMIT) from the call's row; GuessMissed when it refused the guess (nothing written)."""
        assert answer is not None
        missed, seqs, keys, read_ok, held_back, pruned, *read = answer
        if missed:
            raise GuessMissed
        returned = list(zip(seqs, keys, strict=True)) if seqs else []
        if not read_ok:
            return returned, None
        events = [StoredEvent(*row) for row in zip(*read, strict=True)] if read[0] else []
        return returned, EventsRead(events, int(pruned or 0), bool(held_back))


def _wa_ids(batch: list[IntakeRows]) -> list[str]:
    """Every customer the batch names (a redelivery's too: read, never written), in one order."""
    return sorted(
        {i[0] for item in batch for i in item.inbound} | {t[0] for item in batch for t in item.touches}
    )


def _after(before: dict[str, Any] | None, row: dict[str, Any]) -> dict[str, Any]:
    """The stored row `_UPSERT_CONTACTS` leaves when it writes `row` over `before` (as `_merged`)."""
    if before is None:
        return row
    after = dict(before)
    for column in _COLUMNS:
        if column in ("wa_id", "known"):
            continue
        new = row[column]
        if new is None or (column not in _NOT_NULL and new == before[column]):
            continue
        if column.endswith("_ms"):
            after[column] = new if before[column] is None else max(new, before[column])
        else:
            after[column] = new
    return after
