"""An automations editor's unsaved words survive a crash: kept on disk while she types, offered back
on the next start (Restore / Discard), forgotten once saved or discarded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from app.automation_drafts import EDITED_FIELDS, keep_rules_draft, unsaved_rules
from app.automations_parts import AutomationsPart
from app.automations_store import AutomationsStore
from app.db import Database
from app.editor_drafts import read_editor_draft
from app.paths import paths_for
from ui.away_editor import AwayEditor
from ui.context import AppContext
from ui.draft_keeper import KEEP_AFTER_MS
from ui.greeting_editor import GreetingEditor
from ui.kept_edits_notice import KeptEditsNotice
from ui.ops import pending_ops

KEPT_AWAY = "automations:away"


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


@pytest.fixture
def next_start(db_path: Path, tmp_path: Path) -> Iterator[AppContext]:
    """The app started again on the same file: a database opened afresh, as after a crash."""
    database = Database.open(db_path)
    yield AppContext(db=database, paths=paths_for(tmp_path / "data"))
    database.close()


def opened(qtbot: Any, editor: Any) -> Any:
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_busy(), timeout=5000)
    return editor


def kept_away_text(db_path: Path) -> str | None:
    """The away message another process would find kept in the file now (a fresh connection, not
    the window's)."""
    fresh = Database.open(db_path)
    try:
        kept = unsaved_rules(fresh, AutomationsPart.AWAY)
        return kept[0].doc.away.text if kept else None
    finally:
        fresh.close()


def offered(editor: Any) -> bool:
    return editor.kept_strip is not None and editor.kept_strip.isVisibleTo(editor)


def settled(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)


def test_a_typed_away_message_comes_back_after_a_crash(
    qtbot: Any, ctx: AppContext, next_start: AppContext, db_path: Path
) -> None:
    editor = opened(qtbot, AwayEditor(ctx, client_provider=lambda: None))
    editor.enabled.setChecked(True)
    editor.text.clear()
    qtbot.keyClicks(editor.text, "Closed for the holidays, back on Monday")
    # Kept a few seconds after she starts typing, without her saving anything.
    typed = "Closed for the holidays, back on Monday"
    qtbot.waitUntil(lambda: kept_away_text(db_path) == typed, timeout=KEEP_AFTER_MS + 5000)
    # The crash: the window never closes, nothing is saved; the app starts again on the same file.
    again = opened(qtbot, AwayEditor(next_start, client_provider=lambda: None))
    assert offered(again)
    assert again.kept_strip.text.text().startswith("You have an unsaved away message from ")
    assert again.text.toPlainText() == ""  # offered, not put in unasked
    again.kept_strip.restore_button.click()
    assert again.text.toPlainText() == "Closed for the holidays, back on Monday"
    assert again.enabled.isChecked()
    assert again.has_unsaved_edits() and not offered(again)
    assert AutomationsStore(next_start.db).state().doc.away.text == ""  # restored, not saved


def test_the_words_are_kept_when_the_focus_leaves_the_field(
    qtbot: Any, ctx: AppContext, db_path: Path
) -> None:
    editor = opened(qtbot, GreetingEditor(ctx, client_provider=lambda: None))
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.text.setFocus()
    qtbot.waitUntil(editor.text.hasFocus)
    qtbot.keyClicks(editor.text, "Welcome to our shop!")
    assert editor.keeper.is_pending()  # not written at each key
    editor.other_text.setFocus()
    assert not editor.keeper.is_pending()  # the field left: kept at once, not in a few seconds
    settled(qtbot)
    kept = unsaved_rules(ctx.db, AutomationsPart.GREETING)
    assert [k.doc.greeting.text for k in kept] == ["Welcome to our shop!"]


def test_saving_forgets_the_kept_words(qtbot: Any, ctx: AppContext, next_start: AppContext) -> None:
    editor = opened(qtbot, AwayEditor(ctx, client_provider=lambda: None))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("Back at nine")
    editor.keeper.keep_now()
    settled(qtbot)
    assert read_editor_draft(ctx.db, KEPT_AWAY) is not None
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=5000)
    settled(qtbot)
    assert read_editor_draft(ctx.db, KEPT_AWAY) is None
    again = opened(qtbot, AwayEditor(next_start, client_provider=lambda: None))
    assert not offered(again)
    assert again.text.toPlainText() == "Back at nine"


def test_discarding_on_close_forgets_the_kept_words(
    qtbot: Any, ctx: AppContext, next_start: AppContext, dialogs: Any
) -> None:
    editor = opened(qtbot, AwayEditor(ctx, client_provider=lambda: None))
    editor.text.setPlainText("Never mind")
    editor.keeper.keep_now()
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    editor.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    settled(qtbot)
    assert read_editor_draft(ctx.db, KEPT_AWAY) is None
    again = opened(qtbot, AwayEditor(next_start, client_provider=lambda: None))
    assert not offered(again)


def test_discard_in_the_offer_forgets_the_words_and_leaves_the_saved_message(
    qtbot: Any, ctx: AppContext
) -> None:
    saved = AutomationsStore(ctx.db).state().doc
    keep_rules_draft(
        ctx.db,
        AutomationsPart.AWAY,
        saved.model_copy(update={"away": saved.away.model_copy(update={"text": "Gone fishing"})}),
    )
    editor = opened(qtbot, AwayEditor(ctx, client_provider=lambda: None))
    assert offered(editor)
    editor.kept_strip.discard_button.click()
    settled(qtbot)
    assert read_editor_draft(ctx.db, KEPT_AWAY) is None
    assert editor.text.toPlainText() == "" and not editor.has_unsaved_edits()


def test_kept_words_equal_to_the_saved_ones_are_not_offered(qtbot: Any, ctx: AppContext) -> None:
    """Saved, then the app crashed before the kept copy was forgotten: nothing to restore."""
    keep_rules_draft(ctx.db, AutomationsPart.AWAY, AutomationsStore(ctx.db).state().doc)
    editor = opened(qtbot, AwayEditor(ctx, client_provider=lambda: None))
    assert not offered(editor)
    assert unsaved_rules(ctx.db) == []


def test_the_next_start_offers_the_words_above_the_chats_and_restore_opens_the_editor(
    qtbot: Any, ctx: AppContext
) -> None:
    saved = AutomationsStore(ctx.db).state().doc
    away = saved.away.model_copy(update={"text": "Out for lunch", "enabled": True})
    keep_rules_draft(ctx.db, AutomationsPart.AWAY, saved.model_copy(update={"away": away}))
    notice = KeptEditsNotice(ctx)
    qtbot.addWidget(notice)
    opened_editors: list[AwayEditor] = []

    def open_dialog(part: str) -> QDialog:
        assert part == "away"
        editor = AwayEditor(ctx, client_provider=lambda: None)
        qtbot.addWidget(editor)
        opened_editors.append(editor)
        return editor

    notice.open_dialog = open_dialog
    notice.refresh()
    qtbot.waitUntil(lambda: notice.kept is not None, timeout=5000)
    assert notice.isVisible()
    assert notice.text.text().startswith("You have an unsaved away message from ")
    notice.restore_button.click()
    qtbot.waitUntil(lambda: bool(opened_editors), timeout=5000)  # once the kept words are read again
    editor = opened_editors[0]
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_busy(), timeout=5000)
    assert editor.text.toPlainText() == "Out for lunch" and editor.has_unsaved_edits()
    assert not offered(editor)  # asked once, above the chats
    assert AutomationsStore(ctx.db).state().doc.away.text == ""


def test_the_offer_says_when_in_the_owners_words(qtbot: Any, korean: None, korean_locale: None) -> None:
    from ui.kept_edits_strip import kept_rules_sentence

    # On this computer's clock: 05:32 UTC on 1 December was still 11월 30일 in Chicago.
    at = datetime(2026, 12, 1, 14, 32).astimezone()
    sentence = kept_rules_sentence(AutomationsPart.AWAY, at)
    assert "12월 1일 (화)" in sentence and "저장하지 못한 자리 비움 메시지" in sentence


def test_words_kept_minutes_ago_are_offered_as_today(qtbot: Any, korean: None, korean_locale: None) -> None:
    """After a crash the words are minutes old: "12월 6일 (일) 오후 2:32에" read as a day long gone."""
    from ui.formatting import clock_time, recent_datetime
    from ui.kept_edits_strip import kept_rules_sentence

    now = datetime.now(UTC)  # and said at that moment: read a moment later, past midnight it was 어제
    assert kept_rules_sentence(AutomationsPart.AWAY, now, now) == (
        f"오늘 {clock_time(now)}에 작성하고 저장하지 못한 자리 비움 메시지가 있어요."
    )
    day_before = now - timedelta(days=1)
    assert recent_datetime(day_before, now=now) == f"어제 {clock_time(day_before)}"
    # an older day keeps its date: "12월 3일 (목)"
    assert "(" in recent_datetime(now - timedelta(days=3), now=now)


def test_the_main_window_offers_a_greeting_kept_before_a_crash(
    ctx: AppContext, qtbot: Any, request: Any
) -> None:
    saved = AutomationsStore(ctx.db).state().doc
    greeting = saved.greeting.model_copy(update={"text": "Hello from the new shop", "enabled": True})
    keep_rules_draft(ctx.db, AutomationsPart.GREETING, saved.model_copy(update={"greeting": greeting}))
    window = request.getfixturevalue("window")  # started after the crash, on the same file
    qtbot.waitUntil(lambda: window.kept_edits.isVisible(), timeout=5000)
    assert window.kept_edits.text.text().startswith("You have an unsaved greeting message from ")
    window.kept_edits.discard_button.click()
    settled(qtbot)
    assert unsaved_rules(ctx.db) == []
    assert not window.kept_edits.isVisible()


def test_an_editor_opened_from_the_menu_offers_the_kept_words_alone(
    ctx: AppContext, qtbot: Any, request: Any
) -> None:
    """Shop ▸ Away message opened after a crash: its own strip offers the words; the one above the
    chats steps back (the same offer stood twice, and its Restore would open a second editor)."""
    saved = AutomationsStore(ctx.db).state().doc
    away = saved.away.model_copy(update={"text": "Out for lunch", "enabled": True})
    keep_rules_draft(ctx.db, AutomationsPart.AWAY, saved.model_copy(update={"away": away}))
    window = request.getfixturevalue("window")
    qtbot.waitUntil(lambda: window.kept_edits.isVisible(), timeout=5000)
    editor = opened(qtbot, AwayEditor(window.ctx, client_provider=lambda: None, parent=window))
    assert offered(editor)
    assert not window.kept_edits.isVisible()
    editor.reject()  # closed undecided: the words are still kept, and offered above the chats again
    qtbot.waitUntil(lambda: window.kept_edits.isVisible(), timeout=5000)
    assert window.kept_edits.text.text().startswith("You have an unsaved away message from ")

    quick_replies = opened_quick_replies(qtbot, window.ctx, window)
    assert window.kept_edits.isVisible()  # another editor: it does not offer the away message
    quick_replies.reject()


def opened_quick_replies(qtbot: Any, ctx: AppContext, parent: Any) -> Any:
    from ui.quick_reply_manager import QuickReplyManager

    manager = QuickReplyManager(ctx, parent)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitUntil(manager.isVisible)
    return manager


def _changed(doc: Any, part: AutomationsPart) -> Any:
    """`doc` with something in `part` changed as its editor would change it."""
    if part is AutomationsPart.AWAY:
        return doc.model_copy(update={"away": doc.away.model_copy(update={"text": "Back on Monday"})})
    if part is AutomationsPart.GREETING:
        return doc.model_copy(update={"greeting": doc.greeting.model_copy(update={"text": "Welcome in!"})})
    if part is AutomationsPart.PROFILE:
        return doc.model_copy(update={"profile": doc.profile.model_copy(update={"name": "Seoul Linen"})})
    if part is AutomationsPart.BOT:
        return doc.model_copy(update={"bot": doc.bot.model_copy(update={"enabled": not doc.bot.enabled})})
    hours = doc.business_hours
    return doc.model_copy(update={"business_hours": hours.model_copy(update={"timezone": "Europe/London"})})


@pytest.mark.parametrize("part", list(AutomationsPart))
def test_every_automations_editor_restores_its_kept_part_unsaved(
    part: AutomationsPart, qtbot: Any, ctx: AppContext
) -> None:
    from ui.automation_editors import editor_for_part

    saved = AutomationsStore(ctx.db).state().doc
    kept = _changed(saved, part)
    keep_rules_draft(ctx.db, part, kept)
    editor = opened(qtbot, editor_for_part(ctx, part.value, None))
    assert offered(editor)
    editor.kept_strip.restore_button.click()
    assert editor.has_unsaved_edits()
    shown = editor.apply(editor.state.doc)
    fields = EDITED_FIELDS[part]
    assert [getattr(shown, f) for f in fields] == [getattr(kept, f) for f in fields]
    assert AutomationsStore(ctx.db).state().doc == saved
