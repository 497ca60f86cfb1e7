"""The relay's storage (SQLAlchemy Core; SQLite or PostgreSQL): events, sends, media, rule inputs."""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from relay.wakeups import CHANNEL, EVENTS, SETTINGS

log = logging.getLogger(__name__)

metadata = MetaData()

events = Table(
    "event",
    metadata,
    Column("seq", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),
    Column("at", String(40), nullable=False),
    Column("at_ms", BigInteger, nullable=False, index=True),
    Column("phone_number_id", String(32)),
    # wamid of a message, wamid+status of a status: a redelivery finds it and adds nothing.
    Column("dedupe_key", String(300), unique=True),
    Column("payload", Text, nullable=False),
    # Never reuse a seq, even after pruning every row (a client's cursor would skip them).
    sqlite_autoincrement=True,
)

idempotency = Table(
    "idempotency",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("state", String(12), nullable=False),  # in_flight | done
    Column("status_code", Integer),
    Column("response", Text),
    Column("created_ms", BigInteger, nullable=False),
)

media = Table(
    "media",
    metadata,
    Column("id", String(200), primary_key=True),
    Column("state", String(12), nullable=False),  # pending | ready | failed
    Column("mime", String(128)),
    Column("size", BigInteger),
    Column("sha256", String(64)),
    Column("filename", String(300)),
    Column("attempts", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("created_ms", BigInteger, nullable=False),
)

contact_state = Table(
    "contact_state",
    metadata,
    Column("wa_id", String(32), primary_key=True),
    Column("profile_name", String(256)),
    Column("phone_number_id", String(32)),
    Column("last_inbound_ms", BigInteger),
    Column("last_outbound_ms", BigInteger),
    Column("last_owner_reply_ms", BigInteger),
    Column("last_away_sent_ms", BigInteger),
    Column("known", Boolean, nullable=False, default=False),
)

kv = Table(
    "kv",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)


def now_ms() -> int:
    return int(datetime.now(UTC).timestamp() * 1000)


def ms_to_dt(ms: int | None) -> datetime | None:
    return None if ms is None else datetime.fromtimestamp(ms / 1000, tz=UTC)


def dt_to_ms(value: datetime | None) -> int | None:
    return None if value is None else int(value.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class NewEvent:
    kind: str
    payload: dict[str, Any]
    phone_number_id: str | None = None
    dedupe_key: str | None = None


@dataclass(frozen=True, slots=True)
class IntakeRows:
    """What one webhook writes: its events, media jobs and the rule inputs it moves."""

    events: list[NewEvent]
    media: list[tuple[str, str | None, str | None]] = field(default_factory=list)
    # (wa_id, message time ms, profile name, phone_number_id) of customers' messages
    inbound: list[tuple[str, int, str | None, str | None]] = field(default_factory=list)
    # (wa_id, {column: ms}) from phone-app echoes and history: never answered by automations
    touches: list[tuple[str, dict[str, int]]] = field(default_factory=list)
    # (old wa_id, new wa_id, phone_number_id, message id)
    number_changes: list[tuple[str, str, str | None, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ContactRow:
    wa_id: str
    profile_name: str | None
    phone_number_id: str | None
    last_inbound_at: datetime | None
    last_outbound_at: datetime | None
    last_owner_reply_at: datetime | None
    last_away_sent_at: datetime | None
    known: bool


class Store:
    """Blocking storage calls; the server runs them in the thread pool."""

    def __init__(self, url: str, *, sqlite_synchronous: str = "NORMAL") -> None:
        self.url = url
        if sqlite_synchronous.upper() not in ("NORMAL", "FULL"):
            raise ValueError(f"RELAY_SQLITE_SYNCHRONOUS must be NORMAL or FULL, not {sqlite_synchronous!r}")
        self.sqlite_synchronous = sqlite_synchronous.upper()
        self.is_sqlite = url.startswith("sqlite")
        # Parameters carry customers' messages: keep them out of error texts and logs.
        kwargs: dict[str, Any] = {"hide_parameters": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            kwargs["pool_size"] = 10
            kwargs["max_overflow"] = 20
        self.engine: Engine = create_engine(url, **kwargs)
        if self.is_sqlite:
            self._configure_sqlite()
        with self.engine.begin() as conn:
            if not self.is_sqlite:
                # Several workers starting at once on a fresh database would race to create tables.
                conn.execute(text("SELECT pg_advisory_xact_lock(424243)"))
            metadata.create_all(conn)

    def _configure_sqlite(self) -> None:
        @event.listens_for(self.engine, "connect")
        def _connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None
            cur = dbapi_connection.cursor()
            # WAL + synchronous=NORMAL: a committed webhook survives a crash of the relay process
            # (kill -9), the failure a relay meets most; only a power loss or kernel crash could
            # drop the last acknowledged transactions, which Meta would not send again. Hosts
            # without a dependable disk can choose FULL (one fsync per commit, group-committed).
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute(f"PRAGMA synchronous={self.sqlite_synchronous}")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(self.engine, "begin")
        def _begin(conn: Any) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ events
    def _lock_sequence(self, conn: Connection) -> None:
        # seq must increase in commit order: on PostgreSQL, serialise writers of events so a
        # reader never sees seq 11 committed while seq 10 is still in flight.
        if not self.is_sqlite:
            conn.execute(text("SELECT pg_advisory_xact_lock(424242)"))

    def add_events(self, conn: Connection, new: list[NewEvent]) -> list[int]:
        """Insert events (skipping duplicates by dedupe_key); returns the new seqs."""
        if not new:
            return []
        self._lock_sequence(conn)
        at = datetime.now(UTC)
        at_text, at_ms = at.isoformat().replace("+00:00", "Z"), dt_to_ms(at)
        seqs = []
        for item in new:
            values = {
                "kind": item.kind,
                "at": at_text,
                "at_ms": at_ms,
                "phone_number_id": item.phone_number_id,
                "dedupe_key": item.dedupe_key,
                "payload": json.dumps(item.payload, ensure_ascii=False, separators=(",", ":")),
            }
            # A redelivery hits the unique dedupe_key and inserts nothing (no row comes back).
            stmt = self._insert(events).values(**values).on_conflict_do_nothing(index_elements=["dedupe_key"])
            seq = conn.execute(stmt.returning(events.c.seq)).scalar_one_or_none()
            if seq is not None:
                seqs.append(int(seq))
        if seqs:
            self._notify_workers(conn, EVENTS)
        return seqs

    def _notify_workers(self, conn: Connection, payload: str) -> None:
        """On PostgreSQL, tell every relay worker's LISTEN (relay/wakeups.py), at commit."""
        if not self.is_sqlite:
            notify = text("SELECT pg_notify(:channel, :payload)")
            conn.execute(notify, {"channel": CHANNEL, "payload": payload})

    def _insert(self, table: Table) -> Any:
        """INSERT with ON CONFLICT support for this database."""
        if self.is_sqlite:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            return sqlite_insert(table)
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)

    def store_events(
        self, new: list[NewEvent], media_ids: list[tuple[str, str | None, str | None]]
    ) -> list[int]:
        """One transaction: events and the durable media jobs they need."""
        with self.engine.begin() as conn:
            seqs = self.add_events(conn, new)
            for media_id, mime, filename in media_ids:
                self._add_media_job(conn, media_id, mime, filename)
            return seqs

    def ingest_many(self, batch: list[IntakeRows]) -> list[tuple[list[int], dict[str, ContactRow | None]]]:
        """Several webhooks in ONE transaction (group commit): each item as `ingest` takes it."""
        results = []
        with self.engine.begin() as conn:
            for item in batch:
                results.append(self._ingest(conn, item))
        return results

    def ingest(self, item: IntakeRows) -> tuple[list[int], dict[str, ContactRow | None]]:
        """One transaction for one webhook: events, media jobs and the contacts' rule inputs.

        Returns the new seqs and each sender's state from before this webhook (what the rules
        must judge by).
        """
        with self.engine.begin() as conn:
            return self._ingest(conn, item)

    def _ingest(self, conn: Connection, item: IntakeRows) -> tuple[list[int], dict[str, ContactRow | None]]:
        befores: dict[str, ContactRow | None] = {}
        seqs = self.add_events(conn, item.events)
        if not seqs:
            return [], {}
        for media_id, mime, filename in item.media:
            self._add_media_job(conn, media_id, mime, filename)
        for old, new, pnid, message_id in item.number_changes:
            self._move_contact(conn, old, new)
            payload = {"contact": {"wa_id": new}, "previous_wa_id": old}
            seqs += self.add_events(conn, [NewEvent("contact", payload, pnid, f"c:{message_id}")])
        renamed: list[NewEvent] = []
        for wa_id, ts_ms, name, pnid in item.inbound:
            if wa_id not in befores:
                befores[wa_id] = before = self._contact(conn, wa_id)
                if before is not None and before.profile_name and name and name != before.profile_name:
                    contact = {"wa_id": wa_id, "profile": {"name": name}}
                    renamed.append(NewEvent("contact", {"contact": contact}, pnid))
            self._touch_contact(conn, wa_id, last_inbound_ms=ts_ms, profile_name=name, phone_number_id=pnid)
        seqs += self.add_events(conn, renamed)
        for wa_id, columns in item.touches:
            self._touch_contact(conn, wa_id, **columns)
        return seqs, befores

    def _move_contact(self, conn: Connection, old: str, new: str) -> None:
        """A changed number keeps the customer's rule inputs (and known-ness) under the new number."""
        before = self._contact(conn, old)
        if before is None:
            return
        if self._contact(conn, new) is None:
            conn.execute(update(contact_state).where(contact_state.c.wa_id == old).values(wa_id=new))
            return
        self._touch_contact(
            conn,
            new,
            last_inbound_ms=dt_to_ms(before.last_inbound_at),
            last_outbound_ms=dt_to_ms(before.last_outbound_at),
            last_owner_reply_ms=dt_to_ms(before.last_owner_reply_at),
            last_away_sent_ms=dt_to_ms(before.last_away_sent_at),
            known=True if before.known else None,
        )
        conn.execute(delete(contact_state).where(contact_state.c.wa_id == old))

    def events_after(self, after: int, limit: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(events).where(events.c.seq > after).order_by(events.c.seq).limit(limit)
            ).all()
        out = []
        for row in rows:
            body = json.loads(row.payload)
            out.append(
                {
                    "seq": row.seq,
                    "kind": row.kind,
                    "at": row.at,
                    "phone_number_id": row.phone_number_id,
                    **body,
                }
            )
        return out

    def phone_number_of_message(self, wamid: str) -> str | None:
        """The business number a received message came to (a shop may have two)."""
        with self.engine.connect() as conn:
            return conn.execute(
                select(events.c.phone_number_id).where(events.c.dedupe_key == f"m:{wamid}")
            ).scalar_one_or_none()

    def last_seq(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one())

    def cursor_bounds(self) -> tuple[int, int | None, int]:
        """(last seq pruned, first seq kept or None, last seq kept or 0) for checking a client's cursor."""
        with self.engine.connect() as conn:
            first, last = conn.execute(select(func.min(events.c.seq), func.max(events.c.seq))).one()
            pruned = conn.execute(select(kv.c.value).where(kv.c.key == "pruned_through")).scalar_one_or_none()
        return int(pruned or 0), None if first is None else int(first), int(last or 0)

    def pruned_through(self) -> int:
        return int(self.get_kv("pruned_through") or 0)

    def prune(self, retention: timedelta) -> int:
        cutoff = dt_to_ms(datetime.now(UTC) - retention)
        with self.engine.begin() as conn:
            last = conn.execute(
                select(func.max(events.c.seq)).where(events.c.at_ms < cutoff)
            ).scalar_one_or_none()
            if last is None:
                return 0
            deleted = conn.execute(delete(events).where(events.c.seq <= last)).rowcount
            self._put_kv(conn, "pruned_through", str(last))
            # A client retrying a send that old has long given up; its answer is in the events it got.
            conn.execute(
                delete(idempotency).where(idempotency.c.state == "done", idempotency.c.created_ms < cutoff)
            )
        return int(deleted or 0)

    def count_events(self, kind: str | None = None) -> int:
        stmt = select(func.count()).select_from(events)
        if kind:
            stmt = stmt.where(events.c.kind == kind)
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    # ------------------------------------------------------------------ idempotency
    def reserve_key(self, key: str) -> tuple[str, int | None, str | None]:
        """("new", None, None) when reserved now; else the existing state and stored answer."""
        with self.engine.begin() as conn:
            row = conn.execute(select(idempotency).where(idempotency.c.key == key)).first()
            if row is not None:
                return row.state, row.status_code, row.response
            try:
                conn.execute(insert(idempotency).values(key=key, state="in_flight", created_ms=now_ms()))
            except IntegrityError:
                return "in_flight", None, None
        return "new", None, None

    def release_key(self, key: str) -> None:
        """Forget an in-flight key whose send ended with nothing final (the client may retry)."""
        with self.engine.begin() as conn:
            conn.execute(
                delete(idempotency).where(idempotency.c.key == key, idempotency.c.state == "in_flight")
            )

    def finish_key(
        self, key: str, status_code: int, response: dict[str, Any], new_events: list[NewEvent]
    ) -> list[int]:
        """Store the final answer and its events in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(
                update(idempotency)
                .where(idempotency.c.key == key)
                .values(
                    state="done", status_code=status_code, response=json.dumps(response, ensure_ascii=False)
                )
            )
            return self.add_events(conn, new_events)

    def fail_stale_in_flight(self) -> int:
        """At start-up, sends left in flight by a crash are 'unknown', never blindly resent."""
        with self.engine.begin() as conn:
            keys = conn.execute(select(idempotency.c.key).where(idempotency.c.state == "in_flight")).scalars()
            stranded = list(keys)
            for key in stranded:
                # The same answer as a Graph timeout: final, so the client stops retrying (a 409
                # would keep it retrying forever) and shows the message as "may not have gone out".
                answer = {"client_id": key, "wamid": None, "status": "unknown"}
                conn.execute(
                    update(idempotency)
                    .where(idempotency.c.key == key, idempotency.c.state == "in_flight")
                    .values(state="done", status_code=200, response=json.dumps(answer))
                )
        return len(stranded)

    # ------------------------------------------------------------------ media
    def _add_media_job(self, conn: Connection, media_id: str, mime: str | None, filename: str | None) -> None:
        exists = conn.execute(select(media.c.id).where(media.c.id == media_id)).first()
        if exists is None:
            conn.execute(
                insert(media).values(
                    id=media_id,
                    state="pending",
                    mime=mime,
                    filename=filename,
                    attempts=0,
                    created_ms=now_ms(),
                )
            )

    def add_ready_media(self, media_id: str, mime: str, size: int, sha256: str, filename: str | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(media).where(media.c.id == media_id))
            conn.execute(
                insert(media).values(
                    id=media_id,
                    state="ready",
                    mime=mime,
                    size=size,
                    sha256=sha256,
                    filename=filename,
                    attempts=0,
                    created_ms=now_ms(),
                )
            )

    def pending_media(self, limit: int = 20) -> list[str]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(media.c.id).where(media.c.state == "pending").order_by(media.c.created_ms).limit(limit)
            ).all()
        return [r.id for r in rows]

    def media_row(self, media_id: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(select(media).where(media.c.id == media_id)).first()

    def mark_media(self, media_id: str, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(media).where(media.c.id == media_id).values(**values))

    # ------------------------------------------------------------------ contacts (rules' inputs)
    def contact(self, wa_id: str) -> ContactRow | None:
        with self.engine.connect() as conn:
            return self._contact(conn, wa_id)

    def _contact(self, conn: Connection, wa_id: str) -> ContactRow | None:
        row = conn.execute(select(contact_state).where(contact_state.c.wa_id == wa_id)).first()
        if row is None:
            return None
        return ContactRow(
            wa_id=row.wa_id,
            profile_name=row.profile_name,
            phone_number_id=row.phone_number_id,
            last_inbound_at=ms_to_dt(row.last_inbound_ms),
            last_outbound_at=ms_to_dt(row.last_outbound_ms),
            last_owner_reply_at=ms_to_dt(row.last_owner_reply_ms),
            last_away_sent_at=ms_to_dt(row.last_away_sent_ms),
            known=bool(row.known),
        )

    def touch_contact(self, wa_id: str, **values: Any) -> None:
        """Upsert a contact's rule inputs; time columns only move forward."""
        with self.engine.begin() as conn:
            self._touch_contact(conn, wa_id, **values)

    def _touch_contact(self, conn: Connection, wa_id: str, **values: Any) -> None:
        row = conn.execute(select(contact_state).where(contact_state.c.wa_id == wa_id)).first()
        if row is None:
            conn.execute(insert(contact_state).values(**{"wa_id": wa_id, "known": False, **values}))
            return
        changes = {}
        for key, value in values.items():
            if value is None:
                continue
            if key.endswith("_ms") and getattr(row, key) is not None and getattr(row, key) >= value:
                continue
            changes[key] = value
        if changes:
            conn.execute(update(contact_state).where(contact_state.c.wa_id == wa_id).values(**changes))

    def lock_contact(self, wa_id: str) -> Connection | None:
        """On PostgreSQL, hold a per-customer lock across relay workers (None on SQLite: one process)."""
        if self.is_sqlite:
            return None
        conn = self.engine.connect()
        try:
            conn.execute(text("SELECT pg_advisory_lock(hashtext(:key))"), {"key": f"contact:{wa_id}"})
            conn.commit()
        except Exception:
            conn.close()
            raise
        return conn

    def unlock_contact(self, conn: Connection | None, wa_id: str) -> None:
        if conn is None:
            return
        try:
            conn.execute(text("SELECT pg_advisory_unlock(hashtext(:key))"), {"key": f"contact:{wa_id}"})
            conn.commit()
        finally:
            conn.close()

    def mark_known(self, wa_ids: list[str]) -> int:
        with self.engine.begin() as conn:
            for wa_id in wa_ids:
                self._touch_contact(conn, wa_id, known=True)
        return len(wa_ids)

    # ------------------------------------------------------------------ key/value
    def get_kv(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.execute(select(kv.c.value).where(kv.c.key == key)).scalar_one_or_none()

    def _put_kv(self, conn: Connection, key: str, value: str) -> None:
        if conn.execute(select(kv.c.key).where(kv.c.key == key)).first() is None:
            conn.execute(insert(kv).values(key=key, value=value))
        else:
            conn.execute(update(kv).where(kv.c.key == key).values(value=value))

    def put_kv(self, key: str, value: str) -> None:
        with self.engine.begin() as conn:
            self._put_kv(conn, key, value)

    def client_token(self, rotate: bool = False) -> str:
        """The bearer token desktops present (generated on first use, rotated on request)."""
        current = self.get_kv("client_token")
        if current and not rotate:
            return current
        token = secrets.token_urlsafe(32)
        self.put_kv("client_token", token)
        return token

    # ------------------------------------------------------------------ automations document
    def automations(self) -> dict[str, Any] | None:
        raw = self.get_kv("automations")
        return None if raw is None else json.loads(raw)

    def put_automations(self, doc: dict[str, Any], expected_revision: int) -> dict[str, Any] | None:
        """Compare-and-set by revision; None when the stored revision moved on (412)."""
        with self.engine.begin() as conn:
            self._lock_sequence(conn)
            raw = conn.execute(select(kv.c.value).where(kv.c.key == "automations")).scalar_one_or_none()
            current = 0 if raw is None else int(json.loads(raw).get("revision", 0))
            if current != expected_revision:
                return None
            stored = {**doc, "revision": current + 1}
            self._put_kv(conn, "automations", json.dumps(stored, ensure_ascii=False))
            self._notify_workers(conn, SETTINGS)
            self.add_events(conn, [NewEvent("settings", {"automations": stored})])
            return stored
