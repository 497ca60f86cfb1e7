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


def test_started_with_lang_settings_say_the_language_in_use_and_what_system_means(
    qtbot: Any, ctx: Any, started_in: Any
) -> None:
    started_in(OTHER, OTHER)  # `shop-inbox --lang ko` on an English computer, say
    dialog = open_settings(qtbot, ctx, "system")
    assert dialog.language.currentData() == "system"
    assert dialog.language.currentText() == f"System language ({LANGUAGE_NAMES[SYSTEM]})"
    note = dialog.language_note
    assert note.isVisible()
    assert note.text() == (
        f"In use now: {LANGUAGE_NAMES[OTHER]}, the language Shop Inbox was started in. "
        f"Started without a language given, it uses {LANGUAGE_NAMES[SYSTEM]}."
    )
    # Choosing the language in use: nothing to explain any more.
    dialog.language.setCurrentIndex(dialog.language.findData(OTHER))
    assert not note.isVisible()


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
