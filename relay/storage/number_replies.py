"""What the shop last sent a customer from each of its business numbers (revision 0014).

A shop with two numbers is two chats on the customer's phone: the greeting's silence and the away
message's once-a-period count in each of them (relay/automations.py `rule_state`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, delete, or_, select
from sqlalchemy.engine import Connection

from relay.storage.database import Database, ms_to_dt
from relay.storage.tables import number_reply

_TIMES = ("last_outbound_ms", "last_away_sent_ms")
# What one write moves: a send, an away message, or both (a changed number's rows carried over).
_COLUMN_SETS: tuple[tuple[str, ...], ...] = (("last_outbound_ms",), ("last_away_sent_ms",), _TIMES)


@dataclass(frozen=True, slots=True)
class NumberReply:
    """The shop's last message to her from one business number, and its last away message from it."""

    last_outbound_at: datetime | None
    last_away_sent_at: datetime | None


class NumberReplies:
    """Blocking calls on the `number_reply` table; times only ever move forward."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # Built once, as every send writes one (SQLAlchemy builds a statement per call otherwise).
        self._upserts = {columns: self._upsert_statement(columns) for columns in _COLUMN_SETS}

    def get(self, wa_id: str, phone_number_id: str) -> NumberReply:
        c = number_reply.c
        where = and_(c.wa_id == wa_id, c.phone_number_id == phone_number_id)
        with self.db.engine.connect() as conn:
            row = conn.execute(select(c.last_outbound_ms, c.last_away_sent_ms).where(where)).first()
        if row is None:
            return NumberReply(None, None)
        return NumberReply(ms_to_dt(row.last_outbound_ms), ms_to_dt(row.last_away_sent_ms))

    def sent_in(self, conn: Connection, wa_id: str, phone_number_id: str, at_ms: int) -> None:
        """A message to her went from this number (in the transaction that stores Graph's answer)."""
        self._upsert(conn, wa_id, phone_number_id, {"last_outbound_ms": at_ms})

    def away_sent(self, wa_id: str, phone_number_id: str, at_ms: int) -> None:
        with self.db.engine.begin() as conn:
            self._upsert(conn, wa_id, phone_number_id, {"last_away_sent_ms": at_ms})

    def move(self, conn: Connection, old: str, new: str) -> None:
        """A customer who changed her number keeps what each business number sent her."""
        c = number_reply.c
        rows = conn.execute(select(number_reply).where(c.wa_id == old)).mappings().all()
        for row in rows:
            times = {column: row[column] for column in _TIMES if row[column] is not None}
            if times:
                self._upsert(conn, new, row["phone_number_id"], times)
        if rows:
            conn.execute(delete(number_reply).where(c.wa_id == old))

    def _upsert(self, conn: Connection, wa_id: str, phone_number_id: str, times: dict[str, int]) -> None:
        values = {"wa_id": wa_id, "phone_number_id": phone_number_id, **times}
        conn.execute(self._upserts[tuple(column for column in _TIMES if column in times)], values)

    def _upsert_statement(self, columns: tuple[str, ...]) -> Any:
        names = ("wa_id", "phone_number_id", *columns)
        stmt = self.db.insert(number_reply).values({name: bindparam(name) for name in names})
        forward = {column: _later(column, stmt.excluded[column]) for column in columns}
        return stmt.on_conflict_do_update(index_elements=["wa_id", "phone_number_id"], set_=forward)


def _later(column: str, new: Any) -> ColumnElement[Any]:
    stored = number_reply.c[column]
    return case((or_(stored.is_(None), stored < new), new), else_=stored)
