"""Where a file dialog starts: a folder the owner knows, not the folder the app was started in.

A bare file name (or no folder) makes Qt's dialog start in the process's working folder: the install
folder of an installed app on Windows, where a shop owner can neither write nor find the file again.
Save dialogs start in Documents (a backup where the last one was saved). Open dialogs start where
the owner last picked that kind of file, and before that where such files usually are: photos in
Pictures, a bank's or a courier's download in Downloads.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QStandardPaths


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
    """Kinds of file an open dialog asks for: each kind's dialog starts where the last one was found."""

    ATTACHMENT = "attachment"  # sent to a customer: a photo, a PDF
    PICTURE = "picture"  # a catalogue item's photos, a campaign's header
    DOWNLOAD = "download"  # a bank's transactions, a courier's tracking numbers
    DOCUMENT = "document"  # a menu bot exported before
    BACKUP = "backup"  # Shop Inbox's own backups: saved, then restored from the same folder
    SAVED = "saved"  # a customer's photo or file saved from a chat ("Save as…")
    CHAT_EXPORT = "chat_export"  # a chat exported on the phone and sent to this computer

    def default_folder(self) -> str:
        starts: dict[Picked, Callable[[], str]] = {
            Picked.ATTACHMENT: pictures_folder,
            Picked.PICTURE: pictures_folder,
            Picked.DOWNLOAD: downloads_folder,
            Picked.DOCUMENT: documents_folder,
            Picked.BACKUP: documents_folder,
            Picked.SAVED: downloads_folder,
            Picked.CHAT_EXPORT: downloads_folder,
        }
        return starts[self]()


_last_folder: dict[Picked, str] = {}


def open_folder(kind: Picked) -> str:
    """Where an open dialog for this kind of file starts: the folder of the last one picked (while
    it still exists), else the kind's usual folder."""
    last = _last_folder.get(kind)
    if last and Path(last).is_dir():
        return last
    return kind.default_folder()


def remember_pick(kind: Picked, chosen: str | list[str]) -> None:
    """The owner picked these files: the next dialog for this kind starts in their folder."""
    first = chosen[0] if isinstance(chosen, list) else chosen
    if first:
        _last_folder[kind] = str(Path(first).parent)
