"""A damaged inbox file at start: a backup picked, checked and put in its place; the damaged one kept."""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.backup import restore_backup, set_inbox_aside
from app.first_page import preferences_left_in
from app.paths import AppPaths
from ui import message_box
from ui.confirm import confirm
from ui.ops import failure_sentence, run_op
from ui.restore_choice import RestoreChoice, choose_restore
from ui.startup_error import StartupErrorDialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


def backup_folder_of(paths: AppPaths) -> str:
    """Where the picker opens: the daily backups' folder if the damaged file still names it, else
    the data folder's own backups (the copies an update keeps), else "" (the usual place). Read
    from what is left of the damaged file without touching it."""
    daily = preferences_left_in(paths.database).get("backup_folder")
    if isinstance(daily, str) and daily and Path(daily).is_dir():
        return daily
    return str(paths.backup_dir) if paths.backup_dir.is_dir() else ""


def restore_over_damaged(paths: AppPaths, dialog: StartupErrorDialog) -> None:
    """Restore from backup… on the failed start's dialog: the backup picked and checked, the owner
    asked, then the backup unpacked and swapped in (the damaged file and its -wal/-shm go to the
    data folder's `replaced` folder, never written over); the dialog then ends with Start again."""
    title = translate("DamagedInbox", "Restore from backup")

    def confirmed(choice: RestoreChoice) -> None:
        _replace_damaged(
            dialog,
            title,
            partial(restore_backup, choice.source, paths),
            done=translate(
                "DamagedInbox",
                "Your chats were restored from the backup. Shop Inbox starts again now.\n"
                "The damaged inbox file was kept in {folder}.",
            ),
            failed_note=translate("DamagedInbox", "The damaged inbox file is as it was; try another backup."),
        )

    # No sign-in question: the inbox is mended on the computer it was set up on, whose start-up
    # list already says what the owner chose (a move to a new computer restores from its wizard).
    choose_restore(dialog, backup_folder_of(paths), confirmed, data_dir=paths.data_dir, ask_sign_in=False)


def start_empty_over_damaged(paths: AppPaths, dialog: StartupErrorDialog) -> None:
    """Start with an empty inbox… on the failed start's dialog, for an owner with no backup: the
    damaged file goes to `replaced` untouched, and Shop Inbox starts again on an empty inbox (its
    first-run setup connects the relay, which hands back the messages it still keeps)."""
    title = translate("DamagedInbox", "Start with an empty inbox")
    if not confirm(
        dialog,
        title,
        translate(
            "DamagedInbox",
            "Start with an empty inbox?\n\nThe damaged inbox file is kept in the data folder's "
            '"replaced" folder, not deleted. Once you connect your relay again, the messages it '
            "still keeps (usually those of the last 30 days) come back.",
        ),
        translate("DamagedInbox", "&Start empty"),
    ):
        return

    _replace_damaged(
        dialog,
        title,
        partial(set_inbox_aside, paths),
        done=translate(
            "DamagedInbox",
            "Shop Inbox starts again now with an empty inbox.\nThe damaged inbox file was kept in {folder}.",
        ),
    )


def start_demo_afresh(root: Path, dialog: StartupErrorDialog) -> None:
    """Start the demo afresh on the failed start's dialog of a kept demo (`--demo --data-dir root`)
    whose inbox is damaged: nothing of the owner's is at stake, so no question; its damaged file (and
    its relay) go to `replaced` untouched, and the demo starts again with a new demo shop."""
    from ui.demo import set_demo_aside

    _replace_damaged(
        dialog,
        translate("DamagedInbox", "Start the demo afresh"),
        partial(set_demo_aside, root),
        done=translate(
            "DamagedInbox",
            "The demo starts afresh now, with a new demo shop.\nIts damaged inbox file was kept in {folder}.",
        ),
    )


def _replace_damaged(
    dialog: StartupErrorDialog, title: str, work: partial[Path], *, done: str, failed_note: str = ""
) -> None:
    """Run `work` (it puts the damaged inbox aside and returns where) off the GUI thread, the dialog
    disabled meanwhile: files half moved cannot be stopped, so no second click. Then `done` (with its
    {folder}) is said and Shop Inbox starts again; or why not, and `failed_note`."""

    def replaced(aside: Path) -> None:
        dialog.setEnabled(True)
        message_box.information(dialog, title, done.format(folder=aside))
        dialog.restored()

    def failed(exc: BaseException) -> None:
        dialog.setEnabled(True)
        log.warning("damaged inbox not replaced (%s): %s", work.func.__name__, type(exc).__name__)
        message_box.warning(dialog, title, "\n".join(filter(None, (failure_sentence(exc), failed_note))))

    dialog.setEnabled(False)
    run_op(work, replaced, parent=dialog, on_failure=failed)
