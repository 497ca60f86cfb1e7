"""A campaign report's recipient the night-time hold keeps (Korean marketing waits until 08:00 where the
customer is) reads one story in both columns: held for the night, when it goes on the shop's clock and
the customer's; and once sent, when it went, after the hold. It used to say "Held until 8:00 AM"
beside "Night-time rule: sent at 11/30/2026 11:00 PM"."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from app.campaign_recipients import merged_row
from app.campaign_store import RecipientRow
from app.wire import CampaignRecipientStatus, RecipientState
from ui.campaign_models import ReportModel, state_text

SEOUL = ZoneInfo("Asia/Seoul")
LONDON = ZoneInfo("Europe/London")
# 08:00 in Seoul on 1 December 2026: 11:00 PM the evening before in London.
MORNING_IN_SEOUL = datetime(2026, 12, 1, 8, 0, tzinfo=SEOUL)
HELD = RecipientRow(1, "Minji Kim", "821012345678", RecipientState.HELD, None, None, False, False)


def _columns(row: RecipientRow, zone: ZoneInfo) -> tuple[str, str]:
    """The report's Ticks and Why columns for `row`, the shop on `zone`'s clock (spaces made plain)."""
    model = ReportModel("KR")
    model.zone = zone
    model.set_rows([row])
    ticks, why = model.index(0, 2).data(), model.index(0, 5).data()
    return ticks.replace("\u202f", " "), why.replace("\u202f", " ")


def test_a_held_customer_abroad_of_the_shop_reads_held_for_the_night_with_both_clocks(
    qapp: Any, english_locale: None
) -> None:
    ticks, why = _columns(dataclasses.replace(HELD, held_until=MORNING_IN_SEOUL), LONDON)
    assert ticks == "Held for the night"
    assert why.startswith("Held for the night: goes at ")
    assert "11:00 PM" in why and "(8:00 AM the customer's time)" in why
    assert "sent" not in why.lower()  # not sent yet: nothing says it was


def test_a_held_customer_on_the_shops_clock_reads_one_hour(qapp: Any, english_locale: None) -> None:
    ticks, why = _columns(dataclasses.replace(HELD, held_until=MORNING_IN_SEOUL), SEOUL)
    assert ticks == "Held for the night"
    assert "8:00 AM" in why and "customer's time" not in why and "11:00 PM" not in why


def test_without_the_relays_hour_the_hold_says_the_customers_8_am(qapp: Any, english_locale: None) -> None:
    assert _columns(HELD, LONDON)[1] == "Held for the night: goes at 8:00 AM the customer's time"


def test_once_sent_the_report_says_when_it_went_after_the_hold(qapp: Any, english_locale: None) -> None:
    went = MORNING_IN_SEOUL.replace(second=4)
    sent = dataclasses.replace(HELD, state=RecipientState.SENT, sent_at=went, held_until=MORNING_IN_SEOUL)
    ticks, why = _columns(sent, SEOUL)
    assert ticks == "✓ Sent"
    assert why.startswith("Sent at ") and why.endswith(", after the night-time hold")
    assert "8:00 AM" in why and "Held" not in why


def test_the_relays_sent_after_the_hold_reaches_the_report() -> None:
    """The chats know it was sent; the relay also that it waited for the morning."""
    went = MORNING_IN_SEOUL.astimezone(UTC)
    chats = dataclasses.replace(HELD, state=RecipientState.DELIVERED, sent_at=went)
    relay = CampaignRecipientStatus(
        wa_id=HELD.wa_id, state="delivered", sent_at=went, held_until=MORNING_IN_SEOUL.astimezone(UTC)
    )
    merged = merged_row(chats, relay)
    assert merged.state == RecipientState.DELIVERED and merged.held_until == MORNING_IN_SEOUL
    plain = CampaignRecipientStatus(wa_id=HELD.wa_id, state="delivered", sent_at=went)
    assert merged_row(chats, plain).held_until is None  # sent straight away: no hold to speak of


def test_in_korean_the_hold_and_the_send_read_in_korean_on_a_korean_clock(
    qapp: Any, korean: None, korean_locale: None
) -> None:
    ticks, why = _columns(dataclasses.replace(HELD, held_until=MORNING_IN_SEOUL), LONDON)
    assert ticks == "야간이라 보류\u00a0중"  # "보류 중" kept on one line in its column
    assert (
        why.startswith("야간이라 보류 중: ")
        and "오후 11:00" in why
        and "(고객 시간으로 오전\u00a08:00)" in why
    )
    sent = dataclasses.replace(
        HELD, state=RecipientState.SENT, sent_at=MORNING_IN_SEOUL, held_until=MORNING_IN_SEOUL
    )
    ticks, why = _columns(sent, SEOUL)
    assert why.startswith("야간 보류가 끝나고 ") and "오전 8:00" in why and why.endswith("에 보냈어요")


def test_once_sent_abroad_of_the_shop_the_send_reads_on_both_clocks(qapp: Any, english_locale: None) -> None:
    """As the held line did: the shop's 11:00 PM, and the customer's 8:00 AM in brackets."""
    went = MORNING_IN_SEOUL.replace(minute=2)
    sent = dataclasses.replace(
        HELD, state=RecipientState.DELIVERED, sent_at=went, held_until=MORNING_IN_SEOUL
    )
    why = _columns(sent, LONDON)[1]
    assert why.startswith("Sent at ") and why.endswith(
        " (8:02 AM the customer's time), after the night-time hold"
    )
    assert "11:02 PM" in why


def test_the_campaigns_header_says_whose_8_am_it_waits_for(qapp: Any, english_locale: None) -> None:
    said = state_text("running", "night_hold").replace("\u202f", " ")
    assert said == "Sending (held for the night until 8:00 AM the customers' time)"


def test_in_korean_the_send_abroad_and_the_header_say_the_customers_time(
    qapp: Any, korean: None, korean_locale: None
) -> None:
    went = MORNING_IN_SEOUL.replace(minute=2)
    sent = dataclasses.replace(HELD, state=RecipientState.SENT, sent_at=went, held_until=MORNING_IN_SEOUL)
    why = _columns(sent, LONDON)[1]
    assert "오후 11:02" in why and "(고객 시간으로 오전 8:02)" in why and why.endswith("에 보냈어요")
    assert "고객 시간으로 오전\u00a08:00" in state_text("running", "night_hold")  # its time kept whole
