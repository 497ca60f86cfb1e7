"""Campaigns: a draft typed and not saved is never lost silently when the window closes or moves on."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from app.campaign_store import CampaignDraft, save_draft
from app.models import Campaign, Label
from tests.support.campaign_window import LAWFUL_AD, choose_template, open_window, seed
from ui.ops import pending_ops

QUESTION = "Save the changes to this campaign as a draft?"


def stored_names(ctx: Any) -> list[str]:
    with ctx.db.read() as s:
        return list(s.scalars(select(Campaign.name).order_by(Campaign.id)))


def activate(qtbot: Any, window: Any) -> None:
    with qtbot.waitActive(window):  # shortcuts work in the active window
        window.activateWindow()


def open_stored_draft(qtbot: Any, window: Any, name: str) -> None:
    qtbot.waitUntil(lambda: window.list_model.rowCount() >= 1, timeout=5000)
    window.list.selectRow(
        window.list_model.row_of(next(r.id for r in window.list_model.rows if r.name == name))
    )
    qtbot.waitUntil(lambda: window.editor.is_loaded() and window.editor.name.text() == name, timeout=5000)


def test_closing_a_typed_new_draft_asks_and_cancel_keeps_the_window_and_the_text(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    seed(ctx)
    window = open_window(qtbot, ctx)
    activate(qtbot, window)
    qtbot.keyClicks(window.editor.name, "Winter sale")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(window.editor.name, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert asked.texts == [QUESTION]
    assert window.isVisible()
    assert window.editor.name.text() == "Winter sale"
    assert stored_names(ctx) == []


def test_the_question_on_closing_saves_in_the_editors_own_words_save_draft(
    qtbot: Any, ctx: Any, dialogs: Any, korean: Any
) -> None:
    """The editor's button said 임시 저장 and the question on closing 저장: two words for one action."""
    seed(ctx)
    window = open_window(qtbot, ctx)
    window.editor.name.setText("겨울 세일")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    window.close()
    assert window.editor.save_button.text() == "임시 저장(&F)"  # Alt+F; the question says it plainly
    assert asked.texts == ["이\u00a0캠페인의 변경 사항을 임시 저장할까요?"]
    assert asked.shown[0].widget.startswith("QMessageBox [임시 저장(&F) |")
    assert window.isVisible()


def test_save_on_closing_stores_the_draft_and_it_is_listed_when_the_window_opens_again(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    seed(ctx)
    window = open_window(qtbot, ctx)
    qtbot.keyClicks(window.editor.name, "Winter sale")
    choose_template(window.editor, "winter_sale_ok")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert stored_names(ctx) == ["Winter sale"]
    window.show()
    qtbot.waitUntil(lambda: [r.name for r in window.list_model.rows] == ["Winter sale"], timeout=5000)
    assert window.editor.name.text() == "Winter sale"
    assert window.delete_button.isEnabled()  # the stored draft is the one shown
    window.close()  # saved: closes without asking again
    assert not window.isVisible()


def test_a_draft_without_a_name_is_not_saved_on_closing_and_the_window_says_why(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    seed(ctx)
    window = open_window(qtbot, ctx)
    choose_template(window.editor, "winter_sale_ok")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    told = dialogs.expect("warning")
    window.close()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    assert window.isVisible()
    assert window.editor.current_template() == LAWFUL_AD
    assert stored_names(ctx) == []


def test_discard_on_closing_saves_nothing_and_the_window_opens_again_empty(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    seed(ctx)
    window = open_window(qtbot, ctx)
    qtbot.keyClicks(window.editor.name, "Winter sale")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    window.close()
    assert asked.texts == [QUESTION]
    assert not window.isVisible()
    assert stored_names(ctx) == []
    window.show()
    qtbot.waitUntil(lambda: window.editor.is_loaded() and window.editor.name.text() == "", timeout=5000)
    assert not window.has_unsaved_edits()


def test_a_campaign_opened_and_closed_with_esc_unchanged_closes_without_asking(qtbot: Any, ctx: Any) -> None:
    seed(ctx)
    with ctx.db.write() as s:
        save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD))
    window = open_window(qtbot, ctx)
    open_stored_draft(qtbot, window, "Winter sale")
    qtbot.waitUntil(lambda: window.editor.current_template() == LAWFUL_AD, timeout=5000)
    activate(qtbot, window)
    qtbot.keyClick(window.list, Qt.Key.Key_Escape)  # no question declared: asking would fail the test
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_picking_another_campaign_asks_and_cancel_keeps_the_edited_one_selected(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    seed(ctx)
    with ctx.db.write() as s:
        first = save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD))
        save_draft(s, CampaignDraft(name="Spring sale", template=LAWFUL_AD))
    window = open_window(qtbot, ctx)
    open_stored_draft(qtbot, window, "Winter sale")
    qtbot.keyClicks(window.editor.name, " 2")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    window.list.selectRow(
        window.list_model.row_of(next(r.id for r in window.list_model.rows if r.id != first))
    )
    assert asked.texts == [QUESTION]
    assert window.current_id == first
    assert window.list.currentIndex().row() == window.list_model.row_of(first)
    assert window.editor.name.text() == "Winter sale 2"
    asked_again = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    window.new_button.click()
    assert asked_again.texts == [QUESTION]
    qtbot.waitUntil(lambda: window.editor.is_loaded() and window.editor.name.text() == "", timeout=5000)
    assert sorted(stored_names(ctx)) == ["Spring sale", "Winter sale 2"]


def test_quitting_the_app_asks_about_a_draft_left_in_the_campaigns_window(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Ctrl+Q closes the main window, and with it the app: the open Campaigns window is asked first,
    so Cancel keeps the app and the draft; Discard lets both close."""
    from ui.campaign_window import CampaignWindow
    from ui.menus import install_menus

    seed(ctx)
    install_menus(window, ctx)
    shop = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Shop")
    next(a for a in shop.actions() if a.text().replace("&", "") == "Campaigns…").trigger()
    # This test's window: one an earlier test left may linger in the list, already deleted.
    campaigns = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, CampaignWindow) and shiboken6.isValid(w) and w.isVisible()
    )
    qtbot.waitUntil(lambda: campaigns.isVisible() and campaigns.editor.is_loaded(), timeout=5000)
    qtbot.keyClicks(campaigns.editor.name, "Winter sale")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    window.close()
    assert asked.texts == [QUESTION]
    assert window.isVisible() and campaigns.isVisible()
    assert campaigns.editor.name.text() == "Winter sale"
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    window.close()
    assert not window.isVisible() and not campaigns.isVisible()
    assert stored_names(ctx) == []


def test_a_new_campaign_opens_empty_and_to_send_now_after_a_scheduled_draft(qtbot: Any, ctx: Any) -> None:
    """A draft set to "Send at" was opened, then New campaign: the empty campaign still showed that
    draft's "Send at" time (and would have been scheduled). Every field starts afresh."""
    from datetime import UTC, datetime, timedelta

    from app.campaign_store import PACE_DEFAULT
    from app.campaigns import Audience, ParameterSource, ParameterSpec

    seed(ctx)
    with ctx.db.write() as s:
        vip = s.scalar(select(Label.id).where(Label.name == "VIP"))
        assert vip is not None
        draft = CampaignDraft(
            name="Night sale",
            template=LAWFUL_AD,
            parameters=(
                ParameterSpec(ParameterSource.FIRST_NAME, "손님"),
                ParameterSpec(ParameterSource.TEXT, "X1"),
            ),
            audience=Audience(label_ids=(vip,), all_labels=True, wrote_within_days=7, bought_within_months=3),
            scheduled_at=datetime.now(UTC) + timedelta(days=2),
            pace=3,
        )
        save_draft(s, draft)
    window = open_window(qtbot, ctx)
    open_stored_draft(qtbot, window, "Night sale")
    editor = window.editor
    assert editor.schedule.at.isChecked() and editor.schedule.when.isEnabled()
    window.new_button.click()
    qtbot.waitUntil(lambda: editor.is_loaded() and editor.name.text() == "", timeout=5000)
    assert editor.schedule.now.isChecked() and not editor.schedule.at.isChecked()
    assert not editor.schedule.when.isEnabled()
    assert editor.message.template.currentIndex() == 0 and editor.message.param_rows == []
    assert editor.draft() == CampaignDraft(name="", pace=PACE_DEFAULT)
    assert not editor.is_dirty()


def test_deleting_a_draft_asks_first_and_cancel_keeps_it(
    qtbot: Any, ctx: Any, dialogs: Any, korean: Any
) -> None:
    """A click on 임시 저장 삭제, beside 임시 저장, took the draft away without a word."""
    seed(ctx)
    with ctx.db.write() as s:
        save_draft(s, CampaignDraft(name="겨울 세일", template=LAWFUL_AD))
    window = open_window(qtbot, ctx)
    open_stored_draft(qtbot, window, "겨울 세일")
    kept = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    window.delete_button.click()
    assert kept.texts == ["임시 저장한 “겨울 세일”을 삭제할까요? 되돌릴 수 없어요."]
    assert kept.shown[0].widget.startswith("QMessageBox [삭제(&D) | 취소(&C)]")
    assert stored_names(ctx) == ["겨울 세일"]

    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    window.delete_button.click()
    qtbot.waitUntil(lambda: stored_names(ctx) == [], timeout=5000)


def test_a_draft_opened_before_the_windows_first_choices_arrived_keeps_its_template(
    qtbot: Any, ctx: Any, monkeypatch: Any
) -> None:
    """On a busy computer the blank editor's choices came after the draft's and emptied its template."""
    import threading

    from ui import campaign_editor
    from ui.campaign_window import CampaignWindow
    from ui.ops import pending_ops

    seed(ctx)
    with ctx.db.write() as s:
        save_draft(s, CampaignDraft(name="Winter sale", template=LAWFUL_AD))
    read_choices, calls, first_may_finish = campaign_editor.editor_choices, [], threading.Event()

    def first_one_late(db: Any, fetch: Any) -> Any:
        calls.append(db)
        if len(calls) == 1:
            first_may_finish.wait(10)  # the window's first read, held until the draft is shown
        return read_choices(db, fetch)

    monkeypatch.setattr(campaign_editor, "editor_choices", first_one_late)
    window = CampaignWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda _w: qtbot.waitUntil(lambda: pending_ops() == 0))
    window.show()
    try:
        open_stored_draft(qtbot, window, "Winter sale")
        qtbot.waitUntil(lambda: window.editor.current_template() == LAWFUL_AD, timeout=5000)
    finally:
        first_may_finish.set()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)  # the late choices were delivered
    assert window.editor.name.text() == "Winter sale"
    assert window.editor.current_template() == LAWFUL_AD
    assert not window.has_unsaved_edits()


def test_save_draft_pressed_twice_on_a_new_campaign_stores_one_draft(qtbot: Any, ctx: Any) -> None:
    """A double click on Save draft stored two drafts of the same new campaign."""
    seed(ctx)
    window = open_window(qtbot, ctx)
    qtbot.keyClicks(window.editor.name, "Winter sale")
    window.editor.save_button.click()
    window.editor.save_button.click()
    qtbot.waitUntil(lambda: [r.name for r in window.list_model.rows] == ["Winter sale"], timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert stored_names(ctx) == ["Winter sale"]


def test_closing_right_after_save_draft_closes_once_it_is_stored_without_asking(qtbot: Any, ctx: Any) -> None:
    seed(ctx)
    window = open_window(qtbot, ctx)
    qtbot.keyClicks(window.editor.name, "Winter sale")
    window.editor.save_button.click()
    window.close()  # no question declared: asking would fail the test
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert stored_names(ctx) == ["Winter sale"]
