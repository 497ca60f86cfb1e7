"""Alt letters of the kept-words offer's Restore and Discard: a letter of their words that nothing
else in the window has (above the chats, in the quick replies, in the greeting, in the catalogue),
none where every one is taken, never one shared with another button or field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog

from app.automation_drafts import keep_rules_draft
from app.automations_parts import AutomationsPart
from app.automations_store import AutomationsStore
from app.catalog_item_drafts import ItemWords, keep_item_draft
from app.quick_reply_drafts import QuickReplyWords, keep_quick_reply_draft
from tests.ui.test_dialog_mnemonics import ESC_BUTTONS, alt_letters, lettered_once, press_alt
from tests.ui.test_menu_mnemonics import mnemonic
from ui.ops import pending_ops


def test_above_the_chats_restore_and_discard_have_letters_no_menu_has(
    qtbot: Any, ctx: Any, window: Any
) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)
    keep_quick_reply_draft(ctx.db, QuickReplyWords(None, "/hours", "Open 10 to 7", "", ""))
    notice = window.kept_edits
    asked: list[str] = []

    def open_dialog(name: str) -> QDialog:
        asked.append(name)
        dialog = QDialog()
        qtbot.addWidget(dialog)
        return dialog

    notice.open_dialog = open_dialog
    notice.refresh()
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    # Every letter of "Discard" is another part's above the chats (the search's Period box took its
    # D): it goes without, and its own Alt+Shift+D, said in its tooltip, presses it.
    assert (notice.restore_button.text(), notice.discard_button.text()) == ("&Restore", "Discard")
    assert "Alt+Shift+D" in notice.discard_button.toolTip()
    menus = {mnemonic(action.text()) for action in window.menuBar().actions()}
    assert "R" not in menus, menus
    assert all(len(texts) == 1 for texts in alt_letters(window).values()), alt_letters(window)
    press_alt(qtbot, window, "R")
    qtbot.waitUntil(lambda: asked == ["quick_reply"], timeout=5000)


def test_in_the_quick_replies_restore_takes_its_free_letter_and_discard_goes_without(
    qtbot: Any, ctx: Any
) -> None:
    from ui.quick_reply_manager import QuickReplyManager

    keep_quick_reply_draft(ctx.db, QuickReplyWords(None, "/hours", "Open 10 to 7", "", ""))
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    manager.show()
    qtbot.waitUntil(lambda: not manager.is_loading() and pending_ops() == 0, timeout=5000)
    strip = manager.kept_strip
    assert strip is not None and strip.isVisibleTo(manager)
    # Its D, I, S, C and A are New's, Delete's, Save's, Choose…'s and Add's already.
    lettered_once(manager, without=ESC_BUTTONS | {"Discard"})
    assert (strip.restore_button.text(), strip.discard_button.text()) == ("&Restore", "Discard")
    press_alt(qtbot, manager, "R")
    qtbot.waitUntil(lambda: manager.text.toPlainText() == "Open 10 to 7", timeout=5000)


def test_in_the_greeting_restore_and_discard_take_letters_the_form_left(
    qtbot: Any, ctx: Any, korean: None
) -> None:
    from tests.ui.test_editor_mnemonics import ROW_BUTTONS
    from ui.greeting_editor import GreetingEditor

    saved = AutomationsStore(ctx.db).state().doc
    greeting = saved.greeting.model_copy(update={"text": "어서 오세요", "enabled": True})
    keep_rules_draft(ctx.db, AutomationsPart.GREETING, saved.model_copy(update={"greeting": greeting}))
    editor = GreetingEditor(ctx, client_provider=lambda: None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_busy() and pending_ops() == 0, timeout=5000)
    strip = editor.kept_strip
    assert strip is not None and strip.isVisibleTo(editor)
    lettered_once(editor, without=ROW_BUTTONS)
    assert (strip.restore_button.text(), strip.discard_button.text()) == ("복원(&E)", "버리기(&I)")


def test_in_the_catalogue_restore_and_discard_take_the_letters_the_form_left(
    qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    """The form's Revert (V), Import (M) and Meta catalogue (G) left R and I: Alt+R restores."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.test_dialog_mnemonics import open_catalogue

    keep_item_draft(ctx.db, ItemWords(None, "Linen apron", "32,000", "KRW", "", "", ""))
    window, pool = open_catalogue(qtbot, ctx)
    qtbot.waitUntil(lambda: window.kept_strip is not None and window.kept_strip.isVisible(), timeout=5000)
    lettered_once(window)
    strip = window.kept_strip
    assert (strip.restore_button.text(), strip.discard_button.text()) == ("&Restore", "D&iscard")
    press_alt(qtbot, window, "R")
    qtbot.waitUntil(lambda: window.form.name.text() == "Linen apron", timeout=5000)
    assert not strip.isVisible()
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard, times=None)
    window.close()
    pool.waitForDone(5000)
