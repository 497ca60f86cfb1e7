"""Copy as new draft: a cancelled or sent campaign is the start of the next one, without its report."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select

from app.campaign_store import CampaignDraft, record_handed_over, save_draft, set_progress
from app.campaigns import Audience, ParameterSource, ParameterSpec, resolve_audience
from app.models import Campaign, CampaignRecipient, Label
from tests.support.campaign_window import LAWFUL_AD, NOW, open_window, seed


def cancelled_sale(ctx: Any) -> tuple[int, Audience]:
    """seed()'s shop's "Winter sale" to the VIPs, scheduled for tomorrow, handed over, then cancelled."""
    with ctx.db.write() as s:
        vip = s.scalar(select(Label.id).where(Label.name == "VIP"))
        draft = CampaignDraft(
            name="Winter sale",
            template=LAWFUL_AD,
            parameters=(
                ParameterSpec(ParameterSource.NAME, "고객"),
                ParameterSpec(ParameterSource.TEXT, "SALE10"),
            ),
            audience=Audience(label_ids=(vip,)),
            scheduled_at=NOW + timedelta(days=1),
            pace=3,
        )
        cid = save_draft(s, draft)
        record_handed_over(s, cid, resolve_audience(s, draft.audience, "MARKETING").recipients)
        set_progress(s, s.get(Campaign, cid).uid, "cancelled", {"skipped": 2}, None, sent_at=NOW)
    return cid, draft.audience


def test_a_cancelled_campaign_copied_from_the_list_opens_as_a_new_draft_without_its_report(
    qtbot: Any, ctx: Any
) -> None:
    """The owner cancelled her scheduled sale and had no way to send it again but to build it anew."""
    seed(ctx)
    original, audience = cancelled_sale(ctx)
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    menu = window.list_menu(window.list_model.index(0, 0))
    [copy] = [a for a in menu.actions() if a.text() == "Copy as new draft"]
    copy.trigger()

    qtbot.waitUntil(lambda: window.list_model.rowCount() == 2, timeout=5000)
    editor = window.editor
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "Winter sale (copy)", timeout=5000)
    assert window.stack.currentWidget() is editor
    assert window.current_id not in (None, original)
    assert editor.current_template() == LAWFUL_AD
    assert editor.parameters() == (
        ParameterSpec(ParameterSource.NAME, "고객"),
        ParameterSpec(ParameterSource.TEXT, "SALE10"),
    )
    assert editor.audience() == audience
    assert editor.schedule.now.isChecked() and editor.scheduled_at() is None  # its old time is not this one's
    assert editor.schedule.pace.value() == 3
    assert not editor.is_dirty()
    with ctx.db.read() as s:
        copy_row = s.get(Campaign, window.current_id)
        assert copy_row is not None
        assert (copy_row.state, copy_row.counts, copy_row.sent_at, copy_row.scheduled_at) == (
            "draft",
            {},
            None,
            None,
        )
        assert copy_row.uid != s.get(Campaign, original).uid
        recipients = s.scalar(
            select(func.count())
            .select_from(CampaignRecipient)
            .where(CampaignRecipient.campaign_id == copy_row.id)
        )
        assert recipients == 0  # who got the original stays the original's
        assert s.get(Campaign, original).state == "cancelled"


def test_the_reports_copy_button_copies_the_campaign_it_shows(qtbot: Any, ctx: Any) -> None:
    seed(ctx)
    cancelled_sale(ctx)
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    window.list.selectRow(0)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.report, timeout=5000)
    assert window.report.copy_button.isVisible()
    window.report.copy_button.click()
    qtbot.waitUntil(lambda: window.editor.name.text() == "Winter sale (copy)", timeout=5000)
    assert [r.name for r in window.list_model.rows] == ["Winter sale (copy)", "Winter sale"]


def test_a_copy_of_a_campaign_with_a_long_name_keeps_the_copy_mark_within_the_names_limit(
    qtbot: Any, ctx: Any
) -> None:
    from app.campaign_store import NAME_MAX

    window = open_window(qtbot, ctx)
    name = window.copy_name("가" * NAME_MAX)
    assert len(name) == NAME_MAX and name.endswith("가 (copy)")
