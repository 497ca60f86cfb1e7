"""The event log: what the desktop long-polls, in strictly increasing seq order."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.engine import Connection

from relay.storage.database import Database
from relay.storage.tables import events, kv
from relay.wakeups import CHANNEL, EVENTS


@dataclass(frozen=True, slots=True)
class NewEvent:
    kind: str
    payload: dict[str, Any]
    phone_number_id: str | None = None
    dedupe_key: str | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    seq: int
    kind: str
    at: str
    phone_number_id: str | None
    payload: str  # the event's JSON body as stored


@dataclass(frozen=True, slots=True)
class EventsRead:
    """Events after a cursor, in seq order, with what the same read found about the log."""

    rows: list[StoredEvent]
    pruned: int | None  # the last seq pruned (None: this read could not tell)
    # Newer events exist but are not served yet: a writer that drew a lower seq is still in flight
    # (PostgreSQL only). Its commit notifies; should it roll back instead, nobody will.
    held_back: bool = False


# On PostgreSQL a writer announces itself before it draws a seq, and waits for nobody (revision
# 0005); NOTIFY is sent at commit, its payload the notice and the newest seq inserted
# (`notice@seq`: a worker that has read that far already skips the read). The rows are fed in
# order, so the sequence numbers them so. Driver SQL (psycopg's placeholders): the group commit
# sends it on psycopg's own connection too. Nothing inserted (every event a duplicate): no NOTIFY.
INSERT_POSTGRESQL = (
    "WITH announced AS MATERIALIZED (SELECT relay_announce_event_writer() AS announced),"
    " inserted AS (INSERT INTO event (kind, at, at_ms, phone_number_id, dedupe_key, payload)"
    " SELECT e.kind, %(at)s, %(at_ms)s, e.pnid, e.dedupe_key, e.payload"
    " FROM announced, unnest(%(kinds)b::text[], %(pnids)b::text[], %(keys)b::text[],"
    " %(payloads)b::text[]) WITH ORDINALITY AS e(kind, pnid, dedupe_key, payload, n)"
    " ORDER BY e.n"
    " ON CONFLICT (dedupe_key) DO NOTHING"
    " RETURNING seq, dedupe_key),"
    " notified AS MATERIALIZED (SELECT pg_notify(%(channel)s, %(payload)s || '@' || i.top)"
    " FROM (SELECT max(seq) AS top FROM inserted) i WHERE i.top IS NOT NULL)"
    " SELECT i.seq, i.dedupe_key FROM inserted i LEFT JOIN notified ON true"
)
READ_PAGE = 1000  # the most events one read of new events returns (more: read again)


def postgresql_insert_params(
    new: list[NewEvent], payloads: list[str], at_text: str, at_ms: int | None, notice: str
) -> dict[str, Any]:
    """INSERT_POSTGRESQL's parameters for `new` (their JSON bodies `payloads`)."""
    return {
        "channel": CHANNEL,
        "payload": notice,
        "at": at_text,
        "at_ms": at_ms,
        "kinds": [item.kind for item in new],
        "pnids": [item.phone_number_id for item in new],
        "keys": [item.dedupe_key for item in new],
        "payloads": payloads,
    }


_INSERT_SQLITE = (
    "INSERT INTO event (kind, at, at_ms, phone_number_id, dedupe_key, payload) VALUES (?, ?, ?, ?, ?, ?)"
    " ON CONFLICT (dedupe_key) DO NOTHING"
)


def receipt_time() -> tuple[str, int]:
    """The `at` of events received now: UTC ISO-8601 text and milliseconds."""
    at = datetime.now(UTC)
    return at.isoformat().replace("+00:00", "Z"), int(at.timestamp() * 1000)


def event_json(event: NewEvent) -> str:
    """An event's body as the `payload` column keeps it."""
    return json.dumps(event.payload, ensure_ascii=False, separators=(",", ":"))


def seqs_by_group(groups: list[list[NewEvent]], seqs: list[int | None]) -> list[list[int]]:
    """Each group's new seqs from the seqs of all its events in order (None for a duplicate)."""
    found = iter(seqs)
    return [[seq for _ in group if (seq := next(found)) is not None] for group in groups]


def insert_sqlite(
    con: sqlite3.Connection, new: list[NewEvent], payloads: list[str], at_text: str, at_ms: int
) -> list[int | None]:
    """Each event's seq (None for a duplicate), from one `executemany` on the driver's connection,
    in the transaction open on it.

    SQLite has one writer, so when every row went in they took consecutive seqs in `new`'s
    order, ending at last_insert_rowid(). When a duplicate was skipped (it may use up a seq),
    the rows just inserted are the `inserted` newest of the table: read back to see which.
    """
    # sqlite3's rowcount sums executemany's rows, only those inserted (SQLAlchemy's is not read here).
    inserted = con.executemany(
        _INSERT_SQLITE,
        [
            (item.kind, at_text, at_ms, item.phone_number_id, item.dedupe_key, payload)
            for item, payload in zip(new, payloads, strict=True)
        ],
    ).rowcount
    if inserted <= 0:
        return [None] * len(new)
    if inserted == len(new):
        last = int(con.execute("SELECT last_insert_rowid()").fetchone()[0])
        return list(range(last - inserted + 1, last + 1))
    newest = con.execute(
        "SELECT seq, dedupe_key FROM event ORDER BY seq DESC LIMIT ?", (inserted,)
    ).fetchall()
    return _matched(new, sorted((int(seq), key) for seq, key in newest))


def postgresql_seqs(new: list[NewEvent], returned: list[tuple[int, str | None]]) -> list[int | None]:
    """Each of `new`'s seq (None for a duplicate) from the (seq, dedupe_key) rows INSERT_POSTGRESQL
    returned, in any order."""
    return _matched(new, sorted((int(seq), key) for seq, key in returned))


def _matched(new: list[NewEvent], rows: list[tuple[int, str | None]]) -> list[int | None]:
    """Each of `new`'s seq from the inserted (seq, dedupe_key) rows in seq order, None for a
    duplicate (only events with a dedupe_key are skipped)."""
    seqs: list[int | None] = []
    position = 0
    for item in new:
        if position < len(rows) and rows[position][1] == item.dedupe_key:
            seqs.append(rows[position][0])
            position += 1
        else:
            seqs.append(None)
    if position != len(rows):
        raise RuntimeError("inserted events could not be matched to the webhooks they came from")
    return seqs


# Built once: every long poll's worker reads through them.
_AFTER = (
    select(events.c.seq, events.c.kind, events.c.at, events.c.phone_number_id, events.c.payload)
    .where(events.c.seq > bindparam("after"))
    .order_by(events.c.seq)
    .limit(bindparam("limit"))
)
# Built once: every group commit looks for redeliveries through it.
_STORED_KEYS = select(events.c.dedupe_key).where(events.c.dedupe_key.in_(bindparam("keys", expanding=True)))
_AFTER_AND_PRUNED = _AFTER.add_columns(
    select(kv.c.value).where(kv.c.key == "pruned_through").scalar_subquery().label("pruned")
)
# PostgreSQL: only seqs below every event writer still in flight; first a row without a seq that
# says whether newer events are held back and carries the prune mark.
_AFTER_PG = text(
    "SELECT seq, kind, at, phone_number_id, payload, held_back, pruned"
    " FROM relay_events_after(:after, :limit)"
)
_LAST_SEQ_PG = text(
    "WITH h AS MATERIALIZED (SELECT relay_event_horizon() AS horizon)"
    " SELECT coalesce(max(e.seq), 0) FROM event e, h WHERE e.seq < h.horizon"
)


# At each start the next seq moves up to the wall clock's milliseconds times this (`skip_ahead`): far
# more than the log takes in a millisecond, and below 2**48 (revision 0005's writer keys) until 2147.
SEQS_PER_MS = 50
SKIP_AHEAD_LOCK = 424246  # PostgreSQL: two workers starting at once move the sequence one at a time


@dataclass(frozen=True, slots=True)
class SeqStart:
    """What a start's `skip_ahead` found: the last seq handed out before it (None: the log never had
    an event) and the clock's floor for the next ones."""

    before: int | None
    floor: int

    @property
    def moved(self) -> bool:
        """The counter went up to the clock's floor: every start after a first event does this."""
        return self.before is not None and self.before < self.floor

    @property
    def ahead_of_clock_seconds(self) -> float:
        """How far the counter runs ahead of this clock, in the clock's seconds (0 when it does not):
        the clock was set back since the last start, or the database comes from a machine whose
        clock ran ahead. At most that far: each event since the last start adds 1/SEQS_PER_MS ms."""
        if self.before is None or self.before <= self.floor:
            return 0.0
        return (self.before - self.floor) / SEQS_PER_MS / 1000


class EventLog:
    """Blocking calls on the `event` table; the server runs them in the thread pool."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def skip_ahead(self, now_ms: int) -> SeqStart:
        """At a start, the next seq jumps to `now_ms * SEQS_PER_MS` when the log has had events (a new
        log starts at 1) and is below it. A database restored from an older backup would otherwise
        hand out again seqs that a desktop has already read past, and that desktop would skip those
        new events for good (it asks only for seqs after its cursor). The clock has moved on since
        the backup was made: the seqs drawn now are above any handed out before. Answers where the
        counter was and the clock's floor (whether it moved, or the clock reads behind it)."""
        floor = now_ms * SEQS_PER_MS
        with self.db.engine.begin() as conn:
            if self.db.is_sqlite:
                before = conn.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'event'")).scalar()
                if before is not None and before < floor:
                    conn.execute(
                        text("UPDATE sqlite_sequence SET seq = :floor WHERE name = 'event'"), {"floor": floor}
                    )
                return SeqStart(before, floor)
            # The lock first: it is the start's first write (tests hold a start there).
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SKIP_AHEAD_LOCK})
            # pg_sequence_last_value is NULL for a sequence never drawn from: a new log stays at 1.
            before = conn.execute(
                text("SELECT pg_sequence_last_value(pg_get_serial_sequence('event', 'seq')::regclass)")
            ).scalar()
            if before is not None and before < floor:
                conn.execute(
                    text("SELECT setval(pg_get_serial_sequence('event', 'seq'), :floor)"), {"floor": floor}
                )
            return SeqStart(before, floor)

    def add(self, conn: Connection, new: list[NewEvent], notice: str = EVENTS) -> list[int]:
        """Insert events (skipping duplicates by dedupe_key); returns the new seqs."""
        return self.add_groups(conn, [new], notice)[0]

    def add_groups(
        self, conn: Connection, groups: list[list[NewEvent]], notice: str = EVENTS
    ) -> list[list[int]]:
        """Insert several webhooks' events, in order, skipping duplicates by dedupe_key (also
        within `groups`); returns each group's new seqs. On PostgreSQL one statement inserts them
        all, and every relay worker hears `notice` at the commit (relay/wakeups.py)."""
        new = [item for group in groups for item in group]
        if not new:
            return [[] for _ in groups]
        at_text, at_ms = receipt_time()
        payloads = [event_json(item) for item in new]
        if self.db.is_sqlite:  # one writer at a time: no lock, no other worker to tell
            driver = conn.connection.driver_connection  # in the transaction `conn` opened
            assert isinstance(driver, sqlite3.Connection)
            seqs = insert_sqlite(driver, new, payloads, at_text, at_ms)
        else:
            seqs = self._insert_all_postgresql(conn, new, payloads, at_text, at_ms, notice)
        return seqs_by_group(groups, seqs)

    @staticmethod
    def _insert_all_postgresql(
        conn: Connection,
        new: list[NewEvent],
        payloads: list[str],
        at_text: str,
        at_ms: int | None,
        notice: str,
    ) -> list[int | None]:
        """Each event's seq (None for a duplicate), from one INSERT … SELECT … ORDER BY that also
        announces this writer and sends the NOTIFY: one round trip, waiting for no other writer.

        The announcement is made before any seq is drawn (the sorted rows feeding the insert need
        its row first), and lasts until the commit: readers stop below it. The rows are fed in
        `new`'s order, so the sequence numbers them in that order (SQLAlchemy's own bulk insert
        relies on the same); the returned rows, sorted by seq, are matched back in order: an event
        with a dedupe_key missing from them was a duplicate. Should every event turn out to be a
        duplicate, the workers look once for nothing.
        """
        returned = conn.exec_driver_sql(
            INSERT_POSTGRESQL, postgresql_insert_params(new, payloads, at_text, at_ms, notice)
        ).all()
        return postgresql_seqs(new, [(row.seq, row.dedupe_key) for row in returned])

    def stored_keys(self, conn: Connection, new: list[NewEvent]) -> set[str]:
        """The dedupe keys of `new` already stored: a redelivered webhook's."""
        keys = [item.dedupe_key for item in new if item.dedupe_key is not None]
        if not keys:
            return set()
        if self.db.is_sqlite:
            # Driver SQL: SQLAlchemy's expanding IN costs ~0.1 ms a group commit, this ~0.02 ms.
            marks = ", ".join("?" * len(keys))
            query = f"SELECT dedupe_key FROM event WHERE dedupe_key IN ({marks})"
            found = conn.exec_driver_sql(query, tuple(keys))
            return {row[0] for row in found}
        return set(conn.execute(_STORED_KEYS, {"keys": keys}).scalars())

    def after(self, after: int, limit: int) -> list[StoredEvent]:
        """The stored rows after `after`, in seq order, undecoded (relay/events.py serves them)."""
        return self.read_after(after, limit).rows

    def read_after(self, after: int, limit: int) -> EventsRead:
        """The events after `after` that may be served, and the prune mark, in one statement
        outside a transaction: the read every commit costs a worker with long polls.

        Served events never skip a seq that could still appear: on PostgreSQL, writers commit in
        any order, so the read stops below the lowest seq a writer still in flight may hold.
        """
        params = {"after": after, "limit": limit}
        with self.db.reader.connect() as conn:
            if self.db.is_sqlite:  # one writer at a time: what is committed is final
                rows = conn.execute(_AFTER_AND_PRUNED, params).all()
                return EventsRead(_stored(rows), int(rows[0].pruned or 0) if rows else None)
            header, *rows = conn.execute(_AFTER_PG, params).all()
        return EventsRead(_stored(rows), int(header.pruned or 0), bool(header.held_back))

    def phone_number_of_message(self, wamid: str) -> str | None:
        """The business number a received message came to (a shop may have two)."""
        with self.db.engine.connect() as conn:
            return conn.execute(
                select(events.c.phone_number_id).where(events.c.dedupe_key == f"m:{wamid}")
            ).scalar_one_or_none()

    def last_seq(self) -> int:
        """The newest seq that may be served (on PostgreSQL, below every writer still in flight)."""
        with self.db.reader.connect() as conn:
            if self.db.is_sqlite:
                return int(conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one())
            return int(conn.execute(_LAST_SEQ_PG).scalar_one())

    def cursor_bounds(self) -> tuple[int, int | None, int]:
        """(last seq pruned, first seq kept or None, last seq kept or 0) for checking a client's cursor."""
        with self.db.engine.connect() as conn:
            first, last = conn.execute(select(func.min(events.c.seq), func.max(events.c.seq))).one()
            pruned = conn.execute(select(kv.c.value).where(kv.c.key == "pruned_through")).scalar_one_or_none()
        return int(pruned or 0), None if first is None else int(first), int(last or 0)

    def has_any(self, kinds: tuple[str, ...]) -> bool:
        """Whether any kept event is of one of `kinds` (stops at the first)."""
        with self.db.engine.connect() as conn:
            first = conn.execute(select(events.c.seq).where(events.c.kind.in_(kinds)).limit(1)).first()
        return first is not None

    def count(self, kind: str | None = None) -> int:
        stmt = select(func.count()).select_from(events)
        if kind:
            stmt = stmt.where(events.c.kind == kind)
        with self.db.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())


def _stored(rows: Any) -> list[StoredEvent]:
    return [StoredEvent(int(r.seq), r.kind, r.at, r.phone_number_id, r.payload) for r in rows]
