"""Save in the greeting and away editors says so: saved here, then that the relay has it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from app.automations_store import AutomationsStore, demo_automations
from app.paths import paths_for
from tests.support.automations_fake import FakeAutomationsRelay
from ui.context import AppContext


@pytest.fixture
def demo_ctx(db: Any, tmp_path: Path) -> AppContext:
    ctx = AppContext(db=db, paths=paths_for(tmp_path / "data"))
    AutomationsStore(ctx.db).apply_remote(demo_automations("en").model_copy(update={"revision": 1}))
    return ctx


def opened(qtbot, editor):  # type: ignore[no-untyped-def]
    """Show an editor once its stored document arrived (it is read in an op)."""
    qtbot.addWidget(editor)
    qtbot.waitUntil(lambda: editor.loaded, timeout=5000)
    return editor


def settle(qtbot, editor) -> None:  # type: ignore[no-untyped-def]
    """Wait until a save (two ops) and any push to the relay delivered."""
    qtbot.waitUntil(lambda: not editor.is_busy(), timeout=10_000)


@pytest.mark.parametrize("editor_name", ["greeting", "away"])
def test_save_says_saved_and_that_the_relay_has_it(
    editor_name: str, demo_ctx: AppContext, qtbot: Any
) -> None:
    from ui.away_editor import AwayEditor
    from ui.greeting_editor import GreetingEditor

    relay = FakeAutomationsRelay(AutomationsStore(demo_ctx.db).state().doc)
    cls = GreetingEditor if editor_name == "greeting" else AwayEditor
    editor = opened(qtbot, cls(demo_ctx, client_provider=lambda: relay))
    editor.show()
    assert not editor.saved_note.isVisible()

    editor.text.setPlainText("Thanks for writing! We answer within the hour.")
    editor.save()
    settle(qtbot, editor)
    assert editor.saved_note.isVisible()
    assert "Saved" in editor.saved_note.text() and "relay" in editor.saved_note.text()

    # Editing again: the note no longer speaks for what is on screen.
    editor.text.setPlainText("Thanks! Back soon.")
    assert not editor.saved_note.isVisible()


def test_save_while_the_relay_is_unreachable_says_it_is_kept_here(demo_ctx: AppContext, qtbot: Any) -> None:
    from ui.greeting_editor import GreetingEditor

    editor = opened(qtbot, GreetingEditor(demo_ctx, client_provider=lambda: None))  # offline
    editor.show()
    editor.text.setPlainText("Hello! We will answer soon.")
    editor.save()
    settle(qtbot, editor)
    assert editor.saved_note.isVisible()
    assert "Saved" in editor.saved_note.text() and "computer" in editor.saved_note.text()
