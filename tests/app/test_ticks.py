"""Ticks only move forward; failed overrides pending and sent; a status before its message waits."""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.errors import ErrorCode
from app.models import Message, OrphanStatus
from app.ticks import apply_status, is_unknown_outcome, keep_orphan
from tests.support.factories import make_contact, make_message


def tick(db: Database, wamid: str, state: str, **extra: object) -> int | None:
    with db.write() as s:
        return apply_status(s, wamid, {"id": wamid, "status": state, **extra})


def status_of(db: Database, wamid: str) -> tuple[str, str | None]:
    with db.read() as s:
        m = s.scalars(select(Message).where(Message.wamid == wamid)).one()
        return m.status, m.error_code


def sent_message(db: Database, status: str = "sent") -> str:
    with db.write() as s:
        m = make_message(s, make_contact(s), "네 있어요", direction="out", status=status)
        return str(m.wamid)


def test_a_late_delivered_does_not_undo_read(db: Database) -> None:
    wamid = sent_message(db)
    tick(db, wamid, "read")
    tick(db, wamid, "delivered")
    assert status_of(db, wamid) == ("read", None)


def test_failed_overrides_sent_with_whatsapps_code_but_never_read(db: Database) -> None:
    wamid = sent_message(db)
    tick(db, wamid, "failed", errors=[{"code": 131026, "title": "Message undeliverable"}])
    assert status_of(db, wamid) == ("failed", "131026")
    read = sent_message(db, status="read")
    tick(db, read, "failed", errors=[{"code": 131026}])
    assert status_of(db, read) == ("read", None)


def test_a_maybe_delivered_send_becomes_sent_when_whatsapp_reports_it(db: Database) -> None:
    wamid = sent_message(db, status="failed")
    with db.write() as s:
        m = s.scalars(select(Message).where(Message.wamid == wamid)).one()
        m.error_code = ErrorCode.UNKNOWN_OUTCOME
    assert is_unknown_outcome("failed", ErrorCode.UNKNOWN_OUTCOME)
    tick(db, wamid, "delivered")
    assert status_of(db, wamid) == ("delivered", None)


def test_a_status_for_a_message_not_here_yet_is_kept_furthest_first(db: Database) -> None:
    assert tick(db, "wamid.EARLY", "delivered") is None
    with db.write() as s:
        keep_orphan(s, "wamid.EARLY", {"id": "wamid.EARLY", "status": "delivered"})
        keep_orphan(s, "wamid.EARLY", {"id": "wamid.EARLY", "status": "sent"})
        keep_orphan(s, "wamid.EARLY", {"id": "wamid.EARLY", "status": "read"})
    with db.read() as s:
        orphan = s.get(OrphanStatus, "wamid.EARLY")
        assert orphan is not None and orphan.status == "read"


def test_statuses_whose_message_never_came_are_forgotten_after_a_month_of_whatsapps_time(
    db: Database,
) -> None:
    """One kept status for every message sent from the phone or to a chat since deleted: kept for
    ever, they grew the file and every batch with new messages looked them up."""
    day = 86_400
    first = 1_760_000_000  # WhatsApp's stamps (seconds), not this computer's clock
    with db.write() as s:
        keep_orphan(s, "wamid.OLD", {"id": "wamid.OLD", "status": "delivered", "timestamp": str(first)})
        keep_orphan(
            s, "wamid.MONTH", {"id": "wamid.MONTH", "status": "read", "timestamp": str(first + 2 * day)}
        )
        # 31 days after the first: the first goes, the one 29 days old stays.
        keep_orphan(s, "wamid.NEW", {"id": "wamid.NEW", "status": "sent", "timestamp": str(first + 31 * day)})
    with db.read() as s:
        assert set(s.scalars(select(OrphanStatus.wamid))) == {"wamid.MONTH", "wamid.NEW"}


def test_a_status_without_whatsapps_stamp_forgets_nothing(db: Database) -> None:
    with db.write() as s:
        keep_orphan(s, "wamid.OLD", {"id": "wamid.OLD", "status": "delivered", "timestamp": "1000"})
        keep_orphan(s, "wamid.ODD", {"id": "wamid.ODD", "status": "sent"})
    with db.read() as s:
        assert set(s.scalars(select(OrphanStatus.wamid))) == {"wamid.OLD", "wamid.ODD"}
