"""A quick reply typed and not saved survives a crash: kept while she types, offered back at the
next opening of the quick replies (or above the chats), forgotten once saved or discarded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from app.db import Database
from app.paths import paths_for
from app.quick_replies import QuickReplyLibrary
from app.quick_reply_drafts import (
    QuickReplyWords,
    forget_quick_reply_draft,
    keep_quick_reply_draft,
    unsaved_quick_reply,
)
from tests.support.held_reads import hold_first_read
from ui.context import AppContext
from ui.draft_keeper import KEEP_AFTER_MS
from ui.formatting import shortcut_text
from ui.kept_edits_notice import QUICK_REPLIES, KeptEditsNotice
from ui.ops import pending_ops
from ui.quick_reply_manager import QuickReplyManager


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


@pytest.fixture
def next_start(db_path: Path, tmp_path: Path) -> Iterator[AppContext]:
    """The app started again on the same file: a database opened afresh, as after a crash."""
    database = Database.open(db_path)
    yield AppContext(db=database, paths=paths_for(tmp_path / "data"))
    database.close()


def opened(qtbot: Any, ctx: AppContext) -> QuickReplyManager:
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitUntil(lambda: not manager.is_loading() and pending_ops() == 0, timeout=5000)
    return manager


def offered(manager: QuickReplyManager) -> bool:
    return manager.kept_strip is not None and manager.kept_strip.isVisibleTo(manager)


def kept_text(db_path: Path) -> str | None:
    fresh = Database.open(db_path)  # what another process finds in the file now
    try:
        kept = unsaved_quick_reply(fresh)
        return kept.words.text if kept else None
    finally:
        fresh.close()


def test_a_new_quick_reply_typed_and_never_saved_comes_back_after_a_crash(
    qtbot: Any, ctx: AppContext, next_start: AppContext, db_path: Path
) -> None:
    manager = opened(qtbot, ctx)
    manager.new_reply()
    qtbot.keyClicks(manager.shortcut, "delivery")
    qtbot.keyClicks(manager.text, "We ship every weekday before 3 PM.")
    qtbot.waitUntil(
        lambda: kept_text(db_path) == "We ship every weekday before 3 PM.", timeout=KEEP_AFTER_MS + 5000
    )
    again = opened(qtbot, next_start)  # the crash: the first window never closed
    assert offered(again)
    assert again.kept_strip is not None
    assert again.kept_strip.text.text().startswith(
        f"You have an unsaved quick reply {shortcut_text('/delivery')} from "
    )
    again.kept_strip.restore_button.click()
    assert (again.shortcut.text(), again.text.toPlainText()) == (
        "/delivery",
        "We ship every weekday before 3 PM.",
    )
    assert again.current_id is None and again.has_unsaved_edits()
    assert QuickReplyLibrary(next_start.db).all() == []  # restored, not saved


def test_an_edit_of_a_saved_reply_comes_back_over_that_reply_and_saving_forgets_it(
    qtbot: Any, ctx: AppContext, next_start: AppContext
) -> None:
    row, _changes = QuickReplyLibrary(ctx.db).add("/thanks", "Thank you!")
    keep_quick_reply_draft(
        ctx.db, QuickReplyWords(row.id, "/thanks", "Thank you so much, {first_name}!", "", "")
    )
    manager = opened(qtbot, ctx)
    assert offered(manager)
    manager.kept_strip.restore_button.click()  # type: ignore[union-attr]
    assert manager.current_id == row.id
    assert manager.text.toPlainText() != "Thank you!" and manager.has_unsaved_edits()
    assert manager.save_current()
    qtbot.waitUntil(lambda: not manager.is_loading() and pending_ops() == 0, timeout=5000)
    assert QuickReplyLibrary(ctx.db).all()[0].text == "Thank you so much, {first_name}!"
    assert unsaved_quick_reply(ctx.db) is None
    assert not offered(opened(qtbot, next_start))


def test_words_equal_to_the_saved_reply_are_not_offered(qtbot: Any, ctx: AppContext) -> None:
    row, _changes = QuickReplyLibrary(ctx.db).add("/thanks", "Thank you!", keywords=["merci"])
    keep_quick_reply_draft(ctx.db, QuickReplyWords(row.id, "/thanks ", "Thank you!\n", "", " merci,"))
    assert not offered(opened(qtbot, ctx))


def test_discard_when_leaving_the_form_forgets_the_kept_words(
    qtbot: Any, ctx: AppContext, dialogs: Any
) -> None:
    manager = opened(qtbot, ctx)
    manager.new_reply()
    manager.shortcut.setText("/soon")
    manager.text.setPlainText("Back soon")
    manager.keeper.keep_now()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert unsaved_quick_reply(ctx.db) is not None
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    manager.close()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert unsaved_quick_reply(ctx.db) is None


def test_the_offer_above_the_chats_opens_the_quick_replies_with_the_words(
    qtbot: Any, ctx: AppContext
) -> None:
    keep_quick_reply_draft(ctx.db, QuickReplyWords(None, "/hours", "Open 10 to 7", "", ""))
    notice = KeptEditsNotice(ctx)
    qtbot.addWidget(notice)
    made: list[QuickReplyManager] = []

    def open_dialog(name: str) -> QDialog:
        assert name == QUICK_REPLIES
        made.append(QuickReplyManager(ctx))
        qtbot.addWidget(made[-1])
        return made[-1]

    notice.open_dialog = open_dialog
    notice.refresh()
    qtbot.waitUntil(lambda: notice.kept is not None, timeout=5000)
    assert notice.text.text().startswith(f"You have an unsaved quick reply {shortcut_text('/hours')} from ")
    notice.restore_button.click()
    qtbot.waitUntil(lambda: bool(made), timeout=5000)  # once the kept words are read again
    manager = made[0]
    qtbot.waitUntil(lambda: manager.text.toPlainText() == "Open 10 to 7", timeout=5000)
    assert manager.shortcut.text() == "/hours" and not offered(manager)


def test_saving_in_a_quick_replies_window_opened_from_the_menu_takes_the_offer_away(
    qtbot: Any, ctx: AppContext, window: Any
) -> None:
    """The offer above the chats hears the kept words were forgotten, not at the next refresh."""
    keep_quick_reply_draft(ctx.db, QuickReplyWords(None, "/hours", "Open 10 to 7", "", ""))
    notice = window.kept_edits
    notice.refresh()
    qtbot.waitUntil(lambda: notice.kept is not None and notice.isVisible(), timeout=5000)
    manager = opened(qtbot, ctx)  # from the menu, not from the offer: it offers them itself
    assert offered(manager)
    assert manager.kept_strip is not None
    manager.kept_strip.restore_button.click()
    manager.save_button.click()
    qtbot.waitUntil(lambda: pending_ops() == 0 and not notice.isVisible(), timeout=5000)
    assert notice.kept is None and unsaved_quick_reply(ctx.db) is None
    assert [r.shortcut for r in QuickReplyLibrary(ctx.db).all()] == ["/hours"]


def test_restore_of_words_saved_meanwhile_says_so_instead_of_opening_an_empty_form(
    qtbot: Any, ctx: AppContext, dialogs: Any
) -> None:
    keep_quick_reply_draft(ctx.db, QuickReplyWords(None, "/hours", "Open 10 to 7", "", ""))
    notice = KeptEditsNotice(ctx)
    qtbot.addWidget(notice)
    made: list[str] = []

    def open_dialog(name: str) -> QDialog:
        made.append(name)
        dialog = QDialog()
        qtbot.addWidget(dialog)
        return dialog

    notice.open_dialog = open_dialog
    notice.show()
    notice.refresh()
    qtbot.waitUntil(lambda: notice.kept is not None, timeout=5000)
    QuickReplyLibrary(ctx.db).add("/hours", "Open 10 to 7")  # saved on another way meanwhile…
    forget_quick_reply_draft(ctx.db)  # …which forgot them, and no refresh came yet
    told = dialogs.expect("information")
    notice.restore_button.click()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=5000)
    assert told.shown[0].text == "There is nothing to restore: those words were saved or discarded meanwhile."
    assert made == [] and not notice.isVisible()


def test_a_look_read_before_discard_does_not_offer_the_discarded_words_again(
    qtbot: Any, ctx: AppContext, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The strip's look at what the editors kept, read before her Discard was stored, answered after
    it (the pool busy) and offered the words she had just thrown away."""

    import ui.kept_edits_notice
    from app.changes import Changes

    keep_quick_reply_draft(ctx.db, QuickReplyWords(None, "/hours", "Open 10 to 7", "", ""))
    notice = window.kept_edits
    notice.refresh()
    qtbot.waitUntil(lambda: notice.kept is not None and notice.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    held = hold_first_read(monkeypatch, ui.kept_edits_notice, "unsaved_forms")
    try:
        ctx.publish(Changes(automations=True))  # a settings event: what is kept is read again
        qtbot.waitUntil(held.read.is_set, timeout=5000)
        notice.discard_button.click()
        qtbot.waitUntil(lambda: unsaved_quick_reply(ctx.db) is None, timeout=5000)
        qtbot.waitUntil(lambda: pending_ops() == 1, timeout=5000)  # all in but the held look
        assert not notice.isVisible()
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert not notice.isVisible() and notice.kept is None
