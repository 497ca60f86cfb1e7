"""Consents on a contact: opt-in with how it was given, marketing, night-time, opt-outs from the relay."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from app.consent import (
    OptOutReason,
    apply_remote_opt_out,
    calendar_months,
    load_consent,
    set_marketing_consent,
    set_night_consent,
    set_notifications_consent,
    set_opted_out,
)
from app.db import Database, upgrade
from app.models import Contact
from tests.support.factories import make_contact

NOW = datetime(2026, 11, 29, 10, 0, tzinfo=UTC)


def test_opt_in_keeps_its_first_date_and_how_it_was_given(db: Any) -> None:
    with db.write() as s:
        cid = make_contact(s).id
        set_notifications_consent(s, cid, True, "in_store", now=NOW)
        set_notifications_consent(s, cid, True, "paper", now=NOW + timedelta(days=3))
    with db.read() as s:
        consent = load_consent(s, cid)
    assert consent is not None
    assert (consent.opted_in_at, consent.opted_in_how) == (NOW, "paper")


def test_reconfirming_marketing_renews_its_date_and_ends_an_owner_opt_out(db: Any) -> None:
    old = NOW - timedelta(days=800)
    with db.write() as s:
        cid = make_contact(s).id
        set_marketing_consent(s, cid, True, "website", now=old)
        set_opted_out(s, cid, True, now=NOW - timedelta(days=1))
    with db.read() as s:
        before = load_consent(s, cid)
    assert before is not None and before.marketing_lapsed(NOW)
    assert before.opted_out_reason == OptOutReason.OWNER
    with db.write() as s:
        set_marketing_consent(s, cid, True, "chat", now=NOW)
    with db.read() as s:
        after = load_consent(s, cid)
    assert after is not None and not after.marketing_lapsed(NOW)
    assert after.opted_out_at is None and after.marketing_how == "chat"


def test_withdrawing_marketing_consent_also_withdraws_night_time_consent(db: Any) -> None:
    with db.write() as s:
        cid = make_contact(s).id
        set_marketing_consent(s, cid, True, "chat", now=NOW)
        set_night_consent(s, cid, True, now=NOW)
        set_marketing_consent(s, cid, False)
    with db.read() as s:
        consent = load_consent(s, cid)
    assert consent is not None and consent.night_at is None and consent.marketing_at is None


def test_meta_resume_clears_only_its_own_stop_never_a_keyword_opt_out(db: Any) -> None:
    with db.write() as s:
        by_meta = make_contact(s)
        by_word = make_contact(s)
        apply_remote_opt_out(by_meta, NOW, "meta_stop")
        apply_remote_opt_out(by_word, NOW, "keyword")
        apply_remote_opt_out(by_meta, None, None)
        apply_remote_opt_out(by_word, None, None)
    with db.read() as s:
        assert s.get(Contact, by_meta.id).opted_out_at is None  # type: ignore[union-attr]
        assert s.get(Contact, by_word.id).opted_out_reason == "keyword"  # type: ignore[union-attr]


def test_a_version_six_database_migrates_its_contacts_without_consent_lost(db_path: Path) -> None:
    upgrade(db_path, "0006")
    raw = sqlite3.connect(db_path)
    raw.execute(
        "INSERT INTO contact (id, wa_id, profile_name, created_at, opted_in_at) "
        "VALUES (1, '821012345678', '민지', 0, 1764400000000)"
    )
    raw.commit()
    raw.close()
    database = Database.open(db_path)
    try:
        with database.read() as s:
            consent = load_consent(s, 1)
    finally:
        database.close()
    assert consent is not None
    assert consent.opted_in_at == datetime.fromtimestamp(1764400000, tz=UTC)
    assert consent.marketing_at is None and consent.opted_out_reason == ""


def test_a_consent_two_years_old_is_24_months_old_not_23() -> None:
    """2024-12-03 to 2026-12-03 read "23 months": 30-day months fell short over two years."""
    assert calendar_months(date(2024, 12, 3), date(2026, 12, 3)) == 24
    assert calendar_months(date(2024, 12, 3), date(2026, 12, 2)) == 23
    assert calendar_months(date(2025, 1, 31), date(2025, 2, 28)) == 1  # a short month ends on its last day
    assert calendar_months(date(2026, 12, 3), date(2026, 12, 3)) == 0


def test_a_consent_ticked_on_a_laptop_days_slow_is_dated_by_the_relays_clock(db: Any) -> None:
    """Its two years run from the day WhatsApp's clock says it was given, not from the laptop's day."""
    from email.utils import formatdate

    from app import relay_clock

    relay_now = datetime.now(UTC) + timedelta(days=10)
    relay_clock.observe(formatdate(relay_now.timestamp(), usegmt=True))
    with db.write() as s:
        cid = make_contact(s).id
        set_marketing_consent(s, cid, True, "chat")
    with db.read() as s:
        consent = load_consent(s, cid)
    assert consent is not None and consent.marketing_at is not None
    assert abs(consent.marketing_at - relay_now) < timedelta(minutes=1)
