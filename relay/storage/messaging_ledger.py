"""The portfolio's messaging-limit ledger: customers sent a template outside their service window."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.engine import Connection

from relay.storage.database import Database
from relay.storage.tables import messaging_ledger

DAY_MS = 24 * 3600 * 1000
# Every worker's ledger reservations in one order: the count and the insert must not interleave.
PG_LEDGER_LOCK = 424245


class MessagingLedger:
    """One rolling 24-hour ledger for every number and sender (campaigns, order notices, manual)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, wa_id: str, now_ms: int) -> None:
        """Count a template sent outside the window (no limit check: the send already happened)."""
        with self.db.engine.begin() as conn:
            self._lock(conn)
            self._upsert(conn, wa_id, now_ms)

    def reserve_in(self, conn: Connection, wa_id: str, now_ms: int, limit: int | None) -> int | None:
        """Take a place for `wa_id` before its send; None when taken, else when one frees up (ms).

        A customer already in the last 24 h costs nothing more (the limit counts unique customers).
        """
        self._lock(conn)
        since = now_ms - DAY_MS
        ledger = messaging_ledger.c
        last = conn.execute(select(ledger.sent_ms).where(ledger.wa_id == wa_id)).scalar_one_or_none()
        if limit is not None and (last is None or last <= since):
            used, oldest = conn.execute(
                select(func.count(), func.min(ledger.sent_ms)).where(ledger.sent_ms > since)
            ).one()
            if used >= limit:
                return int(oldest) + DAY_MS
        self._upsert(conn, wa_id, now_ms)
        return None

    def count(self, now_ms: int) -> int:
        with self.db.engine.connect() as conn:
            since = now_ms - DAY_MS
            found = conn.execute(select(func.count()).where(messaging_ledger.c.sent_ms > since))
            return int(found.scalar_one())

    def _lock(self, conn: Connection) -> None:
        if not self.db.is_sqlite:  # SQLite: BEGIN IMMEDIATE already serialises writers
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_LEDGER_LOCK})

    def _upsert(self, conn: Connection, wa_id: str, now_ms: int) -> None:
        stmt = self.db.insert(messaging_ledger).values(wa_id=wa_id, sent_ms=now_ms)
        conn.execute(stmt.on_conflict_do_update(index_elements=["wa_id"], set_={"sent_ms": now_ms}))
