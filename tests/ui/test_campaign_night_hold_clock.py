"""The night-time hold's end in the campaign's schedule and report, read on the owner's own clock
("오전 8:00" for a Korean owner, "8:00 AM" for an American one) and taken from the law's hours in
app/wire.py: the schedule box, the list and the report once wrote "8" and "21" themselves."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import UTC, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app import wire
from app.campaign_store import CampaignReport, RecipientRow
from app.wire import CampaignReason, CampaignState, RecipientState
from ui.campaign_models import WHY_COLUMN, held_text, relay_reason
from ui.campaign_report_view import CampaignReportView
from ui.campaign_schedule import ScheduleBox
from ui.formatting import plain_text, wall_clock

SEOUL = ZoneInfo("Asia/Seoul")
LONDON = ZoneInfo("Europe/London")


def _plain(text: str) -> str:
    """As a reader sees it: Qt's narrow and plain no-break spaces read as spaces."""
    return plain_text(text).replace("\u202f", " ").replace("\xa0", " ")


def night_texts(qtbot: Any, ctx: Any, shop_zone: ZoneInfo = LONDON) -> list[str]:
    """Every campaign text that names the hold's end: the schedule box's note, the campaign list's
    line, a held customer's line without and with its time, and the report's count of held ones."""
    schedule = ScheduleBox()
    qtbot.addWidget(schedule)
    report = CampaignReportView(ctx)
    qtbot.addWidget(report)
    # The shop's clock (by default London's, where the customer's morning reads another hour).
    report.model.zone = shop_zone
    night = datetime(2026, 12, 4, 2, 49, tzinfo=SEOUL)
    held_until = datetime.combine(night.date(), time(wire.NIGHT_HOLD_END_HOUR), SEOUL)
    held = RecipientRow(
        1, "김민지", "821012345678", RecipientState.HELD, None, None, False, False, held_until=held_until
    )
    report.show_report(
        CampaignReport(
            "겨울 세일",
            CampaignState.RUNNING,
            [held],
            template_name="winter_sale",
            sent_at=night.astimezone(UTC),
            relay_counts={RecipientState.HELD: 1},
            relay_details=True,
            reason=CampaignReason.NIGHT_HOLD,
        )
    )
    return [
        schedule.night_note.text(),
        relay_reason(CampaignReason.NIGHT_HOLD),
        held_text(None, SEOUL),
        str(report.model.index(0, WHY_COLUMN).data()),
        report.failures.text(),
    ]


@pytest.fixture
def night_ending_at_7(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The law's night ending at 07:00 instead: app/wire.py's constant, as each module bound it."""
    bound = [
        module
        for name, module in list(sys.modules.items())
        if name.split(".")[0] in ("app", "ui") and vars(module).get("NIGHT_HOLD_END_HOUR") is not None
    ]
    assert wire in bound
    for module in bound:
        monkeypatch.setattr(module, "NIGHT_HOLD_END_HOUR", 7)
    yield


@pytest.mark.usefixtures("korean", "korean_locale")
def test_a_korean_owner_reads_the_holds_end_on_her_own_clock(qtbot: Any, ctx: Any) -> None:
    texts = [_plain(text) for text in night_texts(qtbot, ctx)]
    assert all("오전 8:00" in text for text in texts), texts
    assert "오후 9:00" in texts[0]  # when the night starts
    # The held customer's line: on the shop's London clock, and on hers.
    assert "오후 11:00" in texts[3]
    assert not any("08:00" in text or "AM" in text for text in texts), texts


@pytest.mark.usefixtures("english", "english_locale")
def test_an_american_owner_reads_the_holds_end_on_the_12_hour_clock(qtbot: Any, ctx: Any) -> None:
    texts = [_plain(text) for text in night_texts(qtbot, ctx)]
    assert all("8:00 AM" in text for text in texts), texts
    assert "9:00 PM" in texts[0]
    assert "11:00 PM" in texts[3]
    assert not any("08:00" in text or "21:00" in text for text in texts), texts


@pytest.mark.usefixtures("korean", "korean_locale", "night_ending_at_7")
def test_the_korean_texts_follow_the_laws_hours_in_app_wire(qtbot: Any, ctx: Any) -> None:
    assert _plain(wall_clock(wire.NIGHT_HOLD_END_HOUR, 0)) == "오전 7:00"
    texts = [_plain(text) for text in night_texts(qtbot, ctx)]
    assert all("오전 7:00" in text for text in texts), texts
    assert not any("8:00" in text for text in texts), texts


@pytest.mark.usefixtures("english", "english_locale", "night_ending_at_7")
def test_the_american_texts_follow_the_laws_hours_in_app_wire(qtbot: Any, ctx: Any) -> None:
    texts = [_plain(text) for text in night_texts(qtbot, ctx)]
    assert all("7:00 AM" in text for text in texts), texts
    assert not any("8:00" in text for text in texts), texts


def held_count_line(qtbot: Any, ctx: Any, shop_zone: ZoneInfo) -> str:
    """The report's "On the relay" line for one customer in Seoul held for the night."""
    return next(
        _plain(line)
        for line in night_texts(qtbot, ctx, shop_zone)[-1].splitlines()
        if "8:00" in line or "8시" in line
    )


@pytest.mark.usefixtures("korean", "korean_locale")
def test_the_reports_held_count_says_whose_morning_in_korean(qtbot: Any, ctx: Any) -> None:
    """On a London shop's clock the customer's 오전 8:00 is 오후 11:00: the count says both, as the
    customer's own line does ("릴레이 현황: 오전 8:00까지 보류 1명" read as the shop's morning)."""
    line = held_count_line(qtbot, ctx, LONDON)
    assert "오후 11:00" in line and "고객 시간으로 오전 8:00" in line, line
    assert "(고객 시간으로 오전 8:00)" in line, line
    seoul = held_count_line(qtbot, ctx, SEOUL)  # the shop's clock reads the customer's hour
    assert "오전 8:00" in seoul and "까지 보류 1명" in seoul and "고객 시간" not in seoul, seoul


@pytest.mark.usefixtures("english", "english_locale")
def test_the_reports_held_count_says_whose_morning_in_english(qtbot: Any, ctx: Any) -> None:
    line = held_count_line(qtbot, ctx, LONDON)
    assert "1 held until" in line and "11:00 PM" in line, line
    assert "(8:00 AM the customer's time)" in line, line
    seoul = held_count_line(qtbot, ctx, SEOUL)
    assert "1 held until" in seoul and "8:00 AM" in seoul and "customer's time" not in seoul, seoul
