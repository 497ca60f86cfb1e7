"""Quick replies' attachments on disk: copied into the data folder under their content hash.

A quick reply used to keep the path of the owner's own file: cleared from Downloads, renamed, or
left behind on the old laptop when a backup was restored on a new one, and the reply lost its photo.
Now the file is copied in when it is chosen, as catalogue pictures are (app/catalog_images.py), to
`quick_reply_media/<sha256>/<its own name>` in the data folder, and the reply keeps that relative
path: a backup carries it (app/backup.py) and a new data folder finds it. The folder is named by the
content, so two replies with the same file share one copy; the file keeps its own name inside, as a
document reaches the customer under it ("가격표.pdf", not a hash).

An entry that is not such a relative path is an older reply's own path to the owner's file
(`is_stored` is False): it is copied in at the next start while it is still there
(`QuickReplyLibrary.adopt_files`), and said missing when it is not.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from app.errors import ErrorCode, FileParams, InvalidInput
from app.media_cache import partial_file, sanitise_filename
from app.paths import QUICK_REPLY_FOLDER
from app.sending import attachment_kind

log = logging.getLogger(__name__)

# A file stored a moment ago may be on its way into a reply being saved (another thread): unused
# files are removed only once this old, so a prune never takes one from under a save.
UNUSED_KEPT_SECONDS = 3600
_CHUNK = 1024 * 1024

# What a file must pass to be kept for a quick reply: the check the composer makes when a file is
# attached (`attachment_kind`, or ui's `attachable`, which lets a picture through that becomes a
# photo when it is sent). Raises InvalidInput with the same codes as sending that file.
FileCheck = Callable[[Path], Any]


@dataclass(frozen=True, slots=True)
class ReplyFile:
    """Where a quick reply's attachment is on this computer and whether it is there."""

    path: Path
    name: str  # the file's own name, as the owner chose it
    missing: bool


def is_stored(entry: str) -> bool:
    """True for a path into the quick replies' folder (`quick_reply_media/<hash>/<name>`)."""
    relative = PurePosixPath(entry)
    return (
        len(relative.parts) == 3
        and relative.parts[0] == QUICK_REPLY_FOLDER
        and ".." not in relative.parts
        and "\\" not in entry
        and not relative.is_absolute()
    )


def shown_name(entry: str) -> str:
    """The file's own name from an entry, a Windows path restored on a Mac included."""
    return re.split(r"[\\/]", entry.rstrip("\\/"))[-1] or entry


def reply_file(data_dir: Path, entry: str) -> ReplyFile:
    """Where an entry's file is: in the data folder for a stored one, else the owner's own path.
    Blocking (one stat)."""
    path = data_dir.joinpath(*PurePosixPath(entry).parts) if is_stored(entry) else Path(entry)
    try:
        missing = not path.is_file()
    except OSError:  # a path this system cannot even look at (too long, a drive that is gone)
        missing = True
    return ReplyFile(path=path, name=shown_name(entry), missing=missing)


def stored_entry(data_dir: Path, path: Path) -> str | None:
    """The entry a file in the quick replies' folder is kept under (a draft's attachment as the
    composer holds it: the full path `reply_file` gave); None for a file anywhere else."""
    for folder, file in ((data_dir, path), (data_dir.resolve(), path.resolve())):
        try:
            entry = file.relative_to(folder).as_posix()
        except ValueError:
            continue
        if is_stored(entry):
            return entry
    return None


def store_file(data_dir: Path, source: Path, check: FileCheck = attachment_kind) -> str:
    """Copy a file the owner chose into the quick replies' folder (once per content and name);
    returns the entry to keep. Raises InvalidInput as sending it would (FILE_UNREADABLE,
    FILE_TOO_LARGE…). Blocking (disk): off the GUI thread."""
    check(source)
    folder = data_dir / QUICK_REPLY_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    name = sanitise_filename(source.name)
    partial = partial_file(folder / name)
    digest = hashlib.sha256()
    try:
        src = source.open("rb")
    except OSError as exc:
        # The OS's reason is for the log; the owner reads which file could not be read.
        raise InvalidInput(
            f"cannot read {source}: {exc}", code=ErrorCode.FILE_UNREADABLE, params=FileParams(source.name)
        ) from exc
    try:
        with src, partial.open("wb") as dst:
            while chunk := src.read(_CHUNK):
                digest.update(chunk)
                dst.write(chunk)
        target = folder / digest.hexdigest() / name
        if target.is_file():
            os.utime(target)  # newly in use: not pruned as old and unused under a save
        else:
            target.parent.mkdir(exist_ok=True)
            # Atomic: a crash never leaves half a file under the name a reply keeps.
            os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    entry = f"{QUICK_REPLY_FOLDER}/{target.parent.name}/{name}"
    log.debug("stored quick reply file %s", entry)
    return entry


def prune_unused_files(data_dir: Path, used: Iterable[str], *, now: float | None = None) -> int:
    """Remove the stored files nothing names any more (a file two replies share stays while one of
    them names it; `used` holds the drafts' attachments too), once they are UNUSED_KEPT_SECONDS old;
    returns how many went."""
    folder = data_dir / QUICK_REPLY_FOLDER
    if not folder.is_dir():
        return 0
    keep = {entry for entry in used if is_stored(entry)}
    too_old = (time.time() if now is None else now) - UNUSED_KEPT_SECONDS
    removed = 0
    for file in sorted(folder.glob("*/*")):
        entry = f"{QUICK_REPLY_FOLDER}/{file.parent.name}/{file.name}"
        try:
            if entry in keep or not file.is_file() or file.stat().st_mtime > too_old:
                continue
            file.unlink()
            removed += 1
        except OSError as exc:  # held open by another program (Windows): the next prune tries again
            log.info("unused quick reply file %s not removed: %s", entry, exc)
    for sub in folder.iterdir():
        try:
            if sub.is_dir() and not any(sub.iterdir()):
                sub.rmdir()
            elif sub.is_file() and sub.stat().st_mtime < too_old:  # a copy a crash cut short
                sub.unlink()
        except OSError as exc:
            log.info("quick reply folder %s not tidied: %s", sub.name, exc)
    if removed:
        log.info("removed %d quick reply files no reply uses", removed)
    return removed
