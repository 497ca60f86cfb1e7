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
    install_menus(window, ctx)
    menus = [action.menu() for action in window.menuBar().actions()]
    entry = next(a for a in menus[-1].actions() if plain(a.text()) == "새 컴퓨터로 옮기기")
    read: list[str] = []

    def read_and_close(dialog: Any) -> None:
        read.append("\n".join(label.text() for label in dialog.findChildren(QLabel)).replace("\xa0", " "))
        dialog.reject()

    dialogs.expect("modal", answer=read_and_close)
    entry.trigger()
    text = read[0]
    # The File menu's own entries, as the steps name them ("파일 ▸ 지금 백업…").
    file_entries = {plain(a.text()) for a in menus[0].actions()}
    for name in ("지금 백업", "백업에서 복원", "설정"):
        assert f"{name}…" in file_entries and f"파일 ▸ {name}" in text
    button = QCoreApplication.translate("SetupWizard", "&Restore a backup from your old computer…")
    assert f"“{plain(button)}”" in text  # the first start's button, word for word
    assert "릴레이 토큰" in text and "이 컴퓨터에 로그인하면 샵 인박스 열기" in text
