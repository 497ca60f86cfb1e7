"""What a failure of the relay's own media files comes down to, and what a desktop is told of it."""

from __future__ import annotations

import errno
import logging
from pathlib import Path

from fastapi.responses import JSONResponse

from app.wire import RelayErrorCode, StorageCause
from relay.errors import error, storage_error

log = logging.getLogger(__name__)

# Each cause a file of the relay's can fail for that someone can mend, and the desktop's retry
# then goes: the errno values that mean it.
FILE_CAUSES: dict[int, StorageCause] = {
    errno.ENOSPC: StorageCause.DISK_FULL,
    errno.EDQUOT: StorageCause.DISK_FULL,  # the relay's user's quota: full for it
    errno.EIO: StorageCause.DISK_ERROR,
    errno.EROFS: StorageCause.READ_ONLY,
    errno.EACCES: StorageCause.NO_PERMISSION,
    errno.EPERM: StorageCause.NO_PERMISSION,
    # The media folder (or a file the relay was writing) removed while it wrote: made again at the
    # next file (MediaJobs.partial_path), so the same request again goes at once.
    errno.ENOENT: StorageCause.FILE_MISSING,
    # A file where the media folder should be (RELAY_MEDIA_DIR naming a file, or one put there).
    errno.ENOTDIR: StorageCause.NOT_A_FOLDER,
}

# Seconds a desktop waits to ask again for a file whose folder went away (made again meanwhile).
FILE_MISSING_RETRY_AFTER = 1

_SENTENCES = {
    "disk_full": "its disk is full",
    "disk_error": "its disk failed to read or write it",
    "read_only": "its disk takes no writes (it is mounted read-only)",
    "no_permission": "it may not write in its media folder",
    "file_missing": "its media folder was removed meanwhile; ask again",
    "not_a_folder": "its media folder is not a folder",
}

# What the operator does about each, said once a failure in the log.
_FIXES = {
    "disk_full": "free some space on the relay's disk",
    "disk_error": "check the relay's disk (the system log says more)",
    "read_only": "make the media folder's disk writable again",
    "no_permission": "let the relay's user write in its media folder (RELAY_MEDIA_DIR)",
    "file_missing": "the relay makes its media folder again; nothing to do unless this repeats",
    "not_a_folder": "put the media folder back where RELAY_MEDIA_DIR says (a file is in its place)",
}


def file_cause(exc: OSError) -> StorageCause | None:
    """The cause of a media file's failure (disk_full, disk_error, read_only, no_permission,
    file_missing, not_a_folder); None for one nobody can mend from outside (a bug: a name too long, a folder
    where a file should be), which is answered 500."""
    return FILE_CAUSES.get(exc.errno) if exc.errno is not None else None


def file_not_kept(what: str, exc: OSError, folder: Path) -> JSONResponse:
    """The answer to a request whose file the relay could not write or read in its own folder
    (`what` names the file for the log): 503 `storage` with `params.cause` while someone can mend
    it (each a retry then carries through), 500 `unknown` otherwise. A bare 500 had the desktop say
    "your relay is busy", and nothing in the log said what to free or fix."""
    cause = file_cause(exc)
    if cause is None:
        log.error("file not kept: %s error=%s errno=%s", what, type(exc).__name__, exc.errno, exc_info=exc)
        return error(500, RelayErrorCode.UNKNOWN, "The relay could not answer this request.")
    level = logging.WARNING if cause == "file_missing" else logging.ERROR
    log.log(level, "file not kept: %s cause=%s folder=%s: %s", what, cause, folder, _FIXES[cause])
    message = f"The relay could not keep this file: {_SENTENCES[cause]}."
    retry_after = FILE_MISSING_RETRY_AFTER if cause == "file_missing" else None
    return storage_error(message, cause, retry_after=retry_after)
