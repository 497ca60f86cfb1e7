"""The main window says when the away message answers customers, and "always" goes back in one click."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from app.automations_store import AutomationsStore, demo_automations
from app.wire import DayHours, TimeRange
from tests.support.held_reads import hold_first_read

# Sunday 2026-11-29 14:00 in Seoul: the demo shop is closed. Monday 11:00: open.
SUNDAY_AFTERNOON = datetime(2026, 11, 29, 5, 0, tzinfo=UTC)
MONDAY_MORNING = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)


@pytest.fixture
def shop(ctx: Any) -> Any:
    AutomationsStore(ctx.db).apply_remote(demo_automations("ko").model_copy(update={"revision": 1}))
    return ctx


def save_always(qtbot: Any, ctx: Any) -> None:
    """The owner opens the away editor, picks "Always" and saves, as at closing time."""
    from ui.away_editor import SCHEDULES, AwayEditor

    editor = AwayEditor(ctx)
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    editor.schedule.button(SCHEDULES.index("always")).setChecked(True)
    editor.save()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)


def test_an_away_message_sent_always_is_shown_in_the_window_and_put_back_on_its_hours(
    qtbot: Any, shop: Any, window: Any
) -> None:
    notice = window.away_notice
    notice.clock = lambda: MONDAY_MORNING  # open: the scheduled away message is not sent now
    notice.show_now()
    assert notice.isHidden()

    save_always(qtbot, shop)
    qtbot.waitUntil(notice.back.isVisible, timeout=5000)
    assert "every customer who writes gets it" in notice.text.text()
    assert notice.back.isVisible() and notice.back.text() == "Only outside business hours"

    notice.back.click()
    qtbot.waitUntil(lambda: AutomationsStore(shop.db).state().doc.away.schedule == "outside_hours")
    away = AutomationsStore(shop.db).state().doc.away
    assert away.enabled and away.text  # still on, with its text: only its hours came back
    qtbot.waitUntil(notice.isHidden, timeout=5000)


def test_alt_shift_u_puts_always_back_on_its_hours(qtbot: Any, shop: Any, window: Any) -> None:
    """Its words' U is Record opt-out's in the contact panel beside it: Alt+U only moved the
    keyboard between the two. The way back has a key of its own, said in its tooltip."""
    from PySide6.QtCore import Qt

    notice = window.away_notice
    notice.clock = lambda: MONDAY_MORNING
    save_always(qtbot, shop)
    qtbot.waitUntil(notice.back.isVisible, timeout=5000)
    assert notice.back.toolTip().endswith("(Alt+Shift+U)")
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: AutomationsStore(shop.db).state().doc.away.schedule == "outside_hours")
    qtbot.waitUntil(notice.isHidden, timeout=5000)


def test_always_goes_back_to_the_weekly_away_hours_it_replaced(qtbot: Any, shop: Any, window: Any) -> None:
    store = AutomationsStore(shop.db)
    doc = store.state().doc
    custom = [DayHours(mode="open", ranges=[TimeRange(start="20:00", end="24:00")]) for _ in range(7)]
    store.save(
        doc.model_copy(update={"away": doc.away.model_copy(update={"schedule": "custom", "custom": custom})})
    )
    notice = window.away_notice
    notice.clock = lambda: MONDAY_MORNING  # outside those hours: nothing to say until "always"
    save_always(qtbot, shop)
    qtbot.waitUntil(notice.back.isVisible, timeout=5000)
    assert notice.back.text() == "Back to your away hours"
    notice.back.click()
    qtbot.waitUntil(lambda: store.state().doc.away.schedule == "custom")
    assert store.state().doc.away.custom == custom


def test_in_the_away_hours_the_window_says_so_quietly(qtbot: Any, shop: Any, window: Any) -> None:
    notice = window.away_notice
    notice.clock = lambda: SUNDAY_AFTERNOON
    notice.refresh()
    # Until when, on the shop's clock: Monday 10:00 in Seoul, tomorrow from Sunday afternoon. The
    # window's own first look (on the real clock) may have shown the notice already: wait for
    # Sunday's words, not for the notice to show.
    expected = "Away hours until 10:00 AM tomorrow"
    qtbot.waitUntil(
        lambda: notice.isVisible() and notice.text.text().replace("\u202f", " ").startswith(expected),
        timeout=5000,
    )
    said = notice.text.text().replace("\u202f", " ")
    assert said.endswith(": customers who write get your away message.")
    assert notice.back.isHidden()  # nothing to undo: it is the schedule the owner chose
    notice.clock = lambda: MONDAY_MORNING  # the shop opens: the minute's check hides it
    notice.recheck.timeout.emit()
    assert notice.isHidden()


def test_in_korean_the_away_hours_say_until_when(
    qtbot: Any, shop: Any, window: Any, korean: Any, korean_locale: Any
) -> None:
    """ "지금은 자리 비움 시간이에요" left the owner to work out whether that was until lunch ended or
    until Monday. Its hour reads as the chat list's do ("오후 12:16"): "내일 10:00" beside them was
    another clock to read."""
    from app.rules import zone
    from ui.formatting import other_zone_name

    notice = window.away_notice
    seoul = zone("Asia/Seoul")
    suffix = f" ({name})" if (name := other_zone_name(seoul, MONDAY_MORNING)) else ""
    notice.clock = lambda: SUNDAY_AFTERNOON
    notice.refresh()
    # The window's own first look (on the real clock) may answer after this one is asked: wait for
    # Sunday's words, not for the notice to show.
    expected = f"내일 오전 10:00{suffix}까지 자리 비움 시간이에요."
    qtbot.waitUntil(lambda: notice.isVisible() and notice.text.text().startswith(expected), timeout=5000)
    notice.clock = lambda: datetime(2026, 11, 30, 4, 30, tzinfo=UTC)  # Monday 13:30: the lunch hour
    notice.show_now()
    assert notice.text.text().startswith(f"오후 2:00{suffix}까지 자리 비움 시간이에요.")


def test_away_hours_that_end_at_midnight_say_until_midnight(
    qtbot: Any, shop: Any, window: Any, korean: Any, korean_locale: Any
) -> None:
    """A shop opening at midnight on Monday: "내일 오전 12:00까지" on Sunday read as Monday noon."""
    store = AutomationsStore(shop.db)
    doc = store.state().doc
    week = list(doc.business_hours.week)
    week[0] = DayHours(mode="open", ranges=[TimeRange(start="00:00", end="13:00")])
    hours = doc.business_hours.model_copy(update={"week": week})
    store.apply_remote(doc.model_copy(update={"business_hours": hours, "revision": 2}))
    notice = window.away_notice
    notice.clock = lambda: SUNDAY_AFTERNOON
    notice.refresh()
    qtbot.waitUntil(lambda: notice.isVisible() and notice.text.text().startswith("자정"), timeout=5000)
    assert "오전 12:00" not in notice.text.text()


def test_on_a_laptop_seven_minutes_slow_the_strip_goes_when_the_shop_opens_by_whatsapps_clock(
    qtbot: Any, shop: Any, window: Any
) -> None:
    """The shop opened 4 minutes ago by WhatsApp's (and the relay's) clock, 3 minutes from now by the
    laptop's: customers no longer get the away message, and the strip no longer says they do."""
    from datetime import timedelta
    from email.utils import formatdate

    from app import relay_clock

    laptop_now = datetime.now(UTC)
    opens = (laptop_now + timedelta(minutes=3)).replace(second=0, microsecond=0)
    closes = opens + timedelta(hours=6)
    day = DayHours(mode="open", ranges=[TimeRange(start=f"{opens:%H:%M}", end=f"{closes:%H:%M}")])
    store = AutomationsStore(shop.db)
    doc = store.state().doc
    hours = doc.business_hours.model_copy(update={"timezone": "UTC", "week": [day] * 7, "closed_days": []})
    away = doc.away.model_copy(update={"enabled": True, "schedule": "outside_hours"})
    store.apply_remote(doc.model_copy(update={"business_hours": hours, "away": away, "revision": 2}))
    relay_clock.observe(formatdate((laptop_now + timedelta(minutes=7)).timestamp(), usegmt=True))
    window.away_notice.refresh()
    notice = window.away_notice
    qtbot.waitUntil(
        lambda: notice.doc is not None and notice.doc.business_hours.timezone == "UTC", timeout=5000
    )
    notice.show_now()
    assert notice.isHidden()


def test_a_look_read_before_i_am_back_does_not_bring_the_notice_back(
    qtbot: Any, shop: Any, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The relay took the "always" (a settings change) just as she clicked to put the away message
    back on its hours: the notice's look at the rules, read before her click was stored, answered
    after it (the pool busy) and said again that every customer who writes gets the away message."""

    import ui.away_notice
    from app.changes import Changes
    from ui.ops import pending_ops

    notice = window.away_notice
    notice.clock = lambda: MONDAY_MORNING  # open: only "always" sends the away message now
    save_always(qtbot, shop)
    qtbot.waitUntil(notice.back.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    held = hold_first_read(monkeypatch, ui.away_notice, "away_rule_and_way_back")
    try:
        shop.publish(Changes(automations=True))  # the relay took it
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        notice.back.click()
        qtbot.waitUntil(notice.isHidden, timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert AutomationsStore(shop.db).state().doc.away.schedule == "outside_hours"
    assert notice.isHidden()
