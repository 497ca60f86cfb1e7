"""After a restore: the daily backup folder the restored settings name is not on this computer.

A backup carries the old computer's preferences, its daily backup folder too. On a new computer that
folder is most often not there, and the first automatic backup failed minutes later with a reason
that asked for a USB stick. Said at the first start on the restored inbox instead, in a new
computer's words, with a button to Settings' folder choice; a stick only when the folder looks like
a plugged-in drive's (a stick left in the old computer)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QMessageBox

from app.paths import AppPaths, looks_removable
from ui import message_box
from ui.ops import run_op
from ui.restored_token import remember_token_left_behind

if TYPE_CHECKING:
    from ui.main_window import MainWindow

translate = QCoreApplication.translate
RESTORED_KEY = "backup/just_restored"


def _memory(paths: AppPaths) -> QSettings:
    # Beside the window's own settings (the daily backup's memory too): a restore never replaces it.
    return QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)


def remember_restore(paths: AppPaths) -> None:
    """A backup was just restored: the next start on it looks for its daily backup folder, and
    the banner says why this computer has no relay token until one is given."""
    memory = _memory(paths)
    memory.setValue(RESTORED_KEY, True)
    memory.sync()
    remember_token_left_behind(paths)


def look_after_restore(window: MainWindow) -> None:
    """At the first start after a restore: the restored daily backup folder looked for (off the GUI
    thread: a network drive's answer can take seconds) and, when it is not here, the owner told."""
    memory = _memory(window.ctx.paths)
    if not memory.value(RESTORED_KEY):
        return
    memory.remove(RESTORED_KEY)
    memory.sync()
    folder = str(window.ctx.prefs.get("backup_folder") or "")
    if not folder:
        return

    def looked(here: bool) -> None:
        if not here:
            tell(window, folder)

    run_op(lambda: Path(folder).is_dir(), looked, parent=window)


def folder_not_here_text(folder: str) -> str:
    # The folder on a line of its own: wrapped inside a sentence, a path broke at "C:" and "\\Users".
    if looks_removable(folder):
        return translate(
            "Backups",
            "The restored settings back up every day to a drive that is not plugged in:\n{folder}\n"
            "If it is the USB stick or disk you used with your old computer, plug it in here; "
            "otherwise choose a folder on this computer.",
        ).format(folder=folder)
    return translate(
        "Backups",
        "The daily backup folder from your old computer isn't on this computer:\n{folder}\n"
        "Choose a folder on this computer for the daily backups.",
    ).format(folder=folder)


def tell(window: MainWindow, folder: str) -> QMessageBox:
    """The window-modal box: "Choose a folder…" opens Settings at its folder choice; Later closes it
    (the first backup that fails says it again)."""
    box = message_box.plain_box(
        QMessageBox.Icon.Warning,
        window,
        translate("Backups", "Daily backup folder not found"),
        folder_not_here_text(folder),
        QMessageBox.StandardButton.NoButton,
    )
    box.setObjectName("dailyFolderNotHere")
    choose = box.addButton(translate("Backups", "&Choose a folder…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Backups", "&Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)

    def answered() -> None:
        if box.clickedButton() is choose:
            from ui.settings_action import open_settings

            dialog = open_settings(window, window.ctx)
            # At once: what the owner picks is kept when the stored preferences arrive after it.
            QTimer.singleShot(0, dialog, lambda: dialog.pick_backup_folder(start_in_current=False))
        box.deleteLater()

    box.finished.connect(answered)
    box.open()
    return box
