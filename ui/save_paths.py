"""Where a file dialog starts: a folder the owner knows, not the folder the app was started in.

A bare file name (or no folder) makes Qt's dialog start in the process's working folder: the install
folder of an installed app on Windows, where a shop owner can neither write nor find the file again.
Every save and open dialog starts where the owner last saved or picked that kind of file (kept in the
window's settings file, so a restart remembers it), and before that where such files usually are:
saved files in Documents, photos in Pictures, a bank's or a courier's download in Downloads. Every
file dialog of the app goes through `save_file_name`, `open_file_name`, `open_file_names` and
`folder_name` (and they through ui/file_dialogs.py, for Qt's own dialog's sizes and dates).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QWidget

from ui import file_dialogs


def _existing(location: QStandardPaths.StandardLocation) -> str | None:
    folder = QStandardPaths.writableLocation(location)
    return folder if folder and Path(folder).is_dir() else None


def documents_folder() -> str:
    """The Documents folder; the home folder where there is none (Qt's dialog would start in the
    working folder again, given a folder that does not exist)."""
    return _existing(QStandardPaths.StandardLocation.DocumentsLocation) or (
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation) or str(Path.home())
    )


def pictures_folder() -> str:
    """Pictures (where a phone's photos are copied to); Documents where there is none."""
    return _existing(QStandardPaths.StandardLocation.PicturesLocation) or documents_folder()


def downloads_folder() -> str:
    """Downloads (a bank's statement, a courier's tracking file); Documents where there is none."""
    return _existing(QStandardPaths.StandardLocation.DownloadLocation) or documents_folder()


def in_documents(name: str) -> str:
    """`name` in the Documents folder, as a save dialog's suggestion."""
    return str(Path(documents_folder()) / name)


class Picked(Enum):
    """Kinds of file a dialog saves or opens: each kind's dialog starts where the last one was."""

    ATTACHMENT = "attachment"  # sent to a customer: a photo, a PDF
    PICTURE = "picture"  # a catalogue item's photos, a campaign's header
    BANK_FILE = "bank_file"  # a bank's transactions, for the deposits window
    TRACKING_FILE = "tracking_file"  # a courier's tracking numbers, for the orders board
    DOCUMENT = "document"  # a menu bot exported before
    BACKUP = "backup"  # Shop Inbox's own backups: saved, then restored from the same folder
    SAVED = "saved"  # a customer's photo or file saved from a chat ("Save as…")
    CHAT_EXPORT = "chat_export"  # a chat exported on the phone and sent to this computer
    EXPORTED_CHAT = "exported_chat"  # a chat exported from Shop Inbox (File ▸ Export chat…)
    COURIER_SHEET = "courier_sheet"  # the paid orders' sheet for the courier
    ORDERS_SHEET = "orders_sheet"  # Export orders…, for the accountant
    CATALOGUE_SHEET = "catalogue_sheet"  # the catalogue as a sheet, exported and imported
    REPORT = "report"  # a campaign's report
    QR_CODE = "qr_code"  # the shop's QR code, to print
    QUICK_REPLIES = "quick_replies"  # quick replies exported, to import on another computer

    def default_folder(self) -> str:
        starts: dict[Picked, Callable[[], str]] = {
            Picked.EXPORTED_CHAT: documents_folder,
            Picked.COURIER_SHEET: documents_folder,
            Picked.ORDERS_SHEET: documents_folder,
            Picked.CATALOGUE_SHEET: documents_folder,
            Picked.REPORT: documents_folder,
            Picked.QR_CODE: pictures_folder,
            Picked.QUICK_REPLIES: documents_folder,
            Picked.ATTACHMENT: pictures_folder,
            Picked.PICTURE: pictures_folder,
            Picked.BANK_FILE: downloads_folder,
            Picked.TRACKING_FILE: downloads_folder,
            Picked.DOCUMENT: documents_folder,
            Picked.BACKUP: documents_folder,
            Picked.SAVED: downloads_folder,
            Picked.CHAT_EXPORT: downloads_folder,
        }
        return starts[self]()


_last_folder: dict[Picked, str] = {}
_suggested: dict[Picked, str] = {}  # before the owner picks: where this run's files of a kind are
_memory: str | None = None  # the settings file the folders outlive this run in (None: they do not)


def remember_folders_in(settings_file: str | None) -> None:
    """Keep the last folders in `settings_file` (the window's .ini) from now on, and read them from
    it: the folders of a run before this one."""
    global _memory
    _memory = settings_file
    _last_folder.clear()
    _suggested.clear()


def suggest_folder(kind: Picked, folder: Path) -> None:
    """Start this kind's dialogs in `folder` until the owner picks a file of the kind elsewhere (the
    demo's sample bank and courier files)."""
    _suggested[kind] = str(folder)


def _settings() -> QSettings | None:
    return None if _memory is None else QSettings(_memory, QSettings.Format.IniFormat)


def _key(kind: Picked) -> str:
    return f"lastFolders/{kind.value}"


# The bank's and the courier's files were one kind ("download") before they had a folder each, so a
# courier's file picked in one folder sent the next bank file's dialog there: either starts where
# that shared kind was last picked until one of its own is.
_FORMER_KEY = {Picked.BANK_FILE: "lastFolders/download", Picked.TRACKING_FILE: "lastFolders/download"}


def open_folder(kind: Picked) -> str:
    """Where a dialog for this kind of file starts: the folder of the last one saved or picked
    (while it still exists), else the one suggested for this run, else the kind's usual folder."""
    last = _last_folder.get(kind)
    if last is None and (settings := _settings()) is not None:
        stored = settings.value(_key(kind))
        if stored is None and kind in _FORMER_KEY:
            stored = settings.value(_FORMER_KEY[kind])
        last = stored if isinstance(stored, str) else None
    for folder in (last, _suggested.get(kind)):
        if folder and Path(folder).is_dir():
            return folder
    return kind.default_folder()


def remember_pick(kind: Picked, chosen: str | list[str]) -> None:
    """The owner saved or picked these files: the next dialog for this kind starts in their folder."""
    first = chosen[0] if isinstance(chosen, list) else chosen
    if first:
        folder = str(Path(first).parent)
        _last_folder[kind] = folder
        if (settings := _settings()) is not None:
            settings.setValue(_key(kind), folder)
            settings.sync()


def save_file_name(parent: QWidget | None, kind: Picked, caption: str, name: str, filters: str = "") -> str:
    """The save dialog for `name`, in the folder this kind was last saved to; "" when cancelled."""
    chosen, _ = file_dialogs.save_file_name(parent, caption, str(Path(open_folder(kind)) / name), filters)
    if chosen:
        remember_pick(kind, chosen)
    return str(chosen or "")


def open_file_name(
    parent: QWidget | None, kind: Picked, caption: str, filters: str = "", *, start: str | None = None
) -> str:
    """The open dialog for one file of this kind, in `start` or where the last one was; "" when cancelled."""
    chosen, _ = file_dialogs.open_file_name(parent, caption, start or open_folder(kind), filters)
    if chosen:
        remember_pick(kind, chosen)
    return str(chosen or "")


def open_file_names(parent: QWidget | None, kind: Picked, caption: str, filters: str = "") -> list[str]:
    """The open dialog for files of this kind, where the last ones were; [] when cancelled."""
    chosen, _ = file_dialogs.open_file_names(parent, caption, open_folder(kind), filters)
    if chosen:
        remember_pick(kind, chosen)
    return [str(c) for c in chosen or []]


def folder_name(parent: QWidget | None, kind: Picked, caption: str, *, start: str | None = None) -> str:
    """The folder dialog, in `start` or where this kind was last saved; the folder chosen is where
    the next dialog for this kind starts. "" when cancelled."""
    chosen = file_dialogs.existing_folder(parent, caption, start or open_folder(kind))
    if chosen:
        folder = str(Path(chosen))
        _last_folder[kind] = folder
        if (settings := _settings()) is not None:
            settings.setValue(_key(kind), folder)
            settings.sync()
    return str(chosen or "")
