"""Shop ▸ Campaigns: the audience with who is left out, Korean law checks, the preview, drafts, the report."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from app.campaign_store import CampaignDraft, record_handed_over, save_draft, set_progress
from app.campaigns import Audience, resolve_audience
from app.models import Campaign, Label
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from app.wire import RecipientState, Template, TemplateParameter
from tests.support.campaign_window import BARE_AD, LAWFUL_AD, NOW, choose_template, open_window, seed
from tests.support.computer_zone import computer_zone, needs_tzset
from tests.support.factories import make_contact, make_message
from tests.support.held_reads import hold_first_read
from ui.error_sentences import failed_message_sentence
from ui.save_paths import in_documents
from ui.time_zones import zone_name


def test_the_audience_shows_who_gets_it_and_why_the_others_are_left_out(qtbot: Any, ctx: Any) -> None:
    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    choose_template(editor, "winter_sale")
    from PySide6.QtCore import Qt

    vip = editor.audience_box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0]
    vip.setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(
        lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 2, timeout=5000
    )
    assert editor.audience_box.counts.text().startswith("Will be sent to 2 · 3 excluded")
    why = {
        editor.audience_box.left_out_model.index(r, 0).data(): editor.audience_box.left_out_model.index(
            r, 2
        ).data()
        for r in range(editor.audience_box.left_out_model.rowCount())
    }
    assert why == {
        "Blocked One": "Blocked",
        "No Consent": "No consent to notifications or marketing",
        "Texan": "No marketing to US numbers (+1)",
    }


def test_in_korean_those_left_out_are_counted_as_people(qtbot: Any, ctx: Any, korean: Any) -> None:
    """ "차단됨: 1, 미국 번호(+1)는 광고 불가: 1" read as codes and values, not as customers."""
    from PySide6.QtCore import Qt

    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    choose_template(editor, "winter_sale")
    editor.audience_box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    box = editor.audience_box
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 2, timeout=5000)
    why = box.counts.text().splitlines()[1].split(", ")
    assert "차단됨 1명" in why and "미국 번호(+1)는 광고 불가 1명" in why


def test_a_korean_ad_without_the_laws_form_is_flagged_and_the_preview_fills_each_name(
    qtbot: Any, ctx: Any
) -> None:
    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    choose_template(editor, "winter_sale")
    source, _text = editor.message.param_rows[0]
    source.setCurrentIndex(source.findData("first_name"))
    editor.message.param_rows[1][1].setText("SALE10")
    qtbot.waitUntil(lambda: editor.preview_for.count() == 2, timeout=5000)
    editor.preview_for.setCurrentIndex(editor.preview_for.findText("Minji Kim"))
    assert "Minji님, 겨울 세일을 시작했어요! 쿠폰 SALE10" in editor.preview.text()
    warnings = editor.message.law.text()
    assert "(광고)" in warnings and "opt out" in warnings and "name the shop" in warnings
    # …and how to fix it: a template's words change in Meta's WhatsApp Manager, not here.
    assert "WhatsApp Manager" in warnings

    with ctx.db.write() as s:
        from app.automations_store import load_state, save_local

        doc = load_state(s).doc
        doc.profile.name = "서울 리넨"
        save_local(s, doc)
    window.editor.load(window.editor.draft())
    qtbot.waitUntil(editor.is_loaded, timeout=5000)
    choose_template(editor, "winter_sale_ok")
    qtbot.waitUntil(lambda: editor.message.law.text().startswith("✓"), timeout=5000)
    assert editor.law_problems() == []


def test_a_saved_draft_is_listed_and_opens_again(qtbot: Any, ctx: Any) -> None:
    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    editor.name.setText("Winter sale")
    choose_template(editor, "winter_sale_ok")
    editor.audience_box.wrote.setChecked(True)
    editor.save_button.click()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    row = window.list_model.rows[0]
    assert (row.name, row.state) == ("Winter sale", "draft")
    assert window.list_model.index(0, 1).data() == "Draft"


def test_a_new_campaign_starts_at_the_top_with_its_name_to_type(qtbot: Any, ctx: Any) -> None:
    """After a campaign left scrolled to its schedule, New campaign opened the form at the same place:
    the owner's click meant for the name landed in the recipients' table, and her typing went nowhere."""
    from PySide6.QtWidgets import QApplication

    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    window.resize(1000, 600)  # the form scrolls
    with qtbot.waitActive(window):
        window.activateWindow()
    bar = editor.form_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=5000)
    bar.setValue(bar.maximum())
    editor.send_button.setFocus()
    window.new_button.click()
    qtbot.waitUntil(editor.is_loaded, timeout=5000)
    assert bar.value() == 0
    assert QApplication.focusWidget() is editor.name


def test_a_draft_saved_without_a_name_says_so_and_puts_the_cursor_in_the_name(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """After "A campaign needs a name." and OK, the owner typed the name: it went to the Save button."""
    from PySide6.QtWidgets import QApplication

    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.waitUntil(editor.is_loaded, timeout=5000)
    told = dialogs.expect("warning")
    editor.save_button.setFocus()
    editor.save_button.click()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    assert told.texts == ["A campaign needs a name."]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.name, timeout=5000)


def test_the_audiences_labels_stand_apart_and_a_new_shops_six_show_whole(qtbot: Any, ctx: Any) -> None:
    """The labels' checkboxes stood edge to edge, and the list was 110 pixels whatever the font."""
    seed(ctx)  # a new shop's six labels and "VIP"
    window = open_window(qtbot, ctx)
    qtbot.waitExposed(window)
    labels = window.editor.audience_box.labels
    assert labels.count() == 7
    rects = [labels.visualItemRect(labels.item(i)) for i in range(labels.count())]
    # Side by side or a line apart, never touching: each its own click.
    assert not any(a.adjusted(-2, -2, 2, 2).intersects(b) for a, b in itertools.combinations(rects, 2))
    assert any(a.top() == b.top() for a, b in itertools.pairwise(rects))  # more than one to a line
    assert rects[5].bottom() <= labels.viewport().height()  # the sixth whole, before any scrolling


def test_a_saved_draft_opens_again_with_its_blanks_as_they_were(qtbot: Any, ctx: Any) -> None:
    """A draft saved with "SALE10" in {{2}} and the first name in {{1}} came back with both reset."""
    from ui.ops import pending_ops

    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    editor.name.setText("Winter sale")
    choose_template(editor, "winter_sale_ok")
    source = editor.message.param_rows[0][0]
    source.setCurrentIndex(source.findData("first_name"))
    editor.message.param_rows[1][1].setText("SALE10")
    saved = editor.draft()
    editor.save_button.click()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1 and pending_ops() == 0, timeout=5000)
    window.new_campaign()
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "", timeout=5000)
    window.list.selectRow(0)
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "Winter sale", timeout=5000)
    assert editor.parameters() == saved.parameters
    assert not editor.is_dirty()


def handed_over(s: Any, counts: dict[str, int]) -> tuple[str, list[Any]]:
    """seed()'s shop's "Winter sale", handed to the relay two hours ago and done with `counts`:
    its uid and the two recipients' contacts."""
    from app.models import Contact

    cid = save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD))
    members = resolve_audience(s, Audience(), "MARKETING").recipients
    record_handed_over(s, cid, members)
    uid = s.get(Campaign, cid).uid
    set_progress(s, uid, "done", counts, None, sent_at=NOW - timedelta(hours=2))
    contacts = [s.get(Contact, m.contact_id) for m in members]
    assert all(c is not None for c in contacts)
    return uid, contacts


def open_report(qtbot: Any, ctx: Any) -> Any:
    """The campaign window on the report of its one campaign."""
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    window.list.selectRow(0)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.report, timeout=5000)
    return window.report


def test_one_message_held_by_meta_is_said_as_one(qtbot: Any, ctx: Any) -> None:
    """ "Pending at Meta: 1 message held … Not failed: it goes out", not "they go out"."""
    seed(ctx)
    with ctx.db.write() as s:
        handed_over(s, {"read": 1, "pending": 1})
    report = open_report(qtbot, ctx)
    assert (
        "Pending at Meta: 1 message held while Meta checks this new template. "
        "Not failed: it goes out once Meta has feedback."
    ) in report.failures.text()


def test_a_finished_campaigns_report_counts_ticks_and_exports_csv(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: Any
) -> None:
    seed(ctx)
    with ctx.db.write() as s:
        counts = {"read": 1, "failed": 1, "skipped": 2, "pending": 3}  # Meta holds three (template pacing)
        uid, (minji, jihoon) = handed_over(s, counts)
        out = {
            "direction": "out",
            "sent_by": "campaign",
            "campaign_id": uid,
            "sent_at": NOW - timedelta(hours=2),
        }
        make_message(s, minji, "sale", status="read", **out)
        make_message(s, minji, "네 살게요!", sent_at=NOW - timedelta(hours=1))
        make_message(s, jihoon, "sale", status="failed", error_code="131049", **out)
    report = open_report(qtbot, ctx)
    assert report.numbers["read"].text() == "1"
    assert report.numbers["replied"].text() == "1"
    assert report.numbers["failed"].text() == "1"
    assert f"1 recipient(s): {failed_message_sentence('131049', None)}" in report.failures.text()
    assert "On the relay: 2 skipped" in report.failures.text()
    assert "Pending at Meta: 3 message" in report.failures.text()
    assert "Not failed" in report.failures.text()
    assert report.state.text().startswith("Finished · sent ")
    assert report.state.text().endswith("template winter_sale_ok")
    assert report.view.isColumnHidden(6)  # "Version": everyone who was sent it got the one language
    told = dialogs.expect("information")
    target = tmp_path / "report.csv"
    asked = dialogs.expect("getSaveFileName", answer=str(target))
    report.export_button.click()  # the button asks where (its click's `checked` is not a path)
    assert [shown.title for shown in asked.shown] == ["Export report"]
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Minji Kim" in data.decode("utf-8-sig")


def test_a_campaign_named_with_a_date_suggests_a_report_file_in_the_documents_folder(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """ "12/25 세일" suggested the file "25 세일: 30%?.csv" in a folder "12" that does not exist, and
    Windows refuses a ":" or "?" in a file's name."""
    from sqlalchemy import select

    seed(ctx)
    with ctx.db.write() as s:
        uid, _contacts = handed_over(s, {"read": 1})
        campaign = s.scalar(select(Campaign).where(Campaign.uid == uid))
        assert campaign is not None
        campaign.name = "12/25 세일: 30%?"
    report = open_report(qtbot, ctx)
    asked = dialogs.expect("getSaveFileName", answer=None)  # the owner looks, then cancels
    report.export_button.click()
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=5000)
    suggested = Path(asked.texts[0])
    assert suggested.name == "12-25 세일_ 30%_.csv"
    assert suggested.parent == Path(in_documents("x")).parent


def test_the_relays_counts_read_as_words_not_two_colons_in_korean(qtbot: Any, ctx: Any, korean: Any) -> None:
    """The tester read "릴레이: 대기 중: 1" and "릴레이: 건너뜀: 1"."""
    seed(ctx)
    with ctx.db.write() as s:
        handed_over(s, {"queued": 1, "skipped": 2})
    report = open_report(qtbot, ctx)
    assert "릴레이 현황: 발송 순서를 기다리는 고객 1명, 건너뜀 2명" in report.failures.text().splitlines()


def test_a_scheduled_campaigns_customers_on_the_relay_wait_for_its_time_in_plain_words(
    qtbot: Any, ctx: Any, korean: Any
) -> None:
    """ "릴레이 대기 1건" left the owner guessing what the customer waits for: it is the time set."""
    from ui.campaign_models import moment_text

    seed(ctx)
    with ctx.db.write() as s:
        later = NOW + timedelta(hours=3)
        draft = CampaignDraft(name="Winter sale", template=LAWFUL_AD, scheduled_at=later)
        cid = save_draft(s, draft)
        members = resolve_audience(s, Audience(), "MARKETING").recipients
        record_handed_over(s, cid, members)
        uid = s.get(Campaign, cid).uid
        set_progress(s, uid, "scheduled", {"queued": 2}, None, sent_at=NOW)
    report = open_report(qtbot, ctx)
    assert "릴레이 현황: 예약 시간에 보낼 고객 2명" in report.failures.text().splitlines()
    # Each customer's row says when, where "대기 중" stood alone with an empty "Why"
    sends = moment_text(later, report.model.zone)
    assert report.model.rowCount() == 2
    for row in range(2):
        assert report.model.index(row, 5).data() == f"{sends}에 보내요"


def test_a_paused_campaign_does_not_promise_to_send_at_its_time(qtbot: Any, ctx: Any, korean: Any) -> None:
    """Paused before its time, the report said "…에 보낼 예정" and "발송 순서를 기다리는 고객": it sends
    nothing until the owner resumes it."""
    from ui.campaign_models import moment_text

    seed(ctx)
    later = NOW + timedelta(hours=3)
    with ctx.db.write() as s:
        cid = save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD, scheduled_at=later))
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING").recipients)
        set_progress(s, s.get(Campaign, cid).uid, "paused", {"queued": 2}, "owner", sent_at=NOW)
    report = open_report(qtbot, ctx)
    at = moment_text(later, report.model.zone)
    assert report.state.text().startswith("일시\u00a0중지됨")
    assert f"{at}에 보내도록 예약됨" in report.state.text() and "보낼 예정" not in report.state.text()
    assert "릴레이 현황: 다시 시작하면 보낼 고객 2명" in report.failures.text().splitlines()
    assert [report.model.index(row, 5).data() for row in range(2)] == ["캠페인을 다시 시작하면 보내요"] * 2


def test_left_open_past_the_shops_midnight_the_report_says_today_for_what_was_tomorrow(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    """ "sends 10:00 AM tomorrow", read the next morning with the window left open, was a day off."""
    from zoneinfo import ZoneInfo

    from app import relay_clock

    seoul = ZoneInfo("Asia/Seoul")
    evening = datetime.now(seoul).replace(hour=21, minute=0, second=0, microsecond=0)
    tomorrow_ten = (evening + timedelta(days=1)).replace(hour=10)
    monkeypatch.setattr(relay_clock, "local_time", lambda: evening.timestamp())
    seed(ctx)
    _shop_in(ctx, "Asia/Seoul")
    with ctx.db.write() as s:
        cid = save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD, scheduled_at=tomorrow_ten))
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING").recipients)
        set_progress(s, s.get(Campaign, cid).uid, "scheduled", {"queued": 2}, None, sent_at=NOW)
    report = open_report(qtbot, ctx)
    window = report.window()
    qtbot.waitUntil(lambda: "tomorrow" in report.state.text(), timeout=5000)
    after_midnight = evening + timedelta(hours=4)  # 01:00 the next day in Seoul
    monkeypatch.setattr(relay_clock, "local_time", lambda: after_midnight.timestamp())
    window.day_timer.setInterval(20)  # rather than a minute's wait
    qtbot.waitUntil(lambda: "today" in report.state.text(), timeout=5000)
    assert "tomorrow" not in report.state.text()


@needs_tzset
def test_on_a_computer_a_day_ahead_of_the_shop_the_report_still_turns_to_today_at_the_shops_midnight(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    """On Kiritimati (UTC+14) 9 PM in Seoul is already the next day: the window counted days on this
    computer's clock until it read the shop's zone, and the shop's midnight never seemed to come."""
    with computer_zone("Pacific/Kiritimati"):
        test_left_open_past_the_shops_midnight_the_report_says_today_for_what_was_tomorrow(
            qtbot, ctx, monkeypatch
        )


def test_cancelling_a_scheduled_campaign_offers_to_keep_it_scheduled_not_to_keep_sending(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """ "Keep sending" beside a campaign that had sent nothing and waited for its time."""
    from PySide6.QtWidgets import QMessageBox

    seed(ctx)
    with ctx.db.write() as s:
        draft = CampaignDraft(name="Winter sale", template=LAWFUL_AD, scheduled_at=NOW + timedelta(hours=3))
        cid = save_draft(s, draft)
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING").recipients)
        set_progress(s, s.get(Campaign, cid).uid, "scheduled", {"queued": 2}, None, sent_at=NOW)
    report = open_report(qtbot, ctx)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    report.cancel_button.click()
    assert asked.texts == ["Cancel this scheduled campaign? It will not be sent to anyone."]
    assert asked.shown[0].widget == "QMessageBox [&Cancel campaign | &Keep scheduled] default &Keep scheduled"


def test_prices_entered_in_settings_give_the_campaigns_estimated_cost(qtbot: Any, ctx: Any) -> None:
    from app.campaign_checks import load_prices
    from ui.settings_dialog import SettingsDialog

    seed(ctx)
    settings = SettingsDialog(ctx)
    qtbot.addWidget(settings)
    qtbot.waitUntil(lambda: settings.loaded and settings.prices_loaded, timeout=5000)
    settings.campaign_prices.marketing.setText("120")
    with qtbot.waitSignal(settings.accepted):
        settings.accept()
    with ctx.db.read() as s:
        assert load_prices(s).marketing_minor == 120
    window = open_window(qtbot, ctx)
    editor = window.editor
    choose_template(editor, "winter_sale_ok")
    from PySide6.QtCore import Qt

    editor.audience_box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    qtbot.waitUntil(
        lambda: "up to 2 marketing messages" in editor.schedule.cost_note.cost.text(), timeout=5000
    )
    assert "₩240" in editor.schedule.cost_note.cost.text()


def test_a_customer_added_by_hand_joins_when_they_consented(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    from sqlalchemy import select

    from app.models import Contact
    from app.phones import display_phone

    seed(ctx)
    with ctx.db.read() as s:
        jihoon = s.scalar(select(Contact).where(Contact.profile_name == "Jihoon Park"))
        assert jihoon is not None and jihoon.wa_id
        label = f"Jihoon Park · {display_phone(jihoon.wa_id, ctx.shop_region)}"
        jihoon_id = jihoon.id
    window = open_window(qtbot, ctx)
    editor = window.editor
    box = editor.audience_box
    choose_template(editor, "winter_sale_ok")
    box.wrote.setChecked(True)  # nobody wrote lately: an empty audience
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 0, timeout=5000)
    offered: list[str] = []

    def type_part_of_the_name(dialog: Any) -> None:
        # The owner types part of the name, as she can in Hangul too, and takes what is offered.
        from PySide6.QtWidgets import QComboBox

        combo = dialog.findChild(QComboBox)
        completer = combo.completer()
        completer.setCompletionPrefix("hoon")
        offered.extend(completer.currentCompletion() for _ in range(completer.completionCount()))
        dialog.setTextValue(completer.currentCompletion())
        dialog.accept()

    asked = dialogs.expect("modal", answer=type_part_of_the_name)
    box.add_customer_button.click()
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=5000)
    assert offered == [label]
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 1, timeout=5000)
    assert box.recipients_model.members[0].name == "Jihoon Park"
    assert editor.draft().audience.added == (jihoon_id,)


def test_a_catalogue_items_picture_becomes_the_header_of_an_image_template(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    from app.models import CatalogItem

    seed(ctx)
    picture = Template(
        name="new_arrival",
        language="ko",
        category="MARKETING",
        components=[
            {"type": "HEADER", "format": "IMAGE"},
            {"type": "BODY", "text": "(광고) 서울 리넨 신상품 {{1}}. 문의 02-123-4567, 수신거부"},
        ],
    )
    with ctx.db.write() as s:
        s.add(
            CatalogItem(
                retailer_id="L-1", name="Linen shirt", price_minor=59000, currency="KRW", images=["a.jpg"]
            )
        )
        put_setting(s, TEMPLATES_SETTING, [picture.model_dump(mode="json")])
    window = open_window(qtbot, ctx)
    editor = window.editor
    choose_template(editor, "new_arrival")
    assert editor.message.catalogue_media_button.isVisibleTo(editor)
    dialogs.expect("getItem", answer="Linen shirt")
    editor.message.catalogue_media_button.click()
    assert editor.draft().header_media == {"kind": "image", "path": str(ctx.paths.catalog_dir / "a.jpg")}
    assert editor.message.media_label.text() == "a.jpg"
    assert editor.preview.has_media


def _zone_far_from_this_computer() -> str:
    """A shop time zone whose clock differs from this computer's by many hours."""
    here = datetime.now().astimezone().utcoffset() or timedelta(0)
    return "Pacific/Kiritimati" if here < timedelta(hours=1) else "Pacific/Pago_Pago"  # UTC+14 / UTC-11


def _shop_in(ctx: Any, zone: str) -> None:
    from app.automations_store import AutomationsStore
    from app.wire import Automations, BusinessHours

    AutomationsStore(ctx.db).save(Automations(business_hours=BusinessHours(timezone=zone)))


def test_send_at_starts_an_hour_ahead_on_the_shops_clock_not_this_computers(qtbot: Any, ctx: Any) -> None:
    seed(ctx)
    zone = _zone_far_from_this_computer()
    _shop_in(ctx, zone)
    editor = open_window(qtbot, ctx).editor
    assert editor.schedule.zone.text() == zone_name(zone) and editor.schedule.zone.toolTip() == zone
    editor.schedule.at.setChecked(True)
    when = editor.scheduled_at()
    assert when is not None
    assert timedelta(minutes=58) <= when - datetime.now(UTC) <= timedelta(minutes=61)


def test_a_send_at_time_that_has_passed_is_refused_with_a_reason_and_nothing_is_sent(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    seed(ctx)
    _shop_in(ctx, "Asia/Seoul")
    window = open_window(qtbot, ctx)
    editor = window.editor
    editor.name.setText("Yesterday's sale")
    choose_template(editor, "winter_sale_ok")
    editor.schedule.at.setChecked(True)
    editor.schedule.when.setDateTime(editor.schedule.when.dateTime().addDays(-1))
    sent: list[Any] = []
    editor.send_requested.connect(sent.append)
    refused = dialogs.expect("warning")
    editor.send_button.click()
    assert sent == []
    assert "has passed" in refused.shown[0].text and zone_name("Asia/Seoul") in refused.shown[0].text
    assert refused.shown[0].text.startswith(editor.schedule.when.text())  # the time as the owner set it
    assert refused.shown[0].title == "Schedule campaign"  # as the button she pressed, not "Send campaign"
    # The time put right, a blank left empty: refused under the same title.
    editor.schedule.when.setDateTime(editor.schedule.when.dateTime().addDays(2))
    blank = dialogs.expect("warning")
    editor.send_button.click()
    assert sent == []
    assert [(shown.title, "{{2}}" in shown.text) for shown in blank.shown] == [("Schedule campaign", True)]


def test_the_campaign_list_shows_send_times_on_the_shops_clock_as_the_editor_does(
    qtbot: Any, ctx: Any
) -> None:
    seed(ctx)
    zone = _zone_far_from_this_computer()
    _shop_in(ctx, zone)
    window = open_window(qtbot, ctx)
    editor = window.editor
    editor.name.setText("Winter sale")
    choose_template(editor, "winter_sale_ok")
    editor.audience_box.wrote.setChecked(True)
    editor.schedule.at.setChecked(True)
    from PySide6.QtCore import QLocale, Qt

    from ui.formatting import display_locale

    shown_in_editor = display_locale().toString(editor.schedule.when.time(), QLocale.FormatType.ShortFormat)
    editor.save_button.click()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    listed = window.list_model.index(0, 3).data()
    assert shown_in_editor in listed and f"({zone_name(zone)})" in listed
    # The list is one column of two lines, so a narrow list never cuts the time off.
    assert [window.list.isColumnHidden(c) for c in range(4)] == [False, True, True, True]
    assert window.list_model.details(0) == f"Draft · {listed}"  # saved, not sent: a draft with its time
    assert window.list_model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == f"Winter sale\nDraft · {listed}"
    window.list.grab()  # painted by its delegate


def test_an_audience_of_thousands_adds_no_widget_to_the_editor(qtbot: Any, ctx: Any) -> None:
    """The editor's scroll area holds its form; recipients and those left out are table views over
    models, so 2,000 customers cost the editor no more widgets than two."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QWidget

    seed(ctx)
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "winter_sale")
    editor.audience_box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    box = editor.audience_box
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 2, timeout=5000)
    few = len(editor.findChildren(QWidget))
    with ctx.db.write() as s:
        vip = s.query(Label).filter_by(name="VIP").one()
        consent = {"opted_in_at": NOW - timedelta(days=10), "marketing_consent_at": NOW - timedelta(days=10)}
        for n in range(2000):
            make_contact(s, profile_name=f"손님 {n}", wa_id=f"82109{n:07d}", **consent).labels = [vip]
    editor.refresh_audience()
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 2002, timeout=15000)
    assert len(editor.findChildren(QWidget)) == few
    # They scroll inside the table, once it lays the new rows out (a zero timer after they come).
    qtbot.waitUntil(lambda: box.recipients_view.verticalScrollBar().maximum() > 0)


def test_a_campaigns_report_gives_its_times_on_the_shops_clock_as_the_list_does(qtbot: Any, ctx: Any) -> None:
    """The list said "sent 9:00 (zone)"; the report said this computer's hour for the same moment."""
    from zoneinfo import ZoneInfo

    from app.campaign_store import RecipientRow
    from ui.campaign_models import moment_text
    from ui.formatting import shop_datetime

    seed(ctx)
    zone = _zone_far_from_this_computer()
    _shop_in(ctx, zone)
    sent = NOW - timedelta(hours=2)
    with ctx.db.write() as s:
        cid = save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD))
        record_handed_over(s, cid, resolve_audience(s, Audience(), "MARKETING").recipients)
        uid = s.get(Campaign, cid).uid  # type: ignore[union-attr]
        set_progress(s, uid, "done", {"sent": 2}, None, sent_at=sent)
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    listed = window.list_model.index(0, 3).data()
    assert f"({zone_name(zone)})" in listed
    window.list.selectRow(0)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.report, timeout=5000)
    assert f"sent {listed} ·" in window.report.state.text()
    # A recipient the night-time rule holds: its hour on the same clock.
    morning = datetime.now(ZoneInfo(zone)).replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(
        days=1
    )
    held = RecipientRow(1, "Minji Kim", "821012345678", RecipientState.HELD, None, None, False, False)
    window.report.model.set_rows([dataclasses.replace(held, held_until=morning)])
    detail = window.report.model.index(0, 5).data()
    # Tomorrow morning on the shop's clock, said as tomorrow ("8:00 AM tomorrow"), not as a date.
    assert detail == f"Held for the night: goes at {moment_text(morning, ZoneInfo(zone))}"
    assert "tomorrow" in detail and shop_datetime(morning, ZoneInfo(zone)) not in detail
    assert f"({zone_name(zone)})" in detail


def test_on_a_1366_pixel_laptop_screen_the_editor_does_not_scroll_sideways(qtbot: Any, ctx: Any) -> None:
    """Maximised on the most common laptop screen, the form fits beside the list and the preview: the
    schedule's "Send now", "Send at", its time and the zone on one line made it 69 pixels too wide,
    and the recipients' table scrolled sideways for a column that is always empty there."""
    from PySide6.QtWidgets import QScrollArea

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1346, 700)  # 1366 less the window's frame
    form = window.editor.findChild(QScrollArea)
    qtbot.waitUntil(lambda: form.viewport().width() > 600, timeout=2000)
    assert form.widget().minimumSizeHint().width() <= form.viewport().width()
    # Read once the form is laid out to the viewport's width: a range read before is 0 regardless.
    qtbot.waitUntil(lambda: form.widget().width() == form.viewport().width(), timeout=2000)
    qtbot.waitUntil(lambda: form.horizontalScrollBar().maximum() == 0, timeout=2000)
    # The recipients' table has no empty "Why left out" column, and the left-out table keeps it.
    box = window.editor.audience_box
    qtbot.waitUntil(lambda: box.recipients_model.rowCount() > 0 and box.left_out_model.rowCount() > 0)
    assert box.recipients_view.isColumnHidden(2) and not box.left_out_view.isColumnHidden(2)
    recipients = box.recipients_view
    # Once its columns fill its width (the names stretch), not before their layout.
    qtbot.waitUntil(lambda: recipients.horizontalHeader().length() == recipients.viewport().width())
    qtbot.waitUntil(lambda: recipients.horizontalScrollBar().maximum() == 0)


def test_on_a_1280_pixel_wide_screen_the_preview_narrows_before_the_form_scrolls_sideways(
    qtbot: Any, ctx: Any
) -> None:
    """A 1920×1080 laptop at 150 % (or 2560×1440 at 200 %) gives windows 1280 pixels: beside a
    full-width phone preview the form scrolled sideways and cut off the right edge of the template
    box, the time and the pace. The preview gives up some of its width first, and takes it back on
    a wider screen."""
    from PySide6.QtWidgets import QScrollArea

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1260, 652)  # 1280×720 less the window's frame
    form = window.editor.findChild(QScrollArea)
    preview = window.editor.preview
    qtbot.waitUntil(lambda: form.viewport().width() > 500, timeout=2000)
    qtbot.waitUntil(lambda: form.horizontalScrollBar().maximum() == 0, timeout=2000)
    assert form.widget().minimumSizeHint().width() <= form.viewport().width()
    assert preview.minimumSizeHint().width() <= preview.width() < preview.sizeHint().width()
    window.resize(1600, 800)
    qtbot.waitUntil(lambda: preview.width() == preview.sizeHint().width(), timeout=2000)
    assert form.horizontalScrollBar().maximum() == 0


def test_at_1280_by_720_the_form_needs_no_scroll_bar_on_either_list(qtbot: Any, ctx: Any) -> None:
    """A day's work on a 1280×720 screen: the form scrolled for its recipients, a full-width row for
    Save and Send below it, the labels one to a line and the recipients' table asking for more
    than its least height. (The window's first size, maximised, is what this screen gives it.)"""
    from PySide6.QtWidgets import QScrollArea

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1260, 652)  # 1280×720 less the window's frame
    form = window.editor.findChild(QScrollArea)
    box = window.editor.audience_box
    qtbot.waitUntil(lambda: box.recipients_model.rowCount() > 0, timeout=5000)
    qtbot.waitUntil(lambda: form.viewport().width() > 500, timeout=2000)
    qtbot.waitUntil(lambda: form.verticalScrollBar().maximum() == 0, timeout=2000)
    assert box.recipients_view.height() >= box.recipients_view.minimumHeight()
    box.lists.setCurrentIndex(1)  # the left-out list, its reason line and Add back
    qtbot.waitUntil(lambda: form.verticalScrollBar().maximum() == 0, timeout=2000)
    assert window.editor.send_button.isVisible()


def test_on_a_1366_pixel_screen_at_125_percent_the_form_puts_its_columns_one_below_the_other(
    qtbot: Any, ctx: Any
) -> None:
    """A 1366×768 laptop at 125 % gives windows 1093 pixels: with the preview as narrow as it goes,
    the form still scrolled sideways and cut off the template box, the time and the pace. Its two
    columns go one below the other there (it scrolls down only), and side by side again when wider."""
    from PySide6.QtWidgets import QBoxLayout, QScrollArea

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1089, 560)  # 1093×614 less the window's frame and title bar
    form = window.editor.findChild(QScrollArea)
    columns = form.widget().layout()
    qtbot.waitUntil(lambda: columns.direction() == QBoxLayout.Direction.TopToBottom, timeout=2000)
    qtbot.waitUntil(lambda: form.horizontalScrollBar().maximum() == 0, timeout=2000)
    message = window.editor.message
    assert message.mapTo(form.widget(), message.rect().topRight()).x() < form.viewport().width()
    window.resize(1600, 800)
    qtbot.waitUntil(lambda: columns.direction() == QBoxLayout.Direction.LeftToRight, timeout=2000)
    qtbot.waitUntil(lambda: form.horizontalScrollBar().maximum() == 0, timeout=2000)


def test_on_a_1366_by_768_laptop_at_150_percent_the_whole_form_and_its_buttons_fit(
    qtbot: Any, ctx: Any
) -> None:
    """At 150 % a 1366×768 laptop gives windows 910×485 pixels above a taskbar: the window was at
    least 496 high (Save and Send ended below the screen), and in Korean the form scrolled sideways
    beside a campaign list that kept its 250 pixels while the name, the audience's reasons and the
    time were cut off at the right."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QScrollArea

    from ui.screen_fit import FRAME_ROOM, fitted

    seed(ctx)
    with korean_words():
        window = open_window(qtbot, ctx)
        room = fitted(QSize(1400, 820), QSize(910, 485))
        assert window.minimumSizeHint().height() <= room.height()
        window.resize(room)
        assert window.size() == room  # not held larger by what it needs at the least
        form = window.editor.findChild(QScrollArea)
        qtbot.waitUntil(lambda: form.horizontalScrollBar().maximum() == 0, timeout=2000)
        for button in (window.editor.save_button, window.editor.send_button, window.delete_button):
            corner = button.mapTo(window, button.rect().bottomRight())
            assert window.rect().contains(corner), button.text()
        assert room.width() <= 910 - FRAME_ROOM.width()


@contextmanager
def korean_words() -> Iterator[None]:
    """The Korean translation installed for a part of a test."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from ui.resources import translations_dir

    translator = QTranslator()
    assert translator.load(str(translations_dir() / "shop_inbox_ko.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_customer_who_writes_english_gets_and_previews_the_english_version_and_its_law_check(
    qtbot: Any, ctx: Any
) -> None:
    """ "winter_sale_ok" is lawful in Korean and approved in English too, without "(광고)": Minji and
    Jihoon (Korean numbers) write Korean and English. The editor says who gets which version, previews
    Jihoon's in English, and flags what the English one lacks, since it goes to a Korean number."""
    from PySide6.QtCore import Qt

    from app.automations_store import load_state, save_local
    from app.sending import approved_templates

    english = Template(
        name="winter_sale_ok",
        language="en",
        category="MARKETING",
        components=[
            {"type": "BODY", "text": "Seoul Linen winter sale! Coupon {{2}} for {{1}}. 02-123-4567"},
            {"type": "BUTTONS", "buttons": [{"type": "QUICK_REPLY", "text": "Stop promotions"}]},
        ],
    )
    seed(ctx)
    consent = {"opted_in_at": NOW - timedelta(days=10), "marketing_consent_at": NOW - timedelta(days=10)}
    with ctx.db.write() as s:
        put_setting(
            s,
            TEMPLATES_SETTING,
            [t.model_dump(mode="json") for t in (*approved_templates(ctx.db, None), english)],
        )
        vip = s.query(Label).filter_by(name="VIP").one()
        for name, wa_id, words in (
            ("민지", "821055501234", "세일 언제 해요?"),
            ("Jihoon", "821055505678", "Hi!"),
        ):
            c = make_contact(s, profile_name=name, wa_id=wa_id, **consent)
            c.labels = [vip]
            make_message(s, c, words)
        doc = load_state(s).doc
        doc.profile.name = "서울 리넨"
        save_local(s, doc)
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "winter_sale_ok")
    editor.message.param_rows[1][1].setText("SALE10")
    editor.audience_box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    box = editor.audience_box
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 4, timeout=5000)
    # Minji Kim and Jihoon Park of seed() never wrote: the chosen Korean version.
    assert (
        editor.message.versions_note.text()
        == "Each customer gets the version in their language: Korean × 3, English × 1."
    )
    with korean_words():  # Meta's "ko × 3, en × 1" read as codes to a Korean owner
        editor._update_versions_note()
        assert (
            editor.message.versions_note.text()
            == "고객마다 자신의 언어로 된 버전을 받아요: 한국어 3명, 영어 1명."
        )
    editor.preview_for.setCurrentIndex(editor.preview_for.findText("Jihoon"))
    assert "Seoul Linen winter sale! Coupon SALE10" in editor.preview.text()
    editor.preview_for.setCurrentIndex(editor.preview_for.findText("민지"))
    assert "(광고) 서울 리넨 겨울 세일!" in editor.preview.text()
    # The English version goes to a Korean number: it lacks "(광고)" and the shop's name as registered.
    assert [p.value for p in editor.law_problems()] == ["no_ad_prefix", "no_shop_name"]


def test_the_versions_note_names_only_versions_someone_gets(qtbot: Any, ctx: Any) -> None:
    """The owner chose the English entry of a template and the label's one customer writes Korean:
    the note read "English × 0, Korean × 1", and the buttons' note spoke of the English version's
    "Get coupon", which nobody gets. They say who gets which, and only that."""
    from PySide6.QtCore import Qt

    def version(language: str, *texts: str) -> Template:
        buttons = [{"type": "QUICK_REPLY", "text": text} for text in texts]
        body = LAWFUL_AD.components[0]
        return LAWFUL_AD.model_copy(
            update={"language": language, "components": [body, {"type": "BUTTONS", "buttons": buttons}]}
        )

    seed(ctx)
    consent = {"opted_in_at": NOW - timedelta(days=10), "marketing_consent_at": NOW - timedelta(days=10)}
    with ctx.db.write() as s:
        templates = (version("ko", "수신거부", "쿠폰 받기"), version("en", "Stop", "Get coupon"))
        put_setting(s, TEMPLATES_SETTING, [t.model_dump(mode="json") for t in templates])
        regulars = Label(name="Regulars", colour="#000000")
        minji = make_contact(s, profile_name="민지", wa_id="821055501234", **consent)
        minji.labels = [regulars]
        make_message(s, minji, "세일 언제 해요?")
    editor = open_window(qtbot, ctx).editor
    box = editor.message.template
    box.setCurrentIndex(
        next(
            i
            for i in range(box.count())
            if box.itemData(i) is not None
            and (box.itemData(i).name, box.itemData(i).language) == ("winter_sale_ok", "en")
        )
    )
    editor.audience_box.labels.findItems("Regulars", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    qtbot.waitUntil(
        lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 1, timeout=5000
    )
    assert (
        editor.message.versions_note.text() == "Each customer gets the version in their language: Korean × 1."
    )
    # The button she gets, not the chosen English entry's.
    assert "‘쿠폰 받기’" in editor.message.buttons_note.text()
    assert "Get coupon" not in editor.message.buttons_note.text()
    # The Korean entry chosen: everyone gets the one chosen, nothing to say.
    choose_template(editor, "winter_sale_ok")
    assert editor.current_template().language == "ko"
    qtbot.waitUntil(lambda: editor.message.versions_note.text() == "", timeout=5000)


def test_a_report_of_a_campaign_sent_in_two_languages_shows_each_customers_version(
    qtbot: Any, ctx: Any
) -> None:
    from PySide6.QtCore import Qt

    seed(ctx)
    with ctx.db.write() as s:
        uid, contacts = handed_over(s, {"delivered": 2})
        for contact, language in zip(contacts, ("ko", "en"), strict=True):
            template = {"name": "winter_sale_ok", "language": {"code": language}}
            make_message(
                s, contact, "sale", direction="out", sent_by="campaign", campaign_id=uid, status="delivered",
                sent_at=NOW - timedelta(hours=2), payload={"type": "template", "template": template},
            )  # fmt: skip
    report = open_report(qtbot, ctx)
    view, model = report.view, report.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5000)
    assert not view.isColumnHidden(6) and model.headerData(6, Qt.Orientation.Horizontal) == "Version"
    # The languages by name, as the versions note says them: "ko" and "en" were Meta's codes
    assert sorted(model.index(r, 6).data() for r in range(2)) == ["English", "Korean"]


def test_news_that_arrives_while_the_report_is_first_read_is_shown_not_the_state_read_before(
    qtbot: Any, ctx: Any
) -> None:
    """The relay paused the campaign while its report was being read for the first time (the
    editor still on screen): the report shows the pause, not the "Sending" read a moment before."""
    from PySide6.QtCore import QThreadPool

    from app.campaign_actions import CAMPAIGNS_CHANGED
    from app.wire import CampaignReason
    from ui.ops import Op

    seed(ctx)
    with ctx.db.write() as s:
        uid, _ = handed_over(s, {"pending": 2})
        set_progress(s, uid, "sending", {"pending": 2}, None)
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    window.list.selectRow(0)
    # The first read has read "Sending" and waits to be shown: the pause is stored and announced now.
    (Op.pool or QThreadPool.globalInstance()).waitForDone(5000)
    assert window.stack.currentWidget() is window.editor
    with ctx.db.write() as s:
        set_progress(s, uid, "paused", {"pending": 2}, CampaignReason.TEMPLATE_PAUSED)
    ctx.publish(CAMPAIGNS_CHANGED)
    why = "Paused (Meta paused the template)"
    qtbot.waitUntil(lambda: window.report.state.text().startswith(why), timeout=5000)
    assert window.stack.currentWidget() is window.report


def test_with_no_label_ticked_the_editor_says_it_goes_to_every_customer(qtbot: Any, ctx: Any) -> None:
    """ "10 will get it" under an empty label list did not say that no label means everyone."""
    from PySide6.QtCore import Qt

    seed(ctx)
    editor = open_window(qtbot, ctx).editor
    box = editor.audience_box
    choose_template(editor, "winter_sale")
    qtbot.waitUntil(editor.is_loaded, timeout=5000)
    assert box.labels_note.isVisible()
    assert box.labels_note.text() == "With no label ticked, it goes to every customer."
    box.wrote.setChecked(True)
    assert (
        box.labels_note.text()
        == "With no label ticked, it goes to every customer who meets the conditions below."
    )
    box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    assert not box.labels_note.isVisible()


def test_a_template_in_another_language_than_most_recipients_read_is_pointed_out(
    qtbot: Any, ctx: Any
) -> None:
    """ "shipping_notice · en" for customers with Korean numbers who never wrote: nothing said they
    would get English."""
    english = Template(
        name="shipping_notice",
        language="en_US",
        category="UTILITY",
        components=[{"type": "BODY", "text": "Your order {{1}} has shipped."}],
    )
    seed(ctx)  # VIPs: Minji Kim and Jihoon Park (Korean numbers), Texan (+1), two left out
    with ctx.db.write() as s:
        from app.sending import approved_templates

        put_setting(
            s,
            TEMPLATES_SETTING,
            [t.model_dump(mode="json") for t in (*approved_templates(ctx.db, None), english)],
        )
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "shipping_notice")
    note = editor.message.language_note
    qtbot.waitUntil(lambda: editor.is_loaded() and note.isVisible(), timeout=5000)
    assert note.text() == "Most recipients read Korean. This template is in English."
    # A Korean template for them: nothing to point out.
    choose_template(editor, "winter_sale")
    qtbot.waitUntil(lambda: editor.is_loaded() and not note.isVisible(), timeout=5000)


def test_a_lapsed_consent_says_why_it_leaves_the_customer_out(qtbot: Any, ctx: Any) -> None:
    """ "Consent older than 23 months" did not say why its age matters."""
    seed(ctx)
    with ctx.db.write() as s:
        make_contact(
            s,
            profile_name="Old Friend",
            opted_in_at=NOW - timedelta(days=800),
            marketing_consent_at=NOW - timedelta(days=23 * 30 + 5),
        )
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "winter_sale")
    model = editor.audience_box.left_out_model
    qtbot.waitUntil(lambda: editor.is_loaded() and model.rowCount() == 4, timeout=5000)  # with seed()'s three
    why = {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}
    lapsed = "Marketing consent must be confirmed again every 2 years (given over 23 months ago)"
    assert why["Old Friend"] == lapsed
    assert lapsed + ": 1" in editor.audience_box.counts.text()


def test_the_night_time_wait_is_said_for_ads_only(qtbot: Any, ctx: Any) -> None:
    """A utility template still said marketing waits until 08:00 at night, though it is not an ad."""
    notice = Template(
        name="shipping_notice",
        language="ko",
        category="UTILITY",
        components=[{"type": "BODY", "text": "주문 {{1}}이 발송되었어요."}],
    )
    seed(ctx)
    with ctx.db.write() as s:
        from app.sending import approved_templates

        put_setting(
            s,
            TEMPLATES_SETTING,
            [t.model_dump(mode="json") for t in (*approved_templates(ctx.db, None), notice)],
        )
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "winter_sale")
    assert editor.schedule.night_note.isVisible()
    # On the English clock: "8:00 AM", not "08:00".
    said = editor.schedule.night_note.text().replace("\u202f", " ")
    assert "waits until 8:00 AM between 9:00 PM and 8:00 AM" in said
    choose_template(editor, "shipping_notice")
    assert not editor.schedule.night_note.isVisible()
    choose_template(editor, "winter_sale")
    assert editor.schedule.night_note.isVisible()


def test_the_preview_marks_empty_blanks_never_the_examples_and_a_greeting_takes_the_name(
    qtbot: Any, ctx: Any
) -> None:
    """The phone preview read "민지님, …" for 박서준: the template's example shown as if it were the
    message. An empty blank shows marked; "{{1}}님" starts on the customer's name."""
    with_examples = BARE_AD.model_copy(
        update={
            "parameters": [
                TemplateParameter(component="body", index=1, example="민지"),
                TemplateParameter(component="body", index=2, example="WINTER10"),
            ]
        }
    )
    seed(ctx)
    with ctx.db.write() as s:
        put_setting(s, TEMPLATES_SETTING, [with_examples.model_dump(mode="json")])
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "winter_sale")
    # The example stays the field's grey hint, said as one: "WINTER10" alone read as a value filled in.
    assert [text.placeholderText() for _source, text in editor.message.param_rows] == [
        "e.g. 민지",
        "e.g. WINTER10",
    ]
    assert editor.message.param_rows[0][0].currentData() == "name"
    assert editor.message.param_rows[1][0].currentData() == "text"
    qtbot.waitUntil(lambda: editor.preview_for.count() == 2, timeout=5000)
    editor.preview_for.setCurrentIndex(editor.preview_for.findText("Jihoon Park"))
    qtbot.waitUntil(
        lambda: "Jihoon Park님, 겨울 세일을 시작했어요! 쿠폰 [blank 2]" in editor.preview.text(), timeout=5000
    )
    assert "민지" not in editor.preview.text() and "WINTER10" not in editor.preview.text()
    # Back to fixed text with nothing typed: a marked blank, not the example.
    source = editor.message.param_rows[0][0]
    source.setCurrentIndex(source.findData("text"))
    assert "[blank 1]님, 겨울 세일을 시작했어요! 쿠폰 [blank 2]" in editor.preview.text()
    # What the owner types or picks fills the blank.
    source.setCurrentIndex(source.findData("first_name"))
    editor.message.param_rows[1][1].setText("SALE10")
    editor.preview_for.setCurrentIndex(editor.preview_for.findText("Minji Kim"))
    assert "Minji님, 겨울 세일을 시작했어요! 쿠폰 SALE10" in editor.preview.text()


def _ready_to_send(
    qtbot: Any,
    ctx: Any,
    template: str,
    *,
    priced: bool = True,
    jihoon_wa_id: str | None = None,
    minji_wa_id: str | None = None,
) -> Any:
    """seed()'s shop in Seoul, at 120 won a marketing message, with Jihoon Park agreeing to night-time
    ads (and on other numbers, `jihoon_wa_id`, `minji_wa_id`): the editor on "Winter sale" to the VIPs,
    its blanks filled."""
    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from app.campaign_checks import Prices, save_prices
    from app.models import Contact

    seed(ctx)
    _shop_in(ctx, "Asia/Seoul")
    with ctx.db.write() as s:
        from app.automations_store import load_state, save_local

        doc = load_state(s).doc
        doc.profile.name = "서울 리넨"  # the lawful ad names the shop
        save_local(s, doc)
        if priced:
            save_prices(s, Prices(marketing_minor=120))
        jihoon = s.scalar(select(Contact).where(Contact.profile_name == "Jihoon Park"))
        assert jihoon is not None
        jihoon.night_consent_at = NOW - timedelta(days=3)
        if jihoon_wa_id is not None:
            jihoon.wa_id = jihoon_wa_id
        if minji_wa_id is not None:
            minji = s.scalar(select(Contact).where(Contact.profile_name == "Minji Kim"))
            assert minji is not None
            minji.wa_id = minji_wa_id
    window = open_window(qtbot, ctx)
    editor = window.editor
    editor.name.setText("Winter sale")
    choose_template(editor, template)
    for _source, text in editor.message.param_rows:
        text.setText("SALE10")
    editor.audience_box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    qtbot.waitUntil(
        lambda: editor.is_loaded() and editor.audience_box.recipients_model.rowCount() == 2, timeout=5000
    )
    return editor


def test_before_a_campaign_goes_out_the_owner_reads_how_many_what_it_costs_and_who_waits_till_morning(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """Scheduled for 02:49 in Seoul: Minji (no night-time consent) gets it at 08:00, Jihoon at once."""
    from PySide6.QtCore import QDateTime, QTime
    from PySide6.QtWidgets import QMessageBox

    from ui.campaign_models import moment_text
    from ui.formatting import wall_clock

    editor = _ready_to_send(qtbot, ctx, "winter_sale_ok")
    assert editor.send_button.text() == "&Send…"
    editor.schedule.at.setChecked(True)
    assert editor.send_button.text() == "&Schedule…"  # "Send…" read as if it went at once
    tomorrow = editor.schedule.when.dateTime().date().addDays(1)
    editor.schedule.when.setDateTime(QDateTime(tomorrow, QTime(2, 49)))
    when = editor.scheduled_at()
    assert when is not None
    sent: list[Any] = []
    confirmed: list[frozenset[int]] = []

    def handed(draft: Any, contacts: frozenset[int]) -> None:
        sent.append(draft)
        confirmed.append(contacts)

    editor.send_requested.connect(handed)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    editor.send_button.click()
    assert sent == []  # Cancel: nothing handed over
    eight = moment_text(when.replace(hour=23, minute=0), editor._zone())  # 08:00 in Seoul is 23:00 UTC
    at = moment_text(when, editor._zone())  # the day and time, as the owner's locale writes them
    assert "2:49" in at
    # On the owner's clock face, not 21:00–08:00; on one line (tests/ui/test_night_hours_kept_whole.py).
    night = f"{wall_clock(21, 0)}\u2060–\u2060{wall_clock(8, 0)}"
    assert night.replace("\u202f", " ").replace("\u2060", "") == "9:00 PM–8:00 AM"
    assert asked.texts == [
        f"Send “Winter sale” to 2 customers at {at}? The relay sends it then, even with this computer "
        "off.\n\n"
        "Meta charges up to 2 marketing messages (each one delivered). Estimated cost: ₩240.\n\n"
        f"1 gets it at {at}, 1 at {eight}. Korean law: ads at night ({night}) only go to "
        "customers who agreed to night-time messages."
    ]
    assert [shown.title for shown in asked.shown] == ["Schedule campaign"]
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    dialogs.expect("warning")  # this test's window has no relay to hand it to
    editor.send_button.click()
    assert [d.name for d in sent] == ["Winter sale"]
    # The customers she said yes to go with it: the two the question counted.
    assert confirmed == [frozenset(m.contact_id for m in editor.resolved.recipients)]
    assert len(confirmed[0]) == 2


def _soon(when: datetime) -> str | None:
    """`when` as a campaign's moment says it at 11:00 on Saturday 5 December in Seoul, without the
    zone's name this computer's clock may add."""
    from zoneinfo import ZoneInfo

    from ui.formatting import soon_datetime

    text = soon_datetime(when, ZoneInfo("Asia/Seoul"), datetime(2026, 12, 5, 2, 0, tzinfo=UTC))
    return None if text is None else text.split(" (")[0]


def test_a_campaign_set_for_later_today_or_tomorrow_says_today_or_tomorrow_not_the_date(
    qtbot: Any, korean: Any, korean_locale: Any
) -> None:
    """ "12월 5일 (토) 11:00" for later today left the owner working out which day the 5th was."""
    assert _soon(datetime(2026, 12, 5, 5, 0, tzinfo=UTC)) == "오늘 오후 2:00"
    assert _soon(datetime(2026, 12, 6, 0, 30, tzinfo=UTC)) == "내일 오전 9:30"
    # 23:00 UTC on the 5th is 08:00 on the 6th in Seoul: tomorrow on the shop's clock, not today
    assert _soon(datetime(2026, 12, 5, 23, 0, tzinfo=UTC)) == "내일 오전 8:00"
    assert _soon(datetime(2026, 12, 7, 5, 0, tzinfo=UTC)) is None  # another day keeps its date


def test_in_english_a_campaign_set_for_later_today_says_the_time_then_today(
    qtbot: Any, english: Any, english_locale: Any
) -> None:
    # Qt writes a narrow no-break space before AM/PM
    assert (_soon(datetime(2026, 12, 5, 5, 0, tzinfo=UTC)) or "").replace("\u202f", " ") == "2:00 PM today"
    assert (_soon(datetime(2026, 12, 6, 0, 30, tzinfo=UTC)) or "").replace(
        "\u202f", " "
    ) == "9:30 AM tomorrow"


def test_a_campaign_to_customers_in_two_countries_says_its_one_price_cost_is_only_about(
    qtbot: Any, ctx: Any, dialogs: Any, korean: Any
) -> None:
    """A Korean and a UK number at the owner's one 120-won price read "예상 비용: 240원", as if Meta
    charged a London number what it charges a Seoul one: the app has one price, so it says "about"
    and that Meta's differs by country."""
    from PySide6.QtWidgets import QMessageBox

    editor = _ready_to_send(qtbot, ctx, "winter_sale_ok", jihoon_wa_id="447700900123")
    shown = editor.schedule.cost_note.cost.text()
    assert "약\u00a0₩240" in shown or "약\u00a0240원" in shown
    assert "Meta 요금은 나라마다 달라요: 받는 고객들이 2개 나라에 있어요." in shown
    assert "예상 비용: 240원." not in shown and "예상 비용: ₩240." not in shown
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    editor.send_button.click()
    assert "Meta 요금은 나라마다 달라요" in asked.texts[0]  # the last question says it too


def test_a_campaign_to_customers_all_in_one_other_country_says_its_cost_is_only_about(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """Two UK numbers at the Seoul shop's one 120-won price read "Estimated cost: ₩240." with no
    "about", as if Meta charged a London number what it charges a Seoul one (two countries did say
    it): one other country says it the same way, and names it."""
    from PySide6.QtWidgets import QMessageBox

    editor = _ready_to_send(
        qtbot, ctx, "winter_sale_ok", jihoon_wa_id="447400123456", minji_wa_id="447400654321"
    )
    shown = editor.schedule.cost_note.cost.text()
    assert (
        "About ₩240 at your one price per message: Meta's price differs by country, and these "
        "customers are all in the United Kingdom." in shown
    )
    assert "Estimated cost" not in shown
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    editor.send_button.click()
    assert "all in the United Kingdom" in asked.texts[0]  # the last question says it too


def test_in_korean_customers_all_in_the_uk_read_about_the_cost_and_their_country(
    qtbot: Any, ctx: Any, korean: Any, korean_locale: Any
) -> None:
    editor = _ready_to_send(
        qtbot, ctx, "winter_sale_ok", jihoon_wa_id="447400123456", minji_wa_id="447400654321"
    )
    shown = editor.schedule.cost_note.cost.text()
    assert "예상 비용: 약\u00a0240원 (입력한 메시지당 가격 하나로 계산)." in shown
    assert "Meta 요금은 나라마다 달라요: 받는 고객들이 모두 영국에 있어요." in shown


def test_customers_all_in_the_shops_own_country_read_the_cost_plainly(qtbot: Any, ctx: Any) -> None:
    editor = _ready_to_send(qtbot, ctx, "winter_sale_ok")
    assert "Estimated cost: ₩240." in editor.schedule.cost_note.cost.text()


def test_an_ad_to_customers_with_no_korean_number_does_not_speak_of_koreas_night_hours(
    qtbot: Any, ctx: Any
) -> None:
    """Two UK customers' ad read "Marketing to Korean numbers waits until 8:00 AM…", a rule about
    nobody in the campaign; a Korean number among them brings the note back."""
    editor = _ready_to_send(
        qtbot, ctx, "winter_sale_ok", jihoon_wa_id="447400123456", minji_wa_id="447400654321"
    )
    assert not editor.schedule.night_note.isVisible()
    with ctx.db.write() as s:
        from sqlalchemy import select

        from app.models import Contact

        minji = s.scalar(select(Contact).where(Contact.profile_name == "Minji Kim"))
        assert minji is not None
        minji.wa_id = "821055501234"
    editor.load(editor.draft())
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.schedule.night_note.isVisible(), timeout=5000)
    assert "Korean numbers" in editor.schedule.night_note.text()


def test_an_ad_sent_anyway_without_the_laws_form_is_still_confirmed_with_its_count(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """The tester's "전체 고객 세일 안내" went out as soon as they answered the law's question."""
    from PySide6.QtWidgets import QMessageBox

    editor = _ready_to_send(qtbot, ctx, "winter_sale")
    sent: list[Any] = []
    editor.send_requested.connect(sent.append)
    law = dialogs.expect("warning", answer=QMessageBox.StandardButton.Yes)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    editor.send_button.click()
    assert "Send it anyway?" in law.texts[0]
    assert asked.texts[0].startswith("Send “Winter sale” to 2 customers now?")
    assert "Estimated cost: ₩240." in asked.texts[0]
    assert sent == []


def test_an_ad_set_for_later_without_the_laws_form_asks_to_schedule_it_anyway_not_send_it(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """With a time set, the law's question offered "Send anyway", as if it would go out at once."""
    from PySide6.QtCore import QDateTime, QTime
    from PySide6.QtWidgets import QMessageBox

    editor = _ready_to_send(qtbot, ctx, "winter_sale")
    editor.schedule.at.setChecked(True)
    tomorrow = editor.schedule.when.dateTime().date().addDays(1)
    editor.schedule.when.setDateTime(QDateTime(tomorrow, QTime(14, 0)))
    law = dialogs.expect("warning", answer=QMessageBox.StandardButton.Cancel)
    editor.send_button.click()
    assert "Schedule it anyway?" in law.texts[0] and "Send it anyway?" not in law.texts[0]
    assert law.shown[0].widget.startswith("QMessageBox [&Schedule anyway | &Cancel]")


def test_without_a_price_set_the_last_look_still_says_meta_charges_for_the_messages(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """With no price in Settings, the question asked only "Send … to 2 customers now?": nothing said
    the messages are paid."""
    from PySide6.QtWidgets import QMessageBox

    editor = _ready_to_send(qtbot, ctx, "winter_sale_ok", priced=False)
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    editor.send_button.click()
    assert "Meta charges up to 2 marketing messages (each one delivered)." in asked.texts[0]
    assert "Enter your price per message in Settings to see the cost." in asked.texts[0]


def test_an_audience_nobody_may_get_is_said_before_the_laws_question(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """With nobody to send to, the owner first had to say yes to sending an ad that lacks the law's
    form, and only then heard that nobody would get it. Nor is a campaign with no name or template
    asked about, to be refused after the yes."""
    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    sent: list[Any] = []
    editor.send_requested.connect(sent.append)
    unnamed = dialogs.expect("warning")
    editor.send_button.click()
    assert unnamed.texts == ["A campaign needs a name."]
    editor.name.setText("전체 고객 세일 안내")
    no_template = dialogs.expect("warning")
    editor.send_button.click()
    assert no_template.texts == ["Choose an approved template for the campaign."]
    choose_template(editor, "winter_sale")  # lacks the law's form
    for _source, text in editor.message.param_rows:
        text.setText("SALE10")
    editor.audience_box.wrote.setChecked(True)  # nobody wrote lately
    box = editor.audience_box
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 0, timeout=5000)
    assert editor.law_problems()
    nobody = dialogs.expect("warning")
    editor.send_button.click()
    assert nobody.texts == ["Nobody in this audience may get the campaign: see who is left out and why."]
    assert sent == []


def test_a_blank_left_empty_stops_the_send_and_puts_the_cursor_in_it(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """{{2}}'s grey "SPRING10" looked filled; Send said a blank was empty, and the owner looked for it."""
    editor = _ready_to_send(qtbot, ctx, "winter_sale_ok")
    editor.window().activateWindow()
    blank = editor.message.param_rows[1][1]
    blank.clear()
    sent: list[Any] = []
    editor.send_requested.connect(sent.append)
    said = dialogs.expect("warning")
    editor.send_button.click()
    assert said.texts == ["Fill in the blanks {{2}} of the template first."]
    assert sent == []
    qtbot.waitUntil(blank.hasFocus, timeout=5000)
    # With no name either, the name comes first, and the cursor goes there.
    editor.name.clear()
    dialogs.expect("warning")
    editor.send_button.click()
    qtbot.waitUntil(editor.name.hasFocus, timeout=5000)


def test_add_back_works_for_a_customer_taken_out_by_hand_and_says_why_not_for_one_without_consent(
    qtbot: Any, ctx: Any
) -> None:
    """ "Add back" on a customer left out for lack of consent did nothing, and said nothing."""
    from PySide6.QtCore import QItemSelectionModel, Qt

    seed(ctx)
    editor = open_window(qtbot, ctx).editor
    box = editor.audience_box
    choose_template(editor, "winter_sale_ok")
    box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 2, timeout=5000)
    box.lists.setCurrentIndex(1)

    def select_left_out(name: str) -> None:
        model = box.left_out_model
        row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        box.left_out_view.selectionModel().select(model.index(row, 0), flags)

    assert not box.add_back_button.isEnabled()  # nothing chosen yet
    select_left_out("No Consent")
    assert not box.add_back_button.isEnabled()
    assert box.add_back_note.isVisibleTo(box)
    assert box.add_back_note.text() == "Only customers you took out can be added back."
    assert "without consent, they must agree first" in box.add_back_note.toolTip()
    # Minji taken out by hand: she can be added back.
    box.lists.setCurrentIndex(0)
    box.recipients_view.selectRow(
        next(i for i, m in enumerate(box.recipients_model.members) if m.name == "Minji Kim")
    )
    box.remove_button.click()
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 1, timeout=5000)
    box.lists.setCurrentIndex(1)
    select_left_out("Minji Kim")
    assert box.add_back_button.isEnabled() and not box.add_back_note.isVisibleTo(box)
    box.add_back_button.click()
    qtbot.waitUntil(lambda: editor.is_loaded() and box.recipients_model.rowCount() == 2, timeout=5000)


def test_a_quick_reply_button_the_menu_bot_does_not_answer_is_named_and_one_it_answers_is_said(
    qtbot: Any, ctx: Any
) -> None:
    """Customers tapped the sale's "쿠폰 받기" and nobody answered. The editor names the button (not
    the opt-out, which the relay answers), or says the menu bot answers it when a rule matches it."""
    from app.automations_store import load_state, save_local
    from app.wire import BotAnswer, KeywordRule

    with_buttons = BARE_AD.model_copy(
        update={
            "components": [
                *BARE_AD.components,
                {
                    "type": "BUTTONS",
                    "buttons": [
                        {"type": "QUICK_REPLY", "text": "쿠폰 받기"},
                        {"type": "QUICK_REPLY", "text": "수신 거부"},
                    ],
                },
            ]
        }
    )
    seed(ctx)
    with ctx.db.write() as s:
        put_setting(
            s, TEMPLATES_SETTING, [with_buttons.model_dump(mode="json"), LAWFUL_AD.model_dump(mode="json")]
        )
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "winter_sale")
    assert editor.message.buttons_note.isVisible()
    assert editor.message.buttons_note.text() == (
        "If a customer taps ‘쿠폰 받기’, the menu bot does not answer. Make sure someone will."
    )
    choose_template(editor, "winter_sale_ok")  # only the opt-out button
    assert not editor.message.buttons_note.isVisible()

    with ctx.db.write() as s:
        doc = load_state(s).doc
        doc.bot.enabled = True
        doc.bot.rules = [KeywordRule(id="coupon", keywords=["쿠폰"], answer=BotAnswer(text="쿠폰: SALE10"))]
        save_local(s, doc)
    editor.load(editor.draft())
    qtbot.waitUntil(editor.is_loaded, timeout=5000)
    choose_template(editor, "winter_sale")
    assert editor.message.buttons_note.text() == "If a customer taps ‘쿠폰 받기’, the menu bot answers."


def test_the_audience_leaves_out_customers_waiting_for_a_person_and_the_owner_may_keep_them(
    qtbot: Any, ctx: Any
) -> None:
    """A customer whose chat was handed to a person got the sale ad while waiting for an answer."""
    from sqlalchemy import select

    from app.models import Contact

    seed(ctx)
    with ctx.db.write() as s:
        jihoon = s.scalars(select(Contact).where(Contact.profile_name == "Jihoon Park")).one()
        jihoon.bot_paused_until = datetime.now(UTC) + timedelta(hours=3)
    editor = open_window(qtbot, ctx).editor
    choose_template(editor, "winter_sale")
    box = editor.audience_box
    qtbot.waitUntil(lambda: box.recipients_model.rowCount() == 1, timeout=5000)
    assert box.skip_waiting.isVisible() and box.skip_waiting.isChecked()
    # ("customer(s)" until the English translation gives it its plural forms)
    assert box.skip_waiting.text().startswith("Leave out the 1 customer")
    assert "Needs a person: 1" in box.counts.text()
    assert editor.preview_for.findText("Jihoon Park") == -1
    box.skip_waiting.setChecked(False)
    qtbot.waitUntil(lambda: box.recipients_model.rowCount() == 2, timeout=5000)
    assert editor.draft().audience.keep_waiting
    assert box.skip_waiting.isVisible()  # still there, to leave them out again


def test_the_left_out_list_gives_names_room_and_wraps_a_long_reason(qtbot: Any, ctx: Any) -> None:
    """The tester's 이름 column was squeezed to three syllables beside the reason."""
    from PySide6.QtCore import Qt

    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    choose_template(editor, "winter_sale")
    box = editor.audience_box
    box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.is_loaded() and box.left_out_model.rowCount() == 3, timeout=5000)
    box.lists.setCurrentIndex(1)
    view = box.left_out_view
    qtbot.waitUntil(view.isVisible, timeout=5000)
    name_room = view.fontMetrics().horizontalAdvance(view.NAME_ROOM)
    # The name's column widens a turn after the rows come; the stretched reason gives the room
    # back on the header's next turn: the reason wraps, never scrolled sideways.
    qtbot.waitUntil(
        lambda: (
            view.columnWidth(0) >= name_room
            and sum(view.columnWidth(c) for c in range(3)) <= view.viewport().width()
        ),
        timeout=5000,
    )
    reason = box.left_out_model.index(1, 2)
    assert reason.data(Qt.ItemDataRole.ToolTipRole) == reason.data()  # said whole on hover too


def test_at_1366_pixels_each_left_out_reason_is_read_whole_in_its_row_without_hovering(
    qtbot: Any, ctx: Any, korean: Any
) -> None:
    """The bakery owner's 제외 이유 column read "미국 번호(+1)…" and "알림·광고 수…" at 1366×768, the
    reason whole only in a tooltip: each reason wraps in its column and its row is as tall as it."""
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1346, 700)  # 1366 less the window's frame
    editor = window.editor
    choose_template(editor, "winter_sale")
    box = editor.audience_box
    box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.is_loaded() and box.left_out_model.rowCount() == 3, timeout=5000)
    box.lists.setCurrentIndex(1)
    view = box.left_out_view
    qtbot.waitUntil(view.isVisible, timeout=5000)
    model = box.left_out_model
    reasons = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert "알림·광고 수신 동의 없음" in reasons
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    width = view.columnWidth(2) - margin
    one_line = view.fontMetrics().height()
    assert view.fontMetrics().horizontalAdvance(max(reasons, key=len)) > width  # too long for one line

    def whole(row: int) -> bool:
        text = reasons[row]
        lines = view.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text)
        return lines.height() <= view.rowHeight(row) and lines.width() <= width

    qtbot.waitUntil(lambda: all(whole(r) for r in range(len(reasons))), timeout=5000)
    assert max(view.rowHeight(r) for r in range(len(reasons))) >= 2 * one_line
    # Drawn wrapped onto those lines, not cut to one line with "…" (a one-line row was elided).
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    assert option.features & QStyleOptionViewItem.ViewItemFeature.WrapText
    assert sum(view.columnWidth(c) for c in range(3)) <= view.viewport().width()  # nothing scrolls sideways


def test_a_left_out_customers_whole_reason_is_read_below_the_list_and_a_widened_reason_column_stays(
    qtbot: Any, ctx: Any, korean: Any
) -> None:
    """At 1366×768 the reason column of the ~290-pixel audience showed "알림·광고 수…": the selected
    customer's reason is read whole under the list, and a column the owner widens keeps its width
    when the list is refilled or the window resized."""
    from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
    from PySide6.QtTest import QTest

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.resize(1346, 700)
    editor = window.editor
    choose_template(editor, "winter_sale")
    box = editor.audience_box
    box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.is_loaded() and box.left_out_model.rowCount() == 3, timeout=5000)
    box.lists.setCurrentIndex(1)
    view = box.left_out_view
    qtbot.waitUntil(view.isVisible, timeout=5000)
    assert box.reason_line.text() == "고객을 고르면 제외된 이유를 모두 볼 수 있어요."
    model = box.left_out_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "No Consent")
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    view.selectionModel().select(model.index(row, 0), flags)
    assert box.reason_line.text() == "No Consent: 알림·광고 수신 동의 없음"
    assert box.reason_line.isVisibleTo(box) and box.reason_line.wordWrap()

    # The owner drags the name column's edge 60 pixels to the right (the reason gets less room).
    header = view.horizontalHeader()
    edge = QPoint(header.sectionViewportPosition(0) + header.sectionSize(0) - 1, header.height() // 2)
    wide = header.sectionSize(0) + 60
    QTest.mousePress(header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge)
    QTest.mouseMove(header.viewport(), edge + QPoint(60, 0))
    QTest.mouseRelease(
        header.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, edge + QPoint(60, 0)
    )
    assert view.columnWidth(0) == wide
    reason_width = view.columnWidth(2)
    with qtbot.waitSignal(model.modelReset, timeout=5000):  # the list refilled for another audience
        box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Unchecked)
    qtbot.waitUntil(editor.is_loaded, timeout=5000)
    view.fit_columns()  # as the refill's deferred fit does
    assert view.columnWidth(0) == wide
    window.resize(1300, 700)
    qtbot.waitUntil(lambda: view.columnWidth(2) != reason_width, timeout=2000)  # the reason takes the change
    assert view.columnWidth(0) == wide


def test_the_korean_night_hold_note_writes_its_hours_as_the_confirmation_does(
    qtbot: Any, korean: None, korean_locale: None
) -> None:
    """The form said "21:00–08:00" and the confirmation "21:00~08:00" for the same night: a Korean
    range of hours takes "~", as the shop's own hours are written. Its hours read as every other time
    the owner reads ("오후 9:00", the law's own "오후 9시"), not the shop's door's 24-hour clock."""
    from ui.campaign_schedule import ScheduleBox

    box = ScheduleBox()
    qtbot.addWidget(box)
    # Each time's space a no-break one: "오전" never ends a line apart from its "8:00까지".
    assert "오후\u00a09:00~오전\u00a08:00 사이에는 오전\u00a08:00까지" in box.night_note.text()


def test_a_campaign_change_from_the_relay_keeps_the_draft_the_owner_is_typing(qtbot: Any, ctx: Any) -> None:
    """Another campaign's progress arrives (a sync) while the owner edits a saved draft: the list is
    read again, and the draft on the form stays as she typed it, still unsaved."""
    from app.changes import Changes

    seed(ctx)
    with ctx.db.write() as s:
        handed_over(s, {"sent": 2})
        cid = save_draft(s, CampaignDraft(name="Spring sale", template=LAWFUL_AD))
    window = open_window(qtbot, ctx)
    qtbot.waitUntil(lambda: window.list_model.row_of(cid) >= 0, timeout=5000)
    window.list.selectRow(window.list_model.row_of(cid))
    qtbot.waitUntil(
        lambda: window.editor.is_loaded() and window.editor.name.text() == "Spring sale", timeout=5000
    )
    window.editor.name.setText("Spring sale — last days")
    assert window.has_unsaved_edits()
    with qtbot.waitSignal(window.list_model.modelReset, timeout=5000):
        ctx.publish(Changes(campaigns=True))
    assert window.editor.name.text() == "Spring sale — last days" and window.has_unsaved_edits()
    assert window.stack.currentWidget() is window.editor and window.current_id == cid


def test_the_exported_report_reads_as_the_table_does_in_korean_on_the_shops_clock(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: Any, korean: Any
) -> None:
    """A Korean baker opened the exported report in Excel: name, phone, state, sent_at_utc,
    "skipped", "yes", times in UTC. It now has the table's columns and words, and the shop's clock."""
    import csv
    import io

    seed(ctx)
    with ctx.db.write() as s:
        uid, (reached, waiting) = handed_over(s, {"read": 1})
        sent_at = NOW - timedelta(hours=2)
        out = {"direction": "out", "sent_by": "campaign", "campaign_id": uid, "sent_at": sent_at}
        make_message(s, reached, "sale", status="read", **out)
        reached.opted_out_at = NOW - timedelta(hours=1)
        reached_name, waiting_name = reached.display_name, waiting.display_name
    report = open_report(qtbot, ctx)
    told = dialogs.expect("information")
    target = tmp_path / "이번 주 신메뉴.csv"
    report.export(target)
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Korean Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["이름", "전화번호", "전송 상태", "보낸 시각", "답장", "수신거부", "사유", "버전"]
    by_name = {row[0]: row for row in rows[1:]}
    wall = sent_at.astimezone(report.model.zone).strftime("%Y-%m-%d %H:%M")
    assert by_name[reached_name][2:6] == ["✓✓ 읽음", wall, "", "예"]
    assert by_name[waiting_name][2:4] == ["대기 중", ""]  # not sent yet: no time


def test_a_screen_reader_reads_a_campaign_with_its_state_not_its_name_alone(qtbot: Any, ctx: Any) -> None:
    from PySide6.QtGui import QAccessible

    seed(ctx)
    window = open_window(qtbot, ctx)
    window.editor.name.setText("Winter sale")
    choose_template(window.editor, "winter_sale_ok")
    window.editor.audience_box.wrote.setChecked(True)
    window.editor.save_button.click()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 1, timeout=5000)
    table = QAccessible.queryAccessibleInterface(window.list)
    cells = [table.child(i) for i in range(table.childCount())]
    said = [c.text(QAccessible.Text.Name) for c in cells if c.role() == QAccessible.Role.Cell]
    assert said[0] == f"Winter sale, {window.list_model.details(0)}"  # the shown column (the rest hidden)
    assert window.list_model.details(0).startswith("Draft")


def test_a_laptop_two_hours_slow_schedules_on_the_relays_clock(qtbot: Any, ctx: Any, dialogs: Any) -> None:
    """The relay sends a campaign on its own clock: on a laptop two hours slow, "Send at" started an hour
    ahead of the laptop (an hour ago for the relay), and a time already gone was let through and sent at once."""
    from email.utils import formatdate

    from app import relay_clock

    laptop = relay_clock.local_time()
    true_now = datetime.fromtimestamp(laptop, UTC) + timedelta(hours=2)  # as the relay's `Date` says
    relay_clock.observe(formatdate(true_now.timestamp(), usegmt=True), received_at=laptop)
    seed(ctx)
    _shop_in(ctx, "Asia/Seoul")
    editor = open_window(qtbot, ctx).editor
    editor.name.setText("Lunch sale")
    choose_template(editor, "winter_sale_ok")
    editor.schedule.at.setChecked(True)
    when = editor.scheduled_at()
    assert when is not None
    assert timedelta(minutes=58) <= when - true_now <= timedelta(minutes=61)

    # Half an hour ahead on the laptop's clock: gone an hour and a half ago on the relay's.
    editor.schedule.when.setDateTime(editor.schedule.shown(true_now - timedelta(minutes=90)))
    sent: list[Any] = []
    editor.send_requested.connect(sent.append)
    refused = dialogs.expect("warning")
    editor.send_button.click()
    assert sent == [] and "has passed" in refused.shown[0].text


def test_customers_swapped_while_the_send_question_is_open_are_asked_about_again(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """Two customers, and two again after Jihoon opted out and a third customer agreed to ads while
    the owner read the question: still "2", but not the two she said yes to. She is asked again."""
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from app.changes import Changes
    from app.models import Contact

    editor = _ready_to_send(qtbot, ctx, "winter_sale_ok")
    before = frozenset(m.contact_id for m in editor.resolved.recipients)
    handed: list[frozenset[int]] = []
    editor.send_requested.connect(lambda _draft, contacts: handed.append(contacts))

    def answer(shown: Any) -> QMessageBox.StandardButton:
        if len(question.shown) == 1:
            with ctx.db.write() as s:
                jihoon = s.scalar(select(Contact).where(Contact.profile_name == "Jihoon Park"))
                newcomer = s.scalar(select(Contact).where(Contact.profile_name == "No Consent"))
                assert jihoon is not None and newcomer is not None
                jihoon.opted_out_at = NOW
                newcomer.opted_in_at = newcomer.marketing_consent_at = NOW - timedelta(days=1)
                ids = frozenset({jihoon.id, newcomer.id})
            ctx.publish(Changes(contacts=ids))
            qtbot.waitUntil(lambda: frozenset(m.contact_id for m in editor.resolved.recipients) != before)
        return QMessageBox.StandardButton.Yes

    question = dialogs.expect("question", answer=answer, times=2)
    dialogs.expect("warning")  # this test's window has no relay to hand it to
    editor.send_button.click()
    first, again = question.shown
    assert "to 2 customers now" in first.text and "to 2 customers now" in again.text
    assert "some customers are not the same" in again.text
    now = frozenset(m.contact_id for m in editor.resolved.recipients)
    assert len(now) == 2 and now != before
    assert handed == [now]  # the two she said yes to the second time


def test_a_draft_read_late_does_not_open_over_the_draft_picked_after_it(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    """She clicked "Winter sale", then "Spring sale" at once: the first draft, read late (the pool
    busy), opened in the editor over the second while the list showed "Spring sale" picked; her
    edits would have gone into the other campaign."""

    import ui.campaign_window
    from ui.ops import pending_ops

    seed(ctx)
    with ctx.db.write() as s:
        winter = save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD))
        spring = save_draft(s, CampaignDraft(name="Spring sale", template=LAWFUL_AD))
    window = open_window(qtbot, ctx)
    window.reload()
    qtbot.waitUntil(lambda: window.list_model.rowCount() == 2, timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)

    def pick(campaign_id: int) -> None:
        window.list.setCurrentIndex(window.list_model.index(window.list_model.row_of(campaign_id), 0))

    held = hold_first_read(monkeypatch, ui.campaign_window, "read_draft")
    try:
        pick(winter)
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        pick(spring)
        qtbot.waitUntil(lambda: window.editor.name.text() == "Spring sale", timeout=5000)
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert window.current_id == spring
    assert window.editor.name.text() == "Spring sale"


def test_a_price_read_before_the_new_price_was_saved_does_not_bring_the_old_cost_back(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    """She saved a marketing price twice in a row in Settings (100, then 120): the editor's read
    after the first, read before the second was stored, answered last (the pool busy) and the
    campaign's estimated cost went back to ₩200 for two messages at ₩120."""

    from PySide6.QtCore import Qt

    import ui.campaign_editor
    from app.campaign_checks import Prices, store_prices
    from ui.ops import pending_ops

    seed(ctx)
    window = open_window(qtbot, ctx)
    editor = window.editor
    choose_template(editor, "winter_sale_ok")
    editor.audience_box.labels.findItems("VIP", Qt.MatchFlag.MatchExactly)[0].setCheckState(
        Qt.CheckState.Checked
    )
    qtbot.waitUntil(lambda: "up to 2 marketing messages" in editor.schedule.cost_note.cost.text())
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    held = hold_first_read(monkeypatch, ui.campaign_editor, "read_prices")
    try:
        ctx.publish(store_prices(ctx.db, Prices("KRW", 100, None)))
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        ctx.publish(store_prices(ctx.db, Prices("KRW", 120, None)))
        qtbot.waitUntil(lambda: "₩240" in editor.schedule.cost_note.cost.text(), timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held read
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert "₩240" in editor.schedule.cost_note.cost.text()
