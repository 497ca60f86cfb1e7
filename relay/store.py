"""The relay's storage: one engine, one object per table family, and the transactions that span them."""

from __future__ import annotations

import errno
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError

from app.wire import StorageCause
from relay.storage import connection_refusals
from relay.storage.blocked_contacts import BlockedContacts
from relay.storage.bot_states import BotStates
from relay.storage.campaign_rows import CampaignRows
from relay.storage.contact_states import ContactRow, ContactStates, contact_row
from relay.storage.database import Database, dt_to_ms
from relay.storage.encoding import DatabaseNotUtf8
from relay.storage.event_log import EventLog, NewEvent
from relay.storage.intake_batch import IntakeRows, newest_replies, renamed
from relay.storage.key_values import KeyValues
from relay.storage.media_rows import MediaRows
from relay.storage.messaging_ledger import MessagingLedger
from relay.storage.number_replies import NumberReplies
from relay.storage.opt_outs import OptOuts
from relay.storage.order_statuses import OrderStatuses
from relay.storage.send_keys import SendKeys
from relay.storage.sqlite_intake import SqliteGroupCommit
from relay.storage.tables import events, idempotency
from relay.storage.wrong_token_rows import WrongTokenRows
from relay.wakeups import EVENTS

if TYPE_CHECKING:
    from relay.storage.postgresql_intake import PostgresGroupCommit

__all__ = [
    "CONFLICT_CAUSE",
    "ContactRow",
    "IntakeResult",
    "IntakeRows",
    "NewEvent",
    "Store",
    "answered_cause",
    "dt_to_ms",
    "storage_cause",
    "storage_conflict",
    "storage_retryable",
]


IntakeResult = tuple[list[int], dict[str, ContactRow | None]]
# How long the hourly prune keeps KeyValues.claim_for_window's rows: longer than any claim's window.
WINDOW_CLAIMS_KEPT = timedelta(days=1)
# How long the hourly prune keeps wrong tokens counted and holds that ended: longer than their window.
WRONG_TOKENS_KEPT = timedelta(hours=1)
_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class _Prepared:
    """One webhook's events, ready to insert, and its senders' states from before it."""

    events: list[NewEvent]
    befores: dict[str, ContactRow | None]


# 42P01 undefined_table, 42883 undefined_function: the relay's tables, or the functions its migrations
# make (relay_events_after…), are not in the database it opens.
SCHEMA_MISSING_SQLSTATES = ("42P01", "42883")
# 25006 read_only_sql_transaction: a server that reads but takes no write (a standby, or
# default_transaction_read_only set by its operator) until it is mended or promoted.
READ_ONLY_SQLSTATE = "25006"


def storage_retryable(exc: BaseException) -> bool:
    """True for what a retry can fix (locked, disk full, connection lost, a database the operator
    mends); False for refused data."""
    if isinstance(exc, DatabaseNotUtf8):
        # Recreated under the relay in another encoding: refused on each new connection until it is
        # put back in UTF8 (relay/storage/encoding.py), then taken up again. A webhook answered 503
        # meanwhile is delivered again by Meta.
        return True
    if isinstance(exc, DBAPIError):
        # The relay's schema missing: the database was recreated empty under the relay; restored (or
        # set up by the relay's next start), it takes what Meta delivers again. A read-only server
        # takes it again once made writable.
        sqlstate = getattr(exc.orig, "sqlstate", None)
        mendable = sqlstate in SCHEMA_MISSING_SQLSTATES or sqlstate == READ_ONLY_SQLSTATE
        return isinstance(exc, OperationalError | InterfaceError) or exc.connection_invalidated or mendable
    # SQLite's group commits use the driver directly (relay/storage/sqlite_intake.py): its errors
    # come unwrapped, sorted as SQLAlchemy sorts them.
    if isinstance(exc, sqlite3.Error):
        return isinstance(exc, sqlite3.OperationalError | sqlite3.InterfaceError)
    # An OSError or a driver error outside SQLAlchemy's wrapping (e.g. the connection pool).
    return isinstance(exc, OSError | TimeoutError | SQLAlchemyTimeoutError)


# 23505 unique_violation, 23503 foreign_key_violation: a row another worker wrote (or deleted) at
# the same moment, not a value the database refuses for ever (a not-null or check violation is).
CONFLICT_SQLSTATES = ("23505", "23503")
CONFLICT_SQLITE_CODES = (
    sqlite3.SQLITE_CONSTRAINT_UNIQUE,
    sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY,
    sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY,
)


# The cause said (in the log, and in a 503's params) for a write that met a row another worker wrote.
CONFLICT_CAUSE = StorageCause.CONFLICT_WITH_ANOTHER_WORKER


def storage_conflict(exc: BaseException) -> bool:
    """True for a unique or foreign-key violation: a write that met a row another worker stored (or
    removed) between this one's read and its write, or a bug, never the data itself. Done again
    (a webhook Meta delivers again), the write reads that row and goes past it, so it is answered
    as a failure to retry, not as a body the database will never take (storage_retryable says False
    for it, so a group commit falls back to a savepoint per webhook first)."""
    err = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(err, sqlite3.IntegrityError):
        return getattr(err, "sqlite_errorcode", None) in CONFLICT_SQLITE_CODES
    return isinstance(exc, IntegrityError) and getattr(err, "sqlstate", None) in CONFLICT_SQLSTATES


# Connection exceptions (08…) and operator intervention (57P01 a server shutting down or
# restarting, 57P02 crashed, 57P03 starting up): whatever the relay asked, the connection is gone.
LOST_CONNECTION_SQLSTATES = ("08", "57P01", "57P02", "57P03")


def _psycopg_connection_error(err: BaseException) -> bool:
    """psycopg's own OperationalError without a server's SQLSTATE: "the connection is lost", "…is
    closed", a failed connect (a server's refusals of a statement always carry a SQLSTATE)."""
    kind = type(err)
    return (
        kind.__name__ == "OperationalError"
        and kind.__module__.split(".")[0] == "psycopg"
        and getattr(err, "sqlstate", "") is None
    )


def storage_cause(exc: BaseException) -> StorageCause | str:
    """What a storage failure comes down to, for a log line an operator can act on without a
    traceback: a wire StorageCause ("disk_full", "schema_missing", "database_read_only", "locked",
    "too_many_connections", "login_refused", "database_not_utf8", "connection_lost"), or the
    error's class name. (The relay imports nothing of the desktop's but app/wire and app/rules:
    app/db's chain walk is not used.)

    PostgreSQL refusing a connection for want of a slot, or the relay's login, would otherwise read
    as a lost connection, whose fix (is the server up?) is neither's: the first of a streak of them
    also logs what to change (relay/storage/connection_refusals.py)."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        err = todo.pop()
        if err is None or id(err) in seen:
            continue
        seen.add(id(err))
        if isinstance(err, DatabaseNotUtf8):
            connection_refusals.advice["database_not_utf8"].refused(
                str(err) + connection_refusals.NOT_UTF8_ADVICE
            )
            return StorageCause.DATABASE_NOT_UTF8
        code = getattr(err, "sqlite_errorcode", None)
        sqlstate = str(getattr(err, "sqlstate", None) or "")
        if code == sqlite3.SQLITE_FULL or sqlstate == "53100" or getattr(err, "errno", None) == errno.ENOSPC:
            return StorageCause.DISK_FULL
        if sqlstate in SCHEMA_MISSING_SQLSTATES:
            return StorageCause.SCHEMA_MISSING
        if sqlstate == READ_ONLY_SQLSTATE or (code is not None and (code & 0xFF) == sqlite3.SQLITE_READONLY):
            return StorageCause.DATABASE_READ_ONLY
        if code is not None and (code & 0xFF) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):  # or extended
            return StorageCause.LOCKED
        refused = connection_refusals.refusal_cause(err)
        if refused is not None:
            connection_refusals.advice[refused].refused()
            return StorageCause(refused)
        if (
            sqlstate.startswith(LOST_CONNECTION_SQLSTATES)
            or (isinstance(err, DBAPIError) and err.connection_invalidated)
            or _psycopg_connection_error(err)
        ):
            return StorageCause.CONNECTION_LOST
        orig = getattr(err, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, err.__cause__, err.__context__]
    return type(exc).__name__


def answered_cause(exc: BaseException) -> StorageCause | None:
    """The cause a 503 `storage` names to a desktop: storage_cause's when it is one of the wire's
    fixed words, None for an error's class (said in the log only). Safe for anyone holding the
    relay token: no path, host, SQL or customer's number is ever in it."""
    cause = storage_cause(exc)
    return cause if isinstance(cause, StorageCause) else None


class Store:
    """Blocking storage calls (the server runs them in the thread pool), grouped by table family."""

    def __init__(self, url: str, *, sqlite_synchronous: str = "NORMAL", pool_size: int = 9) -> None:
        self.db = Database(url, sqlite_synchronous=sqlite_synchronous, pool_size=pool_size)
        self.is_sqlite = self.db.is_sqlite
        # SQLite's group commits on a connection of their own, in driver SQL.
        self.sqlite_group_commit = SqliteGroupCommit(self.db) if self.is_sqlite else None
        # PostgreSQL's group commits on a connection of their own, one call each (psycopg
        # is the relay's extra: a desktop's embedded relay on SQLite never imports it).
        self.pg_group_commit: PostgresGroupCommit | None = None
        if not self.is_sqlite:
            from relay.storage.postgresql_intake import PostgresGroupCommit

            self.pg_group_commit = PostgresGroupCommit(self.db)
        self.events = EventLog(self.db)
        self.sends = SendKeys(self.db, self.events)
        self.media = MediaRows(self.db)
        self.contacts = ContactStates(self.db)
        self.number_replies = NumberReplies(self.db)
        self.kv = KeyValues(self.db, self.events)
        self.orders = OrderStatuses(self.db)
        self.bots = BotStates(self.db, self.events)
        self.blocked = BlockedContacts(self.db)
        self.ledger = MessagingLedger(self.db)
        self.opt_outs = OptOuts(self.db, self.events)
        self.wrong_tokens = WrongTokenRows(self.db)
        self.campaigns = CampaignRows(
            self.db, self.events, self.ledger, self.contacts, self.sends, self.opt_outs
        )

    def close(self) -> None:
        if self.sqlite_group_commit is not None:
            self.sqlite_group_commit.close()
        if self.pg_group_commit is not None:
            self.pg_group_commit.close()
        self.db.close()

    def ingest_many(self, batch: list[IntakeRows], notice: str = EVENTS) -> list[IntakeResult | Exception]:
        """Several webhooks in ONE transaction (group commit): each item as `ingest` takes it.

        The whole batch is written with a handful of statements (`_ingest_together`). Should the
        database refuse any of it, the batch is written again with a savepoint per webhook, so the
        webhook it refuses comes back as its exception while the others are committed. A retryable
        storage error (locked, disk full, connection lost) fails the whole batch, raised from here.
        """
        if not any(item.number_changes for item in batch):
            try:
                return list(self._ingest_together(batch, notice))
            except Exception as exc:
                if storage_retryable(exc):
                    raise
        return self.ingest_each(batch, notice)

    def _ingest_together(self, batch: list[IntakeRows], notice: str) -> list[IntakeResult]:
        """The batch in statements per batch, not per webhook: one look for redeliveries, one read
        of the customers' rows, their new states worked out in memory (webhook by webhook, as
        `_prepare` would) and written at once, then the events in one insert
        (relay/storage/sqlite_intake.py, relay/storage/postgresql_intake.py)."""
        if self.sqlite_group_commit is not None:
            return self.sqlite_group_commit.write(batch)
        assert self.pg_group_commit is not None
        return self.pg_group_commit.write(batch, notice)

    def ingest_each(self, batch: list[IntakeRows], notice: str = EVENTS) -> list[IntakeResult | Exception]:
        """`ingest_many` with a savepoint per webhook: one the database refuses fails alone.

        The contacts and media jobs of every webhook are written first and the events last.
        """
        with self.db.engine.begin() as conn:
            # One look for redeliveries across the whole batch, not one per webhook.
            stored = self.events.stored_keys(conn, [event for item in batch for event in item.events])
            prepared = [self._each_alone(conn, partial(self._prepare, conn, item, stored)) for item in batch]
            return [
                ready
                if isinstance(ready, Exception)
                else self._each_alone(conn, partial(self._add, conn, ready, notice))
                for ready in prepared
            ]

    def ingest(self, item: IntakeRows) -> IntakeResult:
        """One transaction for one webhook: events, media jobs and the contacts' rule inputs.

        Returns the new seqs and each sender's state from before this webhook (what the rules
        must judge by).
        """
        with self.db.engine.begin() as conn:
            return self._add(conn, self._prepare(conn, item, self.events.stored_keys(conn, item.events)))

    @staticmethod
    def _each_alone(conn: Connection, write: Callable[[], _T]) -> _T | Exception:
        try:
            with conn.begin_nested():
                return write()
        except Exception as exc:
            if storage_retryable(exc):
                raise
            return exc

    def _prepare(self, conn: Connection, item: IntakeRows, stored: set[str]) -> _Prepared:
        """Everything of one webhook but its events' inserts; nothing for a redelivery.

        `stored`: the dedupe keys among the batch's events that are stored already.
        """
        befores: dict[str, ContactRow | None] = {}
        new = [event for event in item.events if event.dedupe_key is None or event.dedupe_key not in stored]
        if not new:
            return _Prepared([], {})
        for media_id, mime, filename in item.media:
            self.media.add_job(conn, media_id, mime, filename)
        for old, new_wa_id, pnid, message_id in item.number_changes:
            name = self.contacts.move(conn, old, new_wa_id)
            self.number_replies.move(conn, old, new_wa_id)
            contact: dict[str, Any] = {"wa_id": new_wa_id}
            if name:
                # The name her merged row keeps (her newest message's), so each desktop's merge of
                # her two chats shows the name the relay keeps, not whichever it heard last.
                contact["profile"] = {"name": name}
            payload = {"contact": contact, "previous_wa_id": old}
            new.append(NewEvent("contact", payload, pnid, f"c:{message_id}"))
        for wa_id, ts_ms, name, pnid in item.inbound:
            # Read again for a second message of the same customer: the first one moved the row.
            row = self.contacts.row_in(conn, wa_id)
            if wa_id not in befores:
                befores[wa_id] = before = None if row is None else contact_row(row)
                new.extend(renamed(wa_id, before, name, pnid, ts_ms))
            inputs = {"last_inbound_ms": ts_ms, "profile_name": name, "phone_number_id": pnid}
            self.contacts.touch_row_in(conn, wa_id, row, inputs)
        for wa_id, columns in item.touches:
            self.contacts.touch_in(conn, wa_id, **columns)
        for wa_id, number, ms in newest_replies(item.replies):
            self.number_replies.sent_in(conn, wa_id, number, ms)
        return _Prepared(new, befores)

    def _add(self, conn: Connection, ready: _Prepared, notice: str = EVENTS) -> IntakeResult:
        seqs = self.events.add(conn, ready.events, notice)
        # None new: the same webhook committed on another worker a moment ago (the rules ran there).
        return (seqs, ready.befores) if seqs else ([], {})

    def prune(self, retention: timedelta, now: datetime | None = None) -> int:
        """Drop events older than the retention before `now` (default: now), remember where, and
        forget old send answers."""
        now = now or datetime.now(UTC)
        cutoff = dt_to_ms(now - retention)
        with self.db.engine.begin() as conn:
            # What the workers said once between them lately (a claim lasts minutes): lapsed.
            self.kv.forget_window_claims_in(conn, int((now - WINDOW_CLAIMS_KEPT).timestamp() * 1000))
            # Wrong tokens counted minutes ago, holds that ended: an address that tried once leaves no row.
            self.wrong_tokens.forget_lapsed_in(conn, int((now - WRONG_TOKENS_KEPT).timestamp() * 1000))
            last = conn.execute(
                select(func.max(events.c.seq)).where(events.c.at_ms < cutoff)
            ).scalar_one_or_none()
            if last is None:
                return 0
            deleted = conn.execute(delete(events).where(events.c.seq <= last)).rowcount
            self.kv.put_in(conn, "pruned_through", str(last))
            # A client retrying a send that old has long given up; its answer is in the events it got.
            conn.execute(
                delete(idempotency).where(idempotency.c.state == "done", idempotency.c.created_ms < cutoff)
            )
        return int(deleted or 0)
