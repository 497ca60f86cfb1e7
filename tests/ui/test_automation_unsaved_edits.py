"""Greeting, away, hours, profile and menu bot editors: closing with unsaved edits asks first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.automations_store import AutomationsStore
from app.paths import paths_for
from ui.context import AppContext


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


def build(name: str, ctx: AppContext) -> Any:
    if name == "greeting":
        from ui.greeting_editor import GreetingEditor

        return GreetingEditor(ctx, client_provider=lambda: None)
    if name == "away":
        from ui.away_editor import AwayEditor

        return AwayEditor(ctx, client_provider=lambda: None)
    if name == "hours":
        from ui.business_hours_editor import BusinessHoursEditor

        return BusinessHoursEditor(ctx, client_provider=lambda: None)
    if name == "profile":
        from ui.business_profile_editor import BusinessProfileEditor

        return BusinessProfileEditor(ctx, client_provider=lambda: None)
    from ui.bot_editor import BotEditor

    return BotEditor(ctx, client_provider=lambda: None, report_client=lambda: None)


def opened(qtbot: Any, editor: Any) -> Any:
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_busy(), timeout=5000)
    return editor


def close_button(editor: Any) -> Any:
    return editor.buttons.button(QDialogButtonBox.StandardButton.Close)


@pytest.mark.parametrize("name", ["greeting", "away", "hours", "profile", "menu bot"])
def test_an_editor_opened_and_closed_unchanged_closes_without_asking(
    name: str, qtbot: Any, ctx: AppContext
) -> None:
    editor = opened(qtbot, build(name, ctx))
    close_button(editor).click()  # no question declared: asking would fail the test
    assert not editor.isVisible()


def test_a_typed_greeting_asks_on_esc_and_cancel_keeps_it(qtbot: Any, ctx: AppContext, dialogs: Any) -> None:
    editor = opened(qtbot, build("greeting", ctx))
    editor.enabled.setChecked(True)
    qtbot.keyClicks(editor.text, "Welcome!")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)
    assert asked.texts == ["Save the changes to “Greeting message”?"]
    assert editor.isVisible() and editor.text.toPlainText() == "Welcome!"


def test_save_on_closing_a_greeting_stores_it_then_closes(qtbot: Any, ctx: AppContext, dialogs: Any) -> None:
    editor = opened(qtbot, build("greeting", ctx))
    editor.enabled.setChecked(True)
    qtbot.keyClicks(editor.text, "Welcome!")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    editor.close()
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    greeting = AutomationsStore(ctx.db).state().doc.greeting
    assert greeting.enabled and greeting.text == "Welcome!"


def test_save_on_closing_a_greeting_it_refuses_keeps_the_window_and_says_why(
    qtbot: Any, ctx: AppContext, dialogs: Any
) -> None:
    editor = opened(qtbot, build("greeting", ctx))
    editor.enabled.setChecked(True)
    editor.text.clear()  # on, with the example it put in removed: refused
    dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    close_button(editor).click()
    assert editor.isVisible()
    assert editor.error.text() == "Write the message, or switch it off."


def test_discard_on_closing_the_profile_saves_nothing(qtbot: Any, ctx: AppContext, dialogs: Any) -> None:
    before = AutomationsStore(ctx.db).state().doc.profile
    editor = opened(qtbot, build("profile", ctx))
    qtbot.keyClicks(editor.name, "Seoul Linen")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    close_button(editor).click()
    assert asked.texts == ["Save the changes to “Business profile”?"]
    assert not editor.isVisible()
    assert AutomationsStore(ctx.db).state().doc.profile == before


def test_a_korean_owner_is_asked_in_korean_whichever_editor_asks(
    qtbot: Any, ctx: AppContext, dialogs: Any, korean: None
) -> None:
    editor = opened(qtbot, build("profile", ctx))
    qtbot.keyClicks(editor.name, "Seoul Linen")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)
    close_button(editor).click()
    assert asked.shown[0].title == "저장하지 않은 변경 사항"
    assert asked.texts[0].endswith("의 변경 사항을 저장할까요?")


def test_a_new_menu_bot_rule_asks_before_the_editor_closes(qtbot: Any, ctx: AppContext, dialogs: Any) -> None:
    editor = opened(qtbot, build("menu bot", ctx))
    editor.add_rule()
    qtbot.keyClicks(editor.keywords, "delivery")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    editor.close()
    assert asked.texts == ["Save the changes to “Menu bot”?"]
    assert not editor.isVisible()


def test_words_typed_while_a_save_is_under_way_are_still_unsaved_and_closing_asks(
    qtbot: Any, ctx: AppContext, dialogs: Any
) -> None:
    """The form stays open to typing while Save stores it: what she typed after the form was taken
    was marked saved with it, so closing dropped it without a question."""
    from sqlalchemy import text

    editor = opened(qtbot, build("greeting", ctx))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("Welcome!")
    taken: list[str] = []
    apply = editor.apply

    def taking(doc: Any) -> Any:
        taken.append(editor.text.toPlainText())
        return apply(doc)

    editor.apply = taking
    with qtbot.waitSignal(editor.saved, timeout=15_000), ctx.db.write() as s:
        s.execute(text("SELECT 1"))  # another write holds the inbox: the save waits its turn
        editor.save()
        qtbot.waitUntil(lambda: bool(taken), timeout=5000)  # the form was taken for the save
        qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor.text, " Ask us anything.")
    assert AutomationsStore(ctx.db).state().doc.greeting.text == "Welcome!"
    assert editor.text.toPlainText() == "Welcome! Ask us anything."
    assert editor.has_unsaved_edits() and not editor.saved_note.isVisible()
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    close_button(editor).click()
    assert asked.texts == ["Save the changes to “Greeting message”?"]
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    assert AutomationsStore(ctx.db).state().doc.greeting.text == "Welcome! Ask us anything."


def test_closing_while_a_save_is_under_way_closes_once_it_is_stored_without_asking(
    qtbot: Any, ctx: AppContext
) -> None:
    """Save, then Esc at once: the editor asked "Save the changes?" about the edits it was saving."""
    editor = opened(qtbot, build("greeting", ctx))
    editor.enabled.setChecked(True)
    qtbot.keyClicks(editor.text, "Welcome!")
    editor.save()
    qtbot.keyClick(editor.text, Qt.Key.Key_Escape)  # no question declared: asking would fail the test
    assert editor.isVisible()  # until it is stored: a save that fails keeps it open and says why
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    greeting = AutomationsStore(ctx.db).state().doc.greeting
    assert greeting.enabled and greeting.text == "Welcome!"


def test_save_asked_on_closing_while_a_save_waits_saves_what_was_typed_since_too(
    qtbot: Any, ctx: AppContext, dialogs: Any
) -> None:
    """Typed on while Save waited, then closed: "Save" closed the window once the first save was
    stored, and what was typed since went with it, unsaved."""
    from sqlalchemy import text

    editor = opened(qtbot, build("greeting", ctx))
    editor.enabled.setChecked(True)
    editor.text.setPlainText("Welcome!")
    taken: list[str] = []
    apply = editor.apply

    def taking(doc: Any) -> Any:
        taken.append(editor.text.toPlainText())
        return apply(doc)

    editor.apply = taking
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Save)
    with ctx.db.write() as s:
        s.execute(text("SELECT 1"))  # another write holds the inbox: the save waits its turn
        editor.save()
        qtbot.waitUntil(lambda: bool(taken), timeout=5000)  # the form was taken for the save
        qtbot.keyClick(editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(editor.text, " Ask us anything.")
        close_button(editor).click()
        assert asked.texts == ["Save the changes to “Greeting message”?"]
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    assert AutomationsStore(ctx.db).state().doc.greeting.text == "Welcome! Ask us anything."
