"""Marketing opt-outs per customer, and the `contact` events that tell every desktop."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.engine import Connection

from app.wire import OptOutReason
from relay.storage.database import Database
from relay.storage.event_log import EventLog, NewEvent
from relay.storage.tables import marketing_opt_out

# A customer's own word (keyword, button) or the owner's outranks Meta's stop: Meta's "resume"
# clears only its own stop, so a keyword opt-out must never be downgraded to meta_stop.
_RANK = {OptOutReason.META_STOP: 0, OptOutReason.KEYWORD: 1, OptOutReason.BUTTON: 1, OptOutReason.OWNER: 1}


def opt_out_event(wa_id: str, opted_out_ms: int | None, reason: str, pnid: str | None) -> NewEvent:
    when = None
    if opted_out_ms is not None:
        when = datetime.fromtimestamp(opted_out_ms / 1000, tz=UTC).isoformat().replace("+00:00", "Z")
    payload = {"contact": {"wa_id": wa_id}, "opted_out_at": when, "reason": reason}
    return NewEvent("contact", payload, pnid)


class OptOuts:
    """Blocking calls on the `marketing_opt_out` table."""

    def __init__(self, db: Database, event_log: EventLog) -> None:
        self.db = db
        self.event_log = event_log

    def reason(self, wa_id: str) -> str | None:
        with self.db.engine.connect() as conn:
            return self.reason_in(conn, wa_id)

    def reason_in(self, conn: Connection, wa_id: str) -> str | None:
        found = conn.execute(select(marketing_opt_out.c.reason).where(marketing_opt_out.c.wa_id == wa_id))
        return found.scalar_one_or_none()

    def opt_out(self, wa_id: str, reason: OptOutReason, now_ms: int, pnid: str | None = None) -> bool:
        """Record an opt-out; True when it is new (or stronger), with its `contact` event committed."""
        with self.db.engine.begin() as conn:
            return self.opt_out_in(conn, wa_id, reason, now_ms, pnid)

    def opt_out_in(
        self, conn: Connection, wa_id: str, reason: OptOutReason, now_ms: int, pnid: str | None
    ) -> bool:
        # One statement: another worker's opt-out of hers stored meanwhile (Meta's stop may come
        # with her own keyword or tap) is upgraded or kept, never a conflict that loses this one.
        weaker = [held for held, rank in _RANK.items() if rank < _RANK[reason]]
        stmt = self.db.insert(marketing_opt_out).values(wa_id=wa_id, reason=reason, opted_out_ms=now_ms)
        stmt = stmt.on_conflict_do_update(
            index_elements=[marketing_opt_out.c.wa_id],
            set_={"reason": reason},
            where=marketing_opt_out.c.reason.in_(weaker),
        ).returning(marketing_opt_out.c.wa_id)  # a row when it was written (psycopg has no rowcount)
        if conn.execute(stmt).first() is None:
            return False
        self.event_log.add(conn, [opt_out_event(wa_id, now_ms, reason, pnid)])
        return True

    def resume(self, wa_id: str, *, by_meta: bool, pnid: str | None = None) -> bool:
        """Clear an opt-out: Meta's "resume" only a meta_stop one, the owner's any. True if cleared."""
        with self.db.engine.begin() as conn:
            held = self.reason_in(conn, wa_id)
            if held is None or (by_meta and held != OptOutReason.META_STOP):
                return False
            conn.execute(delete(marketing_opt_out).where(marketing_opt_out.c.wa_id == wa_id))
            reason = OptOutReason.META_STOP if by_meta else OptOutReason.OWNER
            self.event_log.add(conn, [opt_out_event(wa_id, None, reason, pnid)])
            return True
