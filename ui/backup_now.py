"""Back up now (File menu, Settings' button): ask where, write the backup off the GUI thread, say so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.backup import BackupInfo, create_backup, saved_backup_name
from app.db import is_disk_full
from ui.context import AppContext
from ui.ops import Op, failure_sentence
from ui.save_paths import Picked, save_file_name

translate = QCoreApplication.translate

# (saved, sentence): the backup was written or not, and the sentence that says so.
Outcome = Callable[[bool, str], None]


def ask_backup_target(parent: QWidget, *, demo: bool = False) -> Path | None:
    """The save dialog, in the folder last used; None when the owner cancelled. `demo`: the demo
    shop's backup is offered under a name of its own, never taken for one of the owner's inbox."""
    # The file's name in the owner's language: the date and time as this computer's clock says.
    if demo:
        stem = translate("BackupNow", "shop-inbox-demo-backup", "the demo's backup file's name, no spaces")
    else:
        stem = translate("BackupNow", "shop-inbox-backup", "a backup file's name, no spaces")
    name = saved_backup_name(stem)
    # A restore looks first where the last backup was saved.
    target = save_file_name(parent, Picked.BACKUP, translate("BackupNow", "Save backup"), name, "Zip (*.zip)")
    if not target:
        return None
    return Path(target)


def start_backup(parent: QWidget, ctx: AppContext, target: Path, then: Outcome) -> Op:
    """Write the backup to `target` on the thread for long jobs; `then(saved, sentence)` on the GUI thread."""
    paths, read_only = ctx.paths, ctx.read_only
    return (
        Op(lambda: create_backup(paths, target, read_only=read_only), parent=parent, long=True)
        .success(lambda info: then(True, backup_saved_sentence(info)))
        .failure(lambda exc: then(False, backup_failed_sentence(exc)))
        .run()
    )


def backup_saved_sentence(info: BackupInfo) -> str:
    return translate("BackupNow", "Backup saved to {path}.").format(path=info.path)


def backup_failed_sentence(error: BaseException) -> str:
    if is_disk_full(error):
        return translate(
            "BackupNow",
            "The backup failed: there is no room for it on that disk. Nothing was lost. "
            "Save it on another disk, such as a USB stick, or free some space.",
        )
    return translate("BackupNow", "The backup failed: {error}").format(error=failure_sentence(error))
