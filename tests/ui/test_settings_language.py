"""Settings' language: "System language" says which one that is here, and the language in use is said
when it is not the one chosen (started with --lang, or chosen and not restarted yet)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from app.settings import load_preferences, save_preferences
from ui.translations import LANGUAGE_NAMES, chosen_language, remember_language_option

SYSTEM = chosen_language(None)  # what "System language" means on this computer
OTHER = "ko" if SYSTEM == "en" else "en"


@pytest.fixture
def started_in(qapp: Any) -> Iterator[Any]:
    """`started_in(language, option)`: this run speaks `language`, started with `--lang option`."""

    def start(language: str, option: str | None) -> None:
        qapp.setProperty("shopInboxLanguage", language)  # as install_translators records it
        remember_language_option(qapp, option)

    yield start
    qapp.setProperty("shopInboxLanguage", None)
    remember_language_option(qapp, None)


def save_button(dialog: QDialog) -> Any:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Save)


def open_settings(qtbot: Any, ctx: Any, saved: str) -> Any:
    from ui.settings_dialog import SettingsDialog

    with ctx.db.write() as s:
        save_preferences(s, load_preferences(s).replace(language=saved))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(save_button(dialog).isEnabled, timeout=5000)  # the stored preferences are in
    return dialog


def test_started_with_lang_settings_show_that_language_and_say_what_a_save_keeps(
    qtbot: Any, ctx: Any, started_in: Any
) -> None:
    """`shop-inbox --lang ko` on an English computer showed "System language (English)" over a
    Korean window, and a Save kept English for the next start without a word."""
    started_in(OTHER, OTHER)
    dialog = open_settings(qtbot, ctx, "system")
    assert dialog.language.currentData() == OTHER
    assert dialog.language.currentText() == LANGUAGE_NAMES[OTHER]
    note = dialog.language_note
    assert note.isVisible()
    assert note.text() == (
        f"In use now: {LANGUAGE_NAMES[OTHER]}, given when Shop Inbox was started (--lang). Saving "
        f"keeps {LANGUAGE_NAMES[OTHER]} for later starts too; until now they used {LANGUAGE_NAMES[SYSTEM]}."
    )
    assert not dialog.has_unsaved_edits()  # closing asks nothing: the owner changed nothing
    save_button(dialog).click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    with ctx.db.read() as s:
        assert load_preferences(s).language == OTHER  # the next start speaks as this window does


def test_started_with_lang_the_system_language_can_still_be_kept_for_later_starts(
    qtbot: Any, ctx: Any, started_in: Any
) -> None:
    started_in(OTHER, OTHER)
    dialog = open_settings(qtbot, ctx, "system")
    dialog.language.setCurrentIndex(dialog.language.findData("system"))
    assert dialog.language.currentText() == f"System language ({LANGUAGE_NAMES[SYSTEM]})"
    assert dialog.language_note.text() == (
        f"In use now: {LANGUAGE_NAMES[OTHER]}, the language Shop Inbox was started in. "
        f"Started without a language given, it uses {LANGUAGE_NAMES[SYSTEM]}."
    )
    save_button(dialog).click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    with ctx.db.read() as s:
        assert load_preferences(s).language == "system"


def test_started_with_the_lang_already_saved_nothing_needs_saying(
    qtbot: Any, ctx: Any, started_in: Any
) -> None:
    started_in(OTHER, OTHER)
    dialog = open_settings(qtbot, ctx, OTHER)
    assert dialog.language.currentData() == OTHER
    assert not dialog.language_note.isVisible()


def test_a_language_chosen_is_saved_and_said_to_come_after_a_restart(
    qtbot: Any, ctx: Any, started_in: Any
) -> None:
    started_in(SYSTEM, None)  # started as usual, in the system's language
    dialog = open_settings(qtbot, ctx, "system")
    assert not dialog.language_note.isVisible()  # "System language" is the language in use
    dialog.language.setCurrentIndex(dialog.language.findData(OTHER))
    assert dialog.language_note.isVisible()
    assert dialog.language_note.text() == (
        f"In use now: {LANGUAGE_NAMES[SYSTEM]}. Shop Inbox uses {LANGUAGE_NAMES[OTHER]} after it restarts."
    )
    save_button(dialog).click()
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    with ctx.db.read() as s:
        assert load_preferences(s).language == OTHER  # the next start installs it
    # Opened again before the restart: the choice saved, and the language still in use said.
    again = open_settings(qtbot, ctx, OTHER)
    assert again.language.currentData() == OTHER
    assert again.language_note.isVisible()


def test_the_lang_note_is_said_in_korean(qtbot: Any, ctx: Any, started_in: Any, korean: None) -> None:
    started_in("ko", "ko")  # `shop-inbox --lang ko`, English saved in Settings
    dialog = open_settings(qtbot, ctx, "en")
    assert dialog.language.currentText() == "한국어"
    assert dialog.language_note.text() == (
        "지금 쓰는 언어: 한국어(샵\u00a0인박스를 시작할 때 --lang으로 정한 언어예요). "
        "저장하면 다음에 시작할 때도 한국어로 표시돼요. 지금까지는 English로 표시됐어요."
    )
