"""Each customer's rule inputs (last inbound/outbound, away sent, known) for the automations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, bindparam, case, delete, or_, select, text, update
from sqlalchemy.engine import Connection

from relay.storage.database import Database, dt_to_ms, ms_to_dt
from relay.storage.tables import contact_state


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
    # Her newest message to a business number other than `phone_number_id`, and when (revision 0013).
    other_number_id: str | None = None
    other_inbound_at: datetime | None = None


# Built once: every webhook reads its customers' rows (SQLAlchemy builds a statement per call otherwise).
_BY_WA_ID = select(contact_state).where(contact_state.c.wa_id == bindparam("wa_id"))


def contact_row(row: Row[Any]) -> ContactRow:
    return contact_values_row(row._mapping)


def contact_values_row(values: Mapping[Any, Any]) -> ContactRow:
    """A ContactRow from a row's columns (times in ms), as stored or as `touched` made them."""
    return ContactRow(
        wa_id=values["wa_id"],
        profile_name=values["profile_name"],
        phone_number_id=values["phone_number_id"],
        last_inbound_at=ms_to_dt(values["last_inbound_ms"]),
        last_outbound_at=ms_to_dt(values["last_outbound_ms"]),
        last_owner_reply_at=ms_to_dt(values["last_owner_reply_ms"]),
        last_away_sent_at=ms_to_dt(values["last_away_sent_ms"]),
        known=bool(values["known"]),
        other_number_id=values["other_number_id"],
        other_inbound_at=ms_to_dt(values["other_inbound_ms"]),
    )


def touched(wa_id: str, row: Mapping[str, Any] | None, values: Mapping[str, Any]) -> dict[str, Any]:
    """The row `touch_row_in` leaves (every column), worked out in memory: a new row takes the
    values; a stored one takes each non-null value, and a time only when it moves forward."""
    if row is None:
        return {**_EMPTY_ROW, "wa_id": wa_id, "known": False, **values}
    after = dict(row)
    after.update(_changes(row, values))
    return after


# What a message says of her as she was when she wrote it: kept only from a message not older than
# her last one (by WhatsApp's timestamps, not by the order Meta delivered them in).
_AS_OF_HER_LAST_MESSAGE = ("phone_number_id", "profile_name")


def _changes(row: Any, values: Mapping[str, Any]) -> dict[str, Any]:
    """What of `values` changes the stored `row` (a mapping or a Row): each non-null value, a time
    only when it moves forward, and the business number and profile name only with a message not
    older than her last one: replies go from the number she last wrote to, her name is the one
    WhatsApp last sent, and Meta delivers a webhook hours late after an outage (her morning message
    to one number, under her old name, after she wrote to the other a minute ago)."""
    stored = row if isinstance(row, Mapping) else row._mapping
    late = message_is_late(stored["last_inbound_ms"], values.get("last_inbound_ms"))
    changes = {}
    for key, value in values.items():
        if value is None:
            continue
        if key.endswith("_ms") and stored[key] is not None and stored[key] >= value:
            continue
        if key in _AS_OF_HER_LAST_MESSAGE and late:
            continue
        changes[key] = value
    for key, value in _other_number(stored, values).items():
        if stored[key] is None or (stored[key] < value if key.endswith("_ms") else stored[key] != value):
            changes[key] = value
    return changes


def _other_number(stored: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """What a message of hers (`values` with its business number and time) moves of her record of
    the other numbers (WhatsApp's 24-hour window is per number): written to a number other than
    her last one, it is her newest (the last one becomes the other) or a late one (the other when
    it is newer than the other's time)."""
    number, at = values.get("phone_number_id"), values.get("last_inbound_ms")
    last_number, last_at = stored["phone_number_id"], stored["last_inbound_ms"]
    if number is None or at is None or last_number is None or last_at is None or number == last_number:
        return {}
    if at >= last_at:
        return {"other_number_id": last_number, "other_inbound_ms": last_at}
    if stored["other_inbound_ms"] is not None and stored["other_inbound_ms"] >= at:
        return {}
    return {"other_number_id": number, "other_inbound_ms": at}


def message_is_late(last_inbound_ms: int | None, message_ms: int | None) -> bool:
    """Whether a message of hers (WhatsApp's time) is older than the last one stored."""
    return message_ms is not None and (last_inbound_ms or 0) > message_ms


_EMPTY_ROW: dict[str, Any] = {column.name: None for column in contact_state.columns}


def forward(column: str, value: Any) -> Any:
    """What an UPDATE sets `column` to: a time only ever moves forward, also when another worker
    wrote a later one between our read and our write (the database compares, not our copy)."""
    if not column.endswith("_ms"):
        return value
    stored: ColumnElement[Any] = contact_state.c[column]
    return case((or_(stored.is_(None), stored < value), value), else_=stored)


class ContactStates:
    """Blocking calls on the `contact_state` table."""

    def __init__(self, db: Database) -> None:
        self.db = db
        # RETURNING says whether the row went in: an INSERT's rowcount is -1 on PostgreSQL (SQLAlchemy
        # keeps rowcount for UPDATE and DELETE only), whether it inserted or met the conflict.
        self._insert_new = (
            db.insert(contact_state)
            .on_conflict_do_nothing(index_elements=["wa_id"])
            .returning(contact_state.c.wa_id)
        )
        # Her row copied under her new number, unless that number has a row (see `move`).
        copied = [bindparam("new", type_=contact_state.c.wa_id.type), *list(contact_state.columns)[1:]]
        self._copy_to_new = (
            db.insert(contact_state)
            .from_select(
                [column.name for column in contact_state.columns],
                select(*copied).where(contact_state.c.wa_id == bindparam("old")),
            )
            .on_conflict_do_nothing(index_elements=["wa_id"])
            .returning(contact_state.c.wa_id)
        )

    def get(self, wa_id: str) -> ContactRow | None:
        with self.db.engine.connect() as conn:
            return self.get_in(conn, wa_id)

    def get_in(self, conn: Connection, wa_id: str) -> ContactRow | None:
        row = self.row_in(conn, wa_id)
        return None if row is None else contact_row(row)

    def row_in(self, conn: Connection, wa_id: str) -> Row[Any] | None:
        """The stored row as it is (times in ms), for `touch_row_in`."""
        return conn.execute(_BY_WA_ID, {"wa_id": wa_id}).first()

    def touch(self, wa_id: str, **values: Any) -> None:
        """Upsert a contact's rule inputs; time columns only move forward."""
        with self.db.engine.begin() as conn:
            self.touch_in(conn, wa_id, **values)

    def touch_in(self, conn: Connection, wa_id: str, **values: Any) -> None:
        self.touch_row_in(conn, wa_id, self.row_in(conn, wa_id), values)

    def touch_row_in(
        self, conn: Connection, wa_id: str, row: Row[Any] | None, values: Mapping[str, Any]
    ) -> None:
        """touch_in with the customer's row as just read in this transaction (a webhook reads it
        for the rules anyway): one SELECT a message instead of two."""
        if row is None:
            # ON CONFLICT: a send's touch and another worker's webhook may add the same customer at
            # once; the one whose insert met the other's row updates it as a stored one.
            added = conn.execute(self._insert_new, {"wa_id": wa_id, "known": False, **values}).first()
            if added is not None:
                return
            row = conn.execute(_BY_WA_ID, {"wa_id": wa_id}).one()
        changes = _changes(row, values)
        if changes:
            forwarded = {key: forward(key, value) for key, value in changes.items()}
            conn.execute(update(contact_state).where(contact_state.c.wa_id == wa_id).values(forwarded))

    def move(self, conn: Connection, old: str, new: str) -> str | None:
        """A changed number keeps the customer's rule inputs (and known-ness) under the new number.
        Returns her profile name as her row under the new number keeps it (None: no name, or no
        row under the old number)."""
        before = self.get_in(conn, old)
        if before is None:
            return None
        # ON CONFLICT: on PostgreSQL another worker may store her new number's row (her first
        # message from it) between this read and the move; the move then merges into that row
        # as into one read here, instead of failing the webhook on the unique wa_id.
        if conn.execute(self._copy_to_new, {"old": old, "new": new}).first() is None:
            self._merge(conn, before, new)
        conn.execute(delete(contact_state).where(contact_state.c.wa_id == old))
        moved = self.get_in(conn, new)
        return None if moved is None else moved.profile_name

    def _merge(self, conn: Connection, before: ContactRow, new: str) -> None:
        """Her rule inputs under her old number (`before`) into her new number's stored row.

        Her name is the one WhatsApp sent with her newest message by its own time, whichever
        number it came from and whichever webhook arrived first: her messages from the new number
        may be stored before the notice of the change, or a late delivery of an old one after it."""
        self.touch_in(
            conn,
            new,
            last_outbound_ms=dt_to_ms(before.last_outbound_at),
            last_owner_reply_ms=dt_to_ms(before.last_owner_reply_at),
            last_away_sent_ms=dt_to_ms(before.last_away_sent_at),
            known=True if before.known else None,
        )
        # Her messages under the old number, to each business number, as if they came again: her
        # last one with the name it came with (the other number's carries none of its own).
        for number, at, name in (
            (before.other_number_id, before.other_inbound_at, None),
            (before.phone_number_id, before.last_inbound_at, before.profile_name),
        ):
            if at is not None:
                self.touch_in(
                    conn, new, phone_number_id=number, last_inbound_ms=dt_to_ms(at), profile_name=name
                )

    def lock(self, wa_id: str) -> Connection | None:
        """On PostgreSQL, hold a per-customer lock across relay workers (None on SQLite: one process)."""
        if self.db.is_sqlite:
            return None
        conn = self.db.engine.connect()
        try:
            conn.execute(text("SELECT pg_advisory_lock(hashtext(:key))"), {"key": f"contact:{wa_id}"})
            conn.commit()
        except Exception:
            conn.close()
            raise
        return conn

    def unlock(self, conn: Connection | None, wa_id: str) -> None:
        if conn is None:
            return
        try:
            conn.execute(text("SELECT pg_advisory_unlock(hashtext(:key))"), {"key": f"contact:{wa_id}"})
            conn.commit()
        finally:
            conn.close()

    def wrote_to(self, phone_number_id: str) -> bool:
        """Some customer's webhook came for this business number: it is one this relay serves
        (her last number, or the other one she wrote to before her last)."""
        c = contact_state.c
        written = or_(c.phone_number_id == phone_number_id, c.other_number_id == phone_number_id)
        with self.db.engine.connect() as conn:
            return conn.execute(select(contact_state.c.wa_id).where(written).limit(1)).first() is not None

    def mark_known(self, wa_ids: list[str]) -> int:
        with self.db.engine.begin() as conn:
            for wa_id in wa_ids:
                self.touch_in(conn, wa_id, known=True)
        return len(wa_ids)
