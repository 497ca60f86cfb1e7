"""Choosing a backup to restore, the same way from every place: picker, check, yes, opening at sign-in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox, QWidget

from app.backup import BackupFacts, check_backup, check_room_to_restore
from ui import message_box
from ui.confirm import confirm
from ui.formatting import long_datetime
from ui.ops import Op, failure_sentence
from ui.save_paths import Picked, open_file_name

# The sentences are Settings' (its context keeps their translations): File ▸ Restore says the same.
translate = QCoreApplication.translate
Button = QMessageBox.StandardButton


@dataclass(frozen=True, slots=True)
class RestoreChoice:
    """A backup the owner agreed to restore, and whether Shop Inbox then opens at sign-in on this
    computer (None: not asked, the computer's start-up list is left as it is)."""

    source: Path
    open_at_sign_in: bool | None = None


def choose_restore(
    parent: QWidget,
    daily_folder: str,
    confirmed: Callable[[RestoreChoice], None],
    *,
    checking: Callable[[], None] | None = None,
    answered: Callable[[], None] | None = None,
    starts_again: bool = True,
    data_dir: Path | None = None,
    ask_sign_in: bool = True,
) -> bool:
    """The whole way to a restore, which every place that offers one takes, so none of them asks
    less than another (File ▸ Restore once skipped the sign-in question the first start asks): the
    backup picked (`backup_to_restore`), checked and agreed to (`check_then_ask`). False when the
    owner cancelled the picker; `confirmed` gets the choice once she said yes to everything.
    `checking()` as the picked file's check begins, `answered()` once it is back."""
    source = backup_to_restore(parent, daily_folder)
    if source is None:
        return False
    if checking is not None:
        checking()
    check_then_ask(
        parent,
        source,
        confirmed,
        answered=answered,
        starts_again=starts_again,
        data_dir=data_dir,
        ask_sign_in=ask_sign_in,
    )
    return True


def backup_to_restore(parent: QWidget, daily_folder: str) -> Path | None:
    """Ask which backup to restore; None when the owner cancelled. The picker opens in the daily
    backup's folder when there is one (and it is plugged in), else where a backup was last saved."""
    start = daily_folder if daily_folder and Path(daily_folder).is_dir() else None
    source = open_file_name(
        parent, Picked.BACKUP, translate("SettingsDialog", "Restore from backup"), "Zip (*.zip)", start=start
    )
    if not source:
        return None
    return Path(source)


def check_then_ask(
    parent: QWidget,
    source: Path,
    confirmed: Callable[[RestoreChoice], None],
    *,
    answered: Callable[[], None] | None = None,
    starts_again: bool = True,
    data_dir: Path | None = None,
    ask_sign_in: bool = True,
) -> None:
    """Check `source` off the GUI thread, then ask before everything is replaced, then (with
    `ask_sign_in`) whether Shop Inbox opens at sign-in: `confirmed` with both answers. A file that
    is no backup (a chat export picked by mistake) is refused in plain words without the question,
    and with `data_dir` one its disk has no room for. `answered()` once the check is back, whatever
    it said."""

    def refused(error: BaseException) -> None:
        if answered is not None:
            answered()
        message_box.warning(
            parent, translate("SettingsDialog", "Restore from backup"), failure_sentence(error)
        )

    def checked(facts: BackupFacts) -> None:
        if answered is not None:
            answered()
        if not _owner_says_yes(parent, source, starts_again=starts_again, demo=facts.demo):
            return
        # The backup's own answer, as the wizard's last page ticks it: a shop's inbox opens at
        # sign-in, the demo shop's never does (its customers are made up).
        sign_in = _opens_at_sign_in(parent, default=not facts.demo) if ask_sign_in else None
        confirmed(RestoreChoice(source, sign_in))

    def check() -> BackupFacts:
        facts = check_backup(source)
        if data_dir is not None:  # refused now, with the room it needs, while the inbox stays open
            check_room_to_restore(source, data_dir)
        return facts

    # Long: it unpacks the backup's database.
    Op(check, parent=parent, long=True).success(checked).failure(refused).run()


def _opens_at_sign_in(parent: QWidget, *, default: bool) -> bool:
    """Asked once the restore is agreed to, in a question of its own (it was a box ticked under the
    restore's question, whose default is Cancel: a hurried Enter there dropped the restore, and the
    box's answer with it). Neither answer loses anything, so Enter and Esc both take the backup's
    own answer (`default`): only a deliberate click or Alt letter changes it. A demo's backup
    defaults to No."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("SettingsDialog", "Restore from backup"),
        translate("SettingsDialog", "Open Shop Inbox by itself when you sign in to this computer?"),
        Button.Yes | Button.No,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    yes, no = box.button(Button.Yes), box.button(Button.No)
    yes.setText(translate("SettingsDialog", "&Open at sign-in"))
    no.setText(translate("SettingsDialog", "&Don't open"))
    for button in (yes, no):  # the style's green and red Yes / No marks would say it again
        button.setIcon(QIcon())
    box.setDefaultButton(Button.Yes if default else Button.No)
    box.setEscapeButton(Button.Yes if default else Button.No)
    return bool(box.exec() == Button.Yes)


def _owner_says_yes(
    parent: QWidget,
    source: Path,
    *,
    starts_again: bool = True,
    demo: bool = False,
) -> bool:
    try:  # which backup, and from when: an owner keeping several picks by date
        saved = long_datetime(datetime.fromtimestamp(source.stat().st_mtime, UTC))
    except OSError:
        saved = ""
    if starts_again:
        question = translate(
            "SettingsDialog",
            "Restore {file}, saved {when}?\n\nEverything in Shop Inbox now (chats, orders, catalogue, "
            "quick replies and settings) will be replaced by what is in the backup. What is here now "
            "is kept aside in the data folder, not deleted. Shop Inbox starts again once the restore is "
            "done.",
        )
    else:  # the first start's wizard: an empty inbox, and nothing to start again
        question = translate(
            "SettingsDialog",
            "Restore {file}, saved {when}?\n\nThe chats, orders, catalogue, quick replies and settings "
            "in the backup come to this computer, and Shop Inbox opens on them.",
        )
    question = question.format(file=source.name, when=saved)
    if demo:  # a backup made in Try the demo is named like one of her own inbox
        question += "\n\n" + translate(
            "SettingsDialog",
            "This is a backup of the demo shop, made while trying Shop Inbox: its customers, chats and "
            "orders are made up. It holds nothing of your own shop.",
        )
    return confirm(
        parent,
        translate("SettingsDialog", "Restore from backup"),
        question,
        translate("SettingsDialog", "&Restore"),
    )
