"""Opening Settings from the menu or the connection banner: save, keep the token, reconnect, restore."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from app.errors import ShopInboxError
from app.sign_in import SignInStart
from app.wire import CheckReport
from ui import message_box
from ui.backup_now import ask_backup_target, start_backup
from ui.context import AppContext
from ui.daily_folder_notice import remember_restore
from ui.ops import Failure, delete_when_closed, failure_sentence, run_op, wait_for_ops
from ui.restart import request_restart
from ui.restore_choice import RestoreChoice, choose_restore
from ui.settings_dialog import SettingsDialog
from ui.sign_in_choice import set_open_at_sign_in
from ui.token_store import keep_token_in_background, kept_token_place, load_token
from ui.translations import language_option

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
BACKUP_PROGRESS_AFTER_MS = 1000  # a backup done sooner says only that it is done


def open_settings(window: MainWindow, ctx: AppContext, over: QWidget | None = None) -> SettingsDialog:
    """Show Settings (window-modal, not blocking); on Save a new address or token reconnects the engine.

    `over`: the window the owner opened it from (a campaign's price link), when not the main window.
    Parented to the main window, Settings raised it over the campaign, and the owner lost her campaign;
    over its own window, Settings opens on top of it and closing Settings gives it back."""
    before_url = str(ctx.prefs.get("relay_url") or "")
    before_folder = str(ctx.prefs.get("backup_folder") or "")

    def keep(parent: QWidget, url: str, token: str, kept: Callable[[str], None], failed: Failure) -> None:
        keep_token_in_background(parent, ctx, url, token, kept, failed)

    dialog = SettingsDialog(
        ctx,
        parent=over if over is not None else window,
        token_place=lambda: kept_token_place(ctx),
        store_token=keep,
        stored_token=lambda url: relay_token(ctx, url),
        auto_backup=window.auto_backup,
    )
    dialog.restore_requested.connect(lambda choice: restore(window, ctx, choice))

    def relay_checked(report: CheckReport | None) -> None:
        # The owner's own check: the strip of what is left to fix on the relay follows it at once.
        if report is not None:
            window.setup_items.take(dialog.relay_check.asked_url, report)

    dialog.relay_check.finished.connect(relay_checked)

    def saved() -> None:
        window.chat.composer.set_enter_sends(bool(ctx.prefs.get("enter_sends", True)))
        window.chat_list.show_archived_count()
        folder = str(ctx.prefs.get("backup_folder") or "")
        if folder and folder != before_folder and window.auto_backup is not None:
            window.auto_backup.look_soon()  # the first backup now: the owner sees the folder works
        relay_url = str(ctx.prefs.get("relay_url") or "")
        if ctx.demo or not (dialog.token.text().strip() or relay_url != before_url):
            return
        if relay_url != before_url:
            # What is left to set up on a relay connected here is said as after the wizard's check.
            window.setup_items.ask_about(relay_url)
        window.reconnect_sync()

    dialog.accepted.connect(saved)
    if over is None:
        came_from = QApplication.focusWidget()
        dialog.finished.connect(lambda _result: give_focus_back(window, came_from))
    delete_when_closed(dialog)
    dialog.open()
    return dialog


def give_focus_back(window: MainWindow, came_from: QWidget | None) -> None:
    """The keyboard where it was before Settings; if that is gone meanwhile (the banner's button
    hidden once the relay answered), the open chat's message field, not the next button along."""
    try:
        usable = (
            came_from is not None
            and came_from.isVisible()
            and came_from.isEnabled()
            and came_from.window() is window
        )
    except RuntimeError:  # its widget deleted meanwhile (a chat's pane rebuilt)
        usable = False
    if usable:
        assert came_from is not None
        came_from.setFocus(Qt.FocusReason.OtherFocusReason)
    elif window.ready and window.chat.composer.contact_id is not None:
        window.chat.composer.take_focus()


def back_up_now(window: MainWindow, ctx: AppContext) -> None:
    """File ▸ Back up now, from the main window without Settings: the save dialog, the backup
    written off the GUI thread (as Settings' button does), then a message box naming the file."""
    target = ask_backup_target(window, demo=ctx.demo)
    if target is None:
        return
    title = translate("Menus", "Back up now")
    # Shown only when the backup takes a while (a large inbox, a slow USB stick).
    progress = QProgressDialog(translate("Menus", "Backing up…"), "", 0, 0, window)
    progress.setWindowTitle(title)
    progress.setCancelButton(None)  # type: ignore[arg-type]  # a half-written zip is no use
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(BACKUP_PROGRESS_AFTER_MS)
    # Its timer to show itself starts only at its first value: without one it never showed, and a
    # big shop's backup (seconds) gave no sign it was being written.
    progress.setValue(0)

    def done(saved: bool, sentence: str) -> None:
        progress.cancel()  # also stops its timer: never shown after the answer
        progress.deleteLater()
        if saved:
            message_box.information(window, title, sentence)
        else:
            message_box.warning(window, title, sentence)

    start_backup(window, ctx, target, done)


def restore_from_backup(window: MainWindow, ctx: AppContext) -> None:
    """File ▸ Restore from backup: the file picker over the window, then what Settings' button and
    the first start do (the file checked, the owner asked), without Settings: the owner came for a
    backup file."""
    choose_restore(
        window,
        str(ctx.prefs.get("backup_folder") or ""),
        lambda choice: restore(window, ctx, choice),
        data_dir=ctx.paths.data_dir,
        ask_sign_in=not ctx.demo,  # the demo shop is never opened at sign-in (Settings says so)
    )


def relay_token(ctx: AppContext, relay_url: str) -> str:
    """The token for `relay_url` (memory, keyring or config file); "" when none can be read."""
    if not relay_url:
        return ""
    try:
        return load_token(ctx, relay_url) or ""
    except ShopInboxError as exc:  # a missing keyring must not stop the inbox from opening
        log.warning("cannot read the relay token: %s", type(exc).__name__)
        return ""


def restore(window: MainWindow, ctx: AppContext, choice: RestoreChoice) -> None:
    """Restore a backup: checked while the inbox stays open (a wrong file changes nothing); then the
    inbox closes, the backup replaces it in a worker thread behind a progress window, opening at
    sign-in is set as the owner answered, and Shop Inbox starts again on the restored chats. Should
    the restore fail, today's chats (and the sign-in start) are as they were."""
    from app.backup import BackupFacts, check_backup, restore_backup

    path = choice.source

    # Made once the backup passed its check: a QProgressDialog shows itself after a few seconds.
    progress: list[QProgressDialog] = []

    def checked(_facts: BackupFacts) -> None:
        if not window.close_other_windows():
            return  # the owner kept an unsaved edit (a campaign draft, a new order): no restore
        window.shutdown()
        wait_for_ops()  # the owner's last edits are written before the database closes
        ctx.db.close()
        progress.append(QProgressDialog(window))
        shown = progress[0]
        shown.setWindowTitle(translate("Menus", "Restore from backup"))
        shown.setLabelText(
            translate("Menus", "Restoring the backup. Shop Inbox starts again when it is done…")
        )
        shown.setCancelButton(None)  # type: ignore[arg-type]  # files half moved cannot be stopped
        shown.setRange(0, 0)
        shown.setMinimumDuration(0)
        shown.setWindowModality(Qt.WindowModality.WindowModal)
        shown.show()
        run_op(partial(restore_backup, path, ctx.paths), restored, parent=window, on_failure=failed)

    def restored(aside: Path) -> None:
        progress[0].close()
        remember_restore(ctx.paths)
        if choice.open_at_sign_in is not None:  # a refusal is said; the restore stands all the same
            set_open_at_sign_in(window, ctx, SignInStart.for_this_user(), choice.open_at_sign_in)
        # The restored settings' language comes with the start again, which this sentence names;
        # not where this run was started with --lang, which the start again keeps and which wins.
        app = QApplication.instance()
        if isinstance(app, QApplication) and language_option(app):
            done = translate(
                "Menus",
                "Your chats were restored. Shop Inbox starts again now.\n"
                "The previous data was kept in {folder}.",
            )
        else:
            done = translate(
                "Menus",
                "Your chats were restored. Shop Inbox starts again now, in the language and with the "
                "settings of the backup.\nThe previous data was kept in {folder}.",
            )
        message_box.information(window, translate("Menus", "Backup restored"), done.format(folder=aside))
        request_restart(over=window)
        window.close()

    def failed(exc: BaseException) -> None:
        progress[0].close()
        message_box.warning(
            window,
            translate("Menus", "Restore failed"),
            failure_sentence(exc)
            + "\n"
            + translate("Menus", "Your chats are as they were. Shop Inbox starts again now."),
        )
        request_restart(over=window)
        window.close()

    def refused(exc: BaseException) -> None:
        message_box.warning(window, translate("Menus", "Restore failed"), failure_sentence(exc))

    run_op(partial(check_backup, path), checked, parent=window, on_failure=refused)
