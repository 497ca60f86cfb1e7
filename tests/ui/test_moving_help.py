"""Help ▸ Moving to a new computer: the steps, in the owner's language, naming the entries she will
find (the File menu's backup and restore, the new computer's first-start button)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from ui.menus import install_menus
from ui.shortcuts_dialog import plain  # the text without its Alt letter, "(&N)"


def test_help_leads_the_owner_from_a_backup_here_to_the_new_computers_inbox_in_korean(
    korean: None, qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    menus, labels = _help_read(window, ctx, dialogs, "새 컴퓨터로 옮기기")
    text = "\n".join(labels).replace("\xa0", " ")
    # The File menu's own entries, as the steps name them ("파일 ▸ 지금 백업…").
    file_entries = {plain(a.text()) for a in menus[0].actions()}
    for name in ("지금 백업", "백업에서 복원", "설정"):
        assert f"{name}…" in file_entries and f"파일 ▸ {name}" in text
    button = QCoreApplication.translate("SetupWizard", "&Restore a backup from your old computer…")
    assert f"“{plain(button)}”" in text  # the first start's button, word for word
    # The restore's own question about opening at sign-in, in its words ("…자동으로 열까요?").
    assert "릴레이 토큰" in text and "이 컴퓨터에 로그인하면 샵 인박스를 자동으로 열" in text


def test_in_english_the_new_computers_steps_say_what_comes_along_and_set_again_names_only_the_folder(
    english: None, qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    menus, labels = _help_read(window, ctx, dialogs, "Moving to a new computer")
    sections = dict(zip(labels[::2], labels[1::2], strict=True))
    file_entries = {plain(a.text()) for a in menus[0].actions()}
    assert "Restore from backup…" in file_entries
    # The menu entry said as the menu says it, then the sentence goes on (not "backup….)").
    steps = sections["On the new computer"]
    assert "Use File ▸ Restore from backup… instead: it asks the same.)" in steps
    # Drafts and their files come along by themselves: a step of the move, not something to set.
    assert [line[:2] for line in steps.splitlines()] == ["3.", "4.", "5."]
    assert "5. Drafts come with the files you attached to them" in steps
    assert sections["Set again on the new computer"] == "In File ▸ Settings: the folder of the daily backup."


def _help_read(window: Any, ctx: Any, dialogs: Any, entry_name: str) -> tuple[list[Any], list[str]]:
    """The window's menus, and the texts of the help page its Help menu's `entry_name` opens (each
    heading, then its text), read and closed."""
    install_menus(window, ctx)
    menus = [action.menu() for action in window.menuBar().actions()]
    entry = next(a for a in menus[-1].actions() if plain(a.text()) == entry_name)
    read: list[list[str]] = []

    def read_and_close(dialog: Any) -> None:
        read.append([label.text() for label in dialog.findChildren(QLabel)])
        dialog.reject()

    dialogs.expect("modal", answer=read_and_close)
    entry.trigger()
    return menus, read[0]
