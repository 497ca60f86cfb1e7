"""Choosing a backup to restore: the file picker where backups are, the file's check, the owner's yes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QWidget

from app.backup import BackupFacts, check_backup, check_room_to_restore
from ui import message_box
from ui.confirm import confirm
from ui.formatting import full_datetime
from ui.ops import Op, failure_sentence
from ui.save_paths import Picked, open_file_name

# The sentences are Settings' (its context keeps their translations): File ▸ Restore says the same.
translate = QCoreApplication.translate


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
    confirmed: Callable[[Path], None],
    *,
    answered: Callable[[], None] | None = None,
    starts_again: bool = True,
    data_dir: Path | None = None,
    open_at_sign_in: Callable[[bool], None] | None = None,
) -> None:
    """Check `source` off the GUI thread, then ask before everything is replaced: `confirmed(source)`
    on Yes. A file that is no backup (a chat export picked by mistake) is refused in plain words
    without the question, and with `data_dir` one its disk has no room for. `answered()` once the
    check is back, whatever it said. With `open_at_sign_in` (the first start's wizard, whose own
    page asks it is skipped by a restore), the question carries the wizard's box "Open Shop Inbox
    when I sign in to this computer", and the owner's choice goes there before `confirmed`."""

    def refused(error: BaseException) -> None:
        if answered is not None:
            answered()
        message_box.warning(
            parent, translate("SettingsDialog", "Restore from backup"), failure_sentence(error)
        )

    def checked(facts: BackupFacts) -> None:
        if answered is not None:
            answered()
        # Ticked as the wizard ticks it, but for the demo shop's backup (its customers are made up).
        tick = _sign_in_box(not facts.demo) if open_at_sign_in is not None else None
        # Followed as it changes: the question's box, and the tick with it, is gone once answered.
        wanted = [not facts.demo]
        if tick is not None:
            tick.toggled.connect(lambda on: wanted.__setitem__(0, on))
        if _owner_says_yes(parent, source, starts_again=starts_again, demo=facts.demo, check=tick):
            if open_at_sign_in is not None:
                open_at_sign_in(wanted[0])
            confirmed(source)

    def check() -> BackupFacts:
        facts = check_backup(source)
        if data_dir is not None:  # refused now, with the room it needs, while the inbox stays open
            check_room_to_restore(source, data_dir)
        return facts

    # Long: it unpacks the backup's database.
    Op(check, parent=parent, long=True).success(checked).failure(refused).run()


def _sign_in_box(ticked: bool) -> QCheckBox:
    # The wizard's own words (its context keeps their translation).
    box = QCheckBox(translate("ShopPage", "Open Shop Inbox when I sign &in to this computer"))
    box.setChecked(ticked)
    return box


def _owner_says_yes(
    parent: QWidget,
    source: Path,
    *,
    starts_again: bool = True,
    demo: bool = False,
    check: QCheckBox | None = None,
) -> bool:
    try:  # which backup, and from when: an owner keeping several picks by date
        saved = full_datetime(datetime.fromtimestamp(source.stat().st_mtime, UTC))
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
        check=check,
    )
