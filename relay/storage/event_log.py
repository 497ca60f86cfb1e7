"""The event log: what the desktop long-polls, in strictly increasing seq order."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from relay.storage.database import Database, dt_to_ms
from relay.storage.tables import events, kv
from relay.wakeups import EVENTS


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


class EventLog:
    """Blocking calls on the `event` table; the server runs them in the thread pool."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # Built once (every webhook inserts through it); a redelivery hits the unique dedupe_key
        # and inserts nothing (no row comes back).
        self._insert = (
            db.insert(events).on_conflict_do_nothing(index_elements=["dedupe_key"]).returning(events.c.seq)
        )

    def add(self, conn: Connection, new: list[NewEvent]) -> list[int]:
        """Insert events (skipping duplicates by dedupe_key); returns the new seqs."""
        if not new:
            return []
        self.db.lock_sequence(conn)
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
            seq = conn.execute(self._insert, values).scalar_one_or_none()
            if seq is not None:
                seqs.append(int(seq))
        if seqs:
            self.db.notify_workers(conn, EVENTS)
        return seqs

    def stored_keys(self, conn: Connection, new: list[NewEvent]) -> set[str]:
        """The dedupe keys of `new` already stored: a redelivered webhook's."""
        keys = [item.dedupe_key for item in new if item.dedupe_key is not None]
        if not keys:
            return set()
        return set(conn.execute(select(events.c.dedupe_key).where(events.c.dedupe_key.in_(keys))).scalars())

    def after(self, after: int, limit: int) -> list[StoredEvent]:
        """The stored rows after `after`, in seq order, undecoded (relay/events.py serves them)."""
        with self.db.engine.connect() as conn:
            rows = conn.execute(
                select(events.c.seq, events.c.kind, events.c.at, events.c.phone_number_id, events.c.payload)
                .where(events.c.seq > after)
                .order_by(events.c.seq)
                .limit(limit)
            ).all()
        return [StoredEvent(int(r.seq), r.kind, r.at, r.phone_number_id, r.payload) for r in rows]

    def phone_number_of_message(self, wamid: str) -> str | None:
        """The business number a received message came to (a shop may have two)."""
        with self.db.engine.connect() as conn:
            return conn.execute(
                select(events.c.phone_number_id).where(events.c.dedupe_key == f"m:{wamid}")
            ).scalar_one_or_none()

    def last_seq(self) -> int:
        with self.db.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(events.c.seq), 0))).scalar_one())

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
