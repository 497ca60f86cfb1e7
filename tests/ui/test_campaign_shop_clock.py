"""A Korean shop that never set its business hours (they keep the wire's "UTC") schedules campaigns on
Seoul's clock, as its hours editor offers it: on a laptop on UTC the schedule box said "UTC" beside
the time, a campaign set for 10:00 PM went at 7:00 AM in Seoul, and the list read "(UTC)"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime

from app.automations_store import load_state
from app.campaign_store import CampaignDraft, record_handed_over, save_draft, set_progress
from app.campaigns import Audience, resolve_audience
from app.models import Campaign
from tests.support.campaign_window import LAWFUL_AD, NOW, open_window, seed
from tests.support.computer_zone import computer_zone, needs_tzset
from ui.time_zones import zone_name

SEOUL = ZoneInfo("Asia/Seoul")


@needs_tzset
def test_a_korean_shop_without_hours_schedules_on_seouls_clock_not_utc(qtbot: Any, ctx: Any) -> None:
    seed(ctx)
    with ctx.db.read() as s:
        assert load_state(s).doc.business_hours.timezone == "UTC"  # never set
    tomorrow = (NOW + timedelta(days=1)).astimezone(SEOUL).date()
    at_ten = datetime(tomorrow.year, tomorrow.month, tomorrow.day, 22, 0, tzinfo=SEOUL)
    with ctx.db.write() as s:
        cid = save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD, scheduled_at=at_ten))
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING").recipients)
        set_progress(s, s.get(Campaign, cid).uid, "scheduled", {"queued": 2}, None, sent_at=NOW)
    with computer_zone("UTC"):
        window = open_window(qtbot, ctx)
        schedule = window.editor.schedule
        assert schedule.zone.text() == zone_name("Asia/Seoul") != "UTC"
        schedule.at.setChecked(True)
        schedule.when.setDateTime(QDateTime.fromString(f"{tomorrow.isoformat()} 22:00", "yyyy-MM-dd HH:mm"))
        assert window.editor.scheduled_at() == at_ten.astimezone(UTC)  # 13:00 UTC, not 22:00
        # The list says the campaign's time on the shop's clock, named: 10:00 PM tomorrow (Korean Time).
        qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
        details = window.list_model.details(0)
        assert "(UTC)" not in details and zone_name("Asia/Seoul") in details, details
        assert "10:00" in details and "tomorrow" in details, details
