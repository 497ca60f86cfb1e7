"""The campaign window counts its audience again when a contact's consent, labels or block change elsewhere."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.models import Label
from app.sending import TEMPLATES_SETTING
from app.settings import put_setting
from tests.support.campaign_window import LAWFUL_AD, NOW, choose_template, open_window
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat, settle


def _reasons(box: Any) -> dict[str, str]:
    model = box.left_out_model
    return {model.index(r, 0).data(): model.index(r, 2).data() for r in range(model.rowCount())}


def _recipients(box: Any) -> list[str]:
    model = box.recipients_model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_consent_labels_and_blocks_changed_in_the_main_window_reach_the_open_campaign(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """The tester had the campaign open, ticked 김하늘's consent in the contact panel, and the
    campaign still said 0 recipients until she unticked and ticked its label again."""
    ctx = window.ctx
    with ctx.db.write() as s:
        regulars = Label(name="단골", colour="#00A884")
        haneul = make_contact(s, profile_name="김하늘", marketing_consent_at=NOW - timedelta(minutes=5))
        haneul.labels = [regulars]
        make_message(s, haneul, "이 셔츠 다른 색도 있나요?")
        minji = make_contact(
            s,
            profile_name="박민지",
            opted_in_at=NOW - timedelta(days=3),
            marketing_consent_at=NOW - timedelta(days=3),
        )
        make_message(s, minji, "감사합니다")
        put_setting(s, TEMPLATES_SETTING, [LAWFUL_AD.model_dump(mode="json")])
        haneul_id, minji_id = haneul.id, minji.id
    load_chats(window, qtbot)

    campaigns = open_window(qtbot, ctx)
    editor = campaigns.editor
    box = editor.audience_box
    choose_template(editor, "winter_sale_ok")
    box.labels.findItems("단골", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.is_loaded() and box.left_out_model.rowCount() == 1, timeout=5000)
    assert _reasons(box) == {"김하늘": "No consent to notifications (an ad needs it too)"}
    assert _recipients(box) == []

    # In the main window, the contact panel: the notifications box she had missed.
    select_chat(window, qtbot, haneul_id)
    window.toggle_contact_panel()
    settle(qtbot)
    consent = window.contact_panel.consent
    consent.notifications_how.setCurrentIndex(consent.notifications_how.findData("in_store"))
    consent.notifications.click()
    qtbot.waitUntil(lambda: editor.is_loaded() and _recipients(box) == ["김하늘"], timeout=5000)
    assert box.counts.text().startswith("Will be sent to 1 · 0 excluded")
    assert editor.preview_for.currentText() == "김하늘"

    # Another regular labelled in the panel joins; blocking one takes them out again.
    select_chat(window, qtbot, minji_id)
    settle(qtbot)
    panel = window.contact_panel
    panel.labels_list.findItems("단골", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.is_loaded() and len(_recipients(box)) == 2, timeout=5000)
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    panel.block.click()
    qtbot.waitUntil(lambda: editor.is_loaded() and _recipients(box) == ["김하늘"], timeout=5000)
    assert _reasons(box) == {"박민지": "Blocked"}


def test_a_change_while_the_campaign_window_is_closed_is_counted_when_it_opens_again(
    window: Any, qtbot: Any
) -> None:
    from app.consent import record_consent

    ctx = window.ctx
    with ctx.db.write() as s:
        regulars = Label(name="단골", colour="#00A884")
        haneul = make_contact(s, profile_name="김하늘", marketing_consent_at=NOW - timedelta(minutes=5))
        haneul.labels = [regulars]
        put_setting(s, TEMPLATES_SETTING, [LAWFUL_AD.model_dump(mode="json")])
        haneul_id = haneul.id
    campaigns = open_window(qtbot, ctx)
    editor = campaigns.editor
    box = editor.audience_box
    choose_template(editor, "winter_sale_ok")
    box.labels.findItems("단골", Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: editor.is_loaded() and box.left_out_model.rowCount() == 1, timeout=5000)
    campaigns.hide()  # closing only hides it (edits kept)
    with qtbot.waitSignal(ctx.hub.changed):
        ctx.publish(record_consent(ctx.db, haneul_id, "notifications", True, "in_store"))
    settle(qtbot)
    assert _recipients(box) == []  # nothing counted for a window nobody sees
    campaigns.show()
    qtbot.waitUntil(lambda: editor.is_loaded() and _recipients(box) == ["김하늘"], timeout=5000)
