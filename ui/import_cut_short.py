"""After a crash or power cut mid chat import: the start says which import was undone, and offers it again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from ui import message_box

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate


def say_imports_cut_short(window: MainWindow) -> None:
    """Tell the owner, over the window and without holding it, that the imports in
    `ctx.imports_cut_short` were stopped part-way and what they wrote was removed: he believed them
    imported, and the chat he looks for is not there. Import again opens the export's preview when
    there is one export and it is still where it was."""
    exports = window.ctx.imports_cut_short
    if not exports:
        return
    names = "\n".join(f"• {path.name}" for path in exports)
    text = translate(
        "ImportCutShort",
        "This chat import did not finish (the computer lost power, the app was stopped, or the disk "
        "was full):\n{files}\n\nWhat it had brought in was removed, so no chat is there half or "
        "twice. Import the chat again to have all of it.",
    ).format(files=names)
    box = message_box.plain_box(
        message_box.Icon.Information,
        window,
        translate("ImportCutShort", "Chat import not finished"),
        text,
        message_box.Button.Close,
    )
    again = None
    if len(exports) == 1 and exports[0].is_file():
        again = box.addButton(
            translate("ImportCutShort", "&Import again…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.setDefaultButton(again)

    def answered() -> None:
        if again is not None and box.clickedButton() is again:
            from ui.menus import open_import_dialog

            open_import_dialog(window, window.ctx, exports[0])

    window.ctx.imports_cut_short = []  # said once
    box.finished.connect(answered)
    box.open()
