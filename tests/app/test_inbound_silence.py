"""A shop that hears from customers daily and then hears nothing for a week gets a hint to check its
relay; a shop that is always quiet, or whose only messages were imported, does not."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.inbound_silence import unusual_silence
from tests.support.factories import make_contact, make_message

NOW = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)


def fill(db: Any, *, days: int, last_ago: timedelta, imported: bool = False) -> None:
    """One customer message a day for `days` days, the last one `last_ago` before NOW."""
    with db.write() as s:
        customer = make_contact(s, wa_id="821012345678")
        for n in range(days):
            at = NOW - last_ago - timedelta(days=n)
            make_message(s, customer, f"주문 {n}", direction="in", sent_at=at, imported=imported)
        make_message(s, customer, "감사합니다", direction="out", sent_at=NOW - timedelta(hours=1))


def test_a_busy_shop_silent_for_a_week_is_told(db: Any) -> None:
    fill(db, days=20, last_ago=timedelta(days=8))
    with db.read() as s:
        silence = unusual_silence(s, NOW)
    assert silence is not None and silence.days == 8


def test_six_quiet_days_are_not_yet_unusual(db: Any) -> None:
    fill(db, days=20, last_ago=timedelta(days=6))
    with db.read() as s:
        assert unusual_silence(s, NOW) is None


def test_a_shop_that_is_usually_quiet_is_left_alone(db: Any) -> None:
    fill(db, days=5, last_ago=timedelta(days=10))
    with db.read() as s:
        assert unusual_silence(s, NOW) is None


def test_imported_history_does_not_count_as_traffic(db: Any) -> None:
    fill(db, days=25, last_ago=timedelta(days=30), imported=True)
    with db.read() as s:
        assert unusual_silence(s, NOW) is None
