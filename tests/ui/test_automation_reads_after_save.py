"""An automations editor's look at the stored rules, read before the owner's save, never puts the
form back to what was stored before it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import ui.automation_dialog
from app.automations_store import AutomationsStore
from app.changes import Changes
from app.paths import paths_for
from tests.support.held_reads import hold_first_read
from ui.context import AppContext
from ui.greeting_editor import GreetingEditor
from ui.ops import pending_ops


@pytest.fixture
def ctx(db: Any, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


def test_a_look_read_before_the_save_does_not_put_the_old_greeting_back(
    qtbot: Any, ctx: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A settings event came in from the relay as she pressed Save: the editor's look at the rules,
    read before her greeting was stored, answered after the save (the pool busy). The form went
    back to the greeting as it was before, the banner said another computer had changed it, and
    her words were gone from the window though stored."""
    editor = GreetingEditor(ctx, client_provider=lambda: None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.loaded and not editor.is_busy(), timeout=5000)
    held = hold_first_read(monkeypatch, ui.automation_dialog, "automations_state")
    try:
        ctx.publish(Changes(automations=True))  # the relay's settings event, applied by the sync
        qtbot.waitUntil(held.read.is_set)
        editor.enabled.setChecked(True)
        editor.text.setPlainText("어서 오세요! 무엇을 도와드릴까요?")
        with qtbot.waitSignal(editor.saved, timeout=10_000):
            editor.save()
    finally:
        held.let_go()
    qtbot.waitUntil(lambda: pending_ops() == 0)

    assert AutomationsStore(ctx.db).state().doc.greeting.text == "어서 오세요! 무엇을 도와드릴까요?"
    assert editor.text.toPlainText() == "어서 오세요! 무엇을 도와드릴까요?"
    assert editor.enabled.isChecked() and not editor.has_unsaved_edits()
    assert editor.saved_note.isVisible()  # "Saved", not "changed on another computer"
