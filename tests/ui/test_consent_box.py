"""The contact panel's consent section: ticking a consent records its date and how it was given."""

from __future__ import annotations

from typing import Any

import pytest

import ui.consent_box
from app.consent import load_consent
from tests.support.factories import make_contact, make_message
from tests.support.held_reads import hold_first_read
from tests.support.window_waits import load_chats, select_chat, settle
from ui.ops import pending_ops


def test_marketing_consent_ticked_in_the_panel_is_saved_with_how_and_shown_with_its_date(
    window: Any, qtbot: Any
) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Minji")
        make_message(s, c, "안녕하세요")
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    settle(qtbot)  # the panel reads the contact off the GUI thread
    box = window.contact_panel.consent
    assert not box.marketing.isChecked() and not box.night.isEnabled()
    box.marketing_how.setCurrentIndex(box.marketing_how.findData("in_store"))
    box.marketing.click()
    qtbot.waitUntil(lambda: box.marketing_date.text().startswith("Since"), timeout=5000)
    assert "in person" in box.marketing_date.text()
    assert box.night.isEnabled()
    with window.ctx.db.read() as s:
        consent = load_consent(s, cid)
    assert consent is not None and consent.marketing_how == "in_store"


def test_recording_an_opt_out_shows_when_and_why(window: Any, qtbot: Any) -> None:
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Jihoon")
        make_message(s, c, "hello")
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    settle(qtbot)  # the panel reads the contact off the GUI thread
    box = window.contact_panel.consent
    assert not box.opted_out.isVisibleTo(box)
    box.opt_out_button.click()
    qtbot.waitUntil(lambda: box.opted_out.isVisibleTo(box), timeout=5000)
    assert "recorded by you" in box.opted_out.text()
    assert box.opt_out_button.text() == "Clear opt-o&ut"


def test_a_consent_ended_by_an_opt_out_is_not_shown_as_given(window: Any, qtbot: Any) -> None:
    """Agreed to marketing, then wrote the opt-out word: campaigns skip the customer, and the panel
    says so rather than a tick beside "opted out"; agreeing again (a new tick) ends the opt-out."""
    from datetime import UTC, datetime, timedelta

    from app.consent import set_marketing_consent, set_opted_out
    from app.wire import OptOutReason

    now = datetime.now(UTC)
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="도윤")
        make_message(s, c, "수신거부")
        set_marketing_consent(s, c.id, True, "chat", now=now - timedelta(days=14))
        set_opted_out(s, c.id, True, OptOutReason.KEYWORD, now=now - timedelta(days=1))
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    settle(qtbot)
    box = window.contact_panel.consent
    qtbot.waitUntil(lambda: box.opted_out.isVisibleTo(box), timeout=5000)
    assert not box.marketing.isChecked()
    assert "ended by the opt-out" in box.marketing_date.text()
    assert not box.night.isEnabled()

    box.marketing.click()  # the customer agreed again, in the chat
    qtbot.waitUntil(lambda: not box.opted_out.isVisibleTo(box), timeout=5000)
    assert box.marketing.isChecked() and box.marketing_date.text().startswith("Since")


def test_an_old_consent_says_its_true_age_in_months(window: Any, qtbot: Any) -> None:
    """A consent given two years ago to the day said "older than 23 months"; it is 24 months old."""
    from datetime import UTC, datetime

    from app.consent import set_marketing_consent

    now = datetime.now(UTC).astimezone()
    # The same day two years ago (the 28th at the latest: still 24 months), on this computer's clock.
    given = now.replace(year=now.year - 2, day=min(now.day, 28), hour=12, minute=0)
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="최유진")
        make_message(s, c, "안녕하세요")
        set_marketing_consent(s, c.id, True, "website", now=given.astimezone(UTC))
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    settle(qtbot)
    box = window.contact_panel.consent
    qtbot.waitUntil(lambda: "ask again" in box.marketing_date.text(), timeout=5000)
    assert "Agreed 24 months ago: ask again before marketing." in box.marketing_date.text()


def test_a_british_shop_is_not_told_to_ask_again_for_a_two_year_old_consent(window: Any, qtbot: Any) -> None:
    """Korea's two-year re-consent is no British shop's rule: its panel shows the date alone."""
    from datetime import UTC, datetime

    from app.consent import set_marketing_consent

    window.ctx.shop_region = "GB"
    now = datetime.now(UTC).astimezone()
    given = now.replace(year=now.year - 2, day=min(now.day, 28), hour=12, minute=0)
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Olivia Brown", wa_id="447911123456")
        make_message(s, c, "Hello")
        set_marketing_consent(s, c.id, True, "website", now=given.astimezone(UTC))
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    settle(qtbot)
    box = window.contact_panel.consent
    qtbot.waitUntil(lambda: str(given.year) in box.marketing_date.text(), timeout=5000)
    assert "ask again" not in box.marketing_date.text()


def test_ticking_ad_consent_alone_says_beside_it_that_an_ad_needs_notifications_too(
    window: Any, qtbot: Any
) -> None:
    """The tester ticked only "agreed to marketing messages" (in person) and her campaign still left
    the customer out: the panel now says an ad needs the other box too, and records nothing she did
    not tick."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김하늘")
        make_message(s, c, "안녕하세요")
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    settle(qtbot)
    box = window.contact_panel.consent
    assert not box.ads_need_notifications.isVisibleTo(box)
    box.marketing_how.setCurrentIndex(box.marketing_how.findData("in_store"))
    box.marketing.click()
    qtbot.waitUntil(lambda: box.marketing_date.text().startswith("Since"), timeout=5000)
    assert box.ads_need_notifications.isVisibleTo(box)
    assert "“Agreed to receive notifications”" in box.ads_need_notifications.text()
    with window.ctx.db.read() as s:
        consent = load_consent(s, cid)
    assert consent is not None and consent.marketing_at is not None
    assert consent.opted_in_at is None  # only what the owner ticked is on record

    box.notifications.click()
    qtbot.waitUntil(lambda: box.notifications_date.text().startswith("Since"), timeout=5000)
    assert not box.ads_need_notifications.isVisibleTo(box)


def test_an_american_customer_has_no_night_time_box_but_a_korean_one_does(window: Any, qtbot: Any) -> None:
    """Korea's night-time rule for ads (21:00–08:00) showed "Also at night" for an Ohio shop's
    customers in Ohio, where it does nothing."""
    window.ctx.shop_region = "US"
    with window.ctx.db.write() as s:
        amy = make_contact(s, profile_name="Amy Clarke", wa_id="16145550123")
        make_message(s, amy, "Do you ship to Columbus?")
        minji = make_contact(s, profile_name="김민지", wa_id="821055501234")
        make_message(s, minji, "배송 되나요?")
        ids = amy.id, minji.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    window.toggle_contact_panel()
    settle(qtbot)
    box = window.contact_panel.consent
    qtbot.waitUntil(lambda: box.contact_id == ids[0], timeout=5000)
    assert not box.night.isVisibleTo(box)
    select_chat(window, qtbot, ids[1])
    qtbot.waitUntil(lambda: box.contact_id == ids[1], timeout=5000)
    assert box.night.isVisibleTo(box)


def test_on_a_laptop_ten_days_slow_a_lapsed_consent_still_says_ask_again(window: Any, qtbot: Any) -> None:
    """23 thirty-day months and 5 days old by WhatsApp's (the relay's) clock: lapsed, whatever the laptop's says."""
    from datetime import UTC, datetime, timedelta
    from email.utils import formatdate

    from app import relay_clock
    from app.consent import CONSENT_MAX_AGE, set_marketing_consent

    relay_now = datetime.now(UTC) + timedelta(days=10)
    relay_clock.observe(formatdate(relay_now.timestamp(), usegmt=True))
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="최유진")
        make_message(s, c, "안녕하세요")
        set_marketing_consent(s, c.id, True, "website", now=relay_now - CONSENT_MAX_AGE - timedelta(days=5))
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    settle(qtbot)
    box = window.contact_panel.consent
    qtbot.waitUntil(lambda: box.marketing_date.text().startswith("Since"), timeout=5000)
    assert "Agreed 22 months ago: ask again before marketing." in box.marketing_date.text()


def test_a_look_read_before_the_second_tick_does_not_untick_it(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """She ticked notifications, then marketing, quickly: the box's look at the consents after the
    first tick, read before the second was stored, answered last (the pool busy) and unticked
    marketing on screen, though it was stored."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="서연")
        make_message(s, c, "다음 세일 때 알려 주세요")
        cid = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    settle(qtbot)
    box = window.contact_panel.consent
    held = hold_first_read(monkeypatch, ui.consent_box, "read_consent")
    try:
        box.notifications.click()
        qtbot.waitUntil(held.read.is_set, timeout=5000)  # read with notifications alone
        box.marketing.click()
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
        assert box.notifications.isChecked() and box.marketing.isChecked()
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)

    with window.ctx.db.read() as s:
        consent = load_consent(s, cid)
    assert consent is not None and consent.marketing_at is not None and consent.opted_in_at is not None
    assert box.notifications.isChecked() and box.marketing.isChecked()
    assert box.marketing_date.text().startswith("Since")
