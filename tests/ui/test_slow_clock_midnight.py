"""A laptop whose clock is 7 minutes slow, just after midnight: a message WhatsApp stamped 12:03 AM is
today's, at its time, not a day ahead of the laptop's "today" and named as a weekday."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from email.utils import formatdate
from typing import Any

import pytest

from app import relay_clock

SLOW = 7 * 60  # seconds this laptop's clock is behind the relay's (and WhatsApp's)


@pytest.fixture
def clock_forgotten() -> Iterator[None]:
    relay_clock.forget()
    yield
    relay_clock.forget()


def just_after_midnight() -> datetime:
    """12:04 AM tonight on this computer's clock face, as WhatsApp's clock reads it."""
    return datetime.now().astimezone().replace(hour=0, minute=4, second=0, microsecond=0) + timedelta(days=1)


def test_a_message_stamped_after_midnight_is_today_on_a_slow_laptop_once_the_relay_answered(
    clock_forgotten: None, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    from ui.day_watch import local_today
    from ui.formatting import clock_time, day_label, list_time, local

    true_now = just_after_midnight()
    laptop = true_now.timestamp() - SLOW  # 11:57 PM yesterday on the laptop
    monkeypatch.setattr(relay_clock, "local_time", lambda: laptop)
    relay_clock.observe(formatdate(true_now.timestamp(), usegmt=True), received_at=laptop)
    asked = true_now - timedelta(minutes=1)  # 12:03 AM, WhatsApp's stamp

    assert list_time(asked) == clock_time(asked)
    assert day_label(local(asked).date()) == "Today"
    assert local_today() == true_now.date()


def test_a_message_ahead_of_a_slow_clock_the_relay_has_not_set_right_is_dated_not_a_weekday(
    clock_forgotten: None, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    """Before the relay answered (offline at start-up), the laptop's "today" is still yesterday: the
    message's day is written as a date, not as the weekday of a week just past."""
    from PySide6.QtCore import QLocale

    from ui.formatting import list_time

    true_now = just_after_midnight()
    monkeypatch.setattr(relay_clock, "local_time", lambda: true_now.timestamp() - SLOW)
    asked = true_now - timedelta(minutes=1)

    weekday = QLocale().dayName(asked.isoweekday(), QLocale.FormatType.LongFormat)
    assert list_time(asked) != weekday
    assert str(asked.day) in list_time(asked)
