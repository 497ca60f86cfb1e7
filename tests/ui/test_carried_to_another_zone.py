"""The owner flies from Seoul to Los Angeles with the app open: once the laptop's clock is on Pacific
time, the chat list and the open chat write their times on it, without a restart."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from tests.support.computer_zone import computer_zone, needs_tzset
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat

# 10 PM in Seoul and 5 AM in Los Angeles: the same day in both, so only the zone moves.
NOW = datetime(2026, 12, 5, 13, 0, tzinfo=UTC)


def plain(text: str) -> str:
    """A time as written here: Qt puts a narrow no-break space before "AM"."""
    return text.replace("\N{NARROW NO-BREAK SPACE}", " ")


@pytest.fixture
def computer_in_seoul(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """This computer's zone is Seoul's (before the window is made), back to the test run's after."""
    with computer_zone("Asia/Seoul"):
        yield monkeypatch


@needs_tzset
def test_times_move_to_the_new_zone_when_the_laptop_lands_in_los_angeles(
    computer_in_seoul: pytest.MonkeyPatch, qtbot: Any, window: Any
) -> None:
    from app import relay_clock
    from ui.formatting import clock_time

    monkeypatch = computer_in_seoul
    monkeypatch.setattr(relay_clock, "local_time", lambda: NOW.timestamp())
    asked = NOW - timedelta(minutes=30)  # 9:30 PM in Seoul, 4:30 AM in Los Angeles
    with window.ctx.db.write() as s:
        kim = make_contact(s, profile_name="김민지", last_inbound_at=asked)
        make_message(s, kim, "오늘 발송되나요?", sent_at=asked)
        kim_id = kim.id
    window.day_watch.check()  # the window's watch on the test's clock
    load_chats(window, qtbot)
    select_chat(window, qtbot, kim_id)
    row = window.chat_list.model.row_for(kim_id)
    seoul_time = clock_time(asked)
    assert plain(seoul_time) == "9:30 PM"
    assert seoul_time in window.chat_list.delegate.texts(row)
    first = window.chat.view.chat_model.index(0, 0)
    width = float(window.chat.view.viewport().width())
    assert window.chat.view.bubbles.geometry(first, width).time_text == seoul_time

    # The laptop's system moves its clock to Pacific time; the app is not told, and reads it again.
    os.environ["TZ"] = "America/Los_Angeles"  # computer_in_seoul puts the run's back
    with qtbot.waitSignal(window.day_watch.zone_changed, timeout=3000):
        window.day_watch.timer.setInterval(20)  # rather than a minute's wait

    assert "4:30 AM" in [plain(text) for text in window.chat_list.delegate.texts(row)]
    assert seoul_time not in window.chat_list.delegate.texts(row)
    geo = window.chat.view.bubbles.geometry(first, width)
    assert plain(geo.time_text) == "4:30 AM"
    assert geo.date_text == "Today"
