"""A file the owner attaches is kept in Shop Inbox's media folder, in a form WhatsApp takes.

The queued message used to point at the owner's own file: moved or deleted before the send (the
relay down, the laptop offline), the message failed and its bubble lost the picture. And a photo in
WebP, HEIC or a JPEG over WhatsApp's 5 MB went as a *document* (a file icon, not a photo), a WebP
under 500 KB even as a sticker. Now the message keeps a copy, and a picture WhatsApp would not take
as a photo is re-encoded as one (JPEG, at most 2048 px, as catalogue pictures are). A HEIC photo
is re-encoded only where Qt's plugins read HEIC (not in this build): elsewhere it is refused when
attached, as any file WhatsApp takes as nothing (Graph refuses a HEIC even as a document), with the
sentence that says to save it as JPEG (`attachable`).
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from functools import cache
from pathlib import Path

from PySide6.QtGui import QImageReader

from app.catalog_images import sniff_suffix
from app.errors import ErrorCode, InvalidInput
from app.media_cache import SENT_DIR  # sent/<random>/<the file's own name>: a document keeps its name
from app.paths import PASTED_FOLDER, make_folder_within
from app.sending import attachment_kind
from app.wire import MEDIA_LIMITS
from ui.catalog_thumbs import sendable_image_bytes

# Pictures by name where the first bytes do not tell (Qt reads them where its plugins allow).
_PICTURE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".bmp", ".tif", ".tiff"})


@cache
def _qt_reads() -> frozenset[str]:
    """The picture types Qt's plugins read here (no HEIC: photos from iPhones are not among them)."""
    return frozenset("." + bytes(name.data()).decode() for name in QImageReader.supportedImageFormats())


def becomes_a_photo(path: Path) -> bool:
    """A picture by its name that Qt reads here, so it is re-encoded as a photo WhatsApp takes
    (`keep_for_sending`) whatever its own type (a GIF, a BMP; a HEIC where a plugin reads it)."""
    suffix = path.suffix.lower()
    return suffix in _PICTURE_SUFFIXES and suffix in _qt_reads()


_MADE_INTO_A_PHOTO = (ErrorCode.FILE_TYPE_NOT_TAKEN, ErrorCode.FILE_TOO_LARGE_FOR_KIND)


def attachable(path: Path) -> None:
    """Raise what `attachment_kind` raises for a file WhatsApp cannot take (unreadable, too large, a
    type it takes as nothing, a video or sound over 16 MB), except the type or size of a picture that
    becomes a photo before it goes (a 6 MB phone photo, a WebP)."""
    try:
        attachment_kind(path)
    except InvalidInput as exc:
        if exc.code not in _MADE_INTO_A_PHOTO or not becomes_a_photo(path):
            raise


def _first_bytes(source: Path) -> bytes:
    with source.open("rb") as file:
        return file.read(16)


def keep_for_sending(source: Path, media_dir: Path) -> Path:
    """The copy the queued message sends and its bubble shows (off the GUI thread: a photo is
    decoded). Raises what `attachable` raises for a file WhatsApp cannot take at all."""
    attachable(source)  # unreadable, over every limit, or a type refused: before anything is copied
    sniffed = sniff_suffix(_first_bytes(source))
    sendable_as_it_is = sniffed in (".jpg", ".png") and source.stat().st_size <= MEDIA_LIMITS["image"]
    picture = sniffed in (".jpg", ".png", ".webp") or source.suffix.lower() in _PICTURE_SUFFIXES
    folder = media_dir / SENT_DIR / uuid.uuid4().hex
    make_folder_within(folder, media_dir.parent)
    try:
        if picture and not sendable_as_it_is:
            try:
                data = sendable_image_bytes(source)
            except OSError:
                pass  # not readable as a picture here (HEIC without Qt's plugin): sent as the file it is
            else:
                target = folder / f"{source.stem}.jpg"
                target.write_bytes(data)
                return target
        target = folder / source.name
        _link_or_copy(source, target)
        return target
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _link_or_copy(source: Path, target: Path) -> None:
    """A second name for the file where the disk allows it (the same volume: no space taken, and
    the data stays when the original is deleted), else a copy. A shop sends photos all day: copies
    of each would fill a laptop's disk twice over."""
    try:
        os.link(source, target)
    except OSError:  # another volume, a file system without links, or not allowed
        shutil.copyfile(source, target)


def pasted_folder(data_dir: Path) -> Path:
    """Where a pasted picture waits as a file until it is sent (the composer writes it there): in the
    inbox's own folder, not the temporary one, which the system may empty at a restart while the
    picture waits in its chat's composer, kept with the drafts (app/drafts.py)."""
    return data_dir / PASTED_FOLDER


def forget_pasted(source: Path, pasted_in: Path) -> None:
    """A pasted picture is queued (its kept copy or link stands on its own): its waiting file goes,
    or every screenshot the owner ever pasted would stay in the inbox's folder."""
    if source.parent.parent == pasted_in:
        shutil.rmtree(source.parent, ignore_errors=True)


PASTE_KEPT_UNATTACHED = 24 * 3600  # s: a paste taken off the bar goes at a start a day later


def forget_old_pastes(pasted_in: Path, attached: set[Path]) -> None:
    """At a start: the pasted pictures no chat has attached any more (taken off the bar with ×, or
    their chat deleted) go, once a day old (one pasted a moment ago is still on its way to the bar)."""
    too_old = time.time() - PASTE_KEPT_UNATTACHED
    waiting = {path.parent for path in attached}
    for folder in pasted_in.glob("*/") if pasted_in.is_dir() else ():
        try:
            old = folder.stat().st_mtime < too_old
        except OSError:
            continue
        if old and folder not in waiting:
            shutil.rmtree(folder, ignore_errors=True)


def forget_copy(copy: Path, media_dir: Path) -> None:
    """The message was not queued after all: its copy goes."""
    if copy.parent.parent == media_dir / SENT_DIR:
        shutil.rmtree(copy.parent, ignore_errors=True)
