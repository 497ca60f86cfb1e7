"""Save in the automation editors says so (saved here, then that the relay has it); the banner never
claims unsaved edits are on the relay."""

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
    from app.order_settings import OrderSettings, save_order_settings

    ctx = AppContext(db=db, paths=paths_for(tmp_path / "data"))
    with ctx.db.write() as s:  # as the demo shop has: its bot's account answers give it ({bank})
        save_order_settings(
            s, OrderSettings(bank_account="국민은행 123456-01-234567 (예금주: 서울 리넨 하우스)")
        )
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


def _edit(name: str, editor: Any, qtbot: Any) -> None:
    """What an owner types first in each editor."""
    if name in ("greeting", "away"):
        editor.text.setPlainText("잠시 자리를 비웠어요. 곧 답장드릴게요!")
    elif name == "hours":
        editor.timezone.setCurrentIndex((editor.timezone.currentIndex() + 1) % editor.timezone.count())
    elif name == "profile":
        qtbot.keyClicks(editor.name, " Seoul")
    else:
        editor.add_rule()
        qtbot.keyClicks(editor.keywords, "delivery")


def _editor(name: str, ctx: AppContext, relay: Any) -> Any:
    from ui.away_editor import AwayEditor
    from ui.bot_editor import BotEditor
    from ui.business_hours_editor import BusinessHoursEditor
    from ui.business_profile_editor import BusinessProfileEditor
    from ui.greeting_editor import GreetingEditor

    if name == "menu bot":
        return BotEditor(ctx, client_provider=lambda: relay, report_client=lambda: None)
    cls = {
        "greeting": GreetingEditor,
        "away": AwayEditor,
        "hours": BusinessHoursEditor,
        "profile": BusinessProfileEditor,
    }[name]
    return cls(ctx, client_provider=lambda: relay)


@pytest.mark.parametrize("name", ["greeting", "away", "hours", "profile", "menu bot"])
def test_the_banner_never_says_unsaved_edits_are_on_the_relay(
    name: str, demo_ctx: AppContext, qtbot: Any
) -> None:
    relay = FakeAutomationsRelay(AutomationsStore(demo_ctx.db).state().doc)
    editor = opened(qtbot, _editor(name, demo_ctx, relay))
    editor.show()
    settle(qtbot, editor)
    on_the_relay = "On the relay: customers get what you see here."
    assert editor.banner.message.text() == on_the_relay

    _edit(name, editor, qtbot)
    assert editor.has_unsaved_edits()
    assert editor.banner.message.text() == (
        "Your changes are not saved yet: customers still get the saved version. "
        "Save to send your changes to the relay."
    )
    assert editor.banner.property("status") != "synced"

    editor.save()
    settle(qtbot, editor)
    assert editor.banner.message.text() == on_the_relay


def test_a_screen_reader_hears_that_the_greeting_was_saved_and_that_the_relay_has_it(
    demo_ctx: AppContext, qtbot: Any
) -> None:
    """The note appears beside Save, where no Tab goes: after Ctrl+S the owner heard nothing."""
    from ui.announce import announcements
    from ui.greeting_editor import GreetingEditor

    relay = FakeAutomationsRelay(AutomationsStore(demo_ctx.db).state().doc)
    editor = opened(qtbot, GreetingEditor(demo_ctx, client_provider=lambda: relay))
    editor.show()
    heard: list[str] = []
    connection = announcements().said.connect(heard.append)
    try:
        editor.text.setPlainText("Thanks for writing! We answer within the hour.")
        editor.save()
        settle(qtbot, editor)
    finally:
        announcements().said.disconnect(connection)
    assert (
        heard
        and heard[-1] == editor.saved_note.text() == "Saved. The relay has it: customers get it from now on."
    )
    assert len(heard) == len(set(heard))  # each news once, however often the state is shown again


@pytest.mark.parametrize("editor_name", ["greeting", "away"])
def test_a_message_switched_off_and_saved_is_not_said_to_reach_customers(
    editor_name: str, demo_ctx: AppContext, qtbot: Any, relay: Any, english: None
) -> None:
    """Switched off and saved, the note said "customers get it from now on": its opposite."""
    from app.relay_client import RelayClient
    from ui.away_editor import AwayEditor
    from ui.greeting_editor import GreetingEditor

    with RelayClient(relay.url, relay.token, timeout=5) as client:
        cls = GreetingEditor if editor_name == "greeting" else AwayEditor
        editor = opened(qtbot, cls(demo_ctx, client_provider=lambda: client))
        editor.show()
        editor.enabled.setChecked(False)
        editor.save()
        settle(qtbot, editor)
        qtbot.waitUntil(lambda: "relay has it" in editor.saved_note.text(), timeout=10_000)
        assert editor.saved_note.text() == (
            "Saved. The relay has it: switched off, it goes to no one from now on."
        )
        assert "customers get it" not in editor.saved_note.text()
