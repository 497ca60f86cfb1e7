"""A campaign's name as long as the field takes, on a 1366-pixel laptop screen."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from app.campaign_store import CampaignDraft, record_handed_over, save_draft, set_progress
from app.campaigns import Audience, resolve_audience
from app.models import Campaign
from tests.support.campaign_window import LAWFUL_AD, NOW, open_window, seed

LONG_NAME = ("크리스마스 케이크 예약 🎄 이번 주 신메뉴 소금빵과 크루아상 " * 4)[:100]


def test_a_report_named_as_long_as_the_field_takes_fits_a_1366_pixel_screen(qtbot: Any, ctx: Any) -> None:
    """The report's heading stood on one line: a 100-character Korean name made the window wider than
    the laptop's screen, its buttons off the right edge."""
    seed(ctx)
    with ctx.db.write() as s:
        cid = save_draft(s, CampaignDraft(name=LONG_NAME, template=LAWFUL_AD))
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING").recipients)
        uid = s.get(Campaign, cid).uid
        set_progress(s, uid, "done", {"read": 1}, None, sent_at=NOW - timedelta(hours=2))
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    window.list.selectRow(0)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.report, timeout=5000)
    assert window.report.title.text() == " ".join(LONG_NAME.split())
    assert window.minimumSizeHint().width() <= 1346, window.minimumSizeHint()
    assert window.report.minimumSizeHint().width() <= 1346 - 300
