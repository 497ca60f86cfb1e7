"""The bot editor's "Try it as a customer" answers by the relay's clock, as the relay does: on a
laptop three hours slow the shop looked open in the rehearsal while the relay sent the away message."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import formatdate
from typing import Any

import pytest

from app import relay_clock
from app.rules import CustomerMessage
from app.wire import Automations, AwayRule, BusinessHours, DayHours, GreetingRule, TimeRange
from ui.bot_simulator import Simulator

AWAY = "We're closed now: we answer from 9 tomorrow."


@pytest.fixture
def relay_three_hours_ahead() -> Iterator[datetime]:
    laptop_now = datetime.now(UTC)
    relay_clock.observe(formatdate((laptop_now + timedelta(hours=3)).timestamp(), usegmt=True))
    yield laptop_now  # tests/conftest.py's `_own_clock` forgets it afterwards


def _open_for_the_laptops_hour(laptop_now: datetime) -> BusinessHours:
    """Every day 12:00–13:00 in a zone where the laptop's now is 12:something: by the relay's clock,
    three hours on, the shop is closed."""
    hours_ahead = 12 - laptop_now.hour  # UTC+hours_ahead puts the laptop's now at noon
    name = "Etc/GMT" + (f"{-hours_ahead:+d}" if hours_ahead else "+0")  # Etc's signs are reversed
    day = DayHours(mode="open", ranges=[TimeRange(start="12:00", end="13:00")])
    return BusinessHours(timezone=name, week=[day.model_copy(deep=True) for _ in range(7)])


def test_the_rehearsal_sends_the_away_message_the_relay_would(
    qapp: Any, relay_three_hours_ahead: datetime
) -> None:
    doc = Automations(
        greeting=GreetingRule(enabled=False),
        away=AwayRule(enabled=True, text=AWAY, schedule="outside_hours"),
        business_hours=_open_for_the_laptops_hour(relay_three_hours_ahead),
    )
    simulator = Simulator()
    try:
        simulator.set_document(doc)
        simulator.customer_says(
            CustomerMessage(text="Is the linen shirt in stock?"), "Is the linen shirt in stock?"
        )
        said = [text for _who, text in simulator.transcript.rows]
        assert said[0] == "Is the linen shirt in stock?"
        assert AWAY in said[1:], said
    finally:
        simulator.deleteLater()
