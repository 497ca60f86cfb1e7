"""Where the desktop keeps its files: database, media cache, logs and config (platformdirs, overridable)."""

from __future__ import annotations

import errno
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

APP_NAME = "ShopInbox"
APP_AUTHOR = "ShopInbox"

# A backup is unpacked into a folder of this name beside the data before it replaces it.
RESTORING = "restoring-"

# Quick replies' attachments, copied in under their content hash (app/quick_reply_files.py).
QUICK_REPLY_FOLDER = "quick_reply_media"

# Pictures pasted into a reply, each waiting as pasted/<random>/<name> until it is sent (a draft's).
PASTED_FOLDER = "pasted"

# Tests and portable installs point the whole app at one folder.
DATA_DIR_ENV = "SHOP_INBOX_DATA_DIR"


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders and files of one installation (or one demo, or one test)."""

    data_dir: Path
    config_dir: Path
    log_dir: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "inbox.db"

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def catalog_dir(self) -> Path:
        return self.data_dir / "catalog"

    @property
    def quick_reply_dir(self) -> Path:
        return self.data_dir / QUICK_REPLY_FOLDER

    @property
    def pasted_dir(self) -> Path:
        return self.data_dir / PASTED_FOLDER

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "shop-inbox.log"

    def restores_under_way(self) -> list[Path]:
        """Folders a backup was being unpacked into (app/backup.py): any left at a start were cut
        short by a crash. A glob: cheap enough for the start path."""
        return sorted(self.data_dir.glob(RESTORING + "*"))

    def ensure(self) -> AppPaths:
        for folder in (self.data_dir, self.config_dir, self.log_dir, self.media_dir):
            try:
                make_folder(folder)
            except PermissionError as exc:  # EACCES, EPERM
                raise read_only_folder_error(self.data_dir, exc) from exc
            except OSError as exc:
                if exc.errno != errno.EROFS:
                    raise
                raise read_only_folder_error(self.data_dir, exc) from exc
        return self


def make_folder(folder: Path) -> None:
    """Make `folder` (and the folders on its way) unless it is there. A file in its place, or in the
    place of a folder on its way (`--data-dir` naming a document, say), raises DatabaseUnavailable
    DATA_FOLDER_IS_A_FILE naming that file, not the OS's "File exists"."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as exc:
        from app.errors import DatabaseUnavailable, ErrorCode

        in_the_way = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), folder)
        raise DatabaseUnavailable(
            f"{in_the_way} is a file, not a folder ({exc})",
            path=in_the_way,
            code=ErrorCode.DATA_FOLDER_IS_A_FILE,
        ) from exc


# Environment variables Windows sets to the folders OneDrive keeps in step.
_ONEDRIVE_ROOTS = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")


def synced_folder(data_dir: Path, env: Mapping[str, str] | None = None) -> str | None:
    """The cloud service that keeps `data_dir` in step with other computers ("OneDrive", "Dropbox",
    "iCloud Drive", "Google Drive"), or None. A live SQLite file copied up and down while it is
    written can be damaged, above all when two computers open it. Read from the path and the
    environment only: nothing on the disk is asked."""
    env = os.environ if env is None else env
    for name in _ONEDRIVE_ROOTS:
        root = env.get(name)
        if root and _inside(data_dir, Path(root)):
            return "OneDrive"
    for part in data_dir.parts:
        folded = part.casefold()
        if folded == "onedrive" or folded.startswith("onedrive - "):
            return "OneDrive"
        if folded == "dropbox" or folded.startswith("dropbox ("):
            return "Dropbox"
        if folded in ("mobile documents", "icloud drive", "iclouddrive"):
            return "iCloud Drive"
        if folded in ("google drive", "googledrive") or folded.startswith("googledrive-"):
            return "Google Drive"
    return None


def _inside(folder: Path, root: Path) -> bool:
    try:
        return os.path.normcase(str(folder)).startswith(os.path.normcase(str(root)).rstrip("\\/") + os.sep)
    except ValueError:
        return False


def make_folder_within(folder: Path, data_dir: Path) -> None:
    """Make `folder` and the folders between it and `data_dir`, never `data_dir` itself: a data folder
    that went away while Shop Inbox runs (a USB stick taken out) is not made again, empty, on this
    computer's own disk, with the received files of the moment in it. FileNotFoundError then."""
    if not data_dir.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the data folder is not there", str(data_dir))
    folder.mkdir(parents=True, exist_ok=True)


def may_not_write_in(folder: Path) -> bool:
    """True when `folder` is there but nothing may be written in it: a read-only disk (a USB stick
    locked against writing, a disc), or a folder whose permissions keep this user out. Tried with a
    file made and removed at once, the one test every system answers truly (os.access does not see
    Windows' folder permissions); any other failure (a full disk, a folder gone) is not this one."""
    probe = folder / f".shop-inbox-write-test-{os.getpid()}"
    try:
        fd = os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except PermissionError:
        return folder.is_dir()
    except OSError as exc:
        return exc.errno == errno.EROFS
    os.close(fd)
    try:
        probe.unlink()
    except OSError as exc:  # an empty file with a name of its own stays: harmless
        log.warning("the data folder's write test stays in %s: %s", folder, exc)
    return False


def read_only_folder_error(folder: Path, exc: BaseException) -> Exception:
    """DatabaseUnavailable DATA_FOLDER_READ_ONLY naming `folder`, with the OS's reason for the log."""
    from app.errors import DatabaseUnavailable, ErrorCode

    return DatabaseUnavailable(
        f"{folder} may not be written ({exc})", path=folder, code=ErrorCode.DATA_FOLDER_READ_ONLY
    )


def paths_for(data_dir: Path) -> AppPaths:
    """Everything in one folder: used for --data-dir, the demo and tests."""
    return AppPaths(data_dir=data_dir, config_dir=data_dir / "config", log_dir=data_dir / "logs")


def demo_shop_paths(root: Path) -> AppPaths:
    """The demo shop's own folders (its inbox, config and log) in the folder `root` that keeps the
    demo, its relay's folder beside them."""
    return paths_for(root / "desktop")


def new_demo_folder() -> Path:
    """A temporary folder for a demo kept nowhere. Python tries each place for temporary files with a
    small file first, and when none takes it says "No usable temporary directory" (ENOENT), which
    read "not there any more (moved or deleted?)": on a full disk (the temporary files' place is on
    the home folder's disk on a laptop), said as the disk."""
    import tempfile

    try:
        return Path(tempfile.mkdtemp(prefix="shop-inbox-demo-"))
    except FileNotFoundError as exc:
        from app.db import no_room_beside
        from app.errors import DemoDiskFull

        if no_room_beside(Path.home() / "shop-inbox-demo"):  # a place in the home folder
            raise DemoDiskFull(Path.home(), f"no room for the demo's temporary folder: {exc}") from exc
        raise


def default_paths() -> AppPaths:
    """The user's folders, or the one folder named by SHOP_INBOX_DATA_DIR."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return paths_for(Path(override).expanduser())
    return platform_paths()


def platform_paths() -> AppPaths:
    """The user's own folders for Shop Inbox, as the operating system names them."""
    import platformdirs

    return AppPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        log_dir=Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )


_REMOVABLE_ROOTS = ("/Volumes/", "/media/", "/run/media/", "/mnt/")


def looks_removable(folder: str) -> bool:
    """Whether `folder`, as a preference names it, looks like a place on a drive plugged in: a USB
    stick or an outside disk (macOS's /Volumes, Linux's /media and /mnt, a Windows drive letter past
    C:). Read from its words alone, as the computer that chose it wrote them: the folder may be an
    old computer's, on another system. A folder in a home or on C: is this (or that) computer's own."""
    text = folder.strip()
    if len(text) >= 2 and text[1] == ":" and text[0].isalpha():
        return text[0].upper() not in "ABC"  # A: and B: were floppies; C: is the system's own disk
    return text.replace("\\", "/").startswith(_REMOVABLE_ROOTS)
